"""The values corpus mode computes: articles, rejections, fingerprints, pairs and stories.

Every value is a frozen dataclass of plain values and tuples, so it pickles to worker processes
and to Dask workers unchanged, and two engines given the same pile produce equal values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


def counted(n: int, singular: str, plural: str = "") -> str:
    """``n`` and the noun, singular for one: "1 article", "2 articles"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a pile, as read: its text and what is known of where it came from."""

    id: str
    text: str
    outlet: str = ""
    published: str = ""
    """ISO 8601 date or date and time, if known."""
    url: str = ""
    title: str = ""
    source: str = ""
    """Where it was read: ``file``, ``file:line`` or ``file#record``."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that is not in the results, and why."""

    source: str
    """``file``, ``file:line`` or ``file#record``."""
    reason: str
    id: str = ""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the later stages need of one article (computed in parallel, once per article).

    Hashes are 64-bit values of blake2b over words, identical in every process and machine.
    """

    body_key: str
    """Hex digest of the normalised body words (furniture left out): equal bodies, one variant."""
    title: str
    anchors: bytes
    """Sorted, sampled word n-gram hashes of the body (quotes included), packed as unsigned
    64-bit integers: the index keys."""
    quote_anchors: bytes
    """The anchors that lie inside quotations or embedded posts (for hints), packed likewise."""
    narrative: bytes
    """Sorted, sampled n-gram hashes of the narrative text (quotes, posts, furniture masked)."""
    sentences: bytes
    """Per narrative sentence the 32-bit hashes of its content words, packed as unsigned 32-bit
    integers, sentences separated by a 0."""
    words: int
    """Body words (quotes included)."""
    credit: str
    """The agency the text credits (``AFP``, ``AP``, ``Reuters``…), if any."""


@dataclass(frozen=True, slots=True)
class Pair:
    """A verified or rejected candidate pair of variants, with its evidence."""

    a: int
    b: int
    shared_anchors: int
    containment: float
    """Share of the smaller variant's narrative n-grams found in the other."""
    reworded: float
    """Share of the smaller variant's narrative sentences with a close counterpart in the other."""
    shared_quotes: int
    """Anchors shared inside quotations or embedded posts."""
    verdict: str
    """``verbatim`` or ``reworded`` (an edge), ``quotes`` (a hint only) or ``unrelated``."""

    @property
    def is_edge(self) -> bool:
        """Whether the pair joins the two variants into one story."""
        return self.verdict in ("verbatim", "reworded")

    @property
    def weight(self) -> float:
        """Strength of the evidence, 0-1."""
        return max(self.containment, self.reworded)


@dataclass(frozen=True, slots=True)
class Story:
    """The articles that carry versions of one source story."""

    id: int
    articles: tuple[int, ...]
    """Indexes into the run's articles, in (date, id) order."""
    variants: tuple[tuple[int, ...], ...]
    """Groups of articles with identical bodies (each group is one variant)."""
    original: int
    """Index of the likely original article."""
    reason: str
    """Why that article is the likely original."""
    hints: tuple[int, ...] = ()
    """Other stories that share quotations or embedded posts with this one (not edges)."""


@dataclass(frozen=True, slots=True)
class StageTime:
    """Time and peak memory of one stage."""

    name: str
    seconds: float
    items: int
    peak_mb: float


@dataclass(frozen=True, slots=True)
class TermCounts:
    """In how many sentences of the pile each content term occurs: the aligner's term weights
    (``TermWeights.from_counts``) fitted on the whole pile, for opening a story."""

    counts: Mapping[str, int]
    sentences: int
    """Sentences with at least one content term."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """The result of grouping a pile into stories."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejection, ...]
    stories: tuple[Story, ...]
    """Stories of two or more articles, largest first."""
    alone: tuple[int, ...]
    """Articles that are versions of no other article in the pile."""
    pairs: tuple[Pair, ...]
    """Every candidate pair that was verified, edges and hints."""
    variant_of: tuple[int, ...]
    """Per article, its variant's index (articles with identical bodies share it)."""
    stages: tuple[StageTime, ...] = field(default=())
    counts: tuple[tuple[str, int], ...] = field(default=())
    """What each stage handled: articles read, candidates, pairs verified, pairs reused…"""
    terms: TermCounts | None = None
    """Term counts over every article, when asked for (``group(..., count_terms=True)``)."""

    def summary(self) -> str:
        """One line accounting for every input article."""
        in_stories = sum(len(story.articles) for story in self.stories)
        total = in_stories + len(self.alone) + len(self.rejected)
        variants = len(set(self.variant_of))
        return (
            f"{counted(total, 'article')}: {in_stories} in "
            f"{counted(len(self.stories), 'story', 'stories')}, "
            f"{len(self.alone)} alone, {len(self.rejected)} rejected "
            f"({counted(variants, 'distinct body', 'distinct bodies')})"
        )
