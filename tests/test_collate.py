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


def _version(name: str, outlet: str, published: str, extra: str) -> Document:
    from dataclasses import replace

    from wirediff.core import document_from_text

    return replace(document_from_text(copy(1, extra), name), outlet=outlet, published=published)


def test_versions_from_one_outlet_on_one_day_get_distinct_stable_labels() -> None:
    documents = [
        _version("a.html", "AFP", "2025-02-06T09:12:00+00:00", "One."),
        _version("b.html", "AFP", "2025-02-06T14:30:00+00:00", "Two."),
        _version("c.html", "AFP", "2025-02-06", "Three."),
        _version("d.html", "AFP", "2025-02-06", "Four."),
        _version("e.html", "AFP", "2025-02-06", "Five."),
        _version("f.html", "Reuters", "2025-02-06T09:12:00Z", "Six."),
        _version("g.html", "AFP", "2025-02-07", "Seven."),
    ]
    labels = [
        "AFP 2025-02-06 09:12",
        "AFP 2025-02-06 14:30",
        "AFP 2025-02-06",
        "AFP 2025-02-06 (2)",
        "AFP 2025-02-06 (3)",
        "Reuters 2025-02-06",  # alone on its day: no time added
        "AFP 2025-02-07",
    ]
    collation = wirediff.compare(documents)
    assert [document.label for document in collation.documents] == labels
    # stable: comparing again (as the app does with another base) gives the same labels
    again = wirediff.compare(list(collation.documents), base=3)
    assert [document.label for document in again.documents] == labels
    # every display reads Document.label: the reports and the grid show them apart
    import json

    from wirediff.present.grid import build_grid
    from wirediff.reports import render

    data = json.loads(render(collation, "json", "test"))
    assert [document["label"] for document in data["documents"]] == labels
    columns = build_grid(collation).columns  # one per version but the base
    assert sorted(column.label for column in columns) == sorted(labels[1:])
    txt = render(collation, "txt", "test")
    assert "AFP 2025-02-06 (3)" in txt and "AFP 2025-02-06 14:30" in txt


def test_the_same_time_twice_gets_a_count_and_a_unique_label_stays_unchanged() -> None:
    same = [
        _version("a.html", "AP", "2025-02-06T09:12:00Z", "One."),
        _version("b.html", "AP", "2025-02-06T09:12:30Z", "Two."),
        _version("c.html", "UPI", "", "Three."),
    ]
    labels = [document.label for document in wirediff.compare(same).documents]
    assert labels == ["AP 2025-02-06 09:12", "AP 2025-02-06 09:12 (2)", "UPI"]
    unique = [_version("a.html", "AP", "2025-02-06", "One."), _version("b.html", "", "", "Two.")]
    assert wirediff.compare(unique).documents == tuple(unique)
