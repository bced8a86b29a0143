"""The library screen's status line: counts or hits, order, filters, the compare mark, progress."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reader.core.search import Results


def status_line(results: Results | None, count: int, unread: int, order: str,
                filters: Sequence[tuple[str, str]], marked: str | None, progress: str) -> Text:
    """One line of plain styled text (never markup: titles and queries are the user's text).

    `order`: "grouped by story" or "sorted by date"; `filters`: (key, label) pairs; `marked`: the
    title of the article marked for comparison.
    """
    parts: list[tuple[str, str]] = []  # (text, style)
    if results is not None:
        parts.append((f"{results.total} hit{'s' if results.total != 1 else ''}", "bold"))
        if results.suggestion:
            parts.append((f"  did you mean: {results.suggestion}", "italic"))
        if results.message:
            parts.append((f"  ({results.message})", "dim"))
    else:
        parts.append((f"{count} article{'s' if count != 1 else ''}", "bold"))
        if unread:
            parts.append((f" · {unread} unread", ""))
        parts.append((f"  {order}", "dim"))
    for key, label in filters:
        parts.append((f"  {key}: {label} (x clears)", "bold"))
    if marked:
        parts.append((f"  ★ marked “{marked[:40]}{'…' if len(marked) > 40 else ''}”: c on another compares",
                      "bold"))
    if progress:
        parts.append((f"  {progress}", "italic"))
    text = Text.assemble(*parts)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text
