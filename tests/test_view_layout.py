"""Rows laid out in columns: heights, offsets, wrap and search marks."""

from __future__ import annotations

import pytest

from wirediff.core import collate, load_documents
from wirediff.core.model import Collation
from wirediff.present.items import RowFilter, column_layout, display_items
from wirediff.present.layout import GUTTER, RowLayout
from wirediff.present.legend import MARK_STYLES
from wirediff.present.rows import build_rows
from wirediff.present.wrap import cell_width

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(sorted(str(p) for p in SEEDS.glob("*.txt"))))


def layout_for(collation: Collation, width: int) -> RowLayout:
    columns = column_layout(range(len(collation.documents)), 0, width, min_width=30)
    rows = build_rows(collation, [c.document for c in columns])
    layout = RowLayout(collation, rows)
    layout.configure(columns, wrap=True, search_text="")
    return layout


@pytest.mark.parametrize("width", [80, 160, 240])
def test_every_line_fits_its_column_and_heights_agree(seeds: Collation, width: int) -> None:
    layout = layout_for(seeds, width)
    for row in layout.rows:
        laid_out = layout.lines(row.index)
        assert laid_out.height == layout.height(row.index)
        assert laid_out.height == max(len(cell.lines) for cell in laid_out.cells)
        for cell, column in zip(laid_out.cells, layout.columns, strict=True):
            assert cell.mark in MARK_STYLES and len(cell.symbol) == 1
            for line in cell.lines:
                assert cell_width("".join(p.text for p in line)) <= column.width - GUTTER


def test_without_wrap_every_row_is_one_line(seeds: Collation) -> None:
    layout = layout_for(seeds, 160)
    layout.configure(layout.columns, wrap=False, search_text="")
    items = display_items(layout.rows)
    assert layout.offsets(items, gap=0) == list(range(len(items) + 1))
    assert all(
        len(cell.lines) == 1 for row in layout.rows for cell in layout.lines(row.index).cells
    )


def test_offsets_follow_heights_and_folded_runs_take_one_line(seeds: Collation) -> None:
    layout = layout_for(seeds, 160)
    items = display_items(layout.rows, RowFilter.ALL, fold_boilerplate=True)
    offsets = layout.offsets(items, gap=1)
    for position, item in enumerate(items):
        expected = 1 if item.folded else layout.height(item.row)
        assert offsets[position + 1] - offsets[position] == expected + 1


def test_search_marks_hits_without_changing_heights(seeds: Collation) -> None:
    layout = layout_for(seeds, 160)
    heights = [layout.height(row.index) for row in layout.rows]
    layout.configure(layout.columns, wrap=True, search_text="ishiba")
    hits = [
        piece
        for row in layout.rows
        for cell in layout.lines(row.index).cells
        for line in cell.lines
        for piece in line
        if piece.hit
    ]
    assert hits and all(piece.text.lower() == "ishiba" for piece in hits)
    assert heights == [layout.height(row.index) for row in layout.rows]
