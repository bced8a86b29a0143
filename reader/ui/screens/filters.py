"""The filter picker: unread and bookmarked, feeds, outlets and entities with their article
counts; type to narrow the list."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

ENTITY_LIMIT = 200
HEADINGS = {"show": "read state", "feed": "feeds", "outlet": "outlets", "entity": "entities"}
SHOW_LABELS = {"unread": "unread articles", "bookmarks": "bookmarked articles"}


class FilterScreen(ModalScreen[tuple[str, str] | None]):
    """Choose what to show (unread, bookmarked), a feed, an outlet or an entity; the library then
    shows only the articles that match."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, facets: dict[str, dict[str, int]] | None = None) -> None:
        super().__init__()
        self.facets = facets
        self.choices: list[tuple[str, str, str, int]] = []  # (kind, value, label, count)
        self.shown: list[tuple[str, str] | None] = []  # what each option is (None: a heading)
        self.labels: dict[tuple[str, str], str] = {}  # how a choice is named, where not its value

    def compose(self) -> ComposeResult:
        with Vertical(id="filters"):
            yield Static(Text("Filter by read state, feed, outlet or entity (counts are articles); "
                              "type to narrow", style="bold"))
            yield Input(placeholder="type part of a name…", id="narrow")
            yield OptionList(id="facets")

    def on_mount(self) -> None:
        facets = self.facets or self._library_facets()
        self.choices = self._own_choices()
        self.choices += [(kind, value, value, count) for kind in ("outlet", "entity")
                         for value, count in list(facets.get(kind, {}).items())[:ENTITY_LIMIT]]
        self.labels = {(k, v): label for k, v, label, _ in self.choices if label != v}
        self._show("")
        self.query_one("#narrow", Input).focus()

    def _show(self, text: str) -> None:
        widget = self.query_one("#facets", OptionList)
        widget.clear_options()
        self.shown = []
        options = []
        needle = text.strip().lower()
        for kind in HEADINGS:
            matching = [(v, label, c) for k, v, label, c in self.choices
                        if k == kind and needle in label.lower()]
            if not matching:
                continue
            options.append(Option(Text(f"— {HEADINGS[kind]} —", style="dim"), disabled=True))
            self.shown.append(None)
            for value, label, count in matching:
                options.append(Option(Text(f"{label}  ({count})")))
                self.shown.append((kind, value))
        if not options:
            options.append(Option(Text("nothing matches", style="dim"), disabled=True))
            self.shown.append(None)
        widget.add_options(options)
        first = next((i for i, choice in enumerate(self.shown) if choice is not None), None)
        widget.highlighted = first

    @on(Input.Changed, "#narrow")
    def narrow(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#narrow")
    def choose_highlighted(self) -> None:
        widget = self.query_one("#facets", OptionList)
        if widget.highlighted is not None and self.shown[widget.highlighted] is not None:
            self.dismiss(self.shown[widget.highlighted])

    def action_move(self, step: int) -> None:
        widget = self.query_one("#facets", OptionList)
        if step > 0:
            widget.action_cursor_down()
        else:
            widget.action_cursor_up()

    def _own_choices(self) -> list[tuple[str, str, str, int]]:
        """Unread and bookmarked, and each feed: counted over the library (not the index)."""
        library = self.app.library  # type: ignore[attr-defined]
        paths = {row.path for row in library.summaries()}
        read, marked = library.marks.read(), library.marks.bookmarked()
        choices = [("show", "unread", SHOW_LABELS["unread"], len(paths - read)),
                   ("show", "bookmarks", SHOW_LABELS["bookmarks"], len(paths & marked))]
        per_feed = library.web.feed_paths() if library.paths.web.exists() else {}
        for sub in library.subscriptions() if library.paths.web.exists() else ():
            choices.append(("feed", sub.url, sub.title or sub.url,
                            len(per_feed.get(sub.url, set()) & paths)))
        return choices

    def _library_facets(self) -> dict[str, dict[str, int]]:
        library = self.app.library  # type: ignore[attr-defined]
        outlets: dict[str, int] = {}
        for row in library.summaries():
            if row.outlet:
                outlets[row.outlet] = outlets.get(row.outlet, 0) + 1
        entities = {e.name: len(e.articles) for e in library.entities()[:ENTITY_LIMIT]}
        return {"outlet": dict(sorted(outlets.items(), key=lambda kv: -kv[1])), "entity": entities}

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = self.shown[event.option_index] if event.option_index < len(self.shown) else None
        if choice is not None:
            self.dismiss(choice)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def pick_filter(app: App[None], facets: dict[str, dict[str, int]] | None) -> None:
    """Show the filter picker (`facets`: counts over the current hits, None for the whole
    library); the choice becomes the app's filter, named as the picker names it."""
    picker = FilterScreen(facets)

    def chosen(choice: tuple[str, str] | None) -> None:
        if choice:
            app.set_filter(*choice, picker.labels.get(choice))  # type: ignore[attr-defined]

    app.push_screen(picker, chosen)
