"""Rank a pile's articles by how much of one text they reuse, as Churnalism did for press releases.

For each sentence of the given text (page furniture left out): is it in the article word for word
(after case folding and punctuation), or does a sentence of the article carry at least half of its
content words (reworded)? An article's score is the share of the text's sentences it reuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wirediff.core.model import Document

from .engines import Engine, LocalEngine
from .model import Article
from .text import STOPWORDS, sentences_of, words

BATCH = 2000
MIN_TERMS = 3


@dataclass(frozen=True, slots=True)
class Reuse:
    """How much of the text one article reuses."""

    article: int
    """Index into the articles searched."""
    reused: float
    """Share of the text's sentences found verbatim or reworded."""
    verbatim: float
    """Share found word for word."""
    sentences: int
    """Sentences of the text found."""


@dataclass(frozen=True, slots=True)
class Probe:
    """The text searched for, prepared once: per sentence its words and content terms."""

    sentences: tuple[str, ...]
    terms: tuple[frozenset[str], ...]
    overlap: float = 0.5


def probe_of(document: Document) -> Probe:
    """The searchable form of a loaded document (its body sentences)."""
    texts = [s.text for s in document.sentences if s.counts]
    return probe_of_sentences(texts)


def probe_of_sentences(texts: Sequence[str]) -> Probe:
    sentences, terms = [], []
    for text in texts:
        found = words(text)
        content = frozenset(w for w in found if w not in STOPWORDS)
        if len(content) >= MIN_TERMS:
            sentences.append(" " + " ".join(found) + " ")
            terms.append(content)
    return Probe(tuple(sentences), tuple(terms))


def score(probe: Probe, text: str) -> tuple[float, float, int]:
    """(reused share, verbatim share, sentences reused) of ``probe`` in one article's text."""
    if not probe.sentences:
        return 0.0, 0.0, 0
    article_words = words(text)
    vocabulary = set(article_words)
    flat = " " + " ".join(article_words) + " "
    article_terms: list[frozenset[str]] | None = None
    verbatim = reused = 0
    for sentence, terms in zip(probe.sentences, probe.terms, strict=True):
        if len(terms & vocabulary) < probe.overlap * len(terms):
            continue
        if sentence in flat:
            verbatim += 1
            reused += 1
            continue
        if article_terms is None:
            article_terms = [
                frozenset(w for w in words(s) if w not in STOPWORDS) for s in sentences_of(text)
            ]
        if any(len(terms & other) >= probe.overlap * len(terms) for other in article_terms):
            reused += 1
    total = len(probe.sentences)
    return reused / total, verbatim / total, reused


def _score_batch(job: tuple[Probe, int, tuple[str, ...]]) -> list[Reuse]:
    probe, start, texts = job
    out = []
    for offset, text in enumerate(texts):
        reused, verbatim, count = score(probe, text)
        if count:
            out.append(Reuse(start + offset, round(reused, 4), round(verbatim, 4), count))
    return out


def find(probe: Probe, articles: Sequence[Article], engine: Engine | None = None) -> list[Reuse]:
    """Articles reusing at least one sentence of the probe, most reuse first."""
    engine = engine or LocalEngine()
    jobs = [
        (probe, start, tuple(a.text for a in articles[start : start + BATCH]))
        for start in range(0, len(articles), BATCH)
    ]
    results = engine.map(_score_batch, jobs, [len(j[2]) for j in jobs], lambda _n: None)
    found = [r for batch in results for r in batch]
    return sorted(found, key=lambda r: (-r.reused, -r.verbatim, articles[r.article].id))
