"""A `reader fetch` stopped by Ctrl-C or killed leaves the library usable and loses nothing stored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT, library_at
from tests.web.test_fetch import PARAS, feed_of
from tests.webserver import article_page, wait_for

ENTRIES = 16


def reader(home, *args, **kw):
    env = dict(os.environ, READER_HOME=str(home), READER_NER="off", READER_TIMEOUT="5")
    return subprocess.Popen([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_an_interrupted_fetch_loses_nothing_and_the_next_one_finishes(tmp_path, web, how):
    home = tmp_path / "home"
    for n in range(ENTRIES):  # slow pages, 4 at a time to one host: the fetch takes 4 s or more
        web.add(f"/p/{n}", article_page(f"Report number {n} on the talks", PARAS), delay=1.0)
    feed = feed_of(web, "/feed.xml", "Slow", [(f"e{n}", f"E{n}", f"/p/{n}", None)
                                             for n in range(ENTRIES)], etag='"1"')
    assert reader(home, "feeds", "add", feed).wait(30) == 0
    pages = home / "data" / "pages"
    proc = reader(home, "fetch")
    assert wait_for(lambda: pages.is_dir() and len(list(pages.glob("*.html"))) >= 4, 20)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=30)
    if how == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err
    kept = len(list(pages.glob("*.html")))
    assert 4 <= kept < ENTRIES
    assert not list(pages.glob(".tmp-*")) or how == signal.SIGKILL  # Ctrl-C tidies its temporaries

    listing = reader(home, "list", "--json")
    out, err = listing.communicate(timeout=60)
    assert listing.returncode == 0, err
    assert '"title": "Report number' in out  # what was stored is read and listed

    again = reader(home, "fetch")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    library = library_at(home)
    titles = sorted(r.title for r in library.summaries())
    assert titles == sorted(f"Report number {n} on the talks" for n in range(ENTRIES))
    assert len(list(pages.glob("*.html"))) == ENTRIES
    assert library.subscriptions()[0].articles == ENTRIES
    library.close()
