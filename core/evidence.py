"""Why a link was made: the shared rare words, names and numbers that carried its score.

The aligner scores a pair by the inverse-frequency weight of the content terms both sides share
(see ``align.py``); the evidence lists the heaviest of them as written in the base, so a reader
can see at a glance that "Sheila Smith", "54,000" and "liquefied" tied two sentences together.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .align import TermWeights
from .flags import name_words, number_mentions, written_names
from .model import LinkEvidence
from .segment import normalize_quotes
from .words import STOPWORDS, content_terms, number_value, stem

EVIDENCE_TERMS = 6
"""Shared content words listed per link, rarest first."""
EVIDENCE_NAMES = 4
EVIDENCE_NUMBERS = 4
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*|\d(?:[\d,]*\d)?(?:\.\d+)?")


@functools.lru_cache(maxsize=50_000)
def _sentence_facts(
    text: str,
) -> tuple[
    frozenset[str], frozenset[str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]
]:
    """Content terms, names, numbers (canonical, as written) and written forms of a sentence.

    Cached: the base's sentences come back in every comparison.
    """
    forms: dict[str, str] = {}
    for word in _WORD.findall(normalize_quotes(text)):
        for term, part in _word_terms(word):
            forms.setdefault(term, part)
    return (
        content_terms(text),
        frozenset(name_words(text)[0]),
        tuple(number_mentions(text)),
        tuple(forms.items()),
    )


@functools.lru_cache(maxsize=65_536)
def _word_terms(word: str) -> tuple[tuple[str, str], ...]:
    """The content terms of one word (of each part of a hyphenated one), with the part written."""
    found = []
    for part in word.replace("\u2019", "'").split("-") if "-" in word else [word]:
        lowered = part.casefold().removesuffix("'s")
        if not lowered or lowered in STOPWORDS:
            continue
        found.append(("#" + number_value(lowered) if lowered[0].isdigit() else stem(lowered), part))
    return tuple(found)


def link_evidence(
    base_sentences: Sequence[str], other_sentences: Sequence[str], weights: TermWeights
) -> LinkEvidence:
    """The shared terms, names and numbers of two linked groups of sentences, most telling first."""
    base = [_sentence_facts(text) for text in base_sentences]
    other = [_sentence_facts(text) for text in other_sentences]
    shared = frozenset().union(*(f[0] for f in base)) & frozenset().union(*(f[0] for f in other))
    forms: dict[str, str] = {}
    for facts in base:
        for term, written in facts[3]:
            forms.setdefault(term, written)
    shared_names = frozenset().union(*(f[1] for f in base)) & frozenset().union(
        *(f[1] for f in other)
    )
    other_numbers = {canonical for facts in other for canonical, _ in facts[2]}
    numbers: list[str] = []
    for facts in base:
        for canonical, written in facts[2]:
            if canonical in other_numbers and written not in numbers:
                numbers.append(written)
    named_terms = {stem(name) for name in shared_names}
    number_words = {word.casefold() for written in numbers for word in written.split()}
    words = [
        term
        for term in sorted(shared, key=lambda term: (-weights(term), term))
        if not term.startswith("#")
        and term not in named_terms
        and forms.get(term, term).casefold() not in number_words
    ]
    names = written_names(" ".join(base_sentences), shared_names) if shared_names else []
    return LinkEvidence(
        terms=tuple(forms.get(term, term) for term in words[:EVIDENCE_TERMS]),
        names=tuple(names[:EVIDENCE_NAMES]),
        numbers=tuple(numbers[:EVIDENCE_NUMBERS]),
    )
