"""The survival grid screen, driven by Pilot: it opens, moves, reorders, and opens cells."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from wirediff.core import CopiedFrom
from wirediff.present.grid import Mark, Order, column_labels
from wirediff.present.timeline import build_timeline
from wirediff.tui.aligned_view import AlignedView
from wirediff.tui.app import WirediffApp, make_app
from wirediff.tui.grid_screen import GridScreen, open_grid
from wirediff.tui.grid_timeline import TimelineStrip
from wirediff.tui.grid_view import CELL, GridView

from .conftest import SEEDS
from .grid_data import many_versions
from .test_tui import ready, sync


def grid_screen(pilot: Pilot[Any]) -> GridScreen:
    screen = pilot.app.screen
    assert isinstance(screen, GridScreen), f"the grid is not shown: {screen!r}"
    return screen


def line_text(view: GridView, y: int) -> str:
    return view.render_line(y).text


@sync
async def test_o_opens_the_grid_on_the_seeds_and_comes_back() -> None:
    app = make_app([])
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert not isinstance(app.screen, GridScreen), "five versions open on the aligned view"
        await pilot.press("o")
        screen = grid_screen(pilot)
        grid = screen.grid
        assert grid is not None and app.collation is not None
        base = app.collation.documents[app.collation.base]
        assert [row.sentence for row in grid.rows] == [s.index for s in base.sentences if s.counts]
        assert len(grid.columns) == 4
        # By date when some version has one (the loader finds dates in some seeds), with a
        # timeline; by share of the base otherwise.
        assert screen.collation is not None
        dated = build_timeline(screen.collation) is not None
        assert grid.order is (Order.DATE if dated else Order.SIMILARITY)
        assert screen.query_one(TimelineStrip).display is dated
        while screen.grid is not None and screen.grid.order is not Order.SIMILARITY:
            await pilot.press("s")
        assert screen.grid is not None
        shares = [column.share for column in screen.grid.columns]
        assert shares == sorted(shares, reverse=True)
        await pilot.press("o")
        assert not isinstance(app.screen, GridScreen)
        await pilot.press("o")
        assert grid_screen(pilot).grid is screen.grid, "the grid is kept while the alignment is"


@sync
async def test_many_versions_open_on_the_grid_ordered_by_date() -> None:
    documents = many_versions(20)
    app = WirediffApp(documents)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        grid = screen.grid
        assert grid is not None
        assert grid.order is Order.DATE
        assert [c.document for c in grid.columns] == sorted(
            range(1, 20), key=lambda k: documents[k].published
        )
        strip = screen.query_one(TimelineStrip)
        assert strip.display and strip.timeline is not None
        assert len(strip.timeline.entries) == 20
        view = screen.view
        # The header names each column's outlet, top to bottom.
        label = "".join(line_text(view, y)[view.left_width] for y in range(view.label_height))
        first = documents[grid.columns[0].document]
        assert label == column_labels(grid, view.label_height)[0]
        assert label.startswith(first.outlet[:4]) and label.endswith(first.published[5:10])
        # Each row says how many versions keep its passage.
        first_row = line_text(view, view.header_height)
        assert f"█{grid.rows[0].kept} date 2025-02-06" in first_row  # the crawl's date line
        await pilot.press("s")
        assert screen.grid is not None and screen.grid.order is Order.SIMILARITY
        await pilot.press("s")
        assert screen.grid.order is Order.INPUT
        assert [c.document for c in screen.grid.columns] == list(range(1, 20))
        await pilot.press("s")
        assert screen.grid.order is Order.DATE


@sync
async def test_enter_opens_the_cell_in_the_aligned_view_and_o_returns() -> None:
    documents = many_versions(20)
    app = WirediffApp(documents)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        grid = screen.grid
        assert grid is not None
        # A reworded cell: the aligned view must land on the version's sentence.
        target = next(
            (r, c)
            for r, row in enumerate(grid.rows)
            for c, cell in enumerate(row.cells)
            if cell.mark is Mark.REWORDED and c > 3
        )
        screen.view.select(*target)
        await pilot.pause()
        cell = grid.rows[target[0]].cells[target[1]]
        document = grid.columns[target[1]].document
        await pilot.press("enter")
        assert not isinstance(app.screen, GridScreen)
        view = app.query_one(AlignedView)
        assert view.focused_document == document
        row = view.current_row
        assert row is not None
        cells = {c.document: c for c in row.cells}
        assert cell.sentences[0] in cells[document].sentences
        assert grid.rows[target[0]].sentence in cells[app.collation.base].sentences  # type: ignore[union-attr]
        await pilot.press("o")
        assert grid_screen(pilot).view.current == target


@sync
async def test_an_omitted_cell_opens_on_the_base_passage() -> None:
    app = WirediffApp(many_versions(20))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        grid = screen.grid
        assert grid is not None and app.collation is not None
        target = next(
            (r, c)
            for r, row in enumerate(grid.rows)
            for c, cell in enumerate(row.cells)
            if cell.mark is Mark.OMITTED
        )
        screen.view.select(*target)
        await pilot.press("enter")
        view = app.query_one(AlignedView)
        row = view.current_row
        assert row is not None
        assert grid.rows[target[0]].sentence in row.cells[0].sentences
        assert view.focused_document == grid.columns[target[1]].document


@sync
async def test_fifty_versions_scroll_both_ways_on_80x24() -> None:
    app = WirediffApp(many_versions(50))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        view = screen.view
        grid = screen.grid
        assert grid is not None and len(grid.columns) == 49
        assert view.scroll_x == 0 and view.scroll_y == 0
        visible = (view.scrollable_content_region.width - view.left_width) // CELL
        assert visible < 49, "fifty versions do not fit in 80 columns"
        await pilot.press("end")
        assert view.cursor_column == 48 and view.scroll_x > 0
        # The last column's mark is on screen, at the right edge of the cells.
        row_line = line_text(view, view.header_height + view.cursor_row)
        last = grid.rows[view.cursor_row].cells[48]
        assert last.symbol in row_line[-CELL - 2 :]
        await pilot.press("G")
        assert view.cursor_row == len(grid.rows) - 1 and view.scroll_y > 0
        await pilot.press("home", "g")
        assert (view.scroll_x, view.scroll_y) == (0, 0)
        # n goes to the next flagged passage of the selected version.
        column = next(c for c in range(49) if any(row.cells[c].flags for row in grid.rows))
        view.select(0, column)
        await pilot.press("n")
        assert grid.rows[view.cursor_row].cells[column].flags


@sync
async def test_clicking_a_cell_selects_it_and_a_second_click_opens_it() -> None:
    app = WirediffApp(many_versions(12))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        view = screen.view
        x = view.left_width + 3 * CELL
        y = view.header_height + 4
        await pilot.click(GridView, offset=(x, y))
        assert view.current == (4, 3)
        await pilot.click(GridView, offset=(x, y))
        assert not isinstance(app.screen, GridScreen)
        assert screen.grid is not None
        assert app.query_one(AlignedView).focused_document == screen.grid.columns[3].document


@sync
async def test_b_in_the_grid_makes_the_selected_version_the_base() -> None:
    app = make_app([str(path) for path in sorted(SEEDS.glob("*.txt"))])
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        screen = grid_screen(pilot)
        assert screen.grid is not None
        document = screen.grid.columns[0].document
        await pilot.press("b")
        await ready(pilot)
        assert app.collation is not None and app.collation.base == document
        await pilot.press("o")
        grid = grid_screen(pilot).grid
        assert grid is not None and grid.base == document


@sync
async def test_the_selected_versions_source_is_named_and_its_title_lit() -> None:
    app = WirediffApp(many_versions(12))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        assert app.collation is not None
        guesses: list[CopiedFrom | None] = [None] * 12
        guesses[7] = CopiedFrom(source=3, share=0.9, reason="verbatim")
        collation = dataclasses.replace(app.collation, copied_from=tuple(guesses))
        screen = open_grid(app, collation)
        await pilot.pause()
        grid = screen.grid
        assert grid is not None
        position = grid.column_of(7)
        assert position is not None
        screen.view.select(0, position)
        await pilot.pause()
        detail = str(screen.query_one("#grid-detail", Static).render())
        assert f"copied from {collation.documents[3].label} (90%)" in detail
        assert screen.view.source_column == grid.column_of(3)
        screen.view.select(0, grid.column_of(5) or 0)
        await pilot.pause()
        assert screen.view.source_column is None


@sync
async def test_the_timeline_strip_marks_the_selected_version_and_alterations() -> None:
    app = WirediffApp(many_versions(20))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = grid_screen(pilot)
        strip = screen.query_one(TimelineStrip)
        timeline = strip.timeline
        assert timeline is not None and screen.grid is not None
        marks = strip.render_line(1).text
        assert marks.count("▲") == 1
        assert "!" in marks and any(entry.altered for entry in timeline.entries)
        dates = strip.render_line(2).text
        assert f"{timeline.start.day} {timeline.start:%b} 06:00" in dates  # round hours
        first = marks.index("▲")
        await pilot.press("end")
        assert strip.selected == screen.grid.columns[-1].document
        assert strip.render_line(1).text.index("▲") > first, "the last version is the latest"


@sync
async def test_the_strip_marks_a_version_dated_without_a_time() -> None:
    from wirediff.core import collate
    from wirediff.tui.grid_timeline import DAY_MARK, LEFT

    documents = list(many_versions(8))
    first = build_timeline(collate(documents))
    assert first is not None
    plain = max(e.document for e in first.entries if not e.altered and not e.is_base)
    documents[plain] = dataclasses.replace(documents[plain], published="2025-02-10")
    app = WirediffApp(tuple(documents))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        if not isinstance(app.screen, GridScreen):
            await pilot.press("o")
            await pilot.pause()
        screen = grid_screen(pilot)
        strip = screen.query_one(TimelineStrip)
        timeline = strip.timeline
        assert timeline is not None
        last = timeline.entries[-1]
        assert last.document == plain and last.day_only and timeline.position(last.when) == 1
        marks = strip.render_line(1).text
        assert strip.selected != plain and not last.altered
        assert marks.rstrip().endswith(DAY_MARK) and marks.count(DAY_MARK) == 1
        dates = strip.render_line(2).text[len(LEFT) :]
        assert "10 Feb" in dates and ":" not in dates  # days apart: day ticks, no times
