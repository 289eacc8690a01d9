"""The real pile: public web pages of wire stories as several outlets ran them, labelled by hand.

``bench/data/pile/pile.jsonl`` holds the first part of each page's text as a public web crawl
stored it (see ``bench/data/pile/README.md`` for the sources and how the labels were decided);
``labels.json`` gives each article's story and, where it can be told from the texts, the story's
original. ``python -m bench.pile --real`` groups the pile with each engine and prints the same
figures as the synthetic bench (pairwise P/R/F1, B-cubed, adjusted Rand index, original-detection
accuracy, time and peak memory per stage), and with ``--errors`` every wrongly split or merged
story and every headline that differs from the hand-labelled one.
"""

from __future__ import annotations

import json
import resource
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "data" / "pile"
PILE = FOLDER / "pile.jsonl"
LABELS = FOLDER / "labels.json"


@dataclass(frozen=True, slots=True)
class RealLabels:
    """The hand labels of the real pile."""

    story: dict[str, str]
    """Per article id, its story."""
    kind: dict[str, str]
    """Per article id, what it is (copy, trim, write-through, rewrite, same-event, ...)."""
    headline: dict[str, str]
    """Per article id, the headline its text carries, or ``lead:`` and the first words of its lead
    when it carries none (the title should then be the start of the lead)."""
    originals: dict[str, tuple[str, ...]]
    """Per story whose original can be told, the article(s) that count as its original."""


def load_labels(path: Path = LABELS) -> RealLabels:
    """Read ``labels.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = data["articles"]
    return RealLabels(
        story={key: value["story"] for key, value in articles.items()},
        kind={key: value["kind"] for key, value in articles.items()},
        headline={key: value.get("headline", "") for key, value in articles.items()},
        originals={key: tuple(value["articles"]) for key, value in data["originals"].items()},
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a grouping of the real pile got right and wrong."""

    figures: dict[str, float]
    originals_right: int
    originals_total: int
    headlines_right: int
    headlines_total: int
    splits: tuple[str, ...]
    merges: tuple[str, ...]
    wrong_originals: tuple[str, ...]
    wrong_headlines: tuple[str, ...]
    labelled_originals_right: int = 0
    """Originals right when each labelled story is judged as labelled (grouping errors aside)."""
    wrong_labelled_originals: tuple[str, ...] = ()


def evaluate(grouping: Any, labels: RealLabels) -> Outcome:
    """Score a ``Grouping`` of the real pile against the hand labels.

    Rejected articles count as stories of their own (they are in no story), so every labelled
    article is scored.
    """
    from wirediff.corpus.text import fingerprint

    from .pile import scores

    ids = [article.id for article in grouping.articles]
    predicted: dict[str, str] = {}
    for story in grouping.stories:
        for index in story.articles:
            predicted[ids[index]] = f"s{story.id}"
    everyone = sorted(labels.story)
    truth = [labels.story[key] for key in everyone]
    guess = [predicted.get(key, f"alone:{key}") for key in everyone]
    figures = scores(truth, guess)

    members: dict[str, list[str]] = defaultdict(list)
    for key in everyone:
        members[labels.story[key]].append(key)
    splits = []
    for name, keys in sorted(members.items()):
        parts: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            parts[predicted.get(key, f"alone:{key}")].append(key)
        if len(parts) > 1:
            splits.append(f"{name}: " + " | ".join(", ".join(p) for p in parts.values()))
    merges = []
    for story in grouping.stories:
        found: dict[str, list[str]] = defaultdict(list)
        for index in story.articles:
            found[labels.story[ids[index]]].append(ids[index])
        if len(found) > 1:
            merges.append(" + ".join(f"{k} ({', '.join(v)})" for k, v in sorted(found.items())))

    story_of = {ids[i]: story for story in grouping.stories for i in story.articles}
    right = 0
    wrong_originals = []
    for name, chosen in sorted(labels.originals.items()):
        holders = Counter(story_of[key].id for key in members[name] if key in story_of)
        if not holders:
            wrong_originals.append(f"{name}: no story holds its articles")
            continue
        story = next(s for s in grouping.stories if s.id == holders.most_common(1)[0][0])
        picked = ids[story.original]
        if picked in chosen:
            right += 1
        else:
            wrong_originals.append(f"{name}: picked {picked}, labelled {', '.join(chosen)}")

    by_id = {article.id: article for article in grouping.articles}
    labelled_right, wrong_labelled = labelled_originals(by_id, labels)
    headlines_right = 0
    wrong_headlines = []
    labelled = [key for key in everyone if labels.headline.get(key) and key in by_id]
    for key in labelled:
        title = fingerprint(by_id[key]).title
        if _same_headline(title, labels.headline[key]):
            headlines_right += 1
        else:
            wrong_headlines.append(f"{key}: {title!r} (labelled {labels.headline[key]!r})")
    return Outcome(
        figures,
        right,
        len(labels.originals),
        headlines_right,
        len(labelled),
        tuple(splits),
        tuple(merges),
        tuple(wrong_originals),
        tuple(wrong_headlines),
        labelled_right,
        wrong_labelled,
    )


def labelled_originals(by_id: dict[str, Any], labels: RealLabels) -> tuple[int, tuple[str, ...]]:
    """The original picked in each labelled story judged on its labelled articles alone (so that
    a story the grouping split or merged still measures original detection), and the misses."""
    from wirediff.corpus.original import story_original, when_key

    right = 0
    wrong = []
    for name, chosen in sorted(labels.originals.items()):
        members = sorted(
            (by_id[key] for key in labels.story if labels.story[key] == name),
            key=lambda article: (when_key(article.published), article.id),
        )
        index, _ = story_original(members)
        if members[index].id in chosen:
            right += 1
        else:
            wrong.append(f"{name}: picked {members[index].id}, labelled {', '.join(chosen)}")
    return right, tuple(wrong)


def _same_headline(found: str, wanted: str) -> bool:
    """Whether a title is the labelled headline (or, for ``lead:…``, starts the lead)."""
    found = " ".join(found.split()).casefold()
    if wanted.startswith("lead:"):
        start = " ".join(wanted[5:].split()).casefold()
        return start in found[: len(start) + 40]
    return found == " ".join(wanted.split()).casefold()


def timed_group(path: Path, engine_name: str, workers: int) -> tuple[Any, float, float]:
    """The grouping of the pile at ``path`` by one engine, its start-up and grouping seconds."""
    from wirediff.corpus import make_engine, read_pile
    from wirediff.corpus.pipeline import group

    started = time.perf_counter()
    engine = make_engine(engine_name, workers=workers)
    startup = time.perf_counter() - started
    try:
        started = time.perf_counter()
        grouping, _ = group(read_pile([str(path)]), engine)
        elapsed = time.perf_counter() - started
    finally:
        engine.close()
    return grouping, startup, elapsed


def print_run(grouping: Any, elapsed: float, figures: dict[str, float], digits: int) -> None:
    """The stage table, the total time and the clustering figures of one grouping."""
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  {'stage':<12} {'seconds':>8} {'items':>10} {'peak MB (driver)':>17}")
    for stage in grouping.stages:
        print(
            f"  {stage.name:<12} {stage.seconds:8.{digits}f} {stage.items:10,} "
            f"{stage.peak_mb:17.0f}"
        )
    print(
        f"  total {elapsed:.{digits}f} s; largest local worker process peak {peak_children:.0f} MB"
    )
    print(
        "  pairwise P {pair_p:.3f} R {pair_r:.3f} F1 {pair_f1:.3f} | B-cubed P {bcubed_p:.3f} "
        "R {bcubed_r:.3f} F1 {bcubed_f1:.3f} | ARI {ari:.3f}".format(**figures)
    )


def run(engine_name: str, workers: int, show_errors: bool = False) -> dict[str, object]:
    """Group the real pile with one engine; print and return the figures."""
    labels = load_labels()
    grouping, startup, elapsed = timed_group(PILE, engine_name, workers)
    outcome = evaluate(grouping, labels)
    sizes = Counter(labels.story.values())
    outlets = {json.loads(line)["outlet"] for line in PILE.read_text(encoding="utf-8").splitlines()}
    print(
        f"\nreal pile, {engine_name} engine ({workers} workers; start-up {startup:.1f} s): "
        f"{len(labels.story)} articles from {len(outlets - {''})} outlets, {len(sizes)} labelled "
        f"stories ({sum(1 for n in sizes.values() if n >= 3)} of 3+ articles, "
        f"{sum(1 for n in sizes.values() if n == 2)} of 2, "
        f"{sum(1 for n in sizes.values() if n == 1)} alone)"
    )
    print(f"  {grouping.summary()}")
    print_run(grouping, elapsed, outcome.figures, digits=2)
    print(
        f"  originals right {outcome.originals_right}/{outcome.originals_total} "
        f"({outcome.originals_right / max(outcome.originals_total, 1):.3f}); "
        f"on the labelled stories {outcome.labelled_originals_right}/{outcome.originals_total}; "
        f"headlines right {outcome.headlines_right}/{outcome.headlines_total}; "
        f"{len(outcome.splits)} stories split, {len(outcome.merges)} merged"
    )
    if show_errors:
        for title, lines in (
            ("split", outcome.splits),
            ("merged", outcome.merges),
            ("original", outcome.wrong_originals),
            ("original (labelled story)", outcome.wrong_labelled_originals),
            ("headline", outcome.wrong_headlines),
        ):
            for line in lines:
                print(f"    {title}: {line}")
    return {
        "engine": engine_name,
        "seconds": elapsed,
        "original_accuracy": outcome.originals_right / max(outcome.originals_total, 1),
        **outcome.figures,
    }


def main(engines: Sequence[str], workers: int, show_errors: bool) -> None:
    """The real pile on each engine (the Dask engine only where its extra is installed)."""
    for engine in engines:
        if engine == "dask":
            try:
                import dask.distributed  # noqa: F401
            except ImportError:
                print("\ndask engine skipped: pip install -e '.[dask]'")
                continue
        run(engine, workers, show_errors)
