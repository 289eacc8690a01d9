"""A plain-text report for a terminal or a pipe; control characters from the input show visibly."""

from __future__ import annotations

import textwrap

from wirediff.core.model import Collation, Comparison, Document, Edit, Link
from wirediff.core.visible import visible, visible_line
from wirediff.present.evidence import evidence_line, note_line
from wirediff.present.legend import ESTIMATE_MARK, ESTIMATE_NOTE, flag_labels, sentence_numbers
from wirediff.present.provenance import copied_from_text, provenance
from wirediff.present.summary import count

WIDTH = 100


def _quote(text: str, prefix: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    ) or [prefix]


def _link_lines(link: Link, base: Document, other: Document) -> list[str]:
    kind = link.kind.value + (", moved" if link.moved else "")
    flags = flag_labels(link.flags)
    where = f"base {sentence_numbers(link.base)} -> other {sentence_numbers(link.other)}"
    lines = [f"  ~ {kind} ({where}, score {link.score:.2f})" + (f"  [{flags}]" if flags else "")]
    lines += _quote(" ".join(base.sentences[i].text for i in link.base), "      - ")
    lines += _quote(" ".join(other.sentences[j].text for j in link.other), "      + ")
    for note in link.flag_notes:
        lines += _quote(note_line(note), "      ! ")
    if link.evidence is not None:
        lines += _quote("why linked: " + evidence_line(link), "      ")
    for edit in link.edits:
        lines += _quote(_edit_text(edit), "        ")
    return lines


def _edit_text(edit: Edit) -> str:
    """A word edit as the flag notes write one: ``"intention" -> "goal"``, as written (not as
    Python's repr, which switched quote marks and escaped characters)."""
    if edit.op == "replace":
        return f'"{edit.base}" -> "{edit.other}"'
    if edit.op == "delete":
        return f'deleted "{edit.base}"'
    return f'inserted "{edit.other}"'


def _comparison_lines(collation: Collation, comparison: Comparison) -> list[str]:
    base = collation.documents[comparison.base]
    other = collation.documents[comparison.other]
    figures = count(collation, comparison)
    changed = [link for link in comparison.links if link.is_change]
    omitted = [i for i in comparison.omitted if base.sentences[i].counts]
    added = [j for j in comparison.added if other.sentences[j].counts]
    lines = [
        "",
        f"== {comparison.base} {base.label}  vs  {comparison.other} {other.label}",
        f"   similarity {comparison.similarity:.0%}; reuses {comparison.base_reused:.0%} of the "
        f"base's text; {figures.identical} identical, {figures.reworded} reworded, "
        f"{figures.moved} moved, {figures.omitted} omitted, {figures.added} added",
    ]
    flagged = [link for link in changed if link.flags]
    unflagged = [link for link in changed if not link.flags]
    if flagged:
        lines += ["", " Flagged"]
        for link in flagged:
            lines += _link_lines(link, base, other)
    if unflagged:
        lines += ["", " Reworded or moved"]
        for link in unflagged:
            lines += _link_lines(link, base, other)
    if omitted:
        lines += ["", " Omitted from the other version"]
        for i in omitted:
            lines += _quote(base.sentences[i].text, f"  - {i + 1}: ")
    if added:
        lines += ["", " Added by the other version"]
        for j in added:
            lines += _quote(other.sentences[j].text, f"  + {j + 1}: ")
    return lines


def render_txt(collation: Collation, version: str) -> str:
    """The whole report as plain text."""
    lines = [f"wirediff {version}: {len(collation.documents)} versions", ""]
    for index, document in enumerate(collation.documents):
        mark = "base" if index == collation.base else f"{index:>4}"
        guess = (
            " (likely wire original)" if index == collation.base and collation.base_is_guess else ""
        )
        lines.append(f" [{mark}] {visible_line(document.label)}{guess}")
        lines.append(f"        {visible_line(document.title)}")
        lines.append(f"        {visible_line(document.path)}")
        if provenance(document):
            lines.append(f"        {visible_line(provenance(document))}")
        if index == collation.base and collation.base_reason:
            lines += _quote("why: " + visible_line(collation.base_reason), "        ")
        if copied_from_text(collation, index):
            lines += _quote(visible_line(copied_from_text(collation, index)), "        ")
        for note in document.notes:
            lines.append(f"        note: {visible_line(note)}")
    lines += ["", " Similarity matrix (share of row's text found in column)"]
    header = "        " + "".join(f"{k:>7}" for k in range(len(collation.documents)))
    lines.append(header)
    for k, row in enumerate(collation.matrix):
        cells = (
            (ESTIMATE_MARK if collation.is_estimated(k, j) else "") + f"{value:.0%}"
            for j, value in enumerate(row)
        )
        lines.append(f"  {k:>4}  " + "".join(f"{cell:>7}" for cell in cells))
    if collation.matrix_estimated:
        lines += _quote(ESTIMATE_NOTE, "  ")
    for comparison in collation.comparisons:
        lines += _comparison_lines(collation, comparison)
    # Nothing from the input may reach a terminal as a control character (escape sequences).
    return visible("\n".join(lines) + "\n")
