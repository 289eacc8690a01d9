"""The real pile of the bench (bench/data/pile): every article read and labelled, and scored."""

from __future__ import annotations

import json

import pytest

from bench.pile import scores
from bench.realpile import LABELS, PILE, evaluate, load_labels
from wirediff.corpus import Article, LocalEngine, Rejection, group, read_pile


@pytest.fixture(scope="module")
def grouping():  # type: ignore[no-untyped-def]
    return group(read_pile([str(PILE)]), LocalEngine(1))[0]


def test_every_article_is_read_labelled_and_accounted_for(grouping) -> None:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in PILE.read_text(encoding="utf-8").splitlines()]
    ids = [record["id"] for record in records]
    labels = load_labels()
    assert len(ids) == len(set(ids)) == len(labels.story) >= 130
    assert set(ids) == set(labels.story) == set(labels.kind) == set(labels.headline)
    assert all(r["text"].strip() for r in records)
    assert all(r["url"] for r in records if not r["id"].startswith("seed-"))
    read = list(read_pile([str(PILE)]))
    assert len(read) == len(ids)
    assert {item.id for item in read if isinstance(item, Article)} | {
        item.id for item in read if isinstance(item, Rejection)
    } == set(ids)
    in_stories = sum(len(story.articles) for story in grouping.stories)
    assert in_stories + len(grouping.alone) + len(grouping.rejected) == len(ids)
    for story, chosen in labels.originals.items():
        assert chosen and all(labels.story[key] == story for key in chosen)
    sizes: dict[str, int] = {}
    for story in labels.story.values():
        sizes[story] = sizes.get(story, 0) + 1
    assert sum(1 for n in sizes.values() if n >= 3) >= 15
    assert json.loads(LABELS.read_text(encoding="utf-8"))["schema"] == 1


def test_the_scores_of_a_perfect_and_of_an_empty_grouping() -> None:
    truth = ["a", "a", "a", "b", "b", "c"]
    perfect = scores(truth, [1, 1, 1, 2, 2, 3])
    assert perfect["pair_f1"] == perfect["bcubed_f1"] == perfect["ari"] == 1.0
    alone = scores(truth, [1, 2, 3, 4, 5, 6])
    assert alone["pair_r"] == 0.0 and alone["bcubed_p"] == 1.0 and alone["ari"] == 0.0


def _together(grouping, *ids: str) -> bool:  # type: ignore[no-untyped-def]
    position = {article.id: index for index, article in enumerate(grouping.articles)}
    return any(all(position[i] in story.articles for i in ids) for story in grouping.stories)


def test_verbatim_copies_are_one_story_and_hard_negatives_stay_apart(grouping) -> None:  # type: ignore[no-untyped-def]
    for copies in (
        ("ktar-prescott", "startribune-prescott"),
        ("headlinescurator-fuel", "zawya-fuel"),
        ("wire-canada_1_talk103fm", "wire-canada_2_theaustralian"),
        ("hpr-paia", "fotoscapes-paia", "springfieldnewssun-paia"),
        ("rumble-perseverance-a", "thestar-perseverance"),
    ):
        assert _together(grouping, *copies), copies
    for apart in (
        ("canoe-nice", "sowetan-bangladesh"),  # one agency's two stories sharing background
        ("fortune-macron", "theweek-macron"),  # two outlets quoting the same speech
        ("wire-fire_1_ktvu", "wire-fire_2_foxnews"),  # two stations' own stories on one arrest
        ("kyma-fuel", "tnp-fuel"),  # AP and Reuters on the same shortage
    ):
        assert not _together(grouping, *apart), apart


def test_the_evaluation_names_every_error(grouping) -> None:  # type: ignore[no-untyped-def]
    labels = load_labels()
    outcome = evaluate(grouping, labels)
    assert all(0.0 <= value <= 1.0 for value in outcome.figures.values())
    assert outcome.originals_total == len(labels.originals)
    assert outcome.originals_right + len(outcome.wrong_originals) == outcome.originals_total
    right, wrong = outcome.labelled_originals_right, outcome.wrong_labelled_originals
    assert right + len(wrong) == outcome.originals_total
    assert outcome.headlines_right + len(outcome.wrong_headlines) == outcome.headlines_total
    split_names = {line.split(":")[0] for line in outcome.splits}
    sizes: dict[str, int] = {}
    for story in labels.story.values():
        sizes[story] = sizes.get(story, 0) + 1
    recall_lost = outcome.figures["pair_r"] < 1.0
    assert recall_lost == bool(split_names)
    assert all(sizes[name] > 1 for name in split_names)
