"""Synthetic version pairs with exact gold: seeded, recorded edits on known sentences."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from . import edits as ed
from .gold import GoldCase, GoldLink
from .material import REPORTING, Story, all_stories

EDIT_TYPES = (
    "delete",
    "insert",
    "reorder",
    "split",
    "merge",
    "paraphrase",
    "alter_quote",
    "drop_quote",
    "change_number",
    "quote_style",
    "no_space",
    "furniture",
    "attribution",
    "rename",
)
EDIT_FLAGS = {
    "alter_quote": "quote_altered",
    "drop_quote": "quote_dropped",
    "change_number": "number_changed",
    "attribution": "attribution_changed",
    "rename": "name_changed",
}
"""The flag each edit should raise on its link."""
CONFLICTS = {
    "alter_quote": frozenset({"drop_quote"}),
    "drop_quote": frozenset({"alter_quote"}),
}
"""Edits never applied to the same link (a dropped quote cannot also be altered)."""
SAME_TEXT = frozenset({"reorder", "quote_style", "no_space"})
"""Edits after which the engine should still call the link identical."""
MIXED_WEIGHTS = {
    "delete": 3,
    "insert": 3,
    "reorder": 1,
    "split": 2,
    "merge": 2,
    "paraphrase": 8,
    "alter_quote": 1,
    "drop_quote": 1,
    "change_number": 2,
    "quote_style": 2,
    "no_space": 2,
    "attribution": 1,
    "rename": 1,
}
"""Relative frequency of each edit in mixed cases and large documents (furniture is added once)."""


@dataclass(slots=True)
class Piece:
    """One sentence of the other version and the link it belongs to (-1: added)."""

    text: str
    link: int
    edit: str = ""
    new_para: bool = True
    glue: str = " "


@dataclass(slots=True)
class Rec:
    """A link under construction: base sentence indexes, the edits applied, the flags expected."""

    base: list[int]
    edits: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    alive: bool = True


def attributed(text: str) -> bool:
    """Whether a sentence attributes something to someone (a reporting verb outside quotes)."""
    return any(ed.outside_quotes(text, *m.span()) for m in REPORTING.finditer(text))


def render(parts: Sequence[tuple[str, bool, str]]) -> tuple[str, list[int]]:
    """Join (text, new paragraph, glue) parts into a text and the start offset of each part."""
    chunks: list[str] = []
    starts: list[int] = []
    length = 0
    for i, (text, new_para, glue) in enumerate(parts):
        sep = "" if i == 0 else ("\n\n" if new_para else glue)
        length += len(sep)
        starts.append(length)
        chunks.append(sep + text)
        length += len(text)
    return "".join(chunks), starts


class Version:
    """A base story and an edited copy of it, with every edit recorded."""

    def __init__(self, story: Story, rng: random.Random, inline_furniture: bool = True) -> None:
        self.story, self.rng = story, rng
        self.inline_furniture = inline_furniture
        """Whether furniture may also go mid-article ("ALSO READ: ..."), not only at the end."""
        self.base = [story.headline, *story.sentences]
        self.base_para = [True] + [rng.random() < 0.6 for _ in story.sentences]
        self.base_para[1] = True
        self.pieces = [
            Piece(t, i, new_para=p)
            for i, (t, p) in enumerate(zip(self.base, self.base_para, strict=True))
        ]
        self.recs = [Rec([i]) for i in range(len(self.base))]
        self.count = Counter(range(len(self.base)))
        self.omitted: dict[int, str] = {}
        self.foreign = list(story.foreign)
        rng.shuffle(self.foreign)

    def _positions(self, single: bool = True, tries: int = 60) -> Iterator[int]:
        """Random positions of linked body pieces (optionally only those alone in their link)."""

        def ok(k: int) -> bool:
            link = self.pieces[k].link
            return link > 0 and (not single or self.count[link] == 1)

        n = len(self.pieces)
        for _ in range(tries):
            k = self.rng.randrange(n)
            if ok(k):
                yield k
        rest = list(range(n))
        self.rng.shuffle(rest)
        yield from (k for k in rest[: tries * 4] if ok(k))

    def _mark(self, link: int, edit: str) -> None:
        rec = self.recs[link]
        rec.edits.append(edit)
        if edit in EDIT_FLAGS:
            rec.flags.add(EDIT_FLAGS[edit])

    def _rewrite(self, edit: str, change: Callable[[str], str | None]) -> bool:
        """Apply a text change to one random body piece where it applies."""
        clash = CONFLICTS.get(edit, frozenset())
        for k in self._positions(single=False):
            if clash.intersection(self.recs[self.pieces[k].link].edits):
                continue
            new = change(self.pieces[k].text)
            if new is not None and new != self.pieces[k].text:
                old, self.pieces[k].text = self.pieces[k].text, new
                self._mark(self.pieces[k].link, edit)
                if edit == "rename" and attributed(old):
                    self.recs[self.pieces[k].link].flags.add("attribution_changed")
                return True
        return False

    def delete(self) -> bool:
        """Drop a sentence."""
        if len(self.pieces) < 5:
            return False
        k = next(self._positions(), None)
        if k is None:
            return False
        piece = self._remove(k)
        rec = self.recs[piece.link]
        rec.alive = False
        for i in rec.base:
            self.omitted[i] = "delete"
        return True

    def _remove(self, k: int) -> Piece:
        """Take out piece ``k``; the next one starts the paragraph if this one did."""
        piece = self.pieces.pop(k)
        if k < len(self.pieces) and piece.new_para:
            self.pieces[k].new_para = True
        return piece

    def insert(self) -> bool:
        """Insert a foreign sentence on the same topic."""
        if not self.foreign:
            return False
        k = self.rng.randint(1, len(self.pieces))
        self.pieces.insert(k, Piece(self.foreign.pop(), -1, "insert", self.rng.random() < 0.6))
        return True

    def reorder(self) -> bool:
        """Move a sentence at least three places away (near half of the time, else anywhere).

        Two places would be ambiguous: moving the one sentence in between is as small a change.
        """
        n = len(self.pieces)
        k = next(self._positions(), None)
        if k is None or n < 6:
            return False
        low, high = (max(1, k - 10), min(n - 1, k + 10)) if self.rng.random() < 0.5 else (1, n - 1)
        targets = [t for t in range(low, high + 1) if abs(t - k) >= 3]
        if not targets:
            return False
        piece = self._remove(k)
        self.pieces.insert(self.rng.choice(targets), piece)
        piece.new_para = True
        self._mark(piece.link, "reorder")
        return True

    def split(self) -> bool:
        """Split a sentence into two."""
        for k in self._positions():
            piece = self.pieces[k]
            if len(self.recs[piece.link].base) != 1:
                continue
            parts = ed.split(piece.text, self.rng)
            if parts:
                piece.text = parts[0]
                self.pieces.insert(k + 1, Piece(parts[1], piece.link, new_para=False))
                self.count[piece.link] += 1
                self._mark(piece.link, "split")
                return True
        return False

    def merge(self) -> bool:
        """Merge two adjacent sentences into one."""
        for k in self._positions():
            if k + 1 >= len(self.pieces):
                continue
            a, b = self.pieces[k], self.pieces[k + 1]
            if b.link <= 0 or self.count[b.link] != 1 or a.link == b.link:
                continue
            if "split" in self.recs[a.link].edits + self.recs[b.link].edits:
                continue
            text = ed.merge(a.text, b.text)
            if text is None:
                continue
            ra, rb = self.recs[a.link], self.recs[b.link]
            self.recs.append(
                Rec(sorted(ra.base + rb.base), ra.edits + rb.edits + ["merge"], ra.flags | rb.flags)
            )
            ra.alive = rb.alive = False
            new = len(self.recs) - 1
            a.text, a.link = text, new
            self.count[new] = 1
            del self.pieces[k + 1]
            return True
        return False

    def no_space(self) -> bool:
        """Glue a sentence to the previous one without a space ("parliament.Trump")."""
        for k in self._positions(single=False):
            if (
                k >= 2
                and self.pieces[k - 1].text.endswith((".", '."', ".”"))
                and self.pieces[k].text[:1].isupper()
                and self.pieces[k].glue == " "
            ):
                self.pieces[k].new_para, self.pieces[k].glue = False, ""
                self._mark(self.pieces[k].link, "no_space")
                return True
        return False

    def furniture(self) -> bool:
        """Add page furniture: a tag line, "Similar News:" teasers and "Read more »" lines."""
        story, add = self.story, self.pieces.append
        if self.inline_furniture and self.rng.random() < 0.5 and len(self.pieces) > 4:
            k = self.rng.randint(2, len(self.pieces) - 1)
            also = Piece("ALSO READ: " + self.rng.choice(story.teasers), -1, "furniture")
            self.pieces.insert(k, also)
            self.pieces[k + 1].new_para = True
        add(Piece(story.tags, -1, "furniture"))
        add(
            Piece(
                "Similar News:You can also read news stories similar to this one.", -1, "furniture"
            )
        )
        for teaser in story.teasers:
            add(Piece(teaser, -1, "furniture"))
            add(Piece("Read more »", -1, "furniture"))
        return True

    def apply(self, edit: str) -> bool:
        """Apply one edit by name; False when it found nowhere to apply."""
        rng = self.rng
        text_edits: dict[str, Callable[[str], str | None]] = {
            "paraphrase": lambda t: ed.paraphrase(t, rng),
            "alter_quote": lambda t: ed.alter_quote(t, rng),
            "drop_quote": lambda t: ed.drop_quote(t, rng),
            "change_number": lambda t: ed.change_number(t, rng),
            "quote_style": ed.switch_quotes,
            "attribution": lambda t: ed.attribution(t, rng),
            "rename": lambda t: ed.rename(t, rng, self.story.names),
        }
        if edit in text_edits:
            return self._rewrite(edit, text_edits[edit])
        method: Callable[[], bool] = getattr(self, edit)
        return method()

    def gold(self, name: str) -> GoldCase:
        """Render both texts and the gold links, omissions and additions as offsets."""
        base_text, base_starts = render(
            [(t, p, " ") for t, p in zip(self.base, self.base_para, strict=True)]
        )
        self.pieces[1].new_para = True  # the headline stands alone
        other_text, starts = render([(p.text, p.new_para, p.glue) for p in self.pieces])
        members: dict[int, list[int]] = {}
        for k, piece in enumerate(self.pieces):
            members.setdefault(piece.link, []).append(starts[k])
        links = []
        for index, rec in enumerate(self.recs):
            if not rec.alive or index not in members:
                continue
            done = sorted(set(rec.edits)) or ["none"]
            links.append(
                GoldLink(
                    base=tuple(base_starts[i] for i in rec.base),
                    other=tuple(members[index]),
                    flags=frozenset(rec.flags),
                    kind="identical" if set(done) <= SAME_TEXT | {"none"} else "reworded",
                    edits=tuple(done),
                )
            )
        added = [(starts[k], p.edit) for k, p in enumerate(self.pieces) if p.link < 0]
        omitted = sorted(self.omitted.items())
        return GoldCase(
            name=name,
            base_path=f"{name}/base.txt",
            other_path=f"{name}/other.txt",
            base_text=base_text,
            other_text=other_text,
            links=tuple(links),
            omitted=tuple(base_starts[i] for i, _ in omitted),
            added=tuple(s for s, _ in added),
            added_edits=tuple(e for _, e in added),
            omitted_edits=tuple(e for _, e in omitted),
        )


def make_case(story: Story, plan: Sequence[str], seed: int, name: str) -> GoldCase:
    """Apply the planned edits (skipping those that find nowhere to go) and return the gold."""
    version = Version(story, random.Random(seed))
    for edit in plan:
        version.apply(edit)
    return version.gold(name)


def mixed_plan(rng: random.Random, count: int) -> list[str]:
    """A random sequence of edits drawn by ``MIXED_WEIGHTS``."""
    names, weights = zip(*MIXED_WEIGHTS.items(), strict=True)
    return rng.choices(names, weights, k=count)


def synthetic_set(
    seed: int = 0, per_edit: int = 3, mixed: int = 3, heavy: int = 2
) -> list[GoldCase]:
    """Per story: one case per edit type (applied ``per_edit`` times), ``mixed`` mixed cases and
    ``heavy`` ones where most sentences are reworded, several times over, and some split or merged.
    """
    cases = []
    rng = random.Random(seed)
    for story in all_stories():
        for edit in EDIT_TYPES:
            plan = [edit] * (1 if edit == "furniture" else per_edit)
            cases.append(make_case(story, plan, rng.randrange(2**32), f"{story.name}/{edit}"))
        for m in range(mixed):
            plan = mixed_plan(rng, rng.randint(6, 12))
            if rng.random() < 0.5:
                plan.append("furniture")
            cases.append(make_case(story, plan, rng.randrange(2**32), f"{story.name}/mixed{m}"))
        for m in range(heavy):
            count = len(story.sentences)
            plan = ["paraphrase"] * (2 * count) + mixed_plan(rng, count)
            rng.shuffle(plan)
            cases.append(make_case(story, plan, rng.randrange(2**32), f"{story.name}/heavy{m}"))
    return cases
