"""ResultList: search hits as two-line options (title line, then the snippet with matches marked)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.search import Hit
from reader.ui import render
from reader.ui.palette import DEFAULT, Palette


def hit_prompt(hit: Hit, colours: Palette = DEFAULT) -> Text:
    text = Text()
    text.append(hit.title, style="bold")
    facts = " · ".join(f for f in (hit.outlet or "", (hit.published or "")[:10]) if f)
    if facts:
        text.append(f"  {facts}", style="dim")
    text.append("\n")
    text.append_text(render.snippet(hit.snippet, hit.highlights, colours))
    return text


class ResultList(OptionList):
    """The hits of the current query; option ids are article ids."""

    def show(self, hits: tuple[Hit, ...], colours: Palette = DEFAULT) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.add_options([Option(hit_prompt(h, colours), id=h.id) for h in hits])
        ids = [h.id for h in hits]
        self.highlighted = ids.index(highlighted) if highlighted in ids else (0 if ids else None)

    def current_id(self) -> str | None:
        """The id of the highlighted hit's article."""
        option = self.highlighted_option
        return option.id if option else None
