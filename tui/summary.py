"""The summary panel: how much of the base each version keeps, and what it changed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from wirediff.core.model import Collation, Flag
from wirediff.present.legend import FLAGS, kind_look
from wirediff.present.summary import DocumentSummary, summarize

SCROLL_STEP = 10
"""Cells that left and right scroll the table by (about a column)."""

PADDING = 2
"""Cells of padding a DataTable puts around each column."""

MIN_COPIED = 11
"""The narrowest "Copied from" column (longer guesses end in "…")."""

MIN_NAME = 16
"""The narrowest "Version" column (longer names end in "…")."""

SHORT_LABELS = {
    "similarity": "Sim",
    "reused": "Reuse",
    "reworded": kind_look("reworded").mark,
    "moved": kind_look("moved").mark,
    "added": kind_look("added").mark,
    "omitted": kind_look("omitted").mark,
}
"""Column titles when the full ones do not fit (the marks are the aligned view's, see ``?``)."""

Columns = list[tuple[str, str, int]]
"""(title, key, width) per column."""


def fit_columns(full: Columns, room: int) -> tuple[Columns, bool]:
    """``full`` made to fit ``room`` cells if it can: short titles and narrow figures first,
    then the "Copied from" column cut (its text ends in "…"); and whether it fits."""

    def width(columns: Columns) -> int:
        return sum(w + PADDING for _, _, w in columns)

    if width(full) <= room:
        return full, True
    short: Columns = []
    for title, key, w in full:
        if key in SHORT_LABELS:
            title = SHORT_LABELS[key]
            w = max(len(title), 4 if key in ("similarity", "reused") else 3)
        short.append((title, key, w))
    over = width(short) - room
    if over > 0:
        title, key, w = short[-1]
        short[-1] = (title, key, max(MIN_COPIED, w - over))
    over = width(short) - room
    if over > 0:  # long outlet names: cut too, down to a readable start
        title, key, w = short[0]
        short[0] = (title, key, max(MIN_NAME, w - over))
    return short, width(short) <= room


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _count(value: int) -> str:
    return str(value) if value else "·"


def _copied(collation: Collation, index: int) -> str:
    """``1 UrduPoint 2025-02-06 (82%)``: the version this one was likely copied from."""
    guess = collation.copied_from[index] if index < len(collation.copied_from) else None
    if guess is None:
        return ""
    return f"{guess.source} {collation.documents[guess.source].label} ({guess.share:.0%})"


class SummaryPanel(DataTable[str | Text]):
    """One line per version: similarity, reuse, passages reworded/moved/added/omitted, flags.

    It takes the focus (``S``, or a click): arrows then scroll every row and column into view
    at any width (the version names stay on the left), enter focuses that version's column.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,S",
            "leave",
            "Back",
            id="summary.leave",
            tooltip="Back to the aligned view",
        ),
    ]

    class VersionChosen(Message):
        """Enter on a version's line: focus its column."""

        def __init__(self, document: int) -> None:
            super().__init__()
            self.document = document

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        self._collation: Collation | None = None
        self._fitted: tuple[int, bool] | None = None
        """The width the columns were fitted to, and whether they all fit."""
        super().__init__(
            id=id,
            classes=classes,
            show_cursor=True,
            zebra_stripes=True,
            cursor_type="row",
            fixed_columns=1,
        )
        self.summaries: tuple[DocumentSummary, ...] = ()

    def action_cursor_right(self) -> None:
        self.scroll_relative(x=SCROLL_STEP, animate=False)

    def action_cursor_left(self) -> None:
        self.scroll_relative(x=-SCROLL_STEP, animate=False)

    def action_leave(self) -> None:
        self.screen.query_one("AlignedView").focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.VersionChosen(int(event.row_key.value)))

    def _room(self) -> int:
        width = self.size.width or self.app.size.width
        return max(0, width - 1)  # the vertical scroll bar

    def on_resize(self, event: events.Resize) -> None:
        fitted, collation = self._fitted, self._collation
        if collation is not None and fitted is not None and self._room() != fitted[0]:
            self.show(collation)

    def show(self, collation: Collation) -> None:
        """Fill the table from ``collation``, its columns fitted to the width when they can be
        (short titles, the "Copied from" column cut); when they cannot, the panel's border says
        how to scroll to the rest."""
        self._collation = collation
        self.summaries = summarize(collation)
        cursor = self.cursor_row
        self.clear(columns=True)
        role = "likely wire original" if collation.base_is_guess else "base"
        name_width = max(
            len(summary.name) + (len(role) + 3 if summary.is_base else 0)
            for summary in self.summaries
        )
        origins = [
            (summary.is_base and collation.base_reason) or _copied(collation, summary.document)
            for summary in self.summaries
        ]
        # Explicit widths: the table looks the same however soon after an update it is drawn.
        full: Columns = [
            ("Version", "version", name_width),
            ("Similarity", "similarity", 10),
            ("Reuses base", "reused", 11),
            *(
                (f"{kind_look(name).mark} {name}", name, len(name) + 2)
                for name in ("reworded", "moved", "added", "omitted")
            ),
            *((FLAGS[flag].badge, flag.value, len(FLAGS[flag].badge)) for flag in Flag),
            ("Copied from", "copied", min(48, max(MIN_COPIED, *(len(text) for text in origins)))),
        ]
        room = self._room()
        columns, fits = fit_columns(full, room)
        self._fitted = (room, fits)
        for label, key, width in columns:
            self.add_column(label, key=key, width=width)
        self.border_subtitle = "" if fits else "more columns: S, then ← →"
        for summary in self.summaries:
            if summary.is_base:
                name = Text.assemble((f"{summary.name} ", "bold"), (f"({role})", "italic"))
                name.no_wrap, name.overflow = True, "ellipsis"
                cells: list[str | Text] = [name, "", "", "", "", "", ""]
                cells += ["" for _ in Flag]
                # why --base auto picked it, else the version it was copied from
                reason = collation.base_reason
                origin = _copied(collation, summary.document)
                cells.append(
                    Text(reason, "italic", no_wrap=True, overflow="ellipsis")
                    if reason
                    else Text(origin, no_wrap=True, overflow="ellipsis")
                )
            else:
                counts = dict(summary.flags)
                cells = [
                    # a Text: DataTable reads a str cell as markup
                    Text(summary.name, no_wrap=True, overflow="ellipsis"),
                    _percent(summary.similarity),
                    _percent(summary.base_reused),
                    _count(summary.reworded),
                    _count(summary.moved),
                    _count(summary.added),
                    _count(summary.omitted),
                ]
                cells += [_count(counts.get(flag, 0)) for flag in Flag]
                cells.append(
                    Text(_copied(collation, summary.document), no_wrap=True, overflow="ellipsis")
                )
            self.add_row(*cells, key=str(summary.document))
        if 0 < cursor < self.row_count:
            self.move_cursor(row=cursor)
