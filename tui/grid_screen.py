"""The survival grid screen: every passage of the base in every version, and when they came out.

``open_grid`` shows it (the app's ``o`` key, or on its own when there are many versions);
``enter`` opens the selected passage of the selected version in the aligned view, where ``o``
comes back to the same cell.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from wirediff.core.model import Collation
from wirediff.present.grid import (
    BADGES,
    ORDER_LABELS,
    Grid,
    Order,
    build_grid,
    describe_cell,
    describe_column,
    next_order,
)
from wirediff.present.items import find_row
from wirediff.present.timeline import Timeline, build_timeline

from .aligned_view import AlignedView
from .footer import SteadyFooter
from .grid_timeline import TimelineStrip
from .grid_view import GridView

SCREEN_NAME = "grid"
GRID_FIRST_VERSIONS = 8
"""From this many versions on, the app opens on the grid rather than the aligned view."""


class GridScreen(Screen[None]):
    """The survival grid, a timeline strip above it and a description of the selected cell."""

    DEFAULT_CSS = """
    GridScreen {
        layout: vertical;
    }
    GridScreen #grid-detail {
        height: 2;
        background: $panel;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Open",
            id="grid.open",
            tooltip="Open this passage of this version in the aligned view (o comes back)",
        ),
        Binding(
            "s",
            "cycle_order",
            "Order",
            id="grid.order",
            tooltip="Order the versions by date, by share of the base, or as given",
        ),
        Binding(
            "o,escape",
            "close",
            "Aligned view",
            key_display="o",
            id="grid.close",
            tooltip="Back to the aligned view",
        ),
        Binding(
            "b",
            "rebase",
            "Make base",
            show=False,
            id="grid.rebase",
            tooltip="Make the selected version the base and align again",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            show=False,
            key_display="/",
            id="grid.search",
            tooltip="Search all versions (in the aligned view)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.collation: Collation | None = None
        self.grid: Grid | None = None
        self.timeline: Timeline | None = None

    def compose(self) -> ComposeResult:
        yield TimelineStrip(id="grid-timeline")
        yield GridView(id="grid-view")
        yield Static(id="grid-detail")
        yield SteadyFooter(compact=True, show_command_palette=False)

    @property
    def view(self) -> GridView:
        return self.query_one(GridView)

    def on_mount(self) -> None:
        self.view.focus()
        self._refresh_grid()

    def set_collation(self, collation: Collation) -> None:
        """Show ``collation`` (kept when it is the one already shown, with the cursor)."""
        if collation is self.collation:
            return
        self.collation = collation
        self.grid = build_grid(collation)
        self.timeline = build_timeline(collation)
        if self.is_mounted:
            self._refresh_grid()

    def _refresh_grid(self, row: int = 0, column: int = 0) -> None:
        if self.grid is None:
            return
        self.view.show(self.grid, row, column)
        self.query_one(TimelineStrip).show(self.timeline, self._selected_document())

    def _selected_document(self) -> int | None:
        current = self.view.current
        if self.grid is None or current is None:
            return None
        return self.grid.columns[current[1]].document

    @on(GridView.Moved)
    def _moved(self) -> None:
        grid = self.grid
        detail = self.query_one("#grid-detail", Static)
        current = self.view.current
        if grid is None or current is None:
            detail.update("No other version was compared with the base." if grid else "")
            return
        row, position = current
        column = grid.columns[position]
        source = None
        if column.copied_from is not None:
            source = grid.column_of(column.copied_from.source)
        self.view.set_source(source)
        self.query_one(TimelineStrip).select(column.document)
        first = Text(f"{position + 1}/{len(grid.columns)} ", style="bold")
        first.append(describe_column(grid, position))
        second = Text(describe_cell(grid, row, position, BADGES))
        second.append("  (enter: open)", style="dim")
        detail.update(Text("\n").join([first, second]))

    @on(GridView.Opened)
    def _opened(self, event: GridView.Opened) -> None:
        self.open_cell(event.row, event.column)

    def action_open(self) -> None:
        current = self.view.current
        if current is not None:
            self.open_cell(*current)

    def open_cell(self, row: int, position: int) -> None:
        """Back to the aligned view, on this passage of this version."""
        if self.grid is None or self.collation is None:
            return
        grid_row = self.grid.rows[row]
        column = self.grid.columns[position]
        cell = grid_row.cells[position]
        self.app.pop_screen()
        view = self.app.query_one(AlignedView)
        show_passage(
            view,
            column.document,
            (column.document, cell.sentences[0])
            if cell.sentences
            else (self.collation.base, grid_row.sentence),
        )

    def action_cycle_order(self) -> None:
        grid = self.grid
        if grid is None or self.collation is None:
            return
        order = next_order(grid)
        current = self.view.current
        document = grid.columns[current[1]].document if current else None
        self.grid = build_grid(self.collation, order)
        column = self.grid.column_of(document) if document is not None else 0
        self._refresh_grid(current[0] if current else 0, column or 0)
        note = " (no version has a date)" if order is Order.SIMILARITY and not grid.dated else ""
        self.notify(f"Versions {ORDER_LABELS[order]}{note}", timeout=2)

    def action_close(self) -> None:
        self.app.pop_screen()

    async def action_rebase(self) -> None:
        """Open the selected version in the aligned view and make it the base there."""
        current = self.view.current
        if current is None:
            return
        self.open_cell(*current)
        await self.app.run_action("rebase")

    async def action_search(self) -> None:
        self.app.pop_screen()
        await self.app.run_action("search")


def show_passage(view: AlignedView, document: int, anchor: tuple[int, int]) -> None:
    """Focus ``document``'s column in the aligned view and select the row holding ``anchor``.

    ``anchor`` is (document, sentence): the version's sentence carrying the passage, or the
    base sentence when the version omits it.
    """
    if view.collation is None:
        return
    if view.shown_other is not None and document != view.collation.base:
        view.set_state(replace(view.state, shown_other=document, focused=document))
    else:
        view.focused_document = document
    view.select_row(find_row(view.rows, anchor))


def open_grid(app: App[int], collation: Collation) -> GridScreen:
    """Show the grid of ``collation``; the screen is kept, so it comes back where it was."""
    if app.is_screen_installed(SCREEN_NAME):
        installed = app.get_screen(SCREEN_NAME)
        assert isinstance(installed, GridScreen)
        screen = installed
    else:
        screen = GridScreen()
        app.install_screen(screen, SCREEN_NAME)
    screen.set_collation(collation)
    if screen not in app.screen_stack:
        app.push_screen(screen)
    return screen
