"""The survival grid: which passages of the base survive in which version (no Textual here).

One row per base passage (a base sentence that is not page furniture), one column per other
version, one mark per cell: kept word for word, reworded, moved, or omitted; flags where a link
carries one. Each row counts the versions that keep the passage; each column counts the passages
the version added, and names its outlet, date and the version it was likely copied from.

Built from the comparisons with the base only (``Collation.comparison(base, k)``): the grid
never needs every pair.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from wirediff.core.metadata import published_datetime
from wirediff.core.model import Collation, CopiedFrom, Document, Flag, Kind, Link, Role
from wirediff.present.legend import FLAGS, kind_look


class Mark(StrEnum):
    """What one version did with one base passage."""

    IDENTICAL = "identical"
    REWORDED = "reworded"
    MOVED = "moved"
    OMITTED = "omitted"


MARK_SYMBOLS: dict[Mark, str] = {mark: kind_look(mark.value).mark for mark in Mark}
"""One character per mark, the same as the aligned view's, so nothing depends on colour."""

BADGES: dict[Flag, str] = {flag: look.badge for flag, look in FLAGS.items()}
"""The short badge of each flag, as the aligned view shows it."""

FLAG_MARKER = "!"
"""Shown beside a cell's mark when its link carries a flag."""

MARK_LABELS: dict[Mark, str] = {
    Mark.IDENTICAL: "kept word for word",
    Mark.REWORDED: "reworded",
    Mark.MOVED: "moved elsewhere in the version",
    Mark.OMITTED: "omitted",
}


class Order(StrEnum):
    """How the grid's columns are ordered."""

    DATE = "date"
    """By publication time, earliest first; versions without a date last, by similarity."""
    SIMILARITY = "similarity"
    """By the share of the base each version carries, most first."""
    INPUT = "input"
    """As given on the command line."""


ORDER_LABELS: dict[Order, str] = {
    Order.DATE: "by date",
    Order.SIMILARITY: "by share of the base",
    Order.INPUT: "as given",
}


@dataclass(frozen=True, slots=True)
class GridCell:
    """What one version did with one base passage."""

    mark: Mark
    sentences: tuple[int, ...] = ()
    """The version's sentences that carry the passage (empty when omitted)."""
    flags: tuple[Flag, ...] = ()
    """Flags of the link that carries it."""
    reworded: bool = False
    """For a moved passage: whether its words changed too."""

    @property
    def kept(self) -> bool:
        """Whether the version keeps the passage in some form."""
        return self.mark is not Mark.OMITTED

    @property
    def symbol(self) -> str:
        """The mark's character."""
        return MARK_SYMBOLS[self.mark]


@dataclass(frozen=True, slots=True)
class GridRow:
    """One base passage across every version."""

    sentence: int
    """Index of the base sentence."""
    role: Role
    text: str
    """The base sentence, on one line, without control characters."""
    cells: tuple[GridCell, ...]
    """One cell per column, in column order."""

    @property
    def kept(self) -> int:
        """How many versions keep the passage (word for word, reworded or moved)."""
        return sum(1 for cell in self.cells if cell.kept)

    @property
    def flagged(self) -> int:
        """How many versions carry it with a flag."""
        return sum(1 for cell in self.cells if cell.flags)


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One version: who, when, how much of the base it carries."""

    document: int
    label: str
    """Outlet and date when known, else the file name (``Document.label``), printable."""
    name: str
    """The file name, printable."""
    outlet: str
    published: str
    """ISO 8601 as loaded, or empty."""
    when: datetime | None
    """``published`` parsed (UTC), or None."""
    share: float
    """Share of the base's body text this version carries (``Comparison.base_reused``)."""
    similarity: float
    added: int
    """Body sentences with no counterpart in the base."""
    copied_from: CopiedFrom | None
    copied_from_label: str
    """The label of the version it was likely copied from, or empty."""


@dataclass(frozen=True, slots=True)
class Grid:
    """The survival grid of a collation."""

    base: int
    base_label: str
    order: Order
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]

    def column_of(self, document: int) -> int | None:
        """The position of ``document``'s column, or None (the base has none)."""
        for position, column in enumerate(self.columns):
            if column.document == document:
                return position
        return None

    @property
    def dated(self) -> bool:
        """Whether any version has a publication date."""
        return any(column.when is not None for column in self.columns)


def printable(text: str) -> str:
    """``text`` on one line, control and format characters replaced by spaces."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
    return " ".join(cleaned.split())


def _mark(link: Link) -> Mark:
    if link.moved:
        return Mark.MOVED
    if link.kind is Kind.REWORDED:
        return Mark.REWORDED
    return Mark.IDENTICAL


def _column(collation: Collation, document: int) -> GridColumn | None:
    comparison = collation.comparison(collation.base, document)
    if comparison is None:
        return None
    version = collation.documents[document]
    copied = (
        collation.copied_from[document]
        if len(collation.copied_from) == len(collation.documents)
        else None
    )
    source_label = ""
    if copied is not None and 0 <= copied.source < len(collation.documents):
        source_label = printable(collation.documents[copied.source].label)
    return GridColumn(
        document=document,
        label=printable(version.label),
        name=printable(version.name),
        outlet=printable(version.outlet),
        published=version.published,
        when=published_datetime(version.published),
        share=comparison.base_reused,
        similarity=comparison.similarity,
        added=sum(1 for j in comparison.added if version.sentences[j].counts),
        copied_from=copied,
        copied_from_label=source_label,
    )


def order_columns(columns: Sequence[GridColumn], order: Order) -> tuple[GridColumn, ...]:
    """``columns`` in ``order``; ties keep the command-line order."""
    if order is Order.INPUT:
        return tuple(sorted(columns, key=lambda c: c.document))
    by_share = sorted(columns, key=lambda c: (-c.share, -c.similarity, c.document))
    if order is Order.SIMILARITY:
        return tuple(by_share)
    rank = {column.document: position for position, column in enumerate(by_share)}
    return tuple(
        sorted(
            columns,
            key=lambda c: (
                c.when is None,
                c.when or datetime.min.replace(tzinfo=UTC),
                rank[c.document],
            ),
        )
    )


def default_order(collation: Collation) -> Order:
    """By date when any version has one, else by similarity."""
    if any(published_datetime(d.published) for d in collation.documents):
        return Order.DATE
    return Order.SIMILARITY


def available_orders(grid: Grid) -> tuple[Order, ...]:
    """The orders worth cycling through: by date only when some version has a date."""
    if grid.dated:
        return (Order.DATE, Order.SIMILARITY, Order.INPUT)
    return (Order.SIMILARITY, Order.INPUT)


def next_order(grid: Grid) -> Order:
    """The order after the grid's own, wrapping round."""
    orders = available_orders(grid)
    if grid.order not in orders:
        return orders[0]
    return orders[(orders.index(grid.order) + 1) % len(orders)]


def build_grid(collation: Collation, order: Order | None = None) -> Grid:
    """The survival grid of ``collation``, columns in ``order`` (default: ``default_order``)."""
    if order is None:
        order = default_order(collation)
    base = collation.documents[collation.base]
    columns = [
        column
        for k in range(len(collation.documents))
        if k != collation.base and (column := _column(collation, k)) is not None
    ]
    ordered = order_columns(columns, order)
    per_column: list[dict[int, Link]] = []
    for column in ordered:
        comparison = collation.comparison(collation.base, column.document)
        assert comparison is not None
        per_column.append(comparison.link_of_base())
    rows: list[GridRow] = []
    for sentence in base.sentences:
        if not sentence.counts:
            continue
        cells: list[GridCell] = []
        for links in per_column:
            link = links.get(sentence.index)
            if link is None:
                cells.append(GridCell(Mark.OMITTED))
            else:
                cells.append(
                    GridCell(
                        _mark(link),
                        link.other,
                        link.flags,
                        reworded=link.kind is Kind.REWORDED,
                    )
                )
        rows.append(
            GridRow(
                sentence=sentence.index,
                role=sentence.role,
                text=printable(sentence.text),
                cells=tuple(cells),
            )
        )
    return Grid(
        base=collation.base,
        base_label=printable(base.label),
        order=order,
        columns=ordered,
        rows=tuple(rows),
    )


def short_date(column: GridColumn) -> str:
    """``MM-DD`` of the publication date, or empty."""
    if column.when is None:
        return ""
    return column.when.strftime("%m-%d")


def short_label(column: GridColumn) -> str:
    """The outlet (or the file name without its extension), for a narrow header."""
    if column.outlet:
        return column.outlet
    stem = column.name.rsplit(".", 1)[0] if "." in column.name[1:] else column.name
    return stem


def vertical_label(column: GridColumn, height: int, show_date: bool = True) -> str:
    """A label of exactly ``height`` characters, to write top to bottom over a narrow column.

    The outlet (or file name) first; the date (``MM-DD``) at the bottom when ``show_date`` and
    there is room for it and some of the name. Wide characters become ``?`` (one per line).
    """
    if height <= 0:
        return ""
    date = short_date(column) if show_date else ""
    name = short_label(column)
    if date and height >= len(date) + 4:
        room = height - len(date) - 1
        text = name[:room].ljust(room) + " " + date
    else:
        text = name[:height]
    text = "".join(char if unicodedata.east_asian_width(char) not in "WF" else "?" for char in text)
    return text.ljust(height)


def column_labels(grid: Grid, height: int) -> list[str]:
    """Vertical labels for every column; a date shows only where it differs from the left one."""
    labels = []
    previous = None
    for column in grid.columns:
        date = short_date(column)
        labels.append(vertical_label(column, height, show_date=date != previous))
        previous = date
    return labels


def describe_column(grid: Grid, position: int) -> str:
    """One line about a column: who, when, how much of the base, added, copied from."""
    column = grid.columns[position]
    parts = [column.label]
    if column.label != column.name:
        parts.append(column.name)
    parts.append(f"carries {column.share:.0%} of the base")
    parts.append(f"{column.added} added")
    flagged = sum(1 for row in grid.rows if row.cells[position].flags)
    if flagged:
        parts.append(f"{flagged} flagged")
    if column.copied_from is not None:
        parts.append(
            f"copied from {column.copied_from_label} ({column.copied_from.share:.0%})"
            if column.copied_from_label
            else f"copied from version {column.copied_from.source}"
        )
    return " · ".join(parts)


def describe_cell(grid: Grid, row: int, position: int, badges: dict[Flag, str]) -> str:
    """One line about a cell: the passage, what the version did with it, its flags."""
    grid_row = grid.rows[row]
    cell = grid_row.cells[position]
    what = MARK_LABELS[cell.mark]
    if cell.mark is Mark.MOVED and cell.reworded:
        what += " and reworded"
    parts = [f"passage {grid_row.sentence + 1}: {what}"]
    if cell.sentences:
        numbers = ", ".join(str(j + 1) for j in cell.sentences)
        noun = "sentence" if len(cell.sentences) == 1 else "sentences"
        parts[0] += f" (its {noun} {numbers})"
    if cell.flags:
        parts.append(" ".join(badges.get(flag, flag.value) for flag in cell.flags))
    parts.append(f"kept by {grid_row.kept} of {len(grid.columns)}")
    return " · ".join(parts)


def label_of(document: Document) -> str:
    """``Document.label`` made printable."""
    return printable(document.label)
