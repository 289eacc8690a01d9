"""When and how much: each dated version placed by publication time (no Textual here).

Each version carries a share of the base (the likely original) and may have altered a quote or
changed a number; the timeline places the versions whose date is known, the front ends size or
shade them by that share and flag them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from wirediff.core.metadata import published_datetime
from wirediff.core.model import Collation, Flag
from wirediff.present.grid import printable

ALTERING_FLAGS = (Flag.QUOTE_ALTERED, Flag.NUMBER_CHANGED)
"""The flags a timeline marks: a quote's words or a number changed."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated version."""

    document: int
    label: str
    when: datetime
    """Publication time, UTC."""
    share: float
    """Share of the base's body text it carries (1.0 for the base)."""
    is_base: bool
    quotes_altered: int = 0
    """Passages where a quote's words changed."""
    numbers_changed: int = 0
    """Passages where a number changed."""

    @property
    def altered(self) -> bool:
        """Whether it altered a quote or changed a number."""
        return bool(self.quotes_altered or self.numbers_changed)

    def describe(self) -> str:
        """One line: label, time, share, alterations."""
        parts = [self.label, format_time(self.when)]
        parts.append("the base" if self.is_base else f"carries {self.share:.0%} of the base")
        if self.quotes_altered:
            parts.append(_count(self.quotes_altered, "quote altered", "quotes altered"))
        if self.numbers_changed:
            parts.append(_count(self.numbers_changed, "number changed", "numbers changed"))
        return " · ".join(parts)


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def format_time(when: datetime) -> str:
    """``2025-02-06`` for midnight, else ``2025-02-06 10:30 UTC``."""
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dated versions in time order, and the ones without a date."""

    entries: tuple[TimelineEntry, ...]
    undated: tuple[int, ...]
    """Documents with no (readable) publication date."""

    @property
    def start(self) -> datetime:
        return self.entries[0].when

    @property
    def end(self) -> datetime:
        return self.entries[-1].when

    @property
    def span(self) -> timedelta:
        return self.end - self.start

    def position(self, when: datetime) -> float:
        """Where ``when`` falls between the first and last dates, 0-1 (0.5 when all coincide)."""
        total = self.span.total_seconds()
        if total <= 0:
            return 0.5
        return (when - self.start).total_seconds() / total


def build_timeline(collation: Collation) -> Timeline | None:
    """The timeline of ``collation``, or None when no version has a date."""
    entries: list[TimelineEntry] = []
    undated: list[int] = []
    for index, document in enumerate(collation.documents):
        when = published_datetime(document.published)
        if when is None:
            undated.append(index)
            continue
        is_base = index == collation.base
        comparison = None if is_base else collation.comparison(collation.base, index)
        if not is_base and comparison is None:
            undated.append(index)
            continue
        links = comparison.links if comparison is not None else ()
        entries.append(
            TimelineEntry(
                document=index,
                label=printable(document.label),
                when=when,
                share=1.0 if comparison is None else comparison.base_reused,
                is_base=is_base,
                quotes_altered=sum(1 for link in links if Flag.QUOTE_ALTERED in link.flags),
                numbers_changed=sum(1 for link in links if Flag.NUMBER_CHANGED in link.flags),
            )
        )
    if not entries:
        return None
    entries.sort(key=lambda entry: (entry.when, entry.document))
    return Timeline(tuple(entries), tuple(undated))


def slots(timeline: Timeline, width: int) -> tuple[tuple[int, ...], ...]:
    """For each of ``width`` cells of a one-line strip, the entries (by position) placed there."""
    cells: list[list[int]] = [[] for _ in range(max(width, 0))]
    if width <= 0:
        return ()
    for position, entry in enumerate(timeline.entries):
        x = round(timeline.position(entry.when) * (width - 1))
        cells[x].append(position)
    return tuple(tuple(cell) for cell in cells)


def tick_format(span: timedelta) -> str:
    """A strftime format fine enough to tell ticks over ``span`` apart."""
    if span <= timedelta(days=2):
        return "%d %b %H:%M"
    if span <= timedelta(days=300):
        return "%d %b"
    return "%b %Y"


def ticks(timeline: Timeline, count: int) -> tuple[tuple[float, str], ...]:
    """``count`` evenly spaced (position 0-1, label) pairs from the first date to the last."""
    if count <= 0:
        return ()
    if timeline.span.total_seconds() <= 0:
        return ((0.5, format_time(timeline.start)),)
    fmt = tick_format(timeline.span)
    if count == 1:
        return ((0.0, timeline.start.strftime(fmt)),)
    result = []
    for k in range(count):
        fraction = k / (count - 1)
        result.append((fraction, (timeline.start + timeline.span * fraction).strftime(fmt)))
    return tuple(result)


def place(
    positions: Sequence[float], gap: float, max_lanes: int, end: float = float("inf")
) -> tuple[tuple[float, int], ...]:
    """(x, lane) for points at sorted ``positions`` so that no two closer than ``gap`` collide.

    Points are grouped into runs where each is within ``gap`` of the one before. A run of up to
    ``max_lanes`` points keeps its positions, one lane each; a longer one (many versions at one
    time) becomes columns of ``max_lanes`` lanes from its first point on (moved left if they
    would pass ``end``), in time order, so the picture never grows taller than ``max_lanes``.
    """
    placed: list[tuple[float, int]] = []
    run: list[float] = []

    def close() -> None:
        if len(run) <= max_lanes:
            placed.extend((x, lane) for lane, x in enumerate(run))
        else:
            columns = (len(run) - 1) // max_lanes
            start = min(run[0], end - gap * columns)
            placed.extend((start + gap * (k // max_lanes), k % max_lanes) for k in range(len(run)))
        run.clear()

    for x in positions:
        if run and x - run[-1] >= gap:
            close()
        run.append(x)
    close()
    return tuple(placed)
