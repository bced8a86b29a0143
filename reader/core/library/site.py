"""The library's pages as lines, to tell each site's chrome (see ingest/templates.py) during a sync.

A sync that changes a few files reads, from the catalogue's lines table, the pages that share
their lines and nothing else (StoredLines); one that changes many reads every page at once, as
the same hundreds of pages would be asked for one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from reader.core.ingest import templates
from reader.core.ingest.clean import SITE_REPEATS, SiteRepeats
from reader.core.library.catalogue import Catalogue

# Changed files above which a sync reads every page's lines at once: at 19,000 articles (about
# a million lines) that takes 0.4 s, and a changed page asks for its lines' holders and their
# pages, about 2 ms.
EAGER_CHANGES = 200


class Site:
    """Every page's lines, as the catalogue holds them and as this sync changes them."""

    def __init__(self, cat: Catalogue, changes: int) -> None:
        self.lines: templates.Lines | StoredLines
        if changes > EAGER_CHANGES:
            pages, self._chrome = cat.site_lines()
            self.lines = templates.Lines(pages)
            self._stored_chrome = None
        else:
            self.lines = StoredLines(cat)
            self._chrome = {}
            self._stored_chrome = cat.page_chrome

    def repeats_for(self, path: str) -> SiteRepeats:
        def repeats(lines: Any) -> dict[int, int]:
            self.lines.add(path, lines)
            return templates.repeats(self.lines, path)  # type: ignore[arg-type]
        return repeats

    def record(self, path: str, chrome: frozenset[int]) -> None:
        self._chrome[path] = chrome

    def forget(self, path: str) -> None:
        self.lines.remove(path)
        self._chrome[path] = frozenset()

    def chrome(self, path: str) -> frozenset[int]:
        """The lines removed from the page as site chrome when it was last cleaned."""
        if path in self._chrome or self._stored_chrome is None:
            return self._chrome.get(path, frozenset())
        return self._stored_chrome(path)

    def neighbours(self, paths: Iterable[str]) -> set[str]:
        """The pages sharing a line with any of these pages (the pages themselves included)."""
        near: set[str] = set(paths)
        for path in list(near):
            for h in self.lines.pages.get(path, {}):
                holders = self.lines.holders.get(h, ())
                if len(holders) <= templates.COMMON:
                    near.update(holders)
        return near

    def stale(self, near: set[str]) -> set[str]:
        """Pages among `near` whose chrome, with every page now known, differs from what was removed."""
        out = set()
        for path in near:
            if path not in self.lines.pages:
                continue
            now = frozenset(h for h, n in templates.repeats(self.lines, path).items()  # type: ignore[arg-type]
                            if n >= SITE_REPEATS)
            if now != self.chrome(path):
                out.add(path)
        return out


class StoredLines:
    """templates.Lines over the catalogue's lines table, read as they are asked for: the pages
    this sync added or removed (add(), remove()) over the pages the catalogue holds."""

    def __init__(self, cat: Catalogue) -> None:
        self._cat = cat
        self._added = templates.Lines()  # the pages added in this sync, with their lines now
        self._changed: set[str] = set()  # pages added or removed in this sync: their stored lines are old
        self._stored: dict[str, dict[int, bool] | None] = {}
        self._stored_holders: dict[int, frozenset[str]] = {}
        self.pages = _Pages(self)
        self.holders = _Holders(self)

    def add(self, path: str, lines: Mapping[int, bool]) -> None:
        self._changed.add(path)
        self._added.add(path, lines)

    def remove(self, path: str) -> None:
        self._changed.add(path)
        self._added.remove(path)

    def page(self, path: str) -> dict[int, bool] | None:
        if path in self._changed:
            return self._added.pages.get(path)
        if path not in self._stored:
            self._stored[path] = self._cat.page_lines(path) or None  # no lines stored: not one of the pages
        return self._stored[path]

    def holders_of(self, h: int) -> set[str]:
        if h not in self._stored_holders:
            self._stored_holders[h] = frozenset(self._cat.line_holders(h))
        stored = {path for path in self._stored_holders[h] if path not in self._changed}
        return stored | self._added.holders.get(h, set())


class _Pages:
    """path -> lines, as templates.Lines.pages."""

    def __init__(self, lines: StoredLines) -> None:
        self._lines = lines

    def get(self, path: str, default: Any = None) -> Any:
        page = self._lines.page(path)
        return default if page is None else page

    def __getitem__(self, path: str) -> dict[int, bool]:
        page = self._lines.page(path)
        if page is None:
            raise KeyError(path)
        return page

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._lines.page(path) is not None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the stored pages are read one by one, not listed")


class _Holders:
    """line hash -> the pages that carry it, as templates.Lines.holders."""

    def __init__(self, lines: StoredLines) -> None:
        self._lines = lines

    def get(self, h: int, default: Any = None) -> Any:
        found = self._lines.holders_of(h)
        return found if found else default
