"""The Markdown report: the same links as the JSON, and document text that renders as written."""

from __future__ import annotations

import re
from typing import Any

import pytest

from wirediff.core import Collation, collate, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.reports.json_report import to_dict
from wirediff.reports.md_report import escape, render_md

from .hostile import hostile_collation

LINK = re.compile(
    r"^- \*\*base ([\d,]+) → other ([\d,]+)\*\* · (identical|reworded)(, moved)? · "
    r"score ([\d.]+)(?: · ⚑ (.+))?$"
)
OMITTED = re.compile(r"^- \*\*base (\d+)\*\* omitted: ")
ADDED = re.compile(r"^- \*\*other (\d+)\*\* added: ")
IDENTICAL = re.compile(r"^Identical in place \(base → other\): (.+)$")
FURNITURE = re.compile(
    r"^Page furniture not shown: omitted base ([\d,]+|–); added other ([\d,]+|–)$"
)
LABELS = {
    "quote altered": "quote_altered",
    "quote dropped": "quote_dropped",
    "number changed": "number_changed",
    "name changed": "name_changed",
    "attribution changed": "attribution_changed",
}


def indexes(numbers: str) -> list[int]:
    return [] if numbers == "–" else [int(n) - 1 for n in numbers.split(",")]


def parse_report(text: str) -> list[dict[str, Any]]:
    """Read the links, omissions and additions of each comparison back from the Markdown."""
    comparisons: list[dict[str, Any]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            comparisons.append({"links": [], "omitted": [], "added": []})
        elif m := LINK.match(line):
            flags = [LABELS[f] for f in m.group(6).split(", ")] if m.group(6) else []
            comparisons[-1]["links"].append(
                (indexes(m.group(1)), indexes(m.group(2)), m.group(3), bool(m.group(4)), flags)
            )
        elif m := OMITTED.match(line):
            comparisons[-1]["omitted"].append(int(m.group(1)) - 1)
        elif m := ADDED.match(line):
            comparisons[-1]["added"].append(int(m.group(1)) - 1)
        elif m := IDENTICAL.match(line):
            for pair in m.group(1).split("; "):
                base, other = pair.split(" → ")
                comparisons[-1]["links"].append(
                    (indexes(base), indexes(other), "identical", False, [])
                )
        elif m := FURNITURE.match(line):
            comparisons[-1]["omitted"] += indexes(m.group(1))
            comparisons[-1]["added"] += indexes(m.group(2))
    return comparisons


def json_links(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "links": sorted(
                (link["base"], link["other"], link["kind"], link["moved"], link["flags"])
                for link in comparison["links"]
            ),
            "omitted": sorted(comparison["omitted"]),
            "added": sorted(comparison["added"]),
        }
        for comparison in report["comparisons"]
    ]


def round_trip(collation: Collation) -> None:
    parsed = parse_report(render_md(collation, "test"))
    for comparison in parsed:
        comparison["links"].sort()
        comparison["omitted"].sort()
        comparison["added"].sort()
    assert parsed == json_links(to_dict(collation, "test"))


@pytest.mark.parametrize("all_pairs", [False, True])
def test_markdown_round_trips_the_json_links_of_the_seeds(all_pairs: bool) -> None:
    round_trip(collate(load_documents(bundled_seeds()), all_pairs=all_pairs))


def test_markdown_round_trips_the_hostile_pair() -> None:
    round_trip(hostile_collation())


def test_flags_come_first_then_omitted_added_reworded() -> None:
    text = render_md(collate(load_documents(bundled_seeds())), "test")
    section = text.split("\n## ")[1]
    order = [
        section.find(heading)
        for heading in ("### Flagged", "### Omitted", "### Added", "### Reworded")
    ]
    assert -1 not in order and order == sorted(order)
    assert "Edits: " in section and "~~" in section


def test_hostile_text_renders_as_written() -> None:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (via rich) not found")
    renderer = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    collation = hostile_collation()
    for document in collation.documents:
        for sentence in document.sentences:
            html = renderer.render(f"- **base 1** omitted: {escape(sentence.text)}\n")
            assert html.count("<strong>") == 1
            for tag in ("<script", "<img", "<svg", "<em>", "<a ", "<s>", "<code>", "<h", "<ol"):
                assert tag not in html, (sentence.text, html)
            # The rendered text is the sentence, character for character.
            tokens = renderer.parseInline(escape(sentence.text))[0].children
            shown = "".join(t.content for t in tokens if t.type == "text")
            # An invisible zero-width space follows "@" (no mention or e-mail autolink).
            assert shown.replace("\u200b", "") == " ".join(sentence.text.split())
    page = renderer.render(render_md(collation, "test"))
    assert "<script" not in page and "<img" not in page and "<svg" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_escape_keeps_dollars_out_of_math_and_pipes_out_of_tables() -> None:
    assert escape("$5 and $7") == r"\$5 and \$7"
    assert escape("a | b") == r"a \| b"
    assert escape("1. first") == r"1\. first"
    assert escape("- dash") == r"\- dash"
    assert escape("two\n  lines") == "two lines"
