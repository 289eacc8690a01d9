"""The survival grid and the timeline as data: the model, and the JSON ``grid`` field.

Every cell must agree with the aligned links of its comparison: the JSON's own ``links`` and
``omitted``, read back as a script would.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from wirediff.core import Collation, CopiedFrom, collate, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.core.metadata import published_datetime
from wirediff.present.grid import (
    Mark,
    Order,
    build_grid,
    column_labels,
    next_order,
    printable,
    vertical_label,
)
from wirediff.present.timeline import build_timeline, slots, ticks
from wirediff.reports.html_report import render_html
from wirediff.reports.json_report import render_json

from .grid_data import many_versions


@pytest.fixture(scope="module")
def twenty() -> Collation:
    return collate(many_versions(20))


@pytest.fixture(scope="module")
def seeds() -> Collation:
    """The seeds with no publication dates (the loader finds some in their text)."""
    documents = [dataclasses.replace(d, published="") for d in load_documents(bundled_seeds())]
    return collate(documents)


def check_against_links(report: dict[str, Any]) -> int:
    """Assert every grid cell matches the links of its comparison; return the cells checked."""
    base = report["base"]
    grid = report["grid"]
    comparisons = {c["other"]: c for c in report["comparisons"] if c["base"] == base}
    body = [
        i
        for i, s in enumerate(report["documents"][base]["sentences"])
        if s["role"] != "boilerplate"
    ]
    assert [row["sentence"] for row in grid["rows"]] == body
    checked = 0
    for position, column in enumerate(grid["columns"]):
        comparison = comparisons[column["document"]]
        assert column["share"] == comparison["base_reused"]
        other = report["documents"][column["document"]]["sentences"]
        assert column["added"] == sum(
            1 for j in comparison["added"] if other[j]["role"] != "boilerplate"
        )
        link_of = {i: link for link in comparison["links"] for i in link["base"]}
        for row in grid["rows"]:
            cell = row["cells"][position]
            link = link_of.get(row["sentence"])
            if link is None:
                assert row["sentence"] in comparison["omitted"]
                assert cell == {"mark": "omitted", "sentences": [], "flags": []}
            else:
                mark = "moved" if link["moved"] else link["kind"]
                assert cell == {"mark": mark, "sentences": link["other"], "flags": link["flags"]}
            checked += 1
    for row in grid["rows"]:
        assert row["kept"] == sum(1 for cell in row["cells"] if cell["mark"] != "omitted")
    return checked


def test_json_grid_matches_the_aligned_links_on_the_seeds(seeds: Collation) -> None:
    report = json.loads(render_json(seeds, "test"))
    assert report["grid"]["order"] == "similarity"
    assert check_against_links(report) == 4 * len(report["grid"]["rows"])
    marks = {cell["mark"] for row in report["grid"]["rows"] for cell in row["cells"]}
    assert {"reworded", "moved", "omitted"} <= marks


def test_json_grid_matches_the_aligned_links_with_twenty_versions(twenty: Collation) -> None:
    report = json.loads(render_json(twenty, "test"))
    grid = report["grid"]
    assert grid["order"] == "date"
    assert len(grid["columns"]) == 19
    published = [c["published"] for c in grid["columns"]]
    assert published == sorted(published)
    assert check_against_links(report) == 19 * len(grid["rows"])
    marks = {cell["mark"] for row in grid["rows"] for cell in row["cells"]}
    assert marks == {"identical", "reworded", "moved", "omitted"}
    assert any(cell["flags"] for row in grid["rows"] for cell in row["cells"])


def test_copied_from_reaches_the_columns(twenty: Collation) -> None:
    guesses: list[CopiedFrom | None] = [None] * len(twenty.documents)
    guesses[5] = CopiedFrom(source=2, share=0.8125, reason="verbatim")
    collation = dataclasses.replace(twenty, copied_from=tuple(guesses))
    grid = build_grid(collation)
    column = grid.columns[grid.column_of(5) or 0]
    assert column.document == 5
    assert column.copied_from == guesses[5]
    assert column.copied_from_label == twenty.documents[2].label
    report = json.loads(render_json(collation, "test"))
    by_document = {c["document"]: c for c in report["grid"]["columns"]}
    assert by_document[5]["copied_from"] == {"source": 2, "share": 0.8125}
    assert by_document[6]["copied_from"] is None


def test_orders(twenty: Collation, seeds: Collation) -> None:
    by_date = build_grid(twenty)
    assert by_date.order is Order.DATE
    by_share = build_grid(twenty, Order.SIMILARITY)
    shares = [c.share for c in by_share.columns]
    assert shares == sorted(shares, reverse=True)
    as_given = build_grid(twenty, Order.INPUT)
    assert [c.document for c in as_given.columns] == list(range(1, 20))
    assert next_order(by_date) is Order.SIMILARITY
    assert next_order(as_given) is Order.DATE
    undated = build_grid(seeds)
    assert undated.order is Order.SIMILARITY and not undated.dated
    assert next_order(build_grid(seeds, Order.INPUT)) is Order.SIMILARITY
    # Versions without a date go last, by share.
    documents = list(twenty.documents)
    for k in (3, 7):
        documents[k] = dataclasses.replace(documents[k], published="")
    mixed = build_grid(dataclasses.replace(twenty, documents=tuple(documents)))
    assert [c.document for c in mixed.columns[-2:]] == sorted(
        (3, 7), key=lambda k: -by_share.columns[by_share.column_of(k) or 0].share
    )


def test_rows_count_keepers_and_cells_follow_links(twenty: Collation) -> None:
    grid = build_grid(twenty, Order.INPUT)
    for row in grid.rows:
        assert row.kept == sum(1 for cell in row.cells if cell.mark is not Mark.OMITTED)
        for position, cell in enumerate(row.cells):
            comparison = twenty.comparison(twenty.base, grid.columns[position].document)
            assert comparison is not None
            link = comparison.link_of_base().get(row.sentence)
            assert (link is None) == (cell.mark is Mark.OMITTED)
            if link is not None:
                assert cell.sentences == link.other and cell.flags == link.flags


def test_labels_and_dates() -> None:
    assert published_datetime("2025-02-06") is not None
    when = published_datetime("2025-02-06T10:30:00+09:00")
    assert when is not None and when.hour == 1
    assert published_datetime("2025-02-06T10:30:00Z") == published_datetime(
        "2025-02-06T10:30+00:00"
    )
    assert published_datetime("yesterday") is None and published_datetime("") is None
    assert printable("a\x1b[31mb\u200bc\nd") == "a [31mb c d"
    grid = build_grid(collate(many_versions(4)))
    column = grid.columns[0]
    assert len(vertical_label(column, 14)) == 14
    assert vertical_label(column, 14).endswith(column.published[5:10])
    assert vertical_label(column, 5) == column.outlet[:5].ljust(5)
    labels = column_labels(grid, 14)
    for k, column in enumerate(grid.columns):
        new_day = k == 0 or column.published[:10] != grid.columns[k - 1].published[:10]
        assert labels[k] == vertical_label(column, 14, show_date=new_day)


def test_timeline(twenty: Collation, seeds: Collation) -> None:
    assert build_timeline(seeds) is None
    timeline = build_timeline(twenty)
    assert timeline is not None
    assert [entry.when for entry in timeline.entries] == sorted(e.when for e in timeline.entries)
    assert len(timeline.entries) == 20 and not timeline.undated
    base = next(entry for entry in timeline.entries if entry.is_base)
    assert base.share == 1.0 and base.document == twenty.base
    for entry in timeline.entries:
        if not entry.is_base:
            comparison = twenty.comparison(twenty.base, entry.document)
            assert comparison is not None and entry.share == comparison.base_reused
    assert any(entry.altered for entry in timeline.entries)
    assert timeline.position(timeline.start) == 0 and timeline.position(timeline.end) == 1
    placed = slots(timeline, 40)
    assert len(placed) == 40 and sorted(k for cell in placed for k in cell) == list(range(20))
    assert placed[0] and placed[-1]
    marks = ticks(timeline, 3)
    assert 1 <= len(marks) <= 3
    assert all(0 <= fraction <= 1 for fraction, _ in marks)


# --- the HTML report's grid and timeline ------------------------------------------------------


def test_html_grid_table_links_every_cell_to_its_passage(twenty: Collation) -> None:
    from .test_report_html import NS, elements, parse

    page = render_html(twenty, "test")
    tree = parse(page)
    ids = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    (table,) = [t for t in elements(tree, "table") if t.get("class") == "grid"]
    grid = build_grid(twenty)
    heads = [th for th in table.iter(NS + "th") if th.get("class") == "g-col"]
    assert len(heads) == len(grid.columns) == 19
    for th, column in zip(heads, grid.columns, strict=True):
        text = " ".join("".join(th.itertext()).split())
        assert text == f"{column.document} {column.label}"
        assert column.label == twenty.documents[column.document].label
    body = next(table.iter(NS + "tbody"))
    rows = list(body.iter(NS + "tr"))
    assert len(rows) == len(grid.rows)
    for tr, row in zip(rows, grid.rows, strict=True):
        cells = list(tr.iter(NS + "td"))
        assert cells[0].text == str(row.sentence + 1) and cells[1].text == str(row.kept)
        for td, cell in zip(cells[3:], row.cells, strict=True):
            assert td.get("class").split()[0] == f"g-{cell.mark.value}"
            (anchor,) = list(td.iter(NS + "a"))
            assert anchor.text == cell.symbol + ("!" if cell.flags else "")
            assert anchor.get("href")[1:] in ids
    # A cell's anchor is the version's own sentence (or the base's, when omitted).
    first_omitted = next(
        (r, c)
        for r, row in enumerate(grid.rows)
        for c, cell in enumerate(row.cells)
        if not cell.kept
    )
    r, c = first_omitted
    anchor = next(list(rows[r].iter(NS + "td"))[3 + c].iter(NS + "a"))
    assert anchor.get("href").endswith(f"-d{twenty.base}-s{grid.rows[r].sentence + 1}")


def test_html_timeline_is_an_inline_svg_with_a_circle_per_dated_version(
    twenty: Collation, seeds: Collation
) -> None:
    from .test_report_html import parse

    svg_ns = "{http://www.w3.org/2000/svg}"
    tree = parse(render_html(twenty, "test"))
    (svg,) = list(tree.iter(svg_ns + "svg"))
    circles = list(svg.iter(svg_ns + "circle"))
    assert len(circles) == 20
    for element in svg.iter():
        if isinstance(element.tag, str):
            assert element.get("style") is None, "the policy allows no inline style"
            assert not [name for name in element.attrib if name.lower().startswith("on")]
    timeline = build_timeline(twenty)
    assert timeline is not None
    radii = {float(c.get("r")) for c in circles}
    assert len(radii) > 3, "sized by share"
    marks = [t for t in svg.iter(svg_ns + "text") if t.get("class") == "tl-mark"]
    assert len(marks) == sum(1 for entry in timeline.entries if entry.altered)
    xs = [float(c.get("cx")) for c in circles]
    assert xs == sorted(xs), "placed by time"
    # No dates, no timeline.
    assert not list(parse(render_html(seeds, "test")).iter(svg_ns + "svg"))


def test_many_versions_leave_unchanged_rows_to_the_grid(twenty: Collation) -> None:
    from wirediff.present.rows import build_rows

    from .test_report_html import NS, elements, parse

    tree = parse(render_html(twenty, "test"))
    ids = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    for anchor in elements(tree, "a"):
        assert anchor.get("href")[1:] in ids, anchor.get("href")
    for number, comparison in enumerate(twenty.comparisons, start=1):
        rows = build_rows(twenty, shown=[comparison.other])
        shown = {
            e.get("id") for e in tree.iter(NS + "tr") if e.get("id", "").startswith(f"c{number}-r")
        }
        assert shown == {f"c{number}-r{row.index + 1}" for row in rows if row.is_change}
        section = next(e for e in elements(tree, "section") if e.get("id") == f"c{number}")
        unchanged = sum(1 for row in rows if not row.is_change)
        note = " ".join("".join(section.itertext()).split())
        assert (f"{unchanged} unchanged passage" in note) == bool(unchanged)


def test_a_crowd_on_one_date_keeps_the_timeline_short(twenty: Collation) -> None:
    from wirediff.reports.html_grid import MAX_LANES, timeline_svg

    documents = tuple(dataclasses.replace(d, published="2025-02-06") for d in twenty.documents)
    timeline = build_timeline(dataclasses.replace(twenty, documents=documents))
    assert timeline is not None and timeline.span.total_seconds() == 0
    svg = str(timeline_svg(timeline, {}, twenty.base))
    height = float(svg.split('height="')[1].split('"')[0])
    assert height <= 22 + MAX_LANES * 34 + 34
    assert svg.count("<circle") == 20


def test_place_keeps_runs_in_lanes_and_crowds_in_columns() -> None:
    from wirediff.present.timeline import place

    assert place([0.0, 5.0, 100.0], 10, 3) == ((0.0, 0), (5.0, 1), (100.0, 0))
    crowd = place([50.0] * 7, 10, 3, end=60)
    assert [lane for _, lane in crowd] == [0, 1, 2, 0, 1, 2, 0]
    assert [x for x, _ in crowd] == [40.0, 40.0, 40.0, 50.0, 50.0, 50.0, 60.0]


def test_ticks_fall_on_round_times_with_one_format_and_a_bare_date_stands_for_its_day(
    twenty: Collation,
) -> None:
    import re

    from wirediff.present.timeline import tick_times

    utc = UTC
    start = datetime(2025, 12, 17, 0, 7, 41, tzinfo=utc)
    times, fmt = tick_times(start, start + timedelta(hours=18, minutes=59), 5)
    assert times and all(t.minute == 0 and t.second == 0 and t.hour % 3 == 0 for t in times)
    assert len(times) <= 5 and fmt == "%-d %b %H:%M"
    days, fmt = tick_times(start, datetime(2026, 1, 2, tzinfo=utc), 6)
    assert all((t.hour, t.minute) == (0, 0) for t in days) and fmt == "%-d %b"
    # Labels of one timeline have one shape: "31 Dec" beside "2 Jan", never "01 Feb 03:09".
    documents = list(twenty.documents)
    documents[1] = dataclasses.replace(documents[1], published="2024-12-30")
    documents[2] = dataclasses.replace(documents[2], published="2025-02-01T10:00:00+00:00")
    timeline = build_timeline(dataclasses.replace(twenty, documents=tuple(documents)))
    assert timeline is not None
    labels = [label for _, label in ticks(timeline, 5)]
    assert labels and all(re.fullmatch(r"[1-9]\d? [A-Z][a-z]{2}", label) for label in labels)
    day = next(entry for entry in timeline.entries if entry.document == 1)
    assert day.day_only and "(date only)" in day.describe()
    assert not any(entry.day_only for entry in timeline.entries if entry.document != 1)
    from wirediff.reports.html_grid import timeline_svg

    svg = str(timeline_svg(timeline, {}, twenty.base))
    assert svg.count('class="tl-day"') == 1 and svg.count("tl-dayonly") == 1
