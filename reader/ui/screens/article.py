"""The article screen: the cleaned text with entities, and the removed boilerplate on demand."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from reader.ui import render


class ArticleScreen(Screen[None]):
    """One article, full screen."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("r", "toggle_removed", "Removed"),
        Binding("e", "toggle_entities", "Entities"),
    ]

    show_removed: reactive[bool] = reactive(False)
    show_entities: reactive[bool] = reactive(True)

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.article = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static(id="article-header")
            yield Static(id="article-body")
        yield Footer()

    def on_mount(self) -> None:
        self.article = self.app.library.get(self.article_id)  # type: ignore[attr-defined]
        self.refresh_text()
        self.query_one("#reader").focus()

    def refresh_text(self) -> None:
        if self.article is None:
            return
        self.query_one("#article-header", Static).update(render.header(self.article))
        entities = self.article.entities if self.show_entities else ()
        self.query_one("#article-body", Static).update(
            render.body(self.article, entities, removed=self.show_removed))

    def watch_show_removed(self) -> None:
        self.refresh_text()

    def watch_show_entities(self) -> None:
        self.refresh_text()

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed

    def action_toggle_entities(self) -> None:
        self.show_entities = not self.show_entities

    def action_back(self) -> None:
        self.app.pop_screen()
