"""The article screen: header, entity legend, body with colours and matches, and an entity panel."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.ingest.words import foreign_language
from reader.core.models import Article
from reader.ui import render
from reader.ui.widgets.article_view import ArticleView

PANEL_KINDS = ("person", "org", "place", "group", "other")


class ArticleScreen(Screen[None]):
    """One article. r shows what was removed, e toggles entity colours, 1-8 switch kinds off."""

    BINDINGS = [  # in the footer's order: the most used first, so narrow screens keep them
        Binding("escape,backspace", "back", "Back"),
        Binding("n", "next_match", "Next hit"),
        Binding("r", "toggle_removed", "Removed"),
        Binding("p", "toggle_panel", "Panel"),
        Binding("c", "compare", "Compare"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        Binding("N", "previous_match", "Prev hit", key_display="N"),
        Binding("e", "toggle_entities", "Entities"),
        Binding("o", "app.open_source", "Original"),
        Binding("m", "toggle_read", "Unread", show=False),
        Binding("b", "toggle_bookmark", "Bookmark", show=False),
        *[Binding(str(n), f"toggle_kind({n})", show=False) for n in range(1, len(render.KINDS) + 1)],
    ]

    show_removed: reactive[bool] = reactive(False, init=False)
    show_entities: reactive[bool] = reactive(True, init=False)

    def __init__(self, article_id: str, matches: tuple[tuple[int, int], ...] = ()) -> None:
        super().__init__()
        self.article_id = article_id
        self.matches = matches
        self.current = -1
        self.kinds = set(render.KINDS)
        self.article: Article | None = None
        self.panel_entities: list[tuple[str, str]] = []  # (name, kind) of each panel option, in order
        self.language: str | None = None  # the article's language when it is not English ("German")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="legend")
        with Horizontal(id="article-main"):
            yield ArticleView(id="reader")
            with Vertical(id="entity-panel"):
                yield Static(Text("Entities (enter filters the library)", style="bold"), id="entity-title")
                yield OptionList(id="entities")
        yield Footer()

    def on_resize(self) -> None:
        self.set_class(self.size.width < render.NARROW, "-narrow")
        self._legend()

    def on_mount(self) -> None:
        self.app.settle()  # type: ignore[attr-defined]
        self.article = self.app.library.get(self.article_id)  # type: ignore[attr-defined]
        self.title = self.article.title
        # Entities are found in English text only: an article in another language has none, and says why.
        self.language = None if self.article.entities else foreign_language(self.article.body)
        self.app.set_marks(self.article, read=True)  # type: ignore[attr-defined]
        self._fill_panel()
        self.refresh_text()
        if self.matches:
            self.action_next_match()
        self.query_one("#reader").focus()

    def _fill_panel(self) -> None:
        """The article's entities, most mentioned first. Option ids are never built from article
        text (one name can be two kinds, and ids must be unique): the list index says which."""
        if self.article is None:
            return
        colours = self.app.colours  # type: ignore[attr-defined]
        counts = Counter((m.name, m.label) for m in self.article.entities if m.label in PANEL_KINDS)
        panel = self.query_one("#entities", OptionList)
        panel.clear_options()
        self.panel_entities = []
        options = []
        for (name, label), n in counts.most_common():
            prompt = Text()
            prompt.append(f"{n:>3} ", style="dim")
            prompt.append(name, style=colours.entity_style(label))
            prompt.append(f"  {render.SHORT_NAMES[label]}", style="dim")
            options.append(Option(prompt))
            self.panel_entities.append((name, label))
        panel.add_options(options)
        if self.language:
            self.query_one("#entity-title", Static).update(Text(
                f"No entities: reader finds them in English text, and this article reads as {self.language}",
                style="bold"))

    def recolour(self) -> None:
        self._fill_panel()
        self.refresh_text()

    def _legend(self) -> None:
        colours = self.app.colours  # type: ignore[attr-defined]
        legend = render.legend(self.kinds, self.show_entities, colours, self.size.width)
        line = Text(no_wrap=True, overflow="ellipsis")
        if self.matches:
            where = f"hit {self.current + 1} of {len(self.matches)}" if self.current >= 0 else \
                f"{len(self.matches)} hits"
            line.append(f"{where}  ", style="bold")
        if self.language:
            line.append(f"entities: English text only (this article reads as {self.language})", style="dim")
        else:
            line.append_text(legend)
        self.query_one("#legend", Static).update(line)

    def refresh_text(self, reveal: int | None = None) -> None:
        """Draw the body again. The reading position stays where it was (the paragraph at the
        top stays at the top), unless `reveal` asks for a body offset to be shown."""
        if self.article is None:
            return
        self._legend()
        view = self.query_one("#reader", ArticleView)
        anchor = view.top_offset() if reveal is None and view.children else None
        entities = self.article.entities if self.show_entities else ()
        blocks = render.blocks(self.article, entities, self.kinds, self.matches, self.show_removed,
                               self.current, self.app.colours)  # type: ignore[attr-defined]
        view.show(blocks, Static(render.header(self.article), classes="article-header"),
                  keep_scroll=anchor is not None)
        if reveal is not None:
            view.reveal(reveal)
        elif anchor is not None:
            view.reveal(anchor, exact=True)

    def watch_show_removed(self) -> None:
        self.refresh_text()

    def watch_show_entities(self) -> None:
        self.refresh_text()

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        shown = "shown in place, struck through" if self.show_removed else "hidden"
        self.notify(f"Removed boilerplate {shown} ({len(self.article.removed) if self.article else 0} pieces)")

    def action_toggle_entities(self) -> None:
        self.show_entities = not self.show_entities

    def action_toggle_kind(self, n: int) -> None:
        if not 1 <= n <= len(render.KINDS):
            return
        kind = render.KINDS[n - 1]
        self.kinds ^= {kind}
        self.refresh_text()

    def _jump(self, step: int) -> None:
        if not self.matches:
            self.notify("No search hits in this article")
            return
        self.current = (self.current + step) % len(self.matches)
        self.refresh_text(reveal=self.matches[self.current][0])
        self.sub_title = f"hit {self.current + 1} of {len(self.matches)}"

    def action_next_match(self) -> None:
        self._jump(1)

    def action_previous_match(self) -> None:
        self._jump(-1)

    def action_toggle_panel(self) -> None:
        view = self.query_one("#reader", ArticleView)
        anchor = view.top_offset()
        panel = self.query_one("#entity-panel")
        if self.has_class("-narrow"):
            self.toggle_class("-panel")  # narrow screens: the panel takes the place of the text
        else:
            panel.display = not panel.display
        self.call_after_refresh(view.reveal, anchor, True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_index is not None and event.option_index < len(self.panel_entities):
            name, _ = self.panel_entities[event.option_index]
            self.app.pop_screen()
            self.app.set_filter("entity", name)  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        """Back to the library with this article marked: c on another compares the two."""
        self.app.pop_screen()
        self.app.mark_for_compare(self.article_id)  # type: ignore[attr-defined]

    def action_toggle_read(self) -> None:
        if self.article is not None:
            marks = self.app.library.marks  # type: ignore[attr-defined]
            read = not marks.is_read(self.article.path)
            self.app.set_marks(self.article, read=read)  # type: ignore[attr-defined]
            self.notify("Marked as read" if read else "Marked as unread")

    def action_toggle_bookmark(self) -> None:
        if self.article is not None:
            marks = self.app.library.marks  # type: ignore[attr-defined]
            on = not marks.is_bookmarked(self.article.path)
            self.app.set_marks(self.article, bookmarked=on)  # type: ignore[attr-defined]
            self.notify("Bookmarked" if on else "Bookmark removed")

    def action_back(self) -> None:
        self.app.pop_screen()
