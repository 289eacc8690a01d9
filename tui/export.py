"""The export dialog: pick a report format and a path, write the report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from wirediff.core import __version__
from wirediff.core.model import Collation
from wirediff.core.visible import visible_line
from wirediff.reports import EXTENSIONS, RENDERERS, render

DEFAULT_STEM = "wirediff-report"
PREFERRED = ("html", "md", "json", "txt", "csv")


def default_format() -> str:
    """The first registered format a reader can open directly."""
    for name in PREFERRED:
        if name in RENDERERS:
            return name
    return next(iter(RENDERERS))


def default_path(format_name: str, folder: str | None = None) -> str:
    """``wirediff-report.<ext>`` in ``folder`` (the current directory by default)."""
    extension = EXTENSIONS.get(format_name, f".{format_name}")
    return os.path.join(folder or os.getcwd(), DEFAULT_STEM + extension)


def write_report(collation: Collation, format_name: str, path: str) -> Path:
    """Render and write the report; OSError and unknown formats become a ValueError."""
    if format_name not in RENDERERS:
        raise ValueError(f"unknown format {format_name!r}")
    target = Path(path).expanduser()
    if target.is_dir():
        raise ValueError(f"{target} is a folder; give a file name")
    text = render(collation, format_name, __version__)
    try:
        target.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise ValueError(f"{target}: cannot write ({error.strerror or error})") from None
    return target


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a format and a path, writes the report, returns the path written (or None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without writing"),
    ]

    def __init__(self, collation: Collation) -> None:
        super().__init__()
        self.collation = collation
        self.format_name = default_format()
        self._confirmed = ""
        """The existing file the user agreed to overwrite."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export a report"
            yield Label("Format")
            yield Select(
                [(name, name) for name in RENDERERS],
                value=self.format_name,
                allow_blank=False,
                id="export-format",
            )
            yield Label("Write to")
            yield Input(default_path(self.format_name), id="export-path")
            yield Label("", id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-write")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_screen_resume(self) -> None:
        """Opened again: no old error or confirmation, the path field focused."""
        self._confirmed = ""
        self.query_one("#export-error", Label).update("")
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        new = str(event.value)
        path_input = self.query_one("#export-path", Input)
        old_extension = EXTENSIONS.get(self.format_name, "")
        path = path_input.value
        if old_extension and path.endswith(old_extension):
            path_input.value = path[: -len(old_extension)] + EXTENSIONS.get(new, f".{new}")
        self.format_name = new

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-write")
    def _write(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Label)
        if not path:
            error.update("Give a file name.")
            return
        target = Path(path).expanduser()
        if target.is_file() and self._confirmed != str(target):
            self._confirmed = str(target)
            error.update(f"{target} exists: press enter (or Export) again to overwrite it.")
            return
        try:
            written = write_report(self.collation, self.format_name, path)
        except ValueError as problem:
            error.update(Text(visible_line(str(problem))))  # the path is text, not markup
            return
        self.dismiss(written)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
