"""Two 5,000-sentence versions: the app draws only what is on screen and stays responsive."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from wirediff.core import load_documents
from wirediff.tui.aligned_view import AlignedView
from wirediff.tui.app import make_app
from wirediff.tui.help import HelpScreen

from .conftest import SEEDS
from .test_tui import until_aligned

SENTENCES = 5_000
KEY_BUDGET = 1.5
"""Seconds one key may take under Pilot (which adds ~0.1 s of its own), generous for slow CI."""


def long_versions(folder: Path, count: int = SENTENCES) -> list[str]:
    """A base of ``count`` seed sentences and a version that rewords, drops, adds and moves."""
    rng = random.Random(4)
    seeds = load_documents(sorted(str(p) for p in SEEDS.glob("*.txt")))
    pool = [
        " ".join(s.text.split())
        for d in seeds
        for s in d.sentences
        if s.counts and len(s.text) > 40 and s.text.rstrip()[-1] in ".!?\"'”"
    ]
    base = [f"In part {k}, {rng.choice(pool)}" for k in range(int(count * 1.1))]
    other: list[str] = []
    for k, sentence in enumerate(base):
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.10:
            other.append(f"Officials declined to comment on item {k}.")
        if roll < 0.40:
            words = sentence.split()
            words[rng.randrange(3, len(words))] = rng.choice(["reportedly", "sharply", str(k)])
            sentence = " ".join(words)
        other.append(sentence)
    for _ in range(20):
        other.insert(rng.randrange(len(other)), other.pop(rng.randrange(len(other))))
    paths = []
    for name, sentences in (("long_base.txt", base), ("long_other.txt", other)):
        path = folder / name
        path.write_text(" ".join(sentences), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def long_pair(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    paths = long_versions(tmp_path_factory.mktemp("long"))
    assert all(len(d.sentences) >= SENTENCES for d in load_documents(paths))
    return paths


def test_two_5000_sentence_versions_stay_responsive(long_pair: list[str]) -> None:
    asyncio.run(_drive(long_pair))


async def _drive(paths: list[str]) -> None:
    app = make_app(paths)
    async with app.run_test(size=(160, 48)) as pilot:
        view = app.query_one(AlignedView)
        # While the worker aligns, the app answers keys and shows progress.
        await pilot.pause()
        assert app.collation is None, "aligning 5,000 sentences should take a while"
        assert any(worker.is_running for worker in app.workers)
        assert app.query_one(ProgressBar).display
        # The base is on screen to read while the versions are being aligned.
        assert view.preview and [c.document for c in view.rows[0].cells] == [0]
        assert any("In part 0," in view.render_line(y).text for y in range(4))
        status = app.query_one("#status-text").render()
        assert "Aligning" in str(status)
        started = time.perf_counter()
        await pilot.press("question_mark")
        assert time.perf_counter() - started < KEY_BUDGET * 2
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await until_aligned(pilot)
        assert len(view.rows) >= SENTENCES
        assert not view.preview and [c.document for c in view.rows[0].cells] == [0, 1]
        # One widget draws every row: no widget per sentence.
        assert len(list(app.screen.walk_children())) < 60
        lines = view.virtual_size.height
        assert lines > 3 * SENTENCES
        for keys in (["G"], ["g"], ["pagedown"], ["n"] * 10, ["N"], ["f"], ["w"], ["w"]):
            started = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            spent = (time.perf_counter() - started) / len(keys)
            assert spent < KEY_BUDGET, (keys, spent)
        assert view.cursor > 0
        started = time.perf_counter()
        await pilot.press("slash", *"officials", "enter")
        await pilot.pause()
        assert len(view.search_hits) > 100
        assert time.perf_counter() - started < KEY_BUDGET * 12
