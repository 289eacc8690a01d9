"""Why a link was made: the shared rare words, names and numbers that carried its score.

The aligner scores a pair by the inverse-frequency weight of the content terms both sides share
(see ``align.py``); the evidence lists the heaviest of them as written in the base, so a reader
can see at a glance that "Sheila Smith", "54,000" and "liquefied" tied two sentences together.
"""

from __future__ import annotations

import re

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


def _written_forms(text: str) -> dict[str, str]:
    """Each content term of ``text`` with the first word that yields it, as written."""
    forms: dict[str, str] = {}
    for match in _WORD.finditer(normalize_quotes(text)):
        word = match.group()
        for part in word.replace("\u2019", "'").split("-") if "-" in word else [word]:
            lowered = part.casefold().removesuffix("'s")
            if not lowered or lowered in STOPWORDS:
                continue
            term = "#" + number_value(lowered) if lowered[0].isdigit() else stem(lowered)
            forms.setdefault(term, part)
    return forms


def link_evidence(base_text: str, other_text: str, weights: TermWeights) -> LinkEvidence:
    """The shared terms, names and numbers of two linked texts, the most telling first."""
    shared = content_terms(base_text) & content_terms(other_text)
    forms = _written_forms(base_text)
    base_names = name_words(base_text)[0]
    other_names = name_words(other_text)[0]
    shared_names = base_names & other_names
    other_numbers = {canonical for canonical, _ in number_mentions(other_text)}
    numbers: list[str] = []
    for canonical, written in number_mentions(base_text):
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
    names = written_names(base_text, shared_names)
    return LinkEvidence(
        terms=tuple(forms.get(term, term) for term in words[:EVIDENCE_TERMS]),
        names=tuple(names[:EVIDENCE_NAMES]),
        numbers=tuple(numbers[:EVIDENCE_NUMBERS]),
    )
