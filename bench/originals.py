"""How well and how fast ``--base auto`` finds the original, and copies their source.

Families of edited copies of one base (the bench's edit generator: rewording, paraphrase, splits,
merges, quotes, numbers, names, inserted sentences, page furniture) with the base placed at a
random position; undated. Prints, per family size: how often the base is picked, the share of
copies whose copied-from guess is the base, and the time to measure reuse and decide (best of
three). Then, for each family of real wire copy in ``bench/data/wire`` (AP stories as
republished by several outlets), the version picked and what ``sources.json`` says it is; then
the real pile's stories with a labelled original (``bench/data/pile``), each judged on its
labelled articles.
``python -m bench.originals [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

from bench.large import large_family
from wirediff.core import document_from_text, load_documents
from wirediff.core.model import Document
from wirediff.core.original import assess_originals, copied_from, measure_reuse, pick_original

WIRE = Path(__file__).resolve().parent / "data" / "wire"


def family(versions: int, sentences: int, seed: int) -> tuple[list[Document], int]:
    """``versions`` documents: a base and its edited copies, the base at a random place."""
    cases = large_family(sentences, versions, seed=seed)
    base = document_from_text(cases[0].base_text, "base.txt")
    documents = [document_from_text(c.other_text, f"copy{k}.txt") for k, c in enumerate(cases)]
    position = random.Random(seed).randrange(versions)
    documents.insert(position, base)
    return documents, position


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one small family only")
    args = parser.parse_args(argv)
    sizes = [10] if args.quick else [10, 20, 50]
    seeds = [1] if args.quick else [1, 2, 3]
    print("| versions | sentences | base picked | copies -> base | time (best of 3) |")
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        picked = pointed = copies = 0
        best = float("inf")
        sentence_count = 0
        for seed in seeds:
            documents, position = family(size, 60, seed)
            sentence_count = round(sum(len(d.sentences) for d in documents) / len(documents))
            for _ in range(3):
                start = time.perf_counter()
                reuse = measure_reuse(documents)
                index, _ = pick_original(documents, reuse)
                guesses = copied_from(documents, reuse)
                best = min(best, time.perf_counter() - start)
            picked += index == position
            pointed += sum(1 for g in guesses if g is not None and g.source == position)
            copies += len(documents) - 1
        print(
            f"| {size} | {sentence_count} | {picked}/{len(seeds)} | {pointed / copies:.0%} "
            f"| {best * 1000:.0f} ms |"
        )
    wire_families()
    real_pile()
    return 0


def real_pile() -> None:
    """The original picked in each story of the real pile whose original is labelled, judged on
    the story's labelled articles (``bench/data/pile``; grouping aside)."""
    from wirediff.corpus import read_pile

    from .realpile import PILE, labelled_originals, load_labels

    labels = load_labels()
    by_id = {article.id: article for article in read_pile([str(PILE)])}
    right, wrong = labelled_originals(by_id, labels)
    print()
    print(f"real pile: original right in {right} of {len(labels.originals)} labelled stories")
    for line in wrong:
        print(f"  wrong: {line}")


def wire_families() -> None:
    """The version picked in each family of real wire copy, and what it is."""
    sources = json.loads((WIRE / "sources.json").read_text(encoding="utf-8"))["files"]
    families: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(WIRE.glob("*.txt")):
        families[path.name.split("_", 1)[0]].append(path)
    print()
    print("| family | versions | picked | what it is | why |")
    print("|---|---:|---|---|---|")
    for name, paths in families.items():
        documents = load_documents([str(path) for path in paths])
        originals = assess_originals(documents)
        picked = documents[originals.original].name
        what = sources.get(picked, {}).get("what", "")
        print(f"| {name} | {len(paths)} | {picked} | {what} | {originals.reason} |")


if __name__ == "__main__":
    raise SystemExit(main())
