"""The Whoosh index: its schema, and the only code that writes it (with the writer of
reader.core.index_writer)."""

from __future__ import annotations

import gc
import json
import mmap
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import Index as WhooshIndex

from reader.core import versions
from reader.core.analysis import (
    BodyAnalyzer, BodyCharacters, BodyPositions, PairAnalyzer, name_analyzer, spelling_words,
)
from reader.core.models import Article

SCHEMA_VERSION = versions.INDEX_SCHEMA
MARKER = "reader-index.json"
NAME_KINDS = frozenset({"person", "org", "place", "group"})
SEPARATOR = " entitysep "  # keeps a phrase from running across two names
MAX_INDEXED_CHARS = 2_000_000  # search reads the first 2 million characters of a huge article
MAX_GIVEN_WORDS = 100_000  # spelling words a writer remembers having given (see SpelledText)


class SpelledText(TEXT):
    """A text field of body_analyzer() words (BodyAnalyzer, BodyPositions) that also keeps its
    unstemmed words, for spelling suggestions.

    Whoosh adds every document's spelling words to the writer's pool, all as postings of
    document 0 (a quarter of the pool for BBC's 2,225 articles), and analyses each text a
    second time to find them. Here the words come from the analyses already made
    (reader.core.analysis.spelling_words), and a writer that counts them (see
    reader.core.index_writer) passes each word on once (once per MAX_GIVEN_WORDS new words, a
    bound on memory; a word given twice is harmless): the suggestions read only which words
    there are.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(analyzer=BodyAnalyzer(), **kwargs)
        self.format = BodyPositions(field_boost=self.format.field_boost)

    def spellable_words(self, value: str) -> Iterator[str]:
        words = spelling_words(value)
        given = self.__dict__.get("given")
        if given is None:
            return iter(words)
        if len(given) > MAX_GIVEN_WORDS:  # a bound on memory: past it, words are given again
            given.clear()
        new = [w for w in words if w not in given]
        given.update(new)
        return iter(new)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("given", None)  # a writer's, never saved with the schema
        return state


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True, unique=True),
        title=SpelledText(stored=True, field_boost=2.0, spelling=True),
        body=SpelledText(stored=True, vector=BodyCharacters(), spelling=True),
        # Word pairs answer two-word phrases with one term (see search.py); no positions needed.
        title_pairs=TEXT(analyzer=PairAnalyzer(), phrase=False, field_boost=2.0),
        body_pairs=TEXT(analyzer=PairAnalyzer(), phrase=False),
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
        "title_pairs": article.title, "body_pairs": article.body[:MAX_INDEXED_CHARS],
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


class _MappedFile(BufferFile):
    """A whole index file read through mmap: pages come from the OS cache, nothing is copied.

    (Whoosh's own BufferFile copies its buffer into a BytesIO first.)
    """

    def __init__(self, mapped: mmap.mmap, name: str | None = None) -> None:
        self._buf = mapped
        self._name = name
        self.file = mapped
        self.onclose = None
        self.is_real = False
        self.is_closed = False


class _MappedStorage(FileStorage):
    """Whoosh's FileStorage, with files opened for reading mapped into memory."""

    def open_file(self, name: str, **kwargs: object) -> StructFile:
        with open(self._fpath(name), "rb") as handle:
            try:
                mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
        return _MappedFile(mapped, name=name)


class Index:
    """The on-disk Whoosh index of the library."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def exists(self) -> bool:
        """Whether a sync has created the index: its marker and a Whoosh table of contents
        (`_MAIN_<generation>.toc`) are there. Nothing is opened."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return False
        return MARKER in names and any(n.startswith("_MAIN_") and n.endswith(".toc") for n in names)

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
            ix = self._open()
            with ix.searcher() as searcher:
                reader = searcher.reader()
                if searcher.doc_count():
                    reader.stored_fields(0)
                for fieldname in ("title", "body"):
                    reader.field_length(fieldname)
                    next(iter(reader.lexicon(fieldname)), None)
        except Exception as exc:  # noqa: BLE001 - any failure to open means: rebuild it
            return f"the index is unreadable ({type(exc).__name__}: {str(exc)[:80]})"
        return None

    def clear(self) -> None:
        """Replace whatever is there with an empty index of the current schema."""
        import shutil  # (not on the search path)

        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        whoosh_index.create_in(str(self.folder), make_schema())
        # A cleared index starts again at generation 0: `created` tells searchers it is another one.
        marker = {"schema": SCHEMA_VERSION, "created": os.urandom(8).hex()}
        (self.folder / MARKER).write_text(json.dumps(marker), encoding="utf-8")

    def created(self) -> str | None:
        """What tells this index from one that was cleared and built again in its place."""
        try:
            return str(json.loads((self.folder / MARKER).read_text(encoding="utf-8")).get("created"))
        except (OSError, ValueError, AttributeError):
            return None

    def open(self) -> WhooshIndex:
        if not self.exists():
            self.clear()
        return self._open()

    def open_for_reading(self) -> WhooshIndex:
        """The index, or an empty one in memory while none exists yet (never writes to disk)."""
        if not self.exists():
            return RamStorage().create_index(make_schema())
        return self._open()

    def _open(self) -> WhooshIndex:
        return _MappedStorage(str(self.folder)).open_index()

    def write(self, articles: Iterable[Article], deleted_paths: Iterable[str]) -> None:
        """Add or replace articles and drop deleted files, in one commit.

        Commits do not merge segments (a bulk load would rewrite the index again and again);
        `tidy` merges once at the end of a sync.
        """
        articles, deleted_paths = list(articles), list(deleted_paths)
        if not articles and not deleted_paths:
            return
        from reader.core.index_writer import writer_for  # (not on the search path)

        ix = self.open()
        writer = writer_for(ix)
        try:
            for path in deleted_paths:
                writer.delete_by_term("path", path)
            for article in articles:
                writer.update_document(**to_document(article))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)

    def bulk(self) -> BulkWriter:
        """One writer for a whole load into an empty index (see BulkWriter)."""
        return BulkWriter(self.open())

    def tidy(self) -> str | None:
        """Merge segments after a sync; returns what was done (None: nothing to do).

        Everything is merged into one plain segment when the new segments are a sizeable part of
        the index (after a bulk load) or there are many of them; otherwise only the small ones
        are merged, so that adding one article never rewrites a 20,000-article index.
        Compound segments are avoided because Whoosh copies each part of a compound file into
        memory whenever a searcher opens it (~100 MB and ~0.1 s for 20,000 articles).
        """
        if not self.exists():
            return None
        ix = self.open()
        segments = ix._segments()  # noqa: SLF001 - Whoosh has no public accessor
        if len(segments) <= 1 and not any(s.is_compound() for s in segments):
            return None
        from reader.core.index_writer import writer_for

        sizes = sorted((s.doc_count_all() for s in segments), reverse=True)
        writer = writer_for(ix)
        if sum(sizes[1:]) > sizes[0] // 10 or len(segments) > 8 or any(s.is_compound() for s in segments):
            writer.commit(optimize=True)
            return "optimized"
        writer.commit(merge=True)  # Whoosh's MERGE_SMALL: leaves the large segment alone
        return "merged small segments"


class BulkWriter:
    """Loads an empty index with one Whoosh writer: one segment, written once, never merged.

    Committing each batch and merging at the end writes every posting twice (the merge took
    ~45% of indexing time). Nothing is searchable until `finish`; the caller records that the
    index is incomplete until then, so that an interrupted load is redone from the catalogue.
    """

    def __init__(self, ix: WhooshIndex) -> None:
        from reader.core.index_writer import writer_for

        self._writer = writer_for(ix)

    def write(self, articles: Iterable[Article], deleted_paths: Iterable[str]) -> None:
        """Add articles; deleted paths need nothing (the index started empty)."""
        for article in articles:
            self._writer.add_document(**to_document(article))
        # The writer holds millions of small posting objects until it commits; each full
        # garbage collection would walk them all again. None of them is cyclic garbage.
        gc.freeze()

    def finish(self) -> None:
        try:
            self._writer.commit(merge=False)
        finally:
            gc.unfreeze()

    def cancel(self) -> None:
        try:
            self._writer.cancel()
        finally:
            gc.unfreeze()
