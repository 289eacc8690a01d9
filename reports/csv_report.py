"""The CSV report: one row per link, omission and addition, for a spreadsheet.

Sentence numbers count from 1 (as in the other human-facing reports); offsets are the JSON
report's half-open character offsets into each document's text, from the first sentence's start
to the last one's end. Lists (sentence numbers, flags) are separated by spaces: neither ``,`` nor
``;`` (a field separator or decimal comma in some locales) nor ``-`` (Excel reads ``3-12`` as a
date).
The text starts with a UTF-8 byte order mark: Excel only detects UTF-8 in a CSV file by it and
would otherwise garble curly quotes and accents; ``csv`` readers opened with ``utf-8-sig``
(and LibreOffice, Google Sheets, pandas) drop it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from wirediff.core.model import Collation, Comparison, Document, Link
from wirediff.present.evidence import evidence_line, note_line
from wirediff.present.legend import sentence_numbers

BOM = "\ufeff"
COLUMNS = (
    "comparison",
    "entry",
    "base_document",
    "other_document",
    "base_sentence_numbers",
    "other_sentence_numbers",
    "base_start",
    "base_end",
    "other_start",
    "other_end",
    "kind",
    "moved",
    "score",
    "flags",
    "base_role",
    "other_role",
    "base_text",
    "other_text",
    "base_label",
    "other_label",
    "flag_notes",
    "evidence",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection)."""


def neutralise(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading apostrophe before a formula start."""
    # CSV formula injection: a cell such as "=HYPERLINK(...)" or "-2+3" would be evaluated by
    # Excel, LibreOffice or Sheets. A leading apostrophe makes them show it as text (and is how
    # they mark text cells themselves); readers that want the raw text strip that one character.
    return "'" + value if value.startswith(_FORMULA_START) else value


def _offsets(document: Document, indexes: Sequence[int]) -> list[str]:
    if not indexes:
        return ["", ""]
    return [str(document.sentences[indexes[0]].start), str(document.sentences[indexes[-1]].end)]


def _roles(document: Document, indexes: Sequence[int]) -> str:
    return " ".join(dict.fromkeys(document.sentences[i].role.value for i in indexes))


def _text(document: Document, indexes: Sequence[int]) -> str:
    return " ".join(document.sentences[i].text for i in indexes)


def _row(
    number: int,
    entry: str,
    base: Document,
    other: Document,
    base_indexes: Sequence[int],
    other_indexes: Sequence[int],
    link: Link | None,
) -> list[str]:
    return [
        str(number),
        entry,
        base.name,
        other.name,
        sentence_numbers(base_indexes, " "),
        sentence_numbers(other_indexes, " "),
        *_offsets(base, base_indexes),
        *_offsets(other, other_indexes),
        link.kind.value if link else entry,
        ("yes" if link.moved else "no") if link else "",
        f"{link.score:.4f}" if link else "",
        " ".join(flag.value for flag in link.flags) if link else "",
        _roles(base, base_indexes),
        _roles(other, other_indexes),
        _text(base, base_indexes),
        _text(other, other_indexes),
        base.label,
        other.label,
        "; ".join(note_line(note) for note in link.flag_notes) if link else "",
        evidence_line(link) if link else "",
    ]


def _rows(collation: Collation, number: int, comparison: Comparison) -> list[list[str]]:
    base = collation.documents[comparison.base]
    other = collation.documents[comparison.other]
    rows = [
        _row(number, "link", base, other, link.base, link.other, link) for link in comparison.links
    ]
    rows += [_row(number, "omitted", base, other, (i,), (), None) for i in comparison.omitted]
    rows += [_row(number, "added", base, other, (), (j,), None) for j in comparison.added]
    return rows


def render_csv(collation: Collation, version: str) -> str:
    """The report as CSV text (RFC 4180 quoting and CRLF line ends, led by a BOM)."""
    del version  # a CSV has no place for it that a spreadsheet would not mistake for data
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for number, comparison in enumerate(collation.comparisons, start=1):
        for row in _rows(collation, number, comparison):
            writer.writerow([neutralise(cell) for cell in row])
    return BOM + out.getvalue()
