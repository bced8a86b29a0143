"""o opens an article's original: a saved web page in the browser, as a fetched one (a web
archive or a saved e-mail as its page's HTML); a text or Markdown file in $PAGER."""

from __future__ import annotations

import webbrowser

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.conftest import synced_library
from tests.core.ingest.test_files import _mhtml, _newsletter
from tests.ui.conftest import settle

STORY = "".join(f"<p>Paragraph {n}: dock workers at the eastern grain terminal stayed off the job "
                f"for a second day on Tuesday, the port authority said in a statement.</p>"
                for n in range(6))


async def test_a_saved_web_page_opens_in_the_browser_a_text_file_in_the_pager(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_NER", "off")
    folder = tmp_path / "saved"
    folder.mkdir()
    page = folder / "strike.html"
    page.write_text(f"<html><head><title>Dock strike</title></head><body><article><h1>Dock strike"
                    f"</h1>{STORY}</article></body></html>", encoding="utf-8")
    (folder / "notes.txt").write_text("Harbour notes\n\n" + "The union met on Friday and agreed to "
                                      "vote on the offer next week, its secretary said.\n" * 3,
                                      encoding="utf-8")
    archive = folder / "talks.mhtml"
    archive.write_bytes(_mhtml(f"<html><head><title>Port talks</title></head><body><article>"
                               f"<h1>Port talks</h1>{STORY}</article></body></html>"))
    mail = folder / "strike.eml"
    mail.write_bytes(_newsletter())
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    library = synced_library(folder, tmp_path / "home")
    ids = {s.path: s.id for s in library.summaries()}
    app = ReaderApp(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        # A web archive opens as its page's HTML (no text browser, and not every browser, reads one).
        copy = library.paths.cache / "originals" / f"{ids[str(archive.resolve())]}.html"
        # A saved e-mail too: its message's HTML.
        message = library.paths.cache / "originals" / f"{ids[str(mail.resolve())]}.html"
        for path, expected in ((page, [page.resolve().as_uri()]), (archive, [copy.as_uri()]),
                               (mail, [message.as_uri()]), (folder / "notes.txt", [])):
            opened.clear()
            app.push_screen(ArticleScreen(ids[str(path.resolve())]))
            await settle(app, pilot)
            await pilot.press("o")
            await settle(app, pilot)
            assert opened == expected
            await pilot.press("escape")
            await settle(app, pilot)
        assert "Port talks" in copy.read_text("utf-8") and "=3D" not in copy.read_text("utf-8")
        assert "View in browser" in message.read_text("utf-8")
