"""Word wrap of styled pieces: widths, breaks, and the fast line count agreeing with wrap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirediff.present.cells import Piece
from wirediff.present.wrap import cell_width, line_breaks, line_count, truncate, wrap


def text_of(line: list[Piece]) -> str:
    return "".join(piece.text for piece in line)


def test_wrap_breaks_at_spaces_and_keeps_styles() -> None:
    pieces = [Piece("The ", "text"), Piece("goal", "deleted"), Piece(" intention is", "inserted")]
    lines = wrap(pieces, 9)
    assert [text_of(line) for line in lines] == ["The goal", "intention", "is"]
    assert lines[0] == [Piece("The ", "text"), Piece("goal", "deleted")]
    assert lines[1] == [Piece("intention", "inserted")]


def test_long_word_is_cut_and_starts_a_new_line() -> None:
    lines = wrap([Piece("a " + "x" * 12 + " b", "text")], 5)
    assert [text_of(line) for line in lines] == ["a", "xxxxx", "xxxxx", "xx b"]


def test_wide_characters_count_twice() -> None:
    assert cell_width("日本") == 4
    lines = wrap([Piece("日本 日本 日本", "text")], 9)
    assert [text_of(line) for line in lines] == ["日本 日本", "日本"]


def test_empty_text_is_one_empty_line() -> None:
    assert wrap([], 10) == [[]]
    assert line_breaks("", 10) == [(0, 0)]


def test_truncate_marks_the_cut() -> None:
    line = truncate([Piece("NUM≠", "badge"), Piece(" a long sentence", "text")], 10)
    assert text_of(line) == "NUM≠ a lo…"
    assert line[0] == Piece("NUM≠", "badge")
    assert truncate([Piece("short", "text")], 10) == [Piece("short", "text")]


words = st.text(alphabet=st.sampled_from("abcdefghij,.'\"日é"), min_size=1, max_size=14)
pieces_strategy = st.lists(
    st.builds(
        Piece,
        st.lists(words, min_size=1, max_size=6).map(" ".join).map(lambda t: t + " "),
        st.sampled_from(["text", "inserted", "deleted"]),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(pieces=pieces_strategy, width=st.integers(min_value=1, max_value=40))
def test_wrap_keeps_every_word_within_the_width(pieces: list[Piece], width: int) -> None:
    lines = wrap(pieces, width)
    assert len(lines) == line_count(pieces, width)
    for line in lines:
        assert cell_width(text_of(line)) <= max(width, 2)  # a wide char never splits
    joined = "".join(piece.text for piece in pieces)
    # Nothing lost: the lines hold the words in order (long words may be cut across lines).
    assert "".join(text_of(line).replace(" ", "") for line in lines) == joined.replace(" ", "")
