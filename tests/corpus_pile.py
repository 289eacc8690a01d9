"""A small pile for corpus-mode tests, built from the bundled seeds (a real AFP story).

- the AFP story as published by UrduPoint (seed 001), dated first, credited to AFP;
- the same body under another outlet's furniture (a verbatim copy: one variant with 001);
- a trim to its first six sentences, with a byline and a copyright line;
- the paraphrase of the whole story (seed 000);
- two independent stories of the same summit (seeds 003 and 004);
- an unrelated story that quotes Ishiba's words and embeds a post: a hint, never an edge.
"""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import AFP, INDEPENDENT_A, INDEPENDENT_B, PARAPHRASE

BODY = AFP.read_text(encoding="utf-8").splitlines()[2:]
ISHIBA_QUOTE = (
    '"It would be wonderful if we could affirm that we will work together for the development '
    'this region and the world and for peace," Ishiba told reporters in Tokyo before leaving.'
)
POST = (
    "Great meeting with the Prime Minister of Japan today. Strong ties, strong trade! "
    "pic.twitter.com/abc123XYZ — Donald J. Trump (@realDonaldTrump) February 7, 2025"
)
QUOTING = "\n\n".join(
    [
        "Fishermen in Hokkaido brace for a poor scallop season",
        "Scallop fishermen along the northern coast of Hokkaido say warmer water has cut their "
        "catch for a third year, and cooperatives are asking the prefecture for emergency loans.",
        ISHIBA_QUOTE,
        '"The intention is to present a win-win value proposition from Ishiba to the '
        'president," a Tokyo analyst said, repeating what Sheila Smith had told AFP.',
        'Japan "desperately needs to open up new sources of LNG, and other energy more broadly", '
        "one cooperative leader said, citing a remark he had read in the national press.",
        "The quote was replayed on local television while the cooperatives met in Abashiri, where "
        "members voted to delay the opening of the season by two weeks.",
        POST,
        "Prices at the Sapporo wholesale market have risen by a fifth since spring, traders said, "
        "and restaurants in the city have started to import frozen scallops from abroad.",
        "The prefecture will decide on the loans at the end of the month after an inspection of "
        "the harbours.",
    ]
)


def articles() -> list[dict[str, str]]:
    """The pile's records (id, outlet, date, url, text)."""
    body = "\n".join(BODY)
    return [
        {
            "id": "afp",
            "outlet": "AFP",
            "date": "2025-02-06T07:30:00Z",
            "url": "https://www.urdupoint.com/a",
            "text": AFP.read_text(encoding="utf-8"),
        },
        {
            "id": "copy",
            "outlet": "Daily Planet",
            "date": "2025-02-06T11:00:00Z",
            "url": "https://dailyplanet.example/b",
            "text": "Japan's Ishiba flies to Washington\nBy Staff Reporter\n"
            + body
            + "\n© 2025 Daily Planet. All rights reserved.\nRead more",
        },
        {
            "id": "trim",
            "outlet": "Morning Post",
            "date": "2025-02-06",
            "url": "https://morningpost.example/c",
            "text": "Ishiba heads to US\n" + "\n".join(BODY[:6]) + "\nCopyright AFP 2025",
        },
        {
            "id": "paraphrase",
            "outlet": "Aggregator",
            "date": "2025-02-07",
            "url": "https://aggregator.example/d",
            "text": PARAPHRASE.read_text(encoding="utf-8"),
        },
        {
            "id": "preview",
            "outlet": "Site A",
            "date": "2025-01-31",
            "url": "https://sitea.example/e",
            "text": INDEPENDENT_B.read_text(encoding="utf-8"),
        },
        {
            "id": "after",
            "outlet": "Site B",
            "date": "2025-02-08",
            "url": "https://siteb.example/f",
            "text": INDEPENDENT_A.read_text(encoding="utf-8"),
        },
        {
            "id": "scallops",
            "outlet": "Hokkaido News",
            "date": "2025-02-08",
            "url": "https://hokkaido.example/g",
            "text": QUOTING,
        },
    ]


STORY = {"afp", "copy", "trim", "paraphrase"}


def write_jsonl(folder: Path, records: list[dict[str, str]] | None = None) -> Path:
    """The pile as one JSON Lines file in ``folder``."""
    path = folder / "pile.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in (records if records is not None else articles())),
        encoding="utf-8",
    )
    return path
