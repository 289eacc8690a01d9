"""The aligned view: one column per version, one row per passage, drawn line by line.

A ``ScrollView`` with ``render_line``: only the lines on screen are turned into segments, so two
5,000-sentence versions scroll as fast as the seeds. Cell text is laid out once per change of
width, filter, wrap or search, by the pure helpers in ``wirediff.core.view_*``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wirediff.core.model import Collation
from wirediff.present.items import (
    Column,
    Item,
    RowFilter,
    change_positions,
    column_layout,
    display_items,
    find_row,
    item_of_row,
    row_anchor,
    row_text,
    search_positions,
    step,
)
from wirediff.present.layout import GUTTER, RowLayout, RowLines
from wirediff.present.legend import MARK_STYLES, PIECE_STYLES
from wirediff.present.rows import CellStatus, Row, build_rows, shown_order
from wirediff.present.wrap import cell_width

from .status import describe
from .styles import component_style

MIN_COLUMN_WIDTH = 30
"""Narrowest readable column; when the versions do not all fit, fewer are shown at once."""


class AlignedView(ScrollView, can_focus=True):
    """Versions side by side, the base on the left, a cursor on one passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor(1)",
            "Next passage",
            show=False,
            id="view.next_row",
            tooltip="Select the next passage (row)",
        ),
        Binding(
            "k,up",
            "cursor(-1)",
            "Previous passage",
            show=False,
            id="view.previous_row",
            tooltip="Select the previous passage (row)",
        ),
        Binding(
            "pagedown,space",
            "page(1)",
            "Page down",
            show=False,
            id="view.page_down",
            tooltip="Scroll one screen down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="view.page_up",
            tooltip="Scroll one screen up",
        ),
        Binding(
            "g,home",
            "ends(-1)",
            "First passage",
            show=False,
            id="view.first",
            tooltip="Go to the first passage",
        ),
        Binding(
            "G,end",
            "ends(1)",
            "Last passage",
            show=False,
            id="view.last",
            tooltip="Go to the last passage",
        ),
        Binding(
            "n",
            "next(1)",
            "Change",
            key_display="n/N",
            id="view.next",
            tooltip="Next change (or next search hit while a search is active)",
        ),
        Binding(
            "N",
            "next(-1)",
            "Previous change",
            show=False,
            id="view.previous",
            tooltip="Previous change (or previous search hit while a search is active)",
        ),
        Binding(
            "right_square_bracket",
            "change(1)",
            "Next change",
            show=False,
            key_display="]",
            id="view.next_change",
            tooltip="Next change, even while searching",
        ),
        Binding(
            "left_square_bracket",
            "change(-1)",
            "Previous change",
            show=False,
            key_display="[",
            id="view.previous_change",
            tooltip="Previous change, even while searching",
        ),
        Binding(
            "tab",
            "focus_column(1)",
            "Next version",
            show=False,
            id="view.next_column",
            tooltip="Focus the next version's column",
        ),
        Binding(
            "shift+tab",
            "focus_column(-1)",
            "Previous version",
            show=False,
            id="view.previous_column",
            tooltip="Focus the previous version's column",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="view.filter",
            tooltip="Cycle the filter: all, changes, added, omitted, reworded, flagged, moved",
        ),
        Binding(
            "v",
            "cycle_shown",
            "Versions",
            show=False,
            id="view.versions",
            tooltip="Cycle the versions shown: all, or the base and one other",
        ),
        Binding(
            "w",
            "toggle('wrap')",
            "Wrap",
            show=False,
            id="view.wrap",
            tooltip="Toggle word wrap (off: one line per passage)",
        ),
        Binding(
            "z",
            "toggle('fold_boilerplate')",
            "Fold boilerplate",
            show=False,
            id="view.fold",
            tooltip="Fold runs of page furniture into one line",
        ),
        Binding(
            "m",
            "follow_move",
            "Follow move",
            show=False,
            id="view.follow_move",
            tooltip="Jump between a moved passage and the place it came from",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"aligned-view--{name}" for name in PIECE_STYLES),
        *(f"aligned-view--mark-{name}" for name in MARK_STYLES),
        "aligned-view--hit",
        "aligned-view--cursor",
        "aligned-view--cursor-cell",
        "aligned-view--separator",
        "aligned-view--folded",
        "aligned-view--message",
    }

    wrap: reactive[bool] = reactive(True, init=False)
    """Wrap sentences inside their column; off shows one line per passage."""
    row_filter: reactive[RowFilter] = reactive(RowFilter.ALL, init=False)
    """Which passages are listed."""
    fold_boilerplate: reactive[bool] = reactive(False, init=False)
    """Fold runs of boilerplate rows into one line."""
    search_text: reactive[str] = reactive("", init=False)
    """The active search ("" when none)."""
    shown_other: reactive[int | None] = reactive(None, init=False)
    """None to show every version, else the one version shown beside the base."""
    focused_document: reactive[int] = reactive(0, init=False)
    """The document whose column has the focus (tab / shift+tab)."""
    cursor: reactive[int] = reactive(0, init=False)
    """Position of the selected item in ``items``."""

    @dataclass
    class Changed(Message):
        """The selection, the filter, the columns or the search changed: what the view shows."""

        collation: Collation | None
        columns: tuple[Column, ...]
        """The columns on screen."""
        order: tuple[int, ...]
        """Every shown document, the base first."""
        focused_document: int
        status: Text
        """One line saying what the view shows (for the status line)."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.collation: Collation | None = None
        self.rows: tuple[Row, ...] = ()
        self.order: list[int] = []
        self.items: tuple[Item, ...] = ()
        self.columns: tuple[Column, ...] = ()
        self.message = "Aligning…"
        self._item_y: list[int] = [0]
        self._changes: list[int] = []
        self._hits: list[int] = []
        self._layout: RowLayout | None = None
        self._row_documents: list[int] = []
        """The versions the rows were built for, in column order."""
        self._search_texts: list[str] | None = None
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._styles: dict[str, Style] = {}
        self._width = 0
        self._jumping = False

    # --- data -------------------------------------------------------------------------------

    def show(self, collation: Collation) -> None:
        """Show ``collation`` (a new alignment, e.g. after a change of base)."""
        self.collation = collation
        if self.shown_other is not None and (
            self.shown_other == collation.base or self.shown_other >= len(collation.documents)
        ):
            self.set_reactive(AlignedView.shown_other, None)
        self.set_reactive(AlignedView.focused_document, collation.base)
        self.set_reactive(AlignedView.cursor, 0)
        self._rebuild_rows(keep_row=False)

    def set_message(self, message: str) -> None:
        """Text shown while there is nothing to show (aligning, or an error)."""
        self.message = message
        self._strips.clear()
        self.refresh()

    @property
    def current_row(self) -> Row | None:
        """The selected row, or None when there is none (or a folded run is selected)."""
        if not self.items or not 0 <= self.cursor < len(self.items):
            return None
        item = self.items[self.cursor]
        return None if item.folded else self.rows[item.row]

    @property
    def search_hits(self) -> list[int]:
        """Positions of the items matching the search."""
        return self._hits

    @property
    def change_count(self) -> int:
        """Items that are changes, under the current filter."""
        return len(self._changes)

    def _post_changed(self) -> None:
        self.post_message(
            self.Changed(
                self.collation,
                self.columns,
                tuple(self.order),
                self.focused_document,
                describe(self),
            )
        )

    def _rebuild_rows(self, keep_row: bool = True) -> None:
        """Rows for the versions that fit on screen (all shown ones when there is room)."""
        if self.collation is None:
            return
        current = self.current_row
        anchor = row_anchor(current) if keep_row and current is not None else None
        shown = None if self.shown_other is None else [self.collation.base, self.shown_other]
        self.order = shown_order(self.collation, shown)
        if self.focused_document not in self.order:
            self.set_reactive(AlignedView.focused_document, self.order[0])
        self._width = self.scrollable_content_region.width
        self.columns = self._columns_for(self._width)
        self._row_documents = self._documents(self.columns)
        self.rows = build_rows(self.collation, self._row_documents)
        self._layout = RowLayout(self.collation, self.rows)
        self._layout.configure(self.columns, self.wrap, self.search_text)
        self._search_texts = None
        self._rebuild_items(find_row(self.rows, anchor))

    def _columns_for(self, width: int) -> tuple[Column, ...]:
        return column_layout(self.order, self.focused_document, max(width, 1), MIN_COLUMN_WIDTH)

    @staticmethod
    def _documents(columns: Sequence[Column]) -> list[int]:
        return [column.document for column in columns]

    def _rebuild_items(self, keep: int | None = None) -> None:
        if keep is None:
            keep = self.items[self.cursor].row if 0 <= self.cursor < len(self.items) else 0
        self.items = display_items(self.rows, self.row_filter, self.fold_boilerplate)
        self._changes = change_positions(self.items, self.rows)
        position = item_of_row(self.items, keep)
        self.set_reactive(
            AlignedView.cursor,
            max(0, min(len(self.items) - 1, position if position is not None else 0)),
        )
        self._rebuild_search()
        self._relayout()

    def _rebuild_search(self) -> None:
        if self.collation is None or not self.search_text:
            self._hits = []
            return
        if self._search_texts is None:
            self._search_texts = [row_text(self.collation, row) for row in self.rows]
        self._hits = search_positions(self._search_texts, self.items, self.search_text)

    # --- layout -----------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Place every item for the current width: row heights are cached, lines made lazily."""
        self._width = self.scrollable_content_region.width
        if self._layout is None or self._width <= 0:
            self._item_y = [0]
            self.virtual_size = Size(self._width, 0)
            self.refresh()
            self._post_changed()
            return
        assert self._layout is not None
        columns = self._columns_for(self._width)
        if self._documents(columns) != self._row_documents:
            # The width changed which versions fit (a scroll bar came or went): the rows
            # were built for other columns, so build them again for these.
            self._rebuild_rows()
            return
        self.columns = columns
        self._layout.configure(self.columns, self.wrap, self.search_text)
        self._item_y = self._layout.offsets(self.items, 1 if self.wrap else 0)
        self._strips.clear()
        self.virtual_size = Size(self._width, self._item_y[-1])
        self.refresh()
        self._scroll_to_cursor()
        self._post_changed()

    def _item_height(self, position: int) -> int:
        item = self.items[position]
        if item.folded or self._layout is None:
            return 1
        return self._layout.height(item.row)

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width == self._width:
            return
        if self._documents(self._columns_for(width)) != self._documents(self.columns):
            self._rebuild_rows()
        else:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # --- drawing ----------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = component_style(self, f"aligned-view--{name}")
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        return self._line(scroll_y + y)

    def _line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.items:
            if y == 1:
                text = self.message if self.collation is None or self.items else self._empty()
                style = base + self._style("message")
                return Strip([Segment(f"  {text}", style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        position = bisect.bisect_right(self._item_y, y) - 1
        if not 0 <= position < len(self.items):
            return Strip.blank(width, base)
        offset = y - self._item_y[position]
        key = (position, offset, position == self.cursor)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4000:
                self._strips.clear()
            strip = self._render_item_line(position, offset, width)
            self._strips[key] = strip
        return strip

    def _empty(self) -> str:
        return f"No passages match the filter “{self.row_filter.value}” (f: next filter)."

    def _render_item_line(self, position: int, offset: int, width: int) -> Strip:
        base = self.rich_style
        item = self.items[position]
        if item.folded or self._layout is None:
            layout = RowLines((), 1)
        else:
            layout = self._layout.lines(item.row)
        gap = offset >= layout.height
        is_cursor = position == self.cursor and not gap
        row_style = base + self._style("cursor") if is_cursor else base
        if item.folded and gap:
            return Strip.blank(width, base)
        if item.folded:
            count = len(item.rows)
            noun = "passage" if count == 1 else "passages"
            text = f"· {count} boilerplate {noun} folded (z to unfold)"
            style = row_style + self._style("folded")
            return Strip([Segment(text, style)]).adjust_cell_length(width, row_style)
        segments: list[Segment] = []
        separator = row_style + self._style("separator")
        for index, (column, cell) in enumerate(zip(self.columns, layout.cells, strict=True)):
            if index:
                segments.append(Segment("│", separator))
            cell_style = row_style
            if is_cursor and column.document == self.focused_document:
                cell_style = row_style + self._style("cursor-cell")
            if gap:
                segments.append(Segment(" " * column.width, cell_style))
                continue
            if offset == 0:
                segments.append(Segment(cell.symbol, cell_style + self._style(f"mark-{cell.mark}")))
                segments.append(Segment(" ", cell_style))
            else:
                segments.append(Segment(" " * GUTTER, cell_style))
            used = GUTTER
            if offset < len(cell.lines):
                for piece in cell.lines[offset]:
                    style = cell_style + self._style(piece.style)
                    if piece.hit:
                        style += self._style("hit")
                    segments.append(Segment(piece.text, style))
                    used += cell_width(piece.text)
            if column.width > used:
                segments.append(Segment(" " * (column.width - used), cell_style))
        return Strip(segments).adjust_cell_length(width, base)

    # --- cursor -----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        for position in (old, new):
            if 0 <= position < len(self.items) and position + 1 < len(self._item_y):
                top = self._item_y[position]
                self.refresh_lines(top, self._item_y[position + 1] - top)
        self._scroll_to_cursor(jump=self._jumping)
        self._post_changed()

    def _scroll_to_cursor(self, jump: bool = False) -> None:
        """Bring the selected item into view; after a jump, show some context above it."""
        if not 0 <= self.cursor < len(self.items) or self.cursor + 1 >= len(self._item_y):
            return
        top = self._item_y[self.cursor]
        bottom = top + self._item_height(self.cursor)
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        visible = self.scroll_y <= top and bottom <= self.scroll_y + height
        if jump and not visible:
            context = height // 4 if bottom - top < height - height // 4 else 0
            self.scroll_to(y=max(0, top - context), animate=False, immediate=True)
        elif top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=min(top, bottom - height), animate=False, immediate=True)

    def select(self, position: int, jump: bool = False) -> None:
        """Select the item at ``position`` (clamped); a ``jump`` scrolls it near the top."""
        if self.items:
            self._jumping = jump
            try:
                self.cursor = max(0, min(len(self.items) - 1, position))
            finally:
                self._jumping = False

    def select_row(self, row: int) -> None:
        """Select the item holding ``row``, clearing the filter if it hides that row."""
        position = item_of_row(self.items, row)
        if position is None or row not in self.items[position].rows:
            self.row_filter = RowFilter.ALL
            if self.fold_boilerplate:
                self.fold_boilerplate = False
            position = item_of_row(self.items, row)
        if position is not None:
            self.select(position, jump=True)

    def action_cursor(self, delta: int) -> None:
        self.select(self.cursor + delta)

    def action_ends(self, direction: int) -> None:
        self.select(0 if direction < 0 else len(self.items) - 1)

    def action_page(self, direction: int) -> None:
        if not self.items:
            return
        height = max(1, self.scrollable_content_region.height)
        scroll_y = int(self.scroll_y)
        screen_offset = max(0, min(height - 1, self._item_y[self.cursor] - scroll_y))
        target = max(0, min(int(self.max_scroll_y), scroll_y + direction * height))
        if target == scroll_y:
            self.action_ends(direction)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        position = bisect.bisect_right(self._item_y, target + screen_offset) - 1
        if position == self.cursor:
            position += direction
        self.select(position)

    def _jump(self, positions: Sequence[int], direction: int, what: str) -> None:
        target = step(positions, self.cursor, direction)
        if target is None:
            if positions:
                end = "last" if direction > 0 else "first"
                self.notify(f"No more {what}: this is the {end}.", timeout=2)
            else:
                self.notify(f"No {what} here.", timeout=2)
            return
        self.select(target, jump=True)

    def action_next(self, direction: int) -> None:
        if self.search_text:
            self._jump(self._hits, direction, f"matches for “{self.search_text}”")
        else:
            self._jump(self._changes, direction, "changes")

    def action_change(self, direction: int) -> None:
        self._jump(self._changes, direction, "changes")

    def action_focus_column(self, direction: int) -> None:
        if not self.order:
            return
        where = (
            self.order.index(self.focused_document) if self.focused_document in self.order else 0
        )
        self.focused_document = self.order[(where + direction) % len(self.order)]

    def action_cycle_filter(self) -> None:
        from wirediff.present.items import next_filter

        self.row_filter = next_filter(self.row_filter)

    def action_cycle_shown(self) -> None:
        if self.collation is None:
            return
        others = [k for k in range(len(self.collation.documents)) if k != self.collation.base]
        if self.shown_other is None:
            focused = self.focused_document
            self.shown_other = focused if focused in others else others[0]
        else:
            where = others.index(self.shown_other)
            self.shown_other = others[where + 1] if where + 1 < len(others) else None

    def action_follow_move(self) -> None:
        row = self.current_row
        if row is None:
            return
        for cell in row.cells:
            if cell.status is CellStatus.MOVED_AWAY and cell.moved_to is not None:
                self.focused_document = cell.document
                self.select_row(cell.moved_to)
                return
            if cell.status is CellStatus.MOVED and cell.moved_from:
                origin = next(
                    (r.index for r in self.rows if r.base_sentence == cell.moved_from[0]), None
                )
                if origin is None:
                    origin = next(
                        (r.index for r in self.rows if cell.moved_from[0] in r.cells[0].sentences),
                        None,
                    )
                if origin is not None:
                    self.focused_document = cell.document
                    self.select_row(origin)
                    return
        self.notify("This passage did not move.", timeout=2)

    # --- watchers ---------------------------------------------------------------------------

    def watch_wrap(self) -> None:
        self._relayout()

    def watch_row_filter(self) -> None:
        self._rebuild_items()

    def watch_fold_boilerplate(self) -> None:
        self._rebuild_items()

    def watch_search_text(self) -> None:
        self._rebuild_search()
        if self._layout is not None:
            self._layout.configure(self.columns, self.wrap, self.search_text)
        self._strips.clear()
        self.refresh()
        self._post_changed()

    def watch_shown_other(self) -> None:
        self._rebuild_rows()

    def watch_focused_document(self) -> None:
        if self.collation is None:
            return
        if self._documents(self._columns_for(self._width)) != self._documents(self.columns):
            self._rebuild_rows()
        else:
            self._strips.clear()
            self.refresh()
            self._post_changed()

    # --- mouse ------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.items:
            return
        y = offset.y + int(self.scroll_y)
        position = bisect.bisect_right(self._item_y, y) - 1
        if 0 <= position < len(self.items):
            for column in self.columns:
                if column.x <= offset.x < column.x + column.width + 1:
                    self.focused_document = column.document
                    break
            self.select(position)
