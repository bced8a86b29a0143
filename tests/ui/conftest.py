"""UI fixtures: a home with the seeds already indexed, so the app starts with nothing to do."""

from __future__ import annotations

import shutil

import pytest

from reader.ui.app import ReaderApp
from tests.conftest import library_at


@pytest.fixture(scope="session")
def indexed_home(tmp_path_factory, seeded):
    """A copy of the seeded home (clean, NER and index done once per session)."""
    return seeded.paths.data.parent


@pytest.fixture
def app(tmp_path, indexed_home):
    home = tmp_path / "home"
    shutil.copytree(indexed_home, home)
    return ReaderApp(library_at(home))


async def settle(app, pilot) -> None:
    """Wait until workers are done and the screen has caught up."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def search_for(app, pilot, text: str) -> None:
    """Press `/`, type the query, and wait past the debounce until its results are shown."""
    await pilot.press("slash", *text)
    await pilot.pause(0.3)
    await settle(app, pilot)
