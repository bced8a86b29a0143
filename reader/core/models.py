"""Frozen plain data shared by the core, the CLI and the interface."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Removed:
    """A piece of the source that is not article text, and why it was dropped."""

    text: str
    reason: str
    line: int  # 1-based line of the source file (0 when not line-based, e.g. HTML)


@dataclass(frozen=True)
class Mention:
    """One entity mention: body[start:end] == text; name is the canonical entity."""

    text: str
    label: str  # person, org, place, group, date, number, money
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class RawDocument:
    """A decoded source file before cleaning."""

    path: str
    text: str
    format: str  # "text", "markdown" or "html"
    encoding: str
    meta: dict[str, str] = field(default_factory=dict)  # fields an extractor already found


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning: article text, lifted metadata and what was removed."""

    title: str
    standfirst: str | None
    authors: tuple[str, ...]
    outlet: str | None
    published: str | None  # ISO 8601
    agencies: tuple[str, ...]
    body: str
    removed: tuple[Removed, ...]
    headings: tuple[tuple[int, int], ...] = ()  # character ranges of cross-heads in body
    lines: tuple[int, ...] = ()  # source line of each body paragraph, to show removals in place
    site_lines: Mapping[int, bool] = field(default_factory=dict)  # see templates.page_lines
    chrome: frozenset[int] = frozenset()  # lines removed as repeated on the site's other pages


@dataclass(frozen=True)
class Article:
    """A cleaned article of the library, as every reading command sees it."""

    id: str
    path: str
    format: str
    encoding: str
    title: str
    standfirst: str | None
    authors: tuple[str, ...]
    outlet: str | None
    published: str | None
    agencies: tuple[str, ...]
    body: str
    removed: tuple[Removed, ...]
    headings: tuple[tuple[int, int], ...] = ()
    entities: tuple[Mention, ...] = ()
    content_hash: str = ""
    lines: tuple[int, ...] = ()
    url: str | None = None  # the page's address, for an article fetched from the web
    origin: str = "file"  # "file", "page" (fetched), or "feed" (a feed entry's own text)
    note: str | None = None  # for origin "feed": why the entry's page itself is not there

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of `reader show --json`."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "standfirst": self.standfirst,
            "authors": list(self.authors),
            "outlet": self.outlet,
            "published": self.published,
            "agencies": list(self.agencies),
            "word_count": self.word_count,
            "url": self.url,
            "origin": self.origin,
            "note": self.note,
            "body": self.body,
            "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in self.removed],
            # A mention's fields are plain values: a copy of them is what asdict() builds, in a
            # tenth of the time (the catalogue stores this for every article).
            "entities": [dict(vars(m)) for m in self.entities],
        }


@dataclass(frozen=True)
class Problem:
    """A file that could not be read, with a one-line reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ReaderError(Exception):
    """A failure the user can act on; its message is one line."""


@dataclass(frozen=True)
class Progress:
    """One step of a sync: `done` of `total` files processed; a problem when a file was refused."""

    done: int
    total: int
    path: str = ""
    problem: Problem | None = None
    message: str = ""
    listed: bool = False  # the articles are in the catalogue (entities may follow)


@dataclass
class SyncReport:
    """What a sync did."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
