"""The HTML report in headless Chromium: tables render, the toggle script runs, hostile text doesn't.

Skipped, with the reason, where no Chromium is installed (``.ci/run`` installs Debian's).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import html5lib
import pytest

from wirediff.core import Collation, collate, document_from_text, load_documents
from wirediff.core.load import bundled_seeds
from wirediff.present.rows import build_rows
from wirediff.reports.html_report import render_html

from .hostile import BASE, OTHER

NS = "{http://www.w3.org/1999/xhtml}"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@pytest.fixture(scope="module")
def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(
        "chromium not installed: no " + ", ".join(BROWSERS) + " on PATH "
        "(apt-get install chromium; .ci/run does)"
    )


def run_browser(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def dump_dom(browser: str, tmp_path: Path, page: Path) -> Any:
    """The page's DOM after its scripts ran, parsed: the ``html`` element."""
    result = run_browser(browser, tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    html = html5lib.parse(result.stdout)
    assert html.tag == NS + "html"
    return html


@pytest.fixture(scope="module")
def seeds() -> Collation:
    return collate(load_documents(bundled_seeds()))


def test_seeds_report_renders_tables_and_runs_the_toggle_script(
    browser: str, seeds: Collation, tmp_path: Path
) -> None:
    page = tmp_path / "seeds.html"
    page.write_text(render_html(seeds, "test"), encoding="utf-8")
    html = dump_dom(browser, tmp_path, page)
    # The script ran (so the policy's hash admitted it) and revealed the toggles.
    assert html.get("data-toggles") == "ready"
    toggles = next(e for e in html.iter(NS + "span") if e.get("id") == "toggles")
    assert toggles.get("hidden") is None
    for number, comparison in enumerate(seeds.comparisons, start=1):
        section = next(e for e in html.iter(NS + "section") if e.get("id") == f"c{number}")
        rows = [tr for tr in section.iter(NS + "tr") if tr.get("id", "").startswith(f"c{number}-r")]
        assert len(rows) == len(build_rows(seeds, shown=[comparison.other]))


def test_hostile_report_runs_nothing_in_the_browser(browser: str, tmp_path: Path) -> None:
    payload = "document.documentElement.setAttribute('data-pwned', 'yes')"
    documents = [
        text.replace("alert(1)", payload).replace("alert(2)", payload) for text in (BASE, OTHER)
    ]
    collation = collate(
        [document_from_text(documents[0], "a.txt"), document_from_text(documents[1], "b.txt")]
    )
    page = tmp_path / "hostile.html"
    page.write_text(render_html(collation, "test"), encoding="utf-8")
    html = dump_dom(browser, tmp_path, page)
    assert html.get("data-pwned") is None
    assert html.get("data-toggles") == "ready"
    assert len(list(html.iter(NS + "script"))) == 1
    assert not list(html.iter(NS + "img"))


def test_screenshot_of_the_seeds_report(browser: str, seeds: Collation, tmp_path: Path) -> None:
    page = tmp_path / "seeds.html"
    page.write_text(render_html(seeds, "test"), encoding="utf-8")
    shot = tmp_path / "seeds.png"
    result = run_browser(
        browser, tmp_path, f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


def test_survival_grid_and_timeline_render_in_the_browser(browser: str, tmp_path: Path) -> None:
    from wirediff.present.grid import build_grid

    from .grid_data import many_versions

    collation = collate(many_versions(20))
    page = tmp_path / "grid.html"
    page.write_text(render_html(collation, "test"), encoding="utf-8")
    html = dump_dom(browser, tmp_path, page)
    assert html.get("data-toggles") == "ready"
    (table,) = [t for t in html.iter(NS + "table") if t.get("class") == "grid"]
    grid = build_grid(collation)
    rows = list(next(table.iter(NS + "tbody")).iter(NS + "tr"))
    assert len(rows) == len(grid.rows)
    ids = {e.get("id") for e in html.iter() if isinstance(e.tag, str) and e.get("id")}
    for tr, row in zip(rows, grid.rows, strict=True):
        cells = list(tr.iter(NS + "td"))[3:]
        assert len(cells) == len(grid.columns)
        marks = ["".join(td.itertext()) for td in cells]
        assert marks == [cell.symbol + ("!" if cell.flags else "") for cell in row.cells]
        for td in cells:
            assert next(td.iter(NS + "a")).get("href")[1:] in ids
    svg = "{http://www.w3.org/2000/svg}"
    (timeline,) = list(html.iter(svg + "svg"))
    assert len(list(timeline.iter(svg + "circle"))) == 20
