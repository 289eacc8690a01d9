"""Verify candidate pairs on their narrative text: quotations, posts and furniture do not count.

A pair is an edge of a story when the smaller variant's narrative n-grams are found in the other
(``verbatim``: republished, trimmed, updated), or when most of its narrative sentences have a
counterpart sharing most of their content words (``reworded``: a rewrite). A pair whose shared
anchors lie in quotations or posts but whose narratives differ is a ``quotes`` hint: two stories
quoting the same people are not one story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Fingerprint, Pair
from .text import unpack, unpack_sentences


@dataclass(frozen=True, slots=True)
class VerifySettings:
    """Thresholds of verification."""

    min_containment: float = 0.5
    """Share of the smaller narrative's n-grams found in the other for a verbatim edge."""
    min_shared_ngrams: int = 6
    """And at least this many sampled narrative n-grams shared."""
    min_reworded: float = 0.5
    """Share of the smaller variant's sentences with a counterpart for a reworded edge."""
    min_sentences: int = 3
    """And at least this many sentences matched (every one, and at least two, when the shorter
    side has fewer: a brief of two sentences both reworded from the other joins it)."""
    sentence_overlap: float = 0.5
    """Share of a sentence's content words its counterpart must carry."""
    lead_overlap: float = 0.34
    """For a reworded edge, the share of the lead's content words (the first sentence of either
    side) that one sentence of the other side must carry: a rewrite keeps its source's top, two
    stories sharing background paragraphs do not share their leads."""


def reworded_share(
    a: Sequence[Sequence[int]], b: Sequence[Sequence[int]], overlap: float
) -> tuple[float, int]:
    """Share of the shorter side's sentences with a counterpart in the other, and the count."""
    share, matched, _ = reworded_match(a, b, overlap, overlap)
    return share, matched


def reworded_match(
    a: Sequence[Sequence[int]],
    b: Sequence[Sequence[int]],
    overlap: float,
    lead_overlap: float,
) -> tuple[float, int, bool]:
    """As ``reworded_share``, and whether the lead of either side has a counterpart in the other
    (a sentence carrying ``lead_overlap`` of the lead's content words).

    A rewrite keeps its source's top, reworded; two stories that share only background
    paragraphs (an agency's same-day stories on one event) do not share their leads.
    """
    if not a or not b:
        return 0.0, 0, False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    where: dict[int, list[int]] = {}
    for position, terms in enumerate(large):
        for term in terms:
            where.setdefault(term, []).append(position)
    matched = 0
    lead = False
    for index, terms in enumerate(small):
        hits: dict[int, int] = {}
        for term in terms:
            for position in where.get(term, ()):
                hits[position] = hits.get(position, 0) + 1
        if not hits:
            continue
        best = max(hits.values())
        if best >= overlap * len(terms):
            matched += 1
        if index == 0 and best >= lead_overlap * len(terms):
            lead = True
        if not lead and hits.get(0, 0) >= lead_overlap * len(large[0]):
            lead = True
    return matched / len(small), matched, lead


@dataclass(frozen=True, slots=True)
class Unpacked:
    """A fingerprint's sets, unpacked once per batch."""

    narrative: frozenset[int]
    quotes: frozenset[int]
    sentences: list[tuple[int, ...]]
    packed: Fingerprint

    @classmethod
    def of(cls, fp: Fingerprint) -> Unpacked:
        return cls(
            frozenset(unpack(fp.narrative)),
            frozenset(unpack(fp.quote_anchors)),
            unpack_sentences(fp.sentences),
            fp,
        )


def verify_pair(
    a: int,
    b: int,
    shared_anchors: int,
    first: Unpacked,
    second: Unpacked,
    settings: VerifySettings = VerifySettings(),
) -> Pair:
    """The verdict on one candidate pair of variants."""
    small, large = (
        (first.narrative, second.narrative)
        if len(first.narrative) <= len(second.narrative)
        else (second.narrative, first.narrative)
    )
    shared = len(small & large)
    share = shared / len(small) if small else 0.0
    quotes = len(first.quotes & second.quotes)
    reworded = 0.0
    if share >= settings.min_containment and shared >= settings.min_shared_ngrams:
        verdict = "verbatim"
    else:
        reworded, matched, lead = reworded_match(
            first.sentences, second.sentences, settings.sentence_overlap, settings.lead_overlap
        )
        shorter = min(len(first.sentences), len(second.sentences))
        needed = max(2, min(settings.min_sentences, shorter))
        if reworded >= settings.min_reworded and matched >= needed and lead:
            verdict = "reworded"
        elif quotes:
            verdict = "quotes"
        else:
            verdict = "unrelated"
    return Pair(
        a=a,
        b=b,
        shared_anchors=shared_anchors,
        containment=round(share, 4),
        reworded=round(reworded, 4),
        shared_quotes=quotes,
        verdict=verdict,
    )


def verify_batch(
    batch: tuple[tuple[tuple[int, int, int], ...], dict[int, Fingerprint], VerifySettings],
) -> list[Pair]:
    """Verify a batch of candidates ``(a, b, shared)`` with the fingerprints they need."""
    pairs, prints, settings = batch
    unpacked = {variant: Unpacked.of(fp) for variant, fp in prints.items()}
    return [verify_pair(a, b, n, unpacked[a], unpacked[b], settings) for a, b, n in pairs]
