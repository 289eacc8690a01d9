"""What one cell of the aligned view says: styled pieces of text, badges and marks.

Pure presentation logic shared by the terminal app (and usable by any other front end): no
Textual here. A piece carries a style *name* (``inserted``, ``deleted``, ...); the front end maps
names to colours, and every kind also has a symbol so nothing depends on colour alone.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from wirediff.core.model import Collation, Document, Edit, Flag, Link
from wirediff.present.legend import FLAGS, kind_look, sentence_numbers
from wirediff.present.rows import FLAG_ORDER, Cell, CellStatus, Row

_WHITESPACE = re.compile(r"\S+")


class Piece(NamedTuple):
    """A run of text in one style; ``hit`` marks a search match."""

    text: str
    style: str
    hit: bool = False


def badge_pieces(flags: Iterable[Flag]) -> list[Piece]:
    """Badges for ``flags`` in the canonical flag order, each followed by a space."""
    present = set(flags)
    pieces: list[Piece] = []
    if not present:
        return pieces
    for flag in FLAG_ORDER:
        if flag in present:
            pieces.append(Piece(FLAGS[flag].badge, FLAGS[flag].style))
            pieces.append(Piece(" ", "text"))
    return pieces


def flag_legend() -> list[tuple[str, str]]:
    """(badge, long name) for every flag."""
    return [(FLAGS[flag].badge, FLAGS[flag].label) for flag in Flag]


class _DisplayText:
    """Sentences joined with single spaces, and a map from document offsets into that text."""

    def __init__(self, document: Document, indexes: Sequence[int]) -> None:
        parts: list[str] = []
        self.doc_starts: list[int] = []
        self.display_starts: list[int] = []
        self.lengths: list[int] = []
        length = 0
        for index in indexes:
            sentence = document.sentences[index]
            for match in _WHITESPACE.finditer(sentence.text):
                if parts:
                    parts.append(" ")
                    length += 1
                word = match.group()
                self.doc_starts.append(sentence.start + match.start())
                self.display_starts.append(length)
                self.lengths.append(len(word))
                parts.append(word)
                length += len(word)
        self.text = "".join(parts)

    def position(self, offset: int) -> int:
        """Where document offset ``offset`` lands (a gap maps to the end of the word before)."""
        k = bisect.bisect_right(self.doc_starts, offset) - 1
        if k < 0:
            return 0
        return self.display_starts[k] + min(offset - self.doc_starts[k], self.lengths[k])


def plain_text(document: Document, indexes: Sequence[int]) -> str:
    """The sentences ``indexes`` joined by single spaces, whitespace runs collapsed."""
    return " ".join(" ".join(document.sentences[i].text.split()) for i in indexes)


def diff_pieces(
    document: Document,
    indexes: Sequence[int],
    edits: Iterable[Edit],
    show_dropped: bool = True,
) -> list[Piece]:
    """The other side of a reworded link as an inline word diff.

    Words the other version inserted are ``inserted``; with ``show_dropped``, words of the base
    it dropped appear struck (``deleted``) where they stood, so one cell reads like tracked
    changes. Without, the pieces read as the other version's own text and nothing else.
    """
    display = _DisplayText(document, indexes)
    text = display.text
    if not indexes:
        return []
    low = document.sentences[indexes[0]].start
    high = document.sentences[indexes[-1]].end
    marks: list[tuple[int, int, str]] = []
    for edit in edits:
        start, end = edit.other_span
        if start < low or end > high:
            continue
        marks.append((display.position(start), display.position(end), " ".join(edit.base.split())))
    marks.sort()
    pieces: list[Piece] = []
    cursor = 0
    for start, end, deleted in marks:
        start = max(start, cursor)
        end = max(end, start)
        if start > cursor:
            pieces.append(Piece(text[cursor:start], "text"))
        if deleted and show_dropped:
            before = " " if start > 0 and _joins(text[start - 1], deleted[0]) else ""
            after = " " if start < len(text) and _joins(deleted[-1], text[start]) else ""
            if before:
                pieces.append(Piece(before, "text"))
            pieces.append(Piece(deleted, "deleted"))
            if after:
                pieces.append(Piece(after, "text"))
        if end > start:
            pieces.append(Piece(text[start:end], "inserted"))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:], "text"))
    return pieces


def dropped_pieces(
    document: Document, indexes: Sequence[int], edits: Iterable[Edit]
) -> list[Piece]:
    """The base sentences ``indexes`` with the words another version dropped or replaced
    marked ``deleted``: the base's own text, showing what that version left out."""
    if not indexes:
        return []
    low = document.sentences[indexes[0]].start
    high = document.sentences[indexes[-1]].end
    spans = [edit.base_span for edit in edits]
    spans = [(start, end) for start, end in spans if low <= start < end <= high]
    if not spans:  # most cells: nothing dropped, the words alone (as _DisplayText joins them)
        words = " ".join(
            word
            for index in indexes
            for word in _WHITESPACE.findall(document.sentences[index].text)
        )
        return [Piece(words, "text")] if words else []
    display = _DisplayText(document, indexes)
    text = display.text
    marks = sorted((display.position(start), display.position(end)) for start, end in spans)
    pieces: list[Piece] = []
    cursor = 0
    for start, end in marks:
        start = max(start, cursor)
        if end <= start:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start], "text"))
        pieces.append(Piece(text[start:end], "deleted"))
        cursor = end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:], "text"))
    return pieces


def _joins(left: str, right: str) -> bool:
    """Whether struck words between ``left`` and ``right`` need a space to stand apart."""
    return not left.isspace() and not right.isspace() and (right.isalnum() or right in _OPENERS)


_OPENERS = "\"'“‘(["


def cell_symbol(row: Row, cell: Cell, is_base: bool) -> str:
    """One character saying what the cell holds; the base cell carries the row's kind."""
    if is_base:
        return kind_look(row.kind).mark if row.base_sentence is not None else " "
    return kind_look(cell.status).mark


def _edits(links: Sequence[Link]) -> list[Edit]:
    return [edit for link in links for edit in link.edits]


def cell_pieces(
    collation: Collation,
    row: Row,
    cell: Cell,
    interleaved: bool = False,
    against: Cell | None = None,
) -> list[Piece]:
    """What the cell shows, before wrapping: badges, marks and the (diffed) text.

    Another version's cell reads as that version's own text, its inserted and replacing words
    marked; ``interleaved`` also shows the base words it dropped, struck, where they stood. The
    base cell marks the words that the version of cell ``against`` dropped or replaced.
    """
    document = collation.documents[cell.document]
    status = cell.status
    if status is CellStatus.EMPTY:
        return []
    if status is CellStatus.BASE:
        if against is not None and against.links:
            return dropped_pieces(document, cell.sentences, _edits(against.links))
        return [Piece(plain_text(document, cell.sentences), "text")]
    if status is CellStatus.BOILERPLATE:
        return [Piece(plain_text(document, cell.sentences), "boilerplate")]
    if status is CellStatus.ADDED:
        return [Piece(plain_text(document, cell.sentences), "added")]
    if status is CellStatus.OMITTED:
        return [Piece("omitted", "omitted")]
    flags = [flag for link in cell.links for flag in link.flags]
    if status is CellStatus.MOVED_AWAY:
        where = ""
        if cell.moved_to is not None:
            direction = "below" if cell.moved_to > row.index else "above"
            where = f" {direction}"
        moved = [j for link in cell.links for j in link.other]
        target = f" (its sentence {sentence_numbers(sorted(moved))})" if moved else ""
        return [Piece(f"moved{where}{target}", "moved")]
    pieces = badge_pieces(flags)
    if status is CellStatus.MOVED:
        base_row = f"from base sentence {sentence_numbers(cell.moved_from)}"
        pieces.append(Piece(base_row, "moved"))
        pieces.append(Piece(" ", "text"))
    if status is CellStatus.IDENTICAL or not any(link.edits for link in cell.links):
        pieces.append(Piece(plain_text(document, cell.sentences), "identical"))
        return pieces
    pieces.extend(
        diff_pieces(document, cell.sentences, _edits(cell.links), show_dropped=interleaved)
    )
    return pieces


def mark_hits(pieces: Sequence[Piece], query: str) -> list[Piece]:
    """Split ``pieces`` so every case-insensitive match of ``query`` is a piece with ``hit``."""
    if not query:
        return list(pieces)
    text = "".join(piece.text for piece in pieces)
    folded = text.casefold()
    needle = query.casefold()
    if needle not in folded:
        return list(pieces)
    if len(folded) != len(text):
        return _mark_by_search(pieces, needle)
    hits: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start >= 0:
        hits.append((start, start + len(needle)))
        start = folded.find(needle, start + len(needle))
    result: list[Piece] = []
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        cuts = {position, end}
        for low, high in hits:
            if low < end and high > position:
                cuts.add(max(low, position))
                cuts.add(min(high, end))
        points = sorted(cuts)
        for a, b in itertools.pairwise(points):
            inside = any(low <= a and b <= high for low, high in hits)
            result.append(Piece(piece.text[a - position : b - position], piece.style, inside))
        position = end
    return result


def _mark_by_search(pieces: Sequence[Piece], needle: str) -> list[Piece]:
    """Fallback when case folding changes lengths: mark whole pieces that contain a match."""
    return [Piece(p.text, p.style, needle in p.text.casefold()) for p in pieces]


def matches(text: str, query: str) -> bool:
    """Whether ``query`` occurs in ``text``, ignoring case."""
    return bool(query) and query.casefold() in text.casefold()
