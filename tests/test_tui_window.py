"""What the app shows does not depend on the terminal, and every version reads as itself.

Pilot tests for issue 12: the rows hold every version at any width, passages keep their place
and their number, each version's cell holds its own text, ``n`` steps through what it says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from wirediff.present.cells import plain_text
from wirediff.present.rows import CellStatus, Row
from wirediff.tui.aligned_view import AlignedView
from wirediff.tui.app import WirediffApp, make_app
from wirediff.tui.export import ExportScreen
from wirediff.tui.help import HelpScreen
from wirediff.tui.summary import SummaryPanel

from .test_tui import PAIR, press, ready, status_text, sync


def _select_base(view: AlignedView, sentence: int) -> None:
    view.select_row(next(row.index for row in view.rows if row.base_sentence == sentence))


def _holds(row: Row | None, document: int, sentence: int) -> bool:
    return row is not None and any(
        cell.document == document and sentence in cell.sentences for cell in row.cells
    )


@sync
async def test_the_same_changes_and_passages_at_80_120_and_160_columns() -> None:
    seen = []
    for size in ((80, 24), (120, 40), (160, 48)):
        app = make_app([])
        async with app.run_test(size=size) as pilot:
            view = await ready(pilot)
            assert [cell.document for cell in view.rows[0].cells] == [0, 1, 2, 3, 4]
            seen.append((view.change_count, len(view.items), len(view.rows)))
            assert f"{view.change_count} changes" in status_text(app)
    assert seen[0] == seen[1] == seen[2]


@sync
async def test_enter_shows_every_version_even_on_a_narrow_terminal() -> None:
    app = make_app([])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(pilot)
        assert len(view.columns) == 2
        _select_base(view, 4)
        await press(pilot, "enter")
        text = app.screen.render_detail_text()  # type: ignore[attr-defined]
        assert app.collation is not None
        for document in app.collation.documents:
            assert document.label in text


@sync
async def test_the_base_passage_survives_tab_v_resize_filters_and_b() -> None:
    app = make_app([])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(pilot)
        _select_base(view, 5)
        await pilot.pause()
        assert "passage 6 " in status_text(app)
        for keys in (["tab"], ["tab"], ["v"], ["v"], ["v", "v", "v"], ["f"], ["f", "f"]):
            await press(pilot, *keys)
            assert _holds(view.current_row, 0, 5) or view.row_filter.value != "all", keys
            assert view.state.row == next(r.index for r in view.rows if r.base_sentence == 5)
        while view.row_filter.value != "all":
            await press(pilot, "f")
        assert _holds(view.current_row, 0, 5)
        assert "passage 6 " in status_text(app)
        for width, height in ((160, 48), (120, 40), (80, 24)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert _holds(view.current_row, 0, 5), width
        while view.shown_other is not None:
            await press(pilot, "v")
        while view.focused_document != 1:
            await press(pilot, "shift+tab")
        assert _holds(view.current_row, 0, 5)
        await press(pilot, "b")
        await ready(pilot)
        assert app.collation is not None and app.collation.base == 1
        assert _holds(view.current_row, 0, 5), "the old base's sentence 6 is still selected"


def _cell_text(view: AlignedView, row: int, document: int) -> str:
    assert view._layout is not None
    index = view.order.index(document)
    return "".join(piece.text for piece in view._layout.cell_pieces(row, index))


@sync
async def test_a_versions_cell_holds_its_own_text_and_none_of_the_dropped_words() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        collation = app.collation
        assert collation is not None
        checked = 0
        for row in view.rows:
            for cell in row.cells[1:]:
                if cell.status is not CellStatus.REWORDED:
                    continue
                document = collation.documents[cell.document]
                own = plain_text(document, cell.sentences)
                shown = _cell_text(view, row.index, cell.document)
                assert shown.endswith(own)
                dropped = {
                    word
                    for link in cell.links
                    for edit in link.edits
                    for word in edit.base.split()
                    if word not in own
                }
                assert not any(word in shown.split() for word in dropped)
                checked += 1
        assert checked > 20
        headline = next(r for r in view.rows if r.base_sentence == 0)
        assert "Washington" not in _cell_text(view, headline.index, 1)
        await press(pilot, "i")  # interleaved: the dropped words struck in the version's cell
        assert "Washington" in _cell_text(view, headline.index, 1)
        assert "interleaved" in status_text(app)


@sync
async def test_the_base_column_marks_what_the_focused_version_dropped() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        assert view._layout is not None
        headline = next(r for r in view.rows if r.base_sentence == 0)
        view.select_row(headline.index)
        styles = {piece.style for piece in view._layout.cell_pieces(headline.index, 0)}
        assert "deleted" not in styles  # the base has the focus: nothing to mark
        await press(pilot, "tab")
        dropped = [
            piece.text
            for piece in view._layout.cell_pieces(headline.index, 0)
            if piece.style == "deleted"
        ]
        assert "Washington" in " ".join(dropped)


@sync
async def test_n_steps_through_the_focused_version_and_says_so() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        everywhere = len(view.step_positions)
        await press(pilot, "tab", "tab", "tab", "c")  # 003 has the focus
        assert view.focused_document == 3
        assert 0 < len(view.step_positions) < everywhere
        assert "changes in 003 (x, c)" in status_text(app)
        await press(pilot, "g")
        for _ in range(len(view.step_positions)):
            await press(pilot, "n")
            row = view.current_row
            assert row is not None
            cell = next(c for c in row.cells if c.document == 3)
            assert cell.status is not CellStatus.EMPTY
            assert cell.status is not CellStatus.IDENTICAL or any(link.flags for link in cell.links)


@sync
async def test_n_steps_through_one_flag() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        while view.step_scope.target != "quote_altered":
            await press(pilot, "x")
        assert "QUOTE≠ flags" in status_text(app)
        stops = view.step_positions
        assert stops
        await press(pilot, "g")
        visited = []
        for _ in range(len(stops) + 1):
            await press(pilot, "n")
            if visited and visited[-1] == view.cursor:
                break
            visited.append(view.cursor)
            row = view.current_row
            assert row is not None and any(flag.value == "quote_altered" for flag in row.flags)
        assert visited == stops


@sync
async def test_the_first_screen_opens_on_the_first_base_passage() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        row = view.current_row
        assert row is not None and row.base_sentence == 0
        assert row.cells[0].status is CellStatus.BASE
        assert view._item_y[view.cursor] - view.scroll_y == 0  # at the top of the screen
        assert "passage 1 " in status_text(app)


@sync
async def test_y_copies_the_focused_cells_sentence() -> None:
    app = make_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await press(pilot, "tab", "y")
        collation = app.collation
        assert collation is not None
        row = view.current_row
        assert row is not None
        cell = next(c for c in row.cells if c.document == 1)
        assert app.clipboard == plain_text(collation.documents[1], cell.sentences)
        messages = [notification.message for notification in app._notifications]
        assert any("clipboard" in message and "001 2025-02-06" in message for message in messages)


@sync
async def test_the_summary_panel_takes_the_focus_and_scrolls_at_80_columns() -> None:
    app = make_app([])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(pilot)
        summary = app.query_one(SummaryPanel)
        assert not summary.display  # no room for it at first on 24 lines
        await press(pilot, "S")
        assert summary.display and summary.has_focus
        assert summary.max_scroll_x > 0
        for _ in range(8):
            await press(pilot, "right")
        assert summary.scroll_x == summary.max_scroll_x
        await press(pilot, "down", "down", "enter")
        assert view.has_focus
        assert view.focused_document == 2


@sync
async def test_j_and_k_scroll_the_help() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", VerticalScroll)
        await press(pilot, "j", "j")
        assert body.scroll_y > 0
        await press(pilot, "k", "k")
        assert body.scroll_y == 0


@sync
async def test_export_asks_before_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep me", encoding="utf-8")
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await press(pilot, "enter")
        assert app.screen is screen
        assert "exists" in str(screen.query_one("#export-error").render())
        assert target.read_text(encoding="utf-8") == "keep me"
        await press(pilot, "enter")
        assert not isinstance(app.screen, ExportScreen)
    assert target.read_text(encoding="utf-8") != "keep me"


@pytest.mark.parametrize("base", ["2"])
@sync
async def test_the_word_diff_keeps_words_whole(base: str) -> None:
    app = make_app([], base=base)
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        assert isinstance(app, WirediffApp) and app.collation is not None
        await press(pilot, "i")
        assert view._layout is not None
        for row in view.rows:
            for index in range(1, len(row.cells)):
                assert "U. S." not in "".join(
                    p.text for p in view._layout.cell_pieces(row.index, index)
                )


@sync
async def test_the_summary_panel_reaches_every_one_of_20_versions(tmp_path: Path) -> None:
    from .conftest import SEEDS

    seeds = sorted(SEEDS.glob("*.txt"))
    files = []
    for k in range(20):
        path = tmp_path / f"v{k:02d}.txt"
        path.write_text(seeds[k % len(seeds)].read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(path))
    app = make_app(files)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        from wirediff.tui.grid_screen import GridScreen

        assert isinstance(app.screen, GridScreen)  # twenty versions open on the grid
        await press(pilot, "o")  # back to the aligned view and its summary panel
        assert not isinstance(app.screen, GridScreen)
        summary = app.query_one(SummaryPanel)
        assert summary.row_count == 20
        assert summary.max_scroll_y > 0  # more rows than it shows at once
        await press(pilot, "S")
        for _ in range(19):
            await pilot.press("down")
        await pilot.pause()
        assert summary.cursor_row == 19
        assert summary.scroll_y == summary.max_scroll_y


@sync
async def test_a_passage_of_versions_off_screen_is_one_line_naming_them() -> None:
    app = make_app([])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(pilot)
        assert app.collation is not None
        assert [c.document for c in view.columns] == [0, 1]
        position = next(
            p for p, item in enumerate(view.items)
            if not item.folded and view.rows[item.row].cells[3].status is CellStatus.ADDED
        )  # fmt: skip
        row = view.rows[view.items[position].row]
        view.select(position)
        await pilot.pause()
        assert view._item_y[position + 1] - view._item_y[position] == 1
        line = view.render_line(view._item_y[position] - int(view.scroll_y)).text
        document = app.collation.documents[3]
        assert f"passages added in {document.label} (off screen, tab)" in line
        assert row.cells[3].sentences


def _screen_text(app: WirediffApp) -> list[str]:
    view = app.screen.query_one(AlignedView)
    return [
        "".join(segment.text for segment in view.render_line(y))
        for y in range(view.scrollable_content_region.height)
    ]


@sync
async def test_rows_of_versions_off_screen_fold_into_one_line_per_run() -> None:
    app = make_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        assert len(view.columns) == 3  # 003 and 004 are off screen
        items, changes = len(view.items), view.change_count
        await press(pilot, "g")
        notes = [line for line in _screen_text(app) if "off screen" in line]
        assert notes and len(notes) <= 3, notes
        assert any("passages added in 003 (off screen, tab)" in line for line in notes)
        # The base's first passages are on the first screen, not pushed off by 003 and 004.
        assert any("The summit will focus on" in line for line in _screen_text(app))
        # Counts do not change with the fold; one j passes a run.
        assert (len(view.items), view.change_count) == (items, changes)
        await press(pilot, "j")
        run_start = view.cursor
        await press(pilot, "j")
        assert view.cursor - run_start > 10
        await press(pilot, "k")
        assert view.cursor == run_start


@sync
async def test_the_status_line_names_versions_by_their_labels() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        assert app.collation is not None
        label = app.collation.documents[1].label
        while view.focused_document != 1:
            await press(pilot, "tab")
        await press(pilot, "c")
        assert f"changes in {label}" in status_text(app)
        view.select_row(next(r.index for r in view.rows if r.base_sentence is None))
        await pilot.pause()
        assert ".txt" not in status_text(app)


@sync
async def test_a_move_counts_once_in_the_status_line_as_in_the_summary() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        view = await ready(pilot)
        assert app.collation is not None
        while view.focused_document != 1:
            await press(pilot, "tab")
        while view.step_scope.target != "moved":
            await press(pilot, "x")
        await press(pilot, "c")
        comparison = next(c for c in app.collation.comparisons if c.other == 1)
        moved = sum(1 for link in comparison.links if link.moved)
        assert moved >= 1
        assert len(view.step_positions) == moved
        noun = "passage" if moved == 1 else "passages"
        assert f"{moved} moved {noun}" in status_text(app) or f"{moved} moved" in status_text(app)


@sync
async def test_a_notification_leaves_the_status_line_readable() -> None:
    from textual.widgets._toast import Toast

    from wirediff.tui.status import StatusLine

    app = make_app([])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        await press(pilot, "G", "n", "n")  # past the last change: "No more changes"
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        assert toasts
        status = app.screen.query_one(StatusLine).region
        for toast in toasts:
            assert not toast.region.overlaps(status), (toast.region, status)


@sync
async def test_the_summary_panel_fits_every_column_at_120_columns_after_b() -> None:
    app = make_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "tab", "b")
        await ready(pilot)
        assert app.collation is not None and app.collation.base == 1
        summary = app.query_one(SummaryPanel)
        await pilot.pause()
        keys = [str(key.value) for key in summary.columns]
        assert keys[0] == "version" and keys[-1] == "copied" and len(keys) == 13
        width = sum(column.get_render_width(summary) for column in summary.columns.values())
        assert width <= summary.scrollable_content_region.width
        assert summary.max_scroll_x == 0 and not summary.border_subtitle
        # At 80 columns they cannot all fit: the border says how to reach them.
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        assert summary.max_scroll_x > 0 and "← →" in str(summary.border_subtitle)
