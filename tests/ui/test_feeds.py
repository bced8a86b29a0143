"""Feeds in the interface: unread marks and count, m and b, the feed and bookmark filters, R fetches
in a worker with progress in the status line, o opens the original in the browser."""

from __future__ import annotations

import asyncio
import webbrowser

from textual.widgets import DataTable

from reader.cli import main
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.filters import FilterScreen
from tests.conftest import library_at
from tests.ui.conftest import settle
from tests.web.test_fetch import PARAS, feed_of
from tests.webserver import article_page


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_reading_fetching_and_filtering_feeds(home, web, monkeypatch, capsys):
    monkeypatch.setenv("READER_NER", "off")
    for n in range(4):
        web.add(f"/p/{n}", article_page(f"Ceasefire report {n}", PARAS))
    first = feed_of(web, "/one.xml", "First [b]Feed[/b]", [(f"a{n}", "x", f"/p/{n}", None) for n in (0, 1)])
    second = feed_of(web, "/two.xml", "Second", [("b2", "x", "/p/2", None)])
    for args in (["feeds", "add", first], ["feeds", "add", second], ["fetch"]):
        assert await asyncio.to_thread(main, args) == 0  # the CLI runs its own event loop
    capsys.readouterr()
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)

    app = ReaderApp(library_at(home))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#articles", DataTable)
        assert table.row_count == 3 and "3 unread" in status(app)
        assert {str(table.get_cell_at((r, 0))) for r in range(3)} == {"●"}

        await pilot.press("m")  # the highlighted article is read: no dot, one fewer unread
        assert str(table.get_cell_at((table.cursor_row, 0))) == " " and "2 unread" in status(app)
        await pilot.press("b")
        assert str(table.get_cell_at((table.cursor_row, 0))) == "⚑"
        marked = app.screen.current_id()

        await pilot.press("down", "enter")  # opening an article counts as reading it
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("o")
        assert opened == [app.library.get(app.screen.article_id).url]
        await pilot.press("escape")
        await settle(app, pilot)
        assert "1 unread" in status(app)

        await pilot.press("f")  # filters: unread, bookmarks and each feed, by its title
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, FilterScreen)
        labels = [str(o.prompt) for o in picker.query_one("#facets").options]
        assert "bookmarked articles  (1)" in labels and "First [b]Feed[/b]  (2)" in labels
        await pilot.press(*"first", "enter")
        await settle(app, pilot)
        assert "feed: First [b]Feed[/b]" in status(app) and app.filters == {"feed": first}
        assert app.screen.query_one("#results").option_count == 2
        await pilot.press("x", "f", *"bookmarked", "enter")
        await settle(app, pilot)
        results = app.screen.query_one("#results")
        assert results.option_count == 1 and results.get_option_at_index(0).id == marked
        await pilot.press("x")
        await settle(app, pilot)

        # A new entry appears; R fetches it in a worker and the list shows it.
        feed_of(web, "/two.xml", "Second", [("b2", "x", "/p/2", None), ("b3", "y", "/p/3", None)])
        shown: list[str] = []
        screen = app.screen
        original = screen.show_progress
        screen.show_progress = lambda text: (shown.append(text), original(text))  # type: ignore[method-assign]
        await pilot.press("R")
        await settle(app, pilot)
        await pilot.pause(0.2)
        await settle(app, pilot)
        assert table.row_count == 4 and "2 unread" in status(app)
        assert "fetching: 2 of 2 feeds, 1 pages" in shown and shown[-1] == ""
