"""Rows laid out in columns: what each cell says, how tall each row is, its wrapped lines.

Pure and cached (no Textual here): heights are measured once per column widths and wrap mode,
so changing the filter costs nothing; lines are made only for the rows a front end draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirediff.core.model import Collation
from wirediff.present.cells import Piece, cell_pieces, cell_symbol, mark_hits, plain_text
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
    """One row laid out across the visible columns.

    A row with nothing in any visible column is one line, ``note``, saying what it holds in
    the versions off screen (the screen is a window onto every version's rows).
    """

    cells: tuple[CellLines, ...]
    height: int
    note: str = ""


def cell_mark(row: Row, status: CellStatus, is_base: bool) -> str:
    """The mark style of a cell: the base cell carries the row's kind."""
    if is_base:
        return kind_look(row.kind).style if row.base_sentence is not None else "text"
    return kind_look(status).style


class RowLayout:
    """Lays out ``rows`` of ``collation`` in columns, caching all it can.

    Rows hold a cell for every document of ``order``; the columns are a window onto them.
    """

    def __init__(
        self, collation: Collation, rows: Sequence[Row], order: Sequence[int] | None = None
    ) -> None:
        self.collation = collation
        self.rows = rows
        if order is None:
            order = [cell.document for cell in rows[0].cells] if rows else []
        self.cell_index = {document: index for index, document in enumerate(order)}
        self.columns: tuple[Column, ...] = ()
        self.wrap = True
        self.search_text = ""
        self.interleaved = False
        self.focused: int | None = None
        self._visible: list[int] = []
        self._pieces: dict[tuple[int, int, int | None], list[Piece]] = {}
        self._heights: dict[int, int] = {}
        self._height_sets: dict[tuple[tuple[Column, ...], bool, bool], dict[int, int]] = {}
        self._offset_sets: dict[
            tuple[tuple[Column, ...], bool, bool, int], tuple[Sequence[Item], list[int]]
        ] = {}
        self._lines: dict[int, RowLines] = {}

    def configure(
        self,
        columns: tuple[Column, ...],
        wrap: bool,
        search_text: str,
        interleaved: bool = False,
        focused: int | None = None,
    ) -> None:
        """Set the columns (a window onto the rows' cells), wrap mode, search, diff form and
        focused version (whose dropped words the base column marks)."""
        if interleaved != self.interleaved:
            self._pieces.clear()
        if (columns, wrap, interleaved) != (self.columns, self.wrap, self.interleaved):
            # Heights are kept per window of columns, so sliding back (tab) costs nothing.
            key = (columns, wrap, interleaved)
            if len(self._height_sets) > 16:
                self._height_sets.clear()
                self._offset_sets.clear()
            self._heights = self._height_sets.setdefault(key, {})
            self._lines.clear()
        elif (search_text, focused) != (self.search_text, self.focused):
            self._lines.clear()
        self.columns, self.wrap, self.search_text = columns, wrap, search_text
        self.interleaved, self.focused = interleaved, focused
        self._visible = [self.cell_index[column.document] for column in columns]

    def _against(self, row: Row) -> int | None:
        """The cell whose dropped words the base cell of ``row`` marks (none when each
        version's cell shows its own dropped words, interleaved)."""
        if self.focused is None or self.interleaved:
            return None
        index = self.cell_index.get(self.focused)
        return index if index else None

    def cell_pieces(self, row_index: int, index: int) -> list[Piece]:
        """What cell ``index`` of the row says, before wrapping."""
        row = self.rows[row_index]
        against = self._against(row) if index == 0 else None
        key = (row_index, index, against)
        pieces = self._pieces.get(key)
        if pieces is None:
            pieces = cell_pieces(
                self.collation,
                row,
                row.cells[index],
                interleaved=self.interleaved,
                against=None if against is None else row.cells[against],
            )
            if len(self._pieces) > 4 * MAX_CACHED_LINES:
                self._pieces.clear()
            self._pieces[key] = pieces
        return pieces

    def pieces(self, row_index: int) -> list[list[Piece]]:
        """What each visible cell of the row says, before wrapping."""
        return [self.cell_pieces(row_index, index) for index in self._visible]

    def hidden(self, row_index: int) -> bool:
        """Whether the row has nothing in any visible column."""
        cells = self.rows[row_index].cells
        return all(cells[index].status is CellStatus.EMPTY for index in self._visible)

    def height(self, row_index: int) -> int:
        """Lines the row takes: its tallest visible cell (always 1 without wrap)."""
        height = self._heights.get(row_index)
        if height is None:
            height = 1
            if self.wrap and not self.hidden(row_index):
                height = max(
                    line_count(self.cell_pieces(row_index, index), column.width - GUTTER)
                    for index, column in zip(self._visible, self.columns, strict=True)
                )
            self._heights[row_index] = height
        return height

    def offsets(self, items: Sequence[Item], gap: int) -> list[int]:
        """The first line of each item, then the total.

        A folded run takes one line; so does a run of consecutive rows with nothing in the
        visible columns (the rows after its first take none: the run is drawn as one line, see
        ``run_note``), and no ``gap`` follows it. The items stay what they are, so counts and
        positions do not depend on the columns on screen. The offsets of the last
        ``items`` (a tuple, by identity) are kept per columns and wrap mode: the list returned
        is shared, not to be changed.
        """
        key = (self.columns, self.wrap, self.interleaved, gap)
        known = self._offset_sets.get(key)
        if known is not None and known[0] is items:
            return known[1]
        offsets = self._offsets(items, gap)
        if isinstance(items, tuple):
            self._offset_sets[key] = (items, offsets)
        return offsets

    def _offsets(self, items: Sequence[Item], gap: int) -> list[int]:
        offsets = [0]
        total = 0
        after_hidden = False
        for item in items:
            if item.folded:
                total += 1 + gap
                after_hidden = False
            elif self.hidden(item.row):
                total += 0 if after_hidden else 1
                after_hidden = True
            else:
                after_hidden = False
                total += self.height(item.row) + gap
            offsets.append(total)
        return offsets

    def note(self, row_index: int) -> str:
        """One line for a row with nothing in the visible columns: which versions hold it, and
        the start of its text (the row is not lost when its versions are off screen)."""
        row = self.rows[row_index]
        cells = [cell for cell in row.cells if cell.status is not CellStatus.EMPTY]
        if not cells:
            return ""
        names = ", ".join(self.collation.documents[cell.document].label for cell in cells)
        symbol = kind_look(row.kind).mark
        first = next((cell for cell in cells if cell.sentences), None)
        text = ""
        if first is not None:
            text = ": " + plain_text(self.collation.documents[first.document], first.sentences)
        return f"{symbol} {row.kind.value} in {names} (off screen, tab){text}"

    def run_note(self, row_indexes: Sequence[int]) -> str:
        """One line for a run of rows with nothing in the visible columns: how many passages of
        each kind, in which versions ("+ 19 passages added in 003, 004 (off screen, tab)")."""
        if len(row_indexes) == 1:
            return self.note(row_indexes[0])
        kinds: dict[str, int] = {}
        documents: set[int] = set()
        symbol = ""
        for row_index in row_indexes:
            row = self.rows[row_index]
            kinds[row.kind.value] = kinds.get(row.kind.value, 0) + 1
            symbol = symbol or kind_look(row.kind).mark
            documents.update(c.document for c in row.cells if c.status is not CellStatus.EMPTY)
        if len(kinds) > 1:
            symbol = "·"
        counts = ", ".join(
            f"{count} {'passage' if count == 1 else 'passages'} {kind}"
            for kind, count in kinds.items()
        )
        names = ", ".join(
            self.collation.documents[document].label
            for document in sorted(documents, key=lambda d: self.cell_index.get(d, d))
        )
        return f"{symbol} {counts} in {names} (off screen, tab)"

    def lines(self, row_index: int) -> RowLines:
        """The row's visible cells wrapped (or cut to one line), search matches marked."""
        laid_out = self._lines.get(row_index)
        if laid_out is not None:
            return laid_out
        row = self.rows[row_index]
        if self.hidden(row_index):
            laid_out = RowLines((), 1, self.note(row_index))
        else:
            cells: list[CellLines] = []
            for index, column in zip(self._visible, self.columns, strict=True):
                pieces = self.cell_pieces(row_index, index)
                if self.search_text:
                    pieces = mark_hits(pieces, self.search_text)
                room = column.width - GUTTER
                lines = wrap(pieces, room) if self.wrap else [truncate(pieces, room)]
                cell = row.cells[index]
                is_base = index == 0
                cells.append(
                    CellLines(
                        cell_symbol(row, cell, is_base),
                        cell_mark(row, cell.status, is_base),
                        lines,
                    )
                )
            laid_out = RowLines(tuple(cells), self.height(row_index))
        if len(self._lines) > MAX_CACHED_LINES:
            self._lines.clear()
        self._lines[row_index] = laid_out
        return laid_out
