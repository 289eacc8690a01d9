"""The summary panel: how much of the base each version keeps, and what it changed."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from wirediff.core.model import Collation, Flag
from wirediff.present.legend import FLAGS, kind_look
from wirediff.present.summary import DocumentSummary, summarize

SCROLL_STEP = 10
"""Cells that left and right scroll the table by (about a column)."""


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

    def show(self, collation: Collation) -> None:
        """Fill the table from ``collation``."""
        self.summaries = summarize(collation)
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
        for label, key, width in (
            ("Version", "version", name_width),
            ("Similarity", "similarity", 10),
            ("Reuses base", "reused", 11),
            *(
                (f"{kind_look(name).mark} {name}", name, len(name) + 2)
                for name in ("reworded", "moved", "added", "omitted")
            ),
            *((FLAGS[flag].badge, flag.value, len(FLAGS[flag].badge)) for flag in Flag),
            ("Copied from", "copied", min(48, max(11, *(len(text) for text in origins)))),
        ):
            self.add_column(label, key=key, width=width)
        for summary in self.summaries:
            if summary.is_base:
                name = Text.assemble((f"{summary.name} ", "bold"), (f"({role})", "italic"))
                cells: list[str | Text] = [name, "", "", "", "", "", ""]
                cells += ["" for _ in Flag]
                # why --base auto picked it, else the version it was copied from
                reason = collation.base_reason
                origin = _copied(collation, summary.document)
                cells.append(Text(reason, "italic") if reason else origin)
            else:
                counts = dict(summary.flags)
                cells = [
                    Text(summary.name),  # a Text: DataTable reads a str cell as markup
                    _percent(summary.similarity),
                    _percent(summary.base_reused),
                    _count(summary.reworded),
                    _count(summary.moved),
                    _count(summary.added),
                    _count(summary.omitted),
                ]
                cells += [_count(counts.get(flag, 0)) for flag in Flag]
                cells.append(_copied(collation, summary.document))
            self.add_row(*cells, key=str(summary.document))
