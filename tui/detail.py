"""The detail panel: one passage in full, in every version, with its word changes and flags."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from wirediff.core.model import Collation, Flag, Link
from wirediff.present.cells import (
    Piece,
    badge_pieces,
    diff_pieces,
    plain_text,
)
from wirediff.present.evidence import evidence_line
from wirediff.present.legend import FLAGS, PIECE_STYLES, flag_labels, kind_look, sentence_numbers
from wirediff.present.rows import Cell, CellStatus, Row

from .styles import component_style


def plain(renderable: RenderableType, width: int) -> str:
    """``renderable`` as plain text ``width`` cells wide."""
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def _numbers(indexes: Sequence[int]) -> str:
    if not indexes:
        return ""
    numbers = sentence_numbers(indexes, ", ")
    return f"sentence {numbers}" if len(indexes) == 1 else f"sentences {numbers}"


class DetailScreen(ModalScreen[None]):
    """Every version of one passage in full, its word-level diff, flags and scores."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,enter,q",
            "dismiss",
            "Close",
            id="detail.close",
            tooltip="Close the detail panel",
        ),
        Binding(
            "j,down",
            "scroll(1)",
            "Scroll down",
            show=False,
            id="detail.down",
            tooltip="Scroll the detail down",
        ),
        Binding(
            "k,up",
            "scroll(-1)",
            "Scroll up",
            show=False,
            id="detail.up",
            tooltip="Scroll the detail up",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"detail--{name}" for name in PIECE_STYLES),
        "detail--heading",
        "detail--document",
        "detail--label",
    }

    def __init__(
        self, collation: Collation, row: Row, position: int, total: int, label: str = ""
    ) -> None:
        super().__init__()
        self.collation = collation
        self.row = row
        self.position = position
        self.total = total
        self.label = label
        """The passage's stable name (its base sentence numbers), as the status line says it."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            where = f"{self.position + 1} of {self.total}"
            body.border_title = f"{self.label} ({where})" if self.label else f"Passage {where}"
            body.border_subtitle = "esc to close"
            yield Static(id="detail-text")

    def on_mount(self) -> None:
        self.query_one("#detail-text", Static).update(self.render_detail())
        self.query_one("#detail-body").focus()

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        body.scroll_relative(y=direction * 3, animate=False)

    def render_detail_text(self, width: int = 120) -> str:
        """The panel as plain text (for tests and copying)."""
        return plain(self.render_detail(), width)

    def _style(self, name: str) -> Style:
        return component_style(self, f"detail--{name}")

    def _paragraph(self, pieces: Sequence[Piece], indent: int = 4) -> Padding:
        """``pieces`` as a paragraph whose every line is indented."""
        return Padding(self._text(pieces, ""), (0, 0, 0, indent))

    def _text(self, pieces: Sequence[Piece], indent: str = "    ") -> Text:
        text = Text(indent)
        for piece in pieces:
            text.append(piece.text, self._style(piece.style))
        return text

    def render_detail(self) -> RenderableType:
        """The whole panel as one renderable."""
        row = self.row
        parts: list[RenderableType] = []
        heading = Text(f"{kind_look(row.kind).mark} {row.kind.value}", self._style("heading"))
        if row.flags:
            heading.append("   ")
            heading.append_text(self._text(badge_pieces(row.flags), ""))
            heading.append(flag_labels(row.flags))
        parts.append(heading)
        for position, cell in enumerate(row.cells):
            parts.append(Text(""))
            parts.extend(self._cell(cell, is_base=position == 0))
        return Group(*parts)

    def _cell(self, cell: Cell, is_base: bool) -> list[RenderableType]:
        collation = self.collation
        document = collation.documents[cell.document]
        title = Text()
        symbol = kind_look(cell.status).mark
        role = "BASE " if is_base else ""
        title.append(f"{symbol} {role}{document.label}", self._style("document"))
        status = kind_look(cell.status).detail
        details = [status] if not is_base else []
        if cell.sentences:
            details.append(_numbers(cell.sentences))
        for link in cell.links:
            details.append(f"score {link.score:.2f}")
        title.append("  " + " · ".join(details), self._style("label"))
        lines: list[RenderableType] = [title]
        flags = sorted({f for link in cell.links for f in link.flags}, key=list(Flag).index)
        if flags:
            flag_line = self._text(badge_pieces(flags))
            flag_line.append(flag_labels(flags), self._style("label"))
            lines.append(flag_line)
        if not is_base:
            lines.extend(self._evidence(cell.links))
        if cell.status is CellStatus.MOVED_AWAY:
            for link in cell.links:
                where = _numbers(link.other)
                lines.append(Text(f"    moved to its {where}:", self._style("moved")))
                lines.extend(self._linked_text(cell.document, link.other, [link]))
            return lines
        if cell.status is CellStatus.MOVED and cell.moved_from:
            lines.append(
                Text(f"    moved from base {_numbers(cell.moved_from)}", self._style("moved"))
            )
        if not cell.sentences:
            return lines
        if cell.status in (CellStatus.REWORDED, CellStatus.MOVED) and any(
            link.edits for link in cell.links
        ):
            lines.extend(self._linked_text(cell.document, cell.sentences, cell.links))
        else:
            style = {
                CellStatus.ADDED: "added",
                CellStatus.BOILERPLATE: "boilerplate",
                CellStatus.IDENTICAL: "identical",
            }.get(cell.status, "text")
            lines.append(self._paragraph([Piece(plain_text(document, cell.sentences), style)]))
        return lines

    def _evidence(self, links: Sequence[Link]) -> list[RenderableType]:
        """What each flag changed, then why each link was made."""
        lines: list[RenderableType] = []
        for link in links:
            for note in link.flag_notes:
                line = Text()
                line.append(FLAGS[note.flag].badge, self._style("badge"))
                line.append(" " + note.text)
                lines.append(Padding(line, (0, 0, 0, 6)))
            why = Text(f"why linked: {evidence_line(link)}", self._style("label"))
            lines.append(Padding(why, (0, 0, 0, 4)))
        return lines

    def _linked_text(
        self, document_index: int, sentences: Sequence[int], links: Sequence[Link]
    ) -> list[RenderableType]:
        document = self.collation.documents[document_index]
        edits = [edit for link in links for edit in link.edits]
        lines: list[RenderableType] = [self._paragraph(diff_pieces(document, sentences, edits))]
        if edits:
            lines.append(Text("    word changes:", self._style("label")))
            for edit in edits:
                change = Text()
                if edit.base.strip():
                    change.append(" ".join(edit.base.split()), self._style("deleted"))
                if edit.base.strip() and edit.other.strip():
                    change.append(" → ")
                if edit.other.strip():
                    change.append(" ".join(edit.other.split()), self._style("inserted"))
                change.append(f"  ({edit.op})", self._style("label"))
                lines.append(Padding(change, (0, 0, 0, 6)))
        return lines
