"""A large library: the list fills in chunks, search pages its hits, and everything stays usable.

6,000 articles are three chunks of rows after the first paint; the interface on the 19,043 Reuters
articles is measured by `python -m benchmarks` (first paint, keystrokes, memory)."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import PAGE
from reader.ui.widgets.article_table import FIRST_ROWS, ROW_CHUNK
from tests.conftest import synced_library
from tests.ui.conftest import settle

COUNT = 6_000


@pytest.mark.slow
async def test_a_large_library_stays_usable(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(COUNT):
        place = "Geneva" if n % 2 else "Vienna"
        (folder / f"story{n:05d}.txt").write_text(
            f"Talks number {n} resume\n\nNegotiators met in {place} on Monday for round {n} of the talks, "
            f"officials said, and will meet again within days.\n")
    monkeypatch.setenv("READER_NER", "off")  # entities are not what this test is about
    library = synced_library(folder, tmp_path / "home")
    assert library.catalogue.count() == COUNT
    assert COUNT > FIRST_ROWS + 2 * ROW_CHUNK  # the rows arrive in several chunks

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
        assert hits.option_count == PAGE  # one page of hits, not 3,000
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
