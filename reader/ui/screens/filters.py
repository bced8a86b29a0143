"""The filter picker: outlets and entities with their article counts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

ENTITY_LIMIT = 60


class FilterScreen(ModalScreen[tuple[str, str] | None]):
    """Choose an outlet or an entity; the library then shows only the articles that match."""

    BINDINGS = [Binding("escape,q,f", "dismiss_none", "Close")]

    def __init__(self, facets: dict[str, dict[str, int]] | None = None) -> None:
        super().__init__()
        self.facets = facets

    def compose(self) -> ComposeResult:
        with Vertical(id="filters"):
            yield Static(Text("Filter by outlet or entity (counts are articles)", style="bold"))
            yield OptionList(id="facets")

    def on_mount(self) -> None:
        facets = self.facets or self._library_facets()
        options: list[Option | None] = []
        for kind in ("outlet", "entity"):
            values = facets.get(kind, {})
            if not values:
                continue
            options.append(Option(Text(f"— {kind}s —", style="dim"), disabled=True))
            for value, count in list(values.items())[:ENTITY_LIMIT]:
                options.append(Option(Text(f"{value}  ({count})"), id=f"{kind}\x00{value}"))
        widget = self.query_one("#facets", OptionList)
        widget.add_options([o for o in options if o is not None])
        widget.focus()

    def _library_facets(self) -> dict[str, dict[str, int]]:
        library = self.app.library  # type: ignore[attr-defined]
        outlets: dict[str, int] = {}
        for row in library.summaries():
            if row.outlet:
                outlets[row.outlet] = outlets.get(row.outlet, 0) + 1
        entities = {e.name: len(e.articles) for e in library.entities()[:ENTITY_LIMIT]}
        return {"outlet": dict(sorted(outlets.items(), key=lambda kv: -kv[1])), "entity": entities}

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        kind, _, value = (event.option.id or "").partition("\x00")
        self.dismiss((kind, value))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
