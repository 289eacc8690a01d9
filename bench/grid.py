"""Many versions: 50 versions of a ~60-sentence story in the survival grid and the HTML report.

``python -m bench.grid [--versions 50] [--sentences 60]``. The story is recombined from the
bench's real text (``large.py``), each version an edited copy made by the synthetic edit
generator (``synthetic.py``, ``edits.py``: paraphrase, split, merge, drop, add, move, altered
quotes, numbers and names), with an outlet and a publication time. Prints:

- collate: aligning every version with the base, in-process;
- app: from start to the grid on screen (alignment in the worker included), and the time of
  each key in the grid, both as Pilot round trips (which add Textual's own idle waits) and as
  the action plus drawing every visible line;
- HTML report: size, render time in Python, and load-to-paint time in headless Chromium,
  measured inside the page by a copy that adds a timing script (the report's own policy would
  not run it). Chromium's wall and CPU time (all its processes) are printed beside an empty
  page's: on a busy machine the wall times grow, the CPU times much less.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from wirediff.core import Collation, Document, collate, document_from_text

from .large import large_family
from .tables import table

OUTLETS = (
    "AFP Wire", "Japan Times", "Straits Times", "France 24", "Inquirer", "Bangkok Post",
    "Yahoo News", "The Hindu", "Dawn", "NDTV", "Arab News", "Jakarta Post", "Gulf News",
    "Manila Times", "RFI", "SCMP", "Kyodo", "Khaleej Times", "Barron's", "Nikkei Asia",
)  # fmt: skip
KEYS = ("down", "right", "end", "G", "pagedown", "home", "g", "n", "s", "s", "s", "enter", "o")


def versions(count: int, sentences: int, seed: int = 7) -> tuple[Document, ...]:
    """A base story and ``count - 1`` edited copies, each with an outlet and a time."""
    family = large_family(sentences, count, seed=seed)
    texts = [family[0].base_text, *(case.other_text for case in family)]
    start = datetime(2025, 2, 6, 1, 0, tzinfo=UTC)
    documents = []
    for k, text in enumerate(texts):
        document = document_from_text(text, f"v{k:02d}.txt")
        when = start + timedelta(minutes=47 * k + (k * 37) % 60)
        outlet = OUTLETS[k % len(OUTLETS)] + ("" if k < len(OUTLETS) else f" {k // len(OUTLETS)}")
        documents.append(dataclasses.replace(document, outlet=outlet, published=when.isoformat()))
    return tuple(documents)


def time_collate(documents: tuple[Document, ...]) -> tuple[float, Collation]:
    started = time.perf_counter()
    collation = collate(documents)
    return time.perf_counter() - started, collation


async def _app_run(
    documents: tuple[Document, ...], size: tuple[int, int], aligned: Collation | None
) -> dict[str, float]:
    from wirediff.tui import app as app_module
    from wirediff.tui.grid_screen import GridScreen, open_grid

    if aligned is not None:
        # The app's worker gets the alignment already made: what is left is the app's own work.
        app_module.collate = lambda *args, **kwargs: aligned  # type: ignore[assignment]
    app = app_module.WirediffApp(documents)
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        while not isinstance(app.screen, GridScreen) or app.aligning:
            await pilot.pause(0.005)
            if time.perf_counter() - started > 120:
                raise RuntimeError("the grid never showed")
        screen = app.screen
        await pilot.pause()
        opened = time.perf_counter() - started
        round_trips: list[float] = []
        slowest = ("", 0.0)
        for key in KEYS:
            before = time.perf_counter()
            await pilot.press(key)
            round_trips.append(time.perf_counter() - before)
            if round_trips[-1] > slowest[1]:
                slowest = (key, round_trips[-1])
            if not isinstance(app.screen, GridScreen):
                assert app.collation is not None
                open_grid(app, app.collation)
                await pilot.pause()
        # The work a key costs: the action and drawing every visible line of the grid.
        view = screen.view
        height = view.scrollable_content_region.height
        direct: list[float] = []
        actions = ("move(1, 0)", "move(0, 1)", "column_end(1)", "row_end(1)", "page(-1)") * 3
        for action in actions:
            before = time.perf_counter()
            await view.run_action(action)
            for y in range(height):
                view.render_line(y)
            direct.append(time.perf_counter() - before)
        before = time.perf_counter()
        screen.action_cycle_order()
        for y in range(height):
            view.render_line(y)
        direct.append(time.perf_counter() - before)
    print(f"  {size[0]}x{size[1]}: slowest key {slowest[0]} ({slowest[1] * 1000:.0f} ms)")
    return {
        "open": opened,
        "press_median": statistics.median(round_trips),
        "press_max": max(round_trips),
        "work_median": statistics.median(direct),
        "work_max": max(direct),
    }


def time_app(
    documents: tuple[Document, ...], size: tuple[int, int], aligned: Collation | None = None
) -> dict[str, float]:
    """Open the app on ``documents`` (aligning them, unless ``aligned`` is given) and time it."""
    from wirediff.tui import app as app_module

    collate_function = app_module.collate
    try:
        return asyncio.run(_app_run(documents, size, aligned))
    finally:
        app_module.collate = collate_function


TIMING = """<script>
addEventListener("load", function () {
  requestAnimationFrame(function () { setTimeout(function () {
    document.documentElement.setAttribute("data-painted", String(performance.now()));
  }, 0); });
});
</script>"""


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(browser: str, page: Path, profile: Path) -> tuple[float, str, float]:
    """Wall time, the DOM after load, and the CPU time of every Chromium process."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    return wall, result.stdout, used


def time_browser(page_text: str, folder: Path) -> dict[str, float] | None:
    """Load-to-paint inside the page (ms), and Chromium's wall time for it and an empty page."""
    browser = _browser()
    if browser is None:
        return None
    timed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_text, count=1)
    timed = timed.replace("</body>", TIMING + "</body>", 1)
    page = folder / "timed.html"
    page.write_text(timed, encoding="utf-8")
    empty = folder / "empty.html"
    empty.write_text("<!DOCTYPE html><title>empty</title><p>empty</p>", encoding="utf-8")
    profile = folder / "profile"
    profile.mkdir(exist_ok=True)
    _chromium(browser, empty, profile)  # warm the profile and the disk cache
    paints = []
    walls = []
    cpus = []
    for _ in range(3):
        wall, dom, cpu = _chromium(browser, page, profile)
        found = re.search(r'data-painted="([0-9.]+)"', dom)
        if found:
            paints.append(float(found.group(1)))
        walls.append(wall)
        cpus.append(cpu)
    empty_runs = [_chromium(browser, empty, profile) for _ in range(3)]
    return {
        "paint_ms": min(paints) if paints else float("nan"),
        "wall_s": min(walls),
        "empty_wall_s": min(run[0] for run in empty_runs),
        "cpu_s": min(cpus),
        "empty_cpu_s": min(run[2] for run in empty_runs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.grid", description=__doc__)
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--sentences", type=int, default=60)
    args = parser.parse_args(argv)
    documents = versions(args.versions, args.sentences)
    sizes = [len(d.sentences) for d in documents]
    print(
        f"{len(documents)} versions, {min(sizes)}-{max(sizes)} segments each "
        f"(base {sizes[0]}), {sum(len(d.text) for d in documents) // 1000} kB of text"
    )
    seconds, collation = time_collate(documents)
    rows: list[list[object]] = [["collate (in-process)", f"{seconds:.2f} s"]]
    for size in ((160, 48), (80, 24)):
        app = time_app(documents, size)
        label = f"{size[0]}x{size[1]}"
        rows.append([f"app {label}: start to grid shown", f"{app['open']:.2f} s"])
        ready = time_app(documents, size, aligned=collation)
        rows.append([f"app {label}: the same, alignment made beforehand", f"{ready['open']:.2f} s"])
        rows.append(
            [
                f"app {label}: key, Pilot round trip (median / max)",
                f"{app['press_median'] * 1000:.0f} / {app['press_max'] * 1000:.0f} ms",
            ]
        )
        rows.append(
            [
                f"app {label}: key, action + redraw (median / max)",
                f"{app['work_median'] * 1000:.1f} / {app['work_max'] * 1000:.1f} ms",
            ]
        )
    from wirediff.reports.html_report import render_html

    started = time.perf_counter()
    page = render_html(collation, "bench")
    rendered = time.perf_counter() - started
    rows.append(["HTML report: size", f"{len(page.encode('utf-8')) / 1e6:.2f} MB"])
    rows.append(["HTML report: written by wirediff", f"{rendered:.2f} s"])
    with tempfile.TemporaryDirectory(prefix="wirediff-bench-grid-") as folder:
        browser = time_browser(page, Path(folder))
    if browser is None:
        rows.append(["HTML report: Chromium", "not installed (skipped)"])
    else:
        rows.append(
            ["HTML report: load to first paint in Chromium", f"{browser['paint_ms']:.0f} ms"]
        )
        rows.append(
            [
                "HTML report: Chromium wall time (empty page)",
                f"{browser['wall_s']:.2f} s ({browser['empty_wall_s']:.2f} s)",
            ]
        )
        rows.append(
            [
                "HTML report: Chromium CPU time, all processes (empty page)",
                f"{browser['cpu_s']:.2f} s ({browser['empty_cpu_s']:.2f} s)",
            ]
        )
    print(table("Survival grid, many versions", ["measure", "value"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
