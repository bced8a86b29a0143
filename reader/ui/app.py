"""ReaderApp: the terminal interface over the library."""

from __future__ import annotations

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import get_current_worker

from reader.core.library import Library, SyncReport
from reader.core.models import Article
from reader.ui.screens.library import LibraryScreen


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

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen())
        self.sync_library()

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
        self.sub_title = f"indexing {done}/{total}"

    def _synced(self, report: SyncReport) -> None:
        self.sub_title = f"{self.library.catalogue.count()} articles"
        for problem in report.problems[:5]:
            self.notify(str(problem), title="could not read", severity="warning", timeout=8)
        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.reload()
        self.post_message(self.Synced())

    class Synced(Message):
        """The library is up to date with its source files."""

    def article(self, article_id: str) -> Article:
        return self.library.get(article_id)

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())


def run() -> int:
    """Start the interface; returns the exit code."""
    ReaderApp().run()
    return 0
