"""Site chrome across the library: lines that otherwise different pages of one site all carry.

A page's lines are kept as hashes. Two pages are template siblings when they share a few lines
but not their prose: a wire story on two sites shares its paragraphs (the same story, not a
template), while two stories of one site share only the menus, footers and promos around them.
A line carried by enough siblings is chrome, whatever the model thought of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from reader.core.ingest.blocks import Block

LONG = 12  # words: a line this long is prose, which same-story pages share
SHARED = 3  # lines two pages must share to be of one template
SAME_STORY = 0.3  # share of a page's prose lines another page has that makes it a copy
COMMON = 2000  # a line on more pages than this is chrome without looking further


def line_key(text: str) -> str:
    """The key under which a line is compared across pages: lower-case words, single-spaced."""
    return " ".join(re.findall(r"\w+", text.lower()))


def line_hash(text: str) -> int:
    """A signed 64-bit hash of a line's key (SQLite stores it as an INTEGER)."""
    return _key_hash(line_key(text))


def _key_hash(key: str) -> int:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def page_lines(blocks: Sequence[Block]) -> dict[int, bool]:
    """The lines of a page that can be compared (two words or more): hash -> is it prose-long."""
    out: dict[int, bool] = {}
    for block in blocks:
        key = line_key(block.text)
        words = key.count(" ") + 1 if key else 0
        if words >= 2:
            out[_key_hash(key)] = words >= LONG
    return out


class Lines:
    """Where lines are found: every page's lines, and the pages that carry a line."""

    def __init__(self, pages: Mapping[str, Mapping[int, bool]] | None = None) -> None:
        self.pages: dict[str, dict[int, bool]] = {}
        self.holders: dict[int, set[str]] = {}
        for path, lines in (pages or {}).items():
            self.add(path, lines)

    def add(self, path: str, lines: Mapping[int, bool]) -> None:
        self.remove(path)
        self.pages[path] = dict(lines)
        for h in lines:
            self.holders.setdefault(h, set()).add(path)

    def remove(self, path: str) -> None:
        for h in self.pages.pop(path, {}):
            holders = self.holders.get(h)
            if holders is not None:
                holders.discard(path)
                if not holders:
                    del self.holders[h]


def _copies(a: Mapping[int, bool], b: Mapping[int, bool]) -> bool:
    """True when either page has a good share of the other's prose lines (one story, two pages)."""
    for one, other in ((a, b), (b, a)):
        prose = [h for h, long in one.items() if long]
        if prose and sum(h in other for h in prose) >= SAME_STORY * len(prose):
            return True
    return False


def repeats(lines: Lines, path: str) -> dict[int, int]:
    """For each line of a page: how many template siblings of the page carry it too."""
    own = lines.pages.get(path, {})
    shared: Counter[str] = Counter()
    common: dict[int, int] = {}
    for h in own:
        holders = lines.holders.get(h, set())
        if len(holders) > COMMON:
            common[h] = len(holders) - 1
            continue
        for other in holders:
            if other != path:
                shared[other] += 1
    siblings = [other for other, n in shared.items()
                if n >= SHARED and not _copies(own, lines.pages[other])]
    out: dict[int, int] = dict(common)
    for other in siblings:
        theirs = lines.pages[other]
        for h in own:
            if h in theirs:
                out[h] = out.get(h, 0) + 1
    return out


def changed_pages(lines: Lines, before: Lines, paths: Iterable[str], threshold: int) -> set[str]:
    """Pages among `paths` whose chrome (lines with >= threshold repeats) differs between states."""
    out = set()
    for path in paths:
        if path not in lines.pages:
            continue
        now = {h for h, n in repeats(lines, path).items() if n >= threshold}
        then = {h for h, n in repeats(before, path).items() if n >= threshold} if path in before.pages else now
        if now != then:
            out.add(path)
    return out
