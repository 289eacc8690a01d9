"""The HTML report's survival grid (a compact table) and timeline (an inline SVG).

Both are built from ``wirediff.present.grid`` and ``wirediff.present.timeline``. Every cell of
the grid links to the passage in its comparison's side-by-side table. The SVG is drawn with
presentation attributes and the report's own stylesheet classes, so the page's
Content-Security-Policy (no inline styles, no external resources) holds; all text in it is
escaped.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import timedelta

from markupsafe import Markup, escape

from wirediff.core.model import Collation
from wirediff.present.grid import MARK_LABELS, Grid, GridColumn, build_grid, printable
from wirediff.present.legend import flag_labels
from wirediff.present.timeline import Timeline, build_timeline, place, ticks


@dataclass(frozen=True, slots=True)
class GridCellView:
    """One cell: its mark, where it links, and a tooltip for flagged cells."""

    mark: str
    symbol: str
    flagged: bool
    href: str
    title: str


@dataclass(frozen=True, slots=True)
class GridRowView:
    id: str
    number: int
    role: str
    kept: int
    text: str
    cells: tuple[GridCellView, ...]


@dataclass(frozen=True, slots=True)
class GridColumnView:
    document: int
    label: str
    """Outlet and date, or the file name."""
    href: str
    """The comparison of this version with the base."""
    title: str
    """Everything about the version, for the tooltip."""
    share: int
    """Percent of the base it carries."""
    added: int
    copied_from: str
    """``#N`` of the version it was likely copied from, or empty."""


@dataclass(frozen=True, slots=True)
class GridTable:
    """The grid as the template draws it."""

    grid: Grid
    columns: tuple[GridColumnView, ...]
    rows: tuple[GridRowView, ...]


def _column_title(column: GridColumn) -> str:
    parts = [column.label]
    if column.label != column.name:
        parts.append(column.name)
    parts.append(f"carries {column.share:.0%} of the base")
    parts.append(f"{column.added} added")
    if column.copied_from is not None:
        source = column.copied_from_label or f"#{column.copied_from.source}"
        parts.append(f"copied from {source} ({column.copied_from.share:.0%})")
    return " · ".join(parts)


def grid_table(
    collation: Collation,
    comparison_id: Mapping[tuple[int, int], str],
    anchors: Collection[str] | None = None,
) -> GridTable:
    """The survival grid of ``collation``; ``comparison_id`` names each comparison's section.

    A cell links to its passage's sentence in the comparison's table, or to the comparison
    when that sentence is not among ``anchors`` (a compact report leaves unchanged rows out).
    """
    grid = build_grid(collation)
    base = collation.base
    columns = []
    for column in grid.columns:
        prefix = comparison_id.get((base, column.document), "")
        columns.append(
            GridColumnView(
                document=column.document,
                label=column.label,
                href=f"#{prefix}" if prefix else "",
                title=_column_title(column),
                share=round(column.share * 100),
                added=column.added,
                copied_from="" if column.copied_from is None else f"#{column.copied_from.source}",
            )
        )
    rows = []
    for row in grid.rows:
        cells = []
        for column, cell in zip(grid.columns, row.cells, strict=True):
            prefix = comparison_id.get((base, column.document), "")
            if not prefix:
                href = ""
            elif cell.sentences:
                href = f"#{prefix}-d{column.document}-s{cell.sentences[0] + 1}"
            else:
                href = f"#{prefix}-d{base}-s{row.sentence + 1}"
            if href and anchors is not None and href[1:] not in anchors:
                href = f"#{prefix}"
            title = ""
            if cell.flags:
                title = f"{column.label}: {MARK_LABELS[cell.mark]}; {flag_labels(cell.flags)}"
            cells.append(
                GridCellView(
                    mark=cell.mark.value,
                    symbol=cell.symbol,
                    flagged=bool(cell.flags),
                    href=href,
                    title=title,
                )
            )
        text = row.text if len(row.text) <= 90 else row.text[:89].rstrip() + "…"
        rows.append(
            GridRowView(
                id=f"g-s{row.sentence + 1}",
                number=row.sentence + 1,
                role=row.role.value,
                kept=row.kept,
                text=text,
                cells=tuple(cells),
            )
        )
    return GridTable(grid, tuple(columns), tuple(rows))


# --- timeline ----------------------------------------------------------------------------------

SVG_WIDTH = 960
MARGIN = 28
LANE = 34
TOP = 22
AXIS = 34
MIN_RADIUS, MAX_RADIUS = 5.0, 14.0
MAX_LANES = 5


def radius(share: float) -> float:
    """Circle radius for a share of the base: the area grows with the share."""
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(max(0.0, min(1.0, share)))


def timeline_svg(
    timeline: Timeline, comparison_id: Mapping[tuple[int, int], str], base: int
) -> Markup:
    """The timeline as an inline SVG: a circle per dated version, placed by time."""
    width = SVG_WIDTH - 2 * MARGIN
    xs = [MARGIN + timeline.position(entry.when) * width for entry in timeline.entries]
    placed = place(xs, 2 * MAX_RADIUS + 2, MAX_LANES, end=SVG_WIDTH - MARGIN)
    xs = [x for x, _ in placed]
    lane_of = [lane for _, lane in placed]
    count = max(lane_of) + 1 if lane_of else 1
    height = TOP + count * LANE + AXIS
    axis_y = TOP + count * LANE
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_WIDTH} '
        f'{height}" width="{SVG_WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="timeline-title">',
        '<title id="timeline-title">Versions by publication time; larger and darker circles '
        "carry more of the base; ! marks an altered quote or number</title>",
        f'<line class="tl-axis" x1="{MARGIN}" y1="{axis_y}" x2="{SVG_WIDTH - MARGIN}" '
        f'y2="{axis_y}"/>',
    ]
    spans = timeline.span.total_seconds() > 0
    for entry in timeline.entries:
        if entry.day_only and spans:  # the day it stands for, as a band along the axis
            left = MARGIN + max(0.0, timeline.position(entry.when)) * width
            right = MARGIN + min(1.0, timeline.position(entry.when + timedelta(days=1))) * width
            parts.append(
                f'<rect class="tl-day" x="{left:.1f}" y="{axis_y - 4}" '
                f'width="{max(right - left, 2.0):.1f}" height="4"/>'
            )
    for fraction, label in ticks(timeline, 5 if spans else 1):
        x = MARGIN + fraction * width
        anchor = "start" if fraction < 0.08 else "end" if fraction > 0.92 else "middle"
        parts.append(
            f'<line class="tl-tick" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}"/>'
            f'<text class="tl-date" x="{x:.1f}" y="{axis_y + 19}" text-anchor="{anchor}">'
            f"{escape(label)}</text>"
        )
    for entry, x, lane in zip(timeline.entries, xs, lane_of, strict=True):
        y = TOP + lane * LANE + LANE / 2
        r = radius(entry.share)
        shade = round(max(0.0, min(1.0, entry.share)) * 10)
        classes = ["tl-v"]
        if entry.is_base:
            classes.append("tl-base")
        if entry.altered:
            classes.append("tl-alt")
        if entry.day_only:
            classes.append("tl-dayonly")
        if entry.is_base:
            href = f"#doc-{entry.document}"
        else:
            prefix = comparison_id.get((base, entry.document), "")
            href = f"#{prefix}" if prefix else f"#doc-{entry.document}"
        mark = (
            f'<text class="tl-mark" x="{x + r * 0.75:.1f}" y="{y - r * 0.55:.1f}">!</text>'
            if entry.altered
            else ""
        )
        parts.append(
            f'<a href="{escape(href)}"><g class="{" ".join(classes)}">'
            f"<title>{escape(printable(entry.describe()))}</title>"
            f'<circle class="tl-s{shade}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text class="tl-n" x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle">'
            f"{entry.document}</text>{mark}</g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True, slots=True)
class TimelineView:
    svg: Markup
    undated: tuple[str, ...]
    """Labels of the versions without a date."""
    dated: int


def timeline_view(
    collation: Collation, comparison_id: Mapping[tuple[int, int], str]
) -> TimelineView | None:
    """The timeline section's content, or None when no version has a date."""
    timeline = build_timeline(collation)
    if timeline is None:
        return None
    return TimelineView(
        svg=timeline_svg(timeline, comparison_id, collation.base),
        undated=tuple(printable(collation.documents[k].label) for k in timeline.undated),
        dated=len(timeline.entries),
    )
