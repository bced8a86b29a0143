"""The catalogue: cleaned articles and their source fingerprints in SQLite (transactional, crash-safe)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import versions
from reader.core.database import Transaction, connect
from reader.core.models import Article, Mention, Removed

if TYPE_CHECKING:
    from reader.core.relate.stories import Story, StoryDoc

ONE_BY_ONE = 50  # articles read by their paths; more are picked out of one pass over them all
SCHEMA_VERSION = versions.CATALOGUE_SCHEMA  # PRAGMA user_version; another version is rebuilt

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
    word_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS problems (
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    spellings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_path ON entities(path);
CREATE TABLE IF NOT EXISTS lines (
    path TEXT NOT NULL,
    hash INTEGER NOT NULL,
    long INTEGER NOT NULL,
    chrome INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS lines_path ON lines(path);
CREATE INDEX IF NOT EXISTS lines_hash ON lines(hash);
CREATE TABLE IF NOT EXISTS votes (
    path TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (path, key, kind)
);
CREATE INDEX IF NOT EXISTS votes_key ON votes(key);
CREATE TABLE IF NOT EXISTS story_docs (
    path TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
"""
# story_docs: each article's grouping view (relate.stories.story_doc: term counts, names,
# fingerprint), made once from the stored article and kept until the article is written again;
# grouping a library of 2,000 articles at each sync otherwise spends a second re-reading them.
# Kept as zlib-compressed JSON: a third of the size (2.4 KB of JSON per BBC article, 0.8 KB kept).
# A table that may be missing from an older catalogue: CREATE IF NOT EXISTS adds it, empty.


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
        # Serialized SQLite (threadsafety 3): one connection may serve the UI thread and its workers.
        self.db = connect(path)
        with self.transaction():
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                tables = [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
                for table in tables:
                    self.db.execute(f'DROP TABLE "{table}"')
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)

    def close(self) -> None:
        self.db.close()

    def fingerprints(self) -> dict[str, Fingerprint]:
        rows = self.db.execute("SELECT path, id, mtime_ns, size, hash FROM articles")
        return {r[0]: Fingerprint(*r) for r in rows}

    def problems(self) -> dict[str, tuple[int, int, str]]:
        rows = self.db.execute("SELECT path, mtime_ns, size, reason FROM problems")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def write(self, articles: Iterable[tuple[Article, int, int]], deleted: Iterable[str] = (),
              problems: Iterable[tuple[str, int, int, str]] = (),
              lines: Mapping[str, tuple[Mapping[int, bool], frozenset[int]]] | None = None) -> None:
        """Store articles (with mtime_ns and size), drop deleted paths, record problems: one transaction.

        `lines` gives, per path, the page's lines and those removed as site chrome (templates.py).
        """
        lines = lines or {}
        with self.transaction():
            for path in deleted:
                for table in ("articles", "documents", "problems", "entities", "lines", "votes", "story_docs"):
                    self.db.execute(f"DELETE FROM {table} WHERE path = ?", (path,))
            for article, mtime_ns, size in articles:
                for table in ("problems", "entities", "story_docs"):
                    self.db.execute(f"DELETE FROM {table} WHERE path = ?", (article.path,))
                if article.path in lines:
                    self.db.execute("DELETE FROM lines WHERE path = ?", (article.path,))
                    page, chrome = lines[article.path]
                    self.db.executemany("INSERT INTO lines VALUES (?, ?, ?, ?)",
                                        [(article.path, h, int(long), int(h in chrome))
                                         for h, long in page.items()])
                self.db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                                    _entity_rows(article))
                # Another file may hold this id until it is renamed in the same sync: park it.
                self.db.execute("UPDATE articles SET id = char(0) || path WHERE id = ? AND path != ?",
                                (article.id, article.path))
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.path, article.id, mtime_ns, size, article.content_hash, article.title,
                     article.outlet, article.published, article.word_count),
                )
                self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?)",
                                (article.path, _dump(article)))
            for path, mtime_ns, size, reason in problems:
                self.db.execute("DELETE FROM articles WHERE path = ?", (path,))
                self.db.execute("DELETE FROM documents WHERE path = ?", (path,))
                self.db.execute("DELETE FROM lines WHERE path = ?", (path,))
                self.db.execute("DELETE FROM votes WHERE path = ?", (path,))
                self.db.execute("DELETE FROM story_docs WHERE path = ?", (path,))
                self.db.execute("INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?)",
                                (path, mtime_ns, size, reason))

    def rename(self, renames: dict[str, str]) -> None:
        """Give articles new ids (path -> id) when a colliding file name appears or goes."""
        with self.transaction():
            for path in renames:
                self.db.execute("UPDATE articles SET id = char(0) || id WHERE path = ?", (path,))
            for path, new_id in renames.items():
                row = self.db.execute("SELECT data FROM documents WHERE path = ?", (path,)).fetchone()
                data = json.loads(row[0])
                data["id"] = new_id
                self.db.execute("UPDATE articles SET id = ? WHERE path = ?", (new_id, path))
                self.db.execute("UPDATE documents SET data = ? WHERE path = ?",
                                (json.dumps(data, ensure_ascii=False), path))

    def site_lines(self) -> tuple[dict[str, dict[int, bool]], dict[str, frozenset[int]]]:
        """Every page's lines (hash -> prose-long), and the lines each had removed as chrome."""
        pages: dict[str, dict[int, bool]] = {}
        chrome: dict[str, set[int]] = {}
        for path, h, long, removed in self.db.execute("SELECT path, hash, long, chrome FROM lines"):
            pages.setdefault(path, {})[h] = bool(long)
            if removed:
                chrome.setdefault(path, set()).add(h)
        return pages, {path: frozenset(hs) for path, hs in chrome.items()}

    def page_lines(self, path: str) -> dict[int, bool]:
        """One page's lines (hash -> prose-long), as site_lines() gives every page's."""
        return {h: bool(long) for h, long in self.db.execute("SELECT hash, long FROM lines WHERE path = ?", (path,))}

    def page_chrome(self, path: str) -> frozenset[int]:
        """The lines removed from one page as site chrome."""
        return frozenset(h for (h,) in self.db.execute("SELECT hash FROM lines WHERE path = ? AND chrome", (path,)))

    def line_holders(self, h: int) -> list[str]:
        """The pages that carry a line."""
        return [path for (path,) in self.db.execute("SELECT path FROM lines WHERE hash = ?", (h,))]

    def transaction(self) -> Transaction:
        return Transaction(self.db)

    def summaries(self) -> list[Summary]:
        rows = self.db.execute(
            "SELECT id, title, outlet, published, word_count, path FROM articles ORDER BY id")
        return [Summary(*r) for r in rows]

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def ids_starting(self, prefix: str, limit: int) -> tuple[list[str], int]:
        """Up to limit ids equal to or starting with prefix (in order), and how many there are:
        a range over the id index, not a scan of the library."""
        if not prefix:
            return self.ids()[:limit], self.count()
        end = prefix[:-1] + chr(min(ord(prefix[-1]) + 1, 0x10FFFF))
        where = "FROM articles WHERE id >= ? AND id < ?"
        found = [r[0] for r in self.db.execute(f"SELECT id {where} ORDER BY id LIMIT ?", (prefix, end, limit))]
        total = self.db.execute(f"SELECT count(*) {where}", (prefix, end)).fetchone()[0]
        return found, total

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT d.data FROM articles a JOIN documents d ON d.path = a.path "
                              "WHERE a.id = ?", (article_id,)).fetchone()
        return _load(row[0]) if row else None

    def get_by_path(self, path: str) -> Article | None:
        row = self.db.execute("SELECT data FROM documents WHERE path = ?", (path,)).fetchone()
        return _load(row[0]) if row else None

    def all(self) -> Iterator[Article]:
        for (data,) in self.db.execute("SELECT d.data FROM articles a JOIN documents d "
                                       "ON d.path = a.path ORDER BY a.id"):
            yield _load(data)

    def story_docs(self) -> list[StoryDoc]:
        """Every article's grouping view (relate.stories.story_doc), in id order: the kept ones
        read back, the others (articles written since, or kept by an older grouping) made now and
        kept."""
        from reader.core.relate import stories

        current = self.setting("story_docs") == stories.DOC_VERSION
        rows = self.db.execute("SELECT a.path, a.id, a.title, a.published, a.hash, s.data FROM articles a "
                               "LEFT JOIN story_docs s ON s.path = a.path ORDER BY a.id").fetchall()
        kept: dict[str, dict] = {}
        for path, _, _, _, content_hash, data in rows:
            fields = json.loads(zlib.decompress(data)) if data is not None and current else None
            # (A doc made by another process from the file's previous text, as it was rewritten.)
            if fields is not None and fields.get("hash") == content_hash:
                kept[path] = fields
        missing = [row[0] for row in rows if row[0] not in kept]
        made: list[tuple[str, bytes]] = []
        fresh: dict[str, StoryDoc] = {}
        for article in self._articles(missing):
            fresh[article.path] = doc = stories.story_doc(article)
            fields = stories.doc_fields(doc) | {"hash": article.content_hash}
            made.append((article.path, zlib.compress(json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
                                                     .encode("utf-8"))))
        docs: list[StoryDoc] = []
        for path, article_id, title, published, _, _ in rows:
            if path in kept:
                docs.append(stories.StoryDoc(article_id, title, published=published, **stories.from_fields(kept[path])))
            elif path in fresh:  # (else removed since the list was read)
                docs.append(fresh[path])
        if made:
            try:
                with self.transaction():
                    if not current:
                        self.db.execute("DELETE FROM story_docs")
                        self.set_setting("story_docs", stories.DOC_VERSION)
                    self.db.executemany("INSERT OR REPLACE INTO story_docs VALUES (?, ?)", made)
            except sqlite3.OperationalError:
                pass  # a read-only library (or one locked for a minute): made again next time
        return docs

    def _articles(self, paths: list[str]) -> Iterator[Article]:
        """The articles at these paths (those still there): one by one when they are few, else
        in one pass over every stored article."""
        if len(paths) <= ONE_BY_ONE:
            yield from (a for a in map(self.get_by_path, paths) if a is not None)
            return
        wanted = set(paths)
        for path, data in self.db.execute("SELECT path, data FROM documents"):
            if path in wanted:
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
            for table in ("articles", "documents", "problems", "entities", "votes", "lines", "story_docs"):
                self.db.execute(f"DELETE FROM {table}")

    def entity_rows(self) -> Iterator[tuple[str, str, str, int, list[str]]]:
        """(article id, name, kind, count, spellings) for every entity of every article."""
        rows = self.db.execute(
            "SELECT a.id, e.name, e.kind, e.count, e.spellings FROM entities e "
            "JOIN articles a ON a.path = e.path")
        for article_id, name, kind, count, spellings in rows:
            yield article_id, name, kind, count, json.loads(spellings)

    def add_votes(self, counts: Mapping[str, Mapping[tuple[str, str], int]]
                  ) -> tuple[dict[str, str], frozenset[str]]:
        """Record each file's label counts (path -> (name key, kind) -> count), in place of what
        the file counted before, and return the majority kind over the library of each of those
        keys, and those of them that end a person's full name somewhere in it (the pseudo-kind
        SURNAME, which takes no part in the majority: votes.majority()). A removed file's
        counts go with it (write())."""
        from reader.core.language.votes import majority

        with self.transaction():
            for path, by_key in counts.items():
                self.db.execute("DELETE FROM votes WHERE path = ?", (path,))
                self.db.executemany("INSERT INTO votes VALUES (?, ?, ?, ?)",
                                    [(path, k, kind, n) for (k, kind), n in by_key.items()])
        keys = sorted({k for by_key in counts.values() for k, _ in by_key})
        rows: list[tuple[str, str, int]] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(f"SELECT key, kind, SUM(count) FROM votes WHERE key IN ({marks}) "
                                    "GROUP BY key, kind", chunk)
        return majority(rows)


def _entity_rows(article: Article) -> list[tuple[str, str, str, int, str]]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for m in article.entities:
        grouped.setdefault((m.name, m.label), []).append(m.text)
    return [(article.path, name, kind, len(texts), json.dumps(sorted(set(texts)), ensure_ascii=False))
            for (name, kind), texts in grouped.items()]


def _dump(article: Article) -> str:
    data = article.to_dict()
    data.update(format=article.format, encoding=article.encoding, content_hash=article.content_hash,
                headings=[list(h) for h in article.headings], lines=list(article.lines))
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
        content_hash=d.get("content_hash", ""), lines=tuple(d.get("lines", [])),
        url=d.get("url"), origin=d.get("origin", "file"), note=d.get("note"),
    )


def catalogue_stories(catalogue: Path) -> list[Story]:
    """The stories of the articles in the catalogue file (a job for a worker process too)."""
    from reader.core.relate.stories import group_stories

    cat = Catalogue(catalogue)
    try:
        return group_stories(cat.story_docs())
    finally:
        cat.close()
