"""StoryTree: the articles grouped by story, a header per story with its articles under it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Tree

from reader.core.library import Summary


def story_label(title: str, rows: Sequence[Summary]) -> Text:
    """A story's header: its title, how many articles, from which outlets, over which dates."""
    outlets = sorted({r.outlet for r in rows if r.outlet})
    dates = sorted((r.published or "")[:10] for r in rows if r.published)
    span = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}") if dates else ""
    facts = [f"{len(rows)} articles", ", ".join(outlets[:4]) + (" …" if len(outlets) > 4 else ""), span]
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(title, style="bold")
    text.append("  " + " · ".join(f for f in facts if f), style="dim")
    return text


def article_label(row: Summary, marked: bool = False) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    if marked:
        text.append("★ ")
    text.append((row.published or "")[:10] or "—", style="dim")
    text.append(f"  {row.outlet or '—'}  ", style="dim")
    text.append(row.title)
    return text


class StoryTree(Tree[str]):
    """Stories of two articles or more first (expanded), then the articles in no other's story.

    A node's data is an article id, or "" for a story header (enter opens or closes it).
    """

    def show(self, stories: Sequence[tuple[str, Sequence[Summary]]], marked: str | None,
             keep: str | None = None) -> None:
        self.clear()
        self.root.expand()
        target = None
        singles = []
        for title, rows in stories:
            if len(rows) < 2:
                singles.extend(rows)
                continue
            node = self.root.add(story_label(title, rows), data="", expand=True)
            for row in rows:
                leaf = node.add_leaf(article_label(row, row.id == marked), data=row.id)
                if row.id == keep:
                    target = leaf
        if singles:
            node = self.root.add(Text(f"In no other story ({len(singles)})", style="bold"), data="",
                                 expand=True)
            for row in singles:
                leaf = node.add_leaf(article_label(row, row.id == marked), data=row.id)
                if row.id == keep:
                    target = leaf
        if target is not None:
            self.move_cursor(target)

    def current_id(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None and node.data else None
