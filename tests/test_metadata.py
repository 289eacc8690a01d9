"""Who and when: page metadata, JSON-LD, dates in saved text, manifests, short labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirediff.core import WirediffError, load_documents
from wirediff.core.load import bundled_seeds, load_document
from wirediff.core.metadata import agency_credit, parse_date, published_datetime
from wirediff.core.model import short_name

ARTICLE = (
    "<p>"
    + " ".join(
        [
            "Japanese Prime Minister Shigeru Ishiba on Thursday left for the United States ahead of "
            "what will be President Donald Trump's second summit with a foreign leader.",
            "Japan is one of the closest allies of the United States in Asia with around 54,000 US "
            "military personnel stationed in the country, and the alliance is the core of its policy.",
        ]
    )
    + "</p>"
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("February 06, 2025 | 04:30 PM", "2025-02-06T16:30"),
        ("6th Feb, 2025", "2025-02-06"),
        ("31 January 2025", "2025-01-31"),
        ("2025-02-06T16:30:00+05:00", "2025-02-06T16:30+05:00"),
        ("2025-02-06T07:00:00Z", "2025-02-06T07:00+00:00"),
        ("Sept. 3, 2024 at 12:05 a.m.", "2024-09-03T00:05"),
        ("no date here", ""),
        ("February 30, 2025", ""),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_published_datetime_orders_mixed_forms() -> None:
    early = published_datetime("2025-02-06T16:30+05:00")
    late = published_datetime("2025-02-06T12:00")
    assert early is not None and late is not None and early < late
    assert published_datetime("") is None and published_datetime("junk") is None


def test_dates_from_the_seeds_text_and_not_from_page_furniture() -> None:
    documents = {d.name[:3]: d for d in load_documents(bundled_seeds())}
    assert documents["001"].published == "2025-02-06T16:30"  # "Published February 06, 2025"
    assert documents["004"].published == "2025-01-31"  # the dateline, not "Today : Feb 24"
    assert documents["000"].published == ""
    assert documents["001"].label == "001 2025-02-06"
    assert documents["000"].label == "000"


def test_agency_credit_in_datelines_and_credit_lines_not_attributions() -> None:
    from wirediff.core import document_from_text

    def credit(text: str) -> str:
        return agency_credit(document_from_text(text))

    assert credit("TOKYO (AFP) - Japan's leader left for Washington on Thursday.\n") == "AFP"
    assert credit("WASHINGTON (Reuters) - The talks began on Friday morning.\n") == "Reuters"
    assert credit("Body sentence one is here.\n\nAnother sentence follows.\n\n-- AFP\n") == "AFP"
    assert credit("Smith told AFP that the deal was near. (AFP) is not a dateline here.\n") == ""
    assert (
        credit("DEIR AL-BALAH, Gaza Strip (AP) — Israel faced new calls for a truce on Sunday.\n")
        == "AP"
    )
    assert (
        credit("Israel faces calls\n\nBy Wafaa Shurafa, Associated Press\n\nIsrael faced calls.\n")
        == "AP"
    )


def test_html_metadata_from_open_graph(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Japan PM heads to US</title>"
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta property="article:published_time" content="2025-02-06T09:12:00+09:00">'
        '<link rel="canonical" href="https://example.com/japan-pm">'
        f"</head><body><article>{ARTICLE}</article></body></html>",
        encoding="utf-8",
    )
    document = load_document(str(page))
    assert document.outlet == "The Daily Example"
    assert document.published == "2025-02-06T09:12+09:00"
    assert document.url == "https://example.com/japan-pm"
    assert document.label == "The Daily Example 2025-02-06"


def test_html_metadata_from_json_ld(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "ignored"},
            {
                "@type": "NewsArticle",
                "headline": "Japan PM heads to US",
                "datePublished": "2025-02-06T03:00:00Z",
                "publisher": {"@type": "Organization", "name": "Wire Daily"},
                "mainEntityOfPage": {"@id": "https://wire.example/story"},
            },
        ],
    }
    page = tmp_path / "ld.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        + json.dumps(ld)
        + f"</script></head><body>{ARTICLE}</body></html>",
        encoding="utf-8",
    )
    document = load_document(str(page))
    assert (document.outlet, document.published, document.url) == (
        "Wire Daily",
        "2025-02-06T03:00+00:00",
        "https://wire.example/story",
    )


def test_short_names_drop_hashes_and_extensions() -> None:
    assert short_name("001_d2c0166b2a2dd97c.txt") == "001"
    assert short_name("reuters-2025-02-06.html") == "reuters-2025-02-06"
    assert short_name("d2c0166b2a2dd97c.txt") == "d2c0166b2a2dd97c"
    assert short_name("-") == "-"


def _seed_copies(tmp_path: Path) -> list[Path]:
    paths = []
    for source in bundled_seeds()[:2]:
        target = tmp_path / Path(source).name
        target.write_bytes(Path(source).read_bytes())
        paths.append(target)
    return paths


def test_csv_manifest_names_outlets_and_dates(tmp_path: Path) -> None:
    first, second = _seed_copies(tmp_path)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,outlet,date,url\n"
        f"{first.name},Aggregator PH,2025-02-06 20:00,https://agg.example/a\n"
        f'{second.name},UrduPoint,"February 6, 2025",\n',
        encoding="utf-8",
    )
    documents = load_documents([str(first), str(second)], manifest=str(manifest))
    assert [d.label for d in documents] == ["Aggregator PH 2025-02-06", "UrduPoint 2025-02-06"]
    assert documents[0].url == "https://agg.example/a"
    # a manifest giving only the day the page states keeps the page's time of that day
    assert documents[1].published.startswith("2025-02-06T16:30")
    other_day = tmp_path / "other.csv"
    other_day.write_text(
        f"path,outlet,date\n{second.name},UrduPoint,2025-02-07\n", encoding="utf-8"
    )
    moved = load_documents([str(first), str(second)], manifest=str(other_day))[1]
    assert moved.published == "2025-02-07"  # another day: the manifest wins over the text
    # With no files given, the manifest lists the versions (relative to its folder).
    listed = load_documents([], manifest=str(manifest))
    assert [d.outlet for d in listed] == ["Aggregator PH", "UrduPoint"]


def test_json_manifest(tmp_path: Path) -> None:
    first, second = _seed_copies(tmp_path)
    manifest = tmp_path / "m.json"
    manifest.write_text(
        json.dumps(
            {"versions": [{"path": second.name, "outlet": "APP", "published": "2025-02-06"}]}
        ),
        encoding="utf-8",
    )
    documents = load_documents([str(first), str(second)], manifest=str(manifest))
    assert documents[0].outlet == "" and documents[1].outlet == "APP"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("outlet,date\nA,2025-01-01\n", "needs a header row with a path or url column"),
        ("path,date\na.txt,someday\n", "line 2: cannot read the date 'someday'"),
        ("[1, 2]", "a JSON manifest is a list of objects"),
        ("{not json", "not valid JSON"),
        ("path,outlet\n", "lists no versions"),
    ],
)
def test_bad_manifests_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "bad.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(WirediffError) as raised:
        load_documents(bundled_seeds()[:2], manifest=str(manifest))
    assert message in raised.value.message
    assert raised.value.message.startswith(str(manifest))
    assert "\n" not in raised.value.message


def test_cli_report_from_a_manifest_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wirediff.cli.main import main

    first, second = _seed_copies(tmp_path)
    manifest = tmp_path / "versions.csv"
    manifest.write_text(
        f"file,source,published\n{first.name},Aggregator PH,2025-02-06\n"
        f"{second.name},UrduPoint,2025-02-06T16:30:00+05:00\n",
        encoding="utf-8",
    )
    assert main(["report", "--manifest", str(manifest), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert "[base] Aggregator PH 2025-02-06" in out
    assert "UrduPoint 2025-02-06" in out
    assert "2025-02-06 16:30" in out
    assert main(["report", "--manifest", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err


def test_metadata_carries_no_control_characters(tmp_path: Path) -> None:
    page = tmp_path / "evil.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="Evil\x1b[31m\u202eNews">'
        f"</head><body>{ARTICLE}</body></html>",
        encoding="utf-8",
    )
    document = load_document(str(page))
    assert document.outlet == "Evil [31m News"
    first, second = _seed_copies(tmp_path)
    manifest = tmp_path / "m.csv"
    manifest.write_text(f'path,outlet\n{first.name},"A\x07B"\n', encoding="utf-8")
    documents = load_documents([str(first), str(second)], manifest=str(manifest))
    assert documents[0].outlet == "A B"


# Datelines without a year ("Feb 6 (Reuters) -"): read when the version states a year elsewhere.

BODY = (
    "President Donald Trump met Japanese Prime Minister Shigeru Ishiba at the White House on "
    "Thursday for their first summit. The two leaders discussed trade and the alliance."
)


def _page(tmp_path: Path, dateline: str, head: str = "", name: str = "story.html") -> Path:
    page = tmp_path / name
    page.write_text(
        f"<html><head><title>Trump meets Ishiba</title>{head}</head>"
        f"<body><article><h1>Trump meets Ishiba</h1><p>{dateline} {BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize(
    ("head", "dateline", "iso", "source"),
    [
        (
            '<meta property="article:modified_time" content="2025-02-07T10:00:00Z">',
            "WASHINGTON, Feb 6 (Reuters) -",
            "2025-02-06",
            "the page's modification date (2025-02-07)",
        ),
        (  # a dateline in late December, modified in early January: the year before
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"dateModified": "2026-01-02T08:00:00Z"}</script>',
            "PARIS, 31 December (AFP) -",
            "2025-12-31",
            "the page's modification date (2026-01-02)",
        ),
        (
            '<link rel="canonical" href="https://news.example/world/2025/02/06/trump-ishiba/">',
            "6 February (AFP) -",
            "2025-02-06",
            "the date in its address (2025-02-06)",
        ),
        (
            '<link rel="canonical" href="https://news.example/story-20250206.html">',
            "New Delhi, Feb 6 (PTI)",
            "2025-02-06",
            "the date in its address (2025-02-06)",
        ),
    ],
)
def test_a_dateline_without_a_year_takes_the_year_the_page_states_and_says_so(
    tmp_path: Path, head: str, dateline: str, iso: str, source: str
) -> None:
    document = load_document(str(_page(tmp_path, dateline, head)))
    assert document.published == iso
    assert document.notes == (
        f"published {iso}: the dateline “{dateline}” has no year; the year is from {source}",
    )


def test_a_dateline_without_a_year_and_nothing_else_leaves_the_date_unset(
    tmp_path: Path,
) -> None:
    document = load_document(str(_page(tmp_path, "WASHINGTON, Feb 6 (Reuters) -")))
    assert (document.published, document.notes) == ("", ())
    # a year in the running text is no source: a story may recall any past date
    text = tmp_path / "recall.txt"
    text.write_text(
        "Trump meets Ishiba\n\nWASHINGTON, Feb 6 (Reuters) - The leaders met on Thursday, "
        "as they had on March 3, 2019 in Osaka. They discussed trade.\n",
        encoding="utf-8",
    )
    assert load_document(str(text)).published == ""


def test_the_published_date_wins_over_a_dateline_and_a_full_dateline_is_read(
    tmp_path: Path,
) -> None:
    head = (
        '<meta property="article:published_time" content="2025-02-05T23:30:00-05:00">'
        '<meta property="article:modified_time" content="2025-02-07T10:00:00Z">'
    )
    document = load_document(str(_page(tmp_path, "WASHINGTON, Feb 6 (Reuters) -", head)))
    assert (document.published, document.notes) == ("2025-02-05T23:30-05:00", ())
    text = tmp_path / "xinhua.txt"
    text.write_text(
        f"Trump meets Ishiba\n\nBEIJING, Feb. 6, 2025 (Xinhua) -- {BODY}\n", encoding="utf-8"
    )
    assert (load_document(str(text)).published, load_document(str(text)).notes) == (
        "2025-02-06",
        (),
    )


def test_a_saved_text_takes_the_year_of_its_updated_line(tmp_path: Path) -> None:
    text = tmp_path / "saved.txt"
    text.write_text(
        f"Trump meets Ishiba\n\nUpdated: February 7, 2025 10:00 AM\n\n"
        f"WASHINGTON, Feb 6 (Reuters) - {BODY}\n",
        encoding="utf-8",
    )
    document = load_document(str(text))
    assert document.published == "2025-02-06"
    assert "the year is from its “updated” line (2025-02-07)" in document.notes[0]
