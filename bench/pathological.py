"""Segmentation (and loading) time per MB on pathological inputs, next to normal prose.

The inputs are the test suite's (``tests/hostile.py``): full stops with no space, thousands of
lines that each continue the previous one, one-word lines, the most sentences per byte, and a
"sentence" with no full stop. Each is timed at two sizes: if the time per MB stays flat as the
size grows, the cost is linear. Figures are printed, never asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from wirediff.core.load import document_from_text
from wirediff.core.segment import segment

from .tables import Cell, table

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def _prose(size: int) -> str:
    """The bundled sample story, repeated to ``size`` characters: normal news prose."""
    story = "\n\n".join(
        path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("seeds/*.txt"))
    )
    return (story * (size // len(story) + 1))[:size]


def inputs() -> dict[str, Callable[[int], str]]:
    """Name -> make(size): normal prose first, then the test suite's pathological inputs."""
    from tests.hostile import PATHOLOGICAL

    return {"normal prose (seeds)": _prose, **PATHOLOGICAL}


def _seconds(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(quick: bool) -> list[dict[str, object]]:
    """Per input and size: seconds per MB to segment, and to segment and tag (load)."""
    sizes = (50_000, 200_000) if quick else (250_000, 1_000_000, 4_000_000)
    segment("Warm up. The tokenizer loads once.")
    results: list[dict[str, object]] = []
    for name, make in inputs().items():
        for size in sizes:
            text = make(size)
            megabytes = len(text.encode("utf-8")) / MB
            seconds = _seconds(lambda text=text: segment(text))
            loaded = _seconds(lambda text=text: document_from_text(text))
            results.append(
                {
                    "input": name,
                    "mb": round(megabytes, 2),
                    "segment_s_per_mb": seconds / megabytes,
                    "load_s_per_mb": loaded / megabytes,
                }
            )
    return results


def pathological_table(results: list[dict[str, object]]) -> str:
    """The figures as a table: one row per input and size."""
    rows: list[list[Cell]] = [
        [
            str(row["input"]),
            float(row["mb"]),  # type: ignore[arg-type]
            float(row["segment_s_per_mb"]),  # type: ignore[arg-type]
            float(row["load_s_per_mb"]),  # type: ignore[arg-type]
        ]
        for row in results
    ]
    return table(
        "Segmentation per MB, pathological inputs next to prose (flat per MB = linear)",
        ["input", "MB", "segment s/MB", "segment+roles s/MB"],
        rows,
    )


def run(quick: bool) -> dict[str, object]:
    """Measure and print; returns the figures for results.json."""
    results = measure(quick)
    print(pathological_table(results))
    return {"segmentation": results}
