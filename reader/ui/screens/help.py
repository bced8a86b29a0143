"""The help screen: keys (each description wrapped in its own column) and the query syntax."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.search import SYNTAX
from reader.ui import render

DIGITS = ", ".join(f"{n} {render.KIND_NAMES[kind]}" for n, kind in enumerate(render.KINDS, start=1))
KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Everywhere", [
        ("?", "this help"), ("q", "quit"),
        ("ctrl+p", "command palette: search, sort, stories, filters, compare, fetch feeds, "
                   "rebuild the index, open the original, themes"),
    ]),
    ("Library", [
        ("/", "search; results update as you type; enter opens the highlighted hit"),
        ("↑ ↓, enter", "move; open the article"),
        ("escape", "back to the list"),
        ("f / x", "filter: unread, bookmarked, a feed, an outlet or an entity (type to narrow "
                  "the list) / clear the filters"),
        ("m / b", "mark read or unread (● is unread) / bookmark (⚑)"),
        ("R", "fetch every feed now (progress in the status line)"),
        ("o", "open the original: a web page in the browser, a file in $PAGER"),
        ("s", "sort by date, outlet or title"),
        ("g", "stories: one header per story with its articles (enter opens or closes it)"),
        ("v", "preview pane: wide, narrow or hidden"),
        ("c", "mark an article, then c on another to compare the two"),
    ]),
    ("Article", [
        ("n / N", "next / previous search hit"),
        ("r", "show the removed boilerplate in place, struck through, with the reason"),
        ("e", "entity colours on or off"),
        ("1-8", f"one kind of entity off or on: {DIGITS}"),
        ("p", "entity panel; enter on an entity filters the library by it"),
        ("o", "open the original: a web page in the browser, a file in $PAGER"),
        ("m / b", "mark unread (opening marks read) / bookmark"),
        ("c", "mark for comparison"), ("escape", "back"),
    ]),
    ("Compare", [
        ("tab", "switch side"),
        ("] / [", "next / previous shared passage"),
        ("d", "next passage only this side has"),
        ("i", "details: entities, figures and quotes that differ"),
    ]),
]


def keys_table() -> Table:
    """The keys as a table: a description wraps under itself, never under the key column."""
    table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    table.add_column("key", style="bold", no_wrap=True, width=12)
    table.add_column("does", ratio=1)
    for section, rows in KEYS:
        table.add_row(Text(section, style="bold underline"), "")
        for key, does in rows:
            table.add_row(key, does)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(keys_table(), id="help-keys")
            yield Static(Text(SYNTAX), id="help-syntax")
