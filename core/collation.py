"""Compare many versions: pick the base, align the other versions with it, fill the matrix.

Only what is asked is aligned: the base against each other version (k-1 pairs), every pair only
with ``all_pairs``. The similarity matrix's cells between two versions other than the base are
then estimated through the base instead of aligned (``Collation.matrix_estimated``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .align import Features, Group, TermWeights, align
from .diff import compare
from .errors import WirediffError
from .model import Collation, Comparison, Document, distinct_labels
from .original import Originals, assess_originals
from .settings import DEFAULT_SETTINGS, AlignSettings

Progress = Callable[[int, int], None]
"""Called with (comparisons done, comparisons in all) as the work goes on."""

Pair = tuple[int, int]
"""(base side, other side) indexes of two documents to align."""

Partial = Callable[[Collation], None]
"""Called with the comparisons with the base done so far, as a collation to show early."""


def collate(
    documents: Sequence[Document],
    base: int | str | None = 0,
    all_pairs: bool = False,
    progress: Progress | None = None,
    settings: AlignSettings = DEFAULT_SETTINGS,
    weights: TermWeights | None = None,
    partial: Partial | None = None,
) -> Collation:
    """Align every document with the base (or every pair) and measure how much they share.

    ``base`` is an index, a path, or ``"auto"``/``None`` to pick the likely wire original
    (``pick_base``). ``weights`` defaults to weights fitted on ``documents``; pass weights fitted
    on a larger corpus to score pairs independently of the other documents in the call.
    ``partial`` is called after each version is compared with the base, with a collation of
    the comparisons so far (no matrix, no copied-from yet): the app shows them early.
    Versions from one outlet on one day get distinct labels (``distinct_labels``).
    """
    documents = distinct_labels(documents)
    if len(documents) < 2:
        raise WirediffError("need at least two documents to compare")
    features = [Features.of(document) for document in documents]
    if weights is None:
        weights = TermWeights(features)
    base_index = resolve_base(base, documents)
    guessed = base_index is None
    # With a base given, what was copied from what is needed only at the end.
    originals = assess_originals(documents) if guessed else None
    reason = ""
    if base_index is None:
        base_index, reason = pick_base(documents, originals)
    pairs = pairs_to_align(len(documents), base_index, all_pairs)
    compared: dict[Pair, Comparison] = {}

    def pair_done(pair: Pair, groups: tuple[Group, ...]) -> None:
        i, j = pair
        compared[pair] = compare(i, j, documents[i], documents[j], groups, weights)
        if partial is not None and i == base_index:
            so_far = tuple(compared[p] for p in pairs if p in compared and p[0] == base_index)
            partial(Collation(documents, base_index, guessed, so_far, (), reason))

    aligned = align_pairs(features, pairs, weights, settings, progress, pair_done)
    comparisons = tuple(compared[pair] for pair in pairs)
    if originals is None:
        originals = assess_originals(documents)
    matrix = similarity_matrix(documents, features, base_index, aligned)
    return Collation(
        documents=documents,
        base=base_index,
        base_is_guess=guessed,
        comparisons=comparisons,
        matrix=tuple(tuple(round(value, 4) for value in row) for row in matrix),
        base_reason=reason,
        copied_from=originals.copied_from,
        matrix_estimated=not all_pairs and len(documents) > 2,
    )


def resolve_base(base: int | str | None, documents: Sequence[Document]) -> int | None:
    """The index named by ``--base``: an index, a path, or ``auto`` (``None``)."""
    if base is None or base == "auto":
        return None
    if isinstance(base, int) or (isinstance(base, str) and base.lstrip("-").isdigit()):
        index = int(base)
        if not 0 <= index < len(documents):
            raise WirediffError(
                f"--base {base}: no such document (there are {len(documents)}, numbered from 0)"
            )
        return index
    for index, document in enumerate(documents):
        if document.path == base or document.name == base:
            return index
    if "://" not in base:  # the same path written another way: ./seeds/a.txt, seeds//a.txt
        for index, document in enumerate(documents):
            if "://" not in document.path and posixpath.normpath(
                document.path.replace("\\", "/")
            ) == posixpath.normpath(base.replace("\\", "/")):
                return index
    raise WirediffError(f"--base {base}: not one of the documents given")


def pick_base(documents: Sequence[Document], originals: Originals | None = None) -> tuple[int, str]:
    """The likely wire original, and one line saying why (``core/original.py``): the version
    the others reproduce word for word, with an agency dateline or credit, the earliest date.

    No sentence alignment is needed, so this costs far less than aligning all n(n-1)/2 pairs.
    """
    originals = originals or assess_originals(documents)
    return originals.original, originals.reason


def pairs_to_align(count: int, base: int, all_pairs: bool) -> list[Pair]:
    """The base against each other version; then, with ``all_pairs``, every other pair."""
    pairs = [(base, j) for j in range(count) if j != base]
    if all_pairs:
        pairs += [(i, j) for i in range(count) for j in range(i + 1, count) if base not in (i, j)]
    return pairs


def align_pairs(
    features: Sequence[Features],
    pairs: Sequence[Pair],
    weights: TermWeights,
    settings: AlignSettings,
    progress: Progress | None = None,
    pair_done: Callable[[Pair, tuple[Group, ...]], None] | None = None,
) -> dict[Pair, tuple[Group, ...]]:
    """The groups of each pair, reporting progress before each pair and at the end
    (``pair_done`` is called with each pair's groups as soon as they are known)."""
    aligned: dict[Pair, tuple[Group, ...]] = {}
    for done, (i, j) in enumerate(pairs):
        if progress is not None:
            progress(done, len(pairs))
        aligned[(i, j)] = align(features[i], features[j], weights, settings)
        if pair_done is not None:
            pair_done((i, j), aligned[(i, j)])
    if progress is not None:
        progress(len(pairs), len(pairs))
    return aligned


def similarity_matrix(
    documents: Sequence[Document],
    features: Sequence[Features],
    base: int,
    aligned: dict[Pair, tuple[Group, ...]],
) -> list[list[float]]:
    """``matrix[i][j]``: share of document i's body text with a counterpart in document j.

    Aligned pairs are measured; the others are estimated through the base (``_Side.share_in``).
    """
    count = len(documents)
    matrix = [[1.0] * count for _ in range(count)]
    for (i, j), groups in aligned.items():
        matrix[i][j], matrix[j][i] = compare_shares(documents[i], documents[j], groups)
    estimated = [
        (i, j)
        for i in range(count)
        for j in range(count)
        if i != j and base not in (i, j) and (i, j) not in aligned and (j, i) not in aligned
    ]
    if not estimated:
        return matrix
    sides = {
        k: _Side.of(documents[k], features[k], aligned.get((base, k), ()))
        for k in range(count)
        if k != base
    }
    for i, j in estimated:
        matrix[i][j] = sides[i].share_in(sides[j])
    return matrix


@dataclass(frozen=True, slots=True)
class _Side:
    """What ``estimated_share`` needs of one version aligned with the base."""

    total: int
    """Characters of body text."""
    linked: tuple[tuple[int, int], ...]
    """Per link with the base: its body characters here, and its base sentences as a bit mask."""
    unlinked: tuple[tuple[int, str], ...]
    """Per body sentence with no base counterpart: its characters and normalised text."""
    base_mask: int
    """The base sentences linked here, as a bit mask."""
    texts: frozenset[str]
    """Normalised text of every body sentence."""

    @classmethod
    def of(cls, document: Document, features: Features, groups: Sequence[Group]) -> _Side:
        sentences = document.sentences
        linked = tuple(
            (
                sum(len(sentences[j].text) for j in group.other if sentences[j].counts),
                sum(1 << i for i in group.base),
            )
            for group in groups
        )
        in_link = {j for group in groups for j in group.other}
        unlinked = tuple(
            (len(sentences[j].text), norm)
            for j, norm in enumerate(features.norms)
            if norm and j not in in_link
        )
        base_mask = 0
        for _, mask in linked:
            base_mask |= mask
        texts = frozenset(norm for norm in features.norms if norm)
        return cls(document.body_chars, linked, unlinked, base_mask, texts)

    def share_in(self, other: _Side) -> float:
        """Share of this version's body text with a counterpart in ``other``, estimated: linked
        to a base sentence ``other`` also links, or the same text as one of ``other``'s."""
        if not self.total:
            return 0.0
        mask = other.base_mask
        kept = sum(chars for chars, bases in self.linked if bases & mask)
        kept += sum(chars for chars, norm in self.unlinked if norm in other.texts)
        return kept / self.total


def compare_shares(
    first: Document, second: Document, groups: Sequence[Group], weighted: bool = False
) -> tuple[float, float]:
    """Share of each document's body text that has a counterpart in the other.

    ``weighted``: each linked sentence counts by its link's score (how faithfully it is kept).
    """
    shares = []
    for document, linked in (
        (first, [(group.score, group.base) for group in groups]),
        (second, [(group.score, group.other) for group in groups]),
    ):
        total = document.body_chars
        kept = sum(
            (score if weighted else 1.0) * len(document.sentences[k].text)
            for score, indexes in linked
            for k in indexes
            if document.sentences[k].counts
        )
        shares.append(kept / total if total else 0.0)
    return shares[0], shares[1]
