"""The wirediff terminal app: versions side by side, changes marked, keys to walk them.

``run`` is what the ``wirediff`` command calls in a terminal; ``make_app`` builds the app (the
tests use it too). Documents are loaded before the app starts, so a bad file is a one-line error
on the terminal; the alignment runs in a thread worker while the app is already on screen.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from wirediff.core import (
    DEFAULT_SETTINGS,
    AlignSettings,
    Collation,
    Document,
    TermWeights,
    WirediffError,
    collate,
    load_documents,
)
from wirediff.core.collation import resolve_base
from wirediff.core.model import distinct_labels
from wirediff.core.visible import visible_collation, visible_line

from .aligned_view import AlignedView
from .column_header import ColumnHeader
from .detail import DetailScreen
from .export import ExportScreen
from .footer import SteadyFooter
from .grid_screen import GRID_FIRST_VERSIONS, GridScreen, open_grid
from .grid_view import GridView
from .help import HelpScreen
from .messages import AlignPartial, AlignProgress
from .status import StatusLine, describe
from .styles import KeptStylesheet
from .summary import SummaryPanel

EXIT_ERROR = 2
HELP_SCREEN = "help"
EXPORT_SCREEN = "export"
SUMMARY_MIN_HEIGHT = 32
"""On a shorter terminal the summary panel starts hidden (``s`` shows it)."""


def _same(one: Sequence[Document], other: Sequence[Document]) -> bool:
    """The same document objects, in the same order."""
    return len(one) == len(other) and all(a is b for a, b in zip(one, other, strict=True))


class _Cancelled(Exception):
    """Raised inside the worker to stop an alignment nobody waits for any more."""


class WirediffApp(App[int]):
    """Compare versions of one story: one column per version, one row per passage."""

    CSS_PATH = "app.tcss"
    TITLE = "wirediff"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            id="app.help",
            tooltip="List every key and explain the marks",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            id="app.search",
            tooltip="Search all versions; n/N then step through the matches",
        ),
        Binding(
            "enter",
            "detail",
            "Detail",
            id="app.detail",
            tooltip="Show the selected passage in full in every version",
        ),
        Binding(
            "o",
            "grid",
            "Grid",
            id="app.grid",
            tooltip="The survival grid: every passage of the base in every version, by date",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="app.export",
            tooltip="Write a report (HTML, Markdown, JSON, text, CSV)",
        ),
        Binding(
            "b",
            "rebase",
            "Make base",
            show=False,
            id="app.rebase",
            tooltip="Make the focused version the base and align again",
        ),
        Binding(
            "s",
            "toggle_summary",
            "Summary",
            id="app.summary",
            tooltip="Show or hide the summary panel",
        ),
        Binding(
            "S",
            "focus_summary",
            "Summary focus",
            show=False,
            id="app.focus_summary",
            tooltip="Move into the summary panel: arrows scroll it, enter focuses that version",
        ),
        Binding(
            "t",
            "toggle_theme",
            "Light/dark",
            show=False,
            id="app.theme",
            tooltip="Switch between the light and the dark theme",
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear search",
            show=False,
            id="app.clear_search",
            tooltip="Close the search box, or clear the active search",
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave wirediff"),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        base: int | str | None = 0,
        all_pairs: bool = False,
        weights: TermWeights | None = None,
        settings: AlignSettings = DEFAULT_SETTINGS,
    ) -> None:
        super().__init__()
        # t switches the theme; the rules parsed for each theme are kept (tui/styles.py).
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self.documents = tuple(documents)
        self.requested_base = base
        self.all_pairs = all_pairs
        self.weights = weights
        """Term weights for every alignment (a corpus story: fitted on the whole pile)."""
        self.settings = settings
        """The aligner's settings (a corpus story: its versions are known to be one story)."""
        self.collation: Collation | None = None
        self.aligning = False
        """True from the start of an alignment until its result (or failure) is shown."""
        self._visible_documents: tuple[tuple[Document, ...], tuple[Document, ...]] | None = None
        """(documents, the same made visible) for ``_visible`` to reuse."""
        self.sub_title = f"{len(self.documents)} versions"

    def compose(self) -> ComposeResult:
        yield SummaryPanel(id="summary")
        yield ColumnHeader(id="columns")
        yield AlignedView(id="aligned")
        yield Input(placeholder="Search all versions (enter to search, esc to cancel)", id="search")
        yield StatusLine(id="status")
        yield SteadyFooter(compact=True, show_command_palette=False)

    @property
    def view(self) -> AlignedView:
        """The aligned view."""
        return self.query_one(AlignedView)

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        if self.size.height < SUMMARY_MIN_HEIGHT:
            self.query_one(SummaryPanel).display = False
        self.view.focus()
        for document in self.documents:
            for note in document.notes:
                self.notify(
                    visible_line(f"{document.name}: {note}"),
                    severity="warning",
                    timeout=8,
                    markup=False,  # a file name is never markup: "[@click=app.quit]x.txt"
                )
        gc.freeze()  # the loaded documents stay: the alignment's collections need not walk them
        self.start_alignment(self.requested_base)

    # --- alignment --------------------------------------------------------------------------

    def start_alignment(self, base: int | str | None) -> None:
        """Align in the worker; the current view stays until the new one is ready."""
        status = self.query_one(StatusLine)
        status.show_progress(0, 1)
        self.aligning = True
        if self.collation is None:
            self.view.set_message("Aligning the versions…")
            self._preview(base)
        self.align(base)

    def _preview(self, base: int | str | None) -> None:
        """Show the base alone while the versions are being aligned (a first screen early)."""
        try:
            index = resolve_base(base, self.documents)
        except WirediffError:
            return
        if index is None or len(self.documents) < 2:
            return  # --base auto: the base is known only once the versions are compared
        documents = distinct_labels(self.documents)
        preview = self._visible(Collation(documents, index, False, (), ()))
        self.view.show(preview, preview=True)

    def _visible(self, collation: Collation) -> Collation:
        """``visible_collation(collation)``, reusing the documents made visible before.

        Every alignment (the preview, the versions compared so far, a new base) holds the same
        documents; making 18,000 sentences visible again took a fifth of a second each time.
        """
        made = self._visible_documents
        if made is None or not _same(made[0], collation.documents):
            shown = visible_collation(collation)
            self._visible_documents = (collation.documents, shown.documents)
            return shown
        return replace(visible_collation(replace(collation, documents=())), documents=made[1])

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def align(self, base: int | str | None) -> Collation:
        """Collate the documents against ``base`` (runs in a thread)."""
        worker = get_current_worker()

        first = self.collation is None

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(AlignProgress(done, total))

        def partial(collation: Collation) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            if first and len(collation.comparisons) < len(collation.documents) - 1:
                self.post_message(AlignPartial(collation))

        return collate(
            self.documents,
            base=base,
            all_pairs=self.all_pairs,
            weights=self.weights,
            settings=self.settings,
            progress=progress,
            partial=partial,
        )

    def on_align_progress(self, message: AlignProgress) -> None:
        self.query_one(StatusLine).show_progress(message.done, message.total)

    def on_align_partial(self, message: AlignPartial) -> None:
        """The first alignment: show the versions already compared while the others are."""
        if self.collation is None and self.aligning:
            self.view.show(self._visible(message.collation), preview=True)

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "align":
            return
        status = self.query_one(StatusLine)
        if event.state is WorkerState.SUCCESS and isinstance(worker.result, Collation):
            status.hide_progress()
            self.show_collation(worker.result)
            self.aligning = False
        elif event.state is WorkerState.ERROR:
            status.hide_progress()
            self.aligning = False
            error = worker.error
            if isinstance(error, _Cancelled):
                return
            message = (
                error.message
                if isinstance(error, WirediffError)
                else f"alignment failed: {type(error).__name__}: {error}"
            )
            message = visible_line(message)
            self.notify(message, title="wirediff", severity="error", timeout=10, markup=False)
            if self.collation is None:
                self.view.set_message(f"Could not align the versions: {message}")
                status.show_text(Text(message))  # a Text: file names are never markup
            else:
                status.show_text(describe(self.view))

    def show_collation(self, collation: Collation) -> None:
        """Show a finished alignment everywhere.

        ``self.collation`` keeps the raw text for export; the screen shows a copy whose control
        characters are visible (an escape sequence in a document never reaches the terminal).
        """
        first = self.collation is None
        self.collation = collation
        shown = self._visible(collation)
        self.query_one(SummaryPanel).show(shown)
        self.view.show(shown)
        base = shown.documents[shown.base]
        role = "likely wire original" if collation.base_is_guess else "base"
        self.sub_title = f"{len(collation.documents)} versions · {role}: {base.label}"
        if first and len(collation.documents) >= GRID_FIRST_VERSIONS:
            open_grid(self, shown)
        # What is shown now lives as long as it is shown: the collector stops walking it. Three
        # 6,000-sentence versions make millions of objects, and each full collection of them
        # stalled a key by 0.8 s; frozen, a full collection takes 50 ms.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # the next app in this process (tests) starts with a collector as usual

    @on(AlignedView.Changed)
    def _view_changed(self, event: AlignedView.Changed) -> None:
        self.query_one(ColumnHeader).show(
            event.collation, event.columns, event.order, event.focused_document
        )
        if self.collation is not None:
            self.query_one(StatusLine).show_text(event.status)

    # --- actions ----------------------------------------------------------------------------

    def action_help(self) -> None:
        # Made once and kept (installed): opening it again costs no layout or rendering.
        if not self.is_screen_installed(HELP_SCREEN):
            sections = [
                ("Moving around", AlignedView.BINDINGS),
                ("Everywhere", self.BINDINGS),
                ("Summary panel", SummaryPanel.BINDINGS),
                ("Survival grid (o)", [*GridScreen.BINDINGS, *GridView.BINDINGS]),
                ("Detail panel", DetailScreen.BINDINGS),
                ("Export dialog", ExportScreen.BINDINGS),
            ]
            self.install_screen(HelpScreen(sections), HELP_SCREEN)
        self.push_screen(HELP_SCREEN)

    def action_detail(self) -> None:
        view = self.view
        if self.collation is None or not view.items:
            return
        item = view.items[view.cursor]
        if item.folded:
            view.fold_boilerplate = False
            return
        row = view.rows[item.row]
        label = view.passage_label
        if row.cells[0].sentences:
            label = f"Passage {label}"
        shown = view.collation or self.collation
        self.push_screen(DetailScreen(shown, row, view.cursor, len(view.items), label))

    def action_grid(self) -> None:
        if self.collation is None:
            self.notify("Still aligning; the grid shows when the versions are aligned.", timeout=3)
            return
        open_grid(self, self.view.collation or self.collation)

    def action_export(self) -> None:
        if self.collation is None:
            self.notify("Still aligning; export when the versions are shown.", timeout=3)
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(
                    visible_line(f"Wrote {path}"), title="Report exported", timeout=6, markup=False
                )

        # Made once and kept (installed), so that opening it again is quick.
        if not self.is_screen_installed(EXPORT_SCREEN):
            self.install_screen(ExportScreen(self.collation), EXPORT_SCREEN)
        screen = self.get_screen(EXPORT_SCREEN)
        assert isinstance(screen, ExportScreen)
        screen.collation = self.collation
        self.push_screen(screen, written)

    def action_rebase(self) -> None:
        if self.collation is None:
            return
        focused = self.view.focused_document
        if focused == self.collation.base:
            self.notify("That is already the base; tab to another version first.", timeout=3)
            return
        name = visible_line(self.collation.documents[focused].label)
        self.notify(f"Aligning again with {name} as the base…", timeout=3, markup=False)
        self.start_alignment(focused)

    def action_toggle_summary(self) -> None:
        summary = self.query_one(SummaryPanel)
        summary.display = not summary.display

    def action_focus_summary(self) -> None:
        summary = self.query_one(SummaryPanel)
        summary.display = True
        summary.focus()

    @on(SummaryPanel.VersionChosen)
    def _version_chosen(self, event: SummaryPanel.VersionChosen) -> None:
        view = self.view
        if event.document in view.order:
            view.focused_document = event.document
        else:
            self.notify("That version is not shown (v shows all versions).", timeout=3)
        view.focus()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self.view.search_text
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        view = self.view
        search = self.query_one("#search", Input)
        search.display = False
        view.focus()
        view.search_text = event.value.strip()
        hits = view.search_hits
        if view.search_text and not hits:
            self.notify(
                visible_line(f"No passage contains “{view.search_text}”."), timeout=3, markup=False
            )
        elif hits and view.cursor not in hits:
            following = [position for position in hits if position > view.cursor]
            view.select(following[0] if following else hits[0], jump=True)

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.view.focus()
        elif self.view.search_text:
            self.view.search_text = ""


def make_app(
    files: Sequence[str],
    base: int | str | None = "0",
    all_pairs: bool = False,
    manifest: str | None = None,
    refresh: bool = False,
) -> WirediffApp:
    """Load the documents and build the app; raises WirediffError for bad input."""
    if not files and not manifest:
        from wirediff.core.load import load_bundled_seeds

        documents = load_bundled_seeds()
    else:
        documents = load_documents(files, manifest=manifest, refresh=refresh)
    resolve_base(base, documents)
    return WirediffApp(documents, base=base, all_pairs=all_pairs)


def run(
    files: Sequence[str],
    base: int | str | None = "0",
    all_pairs: bool = False,
    manifest: str | None = None,
    refresh: bool = False,
) -> int:
    """Open the app on ``files``; a WirediffError is printed (a line per problem), returns 2."""
    try:
        app = make_app(files, base=base, all_pairs=all_pairs, manifest=manifest, refresh=refresh)
    except WirediffError as error:
        for line in error.message.splitlines() or [""]:
            print(f"wirediff: {visible_line(line)}", file=sys.stderr)
        return EXIT_ERROR
    result = app.run()
    return result if isinstance(result, int) else 0
