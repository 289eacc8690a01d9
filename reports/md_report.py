"""The Markdown report: a summary and each comparison's changes, for pasting into an issue or note.

Sentence numbers count from 1, as in the text and HTML reports. Document text is escaped so that
it shows as written: no emphasis, links, HTML, tables, headings, lists or math come from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wirediff.core.model import Collation, Comparison, Document, Edit, Flag, Link
from wirediff.present.evidence import evidence_line, note_line
from wirediff.present.legend import (
    ESTIMATE_MARK,
    ESTIMATE_NOTE,
    FLAG_MARK,
    FLAGS,
    flag_labels,
    kind_look,
    sentence_numbers,
)
from wirediff.present.provenance import copied_from_text, provenance
from wirediff.present.summary import count

_ACTIVE = re.compile(r"([\\`*_\[\]<>|~&#$!])")
"""Characters that start Markdown (GFM, with GitHub's ``$`` math) anywhere on a line."""
_SCHEME = re.compile(r":(?=//)")
"""The colon of ``https://``: escaped, GitHub no longer sees a URL to link."""
_WWW = re.compile(r"(?i)\b(www)\.")
"""``www.`` starts an autolinked host on GitHub."""
_MENTION = re.compile(r"@|(?<=\\#)(?=\d)")
"""``@`` (an e-mail address, an ``@name`` mention) and ``#123`` (an issue reference)."""
ZERO_WIDTH_SPACE = "&#8203;"
"""Follows each ``@`` and ``#`` before a digit: no autolink, mention or reference (as Dependabot
and Renovate keep their notes from pinging anyone); invisible where the Markdown renders."""
COUNTED = ("identical", "reworded", "moved", "omitted", "added")
"""The passage and sentence counts of the summary, in column order."""
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
"""Text that starts a list, quote, heading rule or numbered item when it begins a line."""


def escape(text: str) -> str:
    """``text`` on one line, with every Markdown-active character backslash-escaped.

    URLs, ``www.`` hosts, e-mail addresses, ``@name`` and ``#123`` stay plain text on GitHub:
    a colon before ``//`` and the dot after ``www`` are escaped, and an invisible zero-width
    space follows ``@`` and a ``#`` before a digit.
    """
    flat = " ".join(text.split())
    escaped = _ACTIVE.sub(r"\\\1", flat)
    # Inert where it is pasted: no autolinked URL, host or address, no mention or reference.
    escaped = _SCHEME.sub(r"\\:", escaped)
    escaped = _WWW.sub(r"\1\\.", escaped)
    escaped = _MENTION.sub(lambda match: match.group() + ZERO_WIDTH_SPACE, escaped)
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    lead, marker = match.group(1), match.group(2)
    if marker.isdigit():
        # "2025. was ..." would start an ordered list: escape the dot or parenthesis after it.
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return lead + "\\" + escaped[len(lead) :]


def _text(document: Document, indexes: Sequence[int]) -> str:
    return " ".join(document.sentences[i].text for i in indexes)


def _edit(edit: Edit) -> str:
    if edit.op == "insert":
        return f"+ {_inline(edit.other)}"
    if edit.op == "delete":
        return f"~~{_inline(edit.base)}~~"
    return f"~~{_inline(edit.base)}~~ → {_inline(edit.other)}"


def _inline(text: str) -> str:
    # Quote marks and spaces inside ~~…~~ need no care; an empty side shows as a visible mark.
    return escape(text) or "∅"


def link_heading(link: Link) -> str:
    """The one-line summary of a link: sentences, kind, moved, score and flags."""
    kind = link.kind.value + (", moved" if link.moved else "")
    where = f"base {sentence_numbers(link.base)} → other {sentence_numbers(link.other)}"
    head = f"- **{where}** · {kind}"
    head += f" · score {link.score:.2f}"
    if link.flags:
        head += f" · {FLAG_MARK} " + flag_labels(link.flags)
    return head


def _link_lines(link: Link, base: Document, other: Document) -> list[str]:
    lines = [
        link_heading(link),
        f"  > − {escape(_text(base, link.base))}",
        "  >",
        f"  > + {escape(_text(other, link.other))}",
    ]
    if link.edits:
        lines += ["", "  Edits: " + " · ".join(_edit(edit) for edit in link.edits)]
    if link.flag_notes:
        lines += [
            "",
            "  What changed: " + " · ".join(escape(note_line(n)) for n in link.flag_notes),
        ]
    if link.evidence is not None:
        lines += ["", f"  Why linked: {escape(evidence_line(link))}"]
    return lines


def _versions(collation: Collation) -> list[str]:
    lines = []
    for index, document in enumerate(collation.documents):
        role = ""
        if index == collation.base:
            role = " (base, likely wire original)" if collation.base_is_guess else " (base)"
        lines.append(
            f"- **{index}** {escape(document.label)}{role}: {escape(document.title)} — "
            f"{escape(document.path)}"
        )
        if provenance(document):
            lines.append(f"  - {escape(provenance(document))}")
        if index == collation.base and collation.base_reason:
            lines.append(f"  - why: {escape(collation.base_reason)}")
        if copied_from_text(collation, index):
            lines.append(f"  - {escape(copied_from_text(collation, index))}")
        lines += [f"  - note: {escape(note)}" for note in document.notes]
    return lines


def _summary(collation: Collation) -> list[str]:
    flag_heads = " | ".join(FLAGS[flag].label for flag in Flag)
    lines = [
        "| # | Version | Similarity | Base reused | "
        + " | ".join(f"{kind_look(name).mark} {name}" for name in COUNTED)
        + f" | {flag_heads} |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(Flag),
    ]
    blank = " |" * (7 + len(Flag))
    for index, document in enumerate(collation.documents):
        name = escape(document.label)
        comparison = collation.comparison(collation.base, index)
        if index == collation.base or comparison is None:
            name = f"**base** {name}" if index == collation.base else name
            lines.append(f"| {index} | {name} |{blank}")
            continue
        c = count(collation, comparison)
        cells = [
            f"{comparison.similarity:.0%}",
            f"{comparison.base_reused:.0%}",
            *(str(n) for n in (c.identical, c.reworded, c.moved, c.omitted, c.added)),
            *(str(n) for _, n in c.flags),
        ]
        lines.append(f"| {index} | {name} | " + " | ".join(cells) + " |")
    return lines


def _matrix(collation: Collation) -> list[str]:
    count = len(collation.documents)
    lines = [
        "| found in → | " + " | ".join(str(k) for k in range(count)) + " |",
        "|---:|" + "---:|" * count,
    ]
    for k, row in enumerate(collation.matrix):
        cells = (
            (ESTIMATE_MARK if collation.is_estimated(k, j) else "") + f"{value:.0%}"
            for j, value in enumerate(row)
        )
        lines.append(f"| **{k}** | " + " | ".join(cells) + " |")
    if collation.matrix_estimated:
        lines += ["", ESTIMATE_NOTE]
    return lines


def _comparison(collation: Collation, comparison: Comparison) -> list[str]:
    base = collation.documents[comparison.base]
    other = collation.documents[comparison.other]
    c = count(collation, comparison)
    lines = [
        "",
        f"## {comparison.base} {escape(base.label)} → {comparison.other} {escape(other.label)}",
        "",
        f"Similarity {comparison.similarity:.0%} · reuses {comparison.base_reused:.0%} of the "
        f"base's text · {c.identical} identical, {c.reworded} reworded, {c.moved} moved, "
        f"{c.omitted} omitted, {c.added} added",
    ]
    flagged = [link for link in comparison.links if link.flags]
    changed = [link for link in comparison.links if link.is_change and not link.flags]
    same = [link for link in comparison.links if not link.is_change]
    omitted = [i for i in comparison.omitted if base.sentences[i].counts]
    added = [j for j in comparison.added if other.sentences[j].counts]
    furniture_omitted = [i for i in comparison.omitted if not base.sentences[i].counts]
    furniture_added = [j for j in comparison.added if not other.sentences[j].counts]
    if flagged:
        lines += ["", f"### Flagged ({len(flagged)})", ""]
        for link in flagged:
            lines += [*_link_lines(link, base, other), ""]
    if omitted:
        lines += ["", f"### Omitted from the other version ({len(omitted)})", ""]
        for i in omitted:
            lines.append(f"- **base {i + 1}** omitted: {escape(base.sentences[i].text)}")
    if added:
        lines += ["", f"### Added by the other version ({len(added)})", ""]
        for j in added:
            lines.append(f"- **other {j + 1}** added: {escape(other.sentences[j].text)}")
    if changed:
        lines += ["", f"### Reworded or moved ({len(changed)})", ""]
        for link in changed:
            lines += [*_link_lines(link, base, other), ""]
    if same:
        pairs = "; ".join(
            f"{sentence_numbers(link.base)} → {sentence_numbers(link.other)}" for link in same
        )
        lines += ["", f"Identical in place (base → other): {pairs}"]
    if furniture_omitted or furniture_added:
        lines += [
            "",
            f"Page furniture not shown: omitted base {sentence_numbers(furniture_omitted) or '–'}; "
            f"added other {sentence_numbers(furniture_added) or '–'}",
        ]
    return lines


def render_md(collation: Collation, version: str) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    lines = [
        f"# wirediff report: {len(collation.documents)} versions",
        "",
        f"Made by wirediff {version}. Sentence numbers count from 1; "
        f"{FLAG_MARK} marks a flagged change.",
        "",
        *_versions(collation),
        "",
        *_summary(collation),
        "",
        "Share of each row's text found in each column:",
        "",
        *_matrix(collation),
    ]
    for comparison in collation.comparisons:
        lines += _comparison(collation, comparison)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
