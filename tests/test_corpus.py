"""Corpus mode: grouping a pile into stories, originals, hints, store, engines, find."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wirediff.corpus import Article, LocalEngine, Pair, Prior, group, read_pile
from wirediff.corpus import store as corpus_store
from wirediff.corpus.cluster import cluster
from wirediff.corpus.find import find, probe_of_sentences
from wirediff.corpus.index import IndexSettings, candidates
from wirediff.corpus.text import fingerprint, word_hash

from .corpus_pile import AFP, BODY, STORY, articles, write_jsonl


def _stories(grouping) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(grouping.articles[i].id for i in s.articles) for s in grouping.stories}


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("pile"))


@pytest.fixture(scope="module")
def grouped(pile: Path):  # type: ignore[no-untyped-def]
    return group(read_pile([str(pile)]), LocalEngine(1))


def test_the_story_is_found_with_its_versions(grouped) -> None:  # type: ignore[no-untyped-def]
    grouping, _ = grouped
    assert _stories(grouping) == {frozenset(STORY)}
    alone = {grouping.articles[i].id for i in grouping.alone}
    assert alone == {"preview", "after", "scallops"}


def test_identical_bodies_are_one_variant(grouped) -> None:  # type: ignore[no-untyped-def]
    grouping, _ = grouped
    ids = [a.id for a in grouping.articles]
    assert grouping.variant_of[ids.index("afp")] == grouping.variant_of[ids.index("copy")]
    assert len(set(grouping.variant_of)) == len(ids) - 1


def test_the_original_and_its_reason(grouped) -> None:  # type: ignore[no-untyped-def]
    grouping, _ = grouped
    story = grouping.stories[0]
    assert grouping.articles[story.original].id == "afp"
    assert "published by AFP" in story.reason
    # the trim is dated 2025-02-06 without a time: that is not earlier than 07:30 that day
    assert "earliest date (2025-02-06 07:30)" in story.reason
    assert "reproduce its sentences word for word" in story.reason


def test_the_seeds_as_a_pile_name_the_original_auto_names() -> None:
    """Corpus mode and ``wirediff --base auto`` use one method: both name seed 001."""
    from wirediff.core import load_documents
    from wirediff.core.collation import collate

    from .conftest import SEEDS

    grouping, _ = group(read_pile([str(SEEDS)]), LocalEngine(1))
    [story] = grouping.stories
    assert Path(grouping.articles[story.original].id).name == AFP.name
    documents = load_documents(
        [str(SEEDS / Path(grouping.articles[i].id).name) for i in story.articles]
    )
    auto = collate(documents, base="auto")
    assert documents[auto.base].name == AFP.name
    assert story.reason == auto.base_reason


def test_the_paraphrase_is_a_reworded_edge(grouped) -> None:  # type: ignore[no-untyped-def]
    grouping, _ = grouped
    ids = [a.id for a in grouping.articles]
    paraphrase = grouping.variant_of[ids.index("paraphrase")]
    verdicts = {p.verdict for p in grouping.pairs if paraphrase in (p.a, p.b) and p.is_edge}
    assert verdicts == {"reworded"}


def test_summary_accounts_for_every_article(grouped) -> None:  # type: ignore[no-untyped-def]
    grouping, _ = grouped
    assert grouping.summary().startswith("7 articles: 4 in 1 story, 3 alone, 0 rejected")


LONG_QUOTE_1 = (
    '"We will not accept any agreement that leaves our farmers without protection against the '
    "flood of cheap imports that has already closed hundreds of family farms across the country "
    'over the last ten years," the minister said.'
)
LONG_QUOTE_2 = (
    '"Every region will receive its share of the fund before the harvest begins, and no farmer '
    'who applies before the deadline will be turned away by the local offices," she added.'
)
TWEET = (
    "Today we signed the agreement that protects our farmers and our food. A proud day for the "
    "whole country and for everyone who works the land. pic.twitter.com/Xy12Ab "
    "— Minister Ana Ruiz (@AnaRuizMin) March 3, 2025"
)


def _story(lead: str, middle: str, end: str) -> str:
    return "\n\n".join(["A headline", lead, LONG_QUOTE_1, middle, TWEET, LONG_QUOTE_2, end])


def test_shared_quotes_and_a_post_are_a_hint_not_an_edge() -> None:
    first = _story(
        "Farmers blocked roads into the capital on Monday with hundreds of tractors, demanding "
        "that the government drop a trade deal they say will ruin small producers in the north.",
        "Police estimated that some four thousand tractors took part, and traffic on the ring "
        "road stood still for most of the morning while negotiators met in the ministry.",
        "The protest organisers said they would return next week if the deal is signed.",
    )
    second = _story(
        "The agriculture ministry published on Tuesday the rules of a new support fund worth two "
        "billion euros, a day after a parliamentary committee approved the budget line for it.",
        "Applications open in April through the regional chambers of agriculture, and payments "
        "are expected to reach the first farms in early summer according to the ministry plan.",
        "Economists said the fund was unlikely to change the outcome of the trade negotiations.",
    )
    pile = [Article("first", first), Article("second", second)]
    grouping, _ = group(pile, LocalEngine(1))
    assert grouping.stories == ()
    [pair] = grouping.pairs
    assert pair.verdict == "quotes"
    assert pair.shared_quotes >= 3
    assert not pair.is_edge


def test_hashes_are_stable_across_processes() -> None:
    assert word_hash("wire") == int.from_bytes(
        __import__("hashlib").blake2b(b"wire", digest_size=8).digest(), "little"
    )
    script = (
        "from wirediff.corpus.text import fingerprint; from wirediff.corpus import Article;"
        f"print(fingerprint(Article('x', open({str(AFP)!r}).read())).anchors.hex())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {fingerprint(Article("x", AFP.read_text())).anchors.hex() + "\n"}


def test_a_trim_to_a_fifth_is_a_candidate_of_its_original() -> None:
    full = fingerprint(Article("full", "\n".join(BODY)))
    trim = fingerprint(Article("trim", "\n".join(BODY[:3])))
    from wirediff.corpus.text import unpack

    found = candidates([unpack(full.anchors), unpack(trim.anchors)], IndexSettings())
    assert [(a, b) for a, b, _ in found] == [(0, 1)]


def test_over_long_posting_lists_pair_only_neighbours() -> None:
    lists = [[7] for _ in range(30)]
    settings = IndexSettings(min_shared=1, max_df=10, window=2)
    found = candidates(lists, settings)
    assert len(found) == 29 + 28  # each variant with its next two


def test_the_store_adds_a_day_without_redoing_the_old_ones(tmp_path: Path) -> None:
    records = articles()
    (tmp_path / "one").mkdir()
    day_one = write_jsonl(tmp_path / "one", records[:4])
    grouping, state = group(read_pile([str(day_one)]), LocalEngine(1))
    db = str(tmp_path / "stories.db")
    corpus_store.save(db, grouping, state)
    (tmp_path / "two").mkdir()
    day_two = write_jsonl(tmp_path / "two", records[4:])
    prior = corpus_store.load(db)
    assert isinstance(prior, Prior) and len(prior.articles) == 4
    again, state2 = group(read_pile([str(day_two)]), LocalEngine(1), prior=prior)
    counts = dict(again.counts)
    assert counts["articles fingerprinted"] == 3
    assert counts["pairs reused"] == dict(grouping.counts)["pairs verified"]
    whole, _ = group(read_pile([str(write_jsonl(tmp_path, records))]), LocalEngine(1))
    assert _stories(again) == _stories(whole)
    corpus_store.save(db, again, state2)
    assert len(corpus_store.load(db).articles) == 7


def test_a_store_made_by_another_method_is_fingerprinted_again(tmp_path: Path) -> None:
    records = articles()
    grouping, state = group(read_pile([str(write_jsonl(tmp_path, records[:4]))]), LocalEngine(1))
    db = str(tmp_path / "stories.db")
    corpus_store.save(db, grouping, state)
    with sqlite3.connect(db) as connection:  # as an earlier wirediff left it
        connection.execute("DELETE FROM meta WHERE key = 'method'")
    connection.close()
    prior = corpus_store.load(db)
    assert not prior.articles and [a.id for a in prior.stale] == [r["id"] for r in records[:4]]
    (tmp_path / "two").mkdir()
    day_two = write_jsonl(tmp_path / "two", records[4:])
    again, _ = group(read_pile([str(day_two)]), LocalEngine(1), prior=prior)
    assert dict(again.counts)["articles fingerprinted"] == 7  # the old four and the new three
    whole, _ = group(read_pile([str(write_jsonl(tmp_path, records))]), LocalEngine(1))
    assert _stories(again) == _stories(whole)


def test_the_store_rejects_a_duplicate_id_from_a_later_day(tmp_path: Path) -> None:
    _, state = group([Article("a", "\n".join(BODY))], LocalEngine(1))
    again, _ = group([Article("a", "other text " * 30, source="day2.csv:2")], prior=state)
    assert [(r.source, r.reason) for r in again.rejected] == [("day2.csv:2", "duplicate id 'a'")]


def test_both_local_worker_counts_give_the_same_stories(pile: Path, grouped) -> None:  # type: ignore[no-untyped-def]
    engine = LocalEngine(2)
    try:
        parallel, _ = group(read_pile([str(pile)]), engine)
    finally:
        engine.close()
    assert parallel.stories == grouped[0].stories
    assert parallel.pairs == grouped[0].pairs


def test_find_ranks_by_reuse() -> None:
    probe = probe_of_sentences(BODY)
    pile = [Article(r["id"], r["text"]) for r in articles()]
    ranking = find(probe, pile, LocalEngine(1))
    order = [pile[r.article].id for r in ranking]
    assert order[:2] == ["afp", "copy"] or order[:2] == ["copy", "afp"]
    assert ranking[0].reused == 1.0 and ranking[0].verbatim == 1.0
    by_id = {pile[r.article].id: r for r in ranking}
    assert by_id["trim"].verbatim == pytest.approx(6 / len(probe.sentences), abs=0.1)
    assert by_id["paraphrase"].reused > by_id["paraphrase"].verbatim
    assert "preview" not in by_id or by_id["preview"].reused < 0.3


def _edge(a: int, b: int, weight: float = 0.9) -> Pair:
    return Pair(a, b, 5, weight, 0.0, 0, "verbatim")


def test_a_hub_linking_two_stories_is_detached() -> None:
    # variants 0-2 are one story, 3-5 another; variant 6, longer than all, contains both
    # (a round-up): it joins the story it is most strongly linked to
    pairs = [_edge(0, 1), _edge(1, 2), _edge(0, 2), _edge(3, 4), _edge(4, 5), _edge(3, 5)]
    pairs += [_edge(0, 6, 0.9), _edge(1, 6, 0.9), _edge(3, 6, 0.6), _edge(4, 6, 0.6)]
    sizes = [300, 300, 300, 300, 300, 300, 2000]
    assert cluster(7, pairs, sizes) == [[0, 1, 2, 6], [3, 4, 5]]


def test_a_chain_of_updates_stays_one_story() -> None:
    # write-throughs: each version linked to the next only, each longer than the one before
    pairs = [_edge(0, 1), _edge(1, 2), _edge(2, 3), _edge(3, 4)]
    assert cluster(5, pairs, [100, 200, 300, 400, 500]) == [[0, 1, 2, 3, 4]]


def test_progress_is_drawn_only_on_a_terminal() -> None:
    import io

    from wirediff.corpus.progress import Progress

    quiet = io.StringIO()
    Progress(quiet).start("reading", 10)
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    progress = Progress(shown, enabled=True)
    progress.start("verifying", 4)
    progress.advance(4)
    progress.finish_line()
    assert "verifying: 4/4" in shown.getvalue()
    assert shown.getvalue().endswith("\n")
