"""One timed speed case, run in its own process so memory peaks do not mix.

Usage: ``python -m bench.worker SPEC.json``; prints one JSON line with timings and peak memory.
"""

from __future__ import annotations

import json
import pickle
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_wirediff(paths: Sequence[str], all_pairs: bool = False) -> tuple[dict[str, float], Any]:
    """Load, segment, align every document with the first (or every pair), serialise to JSON."""
    from wirediff.core import __version__, collate, load_document
    from wirediff.reports.json_report import render_json

    t0 = time.perf_counter()
    documents = [load_document(p) for p in paths]
    t1 = time.perf_counter()
    collation = collate(documents, base=0, all_pairs=all_pairs)
    t2 = time.perf_counter()
    render_json(collation, __version__)
    t3 = time.perf_counter()
    return {"load": t1 - t0, "collate": t2 - t1, "json": t3 - t2}, collation


def run_difflib(paths: Sequence[str], all_pairs: bool = False) -> tuple[dict[str, float], Any]:
    """difflib.SequenceMatcher over regex-split sentence lists, first document against each."""
    import difflib

    t0 = time.perf_counter()
    texts = [
        [s for s in SENTENCE_END.split(Path(p).read_text(encoding="utf-8")) if s] for p in paths
    ]
    t1 = time.perf_counter()
    ops = [difflib.SequenceMatcher(None, texts[0], t).get_opcodes() for t in texts[1:]]
    t2 = time.perf_counter()
    return {"load": t1 - t0, "collate": t2 - t1, "json": 0.0}, ops


def run_collatex(paths: Sequence[str], all_pairs: bool = False) -> tuple[dict[str, float], Any]:
    """CollateX (word-level, all witnesses at once) with JSON output."""
    from collatex import Collation, collate

    t0 = time.perf_counter()
    collation = Collation()
    for k, path in enumerate(paths):
        collation.add_plain_witness(f"W{k}", Path(path).read_text(encoding="utf-8"))
    t1 = time.perf_counter()
    result = collate(collation, output="json", segmentation=False)
    t2 = time.perf_counter()
    return {"load": t1 - t0, "collate": t2 - t1, "json": 0.0}, result


def warm_up() -> float:
    """Import the engine and align two tiny texts once (lazy loading is not the case's work)."""
    start = time.perf_counter()
    from wirediff.core import collate, document_from_text

    texts = ("Rain fell on Monday. The river rose.", "The river rose. Rain fell on Monday.")
    collate([document_from_text(t) for t in texts])
    return time.perf_counter() - start


RUNNERS: dict[str, Callable[[Sequence[str], bool], tuple[dict[str, float], Any]]] = {
    "wirediff": run_wirediff,
    "difflib": run_difflib,
    "collatex": run_collatex,
}


def score(collation: Any, gold_path: str) -> dict[str, float | None]:
    """Link precision/recall/F1 of the engine's first comparison against a pickled GoldCase."""
    from .scoring import Pred, prf, score_case

    case = pickle.loads(Path(gold_path).read_bytes())
    base, other = collation.documents[0], collation.documents[1]
    preds = [Pred(tuple(k.base), tuple(k.other)) for k in collation.comparisons[0].links]
    counts, _ = score_case(
        case,
        [(s.start, s.end) for s in base.sentences],
        [(s.start, s.end) for s in other.sentences],
        preds,
    )
    p, r, f = prf(counts.tp, counts.fp, counts.fn)
    return {"precision": p, "recall": r, "f1": f}


def main(argv: Sequence[str]) -> int:
    """Run the spec's system ``repeat`` times; print best wall time, phases and peak memory."""
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    runner = RUNNERS[spec["system"]]
    out: dict[str, Any] = {}
    if spec["system"] == "wirediff":
        out["warmup_s"] = warm_up()
    out["base_mb"] = rss_mb()
    best: tuple[float, dict[str, float]] | None = None
    result: Any = None
    for _ in range(spec.get("repeat", 1)):
        start = time.perf_counter()
        phases, result = runner(spec["paths"], spec.get("all_pairs", False))
        wall = time.perf_counter() - start
        if best is None or wall < best[0]:
            best = (wall, phases)
    assert best is not None
    out.update(wall=best[0], phases=best[1], peak_mb=rss_mb())
    if spec.get("gold") and spec["system"] == "wirediff":
        out["quality"] = score(result, spec["gold"])
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
