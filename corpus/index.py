"""Candidate pairs from a containment index on sampled word n-gram anchors.

Each variant (distinct body) posts its anchors; an anchor found in only one variant is useless,
one found in very many is boilerplate or a very common phrase. Two variants sharing at least
``min_shared`` anchors are a candidate pair: a count of shared anchors measures containment of the
shorter text, so a copy trimmed to a fifth of the original still finds it (a Jaccard threshold would
not). Posting lists longer than ``max_df`` (a story republished by hundreds of outlets, or
boilerplate) pair each variant only with its ``window`` nearest neighbours in the list, so the cost
stays linear and the story still chains together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class IndexSettings:
    """Limits of the containment index."""

    min_shared: int = 3
    """Anchors two variants must share to be a candidate pair."""
    max_df: int = 100
    """Posting lists longer than this pair only near neighbours (see ``window``)."""
    window: int = 8
    """Neighbours on each side paired within an over-long posting list."""
    max_postings: int = 5000
    """Posting lists longer than this are ignored altogether (boilerplate)."""


def postings(anchor_lists: Sequence[Sequence[int]]) -> dict[int, list[int]]:
    """Anchor hash -> variants carrying it (in variant order), for anchors in two or more."""
    index: dict[int, list[int]] = {}
    for variant, anchors in enumerate(anchor_lists):
        for anchor in anchors:
            found = index.get(anchor)
            if found is None:
                index[anchor] = [variant]
            else:
                found.append(variant)
    return {anchor: found for anchor, found in index.items() if len(found) > 1}


def pair_counts(
    lists: Iterable[Sequence[int]], settings: IndexSettings = IndexSettings()
) -> Counter[tuple[int, int]]:
    """Shared-anchor counts of every pair of variants that share a posting list."""
    counts: Counter[tuple[int, int]] = Counter()
    for found in lists:
        size = len(found)
        if size > settings.max_postings:
            continue
        if size <= settings.max_df:
            counts.update(combinations(found, 2))
        else:
            window = settings.window
            counts.update(
                (found[i], found[j])
                for i in range(size)
                for j in range(i + 1, min(size, i + 1 + window))
            )
    return counts


def candidates(
    anchor_lists: Sequence[Sequence[int]], settings: IndexSettings = IndexSettings()
) -> list[tuple[int, int, int]]:
    """Candidate pairs ``(a, b, shared anchors)`` with ``a < b``, sorted."""
    counts = pair_counts(postings(anchor_lists).values(), settings)
    return sorted(
        (a, b, shared) for (a, b), shared in counts.items() if shared >= settings.min_shared
    )
