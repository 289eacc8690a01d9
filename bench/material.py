"""Text material for the synthetic set: stories, foreign sentences, word tables and name lists."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PASSAGES = DATA / "passages.txt"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass(frozen=True, slots=True)
class Story:
    """A headline, its body sentences and same-topic material that is not in it."""

    name: str
    headline: str
    sentences: tuple[str, ...]
    foreign: tuple[str, ...]
    teasers: tuple[str, ...]
    tags: str
    names: tuple[str, ...]


def _sections(block: str) -> dict[str, list[str]]:
    """Split a story block into its ``---`` sections of non-empty lines."""
    sections: dict[str, list[str]] = {"body": []}
    current = "body"
    for line in block.splitlines()[1:]:
        if line.startswith("--- "):
            current = line[4:].strip()
            sections[current] = []
        elif line.strip():
            sections[current].append(line.strip())
    return sections


def load_stories(path: Path = PASSAGES) -> list[Story]:
    """The stories written for the bench (one sentence per line)."""
    stories = []
    for block in path.read_text(encoding="utf-8").split("### ")[1:]:
        parts = _sections(block)
        stories.append(
            Story(
                name=block.split("\n", 1)[0].strip(),
                headline=parts["body"][0],
                sentences=tuple(parts["body"][1:]),
                foreign=tuple(parts["foreign"]),
                teasers=tuple(parts["teasers"]),
                tags=parts["tags"][0],
                names=tuple(parts["names"][0].split("|")),
            )
        )
    return stories


def split_sentences(text: str) -> list[str]:
    """A plain regex sentence splitter for material (not for scoring)."""
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”']))\s+(?=[\"“A-Z])", text)
    return [p.strip() for p in parts if len(p.split()) >= 4]


def seed_story(seeds: Path = SEEDS) -> Story | None:
    """The wire original (seed 001) as a story, with seed 003 as its foreign material."""
    wire, other = seeds / "001_d2c0166b2a2dd97c.txt", seeds / "003_e64426c3b047badc.txt"
    if not wire.exists() or not other.exists():
        return None
    lines = [line.strip() for line in wire.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = [re.sub(r"^Tokyo, \([^)]*\) ", "", line) for line in lines[2:]]
    return Story(
        name="summit",
        headline="Japan PM Heads To US For Trump Summit",
        sentences=tuple(body),
        foreign=tuple(split_sentences(other.read_text(encoding="utf-8"))),
        teasers=("Ishiba to Meet Trump in Washington, Seeking to Strengthen US-Japan Ties",),
        tags="US-Japan Relations Donald Trump Shigeru Ishiba Taiwan Trade Defense Security",
        names=("Shigeru Ishiba", "Donald Trump", "Sheila Smith", "Benjamin Netanyahu", "Nikkei"),
    )


def all_stories() -> list[Story]:
    """The written stories plus the seed story when the seeds are there."""
    stories = load_stories()
    seed = seed_story()
    return [*stories, seed] if seed else stories


SYNONYMS: dict[str, tuple[str, ...]] = {
    "killed": ("left dead",),
    "forced": ("driven",),
    "homes": ("houses",),
    "searching": ("combing",),
    "expect": ("anticipate", "forecast"),
    "expected": ("anticipated", "forecast"),
    "emergency": ("urgent",),
    "damaged": ("hit",),
    "shortages": ("a lack",),
    "destroyed": ("ruined", "wiped out"),
    "raise": ("push up", "lift"),
    "frequent": ("common",),
    "criticism": ("accusation",),
    "kept": ("left", "held"),
    "unchanged": ("steady", "on hold"),
    "begin": ("start",),
    "fallen": ("dropped", "declined"),
    "reaching": ("hitting",),
    "backed": ("supported", "favoured"),
    "widely": ("broadly",),
    "lowered": ("cut", "reduced"),
    "citing": ("pointing to",),
    "weak": ("sluggish", "soft"),
    "slowing": ("weakening",),
    "highest": ("strongest",),
    "holding": ("keeping",),
    "risks": ("threats", "dangers"),
    "cautious": ("careful", "prudent"),
    "gradual": ("slow", "measured"),
    "agreed": ("decided",),
    "ending": ("concluding", "wrapping up"),
    "threatened": ("risked",),
    "remove": ("scrap", "eliminate"),
    "cheaper": ("lower-priced",),
    "stalled": ("stuck",),
    "benefit": ("gain",),
    "lacked": ("was missing",),
    "jumped": ("surged", "soared"),
    "spend": ("invest",),
    "tight": ("constrained",),
    "gaining": ("winning",),
    "examining": ("investigating", "probing"),
    "closest": ("nearest",),
    "pushing": ("pressing",),
    "increase": ("boost", "raise"),
    "propose": ("suggest", "put forward"),
    "boosting": ("strengthening",),
    "issue": ("release", "put out"),
    "build": ("create",),
    "startling": ("dramatic",),
    "strong": ("solid", "firm"),
    "important": ("significant", "key"),
    "major": ("big", "large"),
    "several": ("a number of", "various"),
    "quickly": ("rapidly", "swiftly"),
    "help": ("aid", "assist"),
    "new": ("fresh",),
    "large": ("big", "sizeable"),
}
"""Plain words and replacements that keep the meaning (reporting verbs are deliberately absent:
changing "warned" to "cautioned" is an attribution change)."""

SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "noted", "remarked", "explained"),
    "told reporters": ("said", "told journalists"),
    "told analysts": ("said", "told investors"),
    "told": ("informed",),
    "according to": ("as reported by",),
}
"""Attribution wording to swap; changing it is an ``attribution_changed`` edit."""
REPORTING = re.compile(
    r"\b(said|says|told|according to|reported|stated|noted|added|warned|announced|insisted)\b"
)
"""Reporting verbs: a name changed in a sentence that has one is also an attribution change."""

TENSES: tuple[tuple[str, str], ...] = (
    (" will ", " would "),
    (" would ", " will "),
    (" has been ", " had been "),
    (" is expected ", " was expected "),
    (" have ", " had "),
    (" are ", " were "),
    (" is ", " was "),
)
"""Tense shifts tried in order; the first that matches outside quotes is applied."""

FIRST_NAMES = (
    "Anna Bruno Carla Dmitri Esther Farid Greta Hiro Ines Jonas Keiko Lars Maya Nikolai Olga "
    "Pablo Quentin Rosa Samir Tanja Umar Vera Walter Ximena Yusuf Zofia Amir Beatriz Chen Dalia "
    "Emil Fatima Goran Helena Ivan Julia Kofi Leila Marco Nadia Oscar Priya Rafael Sofia Tomasz "
    "Ulla Viktor Wen Yara Zane"
).split()
SURNAMES = (
    "Abbott Barros Costa Dahl Eriksen Fischer Garza Haddad Ito Jovanovic Kim Lindgren Moreau "
    "Novak Okoye Petrov Quinn Rossi Sato Tanaka Umarov Varga Weber Xu Yilmaz Zielinski Alvarez "
    "Brandt Chopra Duarte Engel Ferreira Gomez Horvat Ibrahim Jensen Kowalski Larsen Mendes "
    "Nakamura Oliveira Park Reyes Schmidt Torres Vasquez Wagner Young Ziegler Bauer Conti"
).split()
PLACES = (
    "Harlow Kestrel Bay Marden Oakridge Pell Quarry Ravensworth Selby Tarnow Ulverston Valdor "
    "Westmoor Yarrow Zell Ashford Brightwater Calder Dunmore Eastleigh Fenwick Glenmore Hadley "
    "Irvine Jarrow Kilbride Lowther Millbrook Northam Otterburn Pendle Redcliff Stanmore "
    "Thornbury Upton Ventnor Whitby Ardmore Beckford Claymore"
).split()
ORGS = (
    "Northgate Bank|Merchant Trust|Rural Producers Union|Institute for Water Research|"
    "Harbour Capital|Coastal Growers Association|National Grid Authority|Meridian Insurance|"
    "Pacific Dairy Council|Union of Rail Workers|Centre for Fiscal Studies|Eastern Power Company|"
    "Civic Housing League|Federation of Exporters|Summit Logistics|Greenfield Seeds"
).split("|")


def person(rng: random.Random) -> str:
    """A random full name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
