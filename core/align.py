"""Pair the sentences of two versions that carry the same content.

The method, after MASSAlign (Paetzold et al. 2017), Bleualign (Sennrich and Volk 2010) and the
CRF aligner of Jiang et al. (2020):

1. *Candidates, not a matrix.* An inverted index on each sentence's rarest content terms finds
   the few sentences of the other version worth scoring; cost grows with the text, not its square.
2. *Weighted overlap.* Terms weigh by their inverse document frequency over all versions, so
   names, numbers and rare words count and the topic words every sentence shares do not.
3. *Anchors first, order as evidence.* Strong pairs are fixed anywhere (a crossing one is a
   move); weaker ones are accepted only where they keep the order between their anchors, and
   sentences sitting in the same gap between two anchors are scored against each other.
4. *Splits and merges.* A link grows by an adjacent unlinked sentence when that sentence's
   content is covered by the other side and the group then scores higher.
5. *Abstain.* Below the thresholds a sentence stays unlinked: two independent articles on one
   summit share names and topic words in every sentence, and should produce almost no links.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .model import Document, Role
from .settings import DEFAULT_SETTINGS, AlignSettings
from .words import content_terms, normalize


@dataclass(frozen=True, slots=True)
class Group:
    """Base sentences and other sentences that carry the same content, with their score."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    score: float
    identical: bool | None = None
    """Whether the texts are equal once normalised; None when the aligner did not compare them."""


# A photo credit: "(AP Photo/Ted S. Warren)", "(Majdi Mohammed/AP)", "Credit: AP", "AFP via Getty
# Images", "(Photo by David Ryder/Getty Images)". A line carrying one is a caption or a credit.
_CREDIT = re.compile(
    r"\b(?:AP|AFP|Reuters|EPA|Xinhua|Kyodo|PA|Getty) Photo\b|\bPhoto(?:graph)?(?: by\b|:)"
    r"|\bCredit:|\bvia Getty Images\b|\bGetty Images\b|\bShutterstock\b"
    r"|/(?:AP|AFP|Reuters|EPA|PA|Getty Images|Bloomberg)(?:,[^)]*)?\)"
)
_CREDIT_HINTS = (
    "Photo",
    "Credit:",
    "Getty",
    "Shutterstock",
    "/AP)",
    "/AP,",
    "/AFP",
    "/Reuters",
    "/EPA",
    "/PA",
    "/Bloomberg",
)
"""Literal text every credit contains, found before the regular expression runs."""
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_SHORT_LINE = 40
"""Characters: a line this short next to a credit is part of the credit (a name, a slash)."""


class Kind:
    """What sort of text a sentence is; furniture kinds link only to their own kind."""

    TEXT = "text"
    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    CAPTION = "caption"


_KIND_OF_ROLE = {
    Role.HEADLINE: Kind.TITLE,
    Role.HEADING: Kind.TITLE,
    Role.DATELINE: Kind.DATELINE,
    Role.BYLINE: Kind.BYLINE,
}


def _compatible(first: str, second: str) -> bool:
    """Whether sentences of these kinds may be linked: furniture only to its own kind."""
    return first == second or {first, second} == {Kind.TEXT, Kind.TITLE}


def sentence_kinds(document: Document) -> tuple[str, ...]:
    """The kind of each sentence: title, text, dateline, byline or photo caption.

    A caption is every sentence of a line that carries a photo credit, or of the line just
    before a short credit line ("Robin Van Lonkhuijsen / AFP via Getty Images"), unless the
    captions are all the running text the page has.
    """
    text = document.text
    kinds = [_KIND_OF_ROLE.get(s.role, Kind.TEXT) for s in document.sentences]
    hints = []  # cheap literal search first: the regular expression is slow on a long text
    for hint in _CREDIT_HINTS:
        found = text.find(hint)
        while found >= 0:
            hints.append(found)
            found = text.find(hint, found + 1)
    if not hints:
        return tuple(kinds)
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))

    def line_text(number: int) -> str:
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        return text[starts[number] : end].strip()

    captions: set[int] = set()
    for number in sorted({bisect.bisect_right(starts, offset) - 1 for offset in hints}):
        if not _CREDIT.search(line_text(number)):
            continue
        captions.add(number)
        if len(line_text(number)) <= 2 * _SHORT_LINE:  # a credit alone: the caption is above it
            previous = number - 1
            while previous >= 0 and len(line_text(previous)) < _SHORT_LINE:
                previous -= 1
            if previous >= 0 and _TERMINAL.search(line_text(previous)):
                captions.add(previous)
    captioned = [
        index
        for index, sentence in enumerate(document.sentences)
        if bisect.bisect_right(starts, sentence.start) - 1 in captions
    ]
    if all(kinds[index] != Kind.TEXT or index in captioned for index in range(len(kinds))):
        # every sentence of running text is in a caption: a photo page, whose captions are its
        # story (corpus mode reads such a page the same way)
        return tuple(kinds)
    for index in captioned:
        kinds[index] = Kind.CAPTION
    return tuple(kinds)


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner needs to know about one document's sentences."""

    terms: tuple[frozenset[str], ...]
    """Content terms of each sentence; empty for boilerplate, which is never aligned."""
    norms: tuple[str, ...]
    """Normalised text of each sentence, for identity and character similarity."""
    roles: tuple[Role, ...] = ()
    """The role of each sentence."""
    titles: tuple[bool, ...] = ()
    """Whether each sentence is a headline or heading rather than running text."""
    kinds: tuple[str, ...] = ()
    """The ``Kind`` of each sentence (text, title, dateline, byline, caption)."""

    @classmethod
    def of(cls, document: Document) -> Features:
        """Compute the features of every sentence of ``document``."""
        norms = tuple(normalize(s.text) if s.counts else "" for s in document.sentences)
        terms = tuple(
            content_terms(s.text, norm) if norm else frozenset()
            for s, norm in zip(document.sentences, norms, strict=True)
        )
        roles = tuple(s.role for s in document.sentences)
        titles = tuple(role in (Role.HEADLINE, Role.HEADING) for role in roles)
        return cls(terms, norms, roles, titles, sentence_kinds(document))

    def kind(self, index: int) -> str:
        """The kind of sentence ``index`` (running text when kinds were not computed)."""
        return self.kinds[index] if self.kinds else Kind.TEXT


def count_terms(features: Iterable[Features]) -> tuple[Counter[str], int]:
    """In how many sentences each content term occurs, and how many sentences have terms."""
    counts: Counter[str] = Counter()
    sentences = 0
    for feature in features:
        for terms in feature.terms:
            if terms:
                sentences += 1
                counts.update(terms)
    return counts, sentences


class TermWeights:
    """Inverse document frequency of terms over the sentences of every version."""

    NUMBER_WEIGHT = 1.5
    """Factor on the weight of a number term: a number identifies a fact."""

    def __init__(self, features: Iterable[Features]) -> None:
        counts, sentences = count_terms(features)
        self._counts = counts
        self._sentences = max(sentences, 1)
        # Weights in millionths, as integers: sums are exact whatever order a set yields.
        self._fixed: dict[str, int] = {term: self._weigh(term) for term in counts}
        self._rarest: dict[tuple[frozenset[str], int], tuple[str, ...]] = {}

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], sentences: int) -> TermWeights:
        """Weights from ``count_terms`` results added up elsewhere (corpus mode counts a pile in
        parallel batches): equal to the weights fitted on the documents counted."""
        weights = cls(())
        weights._counts = Counter(counts)
        weights._sentences = max(sentences, 1)
        weights._fixed = {term: weights._weigh(term) for term in weights._counts}
        return weights

    @classmethod
    def fit(cls, documents: Iterable[Document]) -> TermWeights:
        """Weights fitted on ``documents`` (a story's versions, or a whole pile of articles).

        Pass the result to ``compare`` so that a pair of versions scores the same whether it is
        aligned alone or among others.
        """
        return cls(Features.of(document) for document in documents)

    def _weigh(self, term: str) -> int:
        frequency = self._counts.get(term, 0)
        weight = math.log(1.0 + self._sentences / (frequency + 0.5))
        if term.startswith("#"):
            weight *= self.NUMBER_WEIGHT
        return round(weight * 1_000_000)

    def __call__(self, term: str) -> float:
        fixed = self._fixed.get(term)
        if fixed is None:
            fixed = self._fixed[term] = self._weigh(term)
        return fixed / 1_000_000

    RAREST_CACHE = 65_536
    """Sentences whose rarest terms are kept (a base's sentences come back in every pair)."""

    def rarest(self, terms: frozenset[str], count: int) -> tuple[str, ...]:
        """The ``count`` heaviest of ``terms``, heaviest first (ties in alphabetical order)."""
        key = (terms, count)
        found = self._rarest.get(key)
        if found is None:
            if len(self._rarest) >= self.RAREST_CACHE:
                self._rarest.clear()
            found = tuple(sorted(terms, key=lambda term: (-self(term), term))[:count])
            self._rarest[key] = found
        return found

    def total(self, terms: Iterable[str]) -> float:
        """Sum of the weights of ``terms``."""
        fixed = self._fixed
        try:
            return sum(map(fixed.__getitem__, terms)) / 1_000_000
        except KeyError:
            return sum(round(self(term) * 1_000_000) for term in terms) / 1_000_000


def similarity(
    base_terms: frozenset[str],
    other_terms: frozenset[str],
    weights: TermWeights,
    small_weight: float = DEFAULT_SETTINGS.small_weight,
) -> float:
    """How much of the same content two bags of terms carry, from 0 to 1.

    The mean of a weighted Dice coefficient and a weighted containment (the share of the
    smaller side found in the larger), the latter damped for short sentences.
    """
    shared = base_terms & other_terms
    if not shared:
        return 0.0
    return _combine(
        weights.total(shared), weights.total(base_terms), weights.total(other_terms), small_weight
    )


def _combine(
    shared_weight: float, base_weight: float, other_weight: float, small_weight: float
) -> float:
    dice = 2.0 * shared_weight / (base_weight + other_weight)
    smaller = min(base_weight, other_weight)
    containment = shared_weight / smaller * min(1.0, smaller / small_weight)
    return 0.5 * (dice + containment)


class _Aligner:
    """The state of one alignment: who is linked to whom so far."""

    def __init__(
        self, base: Features, other: Features, weights: TermWeights, settings: AlignSettings
    ) -> None:
        self.settings = settings
        self.base = base
        self.other = other
        self.weights = weights
        self.base_link: dict[int, int] = {}
        self.other_link: dict[int, int] = {}
        self.groups: list[tuple[list[int], list[int], float]] = []
        self._scores: dict[tuple[int, int], float] = {}
        self.base_weight = [weights.total(terms) for terms in base.terms]
        self.other_weight = [weights.total(terms) for terms in other.terms]

    # -- scoring ---------------------------------------------------------------------------
    def pair_score(self, i: int, j: int) -> float:
        key = (i, j)
        score = self._scores.get(key)
        if score is None:
            base_norm, other_norm = self.base.norms[i], self.other.norms[j]
            if not _compatible(self.base.kind(i), self.other.kind(j)):
                score = 0.0  # a caption, dateline or byline links only to its own kind
            elif base_norm == other_norm:
                score = 1.0
            else:
                shared = self.base.terms[i] & self.other.terms[j]
                score = 0.0
                if shared:
                    score = _combine(
                        self.weights.total(shared),
                        self.base_weight[i],
                        self.other_weight[j],
                        self.settings.small_weight,
                    )
                if score > self.settings.character_check_score:
                    ratio = fuzz.ratio(base_norm, other_norm) / 100.0
                    if ratio >= self.settings.character_ratio:
                        score = max(score, ratio)
                if self.base.titles[i] != self.other.titles[j]:
                    score *= (
                        self.settings.title_mismatch
                    )  # a headline rarely says what one body sentence says
            self._scores[key] = score
        return score

    def group_score(self, base: Iterable[int], other: Iterable[int]) -> float:
        base, other = list(base), list(other)
        kinds = {self.base.kind(i) for i in base} | {self.other.kind(j) for j in other}
        if len(kinds) > 1:
            return 0.0  # headings and running text, or captions and text, are not one passage
        base_terms = frozenset().union(*(self.base.terms[i] for i in base))
        other_terms = frozenset().union(*(self.other.terms[j] for j in other))
        return similarity(base_terms, other_terms, self.weights, self.settings.small_weight)

    # -- candidates ------------------------------------------------------------------------
    def candidates(self) -> list[tuple[float, int, int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for j, terms in enumerate(self.other.terms):
            for term in terms:
                postings[term].append(j)
        exact: dict[str, list[int]] = defaultdict(list)
        for j, norm in enumerate(self.other.norms):
            if norm:
                exact[norm].append(j)

        weight = self.weights
        scored: list[tuple[float, int, int]] = []
        copies: Counter[str] = Counter()
        for i, terms in enumerate(self.base.terms):
            if not self.base.norms[i]:
                continue  # boilerplate is never aligned
            identical = exact.get(self.base.norms[i])
            if identical:
                # The same sentence: nothing else is worth scoring. The k-th copy of a repeated
                # sentence is offered the copies around the other's k-th, so twins pair in order.
                copy = copies[self.base.norms[i]]
                copies[self.base.norms[i]] += 1
                first = max(0, min(copy, len(identical) - 1) - self.settings.candidates // 2)
                window = identical[first : first + self.settings.candidates]
                scored.extend((1.0, i, j) for j in window)
                continue
            overlap: dict[int, float] = defaultdict(float)
            rarest = weight.rarest(terms, self.settings.index_terms)
            for term in rarest:
                found = postings.get(term)
                if found and len(found) <= self.settings.max_postings:
                    term_weight = weight(term)
                    for j in found:
                        overlap[j] += term_weight
            if len(overlap) > self.settings.candidates:
                cutoff = sorted(overlap.values(), reverse=True)[self.settings.candidates - 1]
                best = sorted((-value, j) for j, value in overlap.items() if value >= cutoff)
                chosen = [j for _, j in best[: self.settings.candidates]]
            else:
                chosen = sorted(overlap)
            for j in chosen:
                score = self.pair_score(i, j)
                if score > 0.0:
                    scored.append((score, i, j))
        _best_first(scored)
        return scored

    # -- linking ---------------------------------------------------------------------------
    def link(self, base: list[int], other: list[int], score: float) -> None:
        index = len(self.groups)
        self.groups.append((base, other, score))
        for i in base:
            self.base_link[i] = index
        for j in other:
            self.other_link[j] = index

    def anchors(self, scored: Sequence[tuple[float, int, int]]) -> None:
        for score, i, j in scored:
            if score < self.settings.anchor_score:
                break
            if i not in self.base_link and j not in self.other_link:
                self.link([i], [j], score)

    def copies_in_order(self) -> None:
        """Give a repeated sentence's counterpart to the copy that keeps the order.

        A version that says a sentence twice (a summary line repeated lower down, a quote
        recalled) offers the other's single copy to both; the first took it, even when it
        crosses the other anchors and the second sits where the other has it. The link moves
        to an unlinked identical copy that crosses fewer of the other links.
        """
        places: dict[str, dict[str, list[int]]] = {"base": {}, "other": {}}
        for side, features in (("base", self.base), ("other", self.other)):
            for position, norm in enumerate(features.norms):
                if norm:
                    places[side].setdefault(norm, []).append(position)
        tried = 0
        pairs: list[tuple[int, int]] | None = None  # made once, kept up to date as links move
        for index, (base, other, score) in enumerate(self.groups):
            if len(base) != 1 or len(other) != 1:
                continue
            i, j = base[0], other[0]
            norm = self.base.norms[i]
            if norm != self.other.norms[j]:
                continue
            if len(places["base"][norm]) == 1 and len(places["other"][norm]) == 1:
                continue  # once on each side, and linked: no copy to give the link to
            copies = [("base", k) for k in places["base"][norm] if k not in self.base_link]
            copies += [("other", k) for k in places["other"][norm] if k not in self.other_link]
            if not copies or tried >= self.settings.copy_checks:
                continue
            tried += 1
            if pairs is None:
                pairs = [(min(b), min(o)) for b, o, _ in self.groups]
            crossed = _crossings(pairs, (i, j))
            for side, copy in copies:
                pair = (copy, j) if side == "base" else (i, copy)
                if _crossings(pairs, pair) < crossed:
                    links = self.base_link if side == "base" else self.other_link
                    del links[i if side == "base" else j]
                    links[copy] = index
                    self.groups[index] = ([pair[0]], [pair[1]], score)
                    pairs[index] = pair
                    break

    def chain(self) -> list[tuple[int, int]]:
        """The anchors that keep document order, as sorted ``(base, other)`` pairs."""
        pairs = sorted((min(b), min(o)) for b, o, _ in self.groups)
        keep = increasing_subsequence([other for _, other in pairs])
        return [pairs[k] for k in keep]

    def fill_in_order(self, scored: Sequence[tuple[float, int, int]]) -> None:
        chain = self.chain()
        chain_base = [b for b, _ in chain]
        extra: list[tuple[float, int, int]] = list(scored)
        extra.extend(self._gap_pairs(chain))
        # ``scored`` is already in this order: one keyed sort merges the few gap pairs in.
        extra.sort(key=lambda item: (-item[0], item[1], item[2]))
        for score, i, j in extra:
            if score < self.settings.in_order_score:
                break
            if i in self.base_link or j in self.other_link:
                continue
            position = bisect.bisect_left(chain_base, i)
            low = chain[position - 1][1] if position > 0 else -1
            high = chain[position][1] if position < len(chain) else len(self.other.terms)
            if low < j < high:
                self.link([i], [j], score)
                chain.insert(position, (i, j))
                chain_base.insert(position, i)

    def _crosses_kind(self, i: int, j: int) -> bool:
        """Whether the pair joins a headline or heading to running text."""
        return self.base.titles[i] != self.other.titles[j]

    def moved_runs(self, scored: Sequence[tuple[float, int, int]]) -> None:
        """Link pairs that cross the order but move together with a neighbour (a moved block).

        A rewrite that reorders whole paragraphs moves runs of sentences; a lone crossing pair
        on topic words alone is more likely a false friend.
        """
        free = {
            (i, j): score
            for score, i, j in scored
            if score >= self.settings.in_order_score
            and i not in self.base_link
            and j not in self.other_link
        }
        changed = True
        while changed:
            changed = False
            for (i, j), score in sorted(free.items(), key=lambda item: -item[1]):
                if i in self.base_link or j in self.other_link:
                    continue
                if self._has_neighbour(i, j, free):
                    self.link([i], [j], score)
                    changed = True

    def _has_neighbour(self, i: int, j: int, free: dict[tuple[int, int], float]) -> bool:
        for step_base in (1, 2):
            for step_other in (1, 2):
                for sign in (1, -1):
                    k, m = i + sign * step_base, j + sign * step_other
                    linked = self.base_link.get(k)
                    if linked is not None and linked == self.other_link.get(m):
                        return True
                    if (k, m) in free and k not in self.base_link and m not in self.other_link:
                        return True
        return False

    def _gap_pairs(self, chain: list[tuple[int, int]]) -> list[tuple[float, int, int]]:
        """Score every pair of unlinked sentences inside small gaps between anchors."""
        bounds = [(-1, -1), *chain, (len(self.base.terms), len(self.other.terms))]
        pairs: list[tuple[float, int, int]] = []
        for (base_low, other_low), (base_high, other_high) in itertools.pairwise(bounds):
            base_gap = [
                i
                for i in range(base_low + 1, base_high)
                if i not in self.base_link and self.base.terms[i]
            ]
            other_gap = [
                j
                for j in range(other_low + 1, other_high)
                if j not in self.other_link and self.other.terms[j]
            ]
            if (
                0 < len(base_gap) <= self.settings.gap_width
                and 0 < len(other_gap) <= self.settings.gap_width
            ):
                pairs.extend((self.pair_score(i, j), i, j) for i in base_gap for j in other_gap)
        return pairs

    def merge_unlinked(self, scored: Sequence[tuple[float, int, int]]) -> None:
        """Link an unlinked sentence to two adjacent unlinked sentences of the other side."""
        for _, i, j in scored:
            if i in self.base_link:
                continue
            for first, second in ((j - 1, j), (j, j + 1)):
                if self._free_other(first) and self._free_other(second):
                    score = self.group_score([i], [first, second])
                    if score >= self.settings.group_score and self._both_contribute(
                        [i], [first, second]
                    ):
                        self.link([i], [first, second], score)
                        break
        by_other: dict[int, list[int]] = defaultdict(list)
        for _, i, j in scored:
            by_other[j].append(i)
        for j, bases in sorted(by_other.items()):
            if j in self.other_link:
                continue
            for i in bases:
                for first, second in ((i - 1, i), (i, i + 1)):
                    if self._free_base(first) and self._free_base(second):
                        score = self.group_score([first, second], [j])
                        if score >= self.settings.group_score and self._both_contribute(
                            [j], [first, second], flip=True
                        ):
                            self.link([first, second], [j], score)
                            break
                if j in self.other_link:
                    break

    def standfirsts(self) -> None:
        """Give the lead's counterpart to the lead, not to a summary line repeating it.

        A PTI-style standfirst under the headline repeats the first body sentence word for word
        (the lead may add its dateline: "New Delhi, Feb 6 (PTI) The ..."). A version without
        the standfirst has one copy of that sentence, and the identical standfirst took it, so
        the lead showed as dropped or added. The link moves to the lead (or, when both copies
        were merged into one group, the standfirst leaves it); the standfirst stays unlinked,
        which is what it is: a line the other version does not have.
        """
        for side in ("base", "other"):
            own = self.base if side == "base" else self.other
            links = self.base_link if side == "base" else self.other_link
            found = _standfirst(own, self.settings)
            if found is None:
                continue
            summary, lead = found
            index = links.get(summary)
            if index is None or (lead in links and links[lead] != index):
                continue
            base, other, _ = self.groups[index]
            members = base if side == "base" else other
            if sorted(members) not in ([summary], [summary, lead]):
                continue
            members[:] = [lead]
            del links[summary]
            links[lead] = index
            base_sentences, other_sentences = self.groups[index][:2]
            if len(base_sentences) == len(other_sentences) == 1:
                score = self.pair_score(base_sentences[0], other_sentences[0])
            else:
                score = self.group_score(base_sentences, other_sentences)
            self.groups[index] = (base_sentences, other_sentences, score)

    def leads_keep_leads(self) -> None:
        """Give a lead that the other version's headline took back to the other's lead.

        A headline sums up the story, as the lead does, and a rewrite's lead can score higher
        with the other version's headline than with the other's lead. When that lead's own
        counterpart, the other version's lead, was left unlinked and pairs with it in order,
        the two leads are linked and the headline is left to ``headlines``.
        """
        for head_side in ("base", "other"):
            heads, texts = (
                (self.base, self.other) if head_side == "base" else (self.other, self.base)
            )
            head_links = self.base_link if head_side == "base" else self.other_link
            head = _headline(heads)
            own_lead, their_lead = _lead(heads), _lead(texts)
            if head is None or own_lead is None or their_lead is None:
                continue
            index = head_links.get(head)
            if index is None or own_lead in head_links:
                continue
            base, other, _ = self.groups[index]
            heads_members, text_members = (base, other) if head_side == "base" else (other, base)
            if heads_members != [head] or text_members != [their_lead]:
                continue
            i, j = (own_lead, their_lead) if head_side == "base" else (their_lead, own_lead)
            score = self.pair_score(i, j)
            if score < self.settings.in_order_score:
                continue
            heads_members[:] = [own_lead]
            del head_links[head]
            head_links[own_lead] = index
            self.groups[index] = (base, other, score)

    def headlines(self) -> None:
        """Link the headlines, or a headline and the other version's lead, when they agree.

        A headline sums up the story, as does the lead of a version that has no headline. This
        runs last, so that a lead with a counterpart of its own keeps it, and never between
        independent stories, whose headlines share the topic and nothing else.
        """
        if not self.related():
            return
        base_head = _headline(self.base)
        other_head = _headline(self.other)
        if base_head is None and other_head is None:
            return
        if base_head is None:
            base_head = _lead(self.base)
        elif other_head is None:
            other_head = _lead(self.other)
        if base_head is not None and other_head is not None:
            self._link_if_similar(base_head, other_head, self.settings.headline_score)

    def related(self) -> bool:
        """Whether the versions tell the same story: enough of the shorter one is linked.

        Two agencies' stories from the same place and day share names and topic words and yield
        a few weak links; a republication, a trim or a rewrite links much of the shorter version.
        """
        if self.settings.one_story:
            return True
        shorter = min(
            sum(1 for terms in self.base.terms if terms),
            sum(1 for terms in self.other.terms if terms),
        )
        needed = max(self.settings.related_links, self.settings.related_share * shorter)
        return len(self.groups) >= min(needed, shorter)

    def abstain_if_unrelated(self) -> None:
        """Keep only near-copies (a shared quote, a shared sentence) between independent stories."""
        if self.related():
            return
        kept = [group for group in self.groups if group[2] >= self.settings.unrelated_score]
        self.groups = []
        self.base_link.clear()
        self.other_link.clear()
        for base, other, score in kept:
            self.link(base, other, score)

    def fill_gaps(self, scored: Sequence[tuple[float, int, int]]) -> None:
        """Link the sentences left alone, in order, in a gap between two links.

        Between two linked pairs (or the start of the documents and the first link), the
        unlinked sentences on each side are most likely the same content loosely reworded
        (Bleualign and hunalign fill such gaps): the best monotone alignment of the gap is
        taken, one to one, one to two or two to one (a rewrite merges and splits), at a lower
        threshold than anywhere else, and only with pairs where neither sentence matches any
        other sentence better: a sentence cut and another put in its place share the story's
        names and topic words too. Wider gaps need a higher score than small ones.
        """
        best_of_base: dict[int, tuple[float, int]] = {}
        best_of_other: dict[int, tuple[float, int]] = {}
        for score, i, j in scored:  # best first
            if self._crosses_kind(i, j):
                continue  # a headline sums up every sentence: no rival to a body sentence
            best_of_base.setdefault(i, (score, j))
            best_of_other.setdefault(j, (score, i))
        limit, width = self.settings.small_gap, self.settings.gap_width
        pairs = sorted((min(b), min(o), max(b), max(o)) for b, o, _ in self.groups)
        keep = increasing_subsequence([other for _, other, _, _ in pairs])
        chain = [(-1, -1, -1, -1)] + [pairs[k] for k in keep] if keep else []
        for (_, _, base_low, other_low), (base_high, other_high, _, _) in itertools.pairwise(chain):
            base_span = range(base_low + 1, base_high)
            other_span = range(other_low + 1, other_high)
            base_gap = [i for i in base_span if self._free_base(i)]
            other_gap = [j for j in other_span if self._free_other(j)]
            if not (0 < len(base_gap) <= width and 0 < len(other_gap) <= width):
                continue
            small = len(base_gap) <= limit and len(other_gap) <= limit
            # Only the free sentences make the gap: one linked elsewhere (moved) is not in it.
            threshold = self.settings.gap_score if small else self.settings.wide_gap_score
            for base_group, other_group in self._gap_alignment(
                base_gap, other_gap, threshold, best_of_base, best_of_other
            ):
                if len(base_group) == len(other_group) == 1:
                    score = self.pair_score(base_group[0], other_group[0])
                else:
                    score = self.group_score(base_group, other_group)
                self.link(base_group, other_group, score)

    def _gap_alignment(
        self,
        base_gap: list[int],
        other_gap: list[int],
        threshold: float,
        best_of_base: dict[int, tuple[float, int]],
        best_of_other: dict[int, tuple[float, int]],
    ) -> list[tuple[list[int], list[int]]]:
        """The best monotone alignment of two gaps: 1-1 pairs, 1-2 and 2-1 groups."""

        def unrivalled(score: float, members: list[int], partners: list[int], side: str) -> bool:
            best = best_of_base if side == "base" else best_of_other
            for k in members:
                rival_score, rival = best.get(k, (0.0, -1))
                if rival not in partners and rival_score > score:
                    return False
            return True

        def option(base_group: list[int], other_group: list[int]) -> float:
            if len(base_group) == len(other_group) == 1:
                score = self.pair_score(base_group[0], other_group[0])
                needed = threshold
            else:
                if base_group[-1] - base_group[0] != len(base_group) - 1:
                    return 0.0
                if other_group[-1] - other_group[0] != len(other_group) - 1:
                    return 0.0
                score = self.group_score(base_group, other_group)
                needed = max(threshold, self.settings.gap_group_score)
                single, pair, flip = (
                    (base_group, other_group, False)
                    if len(base_group) == 1
                    else (other_group, base_group, True)
                )
                if score < needed or not self._both_contribute(single, pair, flip=flip):
                    return 0.0
            if score < needed:
                return 0.0
            if not unrivalled(score, base_group, other_group, "base"):
                return 0.0
            if not unrivalled(score, other_group, base_group, "other"):
                return 0.0
            return score * (len(base_group) + len(other_group)) / 2.0

        rows, columns = len(base_gap), len(other_gap)
        total = [[0.0] * (columns + 1) for _ in range(rows + 1)]
        step: list[list[tuple[int, int, bool]]] = [
            [(0, 0, False)] * (columns + 1) for _ in range(rows + 1)
        ]
        for a in range(rows + 1):
            for b in range(columns + 1):
                if a == b == 0:
                    continue
                choices: list[tuple[float, int, int, bool]] = []
                if a:
                    choices.append((total[a - 1][b], 1, 0, False))
                if b:
                    choices.append((total[a][b - 1], 0, 1, False))
                for take_base, take_other in ((1, 1), (1, 2), (2, 1)):
                    if a >= take_base and b >= take_other:
                        value = option(base_gap[a - take_base : a], other_gap[b - take_other : b])
                        if value > 0.0:
                            previous = total[a - take_base][b - take_other]
                            choices.append((previous + value, take_base, take_other, True))
                best = max(choices, key=lambda choice: choice[0])
                total[a][b] = best[0]
                step[a][b] = (best[1], best[2], best[3])
        found: list[tuple[list[int], list[int]]] = []
        a, b = rows, columns
        while a or b:
            take_base, take_other, linked = step[a][b]
            if linked:
                found.append((base_gap[a - take_base : a], other_gap[b - take_other : b]))
            a, b = a - take_base, b - take_other
        return found[::-1]

    def _link_if_similar(self, i: int, j: int, threshold: float) -> None:
        if i in self.base_link or j in self.other_link:
            return
        if not _compatible(self.base.kind(i), self.other.kind(j)):
            return
        score = similarity(
            self.base.terms[i], self.other.terms[j], self.weights, self.settings.small_weight
        )
        if score >= threshold:
            self.link([i], [j], score)

    def _free_base(self, i: int) -> bool:
        return (
            0 <= i < len(self.base.terms) and i not in self.base_link and bool(self.base.terms[i])
        )

    def _free_other(self, j: int) -> bool:
        return (
            0 <= j < len(self.other.terms)
            and j not in self.other_link
            and bool(self.other.terms[j])
        )

    def _both_contribute(self, single: list[int], pair: list[int], flip: bool = False) -> bool:
        """Each sentence of ``pair`` covers a fair share of content the other one lacks."""
        own = self.other.terms if flip else self.base.terms
        theirs = self.base.terms if flip else self.other.terms
        single_terms = frozenset().union(*(own[k] for k in single))
        first, second = theirs[pair[0]], theirs[pair[1]]
        return all(
            self._covered(part - rest, single_terms) >= self.settings.part_share
            for part, rest in ((first, second), (second, first))
        )

    def _covered(self, terms: frozenset[str], by: frozenset[str]) -> float:
        total = self.weights.total(terms)
        if total == 0.0:
            return 0.0
        return self.weights.total(terms & by) / total

    def grow(self, scored: Sequence[tuple[float, int, int]], first: int = 0) -> None:
        """Add adjacent unlinked sentences to groups they complete (splits and merges).

        Only groups from index ``first`` on are grown (the ones made since the last growth).
        """
        best_of_base: dict[int, tuple[float, int]] = {}
        best_of_other: dict[int, tuple[float, int]] = {}
        for score, i, j in scored:  # best first
            best_of_base.setdefault(i, (score, j))
            best_of_other.setdefault(j, (score, i))
        # A group that cannot grow still cannot after others grew (they only take sentences):
        # after the first pass, only the groups that grew are tried again.
        pending: Sequence[int] = range(first, len(self.groups))
        while pending:
            grown: list[int] = []
            for index in pending:
                changed = False
                for side in ("other", "base"):
                    best = best_of_other if side == "other" else best_of_base
                    changed |= self._grow_group(index, side, best)
                if changed:
                    grown.append(index)
            pending = grown

    def _grow_group(self, index: int, side: str, best: dict[int, tuple[float, int]]) -> bool:
        """Try the free neighbours of group ``index`` on ``side``; True if one joined."""
        base, other, _ = self.groups[index]
        grows_other = side == "other"
        members = other if grows_other else base
        own, opposite_features = (self.other, self.base) if grows_other else (self.base, self.other)
        opposite_members = base if grows_other else other
        score = -1.0
        for k in (max(members) + 1, min(members) - 1):
            free = self._free_other(k) if grows_other else self._free_base(k)
            if not free:
                continue
            if score < 0.0:
                # Growth compares bags of words: a near-copy's score was lifted by its characters,
                # and a part judged against that would fall short of a limit never reached.
                score = self.group_score(base, other)
            new_base = base if grows_other else sorted([*base, k])
            new_other = sorted([*other, k]) if grows_other else other
            new_score = self.group_score(new_base, new_other)
            if new_score == 0.0:
                continue
            opposite = frozenset().union(*(opposite_features.terms[m] for m in opposite_members))
            already = frozenset().union(*(own.terms[m] for m in members))
            novel = self._covered(own.terms[k] - already, opposite)
            alone = similarity(own.terms[k], opposite, self.weights, self.settings.small_weight)
            best_score, best_match = best.get(k, (0.0, -1))
            belongs = best_match in opposite_members and best_score >= self.settings.join_score
            if (
                _completes(novel, new_score - score, self.settings)
                or (
                    alone >= self.settings.grow_alone_score
                    and new_score >= score - self.settings.grow_alone_drop
                )
                or (belongs and new_score >= score - self.settings.belongs_drop)
                or (
                    belongs
                    and new_score >= score - self.settings.part_drop
                    and self._brings_the_rest(own.terms[k], opposite - already)
                )
            ):
                self.groups[index] = (new_base, new_other, max(new_score, score))
                (self.other_link if grows_other else self.base_link)[k] = index
                return True
        return False

    def _brings_the_rest(self, part: frozenset[str], uncovered: frozenset[str]) -> bool:
        """Whether ``part``, judged on its own, carries what the group still lacks.

        A split's second part often repeats words of the first and adds details of its own,
        so it lowers the group's bag-of-words score; what counts (as for MASSAlign and the CATS
        aligners) is its overlap with the other side's content not yet covered.
        """
        brought = part & uncovered
        if len(brought) < self.settings.part_terms:
            return False
        return self._covered(uncovered, part) >= self.settings.part_cover

    def result(self) -> tuple[Group, ...]:
        groups = [
            Group(
                tuple(sorted(base)),
                tuple(sorted(other)),
                round(score, 4),
                self.base.norms[base[0]] == self.other.norms[other[0]]
                if len(base) == len(other) == 1
                else None,
            )
            for base, other, score in self.groups
        ]
        return tuple(sorted(groups, key=lambda group: (group.base[0], group.other[0])))


def _standfirst(features: Features, settings: AlignSettings) -> tuple[int, int] | None:
    """(summary, lead) when the first running sentence, right under the titles, is repeated by
    the next running sentence a few sentences on (the lead, perhaps after its dateline)."""
    running = [
        k for k, role in enumerate(features.roles) if role is Role.BODY and features.norms[k]
    ]
    if len(running) < 2:
        return None
    summary, lead = running[0], running[1]
    if lead - summary > settings.standfirst_reach:
        return None
    short, long = features.norms[summary], features.norms[lead]
    if short == long or (short in long and len(short) >= settings.standfirst_share * len(long)):
        return summary, lead
    return None


def _headline(features: Features) -> int | None:
    """The headline: a title before any running text."""
    for index, role in enumerate(features.roles):
        if role is Role.HEADLINE and features.terms[index]:
            return index
        if role is Role.BODY:
            return None
    return None


def _lead(features: Features) -> int | None:
    """The first sentence of running text."""
    for index, role in enumerate(features.roles):
        if role is Role.BODY and features.terms[index]:
            return index
    return None


def _crossings(pairs: Sequence[tuple[int, int]], pair: tuple[int, int]) -> int:
    """How many of ``pairs`` cross ``pair`` (one before it on one side, after it on the other)."""
    i, j = pair
    return sum((b - i) * (o - j) < 0 for b, o in pairs)


def _completes(novel: float, gain: float, settings: AlignSettings) -> bool:
    """Whether a sentence whose new content is ``novel``-covered completes a group.

    Mostly covered and a small gain, or half covered and a clear gain.
    """
    return (novel >= settings.complete_covered and gain > settings.complete_gain) or (
        novel >= settings.complete_half_covered and gain >= settings.complete_clear_gain
    )


def _best_first(scored: list[tuple[float, int, int]]) -> None:
    """Sort ``(score, base, other)`` triples by score, highest first, then by base and other.

    The same order as the key ``(-score, base, other)``: two stable sorts with C-level keys.
    """
    scored.sort(key=_BY_PAIR)
    scored.sort(key=_BY_SCORE, reverse=True)


_BY_PAIR = operator.itemgetter(1, 2)
_BY_SCORE = operator.itemgetter(0)


def increasing_subsequence(values: Sequence[int]) -> list[int]:
    """Positions of a longest strictly increasing subsequence of ``values`` (patience sort)."""
    tails: list[int] = []
    tail_positions: list[int] = []
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        slot = bisect.bisect_left(tails, value)
        if slot:
            previous[position] = tail_positions[slot - 1]
        if slot == len(tails):
            tails.append(value)
            tail_positions.append(position)
        else:
            tails[slot] = value
            tail_positions[slot] = position
    result: list[int] = []
    position = tail_positions[-1] if tail_positions else -1
    while position >= 0:
        result.append(position)
        position = previous[position]
    return result[::-1]


def align(
    base: Features,
    other: Features,
    weights: TermWeights,
    settings: AlignSettings = DEFAULT_SETTINGS,
) -> tuple[Group, ...]:
    """Groups of base and other sentences that carry the same content, in base order."""
    aligner = _Aligner(base, other, weights, settings)
    scored = aligner.candidates()
    aligner.anchors(scored)
    aligner.copies_in_order()
    aligner.fill_in_order(scored)
    aligner.moved_runs(scored)
    aligner.merge_unlinked(scored)
    aligner.grow(scored)
    aligner.abstain_if_unrelated()
    grown = len(aligner.groups)
    aligner.fill_gaps(scored)
    aligner.grow(scored, first=grown)
    aligner.standfirsts()
    aligner.leads_keep_leads()
    aligner.headlines()
    return aligner.result()
