"""The real Textual app under Pilot, on the seeds: search, read, reveal boilerplate, compare."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.library import LibraryScreen
from tests.conftest import library_at, synced_library
from tests.ui.conftest import search_for, settle


def rendered(widget) -> str:
    return "\n".join(str(child.render()) for child in widget.children)


async def test_library_lists_the_seeds(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one("#articles")
        assert table.row_count == 5
        # g groups them: a header per story with its articles under it, singletons last.
        await pilot.press("g")
        await settle(app, pilot)
        tree = app.screen.query_one("#stories")
        groups = [(str(node.label), sorted(leaf.data[:3] for leaf in node.children))
                  for node in tree.root.children]
        assert sorted(ids for _, ids in groups[:2]) == [["000", "002"], ["001", "003"]]
        assert "2 articles" in groups[0][0] and "Irish Examiner" in groups[0][0] + groups[1][0]
        assert groups[2][0].startswith("In no other story") and groups[2][1] == ["004"]


async def test_typing_a_query_shows_highlighted_hits(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await search_for(app, pilot, "zelensky")
        screen = app.screen
        assert screen.results.total == 4
        results = screen.query_one("#results")
        assert results.option_count == 4
        prompt = results.get_option_at_index(0).prompt
        marked = [prompt.plain[s.start:s.end] for s in prompt.spans if "ffd75f" in str(s.style)]
        assert any(m.lower().startswith("zelensk") for m in marked)


async def test_stale_results_never_overwrite_newer_ones(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await search_for(app, pilot, "musk")
        old = screen.library.search("putin")
        screen._show_results(old, screen._generation - 1)  # an older worker finishing late
        assert screen.results.query == "musk"


async def test_enter_opens_first_hit_and_n_moves_between_hits(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await search_for(app, pilot, "zelensky")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.matches and app.screen.current == 0
        await pilot.pause(0.2)
        assert app.screen.query_one("#reader").scroll_y > 0  # scrolled to the first hit
        await pilot.press("n")
        assert app.screen.current == 1
        await pilot.press("N", "N")
        assert app.screen.current == len(app.screen.matches) - 1


async def test_article_shows_entities_and_reveals_removed_boilerplate(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("002_037889587b53874b"))
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.screen.query_one("#reader")
        assert "SEE ALSO" not in rendered(view)
        spans = [s for child in view.children for s in getattr(child.render(), "spans", [])]
        assert spans, "entities are coloured"
        await pilot.press("r")
        await settle(app, pilot)
        text = rendered(view)
        assert "SEE ALSO" in text and "link marker" in text
        assert text.index("SEE ALSO") < text.index("Trump has made ending the war")  # in place
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_compare_two_articles_side_by_side(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("001_e3c8c79627716df6"))
        await pilot.press("c")
        table.move_cursor(row=table.get_row_index("003_23efa93aaaa488aa"))
        await pilot.press("c")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert len(screen.comparison.shared_passages) >= 5
        assert "shared passages" in str(screen.query_one("#compare-summary").render())
        await pilot.press("right_square_bracket")
        assert screen.pair == 0
        await pilot.press("tab")
        assert screen.query_one("#side-b").has_focus


async def test_filter_by_entity_from_the_article_panel(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.set_filter("entity", "Elon Musk")
        await settle(app, pilot)
        assert app.screen.query_one("#articles").row_count == 1
        await pilot.press("x")
        await settle(app, pilot)
        assert app.screen.query_one("#articles").row_count == 5


async def test_markup_and_escapes_in_articles_are_shown_literally(tmp_path):
    from reader.ui.app import ReaderApp

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        "A [bold red]loud[/] title\n\nBody with [@click=app.quit]click me[/] and \x1b[31mred\x1b[0m "
        "and an \x1b]0;owned\x07 title change, in a sentence long enough to be kept.\n")
    library = synced_library(folder, tmp_path / "home")
    app = ReaderApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        text = rendered(app.screen.query_one("#reader"))
        assert "[bold red]loud[/]" in text and "[@click=app.quit]click me[/]" in text
        assert "\x1b" not in text
        assert app.is_running


async def test_small_terminal_stacks_the_panes(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-narrow")
        await pilot.resize_terminal(140, 40)
        await settle(app, pilot)
        assert not app.screen.has_class("-narrow")


@pytest.mark.slow
async def test_first_sync_of_many_files_inside_the_interface_finds_entities(tmp_path):
    # 200+ new files start NER worker processes from the interface's sync thread, where Textual
    # has replaced sys.stderr (this once failed with "bad value(s) in fds_to_keep").
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(210):
        (folder / f"s{n:03d}.txt").write_text(
            f"Talks resume, round {n}\n\nNegotiators from Ukraine and Russia met in Geneva on Monday "
            f"for round {n}, officials said, and Marco Rubio will join them next week.\n")
    library = library_at(tmp_path / "home")
    library.add_sources([folder])
    app = ReaderApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#articles").row_count == 210
    names = {e.name for e in library.entities()}
    assert {"Geneva", "Marco Rubio"} <= names
