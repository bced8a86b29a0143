"""ReaderApp: the terminal interface over the library."""

from __future__ import annotations

import gc
import os
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.core.library import Library
from reader.core.models import SyncReport
from reader.ui import settings
from reader.ui.originals import open_original
from reader.ui.palette import DEFAULT, Palette, palette, theme_colors
from reader.ui.screens.library import LibraryScreen

IDLE_COLLECT = 1.5  # quiet seconds before garbage is collected
WATCH_EVERY = 2.0  # seconds between checks for changes made outside the interface


class ReaderApp(App[None]):
    """Library, search, reading and comparison of news articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit", priority=False),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self.library = library or Library()
        self.filters: dict[str, str] = {}
        self.filter_labels: dict[tuple[str, str], str] = {}  # what the status line calls a filter
        self.colours: Palette = DEFAULT
        self.crash_file: Path | None = None
        self.syncing = False
        self.fetching = False
        self.settings = settings.load(self.library.paths)
        self._last_activity = 0.0
        self._garbage_since_collect = True
        self._seen_sync: int | None = None

    def on_mount(self) -> None:
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self._theme_changed()
        self.theme_changed_signal.subscribe(self, lambda _: self._theme_changed())
        # Sync after the first paint: the list appears at once, new files follow. An empty
        # library has nothing to paint: its sync starts now, to list the articles sooner.
        self.syncing = True
        empty = self.library.catalogue.count() == 0
        if empty:
            self.sync_library()
        self.push_screen(LibraryScreen())
        if not empty:
            self.call_after_refresh(self.sync_library)
        self.call_after_refresh(self.warm_search)
        self.set_interval(0.5, self._collect_when_idle)
        self.set_interval(WATCH_EVERY, self.watch_library)
        self._seen_sync = self._sync_stamp()

    # appearance and settings -----------------------------------------------------------------

    def _theme_changed(self) -> None:
        background, foreground, surface = theme_colors(self.get_css_variables(), self.current_theme.dark)
        self.colours = palette(background, foreground, surface)
        self.remember(theme=self.theme)
        for screen in self.screen_stack:
            refresh = getattr(screen, "recolour", None)
            if refresh is not None:
                refresh()

    def remember(self, **values: object) -> None:
        """Keep interface settings (theme, sort, layout) for the next run."""
        changed = {k: v for k, v in values.items() if self.settings.get(k) != v}
        if changed:
            self.settings.update(changed)
            settings.save(self.library.paths, self.settings)

    # crashes --------------------------------------------------------------------------------

    def _fatal_error(self) -> None:
        """An unhandled error: keep the traceback in a file, tell the user where, exit with 1."""
        self.crash_file = save_traceback(self.library.paths.data / "crashes")
        self._close_messages_no_wait()

    # idle work ------------------------------------------------------------------------------

    @work(thread=True, group="warm")
    def warm_search(self) -> None:
        """After the first paint: open the searcher and import the article screen ahead of use."""
        self.library.warm()
        import reader.ui.screens.article  # noqa: F401

    def settle(self) -> None:
        """Called as each interaction is shown: freeze what exists (see `_collect_when_idle`)."""
        self._last_activity = time.monotonic()
        self._garbage_since_collect = True
        gc.freeze()

    def _collect_when_idle(self) -> None:
        """Collect garbage when the interface has been quiet for a moment.

        With 20,000 articles the interface holds ~500,000 objects, and an automatic full
        collection paused it for 0.1-0.4 s in the middle of typing. Each interaction freezes what
        exists, so automatic collections only scan what is newer; the full collection, which
        also frees what was frozen meanwhile, waits for a quiet moment.
        """
        if self._garbage_since_collect and time.monotonic() - self._last_activity > IDLE_COLLECT:
            self._garbage_since_collect = False
            gc.unfreeze()
            gc.collect()
            gc.freeze()

    @property
    def library_screen(self) -> LibraryScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                return screen
        return None

    # keeping up with the library --------------------------------------------------------------

    def _sync_stamp(self) -> int | None:
        """When a sync (here or in another process) last finished: its snapshot's mtime."""
        try:
            return self.library.paths.snapshot.stat().st_mtime_ns
        except OSError:
            return None

    def watch_library(self) -> None:
        """Every few seconds: pick up what another `reader` process did, and files changed on disk."""
        if self.syncing:
            return
        stamp = self._sync_stamp()
        if stamp is not None and stamp != self._seen_sync:
            self._seen_sync = stamp
            self._reload_library()
        self.check_files()

    @work(thread=True, exclusive=True, group="watch")
    def check_files(self) -> None:
        library = Library(self.library.paths)
        try:
            unchanged = library.check_now()
        finally:
            library.close()
        if unchanged is None and not self.syncing:
            self.call_from_thread(self.sync_library)

    @work(thread=True, exclusive=True, group="sync")
    def sync_library(self) -> None:
        """Process new and changed files without blocking the interface."""
        worker = get_current_worker()
        library = Library(self.library.paths)  # its own SQLite connection, for this thread
        report = SyncReport()
        self.syncing = True
        try:
            for step in library.sync(report=report, quick_first=True):
                if worker.is_cancelled:
                    return
                if step.message:
                    self.call_from_thread(self.notify, step.message)
                if step.listed:
                    self.call_from_thread(self._listed)
                elif step.total and (step.done % 25 == 0 or step.done == step.total):
                    self.call_from_thread(self._progress, step.done, step.total)
        finally:
            library.close()
            self.syncing = False
        self.call_from_thread(self._synced, report)

    def _progress(self, done: int, total: int) -> None:
        screen = self.library_screen
        if screen is not None:
            screen.show_progress(f"reading and indexing {done} of {total} files")

    def _listed(self) -> None:
        screen = self.library_screen
        if screen is not None:
            screen.show_progress("finding people, places and organisations…")
            self._reload_library()

    def _synced(self, report: SyncReport) -> None:
        self._seen_sync = self._sync_stamp()
        for problem in report.problems[:5]:
            self.notify(str(problem), title="could not read", severity="warning", timeout=8)
        if len(report.problems) > 5:
            self.notify(f"{len(report.problems) - 5} more files could not be read (see `reader index`)",
                        severity="warning")
        screen = self.library_screen
        if screen is not None:
            screen.show_progress("")
            if report.added or report.updated or report.deleted:
                self._reload_library()

    def _reload_library(self) -> None:
        self.library.refresh()
        screen = self.library_screen
        if screen is not None:
            screen.reload()

    @work(thread=True, exclusive=True, group="stories")
    def find_stories(self) -> None:
        library = Library(self.library.paths)
        try:
            stories = [(s.title, s.articles) for s in library.stories()]
        finally:
            library.close()
        screen = self.library_screen
        if screen is not None:
            self.call_from_thread(screen.set_stories, stories)

    def mark_for_compare(self, article_id: str) -> None:
        """Mark an article in the library for comparison (the article screen's c)."""
        screen = self.library_screen
        if screen is not None and self.screen is screen:
            screen.mark(article_id)
            title = screen.title_of(article_id)
            self.notify(f"Marked “{title[:50]}”: choose the second article and press c")

    # filters --------------------------------------------------------------------------------

    def set_filter(self, kind: str, value: str, label: str | None = None) -> None:
        self.filters[kind] = value
        if label:
            self.filter_labels[(kind, value)] = label
        self._filters_changed()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._filters_changed()

    def _filters_changed(self) -> None:
        screen = self.library_screen
        if screen is not None:
            screen.reload()

    # commands -------------------------------------------------------------------------------

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        """The palette (ctrl+p): the interface's own commands first, then Textual's."""
        library = self.library_screen
        if library is not None:
            yield SystemCommand("Search", "Type a query to search every article", self._to_library(library.action_focus_search))
            yield SystemCommand("Sort", "Sort the list by date, outlet or title", self._to_library(library.action_sort))
            yield SystemCommand("Stories", "Group the articles by the event they report", self._to_library(library.action_group))
            yield SystemCommand("Filter", "Show the articles of one outlet or entity", self._to_library(library.action_filters))
            yield SystemCommand("Clear filters", "Show every article again", self.clear_filters)
            yield SystemCommand("Compare", "Mark the current article, then choose another to compare", self._to_library(library.action_compare))
            yield SystemCommand("Preview", "Show, narrow or hide the preview pane", self._to_library(library.action_preview))
            yield SystemCommand("Open the original", "The article's web page in the browser, or its file in $PAGER", self.action_open_source)
            yield SystemCommand("Fetch feeds", "Fetch every subscribed feed now", self.action_fetch_feeds)
            yield SystemCommand("Read / unread", "Mark the current article read or unread", self._to_library(library.action_toggle_read))
            yield SystemCommand("Bookmark", "Bookmark the current article, or remove its bookmark", self._to_library(library.action_toggle_bookmark))
        yield SystemCommand("Rebuild index", "Clean, tag and index every file again", self.rebuild_index)
        yield SystemCommand("Help", "Keys and query syntax", self.action_help)
        yield from super().get_system_commands(screen)

    def _to_library(self, action):  # type: ignore[no-untyped-def]
        def run() -> None:
            while len(self.screen_stack) > 2 and not isinstance(self.screen, LibraryScreen):
                self.pop_screen()
            action()
        return run

    def rebuild_index(self) -> None:
        self.notify("Rebuilding the index: every file is read again")
        self._rebuild()

    @work(thread=True, exclusive=True, group="sync")
    def _rebuild(self) -> None:
        library = Library(self.library.paths)
        report = SyncReport()
        self.syncing = True
        try:
            for step in library.sync(rebuild=True, report=report):
                if step.total and (step.done % 25 == 0 or step.done == step.total):
                    self.call_from_thread(self._progress, step.done, step.total)
        finally:
            library.close()
            self.syncing = False
        self.call_from_thread(self._synced, report)
        self.call_from_thread(self._reload_library)

    def action_open_source(self) -> None:
        """The original: a fetched article's page in the browser, a file in $PAGER."""
        article_id = getattr(self.screen, "article_id", None) or (
            self.library_screen.current_id() if self.library_screen else None)
        if not article_id:
            self.notify("No article chosen")
            return
        open_original(self, self.library.get(article_id))

    # read state, bookmarks and feeds ----------------------------------------------------------

    def set_marks(self, article: Any, read: bool | None = None, bookmarked: bool | None = None) -> None:
        """Mark an article read or unread, bookmarked or not; the list shows it at once."""
        if read is not None:
            self.library.marks.set_read(article.path, read)
        if bookmarked is not None:
            self.library.marks.set_bookmarked(article.path, bookmarked)
        screen = self.library_screen
        if screen is not None:
            screen.refresh_marks(article.id)

    def action_fetch_feeds(self) -> None:
        if self.fetching:
            self.notify("Already fetching")
            return
        if not self.library.paths.web.exists() or not self.library.subscriptions():
            self.notify("No feeds yet: subscribe with `reader feeds add URL`", severity="warning")
            return
        self.fetching = True
        self._fetch()

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch(self) -> None:
        library = Library(self.library.paths)
        try:
            results = library.fetch(lambda text: self.call_from_thread(self._status, text))
        finally:
            library.close()
            self.fetching = False
        new = sum(r.new for r in results)
        failed = [r for r in results if r.status == "failed"]
        message = f"{new} new article{'s' if new != 1 else ''} from {len(results)} feeds"
        if failed:
            message += f"; {len(failed)} failed: " + "; ".join(f"{r.url}: {r.error}" for r in failed[:3])
        self.call_from_thread(self.notify, message, severity="warning" if failed else "information",
                              timeout=8)
        self.call_from_thread(self._status, "")
        if new:
            self.call_from_thread(self.sync_library)

    def _status(self, text: str) -> None:
        screen = self.library_screen
        if screen is not None:
            screen.show_progress(text)


def save_traceback(folder: Path) -> Path | None:
    """Write the current exception's traceback to a new file in folder; its path (None if unwritable)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return path
    except OSError:
        return None


def run(headless: bool = False) -> int:
    """Start the interface; returns the exit code (1 after a crash, with where its traceback is)."""
    import sys

    app = ReaderApp()
    app.run(headless=headless)
    if app.return_code:
        where = f"; the traceback is in {app.crash_file}" if app.crash_file else ""
        sys.stderr.write(f"reader: the interface stopped on an error{where}\n")
        return app.return_code or 1
    return 0
