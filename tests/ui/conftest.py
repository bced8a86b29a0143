"""UI fixtures: a home with the seeds already indexed, so the app starts with nothing to do."""

from __future__ import annotations

import asyncio
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


async def settle(app, pilot, timeout: float = 30.0) -> None:
    """Wait until workers are done, including those a finishing worker starts (a fetch starts a
    sync), and the screen has caught up. Waiting on one snapshot of the workers raced with that chain
    on a loaded machine."""
    await pilot.pause()
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        running = [worker for worker in app.workers if not worker.is_finished]
        if not running:
            break
        await app.workers.wait_for_complete(running)
        await pilot.pause()
    await pilot.pause()


async def search_for(app, pilot, text: str) -> None:
    """Press `/`, type the query, and wait past the debounce until its results are shown."""
    await pilot.press("slash", *text)
    await pilot.pause(0.3)
    await settle(app, pilot)
