"""Split a text into sentences with exact character offsets, offline.

nltk's Punkt decides the hard cases (abbreviations, initials, ellipses), built from parameters
wirediff ships (``data/abbreviations.txt``, ``data/sentence_starters.txt``) so that no data is
downloaded and every machine splits the same way. Around it, rules for what wire copy looks like
in the wild: lines and paragraphs, a missing space after a full stop ("parliament.Trump"), quote
marks glued to the next sentence ("Japan.'The goal"), curly quotes, and datelines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Curly and angle quotes map to straight ones of the same length, so offsets stay valid.
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TERMINAL = re.compile(r"""[.!?:;]['")\]]*$|[.!?]['"]\S{0,2}$""")

# "parliament.Trump", "told AFP.One", "Japan.'The goal": a sentence end glued to the next one.
# An abbreviation's full stop, then a quoted utterance (its words end in punctuation inside the
# marks): 'in the U.S. "The intention is clear," she said' - not 'the U.S. "America First" plan'.
_QUOTE_AFTER_STOP = re.compile(r"""(?<=[A-Za-z])\.[ \t]+(?=(["'])[A-Z][^"'\n]{0,300}?[,.!?]\1)""")
_GLUED = re.compile(r"""(?<=[A-Za-z]{2})[.!?](?=(['"])?[A-Z][a-z])""")
_STOP = re.compile(r"[.?!\u2026]")
"""A mark that may end a sentence: a piece with none before its end needs no Punkt."""
_END_PUNCTUATION = ".?!\u2026\"')]\u201d\u2019 "

_AGENCY = (
    r"AFP|AP|Reuters|APP|PA|dpa|DPA|Xinhua|UPI|IANS|PTI|ANI|Kyodo|Yonhap|EFE|ANSA|Bernama|"
    r"CNN|BBC|Bloomberg|News|Agence|Press"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_DATE = (
    r"(?:,[ \t]*(?:" + _MONTH + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+" + _MONTH + r")(?:,[ \t]*\d{4})?)?"
)
"""The date some agencies put after the place ("New Delhi, Feb 6 (PTI)", "BEIJING, Feb. 6, 2025
(Xinhua) --", "LONDON, 6 February (AFP) -")."""
_DATELINE_PAREN = re.compile(
    r"[A-Z][A-Za-z.' -]{1,40}?" + _DATE + r",?[ \t]*\((?=[^()]{0,100}\))"
    r"(?=[^()]*(?:" + _AGENCY + r"|\d{4}))[^()]{1,100}\)(?:[ \t]*[-\u2013\u2014]{1,2})?"
)
_DATELINE_CAPS = re.compile(
    r"[A-Z][A-Z.' ]{2,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?"
    r"(?:[ \t]*\((?:" + _AGENCY + r")\))?[ \t]*[-\u2013\u2014]{1,2}(?=[ \t]+\S)"
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence span and the paragraph (block) it sits in."""

    start: int
    end: int
    block: int
    """Index of the line or paragraph the segment belongs to."""
    dateline: bool = False
    """True for a dateline cut off the front of a paragraph ("TOKYO (AFP) -")."""


def _read_list(name: str) -> frozenset[str]:
    text = resources.files("wirediff.core.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def _tokenizer() -> PunktSentenceTokenizer:
    """Punkt built from wirediff's own parameters; nothing is loaded from nltk_data."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_read_list("abbreviations.txt"))
    params.sent_starters = set(_read_list("sentence_starters.txt"))
    return PunktSentenceTokenizer(params)


def normalize_quotes(text: str) -> str:
    """Replace curly and angle quotes with straight ones; the length never changes."""
    return text.translate(_QUOTE_TABLE)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Whether single newlines look like line wrapping inside sentences (e-mail style)."""
    long_lines = [line.strip() for line in lines if len(line.strip()) >= 40]
    if len(long_lines) < 4:
        return False
    open_ended = sum(1 for line in long_lines if not _TERMINAL.search(line))
    return open_ended / len(long_lines) > 0.5


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs or lines of ``text`` as stripped, non-empty spans."""
    paragraphs: list[tuple[int, int]] = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        paragraphs.append((position, match.start()))
        position = match.end()
    paragraphs.append((position, len(text)))

    wrapped = _is_hard_wrapped(text.split("\n"))
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        if wrapped:
            pieces = [(start, end)]
        else:
            pieces = []
            line_start = start
            for index in range(start, end):
                if text[index] == "\n":
                    pieces.append((line_start, index))
                    line_start = index + 1
            pieces.append((line_start, end))
        for piece_start, piece_end in pieces:
            piece_start, piece_end = _strip(text, piece_start, piece_end)
            if piece_start < piece_end:
                spans.append((piece_start, piece_end))
    return _join_continuations(text, spans)


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends like a sentence; looks only at its last few characters.

    Equivalent to ``_TERMINAL.search(text[start:end])``, in time independent of the span's length
    (a span grows line by line while continuations are joined).
    """
    tail = end
    while tail > start and text[tail - 1] in "'\")]":
        tail -= 1
    return _TERMINAL.search(text, max(start, tail - 5), end) is not None


def _join_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a line to the previous one when it plainly continues it (starts in lower case)."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous_start, previous_end = joined[-1]
            gap = text[previous_end:start]
            continues = text[start].islower() and not _ends_sentence(
                text, previous_start, previous_end
            )
            if continues and "\n\n" not in gap.replace("\r", ""):
                joined[-1] = (previous_start, end)
                continue
        joined.append((start, end))
    return joined


def _quote_is_open(normalized: str, start: int, end: int, quote: str) -> bool:
    """Whether a ``quote`` mark opened in ``normalized[start:end]`` is still open at ``end``."""
    depth = 0
    for index in range(start, end):
        if normalized[index] != quote:
            continue
        before = normalized[index - 1] if index > start else " "
        after = normalized[index + 1] if index + 1 < len(normalized) else " "
        if quote == "'" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: That's, Trump's
        if before.isspace() or before in "([{-\u2014\u2013/":
            depth = 1
        elif depth:
            depth = 0
        elif quote == '"':
            depth = 1
    return depth == 1


def _glued_cuts(normalized: str, start: int, end: int) -> list[int]:
    """Cut points where a sentence end has no space before the next sentence."""
    cuts: list[int] = []
    piece_start = start
    # One forward scan keeps the start of the current word and the last URL-like mark in it, so
    # the cost is linear even in a text without spaces ("Abc.Abc.Abc...").
    scanned = word_start = start
    last_mark = -1
    longest_abbreviation = _LONGEST_ABBREVIATION()
    for match in _GLUED.finditer(normalized, start, end):
        for index in range(scanned, match.start()):
            character = normalized[index]
            if character.isspace():
                word_start = index + 1
            elif character in "./@:":
                last_mark = index
        scanned = match.start()
        if last_mark >= word_start:
            continue  # a URL, an e-mail address or a dotted abbreviation, not a sentence end
        if (
            match.start() - word_start <= longest_abbreviation
            and normalized[word_start : match.start()].lower() in _LOWER_ABBREVIATIONS()
        ):
            continue
        cut = match.end()
        quote = match.group(1)
        if quote and _quote_is_open(normalized, piece_start, match.start(), quote):
            cut += 1  # the quote closes this sentence: "sticky.'Trump's imposition"
        cuts.append(cut)
        piece_start = cut
    return cuts


@functools.cache
def _LOWER_ABBREVIATIONS() -> frozenset[str]:
    return _read_list("abbreviations.txt")


@functools.cache
def _LONGEST_ABBREVIATION() -> int:
    return max(map(len, _LOWER_ABBREVIATIONS()), default=0)


CRAWL_DATE = re.compile(r"date[ \t]+\d{4}-\d{2}-\d{2}(?=[ \t]+\S)")
"""The date a web crawl's export puts in front of a page's first line (" date 2025-02-06 Japan
PM Heads ..."): not the page's text; cut off as a dateline is, and a date line to roles."""


def _dateline_end(text: str, start: int, end: int) -> int | None:
    """End of a dateline at the start of a paragraph, if there is one and text follows it."""
    for pattern in (CRAWL_DATE, _DATELINE_PAREN, _DATELINE_CAPS):
        match = pattern.match(text, start, end)
        if match and match.end() < end and text[match.end() :].strip():
            return match.end()
    return None


# Two or three dotted capitals ending a span: a person's initials, unless a place or a time.
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}$")
_NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "A.M.", "P.M.", "U.S.A."})


def _ends_with_initials(normalized: str, start: int, end: int) -> bool:
    """Whether ``normalized[start:end]`` ends with initials such as "H.W." (not "U.S.")."""
    match = _INITIALS.search(normalized, max(start, end - 8), end)
    return match is not None and match.group() not in _NOT_INITIALS


PUNKT_CHUNK = 20_000
"""Longest text handed to Punkt at once: nltk >= 3.10 stops a regex search after 5 s of wall
time, which a paragraph of megabytes (a text with no blank line) reaches."""
_CHUNK_BREAK = re.compile(r"""[.!?]['")\]]*\s+""")


def _chunks(normalized: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start:end`` in pieces of at most ``PUNKT_CHUNK`` characters, cut after a sentence end
    (else at a space) in the second half of each piece; normal paragraphs are one piece."""
    chunks: list[tuple[int, int]] = []
    while end - start > PUNKT_CHUNK:
        low, high = start + PUNKT_CHUNK // 2, start + PUNKT_CHUNK
        cut = None
        for match in _CHUNK_BREAK.finditer(normalized, low, high):
            cut = match.end()
        if cut is None:
            space = max(normalized.rfind(" ", low, high), normalized.rfind("\n", low, high))
            cut = space + 1 if space >= 0 else high
        chunks.append((start, cut))
        start = cut
    chunks.append((start, end))
    return chunks


def _punkt_spans(
    normalized: str, start: int, end: int, limit: int | None = None
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for chunk_start, chunk_end in _chunks(normalized, start, end):
        spans.extend(_punkt_chunk(normalized, chunk_start, chunk_end, limit))
        if limit is not None and len(spans) > limit:
            break
    merged: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        # Punkt always breaks after ? and !: '"Is it?" she asked.' is one sentence. Initials
        # never end one: "George H.W. Bush", "J.R.R. Tolkien".
        if merged and (
            normalized[span_start].islower()
            or _ends_with_initials(normalized, merged[-1][0], merged[-1][1])
        ):
            merged[-1] = (merged[-1][0], span_end)
        else:
            merged.append((span_start, span_end))
    return merged


def _punkt_chunk(normalized: str, start: int, end: int, limit: int | None) -> list[tuple[int, int]]:
    piece = normalized[start:end]
    spans: list[tuple[int, int]] = []
    for span_start, span_end in _tokenizer().span_tokenize(piece):
        if limit is not None and len(spans) > limit:
            break  # the caller refuses the text anyway; Punkt yields lazily, so stop here
        # Punkt sees no capital after an abbreviation in 'the U.S. "The goal': split there.
        position = start + span_start
        for match in _QUOTE_AFTER_STOP.finditer(normalized, position, start + span_end):
            spans.append((position, match.start() + 1))
            position = match.end()
        spans.append((position, start + span_end))
    return spans


def _sentence_spans(
    normalized: str, start: int, end: int, limit: int | None = None
) -> list[tuple[int, int]]:
    """The sentences of a piece: Punkt decides, unless no stop comes before the piece's end
    (then it is one sentence, and nltk need not even be imported)."""
    if end - start <= PUNKT_CHUNK:
        last = start + len(normalized[start:end].rstrip(_END_PUNCTUATION))
        if not _STOP.search(normalized, start, last):
            return [(start, end)]
    return _punkt_spans(normalized, start, end, limit)


def segment(text: str, limit: int | None = None) -> tuple[Segment, ...]:
    """Split ``text`` into sentence segments (past ``limit`` of them, stop: some more is enough).

    Segments are in order, do not overlap, and together cover every non-space character;
    ``text[s.start:s.end]`` is the sentence exactly as written.

    >>> text = "He left.Trump said no."
    >>> [text[s.start : s.end] for s in segment(text)]
    ['He left.', 'Trump said no.']
    """
    segments: list[Segment] = []
    if limit is None:
        for block_index, (block_start, block_end) in enumerate(blocks(text)):
            for start, end, dateline in _block_spans(text[block_start:block_end]):
                segments.append(
                    Segment(block_start + start, block_start + end, block_index, dateline)
                )
        return tuple(segments)
    normalized = normalize_quotes(text)
    for block_index, (block_start, block_end) in enumerate(blocks(text)):
        _split_block(text, normalized, block_start, block_end, block_index, segments, limit)
        if len(segments) > limit:
            break
    return tuple(segments)


CACHED_BLOCK = 5_000
"""Blocks up to this many characters are split once per process: copies of a story repeat the
same paragraphs (a corpus story, fifty versions of one wire text), and a block's sentences
depend on its text alone (every rule looks inside the block; what precedes it is a line break)."""


@functools.lru_cache(maxsize=8192)
def _cached_block_spans(block: str) -> tuple[tuple[int, int, bool], ...]:
    segments: list[Segment] = []
    _split_block(block, normalize_quotes(block), 0, len(block), 0, segments, None)
    return tuple((s.start, s.end, s.dateline) for s in segments)


def _block_spans(block: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, dateline) of the sentences of one stripped block, offsets into the block."""
    if len(block) <= CACHED_BLOCK:
        return _cached_block_spans(block)
    segments: list[Segment] = []
    _split_block(block, normalize_quotes(block), 0, len(block), 0, segments, None)
    return tuple((s.start, s.end, s.dateline) for s in segments)


def _split_block(
    text: str,
    normalized: str,
    block_start: int,
    block_end: int,
    block_index: int,
    segments: list[Segment],
    limit: int | None,
) -> None:
    """Append the sentences of one block to ``segments`` (stop past ``limit`` of them)."""
    position = block_start
    dateline_end = _dateline_end(normalized, block_start, block_end)
    if dateline_end is not None:
        cut_start, cut_end = _strip(text, block_start, dateline_end)
        segments.append(Segment(cut_start, cut_end, block_index, dateline=True))
        position = dateline_end
    cuts = [*_glued_cuts(normalized, position, block_end), block_end]
    for cut in cuts:
        piece_start, piece_end = _strip(text, position, cut)
        if piece_start < piece_end:
            for span_start, span_end in _sentence_spans(normalized, piece_start, piece_end, limit):
                span_start, span_end = _strip(text, span_start, span_end)
                if span_start < span_end:
                    segments.append(Segment(span_start, span_end, block_index))
            if limit is not None and len(segments) > limit:
                return
        position = cut
