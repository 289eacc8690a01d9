"""Corpus mode input: every bad record is reported with its line or record number and counted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wirediff.cli.main import main
from wirediff.core.errors import WirediffError
from wirediff.corpus import Article, Columns, LocalEngine, Rejection, group, read_pile
from wirediff.corpus.export import rejection_report

from .corpus_pile import BODY

TEXT = " ".join(BODY[:4])
CSV_TEXT = TEXT.replace('"', '""')


def _read(path: Path, columns: Columns | None = None) -> list[Article | Rejection]:
    return list(read_pile([str(path)], columns or Columns()))


def _rejections(records: list[Article | Rejection]) -> list[tuple[str, str]]:
    return [(r.source, r.reason) for r in records if isinstance(r, Rejection)]


def test_csv_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "pile.csv"
    path.write_text(f'key,site,when,body\nk1,AFP,2025-02-06,"{CSV_TEXT}"\n', encoding="utf-8")
    columns = Columns(id="key", outlet="site", date="when", text="body")
    [article] = _read(path, columns)
    assert isinstance(article, Article)
    assert (article.id, article.outlet, article.published, article.source) == (
        "k1",
        "AFP",
        "2025-02-06",
        f"{path}:2",
    )


def test_csv_malformed_row(tmp_path: Path) -> None:
    path = tmp_path / "pile.csv"
    path.write_text(f'id,text\na,"{CSV_TEXT}"\nb,x,extra\nc,"{CSV_TEXT}"\n', encoding="utf-8")
    records = _read(path)
    assert _rejections(records) == [(f"{path}:3", "malformed row: 3 fields, the header has 2")]
    assert [r.id for r in records if isinstance(r, Article)] == ["a", "c"]


def test_csv_undecodable_row(tmp_path: Path) -> None:
    path = tmp_path / "pile.csv"
    path.write_bytes(b'id,text\na,caf\xe9 au lait\nb,"' + CSV_TEXT.encode() + b'"\n')
    assert _rejections(_read(path)) == [(f"{path}:2", "undecodable text (not valid UTF-8)")]


def test_csv_without_the_text_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pile.csv"
    path.write_text("id,body\na,b\n", encoding="utf-8")
    with pytest.raises(WirediffError, match=r"pile.csv: no column 'text' \(columns: id, body\)"):
        _read(path)


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "pile.jsonl"
    lines = [
        json.dumps({"id": "a", "text": TEXT}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "text": "   "}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "e", "text": "\xff"}\n')
    assert _rejections(_read(path)) == [
        (
            f"{path}:2",
            "malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        ),
        (f"{path}:3", "malformed record: not a JSON object"),
        (f"{path}:4", "malformed record: no 'text' field"),
        (f"{path}:5", "malformed record: 'text' is not a string"),
        (f"{path}:6", "empty text"),
        (f"{path}:7", "undecodable text (not valid UTF-8 at byte 21)"),
    ]


def test_duplicate_ids_are_rejected_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "pile.jsonl"
    path.write_text(
        "".join(json.dumps({"id": "same", "text": TEXT}) + "\n" for _ in range(2)),
        encoding="utf-8",
    )
    grouping, _ = group(read_pile([str(path)]), LocalEngine(1))
    assert [(r.source, r.reason) for r in grouping.rejected] == [
        (f"{path}:2", "duplicate id 'same'")
    ]
    assert grouping.summary().startswith("2 articles: 0 in 0 stories, 1 alone, 1 rejected")


def test_too_short_text_is_rejected(tmp_path: Path) -> None:
    grouping, _ = group([Article("tiny", "Three short words.", source="x:1")], LocalEngine(1))
    assert [(r.source, r.reason) for r in grouping.rejected] == [
        ("x:1", "too short (3 words of text)")
    ]


def test_rejections_are_listed_in_input_order_and_summed_up_by_reason(tmp_path: Path) -> None:
    path = tmp_path / "pile.jsonl"
    lines = [json.dumps({"id": "short", "text": "Too short."}), "{oops"]
    lines += [json.dumps({"id": "dup", "text": TEXT})] * 30
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    grouping, _ = group(read_pile([str(path)]), LocalEngine(1))
    # the short text is found after reading, yet it is listed where it was read
    assert [r.source for r in grouping.rejected[:3]] == [f"{path}:{n}" for n in (1, 2, 4)]
    assert grouping.rejected[0].reason == "too short (2 words of text)"
    last = rejection_report(grouping, limit=5)[-1]
    # the ids are left out of the tally: one count per kind of reason
    assert last == "… 26 more rejected: 26 duplicate id"


def test_counts_of_one_are_singular() -> None:
    grouping, _ = group([Article("one", "Word.", source="x:1")], LocalEngine(1))
    assert grouping.rejected[0].reason == "too short (1 word of text)"
    assert (
        grouping.summary() == "1 article: 0 in 0 stories, 0 alone, 1 rejected (0 distinct bodies)"
    )


def test_folder_with_a_binary_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c.html").write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    records = _read(tmp_path)
    assert _rejections(records) == [
        (str(tmp_path / "b.txt"), "undecodable: looks like a binary file, not text")
    ]
    assert [r.id for r in records if isinstance(r, Article)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "c.html"),
    ]


def test_warc_pages_and_other_records(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = f"<html><head><title>Ishiba</title></head><body><article><p>{TEXT}</p></article></body></html>"
        for url, content_type, status, payload in (
            ("https://news.example/a", "text/html", "200 OK", page.encode()),
            ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG"),
            ("https://news.example/gone", "text/html", "404 Not Found", b"<html></html>"),
        ):
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )
    records = _read(path)
    assert _rejections(records) == [
        (f"{path}#2", "not a page (image/png)"),
        (f"{path}#3", "HTTP status 404"),
    ]
    [article] = [r for r in records if isinstance(r, Article)]
    assert (article.id, article.outlet) == ("https://news.example/a", "news.example")
    assert "Ishiba" in article.text


def test_cli_missing_pile_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(tmp_path / "nowhere.csv")]) == 2
    assert (
        capsys.readouterr().err
        == f"wirediff: {tmp_path / 'nowhere.csv'}: no such file or directory\n"
    )


def test_cli_reports_rejections_and_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pile.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n{oops\n", encoding="utf-8")
    assert main(["stories", str(path), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert f"wirediff: rejected {path}:2: malformed JSON" in err
    assert err.endswith(
        "wirediff: 2 articles: 0 in 0 stories, 1 alone, 1 rejected (1 distinct body)\n"
    )


def test_csv_fields_with_line_breaks_and_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "pile.csv"
    body = CSV_TEXT.replace(". ", ".\n\n", 2) + "\x0c page two\u2028"
    path.write_text(f'id,text\na,"{body}"\nb,"{CSV_TEXT}"\n', encoding="utf-8")
    records = _read(path)
    assert [r.id for r in records if isinstance(r, Article)] == ["a", "b"]
    assert [r.source for r in records if isinstance(r, Article)] == [f"{path}:2", f"{path}:7"]
