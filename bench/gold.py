"""Gold alignments as character offsets, shared by the hand labels and the synthetic set."""

from __future__ import annotations

from dataclasses import dataclass, field

FLAGS = (
    "quote_altered",
    "quote_dropped",
    "number_changed",
    "name_changed",
    "attribution_changed",
)
"""The flag vocabulary, as the engine's ``Flag`` values."""


@dataclass(frozen=True, slots=True)
class GoldLink:
    """Base and other sentences (by start offset) that carry the same content."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    flags: frozenset[str] = frozenset()
    kind: str | None = None
    """``identical`` or ``reworded``; ``None`` when the labels do not say."""
    edits: tuple[str, ...] = ()
    """The synthetic edits that produced this link (empty for hand labels)."""
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One labelled pair of versions: texts, paths and the gold links."""

    name: str
    base_path: str
    other_path: str
    base_text: str
    other_text: str
    links: tuple[GoldLink, ...]
    omitted: tuple[int, ...] = ()
    added: tuple[int, ...] = ()
    added_edits: tuple[str, ...] = field(default=())
    """For each ``added`` offset, the synthetic edit that put it there."""
    omitted_edits: tuple[str, ...] = field(default=())
    """For each ``omitted`` offset, the synthetic edit that removed it (``delete``)."""
