"""The real Textual app under Pilot, on the seeds, with a temporary home."""

from __future__ import annotations

from reader.core.library import Library
from reader.paths import resolve_paths
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen


async def test_library_lists_the_seeds_and_opens_an_article(tmp_path):
    app = ReaderApp(Library(resolve_paths({"READER_HOME": str(tmp_path)})))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#articles")
        assert table.row_count == 5
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.id.startswith("002")
        body = str(app.screen.query_one("#article-body").render())
        assert "SEE ALSO" not in body
        await pilot.press("r")
        await pilot.pause()
        body = str(app.screen.query_one("#article-body").render())
        assert "SEE ALSO" in body and "link marker" in body
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
