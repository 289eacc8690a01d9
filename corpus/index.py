"""Candidate pairs from a containment index on sampled word n-gram anchors.

Each variant (distinct body) posts its anchors; an anchor found in only one variant is useless,
one found in very many is boilerplate or a very common phrase. Two variants sharing at least
``min_shared`` anchors (``min_shared_short`` when one of them is short) are a candidate pair: a
count of shared anchors measures containment of the shorter text, so a copy trimmed to a fifth of
the original still finds it (a Jaccard threshold would not). Posting lists longer than ``max_df``
(a story republished by hundreds of outlets, or boilerplate) pair each variant only with its
``window`` nearest neighbours in the list, so the cost stays linear and the story still chains
together.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise


@dataclass(frozen=True, slots=True)
class IndexSettings:
    """Limits of the containment index."""

    min_shared: int = 3
    """Anchors two variants must share to be a candidate pair."""
    min_shared_short: int = 2
    """Anchors a pair must share when one of the two is short (see ``short_anchors``)."""
    short_anchors: int = 50
    """A variant with at most this many anchors (about 160 words) is short: a brief, a first
    alert or a teaser lead has few anchors to share, so two shared ones make it a candidate."""
    max_df: int = 100
    """Posting lists longer than this pair only near neighbours (see ``window``)."""
    window: int = 8
    """Neighbours on each side paired within an over-long posting list."""
    max_postings: int = 5000
    """Posting lists longer than this are ignored altogether (boilerplate)."""


VARIANT_BITS = 24
"""Variants are numbered in the low bits of a sort key (up to 16.7 million distinct bodies);
the anchor keeps its top 40 bits, which for a few million anchors almost never collide."""
_HIGH = ((1 << 64) - 1) ^ ((1 << VARIANT_BITS) - 1)


PARTS = 4
"""The sort runs over a quarter of the anchors at a time (by their top two bits): less memory."""


def postings(anchor_lists: Sequence[Sequence[int]]) -> Iterator[list[int]]:
    """For each anchor in two or more variants, those variants (in variant order).

    Sorts of packed (anchor, variant) keys instead of a dictionary of lists: a few hundred bytes
    per anchor less, which at a million articles is gigabytes.
    """
    if len(anchor_lists) >= 1 << VARIANT_BITS:
        raise ValueError(f"more than {1 << VARIANT_BITS} distinct bodies")
    parts = [array("Q") for _ in range(PARTS)]
    high = _HIGH
    for variant, anchors in enumerate(anchor_lists):
        for key in {(anchor & high) | variant for anchor in anchors}:
            parts[key >> 62].append(key)
    mask = (1 << VARIANT_BITS) - 1
    for number in range(PARTS):
        ordered = sorted(parts[number])
        parts[number] = array("Q")
        current = -1
        found: list[int] = []
        for key in ordered:
            anchor = key >> VARIANT_BITS
            if anchor != current:
                if len(found) > 1:
                    yield found
                current = anchor
                found = [key & mask]
            else:
                found.append(key & mask)
        if len(found) > 1:
            yield found
        del ordered


PAIR_PARTS = 4
"""Shared anchors are counted for a quarter of the pairs at a time (by their first variant): most
pairs share one anchor by chance, and their counts were the largest thing the index held."""


def _posting_arrays(
    lists: Iterable[Sequence[int]], settings: IndexSettings
) -> tuple[array[int], array[int]]:
    """The posting lists worth pairing, end to end in one array, and where each one ends."""
    flat: array[int] = array("L")
    ends: array[int] = array("Q")
    for found in lists:
        if len(found) <= settings.max_postings:
            flat.extend(found)
            ends.append(len(flat))
    return flat, ends


def pair_counts(
    lists: Iterable[Sequence[int]],
    settings: IndexSettings = IndexSettings(),
    part: int = 0,
    parts: int = 1,
) -> Counter[int]:
    """Shared-anchor counts of the pairs of variants that share a posting list (those whose first
    variant is ``part`` modulo ``parts``).

    A pair ``(a, b)`` is counted under the integer ``a << 24 | b`` (a tuple would take twice the
    memory, and there are millions of pairs sharing one or two anchors).
    """
    counts: Counter[int] = Counter()
    bits = VARIANT_BITS
    for found in lists:
        size = len(found)
        if size > settings.max_postings:
            continue
        reach = size if size <= settings.max_df else settings.window
        for i in range(size - 1):
            first = found[i]
            if first % parts == part:
                high = first << bits
                counts.update([high | b for b in found[i + 1 : i + 1 + reach]])
    return counts


def candidates(
    anchor_lists: Sequence[Sequence[int]], settings: IndexSettings = IndexSettings()
) -> list[tuple[int, int, int]]:
    """Candidate pairs ``(a, b, shared anchors)`` with ``a < b``, sorted.

    The posting lists are kept end to end in one array and read ``PAIR_PARTS`` times, each time
    counting the pairs of one part: the counts held at once are a quarter of them (at 20,000
    articles 55 MB at the peak instead of 105, for 10-25% more time).
    """
    flat, ends = _posting_arrays(postings(anchor_lists), settings)
    mask = (1 << VARIANT_BITS) - 1
    short = [len(anchors) <= settings.short_anchors for anchors in anchor_lists]
    low, high = settings.min_shared_short, settings.min_shared
    found: list[tuple[int, int, int]] = []
    for part in range(PAIR_PARTS):
        lists = (flat[start:end] for start, end in pairwise(chain((0,), ends)))
        counts = pair_counts(lists, settings, part, PAIR_PARTS)
        found.extend(
            (key >> VARIANT_BITS, key & mask, shared)
            for key, shared in counts.items()
            if shared >= high
            or (shared >= low and (short[key >> VARIANT_BITS] or short[key & mask]))
        )
        del counts
    found.sort()
    return found
