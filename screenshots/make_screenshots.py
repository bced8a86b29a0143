"""Drive the real app on the bundled seeds and save SVG screenshots into this folder.

Run: python screenshots/make_screenshots.py   (indexes the seeds in a temporary READER_HOME)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from reader.core.library.facade import Library
from reader.core.library.paths import resolve_paths
from reader.ui.app import ReaderApp

HERE = Path(__file__).resolve().parent
SIZE = (120, 36)


async def shoot(home: Path) -> list[Path]:
    saved: list[Path] = []
    library = Library(resolve_paths({"READER_HOME": str(home)}))
    list(library.sync())
    app = ReaderApp(library)
    async with app.run_test(size=SIZE) as pilot:

        async def settle() -> None:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

        async def save(name: str) -> None:
            await settle()
            path = HERE / f"{name}.svg"
            path.write_text(app.export_screenshot(title=f"reader — {name}"), encoding="utf-8")
            saved.append(path)

        await save("library")
        app.screen.query_one("#search").cursor_blink = False
        await pilot.press("slash", *"zelensky")
        await pilot.pause(0.3)
        await save("search")
        await pilot.press("enter")
        await save("article")
        await pilot.press("r")
        await save("article-removed")
        await pilot.press("escape", "escape", "escape")
        await settle()
        table = app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("001_e3c8c79627716df6"))
        await pilot.press("c")
        table.move_cursor(row=table.get_row_index("003_23efa93aaaa488aa"))
        await pilot.press("c")
        await settle()
        await pilot.press("right_square_bracket", "right_square_bracket", "i")
        await save("compare")
        await pilot.press("escape")
        await settle()
        await pilot.press("g")
        await save("stories")
        await pilot.press("g")
        app.theme = "textual-light"
        await settle()
        table = app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("004_64f4219125d935ae"))
        await pilot.press("enter")
        await save("article-light")
    return saved


def main() -> None:
    import os

    os.environ.pop("READER_NER", None)
    with tempfile.TemporaryDirectory() as home:
        for path in asyncio.run(shoot(Path(home))):
            print(path)


if __name__ == "__main__":
    main()
