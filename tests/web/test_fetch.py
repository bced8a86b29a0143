"""Pages by URL and RSS/Atom feeds, against a real HTTP server on 127.0.0.1 (tests/webserver.py).

Each fault the issue lists has its own test: what it produces is one line naming the URL and the
reason, and the rest of the fetch goes on.
"""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.library.facade import Library
from tests.conftest import library_at
from tests.webserver import article_page, rss

PARAS = [
    "Russian President Vladimir Putin told Donald Trump on Monday that Moscow was ready to work "
    "with Ukraine on a memorandum about a possible future peace accord.",
    "Trump said after the two-hour call that Russia and Ukraine would immediately start "
    "negotiations toward a ceasefire, and that the conditions would be set by the two parties.",
    "European leaders, who had pressed for an unconditional 30-day ceasefire, said they would keep "
    "up the pressure on Moscow with new sanctions on its oil exports.",
]


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Short timeouts against the local server; no NER where the test is about fetching."""
    monkeypatch.setenv("READER_TIMEOUT", "0.5")
    monkeypatch.setenv("READER_NER", "off")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def library(home) -> Library:
    return library_at(home)


def feed_of(web, path, title, entries, **route):
    """A feed at path whose entries are (guid, title, page path or None, description)."""
    items = []
    for guid, entry_title, page, summary in entries:
        item = {"title": entry_title, "guid": guid}
        if page:
            item["link"] = web.url(page)
        if summary:
            item["description"] = summary
        items.append(item)
    return web.add(path, rss(title, items), content_type="application/rss+xml", **route)


def pages(web, *paths):
    for n, path in enumerate(paths):
        web.add(path, article_page(f"Ceasefire talks, report {n}", PARAS))


def test_subscribe_fetch_and_fetch_again_gets_304s(home, web, capsys):
    pages(web, "/p/1", "/p/2", "/p/3")
    feed = feed_of(web, "/feed.xml", "Test Gazette", [(f"g{i}", f"Entry {i}", f"/p/{i}", None)
                                                      for i in (1, 2, 3)], etag='"v1"')
    code, _, err = run(capsys, "feeds", "add", feed)
    assert code == 0 and "subscribed to Test Gazette" in err
    code, out, err = run(capsys, "fetch")
    assert code == 0
    assert out.startswith("new") and "3 new" in out and feed in out
    lib = library(home)
    rows = lib.summaries()
    assert len(rows) == 3 and {r.title for r in rows} == {f"Ceasefire talks, report {n}" for n in range(3)}
    article = lib.get(rows[0].id)
    assert article.url and article.url.startswith(web.base) and article.origin == "page"
    assert "ceasefire" in article.body
    before = dict(web.full)

    code, out, err = run(capsys, "fetch", "--json")
    report = json.loads(out)
    assert code == 0 and report["feeds"][0]["status"] == "unchanged" and report["feeds"][0]["new"] == 0
    assert web.full == before  # nothing downloaded again: the feed answered 304, pages not asked
    assert web.hits["/feed.xml"] == 3 and web.hits["/p/1"] == 1  # feeds add, fetch, fetch
    assert report["articles"] == 3 and len(lib.summaries()) == 3
    code, out, _ = run(capsys, "feeds", "--json")
    [sub] = json.loads(out)
    assert sub["url"] == feed and sub["articles"] == 3 and sub["error"] is None and sub["checked"]
    lib.close()


def test_every_fault_is_one_line_naming_the_url_and_the_rest_goes_on(home, web, capsys):
    pages(web, "/ok/1")
    good = feed_of(web, "/good.xml", "Good", [("a", "Fine", "/ok/1", None)])
    web.add("/404.xml", "gone", status=404, content_type="text/plain")
    web.add("/500.xml", "oops", status=500, content_type="text/plain")
    web.add("/slow.xml", "", delay=20)
    web.add("/loop1", redirect="/loop2")
    web.add("/loop2", redirect="/loop1")
    web.add("/huge.xml", b"<rss>" + b" " * (11 * 2**20) + b"</rss>", content_type="application/rss+xml")
    web.add("/text.xml", "this is { not } xml at all", content_type="application/json")
    bad = ["/404.xml", "/500.xml", "/slow.xml", "/loop1", "/huge.xml", "/text.xml"]
    lib = library(home)
    for url in [good, *(web.url(p) for p in bad)]:
        lib.web.subscribe(url, None)
    lib.close()
    code, out, err = run(capsys, "fetch")
    assert code == 0  # one feed worked
    lines = {line.split()[-1] if line.startswith("new") else line.split()[1].rstrip(":"): line
             for line in out.splitlines()}
    expect = {"/404.xml": "HTTP 404", "/500.xml": "HTTP 500", "/slow.xml": "timed out",
              "/loop1": "too many redirects", "/huge.xml": "larger than the 10 MB limit",
              "/text.xml": "not an RSS or Atom feed"}
    for path, reason in expect.items():
        line = lines[web.url(path)]
        assert line.startswith("failed") and reason in line, line
    assert "1 new" in lines[f"<{good}>"]
    assert len(library(home).summaries()) == 1


def test_nothing_fetched_is_a_failure(home, web, capsys):
    web.add("/404.xml", "gone", status=404, content_type="text/plain")
    lib = library(home)
    lib.web.subscribe(web.url("/404.xml"), None)
    lib.close()
    code, out, _ = run(capsys, "fetch")
    assert code == 1 and out.startswith("failed")
    code, _, err = run(capsys, "feeds", "add", web.url("/404.xml"))
    assert code == 1 and err.count("\n") == 1 and web.url("/404.xml") in err and "404" in err


def test_hostile_titles_are_text_not_escapes_or_markup(home, web, capsys):
    hostile = "Breaking&#27;[31m red &#27;]0;pwned&#7; [bold]not bold[/bold] [link=x]y[/link]"
    web.add("/p/h", article_page("A calm page", PARAS))
    feed_of(web, "/h.xml", hostile, [("h1", hostile, "/p/h", None),
                                     ("h2", hostile + " two", None, "Short text: " + PARAS[0])])
    run(capsys, "feeds", "add", web.url("/h.xml"))
    code, out, err = run(capsys, "fetch")
    assert code == 0 and "\x1b" not in out + err and "\x07" not in out + err
    assert "[bold]not bold[/bold]" in out  # the feed's title, literally
    code, out, _ = run(capsys, "list")
    assert "\x1b" not in out and "[bold]not bold[/bold]" in out  # the entry kept from the feed
    subs = library(home).subscriptions()
    assert "\x1b" not in subs[0].title and "[link=x]y[/link]" in subs[0].title


def test_a_page_in_windows_1252_declared_only_in_a_meta_tag(home, web, capsys):
    text = ["Zelenskyy’s office said the café talks cost €5 million — “a fair price”.", *PARAS]
    page = article_page("Talks in the café", text, charset="windows-1252").encode("cp1252")
    url = web.add("/cp1252", page, content_type="text/html")  # no charset in the header
    code, _, err = run(capsys, "add", url)
    assert code == 0, err
    lib = library(home)
    [row] = lib.summaries()
    article = lib.get(row.id)
    assert "Zelenskyy’s office said the café talks cost €5 million — “a fair price”." in article.body
    assert article.encoding == "windows-1252" and article.url == url  # as the page declares


def test_a_gzip_page_and_the_same_url_twice_is_one_article(home, web, capsys):
    url = web.add("/gz", article_page("Compressed news", PARAS), gzip=True)
    assert run(capsys, "add", url)[0] == 0
    assert run(capsys, "add", url + "?utm_source=x#top")[0] == 0  # the same page, another spelling
    lib = library(home)
    [row] = lib.summaries()
    assert row.title == "Compressed news" and "ceasefire" in lib.get(row.id).body


def test_a_page_naming_a_canonical_url_already_in_the_library_is_one_article(home, web, capsys):
    canonical = web.url("/story/original")
    web.add("/story/original", article_page("One story", PARAS, canonical=canonical))
    web.add("/amp/story", article_page("One story", PARAS, canonical=canonical))
    assert run(capsys, "add", canonical)[0] == 0
    assert run(capsys, "add", web.url("/amp/story"))[0] == 0
    assert len(library(home).summaries()) == 1


def test_entries_without_a_page_or_a_link_keep_the_feeds_text(home, web, capsys):
    feed_of(web, "/f.xml", "Wire", [
        ("x1", "Page gone", "/missing", "<p>Summary one: " + PARAS[0] + "</p>"),
        ("x2", "No link at all", None, "<p>Summary two: " + PARAS[1] + "</p>")])
    run(capsys, "feeds", "add", web.url("/f.xml"))
    code, out, err = run(capsys, "fetch")
    assert code == 0 and "2 new (2 from the feed's own text)" in out
    assert f"{web.url('/missing')}: HTTP 404 Not Found" in err and "the entry names no page" in err
    lib = library(home)
    articles = {a.title: a for a in lib.catalogue.all()}
    assert articles["Page gone"].origin == "feed" and "404" in articles["Page gone"].note
    assert articles["Page gone"].body.startswith("Summary one")
    assert articles["No link at all"].url is None and articles["No link at all"].origin == "feed"


def test_the_same_entry_in_two_feeds_is_one_article_in_both(home, web, capsys):
    pages(web, "/p/shared", "/p/own")
    one = feed_of(web, "/one.xml", "One", [("s", "Shared", "/p/shared", None)])
    two = feed_of(web, "/two.xml", "Two", [("s2", "Shared again", "/p/shared", None),
                                          ("o", "Own", "/p/own", None)])
    run(capsys, "feeds", "add", one)
    run(capsys, "feeds", "add", two)
    assert run(capsys, "fetch")[0] == 0
    lib = library(home)
    assert len(lib.summaries()) == 2 and web.hits["/p/shared"] == 1
    counts = {s.url: s.articles for s in lib.subscriptions()}
    assert counts == {one: 1, two: 2}
    assert lib.search("", filters={"feed": one}).total == 1
    assert lib.search("ceasefire", filters={"feed": two}).total == 2


def test_a_site_page_that_advertises_its_feed(home, web, capsys):
    feed = feed_of(web, "/rss", "Site feed", [])
    web.add("/", '<html><head><title>Site</title><link rel="alternate" '
                 'type="application/rss+xml" href="/rss"></head><body>hi</body></html>')
    code, _, err = run(capsys, "feeds", "add", web.url("/"))
    assert code == 0 and feed in err
    assert [s.url for s in library(home).subscriptions()] == [feed]


def test_opml_import_export_and_remove(home, web, capsys, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="1.0"><head/><body>'
                    '<outline text="News"><outline text="A" xmlUrl="http://127.0.0.1:9/a.xml"/>'
                    '<outline text="B" title="Bee" xmlUrl="http://127.0.0.1:9/b.xml"/></outline>'
                    '</body></opml>')
    code, _, err = run(capsys, "feeds", "import", str(opml))
    assert code == 0 and "2 feeds, 2 new" in err
    code, out, _ = run(capsys, "feeds", "export")
    again = tmp_path / "again.opml"
    again.write_text(out)
    from reader.core.web.opml import read_opml

    assert read_opml(again.read_bytes()) == [("http://127.0.0.1:9/a.xml", "A"),
                                             ("http://127.0.0.1:9/b.xml", "Bee")]
    assert run(capsys, "feeds", "remove", "http://127.0.0.1:9/a.xml")[0] == 0
    assert [s.url for s in library(home).subscriptions()] == ["http://127.0.0.1:9/b.xml"]
    code, _, err = run(capsys, "feeds", "remove", "http://127.0.0.1:9/a.xml")
    assert code == 1 and "not a subscription" in err
    (tmp_path / "bad.opml").write_text("<html>no</html>")
    code, _, err = run(capsys, "feeds", "import", str(tmp_path / "bad.opml"))
    assert code == 1 and "bad.opml: not OPML" in err


def test_read_state_and_bookmarks_survive_a_rebuild(home, web, capsys):
    pages(web, "/p/1", "/p/2")
    assert run(capsys, "add", web.url("/p/1"), web.url("/p/2"))[0] == 0
    lib = library(home)
    first, second = sorted(lib.summaries(), key=lambda r: r.path)
    lib.set_read(first.id)
    lib.set_bookmarked(second.id)
    assert lib.search("", filters={"show": "unread"}).total == 1
    lib.close()
    assert run(capsys, "index", "--rebuild")[0] == 0
    lib = library(home)
    unread = lib.search("", filters={"show": "unread"})
    assert [h.id for h in unread.hits] == [second.id]
    assert [h.id for h in lib.search("", filters={"show": "bookmarks"}).hits] == [second.id]
