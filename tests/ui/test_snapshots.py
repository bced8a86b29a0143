"""Snapshots of the main screens at a fixed size (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from tests.ui.conftest import search_for, settle

SIZE = (110, 32)


async def _ready(pilot) -> None:
    await settle(pilot.app, pilot)


def test_library_snapshot(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_ready)


def test_search_snapshot(snap_compare, app):
    async def search(pilot) -> None:
        await _ready(pilot)
        pilot.app.screen.query_one("#search").cursor_blink = False  # a blinking cursor is a coin toss
        await search_for(pilot.app, pilot, "zelensky")

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_article_snapshot(snap_compare, app):
    async def open_article(pilot) -> None:
        await _ready(pilot)
        table = pilot.app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("004_64f4219125d935ae"))
        await pilot.press("enter")
        await _ready(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_article)


def test_compare_snapshot(snap_compare, app):
    async def compare(pilot) -> None:
        await _ready(pilot)
        table = pilot.app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("001_e3c8c79627716df6"))
        await pilot.press("c")
        table.move_cursor(row=table.get_row_index("003_23efa93aaaa488aa"))
        await pilot.press("c")
        await _ready(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=compare)
