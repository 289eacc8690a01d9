"""Load and check hand-labelled alignments: the seed pairs, real wire copy and real rewrites.

``bench/data/seed_labels.json`` labels pairs of ``seeds/``; ``bench/data/wire_labels.json``
labels pairs of ``bench/data/wire/`` (AP stories as republished by several outlets);
``bench/data/rewrite_labels.json`` labels pairs of ``bench/data/rewrites/`` (a wire story and
another outlet's paraphrasing rewrite of it). An excerpt
is the first characters of a sentence, occurring once in its file; a sentence that a page repeats
word for word is given as ``{"text": ..., "occurrence": n}`` (the n-th occurrence, from 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gold import FLAGS, GoldCase, GoldLink

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LABELS = DATA / "seed_labels.json"
SEEDS = ROOT / "seeds"
WIRE_LABELS = DATA / "wire_labels.json"
WIRE = DATA / "wire"
REWRITE_LABELS = DATA / "rewrite_labels.json"
REWRITES = DATA / "rewrites"
MIN_EXCERPT, MAX_EXCERPT = 30, 60


Excerpt = str | tuple[str, int]
"""The start of a sentence, or (start, occurrence) for a sentence a page repeats."""


def _excerpt(value: Any) -> Excerpt:
    if isinstance(value, dict):
        return (str(value["text"]), int(value["occurrence"]))
    return str(value)


def excerpt_text(excerpt: Excerpt) -> str:
    """The characters an excerpt looks for."""
    return excerpt if isinstance(excerpt, str) else excerpt[0]


def find_excerpt(text: str, excerpt: Excerpt) -> int:
    """The offset of ``excerpt`` in ``text`` (ValueError if it is not there)."""
    if isinstance(excerpt, str):
        return text.index(excerpt)
    start = -1
    for _ in range(excerpt[1]):
        start = text.index(excerpt[0], start + 1)
    return start


def count_excerpt(text: str, excerpt: Excerpt) -> int:
    """How many places ``excerpt`` designates: 1 when it is unambiguous."""
    if isinstance(excerpt, str):
        return text.count(excerpt)
    occurrences = text.count(excerpt[0])
    return 1 if 1 <= excerpt[1] <= occurrences and occurrences > 1 else 0


@dataclass(frozen=True, slots=True)
class LinkLabel:
    """One hand-labelled link: excerpts of base and other sentences, flags and a note."""

    base: tuple[Excerpt, ...]
    other: tuple[Excerpt, ...]
    flags: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class PairLabel:
    """The labels of one ordered pair of files."""

    base: str
    other: str
    links: tuple[LinkLabel, ...]
    omitted: tuple[Excerpt, ...]
    added: tuple[Excerpt, ...]


def load_labels(path: Path = LABELS) -> list[PairLabel]:
    """Read the label file into PairLabels."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != 1:
        raise ValueError(f"{path}: unknown schema {data.get('schema')!r}")
    return [
        PairLabel(
            base=pair["base"],
            other=pair["other"],
            links=tuple(
                LinkLabel(
                    base=tuple(map(_excerpt, link["base"])),
                    other=tuple(map(_excerpt, link["other"])),
                    flags=tuple(link.get("flags", ())),
                    note=link.get("note", ""),
                )
                for link in pair["links"]
            ),
            omitted=tuple(map(_excerpt, pair.get("omitted", ()))),
            added=tuple(map(_excerpt, pair.get("added", ()))),
        )
        for pair in data["pairs"]
    ]


def _excerpts(pair: PairLabel) -> list[tuple[str, Excerpt]]:
    """Every (side, excerpt) the pair refers to."""
    found = [("base", e) for link in pair.links for e in link.base]
    found += [("other", e) for link in pair.links for e in link.other]
    found += [("base", e) for e in pair.omitted] + [("other", e) for e in pair.added]
    return found


def check_pair(pair: PairLabel, seeds: Path = SEEDS) -> list[str]:
    """Problems with one pair: excerpts not found once, bad lengths, unknown flags, overlaps."""
    problems: list[str] = []
    texts = {
        side: (seeds / getattr(pair, side)).read_text(encoding="utf-8")
        for side in ("base", "other")
    }
    label = pair_name(pair)
    for side, excerpt in _excerpts(pair):
        count = count_excerpt(texts[side], excerpt)
        if count != 1:
            problems.append(f"{label} {side}: {excerpt!r} occurs {count} times")
        if not MIN_EXCERPT <= len(excerpt_text(excerpt)) <= MAX_EXCERPT:
            problems.append(
                f"{label} {side}: {excerpt!r} is {len(excerpt_text(excerpt))} characters long"
            )
    for link in pair.links:
        problems += [f"{label}: unknown flag {f!r}" for f in link.flags if f not in FLAGS]
        if not link.base or not link.other:
            problems.append(f"{label}: a link needs both sides: {link}")
    linked_base = {e for link in pair.links for e in link.base}
    linked_other = {e for link in pair.links for e in link.other}
    problems += [f"{label}: omitted but linked: {e!r}" for e in linked_base & set(pair.omitted)]
    problems += [f"{label}: added but linked: {e!r}" for e in linked_other & set(pair.added)]
    return problems


def gold_case(pair: PairLabel, seeds: Path = SEEDS) -> GoldCase:
    """The pair as a GoldCase: excerpts become start offsets into the file texts."""
    base_text = (seeds / pair.base).read_text(encoding="utf-8")
    other_text = (seeds / pair.other).read_text(encoding="utf-8")
    return GoldCase(
        name=pair_name(pair),
        base_path=str(seeds / pair.base),
        other_path=str(seeds / pair.other),
        base_text=base_text,
        other_text=other_text,
        links=tuple(
            GoldLink(
                base=tuple(find_excerpt(base_text, e) for e in link.base),
                other=tuple(find_excerpt(other_text, e) for e in link.other),
                flags=frozenset(link.flags),
                kind="reworded",
                note=link.note,
            )
            for link in pair.links
        ),
        omitted=tuple(find_excerpt(base_text, e) for e in pair.omitted),
        added=tuple(find_excerpt(other_text, e) for e in pair.added),
    )


def seed_cases(path: Path = LABELS, seeds: Path = SEEDS) -> list[GoldCase]:
    """All labelled seed pairs as GoldCases."""
    return [gold_case(pair, seeds) for pair in load_labels(path)]


def wire_cases(path: Path = WIRE_LABELS, texts: Path = WIRE) -> list[GoldCase]:
    """All labelled real wire-copy pairs as GoldCases (or, given their paths, the rewrites).

    Their kind (identical or reworded) is not labelled: most links are verbatim copies.
    """
    cases = []
    for pair in load_labels(path):
        case = gold_case(pair, texts)
        links = tuple(dataclasses.replace(link, kind=None) for link in case.links)
        cases.append(dataclasses.replace(case, links=links))
    return cases


def rewrite_cases(path: Path = REWRITE_LABELS, texts: Path = REWRITES) -> list[GoldCase]:
    """All labelled real rewrites (a wire story and another outlet's paraphrase) as GoldCases."""
    return wire_cases(path, texts)


def pair_name(pair: PairLabel) -> str:
    """``001->000`` for seeds; ``gaza hawaiitribune->columbian`` for wire-copy files."""
    if pair.base[:3].isdigit():
        return f"{pair.base[:3]}->{pair.other[:3]}"
    story = pair.base.split("_")[0]
    outlets = [Path(name).stem.split("_", 2)[-1] for name in (pair.base, pair.other)]
    return f"{story} {outlets[0]}->{outlets[1]}"


def coverage(pair: PairLabel, seeds: Path = SEEDS) -> list[str]:
    """Body sentences (by the engine's segmentation) that no excerpt starts in, if it is there."""
    try:
        from wirediff.core import load_document
    except ImportError:
        return []
    missing: list[str] = []
    for side in ("base", "other"):
        document = load_document(str(seeds / getattr(pair, side)))
        starts = {find_excerpt(document.text, e) for s, e in _excerpts(pair) if s == side}
        for sentence in document.sentences:
            if sentence.role.value in ("body", "headline", "heading") and not any(
                sentence.start <= o < sentence.end for o in starts
            ):
                missing.append(f"{pair_name(pair)} {side} unlabelled: {sentence.text[:70]!r}")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Validate the label file; print problems and counts; exit 1 on problems."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("labels", nargs="?", type=Path, default=LABELS)
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the folder of the texts")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--wire", action="store_true", help="check the wire-copy labels")
    which.add_argument("--rewrites", action="store_true", help="check the rewrite labels")
    parser.add_argument(
        "--coverage", action="store_true", help="list engine sentences left unlabelled"
    )
    args = parser.parse_args(argv)
    if args.wire:
        args.labels, args.seeds = WIRE_LABELS, WIRE
    if args.rewrites:
        args.labels, args.seeds = REWRITE_LABELS, REWRITES
    pairs = load_labels(args.labels)
    problems = [p for pair in pairs for p in check_pair(pair, args.seeds)]
    for pair in pairs:
        pairs_n = sum(len(link.base) * len(link.other) for link in pair.links)
        print(
            f"{pair_name(pair)}: {len(pair.links)} links "
            f"({pairs_n} sentence pairs), {len(pair.omitted)} omitted, {len(pair.added)} added"
        )
        if args.coverage:
            for line in coverage(pair, args.seeds):
                print("  " + line)
    for problem in problems:
        print("PROBLEM: " + problem, file=sys.stderr)
    print("labels ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
