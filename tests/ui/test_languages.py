"""An article in another language: no entities (the model reads English), and the screen says why."""

from __future__ import annotations

import shutil

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.conftest import FIXTURES, synced_library
from tests.ui.conftest import settle

GERMAN = FIXTURES / "languages" / "hafenstreik.md"


async def test_an_article_in_german_has_no_entities_and_says_it_reads_as_german(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(GERMAN, folder / GERMAN.name)
    library = synced_library(folder, tmp_path / "home")
    [summary] = library.summaries()
    article = library.get(summary.id)
    assert article.title == "Hafenstreik legt Getreideexporte den zweiten Tag lahm"
    assert "Hafenarbeiter" in article.body and not article.entities
    app = ReaderApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await app.push_screen(ArticleScreen(article.id))
        await settle(app, pilot)
        legend = str(app.screen.query_one("#legend").render())
        assert "reads as German" in legend
        assert app.screen.query_one("#entities").option_count == 0
