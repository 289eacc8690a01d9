"""Word wrap for styled pieces of text, measured in terminal cells (no Textual here).

Where lines break depends on the text alone, not on its styles: ``line_breaks`` finds the
breaks (fast enough to measure thousands of rows), ``wrap`` cuts the styled pieces at them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from wirediff.present.cells import Piece

Line = list[Piece]

_WORDS = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def _fit(text: str, width: int) -> int:
    """How many characters from the start of ``text`` fit in ``width`` cells."""
    if text.isascii():
        return max(0, min(width, len(text)))
    used = 0
    for position, char in enumerate(text):
        used += _char_width(char)
        if used > width:
            return position
    return len(text)


def line_breaks(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text``: the (start, end) of each line, spaces at breaks dropped.

    A word wider than a line starts a new line and is cut. Always at least one line.
    """
    width = max(width, 1)
    ascii_only = text.isascii()
    if ascii_only and len(text) <= width:
        stripped = text.strip(" ")
        start = text.find(stripped[:1]) if stripped else 0
        return [(start, start + len(stripped))]
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    used = 0
    for match in _WORDS.finditer(text):
        start, end = match.span()
        size = end - start if ascii_only else cell_width(text[start:end])
        if line_start >= 0:
            gap = start - line_end
            if used + gap + size <= width:
                used += gap + size
                line_end = end
                continue
            lines.append((line_start, line_end))
            line_start = -1
        if size <= width:
            line_start, line_end, used = start, end, size
            continue
        # A word wider than a line: cut it, the last part starts the next line.
        position = start
        while True:
            count = _fit(text[position:end], width) or 1
            if position + count >= end:
                line_start, line_end = position, end
                used = cell_width(text[position:end])
                break
            lines.append((position, position + count))
            position += count
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


def line_count(pieces: Sequence[Piece], width: int) -> int:
    """How many lines ``wrap(pieces, width)`` makes."""
    return len(line_breaks("".join(piece.text for piece in pieces), width))


def wrap(pieces: Sequence[Piece], width: int) -> list[Line]:
    """``pieces`` cut into lines of at most ``width`` cells (see ``line_breaks``)."""
    text = "".join(piece.text for piece in pieces)
    return [_slice(pieces, start, end) for start, end in line_breaks(text, width)]


def _slice(pieces: Sequence[Piece], start: int, end: int) -> Line:
    """The parts of ``pieces`` between character offsets ``start`` and ``end``."""
    line: Line = []
    position = 0
    for piece in pieces:
        piece_end = position + len(piece.text)
        if piece_end > start and position < end:
            text = piece.text[max(start - position, 0) : min(end, piece_end) - position]
            if line and line[-1].style == piece.style and line[-1].hit == piece.hit:
                line[-1] = Piece(line[-1].text + text, piece.style, piece.hit)
            else:
                line.append(Piece(text, piece.style, piece.hit))
        elif position >= end:
            break
        position = piece_end
    return line


def truncate(pieces: Sequence[Piece], width: int, ellipsis: str = "…") -> Line:
    """``pieces`` on one line of at most ``width`` cells, ending in ``ellipsis`` when cut."""
    if width <= 0:
        return []
    flat = [Piece(" ".join(p.text.split("\n")), p.style, p.hit) for p in pieces]
    if sum(cell_width(piece.text) for piece in flat) <= width:
        return flat
    room = width - cell_width(ellipsis)
    line: Line = []
    used = 0
    for piece in flat:
        size = cell_width(piece.text)
        if used + size <= room:
            line.append(piece)
            used += size
            continue
        kept = piece.text[: _fit(piece.text, room - used)]
        if kept:
            line.append(Piece(kept, piece.style, piece.hit))
        line.append(Piece(ellipsis, piece.style))
        return line
    return line
