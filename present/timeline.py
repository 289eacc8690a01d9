"""When and how much: each dated version placed by publication time (no Textual here).

Each version carries a share of the base (the likely original) and may have altered a quote or
changed a number; the timeline places the versions whose date is known, the front ends size or
shade them by that share and flag them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

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
    day_only: bool = False
    """Its date has no time of day: ``when`` is the day's start, and the version stands for the
    whole day (drawn with a distinct mark, never as if published at midnight)."""

    @property
    def altered(self) -> bool:
        """Whether it altered a quote or changed a number."""
        return bool(self.quotes_altered or self.numbers_changed)

    def describe(self) -> str:
        """One line: label, time, share, alterations."""
        when = f"{self.when:%Y-%m-%d} (date only)" if self.day_only else format_time(self.when)
        parts = [self.label, when]
        parts.append("the base" if self.is_base else f"carries {self.share:.0%} of the base")
        if self.quotes_altered:
            parts.append(_count(self.quotes_altered, "quote altered", "quotes altered"))
        if self.numbers_changed:
            parts.append(_count(self.numbers_changed, "number changed", "numbers changed"))
        return " · ".join(parts)


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def is_day_only(published: str) -> bool:
    """Whether a ``Document.published`` value is a bare date (``2025-02-06``), no time of day."""
    return len(published.strip()) == 10


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
                day_only=is_day_only(document.published),
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


_MINUTE, _HOUR, _DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
TICK_STEPS: tuple[timedelta, ...] = (
    *(_MINUTE * m for m in (1, 5, 10, 15, 30)),
    *(_HOUR * h for h in (1, 2, 3, 6, 12)),
    *(_DAY * d for d in (1, 2, 7, 14)),
)
"""Round steps between ticks, finest first; beyond two weeks ticks fall on months or years."""

_EPOCH_MONDAY = datetime(1970, 1, 5, tzinfo=UTC)


def tick_format(step: timedelta | str) -> str:
    """One strftime format for every tick of a timeline whose ticks are ``step`` apart:
    hours and minutes carry the day ("6 Feb 14:00"), days the day ("6 Feb"), months and years
    the month or the year."""
    if step == "year":
        return "%Y"
    if step == "month":
        return "%b %Y"
    assert isinstance(step, timedelta)
    return "%-d %b %H:%M" if step < _DAY else "%-d %b"


def _label(when: datetime, fmt: str) -> str:
    # "%-d" is not portable: the day without a leading zero, made by hand.
    return when.strftime(fmt.replace("%-d", str(when.day)))


def _steps_from(start: datetime, step: timedelta) -> datetime:
    """The first round multiple of ``step`` at or after ``start`` (days counted from midnight
    UTC, weeks from Mondays)."""
    origin = _EPOCH_MONDAY if step >= 7 * _DAY else start.replace(hour=0, minute=0, second=0)
    origin = origin.replace(microsecond=0)
    count = -((origin - start) // step)  # ceiling of (start - origin) / step
    return origin + step * count


def _calendar(start: datetime, end: datetime, unit: str, every: int) -> list[datetime]:
    """Firsts of months (``every`` months apart) or of years between ``start`` and ``end``."""
    found: list[datetime] = []
    year, month = start.year, start.month
    if unit == "year":
        month = 1
    while True:
        moment = datetime(year, month, 1, tzinfo=start.tzinfo or UTC)
        if moment > end:
            return found
        if moment >= start and (
            (unit == "month" and (month - 1) % every == 0) or (unit == "year" and year % every == 0)
        ):
            found.append(moment)
        if unit == "month":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            year += 1


def tick_times(start: datetime, end: datetime, count: int) -> tuple[list[datetime], str]:
    """At most ``count`` ticks at round times between ``start`` and ``end``, the finest round
    unit that fits (minutes, hours, days, weeks, months, years), and their strftime format."""
    for step in TICK_STEPS:
        first = _steps_from(start, step)
        if first > end:
            continue
        if (end - first) // step + 1 <= count:
            times = []
            moment = first
            while moment <= end:
                times.append(moment)
                moment += step
            return times, tick_format(step)
    for unit, every in (("month", 1), ("month", 3), ("month", 6), ("year", 1)):
        times = _calendar(start, end, unit, every)
        if 0 < len(times) <= count:
            return times, tick_format(unit)
    years = max(1, (end.year - start.year) // max(count, 1) + 1)
    return _calendar(start, end, "year", years)[:count], tick_format("year")


def ticks(timeline: Timeline, count: int) -> tuple[tuple[float, str], ...]:
    """At most ``count`` (position 0-1, label) ticks at round times (whole hours, days, weeks,
    months), labelled alike; one tick at the middle when every version has one date."""
    if count <= 0:
        return ()
    if timeline.span.total_seconds() <= 0:
        entry = timeline.entries[0]
        label = f"{entry.when:%Y-%m-%d}" if entry.day_only else format_time(entry.when)
        return ((0.5, label),)
    times, fmt = tick_times(timeline.start, timeline.end, count)
    if not times:
        return ((0.0, _label(timeline.start, tick_format(TICK_STEPS[0]))),)
    return tuple((timeline.position(moment), _label(moment, fmt)) for moment in times)


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
