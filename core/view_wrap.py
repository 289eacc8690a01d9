"""Word wrap for styled pieces of text, measured in terminal cells (no Textual here)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .view_cells import Piece

Line = list[Piece]

_RUNS = re.compile(r"\s+|\S+")


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


def truncate(pieces: Sequence[Piece], width: int, ellipsis: str = "…") -> Line:
    """``pieces`` on one line of at most ``width`` cells, ending in ``ellipsis`` when cut."""
    if width <= 0:
        return []
    line: Line = []
    used = 0
    total = sum(cell_width(piece.text) for piece in pieces)
    if total <= width:
        return [Piece(" ".join(p.text.split("\n")), p.style, p.hit) for p in pieces]
    room = width - cell_width(ellipsis)
    for piece in pieces:
        size = cell_width(piece.text)
        if used + size <= room:
            line.append(piece)
            used += size
            continue
        kept = _fit(piece.text, room - used)
        if kept:
            line.append(Piece(kept, piece.style, piece.hit))
        line.append(Piece(ellipsis, piece.style))
        return line
    return line


def _fit(text: str, width: int) -> str:
    """The longest start of ``text`` that fits in ``width`` cells."""
    if text.isascii():
        return text[: max(width, 0)]
    used = 0
    for position, char in enumerate(text):
        used += _char_width(char)
        if used > width:
            return text[:position]
    return text


def wrap(pieces: Sequence[Piece], width: int) -> list[Line]:
    """Greedy word wrap of ``pieces`` into lines of at most ``width`` cells.

    Breaks at whitespace; a word longer than a line is cut. Spaces at a break are dropped.
    Always returns at least one line.
    """
    width = max(width, 1)
    if len(pieces) == 1 and pieces[0].text.isascii() and len(pieces[0].text) <= width:
        return [[pieces[0]]]
    lines: list[Line] = []
    line: Line = []
    used = 0
    pending_space: list[Piece] = []
    pending_width = 0
    word: Line = []
    word_width = 0

    def flush_word() -> None:
        nonlocal line, used, pending_space, pending_width, word, word_width
        if not word:
            return
        if used and used + pending_width + word_width > width:
            lines.append(line)
            line, used = [], 0
        elif used:
            line.extend(pending_space)
            used += pending_width
        pending_space, pending_width = [], 0
        if word_width > width:
            for piece in word:
                text = piece.text
                while text:
                    room = width - used
                    if room <= 0:
                        lines.append(line)
                        line, used = [], 0
                        room = width
                    part = _fit(text, room) or text[:1]
                    line.append(Piece(part, piece.style, piece.hit))
                    used += cell_width(part)
                    text = text[len(part) :]
        else:
            line.extend(word)
            used += word_width
        word, word_width = [], 0

    for piece in pieces:
        for match in _RUNS.finditer(piece.text):
            run = match.group()
            if run[0].isspace():
                flush_word()
                space = Piece(" ", piece.style, piece.hit)
                pending_space.append(space)
                pending_width += 1
            else:
                word.append(Piece(run, piece.style, piece.hit))
                word_width += cell_width(run)
    flush_word()
    if line or not lines:
        lines.append(line)
    return [_merge(line) for line in lines]


def _merge(line: Line) -> Line:
    """Join neighbouring pieces of the same style."""
    merged: Line = []
    for piece in line:
        if merged and merged[-1].style == piece.style and merged[-1].hit == piece.hit:
            merged[-1] = Piece(merged[-1].text + piece.text, piece.style, piece.hit)
        else:
            merged.append(piece)
    return merged
