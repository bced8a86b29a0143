"""The Whoosh index: its schema, and the only code that writes it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.formats import Characters
from whoosh.index import Index as WhooshIndex

from reader.core.analysis import body_analyzer, name_analyzer
from reader.core.models import Article

SCHEMA_VERSION = 4
MARKER = "reader-index.json"
NAME_KINDS = frozenset({"person", "org", "place", "group"})
SEPARATOR = " entitysep "  # keeps a phrase from running across two names
MAX_INDEXED_CHARS = 2_000_000  # search reads the first 2 million characters of a huge article


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True, unique=True),
        title=TEXT(analyzer=body_analyzer(), stored=True, field_boost=2.0, spelling=True),
        body=TEXT(analyzer=body_analyzer(), stored=True, vector=Characters(), spelling=True),
        outlet=TEXT(analyzer=name_analyzer(), stored=True),
        outlet_key=ID(stored=False),
        author=TEXT(analyzer=name_analyzer(), stored=True),
        agency=TEXT(analyzer=name_analyzer()),
        entity=TEXT(analyzer=name_analyzer()),
        entity_key=KEYWORD(commas=True, stored=True),
        published=DATETIME(stored=True, sortable=True),
        hash=ID(stored=True),
    )


def to_document(article: Article) -> dict[str, object]:
    """The fields Whoosh indexes for one article."""
    names = sorted({m.name for m in article.entities if m.label in NAME_KINDS})
    doc: dict[str, object] = {
        "id": article.id, "path": article.path, "title": article.title,
        "body": article.body[:MAX_INDEXED_CHARS],
        "outlet": article.outlet or "", "outlet_key": article.outlet or "",
        "author": "; ".join(article.authors), "agency": "; ".join(article.agencies),
        "entity": SEPARATOR.join(names), "entity_key": ",".join(n.replace(",", " ") for n in names),
        "hash": article.content_hash,
    }
    if article.published:
        try:
            stamp = datetime.fromisoformat(article.published)
            doc["published"] = stamp.replace(tzinfo=None)
        except ValueError:
            pass
    return doc


class Index:
    """The on-disk Whoosh index of the library."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def exists(self) -> bool:
        return (self.folder / MARKER).exists() and whoosh_index.exists_in(str(self.folder))

    def needs_rebuild(self) -> str | None:
        """Why the index cannot be used as it is (missing, another version, unreadable), else None."""
        if not self.folder.exists() or not any(self.folder.iterdir()):
            return "no index yet"
        try:
            marker = json.loads((self.folder / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "the index has no valid version marker"
        if marker.get("schema") != SCHEMA_VERSION:
            return f"the index is from another version (schema {marker.get('schema')})"
        try:
            ix = whoosh_index.open_dir(str(self.folder))
            with ix.searcher() as searcher:
                searcher.doc_count()
                for fieldname in ("title", "body"):
                    searcher.reader().field_length(fieldname)
        except Exception as exc:  # noqa: BLE001 - any failure to open means: rebuild it
            return f"the index is unreadable ({type(exc).__name__}: {str(exc)[:80]})"
        return None

    def clear(self) -> None:
        """Replace whatever is there with an empty index of the current schema."""
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        whoosh_index.create_in(str(self.folder), make_schema())
        (self.folder / MARKER).write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")

    def open(self) -> WhooshIndex:
        if not self.exists():
            self.clear()
        return whoosh_index.open_dir(str(self.folder))

    def write(self, articles: Iterable[Article], deleted_paths: Iterable[str]) -> None:
        """Add or replace articles and drop deleted files, in one commit.

        Commits do not merge segments (a bulk load would rewrite the index again and again);
        `maybe_optimize` merges once at the end of a sync.
        """
        articles, deleted_paths = list(articles), list(deleted_paths)
        if not articles and not deleted_paths:
            return
        ix = self.open()
        writer = ix.writer(timeout=120.0, limitmb=256)
        try:
            for path in deleted_paths:
                writer.delete_by_term("path", path)
            for article in articles:
                writer.update_document(**to_document(article))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)

    def segment_count(self) -> int:
        ix = self.open()
        return len(ix._segments())  # noqa: SLF001 - Whoosh has no public accessor

    def maybe_optimize(self, max_segments: int = 1) -> bool:
        """Merge segments into one when there are more: fuzzy queries slow down per segment."""
        if not self.exists() or self.segment_count() <= max_segments:
            return False
        self.open().optimize()
        return True
