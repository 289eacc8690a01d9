"""Group a pile into stories: fingerprint, collapse identical bodies, index, verify, cluster,
and name each story's original.

The fingerprint, verification and originals stages run on an engine (all local cores, or Dask)
in large batches; the index and clustering run here. Given the results of an
earlier run (``Prior``, from the store), only new articles are fingerprinted and only pairs with
a new variant are verified.
"""

from __future__ import annotations

import gc
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain

from .boiler import BoilerSettings, mask_boilerplate
from .cluster import ClusterSettings, cluster
from .engines import Engine, LocalEngine
from .index import IndexSettings, candidates
from .model import (
    Article,
    Fingerprint,
    Grouping,
    Pair,
    Rejection,
    StageTime,
    Story,
    TermCounts,
    counted,
)
from .original import OriginalsJob, judged, originals_batch, when_key
from .progress import Progress, peak_mb
from .text import fingerprints, unpack
from .verify import VerifySettings, verify_batch

FINGERPRINT_BATCH = 1000
VERIFY_BATCH = 4000
ORIGINALS_BATCH = 1000
"""Articles per batch of stories whose originals are chosen (each article is segmented)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every threshold of corpus mode."""

    index: IndexSettings = field(default_factory=IndexSettings)
    verify: VerifySettings = field(default_factory=VerifySettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    boilerplate: BoilerSettings = field(default_factory=BoilerSettings)
    min_words: int = 20
    """Articles with fewer body words are rejected as empty."""


DEFAULT = Settings()

METHOD = 3
"""The version of fingerprinting and verification; raise it when either changes what it
computes. A store written by another keeps its articles, which are fingerprinted again."""


@dataclass(frozen=True, slots=True)
class Prior:
    """An earlier run's articles, fingerprints and verified pairs (keyed by body keys).

    ``stale`` holds articles an earlier run kept whose fingerprints were made by another
    ``METHOD``: they are read again with the new ones.
    """

    articles: tuple[Article, ...] = ()
    prints: tuple[Fingerprint, ...] = ()
    pairs: dict[tuple[str, str], Pair] = field(default_factory=dict)
    rejected: tuple[Rejection, ...] = ()
    stale: tuple[Article, ...] = ()


class _Clock:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.stages: list[StageTime] = []
        self._started = time.perf_counter()

    def stage(self, name: str, total: int) -> None:
        self._started = time.perf_counter()
        self.progress.start(name, total)

    def done(self, name: str, items: int) -> None:
        self.stages.append(StageTime(name, time.perf_counter() - self._started, items, peak_mb()))


def _batches(items: Sequence[object], size: int) -> list[list[object]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def group(
    records: Iterable[Article | Rejection],
    engine: Engine | None = None,
    settings: Settings = DEFAULT,
    progress: Progress | None = None,
    prior: Prior | None = None,
    count_terms: bool = False,
) -> tuple[Grouping, Prior]:
    """Group the articles of ``records`` (and of ``prior``) into stories.

    With ``count_terms``, also count the content terms of every article (``Grouping.terms``) so
    that a story opened later is aligned with term weights fitted on the whole pile.
    Returns the grouping and the state to store for the next incremental run.
    """
    collecting = gc.isenabled()
    gc.disable()  # millions of small objects, no cycles: the collector would only rescan them
    try:
        return _group(records, engine, settings, progress, prior, count_terms)
    finally:
        if collecting:
            gc.enable()


def _group(
    records: Iterable[Article | Rejection],
    engine: Engine | None,
    settings: Settings,
    progress: Progress | None,
    prior: Prior | None,
    count_terms: bool,
) -> tuple[Grouping, Prior]:
    engine = engine or LocalEngine()
    progress = progress or Progress(enabled=False)
    prior = prior or Prior()
    clock = _Clock(progress)
    counts: list[tuple[str, int]] = []

    # --- read ------------------------------------------------------------------------------
    clock.stage("reading", 0)
    known = {article.id for article in prior.articles}
    new_articles: list[Article] = []
    rejected: list[Rejection] = list(prior.rejected)
    read = 0
    for record in chain(prior.stale, records):
        read += 1
        if isinstance(record, Rejection):
            rejected.append(record)
        elif record.id in known:
            rejected.append(Rejection(record.source, f"duplicate id {record.id!r}", record.id))
        else:
            known.add(record.id)
            new_articles.append(record)
        progress.advance()
    clock.done("read", read)
    counts.append(("records read", read))

    # --- fingerprint (engine) ---------------------------------------------------------------
    clock.stage("fingerprinting", len(new_articles))
    batches = _batches(new_articles, FINGERPRINT_BATCH)
    results = engine.map(
        fingerprints,  # type: ignore[arg-type]
        batches,
        [len(b) for b in batches],
        progress.advance,
    )
    new_prints = [fp for batch in results for fp in batch]
    kept_articles: list[Article] = list(prior.articles)
    prints: list[Fingerprint] = list(prior.prints)
    for article, fp in zip(new_articles, new_prints, strict=True):
        if fp.words < settings.min_words:
            reason = (
                "empty text"
                if fp.words == 0
                else f"too short ({counted(fp.words, 'word')} of text)"
            )
            rejected.append(Rejection(article.source, reason, article.id))
        else:
            kept_articles.append(article if article.title else replace(article, title=fp.title))
            prints.append(fp)
    rejected.sort(key=_input_order)
    clock.done("fingerprint", len(new_articles))
    counts.append(("articles fingerprinted", len(new_articles)))

    # --- variants and index -----------------------------------------------------------------
    clock.stage("indexing", len(prints))
    order = sorted(
        range(len(kept_articles)),
        key=lambda i: (when_key(kept_articles[i].published), kept_articles[i].id),
    )
    variant_of_key: dict[str, int] = {}
    variant_of = [0] * len(kept_articles)
    representatives: list[int] = []
    for i in order:
        key = prints[i].body_key
        variant = variant_of_key.get(key)
        if variant is None:
            variant = variant_of_key[key] = len(representatives)
            representatives.append(i)
        variant_of[i] = variant
    keys = [prints[i].body_key for i in representatives]
    variant_prints, masked = mask_boilerplate(
        [kept_articles[i].outlet for i in representatives],
        [prints[i] for i in representatives],
        settings.boilerplate,
    )
    counts.append(("bodies with outlet boilerplate masked", masked))
    candidate_list = candidates([unpack(fp.anchors) for fp in variant_prints], settings.index)
    progress.advance(len(prints))
    clock.done("index", len(candidate_list))
    counts.append(("distinct bodies", len(representatives)))
    counts.append(("candidate pairs", len(candidate_list)))

    # --- verify (engine) --------------------------------------------------------------------
    reused: list[Pair] = []
    needed: list[tuple[int, int, int]] = []
    for a, b, shared in candidate_list:
        old = prior.pairs.get((keys[a], keys[b])) or prior.pairs.get((keys[b], keys[a]))
        if old is not None:
            reused.append(replace(old, a=a, b=b))
        else:
            needed.append((a, b, shared))
    clock.stage("verifying", len(needed))
    jobs = []
    sizes = []
    for start in range(0, len(needed), VERIFY_BATCH):
        chunk = tuple(needed[start : start + VERIFY_BATCH])
        involved = {v for a, b, _ in chunk for v in (a, b)}
        # verification reads no anchors and no title: leave them out of what is sent
        shipped = {v: replace(variant_prints[v], anchors=b"", title="") for v in sorted(involved)}
        jobs.append((chunk, shipped, settings.verify))
        sizes.append(len(chunk))
    verified = [
        p for batch in engine.map(verify_batch, jobs, sizes, progress.advance) for p in batch
    ]
    pairs = sorted(reused + verified, key=lambda p: (p.a, p.b))
    clock.done("verify", len(needed))
    counts.append(("pairs verified", len(needed)))
    counts.append(("pairs reused", len(reused)))
    counts.append(("story edges", sum(p.is_edge for p in pairs)))
    counts.append(("quote hints", sum(p.verdict == "quotes" for p in pairs)))

    # --- cluster ----------------------------------------------------------------
    clock.stage("clustering", len(representatives))
    sizes_in_words = [prints[i].words for i in representatives]
    groups = cluster(len(representatives), pairs, sizes_in_words, settings.cluster)
    members_of: dict[int, list[int]] = defaultdict(list)
    for i in order:
        members_of[variant_of[i]].append(i)
    rank = {article: position for position, article in enumerate(order)}
    stories_found: list[tuple[list[int], list[int]]] = []
    alone: list[int] = []
    for variants in groups:
        articles = sorted((i for v in variants for i in members_of[v]), key=rank.__getitem__)
        if len(articles) == 1:
            alone.append(articles[0])
        else:
            stories_found.append((articles, variants))
    clock.done("cluster", len(representatives))

    # --- originals (engine) -----------------------------------------------------------------
    candidates_of = [judged(articles, variant_of) for articles, _ in stories_found]
    others: list[int] = []
    if count_terms:
        judged_articles = {i for chosen in candidates_of for i in chosen}
        others = [i for i in order if i not in judged_articles]
    clock.stage("originals", sum(map(len, candidates_of)) + len(others))
    original_jobs: list[OriginalsJob] = []
    original_sizes: list[int] = []
    pending: list[tuple[Article, ...]] = []
    size = 0
    for chosen in candidates_of:
        pending.append(tuple(kept_articles[i] for i in chosen))
        size += len(chosen)
        if size >= ORIGINALS_BATCH:
            original_jobs.append(OriginalsJob(tuple(pending), (), count_terms))
            original_sizes.append(size)
            pending, size = [], 0
    if pending:
        original_jobs.append(OriginalsJob(tuple(pending), (), count_terms))
        original_sizes.append(size)
    for start in range(0, len(others), ORIGINALS_BATCH):
        extra = tuple(kept_articles[i] for i in others[start : start + ORIGINALS_BATCH])
        original_jobs.append(OriginalsJob((), extra, count_terms))
        original_sizes.append(len(extra))
    done = engine.map(originals_batch, original_jobs, original_sizes, progress.advance)
    picked = [choice for batch in done for choice in batch.picks]
    terms: TermCounts | None = None
    if count_terms:
        term_counts: Counter[str] = Counter()
        for batch in done:
            term_counts.update(batch.terms)
        terms = TermCounts(dict(term_counts), sum(batch.sentences for batch in done))
        counts.append(("sentences counted for term weights", terms.sentences))
    drafts: list[tuple[list[int], list[list[int]], int, str, list[int]]] = []
    story_of_variant: dict[int, int] = {}
    for (articles, variants), chosen, (position, reason) in zip(
        stories_found, candidates_of, picked, strict=True
    ):
        drafts.append(
            (articles, [members_of[v] for v in variants], chosen[position], reason, variants)
        )
    drafts.sort(key=lambda d: (-len(d[0]), rank[d[2]]))
    for number, draft in enumerate(drafts):
        for v in draft[4]:
            story_of_variant[v] = number
    hints: dict[int, set[int]] = defaultdict(set)
    for pair in pairs:
        if pair.verdict == "quotes":
            sa, sb = story_of_variant.get(pair.a), story_of_variant.get(pair.b)
            if sa is not None and sb is not None and sa != sb:
                hints[sa].add(sb + 1)
                hints[sb].add(sa + 1)
    stories = tuple(
        Story(
            id=number + 1,
            articles=tuple(articles),
            variants=tuple(tuple(v) for v in variant_groups),
            original=original,
            reason=reason,
            hints=tuple(sorted(hints[number])),
        )
        for number, (articles, variant_groups, original, reason, _) in enumerate(drafts)
    )
    clock.done("originals", sum(original_sizes))
    progress.finish_line()
    counts.append(("stories", len(stories)))

    grouping = Grouping(
        articles=tuple(kept_articles),
        rejected=tuple(rejected),
        stories=stories,
        alone=tuple(sorted(alone, key=rank.__getitem__)),
        pairs=tuple(pairs),
        variant_of=tuple(variant_of),
        stages=tuple(clock.stages),
        counts=tuple(counts),
        terms=terms,
    )
    state = Prior(
        articles=tuple(kept_articles),
        prints=tuple(prints),
        pairs={(keys[p.a], keys[p.b]): p for p in pairs},
        rejected=tuple(rejected),
    )
    return grouping, state


_PLACE = re.compile(r"(.*?)(\d+)?$")


def _input_order(rejection: Rejection) -> tuple[str, int]:
    """Where a rejected record was read ("pile.jsonl:12" sorts before "pile.jsonl:100")."""
    match = _PLACE.match(rejection.source)
    assert match is not None  # the pattern matches every string
    return match.group(1), int(match.group(2) or 0)
