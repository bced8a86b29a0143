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

from reader.core.models import Article
from reader.ui import render

from reader.ui.widgets.article_view import ArticleView


class ArticleScreen(Screen[None]):
    """One article. r shows what was removed, e toggles entity colours, 1-7 switch kinds off."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back"),
        Binding("r", "toggle_removed", "Removed"),
        Binding("e", "toggle_entities", "Entities"),
        Binding("n", "next_match", "Next hit"),
        Binding("N", "previous_match", "Prev hit", key_display="N"),
        Binding("p", "toggle_panel", "Entity panel"),
        Binding("c", "compare", "Compare with…"),
        *[Binding(str(n), f"toggle_kind({n})", show=False) for n in range(1, 8)],
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

    def on_mount(self) -> None:
        self.app.settle()  # type: ignore[attr-defined]
        self.article = self.app.library.get(self.article_id)  # type: ignore[attr-defined]
        self.title = self.article.title
        counts = Counter((m.name, m.label) for m in self.article.entities
                         if m.label in ("person", "org", "place", "group"))
        panel = self.query_one("#entities", OptionList)
        for (name, label), n in counts.most_common():
            prompt = Text()
            prompt.append(f"{n:>3} ", style="dim")
            prompt.append(name, style=render.ENTITY_STYLES[label])
            panel.add_option(Option(prompt, id=name))
        self.refresh_text(keep_scroll=False)
        if self.matches:
            self.action_next_match()
        self.query_one("#reader").focus()

    def refresh_text(self, keep_scroll: bool = True) -> None:
        if self.article is None:
            return
        self.query_one("#legend", Static).update(render.legend(self.kinds, self.show_entities))
        entities = self.article.entities if self.show_entities else ()
        blocks = render.blocks(self.article, entities, self.kinds, self.matches, self.show_removed, self.current)
        view = self.query_one("#reader", ArticleView)
        view.show(blocks, Static(render.header(self.article), classes="article-header"),
                  keep_scroll=keep_scroll and self.current < 0)
        if self.current >= 0:
            view.reveal(self.matches[self.current][0])

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
        kind = render.KINDS[n - 1]
        self.kinds ^= {kind}
        self.refresh_text()

    def _jump(self, step: int) -> None:
        if not self.matches:
            self.notify("No search hits in this article")
            return
        self.current = (self.current + step) % len(self.matches)
        self.refresh_text()
        self.sub_title = f"hit {self.current + 1} of {len(self.matches)}"

    def action_next_match(self) -> None:
        self._jump(1)

    def action_previous_match(self) -> None:
        self._jump(-1)

    def action_toggle_panel(self) -> None:
        panel = self.query_one("#entity-panel")
        panel.display = not panel.display

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.pop_screen()
            self.app.set_filter("entity", event.option.id)  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        from reader.ui.screens.library import LibraryScreen

        self.app.pop_screen()
        screen = self.app.screen
        if isinstance(screen, LibraryScreen):
            screen.marked = self.article_id
            screen.reload()
            self.app.notify("Marked: choose the second article and press c")

    def action_back(self) -> None:
        self.app.pop_screen()
