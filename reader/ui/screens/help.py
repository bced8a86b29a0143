"""The help screen: keys and query syntax."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.cli import HELP

KEYS = """\
Everywhere
  ?             this help                 q        quit
  ctrl+p        command palette (themes, keys, screenshots)
Library
  /             search (results update as you type; enter opens the first hit)
  ↑ ↓ j k       move                      enter    open the article
  escape        back to the list          f        filter by outlet or entity
  x             clear filters             s        sort: date, outlet, title
  g             group by story            c        mark, then c on another: compare
Article
  n / N         next / previous search hit
  r             show removed boilerplate in place, with the reason
  e             entity colours on/off     1-7      switch one kind of entity off/on
  p             entity panel on/off       enter    (in the panel) filter the library
  c             mark for comparison       escape   back
Compare
  tab           switch side               ] / [    next / previous shared passage
  d             next passage only this side has
  i             details: entities, figures and quotes that differ
"""


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(KEYS + "\n" + HELP), id="help-text")
