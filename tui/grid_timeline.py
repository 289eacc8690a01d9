"""A compact timeline above the survival grid: versions by publication time, bars by share.

Three lines: a bar per version where its date falls (taller when it carries more of the base;
several versions on one cell show the tallest), a line that marks with ``!`` the versions that
altered a quote or changed a number, with ``▲`` the selected one and with ``◇`` a version whose
date has no time (placed at its day's start: it stands for the whole day), and dates below, at
round times (whole hours, days, weeks or months).
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from wirediff.present.timeline import Timeline, slots, ticks

from .grid_view import bar
from .styles import component_style

LEFT = "published "
DAY_MARK = "◇"
"""Under a version whose date has no time of day."""


class TimelineStrip(Widget):
    """When each dated version came out and how much of the base it carries."""

    DEFAULT_CSS = """
    TimelineStrip {
        height: 3;
        background: $panel;
    }
    TimelineStrip > .timeline-strip--bar { color: $text-primary; }
    TimelineStrip > .timeline-strip--base { color: $text-accent; text-style: bold; }
    TimelineStrip > .timeline-strip--altered { color: $text-warning; text-style: bold; }
    TimelineStrip > .timeline-strip--selected { background: $primary 45%; text-style: bold; }
    TimelineStrip > .timeline-strip--muted { color: $foreground-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-strip--bar",
        "timeline-strip--base",
        "timeline-strip--altered",
        "timeline-strip--selected",
        "timeline-strip--muted",
    }

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.timeline: Timeline | None = None
        self.selected: int | None = None
        """The selected document (the grid's current column)."""
        self._styles: dict[str, Style] = {}

    def show(self, timeline: Timeline | None, selected: int | None) -> None:
        """Show ``timeline`` (hidden when None) with ``selected``'s bar highlighted."""
        self.timeline = timeline
        self.selected = selected
        self.display = timeline is not None
        self.refresh()

    def select(self, document: int | None) -> None:
        if document != self.selected:
            self.selected = document
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = component_style(self, f"timeline-strip--{name}")
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        timeline = self.timeline
        if timeline is None or width <= len(LEFT) + 2:
            return Strip.blank(width, base)
        room = width - len(LEFT) - 1
        places = slots(timeline, room)
        muted = base + self._style("muted")
        if y == 0:
            segments = [Segment(LEFT, muted)]
            for entries in places:
                if not entries:
                    segments.append(Segment(" ", base))
                    continue
                chosen = [timeline.entries[k] for k in entries]
                share = max(entry.share for entry in chosen)
                style = base + self._style("bar")
                if any(entry.is_base for entry in chosen):
                    style = base + self._style("base")
                if any(entry.altered for entry in chosen):
                    style = base + self._style("altered")
                if self.selected is not None and any(
                    entry.document == self.selected for entry in chosen
                ):
                    style += self._style("selected")
                segments.append(Segment(bar(max(share, 0.01)), style))
            return Strip(segments).adjust_cell_length(width, base)
        if y == 1:
            undated = len(timeline.undated)
            note = f"{undated} undated" if undated else ""
            segments = [Segment(note[: len(LEFT) - 1].ljust(len(LEFT)), muted)]
            for entries in places:
                chosen = [timeline.entries[k] for k in entries]
                if self.selected is not None and any(
                    entry.document == self.selected for entry in chosen
                ):
                    segments.append(Segment("▲", base + self._style("selected")))
                elif any(entry.altered for entry in chosen):
                    segments.append(Segment("!", base + self._style("altered")))
                elif len(chosen) > 1:
                    segments.append(Segment(str(min(len(chosen), 9)), muted))
                elif chosen and chosen[0].day_only:
                    segments.append(Segment(DAY_MARK, muted))
                else:
                    segments.append(Segment(" ", base))
            return Strip(segments).adjust_cell_length(width, base)
        if y == 2:
            line = [" "] * room
            count = max(2, min(6, room // 16))
            marks = ticks(timeline, count)
            for fraction, label in marks:
                x = round(fraction * (room - 1))
                start = max(0, min(room - len(label), x - len(label) // 2))
                if all(char == " " for char in line[max(0, start - 1) : start + len(label) + 1]):
                    line[start : start + len(label)] = list(label)
            return Strip([Segment(" " * len(LEFT), base), Segment("".join(line), muted)])
        return Strip.blank(width, base)
