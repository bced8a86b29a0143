"""What the reader did with each article: read or not, bookmarked or not.

Kept apart from the catalogue (which is a cache, rebuilt whenever its format changes) and keyed
by the article's source path, which re-indexing does not change, so marks survive both.
"""

from __future__ import annotations

import time
from pathlib import Path

from reader.core.database import connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    path TEXT PRIMARY KEY,
    read TEXT,
    bookmarked TEXT
);
"""


class Marks:
    """marks.sqlite3: one row per article the reader has read or bookmarked."""

    def __init__(self, path: Path) -> None:
        self.db = connect(path, timeout=30)
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def read(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT path FROM marks WHERE read IS NOT NULL")}

    def bookmarked(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT path FROM marks WHERE bookmarked IS NOT NULL")}

    def is_read(self, path: str) -> bool:
        row = self.db.execute("SELECT read FROM marks WHERE path = ?", (path,)).fetchone()
        return bool(row and row[0])

    def is_bookmarked(self, path: str) -> bool:
        row = self.db.execute("SELECT bookmarked FROM marks WHERE path = ?", (path,)).fetchone()
        return bool(row and row[0])

    def set_read(self, path: str, read: bool = True) -> None:
        self._set(path, "read", read)

    def set_bookmarked(self, path: str, bookmarked: bool = True) -> None:
        self._set(path, "bookmarked", bookmarked)

    def _set(self, path: str, column: str, on: bool) -> None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) if on else None
        self.db.execute(f"INSERT INTO marks (path, {column}) VALUES (?, ?) "
                        f"ON CONFLICT(path) DO UPDATE SET {column} = excluded.{column}", (path, stamp))
