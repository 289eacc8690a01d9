"""How well and how fast ``--base auto`` finds the original, and copies their source.

Families of edited copies of one base (the bench's edit generator: rewording, paraphrase, splits,
merges, quotes, numbers, names, inserted sentences, page furniture) with the base placed at a
random position; undated. Prints, per family size: how often the base is picked, the share of
copies whose copied-from guess is the base, and the time to measure reuse and decide (best of
three). ``python -m bench.originals [--quick]``.
"""

from __future__ import annotations

import argparse
import random
import time

from bench.large import large_family
from wirediff.core import document_from_text
from wirediff.core.model import Document
from wirediff.core.original import copied_from, measure_reuse, pick_original


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
