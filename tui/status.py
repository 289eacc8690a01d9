"""The status line: selection, filter, search and alignment progress."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from wirediff.present.items import FILTER_LABELS

if TYPE_CHECKING:
    from .aligned_view import AlignedView


def describe(view: AlignedView) -> Text:
    """One line saying what the view shows and what ``n`` steps through."""
    text = Text()
    collation = view.collation
    if collation is None:
        return Text(view.message)
    total = len(view.items)
    label = view.passage_label
    if label:
        row = view.current_row
        of_base = row is not None and bool(row.cells[0].sentences)
        text.append(f"passage {label}" if of_base else label, "bold")
        text.append(f" ({view.cursor + 1}/{total})" if total else "")
    else:
        text.append(f"{view.cursor + 1}/{total}" if total else "0/0", "bold")
    text.append(f" · {FILTER_LABELS[view.row_filter]}")
    text.append(f" · {view.change_count} changes")
    if view.search_text:
        hits = view.search_hits
        text.append(" · ")
        where = f"{hits.index(view.cursor) + 1}/" if view.cursor in hits else ""
        text.append(f"search “{view.search_text}”: {where}{len(hits)} passages", "bold")
        text.append(" (n/N, esc clears)")
    else:
        steps = view.step_positions
        where = f"{steps.index(view.cursor) + 1}/" if view.cursor in steps else ""
        text.append(" · n: ")
        text.append(f"{where}{len(steps)} {view.step_description()}", "bold")
        text.append(" (x, c)")
    if view.shown_other is not None:
        text.append(f" · base + {collation.documents[view.shown_other].label} (v)")
    if len(view.columns) < len(view.order):
        text.append(f" · {len(view.columns)} of {len(view.order)} versions on screen (tab)")
    if not view.wrap:
        text.append(" · wrap off")
    if not view.fold:
        text.append(" · furniture shown")
    if view.interleaved:
        text.append(" · dropped words interleaved")
    return text


PROGRESS_INTERVAL = 0.1
"""Seconds between two redraws of the progress bar: drawing every comparison of fifty versions
would take the alignment thread's time."""


class StatusLine(Horizontal):
    """A line of text, and a progress bar while the versions are being aligned."""

    _progress_shown = 0.0

    def compose(self) -> ComposeResult:
        yield Static("", id="status-text")
        yield ProgressBar(id="progress", show_eta=False, show_percentage=False)

    def show_text(self, text: Text | str) -> None:
        """Replace the status text."""
        self.query_one("#status-text", Static).update(text)

    def show_progress(self, done: int, total: int) -> None:
        """Show alignment progress (``total`` comparisons), at most every ``PROGRESS_INTERVAL``."""
        now = time.monotonic()
        if 0 < done < total and now - self._progress_shown < PROGRESS_INTERVAL:
            return
        self._progress_shown = now
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self.show_text(f"Aligning the versions: {done} of {total} comparisons done…")

    def hide_progress(self) -> None:
        """Hide the progress bar."""
        self.query_one("#progress", ProgressBar).display = False
