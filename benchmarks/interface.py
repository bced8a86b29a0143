"""The interface under Pilot: first paint, keystroke to results, opening an article, peak RSS.

Run in a fresh process per measurement of first paint (`python -m benchmarks.interface HOME`),
it prints one JSON object. Times are taken when Textual hands a frame to its driver, so they
include layout and rendering, not only the Python behind them.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before Textual and reader are imported: first paint counts imports

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

KEYSTROKE_QUERIES = ("oil", "coffee", "dollar", "merger", "wheat", "gold", "strike", "bank", "opec",
                     "sugar", "yen", "tin", "crude", "bonds", "rates", "steel", "cocoa", "tariff",
                     "loan", "copper")


async def measure(interactions: bool) -> dict[str, object]:
    from textual.widgets import DataTable, Input

    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.library import LibraryScreen

    frames: list[tuple[float, object]] = []  # (time, screen) of every frame sent to the driver


    shown: dict[str, float] = {}
    original_show = LibraryScreen._show_results

    def show_results(self, results, generation):  # type: ignore[no-untyped-def]
        original_show(self, results, generation)
        if generation == self._generation:
            shown[self.query_one("#search", Input).value] = time.perf_counter()

    LibraryScreen._show_results = show_results  # type: ignore[method-assign]

    out: dict[str, object] = {}
    app = ReaderApp()
    send = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        frames.append((time.perf_counter(), screen))
        send(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#articles", DataTable)
        while not table.row_count:
            await asyncio.sleep(0.002)
        filled = time.perf_counter()
        while not any(t >= filled for t, s in frames if isinstance(s, LibraryScreen)):
            await asyncio.sleep(0.002)
        out["first_paint"] = next(t for t, s in frames if t >= filled) - STARTED
        if not interactions:
            return out
        while table.row_count < len(app.library.summaries()):  # let the list fill and the sync end
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        out["rows"] = table.row_count

        keystrokes = []
        for word in KEYSTROKE_QUERIES:
            await pilot.press("slash")
            app.screen.query_one("#search", Input).value = ""
            await pilot.press(*word[:-1])
            await pilot.pause(0.3)
            start = time.perf_counter()
            await pilot.press(word[-1])
            while word not in shown:
                await asyncio.sleep(0.001)
            while not any(t >= shown[word] for t, _ in frames):
                await asyncio.sleep(0.001)
            keystrokes.append(next(t for t, _ in frames if t >= shown[word]) - start)
        out["keystroke"] = keystrokes

        await pilot.press("escape")  # clear the search: back to the article list
        await pilot.pause(0.3)
        app.screen.query_one("#articles", DataTable).focus()
        opens = []
        for _ in range(15):
            await pilot.press("down")
            await pilot.pause(0.2)
            start = time.perf_counter()
            await pilot.press("enter")
            while not any(t >= start and isinstance(s, ArticleScreen) for t, s in frames):
                await asyncio.sleep(0.001)
            opens.append(next(t for t, s in frames if t >= start and isinstance(s, ArticleScreen)) - start)
            await pilot.press("escape")
            await pilot.pause(0.2)
        out["open"] = opens
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM of its own memory. Not ru_maxrss, which Linux carries
    over an exec from the parent's memory (a large benchmark process made this read 634 MB
    for an interface whose memory peaked at 310 MB)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    os.environ["READER_HOME"] = sys.argv[1]
    interactions = "--interactions" in sys.argv
    print(json.dumps(asyncio.run(measure(interactions))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
