"""Outlet boilerplate: text an outlet repeats on many of its pages, masked before the index.

A passage found in at least ``min_pages`` of an outlet's distinct bodies, and in at least
``min_share`` of them, is that outlet's furniture (an "about us" paragraph, a standing correction
notice, a reused background paragraph): its anchors, narrative n-grams and sentences are removed
from that outlet's fingerprints, so it can neither make candidates nor verify a pair.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import Fingerprint
from .text import pack, unpack, unpack_sentences


@dataclass(frozen=True, slots=True)
class BoilerSettings:
    """When repeated text is an outlet's boilerplate."""

    min_pages: int = 5
    min_share: float = 0.1


def _repeated(lists: Sequence[Sequence[int]], floor: int) -> set[int]:
    counts: Counter[int] = Counter()
    for values in lists:
        counts.update(values)
    return {value for value, count in counts.items() if count >= floor}


def mask_boilerplate(
    outlets: Sequence[str],
    prints: Sequence[Fingerprint],
    settings: BoilerSettings = BoilerSettings(),
) -> tuple[list[Fingerprint], int]:
    """Fingerprints (one per distinct body) with their outlet's boilerplate removed.

    Returns the fingerprints and how many were changed.
    """
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for position, outlet in enumerate(outlets):
        if outlet:
            by_outlet[outlet].append(position)
    out = list(prints)
    changed = 0
    for members in by_outlet.values():
        if len(members) < settings.min_pages:
            continue
        floor = max(settings.min_pages, round(settings.min_share * len(members)))
        anchors = _repeated([unpack(prints[i].anchors) for i in members], floor)
        narrative = _repeated([unpack(prints[i].narrative) for i in members], floor)
        sentence_counts: Counter[tuple[int, ...]] = Counter()
        for i in members:
            sentence_counts.update(set(unpack_sentences(prints[i].sentences)))
        sentences = {s for s, count in sentence_counts.items() if count >= floor}
        if not (anchors or narrative or sentences):
            continue
        for i in members:
            fp = prints[i]
            kept_sentences = [s for s in unpack_sentences(fp.sentences) if s not in sentences]
            packed = array("I")
            for terms in kept_sentences:
                packed.extend(terms)
                packed.append(0)
            masked = replace(
                fp,
                anchors=pack(h for h in unpack(fp.anchors) if h not in anchors),
                quote_anchors=pack(h for h in unpack(fp.quote_anchors) if h not in anchors),
                narrative=pack(h for h in unpack(fp.narrative) if h not in narrative),
                sentences=packed.tobytes(),
            )
            if masked != fp:
                changed += 1
                out[i] = masked
    return out, changed
