"""Sentence-level text edits for the synthetic set; each returns the new text or ``None``."""

from __future__ import annotations

import random
import re

from .material import FIRST_NAMES, ORGS, SPEECH_VERBS, SURNAMES, SYNONYMS, TENSES, person

QUOTE = re.compile(r"\"[^\"]+\"|“[^”]+”")
NUMBER = re.compile(
    r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])"
)
PERSON = re.compile(rf"\b(?:{'|'.join(FIRST_NAMES)}) (?:{'|'.join(SURNAMES)})\b")
SPLIT_POINTS = (
    (", and ", ". "),
    (", while ", ". Meanwhile, "),
    (", which ", ". This "),
    ("; ", ". "),
    (", but ", ". But "),
)
LOWERABLE = frozenset(
    "The A An This These That It Its They Their He She There Some Several Many Markets Shares "
    "Economists Farmers Scientists Analysts Officials Unemployment Insurance Rivals Business "
    "House Weather Aid Dairy Exporters Environmental Under Since After Sales Net Regulators "
    "Residents Customs Fishing Memory Consumer Mortgage Retail Power Cloud Engineers Neighbouring "
    "Mobile Farmers' Rescue Prices Talks Companies Investors Ministers Delegations "
    "Customers".split()
)
CLAUSE_FIRST = re.compile(
    r"^(After|Since|Although|While|Despite|Under|Given|As) ([^,\"“”]+), ([^\"“”]+)\.$"
)
CLAUSE_LAST = re.compile(r"^([^\"“”,]+?) (after|because|while|since|when) ([^\"“”,]+)\.$")
QUOTE_SWAPS: dict[str, tuple[str, ...]] = {
    "never": ("rarely",),
    "many": ("some", "most"),
    "all": ("most",),
    "clear": ("obvious",),
    "possible": ("likely",),
    "fast": ("quickly",),
    "not": ("never",),
    "wonderful": ("good",),
    "desperately": ("urgently",),
    "warning": ("sign",),
    "victory": ("success",),
    "bottleneck": ("problem",),
    "consulted": ("asked",),
    "cooling": ("slowing",),
}
"""Words inside quotations to swap when no synonym applies (a small change of meaning)."""
LEAD_QUOTE = re.compile(r"^[\"“]([^\"“”]+?)[,.]?[\"”] ([^\"“”]{3,80})\.$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted passages (straight or curly)."""
    return [m.span() for m in QUOTE.finditer(text)]


def outside_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] touches no quotation."""
    return all(end <= s or start >= e for s, e in quote_spans(text))


def capitalise(text: str) -> str:
    """First character upper-cased."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """First word lower-cased when it is a plain word, not a name."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in LOWERABLE else text


def _replace_word(text: str, rng: random.Random, table: dict[str, tuple[str, ...]]) -> str | None:
    """Replace one table word outside quotes with one of its replacements."""
    spots = [
        (m.start(), m.end(), word)
        for word, options in table.items()
        if options
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
        if outside_quotes(text, m.start(), m.end())
    ]
    if not spots:
        return None
    start, end, word = rng.choice(spots)
    return text[:start] + rng.choice(table[word]) + text[end:]


def synonym(text: str, rng: random.Random) -> str | None:
    """Swap a plain word for a synonym, outside quotations."""
    return _replace_word(text, rng, SYNONYMS)


def tense(text: str, rng: random.Random) -> str | None:
    """Shift the tense of one verb phrase outside quotations."""
    for old, new in TENSES:
        spots = [m.start() for m in re.finditer(re.escape(old), text)]
        spots = [s for s in spots if outside_quotes(text, s, s + len(old))]
        if spots:
            at = rng.choice(spots)
            return text[:at] + new + text[at + len(old) :]
    return None


def reorder_clauses(text: str, rng: random.Random) -> str | None:
    """Move a leading subordinate clause to the end, or a trailing one to the front."""
    match = CLAUSE_FIRST.match(text)
    if match:
        conj, clause, main = match.groups()
        return f"{capitalise(main)} {conj.lower()} {clause}."
    match = CLAUSE_LAST.match(text)
    if match and len(match.group(3).split()) >= 3:
        main, conj, clause = match.groups()
        return f"{capitalise(conj)} {clause}, {lower_first(main)}."
    return None


def paraphrase(text: str, rng: random.Random) -> str | None:
    """Reword without touching quotes, numbers, names or attribution: synonyms, clauses, tense."""
    steps = [synonym, synonym, reorder_clauses, tense]
    rng.shuffle(steps)
    changed = text
    for step in steps[:2]:
        result = step(changed, rng)
        if result is not None:
            changed = result
    if changed == text:
        for step in steps[2:]:
            result = step(changed, rng)
            if result is not None:
                return result
        return None
    return changed


def split(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Split one sentence into two at a clause boundary outside quotations."""
    options = []
    for marker, joiner in SPLIT_POINTS:
        at = text.find(marker)
        while at >= 0:
            left, right = text[:at], text[at + len(marker) :]
            first = right.split(" ", 1)[0]
            if (
                outside_quotes(text, at, at + len(marker))
                and min(len(left.split()), len(right.split())) >= 4
                and (marker != ", but " or not first.endswith(("ed", "ing")))
            ):
                options.append((left, joiner, right))
            at = text.find(marker, at + 1)
    if not options:
        return None
    left, joiner, right = rng.choice(options)
    head, _, tail = joiner.partition(" ")
    second = f"{tail.strip()} {right}" if tail.strip() else capitalise(right)
    return left + head.strip(), capitalise(second.strip())


def merge(first: str, second: str) -> str | None:
    """Join two sentences into one with ', and'."""
    if not first.endswith(".") or first.endswith(('."', ".”")) or second[:1] in '"“':
        return None
    return f"{first[:-1]}, and {lower_first(second)}"


def alter_quote(text: str, rng: random.Random) -> str | None:
    """Change the words inside one quotation: a synonym, a dropped word or two swapped words."""
    spans = [(s, e) for s, e in quote_spans(text) if len(text[s:e].split()) >= 4]
    if not spans:
        return None
    start, end = rng.choice(spans)
    inner = text[start + 1 : end - 1]
    words = inner.split(" ")
    replaced = _replace_word(inner, rng, SYNONYMS) or _replace_word(inner, rng, QUOTE_SWAPS)
    if replaced is None:
        long = [i for i in range(1, len(words) - 1) if len(words[i]) > 3 and words[i].isalpha()]
        if long:
            del words[rng.choice(long)]
        else:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        replaced = " ".join(words)
    return text[: start + 1] + replaced + text[end - 1 :]


def drop_quote(text: str, rng: random.Random) -> str | None:
    """Turn a quotation into reported speech (or just lose its quote marks)."""
    match = LEAD_QUOTE.match(text)
    if match and " said" in match.group(2):
        quote, speaker = match.groups()
        return f"{capitalise(speaker)} that {lower_first(quote)}."
    spans = quote_spans(text)
    if not spans:
        return None
    start, end = rng.choice(spans)
    return text[:start] + text[start + 1 : end - 1] + text[end:]


def _new_number(old: str, rng: random.Random) -> str:
    """A different number written in the same style."""
    plain = old.replace(",", "")
    if "." in plain:
        whole, frac = plain.split(".")
        digit = (int(frac[-1]) + rng.randint(1, 8)) % 10
        new = f"{whole}.{frac[:-1]}{digit}"
    else:
        value = int(plain)
        delta = max(1, value // rng.choice((5, 8, 10, 20)))
        new = str(value + rng.choice((-1, 1)) * delta if value > delta else value + delta)
    if "," in old and "." not in new:
        new = f"{int(new):,}"
    return new


def change_number(text: str, rng: random.Random) -> str | None:
    """Change one number outside quotations."""
    spots = [m for m in NUMBER.finditer(text) if outside_quotes(text, *m.span())]
    if not spots:
        return None
    m = rng.choice(spots)
    return text[: m.start()] + _new_number(m.group(), rng) + text[m.end() :]


def switch_quotes(text: str) -> str | None:
    """Straight quotes to curly ones, or curly to straight."""
    if any(c in text for c in "“”’‘"):
        return text.translate(str.maketrans("“”’‘", "\"\"''"))
    if '"' not in text and "'" not in text:
        return None
    out, opened = [], False
    for c in text:
        if c == '"':
            out.append("”" if opened else "“")
            opened = not opened
        else:
            out.append("’" if c == "'" else c)
    return "".join(out)


def attribution(text: str, rng: random.Random) -> str | None:
    """Change the attribution wording (``said`` to ``noted``, ``told reporters`` to ``said``)."""
    for phrase in sorted(SPEECH_VERBS, key=len, reverse=True):
        spots = [
            m
            for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)
            if outside_quotes(text, *m.span())
        ]
        if spots:
            m = rng.choice(spots)
            new = rng.choice(SPEECH_VERBS[phrase])
            new = capitalise(new) if m.group()[0].isupper() else new
            return text[: m.start()] + new + text[m.end() :]
    return None


def rename(text: str, rng: random.Random, names: tuple[str, ...]) -> str | None:
    """Replace one person or organisation named outside quotations with another."""
    spots = [m.span() for m in PERSON.finditer(text)]
    spots += [m.span() for name in names for m in re.finditer(re.escape(name), text)]
    spots = [s for s in spots if outside_quotes(text, *s)]
    if not spots:
        return None
    start, end = rng.choice(spots)
    old = text[start:end]
    new = person(rng) if len(old.split()) == 2 and old.istitle() else rng.choice(ORGS)
    if new == old:
        return None
    return text[:start] + new + text[end:]
