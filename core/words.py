"""Words of a sentence: tokens with offsets, normal forms, and the content terms alignment weighs.

Content terms are stems of the words that carry meaning (no function words), with spelling
variants, common news paraphrases and names of countries folded together, and numbers in one
canonical form ("54,000" and "54000" are the same term).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation

from . import porter
from .segment import normalize_quotes

# A token is a number (with its separators), a word (with inner apostrophes and hyphens), or
# any other single non-space character.
_TOKEN = re.compile(
    r"[$\u00a3\u20ac\u00a5]?\d(?:[\d,]*\d)?(?:\.\d+)?%?"
    r"|[^\W\d_]+(?:['\u2019][^\W\d_]+)*"
    r"|\S",
)
_WORD = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?|[^\W\d_]+")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-"})
_POSSESSIVE = re.compile(r"\"s\b")
_DOUBLE_HYPHEN = re.compile(r"\s*-{2,}\s*|\s+-\s+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's
    i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own
    same shan't she she'd she'll she's should shouldn't so some such than that that's the
    their theirs them themselves then there there's these they they'd they'll they're
    they've this those through to too under until up very was wasn't we we'd we'll we're
    we've were weren't what what's when when's where where's which while who who's whom why
    why's will with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves s t just now may might must shall also yet still even one two such well
    within upon via per whether though although however notably additionally furthermore
    meanwhile moreover""".split()
)

# Spellings and phrasings that mean the same; the first word of a group is its canonical form.
_SYNONYM_GROUPS = (
    "say said says saying told tell tells stated remarked noted affirmed added explained",
    "reduce reduced reduces reducing reduction reductions cut cuts cutting lower lowered "
    "slash slashed decrease decreased curb curbed",
    "increase increased increases increasing raise raised raises boost boosted boosts "
    "hike hiked rise rose risen grow grew",
    "buy bought buys buying purchase purchases purchased purchasing",
    "expect expected expects expecting anticipate anticipated anticipates",
    "discuss discussed discusses discussing discussion discussions talks",
    "country countries nation nations",
    "goal goals aim aims aimed intention intentions intent intend intends objective",
    "leave leaves left leaving depart departed departs",
    "propose proposed proposes proposing suggest suggested suggests",
    "emphasize emphasized emphasizes emphasise emphasised underscore underscored "
    "underscores stress stressed highlight highlighted highlights",
    "importance significance",
    "important significant",
    "pledge pledged pledges vow vowed vows promise promised promises",
    "troops soldiers personnel",
    "help helps helped assist assisted aid aided",
    "show shows showed shown demonstrate demonstrated demonstrates",
    "begin began begins start started starts launch launched launches initiate initiated",
    "need needs needed require required requires",
    "top leading biggest largest",
    "defense defence",
    "favor favour",
    "honor honour",
    "labor labour",
    "center centre",
    "program programme",
    "organization organisation",
    "realize realise",
    "recognize recognise",
    "prioritize prioritise",
    "meet meets met meeting",
    "crash crashes crashed collision collisions collide collided collides accident accidents",
)
# Demonyms fold into their country: "Japanese officials" and "Japan's officials".
_DEMONYMS = {
    "japanese": "japan",
    "chinese": "china",
    "american": "us",
    "americans": "us",
    "america": "us",
    "british": "uk",
    "russian": "russia",
    "israeli": "israel",
    "israelis": "israel",
    "korean": "korea",
    "taiwanese": "taiwan",
    "ukrainian": "ukraine",
    "french": "france",
    "german": "germany",
    "indian": "india",
    "pakistani": "pakistan",
    "iranian": "iran",
    "palestinian": "palestine",
    "palestinians": "palestine",
    "european": "eu",
    "asian": "asia",
    "african": "africa",
    "mexican": "mexico",
    "canadian": "canada",
    "australian": "australia",
    "filipino": "philippines",
    "philippine": "philippines",
}
_SYNONYMS: dict[str, str] = {
    word: group.split()[0] for group in _SYNONYM_GROUPS for word in group.split()
} | _DEMONYMS

# Names written several ways; applied to lower-cased text before tokenising.
_ALIAS_TABLE = (
    (r"u\.\s?s\.(?:\s?a\.)?|united states(?: of america)?\b|usa\b", " us "),
    (r"u\.\s?k\.|united kingdom\b|britain\b", " uk "),
    (r"u\.\s?n\.|united nations\b", " un "),
    (r"e\.\s?u\.|european union\b", " eu "),
    (r"agence france[- ]presse\b", " afp "),
    (r"associated press\b", " ap "),
    (r"prime minister\b", " pm "),
    (r"artificial intelligence\b", " ai "),
)
_ALIASES = re.compile(r"\b(?:" + "|".join(f"({pattern})" for pattern, _ in _ALIAS_TABLE) + ")")


_ALIAS_HINTS = (
    "u.", "e.", "united", "usa", "britain", "european", "agence", "associated", "prime",
    "artificial",
)  # fmt: skip
"""Every name ``_ALIASES`` rewrites holds one of these."""


def _alias(match: re.Match[str]) -> str:
    return _ALIAS_TABLE[match.lastindex - 1 if match.lastindex else 0][1]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-case word, after folding synonyms and spellings."""
    return porter.stem(_SYNONYMS.get(word, word))


SENTENCE_CACHE = 16384
"""Sentences whose normalised text and terms are kept: versions of one story share most of their
sentences, and a base's are looked at again in every comparison."""


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def normalize(text: str) -> str:
    """The form two sentences must share to count as identical.

    Case, whitespace, quote marks, dashes and accents do not matter.
    """
    text = normalize_quotes(text).replace("'", '"')
    if not text.isascii():
        text = text.translate(_DASHES)
    if "-" in text:  # every double hyphen or spaced hyphen holds one
        text = _DOUBLE_HYPHEN.sub(" - ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())  # runs of whitespace as one space, none at the ends


_TOKEN_FOLD = str.maketrans(
    {
        "\u2018": '"',
        "\u2019": '"',
        "'": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)


def fold_token(token: str) -> str:
    """A token in the form used to compare words: case, quote marks and dashes folded."""
    if token.isascii():  # the only ASCII mark folded is the apostrophe
        return token.replace("'", '"').lower()
    return token.translate(_TOKEN_FOLD).casefold()


def number_value(token: str) -> str:
    """A number token in canonical form: "54,000" -> "54000", "14.90" -> "14.9"."""
    digits = token.lstrip("$\u00a3\u20ac\u00a5").rstrip("%").replace(",", "")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return digits


_UNITS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER_OR_SCALE = _NUMBER_WORDS | frozenset(_SCALES)


def _spelled_number(words: Sequence[str], start: int) -> tuple[str, int] | None:
    """A number written out from ``words[start]``: its canonical value and the words it takes.

    "thirty thousand" = "30,000", "three" = "3", "a million" = "1,000,000", "1.9 million" =
    "1,900,000". A lone "one" is left alone: it is far more often a pronoun than a count.
    """
    total, current = Decimal(0), Decimal(0)
    position = start
    first = words[start]
    if first[0].isdigit() or first in ("a", "an"):
        if start + 1 >= len(words) or words[start + 1] not in _SCALES:
            return None
        try:
            current = Decimal(number_value(first)) if first[0].isdigit() else Decimal(1)
        except InvalidOperation:
            return None
        position += 1
    seen_word = False
    while position < len(words):
        word = words[position]
        if word in _UNITS or word in _TENS:
            if seen_word and current % 10 and word in _UNITS:
                break  # "three four": two numbers
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif word in _SCALES and (seen_word or position > start):
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = Decimal(0)
        elif word == "and" and seen_word and position + 1 < len(words):
            if words[position + 1] not in _UNITS and words[position + 1] not in _TENS:
                break
        else:
            break
        seen_word = True
        position += 1
    taken = position - start
    if not seen_word or (taken == 1 and first == "one"):
        return None
    value = total + current
    text = format(value.normalize(), "f") if value else "0"
    return number_value(text), taken


def content_terms(text: str, normalized: str | None = None) -> frozenset[str]:
    """The meaning-bearing terms of a sentence: stems, names and numbers (``#54000``).

    Numbers written out count as numbers: "thirty thousand" and "30,000" are both ``#30000``.
    ``normalized`` is ``normalize(text)`` when the caller already has it.
    """
    if normalized is None:
        normalized = normalize(text)
    return _terms(normalized)


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _terms(normalized: str) -> frozenset[str]:
    lowered = _POSSESSIVE.sub("", normalized).replace('"', " ")
    if any(hint in lowered for hint in _ALIAS_HINTS):
        lowered = _ALIASES.sub(_alias, lowered)
    terms: set[str] = set()
    words = _WORD.findall(lowered)
    if _NUMBER_OR_SCALE.isdisjoint(words):  # no number written out: the quick way
        for word in words:
            if word[0].isdigit():
                terms.add("#" + number_value(word))
            elif word not in STOPWORDS and len(word) > 1:
                terms.add(stem(word))
        return frozenset(terms)
    position = 0
    while position < len(words):
        word = words[position]
        spelled = None
        if word in _NUMBER_WORDS or (
            (word[0].isdigit() or word in ("a", "an"))
            and position + 1 < len(words)
            and words[position + 1] in _SCALES
        ):
            spelled = _spelled_number(words, position)
        if spelled is not None:
            terms.add("#" + spelled[0])
            position += spelled[1]
            continue
        if word[0].isdigit():
            terms.add("#" + number_value(word))
        elif word not in STOPWORDS and len(word) > 1:
            terms.add(stem(word))
        position += 1
    return frozenset(terms)


def tokens(text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """Word, number and punctuation tokens of ``text`` as ``(start, end, token)``."""
    for match in _TOKEN.finditer(text):
        yield match.start() + offset, match.end() + offset, match.group()


TOKEN_CACHE = 1024
"""Sentences whose tokens are kept: enough for a story's base, diffed against every version
(tokens take room: a cache as large as ``SENTENCE_CACHE`` would hold megabytes)."""


@functools.lru_cache(maxsize=TOKEN_CACHE)
def sentence_tokens(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """``tokens(text)`` and each token's ``fold_token`` form, computed once per sentence text
    (a base's sentences are diffed again in every comparison). Shared: never change them."""
    found = tuple([(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text)])
    if text.isascii():  # folding is then per character: fold the text once, cut it up
        folded = text.replace("'", '"').lower()
        return found, tuple([folded[start:end] for start, end, _ in found])
    return found, tuple([fold_token(token) for _, _, token in found])
