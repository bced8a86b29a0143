"""The help screen: keys and query syntax."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.cli import HELP

KEYS = """\
Keys
  ↑ ↓ / j k     move in the list          enter   open the article
  /             search                    escape  back
  r             show removed boilerplate  e       entity colours on/off
  ?             this help                 q       quit
  ctrl+p        command palette (themes, keys)
"""


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; any of escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(KEYS + "\n" + HELP, id="help-text", markup=False)
