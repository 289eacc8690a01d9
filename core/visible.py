"""Make text from the input safe to write to a terminal: no control character reaches it.

A document or a file name may hold terminal escape sequences (``ESC ] 52`` sets the clipboard,
``ESC [2J`` clears the screen). Everything that shows input text on a terminal passes it through
``visible``: each control character other than tab and newline becomes a visible character of
the same length (``ESC`` shows as ``␛``, U+241B), so offsets into the text stay valid. The data
itself (``Document.text``, the JSON report) keeps the raw characters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from .model import Collation, Document, Link

_WHITESPACE_CONTROLS = "\r\x0b\x0c\x85"
"""Carriage return, vertical tab, form feed and next line: shown as a space."""
_C1_PICTURE = "\ufffd"
"""C1 controls (U+0080-U+009F, e.g. the 8-bit CSI U+009B) have no control picture."""


def _table(newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        table[code] = chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = _C1_PICTURE
    for character in _WHITESPACE_CONTROLS:
        table[ord(character)] = " "
    if newlines:
        del table[ord("\t")], table[ord("\n")]
    else:
        table[ord("\t")] = " "
        table[ord("\n")] = "\u2424"  # ␤
    return table


_TEXT_TABLE = _table(newlines=True)
_LINE_TABLE = _table(newlines=False)


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline replaced, length kept.

    >>> visible("a\\x1b]0;owned\\x07b")
    'a␛]0;owned␇b'
    """
    return text.translate(_TEXT_TABLE)


def visible_line(text: str) -> str:
    """``visible`` for text shown on one line (file names, messages): newlines show as ``␤``."""
    return text.translate(_LINE_TABLE)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character other than tab and newline."""
    return any(
        unicodedata.category(character) == "Cc" and character not in "\t\n" for character in text
    )


def visible_document(document: Document) -> Document:
    """``document`` as shown on a terminal: its text, sentences, title, path and notes visible.

    Lengths are kept, so every offset into the text still points at the same characters.
    """
    return replace(
        document,
        path=visible_line(document.path),
        title=visible_line(document.title),
        text=visible(document.text),
        sentences=tuple(
            replace(sentence, text=visible(sentence.text)) for sentence in document.sentences
        ),
        notes=tuple(visible_line(note) for note in document.notes),
        outlet=visible_line(document.outlet),
        published=visible_line(document.published),
        url=visible_line(document.url),
    )


def _visible_link(link: Link) -> Link:
    edits = tuple(
        replace(edit, base=visible(edit.base), other=visible(edit.other)) for edit in link.edits
    )
    notes = tuple(
        replace(note, base=visible_line(note.base), other=visible_line(note.other))
        for note in link.flag_notes
    )
    evidence = link.evidence
    if evidence is not None:
        evidence = replace(
            evidence,
            terms=tuple(visible_line(word) for word in evidence.terms),
            names=tuple(visible_line(name) for name in evidence.names),
            numbers=tuple(visible_line(number) for number in evidence.numbers),
        )
    return replace(link, edits=edits, flag_notes=notes, evidence=evidence)


def visible_collation(collation: Collation) -> Collation:
    """``collation`` with every document and word edit made ``visible``, for the app to show."""
    return replace(
        collation,
        documents=tuple(visible_document(document) for document in collation.documents),
        comparisons=tuple(
            replace(comparison, links=tuple(_visible_link(link) for link in comparison.links))
            for comparison in collation.comparisons
        ),
        base_reason=visible_line(collation.base_reason),
        copied_from=tuple(
            None if guess is None else replace(guess, reason=visible_line(guess.reason))
            for guess in collation.copied_from
        ),
    )
