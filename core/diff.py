"""Mark what changed between two aligned versions: kinds, moves, word edits and flags."""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

from .align import Group, TermWeights, increasing_subsequence
from .evidence import link_evidence
from .flags import (
    attribution_flag,
    flag_notes,
    name_flag,
    name_words,
    number_flag,
    quotations,
    quote_flags,
    quote_words,
    written_quote_words,
)
from .model import Comparison, Document, Edit, Flag, Kind, Link, Role
from .words import normalize, sentence_tokens

_FLAG_ORDER = tuple(Flag)


def _group_text(document: Document, indexes: Sequence[int]) -> str:
    return " ".join(document.sentences[i].text for i in indexes)


def word_edits(
    base: Document, base_indexes: Sequence[int], other: Document, other_indexes: Sequence[int]
) -> tuple[Edit, ...]:
    """Word-level insertions, deletions and replacements from the base side to the other."""
    base_tokens, base_folded = _group_tokens(base, base_indexes)
    other_tokens, other_folded = _group_tokens(other, other_indexes)
    edits: list[Edit] = []
    opcodes = word_opcodes(base_folded, other_folded)
    for op, b1, b2, o1, o2 in _whole_words(opcodes, base_tokens, other_tokens):
        base_span = _span(base_tokens, b1, b2)
        other_span = _span(other_tokens, o1, o2)
        edits.append(
            Edit(
                op=op,
                base=base.text[base_span[0] : base_span[1]],
                other=other.text[other_span[0] : other_span[1]],
                base_span=base_span,
                other_span=other_span,
            )
        )
    return tuple(edits)


def _group_tokens(
    document: Document, indexes: Sequence[int]
) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The tokens of some sentences, at their offsets in the document, and their folded forms."""
    found: list[tuple[int, int, str]] = []
    folded: list[str] = []
    for index in indexes:
        sentence = document.sentences[index]
        positions, forms = sentence_tokens(sentence.text)
        offset = sentence.start
        found.extend([(start + offset, end + offset, token) for start, end, token in positions])
        folded.extend(forms)
    return found, folded


Opcode = tuple[str, int, int, int, int]


def _joined(token_list: Sequence[tuple[int, int, str]], position: int) -> bool:
    """Whether token ``position`` continues the token before it with no space between."""
    return 0 < position < len(token_list) and token_list[position - 1][1] == token_list[position][0]


def _whole_words(
    opcodes: Sequence[Opcode],
    base_tokens: Sequence[tuple[int, int, str]],
    other_tokens: Sequence[tuple[int, int, str]],
) -> list[Opcode]:
    """The changed token ranges, widened to whole words (runs of tokens with no space between).

    Tokens split words at punctuation, so "U.S." against "US" would otherwise show a kept "U"
    between changed pieces ("U. S."), a word in neither text. An edit that starts or ends
    inside a word takes in the rest of it on both sides (equal runs pair tokens one to one),
    and edits that then touch are merged into one replacement.
    """
    changes: list[list[int]] = [[b1, b2, o1, o2] for op, b1, b2, o1, o2 in opcodes if op != "equal"]
    widened: list[list[int]] = []
    for b1, b2, o1, o2 in changes:
        while (_joined(base_tokens, b1) or _joined(other_tokens, o1)) and b1 > 0 and o1 > 0:
            if widened and (b1 <= widened[-1][1] or o1 <= widened[-1][3]):
                break
            b1, o1 = b1 - 1, o1 - 1
        while (_joined(base_tokens, b2) or _joined(other_tokens, o2)) and (
            b2 < len(base_tokens) and o2 < len(other_tokens)
        ):
            b2, o2 = b2 + 1, o2 + 1
        if widened and (b1 <= widened[-1][1] or o1 <= widened[-1][3]):
            last = widened[-1]
            last[1], last[3] = max(last[1], b2), max(last[3], o2)
        else:
            widened.append([b1, b2, o1, o2])
    result: list[Opcode] = []
    for b1, b2, o1, o2 in widened:
        op = "replace" if b1 < b2 and o1 < o2 else "delete" if b1 < b2 else "insert"
        result.append((op, b1, b2, o1, o2))
    return result


DIFFLIB_CELLS = 250_000
"""Above this many token pairs (about 500 x 500 words) difflib's word diff grows too slow."""
ALIGNED_CELLS = 2_000_000_000
"""Above this many token pairs even the bit-parallel diff takes seconds: one replacement."""


def word_opcodes(base: list[str], other: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes turning the ``base`` words into the ``other`` words.

    A sentence is a few dozen words and difflib's matcher reads best. A "sentence" of thousands
    of words (a text without full stops) would take difflib minutes; the common ends are cut
    off, then rapidfuzz's Levenshtein alignment is used, and past ``ALIGNED_CELLS`` the middle
    is one replacement, so the cost stays bounded on any input.
    """
    if len(base) * len(other) <= DIFFLIB_CELLS:
        matcher = SequenceMatcher(None, base, other, autojunk=False)
        return list(matcher.get_opcodes())
    prefix = 0
    limit = min(len(base), len(other))
    while prefix < limit and base[prefix] == other[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and base[-1 - suffix] == other[-1 - suffix]:
        suffix += 1
    base_end, other_end = len(base) - suffix, len(other) - suffix
    middle_base, middle_other = base[prefix:base_end], other[prefix:other_end]
    opcodes: list[tuple[str, int, int, int, int]] = []
    if prefix:
        opcodes.append(("equal", 0, prefix, 0, prefix))
    if not middle_base and not middle_other:
        pass
    elif len(middle_base) * len(middle_other) <= ALIGNED_CELLS:
        opcodes.extend(
            (
                opcode.tag,
                opcode.src_start + prefix,
                opcode.src_end + prefix,
                opcode.dest_start + prefix,
                opcode.dest_end + prefix,
            )
            for opcode in Levenshtein.opcodes(middle_base, middle_other)
        )
    else:
        op = "replace" if middle_base and middle_other else "delete" if middle_base else "insert"
        opcodes.append((op, prefix, base_end, prefix, other_end))
    if suffix:
        opcodes.append(("equal", base_end, len(base), other_end, len(other)))
    return opcodes


def _span(token_list: Sequence[tuple[int, int, str]], first: int, last: int) -> tuple[int, int]:
    """Text span of tokens ``first:last``; an empty range sits where the tokens would go."""
    if first < last:
        return token_list[first][0], token_list[last - 1][1]
    if first < len(token_list):
        position = token_list[first][0]
    elif token_list:
        position = token_list[-1][1]
    else:
        position = 0
    return position, position


def link_flags(
    base: Document,
    base_indexes: Sequence[int],
    other: Document,
    other_indexes: Sequence[int],
    quote_spans: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]] | None = None,
    known_names: tuple[frozenset[str], frozenset[str]] | None = None,
) -> tuple[Flag, ...]:
    """The flags a journalist checks first, for one link.

    ``quote_spans`` (the quotations of the two documents) and ``known_names`` (the names in
    them, and the protagonists) are computed here unless the caller already has them.
    """
    base_spans, other_spans = quote_spans or (quotations(base.text), quotations(other.text))
    known, protagonists = known_names or name_context(base, other)
    base_text = _group_text(base, base_indexes)
    other_text = _group_text(other, other_indexes)
    flags = quote_flags(
        _quotes_in(base, base_indexes, base_spans),
        _quotes_in(other, other_indexes, other_spans),
        frozenset(quote_words(other_text)),
        frozenset(quote_words(base_text)),
    )
    if number_flag(base_text, other_text):
        flags.add(Flag.NUMBER_CHANGED)
    if name_flag(base_text, other_text, known, protagonists):
        flags.add(Flag.NAME_CHANGED)
    if attribution_flag(base_text, other_text):
        flags.add(Flag.ATTRIBUTION_CHANGED)
    return tuple(flag for flag in _FLAG_ORDER if flag in flags)


def _quotes_in(
    document: Document, indexes: Sequence[int], spans: Sequence[tuple[int, int]]
) -> list[tuple[str, ...]]:
    """Words of the quotations that fall inside the given sentences (clipped to them), as
    written: ``quote_changes`` compares them lower-cased and shows them as they are."""
    found: list[tuple[str, ...]] = []
    for i in indexes:
        sentence = document.sentences[i]
        first = bisect.bisect_right(spans, (sentence.start, sentence.start)) - 1
        for start, end in spans[max(first, 0) :]:
            if start >= sentence.end:
                break
            if end > sentence.start:
                clipped = document.text[max(start, sentence.start) : min(end, sentence.end)]
                words = written_quote_words(clipped)
                if words:
                    found.append(words)
    return found


PROTAGONIST_SHARE = 0.3
"""A name in at least this share of both documents' body sentences is what the story is about."""


def name_context(base: Document, other: Document) -> tuple[frozenset[str], frozenset[str]]:
    """Names known in the running text of two documents, and the protagonists among them.

    Dropping the story's subject from one sentence ("Ishiba" -> "he") is not worth a flag.
    """
    sides = (_body_names(_Same(base)), _body_names(_Same(other)))
    known = sides[0].inside | sides[1].inside

    def count(side: _BodyNames, name: str) -> int:
        """Body sentences naming ``name`` inside, or opening with it when it is known."""
        return side.inside_counts[name] + (side.opening_counts[name] if name in known else 0)

    candidates = set.intersection(
        *(set(side.inside) | (side.opening_counts.keys() & known) for side in sides)
    )
    protagonists = frozenset(
        name
        for name in candidates
        if all(count(side, name) >= PROTAGONIST_SHARE * max(side.sentences, 1) for side in sides)
    )
    return known, protagonists


@dataclass(frozen=True, slots=True)
class _BodyNames:
    """The names of one document's body sentences, counted (what ``name_context`` needs)."""

    sentences: int
    """How many body sentences there are."""
    inside: frozenset[str]
    """The names found inside a body sentence."""
    inside_counts: Counter[str]
    """In how many body sentences each name is found inside."""
    opening_counts: Counter[str]
    """In how many body sentences each name opens the sentence without being inside it too."""


@dataclass(frozen=True, slots=True, eq=False)
class _Same:
    """A document compared by identity: a cache key that costs nothing to hash."""

    document: Document

    def __hash__(self) -> int:
        return id(self.document)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.document is self.document


@functools.lru_cache(maxsize=8)
def _body_names(key: _Same) -> _BodyNames:
    """Counted once per document: the base comes back in every comparison."""
    found = [name_words(s.text) for s in key.document.sentences if s.role is Role.BODY]
    return _BodyNames(
        sentences=len(found),
        inside=frozenset(name for inside, _ in found for name in inside),
        inside_counts=Counter(name for inside, _ in found for name in inside),
        opening_counts=Counter(name for inside, opening in found for name in opening - inside),
    )


def _running_text(
    base: Document, base_indexes: Sequence[int], other: Document, other_indexes: Sequence[int]
) -> bool:
    """Whether both sides of a link are body text.

    Headlines and headings sum up; set against a body sentence they leave out most names and
    numbers, so flags are computed for running text only.
    """
    return all(base.sentences[i].role is Role.BODY for i in base_indexes) and all(
        other.sentences[j].role is Role.BODY for j in other_indexes
    )


def moved_groups(groups: Sequence[Group]) -> set[int]:
    """Indexes of the groups whose position breaks the base order (not in the longest chain)."""
    order = sorted(range(len(groups)), key=lambda k: (groups[k].base[0], groups[k].other[0]))
    in_order = increasing_subsequence([groups[k].other[0] for k in order])
    kept = {order[position] for position in in_order}
    return set(range(len(groups))) - kept


def compare(
    base_index: int,
    other_index: int,
    base: Document,
    other: Document,
    groups: Sequence[Group],
    weights: TermWeights | None = None,
) -> Comparison:
    """Turn aligned groups into a Comparison with kinds, moves, edits, flags and shares.

    ``weights`` (the aligner's) rank the shared words each reworded link's evidence lists;
    fitted on the two documents when not given.
    """
    moved = moved_groups(groups)
    quote_spans = (quotations(base.text), quotations(other.text))
    known_names = name_context(base, other)
    links: list[Link] = []
    for k, group in enumerate(groups):
        base_text = _group_text(base, group.base)
        other_text = _group_text(other, group.other)
        identical = group.identical
        if identical is None:
            identical = normalize(base_text) == normalize(other_text)
        flags: tuple[Flag, ...] = ()
        if not identical and _running_text(base, group.base, other, group.other):
            flags = link_flags(base, group.base, other, group.other, quote_spans, known_names)
        if not identical and weights is None:
            weights = TermWeights.fit((base, other))
        links.append(
            Link(
                base=group.base,
                other=group.other,
                kind=Kind.IDENTICAL if identical else Kind.REWORDED,
                moved=k in moved,
                score=1.0 if identical else min(group.score, 0.9999),
                flags=flags,
                edits=() if identical else word_edits(base, group.base, other, group.other),
                flag_notes=flag_notes(
                    flags,
                    base_text,
                    other_text,
                    (
                        _quotes_in(base, group.base, quote_spans[0]),
                        _quotes_in(other, group.other, quote_spans[1]),
                    ),
                    *known_names,
                )
                if flags
                else (),
                evidence=None
                if identical or weights is None
                else link_evidence(
                    [base.sentences[i].text for i in group.base],
                    [other.sentences[j].text for j in group.other],
                    weights,
                ),
            )
        )
    linked_base = {i for group in groups for i in group.base}
    linked_other = {j for group in groups for j in group.other}
    omitted = tuple(i for i in range(len(base.sentences)) if i not in linked_base)
    added = tuple(j for j in range(len(other.sentences)) if j not in linked_other)
    base_reused = body_share(base, linked_base)
    other_reused = body_share(other, linked_other)
    return Comparison(
        base=base_index,
        other=other_index,
        similarity=_similarity(base, other, links),
        base_reused=base_reused,
        other_reused=other_reused,
        links=tuple(links),
        omitted=omitted,
        added=added,
    )


def body_share(document: Document, linked: set[int]) -> float:
    """Share of ``document``'s body text (not boilerplate) among the ``linked`` sentences."""
    total = document.body_chars
    if not total:
        return 0.0
    kept = sum(len(s.text) for s in document.sentences if s.counts and s.index in linked)
    return round(kept / total, 4)


def _similarity(base: Document, other: Document, links: Sequence[Link]) -> float:
    """Score-weighted share of both documents' body text that is linked."""
    total = base.body_chars + other.body_chars
    if not total:
        return 0.0
    weighted = 0.0
    for link in links:
        chars = sum(len(base.sentences[i].text) for i in link.base)
        chars += sum(len(other.sentences[j].text) for j in link.other)
        weighted += link.score * chars
    return round(weighted / total, 4)
