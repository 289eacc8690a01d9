"""The engine's quick paths give what the plain computations they replace give (hypothesis).

Each shortcut taken for speed (a prefilter before a regular expression, a cache, a fold of a
whole sentence at once, a count kept per document) is checked against the straightforward form.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from wirediff.core import document_from_text
from wirediff.core.align import _best_first, _crossings
from wirediff.core.diff import PROTAGONIST_SHARE, name_context
from wirediff.core.flags import (
    _DATE_WORD,
    _NUMBER,
    _QUALIFIER_BEFORE,
    _words,
    name_changes,
    name_words,
    names,
    number_mentions,
    written_names,
)
from wirediff.core.model import Flag, FlagNote, Role
from wirediff.core.segment import _QUOTE_TABLE, normalize_quotes, segment
from wirediff.core.words import fold_token, normalize, sentence_tokens, tokens

PIECES = st.sampled_from(
    [
        "Japan",
        "Trump",
        "Smith's",
        "said",
        "the",
        "market",
        "Monday",
        "today",
        "Sept.",
        "sep",
        "MAY",
        "decision",
        "54,000",
        "$14.9",
        "billion",
        "around",
        "per cent",
        "'quote'",
        '"word"',
        "“yes”",
        "‘no’",
        "«oui»",
        "U.S.",
        "u. s.",
        "--",
        " - ",
        "—",
        "–",
        "Straße",
        "İstanbul",
        "ﬁne",
        "K",
        "\u017fep",
        ".",
        "?",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "\u2003",
        "\x1c",
        "O'Neil",
        "Indo-Pacific's",
    ]
)
TEXTS = st.lists(PIECES, max_size=30).map(" ".join)


def _plain_number_mentions(text: str) -> list[tuple[str, str]]:
    """``number_mentions`` as it was: both regular expressions over the whole text."""
    from wirediff.core.flags import _CURRENCY_WORDS, _MONTH_ABBREVIATIONS, _QUALIFIERS, _SCALES
    from wirediff.core.words import number_value

    found: list[tuple[int, str, str]] = []
    for match in _NUMBER.finditer(text):
        start = match.start("currency") if match.group("currency") else match.start("value")
        before = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
        qualifier = _QUALIFIERS.get(before.group("qualifier").casefold(), "") if before else ""
        currency = match.group("currency") or ""
        if match.group("currency_word"):
            currency = _CURRENCY_WORDS.get(match.group("currency_word").casefold(), currency)
        currency = "$" if currency.upper() == "US$" else currency
        scale = _SCALES.get((match.group("scale") or "").casefold(), "")
        percent = "%" if match.group("percent") else ""
        value = number_value(match.group("value"))
        canonical = " ".join(part for part in (qualifier, currency + value, scale, percent) if part)
        written = text[before.start("qualifier") if before else start : match.end()].strip()
        found.append((start, canonical, " ".join(written.split())))
    for match in _DATE_WORD.finditer(text):
        word = match.group().rstrip(".").casefold()
        found.append((match.start(), _MONTH_ABBREVIATIONS.get(word, word), match.group()))
    return [(canonical, written) for _, canonical, written in sorted(found)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_number_mentions_match_the_plain_scan(text: str) -> None:
    assert number_mentions(text) == _plain_number_mentions(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_quotes_matches_translate(text: str) -> None:
    assert normalize_quotes(text) == text.translate(_QUOTE_TABLE)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_normalize_collapses_whitespace_as_the_regular_expression_did(text: str) -> None:
    folded = normalize(text)
    assert folded == re.sub(r"\s+", " ", folded).strip()
    assert normalize(text.replace("  ", " \t ")) == folded


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentence_tokens_are_the_tokens_folded_one_by_one(text: str) -> None:
    found, folded = sentence_tokens(text)
    assert found == tuple(tokens(text))
    assert folded == tuple(fold_token(token) for _, _, token in found)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_name_changes_match_the_plain_lookup(base: str, other: str) -> None:
    base_names, other_names = names(base), names(other)
    dropped = base_names - _words(other)
    added = other_names - _words(base)
    expected = [FlagNote(Flag.NAME_CHANGED, name, "") for name in written_names(base, dropped)]
    expected += [FlagNote(Flag.NAME_CHANGED, "", name) for name in written_names(other, added)]
    assert name_changes(base, other) == expected


def _plain_name_context(base_text: str, other_text: str) -> tuple[frozenset[str], frozenset[str]]:
    """``name_context`` as it was: every body sentence's names counted for each pair."""
    sides = [
        [name_words(s.text) for s in document_from_text(text).sentences if s.role is Role.BODY]
        for text in (base_text, other_text)
    ]
    known = frozenset(name for side in sides for inside, _ in side for name in inside)
    counts = [
        Counter(name for inside, opening in side for name in inside | (opening & known))
        for side in sides
    ]
    protagonists = frozenset(
        name
        for name in counts[0].keys() & counts[1].keys()
        if all(
            count[name] >= PROTAGONIST_SHARE * max(len(side), 1)
            for count, side in zip(counts, sides, strict=True)
        )
    )
    return known, protagonists


NAMED = st.lists(
    st.sampled_from(
        ["Smith said so.", "Ishiba met Trump.", "Trump left.", "He met Smith in Tokyo.", "Rain."]
    ),
    min_size=1,
    max_size=8,
).map(lambda sentences: "Headline Here\n\n" + " ".join(sentences))


@settings(max_examples=100, deadline=None)
@given(NAMED, NAMED)
def test_name_context_matches_the_plain_count(base_text: str, other_text: str) -> None:
    base, other = document_from_text(base_text), document_from_text(other_text)
    assert name_context(base, other) == _plain_name_context(base_text, other_text)


SCORED = st.lists(
    st.tuples(
        st.sampled_from([0.0, 0.25, 0.5, 0.5000001, 1.0]),
        st.integers(0, 5),
        st.integers(0, 5),
    ),
    max_size=30,
)


@given(SCORED)
def test_best_first_is_the_keyed_sort(scored: list[tuple[float, int, int]]) -> None:
    expected = sorted(scored, key=lambda item: (-item[0], item[1], item[2]))
    _best_first(scored)
    assert scored == expected


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9))), st.integers(0, 9))
def test_crossings_count(pairs: list[tuple[int, int]], i: int) -> None:
    expected = sum(1 for b, o in pairs if (b - i) * (o - i) < 0)
    assert _crossings(pairs, (i, i)) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6).map("\n\n".join))
def test_segment_with_a_limit_matches_segment_without(text: str) -> None:
    assert segment(text, limit=10_000) == segment(text)
