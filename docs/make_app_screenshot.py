"""Write docs/screenshot-app.svg: the app on the seeds at 160x48, 001 focused, for the README.

Run from the repository root: ``python docs/make_app_screenshot.py``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from wirediff.tui.aligned_view import AlignedView
from wirediff.tui.app import make_app

TARGET = Path(__file__).resolve().parent / "screenshot-app.svg"


async def main() -> None:
    app = make_app([])
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        while app.aligning:
            await pilot.pause(0.01)
        view = app.query_one(AlignedView)
        view.select_row(next(row.index for row in view.rows if row.base_sentence == 0))
        await pilot.press("tab")  # 001 has the focus: the base column strikes what it dropped
        await pilot.pause()  # the headline row selected
        app.save_screenshot(filename=TARGET.name, path=str(TARGET.parent))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    asyncio.run(main())
