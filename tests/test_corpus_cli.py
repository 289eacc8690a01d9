"""``wirediff stories`` and ``wirediff find`` on the seeds pile: outputs and summaries."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from wirediff.cli.main import main

from .corpus_pile import AFP, STORY, articles, write_jsonl

SUMMARY = "wirediff: 7 articles: 4 in 1 story, 3 alone, 0 rejected (6 distinct bodies)\n"


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path)


def test_json(pile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stories.json"
    assert main(["stories", str(pile), "-o", str(out), "--workers", "1"]) == 0
    assert capsys.readouterr().err == SUMMARY
    document = json.loads(out.read_text(encoding="utf-8"))
    [story] = document["stories"]
    assert {a["id"] for a in story["articles"]} == STORY
    assert story["original"] == "afp"
    assert story["title"] == "Japan PM Heads To US For Trump Summit"
    assert story["first"] == "2025-02-06T07:30:00Z"
    assert {a["id"] for a in document["alone"]} == {"preview", "after", "scallops"}
    assert document["counts"]["stories"] == 1


def test_csv_accounts_for_every_article(pile: Path, tmp_path: Path) -> None:
    out = tmp_path / "stories.csv"
    assert main(["stories", str(pile), "-o", str(out), "--workers", "1"]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in articles())
    assert {r["status"] for r in rows if r["id"] in STORY} == {"story"}
    assert [r["id"] for r in rows if r["is_original"] == "1"] == ["afp"]


def test_store_twice_adds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = articles()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_jsonl(tmp_path / "a", records[:3])
    second = write_jsonl(tmp_path / "b", records[3:])
    db = tmp_path / "pile.db"
    assert main(["stories", str(first), "-o", str(db), "--workers", "1"]) == 0
    assert main(["stories", str(second), "-o", str(db), "--workers", "1"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == SUMMARY.strip()
    with sqlite3.connect(db) as connection:
        members = {row[0] for row in connection.execute("SELECT article FROM story_articles")}
        [(original,)] = connection.execute("SELECT original FROM stories").fetchall()
    assert members == STORY
    assert original == "afp"


def test_text_when_piped(pile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(pile), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("story 1: 4 articles, 3 variants, 4 outlets")
    assert "original: afp (AFP) Japan PM Heads To US For Trump Summit" in out


def test_find(pile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reuse.json"
    assert main(["find", str(AFP), str(pile), "-o", str(out), "--workers", "1"]) == 0
    ranking = json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert {r["id"] for r in ranking[:2]} == {"afp", "copy"}
    assert ranking[0]["reused"] == 1.0
    by_id = {r["id"]: r for r in ranking}
    assert by_id["trim"]["verbatim"] == by_id["trim"]["reused"] > 0.3
    assert by_id["paraphrase"]["reused"] > by_id["paraphrase"]["verbatim"]
    err = capsys.readouterr().err
    assert err.startswith("wirediff: 7 articles: ")


def test_bad_options_exit_2(pile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(pile), "--scheduler", "tcp://x:1"]) == 2
    assert capsys.readouterr().err == "wirediff: --scheduler needs --engine dask\n"
    assert main(["stories", str(pile), "--format", "db"]) == 2
    assert capsys.readouterr().err == "wirediff: --format db needs -o STORE.db\n"


def test_an_unknown_output_extension_is_an_error(
    pile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither command writes text under a name that promises another format."""
    out = tmp_path / "stories.xlsx"
    assert main(["stories", str(pile), "-o", str(out), "--workers", "1"]) == 2
    assert capsys.readouterr().err == (
        f"wirediff: {out}: cannot tell the format from the extension '.xlsx'; use one of "
        ".json, .csv, .db or .txt, or name the format with --format\n"
    )
    assert not out.exists()
    ranking = tmp_path / "reuse.doc"
    assert main(["find", str(AFP), str(pile), "-o", str(ranking), "--workers", "1"]) == 2
    assert capsys.readouterr().err == (
        f"wirediff: {ranking}: cannot tell the format from the extension '.doc'; use one of "
        ".json, .csv or .txt\n"
    )
    assert not ranking.exists()


def test_stories_to_a_sqlite_extension_is_a_store(pile: Path, tmp_path: Path) -> None:
    store = tmp_path / "pile.sqlite"
    assert main(["stories", str(pile), "-o", str(store), "--workers", "1"]) == 0
    with sqlite3.connect(store) as connection:
        assert connection.execute("SELECT count(*) FROM stories").fetchone() == (1,)


def test_the_summary_shows_once_when_the_text_report_is_on_the_terminal(
    pile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # the report on screen, no app
    assert main(["stories", str(pile), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith(SUMMARY.removeprefix("wirediff: "))
    assert "articles:" not in err  # not a second time below it
