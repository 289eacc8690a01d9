"""The survival grid widget: one row per base passage, one two-cell column per version.

A ``ScrollView`` drawn line by line: the column titles (written top to bottom) and the passage
column on the left stay in place while the cells scroll both ways, so fifty versions read on an
80x24 terminal. The model is ``wirediff.present.grid``; this widget only draws it and moves a
cursor over it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wirediff.core.model import Role
from wirediff.present.grid import FLAG_MARKER, ORDER_LABELS, Grid, GridCell, column_labels
from wirediff.present.wrap import cell_width

from .styles import component_style

CELL = 2
"""Width of one version's column: its mark and a flag marker (or a space)."""
BARS = "▁▂▃▄▅▆▇█"
"""Eighths of a cell, for shares."""
MIN_TEXT, MAX_TEXT = 14, 64
"""Width of the passage text on the left."""


def bar(share: float) -> str:
    """One character whose height shows ``share`` (0-1); any share above zero shows."""
    if share <= 0:
        return " "
    return BARS[min(len(BARS) - 1, max(0, round(share * len(BARS)) - 1))]


def added_digit(count: int) -> str:
    """A one-character count of added passages: ``·`` none, 1-9, ``+`` for ten or more."""
    if count <= 0:
        return "·"
    return str(count) if count < 10 else "+"


class GridView(ScrollView, can_focus=True):
    """The grid with a cursor on one cell (a passage in a version)."""

    DEFAULT_CSS = """
    GridView {
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
    }
    GridView > .grid-view--identical { color: $foreground-muted; }
    GridView > .grid-view--reworded { color: $text-primary; text-style: bold; }
    GridView > .grid-view--moved { color: $text-warning; text-style: bold; }
    GridView > .grid-view--omitted { color: $text-error; }
    GridView > .grid-view--flag {
        background: $warning-muted; color: $text-warning; text-style: bold;
    }
    GridView > .grid-view--cross { background: $primary 10%; }
    GridView > .grid-view--cursor { background: $primary 45%; text-style: bold; }
    GridView > .grid-view--label { color: $text-accent; }
    GridView > .grid-view--source { background: $success-muted; color: $text-success; }
    GridView > .grid-view--title { text-style: bold; }
    GridView > .grid-view--muted { color: $foreground-muted; }
    GridView > .grid-view--headline { text-style: bold; }
    GridView > .grid-view--share { color: $text-primary; }
    GridView > .grid-view--separator { color: $foreground 30%; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid-view--identical",
        "grid-view--reworded",
        "grid-view--moved",
        "grid-view--omitted",
        "grid-view--flag",
        "grid-view--cross",
        "grid-view--cursor",
        "grid-view--label",
        "grid-view--source",
        "grid-view--title",
        "grid-view--muted",
        "grid-view--headline",
        "grid-view--share",
        "grid-view--separator",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down,j",
            "move(1, 0)",
            "Next passage",
            show=False,
            id="grid.down",
            tooltip="Next passage (row)",
        ),
        Binding(
            "up,k",
            "move(-1, 0)",
            "Previous passage",
            show=False,
            id="grid.up",
            tooltip="Previous passage (row)",
        ),
        Binding(
            "right,l",
            "move(0, 1)",
            "Next version",
            show=False,
            id="grid.right",
            tooltip="Next version (column)",
        ),
        Binding(
            "left,h",
            "move(0, -1)",
            "Previous version",
            show=False,
            id="grid.left",
            tooltip="Previous version (column)",
        ),
        Binding(
            "pagedown,space",
            "page(1)",
            "Page down",
            show=False,
            id="grid.page_down",
            tooltip="One screen of passages down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="grid.page_up",
            tooltip="One screen of passages up",
        ),
        Binding(
            "g",
            "row_end(-1)",
            "First passage",
            show=False,
            id="grid.first_row",
            tooltip="First passage",
        ),
        Binding(
            "G",
            "row_end(1)",
            "Last passage",
            show=False,
            id="grid.last_row",
            tooltip="Last passage",
        ),
        Binding(
            "home",
            "column_end(-1)",
            "First version",
            show=False,
            id="grid.first_column",
            tooltip="First version (leftmost column)",
        ),
        Binding(
            "end",
            "column_end(1)",
            "Last version",
            show=False,
            id="grid.last_column",
            tooltip="Last version (rightmost column)",
        ),
        Binding(
            "n",
            "next_flag(1)",
            "Next flag",
            key_display="n/N",
            id="grid.next_flag",
            tooltip="Next flagged passage in this version",
        ),
        Binding(
            "N",
            "next_flag(-1)",
            "Previous flag",
            show=False,
            id="grid.previous_flag",
            tooltip="Previous flagged passage in this version",
        ),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)
    """The selected passage (row of ``grid.rows``)."""
    cursor_column: reactive[int] = reactive(0, init=False)
    """The selected version (position in ``grid.columns``)."""

    class Moved(Message):
        """The cursor moved or the grid changed."""

        def __init__(self, view: GridView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> GridView:
            return self.view

    class Opened(Message):
        """Open the selected cell (enter, or a click on the selected cell)."""

        def __init__(self, view: GridView, row: int, column: int) -> None:
            super().__init__()
            self.view = view
            self.row = row
            self.column = column

        @property
        def control(self) -> GridView:
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.grid: Grid | None = None
        self._mixed: dict[tuple[str, ...], Style] = {}
        self._base = Style()
        self._labels: list[str] = []
        self._label_height = -1
        self._text_width = MIN_TEXT
        self._source_column: int | None = None

    # --- data -------------------------------------------------------------------------------

    def show(self, grid: Grid, row: int = 0, column: int = 0) -> None:
        """Show ``grid`` with the cursor on (``row``, ``column``), clamped."""
        self.grid = grid
        self._label_height = -1
        self.set_reactive(GridView.cursor_row, max(0, min(row, len(grid.rows) - 1)))
        self.set_reactive(GridView.cursor_column, max(0, min(column, len(grid.columns) - 1)))
        self._relayout()

    @property
    def current(self) -> tuple[int, int] | None:
        """(row, column) of the cursor, or None when the grid is empty."""
        if self.grid is None or not self.grid.rows or not self.grid.columns:
            return None
        return self.cursor_row, self.cursor_column

    @property
    def current_cell(self) -> GridCell | None:
        if self.grid is None or self.current is None:
            return None
        return self.grid.rows[self.cursor_row].cells[self.cursor_column]

    # --- geometry ---------------------------------------------------------------------------

    @property
    def header_height(self) -> int:
        """Lines of column titles, then the share and the added line."""
        return self.label_height + 2

    @property
    def label_height(self) -> int:
        """Lines of the vertical titles: a third of the height, within 4-14."""
        height = self.scrollable_content_region.height or self.size.height
        return max(4, min(14, height // 3))

    def _number_width(self) -> int:
        if self.grid is None or not self.grid.rows:
            return 1
        return len(str(self.grid.rows[-1].sentence + 1))

    def _kept_width(self) -> int:
        if self.grid is None:
            return 1
        return len(str(len(self.grid.columns)))

    @property
    def left_width(self) -> int:
        """Cells left of the grid: number, share bar, kept count, text, separator."""
        return self._number_width() + 1 + 1 + self._kept_width() + 1 + self._text_width + 1

    def _fixed_width(self) -> int:
        return self._number_width() + 1 + 1 + self._kept_width() + 1 + 1

    def _relayout(self) -> None:
        grid = self.grid
        width = self.scrollable_content_region.width or self.size.width
        if grid is None:
            self.virtual_size = Size(width, 0)
            self.refresh()
            return
        cells = len(grid.columns) * CELL
        spare = width - self._fixed_width() - cells
        self._text_width = max(MIN_TEXT, min(MAX_TEXT, spare if spare >= MIN_TEXT else width // 4))
        if self._label_height != self.label_height:
            self._label_height = self.label_height
            self._labels = column_labels(grid, self._label_height)
        self.virtual_size = Size(self.left_width + cells, self.header_height + len(grid.rows))
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.Moved(self))

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._mixed.clear()

    def _mix(self, *names: str) -> Style:
        """The widget's style with the named component styles laid over it, in order."""
        style = self._mixed.get(names)
        if style is None:
            if not self._mixed:
                self._base = self.rich_style
            style = self._base
            for name in names:
                if name:
                    style += component_style(self, f"grid-view--{name}")
            self._mixed[names] = style
        return style

    @property
    def source_column(self) -> int | None:
        """The highlighted column: the version the selected one was likely copied from."""
        return self._source_column

    def set_source(self, column: int | None) -> None:
        """Highlight ``column``'s title: the version the selected one was copied from."""
        if column != self._source_column:
            self._source_column = column
            self.refresh()

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._mix()
        grid = self.grid
        if grid is None or not grid.columns:
            if y == 1:
                text = "  No other version to show." if grid is not None else "  Aligning…"
                return Strip([Segment(text, self._mix("muted"))]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        header = self.header_height
        left_width = self.left_width
        if y < header:
            left, cells = self._header_line(y, left_width)
        else:
            row = y - header + int(self.scroll_y)
            if row >= len(grid.rows):
                return Strip.blank(width, base)
            left, cells = self._row_line(row, left_width)
        left_strip = Strip(left).adjust_cell_length(left_width, base)
        visible = max(0, width - left_width)
        start = int(self.scroll_x)
        cell_strip = Strip(cells).crop(start, start + visible)
        return Strip.join([left_strip, cell_strip]).adjust_cell_length(width, base)

    def _header_line(self, y: int, left_width: int) -> tuple[list[Segment], list[Segment]]:
        grid = self.grid
        assert grid is not None
        cursor = self.cursor_column
        cells: list[Segment] = []
        label_height = self._label_height
        if y < label_height:
            left = self._header_left(y, left_width)
            for position in range(len(grid.columns)):
                char = self._labels[position][y] if position < len(self._labels) else " "
                name = "source" if position == self._source_column else "label"
                style = self._mix(name, "cross" if position == cursor else "")
                cells.append(Segment(char + " ", style))
        elif y == label_height:
            left = self._right_aligned("share of base", left_width)
            for position, column in enumerate(grid.columns):
                style = self._mix("share", "cross" if position == cursor else "")
                cells.append(Segment(bar(column.share) + " ", style))
        else:
            left = self._right_aligned("added (+: 10+)", left_width)
            for position, column in enumerate(grid.columns):
                style = self._mix("muted", "cross" if position == cursor else "")
                cells.append(Segment(added_digit(column.added) + " ", style))
        left.append(Segment("│", self._mix("separator")))
        return left, cells

    def _right_aligned(self, text: str, left_width: int) -> list[Segment]:
        room = left_width - 1
        text = text[-room:] if len(text) > room else text
        return [Segment(text.rjust(room), self._mix("muted"))]

    def _header_left(self, y: int, left_width: int) -> list[Segment]:
        grid = self.grid
        assert grid is not None
        room = left_width - 1
        count = len(grid.columns)
        lines = [
            (f"Survival grid · {count} version{'s' if count != 1 else ''}", "title"),
            (f"rows: passages of {grid.base_label}", "muted"),
            (f"columns {ORDER_LABELS[grid.order]} (s)", "muted"),
            ("= same ~ reworded ↕ moved", "muted"),
            ("- omitted ! flagged", "muted"),
            ("left: kept by how many", "muted"),
        ]
        if y >= len(lines):
            return [Segment(" " * room, self._mix())]
        text, style = lines[y]
        if cell_width(text) > room:
            text = _cut(text, room - 1) + "…"
        return [Segment(text.ljust(room), self._mix(style))]

    def _row_line(self, row: int, left_width: int) -> tuple[list[Segment], list[Segment]]:
        grid = self.grid
        assert grid is not None
        grid_row = grid.rows[row]
        cursor_column = self.cursor_column
        on_row = "cross" if row == self.cursor_row else ""
        count = len(grid.columns)
        kept = grid_row.kept
        text = grid_row.text
        if cell_width(text) > self._text_width:
            text = _cut(text, self._text_width - 1) + "…"
        heading = grid_row.role in (Role.HEADLINE, Role.HEADING)
        left = [
            Segment(
                f"{grid_row.sentence + 1:>{self._number_width()}} ", self._mix(on_row, "muted")
            ),
            Segment(bar(kept / count if count else 0), self._mix(on_row, "share")),
            Segment(f"{kept:>{self._kept_width()}} ", self._mix(on_row)),
            Segment(text, self._mix(on_row, "headline" if heading else "")),
        ]
        used = sum(cell_width(segment.text) for segment in left)
        room = left_width - 1
        if used < room:
            left.append(Segment(" " * (room - used), self._mix(on_row)))
        left.append(Segment("│", self._mix(on_row, "separator")))
        cells: list[Segment] = []
        for position, cell in enumerate(grid_row.cells):
            under = ("cursor" if on_row else "cross") if position == cursor_column else on_row
            cells.append(Segment(cell.symbol, self._mix(under, cell.mark.value)))
            if cell.flags:
                cells.append(Segment(FLAG_MARKER, self._mix(under, "flag")))
            else:
                cells.append(Segment(" ", self._mix(under)))
        return left, cells

    # --- cursor -----------------------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        grid = self.grid
        region = self.scrollable_content_region
        if grid is None or region.height <= 0 or region.width <= 0:
            return
        rows_visible = max(1, region.height - self.header_height)
        y = self.scroll_y
        if self.cursor_row < y:
            y = self.cursor_row
        elif self.cursor_row >= y + rows_visible:
            y = self.cursor_row - rows_visible + 1
        cells_visible = max(CELL, region.width - self.left_width)
        x = self.scroll_x
        left = self.cursor_column * CELL
        if left < x:
            x = left
        elif left + CELL > x + cells_visible:
            x = left + CELL - cells_visible
        if (x, y) != (self.scroll_x, self.scroll_y):
            self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def watch_cursor_row(self) -> None:
        self._cursor_moved()

    def watch_cursor_column(self) -> None:
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.Moved(self))

    def select(self, row: int, column: int) -> None:
        """Put the cursor on (``row``, ``column``), clamped to the grid."""
        if self.grid is None or not self.grid.rows or not self.grid.columns:
            return
        self.cursor_row = max(0, min(len(self.grid.rows) - 1, row))
        self.cursor_column = max(0, min(len(self.grid.columns) - 1, column))

    def action_move(self, rows: int, columns: int) -> None:
        self.select(self.cursor_row + rows, self.cursor_column + columns)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - self.header_height)
        self.select(self.cursor_row + direction * height, self.cursor_column)

    def action_row_end(self, direction: int) -> None:
        if self.grid is not None:
            self.select(0 if direction < 0 else len(self.grid.rows) - 1, self.cursor_column)

    def action_column_end(self, direction: int) -> None:
        if self.grid is not None:
            self.select(self.cursor_row, 0 if direction < 0 else len(self.grid.columns) - 1)

    def action_next_flag(self, direction: int) -> None:
        grid = self.grid
        if grid is None or not grid.columns:
            return
        column = self.cursor_column
        flagged = [r for r, row in enumerate(grid.rows) if row.cells[column].flags]
        if direction > 0:
            following = [r for r in flagged if r > self.cursor_row]
        else:
            following = [r for r in reversed(flagged) if r < self.cursor_row]
        if following:
            self.select(following[0], column)
        elif flagged:
            self.notify("No more flagged passages in this version.", timeout=2)
        else:
            self.notify("No flagged passage in this version.", timeout=2)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self, self.cursor_row, self.cursor_column))

    # --- mouse ------------------------------------------------------------------------------

    def _cell_at(self, x: int, y: int) -> tuple[int | None, int | None]:
        """(row, column) under content offset (x, y); either may be None."""
        grid = self.grid
        if grid is None:
            return None, None
        row: int | None = None
        column: int | None = None
        if y >= self.header_height:
            candidate = y - self.header_height + int(self.scroll_y)
            if 0 <= candidate < len(grid.rows):
                row = candidate
        if x >= self.left_width:
            candidate = (x - self.left_width + int(self.scroll_x)) // CELL
            if 0 <= candidate < len(grid.columns):
                column = candidate
        return row, column

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row, column = self._cell_at(offset.x, offset.y)
        if row is None and column is None:
            return
        target = (
            self.cursor_row if row is None else row,
            self.cursor_column if column is None else column,
        )
        if (
            target == (self.cursor_row, self.cursor_column)
            and row is not None
            and column is not None
        ):
            self.action_open()
        else:
            self.select(*target)


def _cut(text: str, width: int) -> str:
    """The start of ``text`` that fits in ``width`` cells."""
    if text.isascii():
        return text[: max(0, width)]
    used = 0
    for position, char in enumerate(text):
        used += cell_width(char)
        if used > width:
            return text[:position]
    return text
