"""20,000 articles: the list fills in chunks, search pages its hits, and everything stays usable."""

from __future__ import annotations

import pytest

from reader.core.library import Library
from reader.paths import resolve_paths
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import FIRST_ROWS, PAGE
from tests.ui.conftest import settle

COUNT = 20_000


@pytest.mark.slow
async def test_twenty_thousand_articles_stay_usable(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(COUNT):
        place = "Geneva" if n % 2 else "Vienna"
        (folder / f"story{n:05d}.txt").write_text(
            f"Talks number {n} resume\n\nNegotiators met in {place} on Monday for round {n} of the talks, "
            f"officials said, and will meet again within days.\n")
    monkeypatch.setenv("READER_NER", "off")  # entities are not what this test is about
    library = Library(resolve_paths({"READER_HOME": str(tmp_path / "home")}))
    library.add_sources([folder])
    list(library.sync())
    assert library.catalogue.count() == COUNT

    app = ReaderApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#articles")
        await pilot.pause()
        assert FIRST_ROWS <= table.row_count  # the first rows are there before the rest
        await pilot.press("slash", *"geneva")  # typing works while the list is still filling
        await settle(app, pilot)
        results = app.screen.results
        assert results.total == COUNT // 2
        hits = app.screen.query_one("#results")
        assert hits.option_count == PAGE  # one page of hits, not 10,000
        await pilot.press("down")  # leave the search box for the hits
        hits.focus()
        for _ in range(PAGE - 2):
            await pilot.press("down")
        await settle(app, pilot)
        assert hits.option_count == 2 * PAGE  # nearing the end fetched the next page
        assert app.screen.query_one("#search").value == "geneva"
        await pilot.press("escape")
        await settle(app, pilot)
        for _ in range(600):  # the rest of the rows arrive in chunks between key presses
            if table.row_count == COUNT:
                break
            await pilot.pause(0.05)
        assert table.row_count == COUNT
        table.focus()
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
