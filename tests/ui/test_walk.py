"""A keyboard walk: every binding of every screen, in random (seeded) orders, on the samples and on
a library of awkward articles, at 80x24 and 160x50. The app must never raise, and after each key
the highlighted row is what Enter opens, the filter label matches the list, and the hit counter is
in range."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace

import pytest

from reader.core.library.facade import Library
from reader.core.models import Mention
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.filters import FilterScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from tests.conftest import library_at, synced_library
from tests.ui.conftest import settle

KEYS = {
    LibraryScreen: ["slash", "z", "e", "l", "backspace", "ctrl+u", "enter", "escape", "up", "down",
                    "down", "f", "x", "s", "g", "c", "v", "question_mark", "home", "end", "tab",
                    "pagedown", "ctrl+p", "m", "b", "R", "o"],
    ArticleScreen: ["n", "N", "r", "e", "1", "3", "8", "p", "c", "escape", "backspace", "o", "down",
                    "pagedown", "home", "end", "tab", "enter", "question_mark", "m", "b"],
    CompareScreen: ["tab", "right_square_bracket", "left_square_bracket", "d", "i", "escape",
                    "down", "pagedown", "question_mark"],
    HelpScreen: ["escape", "question_mark", "down", "q"],
    FilterScreen: ["down", "up", "m", "backspace", "enter", "escape"],
}
STEPS = 36


def awkward_library(folder, home) -> Library:
    """Articles that have broken interfaces before: see the module docstring."""
    folder.mkdir()
    (folder / "two-kinds.txt").write_text(
        "Martin to meet Martin\n\nTaoiseach Micheál Martin will meet the board of Martin, the "
        "engineering company, in Dublin on Friday, his office said on Tuesday.\n")
    (folder / "no-entities.txt").write_text("quiet day\n\nnothing much happened here today at all, "
                                            "and the weather stayed mild and grey until the evening.\n")
    (folder / "no-title.txt").write_text("the rain kept falling through the night and into the "
                                         "morning, and the river rose to the top of its banks.\n")
    (folder / "one-line.txt").write_text("One line only.")
    (folder / "long.txt").write_text("A very long report\n\n" + "\n\n".join(
        f"Paragraph {n} of the report says the talks went on for another hour." for n in range(5000)))
    (folder / "hostile.md").write_text(
        "# A [bold red]loud[/] title \x1b[31mred\x1b[0m\n\nBody with [@click=app.quit]click[/] "
        "and an \x1b]0;owned\x07 title change, and *emphasis* in a long enough sentence.\n")
    (folder / "rtl-cjk.txt").write_text(
        "عنوان الخبر\n\nقال المسؤولون إن المحادثات ستستأنف يوم الاثنين في جنيف.\n\n"
        "東京で会談が再開されたと当局者が月曜日に述べた。\n")
    for n in range(3):
        (folder / f"copy{n}.txt").write_text("Copies of one page\n\nThe same page saved three "
                                             "times says the same thing about the talks in Geneva.\n")
    library = synced_library(folder, home)
    # One name as two kinds (the real model does this with "Martin"), set here so the walk
    # does not depend on what one model version tags.
    article = library.get("two-kinds")
    start = article.body.index("Martin")
    twice = (Mention("Martin", "person", "Martin", start, start + 6),
             Mention("Martin", "org", "Martin", start, start + 6))
    library.catalogue.write([(replace(article, entities=twice), 1, 1)])
    return library


def check(app: ReaderApp) -> None:
    screen = app.screen
    if isinstance(screen, LibraryScreen):
        status = str(screen.query_one("#status").render())
        for kind, value in app.filters.items():
            assert f"{kind}: {app.filter_labels.get((kind, value), value)}" in status
        if not app.filters:
            assert "x clears" not in status
        lists = screen.query_one("#lists")
        if lists.current == "results" and screen.results is not None:
            option = screen.query_one("#results").highlighted_option
            assert screen.current_id() == (option.id if option else None)
    if isinstance(screen, ArticleScreen):
        assert -1 <= screen.current < max(1, len(screen.matches))


async def walk(app: ReaderApp, size: tuple[int, int], seed: int) -> None:
    rng = random.Random(seed)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for _ in range(STEPS):
            screen = app.screen
            keys = next((k for kind, k in KEYS.items() if isinstance(screen, kind)), ["escape"])
            key = rng.choice(keys)
            expected = None
            if key == "enter" and isinstance(screen, LibraryScreen) and not screen.query_one("#search").has_focus:
                expected = screen.current_id()
            await pilot.press(key)
            await pilot.pause(0.02)
            if expected is not None:
                await settle(app, pilot)
                if isinstance(app.screen, ArticleScreen):
                    assert app.screen.article_id == expected
            assert app.is_running
            check(app)
        await settle(app, pilot)
        check(app)


@pytest.mark.slow
@pytest.mark.parametrize("size,seed", [((80, 24), 1), ((160, 50), 2)])
async def test_walk_the_samples(tmp_path, indexed_home, size, seed):
    home = tmp_path / "home"
    shutil.copytree(indexed_home, home)
    await walk(ReaderApp(library_at(home)), size, seed)


@pytest.fixture(scope="module")
def awkward_home(tmp_path_factory):
    import os

    base = tmp_path_factory.mktemp("awkward")
    saved = os.environ.get("READER_NER")
    os.environ["READER_NER"] = "off"  # entities are set by hand above; NER of 5,000 paragraphs is slow
    try:
        awkward_library(base / "articles", base / "home").close()
    finally:
        if saved is None:
            os.environ.pop("READER_NER", None)
        else:
            os.environ["READER_NER"] = saved
    return base / "home"


@pytest.mark.slow
@pytest.mark.parametrize("size,seed", [((80, 24), 3), ((160, 50), 4)])
async def test_walk_an_awkward_library(tmp_path, awkward_home, size, seed, monkeypatch):
    monkeypatch.setenv("READER_NER", "off")
    home = tmp_path / "home"
    shutil.copytree(awkward_home, home)
    library = library_at(home)
    assert len(library.stories()) == len(library.summaries()) - 2  # the three copies: one story
    await walk(ReaderApp(library), size, seed)
