"""Titles above the aligned columns: each version's outlet and date (else a short file name),
similarity and headline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from wirediff.core.model import Collation
from wirediff.present.cells import Piece
from wirediff.present.items import Column
from wirediff.present.wrap import cell_width, truncate

from .styles import component_style


class ColumnHeader(Widget):
    """Two lines per column: the version's name (and role or similarity), then its headline."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "column-header--name",
        "column-header--title",
        "column-header--base",
        "column-header--focused",
        "column-header--figure",
        "column-header--more",
        "column-header--separator",
    }

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._collation: Collation | None = None
        self._columns: tuple[Column, ...] = ()
        self._order: Sequence[int] = ()
        self._focused = 0

    def show(
        self,
        collation: Collation | None,
        columns: tuple[Column, ...],
        order: Sequence[int],
        focused: int,
    ) -> None:
        """Describe ``columns`` of ``collation``; ``order`` lists every shown document."""
        if collation is self._collation and (columns, list(order), focused) == (
            self._columns,
            list(self._order),
            self._focused,
        ):
            return  # a cursor move: nothing to redraw here
        self._collation = collation
        self._columns = columns
        self._order = order
        self._focused = focused
        self.refresh()

    def _style(self, name: str) -> Style:
        return component_style(self, f"column-header--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        collation = self._collation
        if collation is None or not self._columns:
            return Strip.blank(width, base)
        shown = [column.document for column in self._columns]
        others = list(self._order[1:])
        visible_others = [d for d in shown if d != collation.base]
        hidden_before = others.index(visible_others[0]) if visible_others else 0
        hidden_after = len(others) - hidden_before - len(visible_others)
        segments: list[Segment] = []
        for index, column in enumerate(self._columns):
            focused = column.document == self._focused
            cell_style = base + self._style("focused") if focused else base
            if index:
                segments.append(Segment("│", base + self._style("separator")))
            pieces, kept = self._pieces(collation, column.document, y, focused)
            more_left = hidden_before if index == 1 else 0
            more_right = hidden_after if index == len(self._columns) - 1 else 0
            right = f" {more_right}▶" if more_right and y == 0 else ""
            left = f"◀{more_left} " if more_left and y == 0 else ""
            room = column.width - cell_width(left) - cell_width(right)
            kept_width = sum(cell_width(piece.text) for piece in kept)
            if kept_width > room // 2:
                pieces, kept, kept_width = pieces + kept, [], 0
            line = truncate(pieces, room - kept_width) + kept
            used = 0
            if left:
                segments.append(Segment(left, cell_style + self._style("more")))
            for piece in line:
                segments.append(Segment(piece.text, cell_style + self._style(piece.style)))
                used += cell_width(piece.text)
            if room > used:
                segments.append(Segment(" " * (room - used), cell_style))
            if right:
                segments.append(Segment(right, cell_style + self._style("more")))
        return Strip(segments).adjust_cell_length(width, base)

    @staticmethod
    def _pieces(
        collation: Collation, document: int, y: int, focused: bool
    ) -> tuple[list[Piece], list[Piece]]:
        """What the column's title says on line ``y``: text that may be cut, text kept whole."""
        doc = collation.documents[document]
        if y == 1:
            return [Piece("  " + " ".join(doc.title.split()), "title")], []
        marker = "▸ " if focused else "  "
        if document == collation.base:
            role = "LIKELY WIRE ORIGINAL" if collation.base_is_guess else "BASE"
            return [Piece(marker, "name"), Piece(role, "base"), Piece(" " + doc.label, "name")], []
        comparison = collation.comparison(collation.base, document)
        if comparison is None:
            return [Piece(marker + doc.label, "name")], []
        figure = Piece(f" {comparison.similarity:.0%} similar", "figure")
        return [Piece(marker + doc.label, "name")], [figure]
