"""The HTML report: well-formed, complete, self-contained, linkable and inert on hostile text."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest

from wirediff.cli.main import main
from wirediff.core import Collation, collate, document_from_text, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.present.rows import build_rows
from wirediff.reports import render
from wirediff.reports.html_report import TEMPLATES, pieces, render_html

from .hostile import hostile_collation

NS = "{http://www.w3.org/1999/xhtml}"


def parse(page: str) -> Any:
    """Parse strictly: html5lib raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def norm(text: str) -> str:
    return " ".join(text.split())


def elements(tree: Any, tag: str) -> list[Any]:
    return list(tree.iter(NS + tag))


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(bundled_seeds()))


@pytest.fixture(scope="module")
def seeds_page(seeds: Collation) -> str:
    return render_html(seeds, "test")


@pytest.fixture(scope="module")
def all_pairs() -> Collation:
    return collate(load_documents(bundled_seeds()), all_pairs=True)


def test_parses_strictly_and_holds_every_sentence(seeds: Collation, seeds_page: str) -> None:
    tree = parse(seeds_page)
    page_text = norm(text_of(tree))
    for document in seeds.documents:
        for sentence in document.sentences:
            assert norm(sentence.text) in page_text, sentence.text


@pytest.mark.parametrize("pairs", [False, True])
def test_each_table_shows_both_documents_sentences_once_in_order(
    seeds: Collation, all_pairs: Collation, pairs: bool
) -> None:
    if pairs:
        seeds = all_pairs
    tree = parse(render_html(seeds, "test"))
    spans = [s for s in tree.iter(NS + "span") if "s" in s.get("class", "").split()]
    for number, comparison in enumerate(seeds.comparisons, start=1):
        for document_index in (comparison.base, comparison.other):
            document = seeds.documents[document_index]
            prefix = f"c{number}-d{document_index}-s"
            shown = [s for s in spans if s.get("id", "").startswith(prefix)]
            numbers = [int(s.get("id")[len(prefix) :]) for s in shown]
            assert numbers == list(range(1, len(document.sentences) + 1))
            for span, n in zip(shown, numbers, strict=True):
                assert norm(text_of(span)) == norm(document.sentences[n - 1].text)
                assert span.get("data-n") == str(n)
        if comparison.base == seeds.base:
            table_rows = tree.find(f".//{NS}section[@id='c{number}']").iter(NS + "tr")
            row_ids = [tr.get("id") for tr in table_rows if tr.get("id")]
            pair_rows = build_rows(seeds, shown=[comparison.other])
            assert len(row_ids) == len(pair_rows)


def test_word_edits_are_struck_and_marked(seeds: Collation, seeds_page: str) -> None:
    tree = parse(seeds_page)
    deleted = {norm(text_of(e)) for e in elements(tree, "del")}
    inserted = {norm(text_of(e)) for e in elements(tree, "ins")}
    expected_del = {
        norm(e.base) for c in seeds.comparisons for link in c.links for e in link.edits if e.base
    }
    expected_ins = {
        norm(e.other) for c in seeds.comparisons for link in c.links for e in link.edits if e.other
    }
    # An edit that crosses a sentence boundary is cut at it; all others appear whole.
    assert len(expected_del & deleted) >= 0.9 * len(expected_del)
    assert len(expected_ins & inserted) >= 0.9 * len(expected_ins)


def test_pieces_merge_overlaps_and_clip_to_the_sentence() -> None:
    text = "0123456789"
    got = pieces(text, 2, 8, [(0, 3), (5, 7), (6, 9), (4, 4)], "del")
    assert [(p.text, p.mark) for p in got] == [
        ("2", "del"),
        ("34", ""),
        ("567", "del"),
    ]
    assert "".join(p.text for p in got) == text[2:8]


@pytest.mark.parametrize("pairs", [False, True])
def test_anchors_are_unique_and_every_internal_link_resolves(
    seeds: Collation, all_pairs: Collation, pairs: bool
) -> None:
    if pairs:
        seeds = all_pairs
    tree = parse(render_html(seeds, "test"))
    ids = [e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")]
    duplicates = [k for k, n in Counter(ids).items() if n > 1]
    assert not duplicates
    hrefs = [a.get("href") for a in elements(tree, "a")]
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, href
    # Every flagged link has a linkable row that carries a badge for each of its flags.
    for number, comparison in enumerate(seeds.comparisons, start=1):
        for link in comparison.links:
            for flag in link.flags:
                badges = [i for i in ids if i.startswith(f"c{number}-r") and i.endswith(flag.value)]
                assert badges, (number, link)


def test_self_contained_and_policy_pins_own_css_and_script(seeds_page: str) -> None:
    tree = parse(seeds_page)
    assert not elements(tree, "link") and not elements(tree, "img")
    assert not elements(tree, "iframe") and not elements(tree, "object")
    for element in tree.iter():
        if isinstance(element.tag, str):
            assert element.get("src") is None
    (style,) = elements(tree, "style")
    (script,) = elements(tree, "script")
    assert "url(" not in style.text and "@import" not in style.text
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    assert style.text == css and script.text == js
    policy = next(
        m.get("content")
        for m in elements(tree, "meta")
        if m.get("http-equiv") == "Content-Security-Policy"
    )
    for source in (css, js):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css


def test_hostile_text_is_shown_not_run() -> None:
    collation = hostile_collation()
    page = render_html(collation, "test")
    tree = parse(page)
    scripts = elements(tree, "script")
    assert len(scripts) == 1
    assert scripts[0].text == (TEMPLATES / "report.js").read_text(encoding="utf-8")
    assert not elements(tree, "img") and not list(tree.iter("{http://www.w3.org/2000/svg}svg"))
    for element in tree.iter():
        if isinstance(element.tag, str):
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            assert not handlers, (element.tag, handlers)
    page_text = norm(text_of(tree))
    for document in collation.documents:
        for sentence in document.sentences:
            assert norm(sentence.text) in page_text
    assert "<script>alert(1)</script>" in page_text
    assert "<img src=x onerror=alert(1)>" in page_text
    assert "3 < 4" in page_text and "&amp; &lt;" in page_text
    title = elements(tree, "title")[0]
    assert title.text == "wirediff: Officials warn of a costly plan"


def test_hostile_path_and_title_are_escaped_too() -> None:
    evil = '"><script>alert(3)</script>'
    documents = [
        document_from_text(f"{evil} headline\n\nThe mayor spoke on Monday.\n", f"{evil}.txt"),
        document_from_text("A headline\n\nThe mayor spoke on Tuesday.\n", "b.txt"),
    ]
    tree = parse(render_html(collate(documents), "test"))
    assert len(elements(tree, "script")) == 1
    assert evil in text_of(tree)


def test_cli_picks_html_from_the_extension_and_stays_small_and_fast(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert len(page.encode("utf-8")) < 1_000_000
    collation = collate(load_documents(bundled_seeds()))
    started = time.perf_counter()
    assert render(collation, "html", "test") == render_html(collation, "test")
    assert time.perf_counter() - started < 2.0


def test_toggles_and_kind_marks_do_not_rely_on_colour(seeds_page: str) -> None:
    tree = parse(seeds_page)
    boxes = [i.get("data-toggle") for i in elements(tree, "input")]
    assert boxes == ["hide-unchanged", "show-furniture"]
    rows = [tr for tr in elements(tree, "tr") if "row" in tr.get("class", "").split()]
    assert rows
    for tr in rows:
        kind = next(c[2:] for c in tr.get("class").split() if c.startswith("k-"))
        mark = next(td for td in tr.iter(NS + "td") if td.get("class") == "mark")
        assert kind in text_of(mark)
        assert re.fullmatch(r"[=~↕+\-·* ]", text_of(mark)[0])


def test_each_flagged_link_is_listed_once(seeds: Collation, seeds_page: str) -> None:
    """A moved, flagged passage has two rows (where it was, where it went) but one entry in the
    list of flagged rows, as in the Markdown and text reports: 000 -> 001 has six flagged links,
    one of them moved."""
    tree = parse(seeds_page)
    for number, comparison in enumerate(seeds.comparisons, start=1):
        section = tree.find(f".//{NS}section[@id='c{number}']")
        lists = [u for u in section.iter(NS + "ul") if "flagged-list" in u.get("class", "")]
        listed = len(list(lists[0].iter(NS + "li"))) if lists else 0
        assert listed == sum(1 for link in comparison.links if link.flags), number
    first = seeds.comparisons[0]
    assert any(link.moved and link.flags for link in first.links)


def test_file_names_wrap_at_folders_and_words(seeds: Collation, seeds_page: str) -> None:
    """The Versions table's file column broke inside ".txt" ("…547.tx" / "t")."""
    tree = parse(seeds_page)
    cells = [td for td in elements(tree, "td") if td.get("class") == "path"]
    assert [text_of(td) for td in cells] == [document.path for document in seeds.documents]
    assert "/<wbr>000_<wbr>5fd63220c0a3b547.txt</td>" in seeds_page
