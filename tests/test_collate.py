"""Collate aligns only what is asked, estimates the rest of the matrix, and picks a base cheaply."""

from __future__ import annotations

import pytest

import wirediff
from wirediff.core import Document
from wirediff.core.collation import pairs_to_align, pick_base

ORIGINAL = (
    "Japanese Prime Minister Shigeru Ishiba left for Washington on Thursday. "
    "He will meet President Donald Trump on Friday for their first summit. "
    "Ishiba will press for reassurance on the alliance, officials said. "
    "Japan is the largest foreign investor in the United States. "
    "Trade tensions over steel tariffs are expected to dominate the talks."
)


def copy(drop: int, extra: str) -> str:
    """The original with one sentence dropped and one of the outlet's own added."""
    sentences = ORIGINAL.split(". ")
    kept = [s for k, s in enumerate(sentences) if k != drop]
    return ". ".join(kept).rstrip(".") + ". " + extra


@pytest.fixture(scope="module")
def family() -> list[Document]:
    """Three outlets' copies first, the wire original last."""
    return [
        wirediff.document_from_text(copy(1, "Markets in Tokyo rose on the news."), "a.txt"),
        wirediff.document_from_text(copy(3, "The yen weakened against the dollar."), "b.txt"),
        wirediff.document_from_text(copy(4, "Analysts expect a joint statement."), "c.txt"),
        wirediff.document_from_text(ORIGINAL, "wire.txt"),
    ]


def test_only_the_base_pairs_are_aligned_unless_all_pairs() -> None:
    assert pairs_to_align(4, 2, False) == [(2, 0), (2, 1), (2, 3)]
    assert sorted(pairs_to_align(4, 2, True)) == sorted(
        [(2, 0), (2, 1), (2, 3), (0, 1), (0, 3), (1, 3)]
    )


@pytest.mark.parametrize(("all_pairs", "aligned"), [(False, 3), (True, 6)])
def test_progress_counts_the_alignments_done(
    family: list[Document], all_pairs: bool, aligned: int
) -> None:
    reports: list[tuple[int, int]] = []
    collation = wirediff.compare(
        family, all_pairs=all_pairs, progress=lambda done, total: reports.append((done, total))
    )
    assert reports[-1] == (aligned, aligned)
    assert len(collation.comparisons) == aligned
    assert collation.matrix_estimated is not all_pairs


def test_the_estimated_matrix_is_marked_and_close_to_the_measured_one(
    family: list[Document],
) -> None:
    estimated = wirediff.compare(family, base=3)
    measured = wirediff.compare(family, base=3, all_pairs=True)
    count = len(family)
    for i in range(count):
        for j in range(count):
            on_base = 3 in (i, j) or i == j
            assert estimated.is_estimated(i, j) is not on_base
            assert not measured.is_estimated(i, j)
            if on_base:
                assert estimated.matrix[i][j] == measured.matrix[i][j]
            else:
                assert estimated.matrix[i][j] == pytest.approx(measured.matrix[i][j], abs=0.1)


def test_the_base_picked_is_the_version_whose_wording_the_others_reuse(
    family: list[Document],
) -> None:
    index, reason = pick_base(family)
    assert family[index].name == "wire.txt"
    assert "word for word" in reason
    collation = wirediff.compare(family, base="auto")
    assert collation.base == index and collation.base_is_guess
    assert collation.base_reason == reason


def test_partial_results_come_per_version_and_match_the_end(family: list[Document]) -> None:
    from wirediff.core import Collation, collate

    seen: list[Collation] = []
    final = collate(family, base=3, partial=seen.append)
    # one partial per version compared with the base, each holding the ones before it
    assert [[c.other for c in p.comparisons] for p in seen] == [[0], [0, 1], [0, 1, 2]]
    assert all(p.base == 3 and p.documents == final.documents for p in seen)
    assert seen[-1].comparisons == final.comparisons
    assert final == collate(family, base=3)
