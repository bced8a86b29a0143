"""Each key does what it says, and the interface never crashes (issue 17's list, one test each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library.facade import Library
from reader.core.models import Mention
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.compare import CompareScreen
from reader.ui.screens.library import LibraryScreen
from tests.conftest import library_at, synced_library
from tests.ui.conftest import search_for, settle

ROOT = Path(__file__).resolve().parent.parent.parent


def one_name_two_kinds(library: Library) -> str:
    """Give an article the entities a file naming "Taoiseach Micheál Martin" and "Martin" (a
    company) can produce: one name, two kinds."""
    from dataclasses import replace

    article = library.get("004")
    start = article.body.index("Trump")
    twice = (Mention("Trump", "person", "Martin", start, start + 5),
             Mention("Trump", "org", "Martin", start, start + 5))
    library.catalogue.write([(replace(article, entities=article.entities + twice), 1, 1)])
    return article.id


async def test_one_name_with_two_kinds_opens_without_a_crash(app):
    one_name_two_kinds(app.library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("004_64f4219125d935ae"))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        kinds = {kind for name, kind in app.screen.panel_entities if name == "Martin"}
        assert kinds == {"person", "org"}
        # Choosing one of the two filters the library by that name.
        panel = app.screen.query_one("#entities")
        panel.focus()
        panel.highlighted = next(i for i, (n, _) in enumerate(app.screen.panel_entities) if n == "Martin")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.filters == {"entity": "Martin"}


def test_a_crash_exits_non_zero_with_one_line_and_the_traceback_in_a_file(tmp_path):
    home = tmp_path / "home"
    script = (
        "import sys\n"
        "from reader.ui import app as ui\n"
        "from reader.ui.screens.library import LibraryScreen\n"
        "def broken(self):\n"
        "    raise RuntimeError('a bug for the test')\n"
        "LibraryScreen.on_mount = broken\n"
        "sys.exit(ui.run(headless=True))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "READER_HOME": str(home), "READER_NER": "off"}, cwd=ROOT)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("reader: the interface stopped on an error")
    crash = Path(lines[0].rsplit(" ", 1)[-1])
    assert crash.exists() and crash.parent == home / "data" / "crashes"
    assert "RuntimeError: a bug for the test" in crash.read_text()


async def test_x_clears_an_outlet_filter_and_an_entity_filter(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for kind, value in (("outlet", "Irish Examiner"), ("entity", "Elon Musk")):
            app.set_filter(kind, value)
            await settle(app, pilot)
            screen = app.screen
            assert screen.results is not None and screen.results.total == 1
            await pilot.press("x")
            await settle(app, pilot)
            assert screen.results is None and not app.filters
            assert screen.query_one("#lists").current == "articles"
            assert screen.query_one("#articles").row_count == 5
            assert "x clears" not in str(screen.query_one("#status").render())


async def test_enter_in_the_search_box_opens_the_highlighted_hit(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await search_for(app, pilot, '"root causes')
        screen = app.screen
        await pilot.press("ctrl+u")
        for key in "putin AND":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.3)
        await settle(app, pilot)
        results = screen.query_one("#results")
        results.highlighted = 3
        await settle(app, pilot)
        highlighted = screen.current_id()
        assert highlighted == results.get_option_at_index(3).id
        screen.query_one("#search").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == highlighted


async def test_d_in_compare_steps_through_each_sides_passages_on_its_own(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(CompareScreen("001_e3c8c79627716df6", "003_23efa93aaaa488aa"))
        await settle(app, pilot)
        screen = app.screen
        only_b = len(screen.comparison.only_b)
        await pilot.press("tab", "d", "d")
        assert screen.sub_title.startswith("B only: 2 of")
        await pilot.press("tab", "d")
        assert screen.sub_title.startswith("A only: 1 of")
        await pilot.press("tab", "d")
        assert screen.sub_title == f"B only: 3 of {only_b}"


async def test_toggles_keep_the_reading_position(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search_for(app, pilot, "zelensky")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.2)
        view = app.screen.query_one("#reader")
        assert view.scroll_y > 0  # at the first hit
        await pilot.press("home")
        await pilot.pause(0.2)
        top = view.top_offset()
        # Each toggle on and off again; at 80 columns p puts the entity panel in the text's
        # place, and p again brings the text back.
        for key in ("r", "e", "1", "p"):
            for _ in range(2):
                await pilot.press(key)
                await settle(app, pilot)
                await pilot.pause(0.3)
                if key != "p":
                    assert view.top_offset() == top, key
            assert view.top_offset() == top, key


async def test_light_themes_are_readable(app):
    from reader.ui.palette import MINIMUM, contrast

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for name in sorted(app.available_themes):
            app.theme = name
            await pilot.pause()
            colours = app.colours
            for kind, style in colours.entity.items():
                assert contrast(style.split()[-1], colours.background) >= MINIMUM, (name, kind)
            assert contrast(colours.only, colours.background) >= MINIMUM, name
            for tint in colours.shared:
                text, _, ground = tint.partition(" on ")
                assert contrast(text, ground) >= MINIMUM, name
            for style in (colours.match, colours.current_match):
                text, _, ground = style.split(" ", 1)[1].partition(" on ")
                assert contrast(text, ground) >= MINIMUM, name
        app.theme = "textual-light"
        await pilot.pause()
        assert app.colours.background == "#e0e0e0"
        assert json.loads((app.library.paths.config / "interface.json").read_text())["theme"] == "textual-light"


async def test_first_launch_lists_the_samples_before_finding_entities(tmp_path):
    library = library_at(tmp_path / "home")
    app = ReaderApp(library)
    seen_empty_message = False
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            screen = app.screen
            if not isinstance(screen, LibraryScreen):
                continue
            if "No articles yet" in str(screen.query_one("#preview").children[0].render() if
                                         screen.query_one("#preview").children else ""):
                seen_empty_message = True
            if screen.query_one("#articles").row_count == 5:
                break
        assert screen.query_one("#articles").row_count == 5
        entities_then = sum(len(library.get(s.id).entities) for s in library.summaries())
        await settle(app, pilot)
        entities_now = sum(len(library.get(s.id).entities) for s in library.summaries())
    assert not seen_empty_message
    assert entities_then == 0 < entities_now  # listed first, tagged after


async def test_titles_get_the_room_and_cuts_show_an_ellipsis(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#articles")
        title = table.columns[next(k for k in table.columns if k.value == "title")]
        assert title.width >= 40
        lines = [table.render_line(y).text for y in range(1, 6)]
        assert any("…" in line for line in lines)  # "The New York Ti…", long titles
        await pilot.press("v")  # narrower preview
        await settle(app, pilot)
        assert table.columns[title.key].width > 40
        await pilot.press("v")  # hidden
        await settle(app, pilot)
        assert not app.screen.query_one("#preview-pane").display
    saved = json.loads((app.library.paths.config / "interface.json").read_text())
    assert saved["preview"] == "hidden"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_keeps_quit_and_help_and_the_header_the_hit_counter(app, size):
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one("Footer")
        keys = {getattr(item, "key_display", None) or getattr(item, "key", "") for item in footer.query("FooterKey")}
        shown = " ".join(str(k) for k in keys)
        assert "q" in shown and "?" in shown and "c" in shown
        await search_for(app, pilot, "zelensky")
        await pilot.press("enter")
        await settle(app, pilot)
        legend = str(app.screen.query_one("#legend").render())
        assert legend.startswith("hit 1 of")
        assert "1 people" in legend


async def test_the_help_screen_wraps_in_columns_and_names_the_digits(app):
    from rich.console import Console

    from reader.ui.screens.help import DIGITS, keys_table

    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert app.screen.query_one("#help-keys")
    assert DIGITS.startswith("1 people, 2 organisations, 3 places, 4 groups")
    console = Console(width=60, record=True)
    console.print(keys_table())
    lines = console.export_text().splitlines()
    assert any("1 people" in line for line in lines)
    for line in lines:
        # A description that wraps goes on under its own column, never at the left margin.
        if line.strip() and not line.startswith(" "):
            assert line.split()[0] in {"Everywhere", "Library", "Article", "Compare", "?", "q",
                                        "ctrl+p", "/", "↑", "escape", "f", "s", "g", "v", "c", "n",
                                        "r", "e", "1-8", "p", "o", "tab", "]", "d", "i"}, line


async def test_the_filter_dialog_spells_its_heading_highlights_and_narrows(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        options = dialog.query_one("#facets")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "— entities —" in prompts and "— entitys —" not in prompts
        assert options.highlighted is not None and dialog.shown[options.highlighted] is not None
        for key in "musk":
            await pilot.press(key)
        await settle(app, pilot)
        assert [c for c in dialog.shown if c] == [("entity", "Elon Musk")]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.filters == {"entity": "Elon Musk"}


async def test_marking_names_the_article_and_the_palette_has_the_apps_commands(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one("#articles")
        table.move_cursor(row=table.get_row_index("004_64f4219125d935ae"))
        await pilot.press("c")
        status = str(screen.query_one("#status").render())
        assert "Trump Urges Russia" in status and "004_64f4" not in status
        titles = [c.title for c in app.get_system_commands(screen)]
        for command in ("Search", "Sort", "Stories", "Filter", "Compare", "Rebuild index",
                        "Open the original", "Fetch feeds", "Bookmark"):
            assert command in titles


async def test_sort_and_stories_and_placeholder(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "a.md").write_text("# Council votes on *cycle lanes*\n\nThe council **voted** 31 to 9 "
                                 "on Monday to build [cycle lanes](https://example.com) on the quays.\n")
    library = synced_library(folder, tmp_path / "home")
    app = ReaderApp(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "zelensky" not in app.screen.query_one("#search").placeholder.lower()
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        text = "\n".join(str(c.render()) for c in app.screen.query_one("#reader").children)
        assert "**" not in text and "](" not in text and "voted 31 to 9" in text
    assert json.loads((library.paths.config / "interface.json").read_text())["sort"] == "outlet"
    again = ReaderApp(Library(library.paths))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.screen.sort == "outlet"


async def test_changes_made_by_another_process_show_up(tmp_path, app):
    folder = tmp_path / "more"
    folder.mkdir()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        (folder / "new.txt").write_text("Dockers strike again\n\nDock workers at the eastern grain "
                                        "terminal stayed off the job on Thursday, the port said.\n")
        other = Library(app.library.paths)
        other.add_sources([folder])
        env = {**os.environ, "READER_HOME": str(app.library.paths.data.parent), "READER_NER": "off"}
        subprocess.run([sys.executable, "-m", "reader", "index"], env=env, check=True,
                       capture_output=True, cwd=ROOT, timeout=120)
        # Once a user adds files, the library is theirs: the samples give way to the new article.
        for _ in range(60):
            await pilot.pause(0.1)
            if app.screen.query_one("#articles").row_count == 1:
                break
        assert app.screen.current_id() == "new"
        subprocess.run([sys.executable, "-m", "reader", "index", "--rebuild"], env=env, check=True,
                       capture_output=True, cwd=ROOT, timeout=300)
        await search_for(app, pilot, "dock")
        assert app.screen.results.total == 1
        other.close()
