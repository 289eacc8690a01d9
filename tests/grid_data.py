"""Many versions of one story for the survival grid: the AFP seed and edited, dated copies.

Deterministic: the same ``count`` always gives the same texts, outlets and dates. Outlets and
dates are set with ``dataclasses.replace``, as the loader does from page metadata or a manifest.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta

from wirediff.core import Document, document_from_text

from .conftest import AFP

OUTLETS = (
    "AFP",
    "UrduPoint",
    "Japan Times",
    "Straits Times",
    "France 24",
    "Barron's",
    "Inquirer",
    "Bangkok Post",
    "Yahoo News",
    "The Hindu",
    "Dawn",
    "NDTV",
    "Arab News",
    "Jakarta Post",
    "Gulf News",
    "Manila Times",
    "RFI",
    "SCMP",
    "Kyodo",
    "Khaleej Times",
)
REWORDINGS = (
    ("left for", "departed for"),
    ("closest allies", "nearest allies"),
    ("pushing for", "seeking"),
    ("expected to tell", "set to tell"),
    ("may also propose", "could also propose"),
    ("will meet", "is set to meet"),
    ("less startling", "less surprising"),
    ("told AFP", "said"),
)
NUMBER_CHANGES = (("around 54,000", "nearly 50,000"), ("Friday", "Saturday"))
QUOTE_CHANGES = (("wonderful", "good"), ("The intention", "The goal"))
ADDITIONS = (
    "The yen weakened slightly against the dollar after the announcement.",
    "Opposition lawmakers in Tokyo called for a debate on defence spending.",
    "Analysts in Seoul are watching the summit closely.",
)
START = datetime(2025, 2, 6, 1, 30, tzinfo=UTC)


def afp_sentences() -> list[str]:
    """The AFP seed, one sentence per line as published."""
    return [line.strip() for line in AFP.read_text(encoding="utf-8").splitlines() if line.strip()]


def edited(lines: list[str], rng: random.Random) -> list[str]:
    """A copy that drops, rewords, alters, moves and adds sentences."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index > 2 and rng.random() < 0.2:
            continue
        roll = rng.random()
        if roll < 0.3:
            for old, new in REWORDINGS:
                if old in line:
                    line = line.replace(old, new)
                    break
        elif roll < 0.45:
            for old, new in NUMBER_CHANGES:
                if old in line:
                    line = line.replace(old, new)
                    break
        elif roll < 0.55:
            for old, new in QUOTE_CHANGES:
                if old in line:
                    line = line.replace(old, new)
                    break
        out.append(line)
    if rng.random() < 0.4 and len(out) > 6:
        out.insert(3, out.pop(rng.randrange(5, len(out))))
    if rng.random() < 0.5:
        out.insert(rng.randrange(3, len(out)), rng.choice(ADDITIONS))
    return out


def many_versions(count: int, seed: int = 13, dated: bool = True) -> tuple[Document, ...]:
    """The AFP seed (first) and ``count - 1`` edited copies, each with an outlet and a date."""
    rng = random.Random(seed)
    lines = afp_sentences()
    documents = []
    for k in range(count):
        text = "\n".join(lines if k == 0 else edited(lines, rng)) + "\n"
        document = document_from_text(text, f"v{k:02d}.txt")
        if dated:
            when = START + timedelta(minutes=k * 97 + rng.randrange(0, 60))
            document = dataclasses.replace(
                document,
                outlet=OUTLETS[k % len(OUTLETS)] + ("" if k < len(OUTLETS) else f" {k}"),
                published=when.isoformat(),
            )
        documents.append(document)
    return tuple(documents)
