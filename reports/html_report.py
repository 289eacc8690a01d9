"""The HTML report: one self-contained page built from Jinja2 templates with autoescaping.

Document text only ever reaches the page through autoescaped template variables; the page's own
CSS and toggle script are inlined and pinned by hash in a Content-Security-Policy, so nothing
else can run or load, even from a file that slipped past escaping. Every value the templates
print also shows bidirectional controls and hiding characters visibly (``visible_format``), so
a browser cannot reorder a quote or hide words; the JSON report keeps them.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from wirediff.core.model import Collation, Comparison, Document, Flag, FlagNote
from wirediff.core.visible import visible_format
from wirediff.present.evidence import evidence_line
from wirediff.present.legend import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    FLAG_MARK,
    FLAGS,
    ROW_KINDS,
    kind_look,
    sentence_numbers,
)
from wirediff.present.provenance import copied_from_text, provenance
from wirediff.present.rows import Cell, CellStatus, Row, build_rows
from wirediff.present.summary import Counts, count
from wirediff.reports.html_grid import grid_table, timeline_view

TEMPLATES = Path(__file__).resolve().parent / "templates"
COMPACT_FROM = 8
"""From this many versions on, the side-by-side tables leave out the passages every reader
can skip (kept word for word, in place, unflagged): the survival grid shows them, and fifty
versions stay a page a browser opens at once."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of sentence text, marked ``del`` or ``ins`` by a word edit, or plain (``""``)."""

    text: str
    mark: str


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence in a cell."""

    id: str
    number: int
    role: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class CellView:
    """One document's cell of a row, with what to say about it."""

    status: str
    symbol: str
    note: str
    href: str
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class RowView:
    """One row of a side-by-side table."""

    id: str
    number: int
    kind: str
    symbol: str
    flags: tuple[Flag, ...]
    is_change: bool
    cells: tuple[CellView, ...]
    snippet: str
    """The start of the row's text, for the list of flagged rows."""
    notes: tuple[FlagNote, ...] = ()
    """What each flag changed."""
    why: str = ""
    """Why the row's link was made: its score and the shared words that carried it."""
    listed: bool = False
    """Whether the row is in the list of flagged rows: flagged, and not the place a moved
    passage left (its link is listed once, where the other version has it)."""


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """One comparison: its numbers and its side-by-side rows."""

    id: str
    comparison: Comparison
    base: Document
    other: Document
    counts: Counts
    rows: tuple[RowView, ...]
    unchanged: int = 0
    """Unchanged rows left out of ``rows`` (compact reports only)."""


def pieces(
    text: str, start: int, end: int, spans: Iterable[tuple[int, int]], mark: str
) -> tuple[Piece, ...]:
    """``text[start:end]`` cut into plain runs and runs inside ``spans`` marked ``mark``."""
    merged: list[list[int]] = []
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    result: list[Piece] = []
    at = start
    for a, b in merged:
        if a > at:
            result.append(Piece(text[at:a], ""))
        result.append(Piece(text[a:b], mark))
        at = b
    if at < end:
        result.append(Piece(text[at:end], ""))
    return tuple(result)


def _sentences(
    prefix: str,
    document: Document,
    doc: int,
    cell: Cell,
    spans: Sequence[tuple[int, int]],
    mark: str,
) -> tuple[SentenceView, ...]:
    views = []
    for i in cell.sentences:
        sentence = document.sentences[i]
        views.append(
            SentenceView(
                id=f"{prefix}-d{doc}-s{i + 1}",
                number=i + 1,
                role=sentence.role.value,
                pieces=pieces(document.text, sentence.start, sentence.end, spans, mark),
            )
        )
    return tuple(views)


def _note(cell: Cell, prefix: str, base_row: dict[int, int]) -> tuple[str, str]:
    """What a cell says besides its text, and where it points."""
    if cell.status is CellStatus.OMITTED:
        return "omitted", ""
    if cell.status is CellStatus.MOVED_AWAY:
        if cell.moved_to is None:
            return "moved", ""
        return f"moved to row {cell.moved_to + 1}", f"#{prefix}-r{cell.moved_to + 1}"
    if cell.status is CellStatus.MOVED and cell.moved_from:
        row = base_row.get(cell.moved_from[0])
        where = "base " + sentence_numbers(cell.moved_from)
        return f"moved from {where}", (f"#{prefix}-r{row + 1}" if row is not None else "")
    if cell.status is CellStatus.ADDED:
        return "added", ""
    return "", ""


def _row_view(prefix: str, collation: Collation, row: Row, base_row: dict[int, int]) -> RowView:
    base_spans = [
        edit.base_span for cell in row.cells[1:] for link in cell.links for edit in link.edits
    ]
    cells = []
    for position, cell in enumerate(row.cells):
        document = collation.documents[cell.document]
        if position == 0:
            spans, mark = base_spans, "del"
        else:
            spans = [edit.other_span for link in cell.links for edit in link.edits]
            mark = "ins"
        note, href = _note(cell, prefix, base_row)
        cells.append(
            CellView(
                status=cell.status.value,
                symbol=kind_look(cell.status).mark,
                note=note,
                href=href,
                sentences=_sentences(prefix, document, cell.document, cell, spans, mark),
            )
        )
    return RowView(
        id=f"{prefix}-r{row.index + 1}",
        number=row.index + 1,
        kind=row.kind.value,
        symbol=kind_look(row.kind).mark,
        flags=row.flags,
        is_change=row.is_change,
        cells=tuple(cells),
        snippet=_snippet(collation, row),
        notes=tuple(
            note for cell in row.cells[1:] for link in cell.links for note in link.flag_notes
        ),
        why=" / ".join(
            dict.fromkeys(evidence_line(link) for cell in row.cells[1:] for link in cell.links)
        ),
        listed=bool(row.flags)
        and not all(cell.status is CellStatus.MOVED_AWAY for cell in row.cells[1:]),
    )


def _snippet(collation: Collation, row: Row, width: int = 110) -> str:
    for cell in row.cells:
        if cell.sentences:
            sentences = collation.documents[cell.document].sentences
            text = " ".join(sentences[i].text for i in cell.sentences)
            return text if len(text) <= width else text[: width - 1].rstrip() + "…"
    return ""


def comparison_view(collation: Collation, number: int, comparison: Comparison) -> ComparisonView:
    """The side-by-side rows of one comparison, the comparison's base on the left."""
    prefix = f"c{number}"
    pair = dataclasses.replace(collation, base=comparison.base, comparisons=(comparison,))
    rows = build_rows(pair, shown=[comparison.other])
    base_row = {i: row.index for row in rows for i in row.cells[0].sentences}
    return ComparisonView(
        id=prefix,
        comparison=comparison,
        base=collation.documents[comparison.base],
        other=collation.documents[comparison.other],
        counts=count(collation, comparison),
        rows=tuple(_row_view(prefix, collation, row, base_row) for row in rows),
    )


def _compact(view: ComparisonView) -> ComparisonView:
    """``view`` without its unchanged rows."""
    rows = tuple(row for row in view.rows if row.is_change)
    return dataclasses.replace(view, rows=rows, unchanged=len(view.rows) - len(rows))


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _shown(value: object) -> object:
    """What a template prints: text with bidirectional controls and hiding characters visible."""
    if isinstance(value, Markup):  # our own markup (the timeline's SVG) around escaped text
        return Markup(visible_format(value))
    if isinstance(value, str):
        return visible_format(value)
    return value


def breakable_path(path: str) -> Markup:
    """``path`` escaped, with a line-break opportunity after each ``/`` and ``_``: a long file
    name wraps at its folders and words, not inside ``.txt``."""
    escaped = str(escape(path))
    return Markup(escaped.replace("/", "/<wbr>").replace("_", "_<wbr>"))


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_shown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        FLAGS=FLAGS,
        FLAG_MARK=FLAG_MARK,
        ESTIMATE_MARK=ESTIMATE_MARK,
        ESTIMATE_NOTE=ESTIMATE_NOTE,
        ROW_KINDS=ROW_KINDS,
        kind_look=kind_look,
        provenance=provenance,
        copied_from_text=copied_from_text,
        breakable_path=breakable_path,
    )
    return environment


@cache
def _assets() -> tuple[Markup, Markup, str]:
    """The inline stylesheet and script (our own files, trusted) and the CSP that pins them."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return Markup(css), Markup(script), policy


def render_html(collation: Collation, version: str) -> str:
    """The whole report as one self-contained HTML page."""
    css, script, policy = _assets()
    views = [
        comparison_view(collation, number, comparison)
        for number, comparison in enumerate(collation.comparisons, start=1)
    ]
    summary = [
        (index, document, collation.comparison(collation.base, index))
        for index, document in enumerate(collation.documents)
    ]
    if len(collation.documents) >= COMPACT_FROM:
        views = [_compact(view) for view in views]
    anchors = {
        sentence.id
        for view in views
        for row in view.rows
        for cell in row.cells
        for sentence in cell.sentences
    }
    comparison_id = {(v.comparison.base, v.comparison.other): v.id for v in views}
    template = _environment().get_template("report.html.j2")
    return template.render(
        collation=collation,
        version=version,
        css=css,
        script=script,
        policy=policy,
        summary=[(i, d, c, count(collation, c) if c else None) for i, d, c in summary],
        comparisons=views,
        comparison_id=comparison_id,
        grid=grid_table(collation, comparison_id, anchors),
        timeline=timeline_view(collation, comparison_id),
    )
