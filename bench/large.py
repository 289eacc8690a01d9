"""Large synthetic documents for speed tests: recombined clauses with fresh names and numbers."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from . import edits as ed
from .gold import GoldCase
from .material import ORGS, PLACES, Story, all_stories, person
from .synthetic import Version, mixed_plan

MODIFIERS = (
    " on Monday",
    " on Tuesday",
    " on Wednesday",
    " on Thursday",
    " on Friday",
    " last week",
    " this year",
    " in {place}",
    " near {place}",
    " in the {place} region",
    " by {n} percent",
    " for the first time since {year}",
    " for a {n}th week",
)
SPEAKER_ROLES = (
    "a spokesperson for the {org}",
    "chief economist at the {org}",
    "an analyst at the {org}",
    "director of the {org}",
    "a senior official in {place}",
    "the mayor of {place}",
)
ORG_WORDS = frozenset({"Bank", "Trust", "Union", "Cross", "Research", "Council", "Relations"})
EDIT_RATE = 0.25
"""Edits per base sentence in a large pair."""


class SentenceFactory:
    """Makes distinct news-like sentences from the material's clauses."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[tuple[object, ...]] = set()
        self.heads: list[str] = []
        self.tails: list[str] = []
        self.openers: list[str] = []
        self.names: list[str] = []
        for story in all_stories():
            self.names += [n for n in story.names if len(n.split()) >= 2]
            for sentence in (*story.sentences, *story.foreign):
                self._harvest(sentence)

    def _harvest(self, sentence: str) -> None:
        """Collect heads, tails and quotation fragments from one sentence."""
        for span in ed.quote_spans(sentence):
            inner = sentence[span[0] + 1 : span[1] - 1].rstrip(",.")
            parts = [q for q in re.split(r", | and ", inner) if len(q.split()) >= 4]
            self.openers += [q for q in parts if q[:1].isupper()]
            self.tails += [q for q in parts if q[:1].islower() and "'" not in q]
        if '"' in sentence or "“" in sentence:
            return
        body = sentence.rstrip(".")
        head, _, rest = body.partition(", ")
        if len(head.split()) >= 5:
            self.heads.append(head)
        for tail in rest.split(", ") if rest else ():
            if len(tail.split()) >= 3 and tail[:1].islower():
                self.tails.append(tail)

    def _fill(self, text: str) -> str:
        """Swap names, organisations and numbers for fresh ones."""
        rng = self.rng
        for name in self.names:
            if name in text:
                is_org = name in ORGS or name.split()[-1] in ORG_WORDS
                text = text.replace(name, rng.choice(ORGS) if is_org else person(rng))
        text = ed.PERSON.sub(lambda _: person(rng), text)
        return ed.NUMBER.sub(lambda m: _number_like(m.group(), rng), text)

    def _quote(self) -> str:
        rng = self.rng
        quote = rng.choice(self.openers)
        if rng.random() < 0.5:
            quote += rng.choice((", and ", ", but ", " and ")) + rng.choice(self.tails)
        role = rng.choice(SPEAKER_ROLES).format(org=rng.choice(ORGS), place=rng.choice(PLACES))
        if rng.random() < 0.5:
            return f'"{quote}," said {person(rng)}, {role}.'
        verb = rng.choice(("told reporters", "said in a statement", "told a news conference"))
        return f'"{quote}," {person(rng)}, {role}, {verb}.'

    def _sentence(self) -> tuple[tuple[object, ...], str]:
        """A sentence and the key of its parts (no two sentences share a key)."""
        rng = self.rng
        if rng.random() < 0.15:
            text = self._fill(self._quote())
            return (text,), text
        head = rng.randrange(len(self.heads))
        text = self.heads[head]
        for _ in range(rng.randint(0, 2)):
            text = ed.synonym(text, rng) or text
        modifier, tail = "", -1
        choice = rng.random()
        if choice < 0.8:
            modifier = rng.choice(MODIFIERS).format(
                place=rng.choice(PLACES), n=rng.randint(2, 95), year=rng.randint(1990, 2024)
            )
        if choice > 0.4:
            tail = rng.randrange(len(self.tails))
        text += modifier + (", " + self.tails[tail] if tail >= 0 else "")
        wrap = rng.random()
        if wrap < 0.2:
            text = f"{text}, {person(rng)} said"
        elif wrap < 0.3:
            text = f"According to the {rng.choice(ORGS)}, {ed.lower_first(text)}"
        return (head, modifier, tail, wrap < 0.3), self._fill(ed.capitalise(text) + ".")

    def sentences(self, count: int) -> list[str]:
        """``count`` distinct sentences, no two made of the same head, modifier and tail."""
        out: list[str] = []
        while len(out) < count:
            key, sentence = self._sentence()
            if key not in self.seen:
                self.seen.add(key)
                out.append(sentence)
        return out


def _number_like(old: str, rng: random.Random) -> str:
    """A random number written like ``old`` (same digit count, commas and decimals)."""
    digits = "".join(str(rng.randint(0, 9)) for c in old if c.isdigit())
    digits = str(rng.randint(1, 9)) + digits[1:] if len(digits) > 1 else digits
    it: Iterator[str] = iter(digits)
    return "".join(next(it) if c.isdigit() else c for c in old)


def large_story(n: int, seed: int) -> Story:
    """A story of ``n`` distinct sentences, with foreign material for inserts."""
    factory = SentenceFactory(random.Random(seed))
    material = factory.sentences(n + max(10, n // 10))
    return Story(
        name=f"large{n}",
        headline=f"Regional Report: {n} Developments Across {random.Random(seed).choice(PLACES)}",
        sentences=tuple(material[:n]),
        foreign=tuple(material[n:]),
        teasers=("Markets brace for a busy week", "Storm season outlook published"),
        tags="Regional Economy Weather Politics",
        names=tuple(ORGS),
    )


def large_case(n: int, seed: int = 0, story: Story | None = None) -> GoldCase:
    """A base of ``n`` sentences and an edited copy (about ``EDIT_RATE`` edits per sentence)."""
    story = story or large_story(n, seed)
    rng = random.Random(seed + 1)
    version = Version(story, rng, inline_furniture=False)
    for edit in [*mixed_plan(rng, int(n * EDIT_RATE)), "furniture"]:
        version.apply(edit)
    return version.gold(f"large{n}/seed{seed}")


def large_family(n: int, count: int, seed: int = 0) -> list[GoldCase]:
    """``count - 1`` edited copies of one ``n``-sentence base (all cases share the base text)."""
    story = large_story(n, seed)
    return [large_case(n, seed + 100 * k, story) for k in range(1, count)]
