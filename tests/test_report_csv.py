"""The CSV report: the same links as the JSON, clean quoting, and no formulas for a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from wirediff.cli.main import main
from wirediff.core import Collation, collate, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.reports.csv_report import BOM, COLUMNS, neutralise, render_csv
from wirediff.reports.json_report import to_dict

from .hostile import hostile_collation


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM) :], newline="")))


def raw(cell: str) -> str:
    """The text before neutralising: drop the apostrophe put before a formula start."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def indexes(numbers: str) -> list[int]:
    return [int(n) - 1 for n in numbers.split()]


def round_trip(collation: Collation) -> None:
    rows = read(render_csv(collation, "test"))
    report = to_dict(collation, "test")
    assert {int(row["comparison"]) for row in rows} == set(range(1, len(report["comparisons"]) + 1))
    for number, comparison in enumerate(report["comparisons"], start=1):
        base = report["documents"][comparison["base"]]
        other = report["documents"][comparison["other"]]
        mine = [row for row in rows if int(row["comparison"]) == number]
        links = sorted(
            (
                indexes(row["base_sentence_numbers"]),
                indexes(row["other_sentence_numbers"]),
                row["kind"],
                row["moved"] == "yes",
                round(float(row["score"]), 4),
                row["flags"].split(),
            )
            for row in mine
            if row["entry"] == "link"
        )
        expected = sorted(
            (link["base"], link["other"], link["kind"], link["moved"], link["score"], link["flags"])
            for link in comparison["links"]
        )
        assert links == expected
        omitted = [
            indexes(row["base_sentence_numbers"])[0] for row in mine if row["entry"] == "omitted"
        ]
        added = [
            indexes(row["other_sentence_numbers"])[0] for row in mine if row["entry"] == "added"
        ]
        assert sorted(omitted) == sorted(comparison["omitted"])
        assert sorted(added) == sorted(comparison["added"])
        for row in mine:
            for side, document in (("base", base), ("other", other)):
                numbers = indexes(row[f"{side}_sentence_numbers"])
                text = " ".join(document["sentences"][i]["text"] for i in numbers)
                assert raw(row[f"{side}_text"]) == text
                assert raw(row[f"{side}_document"]) == document["path"].rsplit("/", 1)[-1]
                if numbers:
                    start, end = int(row[f"{side}_start"]), int(row[f"{side}_end"])
                    assert start == document["sentences"][numbers[0]]["start"]
                    assert end == document["sentences"][numbers[-1]]["end"]


@pytest.mark.parametrize("all_pairs", [False, True])
def test_csv_round_trips_the_json_links_of_the_seeds(all_pairs: bool) -> None:
    round_trip(collate(load_documents(bundled_seeds()), all_pairs=all_pairs))


def test_csv_round_trips_the_hostile_pair() -> None:
    round_trip(hostile_collation())


def test_formula_cells_are_neutralised() -> None:
    rows = read(render_csv(hostile_collation(), "test"))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    texts = {row["base_text"] for row in rows} | {row["other_text"] for row in rows}
    assert any(text.startswith("'=HYPERLINK(") for text in texts)
    assert any(text.startswith("'+SUM(A1:A9)") for text in texts)
    assert neutralise("@cmd") == "'@cmd" and neutralise("-2+3") == "'-2+3"
    assert neutralise("plain") == "plain" and neutralise("") == ""


def test_header_quoting_and_line_ends() -> None:
    text = render_csv(hostile_collation(), "test")
    assert text.startswith(BOM + ",".join(COLUMNS) + "\r\n")
    # Quotes inside a quoted field are doubled, as RFC 4180 and spreadsheets expect.
    assert '""We will not back down,"" said Mayor Jane Doe' in text
    rows = read(text)
    assert all(len(row) == len(COLUMNS) and None not in row for row in rows)


def test_cli_writes_csv_with_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    assert main(["report", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == COLUMNS
