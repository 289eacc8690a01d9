"""Rows laid out in columns: what each cell says, how tall each row is, its wrapped lines.

Pure and cached (no Textual here): heights are measured once per column widths and wrap mode,
so changing the filter costs nothing; lines are made only for the rows a front end draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirediff.core.model import Collation
from wirediff.present.cells import Piece, cell_pieces, cell_symbol, mark_hits
from wirediff.present.items import Column, Item
from wirediff.present.legend import kind_look
from wirediff.present.rows import CellStatus, Row
from wirediff.present.wrap import line_count, truncate, wrap

GUTTER = 2
"""Cells before a cell's text: its mark and a space (continuation lines are indented as much)."""

MAX_CACHED_LINES = 2000


@dataclass(frozen=True, slots=True)
class CellLines:
    """One cell laid out: its mark and its lines."""

    symbol: str
    mark: str
    """Its style name, one of ``legend.MARK_STYLES``."""
    lines: list[list[Piece]]


@dataclass(frozen=True, slots=True)
class RowLines:
    """One row laid out across the visible columns."""

    cells: tuple[CellLines, ...]
    height: int


def cell_mark(row: Row, status: CellStatus, is_base: bool) -> str:
    """The mark style of a cell: the base cell carries the row's kind."""
    if is_base:
        return kind_look(row.kind).style if row.base_sentence is not None else "text"
    return kind_look(status).style


class RowLayout:
    """Lays out ``rows`` of ``collation`` in columns, caching all it can."""

    def __init__(self, collation: Collation, rows: Sequence[Row]) -> None:
        self.collation = collation
        self.rows = rows
        self.columns: tuple[Column, ...] = ()
        self.wrap = True
        self.search_text = ""
        self._pieces: dict[int, list[list[Piece]]] = {}
        self._heights: dict[int, int] = {}
        self._lines: dict[int, RowLines] = {}

    def configure(self, columns: tuple[Column, ...], wrap: bool, search_text: str) -> None:
        """Set the columns (one per cell of each row), the wrap mode and the search to mark."""
        if (columns, wrap) != (self.columns, self.wrap):
            self._heights.clear()
            self._lines.clear()
        elif search_text != self.search_text:
            self._lines.clear()
        self.columns, self.wrap, self.search_text = columns, wrap, search_text

    def pieces(self, row_index: int) -> list[list[Piece]]:
        """What each cell of the row says, before wrapping."""
        pieces = self._pieces.get(row_index)
        if pieces is None:
            row = self.rows[row_index]
            pieces = [cell_pieces(self.collation, row, cell) for cell in row.cells]
            self._pieces[row_index] = pieces
        return pieces

    def height(self, row_index: int) -> int:
        """Lines the row takes: its tallest cell (always 1 without wrap)."""
        height = self._heights.get(row_index)
        if height is None:
            height = 1
            if self.wrap:
                cells = zip(self.pieces(row_index), self.columns, strict=True)
                height = max(line_count(pieces, column.width - GUTTER) for pieces, column in cells)
            self._heights[row_index] = height
        return height

    def offsets(self, items: Sequence[Item], gap: int) -> list[int]:
        """The first line of each item, then the total: a folded run takes one line."""
        offsets = [0]
        total = 0
        for item in items:
            total += (1 if item.folded else self.height(item.row)) + gap
            offsets.append(total)
        return offsets

    def lines(self, row_index: int) -> RowLines:
        """The row's cells wrapped (or cut to one line), search matches marked."""
        laid_out = self._lines.get(row_index)
        if laid_out is not None:
            return laid_out
        row = self.rows[row_index]
        cells: list[CellLines] = []
        for position, (pieces, column) in enumerate(
            zip(self.pieces(row_index), self.columns, strict=True)
        ):
            if self.search_text:
                pieces = mark_hits(pieces, self.search_text)
            room = column.width - GUTTER
            lines = wrap(pieces, room) if self.wrap else [truncate(pieces, room)]
            cell = row.cells[position]
            is_base = position == 0
            cells.append(
                CellLines(
                    cell_symbol(row, cell, is_base), cell_mark(row, cell.status, is_base), lines
                )
            )
        laid_out = RowLines(tuple(cells), self.height(row_index))
        if len(self._lines) > MAX_CACHED_LINES:
            self._lines.clear()
        self._lines[row_index] = laid_out
        return laid_out
