"""The catalogue: cleaned articles and their source fingerprints in SQLite (transactional, crash-safe)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.models import Article, Mention, Removed

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    word_count INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Fingerprint:
    """What the catalogue knows of a source file, to tell whether it changed."""

    path: str
    id: str
    mtime_ns: int
    size: int
    hash: str


@dataclass(frozen=True)
class Summary:
    """One row of the article list."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    word_count: int
    path: str


class Catalogue:
    """SQLite-backed store of cleaned articles, keyed by source path."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def fingerprints(self) -> dict[str, Fingerprint]:
        rows = self.db.execute("SELECT path, id, mtime_ns, size, hash FROM articles")
        return {r[0]: Fingerprint(*r) for r in rows}

    def problems(self) -> dict[str, tuple[int, int, str]]:
        rows = self.db.execute("SELECT path, mtime_ns, size, reason FROM problems")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def write(self, articles: Iterable[tuple[Article, int, int]], deleted: Iterable[str] = (),
              problems: Iterable[tuple[str, int, int, str]] = ()) -> None:
        """Store articles (with mtime_ns and size), drop deleted paths, record problems: one transaction."""
        with self.transaction():
            for path in deleted:
                self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
                self.db.execute("DELETE FROM problems WHERE path = ?", (path,))
            for article, mtime_ns, size in articles:
                self.db.execute("DELETE FROM problems WHERE path = ?", (article.path,))
                self.db.execute("DELETE FROM articles WHERE id = ? AND path != ?", (article.id, article.path))
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.path, article.id, mtime_ns, size, article.content_hash, article.title,
                     article.outlet, article.published, article.word_count, _dump(article)),
                )
            for path, mtime_ns, size, reason in problems:
                self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
                self.db.execute("INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?)",
                                (path, mtime_ns, size, reason))

    def rename(self, renames: dict[str, str]) -> None:
        """Give articles new ids (path -> id) when a colliding file name appears or goes."""
        with self.transaction():
            for path in renames:
                self.db.execute("UPDATE articles SET id = '\x00' || id WHERE path = ?", (path,))
            for path, new_id in renames.items():
                row = self.db.execute("SELECT data FROM articles WHERE path = ?", (path,)).fetchone()
                data = json.loads(row[0])
                data["id"] = new_id
                self.db.execute("UPDATE articles SET id = ?, data = ? WHERE path = ?",
                                (new_id, json.dumps(data, ensure_ascii=False), path))

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def summaries(self) -> list[Summary]:
        rows = self.db.execute(
            "SELECT id, title, outlet, published, word_count, path FROM articles ORDER BY id")
        return [Summary(*r) for r in rows]

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _load(row[0]) if row else None

    def all(self) -> Iterator[Article]:
        for (data,) in self.db.execute("SELECT data FROM articles ORDER BY id"):
            yield _load(data)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    def clear(self) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM articles")
            self.db.execute("DELETE FROM problems")


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _dump(article: Article) -> str:
    data = article.to_dict()
    data.update(format=article.format, encoding=article.encoding, content_hash=article.content_hash,
                headings=[list(h) for h in article.headings])
    del data["word_count"]
    return json.dumps(data, ensure_ascii=False)


def _load(raw: str) -> Article:
    d = json.loads(raw)
    return Article(
        id=d["id"], path=d["path"], format=d["format"], encoding=d["encoding"], title=d["title"],
        standfirst=d["standfirst"], authors=tuple(d["authors"]), outlet=d["outlet"],
        published=d["published"], agencies=tuple(d["agencies"]), body=d["body"],
        removed=tuple(Removed(r["text"], r["reason"], r["line"]) for r in d["removed"]),
        headings=tuple((a, b) for a, b in d.get("headings", [])),
        entities=tuple(Mention(**m) for m in d.get("entities", [])),
        content_hash=d.get("content_hash", ""),
    )
