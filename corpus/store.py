"""The SQLite store: articles, variants with their anchors, verified pairs, stories, rejections.

``load`` turns a store into the ``Prior`` of the next run, so adding a day's articles fingerprints
only the new ones and verifies only pairs with a new variant; ``save`` writes a run's results
(replacing the previous results in one transaction). Hashes are stored as packed blobs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirediff.core.errors import WirediffError

from .model import Article, Fingerprint, Grouping, Pair, Rejection
from .pipeline import METHOD, Prior

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, outlet TEXT, published TEXT,
    url TEXT, title TEXT, source TEXT, text TEXT NOT NULL, body_key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS variants (
    body_key TEXT PRIMARY KEY, title TEXT, words INTEGER, credit TEXT,
    anchors BLOB, quote_anchors BLOB, narrative BLOB, sentences BLOB);
CREATE TABLE IF NOT EXISTS pairs (
    a TEXT NOT NULL, b TEXT NOT NULL, shared_anchors INTEGER, containment REAL, reworded REAL,
    shared_quotes INTEGER, verdict TEXT, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS stories (
    story INTEGER PRIMARY KEY, size INTEGER, original TEXT, reason TEXT, hints TEXT);
CREATE TABLE IF NOT EXISTS story_articles (
    story INTEGER NOT NULL, article TEXT NOT NULL, variant INTEGER, is_original INTEGER);
CREATE TABLE IF NOT EXISTS rejected (source TEXT, id TEXT, reason TEXT);
CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles (article);
"""


def _connect(path: str) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path)
        connection.executescript(_SCHEMA)
    except sqlite3.DatabaseError as error:
        raise WirediffError(f"{path}: not a wirediff store ({error})") from None
    version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if version is not None and int(version[0]) != SCHEMA_VERSION:
        raise WirediffError(
            f"{path}: store schema {version[0]}, this wirediff reads {SCHEMA_VERSION}"
        )
    return connection


def load(path: str) -> Prior:
    """The articles, fingerprints and pairs of an existing store (empty if there is none)."""
    if not Path(path).exists():
        return Prior()
    connection = _connect(path)
    try:
        variants = {
            row[0]: row
            for row in connection.execute(
                "SELECT body_key, title, words, credit, anchors, quote_anchors, narrative, "
                "sentences FROM variants"
            )
        }
        articles: list[Article] = []
        prints: list[Fingerprint] = []
        for row in connection.execute(
            "SELECT id, text, outlet, published, url, title, source, body_key FROM articles "
            "ORDER BY position"
        ):
            articles.append(Article(*row[:7]))
            v = variants[row[7]]
            prints.append(
                Fingerprint(
                    body_key=v[0],
                    title=v[1],
                    anchors=v[4],
                    quote_anchors=v[5],
                    narrative=v[6],
                    sentences=v[7],
                    words=v[2],
                    credit=v[3],
                )
            )
        pairs = {
            (row[0], row[1]): Pair(0, 0, row[2], row[3], row[4], row[5], row[6])
            for row in connection.execute(
                "SELECT a, b, shared_anchors, containment, reworded, shared_quotes, verdict "
                "FROM pairs"
            )
        }
        rejected = tuple(
            Rejection(source, reason, article_id)
            for source, article_id, reason in connection.execute(
                "SELECT source, id, reason FROM rejected"
            )
        )
        method = connection.execute("SELECT value FROM meta WHERE key = 'method'").fetchone()
    finally:
        connection.close()
    if method is None or method[0] != str(METHOD):
        # made by an earlier wirediff: its fingerprints and verdicts no longer match this one's
        return Prior(rejected=rejected, stale=tuple(articles))
    return Prior(tuple(articles), tuple(prints), pairs, rejected)


def save(path: str, grouping: Grouping, state: Prior) -> None:
    """Write a run's articles, variants, pairs, stories and rejections to the store."""
    connection = _connect(path)
    try:
        with connection:
            for table in ("articles", "variants", "pairs", "stories", "story_articles", "rejected"):
                connection.execute(f"DELETE FROM {table}")
            connection.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
            )
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('method', ?)", (str(METHOD),))
            connection.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (i, a.id, a.outlet, a.published, a.url, a.title, a.source, a.text, fp.body_key)
                    for i, (a, fp) in enumerate(zip(state.articles, state.prints, strict=True))
                ),
            )
            seen: set[str] = set()
            rows = []
            for fp in state.prints:
                if fp.body_key not in seen:
                    seen.add(fp.body_key)
                    rows.append(
                        (
                            fp.body_key,
                            fp.title,
                            fp.words,
                            fp.credit,
                            fp.anchors,
                            fp.quote_anchors,
                            fp.narrative,
                            fp.sentences,
                        )
                    )
            connection.executemany("INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            connection.executemany(
                "INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (a, b, p.shared_anchors, p.containment, p.reworded, p.shared_quotes, p.verdict)
                    for (a, b), p in state.pairs.items()
                ),
            )
            ids = [a.id for a in grouping.articles]
            connection.executemany(
                "INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                (
                    (s.id, len(s.articles), ids[s.original], s.reason, " ".join(map(str, s.hints)))
                    for s in grouping.stories
                ),
            )
            connection.executemany(
                "INSERT INTO story_articles VALUES (?, ?, ?, ?)",
                (
                    (s.id, ids[i], grouping.variant_of[i], int(i == s.original))
                    for s in grouping.stories
                    for i in s.articles
                ),
            )
            connection.executemany(
                "INSERT INTO rejected VALUES (?, ?, ?)",
                ((r.source, r.id, r.reason) for r in grouping.rejected),
            )
    except sqlite3.Error as error:
        raise WirediffError(f"{path}: cannot write the store ({error})") from None
    finally:
        connection.close()
