"""Run the wirediff benchmark: ``python -m bench.run [--quick] [--quality-only|--speed-only]``."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import pathological
from . import quality as q
from . import speed as sp
from .gold import FLAGS
from .labels import rewrite_cases, seed_cases, wire_cases
from .scoring import Counts, prf
from .synthetic import EDIT_TYPES, synthetic_set
from .tables import Cell, table

RESULTS = Path(__file__).resolve().parent / "results.json"


def regroup(ev: q.Evaluation, key: Callable[[str], str]) -> q.Evaluation:
    """The same counts added up per group of cases."""
    out = q.Evaluation()
    for system, per_case in ev.counts.items():
        out.counts[system] = {}
        for case, counts in per_case.items():
            group = key(case)
            if group not in out.counts[system]:
                out.counts[system][group] = Counts()
                if group not in out.cases:
                    out.cases.append(group)
            out.counts[system][group].add(counts)
    return out


def flag_precision(c: Counts) -> float | None:
    """Micro-averaged precision over the five flags."""
    tp = sum(c.flag_tp[f] for f in FLAGS)
    fp = sum(c.flag_fp[f] for f in FLAGS)
    return tp / (tp + fp) if tp + fp else None


def run_quality(quick: bool) -> dict[str, Any]:
    """Seed labels and the synthetic set, engine and baseline; prints the tables."""
    systems = q.systems()
    seeds = q.evaluate(seed_cases(), systems)
    print(q.pair_table("Link quality, hand-labelled seed pairs", seeds, q.TARGET_SEEDS))
    print(q.flag_table("Flags, seed pairs", seeds))
    wire = q.evaluate(wire_cases(), systems)
    title = "Link quality, hand-labelled real wire copy (not the seeds)"
    print(q.pair_table(title, wire, q.TARGET_WIRE))
    rewrites = q.evaluate(rewrite_cases(), systems)
    title = "Link quality, hand-labelled real rewrites (a wire story and an outlet's paraphrase)"
    print(q.pair_table(title, rewrites, q.TARGET_REWRITES))
    cases = synthetic_set(
        per_edit=2 if quick else 3, mixed=2 if quick else 3, heavy=1 if quick else 2
    )
    synth = q.evaluate(cases, systems)
    by_story = regroup(synth, lambda name: name.split("/")[0])
    print(q.pair_table("Link quality, synthetic set by story", by_story, q.TARGET_SYNTHETIC))
    by_mix = regroup(synth, lambda name: name.split("/")[1].rstrip("0123456789"))
    by_mix.cases = [c for c in by_mix.cases if c in ("mixed", "heavy")]
    by_mix.counts = {
        system: {c: per_case[c] for c in by_mix.cases} for system, per_case in by_mix.counts.items()
    }
    print(q.pair_table("Link quality, mixed and heavy synthetic cases", by_mix, q.TARGET_SYNTHETIC))
    print(q.flag_table("Flags, synthetic set", synth))
    print(q.edit_table("Synthetic set by edit type", synth, EDIT_TYPES))
    print(
        q.shape_table(
            "Recall of split and merge links (gold pairs in links with several sentences a side)",
            {"seeds": seeds, "wire": wire, "rewrites": rewrites, "synthetic": synth},
        )
    )
    print(
        "\nwirediff errors on the seed pairs (MISSED = gold link not found, FALSE = not in gold,"
        " FLAG +x = raised but not in gold, FLAG -x = in gold but not raised):"
    )
    print(q.mistakes_text(seeds.mistakes))
    print("\nwirediff link errors on the real wire copy (its flags are not labelled):")
    print(q.mistakes_text([m for m in wire.mistakes if not m.what.startswith("FLAG")]))
    print("\nwirediff link errors on the real rewrites (flags not labelled):")
    print(q.mistakes_text([m for m in rewrites.mistakes if not m.what.startswith("FLAG")]))
    print("\nwirediff errors on the synthetic set (first 40):")
    print(q.mistakes_text(synth.mistakes, limit=40))
    return {
        "seeds": q.summary(seeds),
        "synthetic": q.summary(synth),
        "wire": q.summary(wire),
        "rewrites": q.summary(rewrites),
        "seed_f1": prf(*_tpfpfn(seeds.total("wirediff")))[2],
        "wire_f1": prf(*_tpfpfn(wire.total("wirediff")))[2],
        "wire_baseline_f1": prf(*_tpfpfn(wire.total("baseline")))[2],
        "rewrite_f1": prf(*_tpfpfn(rewrites.total("wirediff")))[2],
        "rewrite_baseline_f1": prf(*_tpfpfn(rewrites.total("baseline")))[2],
        "synthetic_f1": prf(*_tpfpfn(synth.total("wirediff")))[2],
        "flag_precision": flag_precision(_both(seeds, synth)),
    }


def _tpfpfn(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


def _both(a: q.Evaluation, b: q.Evaluation) -> Counts:
    total = a.total("wirediff")
    total.add(b.total("wirediff"))
    return total


def run_speed(quick: bool) -> dict[str, Any]:
    """Timed cases in subprocesses, with difflib and CollateX; prints the tables."""
    problem = sp.collatex_status()
    if problem:
        print(f"\nCollateX skipped: {problem} (pip install collatex Levenshtein)")
    with tempfile.TemporaryDirectory(prefix="wirediff-bench-") as tmp:
        cases = sp.prepare(Path(tmp), quick)
        sp.run_cases(cases, quick, collatex=problem is None)
        startup = sp.startup_time(Path(tmp), 3 if quick else 10)
    cli = sp.cli_time(1 if quick else 5)
    print(sp.speed_table(cases, cli, startup))
    print(sp.growth_table(cases))
    hostile = pathological.run(quick)
    return {
        "cases": {c.name: {"sentences": c.sentences, **c.results} for c in cases},
        "cli": cli,
        "startup": startup,
        "growth": dict(sp.growth(cases, "wirediff")),
        "pathological": hostile,
    }


def targets(quality: dict[str, Any], speed: dict[str, Any]) -> str:
    """The targets next to the measured figures."""
    rows: list[list[Cell]] = []

    def add(name: str, value: float | None, ok: Callable[[float], bool]) -> None:
        rows.append([name, value, "—" if value is None else ("yes" if ok(value) else "NO")])

    if quality:
        add("link F1, synthetic >= 0.95", quality["synthetic_f1"], lambda v: v >= 0.95)
        add("link F1, seeds >= 0.90", quality["seed_f1"], lambda v: v >= 0.90)
        add("link F1, real wire copy >= 0.96", quality["wire_f1"], lambda v: v >= 0.96)
        add("link F1, real rewrites >= 0.80", quality["rewrite_f1"], lambda v: v >= 0.80)
        margin = quality["wire_f1"] - quality["wire_baseline_f1"]
        add("wire F1 ahead of baseline (points)", margin * 100, lambda v: v >= 3)
        add("flag precision >= 0.90", quality["flag_precision"], lambda v: v >= 0.90)
    if speed:
        cases = speed["cases"]
        seeds = cases[sp.SEEDS_CASE]["wirediff"].get("wall")
        add("seeds end to end < 150 ms (ms)", seeds and seeds * 1000, lambda v: v < 150)
        pair = cases.get("2 x 5,000", {}).get("wirediff", {}).get("wall")
        add("two 5,000-sentence docs < 3 s", pair, lambda v: v < 3)
        add("growth exponent (fit) < 1.3", speed["growth"].get("fit, all sizes"), lambda v: v < 1.3)
        cx = cases[sp.SEEDS_CASE]["collatex"].get("wall")
        add("x faster than CollateX on seeds >= 50", cx and seeds and cx / seeds, lambda v: v >= 50)
        many = cases.get(sp.MANY_CASE, {}).get("wirediff", {}).get("wall")
        add(
            f"50 x 200, fixed base: x faster than {sp.MANY_BEFORE_S} s >= 5",
            many and sp.MANY_BEFORE_S / many,
            lambda v: v >= 5,
        )
        peak = cases.get("2 x 10,000", {}).get("wirediff", {}).get("peak_mb")
        add("peak memory at 10,000 < 1024 MB", peak, lambda v: v < 1024)
    return table("Targets", ["target", "measured", "met"], rows)


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the parts asked for, print the tables (timings are never asserted)."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes only (CI smoke, < 60 s)")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--quality-only", action="store_true")
    only.add_argument("--speed-only", action="store_true")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    quality = {} if args.speed_only else run_quality(args.quick)
    if not args.speed_only:
        # corpus mode on the hand-labelled real pile (bench/data/pile): a few seconds
        from . import realpile

        realpile.main(["local", "dask"], workers=2, show_errors=False)
    speed = {} if args.quality_only else run_speed(args.quick)
    if not args.quality_only:
        from . import keys

        speed["keys"] = keys.run(args.quick)
    print(targets(quality, speed))
    print(f"\nbench finished in {time.perf_counter() - start:.1f} s")
    if args.write:
        RESULTS.write_text(json.dumps({"quality": quality, "speed": speed}, indent=1, default=str))
        print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
