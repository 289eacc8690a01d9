"""Which version is the original, and which earlier version each of the others copied.

The original is the version the others reproduce word for word: their identical and
near-identical sentences are found in it (a version dated before it cannot have copied it and
counts for nothing), it carries the agency's dateline or credit or is published by the agency,
and it is the earliest where dates are known (a bare date counts as the end of its day). None of
this needs an alignment. Each sentence is cut into
word 4-grams (after normalising case, quote marks and dashes); every 4-gram is filed under the set
of versions that contain it (one bit mask), and a sentence is then measured against every
version at once by summing over the few distinct masks it meets. The cost grows with the text
and with the number of distinct sharing patterns, not with the number of sentence pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .metadata import AGENCIES, agency_credit, published_datetime
from .model import CopiedFrom, Document
from .words import normalize

SHINGLE = 4
"""Words per shingle; a shorter sentence is one shingle of all its words."""
NEAR_IDENTICAL = 0.8
"""Share of a sentence's shingles found in another version for it to count as reproduced."""
RELATED = 0.1
"""Share of a version's text found word for word in another for the two to be related."""
MIN_COPY_SHARE = 0.1
"""Least share of a version's text found word for word in an earlier one to call it a copy."""
COPY_MARGIN = 0.02
"""Earlier versions holding shares of a copy this close count as equal; the more original wins
(two copies that picked up the same stray sentence are not evidence one copied the other)."""
CREDIT_WEIGHT = 0.3
"""What an agency dateline or credit adds to a related version's score."""
AGENCY_OUTLET_WEIGHT = 0.1
"""What being published by the agency itself adds beside its credit (a copy carries it too)."""
EARLIEST_WEIGHT = 0.5
"""What being the earliest dated of the related versions adds to its score: most of it for no
related version known to come before it (``FIRST_DAY_WEIGHT`` less), the rest for being first."""
FIRST_DAY_WEIGHT = 0.1
"""The part of ``EARLIEST_WEIGHT`` kept for the first by the calendar alone: pages dated by their
day in their own time zones, a day apart, may have come out in the same hour (Reuters' landing
story dated the 18th by a US video site and the 19th by a Malaysian paper)."""
PHRASE_WEIGHT = 0.3
"""What shared phrases (quotes, names, turns of phrase) add beside whole sentences."""
SOURCE_WEIGHT = 1.0
"""What being published by an outlet that another version credits in a short byline or credit
line ("Political reporter, BBC News" on a reprint of the BBC's page) adds: the copy names its
source, which outweighs a date (a reprint's page date can be wrong) and an agency credit."""
CREDIT_LINE_WORDS = 8
"""Longest line, in words, that can be a byline or credit line naming a source outlet."""
CREDIT_LINES = 6
"""How many lines at the top (and half as many at the bottom) of a version are searched for a
credit line."""
PURITY_WEIGHT = 0.5
"""What the share of a version's text found in the others adds: a copy adds text of its own that
no other version has, an original's text is found in one copy or another."""

_WORDS = re.compile(r"\w+")
_BARE_DATE = re.compile(r"\s*\d{4}-?\d{2}-?\d{2}\s*$")
_END_OF_DAY = timedelta(days=1, microseconds=-1)
_KNOWN_APART = timedelta(days=2)
"""How far apart two bare dates must be to be known to be in order."""


def order_moment(published: str) -> datetime | None:
    """When a version was published, for ordering: a bare date counts as the end of its day.

    A version dated only by its day is not known to precede one timed on that day (copies are
    often dated by day only), so it sorts after the timed versions of its day, not at midnight.
    """
    moment = published_datetime(published)
    if moment is not None and _BARE_DATE.match(published):
        return moment + _END_OF_DAY
    return moment


def outlet_name(outlet: str) -> str:
    """An outlet's name for finding it credited: casefolded, without a parenthesised note."""
    return " ".join(re.sub(r"\([^()]*\)", " ", outlet).casefold().split())


def credited_outlets(documents: Sequence[Document]) -> tuple[tuple[int, ...], ...]:
    """For each version, the other versions that name its outlet in a short credit line.

    Only the first ``CREDIT_LINES`` lines and the last ``CREDIT_LINES // 2`` of a version, of at
    most ``CREDIT_LINE_WORDS`` words, are searched (a byline "Political reporter, BBC News",
    "Source: Reuters", "via The Sun"), so that a body sentence reporting what an outlet said does
    not count; a version published by the same outlet does not count either.
    """
    names = [outlet_name(document.outlet) for document in documents]
    holders: dict[str, list[int]] = {}
    for k, name in enumerate(names):
        if len(name) >= 3 and _WORDS.search(name):
            holders.setdefault(name, []).append(k)
    # each name is looked for only in the lines holding its first word
    by_first_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name in holders:
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        by_first_word.setdefault(_WORDS.findall(name)[0], []).append((name, pattern))
    credits: list[list[int]] = [[] for _ in documents]
    if not holders:
        return tuple(() for _ in documents)
    tail = CREDIT_LINES // 2
    for j, document in enumerate(documents):
        lines = document.sentences
        searched = [*lines[:CREDIT_LINES], *lines[max(CREDIT_LINES, len(lines) - tail) :]]
        found: set[str] = set()
        for line in searched:
            if len(line.text.split()) > CREDIT_LINE_WORDS:
                continue
            text = " ".join(line.text.casefold().split())
            for word in set(_WORDS.findall(text)):
                for name, pattern in by_first_word.get(word, ()):
                    if name not in found and pattern.search(text):
                        found.add(name)
        found.discard(names[j])
        for name in found:
            for k in holders[name]:
                credits[k].append(j)
    return tuple(tuple(sorted(found_by)) for found_by in credits)


def _dated_before(first: datetime | None, second: datetime | None) -> bool:
    return first is not None and second is not None and first < second


def _bare(moment: datetime | None) -> bool:
    """Whether an ``order_moment`` is a bare date's (the last microsecond of its day)."""
    return (
        moment is not None
        and moment.microsecond == 999_999
        and (moment.hour, moment.minute, moment.second) == (23, 59, 59)
    )


def _known_before(first: datetime | None, second: datetime | None) -> bool:
    """Whether ``first`` is known to precede ``second``: two bare dates only two days apart or
    more (a page's date is its own time zone's: a day apart may be the same hour)."""
    if first is None or second is None or first >= second:
        return False
    return second - first >= _KNOWN_APART or not (_bare(first) and _bare(second))


def outlet_agency(outlet: str) -> str:
    """The news agency an outlet name is (``AFP`` for "Agence France-Presse"), or ``""``."""
    return AGENCIES.get(" ".join(outlet.casefold().split()), "")


@dataclass(frozen=True, slots=True)
class Reuse:
    """How much of each version is found word for word in each other version."""

    phrases: tuple[tuple[float, ...], ...]
    """``phrases[j][k]``: share of version j's shingles (weighted by sentence length) found in k."""
    sentences: tuple[tuple[float, ...], ...]
    """``sentences[j][k]``: share of j's words in sentences found (nearly) word for word in k."""
    reproduced: tuple[tuple[int, ...], ...]
    """``reproduced[j][k]``: how many of j's sentences are found (nearly) word for word in k."""
    purity: tuple[float, ...]
    """Share of each version's shingles found in at least one other version."""
    counted: tuple[int, ...]
    """How many sentences of each version were measured (body text of at least one word)."""


def _shingles(normalized: str) -> frozenset[tuple[str, ...]]:
    words = _WORDS.findall(normalized)
    if len(words) < SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1))


def measure_reuse(documents: Sequence[Document]) -> Reuse:
    """Word-for-word reuse between every pair of versions, from shingles filed by bit mask.

    Copies repeat the same sentences, so each distinct sentence (once normalised) is cut and
    measured once, whatever the number of versions that carry it.
    """
    count = len(documents)
    shingles_of: dict[str, frozenset[tuple[str, ...]]] = {}
    read: dict[str, tuple[int, str]] = {}
    per_document: list[list[tuple[int, str]]] = []
    holders: dict[str, int] = {}
    for k, document in enumerate(documents):
        sentences = []
        bit = 1 << k
        for sentence in document.sentences:
            if not sentence.counts:
                continue
            words_norm = read.get(sentence.text)
            if words_norm is None:
                norm = normalize(sentence.text)
                words_norm = read[sentence.text] = (len(_WORDS.findall(norm)), norm)
                if norm not in shingles_of:
                    shingles_of[norm] = _shingles(norm)
            norm = words_norm[1]
            shingles = shingles_of[norm]
            if not shingles:
                continue
            sentences.append(words_norm)
            holders[norm] = holders.get(norm, 0) | bit
        per_document.append(sentences)
    masks: dict[tuple[str, ...], int] = {}
    for norm, bits in holders.items():
        for shingle in shingles_of[norm]:
            masks[shingle] = masks.get(shingle, 0) | bits

    bits_of: dict[int, tuple[int, ...]] = {}
    # For each distinct sentence: how many of its shingles each version holds, and its
    # shingles grouped by the set of versions holding them.
    found_of: dict[str, tuple[list[tuple[int, float]], Counter[int], int]] = {}

    def measure(norm: str) -> tuple[list[tuple[int, float]], Counter[int], int]:
        """(version, share of the sentence's shingles it holds), the shingles by mask, size."""
        shingles = shingles_of[norm]
        by_mask = Counter(masks[shingle] for shingle in shingles)
        found: dict[int, int] = {}
        for mask, how_many in by_mask.items():
            versions = bits_of.get(mask)
            if versions is None:
                versions = bits_of[mask] = tuple(k for k in range(count) if mask >> k & 1)
            for k in versions:
                found[k] = found.get(k, 0) + how_many
        size = len(shingles)
        return [(k, how_many / size) for k, how_many in found.items()], by_mask, size

    phrases = [[0.0] * count for _ in range(count)]
    sentence_share = [[0.0] * count for _ in range(count)]
    reproduced = [[0] * count for _ in range(count)]
    purity = [0.0] * count
    for j, sentences in enumerate(per_document):
        total_words = sum(words for words, _ in sentences) or 1
        own = 1 << j
        for words, norm in sentences:
            measured = found_of.get(norm)
            if measured is None:
                measured = found_of[norm] = measure(norm)
            shares, by_mask, size = measured
            weight = words / total_words
            purity[j] += weight * (size - by_mask.get(own, 0)) / size
            row, near, copies = phrases[j], sentence_share[j], reproduced[j]
            for k, share in shares:
                row[k] += weight * share
                if share >= NEAR_IDENTICAL:
                    near[k] += weight
                    copies[k] += 1
        # a version is not its own copy
        phrases[j][j] = sentence_share[j][j] = 0.0
        reproduced[j][j] = 0
    return Reuse(
        phrases=tuple(tuple(row) for row in phrases),
        sentences=tuple(tuple(row) for row in sentence_share),
        reproduced=tuple(tuple(row) for row in reproduced),
        purity=tuple(purity),
        counted=tuple(len(sentences) for sentences in per_document),
    )


@dataclass(frozen=True, slots=True)
class Originality:
    """Why one version looks like the original: the parts of its score."""

    index: int
    score: float
    sentences: float
    """Sum over the other versions of the share of their text found in whole sentences here."""
    phrases: float
    """Sum over the other versions of the share of their text found in 4-word phrases here."""
    related: bool
    """Whether it shares a real share of its text word for word with another version."""
    credit: str
    """The agency credited in its dateline or a credit line, or the agency that published it."""
    earliest: bool
    """Whether it has the earliest date among the related versions."""
    published: datetime | None
    by_agency: bool = False
    """Whether ``credit`` is the outlet that published it (an agency), not a credit in the text."""
    order: datetime | None = None
    """``published`` for ordering: a bare date counts as the end of its day (``order_moment``)."""
    none_before: bool = False
    """Whether no related version is known to come before it (bare dates a day apart are not:
    ``_known_before``); the earliest is, and so may others."""
    credited_by: tuple[int, ...] = ()
    """The versions that name its outlet in a byline or credit line (``credited_outlets``)."""


def rank_originals(documents: Sequence[Document], reuse: Reuse | None = None) -> list[Originality]:
    """Every version scored as the possible original, most likely first."""
    reuse = reuse or measure_reuse(documents)
    count = len(documents)
    orders = [order_moment(document.published) for document in documents]
    credited_by = credited_outlets(documents)
    credits_of = [{k for k in range(count) if j in credited_by[k]} for j in range(count)]
    # a version dated before another cannot have copied it: its reuse is no support for it; one
    # that credits another's outlet copied it whatever the dates say, and was not copied by it
    copiers = [
        [
            j
            for j in range(count)
            if j != k
            and j not in credits_of[k]
            and (j in credited_by[k] or not _known_before(orders[j], orders[k]))
        ]
        for k in range(count)
    ]
    sentence_support = [sum(reuse.sentences[j][k] for j in copiers[k]) for k in range(count)]
    phrase_support = [sum(reuse.phrases[j][k] for j in copiers[k]) for k in range(count)]
    related = [
        any(
            max(reuse.phrases[k][j], reuse.phrases[j][k]) >= RELATED for j in range(count) if j != k
        )
        for k in range(count)
    ]
    dates = [published_datetime(document.published) for document in documents]
    related_orders = [order for order, near in zip(orders, related, strict=True) if near and order]
    first_order = min(related_orders) if related_orders else None
    # the first timed and the first bare date decide what is known to come before a version
    first_timed = min((order for order in related_orders if not _bare(order)), default=None)
    first_bare = min((order for order in related_orders if _bare(order)), default=None)
    agencies = [outlet_agency(document.outlet) for document in documents]
    credits = [
        agency or agency_credit(document)
        for document, agency in zip(documents, agencies, strict=True)
    ]
    sentence_scale = max(max(sentence_support, default=0.0), 0.5)
    phrase_scale = max(max(phrase_support, default=0.0), 0.25)
    ranked = []
    for k in range(count):
        earliest = bool(related[k] and orders[k] is not None and orders[k] == first_order)
        none_before = bool(
            related[k]
            and orders[k] is not None
            and not _known_before(first_timed, orders[k])
            and not _known_before(first_bare, orders[k])
        )
        credit = credits[k] if related[k] else ""
        score = (
            sentence_support[k] / sentence_scale
            + PHRASE_WEIGHT * phrase_support[k] / phrase_scale
            + PURITY_WEIGHT * reuse.purity[k]
            + (CREDIT_WEIGHT if credit else 0.0)
            + (AGENCY_OUTLET_WEIGHT if credit and agencies[k] else 0.0)
            + (EARLIEST_WEIGHT - FIRST_DAY_WEIGHT if none_before else 0.0)
            + (FIRST_DAY_WEIGHT if earliest else 0.0)
            + (SOURCE_WEIGHT if credited_by[k] and related[k] else 0.0)
        )
        ranked.append(
            Originality(
                index=k,
                score=round(score, 6),
                sentences=sentence_support[k],
                phrases=phrase_support[k],
                related=related[k],
                credit=credit,
                earliest=earliest,
                published=dates[k],
                by_agency=bool(credit and agencies[k]),
                order=orders[k],
                none_before=none_before,
                credited_by=credited_by[k] if related[k] else (),
            )
        )
    ranked.sort(key=lambda item: (-item.score, item.index))
    return ranked


@dataclass(frozen=True, slots=True)
class Originals:
    """The likely original, why, and the earlier version each version was copied from."""

    original: int
    reason: str
    copied_from: tuple[CopiedFrom | None, ...]


def assess_originals(documents: Sequence[Document]) -> Originals:
    """Everything ``collate`` needs to know about originals and copies, reuse measured once."""
    reuse = measure_reuse(documents)
    ranked = rank_originals(documents, reuse)
    return Originals(
        original=ranked[0].index,
        reason=original_reason(documents, reuse, ranked[0]),
        copied_from=copied_from(documents, reuse, ranked),
    )


def pick_original(documents: Sequence[Document], reuse: Reuse | None = None) -> tuple[int, str]:
    """The index of the likely original version, and one line saying why."""
    reuse = reuse or measure_reuse(documents)
    ranked = rank_originals(documents, reuse)
    best = ranked[0]
    return best.index, original_reason(documents, reuse, best)


def original_reason(documents: Sequence[Document], reuse: Reuse, best: Originality) -> str:
    """One line: what made ``best`` the likely original."""
    k = best.index
    others = [j for j in range(len(documents)) if j != k]
    copying = [j for j in others if reuse.reproduced[j][k]]
    reasons = []
    if copying:
        sentences = sum(reuse.reproduced[j][k] for j in copying)
        reasons.append(
            f"{len(copying)} of the {len(others)} other versions reproduce its sentences word for "
            f"word or nearly ({sentences} sentences in all)"
        )
    if best.credited_by:
        reasons.append(
            f"{len(best.credited_by)} of the {len(others)} other versions credit its outlet "
            f"({' '.join(documents[k].outlet.split())})"
        )
    if best.by_agency:
        reasons.append(f"published by {best.credit}")
    elif best.credit:
        reasons.append(f"agency dateline or credit ({best.credit})")
    if best.earliest and best.published is not None:
        dated = sum(
            1 for j in others if documents[j].published and (reuse.phrases[j][k] >= RELATED)
        )
        when = documents[k].published[:16].replace("T", " ")
        reasons.append(
            f"earliest date ({when})" if dated else f"the only date among related versions ({when})"
        )
    elif best.none_before and best.published is not None:
        when = documents[k].published[:10]
        reasons.append(f"no related version is dated more than a day before it ({when})")
    if not copying:
        phrase_share = max((reuse.phrases[j][k] for j in others), default=0.0)
        if phrase_share >= RELATED:
            reasons.append(
                f"no version copies whole sentences, but up to {phrase_share:.0%} of another's "
                f"text is found in it word for word"
            )
        elif not reasons:
            reasons.append("no version reproduces another word for word; the most shared text")
    return "; ".join(reasons)


def _has_time(published: str) -> bool:
    """Whether an ISO 8601 ``Document.published`` gives a time of day, not only a date."""
    return len(published.strip()) > len("2025-02-06")


def _earlier(
    first: Originality, second: Originality, rank: dict[int, int], documents: Sequence[Document]
) -> bool:
    """Whether ``first`` came before ``second``: by date when both are dated (by day when one
    gives no time of day: a bare date is no earlier than a time on that day; two bare dates a day
    apart are not known to be in order), else by rank."""
    when = (documents[first.index].published, documents[second.index].published)
    if first.published is not None and second.published is not None:
        if all(_has_time(value) for value in when):
            if first.published != second.published:
                return first.published < second.published
        elif when[0][:10] != when[1][:10] and (
            _has_time(when[0])
            or _has_time(when[1])
            or abs(first.published - second.published) >= _KNOWN_APART
        ):
            return when[0][:10] < when[1][:10]
    return rank[first.index] < rank[second.index]


def _published_after(earlier: str, later: str, delay: timedelta) -> str:
    """How long after ``earlier`` ``later`` came out, no more precisely than both dates say (or
    how long before it ``later`` is dated, for a copy that credits it or a bare date a day
    apart)."""
    if _has_time(earlier) and _has_time(later):
        if delay < timedelta(0):
            return f"dated {_delay(-delay)} before it"
        return f"published {_delay(delay)} after it"
    days = (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days
    if days < 0:
        return "dated the day before it" if days == -1 else f"dated {-days} days before it"
    if days == 0:
        return "published the same day"
    return "published the next day" if days == 1 else f"published {days} days after it"


def copied_from(
    documents: Sequence[Document],
    reuse: Reuse | None = None,
    ranked: Sequence[Originality] | None = None,
) -> tuple[CopiedFrom | None, ...]:
    """For each version, the earlier version it most likely copied from (or None).

    Earlier means dated before it when both are dated, else more likely the original; an outlet
    that a version credits is earlier than it whatever the dates. Among the
    earlier versions the one holding the most of its text word for word is the guess (the more
    original of those within ``COPY_MARGIN`` of the most), if that is at least
    ``MIN_COPY_SHARE`` of its text.
    """
    reuse = reuse or measure_reuse(documents)
    ranked = ranked or rank_originals(documents, reuse)
    rank = {item.index: position for position, item in enumerate(ranked)}
    by_index = {item.index: item for item in ranked}
    guesses: list[CopiedFrom | None] = []
    for j in range(len(documents)):
        candidates = [
            by_index[i]
            for i in range(len(documents))
            if i != j
            and i not in by_index[j].credited_by
            and (
                j in by_index[i].credited_by or _earlier(by_index[i], by_index[j], rank, documents)
            )
        ]
        top = max((reuse.phrases[j][item.index] for item in candidates), default=0.0)
        best = min(
            (item for item in candidates if reuse.phrases[j][item.index] >= top - COPY_MARGIN),
            key=lambda item: rank[item.index],
            default=None,
        )
        if best is None or reuse.phrases[j][best.index] < MIN_COPY_SHARE:
            guesses.append(None)
            continue
        i = best.index
        share = reuse.phrases[j][i]
        parts = []
        later = by_index[j].published
        if best.published is not None and later is not None:
            parts.append(
                _published_after(
                    documents[i].published, documents[j].published, later - best.published
                )
            )
        if j in best.credited_by:
            parts.append(f"credits its outlet ({' '.join(documents[i].outlet.split())})")
        sentences = reuse.reproduced[j][i]
        parts.append(
            f"{share:.0%} of its text word for word in it"
            + (f" ({sentences} of {reuse.counted[j]} sentences)" if sentences else "")
        )
        guesses.append(CopiedFrom(source=i, share=round(share, 4), reason="; ".join(parts)))
    return tuple(guesses)


def _delay(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"
