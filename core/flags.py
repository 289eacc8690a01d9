"""What a journalist checks first in a reworded passage: quotes, numbers, names, attribution.

Each detector reads the text of the two sides of a link and answers with a flag or nothing.
Quote marks may be straight or curly, double or single.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .model import Flag, FlagNote
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


def written_quote_words(text: str) -> tuple[str, ...]:
    """The words of a quotation as written (case kept), for showing what changed."""
    return tuple(_QUOTE_WORD.findall(normalize_quotes(text)))


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quotation, lower-cased, for comparing quotes."""
    return _folded(written_quote_words(text))


def _folded(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(word.casefold() for word in words)


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
    return {note.flag for note in quote_changes(base_quotes, other_quotes, other_words, base_words)}


QUOTE_NOTE_WORDS = 8
"""Words of a dropped quote shown in its note."""


def _quoted(words: Sequence[str], limit: int = QUOTE_NOTE_WORDS) -> str:
    shown = " ".join(words[:limit]) + (" …" if len(words) > limit else "")
    return f'"{shown}"'


QUOTE_NOTES = 3
"""Differences listed per altered quote."""


def _quote_differences(base: Sequence[str], other: Sequence[str]) -> list[FlagNote]:
    """The words that differ between two versions of one quote: ``"intention" -> "goal"``
    (compared lower-cased, shown as written)."""
    matcher = SequenceMatcher(None, _folded(base), _folded(other), autojunk=False)
    notes = []
    for op, b1, b2, o1, o2 in matcher.get_opcodes():
        if op != "equal":
            removed = " ".join(base[b1:b2])
            added = " ".join(other[o1:o2])
            notes.append(
                FlagNote(
                    Flag.QUOTE_ALTERED,
                    f'"{removed}"' if removed else "",
                    f'"{added}"' if added else "",
                )
            )
    # the replacements first: they say most
    notes.sort(key=lambda note: not (note.base and note.other))
    return notes[:QUOTE_NOTES]


def quote_changes(
    base_quotes: Sequence[tuple[str, ...]],
    other_quotes: Sequence[tuple[str, ...]],
    other_words: frozenset[str],
    base_words: frozenset[str],
) -> list[FlagNote]:
    """What changed in the quotes on the two sides of a link, one note per altered or dropped quote.

    A base quote is matched with the other side's quote sharing most of its words; if neither
    contains the other, its words were altered; with no match it was dropped (turned into
    paraphrase or removed). Words put between quote marks that the base said unquoted are an
    alteration too. Quotes are compared lower-cased; the notes show their words as given
    (``written_quote_words`` keeps the case, ``quote_words`` does not).
    """
    notes: list[FlagNote] = []
    unmatched_other = [(_folded(quote), quote) for quote in other_quotes]
    for written in base_quotes:
        quote = _folded(written)
        if not quote:
            continue
        best, best_overlap = None, 0.0
        for candidate in unmatched_other:
            if not candidate[0]:
                continue
            shared = len(set(quote) & set(candidate[0]))
            overlap = shared / min(len(set(quote)), len(set(candidate[0])))
            if overlap > best_overlap:
                best, best_overlap = candidate, overlap
        if best is not None and best_overlap >= 0.5:
            unmatched_other.remove(best)
            if not (_contains(quote, best[0]) or _contains(best[0], quote)):
                notes.extend(_quote_differences(written, best[1]))
        else:
            notes.append(FlagNote(Flag.QUOTE_DROPPED, _quoted(written), ""))
    for quote, written in unmatched_other:
        # words put between quote marks that the base said without quoting them
        if len(quote) >= 3 and len(set(quote) & base_words) / len(set(quote)) >= 0.6:
            notes.append(FlagNote(Flag.QUOTE_ALTERED, "", _quoted(written)))
    return notes


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


_DIGIT = re.compile(r"\d")
_DATE_HINTS = ("day", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""Every word ``_DATE_WORD`` finds holds one of these (a weekday ends in "day")."""


def number_mentions(text: str) -> list[tuple[str, str]]:
    """Numbers, amounts and dates of a text: (canonical form, as written), in order.

    "around 54,000" and "about 54000" have the same canonical form; "$14.9-billion" and
    "$14.9 billion" too.
    """
    return list(_number_mentions(text))


@lru_cache(maxsize=TEXT_CACHE)
def _number_mentions(text: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    if _DIGIT.search(text) is None:
        numbers_found: Iterable[re.Match[str]] = ()  # every number has a digit
    else:
        numbers_found = _NUMBER.finditer(text)
    for match in numbers_found:
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
    if text.isascii():  # ASCII case folding is plain: a date word holds one of the hints
        lowered = text.lower()
        dates_found: Iterable[re.Match[str]] = (
            _DATE_WORD.finditer(text) if any(hint in lowered for hint in _DATE_HINTS) else ()
        )
    else:
        dates_found = _DATE_WORD.finditer(text)
    for match in dates_found:
        word = match.group().rstrip(".").casefold()
        if match.group("month") and match.group() == "may":
            continue  # the verb, not the month
        found.append((match.start(), _MONTH_ABBREVIATIONS.get(word, word), match.group()))
    return tuple((canonical, written) for _, canonical, written in sorted(found))


@lru_cache(maxsize=TEXT_CACHE)
def numbers(text: str) -> Counter[str]:
    """Numbers, amounts and dates of a text in canonical form, with how often each occurs.

    "around 54,000" and "about 54000" are the same; "$14.9-billion" and "$14.9 billion" too.
    """
    return Counter(canonical for canonical, _ in number_mentions(text))


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
    return bool(name_changes(base_text, other_text, known, ignored))


_NAME_WORD = r"[A-Z][\w'\u2019.-]*\w|[A-Z]\.?"
_NAME_RUN = re.compile(
    rf"(?:{_NAME_WORD})(?:[ \t]+(?:(?:of|on|for|the|and|de|du|van|von|al)[ \t]+)?(?:{_NAME_WORD}))*"
)
"""A run of capitalised words, for showing a name as written: "Council on Foreign Relations"."""
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
LONGEST_NAME = 5
"""A longer capitalised run is a title-case headline, not a name: its name words show alone."""


def _drop_titles(words: list[str], written: list[str]) -> list[str]:
    """A name without the titles, demonyms and possessive places before it.

    "Prime Minister Shigeru Ishiba" -> "Shigeru Ishiba", "Japan's Nikkei" -> "Nikkei", but
    "Gaza Strip" and "America First" stay whole.
    """
    cut = 0
    for position, word in enumerate(words):
        key = word.casefold()
        if key in _NOT_NAMES or (
            key in _PLACES
            and (
                written[position] != word  # a possessive: "Japan's"
                or (position + 1 < len(words) and words[position + 1].casefold() in _NOT_NAMES)
            )
        ):
            cut = position + 1
        else:
            break
    kept = words[cut:]
    while kept and kept[-1].casefold() in _NOT_NAMES:
        kept = kept[:-1]
    return kept


def written_names(text: str, keys: set[str] | frozenset[str]) -> list[str]:
    """The names of ``text`` holding the name words ``keys``, as written, in order, each once.

    Titles, places and possessives around a name are dropped: "Japanese Prime Minister Shigeru
    Ishiba's" -> "Shigeru Ishiba".
    """
    runs: list[str] = []
    left = set(keys)
    for match in _NAME_RUN.finditer(normalize_quotes(text)):
        words = [_POSSESSIVE_END.sub("", word) for word in match.group().split()]
        parts = {p.casefold() for word in words for p in _NAME_PARTS.split(word)}
        if not parts & left:
            continue
        words = _drop_titles(words, match.group().split())
        if len(words) > LONGEST_NAME:
            words = [w for w in words if w.casefold() in left]
        name = " ".join(words)
        if name and name not in runs:
            runs.append(name)
        left -= parts
    return runs + sorted(left)


def name_changes(
    base_text: str,
    other_text: str,
    known: frozenset[str] = frozenset(),
    ignored: frozenset[str] = frozenset(),
) -> list[FlagNote]:
    """Names of people or organisations on one side and not the other: ``-Sheila Smith``."""
    base_names = names(base_text, known) - ignored
    other_names = names(other_text, known) - ignored
    dropped = base_names - _words(other_text) if base_names else base_names
    added = other_names - _words(base_text) if other_names else other_names
    if not dropped and not added:
        return []  # what ``written_names`` would find with no name to look for
    return [FlagNote(Flag.NAME_CHANGED, name, "") for name in written_names(base_text, dropped)] + [
        FlagNote(Flag.NAME_CHANGED, "", name) for name in written_names(other_text, added)
    ]


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


_ATTRIBUTION_WORDS = 4
"""Words shown after a verb of saying (its recipient or speaker) in an attribution note."""
_RECIPIENT_VERBS = frozenset({"told", "tell", "tells", "according to"})
_RECIPIENT_END = frozenset(
    "that before after when while as on in at during about if whether on".split()
)
_PRONOUNS = frozenset("he she they it we i you officials".split())


def _attribution_phrases(text: str) -> list[str]:
    """Each verb of saying with its speaker and recipient: "Smith told AFP", "she said"."""
    normalized = normalize_quotes(text)
    phrases = []
    for match in _ATTRIBUTION.finditer(normalized):
        verb = match.group("verb")
        before = normalized[max(0, match.start() - 60) : match.start()]
        clause = _CLAUSE_END.split(before)[-1]
        subject = [
            word for word in _CLAUSE_WORD.findall(clause) if word.casefold() not in _FUNCTION_WORDS
        ][-2:]
        if not any(word[0].isupper() or word.casefold() in _PRONOUNS for word in subject):
            subject = []  # "is expected to tell": no speaker named here
        rest = _CLAUSE_END.split(normalized[match.end() : match.end() + 80], 1)[0]
        after = []
        for word in _CLAUSE_WORD.findall(rest)[:_ATTRIBUTION_WORDS]:
            if word.casefold() in _RECIPIENT_END:
                break
            after.append(word)
        if verb not in _RECIPIENT_VERBS and rest.lstrip().startswith("to "):
            after = ["to", *after[1:]]  # "stated to Agence France-Presse"
        elif verb not in _RECIPIENT_VERBS:
            # only a speaker named after the verb: '"...," said Josef Brandt'
            speaker: list[str] = []
            for word in after:
                if not word[0].isupper() or word.casefold() in _NOT_NAMES:
                    break
                speaker.append(word)
            after = speaker
        phrases.append(" ".join([*subject, verb, *after]))
    return phrases


def attribution_changes(base_text: str, other_text: str) -> list[FlagNote]:
    """How the attribution changed: ``told AFP -> stated to Agence France-Presse``."""
    base_tokens, other_tokens = attributions(base_text), attributions(other_text)
    if base_tokens == other_tokens:
        return []
    base_phrases = _attribution_phrases(base_text)
    other_phrases = _attribution_phrases(other_text)
    for phrase in list(base_phrases):
        if phrase in other_phrases:
            base_phrases.remove(phrase)
            other_phrases.remove(phrase)
    notes = [
        FlagNote(Flag.ATTRIBUTION_CHANGED, base, other)
        for base, other in itertools.zip_longest(base_phrases, other_phrases, fillvalue="")
    ]
    if not notes:
        # The same phrases, read differently (a speaker or recipient further away): list the
        # parts that differ, "by smith" -> "by he".
        notes.append(
            FlagNote(
                Flag.ATTRIBUTION_CHANGED,
                _attribution_words(base_tokens - other_tokens),
                _attribution_words(other_tokens - base_tokens),
            )
        )
    return [note for note in notes if note.base or note.other]


def _attribution_words(tokens: frozenset[str]) -> str:
    """Attribution tokens as words: ``by:smith``, ``to:afp`` -> ``by smith, to afp``."""
    return ", ".join(token.replace(":", " ", 1).removeprefix("verb ") for token in sorted(tokens))


def number_changes(base_text: str, other_text: str) -> list[FlagNote]:
    """Numbers that changed, vanished or appeared: ``around 54,000 -> nearly 54,000``.

    A number dropped and one added with the same value ("around 54,000", "nearly 54,000") make
    one note; the others pair up in order, and what is left is a bare drop or addition.
    """
    base_mentions, other_mentions = number_mentions(base_text), number_mentions(other_text)
    dropped_counts = Counter(c for c, _ in base_mentions) - Counter(c for c, _ in other_mentions)
    added_counts = Counter(c for c, _ in other_mentions) - Counter(c for c, _ in base_mentions)
    dropped = _take(base_mentions, dropped_counts)
    added = _take(other_mentions, added_counts)
    notes: list[FlagNote] = []
    for canonical, written in list(dropped):
        value = _value_of(canonical)
        partner = next((item for item in added if _value_of(item[0]) == value), None)
        if partner is not None:
            notes.append(FlagNote(Flag.NUMBER_CHANGED, written, partner[1]))
            dropped.remove((canonical, written))
            added.remove(partner)
    for (_, base), (_, other) in itertools.zip_longest(dropped, added, fillvalue=("", "")):
        notes.append(FlagNote(Flag.NUMBER_CHANGED, base, other))
    return notes


def _take(mentions: Sequence[tuple[str, str]], counts: Counter[str]) -> list[tuple[str, str]]:
    """The mentions whose canonical form is in ``counts`` (as many as it counts), in order."""
    left = Counter(counts)
    taken = []
    for canonical, written in mentions:
        if left[canonical] > 0:
            left[canonical] -= 1
            taken.append((canonical, written))
    return taken


def _value_of(canonical: str) -> str:
    """The bare value of a canonical number: "about 54000" -> "54000"."""
    parts = [part for part in canonical.split() if any(ch.isdigit() for ch in part)]
    return parts[0].lstrip("$\u00a3\u20ac\u00a5") if parts else canonical


def flag_notes(
    flags: Sequence[Flag],
    base_text: str,
    other_text: str,
    quotes: tuple[Sequence[tuple[str, ...]], Sequence[tuple[str, ...]]],
    known: frozenset[str] = frozenset(),
    ignored: frozenset[str] = frozenset(),
) -> tuple[FlagNote, ...]:
    """What changed, for each of ``flags`` (computed on the same texts), in flag order."""
    notes: list[FlagNote] = []
    if Flag.QUOTE_ALTERED in flags or Flag.QUOTE_DROPPED in flags:
        notes += quote_changes(
            quotes[0],
            quotes[1],
            frozenset(quote_words(other_text)),
            frozenset(quote_words(base_text)),
        )
    if Flag.NUMBER_CHANGED in flags:
        notes += number_changes(base_text, other_text)
    if Flag.NAME_CHANGED in flags:
        notes += name_changes(base_text, other_text, known, ignored)
    if Flag.ATTRIBUTION_CHANGED in flags:
        notes += attribution_changes(base_text, other_text)
    order = list(Flag)
    return tuple(sorted((n for n in notes if n.flag in flags), key=lambda n: order.index(n.flag)))
