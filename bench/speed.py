"""Speed runs: wall time and peak memory per case, each in its own process, with peers."""

from __future__ import annotations

import itertools
import json
import math
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gold import GoldCase
from .large import large_case, large_family
from .tables import Cell, table

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PEER_TIMEOUT = 60.0
SEEDS_CASE, SEED_PAIR_CASE = "seeds (5 docs)", "seeds 001 vs 000"
MANY_CASE = "50 x 200, fixed base"
"""Many versions of one story against one base: k-1 alignments, not k(k-1)/2."""
MANY_BEFORE_S = 11.9
"""The many-versions case before collate stopped aligning every pair (issue 9, 83d2809)."""
ENGINE_TIMEOUT = 600.0
TARGET_SEEDS_MS, TARGET_5000_S, TARGET_GROWTH, TARGET_COLLATEX_X, TARGET_PEAK_MB = (
    150.0,
    3.0,
    1.3,
    50.0,
    1024.0,
)


@dataclass(slots=True)
class Case:
    """Files to align (the first is the base), their size, and the gold for the first pair."""

    name: str
    paths: list[str]
    sentences: int
    repeat: int = 1
    gold: str | None = None
    all_pairs: bool = False
    results: dict[str, dict[str, Any]] = field(default_factory=dict)


def run_worker(system: str, case: Case, timeout: float, repeat: int = 0) -> dict[str, Any]:
    """Run one system on one case in a fresh process; errors and timeouts come back as text."""
    handle, name = tempfile.mkstemp(prefix=f"wirediff-bench-{system}-", suffix=".json")
    spec = Path(name)
    with os.fdopen(handle, "w") as out:
        json.dump(
            {
                "system": system,
                "paths": case.paths,
                "repeat": repeat or case.repeat,
                "gold": case.gold,
                "all_pairs": case.all_pairs,
            },
            out,
        )
    command = [sys.executable, "-m", "bench.worker", str(spec)]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timeout > {timeout:.0f} s"}
    finally:
        spec.unlink(missing_ok=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1]
        return {"error": last[:100]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - start
    return result


def cli_time(repeat: int) -> dict[str, Any]:
    """Best wall time of ``wirediff report seeds/ --format json``, interpreter start included."""
    exe = shutil.which("wirediff")
    command = [exe] if exe else [sys.executable, "-m", "wirediff.cli.main"]
    command += ["report", str(SEEDS), "--format", "json"]
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            command, capture_output=True, check=False, timeout=120, env=_cached_bytecode()
        )
        best = min(best, time.perf_counter() - start)
        if done.returncode != 0:
            return {"error": done.stderr.decode(errors="replace").strip()[-100:]}
    return {"wall": best}


def _cached_bytecode() -> dict[str, str]:
    """The environment with bytecode caching on, as after ``pip install`` (which compiles)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def startup_time(directory: Path, repeat: int) -> dict[str, Any]:
    """Best wall time of ``wirediff report`` on two one-line files: mostly imports."""
    paths = _write(directory, "startup", ["Rain fell on Monday.", "Rain fell on Tuesday."])
    exe = shutil.which("wirediff")
    command = [exe] if exe else [sys.executable, "-m", "wirediff"]
    command += ["report", *paths]
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            command, capture_output=True, check=False, timeout=120, env=_cached_bytecode()
        )
        best = min(best, time.perf_counter() - start)
        if done.returncode != 0:
            return {"error": done.stderr.decode(errors="replace").strip()[-100:]}
    return {"wall": best}


def _write(directory: Path, name: str, texts: list[str]) -> list[str]:
    paths = []
    for k, text in enumerate(texts):
        path = directory / f"{name}-{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _pair_case(directory: Path, n: int, repeat: int) -> Case:
    gold: GoldCase = large_case(n, seed=n)
    paths = _write(directory, f"pair{n}", [gold.base_text, gold.other_text])
    gold_path = directory / f"pair{n}.gold.pickle"
    gold_path.write_bytes(pickle.dumps(gold))
    return Case(f"2 x {n:,}", paths, n, repeat, str(gold_path))


def prepare(directory: Path, quick: bool) -> list[Case]:
    """Generate the inputs: the seeds, pairs of growing size, and a family of ten."""
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    pair = [p for p in seeds if Path(p).name.startswith(("001", "000"))][::-1]
    sizes = (100, 200, 400) if quick else (500, 2000, 5000, 10000)
    cases = [
        Case(SEEDS_CASE, seeds, 0, 3 if quick else 20),
        Case(SEED_PAIR_CASE, pair, 0, 3 if quick else 20),
    ]
    for n in sizes:
        cases.append(_pair_case(directory, n, 3 if n <= 2000 else 2))
    family_n, family_k = (150, 3) if quick else (1000, 10)
    golds = large_family(family_n, family_k, seed=7)
    texts = [golds[0].base_text] + [g.other_text for g in golds]
    family = _write(directory, "family", texts)
    cases.append(Case(f"{family_k} x {family_n:,}", family, family_n))
    cases.append(Case(f"{family_k} x {family_n:,}, all pairs", family, family_n, all_pairs=True))
    many_n, many_k = (50, 10) if quick else (200, 50)
    golds = large_family(many_n, many_k, seed=7)
    texts = [golds[0].base_text] + [g.other_text for g in golds]
    name = MANY_CASE if not quick else f"{many_k} x {many_n}, fixed base"
    cases.append(Case(name, _write(directory, "many", texts), many_n))  # cold: one run
    return cases


def run_cases(cases: list[Case], quick: bool, collatex: bool) -> None:
    """Run the engine and the peers on every case (CollateX stops growing after a timeout)."""
    collatex_dead = not collatex
    for case in cases:
        _progress(case.name)
        case.results["wirediff"] = run_worker("wirediff", case, ENGINE_TIMEOUT)
        case.results["difflib"] = run_worker("difflib", case, PEER_TIMEOUT)
        if collatex_dead or (quick and case.name != SEED_PAIR_CASE):
            case.results["collatex"] = {"error": "skipped"}
            continue
        result = run_worker("collatex", case, 20.0 if quick else PEER_TIMEOUT, repeat=1)
        case.results["collatex"] = result
        if "error" in result and case.name.startswith("2 x"):
            collatex_dead = True


def _progress(name: str) -> None:
    print(f"  speed: {name} ...", file=sys.stderr, flush=True)


def collatex_status() -> str | None:
    """None when CollateX imports, else why not."""
    try:
        import collatex  # noqa: F401
    except Exception as error:  # any import failure means: skip it
        return f"{type(error).__name__}: {error}"
    return None


def _wall(result: dict[str, Any]) -> Cell:
    return result["wall"] if "wall" in result else str(result.get("error", "—"))


def speed_table(cases: list[Case], cli: dict[str, Any], startup: dict[str, Any]) -> str:
    """One row per case: the engine's time, phases, memory and F1, and the peers' times."""
    headers = [
        "case",
        "wirediff s",
        "load s",
        "collate s",
        "json s",
        "peak MB",
        "+work MB",
        "F1",
        "difflib s",
        "CollateX s",
        "x CollateX",
    ]
    rows: list[list[Cell]] = []
    for case in cases:
        w, d, c = (case.results[s] for s in ("wirediff", "difflib", "collatex"))
        phases = w.get("phases", {})
        ratio = c["wall"] / w["wall"] if "wall" in c and "wall" in w else None
        quality = w.get("quality", {})
        rows.append(
            [
                case.name,
                _wall(w),
                phases.get("load"),
                phases.get("collate"),
                phases.get("json"),
                w.get("peak_mb"),
                w["peak_mb"] - w["base_mb"] if "peak_mb" in w else None,
                quality.get("f1"),
                _wall(d),
                _wall(c),
                ratio,
            ]
        )
    rows.append(["CLI: wirediff report seeds/ --format json", _wall(cli)] + [None] * 9)
    rows.append(["CLI start-up: report on two one-line files", _wall(startup)] + [None] * 9)
    title = "Speed (best wall time; peak = max RSS of the case's process, +work = above imports)"
    return table(title, headers, rows)


def growth(cases: list[Case], system: str) -> list[tuple[str, float | None]]:
    """Log-log slopes of wall time between consecutive pair sizes, and over all of them."""
    points = [
        (c.sentences, c.results[system]["wall"])
        for c in cases
        if c.name.startswith("2 x") and "wall" in c.results.get(system, {})
    ]
    slopes: list[tuple[str, float | None]] = []
    for (n1, t1), (n2, t2) in itertools.pairwise(points):
        slopes.append((f"{n1:,} -> {n2:,}", math.log(t2 / t1) / math.log(n2 / n1)))
    if len(points) >= 2:
        xs = [math.log(n) for n, _ in points]
        ys = [math.log(t) for _, t in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        slopes.append(("fit, all sizes", slope / sum((x - mx) ** 2 for x in xs)))
    return slopes


def growth_table(cases: list[Case]) -> str:
    """Growth exponents of the engine and the peers (target < n^1.3 for the engine)."""
    per = {s: dict(growth(cases, s)) for s in ("wirediff", "difflib", "collatex")}
    keys = list(per["wirediff"]) or list(per["difflib"])
    rows: list[list[Cell]] = [[k] + [per[s].get(k) for s in per] for k in keys]
    title = f"Growth exponent (log-log slope of time vs sentences; target < {TARGET_GROWTH})"
    return table(title, ["sizes", "wirediff", "difflib", "CollateX"], rows)
