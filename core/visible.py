"""Make text from the input safe to show: no control character, nothing hidden or reordered.

A document or a file name may hold terminal escape sequences (``ESC ] 52`` sets the clipboard,
``ESC [2J`` clears the screen). Everything that shows input text on a terminal passes it through
``visible``: each control character other than tab and newline becomes a visible character of
the same length (``ESC`` shows as ``␛``, U+241B), so offsets into the text stay valid. The data
itself (``Document.text``, the JSON report) keeps the raw characters.

Text can also deceive without a control character ("Trojan Source", CVE-2021-42574): a Unicode
bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069, the marks U+200E, U+200F and
U+061C) reorders what follows it on screen, so a quote can be displayed differently from what it
says; these show as ``⇆`` (U+21C6). Invisible characters that hide or split text (the zero-width
space U+200B, the word joiner U+2060, the invisible operators U+2061-U+2064, U+FEFF inside text,
the Mongolian vowel separator U+180E, the deprecated format characters U+206A-U+206F, the
interlinear annotation marks U+FFF9-U+FFFB and the tag characters U+E0000-U+E007F, which can
carry a whole hidden ASCII text) show as ``⬚`` (U+2B1A): two sentences that look the same but
differ then look different, and the word diff's change is visible. Characters that only shape
text stay as they are: the soft hyphen U+00AD (a possible line break) and the zero-width
(non-)joiners U+200C and U+200D, which Persian, the Indic scripts and emoji need.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from .model import Collation, Document, Link

_WHITESPACE_CONTROLS = "\r\x0b\x0c\x85\u2028\u2029"
"""Carriage return, vertical tab, form feed, next line and the line and paragraph separators
(which some terminals and editors break lines at, others hide): shown as a space."""
_C1_PICTURE = "\ufffd"
"""C1 controls (U+0080-U+009F, e.g. the 8-bit CSI U+009B) have no control picture."""
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Unicode's bidirectional formatting characters: embeddings, overrides, isolates and marks."""
BIDI_PICTURE = "\u21c6"
"""⇆: where a bidirectional control was (one narrow character, like the control it replaces)."""
HIDDEN_CHARACTERS = frozenset(
    "\u180e\u200b\u2060\u2061\u2062\u2063\u2064\u206a\u206b\u206c\u206d\u206e\u206f"
    "\ufeff\ufff9\ufffa\ufffb"
) | frozenset(chr(code) for code in range(0xE0000, 0xE0080))
"""Invisible characters that can hide or split text (see the module's docstring)."""
HIDDEN_PICTURE = "\u2b1a"
"""⬚: where an invisible character was."""


def _table(newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        table[code] = chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = _C1_PICTURE
    for character in _WHITESPACE_CONTROLS:
        table[ord(character)] = " "
    for character in BIDI_CONTROLS:
        table[ord(character)] = BIDI_PICTURE
    for character in HIDDEN_CHARACTERS:
        table[ord(character)] = HIDDEN_PICTURE
    if newlines:
        del table[ord("\t")], table[ord("\n")]
    else:
        table[ord("\t")] = " "
        table[ord("\n")] = "\u2424"  # ␤
    return table


_TEXT_TABLE = _table(newlines=True)
_LINE_TABLE = _table(newlines=False)
_FORMAT_TABLE = {ord(c): BIDI_PICTURE for c in BIDI_CONTROLS} | {
    ord(c): HIDDEN_PICTURE for c in HIDDEN_CHARACTERS
}


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline, every bidirectional control
    and every hiding character replaced by a visible one, length kept.

    >>> visible("a\\x1b]0;owned\\x07b")
    'a␛]0;owned␇b'
    >>> visible("said \\u202eyas ton did I\\u202c.")
    'said ⇆yas ton did I⇆.'
    """
    return text.translate(_TEXT_TABLE)


def visible_report(text: str) -> str:
    """``visible`` for a whole report written to a terminal: a byte-order mark opening it (the
    CSV report's, for Excel) stays, as it hides nothing there; U+FEFF inside text shows."""
    if text.startswith("\ufeff"):
        return "\ufeff" + visible(text[1:])
    return visible(text)


def visible_line(text: str) -> str:
    """``visible`` for text shown on one line (file names, messages): newlines show as ``␤``."""
    return text.translate(_LINE_TABLE)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character other than tab and newline, a bidirectional
    control or a hiding character: anything ``visible`` replaces."""
    return any(
        (unicodedata.category(character) == "Cc" and character not in "\t\n")
        or character in _WHITESPACE_CONTROLS
        or character in BIDI_CONTROLS
        or character in HIDDEN_CHARACTERS
        for character in text
    )


def visible_format(text: str) -> str:
    """``text`` with only bidirectional controls and hiding characters made visible, length kept.

    For displays that handle control characters themselves (the HTML report escapes markup; a
    browser shows no escape sequence) but would still reorder or hide text.
    """
    return text.translate(_FORMAT_TABLE)


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
