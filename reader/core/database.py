"""SQLite as every store of reader opens it: one connection in autocommit mode that any thread
may use (serialized SQLite), write-ahead logging, and commits that survive a crash of reader."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path | str, timeout: float = 60) -> sqlite3.Connection:
    """Open (creating its folder) the database at path; ":memory:" opens one in memory."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # with WAL: a crash may lose the last commits, never consistency
    return db


class Transaction:
    """`with Transaction(db):` one write transaction, taken at once (BEGIN IMMEDIATE), committed
    on leaving and rolled back on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
