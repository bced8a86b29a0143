"""ReaderApp: the terminal interface over the library."""

from __future__ import annotations

import gc
import time

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import get_current_worker

from reader.core.library import Library
from reader.core.models import SyncReport
from reader.ui.screens.library import LibraryScreen


IDLE_COLLECT = 1.5  # quiet seconds before garbage is collected


class ReaderApp(App[None]):
    """Library, search, reading and comparison of news articles."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, library: Library | None = None) -> None:
        super().__init__()
        self.library = library or Library()
        self.filters: dict[str, str] = {}
        self._last_activity = 0.0
        self._garbage_since_collect = True

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())
        self.sub_title = f"{self.library.catalogue.count()} articles"
        # Sync after the first paint: the list appears at once, new files follow.
        self.call_after_refresh(self.sync_library)
        self.call_after_refresh(self.warm_search)
        self.set_interval(0.5, self._collect_when_idle)

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

    @work(thread=True, exclusive=True, group="sync")
    def sync_library(self) -> None:
        """Process new and changed files without blocking the interface."""
        worker = get_current_worker()
        library = Library(self.library.paths)  # its own SQLite connection, for this thread
        report = SyncReport()
        try:
            for step in library.sync(report=report):
                if worker.is_cancelled:
                    return
                if step.message:
                    self.call_from_thread(self.notify, step.message)
                if step.total and (step.done % 25 == 0 or step.done == step.total):
                    self.call_from_thread(self._progress, step.done, step.total)
        finally:
            library.close()
        self.call_from_thread(self._synced, report)

    def _progress(self, done: int, total: int) -> None:
        self.sub_title = f"indexing {done}/{total} (you can keep reading)"

    def _synced(self, report: SyncReport) -> None:
        self.sub_title = f"{self.library.catalogue.count()} articles"
        for problem in report.problems[:5]:
            self.notify(str(problem), title="could not read", severity="warning", timeout=8)
        if len(report.problems) > 5:
            self.notify(f"{len(report.problems) - 5} more files could not be read (see `reader index`)",
                        severity="warning")
        screen = self.library_screen
        if screen is not None and (report.added or report.updated or report.deleted):
            screen.stories = {}
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

    def set_filter(self, kind: str, value: str) -> None:
        self.filters[kind] = value
        self._filters_changed()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._filters_changed()

    def _filters_changed(self) -> None:
        screen = self.library_screen
        if screen is not None:
            screen.reload()

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())


def run() -> int:
    """Start the interface; returns the exit code."""
    ReaderApp().run()
    return 0
