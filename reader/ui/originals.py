"""Opening an article's original: a web page, fetched or saved, in the browser; a text file in
$PAGER."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

from reader.core.ingest.files import SUFFIXES, archived_page
from reader.core.models import ReaderError

# What a browser shows, not a pager: .html, .mhtml, .webarchive and their other spellings, and a
# saved e-mail's message (.eml).
SAVED_PAGES = frozenset(suffix for suffix, kind in SUFFIXES.items()
                        if kind in ("html", "mhtml", "webarchive", "email"))


def open_original(app: App[Any], article: Any) -> None:
    """Show the original of an article: its page when it was fetched, a saved page's file in the
    browser, else its file in the pager."""
    if article.url:
        _open_url(app, article.url)
        return
    if Path(article.path).suffix.lower() in SAVED_PAGES:
        _open_url(app, _browsable(app, article).as_uri())
        return
    pager = os.environ.get("PAGER") or "less"
    try:
        with app.suspend():
            os.system(f"{pager} {shlex.quote(article.path)}")  # noqa: S605 - the user's own pager
    except SuspendNotSupported:
        app.notify(f"cannot open a pager here: {article.path}", severity="warning")


def _browsable(app: App[Any], article: Any) -> Path:
    """The saved page's file, or for a web archive (which only some browsers open, and no text
    browser) its page's HTML, written to the cache folder (the archive itself if that fails)."""
    path = Path(article.path).resolve()
    try:
        html = archived_page(path)
    except ReaderError as exc:
        app.notify(f"{path.name}: {exc}", severity="warning")
        return path
    if html is None:
        return path
    copy = app.library.paths.cache / "originals" / f"{article.id}.html"  # type: ignore[attr-defined]
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(html)
    except OSError as exc:
        app.notify(f"cannot write {copy} ({exc.strerror or exc}); opening the archive", severity="warning")
        return path
    return copy


def _open_url(app: App[Any], url: str) -> None:
    """The browser of the user's choice (webbrowser: $BROWSER, else the system's). A browser
    that runs in the terminal gets it while the interface is suspended."""
    import webbrowser

    try:
        with app.suspend():
            opened = webbrowser.open(url)
    except SuspendNotSupported:  # no terminal to hand over (under a test, in a web terminal)
        opened = webbrowser.open(url)
    if opened:
        app.notify(f"Opened {url}")
    else:
        app.notify(f"No browser to open {url}", severity="warning")
