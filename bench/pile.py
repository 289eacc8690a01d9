"""Synthetic piles with planted stories, and the corpus-mode benchmark: ``python -m bench.pile``.

A seeded generator writes agency originals and their versions (verbatim copies in other outlets'
page furniture, trims to 20-90%, the agency's write-throughs with a new lead and added paragraphs,
outlets' paraphrased rewrites), independent single articles, and hard negatives: other agencies'
stories of the same event (same names, places and topic words, sharing one to three quotes or an
embedded post with the first agency's story), and every outlet's own boilerplate on all its pages.
The bench groups the pile with each engine and prints pairwise P/R/F1, B-cubed F1, adjusted Rand
index, original-detection accuracy, and time and peak memory per stage.

    python -m bench.pile                      # 10,000 and 100,000 articles, local and dask
    python -m bench.pile --sizes 2000 --engines local
    python -m bench.pile --write-pile DIR --sizes 5000   # also keep the pile (JSONL + truth)
    python -m bench.pile --real [--errors]    # only the hand-labelled real pile (bench/data/pile)
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import realpile

FUNCTION_WORDS = (
    "the of and to in a that for on with as was by at from is it has have were its are after an "
    "be which but this had been also not more their will who they or about than over into two "
    "would one up other some new could when while before during three under since last first"
).split()
AGENCIES = ("AFP", "AP", "Reuters", "dpa", "EFE")
SYLLABLES = (
    "ka ri to mo na le su vi do pe ra lo mi ne sa tu ko be ga zo fi ha ju lu ma ni po re si ta "
    "ve wo ya ze bro cla dre fra gri plo stra tri vel mar den son lin gor bel tan kor ser"
).split()


@dataclass(frozen=True, slots=True)
class Planted:
    """One article of the pile with its truth."""

    id: str
    outlet: str
    date: str
    url: str
    text: str
    story: str
    """Its true story (family) id; independent articles have their own."""
    original: bool
    kind: str
    """original, copy, trim, write-through, rewrite, single, other-agency."""


class Words:
    """A Zipf-distributed vocabulary of pseudo-words with a synonym for each."""

    def __init__(self, rng: random.Random, size: int = 40000) -> None:
        seen: set[str] = set()
        vocabulary: list[str] = []
        while len(vocabulary) < size:
            word = "".join(rng.choices(SYLLABLES, k=rng.choice((2, 2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                vocabulary.append(word)
        self.content = vocabulary
        weights = [1.0 / (rank + 10) ** 1.05 for rank in range(size)]
        self.content_cum = list(itertools.accumulate(weights))
        shuffled = vocabulary[:]
        rng.shuffle(shuffled)
        self.synonym = dict(zip(vocabulary, shuffled, strict=True))
        fweights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(FUNCTION_WORDS))]
        self.function_cum = list(itertools.accumulate(fweights))
        self.first = [w.capitalize() for w in vocabulary[2000:2600]]
        self.last = [w.capitalize() for w in vocabulary[2600:4000]]
        self.places = [w.capitalize() for w in vocabulary[4000:4400]]

    def sentence(
        self, rng: random.Random, topic: Sequence[str], names: Sequence[str], focus: float = 0.13
    ) -> str:
        """One narrative sentence: function and content words, topic words, names, a number."""
        length = rng.randint(14, 30)
        content = rng.choices(self.content, cum_weights=self.content_cum, k=length)
        function = rng.choices(FUNCTION_WORDS, cum_weights=self.function_cum, k=length)
        out = []
        for position in range(length):
            roll = rng.random()
            if roll < 0.42:
                out.append(function[position])
            elif roll < 0.42 + focus and topic:
                out.append(rng.choice(topic))
            elif roll < 0.45 + focus and names:
                out.append(rng.choice(names))
            elif roll < 0.47 + focus:
                out.append(str(rng.randint(2, 9000)))
            else:
                out.append(content[position])
        out[0] = out[0].capitalize()
        return " ".join(out) + "."

    def name(self, rng: random.Random) -> str:
        return f"{rng.choice(self.first)} {rng.choice(self.last)}"


@dataclass
class Event:
    """What several agencies may report: place, people, topic words, quotes and a post."""

    place: str
    names: list[str]
    topic: list[str]
    quotes: list[tuple[str, str]]
    post: str
    when: float


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    header: str
    footer: tuple[str, ...]
    byline: bool
    date_only: bool


def _event(rng: random.Random, words: Words, when: float) -> Event:
    names = [words.name(rng) for _ in range(rng.randint(2, 5))]
    topic = rng.sample(words.content[200:8000], rng.randint(15, 30))
    quotes = []
    for _ in range(rng.randint(2, 4)):
        speaker = rng.choice(names)
        said = words.sentence(rng, topic, names).rstrip(".")
        quotes.append((speaker, said))
    handle = "".join(rng.choice(names).split()).lower()[:14]
    post = (
        f"{words.sentence(rng, topic, names)} pic.twitter.com/{rng.getrandbits(40):x} "
        f"— {rng.choice(names)} (@{handle}) {time.strftime('%B %d, %Y', time.gmtime(when))}"
    )
    return Event(rng.choice(words.places), names, topic, quotes, post, when)


def _agency_story(
    rng: random.Random,
    words: Words,
    event: Event,
    agency: str,
    shared_quotes: int,
    with_post: bool,
    focus: float = 0.25,
) -> tuple[str, list[str]]:
    """A headline and body paragraphs by one agency (quotes from the event's pool)."""
    headline = " ".join(
        w.capitalize() for w in rng.choices(event.topic + event.names[:1], k=rng.randint(5, 9))
    )
    paragraphs = []
    count = rng.randint(7, 14)
    quote_slots = set(rng.sample(range(1, count), min(shared_quotes, count - 1)))
    quotes = rng.sample(event.quotes, min(shared_quotes, len(event.quotes)))
    for position in range(count):
        if position in quote_slots and quotes:
            speaker, said = quotes.pop()
            paragraphs.append(f'"{said}," {speaker} said.')
            continue
        sentences = [
            words.sentence(rng, event.topic, event.names, focus)
            for _ in range(rng.choice((1, 2, 2)))
        ]
        paragraphs.append(" ".join(sentences))
    if with_post:
        paragraphs.insert(rng.randint(2, len(paragraphs)), event.post)
    paragraphs[0] = f"{event.place.upper()} ({agency}) — {paragraphs[0]}"
    return headline, paragraphs


def _stamp(when: float, date_only: bool) -> str:
    if date_only:
        return time.strftime("%Y-%m-%d", time.gmtime(when))
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))


def _page(
    outlet: Outlet,
    headline: str,
    paragraphs: Sequence[str],
    rng: random.Random,
    teasers: Sequence[str],
) -> str:
    lines = [headline, "", outlet.header]
    if outlet.byline:
        lines += [f"By {rng.choice(('Staff', 'Wire', 'News'))} {rng.choice(('Desk', 'Reporter'))}"]
    lines.append("")
    lines.extend(p + "\n" for p in paragraphs)
    if teasers:
        lines.append("Related: " + " | ".join(teasers))
    lines.extend(outlet.footer)
    return "\n".join(lines)


def _trim(paragraphs: list[str], share: float) -> list[str]:
    total = sum(len(p.split()) for p in paragraphs)
    kept, count = [], 0
    for paragraph in paragraphs:
        if kept and count + len(paragraph.split()) > share * total:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    return kept


def _paraphrase(rng: random.Random, words: Words, paragraph: str) -> str:
    if paragraph.startswith('"') or "pic.twitter.com" in paragraph:
        return paragraph  # quotations and posts stay as they were
    out = []
    for token in paragraph.split():
        core = token.strip(".,")
        if core in words.synonym and rng.random() < 0.45:
            token = token.replace(core, words.synonym[core])
        elif core in FUNCTION_WORDS and rng.random() < 0.15:
            continue
        out.append(token)
    if len(out) > 12 and rng.random() < 0.5:
        cut = rng.randint(4, len(out) - 4)
        out = out[cut:] + out[:cut]
        out[0] = out[0].capitalize()
    return " ".join(out)


def generate(size: int, seed: int = 7) -> list[Planted]:
    """A pile of about ``size`` articles with planted stories and hard negatives."""
    rng = random.Random(seed)
    words = Words(rng)
    outlets = []
    for number in range(max(20, size // 300)):
        kind = rng.choice(("Times", "Post", "Herald", "News", "Daily", "Online", "Journal"))
        name = f"{rng.choice(words.places)} {kind} {number}"
        boiler = words.sentence(rng, [], [])
        footer = (
            f"© 2024 {name}. All rights reserved.",
            f"{name} is an independent publisher. {boiler}",
            rng.choice(("Read more", "Sign up for our newsletter", "Share this article")),
        )
        outlets.append(
            Outlet(name, f"{name} | World", footer, rng.random() < 0.5, rng.random() < 0.3)
        )
    pile: list[Planted] = []
    start = 1_700_000_000.0
    headlines: list[str] = []
    family = 0
    while len(pile) < size:
        family += 1
        when = start + rng.random() * 86400 * 60
        event = _event(rng, words, when)
        agency = rng.choice(AGENCIES)
        roll = rng.random()
        story = f"s{family}"
        if roll < 0.3:
            # an independent article by one outlet
            outlet = rng.choice(outlets)
            headline, paragraphs = _agency_story(
                rng, words, event, agency, rng.randint(0, 2), False
            )
            paragraphs[0] = paragraphs[0].split("— ", 1)[1]
            text = _page(outlet, headline, paragraphs, rng, headlines[-2:])
            pile.append(
                Planted(
                    f"a{len(pile)}",
                    outlet.name,
                    _stamp(when, outlet.date_only),
                    f"https://{outlet.name.replace(' ', '').lower()}.example/{len(pile)}",
                    text,
                    story,
                    True,
                    "single",
                )
            )
            headlines.append(headline)
            continue
        size_of_family = min(2 + int(rng.expovariate(1 / 5)), 120)
        quotes = rng.randint(1, 3)
        post = rng.random() < 0.3
        headline, paragraphs = _agency_story(rng, words, event, agency, quotes, post)
        versions: list[tuple[str, list[str], float, str]] = [
            (headline, paragraphs, when, "original")
        ]
        current, current_when = paragraphs, when
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            current_when += rng.uniform(1800, 4 * 3600)
            lead = [words.sentence(rng, event.topic, event.names) for _ in range(2)]
            added = [
                words.sentence(rng, event.topic, event.names) for _ in range(rng.randint(1, 4))
            ]
            rest = current[1:]
            place = rng.randint(0, len(rest))
            current = [
                f"{event.place.upper()} ({agency}) — {' '.join(lead)}",
                *rest[:place],
                *added,
                *rest[place:],
            ]
            current[1] = current[1]
            versions.append((headline + " (update)", current, current_when, "write-through"))
        agency_time = versions[-1][2]
        for number, (head, body, at, kind) in enumerate(versions):
            pile.append(
                Planted(
                    f"a{len(pile)}",
                    agency,
                    _stamp(at, False),
                    f"https://{agency.lower()}.example/{family}/{number}",
                    "\n".join([head, "", *[p + "\n" for p in body]]) + f"\n© {agency}",
                    story,
                    number == 0,
                    kind,
                )
            )
        for _ in range(size_of_family - len(versions)):
            head, body, at, _kind = rng.choice(versions)
            outlet = rng.choice(outlets)
            kind = rng.choices(("copy", "trim", "rewrite"), weights=(5, 4, 1))[0]
            if kind == "trim":
                body = _trim(body, rng.uniform(0.2, 0.9))
            elif kind == "rewrite":
                body = [_paraphrase(rng, words, p) for p in body if rng.random() < 0.85] or body[:1]
                head = " ".join(rng.sample(head.split(), len(head.split())))
            if rng.random() < 0.5 and kind != "rewrite":
                body = [body[0].split("— ", 1)[-1], *body[1:]]
            published = at + rng.uniform(60, 3 * 86400)
            date = "" if rng.random() < 0.1 else _stamp(published, outlet.date_only)
            text = _page(
                outlet,
                head if rng.random() < 0.7 else event.names[0] + ": " + head,
                body,
                rng,
                headlines[-3:],
            )
            pile.append(
                Planted(
                    f"a{len(pile)}",
                    outlet.name,
                    date,
                    f"https://{outlet.name.replace(' ', '').lower()}.example/{len(pile)}",
                    text,
                    story,
                    False,
                    kind,
                )
            )
        headlines.append(headline)
        del agency_time
        # other agencies on the same event: independent stories sharing quotes or the post
        for other in rng.sample([a for a in AGENCIES if a != agency], rng.choice((0, 1, 1, 2))):
            family += 1
            h2, p2 = _agency_story(
                rng, words, event, other, rng.randint(1, 3), post and rng.random() < 0.5, focus=0.3
            )
            pile.append(
                Planted(
                    f"a{len(pile)}",
                    other,
                    _stamp(when + rng.uniform(-3600, 3600), False),
                    f"https://{other.lower()}.example/{family}",
                    "\n".join([h2, "", *[p + "\n" for p in p2]]),
                    f"s{family}",
                    True,
                    "other-agency",
                )
            )
    order = list(range(len(pile)))
    rng.shuffle(order)
    return [pile[i] for i in order[:size]]


# --- scoring ---------------------------------------------------------------------------------


def _comb2(n: int) -> int:
    return n * (n - 1) // 2


def scores(truth: Sequence[str], predicted: Sequence[int]) -> dict[str, float]:
    """Pairwise P/R/F1, B-cubed P/R/F1 and adjusted Rand index (singletons included)."""
    joint = Counter(zip(truth, predicted, strict=True))
    true_sizes = Counter(truth)
    pred_sizes = Counter(predicted)
    same_both = sum(_comb2(n) for n in joint.values())
    same_true = sum(_comb2(n) for n in true_sizes.values())
    same_pred = sum(_comb2(n) for n in pred_sizes.values())
    precision = same_both / same_pred if same_pred else 1.0
    recall = same_both / same_true if same_true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(truth)
    b_p = sum(count * count / pred_sizes[p] for (t, p), count in joint.items()) / n
    b_r = sum(count * count / true_sizes[t] for (t, p), count in joint.items()) / n
    b_f = 2 * b_p * b_r / (b_p + b_r)
    expected = same_true * same_pred / _comb2(n) if n > 1 else 0.0
    top = (same_true + same_pred) / 2
    ari = (same_both - expected) / (top - expected) if top != expected else 1.0
    return {
        "pair_p": precision,
        "pair_r": recall,
        "pair_f1": f1,
        "bcubed_p": b_p,
        "bcubed_r": b_r,
        "bcubed_f1": b_f,
        "ari": ari,
    }


def original_accuracy(planted: Sequence[Planted], grouping: object) -> tuple[int, int]:
    """Families (2+ articles) whose true original is the original of the story that holds it."""
    from wirediff.corpus import Grouping

    assert isinstance(grouping, Grouping)
    position = {a.id: i for i, a in enumerate(grouping.articles)}
    story_of: dict[int, int] = {}
    for number, story in enumerate(grouping.stories):
        for article in story.articles:
            story_of[article] = number
    sizes = Counter(p.story for p in planted)
    right = total = 0
    for item in planted:
        if item.original and sizes[item.story] > 1 and item.kind == "original":
            total += 1
            at = position.get(item.id)
            if at is not None and at in story_of:
                right += grouping.stories[story_of[at]].original == at
    return right, total


def write_pile(planted: Sequence[Planted], folder: Path) -> Path:
    """The pile as JSON Lines (``pile.jsonl``) and its truth (``truth.json``)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pile.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for p in planted:
            handle.write(
                json.dumps(
                    {"id": p.id, "outlet": p.outlet, "date": p.date, "url": p.url, "text": p.text}
                )
                + "\n"
            )
    (folder / "truth.json").write_text(
        json.dumps({p.id: [p.story, p.original, p.kind] for p in planted}), encoding="utf-8"
    )
    return path


def run_one(
    planted: Sequence[Planted], path: Path, engine_name: str, workers: int
) -> dict[str, object]:
    """Group the pile at ``path`` with one engine; print and return the figures."""
    grouping, startup, elapsed = realpile.timed_group(path, engine_name, workers)
    truth_of = {p.id: p.story for p in planted}
    label = {}
    for story in grouping.stories:
        for article in story.articles:
            label[article] = story.id
    truth = [truth_of[a.id] for a in grouping.articles]
    predicted = [label.get(i, -1 - i) for i in range(len(grouping.articles))]
    figures = scores(truth, predicted)
    right, total = original_accuracy(planted, grouping)
    print(
        f"\n{engine_name} engine, {len(planted):,} articles "
        f"({workers} workers; start-up {startup:.1f} s)"
    )
    print(f"  {grouping.summary()}")
    print("  " + ", ".join(f"{k} {v:,}" for k, v in grouping.counts))
    realpile.print_run(grouping, elapsed, figures, digits=1)
    print(f"  originals right {right}/{total} ({right / max(total, 1):.3f})")
    return {
        "engine": engine_name,
        "size": len(planted),
        "seconds": elapsed,
        "stages": {s.name: s.seconds for s in grouping.stages},
        "peak_mb": max(s.peak_mb for s in grouping.stages),
        "original_accuracy": right / max(total, 1),
        **figures,
    }


def project(results: Sequence[dict[str, object]], engine: str, target: int) -> str:
    """Time per stage at ``target`` articles, from each stage's growth between two sizes."""
    runs = sorted((r for r in results if r["engine"] == engine), key=lambda r: int(str(r["size"])))
    small, large = runs[0], runs[-1]
    n1, n2 = int(str(small["size"])), int(str(large["size"]))
    stages1 = small["stages"]
    stages2 = large["stages"]
    assert isinstance(stages1, dict) and isinstance(stages2, dict)
    parts, total = [], 0.0
    for name, t2 in stages2.items():
        t1 = max(float(stages1.get(name, t2)), 1e-3)
        exponent = max(1.0, math.log(max(float(t2), 1e-3) / t1) / math.log(n2 / n1))
        projected = float(t2) * (target / n2) ** exponent
        total += projected
        parts.append(f"{name} {projected:,.0f} s (n^{exponent:.2f})")
    memory = float(str(large["peak_mb"])) * target / n2
    return (
        f"{engine}: {target:,} articles projected at {total / 60:,.1f} min: "
        + ", ".join(parts)
        + f"; driver memory about {memory / 1024:,.1f} GB if it grows linearly"
    )


SEED_LABELS = {
    "000_5fd63220c0a3b547.txt": "summit",  # paraphrase of the whole AFP story
    "001_d2c0166b2a2dd97c.txt": "summit",  # the AFP story, near verbatim: the original
    "002_004c7a7293647294.txt": "summit",  # SEO rewrite keeping its facts and some quotes
    "003_e64426c3b047badc.txt": "after",  # independent piece written after the summit
    "004_abc8bb8cf5328acc.txt": "preview",  # independent preview
}
"""Hand labels of the bundled seeds (real pages, see the main README): which story each carries."""
SEED_ORIGINAL = "001_d2c0166b2a2dd97c.txt"


def run_seeds() -> None:
    """The same figures on the five real seed pages (a tiny real pile, hand-labelled)."""
    from wirediff.corpus import LocalEngine, read_pile
    from wirediff.corpus.pipeline import group

    folder = Path(__file__).resolve().parents[1] / "seeds"
    grouping, _ = group(read_pile([str(folder)]), LocalEngine(1))
    names = [Path(a.id).name for a in grouping.articles]
    label = {}
    for story in grouping.stories:
        for article in story.articles:
            label[article] = story.id
    figures = scores(
        [SEED_LABELS[n] for n in names], [label.get(i, -1 - i) for i in range(len(names))]
    )
    print(f"\nseeds (5 real pages, hand-labelled): {grouping.summary()}")
    print(
        "  pairwise P {pair_p:.3f} R {pair_r:.3f} F1 {pair_f1:.3f} | B-cubed F1 {bcubed_f1:.3f} "
        "| ARI {ari:.3f}".format(**figures)
    )
    for story in grouping.stories:
        original = names[story.original]
        verdict = "right" if original == SEED_ORIGINAL else "wrong"
        print(f"  story {story.id}: {sorted(names[i] for i in story.articles)}")
        print(f"  original {original} ({verdict}): {story.reason}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pile", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"]
    )
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write-pile", type=Path, help="keep the piles in this folder")
    parser.add_argument("--seeds", action="store_true", help="only the hand-labelled seeds")
    parser.add_argument(
        "--real", action="store_true", help="only the hand-labelled real pile (bench/data/pile)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list the real pile's wrong stories and headlines"
    )
    args = parser.parse_args(argv)
    if args.real:
        realpile.main(args.engines, args.workers, args.errors)
        return 0
    run_seeds()
    if args.seeds:
        return 0
    realpile.main(args.engines, args.workers, args.errors)
    results = []
    for size in args.sizes:
        started = time.perf_counter()
        planted = generate(size, args.seed)
        kinds = Counter(p.kind for p in planted)
        families = Counter(p.story for p in planted)
        print(
            f"\n== pile of {len(planted):,} articles generated in "
            f"{time.perf_counter() - started:.1f} s: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items()))
            + f"; {sum(1 for n in families.values() if n > 1):,} stories of 2+, "
            f"largest {max(families.values())}"
        )
        with tempfile.TemporaryDirectory() as tmp:
            folder = args.write_pile / str(size) if args.write_pile else Path(tmp)
            path = write_pile(planted, folder)
            # keep only the truth: the texts would count in the driver's peak memory
            planted = [replace(p, text="") for p in planted]
            for engine in args.engines:
                if engine == "dask":
                    try:
                        import dask.distributed  # noqa: F401
                    except ImportError:
                        print("\ndask engine skipped: pip install -e '.[dask]'")
                        continue
                results.append(run_one(planted, path, engine, args.workers))
    if len(args.sizes) > 1:
        for engine in args.engines:
            runs = sorted((r["size"], r["seconds"]) for r in results if r["engine"] == engine)
            if len(runs) > 1:
                (n1, t1), (n2, t2) = runs[0], runs[-1]
                exponent = math.log(float(t2) / float(t1)) / math.log(n2 / n1)
                print(f"\n{engine}: cost grows as n^{exponent:.2f} from {n1:,} to {n2:,} articles")
                print(project(results, engine, 1_000_000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
