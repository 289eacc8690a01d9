"""The story list: Pilot tests and a snapshot (built on the seeds pile of ``corpus_pile``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from wirediff.core import collate
from wirediff.core.align import Features, TermWeights
from wirediff.core.settings import AlignSettings
from wirediff.corpus import Article, LocalEngine, group
from wirediff.corpus.original import article_document, pile_weights
from wirediff.present.story_list import arrange, story_rows
from wirediff.tui.stories import ListState, PileWeights, StoriesApp, story_app, story_documents

from .corpus_pile import articles

SnapCompare = Callable[..., bool]


def _pile() -> list[Article]:
    records = articles()
    # a second story: the trim and the copy again under other ids and outlets, a day later
    extra = [
        Article(
            f"{r['id']}-again", r["text"], outlet=f"{r['outlet']} Weekly", published="2025-02-09"
        )
        for r in records
        if r["id"] in ("preview", "after")
    ]
    return [
        Article(r["id"], r["text"], outlet=r["outlet"], published=r["date"], url=r["url"])
        for r in records
    ] + extra


@pytest.fixture(scope="module")
def grouping():  # type: ignore[no-untyped-def]
    return group(_pile(), LocalEngine(1))[0]


def test_rows_sort_and_search(grouping) -> None:  # type: ignore[no-untyped-def]
    rows = story_rows(grouping)
    assert [r.size for r in rows] == [4, 2, 2]
    assert [r.story for r in arrange(rows, "date")] == [3, 1, 2] or [
        r.first for r in arrange(rows, "date")
    ] == sorted(r.first for r in rows)
    assert [r.story for r in arrange(rows, "size", "aggregator")] == [1]
    assert arrange(rows, "size", "no such words") == []


def test_enter_returns_the_chosen_story(grouping) -> None:  # type: ignore[no-untyped-def]
    app = StoriesApp(grouping)

    async def drive() -> None:
        async with app.run_test(size=(120, 20)) as pilot:
            await pilot.press("down", "enter")

    asyncio.run(drive())
    assert app.return_value == 2
    assert app.state.cursor == 1


def test_search_then_clear(grouping) -> None:  # type: ignore[no-untyped-def]
    app = StoriesApp(grouping)

    async def drive() -> None:
        async with app.run_test(size=(120, 20)) as pilot:
            await pilot.press("slash", *"aggregator", "enter")
            assert app.query_one(DataTable).row_count == 1
            await pilot.press("escape")
            assert app.query_one(DataTable).row_count == 3
            await pilot.press("s")
            assert app.state.sort == "date"
            await pilot.press("q")

    asyncio.run(drive())
    assert app.return_value is None


def test_state_comes_back(grouping) -> None:  # type: ignore[no-untyped-def]
    app = StoriesApp(grouping, ListState(sort="outlets", cursor=2))

    async def drive() -> None:
        async with app.run_test(size=(120, 20)):
            assert app.query_one(DataTable).cursor_row == 2

    asyncio.run(drive())


def test_story_documents_put_the_original_first(grouping) -> None:  # type: ignore[no-untyped-def]
    documents, base = story_documents(grouping, 1)
    assert base == 0
    assert documents[0].path == "afp"
    assert documents[0].outlet == "AFP"
    assert "same text in 1 more articles" in documents[0].notes
    assert {d.path for d in documents} == {"afp", "trim", "paraphrase"}


def test_snapshot(grouping, snap_compare: SnapCompare) -> None:  # type: ignore[no-untyped-def]
    async def settle(pilot: Pilot[Any]) -> None:
        for field in pilot.app.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(StoriesApp(grouping), terminal_size=(120, 16), run_before=settle)


def test_markup_in_a_headline_is_shown_as_written() -> None:
    text = (
        "[bold red]Breaking[/] news [/] from the wire\n\n"
        + "\n".join(a["text"] for a in articles() if a["id"] == "afp").split("\n", 1)[1]
    )
    pile = [Article("x", text, outlet="[link=x]Site"), Article("y", text, outlet="Other")]
    app = StoriesApp(group(pile, LocalEngine(1))[0])

    async def drive() -> None:
        async with app.run_test(size=(120, 12)):
            cells = app.query_one(DataTable).get_row_at(0)
            assert str(cells[-1]).startswith("[bold red]Breaking[/] news [/]")

    asyncio.run(drive())


def test_the_footer_says_enter_opens_and_long_headlines_end_in_an_ellipsis() -> None:
    text = (
        "A headline that goes on and on about the summit, the alliance, the tariffs and "
        "everything else the two leaders might discuss in Washington this week\n\n"
        + "\n".join(a["text"] for a in articles() if a["id"] == "afp").split("\n", 1)[1]
    )
    pile = [Article("x", text, outlet="Site"), Article("y", text, outlet="Other")]
    app = StoriesApp(group(pile, LocalEngine(1))[0])

    async def drive() -> None:
        async with app.run_test(size=(100, 12)) as pilot:
            await pilot.pause()
            footer = " ".join(
                f"{binding.key} {binding.description}"
                for (_, binding, enabled, _) in app.active_bindings.values()
                if binding.show and enabled
            )
            assert "enter Open" in footer
            table = app.query_one(DataTable)
            title = table.get_row_at(0)[-1]
            assert str(title).endswith("…")
            assert str(title).startswith("A headline that goes on")
            widths = sum(column.get_render_width(table) for column in table.columns.values())
            assert widths <= 100
            await pilot.resize_terminal(160, 12)
            await pilot.pause()
            wider = str(table.get_row_at(0)[-1])
            assert len(wider) > len(str(title))

    asyncio.run(drive())


def test_pile_term_counts_equal_weights_fitted_on_every_article() -> None:
    grouping = group(_pile(), LocalEngine(1), count_terms=True)[0]
    assert grouping.terms is not None
    fitted = TermWeights.fit(article_document(a) for a in grouping.articles)
    counted = pile_weights(grouping.terms)
    terms = {
        t
        for a in grouping.articles
        for f in [Features.of(article_document(a))]
        for s in f.terms
        for t in s
    }
    assert terms and all(counted(t) == fitted(t) for t in terms)
    assert counted("never-seen-term") == fitted("never-seen-term")
    assert group(_pile(), LocalEngine(1))[0].terms is None  # only counted when asked for


def test_an_opened_story_is_aligned_with_the_pile_weights() -> None:
    grouping = group(_pile(), LocalEngine(1), count_terms=True)[0]
    weights = PileWeights(grouping)
    app = story_app(grouping, 1, weights)

    async def drive() -> None:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(drive())
    documents, base = story_documents(grouping, 1)
    pile = TermWeights.fit(article_document(a) for a in grouping.articles)
    one_story = AlignSettings(one_story=True)  # the grouping verified they are one story
    expected = collate(documents, base=base, weights=pile, settings=one_story)
    assert app.collation == expected
    story_only = collate(documents, base=base, settings=one_story)
    assert story_only.comparisons != expected.comparisons  # the pile changes some scores
    # without counts in the grouping, the weights are fitted on the pile when first needed
    lazily = PileWeights(replace(grouping, terms=None)).get()
    assert all(lazily(t) == pile(t) for s in Features.of(documents[0]).terms for t in s)
