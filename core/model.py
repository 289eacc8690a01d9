"""The values wirediff computes: documents, sentences, links and comparisons.

Every value is a frozen dataclass holding tuples, so results can be shared between threads
and cached. Offsets are half-open character offsets into ``Document.text``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Role(StrEnum):
    """What a segment is on the page."""

    HEADLINE = "headline"
    HEADING = "heading"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    BOILERPLATE = "boilerplate"


class Kind(StrEnum):
    """How a linked group of sentences differs between the two versions."""

    IDENTICAL = "identical"
    REWORDED = "reworded"


class Flag(StrEnum):
    """The changes a journalist checks first."""

    QUOTE_ALTERED = "quote_altered"
    QUOTE_DROPPED = "quote_dropped"
    NUMBER_CHANGED = "number_changed"
    NAME_CHANGED = "name_changed"
    ATTRIBUTION_CHANGED = "attribution_changed"


_HASHLIKE = re.compile(r"^[0-9a-f]{8,}$", re.IGNORECASE)


def short_name(name: str) -> str:
    """A file name without its extension and hash-like parts: ``001_d2c0166b2a2dd97c.txt`` ->
    ``001``; ``reuters-2025-02-06.html`` -> ``reuters-2025-02-06``."""
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    parts = re.split(r"([_\s]+)", stem)  # words and the separators between them, kept
    words = parts[0::2]
    kept: list[str] = []
    for position, word in enumerate(words):
        if word and not _HASHLIKE.match(word):
            if kept:
                kept.append(parts[2 * position - 1])
            kept.append(word)
    return "".join(kept) or stem or name


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of a document: ``document.text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str
    role: Role = Role.BODY

    @property
    def counts(self) -> bool:
        """Whether the sentence counts towards similarity and additions (not page furniture)."""
        return self.role is not Role.BOILERPLATE


@dataclass(frozen=True, slots=True)
class Document:
    """One version of the story, decoded and segmented."""

    path: str
    """The path as given on the command line, or ``-`` for standard input."""
    title: str
    """The headline if one was found, else the file name."""
    text: str
    """The decoded text (for HTML: the extracted article text) the offsets refer to."""
    sentences: tuple[Sentence, ...]
    source_format: str = "text"
    """``text``, ``markdown`` or ``html``."""
    notes: tuple[str, ...] = ()
    """Things the loader wants the user to know, e.g. a fallback encoding."""
    outlet: str = ""
    """Who published this version (``og:site_name``, JSON-LD, a manifest), if known."""
    published: str = ""
    """When it was published, ISO 8601 (``2025-02-06`` or with a time and offset), if known."""
    url: str = ""
    """Where it was published or fetched from, if known."""
    fetched: str = ""
    """When it was fetched from ``url`` (ISO 8601, UTC), for a version read from the web."""
    label_suffix: str = ""
    """What tells the label apart from another version's with the same outlet and date: the
    time (`` 14:30``), else a count (`` (2)``); set by ``distinct_labels``."""

    @property
    def name(self) -> str:
        """The file name without its folders."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1] or self.path

    @property
    def label(self) -> str:
        """A short name for column titles: the outlet (else a short file name) and the date.

        ``UrduPoint 2025-02-06``; ``001 2025-02-06`` for ``001_d2c0166b2a2dd97c.txt``.
        """
        return self.plain_label + self.label_suffix

    @property
    def plain_label(self) -> str:
        """The outlet (else a short file name, ``stdin`` for standard input) and the date,
        without ``label_suffix``."""
        who = self.outlet or ("stdin" if self.path == "-" else short_name(self.name))
        return f"{who} {self.published[:10]}".strip()

    @property
    def body_chars(self) -> int:
        """Characters of text that count (everything but boilerplate)."""
        return sum(len(s.text) for s in self.sentences if s.counts)


_CLOCK = re.compile(r"T(\d\d:\d\d)")


def distinct_labels(documents: Sequence[Document]) -> tuple[Document, ...]:
    """``documents`` with labels told apart: two versions from one outlet on one day get their
    times (``AFP 2025-02-06 09:12``, ``AFP 2025-02-06 14:30``), and versions still alike a
    count in the order given (``AFP 2025-02-06``, ``AFP 2025-02-06 (2)``). Stable: the same
    documents in the same order get the same labels, and a label that is unique stays as it is.
    """
    plain = [document.plain_label for document in documents]
    shared = Counter(plain)
    labels = []
    for document, label in zip(documents, plain, strict=True):
        clock = _CLOCK.search(document.published)
        if shared[label] > 1 and clock:
            label = f"{label} {clock.group(1)}"
        labels.append(label)
    taken = set(labels)
    seen: set[str] = set()
    for index, label in enumerate(labels):
        if label in seen:
            count = 2
            while f"{label} ({count})" in taken:
                count += 1
            labels[index] = f"{label} ({count})"
            taken.add(labels[index])
        seen.add(labels[index])
    return tuple(
        document
        if document.label == label
        else replace(document, label_suffix=label[len(document.plain_label) :])
        for document, label in zip(documents, labels, strict=True)
    )


@dataclass(frozen=True, slots=True)
class Edit:
    """One word-level change inside a reworded link.

    Spans are offsets into the base and other document texts; an insertion has an empty base
    span placed where the words would go, a deletion an empty other span.
    """

    op: str
    """``insert``, ``delete`` or ``replace``."""
    base: str
    other: str
    base_span: tuple[int, int]
    other_span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class FlagNote:
    """What changed, for one flag of a link: ``around 54,000`` -> ``nearly 54,000``."""

    flag: Flag
    base: str = ""
    """The words on the base side, as written (empty when something was added)."""
    other: str = ""
    """The words on the other side (empty when something was dropped)."""

    @property
    def text(self) -> str:
        """``around 54,000 -> nearly 54,000``, ``-Sheila Smith`` or ``+"golden age"``."""
        if self.base and self.other:
            return f"{self.base} -> {self.other}"
        return f"-{self.base}" if self.base else f"+{self.other}"


@dataclass(frozen=True, slots=True)
class LinkEvidence:
    """Why two groups of sentences were linked: the shared words that carried the score."""

    terms: tuple[str, ...] = ()
    """Shared content words, rarest (most telling) first, as written in the base."""
    names: tuple[str, ...] = ()
    """Shared names of people and organisations."""
    numbers: tuple[str, ...] = ()
    """Shared numbers, amounts and dates, as written in the base."""


@dataclass(frozen=True, slots=True)
class Link:
    """A group of base sentences and the group of other sentences that carry the same content."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    kind: Kind
    moved: bool
    score: float
    flags: tuple[Flag, ...] = ()
    edits: tuple[Edit, ...] = ()
    flag_notes: tuple[FlagNote, ...] = ()
    """What changed for each flag (one note or more per flag, in flag order)."""
    evidence: LinkEvidence | None = None
    """Why a reworded link was made; None for identical links (their text is the reason)."""

    @property
    def is_change(self) -> bool:
        """Whether a reader would want to look at this link."""
        return self.kind is not Kind.IDENTICAL or self.moved or bool(self.flags)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The alignment of one document (``other``) against another (``base``)."""

    base: int
    other: int
    similarity: float
    """Score-weighted share of both documents' body text that is linked (0-1)."""
    base_reused: float
    """Share of the base's body text that has a counterpart in the other."""
    other_reused: float
    """Share of the other's body text that has a counterpart in the base."""
    links: tuple[Link, ...]
    omitted: tuple[int, ...]
    """Base sentences with no counterpart."""
    added: tuple[int, ...]
    """Other sentences with no counterpart."""

    def link_of_base(self) -> dict[int, Link]:
        """Map each linked base sentence to its link."""
        return {i: link for link in self.links for i in link.base}

    def link_of_other(self) -> dict[int, Link]:
        """Map each linked other sentence to its link."""
        return {j: link for link in self.links for j in link.other}


@dataclass(frozen=True, slots=True)
class CopiedFrom:
    """A guess at the earlier version another one was copied from."""

    source: int
    """Index of the earlier version in ``Collation.documents``."""
    share: float
    """Share of the copy's body text found word for word (or nearly) in the source, 0-1."""
    reason: str
    """One line saying why, e.g. "earliest date; 82% of its sentences verbatim"."""


@dataclass(frozen=True, slots=True)
class Collation:
    """Everything wirediff computed for a set of documents."""

    documents: tuple[Document, ...]
    base: int
    """Index of the base document."""
    base_is_guess: bool
    """True when the base was picked by ``--base auto`` (the likely wire original)."""
    comparisons: tuple[Comparison, ...]
    matrix: tuple[tuple[float, ...], ...]
    """``matrix[i][j]``: share of document i's body text with a counterpart in document j."""
    base_reason: str = ""
    """One line saying why the base was picked (with ``--base auto``)."""
    copied_from: tuple[CopiedFrom | None, ...] = ()
    """Per document: the earlier version it was most likely copied from, if any (or empty)."""
    matrix_estimated: bool = False
    """True when ``matrix`` cells between two versions other than the base are estimated
    through the base (sentences linked to the same base sentence, or with the same text)
    rather than aligned; comparing every pair (``all_pairs``) measures them all."""

    def is_estimated(self, row: int, column: int) -> bool:
        """Whether ``matrix[row][column]`` is estimated through the base rather than measured."""
        return self.matrix_estimated and row != column and self.base not in (row, column)

    def comparison(self, base: int, other: int) -> Comparison | None:
        """The comparison of ``other`` against ``base``, if it was computed."""
        for comparison in self.comparisons:
            if comparison.base == base and comparison.other == other:
                return comparison
        return None
