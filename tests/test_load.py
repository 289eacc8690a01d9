"""Loading: encodings, formats, folders, standard input and every kind of bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from wirediff.core import WirediffError, load_document, load_documents
from wirediff.core.load import MAX_BYTES, bundled_seeds, parse_bytes

STORY = "Japan's leader left on Thursday. He will meet Trump \u2014 \u201cthe president\u201d.\n"


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (STORY.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), None),
        (STORY.encode("utf-16"), None),
        (STORY.encode("utf-16-le"), "UTF-16"),
    ],
)
def test_text_is_decoded_exactly(data: bytes, note: str | None) -> None:
    document = parse_bytes(data, "story.txt")
    assert document.text == STORY
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    assert (note is None) == (not document.notes)


def test_cp1252_fallback_says_so() -> None:
    document = parse_bytes(
        "Caf\u00e9 owners said \u201cno\u201d. It rained.".encode("cp1252"), "old.txt"
    )
    assert document.text == "Caf\u00e9 owners said \u201cno\u201d. It rained."
    assert any("cp1252" in note for note in document.notes)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"  \n\n \t"), "empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 4), "binary"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64), "binary"),
    ],
)
def test_bad_files_get_one_line_naming_the_file(tmp_path: Path, setup, message: str) -> None:
    path = tmp_path / "story.txt"
    setup(path)
    with pytest.raises(WirediffError) as raised:
        load_document(str(path))
    assert str(path) in raised.value.message
    assert message in raised.value.message
    assert "\n" not in raised.value.message


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(WirediffError, match="too large"):
        load_document(str(path))


def test_folder_means_its_text_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second version. It rained.", encoding="utf-8")
    (tmp_path / "a.md").write_text("# First\n\nFirst version. It rained.", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    documents = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in documents] == ["a.md", "b.txt"]


def test_empty_folder_and_single_document_are_errors(tmp_path: Path) -> None:
    with pytest.raises(WirediffError, match="no text"):
        load_documents([str(tmp_path)])
    (tmp_path / "a.txt").write_text("Only one.", encoding="utf-8")
    with pytest.raises(WirediffError, match="at least two"):
        load_documents([str(tmp_path)])


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))
    document = load_document("-")
    assert document.path == "-"
    assert document.text == STORY


def test_bundled_seeds_ship_with_the_package() -> None:
    names = [Path(path).name for path in bundled_seeds()]
    assert names == [
        "000_5fd63220c0a3b547.txt",
        "001_d2c0166b2a2dd97c.txt",
        "002_004c7a7293647294.txt",
        "003_e64426c3b047badc.txt",
        "004_abc8bb8cf5328acc.txt",
    ]


HOSTILE_PAGE = """<!doctype html><html><head><title>Site | Japan PM heads to US</title>
<meta property="og:title" content="Japan PM heads to US for Trump summit">
<meta name="author" content="Jane Reporter">
<script>alert('x')</script><style>body{color:red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Japan PM heads to US for Trump summit</h1>
<p>Japanese Prime Minister Shigeru Ishiba on Thursday left for the United States ahead of what
will be President Donald Trump's second summit with a foreign leader since his return.</p>
<p onclick="steal()">Japan is one of the closest allies of the United States in Asia with around
54,000 US military personnel stationed in the country, officials said on Thursday.</p>
<p>Ishiba will be pushing for reassurance on the importance of the alliance &amp; its future,
as Trump's agenda risks encroaching on the nations' trade and defence ties.<img src=x onerror="alert(1)"></p>
</article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""


def test_html_article_text_headline_and_byline(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    document = load_document(str(path))
    assert document.source_format == "html"
    assert document.title == "Japan PM heads to US for Trump summit"
    assert "Jane Reporter" in document.text
    assert "54,000 US military personnel" in document.text
    assert "alert" not in document.text and "steal" not in document.text
    assert "Home" not in document.text
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


def test_html_with_no_article_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(WirediffError, match=r"empty\.html"):
        load_document(str(path))


def test_html_without_a_recognisable_article_falls_back_to_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    paragraph = "<p>Hello &amp; <script>alert(1)</script> world. Japan and Trump met.</p>"
    path.write_text("<html><body>" + "<div>" * 3000 + paragraph + "</div>" * 3000, encoding="utf-8")
    document = load_document(str(path))
    assert "Hello & world." in document.text
    assert "alert" not in document.text
    assert any("visible text" in note for note in document.notes)
