"""wirediff: compare versions of one news story sentence by sentence.

The public API::

    import wirediff

    documents = wirediff.load(["wire.txt", "outlet.html"])
    collation = wirediff.compare(documents)
    for link in collation.comparisons[0].links:
        print(link.kind, link.base, link.other, link.flags)

Layers, each importing only those below it: ``wirediff.core`` (the engine), ``wirediff.present``
(rows and view model), ``wirediff.reports``, ``wirediff.tui`` (the app), ``wirediff.cli``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from wirediff.core import (
    DEFAULT_SETTINGS,
    AlignSettings,
    Collation,
    Comparison,
    Document,
    Edit,
    Flag,
    Kind,
    Link,
    Role,
    Sentence,
    TermWeights,
    WirediffError,
    __version__,
    collate,
    document_from_text,
    load_documents,
)
from wirediff.core.collation import Progress


def load(paths: str | Path | Iterable[str | Path]) -> tuple[Document, ...]:
    """Load versions of a story from files or folders (text, Markdown, HTML; ``-`` is stdin).

    Raises ``WirediffError`` with a one-line message naming the file on bad input.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return tuple(load_documents([str(path) for path in paths]))


def compare(
    documents: Sequence[Document],
    *,
    base: int | str | None = 0,
    settings: AlignSettings = DEFAULT_SETTINGS,
    weights: TermWeights | None = None,
    all_pairs: bool = False,
    progress: Progress | None = None,
) -> Collation:
    """Align every version with the base and mark what each kept, reworded, moved, added, dropped.

    Args:
        documents: the versions, from ``load`` or ``document_from_text``.
        base: an index, a path, or ``"auto"`` to pick the likely wire original.
        settings: the aligner's thresholds.
        weights: term weights (``TermWeights.fit(corpus)``); by default fitted on ``documents``.
        all_pairs: also compare every pair of non-base versions.
        progress: called with (comparisons done, comparisons in all).
    """
    return collate(
        documents,
        base=base,
        all_pairs=all_pairs,
        progress=progress,
        settings=settings,
        weights=weights,
    )


__all__ = [
    "DEFAULT_SETTINGS",
    "AlignSettings",
    "Collation",
    "Comparison",
    "Document",
    "Edit",
    "Flag",
    "Kind",
    "Link",
    "Role",
    "Sentence",
    "TermWeights",
    "WirediffError",
    "__version__",
    "compare",
    "document_from_text",
    "load",
]
