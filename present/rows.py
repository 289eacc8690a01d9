"""Aligned rows: the side-by-side table the app and the HTML report show.

Each row holds one passage of the base and its counterparts in the other versions. Every
sentence of every shown document appears exactly once in its column, in its document's order:
an added sentence gets its own row where it sits in its document, and so does a moved passage
(its base row points to it with ``moved_to``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wirediff.core.model import Collation, Comparison, Flag, Kind, Link


class CellStatus(StrEnum):
    """What one document's cell of a row holds."""

    BASE = "base"
    IDENTICAL = "identical"
    REWORDED = "reworded"
    ADDED = "added"
    OMITTED = "omitted"
    MOVED_AWAY = "moved_away"
    """The counterpart of this base passage sits elsewhere in this document (row ``moved_to``)."""
    MOVED = "moved"
    """These sentences carry base sentences ``moved_from`` that sit elsewhere in the base."""
    BOILERPLATE = "boilerplate"
    EMPTY = "empty"


class RowKind(StrEnum):
    """What a row shows overall."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    MOVED = "moved"
    ADDED = "added"
    OMITTED = "omitted"
    BOILERPLATE = "boilerplate"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class Cell:
    """One document's part of a row."""

    document: int
    sentences: tuple[int, ...]
    status: CellStatus
    links: tuple[Link, ...] = ()
    moved_to: int | None = None
    moved_from: tuple[int, ...] = ()

    @property
    def link(self) -> Link | None:
        """The link of this cell when there is exactly one."""
        return self.links[0] if len(self.links) == 1 else None


@dataclass(frozen=True, slots=True)
class Row:
    """One passage across the shown documents."""

    index: int
    cells: tuple[Cell, ...]
    """One cell per shown document: the base first, then the others in document order."""
    kind: RowKind
    flags: tuple[Flag, ...]
    is_change: bool
    base_sentence: int | None
    """First base sentence of the row, or None for a row of added or moved sentences."""


def shown_order(collation: Collation, shown: Sequence[int] | None) -> list[int]:
    """The base first, then the other shown documents in document order."""
    wanted = set(range(len(collation.documents)) if shown is None else shown)
    wanted.add(collation.base)
    return [collation.base] + [
        k for k in range(len(collation.documents)) if k in wanted and k != collation.base
    ]


def _base_blocks(count: int, links: Sequence[Link]) -> list[tuple[int, int]]:
    """Runs of base sentences that some link ties together, as half-open ranges."""
    reach = list(range(count))
    for link in links:
        low, high = min(link.base), max(link.base)
        for i in range(low, high + 1):
            reach[i] = max(reach[i], high)
    blocks: list[tuple[int, int]] = []
    start = 0
    while start < count:
        end = reach[start]
        k = start
        while k <= end:
            end = max(end, reach[k])
            k += 1
        blocks.append((start, end + 1))
        start = end + 1
    return blocks


def _row_kind(statuses: Sequence[CellStatus]) -> RowKind:
    kinds = set()
    for status in statuses:
        if status in (CellStatus.IDENTICAL, CellStatus.REWORDED, CellStatus.OMITTED):
            kinds.add(RowKind(status.value))
        elif status is CellStatus.MOVED_AWAY:
            kinds.add(RowKind.MOVED)
    if not kinds:
        return RowKind.IDENTICAL
    if len(kinds) == 1:
        return kinds.pop()
    return RowKind.MIXED


FLAG_ORDER = tuple(Flag)
"""The flags in their order (iterating the enum itself for each of 12,000 rows was slow)."""


def _flags(links: Sequence[Link]) -> tuple[Flag, ...]:
    present = {flag for link in links for flag in link.flags}
    if not present:
        return ()
    return tuple(flag for flag in FLAG_ORDER if flag in present)


def build_rows(collation: Collation, shown: Sequence[int] | None = None) -> tuple[Row, ...]:
    """The aligned rows of the base and the ``shown`` documents (all when None).

    Steps: the base's blocks (runs of base sentences some link ties together), the links of
    each block, the other sentences that need a row of their own (added, moved, furniture) and
    the block they follow; then one row per block with those rows after it, and moved-away cells
    pointed at the rows their counterparts landed in.
    """
    order = shown_order(collation, shown)
    comparisons = _comparisons_with_base(collation, order[1:])
    base_document = collation.documents[collation.base]
    blocks = _base_blocks(
        len(base_document.sentences),
        [link for comparison in comparisons.values() for link in comparison.links],
    )
    block_links = _links_by_block(blocks, comparisons)
    inserts = _own_rows(collation, comparisons, _placed_in_blocks(block_links, comparisons))

    rows: list[Row] = []
    insert_rows: dict[tuple[int, int], int] = {}  # (document, first other sentence) -> row index
    pending_moves: list[tuple[int, int, Link]] = []  # (base row index, cell position, link)

    def add_inserts(after: int) -> None:
        for k, sentences, link in inserts.get(after, ()):
            insert_rows[(k, sentences[0])] = len(rows)
            rows.append(_insert_row(collation, order, len(rows), k, sentences, link))

    add_inserts(-1)
    for number, (start, end) in enumerate(blocks):
        links = [block_links.get((number, k), []) for k in order[1:]]
        row, moves = _base_row(collation, order, len(rows), range(start, end), links)
        pending_moves.extend(moves)
        rows.append(row)
        add_inserts(number)
    _point_moves(rows, pending_moves, insert_rows)
    return tuple(rows)


def _comparisons_with_base(collation: Collation, others: Sequence[int]) -> dict[int, Comparison]:
    """The comparison of each of ``others`` against the base."""
    comparisons = {}
    for k in others:
        comparison = collation.comparison(collation.base, k)
        if comparison is None:
            raise ValueError(f"document {k} was not compared with the base {collation.base}")
        comparisons[k] = comparison
    return comparisons


def _links_by_block(
    blocks: Sequence[tuple[int, int]], comparisons: dict[int, Comparison]
) -> dict[tuple[int, int], list[Link]]:
    """The links of each (block, document), found by their first base sentence."""
    block_of = {}
    for number, (start, end) in enumerate(blocks):
        for i in range(start, end):
            block_of[i] = number
    block_links: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for k, comparison in comparisons.items():
        for link in comparison.links:
            block_links[(block_of[link.base[0]], k)].append(link)
    return block_links


def _placed_in_blocks(
    block_links: dict[tuple[int, int], list[Link]], comparisons: dict[int, Comparison]
) -> dict[int, dict[int, int]]:
    """Per document: its sentences shown in a base row (links in order), and that row's block."""
    placed: dict[int, dict[int, int]] = {k: {} for k in comparisons}
    for (number, k), links in block_links.items():
        for link in links:
            if not link.moved:
                for j in link.other:
                    placed[k][j] = number
    return placed


Insert = tuple[int, tuple[int, ...], Link | None]
"""A row of its own: the document, its sentences, and the link when they are a moved passage."""


def _own_rows(
    collation: Collation,
    comparisons: dict[int, Comparison],
    placed: dict[int, dict[int, int]],
) -> dict[int, list[Insert]]:
    """Sentences that need a row of their own, keyed by the block they follow (-1: the start).

    Added sentences and page furniture sit after the block of the last placed sentence before
    them; a moved passage sits there too, as one row.
    """
    inserts: dict[int, list[Insert]] = defaultdict(list)
    for k, comparison in comparisons.items():
        moved_by_first = {link.other[0]: link for link in comparison.links if link.moved}
        in_moved = {j for link in moved_by_first.values() for j in link.other}
        after = -1
        for sentence in collation.documents[k].sentences:
            j = sentence.index
            if j in placed[k]:
                after = max(after, placed[k][j])
            elif j in moved_by_first:
                link = moved_by_first[j]
                inserts[after].append((k, link.other, link))
            elif j not in in_moved:
                inserts[after].append((k, (j,), None))
    return inserts


def _insert_row(
    collation: Collation,
    order: Sequence[int],
    index: int,
    document: int,
    sentences: tuple[int, ...],
    link: Link | None,
) -> Row:
    """A row holding only ``sentences`` of ``document``: added, furniture or a moved passage."""
    if link is not None:
        cell = Cell(document, sentences, CellStatus.MOVED, (link,), moved_from=link.base)
        kind, flags = RowKind.MOVED, link.flags
    elif collation.documents[document].sentences[sentences[0]].counts:
        cell, kind, flags = Cell(document, sentences, CellStatus.ADDED), RowKind.ADDED, ()
    else:
        cell = Cell(document, sentences, CellStatus.BOILERPLATE)
        kind, flags = RowKind.BOILERPLATE, ()
    cells = tuple(cell if d == document else Cell(d, (), CellStatus.EMPTY) for d in order)
    return Row(index, cells, kind, tuple(flags), kind is not RowKind.BOILERPLATE, None)


def _base_row(
    collation: Collation,
    order: Sequence[int],
    index: int,
    base_sentences: Sequence[int],
    links: Sequence[Sequence[Link]],
) -> tuple[Row, list[tuple[int, int, Link]]]:
    """The row of one base block, and its moved-away cells (row, cell position, link) to point.

    ``links``: the block's links in each other shown document, in ``order``.
    """
    base_document = collation.documents[collation.base]
    sentences = tuple(base_sentences)
    base_counts = any(base_document.sentences[i].counts for i in sentences)
    cells = [
        Cell(collation.base, sentences, CellStatus.BASE if base_counts else CellStatus.BOILERPLATE)
    ]
    moves: list[tuple[int, int, Link]] = []
    for k, document_links in zip(order[1:], links, strict=True):
        staying = [link for link in document_links if not link.moved]
        moving = [link for link in document_links if link.moved]
        if staying:
            others = tuple(sorted(j for link in staying for j in link.other))
            reworded = any(link.kind is Kind.REWORDED for link in staying)
            status = CellStatus.REWORDED if reworded else CellStatus.IDENTICAL
            cells.append(Cell(k, others, status, tuple(document_links)))
        elif moving:
            moves.append((index, len(cells), moving[0]))
            cells.append(Cell(k, (), CellStatus.MOVED_AWAY, tuple(moving)))
        else:
            cells.append(Cell(k, (), CellStatus.OMITTED if base_counts else CellStatus.EMPTY))
    kind = _row_kind([cell.status for cell in cells[1:]]) if base_counts else RowKind.BOILERPLATE
    flags = _flags([link for document_links in links for link in document_links])
    is_change = (kind not in (RowKind.IDENTICAL, RowKind.BOILERPLATE)) or bool(flags)
    return Row(index, tuple(cells), kind, flags, is_change, sentences[0]), moves


def _point_moves(
    rows: list[Row],
    pending_moves: Sequence[tuple[int, int, Link]],
    insert_rows: dict[tuple[int, int], int],
) -> None:
    """Point each moved-away cell at the row where its counterpart sits (in place)."""
    for row_index, cell_index, link in pending_moves:
        row = rows[row_index]
        document = row.cells[cell_index].document
        target = insert_rows.get((document, link.other[0]))
        cells = list(row.cells)
        cells[cell_index] = Cell(
            document, (), CellStatus.MOVED_AWAY, row.cells[cell_index].links, moved_to=target
        )
        rows[row_index] = Row(
            row.index, tuple(cells), row.kind, row.flags, row.is_change, row.base_sentence
        )
