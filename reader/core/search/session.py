"""One long-lived searcher over the library's index, reopened when a sync commits a new one.

Opening a Whoosh searcher reads the index's segment list and, on the first query, its
vocabularies: done once and kept, a query costs milliseconds. The session holds the lock that
makes one query at a time use the searcher (the interface searches from worker threads).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class Session:
    def __init__(self, index_path: Path) -> None:
        self.index_path = index_path
        self._searcher: Any = None
        self._created: str | None = None  # Index.created() of the searcher's index
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._searcher is not None

    def run(self, query: Callable[[Any], T]) -> T:
        """Run query(searcher) with the current searcher, one query at a time."""
        with self._lock:
            return query(self.searcher())

    def searcher(self) -> Any:
        """The searcher, refreshed when a sync has committed a new index generation (call it
        inside run(), or where no other thread searches)."""
        from reader.core.search.index import Index
        from reader.core.search.queries import open_searcher

        index = Index(self.index_path)
        created = index.created()
        if self._searcher is not None and (created != self._created or not self._searcher.up_to_date()):
            # Reopen rather than refresh(): a refreshed searcher can keep readers of segments that
            # a merge has replaced, and count documents twice.
            self._close()
        if self._searcher is None:
            # Readers never create the index (only a sync does, under its lock): until it
            # exists, queries run against an empty one in memory.
            self._created = created if index.exists() else None
            self._searcher = open_searcher(index.open_for_reading())
        return self._searcher

    def drop(self) -> None:
        """Close the searcher: the next query opens the index as it is now on disk."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
