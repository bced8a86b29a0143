"""What reader fetched from the web: subscriptions, the pages as fetched, and which entry is which page.

In: feeds subscribed to, pages and entries fetched. Out: the pages folder (each page's bytes
exactly as fetched, `<stem>.html`, beside `<stem>.json` with its address and how it was had),
which the library reads like any folder of saved pages, and `web.sqlite3` with the rest.
Files are written whole (a temporary name, then renamed) before the database names them, so a
fetch interrupted at any point leaves nothing half-written and nothing to redo but the rest.
"""

from __future__ import annotations

import html as htmllib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.database import Transaction, connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    added TEXT NOT NULL,
    etag TEXT,
    modified TEXT,
    checked TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS pages (
    stem TEXT PRIMARY KEY,
    url TEXT,
    origin TEXT NOT NULL,
    fetched TEXT NOT NULL,
    etag TEXT,
    modified TEXT
);
CREATE TABLE IF NOT EXISTS urls (url TEXT PRIMARY KEY, stem TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    feed TEXT NOT NULL,
    key TEXT NOT NULL,
    stem TEXT NOT NULL,
    PRIMARY KEY (feed, key)
);
CREATE INDEX IF NOT EXISTS entries_stem ON entries(stem);
"""


@dataclass(frozen=True)
class Subscription:
    url: str
    title: str | None
    added: str
    checked: str | None  # when it was last fetched (UTC, ISO 8601)
    error: str | None  # why the last fetch failed, or None
    articles: int  # pages of its entries in the library


@dataclass(frozen=True)
class PageInfo:
    """The `<stem>.json` beside a fetched page: what the library needs that the bytes do not say."""

    url: str | None  # None for a feed entry that names no page
    charset: str | None = None  # from the Content-Type header
    origin: str = "page"  # "page", or "feed" when the page could not be had and the feed's text was kept
    note: str | None = None  # why the page itself is not there (origin "feed")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class WebStore:
    """web.sqlite3 and the pages folder. One connection; every method is one transaction."""

    def __init__(self, db_path: Path, pages: Path) -> None:
        self.pages = pages
        self.db = connect(db_path)
        self.db.executescript(_SCHEMA)
        _tidy(pages)

    def close(self) -> None:
        self.db.close()

    # subscriptions -----------------------------------------------------------------------------

    def subscribe(self, url: str, title: str | None) -> bool:
        """Add a feed; False when it was already there (its title is then brought up to date)."""
        known = self.db.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone()
        if known:
            if title:
                self.db.execute("UPDATE feeds SET title = ? WHERE url = ?", (title, url))
            return False
        self.db.execute("INSERT INTO feeds (url, title, added) VALUES (?, ?, ?)", (url, title, now()))
        return True

    def unsubscribe(self, url: str) -> bool:
        """Forget a feed and its entries; the articles fetched from it stay in the library."""
        with self._transaction():
            gone = self.db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount
            self.db.execute("DELETE FROM entries WHERE feed = ?", (url,))
        return bool(gone)

    def subscriptions(self) -> list[Subscription]:
        rows = self.db.execute(
            "SELECT f.url, f.title, f.added, f.checked, f.error, count(DISTINCT e.stem) "
            "FROM feeds f LEFT JOIN entries e ON e.feed = f.url GROUP BY f.url ORDER BY f.added, f.url")
        return [Subscription(*r) for r in rows]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def feed_checked(self, url: str, title: str | None = None, etag: str | None = None,
                     modified: str | None = None, error: str | None = None) -> None:
        """Record a fetch of a feed. Validators are saved only once all its entries are stored:
        a fetch interrupted before that asks for the whole feed again next time."""
        if error is not None:
            self.db.execute("UPDATE feeds SET checked = ?, error = ? WHERE url = ?", (now(), error, url))
            return
        self.db.execute("UPDATE feeds SET checked = ?, error = NULL, etag = coalesce(?, etag), "
                        "modified = coalesce(?, modified), title = coalesce(?, title) WHERE url = ?",
                        (now(), etag, modified, title, url))

    # entries and pages -------------------------------------------------------------------------

    def known_entries(self, feed: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM entries WHERE feed = ?", (feed,))}

    def add_entry(self, feed: str, key: str, stem: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (feed, key, stem))

    def stem_for(self, url: str) -> str | None:
        """The page already stored under this address (asked for, redirected to or canonical)."""
        row = self.db.execute("SELECT stem FROM urls WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def page_validators(self, stem: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, modified FROM pages WHERE stem = ?", (stem,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def origin(self, stem: str) -> str | None:
        row = self.db.execute("SELECT origin FROM pages WHERE stem = ?", (stem,)).fetchone()
        return row[0] if row else None

    def remember_urls(self, stem: str, urls: list[str | None]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO urls VALUES (?, ?)",
                            [(u, stem) for u in dict.fromkeys(urls) if u])

    def known_stem(self, stem: str) -> bool:
        return self.db.execute("SELECT 1 FROM pages WHERE stem = ?", (stem,)).fetchone() is not None

    def store_page(self, stem: str, url: str | None, body: bytes, info: PageInfo,
                   aliases: list[str | None], etag: str | None = None,
                   modified: str | None = None) -> Path:
        """Write a page (as fetched) and its info, then record it and every address naming it."""
        self.pages.mkdir(parents=True, exist_ok=True)
        _write(self.pages / f"{stem}.json", json.dumps(vars(info), ensure_ascii=False).encode("utf-8"))
        path = self.pages / f"{stem}.html"
        _write(path, body)
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                            (stem, url, info.origin, now(), etag, modified))
            self.remember_urls(stem, [url, *aliases])
        return path

    def path_of(self, stem: str) -> Path:
        return self.pages / f"{stem}.html"

    def feed_paths(self) -> dict[str, set[str]]:
        """Each feed's articles, as the paths of their pages."""
        out: dict[str, set[str]] = {}
        for feed, stem in self.db.execute("SELECT feed, stem FROM entries"):
            out.setdefault(feed, set()).add(str(self.path_of(stem)))
        return out

    def _transaction(self) -> Any:
        return Transaction(self.db)


def _write(path: Path, data: bytes) -> None:
    """Replace path with data all at once (never a half-written file under the real name)."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _tidy(folder: Path, older_than: float = 3600.0) -> None:
    """Remove temporaries a killed fetch left (an hour old: no running fetch still writes them)."""
    try:
        stale = [p for p in folder.glob(".tmp-*") if time.time() - p.stat().st_mtime > older_than]
        for path in stale:
            path.unlink()
    except OSError:
        pass


def read_info(page: Path) -> PageInfo | None:
    """The info beside a fetched page, or None (not a fetched page, or its info is unreadable)."""
    try:
        data = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        return PageInfo(url=data["url"] if isinstance(data["url"], str) else None, charset=data.get("charset"),
                        origin=str(data.get("origin", "page")), note=data.get("note"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def entry_page(title: str, content: str, feed_title: str | None, link: str | None,
               published: str | None, authors: tuple[str, ...]) -> bytes:
    """An HTML page made of a feed entry's own text, for an entry whose page cannot be had."""
    esc = htmllib.escape
    head = [f"<title>{esc(title)}</title>"]
    if authors:
        head.append(f'<meta name="author" content="{esc("; ".join(authors))}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{esc(published)}">')
    if feed_title:
        head.append(f'<meta property="og:site_name" content="{esc(feed_title)}">')
    if link:
        head.append(f'<link rel="canonical" href="{esc(link)}">')
    # The content is the feed's HTML, which feedparser has already sanitised.
    return ("<!doctype html>\n<html><head><meta charset=\"utf-8\">" + "".join(head) +
            f"</head><body><article><h1>{esc(title)}</h1>\n{content}\n</article></body></html>\n"
            ).encode("utf-8")
