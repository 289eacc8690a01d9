"""The likely original of each story, by the engine's method (``wirediff.core.original``).

Corpus mode and ``wirediff --base auto`` name the same original: every article of a story is
segmented as a version (``document_from_text``, with the pile's outlet and date), and the engine
scores each as the original by the word 4-grams the others reuse from it, an agency as its outlet
or credited in its dateline or a credit line, and the earliest date (a bare date counts as the end
of its day). The reason is the engine's. Stories are handed to the engine in batches
(``originals_batch``) so that segmenting runs on all cores; the same batches can count the
content terms of every article, from which the aligner's term weights are fitted on the whole pile
(``pile_weights``) for opening a story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from wirediff.core.align import Features, TermWeights, count_terms
from wirediff.core.load import document_from_text
from wirediff.core.model import Document
from wirediff.core.original import order_moment, pick_original

from .model import Article, TermCounts

MAX_VERSIONS = 300
"""A story with more articles than this is judged on one article per distinct body (the first by
date of each, at most this many), so that the reuse measure stays small on a story republished by
hundreds of outlets."""
_NEVER = datetime.max.replace(tzinfo=UTC)


def article_document(article: Article) -> Document:
    """An article as a version: segmented, with the pile's title, outlet, date and address."""
    document = document_from_text(article.text, path=article.id)
    return replace(
        document,
        title=article.title or document.title,
        outlet=article.outlet,
        published=article.published or document.published,
        url=article.url,
    )


def when_key(published: str) -> tuple[bool, datetime]:
    """Sorts dates in time order (a bare date after the timed ones of its day), unknown last."""
    moment = order_moment(published)
    return (moment is None, moment or _NEVER)


def story_original(articles: Sequence[Article]) -> tuple[int, str]:
    """The position in ``articles`` of the likely original, and the engine's reason."""
    return pick_original([article_document(article) for article in articles])


@dataclass(frozen=True, slots=True)
class OriginalsJob:
    """One batch of the originals stage: stories to judge, and what else to count terms of."""

    stories: tuple[tuple[Article, ...], ...]
    others: tuple[Article, ...] = ()
    """Articles judged in no story (alone, or past a big story's limit): counted only."""
    count_terms: bool = False


@dataclass(frozen=True, slots=True)
class OriginalsDone:
    """The originals of a batch's stories, and its term counts (empty unless asked for)."""

    picks: tuple[tuple[int, str], ...]
    terms: dict[str, int] = field(default_factory=dict)
    sentences: int = 0


def originals_batch(job: OriginalsJob) -> OriginalsDone:
    """``story_original`` of each story of the batch (the unit of work an engine runs), and the
    sentence frequencies of the content terms of every article in it when asked for."""
    picks = []
    counts: Counter[str] = Counter()
    sentences = 0
    for articles in job.stories:
        documents = [article_document(article) for article in articles]
        picks.append(pick_original(documents))
        if job.count_terms:
            counted, with_terms = count_terms(Features.of(d) for d in documents)
            counts.update(counted)
            sentences += with_terms
    if job.count_terms and job.others:
        counted, with_terms = count_terms(
            Features.of(article_document(article)) for article in job.others
        )
        counts.update(counted)
        sentences += with_terms
    return OriginalsDone(tuple(picks), dict(counts), sentences)


def judged(
    articles: Sequence[int], variant_of: Sequence[int], limit: int = MAX_VERSIONS
) -> list[int]:
    """The articles of a story the original is chosen among: all, or the first of each body.

    ``articles`` are in (date, id) order, so the first of each variant is its earliest; of a
    story with more than ``limit`` distinct bodies, the ``limit`` earliest are judged.
    """
    if len(articles) <= limit:
        return list(articles)
    seen: set[int] = set()
    first = []
    for article in articles:
        if variant_of[article] not in seen:
            seen.add(variant_of[article])
            first.append(article)
    return first[:limit]


def pile_weights(terms: TermCounts) -> TermWeights:
    """The aligner's term weights fitted on the whole pile, from the counts ``group`` made."""
    return TermWeights.from_counts(terms.counts, terms.sentences)
