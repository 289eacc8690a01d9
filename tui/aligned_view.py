"""The aligned view: one column per version, one row per passage, drawn line by line.

A ``ScrollView`` with ``render_line``: only the lines on screen are turned into segments, so two
5,000-sentence versions scroll as fast as the seeds. Rows are built for every shown version
whatever the terminal's width; the columns are a window onto them. What the user chose (the
selected passage, focus, filter, what ``n`` steps through, wrap, fold) is one
``wirediff.present.view_state.ViewState``, replaced through its pure transitions.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from wirediff.core.model import Collation
from wirediff.present import view_state as vs
from wirediff.present.cells import Piece, plain_text
from wirediff.present.items import (
    Column,
    Item,
    RowFilter,
    change_positions,
    column_layout,
    display_items,
    item_of_row,
    row_text,
    search_positions,
    step,
)
from wirediff.present.layout import GUTTER, RowLayout, RowLines
from wirediff.present.legend import MARK_STYLES, PIECE_STYLES, sentence_numbers
from wirediff.present.rows import CellStatus, Row, build_rows, shown_order
from wirediff.present.view_state import StepScope, ViewState
from wirediff.present.wrap import cell_width, truncate

from .status import describe
from .styles import component_style

_ItemsKey = tuple[tuple[int, ...], RowFilter, bool]
"""Shown versions, filter, fold."""

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
            tooltip="Next change (x, c: which), or next search hit while a search is active",
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
            "toggle('fold')",
            "Fold boilerplate",
            show=False,
            id="view.fold",
            tooltip="Fold runs of page furniture into one line, or show it (folded at first)",
        ),
        Binding(
            "m",
            "follow_move",
            "Follow move",
            show=False,
            id="view.follow_move",
            tooltip="Jump between a moved passage and the place it came from",
        ),
        Binding(
            "x",
            "step_target(1)",
            "n steps",
            show=False,
            id="view.step_target",
            tooltip="Choose what n/N step through: changes, one kind (reworded, moved, added, "
            "omitted) or one flag",
        ),
        Binding(
            "X",
            "step_target(-1)",
            "n steps back",
            show=False,
            id="view.step_target_back",
            tooltip="Choose what n/N step through, the other way round",
        ),
        Binding(
            "c",
            "step_version",
            "n in this version",
            show=False,
            id="view.step_version",
            tooltip="n/N in the focused version only, or in every version",
        ),
        Binding(
            "i",
            "toggle('interleaved')",
            "Interleave",
            show=False,
            id="view.interleaved",
            tooltip="Also show the base words each version dropped, struck, in its own cell",
        ),
        Binding(
            "y",
            "copy",
            "Copy",
            show=False,
            id="view.copy",
            tooltip="Copy the focused cell's sentences to the clipboard",
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

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.state = ViewState()
        """What the user chose; replaced only through ``set_state``."""
        self.collation: Collation | None = None
        self.rows: tuple[Row, ...] = ()
        self.order: list[int] = []
        self.items: tuple[Item, ...] = ()
        self.columns: tuple[Column, ...] = ()
        self.message = "Aligning…"
        self.preview = False
        """The versions are being aligned: the base is shown, with the versions compared so far."""
        self._cursor = 0
        self._item_y: list[int] = [0]
        self._changes: list[int] = []
        self._steps: list[int] = []
        self._hits: list[int] = []
        self._layout: RowLayout | None = None
        self._search_texts: list[str] | None = None
        self._built: dict[tuple[int, ...], tuple[tuple[Row, ...], RowLayout, list[str] | None]] = {}
        """Rows, their layout and search texts per set of shown versions, for ``v`` to reuse."""
        self._built_for: Collation | None = None
        self._item_sets: dict[
            tuple[tuple[int, ...], RowFilter, bool],
            tuple[tuple[Row, ...], tuple[Item, ...], list[int]],
        ] = {}
        """Items and change positions per shown versions, filter and fold (``v`` and ``f`` come
        back to them), with the rows they were made from."""
        self._step_sets: dict[_ItemsKey, tuple[tuple[Item, ...], vs.StepIndex]] = {}
        """Where ``n`` stops for every target and version (``vs.step_index``), per shown
        versions, filter and fold, with the items they were found in: ``x``, ``c`` and ``tab``
        only look up."""
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._styles: dict[str, Style] = {}
        self._width = 0
        self._jumping = False
        self._pending_top = False
        """The first screen's scroll waits for the view's first layout."""

    # --- the state --------------------------------------------------------------------------

    def set_state(self, new: ViewState, jump: bool = False) -> None:
        """Replace the state and bring rows, items, layout and cursor in line with it."""
        old = self.state
        if new == old:
            return
        self.state = new
        if self.collation is None:
            return
        rebuilt = True
        if new.shown_other != old.shown_other:
            rows = self.rows
            self._build_rows()
            self.state = vs.carry(self.state, rows, self.rows)
            self._rebuild_items()
        elif (new.row_filter, new.fold) != (old.row_filter, old.fold):
            self._rebuild_items()
        else:
            rebuilt = False
            if new.search != old.search:
                self._rebuild_search()
        if rebuilt or (new.focused, new.search, new.wrap, new.interleaved) != (
            old.focused,
            old.search,
            old.wrap,
            old.interleaved,
        ):
            self._relayout()
        self._rebuild_steps()
        self._place_cursor(jump=jump)
        self._post_changed()

    # Properties over the state, for the app and for tests.

    @property
    def wrap(self) -> bool:
        """Wrap sentences inside their column."""
        return self.state.wrap

    @wrap.setter
    def wrap(self, value: bool) -> None:
        self.set_state(replace(self.state, wrap=value))

    @property
    def fold(self) -> bool:
        """Runs of page furniture folded into one line."""
        return self.state.fold

    @fold.setter
    def fold(self, value: bool) -> None:
        self.set_state(replace(self.state, fold=value))

    fold_boilerplate = fold

    @property
    def interleaved(self) -> bool:
        """Other versions' cells also show the base's dropped words."""
        return self.state.interleaved

    @interleaved.setter
    def interleaved(self, value: bool) -> None:
        self.set_state(replace(self.state, interleaved=value))

    @property
    def row_filter(self) -> RowFilter:
        """Which passages are listed."""
        return self.state.row_filter

    @row_filter.setter
    def row_filter(self, value: RowFilter) -> None:
        self.set_state(replace(self.state, row_filter=value))

    @property
    def search_text(self) -> str:
        """The active search ("" when none)."""
        return self.state.search

    @search_text.setter
    def search_text(self, value: str) -> None:
        self.set_state(replace(self.state, search=value))

    @property
    def shown_other(self) -> int | None:
        """None when every version is shown, else the one shown beside the base."""
        return self.state.shown_other

    @property
    def focused_document(self) -> int:
        """The document whose column has the focus."""
        return self.state.focused

    @focused_document.setter
    def focused_document(self, value: int) -> None:
        self.set_state(replace(self.state, focused=value))

    @property
    def step_scope(self) -> StepScope:
        """What ``n``/``N`` step through."""
        return self.state.step

    @property
    def step_version(self) -> int | None:
        """The version ``n`` is scoped to, or None for all."""
        if self.collation is None:
            return None
        return vs.step_version(self.state, self.collation.base)

    @property
    def cursor(self) -> int:
        """Position of the selected item in ``items``."""
        return self._cursor

    @cursor.setter
    def cursor(self, position: int) -> None:
        self.select(position)

    # --- data -------------------------------------------------------------------------------

    def show(self, collation: Collation, preview: bool = False) -> None:
        """Show ``collation`` (the first alignment, or a new one after a change of base).

        A ``preview`` is a collation whose comparisons are not all done: the base, and the
        versions compared with it so far (none at first), to read while the others are being
        aligned (the cursor stays where the reader is when they come).
        """
        old_rows, old_collation, was_preview = self.rows, self.collation, self.preview
        self.collation = collation
        self.preview = preview
        state = vs.rebased(self.state, collation.base, len(collation.documents))
        self.state = state
        self._build_rows()
        top = old_collation is None or not old_rows
        if top:
            self.state = vs.select(self.state, vs.first_passage(self.rows))
        else:
            assert old_collation is not None
            self.state = vs.carry(state, old_rows, self.rows, prefer=(old_collation.base,))
            top = was_preview and old_rows[vs.first_passage(old_rows)].index == state.row
        self._rebuild_items()
        self._relayout()
        self._rebuild_steps()
        self._place_cursor(jump=True, top=top)
        self._post_changed()
        self._prepare_pairs()

    def _prepare_pairs(self) -> None:
        """Make, in a thread, the rows ``v`` shows (the base beside each other version in turn).

        With three 6,000-sentence versions, building and measuring those rows took 0.7 s at
        the first ``v`` of each; made while the reader reads, ``v`` only swaps them in.
        """
        collation = self.collation
        if collation is None or self.preview or len(collation.documents) < 3:
            return
        others = [k for k in range(len(collation.documents)) if k != collation.base]
        self._prepare(collation, others, self._width, self.state)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare(
        self, collation: Collation, others: Sequence[int], width: int, state: ViewState
    ) -> None:
        worker = get_current_worker()
        for other in others:
            if worker.is_cancelled:
                return
            order = (collation.base, other)
            rows = build_rows(collation, order)
            layout = RowLayout(collation, rows, order)
            items = display_items(rows, state.row_filter, state.fold)
            changes = change_positions(items, rows)
            if width > 0:  # the heights at this width (what the view measures first)
                columns = column_layout(order, other, width, MIN_COLUMN_WIDTH)
                layout.configure(columns, state.wrap, "", state.interleaved, other)
                layout.offsets(items, 1 if state.wrap else 0)
            if worker.is_cancelled:
                return
            prepared = (rows, layout, items, changes)
            self.app.call_from_thread(self._prepared, collation, order, state, prepared)

    def _prepared(
        self,
        collation: Collation,
        order: tuple[int, ...],
        state: ViewState,
        prepared: tuple[tuple[Row, ...], RowLayout, tuple[Item, ...], list[int]],
    ) -> None:
        """Keep rows made by ``_prepare`` (unless the collation changed or they were made)."""
        if self._built_for is not collation or order in self._built:
            return
        rows, layout, items, changes = prepared
        self._built[order] = (rows, layout, None)
        self._item_sets[(order, state.row_filter, state.fold)] = (rows, items, changes)

    def set_message(self, message: str) -> None:
        """Text shown while there is nothing to show (aligning, or an error)."""
        self.message = message
        self._strips.clear()
        self.refresh()

    @property
    def current_row(self) -> Row | None:
        """The selected row, or None when there is none (or a folded run is selected)."""
        if not self.items or not 0 <= self._cursor < len(self.items):
            return None
        item = self.items[self._cursor]
        return None if item.folded else self.rows[item.row]

    @property
    def search_hits(self) -> list[int]:
        """Positions of the items matching the search."""
        return self._hits

    @property
    def step_positions(self) -> list[int]:
        """Positions of the items ``n``/``N`` stop at (without a search)."""
        return self._steps

    @property
    def change_count(self) -> int:
        """Items that are changes (in any version), under the current filter."""
        return len(self._changes)

    @property
    def passage_label(self) -> str:
        """The selected passage's stable name (its base sentence numbers)."""
        row = self.current_row
        if row is None or self.collation is None:
            return ""
        return vs.passage_label(row, [d.label for d in self.collation.documents])

    def _build_rows(self) -> None:
        """Rows for every shown version (all, or the base and one other), whatever the width."""
        if self.collation is None:
            return
        collation = self.collation
        shown_other = self.state.shown_other
        shown = None if shown_other is None else [collation.base, shown_other]
        if self.preview:  # the base, and the versions compared with it so far
            shown = [collation.base]
            shown += [c.other for c in collation.comparisons if c.base == collation.base]
        self.order = shown_order(collation, shown)
        if self.state.focused not in self.order:
            self.state = replace(self.state, focused=self.order[0])
        key = tuple(self.order)
        cached = self._built.get(key) if self._built_for is collation else None
        if cached is None:
            rows = build_rows(collation, self.order)
            cached = (rows, RowLayout(collation, rows, self.order), None)
        if self._built_for is not collation:
            self._built.clear()
            self._item_sets.clear()
            self._built_for = collation
        self.rows, self._layout, self._search_texts = cached
        self._built[key] = cached
        self.columns = ()

    def _columns_for(self, width: int) -> tuple[Column, ...]:
        return column_layout(self.order, self.state.focused, max(width, 1), MIN_COLUMN_WIDTH)

    def _rebuild_items(self) -> None:
        key = (tuple(self.order), self.state.row_filter, self.state.fold)
        known = self._item_sets.get(key)
        if known is not None and known[0] is self.rows:
            _, self.items, self._changes = known
        else:
            self.items = display_items(self.rows, self.state.row_filter, self.state.fold)
            self._changes = change_positions(self.items, self.rows)
            if len(self._item_sets) > 32:
                self._item_sets.clear()
            self._item_sets[key] = (self.rows, self.items, self._changes)
        self._rebuild_search()

    def _rebuild_steps(self) -> None:
        if self.collation is None:
            self._steps = []
            return
        version = vs.step_version(self.state, self.collation.base)
        if version is None and self.state.step.target == "change":
            self._steps = self._changes
            return
        key = (tuple(self.order), self.state.row_filter, self.state.fold)
        known = self._step_sets.get(key)
        if known is None or known[0] is not self.items:
            if len(self._step_sets) > 32:
                self._step_sets.clear()
            known = (self.items, vs.step_index(self.items, self.rows))
            self._step_sets[key] = known
        self._steps = known[1].get((self.state.step.target, version), [])

    def _rebuild_search(self) -> None:
        if self.collation is None or not self.state.search:
            self._hits = []
            return
        if self._search_texts is None:
            self._search_texts = [row_text(self.collation, row) for row in self.rows]
            layout = self._layout
            assert layout is not None
            self._built[tuple(self.order)] = (self.rows, layout, self._search_texts)
        self._hits = search_positions(self._search_texts, self.items, self.state.search)

    def _place_cursor(self, jump: bool = False, top: bool = False) -> None:
        """Put the cursor on the item holding the selected row (or the next one)."""
        old = self._cursor
        position = item_of_row(self.items, self.state.row) if self.items else None
        if position is None:
            position = len(self.items) - 1
        self._cursor = max(0, position)
        self._refresh_item(old)
        self._refresh_item(self._cursor)
        if top:
            self._scroll_to_top()
        else:
            self._scroll_to_cursor(jump=jump or self._jumping)

    def _refresh_item(self, position: int) -> None:
        if 0 <= position < len(self.items) and position + 1 < len(self._item_y):
            position = self._run(position)[0]
            top = self._item_y[position]
            self.refresh_lines(top, max(1, self._item_y[position + 1] - top))

    def _run(self, position: int) -> range:
        """The items drawn as one line with the item at ``position``: a run of consecutive rows
        with nothing in the visible columns (``RowLayout.offsets`` gives the rows after its
        first no height), or the item alone."""
        y = self._item_y
        if not 0 <= position < len(y) - 1:
            return range(position, position + 1)
        head = position
        if y[position + 1] == y[position]:  # a row of a run, after its first
            head = bisect.bisect_left(y, y[position]) - 1
        if head < 0 or y[head + 1] - y[head] != 1:
            return range(position, position + 1)
        end = bisect.bisect_right(y, y[head] + 1) - 1
        return range(head, max(end, head + 1))

    # --- layout -----------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Place every item for the current width: row heights are cached, lines made lazily."""
        self._width = self.scrollable_content_region.width
        self._strips.clear()
        if self._layout is None or self._width <= 0:
            self._item_y = [0]
            self.virtual_size = Size(self._width, 0)
            self.refresh()
            return
        self.columns = self._columns_for(self._width)
        state = self.state
        self._layout.configure(
            self.columns, state.wrap, state.search, state.interleaved, state.focused
        )
        self._item_y = self._layout.offsets(self.items, 1 if state.wrap else 0)
        self.virtual_size = Size(self._width, self._item_y[-1])
        self.refresh()
        if self._pending_top:
            self._scroll_to_top()

    def _item_height(self, position: int) -> int:
        position = self._run(position)[0]
        item = self.items[position]
        if item.folded or self._layout is None:
            return 1
        return self._layout.height(item.row)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._width or self.collation is None:
            return
        self._relayout()
        self._scroll_to_cursor(jump=True)
        self._post_changed()

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
        if self._layout is not None and 0 < width != self._width:
            # Shown before the view had its width (or a resize not yet handled): lay out now.
            self._relayout()
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
        run = self._run(position)
        key = (position, offset, self._cursor in run)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4000:
                self._strips.clear()
            strip = self._render_item_line(position, offset, width, run)
            self._strips[key] = strip
        return strip

    def _empty(self) -> str:
        return f"No passages match the filter “{self.state.row_filter.value}” (f: next filter)."

    def _one_line(self, text: str, style: Style, width: int) -> Strip:
        text = "".join(piece.text for piece in truncate([Piece(text, "")], width))
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)

    def _render_item_line(self, position: int, offset: int, width: int, run: range) -> Strip:
        base = self.rich_style
        item = self.items[position]
        if item.folded or self._layout is None:
            layout = RowLines((), 1)
        else:
            layout = self._layout.lines(item.row)
        gap = offset >= layout.height
        is_cursor = self._cursor in run and not gap
        row_style = base + self._style("cursor") if is_cursor else base
        if gap and (item.folded or layout.note):
            return Strip.blank(width, base)
        if item.folded:
            count = len(item.rows)
            noun = "passage" if count == 1 else "passages"
            text = f"· {count} page furniture {noun} folded (z shows them)"
            return self._one_line(text, row_style + self._style("folded"), width)
        if layout.note:
            note = layout.note
            if len(run) > 1 and self._layout is not None:
                note = self._layout.run_note([self.items[p].row for p in run])
            return self._one_line(note, row_style + self._style("folded"), width)
        segments: list[Segment] = []
        separator = row_style + self._style("separator")
        focused = self.state.focused
        for index, (column, cell) in enumerate(zip(self.columns, layout.cells, strict=True)):
            if index:
                segments.append(Segment("│", separator))
            cell_style = row_style
            if is_cursor and column.document == focused:
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

    def _scroll_to_top(self) -> None:
        """Scroll the selected item to the top of the view (the first screen).

        Before the view has its size there is nothing to scroll: the request waits for the
        first layout (an alignment can finish before the screen is laid out).
        """
        if 0 <= self._cursor < len(self.items) and self._cursor + 1 < len(self._item_y):
            self._pending_top = False
            self.scroll_to(y=self._item_y[self._cursor], animate=False, immediate=True)
        else:
            self._pending_top = True

    def _scroll_to_cursor(self, jump: bool = False) -> None:
        """Bring the selected item into view; after a jump, show some context above it."""
        if not 0 <= self._cursor < len(self.items) or self._cursor + 1 >= len(self._item_y):
            return
        top = self._item_y[self._run(self._cursor)[0]]
        bottom = top + self._item_height(self._cursor)
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
        if not self.items:
            return
        position = max(0, min(len(self.items) - 1, position))
        self._jumping = jump
        try:
            if self.items[position].row == self.state.row and position == self._cursor:
                return
            self.state = vs.select(self.state, self.items[position].row)
            self._place_cursor(jump=jump)
        finally:
            self._jumping = False
        self._post_changed()

    def select_row(self, row: int) -> None:
        """Select the item holding ``row``, clearing the filter if it hides that row."""
        position = item_of_row(self.items, row)
        if position is None or row not in self.items[position].rows:
            self.set_state(replace(self.state, row_filter=RowFilter.ALL, fold=False))
            position = item_of_row(self.items, row)
        if position is not None:
            self.select(position, jump=True)

    def action_cursor(self, delta: int) -> None:
        # A run of rows off screen is one line: one key passes it.
        run = self._run(self._cursor)
        target = run[-1] + 1 if delta > 0 else run[0] - 1
        if 0 <= target < len(self.items):
            target = self._run(target)[0]
        self.select(target)

    def action_ends(self, direction: int) -> None:
        self.select(0 if direction < 0 else len(self.items) - 1)

    def action_page(self, direction: int) -> None:
        if not self.items:
            return
        height = max(1, self.scrollable_content_region.height)
        scroll_y = int(self.scroll_y)
        screen_offset = max(0, min(height - 1, self._item_y[self._cursor] - scroll_y))
        target = max(0, min(int(self.max_scroll_y), scroll_y + direction * height))
        if target == scroll_y:
            self.action_ends(direction)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        position = bisect.bisect_right(self._item_y, target + screen_offset) - 1
        if position in self._run(self._cursor):
            position += direction
        self.select(position)

    def _jump(self, positions: Sequence[int], direction: int, what: str) -> None:
        run = self._run(self._cursor)  # a run of rows off screen is one stop
        target = step(positions, run[-1] if direction > 0 else run[0], direction)
        if target is None:
            if positions:
                end = "last" if direction > 0 else "first"
                self.notify(f"No more {what}: this is the {end}.", timeout=2, markup=False)
            else:
                self.notify(f"No {what} here.", timeout=2, markup=False)
            return
        self.select(target, jump=True)

    def step_description(self) -> str:
        """What ``n`` steps through, in words."""
        version = self.step_version
        name = None
        if version is not None and self.collation is not None:
            name = self.collation.documents[version].label
        return vs.step_label(self.state.step, name)

    def action_next(self, direction: int) -> None:
        if self.state.search:
            self._jump(self._hits, direction, f"matches for “{self.state.search}”")
        else:
            self._jump(self._steps, direction, self.step_description())

    def action_change(self, direction: int) -> None:
        self._jump(self._steps, direction, self.step_description())

    def action_step_target(self, direction: int) -> None:
        # The status line says what n steps through now (no notification to pile up).
        self.set_state(vs.cycle_step_target(self.state, direction))

    def action_step_version(self) -> None:
        self.set_state(vs.toggle_step_version(self.state))

    def action_focus_column(self, direction: int) -> None:
        self.set_state(vs.focus_next(self.state, self.order, direction))

    def action_cycle_filter(self) -> None:
        self.set_state(vs.cycle_filter(self.state))

    def action_cycle_shown(self) -> None:
        if self.collation is None or self.preview:
            return
        self.set_state(
            vs.cycle_shown(self.state, len(self.collation.documents), self.collation.base)
        )

    def focused_cell_text(self) -> tuple[str, str] | None:
        """(what, text) of the focused version's sentences in the selected passage."""
        row = self.current_row
        if row is None or self.collation is None:
            return None
        cell = next((c for c in row.cells if c.document == self.state.focused), None)
        if cell is None:
            return None
        document = self.collation.documents[cell.document]
        sentences = cell.sentences
        if not sentences and cell.status is CellStatus.MOVED_AWAY:
            sentences = tuple(j for link in cell.links for j in link.other)
        if not sentences:
            return None
        numbers = sentence_numbers(sentences)
        noun = "sentence" if len(sentences) == 1 else "sentences"
        return f"{document.label} {noun} {numbers}", plain_text(document, sentences)

    def action_copy(self) -> None:
        found = self.focused_cell_text()
        if found is None:
            self.notify("Nothing to copy: this version has no sentence here.", timeout=3)
            return
        what, text = found
        self.app.copy_to_clipboard(text)
        self.notify(
            f"Copied {what} ({len(text)} characters) to the clipboard, through the terminal "
            "(OSC 52); paste with your terminal's paste key.",
            title="Copied",
            markup=False,  # a label is never markup
            timeout=5,
        )

    def action_follow_move(self) -> None:
        row = self.current_row
        if row is None:
            return
        for cell in row.cells:
            if cell.status is CellStatus.MOVED_AWAY and cell.moved_to is not None:
                self.set_state(replace(self.state, focused=cell.document))
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
                    self.set_state(replace(self.state, focused=cell.document))
                    self.select_row(origin)
                    return
        self.notify("This passage did not move.", timeout=2)

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
                    self.set_state(replace(self.state, focused=column.document))
                    break
            self.select(position)
