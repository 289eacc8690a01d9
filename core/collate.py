"""Compare many versions: pick the base, align every other version with it, fill the matrix."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .align import Features, Group, TermWeights, align
from .diff import compare
from .errors import WirediffError
from .model import Collation, Comparison, Document
from .original import assess_originals
from .settings import DEFAULT_SETTINGS, AlignSettings

Progress = Callable[[int, int], None]
"""Called with (comparisons done, comparisons in all) as the work goes on."""


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
    raise WirediffError(f"--base {base}: not one of the documents given")


def collate(
    documents: Sequence[Document],
    base: int | str | None = 0,
    all_pairs: bool = False,
    progress: Progress | None = None,
    settings: AlignSettings = DEFAULT_SETTINGS,
    weights: TermWeights | None = None,
) -> Collation:
    """Align every document with the base (or every pair) and measure how much they share.

    ``base`` is an index, a path, or ``"auto"``/``None`` to pick the version the others share the
    most content with (the likely wire original). ``weights`` defaults to weights fitted on
    ``documents``; pass weights fitted on a larger corpus to score pairs independently of the
    other documents in the call.
    """
    documents = tuple(documents)
    if len(documents) < 2:
        raise WirediffError("need at least two documents to compare")
    features = [Features.of(document) for document in documents]
    if weights is None:
        weights = TermWeights(features)
    count = len(documents)
    pairs = [(i, j) for i in range(count) for j in range(count) if i < j]
    done = 0

    def report_progress() -> None:
        if progress is not None:
            progress(done, len(pairs))

    aligned: dict[tuple[int, int], tuple[Group, ...]] = {}
    for i, j in pairs:
        report_progress()
        aligned[(i, j)] = align(features[i], features[j], weights, settings)
        done += 1
    report_progress()

    def groups(i: int, j: int) -> tuple[Group, ...]:
        if (i, j) in aligned:
            return aligned[(i, j)]
        return tuple(
            sorted(
                (Group(g.other, g.base, g.score, g.identical) for g in aligned[(j, i)]),
                key=lambda g: (g.base[0], g.other[0]),
            )
        )

    matrix = [[1.0] * count for _ in range(count)]
    for i, j in pairs:
        matrix[i][j], matrix[j][i] = compare_shares(documents[i], documents[j], aligned[(i, j)])

    base_index = resolve_base(base, documents)
    guessed = base_index is None
    originals = assess_originals(documents)
    base_reason = ""
    if base_index is None:
        # The version the others reproduce word for word (see core/original.py).
        base_index, base_reason = originals.original, originals.reason
    if all_pairs:
        ordered = [(base_index, j) for j in range(count) if j != base_index] + [
            (i, j) for i in range(count) for j in range(count) if i < j and base_index not in (i, j)
        ]
    else:
        ordered = [(base_index, j) for j in range(count) if j != base_index]
    comparisons: list[Comparison] = [
        compare(i, j, documents[i], documents[j], groups(i, j), weights) for i, j in ordered
    ]
    return Collation(
        documents=documents,
        base=base_index,
        base_is_guess=guessed,
        comparisons=tuple(comparisons),
        matrix=tuple(tuple(round(value, 4) for value in row) for row in matrix),
        base_reason=base_reason,
        copied_from=originals.copied_from,
    )


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
