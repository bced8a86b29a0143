"""Preview: the library screen's pane showing the highlighted article, or a message in its place."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reader.core.models import Article
from reader.ui import render
from reader.ui.palette import Palette
from reader.ui.widgets.article_view import ArticleView


class Preview(Vertical):
    """An ArticleView (id "preview") that redraws only when what it is asked to show changes."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield ArticleView(id="preview")

    def forget(self) -> None:
        """Redraw at the next show, whatever it is (the theme or the library changed)."""
        self._shown = None

    def showing(self, key: tuple[object, ...]) -> bool:
        """Whether `key` is already on screen; if not, it is what the pane shows next."""
        if key == self._shown:
            return True
        self._shown = key
        return False

    def show_message(self, message: str) -> None:
        self.query_one(ArticleView).show(iter(()), Static(Text(message)))

    def show_article(self, article: Article, matches: Sequence[tuple[int, int]], colours: Palette) -> None:
        """The article with its entities coloured, scrolled to the first search match."""
        view = self.query_one(ArticleView)
        view.show(render.blocks(article, article.entities, matches=matches, colours=colours),
                  Static(render.header(article), classes="article-header"))
        if matches:
            view.reveal(matches[0][0])
