"""The story list as rows: what each column shows, sorted and filtered (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from wirediff.corpus.export import clean, outlets, span
from wirediff.corpus.model import Grouping, Story

SORTS = ("size", "date", "outlets", "title")
"""Orders the list cycles through: largest first, earliest first, most outlets, headline A-Z."""


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story as the list shows it."""

    story: int
    """The story's id."""
    size: int
    variants: int
    outlets: int
    outlet_names: str
    first: str
    last: str
    title: str
    original: str
    """The original's outlet (or id when the outlet is unknown)."""

    @property
    def when(self) -> str:
        """The time span: one day, or first and last day."""
        if not self.first:
            return "date unknown"
        if self.first[:10] == self.last[:10]:
            return self.first[:10]
        return f"{self.first[:10]} – {self.last[:10]}"


def story_rows(grouping: Grouping) -> list[StoryRow]:
    """A row per story, in the grouping's order (largest first)."""
    rows = []
    for story in grouping.stories:
        first, last = span(grouping, story)
        names = outlets(grouping, story)
        original = grouping.articles[story.original]
        rows.append(
            StoryRow(
                story=story.id,
                size=len(story.articles),
                variants=len(story.variants),
                outlets=len(names),
                outlet_names=clean(", ".join(names)),
                first=clean(first),
                last=clean(last),
                title=clean(original.title) or clean(original.id),
                original=clean(original.outlet or original.id),
            )
        )
    return rows


def arrange(rows: list[StoryRow], sort: str, search: str = "") -> list[StoryRow]:
    """``rows`` matching ``search`` (headline, outlets; case-insensitive), in ``sort`` order."""
    needle = search.casefold().strip()
    kept = [
        row
        for row in rows
        if not needle or needle in row.title.casefold() or needle in row.outlet_names.casefold()
    ]
    if sort == "date":
        return sorted(kept, key=lambda r: (r.first or "9999", r.story))
    if sort == "outlets":
        return sorted(kept, key=lambda r: (-r.outlets, r.story))
    if sort == "title":
        return sorted(kept, key=lambda r: (r.title.casefold(), r.story))
    return sorted(kept, key=lambda r: (-r.size, r.story))


def story_of(grouping: Grouping, story_id: int) -> Story:
    """The story with ``story_id``."""
    return grouping.stories[story_id - 1]
