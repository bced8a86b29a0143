"""The command line through a subprocess, with a temporary READER_HOME."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def reader(home, *args, check=True):
    env = dict(os.environ, READER_HOME=str(home))
    result = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                            env=env, cwd=ROOT)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli-home")
    reader(home, "index")
    return home


def test_version_and_help(home):
    assert reader(home, "--version").stdout.startswith("reader ")
    out = reader(home, "--help").stdout
    for command in ("add", "list", "show", "search", "index"):
        assert command in out


def test_list_json_has_the_five_seeds(home):
    rows = json.loads(reader(home, "list", "--json").stdout)
    assert [r["id"][:3] for r in rows] == ["000", "001", "002", "003", "004"]
    assert {"id", "title", "outlet", "published", "word_count"} <= set(rows[0])


def test_show_002_json_is_clean(home):
    data = json.loads(reader(home, "show", "002", "--json").stdout)
    for key in ("id", "title", "standfirst", "authors", "outlet", "published", "agencies", "body",
                "removed", "entities"):
        assert key in data
    assert "SEE ALSO" not in data["body"]
    assert "Illinois Intelligencer" not in data["body"]
    assert "Dalai Lama" not in data["body"]
    assert data["published"] == "2025-07-03T23:38:00+10:00"
    assert all(r["reason"] for r in data["removed"])


def test_show_text_and_removed(home):
    out = reader(home, "show", "003", "--removed").stdout
    assert "Trump and Putin speak about Ukraine and bilateral ties" in out
    assert "READ MORE" in out.split("--- removed")[1]


def test_unknown_and_ambiguous_ids_fail_with_one_line(home):
    result = reader(home, "show", "999", check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "999" in result.stderr
    result = reader(home, "show", "00", check=False)
    assert result.returncode == 1 and "matches 5 articles" in result.stderr


def test_search_json_shape(home):
    data = json.loads(reader(home, "search", "Zelensky", "--json").stdout)
    assert set(data) >= {"query", "total", "hits", "suggestion", "facets"}
    assert data["total"] == 4
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "outlet", "published", "score", "snippet", "highlights"}


def test_add_reports_bad_files_and_keeps_going(tmp_path):
    home = tmp_path / "home"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("A headline\n\nThe first paragraph of a real article about talks.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = reader(home, "add", str(folder))
    assert "empty.txt: empty file" in result.stderr
    assert "image.txt: not a text file" in result.stderr
    rows = json.loads(reader(home, "list", "--json").stdout)
    assert [r["id"] for r in rows] == ["good"]  # once the user adds, the library is theirs


def test_show_removed_names_a_line_only_where_the_file_has_one(home, tmp_path):
    mine = tmp_path / "home"
    shutil.copytree(home, mine)
    story = "".join(f"<p>Paragraph {n} of the story: the harbour authority said on Tuesday that grain "
                    f"shipments would resume next week, once the dock workers' strike over pay ended.</p>" for n in range(6))
    promo = "Sign up for our free newsletter to get the day's top stories delivered to your inbox."
    (tmp_path / "page.html").write_text(f"<html><head><title>Strike ends | Harbour Gazette</title></head>"
                                        f"<body><article><h1>Strike ends</h1>{story}<p>{promo}</p>"
                                        f"</article></body></html>")
    reader(mine, "add", str(tmp_path / "page.html"))
    out = reader(mine, "show", "page", "--removed").stdout.split("--- removed")[1]
    assert promo in out and "[line 0]" not in out
    assert re.search(r"\[line [1-9]\d*\] ", reader(home, "show", "003", "--removed").stdout)  # a text file's


def test_the_first_add_says_it_replaced_the_sample_articles(home, tmp_path):
    mine = tmp_path / "home"
    shutil.copytree(home, mine)  # the seeds, indexed
    (tmp_path / "story.txt").write_text("A headline\n\nThe first paragraph of a real article about talks.\n")
    first = reader(mine, "add", str(tmp_path / "story.txt")).stderr
    assert "replaced the 5 sample articles" in first and "1 article in the library" in first
    (tmp_path / "other.txt").write_text("Another headline\n\nA second article about the same talks.\n")
    assert "removed 0" in reader(mine, "add", str(tmp_path / "other.txt")).stderr


def test_add_of_nothing_readable_fails(tmp_path):
    result = reader(tmp_path / "home", "add", str(tmp_path / "missing"), check=False)
    assert result.returncode == 1 and "no such file or folder" in result.stderr


def test_colliding_file_names_get_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Title {folder}\n\nBody of article {folder} here.\n")
    home = tmp_path / "home"
    reader(home, "add", str(tmp_path / "a"), str(tmp_path / "b"))
    ids = [r["id"] for r in json.loads(reader(home, "list", "--json").stdout)]
    assert ids == ["a-story", "b-story"]
    assert json.loads(reader(home, "show", "b-", "--json").stdout)["title"] == "Title b"


def test_entities_json_lists_zelensky_once(home):
    rows = json.loads(reader(home, "entities", "--json").stdout)
    zelensky = [r for r in rows if "Zelensk" in r["name"]]
    assert len(zelensky) == 1 and len(zelensky[0]["articles"]) == 4


def test_show_json_entities_point_into_the_body(home):
    data = json.loads(reader(home, "show", "001", "--json").stdout)
    assert data["entities"]
    for e in data["entities"]:
        assert data["body"][e["start"]:e["end"]] == e["text"]
        assert set(e) == {"text", "label", "name", "start", "end"}


def test_compare_json_and_text(home):
    data = json.loads(reader(home, "compare", "001", "003", "--json").stdout)
    for key in ("a", "b", "same_wording", "shared_passages", "only_a", "only_b", "shared_entities",
                "only_a_entities", "only_b_entities", "figures", "quotes"):
        assert key in data
    assert len(data["shared_passages"]) >= 5
    assert {"a_text", "b_text", "similarity", "a_start", "a_end", "b_start", "b_end"} <= set(data["shared_passages"][0])
    assert len(json.loads(reader(home, "compare", "001", "004", "--json").stdout)["shared_passages"]) <= 2
    text = reader(home, "compare", "001", "003").stdout
    assert "Shared passages" in text and "Saudi Arabia" in text


def test_stories_json(home):
    data = json.loads(reader(home, "stories", "--json").stdout)
    groups = sorted(tuple(a[:3] for a in s["articles"]) for s in data["stories"])
    assert groups == [("000", "002"), ("001", "003"), ("004",)]


def test_no_escape_byte_from_article_text_reaches_stdout(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_bytes(
        b"Title \x1b[2J\x1b]0;owned\x07 here\n\nThe ceasefire text \x1b[31mred\x1b[0m with \x1b]52;c;SGVsbG8=\x07 "
        b"a clipboard write, a bell \x07, cursor moves \x1b[10;10H and [bold red]markup[/] [link=http://x]y[/link].\n")
    (folder / "bad\x1b[31mname.txt").write_bytes(b"")
    home = tmp_path / "home"
    added = reader(home, "add", str(folder))
    assert "\x1b" not in added.stdout + added.stderr
    for args in (("list",), ("list", "--json"), ("show", "hostile"), ("show", "hostile", "--json"),
                 ("show", "hostile", "--removed"), ("search", "ceasefire"), ("search", "ceasefire", "--json"),
                 ("entities", "--all")):
        out = reader(home, *args).stdout
        assert "\x1b" not in out and "\x07" not in out, args
    text = reader(home, "show", "hostile").stdout
    assert "[bold red]markup[/]" in text and "[link=http://x]y[/link]" in text


def test_new_colliding_file_renames_ids_without_losing_anything(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Title alpha\n\nBody of article alpha here.\n")
    home = tmp_path / "home"
    reader(home, "add", str(tmp_path / "a"))
    assert [r["id"] for r in json.loads(reader(home, "list", "--json").stdout)] == ["story"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.txt").write_text("Title beta\n\nBody of article beta here.\n")
    reader(home, "add", str(tmp_path / "b"))
    assert [r["id"] for r in json.loads(reader(home, "list", "--json").stdout)] == ["a-story", "b-story"]
    hits = json.loads(reader(home, "search", "title:alpha", "--json").stdout)["hits"]
    assert [h["id"] for h in hits] == ["a-story"]


def test_add_json_reports_what_was_added_and_refused(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "good.txt").write_text("A title\n\nA body long enough to be an article about talks.\n")
    (folder / "empty.txt").write_text("")
    report = json.loads(reader(tmp_path / "home", "add", str(folder), "--json").stdout)
    assert (report["added"], report["articles"]) == (1, 1)
    assert len(report["problems"]) == 1 and "empty.txt: empty file" in report["problems"][0]


@pytest.fixture
def articles_home(tmp_path, monkeypatch):
    """A home with one folder of two articles, synced (no NER: these tests are about the sync)."""
    monkeypatch.setenv("READER_NER", "off")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks in Geneva\n\nThe talks resumed on Monday in Geneva, officials said.\n")
    (folder / "b.txt").write_text("Grain deal\n\nThe grain deal was extended for 120 days.\n")
    home = tmp_path / "home"
    reader(home, "add", str(folder))
    return home, folder


def test_search_sees_a_file_dropped_into_a_folder_since_the_last_sync(articles_home):
    home, folder = articles_home
    assert reader(home, "search", "geneva").stdout.startswith("1 hit for geneva")
    (folder / "c.txt").write_text("Sunflowers\n\nSunflower exports rose sharply in Geneva.\n")
    assert reader(home, "search", "sunflower").stdout.startswith("1 hit for sunflower")
    assert reader(home, "search", "geneva").stdout.startswith("2 hits for geneva")


def test_search_mends_an_index_damaged_since_the_last_sync(articles_home):
    home, _ = articles_home
    damaged = [f for f in (home / "data" / "index").iterdir() if f.suffix in (".trm", ".pst", ".seg")]
    assert damaged
    for segment in damaged:
        segment.write_bytes(b"garbage")
    result = reader(home, "search", "grain")
    assert result.stdout.startswith("1 hit for grain")
    assert "rebuilding it" in result.stderr


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"sources": "a"}'])
def test_an_unreadable_library_file_is_one_line_naming_it(articles_home, content):
    home, _ = articles_home
    library_file = home / "config" / "library.json"
    kept = library_file.read_text()
    try:
        library_file.write_text(content)
        for command in (("search", "grain"), ("list",)):
            result = reader(home, *command, check=False)
            assert result.returncode == 1
            assert result.stderr.count("\n") == 1 and str(library_file) in result.stderr, result.stderr
            assert "unreadable library file" in result.stderr
    finally:
        library_file.write_text(kept)


def test_search_in_a_new_home_syncs_first_then_searches_once(tmp_path, monkeypatch, capsys):
    from reader.cli import main
    from reader.core.library.facade import Library

    monkeypatch.setenv("READER_HOME", str(tmp_path / "home"))
    queries = []
    search = Library.search
    monkeypatch.setattr(Library, "search", lambda self, text, **kw: queries.append(text) or search(self, text, **kw))
    assert main(["search", "zelensky"]) == 0
    assert queries == ["zelensky"]
    assert "4 hits for zelensky" in capsys.readouterr().out
    assert main(["search", "zelensky"]) == 0  # synced: the search is answered at once
    assert queries == ["zelensky", "zelensky"]
