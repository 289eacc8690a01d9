"""Verify candidate pairs on their narrative text: quotations, posts and furniture do not count.

A pair is an edge of a story when the smaller variant's narrative n-grams are found in the other
(``verbatim``: republished, trimmed, updated), or when most of its narrative sentences have a
counterpart sharing most of their content words, or when the smaller is a brief whose lead is
copied, or when the top of one is kept at the top of the other (``reworded``: a rewrite, a spun
or trimmed brief, a later write). A pair whose shared
anchors lie in quotations or posts but whose narratives differ is a ``quotes`` hint: two stories
quoting the same people are not one story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

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
    short_sentences: int = 3
    """A side of at most this many narrative sentences is a brief (see ``lead_pairs``)."""
    lead_pairs: int = 8
    """A brief whose lead has a counterpart in the other side carrying ``sentence_overlap`` of
    its content words and at least this many of its ordered pairs of consecutive content words
    (and ``lead_pair_share`` of them) is a version of it, however few sentences it has: a
    spun or lightly edited lead keeps its source's word order, another outlet's lead on the
    same event shares its names and facts but not their sequence."""
    lead_pair_share: float = 0.4
    top_sentences: int = 2
    """A side whose first this many sentences each have a counterpart among the first
    ``top_window`` of the other (``sentence_overlap`` of the content words), together keeping
    ``top_triples`` and ``top_triple_share`` of their runs of three consecutive content words,
    is a version of it whatever follows: a later write or an excerpt that keeps its source's top,
    reworded in places, and goes on differently. Other outlets' stories on the same event share
    the names and facts of the top, not its phrases in order."""
    top_window: int = 3
    top_triples: int = 6
    top_triple_share: float = 0.3


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
    if len(a) == len(b):
        # neither side is the shorter: the verdict must not depend on which is given first
        return max(_match(a, b, overlap, lead_overlap), _match(b, a, overlap, lead_overlap))
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return _match(small, large, overlap, lead_overlap)


def _match(
    small: Sequence[Sequence[int]],
    large: Sequence[Sequence[int]],
    overlap: float,
    lead_overlap: float,
) -> tuple[float, int, bool]:
    """``reworded_match`` with the side whose sentences are counted given first."""
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


def lead_copied(
    lead: Sequence[int], other: Sequence[Sequence[int]], settings: VerifySettings
) -> bool:
    """Whether a sentence of ``other`` carries the lead's content words in the lead's order.

    Needs sentences whose content words are kept in text order (``fingerprint`` does).
    """
    if len(lead) <= settings.lead_pairs:
        return False
    terms = set(lead)
    ordered = set(pairwise(lead))
    needed = max(settings.lead_pairs, settings.lead_pair_share * len(ordered))
    for sentence in other:
        if (
            len(terms.intersection(sentence)) >= settings.sentence_overlap * len(lead)
            and len(ordered.intersection(pairwise(sentence))) >= needed
        ):
            return True
    return False


def top_kept(
    a: Sequence[Sequence[int]], b: Sequence[Sequence[int]], settings: VerifySettings
) -> bool:
    """Whether the first sentences of ``a`` are kept, in their order of words, at the top of
    ``b`` (see ``VerifySettings.top_sentences``)."""
    if len(a) < settings.top_sentences or not b:
        return False
    window = b[: settings.top_window]
    kept = runs = 0
    for sentence in a[: settings.top_sentences]:
        terms = set(sentence)
        ordered = set(_triples(sentence))
        best = -1
        for other in window:
            if len(terms.intersection(other)) >= settings.sentence_overlap * len(sentence):
                best = max(best, len(ordered.intersection(_triples(other))))
        if best < 0:
            return False
        kept += best
        runs += len(ordered)
    return kept >= settings.top_triples and kept >= settings.top_triple_share * runs


def _triples(terms: Sequence[int]) -> zip[tuple[int, int, int]]:
    return zip(terms, terms[1:], terms[2:], strict=False)


def _brief_copied(
    a: Sequence[Sequence[int]], b: Sequence[Sequence[int]], settings: VerifySettings
) -> bool:
    """Whether the side with fewer sentences is a brief whose lead is copied from the other."""
    if not a or not b or min(len(a), len(b)) > settings.short_sentences:
        return False
    if len(a) != len(b):
        small, large = (a, b) if len(a) < len(b) else (b, a)
        return lead_copied(small[0], large, settings)
    return lead_copied(a[0], b, settings) or lead_copied(b[0], a, settings)


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
        if (
            (reworded >= settings.min_reworded and matched >= needed and lead)
            or _brief_copied(first.sentences, second.sentences, settings)
            or top_kept(first.sentences, second.sentences, settings)
            or top_kept(second.sentences, first.sentences, settings)
        ):
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
