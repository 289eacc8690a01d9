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

from wirediff.core.model import Collation, Flag, Kind, Link


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


def _flags(links: Sequence[Link]) -> tuple[Flag, ...]:
    present = {flag for link in links for flag in link.flags}
    return tuple(flag for flag in Flag if flag in present)


def build_rows(collation: Collation, shown: Sequence[int] | None = None) -> tuple[Row, ...]:
    """The aligned rows of the base and the ``shown`` documents (all when None)."""
    order = shown_order(collation, shown)
    base = collation.base
    base_document = collation.documents[base]
    others = order[1:]
    comparisons = {}
    for k in others:
        comparison = collation.comparison(base, k)
        if comparison is None:
            raise ValueError(f"document {k} was not compared with the base {base}")
        comparisons[k] = comparison
    all_links = [link for comparison in comparisons.values() for link in comparison.links]
    blocks = _base_blocks(len(base_document.sentences), all_links)

    # Which links touch each block, per document.
    block_of = {}
    for number, (start, end) in enumerate(blocks):
        for i in range(start, end):
            block_of[i] = number
    block_links: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for k, comparison in comparisons.items():
        for link in comparison.links:
            block_links[(block_of[link.base[0]], k)].append(link)

    # Other sentences placed in base rows (non-moved links), and the block each sits in.
    placed_block: dict[int, dict[int, int]] = {k: {} for k in others}
    for (number, k), links in block_links.items():
        for link in links:
            if not link.moved:
                for j in link.other:
                    placed_block[k][j] = number

    # Sentences of each other document that need a row of their own, keyed by the block they follow.
    inserts: dict[int, list[tuple[int, tuple[int, ...], Link | None]]] = defaultdict(list)
    for k in others:
        comparison = comparisons[k]
        moved_by_first = {link.other[0]: link for link in comparison.links if link.moved}
        in_moved = {j for link in moved_by_first.values() for j in link.other}
        after = -1
        for sentence in collation.documents[k].sentences:
            j = sentence.index
            if j in placed_block[k]:
                after = max(after, placed_block[k][j])
            elif j in moved_by_first:
                link = moved_by_first[j]
                inserts[after].append((k, link.other, link))
            elif j not in in_moved:
                inserts[after].append((k, (j,), None))

    rows: list[Row] = []
    pending_moves: list[tuple[int, int, Link]] = []  # (row index of the base row, document, link)
    insert_rows: dict[tuple[int, int], int] = {}  # (document, first other sentence) -> row index

    def add_inserts(after: int) -> None:
        for k, sentences, link in inserts.get(after, ()):
            cells = []
            for d in order:
                if d != k:
                    cells.append(Cell(d, (), CellStatus.EMPTY))
                elif link is not None:
                    cells.append(
                        Cell(d, sentences, CellStatus.MOVED, (link,), moved_from=link.base)
                    )
                else:
                    role_counts = collation.documents[k].sentences[sentences[0]].counts
                    status = CellStatus.ADDED if role_counts else CellStatus.BOILERPLATE
                    cells.append(Cell(d, sentences, status))
            if link is not None:
                kind, flags = RowKind.MOVED, link.flags
            else:
                kind = (
                    RowKind.ADDED
                    if cells[order.index(k)].status is CellStatus.ADDED
                    else RowKind.BOILERPLATE
                )
                flags = ()
            insert_rows[(k, sentences[0])] = len(rows)
            rows.append(
                Row(
                    len(rows),
                    tuple(cells),
                    kind,
                    tuple(flags),
                    kind is not RowKind.BOILERPLATE,
                    None,
                )
            )

    add_inserts(-1)
    for number, (start, end) in enumerate(blocks):
        base_sentences = tuple(range(start, end))
        base_counts = any(base_document.sentences[i].counts for i in base_sentences)
        cells = [
            Cell(base, base_sentences, CellStatus.BASE if base_counts else CellStatus.BOILERPLATE)
        ]
        row_links: list[Link] = []
        for k in others:
            links = block_links.get((number, k), [])
            row_links.extend(links)
            staying = [link for link in links if not link.moved]
            moving = [link for link in links if link.moved]
            if staying:
                sentences = tuple(sorted(j for link in staying for j in link.other))
                reworded = any(link.kind is Kind.REWORDED for link in staying)
                status = CellStatus.REWORDED if reworded else CellStatus.IDENTICAL
                cells.append(Cell(k, sentences, status, tuple(links)))
            elif moving:
                pending_moves.append((len(rows), len(cells), moving[0]))
                cells.append(Cell(k, (), CellStatus.MOVED_AWAY, tuple(moving)))
            elif base_counts:
                cells.append(Cell(k, (), CellStatus.OMITTED))
            else:
                cells.append(Cell(k, (), CellStatus.EMPTY))
        if base_counts:
            kind = _row_kind([cell.status for cell in cells[1:]])
        else:
            kind = RowKind.BOILERPLATE
        flags = _flags(row_links)
        is_change = (kind not in (RowKind.IDENTICAL, RowKind.BOILERPLATE)) or bool(flags)
        rows.append(Row(len(rows), tuple(cells), kind, flags, is_change, start))
        add_inserts(number)

    # Point each moved-away cell at the row where its counterpart sits.
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
    return tuple(rows)
