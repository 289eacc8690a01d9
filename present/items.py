"""Which aligned rows a view shows, and how the cursor moves over them (no Textual here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wirediff.core.model import Collation
from wirediff.present.cells import plain_text
from wirediff.present.rows import CellStatus, Row, RowKind


class RowFilter(StrEnum):
    """The rows a view keeps, cycled with one key."""

    ALL = "all"
    CHANGES = "changes"
    ADDED = "added"
    OMITTED = "omitted"
    REWORDED = "reworded"
    FLAGGED = "flagged"
    MOVED = "moved"


FILTER_LABELS: dict[RowFilter, str] = {
    RowFilter.ALL: "all passages",
    RowFilter.CHANGES: "changes only",
    RowFilter.ADDED: "added",
    RowFilter.OMITTED: "omitted",
    RowFilter.REWORDED: "reworded",
    RowFilter.FLAGGED: "flagged",
    RowFilter.MOVED: "moved",
}


def next_filter(current: RowFilter) -> RowFilter:
    """The filter after ``current``, wrapping round."""
    members = list(RowFilter)
    return members[(members.index(current) + 1) % len(members)]


def _has_status(row: Row, *statuses: CellStatus) -> bool:
    return any(cell.status in statuses for cell in row.cells)


def row_matches(row: Row, row_filter: RowFilter) -> bool:
    """Whether ``row`` passes ``row_filter``."""
    if row_filter is RowFilter.ALL:
        return True
    if row_filter is RowFilter.CHANGES:
        return row.is_change
    if row_filter is RowFilter.ADDED:
        return _has_status(row, CellStatus.ADDED)
    if row_filter is RowFilter.OMITTED:
        return _has_status(row, CellStatus.OMITTED)
    if row_filter is RowFilter.REWORDED:
        return _has_status(row, CellStatus.REWORDED) or any(
            cell.status is CellStatus.MOVED and any(link.edits for link in cell.links)
            for cell in row.cells
        )
    if row_filter is RowFilter.MOVED:
        return _has_status(row, CellStatus.MOVED, CellStatus.MOVED_AWAY)
    return bool(row.flags)


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the view: a row, or a run of boilerplate rows folded into one line."""

    rows: tuple[int, ...]
    folded: bool = False

    @property
    def row(self) -> int:
        """The (first) row index."""
        return self.rows[0]


def display_items(
    rows: Sequence[Row], row_filter: RowFilter = RowFilter.ALL, fold_boilerplate: bool = False
) -> tuple[Item, ...]:
    """The rows to show, in order; folded boilerplate runs become one item each."""
    items: list[Item] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            items.append(Item(tuple(run), folded=True))
            run.clear()

    for row in rows:
        if not row_matches(row, row_filter):
            continue
        if fold_boilerplate and row.kind is RowKind.BOILERPLATE:
            run.append(row.index)
            continue
        close_run()
        items.append(Item((row.index,)))
    close_run()
    return tuple(items)


def item_of_row(items: Sequence[Item], row: int) -> int | None:
    """The position of the item holding ``row``, or the first item after it, or None."""
    for position, item in enumerate(items):
        if row in item.rows or item.row > row:
            return position
    return None


def step(positions: Sequence[int], current: int, direction: int) -> int | None:
    """The next (direction 1) or previous (-1) of sorted ``positions`` from ``current``."""
    if direction > 0:
        for position in positions:
            if position > current:
                return position
        return None
    for position in reversed(positions):
        if position < current:
            return position
    return None


def change_positions(items: Sequence[Item], rows: Sequence[Row]) -> list[int]:
    """Positions of items whose row is a change (reworded, moved, added, omitted or flagged)."""
    return [
        position
        for position, item in enumerate(items)
        if not item.folded and rows[item.row].is_change
    ]


def row_text(collation: Collation, row: Row) -> str:
    """Every sentence of the row, in every shown version, case-folded for searching."""
    return "\n".join(
        plain_text(collation.documents[cell.document], cell.sentences)
        for cell in row.cells
        if cell.sentences
    ).casefold()


def search_positions(texts: Sequence[str], items: Sequence[Item], query: str) -> list[int]:
    """Positions of items with a case-insensitive match of ``query``.

    ``texts[r]`` is ``row_text`` of row ``r``.
    """
    needle = query.casefold()
    if not needle:
        return []
    return [
        position
        for position, item in enumerate(items)
        if any(needle in texts[row] for row in item.rows)
    ]


@dataclass(frozen=True, slots=True)
class Column:
    """One visible column: a document and where it sits on screen."""

    document: int
    x: int
    width: int


def column_layout(
    order: Sequence[int], focused: int, width: int, min_width: int, separator: int = 1
) -> tuple[Column, ...]:
    """The columns that fit in ``width`` cells, each at least ``min_width`` wide.

    ``order`` starts with the base, which always stays; when not every document fits, the others
    shown are a window of consecutive documents that holds ``focused``. Two columns show even
    when they are narrower than ``min_width``.
    """
    if not order:
        return ()
    # The base and one other always show, squeezed if need be: a diff needs two sides.
    fit = max(2, (width + separator) // (min_width + separator))
    if fit >= len(order):
        visible = list(order)
    else:
        others = list(order[1:])
        room = fit - 1
        where = others.index(focused) if focused in others else 0
        start = min(max(0, where - room + 1), len(others) - room)
        visible = [order[0], *others[start : start + room]]
    count = len(visible)
    usable = width - separator * (count - 1)
    columns: list[Column] = []
    x = 0
    for position, document in enumerate(visible):
        column_width = usable // count + (1 if position < usable % count else 0)
        columns.append(Column(document, x, column_width))
        x += column_width + separator
    return tuple(columns)


def row_anchor(row: Row) -> tuple[int, int] | None:
    """A (document, sentence) that identifies ``row`` across rebuilds: its first sentence."""
    for cell in row.cells:
        if cell.sentences:
            return cell.document, cell.sentences[0]
    return None


def find_row(rows: Sequence[Row], anchor: tuple[int, int] | None) -> int:
    """The row holding sentence ``anchor`` = (document, sentence), or 0."""
    if anchor is None:
        return 0
    document, sentence = anchor
    for row in rows:
        for cell in row.cells:
            if cell.document == document and sentence in cell.sentences:
                return row.index
    return 0
