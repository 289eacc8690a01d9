"""The one table of kinds and flags, and the one counting function, used everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirediff.core import Collation, collate, document_from_text
from wirediff.core.model import Flag, Kind
from wirediff.present.legend import (
    FLAGS,
    KINDS,
    MARK_STYLES,
    PIECE_STYLES,
    ROW_KINDS,
    kind_look,
    sentence_numbers,
)
from wirediff.present.rows import CellStatus, RowKind
from wirediff.present.summary import count, summarize
from wirediff.reports import render

ROOT = Path(__file__).resolve().parent.parent
APP_CSS = (ROOT / "tui" / "app.tcss").read_text(encoding="utf-8")
REPORT_CSS = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")


def test_every_kind_status_and_flag_has_one_entry() -> None:
    assert {kind.value for kind in RowKind} | {status.value for status in CellStatus} == set(KINDS)
    assert {look.name for look in ROW_KINDS} == {kind.value for kind in RowKind}
    assert list(FLAGS) == list(Flag)
    assert len({look.badge for look in FLAGS.values()}) == len(Flag)
    assert len({look.label for look in FLAGS.values()}) == len(Flag)
    # A mark is one character, and different kinds of row look different without colour.
    assert all(len(look.mark) == 1 for look in KINDS.values())
    assert len({look.mark for look in ROW_KINDS}) == len(ROW_KINDS)


@pytest.mark.parametrize("style", MARK_STYLES)
def test_the_app_stylesheet_styles_every_mark(style: str) -> None:
    assert re.search(rf"\.aligned-view--mark-{style}\s*\{{", APP_CSS)


@pytest.mark.parametrize("style", PIECE_STYLES)
def test_the_app_stylesheet_styles_every_piece(style: str) -> None:
    assert re.search(rf"\.aligned-view--{style}\s*\{{", APP_CSS)
    assert re.search(rf"\.detail--{style}\s*\{{", APP_CSS)


def test_the_app_stylesheet_names_no_style_outside_the_table() -> None:
    marks = set(re.findall(r"\.aligned-view--mark-([a-z_]+)", APP_CSS))
    assert marks == set(MARK_STYLES)


def test_the_report_stylesheet_uses_the_table_names() -> None:
    row_classes = set(re.findall(r"\bk-([a-z_]+)", REPORT_CSS))
    cell_classes = set(re.findall(r"\bst-([a-z_]+)", REPORT_CSS))
    assert row_classes == {look.name for look in ROW_KINDS}
    assert cell_classes <= set(KINDS)


def test_sentence_numbers_count_from_one() -> None:
    assert sentence_numbers([2, 3]) == "3,4"
    assert sentence_numbers([0], " ") == "1"
    assert sentence_numbers([]) == ""


@pytest.fixture(scope="module")
def moved_identical() -> Collation:
    """A pair with an identical passage in place, one moved, one reworded, one added."""
    base = document_from_text(
        "The minister resigned on Monday after a long scandal. Prices of rice rose by ten "
        "percent in March. The central bank kept its rate unchanged at four percent. "
        "Fishermen protested in the harbour of Brest.",
        "a.txt",
    )
    other = document_from_text(
        "Fishermen protested in the harbour of Brest. The minister resigned on Monday after a "
        "long scandal. Prices of rice rose by twelve percent in March. The central bank kept "
        "its rate unchanged at four percent. A new sentence about football results.",
        "b.txt",
    )
    return collate([base, other])


def test_one_count_for_the_app_and_every_report(moved_identical: Collation) -> None:
    comparison = moved_identical.comparisons[0]
    links = comparison.links
    assert any(link.moved and link.kind is Kind.IDENTICAL for link in links)
    figures = count(moved_identical, comparison)
    # A moved passage counts as moved, not as identical in place.
    assert figures.identical == 2
    assert figures.reworded == 1
    assert figures.moved == 1
    assert figures.added == 1
    assert figures.omitted == 0

    summary = summarize(moved_identical)[1]
    assert (summary.identical, summary.reworded, summary.moved, summary.added) == (
        figures.identical,
        figures.reworded,
        figures.moved,
        figures.added,
    )
    sentence = "2 identical, 1 reworded, 1 moved, 0 omitted, 1 added"
    assert sentence in render(moved_identical, "txt", "test")
    assert sentence in render(moved_identical, "md", "test")
    html = render(moved_identical, "html", "test")
    assert re.sub(r"\s+", " ", sentence) in re.sub(r"\s+", " ", html)
    summary = html[html.index('<section id="summary">') : html.index('<section id="matrix">')]
    row = summary[summary.index('href="#c1"') :]
    cells = re.findall(r'<td class="n">(\d+)</td>', row)
    assert cells[:5] == ["2", "1", "1", "0", "1"]


def test_reports_and_app_show_the_table_marks(moved_identical: Collation) -> None:
    html = render(moved_identical, "html", "test")
    for look in ROW_KINDS:
        assert f'<span class="sym">{look.mark}</span> {look.label}' in html
    md = render(moved_identical, "md", "test")
    for name in ("identical", "reworded", "moved", "omitted", "added"):
        assert f"{kind_look(name).mark} {name}" in md
