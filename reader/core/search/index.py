"""The Whoosh index on disk: opening, reading, and the only code that writes it (through the
writer of reader.core.search.index_writer). In: Articles. Out: an index searchers open."""

from __future__ import annotations

import gc
import json
import mmap
import os
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.index import Index as WhooshIndex

from reader.core import versions
from reader.core.models import Article
from reader.core.search.schema import make_schema, to_document

SCHEMA_VERSION = versions.INDEX_SCHEMA
MARKER = "reader-index.json"


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
        from reader.core.search.index_writer import writer_for  # (not on the search path)

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
        from reader.core.search.index_writer import writer_for

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
        from reader.core.search.index_writer import writer_for

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
