"""The story list: every story of a pile, sortable and searchable; ``enter`` opens one.

``run`` shows the list; choosing a story opens it in the aligned view (``WirediffApp``, the app
``wirediff FILE...`` opens) with the story's likely original as the base, one version per distinct
body, aligned with term weights fitted on the whole pile; quitting that view comes back to the
list where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Input, Static

from wirediff.core.align import TermWeights
from wirediff.core.model import Document
from wirediff.core.settings import AlignSettings
from wirediff.corpus.model import Grouping
from wirediff.corpus.original import article_document, pile_weights
from wirediff.present.story_list import SORTS, StoryRow, arrange, story_of, story_rows

if TYPE_CHECKING:
    from .app import WirediffApp

MAX_VERSIONS = 12
"""A story opens with at most this many versions (the original and the largest variants)."""


class StoryTable(DataTable[str | Text]):
    """The stories, one a row; ``enter`` opens the one under the cursor (shown in the footer:
    the table's own ``enter`` binding is hidden, and it shadows the app's)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Open",
            key_display="⏎",
            id="stories.open_row",
            tooltip="Open the story in the aligned view, its original as the base",
        ),
    ]

    def on_resize(self, event: events.Resize) -> None:
        # The headlines are cut to the width the table has (known from its first layout on).
        app = self.app
        if isinstance(app, StoriesApp) and app.shown and app.filled_width != self.size.width:
            app.refill(keep_cursor=True)


def clip(text: str, width: int) -> Text:
    """``text`` on one line of at most ``width`` cells, ending in "…" when cut."""
    line = Text(" ".join(text.split()), no_wrap=True, overflow="ellipsis")
    line.truncate(max(1, width), overflow="ellipsis")
    return line


@dataclass(frozen=True, slots=True)
class ListState:
    """Where the list was, so that it comes back the same after a story is closed."""

    sort: str = "size"
    search: str = ""
    cursor: int = 0


class StoriesApp(App[int | None]):
    """A table of stories; returns the chosen story's id (``None`` on quit)."""

    CSS = """
    #stories { height: 1fr; }
    #story-search { dock: bottom; }
    #story-status { height: 1; background: $panel; padding: 0 1; }
    """
    TITLE = "wirediff stories"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Open",
            id="stories.open",
            tooltip="Open the story in the aligned view, its original as the base",
        ),
        Binding(
            "s",
            "sort",
            "Sort",
            id="stories.sort",
            tooltip="Sort by size, date, number of outlets or headline",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            id="stories.search",
            tooltip="Show only stories whose headline or outlets contain a text",
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear search",
            show=False,
            id="stories.clear",
            tooltip="Close the search box, or show every story again",
        ),
        Binding("q", "quit_list", "Quit", id="stories.quit", tooltip="Leave wirediff"),
    ]

    def __init__(self, grouping: Grouping, state: ListState = ListState()) -> None:
        super().__init__()
        self.grouping = grouping
        self.rows = story_rows(grouping)
        self.state = state
        self.shown: list[StoryRow] = []
        self.filled_width = 0
        """The table's width when its headlines were last cut (a resize to another refills)."""
        self.sub_title = grouping.summary()

    def compose(self) -> ComposeResult:
        yield StoryTable(id="stories", cursor_type="row", zebra_stripes=True)
        yield Input(
            placeholder="Search headlines and outlets (enter to search, esc to cancel)",
            id="story-search",
        )
        yield Static("", id="story-status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in (
            ("#", "story"),
            ("articles", "size"),
            ("bodies", "variants"),
            ("outlets", "outlets"),
            ("when", "when"),
            ("original", "original"),
            ("headline of the original", "title"),
        ):
            table.add_column(label, key=key)
        self.query_one(Input).display = False
        self.refill()
        table.move_cursor(row=min(self.state.cursor, max(len(self.shown) - 1, 0)))
        table.focus()

    def _title_width(self) -> int:
        """Cells left for the headline: the table's width less the other columns (as wide as
        their longest value, two cells of padding each) and the scroll bar."""
        others = {
            "story": max((len(str(row.story)) for row in self.shown), default=1),
            "size": max((len(str(row.size)) for row in self.shown), default=1),
            "variants": max((len(str(row.variants)) for row in self.shown), default=1),
            "outlets": max((len(str(row.outlets)) for row in self.shown), default=1),
            "when": max((Text(row.when).cell_len for row in self.shown), default=1),
            "original": max((Text(row.original).cell_len for row in self.shown), default=1),
        }
        table = self.query_one(DataTable)
        labels = {str(key.value): column.label.cell_len for key, column in table.columns.items()}
        used = sum(max(width, labels.get(key, 0)) + 2 for key, width in others.items())
        return max(12, table.size.width - used - 2 - 2)

    def refill(self, keep_cursor: bool = False) -> None:
        """Rebuild the table from the rows, sort and search (headlines cut to the width left)."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        self.shown = arrange(self.rows, self.state.sort, self.state.search)
        room = self._title_width()
        self.filled_width = table.size.width
        for row in self.shown:
            # Text, not str: a headline like "[bold]" must not be read as markup
            table.add_row(
                str(row.story),
                str(row.size),
                str(row.variants),
                str(row.outlets),
                Text(row.when),
                Text(row.original),
                clip(row.title, room),
                key=str(row.story),
            )
        if keep_cursor:
            table.move_cursor(row=min(cursor, max(len(self.shown) - 1, 0)))
        status = f"{len(self.shown)} of {len(self.rows)} stories · sorted by {self.state.sort}"
        if self.state.search:
            status += f" · search “{self.state.search}” (esc clears)"
        self.query_one("#story-status", Static).update(status)

    def _cursor(self) -> int:
        return self.query_one(DataTable).cursor_row

    def action_open(self) -> None:
        if self.shown:
            row = self.shown[self._cursor()]
            self.state = replace(self.state, cursor=self._cursor())
            self.exit(row.story)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_sort(self) -> None:
        following = SORTS[(SORTS.index(self.state.sort) + 1) % len(SORTS)]
        self.state = replace(self.state, sort=following, cursor=0)
        self.refill()

    def action_search(self) -> None:
        search = self.query_one(Input)
        search.value = self.state.search
        search.display = True
        search.focus()

    @on(Input.Submitted, "#story-search")
    def _search(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.state = replace(self.state, search=event.value.strip(), cursor=0)
        self.refill()
        self.query_one(DataTable).focus()

    def action_clear_search(self) -> None:
        search = self.query_one(Input)
        if search.display:
            search.display = False
            self.query_one(DataTable).focus()
        elif self.state.search:
            self.state = replace(self.state, search="", cursor=0)
            self.refill()

    def action_quit_list(self) -> None:
        self.exit(None)


def story_documents(grouping: Grouping, story_id: int) -> tuple[tuple[Document, ...], int]:
    """One document per distinct body of a story (original first, then largest variants)."""
    story = story_of(grouping, story_id)
    variants = sorted(story.variants, key=lambda v: (story.original not in v, -len(v), v[0]))
    documents = []
    for members in variants[:MAX_VERSIONS]:
        index = story.original if story.original in members else members[0]
        document = article_document(grouping.articles[index])
        notes = (f"same text in {len(members) - 1} more articles",) if len(members) > 1 else ()
        documents.append(replace(document, notes=document.notes + notes))
    return tuple(documents), 0


class PileWeights:
    """The aligner's term weights fitted on the whole pile, made once when first needed.

    From the counts ``group(..., count_terms=True)`` made on the engine; a grouping without them
    (``group`` called without) is counted here, on first use."""

    def __init__(self, grouping: Grouping) -> None:
        self.grouping = grouping
        self._weights: TermWeights | None = None

    def get(self) -> TermWeights:
        if self._weights is None:
            terms = self.grouping.terms
            if terms is None:
                self._weights = TermWeights.fit(
                    article_document(article) for article in self.grouping.articles
                )
            else:
                self._weights = pile_weights(terms)
        return self._weights


def story_app(grouping: Grouping, story_id: int, weights: PileWeights) -> WirediffApp:
    """The aligned view of one story: its original as the base, the pile's term weights."""
    from .app import WirediffApp

    documents, base = story_documents(grouping, story_id)
    # the pile's grouping verified that these versions share narrative text: one story
    settings = AlignSettings(one_story=True)
    return WirediffApp(documents, base=base, weights=weights.get(), settings=settings)


def run(grouping: Grouping) -> int:
    """Show the story list; open stories until the user quits."""
    state = ListState()
    weights = PileWeights(grouping)
    while True:
        app = StoriesApp(grouping, state)
        chosen = app.run()
        state = app.state
        if chosen is None:
            return 0
        story_app(grouping, chosen, weights).run()
