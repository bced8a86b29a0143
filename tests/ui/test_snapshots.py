"""Snapshots of every screen at 80x24 and 160x50 (pytest-textual-snapshot; --snapshot-update)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import search_for, settle

SIZES = [(80, 24), (160, 50)]


async def _ready(pilot) -> None:
    await settle(pilot.app, pilot)
    pilot.app.screen.query_one("#search").cursor_blink = False  # a blinking cursor is a coin toss


async def _library(pilot) -> None:
    await _ready(pilot)


async def _steady(pilot, selector: str) -> None:
    """Wait until a scrolled view stops moving: the preview scrolls to the first hit on a timer
    once its paragraphs have a place, which a loaded machine reaches a frame or two later (two
    equal looks at the scroll could both come before it: the view says when it is done)."""
    view = pilot.app.screen.query_one(selector)
    last = None
    for _ in range(100):
        await pilot.pause(0.05)
        now = (view.scroll_y, view.virtual_size, view.max_scroll_y)
        if now == last and not view.revealing:
            return
        last = now


async def _search(pilot) -> None:
    await _ready(pilot)
    await search_for(pilot.app, pilot, "zelensky")
    await _steady(pilot, "#preview")
    # The preview comes a frame after the hits: in one full run out of nine on a clean checkout
    # this snapshot differed from the stored one (same text). Wait for workers and the preview once more.
    await settle(pilot.app, pilot)
    await _steady(pilot, "#preview")


async def _stories(pilot) -> None:
    await _ready(pilot)
    await pilot.press("g")
    await settle(pilot.app, pilot)


async def _article(pilot) -> None:
    await _ready(pilot)
    table = pilot.app.screen.query_one("#articles")
    table.move_cursor(row=table.get_row_index("004_64f4219125d935ae"))
    await pilot.press("enter")
    await settle(pilot.app, pilot)


async def _article_removed(pilot) -> None:
    await _article(pilot)
    await pilot.press("r")
    await settle(pilot.app, pilot)


async def _compare(pilot) -> None:
    await _ready(pilot)
    table = pilot.app.screen.query_one("#articles")
    table.move_cursor(row=table.get_row_index("001_e3c8c79627716df6"))
    await pilot.press("c")
    table.move_cursor(row=table.get_row_index("003_23efa93aaaa488aa"))
    await pilot.press("c")
    await settle(pilot.app, pilot)


async def _filters(pilot) -> None:
    await _ready(pilot)
    await pilot.press("f")
    await settle(pilot.app, pilot)
    pilot.app.screen.query_one("#narrow").cursor_blink = False


async def _help(pilot) -> None:
    await _ready(pilot)
    await pilot.press("question_mark")
    await settle(pilot.app, pilot)


async def _light(pilot) -> None:
    pilot.app.theme = "textual-light"
    await _article(pilot)


SCREENS = {"library": _library, "search": _search, "stories": _stories, "article": _article,
           "removed": _article_removed, "compare": _compare, "filters": _filters, "help": _help,
           "light": _light}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen_snapshot(snap_compare, app, screen, size):
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
