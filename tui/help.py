"""The help screen: every key, and what the marks and badges mean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from wirediff.present.cells import flag_legend
from wirediff.present.legend import ROW_KINDS


def _bindings(groups: Iterable[Sequence[BindingType]]) -> list[Binding]:
    found: list[Binding] = []
    for group in groups:
        for binding in group:
            if isinstance(binding, Binding):
                found.append(binding)
    return found


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and the view, with the legend of marks and badges."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark",
            "dismiss",
            "Close",
            id="help.close",
            tooltip="Close the help screen",
        ),
        Binding(
            "j,down",
            "scroll(1)",
            "Scroll down",
            show=False,
            id="help.down",
            tooltip="Scroll the help down",
        ),
        Binding(
            "k,up",
            "scroll(-1)",
            "Scroll up",
            show=False,
            id="help.up",
            tooltip="Scroll the help up",
        ),
        Binding(
            "space,pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="help.page_down",
            tooltip="Scroll the help one screen down",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            show=False,
            id="help.page_up",
            tooltip="Scroll the help one screen up",
        ),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "wirediff — keys and marks"
            body.border_subtitle = "esc to close"
            yield Static(self.render_help(), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def on_screen_resume(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_home(animate=False)
        body.focus()

    def action_scroll(self, direction: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=direction * 3, animate=False)

    def action_page(self, direction: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=direction * max(1, body.size.height - 2), animate=False)

    def render_help_text(self, width: int = 120) -> str:
        """The help as plain text."""
        from .detail import plain

        return plain(self.render_help(), width)

    def render_help(self) -> RenderableType:
        """Keys by section, then the marks and flag badges."""
        parts: list[RenderableType] = []
        for title, bindings in self.sections:
            table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
            table.add_column("key", style="bold", no_wrap=True, min_width=14)
            table.add_column("what")
            for binding in _bindings([bindings]):
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, "")) for key in binding.key.split(",")
                )
                table.add_row(keys, binding.tooltip or binding.description)
            parts.append(Text(title, style="bold underline"))
            parts.append(table)
            parts.append(Text(""))
        marks = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        marks.add_column("mark", style="bold", no_wrap=True, min_width=14)
        marks.add_column("meaning")
        for look in ROW_KINDS:
            marks.add_row(f"{look.mark}  {look.name}", look.meaning)
        parts.append(Text("Marks (first character of each cell)", style="bold underline"))
        parts.append(marks)
        parts.append(Text(""))
        badges = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        badges.add_column("badge", style="bold", no_wrap=True, min_width=14)
        badges.add_column("meaning")
        for badge, label in flag_legend():
            badges.add_row(badge, label)
        parts.append(Text("Flags (badges at the start of a cell)", style="bold underline"))
        parts.append(badges)
        return Group(*parts)
