"""A 50 MB article opens at once: paragraphs are mounted as the reader scrolls, not all up front."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import CHUNK
from tests.conftest import synced_library
from tests.ui.conftest import settle

PARAGRAPH = ("Officials in Kyiv said on Monday that the talks with Russia would resume, and that a "
             "ceasefire could hold if both sides kept to the terms agreed in Geneva last week. ")


@pytest.mark.slow
async def test_fifty_megabyte_article_is_rendered_lazily(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    count = 50 * 2**20 // (len(PARAGRAPH) + 2)
    text = "\n\n".join(f"Paragraph {n}. {PARAGRAPH}" for n in range(count))  # no two alike
    (folder / "huge.txt").write_text("An enormous article\n\n" + text)
    monkeypatch.setenv("READER_NER", "off")  # entities are not what this test is about
    library = synced_library(folder, tmp_path / "home")
    assert library.get("huge").word_count > 5_000_000
    assert (folder / "huge.txt").stat().st_size > 50 * 10**6
    app = ReaderApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.query_one("#reader")
        assert CHUNK <= len(view.children) <= CHUNK + 2  # header + first chunk, not 300,000 widgets
        await pilot.press("end")
        await settle(app, pilot)
        assert len(view.children) > CHUNK  # scrolling to the end mounts more
