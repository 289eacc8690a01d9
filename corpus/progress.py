"""Progress per stage on standard error, only when it is a terminal; time and memory per stage."""

from __future__ import annotations

import resource
import sys
import time
from typing import TextIO


def peak_mb() -> float:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


class Progress:
    """Counts items through named stages; draws a status line when ``stream`` is a terminal."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.stage = ""
        self.total = 0
        self.done = 0
        self._started = 0.0
        self._drawn = 0.0

    def start(self, stage: str, total: int) -> None:
        """Begin a stage of ``total`` items (0 when unknown)."""
        self.finish_line()
        self.stage, self.total, self.done = stage, total, 0
        self._started = time.monotonic()
        self._draw(force=True)

    def advance(self, items: int = 1) -> None:
        """``items`` more items done."""
        self.done += items
        self._draw()

    def finish_line(self) -> None:
        """End the current status line."""
        if self.enabled and self.stage:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
            self.stage = ""

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.2:
            return
        self._drawn = now
        elapsed = max(now - self._started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.stage}: {self.done:,}"
        if self.total:
            text += f"/{self.total:,}"
        text += f"  {rate:,.0f}/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f"  {(self.total - self.done) / rate:,.0f} s left"
        self.stream.write("\r\x1b[2K" + text)
        self.stream.flush()
