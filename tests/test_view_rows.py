"""Which rows a view lists, how the cursor steps over them, and how columns fit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirediff.core import collate, load_documents
from wirediff.core.model import Collation
from wirediff.present.items import (
    FILTER_LABELS,
    Item,
    RowFilter,
    change_positions,
    column_layout,
    display_items,
    find_row,
    item_of_row,
    next_filter,
    row_anchor,
    row_matches,
    row_text,
    search_positions,
    step,
)
from wirediff.present.rows import CellStatus, RowKind, build_rows
from wirediff.present.summary import summarize

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(sorted(str(p) for p in SEEDS.glob("*.txt"))))


def test_filter_cycle_is_the_documented_order() -> None:
    seen = [RowFilter.ALL]
    while (following := next_filter(seen[-1])) is not RowFilter.ALL:
        seen.append(following)
    assert [f.value for f in seen] == [
        "all",
        "changes",
        "added",
        "omitted",
        "reworded",
        "flagged",
        "moved",
    ]
    assert set(FILTER_LABELS) == set(RowFilter)


def test_filters_keep_exactly_the_matching_rows(seeds: Collation) -> None:
    rows = build_rows(seeds)
    for row_filter in RowFilter:
        items = display_items(rows, row_filter)
        kept = {item.row for item in items}
        assert kept == {row.index for row in rows if row_matches(row, row_filter)}
    added = display_items(rows, RowFilter.ADDED)
    assert added and all(
        any(cell.status is CellStatus.ADDED for cell in rows[item.row].cells) for item in added
    )
    flagged = display_items(rows, RowFilter.FLAGGED)
    assert flagged and all(rows[item.row].flags for item in flagged)


def test_folding_keeps_every_row_reachable(seeds: Collation) -> None:
    rows = build_rows(seeds)
    items = display_items(rows, RowFilter.ALL, fold_boilerplate=True)
    assert [r for item in items for r in item.rows] == [row.index for row in rows]
    folded = [item for item in items if item.folded]
    assert folded and all(rows[r].kind is RowKind.BOILERPLATE for i in folded for r in i.rows)
    assert len(items) < len(rows)


def test_changes_are_every_reworded_added_omitted_and_moved_row(seeds: Collation) -> None:
    rows = build_rows(seeds)
    items = display_items(rows)
    changes = change_positions(items, rows)
    for position, item in enumerate(items):
        statuses = {cell.status for cell in rows[item.row].cells}
        interesting = statuses & {
            CellStatus.REWORDED,
            CellStatus.ADDED,
            CellStatus.OMITTED,
            CellStatus.MOVED,
            CellStatus.MOVED_AWAY,
        }
        assert (position in changes) == bool(interesting or rows[item.row].flags)


def test_step_walks_forward_and_back() -> None:
    assert step([2, 5, 9], 0, 1) == 2
    assert step([2, 5, 9], 5, 1) == 9
    assert step([2, 5, 9], 9, 1) is None
    assert step([2, 5, 9], 5, -1) == 2
    assert step([2, 5, 9], 2, -1) is None


def test_item_of_row_finds_the_row_or_the_next() -> None:
    items = (Item((0,)), Item((3, 4), folded=True), Item((7,)))
    assert item_of_row(items, 4) == 1
    assert item_of_row(items, 5) == 2
    assert item_of_row(items, 8) is None


def test_search_finds_rows_in_any_version(seeds: Collation) -> None:
    rows = build_rows(seeds)
    items = display_items(rows)
    texts = [row_text(seeds, row) for row in rows]
    hits = search_positions(texts, items, "NIKKEI")
    assert hits
    for position in hits:
        assert "nikkei" in texts[items[position].row]
    assert search_positions(texts, items, "") == []


def test_anchor_survives_a_rebuild_with_fewer_versions(seeds: Collation) -> None:
    rows = build_rows(seeds)
    row = next(r for r in rows if r.base_sentence == 5)
    anchor = row_anchor(row)
    pair = build_rows(seeds, [seeds.base, 1])
    assert pair[find_row(pair, anchor)].base_sentence == 5


@given(
    count=st.integers(min_value=1, max_value=8),
    width=st.integers(min_value=10, max_value=300),
    focused=st.integers(min_value=0, max_value=7),
)
def test_columns_fit_and_keep_the_base_and_the_focus(count: int, width: int, focused: int) -> None:
    order = list(range(count))
    focused = focused % count
    columns = column_layout(order, focused, width, min_width=30)
    assert columns[0].document == 0
    assert focused in [c.document for c in columns]
    assert sum(c.width for c in columns) + len(columns) - 1 == width
    if len(columns) > 2:
        assert all(c.width >= 30 for c in columns)
    documents = [c.document for c in columns]
    assert documents == sorted(documents)
    assert len(columns) == min(count, max(2, (width + 1) // 31))


def test_summary_figures_match_the_comparisons(seeds: Collation) -> None:
    summaries = summarize(seeds)
    assert [s.document for s in summaries] == list(range(len(seeds.documents)))
    assert summaries[seeds.base].is_base and summaries[seeds.base].similarity is None
    for summary in summaries:
        if summary.is_base:
            continue
        comparison = seeds.comparison(seeds.base, summary.document)
        assert comparison is not None
        assert summary.similarity == comparison.similarity
        assert summary.base_reused == comparison.base_reused
        in_place = [link for link in comparison.links if not link.moved]
        assert summary.identical == sum(1 for link in in_place if link.kind.value == "identical")
        assert summary.reworded == sum(
            1 for link in comparison.links if link.kind.value == "reworded"
        )
        assert summary.moved == sum(1 for link in comparison.links if link.moved)
        assert summary.flagged == sum(len(link.flags) for link in comparison.links)
    near_verbatim = summaries[1]
    assert near_verbatim.reworded == 11 and near_verbatim.omitted == 15
