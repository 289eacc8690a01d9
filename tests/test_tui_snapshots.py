"""SVG snapshots of the app's screens at fixed sizes (pytest-textual-snapshot).

Each app is built by ``make_app``, the factory the ``wirediff`` command uses. Snapshots are taken
once the alignment worker has finished; inputs are set not to blink. Update with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from wirediff.tui.app import WirediffApp, make_app

from .conftest import AFP, PARAPHRASE
from .grid_data import many_versions
from .test_tui import until_aligned

SnapCompare = Callable[..., bool]
PAIR = [str(AFP), str(PARAPHRASE)]


async def aligned(pilot: Pilot[Any]) -> None:
    """Wait for the alignment worker and the first paint of its result."""
    await pilot.app.workers.wait_for_complete()
    await until_aligned(pilot)


def then(
    *steps: Callable[[Pilot[Any]], Awaitable[None]],
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Run ``steps`` after the alignment."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await aligned(pilot)
        for step in steps:
            await step(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


class TestMainView:
    def test_seeds(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(make_app([]), terminal_size=(160, 48), run_before=aligned)

    def test_seeds_on_a_narrow_terminal(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(make_app([]), terminal_size=(80, 24), run_before=aligned)

    def test_narrow_terminal_after_tab(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app([]), press=["tab", "tab", "n"], terminal_size=(80, 24), run_before=aligned
        )

    def test_pair_on_a_change(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app(PAIR), press=["n"] * 6, terminal_size=(120, 36), run_before=aligned
        )

    def test_light_theme(self, snap_compare: SnapCompare) -> None:
        async def light(pilot: Pilot[Any]) -> None:
            pilot.app.theme = "textual-light"

        assert snap_compare(
            make_app(PAIR), press=["n"] * 6, terminal_size=(120, 36), run_before=then(light)
        )

    def test_changes_only_without_wrap(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app([]), press=["f", "w"], terminal_size=(160, 48), run_before=aligned
        )

    def test_n_on_one_flag_in_one_version(self, snap_compare: SnapCompare) -> None:
        """n steps through QUOTE≠ flags in 002 only; the status line says so."""
        assert snap_compare(
            make_app([]),
            press=["tab", "tab", "c", *["x"] * 5, "n"],
            terminal_size=(160, 48),
            run_before=aligned,
        )

    def test_interleaved_on_a_narrow_terminal(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app([]), press=["tab", "i"], terminal_size=(80, 24), run_before=aligned
        )

    def test_summary_focused_on_a_narrow_terminal(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app([]),
            press=["S", "down", "right", "right", "right"],
            terminal_size=(80, 24),
            run_before=aligned,
        )

    def test_search_hits(self, snap_compare: SnapCompare) -> None:
        async def search(pilot: Pilot[Any]) -> None:
            await pilot.press("slash", *"nikkei", "enter")

        assert snap_compare(make_app(PAIR), terminal_size=(120, 36), run_before=then(search))


class TestDetailPanel:
    def test_flagged_passage(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app(PAIR),
            press=["f", "f", "f", "f", "f", "enter"],
            terminal_size=(120, 40),
            run_before=aligned,
        )

    def test_moved_passage(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app(PAIR),
            press=["f", "f", "f", "f", "f", "f", "enter"],
            terminal_size=(120, 40),
            run_before=aligned,
        )


class TestHelpScreen:
    def test_help(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            make_app(PAIR), press=["question_mark"], terminal_size=(120, 50), run_before=aligned
        )


class TestExportDialog:
    def test_export(self, snap_compare: SnapCompare) -> None:
        async def open_export(pilot: Pilot[Any]) -> None:
            await pilot.press("e")
            await pilot.pause()
            pilot.app.screen.query_one(Input).value = "report.html"

        assert snap_compare(make_app(PAIR), terminal_size=(100, 30), run_before=then(open_export))


class TestSurvivalGrid:
    """Twenty dated versions open on the grid (from eight versions on, it is the first view)."""

    def test_twenty_versions(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            WirediffApp(many_versions(20)),
            press=["down", "down", "right", "right", "right"],
            terminal_size=(160, 48),
            run_before=aligned,
        )

    def test_twenty_versions_on_a_narrow_terminal(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            WirediffApp(many_versions(20)),
            press=["end", "down", "down", "down", "down", "down"],
            terminal_size=(80, 24),
            run_before=aligned,
        )

    def test_seeds_without_dates(self, snap_compare: SnapCompare) -> None:
        assert snap_compare(make_app([]), press=["o"], terminal_size=(120, 36), run_before=aligned)
