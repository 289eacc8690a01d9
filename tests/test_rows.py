"""Aligned rows: every sentence once per column, in its document's order; moves point home."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirediff.core import Collation, Document, collate, document_from_text
from wirediff.present.rows import CellStatus, RowKind, build_rows, shown_order

from .test_invariants import TEXTS


def assert_columns_complete(collation: Collation, shown: list[int] | None = None) -> None:
    rows = build_rows(collation, shown)
    order = shown_order(collation, shown)
    for position, document_index in enumerate(order):
        column = [j for row in rows for j in row.cells[position].sentences]
        assert column == list(range(len(collation.documents[document_index].sentences)))
    for row in rows:
        assert row.index == rows.index(row)
        for cell in row.cells:
            if cell.status is CellStatus.MOVED_AWAY and cell.moved_to is not None:
                target = rows[cell.moved_to].cells[row.cells.index(cell)]
                assert target.status is CellStatus.MOVED


def test_seed_rows_cover_every_sentence(seed_documents: dict[str, Document]) -> None:
    documents = list(seed_documents.values())
    collation = collate(documents, base=1)
    assert_columns_complete(collation)
    assert_columns_complete(collation, shown=[1, 0])
    assert_columns_complete(collation, shown=[2])


def test_rows_mark_kinds(seed_documents: dict[str, Document]) -> None:
    afp = seed_documents["001_d2c0166b2a2dd97c.txt"]
    paraphrase = seed_documents["000_5fd63220c0a3b547.txt"]
    rows = build_rows(collate([afp, paraphrase]))
    kinds = {row.kind for row in rows}
    assert {RowKind.REWORDED, RowKind.OMITTED, RowKind.ADDED, RowKind.BOILERPLATE} <= kinds
    wonderful = [
        row
        for row in rows
        if row.base_sentence is not None
        and afp.sentences[row.base_sentence].text.startswith('"It would be wonderful')
    ]
    assert wonderful[0].kind is RowKind.OMITTED
    assert wonderful[0].cells[1].status is CellStatus.OMITTED
    moved = [row for row in rows if row.cells[1].status is CellStatus.MOVED_AWAY]
    assert moved and all(row.cells[1].moved_to is not None for row in moved)


def test_identical_documents_give_identical_rows() -> None:
    text = "Japan's leader left on Thursday. He will meet Trump on Friday. Talks follow."
    rows = build_rows(collate([document_from_text(text, "a"), document_from_text(text, "b")]))
    assert [row.kind for row in rows] == [RowKind.IDENTICAL] * 3
    assert not any(row.is_change for row in rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=2, max_size=3))
def test_rows_cover_every_sentence_of_arbitrary_text(texts: list[str]) -> None:
    documents = [document_from_text(text, f"d{k}.txt") for k, text in enumerate(texts)]
    assert_columns_complete(collate(documents))
