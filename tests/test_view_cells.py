"""What a cell of the aligned view says: inline word diff, badges, marks and search hits."""

from __future__ import annotations

import pytest

from wirediff.core import collate, document_from_text, load_documents
from wirediff.core.model import Collation, Flag
from wirediff.present.cells import (
    Piece,
    badge_pieces,
    cell_pieces,
    cell_symbol,
    diff_pieces,
    mark_hits,
    plain_text,
)
from wirediff.present.legend import FLAGS
from wirediff.present.rows import CellStatus, build_rows

from .conftest import AFP, PARAPHRASE, SEEDS


@pytest.fixture(scope="module")
def pair() -> Collation:
    return collate(load_documents([str(AFP), str(PARAPHRASE)]))


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(sorted(str(p) for p in SEEDS.glob("*.txt"))))


def test_inline_diff_strikes_dropped_words_and_highlights_new_ones() -> None:
    base = document_from_text(
        "Officials met on Monday. The goal is to present a win-win proposition, she said."
    )
    other = document_from_text(
        "Officials met on Monday. The intention is to present a win-win value proposition, "
        "she said."
    )
    collation = collate([base, other])
    link = next(link for link in collation.comparisons[0].links if link.edits)
    pieces = diff_pieces(other, link.other, link.edits)
    assert Piece("goal", "deleted") in pieces
    assert Piece("intention", "inserted") in pieces
    assert Piece("value", "inserted") in pieces
    shown = "".join(piece.text for piece in pieces)
    assert shown == "The goal intention is to present a win-win value proposition, she said."


def _without_marks(pieces: list[Piece]) -> str:
    """The cell's text without struck words and badges, spaces ignored."""
    kept = "".join(p.text for p in pieces if p.style in ("text", "inserted", "identical"))
    return "".join(kept.split())


def test_every_reworded_cell_reads_as_the_other_version_once_struck_words_go(
    seeds: Collation,
) -> None:
    checked = 0
    for row in build_rows(seeds):
        for cell in row.cells[1:]:
            if cell.status not in (CellStatus.REWORDED, CellStatus.MOVED):
                continue
            document = seeds.documents[cell.document]
            pieces = cell_pieces(seeds, row, cell)
            other_text = "".join(plain_text(document, cell.sentences).split())
            assert _without_marks(pieces) == other_text
            checked += 1
    assert checked > 20


def test_cells_say_omitted_moved_and_where(pair: Collation) -> None:
    rows = build_rows(pair)
    statuses = {cell.status for row in rows for cell in row.cells}
    assert {CellStatus.OMITTED, CellStatus.MOVED, CellStatus.MOVED_AWAY} <= statuses
    for row in rows:
        for cell in row.cells:
            text = "".join(piece.text for piece in cell_pieces(pair, row, cell))
            if cell.status is CellStatus.OMITTED:
                assert text == "omitted"
            elif cell.status is CellStatus.MOVED_AWAY:
                assert cell.moved_to is not None
                direction = "below" if cell.moved_to > row.index else "above"
                assert text.startswith(f"moved {direction} (its sentence")
            elif cell.status is CellStatus.MOVED:
                numbers = ", ".join(str(i + 1) for i in cell.moved_from)
                assert f"from base sentence {numbers}" in text.replace("-", ", ")
            elif cell.status is CellStatus.EMPTY:
                assert text == ""


def test_every_kind_has_a_symbol(pair: Collation) -> None:
    rows = build_rows(pair)
    symbols = {cell_symbol(row, cell, False) for row in rows for cell in row.cells[1:]}
    assert {"~", "+", "-", "↕", "·"} <= symbols


def test_badges_follow_the_flag_order() -> None:
    pieces = badge_pieces([Flag.ATTRIBUTION_CHANGED, Flag.QUOTE_ALTERED])
    assert [p.text for p in pieces if p.style == "badge"] == [
        FLAGS[Flag.QUOTE_ALTERED].badge,
        FLAGS[Flag.ATTRIBUTION_CHANGED].badge,
    ]
    assert len({look.badge for look in FLAGS.values()}) == len(Flag)


def test_flagged_cells_start_with_their_badges(pair: Collation) -> None:
    for row in build_rows(pair):
        for cell in row.cells[1:]:
            flags = {flag for link in cell.links for flag in link.flags}
            if flags and cell.status is not CellStatus.MOVED_AWAY:
                pieces = cell_pieces(pair, row, cell)
                badges = [p.text for p in pieces if p.style == "badge"]
                assert badges == [FLAGS[flag].badge for flag in Flag if flag in flags]


def test_search_hits_are_marked_across_pieces() -> None:
    pieces = [Piece("Prime Min", "text"), Piece("ister Ishiba", "inserted")]
    marked = mark_hits(pieces, "minister")
    assert "".join(p.text for p in marked) == "Prime Minister Ishiba"
    assert [p.text for p in marked if p.hit] == ["Min", "ister"]
    assert [p.style for p in marked if p.hit] == ["text", "inserted"]
    assert mark_hits(pieces, "absent") == pieces


def test_word_edits_keep_words_whole() -> None:
    """Tokens split at punctuation; an edit inside a word takes the whole word on both sides,
    so "U.S." against "US" never shows a kept "U" between changed pieces ("U. S.")."""
    from wirediff.core.diff import word_edits

    base = document_from_text("Ishiba will meet U.S. President Donald Trump, officials said.")
    other = document_from_text("Ishiba will meet US President Donald Trump. officials said.")
    edits = [(e.op, e.base, e.other) for e in word_edits(base, (0,), other, (0,))]
    assert edits == [("replace", "U.S.", "US"), ("replace", "Trump,", "Trump.")]
    pieces = diff_pieces(other, (0,), word_edits(base, (0,), other, (0,)))
    assert "".join(piece.text for piece in pieces) == (
        "Ishiba will meet U.S. US President Donald Trump, Trump. officials said."
    )


def test_the_base_cell_marks_what_another_version_dropped(pair: Collation) -> None:
    from wirediff.present.cells import dropped_pieces

    rows = build_rows(pair)
    checked = 0
    for row in rows:
        base, other = row.cells[0], row.cells[1]
        if base.status is not CellStatus.BASE or other.status is not CellStatus.REWORDED:
            continue
        document = pair.documents[pair.base]
        edits = [edit for link in other.links for edit in link.edits]
        pieces = cell_pieces(pair, row, base, against=other)
        assert pieces == dropped_pieces(document, base.sentences, edits)
        assert "".join(p.text for p in pieces) == plain_text(document, base.sentences)
        struck = " ".join(p.text for p in pieces if p.style == "deleted")
        for edit in edits:
            if edit.base.strip():
                assert " ".join(edit.base.split()) in struck
        checked += 1
    assert checked > 5
