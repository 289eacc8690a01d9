"""The aligned view's state: one value, changed by pure transitions (no Textual here)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wirediff.core import collate, load_documents
from wirediff.core.model import Collation, Flag
from wirediff.present import view_state as vs
from wirediff.present.items import RowFilter, display_items
from wirediff.present.rows import CellStatus, build_rows
from wirediff.present.view_state import StepScope, ViewState

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(sorted(str(p) for p in SEEDS.glob("*.txt"))))


def test_the_state_is_a_frozen_value() -> None:
    state = ViewState()
    with pytest.raises(AttributeError):
        state.row = 3  # type: ignore[misc]
    assert vs.select(state, 3) == replace(state, row=3)
    assert state.row == 0
    assert state.fold, "page furniture starts folded, as in the HTML report"


def test_filters_and_focus_never_move_the_selected_passage() -> None:
    state = vs.select(ViewState(), 42)
    for changed in (
        vs.cycle_filter(state),
        vs.focus_next(state, [0, 1, 2], 1),
        vs.cycle_step_target(state),
        vs.toggle_step_version(state),
    ):
        assert changed.row == 42
    assert vs.cycle_filter(state).row_filter is RowFilter.CHANGES


def test_focus_wraps_round_both_ways() -> None:
    state = ViewState(focused=0)
    assert vs.focus_next(state, [0, 1, 2], -1).focused == 2
    assert vs.focus_next(vs.focus_next(state, [0, 1, 2], 1), [0, 1, 2], 1).focused == 2


def test_v_cycles_all_then_each_pair_and_keeps_the_focus_shown() -> None:
    state = ViewState(focused=2)
    shown = []
    for _ in range(5):
        state = vs.cycle_shown(state, 4, 0)
        shown.append(state.shown_other)
        assert state.shown_other is None or state.focused in (0, state.shown_other)
    assert shown == [2, 3, None, 3, None]


def test_step_targets_cycle_through_kinds_and_flags() -> None:
    state = ViewState()
    seen = [state.step.target]
    for _ in range(len(vs.STEP_TARGETS) - 1):
        state = vs.cycle_step_target(state)
        seen.append(state.step.target)
    assert seen == list(vs.STEP_TARGETS)
    assert {flag.value for flag in Flag} <= set(seen)
    assert vs.cycle_step_target(state).step.target == "change"
    assert vs.step_label(StepScope("quote_altered"), "b.txt") == "QUOTE≠ flags in b.txt"


def test_carry_finds_the_same_base_passage_with_fewer_versions(seeds: Collation) -> None:
    rows = build_rows(seeds)
    row = next(r for r in rows if r.base_sentence == 5)
    state = vs.select(ViewState(), row.index)
    for other in range(1, 5):
        pair = build_rows(seeds, [seeds.base, other])
        carried = vs.carry(state, rows, pair)
        assert pair[carried.row].base_sentence == 5
        assert vs.carry(carried, pair, rows).row == row.index


def test_carry_hands_a_hidden_added_row_to_the_nearest_row_left(seeds: Collation) -> None:
    rows = build_rows(seeds)
    pair = build_rows(seeds, [seeds.base, 1])
    where = vs.sentence_rows(pair)

    def nearest(index: int) -> int:
        order = [*range(index, -1, -1), *range(index + 1, len(rows))]
        return next(
            where[anchor] for k in order for anchor in vs.row_anchors(rows[k]) if anchor in where
        )

    hidden = [
        r
        for r in rows
        if r.base_sentence is None and all(c.document > 1 for c in r.cells if c.sentences)
    ]
    assert hidden
    for row in (hidden[0], hidden[-1]):
        carried = vs.carry(vs.select(ViewState(), row.index), rows, pair)
        assert carried.row == nearest(row.index)


def test_carry_across_a_new_base_keeps_the_old_base_sentence(seeds: Collation) -> None:
    rows = build_rows(seeds)
    row = next(r for r in rows if r.base_sentence == 5)
    rebased = collate(seeds.documents, base=1)
    new_rows = build_rows(rebased)
    carried = vs.carry(vs.select(ViewState(), row.index), rows, new_rows, prefer=(0,))
    assert any(cell.document == 0 and 5 in cell.sentences for cell in new_rows[carried.row].cells)


def test_first_passage_is_the_first_base_body_sentence(seeds: Collation) -> None:
    rows = build_rows(seeds)
    first = rows[vs.first_passage(rows)]
    assert first.base_sentence == 0
    assert first.cells[0].status is CellStatus.BASE


def test_passage_labels_are_base_sentence_numbers(seeds: Collation) -> None:
    rows = build_rows(seeds)
    names = [d.name for d in seeds.documents]
    row = next(r for r in rows if r.base_sentence == 5)
    assert vs.passage_label(row, names) == "6"
    added = next(r for r in rows if r.base_sentence is None)
    label = vs.passage_label(added, names)
    assert label.split()[0] in names
    block = next(r for r in rows if len(r.cells[0].sentences) > 1)
    numbers = ",".join(str(i + 1) for i in block.cells[0].sentences)
    assert vs.passage_label(block, names) == numbers  # as the reports write them


def test_n_scoped_to_one_version_stops_only_at_its_changes(seeds: Collation) -> None:
    rows = build_rows(seeds)
    items = display_items(rows)
    everywhere = vs.step_positions(items, rows, StepScope(), None)
    only = vs.step_positions(items, rows, StepScope(version_only=True), 3)
    assert only and set(only) < set(everywhere)
    for position in only:
        cell = next(c for c in rows[items[position].row].cells if c.document == 3)
        assert cell.status not in (CellStatus.EMPTY, CellStatus.IDENTICAL) or any(
            link.flags for link in cell.links
        )


def test_n_scoped_to_a_flag_stops_only_where_it_is(seeds: Collation) -> None:
    rows = build_rows(seeds)
    items = display_items(rows)
    for flag in Flag:
        positions = vs.step_positions(items, rows, StepScope(flag.value), None)
        expected = [p for p, item in enumerate(items) if flag in rows[item.row].flags]
        assert positions == expected
    assert vs.step_positions(items, rows, StepScope("quote_altered"), None)


def test_step_version_is_every_version_when_the_base_has_the_focus() -> None:
    scoped = ViewState(step=StepScope(version_only=True))
    assert vs.step_version(replace(scoped, focused=0), 0) is None
    assert vs.step_version(replace(scoped, focused=2), 0) == 2
    assert vs.step_version(ViewState(focused=2), 0) is None


def test_the_step_index_holds_step_positions_for_every_target_and_version() -> None:
    from wirediff.core import collate, load_documents
    from wirediff.present.items import RowFilter, display_items
    from wirediff.present.rows import build_rows

    from .conftest import SEEDS

    collation = collate(load_documents(sorted(str(p) for p in SEEDS.glob("*.txt"))))
    rows = build_rows(collation)
    for row_filter, fold in (
        (RowFilter.ALL, False),
        (RowFilter.ALL, True),
        (RowFilter.CHANGES, True),
    ):
        items = display_items(rows, row_filter, fold)
        index = vs.step_index(items, rows)
        for target in vs.STEP_TARGETS:
            for version in (None, *range(len(collation.documents))):
                scope = vs.StepScope(target, version is not None)
                expected = vs.step_positions(items, rows, scope, version)
                assert index.get((target, version), []) == expected, (target, version)
        assert index.get(("change", None))  # the seeds have changes
