"""What a journalist checks first in a reworded passage: quotes, numbers, names, attribution.

Each detector reads the text of the two sides of a link and answers with a flag or nothing.
Quote marks may be straight or curly, double or single.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .model import Flag
from .segment import normalize_quotes
from .words import number_value

TEXT_CACHE = 16384
"""Sentence texts whose numbers, names and attributions are kept: a base version's sentences
are looked at again in every comparison. Cached results are shared: never change them."""
DOCUMENT_CACHE = 64
"""Whole document texts whose quotations are kept (few: only the base recurs)."""

# -- quotations ------------------------------------------------------------------------------
_OPENERS = " \t\n([{-\u2014\u2013/:;,"
_QUOTE_OR_PARAGRAPH = re.compile(r"[\"']|\n[ \t]*\n")
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@lru_cache(maxsize=DOCUMENT_CACHE)
def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of the text inside quotation marks (marks excluded), in order.

    Apostrophes inside words ("That's") are not quote marks; a quote left open at the end of a
    paragraph is ignored.
    """
    normalized = normalize_quotes(text)
    spans: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for found in _QUOTE_OR_PARAGRAPH.finditer(normalized):
        index, char = found.start(), found.group()[0]
        if char == "\n":
            open_at.clear()
            continue
        before = normalized[index - 1] if index else " "
        after = normalized[index + 1] if index + 1 < len(normalized) else " "
        if char == "'" and before.isalnum() and after.isalnum():
            continue  # apostrophe
        opening = before in _OPENERS or (before in ".!?" and after.isupper())
        if char in open_at and not (opening and after.isalnum() and char == "'"):
            start = open_at.pop(char)
            if index > start:
                spans.append((start, index))
        elif (
            char in open_at
            or (opening and not after.isspace())
            or (char == '"' and not after.isspace())
        ):
            open_at[char] = index + 1
    return sorted(spans)


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quotation, lower-cased, for comparing quotes."""
    return tuple(word.casefold() for word in _QUOTE_WORD.findall(normalize_quotes(text)))


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    size = len(shorter)
    return any(tuple(longer[k : k + size]) == tuple(shorter) for k in range(len(longer) - size + 1))


def quote_flags(
    base_quotes: Sequence[tuple[str, ...]],
    other_quotes: Sequence[tuple[str, ...]],
    other_words: frozenset[str],
    base_words: frozenset[str],
) -> set[Flag]:
    """``quote_altered`` and ``quote_dropped`` for the quotes on the two sides of a link."""
    flags: set[Flag] = set()
    unmatched_other = list(other_quotes)
    for quote in base_quotes:
        if not quote:
            continue
        best, best_overlap = None, 0.0
        for candidate in unmatched_other:
            if not candidate:
                continue
            shared = len(set(quote) & set(candidate))
            overlap = shared / min(len(set(quote)), len(set(candidate)))
            if overlap > best_overlap:
                best, best_overlap = candidate, overlap
        if best is not None and best_overlap >= 0.5:
            unmatched_other.remove(best)
            if not (_contains(quote, best) or _contains(best, quote)):
                flags.add(Flag.QUOTE_ALTERED)
        else:
            flags.add(Flag.QUOTE_DROPPED)
    for quote in unmatched_other:
        # words put between quote marks that the base said without quoting them
        if len(quote) >= 3 and len(set(quote) & base_words) / len(set(quote)) >= 0.6:
            flags.add(Flag.QUOTE_ALTERED)
    return flags


# -- numbers ---------------------------------------------------------------------------------
_QUALIFIERS = {
    "around": "about",
    "about": "about",
    "some": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "more than": "over",
    "over": "over",
    "upwards of": "over",
    "in excess of": "over",
    "at least": "at least",
    "less than": "under",
    "fewer than": "under",
    "under": "under",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
}
_QUALIFIER = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_SCALES = {
    "thousand": "thousand",
    "million": "million",
    "m": "million",
    "mn": "million",
    "billion": "billion",
    "bn": "billion",
    "b": "billion",
    "trillion": "trillion",
    "tn": "trillion",
}
_CURRENCY_WORDS = {
    "dollars": "$",
    "dollar": "$",
    "usd": "$",
    "us$": "$",
    "euros": "€",
    "euro": "€",
    "eur": "€",
    "pounds": "£",
    "gbp": "£",
    "yen": "¥",
}
_NUMBER = re.compile(
    r"(?P<currency>US\$|[$\u00a3\u20ac\u00a5])?\s?"
    r"(?P<value>\d(?:[\d,]*\d)?(?:\.\d+)?)"
    r"(?:\s?-?\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|b)\b)?"
    r"(?P<percent>\s?(?:%|per ?cent\b|percent\b))?"
    r"(?:\s(?P<currency_word>dollars?|usd|euros?|eur|pounds|gbp|yen)\b)?",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE = re.compile(r"\b(?P<qualifier>" + _QUALIFIER + r")\s+$", re.IGNORECASE)
"""A qualifier just before a number: "around 54,000" (searched in the few words before it)."""
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBREVIATIONS = {month[:3]: month for month in _MONTHS} | {"sept": "september"}
_DATE_WORD = re.compile(
    r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?P<month>january|february|march|april|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?",
    re.IGNORECASE,
)


@lru_cache(maxsize=TEXT_CACHE)
def numbers(text: str) -> Counter[str]:
    """Numbers, amounts and dates of a text in canonical form, with how often each occurs.

    "around 54,000" and "about 54000" are the same; "$14.9-billion" and "$14.9 billion" too.
    """
    found: Counter[str] = Counter()
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
        found[" ".join(part for part in (qualifier, currency + value, scale, percent) if part)] += 1
    for match in _DATE_WORD.finditer(text):
        word = match.group().rstrip(".").casefold()
        if match.group("month") and match.group() == "may":
            continue  # the verb, not the month
        found[_MONTH_ABBREVIATIONS.get(word, word)] += 1
    return found


# -- names -----------------------------------------------------------------------------------
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*[\w]|\b[A-Z]\b")
_NOT_NAMES = frozenset(
    """a an the and but or if in on at of for to by with from as this that these those it its
    he she they we i you his her their our my your there here then when while after before
    since although though however also yet so not no one today tomorrow yesterday mr mrs ms
    dr prof president prime minister ministers secretary chancellor king queen prince
    princess chairman chief senator sen rep gov governor mayor general gen director
    spokesman spokeswoman spokesperson ambassador professor leader leaders former senior
    deputy vice acting new monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec according meanwhile additionally notably
    furthermore moreover both each some during""".split()
)
_PLACES = frozenset(
    """us usa america american americans uk britain british england english scotland wales
    ireland irish europe european eu asia asian africa african australia australian canada
    canadian mexico mexican china chinese japan japanese korea korean taiwan taiwanese india
    indian pakistan pakistani russia russian ukraine ukrainian france french germany german
    italy italian spain spanish brazil brazilian israel israeli gaza iran iranian iraq syria
    turkey turkish egypt saudi arabia philippines philippine indonesia vietnam thailand
    singapore malaysia tokyo beijing washington london paris berlin moscow seoul kyiv delhi
    islamabad manila canberra ottawa brussels geneva new york pacific atlantic indo-pacific
    middle east west east north south western eastern northern southern strait sea gulf
    white house florida united states kingdom republic""".split()
)


_NAME_PARTS = re.compile(r"[-'\u2019.]")


@lru_cache(maxsize=TEXT_CACHE)
def name_words(text: str) -> tuple[set[str], set[str]]:
    """Lower-cased words of capitalised names that are not places, titles or dates.

    Returns the words found inside sentences, and those that open a sentence or quote (which
    are capitalised anyway, so count only when known as names from elsewhere).
    """
    inside: set[str] = set()
    opening: set[str] = set()
    normalized = normalize_quotes(text)
    for match in _CAPITALISED.finditer(normalized):
        position = match.start() - 1
        while position >= 0 and normalized[position].isspace():
            position -= 1
        found = opening if position < 0 or normalized[position] in ".!?\"'" else inside
        for part in _NAME_PARTS.split(match.group()):
            key = part.casefold()
            if len(key) >= 2 and key not in _NOT_NAMES and key not in _PLACES and key != "s":
                found.add(key)
    return inside, opening


def names(text: str, known: frozenset[str] = frozenset()) -> set[str]:
    """Names in ``text``; a capitalised word opening a sentence counts when ``known``."""
    inside, opening = name_words(text)
    return inside | (opening & known)


def _words(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in re.findall(r"[^\W_]+", normalize_quotes(text)))


def name_flag(
    base_text: str,
    other_text: str,
    known: frozenset[str] = frozenset(),
    ignored: frozenset[str] = frozenset(),
) -> bool:
    """A person or organisation named on one side is absent from the other.

    ``known`` are names seen elsewhere in the documents (see ``names``); ``ignored`` ones (the
    story's protagonists) never count.
    """
    base_names = names(base_text, known) - ignored
    other_names = names(other_text, known) - ignored
    base_words, other_words = _words(base_text), _words(other_text)
    return bool(base_names - other_words) or bool(other_names - base_words)


# -- attribution -----------------------------------------------------------------------------
_ATTRIBUTION = re.compile(
    # Only forms that are verbs: "states", "notes", "claims", "reports" are mostly nouns.
    r"\b(?P<verb>said|says|say|told|tells|tell|stated|added|adds|noted|remarked|"
    r"explained|warned|affirmed|insisted|claimed|argued|reported|wrote|writes|"
    r"confirmed|denied|hinted|"
    r"acknowledged|admitted|according to)\b"
)
_LEMMAS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "stated": "state",
    "states": "state",
    "added": "add",
    "adds": "add",
    "noted": "note",
    "notes": "note",
    "claims": "claim",
    "claimed": "claim",
    "reports": "report",
    "reported": "report",
    "writes": "write",
    "wrote": "write",
}
_CLAUSE_END = re.compile(r"[,.;:!?\"()\u2014\u2013]|\s-{1,2}\s")
_SENTENCE_END = re.compile(r"[.!?;:\"]|\s-{1,2}\s|[\u2014\u2013]")
_CLAUSE_WORD = re.compile(r"[^\W_][\w'-]*")
_FUNCTION_WORDS = frozenset(
    """and but or nor the a an to of that it as while whereas meanwhile however also then when
    after before although though because since yet so still now later earlier""".split()
)


@lru_cache(maxsize=TEXT_CACHE)
def attributions(text: str) -> frozenset[str]:
    """Who said it, how, and to whom.

    For each verb of saying: the verb, the subject of the clause that leads up to it and the
    names in it ("she said", "Finance Minister Carlos Ribeiro ... said"), and the recipient or
    speaker after it ("told Agence France-Presse (AFP)", "said hydrologist Mira Castellanos of
    the Institute").
    """
    normalized = normalize_quotes(text)
    found: set[str] = set()
    for match in _ATTRIBUTION.finditer(normalized):
        verb = match.group("verb")
        found.add("verb:" + _LEMMAS.get(verb, verb))
        window_start = max(0, match.start() - 120)
        before = normalized[window_start : match.start()]
        clause_start = window_start + max(
            (m.end() for m in _CLAUSE_END.finditer(before)), default=0
        )
        words = [
            word
            for word in _CLAUSE_WORD.finditer(normalized, clause_start, match.start())
            if word.group().casefold() not in _FUNCTION_WORDS
        ]
        # The speaker: the clause's subject (its first word: "The government ... said",
        # "scientists say") and the names in it ("Governor Hannah Lindqvist said").
        if words:
            found.add("by:" + words[0].group().casefold())
        found.update(
            "by:" + word.group().casefold()
            for word in words
            if word.group()[0].isupper() and not _opens_sentence(normalized, word.start())
        )
        sentence_rest = _SENTENCE_END.split(normalized[match.end() : match.end() + 160], 1)[0]
        clauses = sentence_rest.split(",")
        if verb in ("told", "tell", "tells", "according to"):
            # the recipient or source: "told analysts", "according to the Yomiuri daily"
            recipient = _CLAUSE_WORD.findall(clauses[0])[:6]
            found.update("to:" + word.casefold() for word in recipient[:3])
            found.update("to:" + word.casefold() for word in recipient if word[0].isupper())
        elif normalized[window_start : match.start()].rstrip().endswith(('"', "'", ",")):
            # the speaker after the verb: '"...," said Josef Brandt, president of the Union'
            speaker_words = _CLAUSE_WORD.findall(" ".join(clauses[:2]))[:12]
            found.update("to:" + word.casefold() for word in speaker_words if word[0].isupper())
    return frozenset(found)


def _opens_sentence(text: str, position: int) -> bool:
    """Whether the word at ``position`` is the first of a sentence (capitalised anyway)."""
    position -= 1
    while position >= 0 and (text[position].isspace() or text[position] in "\"'("):
        position -= 1
    return position < 0 or text[position] in ".!?"


def attribution_flag(base_text: str, other_text: str) -> bool:
    """The attribution of a statement changed: verb of saying, speaker or recipient."""
    return attributions(base_text) != attributions(other_text)


def number_flag(base_text: str, other_text: str) -> bool:
    """A number, amount or date changed, vanished or appeared."""
    return numbers(base_text) != numbers(other_text)
