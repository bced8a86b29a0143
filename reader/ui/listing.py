"""The library list's order, story groups and empty-list message, as plain functions (no widgets)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reader.core.library import Summary

SORTS = ("date", "outlet", "title")

Story = tuple[str, tuple[str, ...]]  # a story's title and its articles' ids


def sort_rows(rows: Iterable[Summary], sort: str) -> list[Summary]:
    """The rows newest first ("date"), by outlet (articles with none last) or by title."""
    if sort == "date":
        return sorted(rows, key=lambda r: (r.published or "", r.id), reverse=True)
    if sort == "outlet":
        return sorted(rows, key=lambda r: ((r.outlet or "~").lower(), r.id))
    return sorted(rows, key=lambda r: r.title.lower())


def story_groups(stories: Sequence[Story], rows: Mapping[str, Summary],
                 allowed: set[str]) -> list[tuple[str, list[Summary]]]:
    """The stories with their allowed rows, oldest first within a story; stories of two articles
    or more first, largest first; a story with no allowed article is left out."""
    groups = []
    for title, ids in stories:
        members = sorted((rows[i] for i in ids if i in allowed and i in rows),
                         key=lambda r: (r.published or "", r.id))
        if members:
            groups.append((title, members))
    groups.sort(key=lambda s: (len(s[1]) < 2, -len(s[1])))
    return groups


def empty_message(narrowed: bool, reading: bool, stories: bool) -> str:
    """What the preview says with no article highlighted: `narrowed` by a query or filters,
    `reading` the library in the background, showing `stories`."""
    if narrowed:
        return "No articles match."
    if reading:
        return "Reading your articles… they appear here as soon as they are indexed."
    if stories:
        return "Choose an article of a story."
    return "No articles yet: add some with `reader add PATH`."
