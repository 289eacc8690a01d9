"""Key latencies of the app: ``python -m bench.keys [--quick]``.

Drives the app headless with Textual's Pilot at 160x48 on the seeds and on three 6,000-sentence
texts (``large.large_family``), and prints, per key, the median and 95th percentile of the time
from the key press until the app is idle again (the screen redrawn). Pilot's own cost is the
``(no-op key)`` line: a key nothing is bound to. Also printed: the time until the app is on
screen, until the progress bar and the base (to read while aligning) show, until the first
version compared with the base shows beside it (before the others are), and until the aligned
view; ``b`` is a re-alignment and is timed to its end. ``CPU - no-op`` is the median processor
time the process spent on the key (all threads) less the no-op key's: unlike the wall-clock
figures, it hardly moves when other programs load the machine, and it leaves out Textual's waits
for the next frame. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .large import large_family
from .speed import SEEDS
from .tables import Cell, table

KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("(no-op key)", ("f12",)),
    ("(repaint only)", ("f11",)),
    ("j", ("j",)),
    ("k", ("k",)),
    ("space (page)", ("space",)),
    ("n", ("n",)),
    ("N", ("N",)),
    ("tab", ("tab",)),
    ("shift+tab", ("shift+tab",)),
    ("f (filter)", ("f",)),
    ("w (wrap)", ("w",)),
    ("z (fold)", ("z",)),
    ("i (interleave)", ("i",)),
    ("x (n steps)", ("x",)),
    ("c (n in version)", ("c",)),
    ("v (versions)", ("v",)),
    ("y (copy)", ("y",)),
    ("? (help)", ("question_mark", "escape")),
    ("e (export)", ("e", "escape")),
    ("S (summary)", ("S", "escape")),
    ("enter (detail)", ("enter", "escape")),
    ("t (theme)", ("t",)),
    ("G", ("G",)),
    ("g", ("g",)),
)
"""(label, keys): a pair like ``?`` then ``escape`` is timed on its first key only.

``(repaint only)`` is bound by the bench to a change of the status line's text and nothing else:
what any key that changes the screen costs under Pilot (the wait for the next frame included)."""


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[rank]


async def _idle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def measure(files: list[str], repeat: int, size: tuple[int, int]) -> dict[str, Any]:
    """Open the app on ``files`` and time start-up and every key of ``KEYS``."""
    from textual.widgets import ProgressBar, Static

    from wirediff.tui.aligned_view import AlignedView
    from wirediff.tui.app import make_app

    started = time.perf_counter()
    app = make_app(files)
    loaded = time.perf_counter() - started
    repaints = iter(range(1_000_000))

    def repaint() -> None:
        app.query_one("#status-text", Static).update(f"repaint {next(repaints)}")

    app.action_bench_repaint = repaint  # type: ignore[attr-defined]
    app.bind("f11", "bench_repaint", show=False)
    result: dict[str, Any] = {"load": loaded}
    async with app.run_test(size=size) as pilot:
        result["on screen"] = time.perf_counter() - started
        view = app.query_one(AlignedView)
        progress_seen = base_seen = pair_seen = None
        while app.aligning:
            now = time.perf_counter() - started
            if progress_seen is None and app.query_one(ProgressBar).display:
                progress_seen = now
            if base_seen is None and view.preview and view.items:
                base_seen = now
            shown = view.collation
            if pair_seen is None and view.preview and view.items and shown and shown.comparisons:
                pair_seen = now
            await pilot.pause(0.01)
        await pilot.pause()
        result["progress shown"] = progress_seen
        result["base shown"] = base_seen
        result["first version shown"] = pair_seen
        result["first view"] = time.perf_counter() - started
        latencies: dict[str, list[float]] = {}
        work: dict[str, list[float]] = {}
        for label, keys in KEYS:
            times = []
            cpu = []
            for _ in range(repeat):
                press = time.perf_counter()
                cpu_start = time.process_time()
                await pilot.press(keys[0])
                await pilot.pause()
                times.append(time.perf_counter() - press)
                cpu.append(time.process_time() - cpu_start)
                if len(keys) > 1:
                    await pilot.press(*keys[1:])
                    await pilot.pause()
            latencies[label] = times
            work[label] = cpu
            if label.startswith("v"):  # back to every version for the keys that follow
                while view.shown_other is not None:
                    await pilot.press("v")
                    await pilot.pause()
        result["keys"] = latencies
        result["cpu"] = work
        collation = app.collation
        assert collation is not None
        view.focused_document = next(
            k for k in range(len(collation.documents)) if k != collation.base
        )
        await pilot.pause()
        press = time.perf_counter()
        await pilot.press("b")
        while app.collation is collation or app.aligning:
            await pilot.pause(0.005)
        await pilot.pause()
        result["b (re-align)"] = time.perf_counter() - press
    return result


def _ms(value: float | None) -> Cell:
    return None if value is None else round(value * 1000)


def key_table(name: str, result: dict[str, Any]) -> str:
    """p50 and p95 per key, in milliseconds; and the CPU the process spent on the key."""
    rows: list[list[Cell]] = []
    idle = statistics.median(result["keys"]["(no-op key)"])
    idle_cpu = statistics.median(result["cpu"]["(no-op key)"])
    for label, times in result["keys"].items():
        p50 = statistics.median(times)
        cpu = statistics.median(result["cpu"][label])
        rows.append(
            [
                label,
                _ms(p50),
                _ms(percentile(times, 0.95)),
                _ms(max(0.0, p50 - idle)),
                _ms(max(0.0, cpu - idle_cpu)),
            ]
        )
    rows.append(["b (re-align, to the new view)", _ms(result["b (re-align)"]), None, None, None])
    head = (
        f"Key latencies, {name} (ms, key to idle; load {_ms(result['load'])}, "
        f"on screen {_ms(result['on screen'])}, progress {_ms(result['progress shown'])}, "
        f"base to read {_ms(result['base shown'])}, first version aligned "
        f"{_ms(result['first version shown'])}, aligned view {_ms(result['first view'])})"
    )
    return table(head, ["key", "p50", "p95", "p50 - no-op", "CPU - no-op"], rows)


def cases(directory: Path, quick: bool) -> list[tuple[str, list[str], int]]:
    """(name, files, repeats): the seeds, and three large texts unless ``quick``."""
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    found = [("seeds (5 versions)", seeds, 2 if quick else 9)]
    size = 300 if quick else 6000
    golds = large_family(size, 3, seed=7)
    texts = [golds[0].base_text] + [g.other_text for g in golds]
    paths = []
    for k, text in enumerate(texts):
        path = directory / f"large-{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    found.append((f"3 x {size:,} sentences", paths, 2 if quick else 7))
    return found


def run(quick: bool, size: tuple[int, int] = (160, 48)) -> dict[str, Any]:
    """Measure every case and print its table."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="wirediff-keys-") as tmp:
        for name, files, repeat in cases(Path(tmp), quick):
            result = asyncio.run(measure(files, repeat, size))
            print(key_table(name, result))
            results[name] = result
    return results


def main(argv: list[str] | None = None) -> int:
    """Parse options and print the key latency tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.keys", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small inputs, few repeats")
    args = parser.parse_args(argv)
    run(args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
