"""The library screen: search box, the article list (or the hits, or the stories), and a preview."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    Footer,
    Header,
    Input,
    OptionList,
    Static,
    Tree,
)
from textual.worker import get_current_worker

from reader.core.library import Summary
from reader.core.models import ReaderError
from reader.core.search import Hit, Results
from reader.ui import render
from reader.ui.listing import SORTS, Story, empty_message, sort_rows, story_groups
from reader.ui.status import status_line
from reader.ui.widgets.article_table import ArticleTable, Marks
from reader.ui.widgets.preview import Preview
from reader.ui.widgets.results import ResultList
from reader.ui.widgets.search_box import SEED_HINT, SearchBox
from reader.ui.widgets.story_tree import StoryTree

PREVIEWS = ("wide", "narrow", "hidden")  # v cycles the preview pane through these
PAGE = 25  # hits fetched for a new query; more as the highlight nears the end of the list


class LibraryScreen(Screen[None]):
    """Type to search; move with the arrows; Enter opens; c marks and compares two articles."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("enter", "open", "Open"),
        Binding("c", "compare", "Compare"),
        Binding("f", "filters", "Filter"),
        Binding("g", "group", "Stories"),
        Binding("s", "sort", "Sort"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
        Binding("v", "preview", "Preview"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("b", "toggle_bookmark", "Bookmark"),
        Binding("R", "app.fetch_feeds", "Fetch feeds", key_display="R"),
        Binding("o", "app.open_source", "Original", show=False),
        Binding("escape", "leave_search", "List", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: Results | None = None
        self.sort = "date"
        self.preview = "wide"
        self.grouped = False
        self.marks = Marks()  # shared with the article table, which shows them
        self.progress = ""
        self._generation = 0
        self._library_size = 0
        self._limit = PAGE
        self._data_version = 0  # bumped when the catalogue may have changed under the preview
        self._rows: dict[str, Summary] = {}
        self._story_list: list[Story] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(id="search")
        yield Static(id="status")
        with Horizontal(id="library"):
            with ContentSwitcher(initial="articles", id="lists"):
                table = ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
                table.marks = self.marks
                yield table
                yield ResultList(id="results")
                yield StoryTree("stories", id="stories")
            yield Preview(id="preview-pane")
        yield Footer()

    def on_resize(self) -> None:
        self.set_class(self.size.width < render.NARROW, "-narrow")

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", {})
        self.sort = settings.get("sort") if settings.get("sort") in SORTS else self.sort
        self.preview = settings.get("preview") if settings.get("preview") in PREVIEWS else self.preview
        self._apply_preview()
        tree = self.query_one("#stories", StoryTree)
        tree.show_root = False
        if self.library.sources_are_seeds():
            self.query_one(SearchBox).placeholder = SEED_HINT
        if self.app.syncing and not self.library.catalogue.count():  # type: ignore[attr-defined]
            self.progress = "reading your articles…"
        self.reload()
        self.query_one("#articles", DataTable).focus()

    def recolour(self) -> None:
        """The theme changed: draw the preview and the hits with its colours."""
        self.query_one(Preview).forget()
        self.show_preview()
        if self.results is not None:
            self.query_one("#results", ResultList).show(self.results.hits, self.app.colours)  # type: ignore[attr-defined]

    # the list ---------------------------------------------------------------------------------

    @property
    def marked(self) -> str | None:
        """The article marked for comparison."""
        return self.marks.marked

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
        self._rows = {r.id: r for r in rows}
        self.marks.read = self.library.marks.read()
        self.marks.bookmarks = self.library.marks.bookmarked()
        known = self.library.known_stories()
        if known is not None:
            self._story_list = [(story.title, story.articles) for story in known]
        self._data_version += 1
        if self.filters:
            found = self.library.search("", limit=len(rows) or 1, filters=self.filters, facets=False)
            allowed = {h.id for h in found.hits}
            rows = [r for r in rows if r.id in allowed]
        self._fill(rows)
        if self.grouped:
            self._show_stories(rows)
        # With no query and no filter left this shows the whole list again (x clears filters).
        self.run_search(self.query_one("#search", Input).value)
        self.update_status()
        self.show_preview()

    def _fill(self, rows: list[Summary]) -> None:
        self.query_one("#articles", ArticleTable).show(sort_rows(rows, self.sort), keep=self.current_id())

    @on(ArticleTable.Filled)
    def _filled(self) -> None:
        self.update_status()
        self.app.settle()  # type: ignore[attr-defined]

    def refresh_marks(self, article_id: str) -> None:
        """Show an article's read state and bookmark as they are now."""
        row = self._rows.get(article_id)
        if row is None:
            return
        self.marks.read = self.library.marks.read()
        self.marks.bookmarks = self.library.marks.bookmarked()
        self.query_one("#articles", ArticleTable).show_marks(row)
        self.update_status()

    def set_stories(self, stories: list[Story]) -> None:
        """The library's stories were found (largest first): show them."""
        self._story_list = stories
        self.reload()

    def _show_stories(self, rows: list[Summary]) -> None:
        groups = story_groups(self._story_list, self._rows, {r.id for r in rows})
        self.query_one("#stories", StoryTree).show(groups, self.marked, keep=self.current_id())

    def current_id(self) -> str | None:
        """The highlighted article of the list on show (the articles, the hits or the stories)."""
        shown = self.query_one(f"#{self.query_one('#lists', ContentSwitcher).current}")
        assert isinstance(shown, ArticleTable | ResultList | StoryTree)
        return shown.current_id()

    def current_hit(self) -> Hit | None:
        article_id = self.current_id()
        if self.results is None:
            return None
        return next((h for h in self.results.hits if h.id == article_id), None)

    # preview ----------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    @on(OptionList.OptionHighlighted)
    @on(Tree.NodeHighlighted)
    def show_preview(self) -> None:
        if self.preview == "hidden":
            return
        pane = self.query_one(Preview)
        article_id = self.current_id()
        hit = self.current_hit()
        matches = hit.body_highlights if hit else ()
        if pane.showing((article_id, matches, self._data_version)):
            return  # already on screen (a highlight message after the list was refilled)
        self.app.settle()  # type: ignore[attr-defined]
        self._more_if_near_end()
        if article_id is None:
            reading = bool(self.app.syncing or self.progress)  # type: ignore[attr-defined]
            stories = self.query_one("#lists", ContentSwitcher).current == "stories"
            pane.show_message(empty_message(bool(self.results or self.filters), reading, stories))
            return
        try:
            article = self.library.get(article_id)
        except ReaderError as exc:  # e.g. the file was removed and the list is being refreshed
            pane.show_message(str(exc))
            return
        pane.show_article(article, matches, self.app.colours)  # type: ignore[attr-defined]

    def show_progress(self, text: str) -> None:
        """What a sync running in the background is doing (an empty text: it finished)."""
        self.progress = text
        self.update_status()
        if not self._library_size:
            self.query_one(Preview).forget()
            self.show_preview()

    def _apply_preview(self) -> None:
        pane = self.query_one("#preview-pane")
        pane.display = self.preview != "hidden"
        self.set_class(self.preview == "narrow", "-preview-narrow")

    # search -----------------------------------------------------------------------------------

    @on(SearchBox.Query)
    def query_changed(self, event: SearchBox.Query) -> None:
        self.run_search(event.text)

    @on(Input.Submitted, "#search")
    def query_submitted(self) -> None:
        """Enter in the search box opens the hit that is highlighted and previewed."""
        article_id = self.current_id()
        if article_id is not None and self.results is not None:
            self.open_article(article_id, self.current_hit())

    def run_search(self, text: str, limit: int = PAGE) -> None:
        self._generation += 1
        self._limit = limit
        if not text.strip() and not self.filters:
            self.results = None
            self.query_one("#lists", ContentSwitcher).current = "stories" if self.grouped else "articles"
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
        try:
            results = self.library.search(text, limit=limit, filters=self.filters, facets=False)
        except (OSError, ValueError, ReaderError):
            # The index changed under us (another process rebuilt it): open it afresh, once.
            self.library.refresh()
            results = self.library.search(text, limit=limit, filters=self.filters, facets=False)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, results, generation)

    def _show_results(self, results: Results, generation: int) -> None:
        if generation != self._generation:
            return  # a newer query is on its way; never let stale results overwrite it
        self.app.settle()  # type: ignore[attr-defined]
        self.results = results
        self.query_one("#lists", ContentSwitcher).current = "results"
        self.query_one("#results", ResultList).show(results.hits, self.app.colours)  # type: ignore[attr-defined]
        self.update_status()
        self.query_one(Preview).forget()
        # The hits first, the preview a frame later: typing shows its results sooner.
        self.call_after_refresh(self.show_preview)

    def update_status(self) -> None:
        count = self._library_size if not self.filters else self.query_one("#articles", DataTable).row_count
        unread = sum(1 for r in self._rows.values() if r.path not in self.marks.read)
        labels = self.app.filter_labels  # type: ignore[attr-defined]
        filters = [(key, labels.get((key, value), value)) for key, value in self.filters.items()]
        marked = self.title_of(self.marked) if self.marked else None
        order = "grouped by story" if self.grouped else f"sorted by {self.sort}"
        self.query_one("#status", Static).update(
            status_line(self.results, count, unread, order, filters, marked, self.progress))

    # actions ----------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # At once (not after the queued events): the keys typed right after / are the query's.
        self.set_focus(self.query_one("#search", Input))

    def action_leave_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and search.value:
            search.value = ""
            self.run_search("")
        lists = self.query_one("#lists", ContentSwitcher)
        self.query_one(f"#{lists.current}").focus()

    @on(DataTable.RowSelected)
    @on(OptionList.OptionSelected)
    def action_open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.open_article(article_id, self.current_hit())

    @on(Tree.NodeSelected)
    def story_selected(self, event: Tree.NodeSelected) -> None:  # type: ignore[type-arg]
        if event.node.data:
            self.open_article(event.node.data, self.current_hit())

    def open_article(self, article_id: str, hit: Hit | None) -> None:
        from reader.ui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(article_id, hit.body_highlights if hit else ()))

    def mark(self, article_id: str | None) -> None:
        """Mark an article for comparison (None: unmark)."""
        self.marks.marked = article_id
        self._fill(list(self._rows.values()) if not self.filters else self._filtered_rows())
        if self.grouped:
            self._show_stories(list(self._rows.values()))
        self.update_status()

    def title_of(self, article_id: str) -> str:
        return row.title if (row := self._rows.get(article_id)) is not None else article_id

    def _filtered_rows(self) -> list[Summary]:
        table = self.query_one("#articles", DataTable)
        return [self._rows[str(key.value)] for key in table.rows if str(key.value) in self._rows]

    def action_compare(self) -> None:
        from reader.ui.screens.compare import CompareScreen

        current = self.current_id()
        if current is None:
            return
        if self.marked is None or self.marked == current:
            self.mark(None if self.marked == current else current)
            return
        first = self.marked
        self.mark(None)
        self.app.push_screen(CompareScreen(first, current))

    def action_filters(self) -> None:
        from reader.ui.screens.filters import pick_filter

        facets = None
        if self.results is not None:  # counts over the current hits, not the whole library
            facets = self.library.search(self.results.query, limit=1, filters=self.filters).facets
        pick_filter(self.app, facets)

    def action_clear_filters(self) -> None:
        if self.filters:
            self.app.clear_filters()  # type: ignore[attr-defined]

    def action_sort(self) -> None:
        self.grouped = False
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.app.remember(sort=self.sort)  # type: ignore[attr-defined]
        self.reload()

    def action_group(self) -> None:
        self.grouped = not self.grouped
        if self.grouped and not self._story_list:
            self.notify("Grouping stories…")
            self.app.find_stories()  # type: ignore[attr-defined]
        self.reload()
        lists = self.query_one("#lists", ContentSwitcher)
        if self.results is None:
            self.query_one(f"#{lists.current}").focus()

    def _current_row(self) -> Summary | None:
        article_id = self.current_id()
        return self._rows.get(article_id) if article_id else None

    def action_toggle_read(self) -> None:
        if (row := self._current_row()) is not None:
            self.app.set_marks(row, read=row.path not in self.marks.read)  # type: ignore[attr-defined]

    def action_toggle_bookmark(self) -> None:
        if (row := self._current_row()) is None:
            return
        now = row.path not in self.marks.bookmarks
        self.app.set_marks(row, bookmarked=now)  # type: ignore[attr-defined]
        self.notify(f"{'Bookmarked' if now else 'Bookmark removed'}: “{row.title[:50]}”")

    def action_preview(self) -> None:
        self.preview = PREVIEWS[(PREVIEWS.index(self.preview) + 1) % len(PREVIEWS)]
        self.app.remember(preview=self.preview)  # type: ignore[attr-defined]
        self._apply_preview()
        self.query_one(Preview).forget()
        self.show_preview()
