"""Drive the real app on the bundled seeds and save SVG screenshots into this folder.

Run: python screenshots/make_screenshots.py   (uses a temporary READER_HOME)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from reader.core.library import Library
from reader.paths import resolve_paths
from reader.ui.app import ReaderApp

HERE = Path(__file__).resolve().parent
SIZE = (120, 40)


async def shoot(home: Path) -> list[Path]:
    saved: list[Path] = []
    app = ReaderApp(Library(resolve_paths({"READER_HOME": str(home)})))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def save(name: str) -> None:
            await pilot.pause()
            path = HERE / f"{name}.svg"
            path.write_text(app.export_screenshot(title=f"reader: {name}"), encoding="utf-8")
            saved.append(path)

        await save("library")
        for step in getattr(SCRIPT, "steps", []):
            await step(pilot, save)
    return saved


class SCRIPT:
    """Further scenes, added as the interface grows."""

    @staticmethod
    async def article(pilot, save) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "down", "down", "enter")
        await save("article")
        await pilot.press("r", "end")
        await save("article-removed")
        await pilot.press("escape")

    steps = [article]


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        for path in asyncio.run(shoot(Path(home))):
            print(path)


if __name__ == "__main__":
    main()
