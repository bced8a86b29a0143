"""The library screen: search box, the article list (or the hits), and a preview of the current one."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from reader.core.models import ReaderError
from reader.core.search import Hit, Results
from reader.core.store import Summary
from reader.ui import render

from reader.ui.widgets.article_table import ArticleTable
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.results import ResultList

SORTS = ("date", "outlet", "title")
FIRST_ROWS = 300  # rows shown before the first paint; the rest follow in chunks
ROW_CHUNK = 2000
DEBOUNCE = 0.02  # seconds of quiet typing before a search; a search takes 5-30 ms
PAGE = 25  # hits fetched for a new query; more as the highlight nears the end of the list


class LibraryScreen(Screen[None]):
    """Type to search; move with the arrows; Enter opens; c marks and compares two articles."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("enter", "open", "Open"),
        Binding("c", "compare", "Compare"),
        Binding("f", "filters", "Filter"),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("s", "sort", "Sort"),
        Binding("g", "group", "Stories"),
        Binding("escape", "leave_search", "List", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: Results | None = None
        self.sort = "date"
        self.grouped = False
        self.marked: str | None = None
        self._timer: Timer | None = None
        self._generation = 0
        self._fill_generation = 0
        self._library_size = 0
        self._limit = PAGE
        self._previewed: tuple[object, ...] | None = None
        self._data_version = 0  # bumped when the catalogue may have changed under the preview
        self.stories: dict[str, tuple[int, str, int]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ search: zelensky  \"root causes\"  title:ceasefire  zaporizhia~  (? for syntax)",
                    id="search")
        yield Static(id="status")
        with Horizontal(id="library"):
            with ContentSwitcher(initial="articles", id="lists"):
                yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
                yield ResultList(id="results")
            with Vertical(id="preview-pane"):
                yield ArticleView(id="preview")
        yield Footer()

    def on_resize(self) -> None:
        self.set_class(self.size.width < render.NARROW, "-narrow")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#articles", DataTable).focus()

    # the list ---------------------------------------------------------------------------------

    @property
    def library(self):  # type: ignore[no-untyped-def]
        return self.app.library  # type: ignore[attr-defined]

    @property
    def filters(self) -> dict[str, str]:
        return self.app.filters  # type: ignore[attr-defined]

    def reload(self) -> None:
        """Refill the list from the catalogue (after a sync, a sort or new filters)."""
        rows = self.library.summaries()
        self._library_size = len(rows)
        known = self.library.known_stories()
        if known is not None:
            self._take_stories([(story.title, story.articles) for story in known])
        self._data_version += 1
        if self.filters:
            found = self.library.search("", limit=len(rows) or 1, filters=self.filters, facets=False)
            allowed = {h.id for h in found.hits}
            rows = [r for r in rows if r.id in allowed]
        self._fill(rows)
        if self.query_one("#search", Input).value.strip() or self.filters:
            self.run_search(self.query_one("#search", Input).value)
        self.update_status()
        self.show_preview()

    def _sorted(self, rows: list[Summary]) -> list[Summary]:
        if self.grouped and self.stories:
            return sorted(rows, key=lambda r: (self.stories.get(r.id, (10**9, ""))[0], r.published or "", r.id))
        if self.sort == "date":
            return sorted(rows, key=lambda r: (r.published or "", r.id), reverse=True)
        if self.sort == "outlet":
            return sorted(rows, key=lambda r: ((r.outlet or "~").lower(), r.id))
        return sorted(rows, key=lambda r: r.title.lower())

    def _fill(self, rows: list[Summary]) -> None:
        """Show the first rows at once and add the rest in chunks, so a large library paints fast."""
        table = self.query_one("#articles", DataTable)
        current = self.current_id()
        table.clear()
        self._fill_generation += 1
        ordered = self._sorted(rows)
        self._add_rows(ordered[:FIRST_ROWS])
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        if len(ordered) > FIRST_ROWS:
            self._fill_rest(ordered, FIRST_ROWS, self._fill_generation, current)

    def _fill_rest(self, ordered: list[Summary], start: int, generation: int, current: str | None) -> None:
        if generation != self._fill_generation:
            return  # a newer fill replaced this one
        self._add_rows(ordered[start:start + ROW_CHUNK])
        table = self.query_one("#articles", DataTable)
        if current is not None and current in table.rows and table.cursor_row == 0:
            table.move_cursor(row=table.get_row_index(current))
        if start + ROW_CHUNK < len(ordered):
            self.set_timer(0.01, lambda: self._fill_rest(ordered, start + ROW_CHUNK, generation, current))
        else:
            self.update_status()
            self.app.settle()  # type: ignore[attr-defined]

    def _add_rows(self, rows: list[Summary]) -> None:
        table = self.query_one("#articles", DataTable)
        for row in rows:
            story = self.stories.get(row.id)
            title = Text(("★ " if row.id == self.marked else "") + row.title)
            number = Text(f"{story[0] + 1}", style="dim") if story and story[2] > 1 else Text("")
            table.add_row(title, Text(row.outlet or "—"), (row.published or "")[:10], number, key=row.id)

    def _take_stories(self, stories: list[tuple[str, tuple[str, ...]]]) -> None:
        """Story number, title and size per article (numbers follow the order given: largest first)."""
        self.stories = {a: (n, title, len(ids)) for n, (title, ids) in enumerate(stories) for a in ids}

    def set_stories(self, stories: list[tuple[str, tuple[str, ...]]]) -> None:
        self._take_stories(stories)
        self.reload()

    def current_id(self) -> str | None:
        switcher = self.query_one("#lists", ContentSwitcher)
        if switcher.current == "results":
            results = self.query_one("#results", ResultList)
            option = results.highlighted_option
            return option.id if option else None
        table = self.query_one("#articles", DataTable)
        if not table.row_count:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(key.value)

    def current_hit(self) -> Hit | None:
        article_id = self.current_id()
        if self.results is None:
            return None
        return next((h for h in self.results.hits if h.id == article_id), None)

    # preview ----------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    @on(OptionList.OptionHighlighted)
    def show_preview(self) -> None:
        view = self.query_one("#preview", ArticleView)
        article_id = self.current_id()
        hit = self.current_hit()
        key = (article_id, hit.body_highlights if hit else (), self._data_version)
        if key == self._previewed:
            return  # already on screen (a highlight message after the list was refilled)
        self._previewed = key
        self.app.settle()  # type: ignore[attr-defined]
        self._more_if_near_end()
        if article_id is None:
            empty = "No articles match." if (self.results or self.filters) else \
                "No articles yet: add some with `reader add PATH`."
            view.show(iter(()), Static(Text(empty)))
            return
        try:
            article = self.library.get(article_id)
        except ReaderError as exc:  # e.g. the file was removed and the list is being refreshed
            view.show(iter(()), Static(Text(str(exc))))
            return
        matches = hit.body_highlights if hit else ()
        view.show(render.blocks(article, article.entities, matches=matches),
                  Static(render.header(article), classes="article-header"))
        if matches:
            view.reveal(matches[0][0])

    # search -----------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search")
    def query_submitted(self) -> None:
        if self.results and self.results.hits:
            self.open_article(self.results.hits[0].id, self.results.hits[0])

    def run_search(self, text: str, limit: int = PAGE) -> None:
        self._generation += 1
        self._limit = limit
        if not text.strip() and not self.filters:
            self.results = None
            self.query_one("#lists", ContentSwitcher).current = "articles"
            self.update_status()
            self.show_preview()
            return
        self._search(text, self._generation, limit)

    def _more_if_near_end(self) -> None:
        r, hits = self.results, self.query_one("#results", ResultList)
        if (r is not None and r.total > len(r.hits) == self._limit and hits.highlighted is not None
                and hits.highlighted >= len(r.hits) - 3):
            self.run_search(r.query, limit=self._limit * 2)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, generation: int, limit: int) -> None:
        results = self.library.search(text, limit=limit, filters=self.filters, facets=False)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, results, generation)

    def _show_results(self, results: Results, generation: int) -> None:
        if generation != self._generation:
            return  # a newer query is on its way; never let stale results overwrite it
        self.app.settle()  # type: ignore[attr-defined]
        self.results = results
        self.query_one("#lists", ContentSwitcher).current = "results"
        self.query_one("#results", ResultList).show(results.hits)
        self.update_status()
        self.call_after_refresh(self.show_preview)  # the hits reach the screen first

    def update_status(self) -> None:
        parts: list[tuple[str, str]] = []  # (text, style): assembled as plain Text, never markup
        if self.results is not None:
            r = self.results
            parts.append((f"{r.total} hit{'s' if r.total != 1 else ''}", "bold"))
            if r.suggestion:
                parts.append((f"  did you mean: {r.suggestion}", "italic #ffb86c"))
            if r.message:
                parts.append((f"  ({r.message})", "dim"))
        else:
            count = self._library_size if not self.filters else \
                self.query_one("#articles", DataTable).row_count
            parts.append((f"{count} articles", "bold"))
            parts.append((f"  sorted by {'story' if self.grouped else self.sort}", "dim"))
        for key, value in self.filters.items():
            parts.append((f"  {key}: {value} (x clears)", "#7fd4ff"))
        if self.marked:
            parts.append((f"  ★ {self.marked} marked: press c on another to compare", "#8ee08e"))
        self.query_one("#status", Static).update(Text.assemble(*parts))

    # actions ----------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_leave_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
        lists = self.query_one("#lists", ContentSwitcher)
        self.query_one(f"#{lists.current}").focus()

    @on(DataTable.RowSelected)
    @on(OptionList.OptionSelected)
    def action_open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.open_article(article_id, self.current_hit())

    def open_article(self, article_id: str, hit: Hit | None) -> None:
        from reader.ui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(article_id, hit.body_highlights if hit else ()))

    def action_compare(self) -> None:
        from reader.ui.screens.compare import CompareScreen

        current = self.current_id()
        if current is None:
            return
        if self.marked is None or self.marked == current:
            self.marked = None if self.marked == current else current
            self.reload()
            return
        first, self.marked = self.marked, None
        self.reload()
        self.app.push_screen(CompareScreen(first, current))

    def action_filters(self) -> None:
        from reader.ui.screens.filters import FilterScreen

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice:
                self.app.set_filter(*choice)  # type: ignore[attr-defined]

        facets = None
        if self.results is not None:  # counts over the current hits, not the whole library
            facets = self.library.search(self.results.query, limit=1, filters=self.filters).facets
        self.app.push_screen(FilterScreen(facets), chosen)

    def action_clear_filters(self) -> None:
        self.app.clear_filters()  # type: ignore[attr-defined]

    def action_sort(self) -> None:
        self.grouped = False
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()

    def action_group(self) -> None:
        self.grouped = not self.grouped
        if self.grouped and not self.stories:
            self.notify("Grouping stories…")
            self.app.find_stories()  # type: ignore[attr-defined]
        self.reload()
