"""Write docs/screenshot-grid.svg: the survival grid of 30 dated versions at 160x48, for the README.

The versions are the AFP seed and edited copies with outlets and dates (``tests/grid_data.py``).
Run from the repository root: ``python docs/make_grid_screenshot.py``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.grid_data import many_versions  # noqa: E402
from wirediff.tui.app import WirediffApp  # noqa: E402
from wirediff.tui.grid_screen import GridScreen  # noqa: E402

TARGET = Path(__file__).resolve().parent / "screenshot-grid.svg"


async def main() -> None:
    app = WirediffApp(many_versions(30))
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        while app.aligning or not isinstance(app.screen, GridScreen):
            await pilot.pause(0.01)
        await pilot.pause()
        screen = app.screen
        grid = screen.grid
        assert grid is not None
        # The cursor on a flagged cell, a few versions in.
        row, column = next(
            (r, c)
            for c in range(6, len(grid.columns))
            for r, grid_row in enumerate(grid.rows)
            if grid_row.cells[c].flags
        )
        screen.view.select(row, column)
        await pilot.pause()
        app.save_screenshot(filename=TARGET.name, path=str(TARGET.parent))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    asyncio.run(main())
