"""The terminal app, driven by Pilot: keys select, filter, show and write what they say."""

from __future__ import annotations

import asyncio
import csv
import functools
import io
import json
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select

from wirediff.core import load_documents
from wirediff.present.items import RowFilter
from wirediff.present.rows import CellStatus
from wirediff.reports import EXTENSIONS, RENDERERS
from wirediff.tui.aligned_view import AlignedView
from wirediff.tui.app import WirediffApp, make_app, run
from wirediff.tui.column_header import ColumnHeader
from wirediff.tui.detail import DetailScreen
from wirediff.tui.export import ExportScreen
from wirediff.tui.help import HelpScreen
from wirediff.tui.status import StatusLine

from .conftest import AFP, PARAPHRASE, SEEDS

T = TypeVar("T")


def sync(test: Callable[..., Coroutine[Any, Any, T]]) -> Callable[..., T]:
    """Run an async test in its own event loop (no async pytest plugin is needed)."""

    @functools.wraps(test)
    def run_test(*args: Any, **kwargs: Any) -> T:
        return asyncio.run(test(*args, **kwargs))

    return run_test


PAIR = [str(AFP), str(PARAPHRASE)]
"""The near-verbatim republication (base) and the paraphrase: every kind of change."""


async def ready(pilot: Pilot[int]) -> AlignedView:
    """Wait until the alignment is shown (or has failed) and return the aligned view."""
    await pilot.app.workers.wait_for_complete()
    await until_aligned(pilot)
    return pilot.app.query_one(AlignedView)


async def until_aligned(pilot: Pilot[Any], timeout: float = 30) -> None:
    """Pause until the app has handled the end of its alignment worker."""
    app = pilot.app
    assert isinstance(app, WirediffApp)
    waited = 0.0
    while app.aligning and waited < timeout:
        await pilot.pause(0.01)
        waited += 0.01
    assert not app.aligning, "the alignment never finished"
    await pilot.pause()


def status_text(app: WirediffApp) -> str:
    return str(app.query_one(StatusLine).query_one("#status-text").render())


def header_text(app: WirediffApp) -> str:
    header = app.query_one(ColumnHeader)
    return "\n".join(header.render_line(y).text for y in range(2))


async def press(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


# --- opening ---------------------------------------------------------------------------------


@sync
async def test_seeds_open_with_one_column_per_version_base_left() -> None:
    app = make_app([])
    async with app.run_test(size=(200, 50)) as pilot:
        view = await ready(pilot)
        collation = app.collation
        assert collation is not None and collation.base == 0
        assert [column.document for column in view.columns] == [0, 1, 2, 3, 4]
        header = header_text(app)
        assert "BASE" in header.splitlines()[0].split("│")[0]
        for document in collation.documents:
            assert document.label in header
            assert document.title.split()[0] in header
        row = view.current_row
        assert row is not None and row.base_sentence == 0  # the first base passage
        assert "passage 1 (" in status_text(app)


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
@sync
async def test_every_sentence_shows_once_per_column_in_order(size: tuple[int, int]) -> None:
    app = make_app([])
    async with app.run_test(size=size) as pilot:
        view = await ready(pilot)
        assert app.collation is not None
        assert [cell.document for cell in view.rows[0].cells] == [0, 1, 2, 3, 4]
        for position, document in enumerate(view.order):
            sentences = [s for row in view.rows for s in row.cells[position].sentences]
            count = len(app.collation.documents[document].sentences)
            assert sentences == list(range(count))


@sync
async def test_omitted_and_added_cells_are_marked_on_screen() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        omitted = next(
            p for p, item in enumerate(view.items)
            if view.rows[item.row].cells[1].status is CellStatus.OMITTED
        )  # fmt: skip
        view.select(omitted)
        await pilot.pause()
        top = view._item_y[omitted] - int(view.scroll_y)
        line = view.render_line(top).text
        assert "│- omitted" in line


# --- moving around ---------------------------------------------------------------------------


@sync
async def test_keys_move_the_selection() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        last = len(view.items) - 1
        start = view.cursor
        await press(pilot, "j")
        assert view.cursor == start + 1
        await press(pilot, "down", "down")
        assert view.cursor == start + 3
        await press(pilot, "k", "up")
        assert view.cursor == start + 1
        await press(pilot, "G")
        assert view.cursor == last
        assert view.scroll_y > 0
        await press(pilot, "g")
        assert view.cursor == 0 and view.scroll_y == 0
        await press(pilot, "end")
        assert view.cursor == last
        await press(pilot, "home")
        assert view.cursor == 0
        await press(pilot, "pagedown")
        assert view.cursor > 1 and view.scroll_y > 0
        paged = view.cursor
        await press(pilot, "pagedown")
        assert view.cursor > paged
        await press(pilot, "pageup", "pageup")
        assert view.cursor < paged
        assert "passage" in status_text(app)


@sync
async def test_n_visits_every_change_in_order_and_N_comes_back() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        start = view.cursor
        expected = [
            p for p, item in enumerate(view.items)
            if p > start and view.rows[item.row].is_change
        ]  # fmt: skip
        visited = []
        for _ in range(len(expected) + 2):
            await pilot.press("n")
            if visited and view.cursor == visited[-1]:
                break
            visited.append(view.cursor)
        assert visited == expected
        kinds = {
            cell.status
            for p in visited
            for cell in view.rows[view.items[p].row].cells
        }  # fmt: skip
        assert {
            CellStatus.REWORDED,
            CellStatus.ADDED,
            CellStatus.OMITTED,
            CellStatus.MOVED,
            CellStatus.MOVED_AWAY,
        } <= kinds
        await press(pilot, "N")
        assert view.cursor == expected[-2]
        await press(pilot, "left_square_bracket")
        assert view.cursor == expected[-3]
        await press(pilot, "right_square_bracket")
        assert view.cursor == expected[-2]


@sync
async def test_f_cycles_the_filter_and_the_status_line_says_so() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        everything = len(view.items)
        expected = {
            RowFilter.CHANGES: ("changes only", lambda row: row.is_change),
            RowFilter.ADDED: (
                "added",
                lambda row: any(c.status is CellStatus.ADDED for c in row.cells),
            ),
            RowFilter.OMITTED: (
                "omitted",
                lambda row: any(c.status is CellStatus.OMITTED for c in row.cells),
            ),
            RowFilter.REWORDED: (
                "reworded",
                lambda row: any(
                    c.status is CellStatus.REWORDED
                    or (c.status is CellStatus.MOVED and c.link and c.link.edits)
                    for c in row.cells
                ),
            ),
            RowFilter.FLAGGED: ("flagged", lambda row: bool(row.flags)),
        }
        for row_filter, (label, keeps) in expected.items():
            await press(pilot, "f")
            assert view.row_filter is row_filter
            assert view.items and len(view.items) < everything
            assert all(keeps(view.rows[item.row]) for item in view.items)
            assert label in status_text(app)
        await press(pilot, "f")
        assert view.row_filter is RowFilter.MOVED
        await press(pilot, "f")
        assert view.row_filter is RowFilter.ALL
        assert len(view.items) == everything


@sync
async def test_tab_focuses_columns_and_slides_them_on_a_narrow_terminal() -> None:
    app = make_app([])
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(pilot)
        assert [c.document for c in view.columns] == [0, 1]
        assert view.focused_document == 0
        await press(pilot, "tab")
        assert view.focused_document == 1
        await press(pilot, "tab")
        assert view.focused_document == 2
        assert [c.document for c in view.columns] == [0, 2]
        assert "▸ 002 " in header_text(app)
        assert "2 of 5 versions on screen" in status_text(app)
        await press(pilot, "shift+tab", "shift+tab")
        assert view.focused_document == 0
        await press(pilot, "shift+tab")
        assert view.focused_document == 4
        assert [c.document for c in view.columns] == [0, 4]


@sync
async def test_v_shows_the_base_and_one_other_in_turn() -> None:
    app = make_app([])
    async with app.run_test(size=(200, 50)) as pilot:
        view = await ready(pilot)
        await press(pilot, "v")
        assert view.shown_other == 1
        assert [c.document for c in view.columns] == [0, 1]
        await press(pilot, "v")
        assert [c.document for c in view.columns] == [0, 2]
        await press(pilot, "v", "v", "v")
        assert view.shown_other is None
        assert len(view.columns) == 5


@sync
async def test_b_makes_the_focused_version_the_base() -> None:
    app = make_app([])
    async with app.run_test(size=(200, 50)) as pilot:
        view = await ready(pilot)
        await press(pilot, "tab", "b")
        await ready(pilot)
        assert app.collation is not None and app.collation.base == 1
        assert view.columns[0].document == 1
        assert "BASE 001 2025-02-06" in header_text(app)


@sync
async def test_w_toggles_wrap_and_z_folds_boilerplate() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        assert view.fold_boilerplate  # page furniture folded at first, as in the HTML report
        folded_items = len(view.items)
        await press(pilot, "z")
        assert not view.fold_boilerplate
        assert "furniture shown" in status_text(app)
        rows = len(view.items)
        assert rows == len(view.rows) > folded_items
        assert view.virtual_size.height > 2 * rows
        await press(pilot, "w")
        assert not view.wrap
        assert view.virtual_size.height == rows
        assert "wrap off" in status_text(app)
        await press(pilot, "w", "z")
        assert view.wrap and view.fold_boilerplate
        folded = [p for p, item in enumerate(view.items) if item.folded]
        assert folded and len(view.items) == folded_items
        view.select(folded[0])
        await press(pilot, "enter")
        assert not view.fold_boilerplate
        assert len(view.items) == rows


@sync
async def test_clicking_a_row_selects_it_and_focuses_its_column() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        target = 2
        y = view._item_y[target] - int(view.scroll_y)
        x = view.columns[1].x + 3
        await pilot.click(AlignedView, offset=(x, y))
        await pilot.pause()
        assert view.cursor == target
        assert view.focused_document == view.columns[1].document
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 0
        assert view.cursor == target  # the wheel scrolls; a click selects


@sync
async def test_m_follows_a_moved_passage_and_back() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        origin = next(
            p for p, item in enumerate(view.items)
            if any(c.status is CellStatus.MOVED_AWAY for c in view.rows[item.row].cells)
        )  # fmt: skip
        view.select(origin)
        await press(pilot, "m")
        moved = view.current_row
        assert moved is not None
        assert any(c.status is CellStatus.MOVED for c in moved.cells)
        await press(pilot, "m")
        assert view.cursor == origin


# --- panels ----------------------------------------------------------------------------------


@sync
async def test_enter_shows_every_version_of_the_passage_in_full() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await press(pilot, "f", "f", "f", "f", "f")  # flagged
        row = view.current_row
        assert row is not None and row.flags
        await press(pilot, "enter")
        assert isinstance(app.screen, DetailScreen)
        text = str(app.screen.render_detail_text())
        collation = app.collation
        assert collation is not None
        for cell in row.cells:
            document = collation.documents[cell.document]
            assert document.label in text
            for index in cell.sentences:
                first_words = " ".join(document.sentences[index].text.split()[:3])
                assert first_words in text
        assert "word changes:" in text
        assert "score 0." in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, DetailScreen)


@sync
async def test_the_detail_panel_keeps_wrapped_evidence_indented() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "f", "f", "f", "f", "f")  # flagged
        await press(pilot, "enter")
        assert isinstance(app.screen, DetailScreen)
        lines = app.screen.render_detail_text(width=40).splitlines()
        start = next(i for i, line in enumerate(lines) if "why linked:" in line)
        # the evidence wraps at 40 columns; every line of it stays under its heading's indent
        following = lines[start + 1 : start + 3]
        assert following and all(line.startswith("    ") for line in following if line.strip())


@sync
async def test_help_lists_every_key() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.render_help_text()
        for binding in [*AlignedView.BINDINGS, *WirediffApp.BINDINGS]:
            assert binding.tooltip in text  # type: ignore[union-attr]
            assert binding.id  # type: ignore[union-attr]
        for symbol in ("=", "~", "↕", "+", "-", "·"):
            assert f"{symbol}  " in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


@sync
async def test_summary_panel_lists_each_version() -> None:
    app = make_app([])
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        from wirediff.tui.summary import SummaryPanel

        summary = app.query_one(SummaryPanel)
        assert summary.display and summary.row_count == 5
        first = [str(cell) for cell in summary.get_row_at(1)]
        assert first[:3] == ["001 2025-02-06", "37%", "45%"]
        await press(pilot, "s")
        assert not summary.display


@sync
async def test_search_steps_through_hits_and_escape_clears_it() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await press(pilot, "slash")
        assert app.query_one("#search", Input).has_focus
        await press(pilot, *"nikkei", "enter")
        assert view.search_text == "nikkei"
        hits = view.search_hits
        assert len(hits) >= 2
        assert view.cursor == hits[0]
        assert "search “nikkei”: 1/" in status_text(app)
        await press(pilot, "n")
        assert view.cursor == hits[1]
        await press(pilot, "N")
        assert view.cursor == hits[0]
        await press(pilot, "escape")
        assert view.search_text == ""
        await press(pilot, "n")
        assert view.current_row is not None and view.current_row.is_change


async def _export(pilot: Pilot[int], format_name: str | None, path: str | None) -> None:
    await press(pilot, "e")
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    if format_name is not None:
        screen.query_one(Select).value = format_name
        await pilot.pause()
    if path is not None:
        screen.query_one(Input).value = path
    await press(pilot, "enter")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


@pytest.mark.parametrize("format_name", sorted(RENDERERS))
@sync
async def test_e_exports_a_report_that_parses(format_name: str, tmp_path: Path) -> None:
    app = make_app(PAIR)
    target = tmp_path / f"report{EXTENSIONS[format_name]}"
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _export(pilot, format_name, str(target))
        assert not isinstance(app.screen, ExportScreen)
    text = target.read_text(encoding="utf-8")
    if format_name == "json":
        assert json.loads(text)["base"] == 0
    elif format_name == "html":
        parser = _Parser()
        parser.feed(text)
        assert "html" in parser.tags and "table" in parser.tags
    elif format_name == "csv":
        assert len(list(csv.reader(io.StringIO(text)))) > 10
    elif format_name == "md":
        assert text.startswith("# wirediff report") and "\\_d2c0166b2a2dd97c.txt" in text
    else:
        assert "001_d2c0166b2a2dd97c.txt" in text


@sync
async def test_export_defaults_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _export(pilot, None, None)
    written = list(tmp_path.iterdir())
    assert [path.name for path in written] == ["wirediff-report.html"]


@sync
async def test_export_to_a_bad_path_says_why_and_stays_open(tmp_path: Path) -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _export(pilot, "json", str(tmp_path / "missing" / "r.json"))
        assert isinstance(app.screen, ExportScreen)
        error = str(app.screen.query_one("#export-error").render())
        assert "cannot write" in error
        await press(pilot, "escape")
        assert not isinstance(app.screen, ExportScreen)


@sync
async def test_t_switches_theme() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)

        def look() -> list[str]:
            """The styles the theme gives: every widget's, and the view's marks."""
            view = app.query_one(AlignedView)
            styles = [str(widget.rich_style) for widget in app.screen.walk_children()]
            styles += [
                str(view.get_component_rich_style(name)) for name in sorted(view.COMPONENT_CLASSES)
            ]
            return styles

        dark = app.theme
        dark_look = look()
        await press(pilot, "t")
        assert app.theme != dark
        light_look = look()
        assert light_look != dark_look
        await press(pilot, "t")
        assert app.theme == dark
        # the second time, each theme's rules are the kept ones: every style is the same
        assert look() == dark_look
        await press(pilot, "t")
        assert look() == light_look


@sync
async def test_q_quits() -> None:
    app = make_app(PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "base", "message"),
    [
        (["/nonexistent/wire.txt", str(AFP)], "0", "no such file"),
        ([str(AFP)], "0", "need at least two documents"),
        ([str(AFP), str(PARAPHRASE)], "7", "no such document"),
        ([str(AFP), "EMPTY"], "0", "empty"),
        ([str(AFP), "BINARY"], "0", "binary"),
    ],
)
def test_bad_input_is_one_line_before_the_app_starts(
    files: list[str],
    base: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    files = [
        str(tmp_path / "empty.txt") if f == "EMPTY" else str(tmp_path / "binary.txt")
        if f == "BINARY" else f
        for f in files
    ]  # fmt: skip
    monkeypatch.setattr(WirediffApp, "run", lambda self: pytest.fail("the app started"))
    assert run(files, base=base) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("wirediff: ") and message in err
    assert "Traceback" not in err


def test_the_cli_opens_the_app_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirediff.cli import main as cli

    started: list[WirediffApp] = []

    def fake_run(self: WirediffApp) -> int:
        started.append(self)
        return 0

    monkeypatch.setattr(WirediffApp, "run", fake_run)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert cli.main([str(AFP), str(PARAPHRASE), "--base", "1"]) == 0
    assert len(started) == 1
    assert started[0].requested_base == "1"
    assert [d.name for d in started[0].documents] == [AFP.name, PARAPHRASE.name]


@sync
async def test_an_alignment_that_fails_is_a_message_not_a_crash() -> None:
    documents = load_documents([str(AFP), str(PARAPHRASE)])
    app = WirediffApp(documents[:1])
    async with app.run_test(size=(100, 30)) as pilot:
        view = await ready(pilot)
        assert app.collation is None
        assert "need at least two documents" in view.message
        assert "need at least two documents" in view.render_line(1).text
        await press(pilot, "j", "n", "enter", "e", "b")
        assert app.is_running


def test_seeds_folder_works_as_input() -> None:
    app = make_app([str(SEEDS)])
    assert len(app.documents) == 5


@sync
async def test_resizing_across_column_counts_keeps_rows_and_columns_in_step() -> None:
    """Rows hold every version at any width; a width change that alters which versions fit
    (a scroll bar coming or going, a resized terminal) changes only the window onto them."""
    app = make_app([])
    async with app.run_test(size=(160, 40)) as pilot:
        view = await ready(pilot)
        rows = view.rows
        for width in (150, 121, 119, 91, 89, 61, 200, 95, 160):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            await press(pilot, "w", "G", "w", "g")
            assert view.rows is rows
            assert [cell.document for cell in view.rows[0].cells] == [0, 1, 2, 3, 4]
            assert view._layout is not None
            for item in view.items[:30]:
                if not item.folded and not view._layout.hidden(item.row):
                    assert len(view._layout.lines(item.row).cells) == len(view.columns)
            for position in range(min(len(view.items), 30)):
                view.render_line(position)
        assert app.is_running


@sync
async def test_rows_rebuilt_before_the_view_has_a_width_still_draw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: an alignment shown before the first layout pass left the new row layout
    without columns, and drawing it raised ValueError (seen as flaky snapshots)."""
    from textual.geometry import Region

    app = make_app(PAIR)
    async with app.run_test(size=(120, 36)) as pilot:
        view = await ready(pilot)
        with monkeypatch.context() as patch:
            patch.setattr(
                AlignedView, "scrollable_content_region", property(lambda self: Region(0, 0, 0, 0))
            )
            assert app.collation is not None
            view.show(app.collation)
        view._strips.clear()
        for y in range(10):
            view.render_line(y)
        await pilot.pause()
        assert app.is_running


def test_a_partial_alignment_shows_the_base_and_the_versions_compared_so_far() -> None:
    async def run() -> None:
        app = make_app([])
        async with app.run_test(size=(160, 48)) as pilot:
            await until_aligned(pilot)
            collation = app.collation
            assert collation is not None
            view = app.view
            partial = replace(collation, comparisons=collation.comparisons[:1], matrix=())
            view.show(partial, preview=True)
            await pilot.pause()
            assert view.order == [collation.base, collation.comparisons[0].other]
            assert view.items
            app.show_collation(collation)
            await pilot.pause()
            assert len(view.order) == len(collation.documents)

    asyncio.run(run())
