"""The command line's grammar: commands, their arguments, and the Options a command runs with."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.search import SYNTAX

HELP = """\
A terminal news reader for following one story across many outlets.

With no command, opens the interface on your library (the bundled sample
articles until you add your own).

""" + SYNTAX


def positive(text: str) -> int:
    """argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


@dataclass(frozen=True)
class Options:
    command: str | None
    json: bool = False
    paths: tuple[Path, ...] = ()
    article: str = ""
    other: str = ""
    query: str = ""
    limit: int = 20
    removed: bool = False
    rebuild: bool = False
    all_kinds: bool = False
    urls: tuple[str, ...] = ()
    action: str = ""  # of `reader feeds`: list, add, remove, import, export
    target: str = ""  # its URL or file
    check: Any = None  # a snapshot check started before the command line was parsed (reader.launch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader", description=HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add = sub.add_parser("add", help="add article files or folders (.txt, .md, .html, .mhtml, "
                                     ".webarchive, .eml), or web pages by URL, to the library")
    add.add_argument("paths", nargs="+", metavar="PATH|URL")
    add.add_argument("--json", action="store_true", help="print a JSON report")
    feeds = sub.add_parser("feeds", help="RSS/Atom subscriptions: list, add URL, remove URL, "
                                         "import FILE.opml, export",
                           description="With no action, lists the subscriptions with their last "
                                       "fetch, article count and last error.")
    feeds.add_argument("action", nargs="?", default="list",
                       choices=("list", "add", "remove", "import", "export"))
    feeds.add_argument("target", nargs="?", default="", metavar="URL|FILE",
                       help="a feed (or a site page that advertises one), or an OPML file")
    feeds.add_argument("--json", action="store_true", help="print JSON (list)")
    fetch = sub.add_parser("fetch", help="fetch every feed and the pages of its new entries")
    fetch.add_argument("--json", action="store_true", help="print a JSON report")
    lst = sub.add_parser("list", help="list the articles: id, date, outlet, words, title")
    lst.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="print one cleaned article")
    show.add_argument("article", metavar="ID", help="an article id or a unique prefix of one")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--removed", action="store_true", help="also print what was removed, and why")
    find = sub.add_parser("search", help="search all articles (see query syntax above)")
    find.add_argument("query", nargs="+", metavar="QUERY")
    find.add_argument("--limit", type=positive, default=20, help="hits to show (default 20)")
    find.add_argument("--json", action="store_true", help="print JSON")
    index = sub.add_parser("index", help="bring the index up to date with the source files")
    index.add_argument("--rebuild", action="store_true", help="re-process every file from scratch")
    index.add_argument("--json", action="store_true", help="print a JSON report")
    ents = sub.add_parser("entities", help="people, organisations, places and groups, with counts")
    ents.add_argument("article", nargs="?", default="", metavar="ID", help="one article (default: all)")
    ents.add_argument("--all", dest="all_kinds", action="store_true",
                      help="also dates, figures and money")
    ents.add_argument("--json", action="store_true", help="print JSON")
    comp = sub.add_parser("compare", help="two articles side by side: shared passages, differences")
    comp.add_argument("article", metavar="ID_A")
    comp.add_argument("other", metavar="ID_B")
    comp.add_argument("--json", action="store_true", help="print JSON")
    stories = sub.add_parser("stories", help="group the articles that report the same event")
    stories.add_argument("--json", action="store_true", help="print JSON")
    like = sub.add_parser("like", help="articles most like one article")
    like.add_argument("article", metavar="ID")
    like.add_argument("--limit", type=positive, default=10, help="articles to show (default 10)")
    like.add_argument("--json", action="store_true", help="print JSON")
    return parser


def parse_options(argv: Sequence[str]) -> Options:
    parser = build_parser()
    ns = parser.parse_args(argv)
    if ns.command == "search" and not " ".join(ns.query).strip():
        parser.error("search: empty query (try: reader search 'zelensky')")
    if ns.command == "feeds" and ns.action in ("add", "remove", "import") and not ns.target:
        parser.error(f"feeds {ns.action}: give the {'file' if ns.action == 'import' else 'URL'}")
    given = list(getattr(ns, "paths", ()) or ())
    from reader.core.web import is_url

    return Options(
        command=ns.command, json=getattr(ns, "json", False),
        paths=tuple(Path(p) for p in given if not is_url(p)),
        urls=tuple(p for p in given if is_url(p)),
        action=getattr(ns, "action", ""), target=getattr(ns, "target", ""),
        article=getattr(ns, "article", ""),
        other=getattr(ns, "other", ""),
        query=" ".join(getattr(ns, "query", []) or []), limit=getattr(ns, "limit", 20),
        removed=getattr(ns, "removed", False), rebuild=getattr(ns, "rebuild", False),
        all_kinds=getattr(ns, "all_kinds", False),
    )
