"""The aligners under test: the wirediff engine and a naive rapidfuzz baseline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .gold import GoldCase
from .scoring import Pred

if TYPE_CHECKING:
    from wirediff.core import Document

BASELINE_CUTOFF = 50.0


def documents(case: GoldCase) -> tuple[Document, Document]:
    """The case's two versions as engine Documents (real files are loaded from disk)."""
    from wirediff.core import document_from_text, load_document

    def one(path: str, text: str) -> Document:
        if Path(path).is_file() and Path(path).read_text(encoding="utf-8") == text:
            return load_document(path)
        return document_from_text(text, path)

    return one(case.base_path, case.base_text), one(case.other_path, case.other_text)


def engine_preds(base: Document, other: Document) -> list[Pred]:
    """Links the engine finds between two Documents."""
    from wirediff.core import collate

    comparison = collate([base, other], base=0).comparisons[0]
    return [
        Pred(
            base=tuple(link.base),
            other=tuple(link.other),
            kind=str(link.kind.value),
            flags=frozenset(str(f.value) for f in link.flags),
            moved=bool(link.moved),
        )
        for link in comparison.links
    ]


def baseline_preds(base: Document, other: Document, cutoff: float = BASELINE_CUTOFF) -> list[Pred]:
    """Naive baseline: the same sentences, fuzz.ratio >= cutoff, greedy one-to-one."""
    a = [s.text for s in base.sentences]
    b = [s.text for s in other.sentences]
    scored = sorted(
        ((fuzz.ratio(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    preds = []
    for score, i, j in scored:
        if score < cutoff:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        kind = "identical" if a[i] == b[j] else "reworded"
        preds.append(Pred((i,), (j,), kind))
    return preds
