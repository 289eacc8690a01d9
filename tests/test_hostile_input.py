"""Hostile and pathological input (issue 10): what an attacker, a broken file or a huge one does.

Every test here failed before its fix. The inputs live in ``tests/hostile.py``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirediff.cli.main import main
from wirediff.core import Collation, Document, WirediffError, collate, document_from_text
from wirediff.core import segment as segment_module
from wirediff.core.diff import word_opcodes
from wirediff.core.load import MAX_BYTES, load_document, parse_bytes
from wirediff.core.model import short_name
from wirediff.core.visible import (
    has_control,
    visible,
    visible_collation,
    visible_format,
    visible_line,
    visible_report,
)
from wirediff.reports import render
from wirediff.reports.md_report import escape, render_md
from wirediff.reports.txt_report import render_txt

from . import hostile
from .conftest import AFP

ROOT = Path(__file__).resolve().parents[1]


_DECEIVING = frozenset(hostile.BIDI) | frozenset("".join(hostile.HIDDEN))


def controls(text: str) -> set[str]:
    """Control characters in ``text`` other than tab and newline, and the bidirectional controls
    and hidden characters that would reorder or hide text on screen."""
    return {
        c for c in text if (unicodedata.category(c) == "Cc" and c not in "\t\n") or c in _DECEIVING
    }


def escape_collation(base_path: str = hostile.ESCAPE_NAME) -> Any:
    return collate(
        [
            document_from_text(hostile.ESCAPE_TEXT, base_path),
            document_from_text(hostile.ESCAPE_OTHER, "other.txt"),
        ]
    )


# --- 1. Terminal escapes ------------------------------------------------------------------------


def test_visible_shows_every_control_but_tab_and_newline_at_the_same_length() -> None:
    for text in (*hostile.ESCAPES, hostile.CARRIAGE_RETURN, "tab\tand\nnewline\x00\x7f\x85"):
        shown = visible(text)
        assert len(shown) == len(text)
        assert not controls(shown)
    assert visible(hostile.CLIPBOARD) == "␛]52;c;Y3VybCBldmlsfHNo␇"
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible_line("a\tb\nc") == "a b␤c"
    assert visible(hostile.CARRIAGE_RETURN) == "Safe text Evil"


def test_the_txt_report_shows_escapes_visibly() -> None:
    text = render_txt(escape_collation(), "test")
    assert not controls(text)
    assert "␛]52;c;Y3VybCBldmlsfHNo␇" in text and "evil␛[2J␛]0;owned␇.txt" in text


def test_escapes_surviving_html_extraction_are_data_in_json_and_visible_in_txt() -> None:
    page = parse_bytes(hostile.ESCAPE_HTML.encode(), "page.html")
    assert "\x1b]52;" in page.text  # the data keeps what the page says
    collation = collate([page, document_from_text(hostile.ESCAPE_TEXT, "story.txt")])
    data = json.loads(render(collation, "json", "test"))
    assert "\x1b]52;" in data["documents"][0]["text"]
    txt = render(collation, "txt", "test")
    assert not controls(txt) and "␛]52;" in txt and "␛]0;owned␇" in txt


def test_every_format_is_visible_on_a_terminal_and_raw_in_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "base.txt"
    other = tmp_path / "other.txt"
    base.write_text(hostile.ESCAPE_TEXT)
    other.write_text(hostile.ESCAPE_OTHER)
    for format_name in ("md", "csv", "html", "json"):
        assert main(["report", str(base), str(other), "--format", format_name]) == 0
        piped = capsys.readouterr().out
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        assert main(["report", str(base), str(other), "--format", format_name]) == 0
        shown = capsys.readouterr().out
        monkeypatch.undo()
        assert not controls(shown.removeprefix("\ufeff")), format_name  # the CSV's own BOM
        if format_name != "json":  # JSON escapes control characters itself
            assert "\x1b" in piped, format_name


def test_file_names_in_error_messages_are_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / hostile.ESCAPE_NAME
    assert main(["report", str(missing), str(AFP)]) == 2
    error = capsys.readouterr().err
    assert not controls(error) and "evil␛[2J␛]0;owned␇.txt: no such file" in error
    assert error.count("\n") == 1


def test_a_bad_argument_is_shown_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["report", f"--x{hostile.CLEAR_SCREEN}", str(AFP), str(AFP)])
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert not controls(error) and "unrecognized arguments: --x␛[2J" in error


ARBITRARY = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=20),
        st.text(st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=20),
        st.sampled_from(hostile.ESCAPES),
        st.sampled_from(hostile.BIDI + hostile.HIDDEN + hostile.SHAPING),
        st.text(st.sampled_from(sorted(_DECEIVING)), max_size=5),
    ),
    max_size=10,
).map("".join)
PROSE = st.lists(
    st.sampled_from(["Officials", "said", "the", "plan.", "\n\n", "Monday", '"We', 'will,"', "5"]),
    max_size=30,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PROSE, ARBITRARY, ARBITRARY), min_size=2, max_size=3))
def test_nothing_from_the_input_reaches_the_terminal_as_a_control_in_the_txt_report(
    versions: list[tuple[str, str, str]],
) -> None:
    documents = [
        replace(
            document_from_text(prose + hostile.RED + noise, f"{name}{k}.txt"),
            notes=(f"note {noise}",),
        )
        for k, (prose, noise, name) in enumerate(versions)
    ]
    text = render_txt(collate(documents, all_pairs=True), "test")
    assert not controls(text)


# The app: what it writes to the terminal, by segment and as the bytes of a full frame.

_OWN_SEQUENCES = re.compile(r"\x1b\[\d+;\d+H|\x1b\[[0-9;]*m")
"""What Textual itself writes around the text: cursor moves and colours."""


def frame(app: Any) -> tuple[str, list[str]]:
    """The frame the app writes to the terminal, and the text of its segments."""
    update = app.screen._compositor.render_full_update()
    texts = [
        segment.text
        for line in update.strips
        for strip in line
        for segment in strip
        if not segment.control
    ]
    return update.render_segments(app.console), texts


def assert_inert(app: Any) -> str:
    """No control character from the input is on screen; returns the frame's text."""
    raw, texts = frame(app)
    for text in texts:
        assert not controls(text), repr(text)
    rest = _OWN_SEQUENCES.sub("", raw)
    assert not controls(rest), repr(rest[:400])
    return "".join(texts)


async def _show(
    documents: list[Document],
    keys: tuple[str, ...] = (),
    check: Callable[[str, Any], None] = lambda shown, app: None,
) -> None:
    from wirediff.tui.app import WirediffApp

    app = WirediffApp(documents)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        check(assert_inert(app), app)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            assert_inert(app)


def test_the_app_shows_escapes_and_markup_in_names_as_text() -> None:
    base = replace(
        document_from_text(hostile.ESCAPE_TEXT, hostile.ESCAPE_NAME),
        notes=(f"decoded as cp1252{hostile.CLEAR_SCREEN}",),
    )
    other = replace(
        document_from_text(hostile.ESCAPE_OTHER, hostile.MARKUP_NAME), notes=("a note",)
    )

    def check(shown: str, app: Any) -> None:
        # its label (the file name without its extension) in the summary, as written
        assert short_name(hostile.MARKUP_NAME) in shown
        assert "evil␛[2J␛]0;owned␇" in shown and "␛]52;c;" in shown
        notes = {note.message: note.markup for note in app._notifications}
        assert notes == {
            "evil␛[2J␛]0;owned␇.txt: decoded as cp1252␛[2J": False,
            f"{hostile.MARKUP_NAME}: a note": False,
        }

    asyncio.run(_show([base, other], keys=("j", "j", "enter"), check=check))


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.tuples(PROSE, ARBITRARY, ARBITRARY))
def test_nothing_from_the_input_reaches_the_terminal_as_a_control_in_the_app(
    version: tuple[str, str, str],
) -> None:
    prose, noise, name = version
    documents = [
        document_from_text(prose + hostile.CLIPBOARD + noise + "\n\nThe council met.", name),
        document_from_text("The council met." + noise, "[b]" + name),
    ]
    asyncio.run(_show(documents, keys=("enter",)))


def test_the_displayed_collation_keeps_every_offset() -> None:
    collation = escape_collation()
    shown = visible_collation(collation)
    for raw, seen in zip(collation.documents, shown.documents, strict=True):
        assert len(seen.text) == len(raw.text)
        for sentence in seen.sentences:
            assert seen.text[sentence.start : sentence.end] == sentence.text
            assert not controls(sentence.text)


def test_visible_shows_bidi_controls_and_hidden_characters_at_the_same_length() -> None:
    for character in (*hostile.BIDI, *hostile.HIDDEN):
        text = f"a{character}b"
        for show in (visible, visible_line, visible_format):
            shown = show(text)
            assert len(shown) == len(text) and not controls(shown), (show, hex(ord(character)))
    assert visible(hostile.TROJAN_TEXT).count("\u21c6") == 2  # ⇆ where the override was
    assert "Friday⬚⬚⬚⬚⬚⬚⬚⬚ to" in visible(hostile.TROJAN_TEXT)  # the smuggled text, one ⬚ each
    assert visible_line(f"n{hostile.ZWSP}ot") == "n⬚ot"
    assert visible_format("a\x1bb") == "a\x1bb"  # for displays that handle controls themselves
    assert visible("\ufeffa\ufeffb") == "⬚a⬚b"
    assert visible_report("\ufeffa\ufeffb") == "\ufeffa⬚b"  # the CSV report's BOM stays
    for character in hostile.SHAPING:  # they shape text, nothing hidden
        assert visible(f"a{character}b") == f"a{character}b"


def test_line_and_paragraph_separators_show_as_spaces() -> None:
    # U+2028/U+2029 break lines in some terminals and vanish in others
    for character in ("\u2028", "\u2029"):
        assert visible(f"a{character}b") == visible_line(f"a{character}b") == "a b"
        assert has_control(f"a{character}b")


def trojan_collation() -> Collation:
    return collate(
        [
            document_from_text(hostile.TROJAN_TEXT, f"trojan{hostile.RLI}txt.{hostile.PDI}md"),
            document_from_text(hostile.TROJAN_OTHER, "other.txt"),
        ]
    )


def test_the_txt_report_shows_a_reordering_quote_as_written_and_json_keeps_it() -> None:
    collation = trojan_collation()
    text = render_txt(collation, "test")
    assert not controls(text)
    assert '"We will ⇆etov ton⇆ against the plan,"' in text
    assert "trojan⇆txt.⇆md" in text  # the file name cannot reorder its extension
    assert "n⬚ot vote" in text  # why the two quotes, alike on screen, are not identical
    data = json.loads(render(collation, "json", "test"))
    assert hostile.RLO in data["documents"][0]["text"]
    assert hostile.TAG_TEXT in data["documents"][0]["text"]
    assert hostile.ZWSP in data["documents"][1]["text"]


def test_the_html_report_shows_bidi_controls_and_hidden_characters() -> None:
    page = render(trojan_collation(), "html", "test")
    assert not controls(page)
    assert "We will ⇆etov ton⇆ against" in page and "n⬚ot vote" in page
    assert "trojan⇆txt.⇆md" in page
    assert ".s { unicode-bidi: isolate; }" in page  # right-to-left text stays in its sentence


def test_the_app_shows_bidi_controls_and_hidden_characters() -> None:
    documents = [
        document_from_text(hostile.TROJAN_TEXT, "trojan.txt"),
        document_from_text(hostile.TROJAN_OTHER, f"{hostile.RLO}txt.evil"),
    ]

    def check(shown: str, app: Any) -> None:
        assert "⇆etov ton⇆" in shown and "n⬚ot" in shown and "⇆txt" in shown

    asyncio.run(_show(documents, keys=("j", "enter"), check=check))


# --- 2. Linear segmentation ---------------------------------------------------------------------


def segmentation_work(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Steps segmentation takes: Python lines run in segment.py plus characters regex-searched
    for sentence ends. A count, not a time: the same on every machine."""
    searched = 0
    terminal = segment_module._TERMINAL

    class CountingPattern:
        def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
            nonlocal searched
            searched += min(endpos, len(string)) - pos
            return terminal.search(string, pos, endpos)

    monkeypatch.setattr(segment_module, "_TERMINAL", CountingPattern())
    lines = 0
    source = segment_module.__file__

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal lines
        if frame.f_code.co_filename != source:
            return None
        if event == "line":
            lines += 1
        return tracer

    sys.settrace(tracer)
    try:
        segment_module.segment(text)
    finally:
        sys.settrace(None)
        monkeypatch.undo()
    return lines + searched


@pytest.mark.parametrize("name", ["glued full stops", "lower-case lines", "one-word lines"])
def test_segmentation_work_grows_linearly(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    make = hostile.PATHOLOGICAL[name]
    small = segmentation_work(make(8_000), monkeypatch)
    large = segmentation_work(make(32_000), monkeypatch)
    assert large < 5 * small, (small, large)  # 4x the input: 4x the work, not 16x


def test_segmentation_of_glued_text_is_unchanged() -> None:
    text = "He left.Trump said no. See www.example.com.Then U.S.Army came. 'Go.'Now"
    spans = [text[s.start : s.end] for s in segment_module.segment(text)]
    assert spans == [
        "He left.",
        "Trump said no.",
        "See www.example.com.Then U.S.Army came.",
        "'Go.'",
        "Now",
    ]


def test_a_sentence_of_thousands_of_words_gets_a_bounded_word_diff() -> None:
    words = hostile.no_punctuation(200_000).split()
    changed = [word.replace("7", "8") for word in words]
    opcodes = word_opcodes(words, changed)
    assert opcodes[0][0] == "equal" and opcodes[-1][0] == "equal"
    rebuilt: list[str] = []
    for op, b1, b2, o1, o2 in opcodes:
        rebuilt += words[b1:b2] if op == "equal" else changed[o1:o2]
    assert rebuilt == changed
    mid = word_opcodes(words[:2000], changed[:2000])  # the aligned (bit-parallel) path
    assert sum(1 for op in mid if op[0] == "equal") > 100


# --- 3. Input limits ----------------------------------------------------------------------------


def test_too_large_says_the_limit_and_the_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a " * (MAX_BYTES // 2 + 200_000))
    with pytest.raises(WirediffError) as raised:
        load_document(str(path))
    assert raised.value.message.endswith("too large (5.4 MB; the limit is 5 MB)")


def test_too_large_on_standard_input_says_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a " * MAX_BYTES)))
    with pytest.raises(WirediffError) as raised:
        load_document("-")
    assert raised.value.message == "-: too large (more than 5 MB; the limit is 5 MB)"


def test_too_many_sentences_says_the_limit() -> None:
    data = hostile.short_sentences(MAX_BYTES).encode()  # a million sentences: stops early
    with pytest.raises(WirediffError) as raised:
        parse_bytes(data, "many.txt")
    assert raised.value.message == "many.txt: too many sentences (more than 50,000, the limit)"


# --- 4. Repeated sentences ----------------------------------------------------------------------


def assert_identical_to_itself(text: str) -> None:
    document = document_from_text(text, "a.txt")
    comparison = collate([document, document_from_text(text, "b.txt")]).comparisons[0]
    assert not [i for i in comparison.omitted if document.sentences[i].counts]
    assert not [j for j in comparison.added if document.sentences[j].counts]
    for link in comparison.links:
        assert link.base == link.other and not link.is_change, link
    if any(sentence.counts for sentence in document.sentences):
        assert comparison.similarity == 1.0


def test_thirty_copies_of_a_sentence_pair_one_to_one_in_order() -> None:
    assert_identical_to_itself(hostile.REPEATED)


SENTENCES = st.sampled_from(
    [
        "He declined to comment.",
        "Officials met on Monday.",
        '"We will not back down," she said.',
        "Read more »",
        "TOKYO (AFP) -",
        "It rose 5%.",
        "\n",
        "\n\n",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(SENTENCES, max_size=80).map(" ".join),
        st.lists(SENTENCES, min_size=40, max_size=80).map("\n".join),
        st.text(max_size=300),
    )
)
def test_any_document_compared_with_itself_is_fully_identical(text: str) -> None:
    assert_identical_to_itself(text)


# --- 5. Not a regular file ----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", "report", str(fifo), str(AFP)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == f"wirediff: {fifo}: not a regular file (a named pipe)\n"


def test_a_device_is_refused() -> None:
    with pytest.raises(WirediffError, match=r"/dev/zero: not a regular file \(a device\)"):
        load_document("/dev/zero")


# --- 6. Inert Markdown --------------------------------------------------------------------------

GITHUB_MENTION = re.compile(
    r"(?:^|\W)@((?>[a-z0-9][a-z0-9-]*))(?!\/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)", re.IGNORECASE
)
"""GitHub's mention pattern (html-pipeline's MentionFilter), applied to rendered text."""


def test_urls_hosts_addresses_and_mentions_stay_text_on_github() -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm (the test extra) not installed")
    document = document_from_text(hostile.LINKY, "linky.txt")
    report = render_md(collate([document, document_from_text("Other text here.", "o.txt")]), "t")
    html = cmarkgfm.github_flavored_markdown_to_html(report)
    assert "<a " not in html and "evil.example" in html
    assert not GITHUB_MENTION.search(html) and not re.search(r"#\d", html)
    # The words read as written; only an invisible zero-width space follows "@" and "#".
    shown = re.sub(r"<[^>]+>", "", cmarkgfm.github_flavored_markdown_to_html(escape(hostile.LINKY)))
    assert shown.replace("\u200b", "").strip() == hostile.LINKY.strip()


# --- 7. Exit 2, never a traceback ---------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_on_standard_output_is_a_one_line_error() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "wirediff.cli.main", "report", str(AFP), str(AFP)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == "wirediff: standard output: cannot write (No space left on device)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_under_corpus_mode_is_a_one_line_error(tmp_path: Path) -> None:
    pile = tmp_path / "pile.jsonl"
    pile.write_text(json.dumps({"id": "a", "text": AFP.read_text()}) + "\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "wirediff.cli.main", "stories", str(pile), "--workers", "1"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr.endswith(
        "wirediff: standard output: cannot write (No space left on device)\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="file names are bytes on POSIX only")
def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement(tmp_path: Path) -> None:
    odd = os.path.join(os.fsencode(tmp_path), hostile.NON_UTF8_NAME)
    with open(odd, "wb") as handle:
        handle.write(AFP.read_bytes())
    out = tmp_path / "o.json"
    result = subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", "report", odd, str(AFP), "-o", str(out)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["path"].endswith("story-\ufffd.txt")
    result = subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", "report", odd, str(AFP), "--format", "txt"],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and "story-\ufffd.txt".encode() in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", "report", odd, str(AFP), "--base", odd],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


# --- 8. One bad byte ----------------------------------------------------------------------------


def test_one_bad_byte_in_utf8_is_replaced_not_read_as_cp1252() -> None:
    document = parse_bytes(hostile.ONE_BAD_BYTE, "one-bad-byte.txt")
    assert "\u20ac5" in document.text and "\u201cMarie\u201d" in document.text
    assert "The mayor\ufffd declined" in document.text
    assert hostile.ONE_BAD_BYTE.index(b"\xff") == 118
    assert document.notes == (
        "1 byte not valid UTF-8 (the first at byte 118) shown as \ufffd; the rest decoded as UTF-8",
    )
    other = document_from_text(hostile.ONE_BAD_BYTE.decode("utf-8", "replace"), "clean.txt")
    comparison = collate([document, other]).comparisons[0]
    assert all(not link.flags for link in comparison.links)


def test_cp1252_text_is_still_read_as_cp1252() -> None:
    document = parse_bytes(
        "Caf\u00e9 cr\u00e8me, na\u00efve \u201cquote\u201d.".encode("cp1252"), "c.txt"
    )
    assert document.text.startswith("Caf\u00e9 cr\u00e8me")
    assert "decoded as cp1252" in document.notes[0]


# --- 9. Messages that say what was found --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            hostile.FURNITURE_ONLY.encode(),
            "f.txt: no article text to compare: its only line looks like page furniture (a menu, "
            "tag list, teaser or credit), e.g. \u201cBreaking news: Japan PM heads to US\u201d",
        ),
        (
            b"a" * 200_000,
            "f.txt: no article text to compare: its only line looks like page furniture (a menu, "
            f"tag list, teaser or credit), e.g. \u201c{'a' * 59}\u2026\u201d (200,000 characters)",
        ),
        (b"", "f.txt: empty file"),
        (b" \n\n\t\n", "f.txt: empty (only white space, 5 bytes)"),
    ],
    ids=["one furniture line", "200,000 a", "empty", "white space"],
)
def test_a_file_with_nothing_to_compare_says_what_was_found(data: bytes, message: str) -> None:
    with pytest.raises(WirediffError) as raised:
        parse_bytes(data, "f.txt")
    assert raised.value.message == message


# --- 10. Dependency bounds ----------------------------------------------------------------------


def test_dependencies_exclude_known_bad_versions_and_the_next_textual() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = {
        re.split(r"[<>=!~ ]", line, maxsplit=1)[0]: line for line in project["dependencies"]
    }
    assert requirements["lxml_html_clean"] == "lxml_html_clean>=0.4.0"
    assert requirements["jinja2"] == "jinja2>=3.1.6"
    assert re.fullmatch(r"textual>=[\d.]+,<\d+", requirements["textual"])


def test_punkt_never_reads_more_than_a_chunk_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """nltk >= 3.10 stops a regex after 5 s of wall time: a paragraph of megabytes would fail."""
    tokenizer = segment_module._tokenizer()
    original = tokenizer.span_tokenize
    longest = 0

    def recording(text: str) -> Any:
        nonlocal longest
        longest = max(longest, len(text))
        return original(text)

    monkeypatch.setattr(tokenizer, "span_tokenize", recording)
    paragraph = "The council met on Monday. It voted on the plan, said Mr. Smith. " * 4000
    spans = segment_module.segment(paragraph)
    assert 0 < longest <= segment_module.PUNKT_CHUNK
    assert len(spans) == 8000
    assert [paragraph[s.start : s.end] for s in spans[:2]] == [
        "The council met on Monday.",
        "It voted on the plan, said Mr. Smith.",
    ]
