"""The command line: a thin shell over the core; stdout is data, errors go to stderr."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.models import Article, ReaderError
from reader.core.query_syntax import SYNTAX
from reader.core.text import strip_controls

HELP = """\
A terminal news reader for following one story across many outlets.

With no command, opens the interface on your library (the bundled sample
articles until you add your own).

""" + SYNTAX


def _out(text: str = "") -> None:
    sys.stdout.write(strip_controls(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(strip_controls(text) + "\n")


def _out_styled(text: str) -> None:
    """A line whose parts were stripped of control codes already, with our own styling codes."""
    sys.stdout.write(text + "\n")


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def positive(text: str) -> int:
    """argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _json(data: Any) -> None:
    # json.dumps escapes every control character, so no escape sequence reaches the terminal.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
    add = sub.add_parser("add", help="add article files or folders (.txt, .md, .html), or web pages "
                                     "by URL, to the library")
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
    from reader.core.web.urls import is_url

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


def main(argv: Sequence[str] | None = None, check: Any = None) -> int:
    """Run one command; `check` is a check of the last sync's snapshot already started (see
    reader.launch), for `reader search`."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    if check is not None:
        options = replace(options, check=check)
    if options.command is None:
        from reader.ui.app import run

        return run()
    from reader.core.library import Library

    library = Library()
    try:
        return COMMANDS[options.command](library, options)
    except ReaderError as exc:
        _err(f"reader: {exc}")
        return 1
    except KeyboardInterrupt:
        _err("reader: interrupted; the library is intact and the next run continues")
        return 130
    except BrokenPipeError:  # e.g. `reader list | head`: the reader of our output has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        library.close()


def entry(check: Any = None) -> None:
    """The `reader` command (through reader.launch). A command (not the interface) ends with
    os._exit once its output is flushed and its library closed: tearing the interpreter down would
    add ~15 ms to a ~100 ms `reader search`, and there is nothing left to clean up."""
    code = main(check=check)
    if len(sys.argv) <= 1:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader of our output has gone (`reader list | head`), as in main()
    except OSError as exc:
        _err(f"reader: could not write the output ({exc.strerror})")
        code = 1
    sys.stderr.flush()
    os._exit(code)


def sync(library: Any, rebuild: bool = False, quiet: bool = False, check: Any = None) -> Any:
    """Update the library, printing progress and refused files on stderr; return the report."""
    from reader.core.models import SyncReport

    report = SyncReport()
    tty = sys.stderr.isatty()
    for step in library.sync(rebuild=rebuild, report=report, check=check):
        if step.message:
            _err(f"reader: {step.message}")
        if step.problem:
            if tty:
                sys.stderr.write("\r\x1b[K")
            _err(f"reader: {step.problem}")
        elif tty and not quiet and step.total:
            sys.stderr.write(f"\rindexing {step.done}/{step.total} …")
            sys.stderr.flush()
    if tty and not quiet and (report.added or report.updated):
        sys.stderr.write("\r\x1b[K")
    return report


def cmd_add(library: Any, options: Options) -> int:
    added, problems = library.add_sources(list(options.paths)) if options.paths else ([], [])
    for problem in problems:
        _err(f"reader: {problem}")
    if options.urls:
        with _progress_line() as show:
            pages = library.add_urls(list(options.urls), show)
        for page in pages:
            if page.error:
                _err(f"reader: {page.url}: {page.error}")
        added += [page.url for page in pages if page.stem]
    if not added:
        return 1
    report = sync(library)
    summary = _summary(library, report)
    if options.json:
        _json(summary)
    else:
        _err(f"added {report.added}, updated {report.updated}, removed {report.deleted}, "
             f"could not read {len(report.problems)}; "
             f"{plural(summary['articles'], 'article')} in the library")
    return 0 if report.added or report.updated or report.unchanged else 1


class _progress_line:
    """A context giving a function that shows one progress line on stderr (a terminal only)."""

    def __enter__(self) -> Any:
        self.tty = sys.stderr.isatty()

        def show(text: str) -> None:
            if self.tty:
                sys.stderr.write("\r\x1b[K" + strip_controls(text))
                sys.stderr.flush()
        return show

    def __exit__(self, *exc: object) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def cmd_feeds(library: Any, options: Options) -> int:
    action = options.action or "list"
    if action == "add":
        url, title, new = library.subscribe(options.target)
        _err(f"{'subscribed to' if new else 'already subscribed to'} {title} ({url}); "
             f"`reader fetch` gets its articles")
        return 0
    if action == "remove":
        if not library.unsubscribe(options.target):
            raise ReaderError(f"{options.target}: not a subscription (see `reader feeds`)")
        _err(f"unsubscribed from {options.target}; the articles fetched from it stay")
        return 0
    if action == "import":
        return _import_opml(library, Path(options.target))
    if action == "export":
        from reader.core.web.opml import write_opml

        sys.stdout.write(write_opml((s.url, s.title) for s in library.subscriptions()))
        return 0
    subs = library.subscriptions()
    if options.json:
        _json([vars(s) for s in subs])
        return 0
    if not subs:
        _err("no subscriptions yet: `reader feeds add URL` (a feed, or a site that advertises one)")
        return 0
    for s in subs:
        checked = (s.checked or "never")[:16].replace("T", " ")
        state = f"error: {s.error}" if s.error else "ok" if s.checked else "not fetched yet"
        _out(f"{s.url}  {s.title or '-'}  (last fetch {checked}; "
             f"{plural(s.articles, 'article')}; {state})")
    return 0


def _import_opml(library: Any, path: Path) -> int:
    from reader.core.web.opml import NotOpml, read_opml

    try:
        feeds = read_opml(path.expanduser().read_bytes())
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except NotOpml as exc:
        raise ReaderError(f"{path}: {exc}") from None
    new = sum(library.web.subscribe(url, title) for url, title in feeds)
    _err(f"{path}: {plural(len(feeds), 'feed')}, {new} new; `reader fetch` gets their articles")
    return 0 if feeds else 1


def cmd_fetch(library: Any, options: Options) -> int:
    if not library.subscriptions():
        raise ReaderError("no feeds to fetch: subscribe with `reader feeds add URL`")
    with _progress_line() as show:
        results = library.fetch(show)
    report = sync(library)
    failed = [r for r in results if r.status == "failed"]
    if options.json:
        _json({"feeds": [r.to_dict() for r in results], **_summary(library, report)})
    else:
        for r in results:
            name = r.title or r.url
            if r.status == "failed":
                _out(f"failed     {r.url}: {r.error}")
            else:
                kept = f" ({len(r.from_feed)} from the feed's own text)" if r.from_feed else ""
                _out(f"{r.status:<9}  {r.new:>3} new{kept}  {name} <{r.url}>" if name != r.url
                     else f"{r.status:<9}  {r.new:>3} new{kept}  {r.url}")
            for why in r.from_feed:
                _err(f"reader: {why} (the entry's text from the feed is kept instead)")
        _err(f"{plural(len(results), 'feed')}: {sum(r.status == 'new' for r in results)} with new "
             f"articles ({sum(r.new for r in results)}), "
             f"{sum(r.status == 'unchanged' for r in results)} unchanged, {len(failed)} failed; "
             f"{plural(library.catalogue.count(), 'article')} in the library")
    return 1 if results and len(failed) == len(results) else 0


def _summary(library: Any, report: Any) -> dict[str, Any]:
    return {"added": report.added, "updated": report.updated, "deleted": report.deleted,
            "unchanged": report.unchanged, "problems": [str(p) for p in report.problems],
            "articles": library.catalogue.count()}


def cmd_index(library: Any, options: Options) -> int:
    report = sync(library, rebuild=options.rebuild)
    summary = _summary(library, report)
    if options.json:
        _json(summary)
    else:
        _err(f"added {report.added}, updated {report.updated}, removed {report.deleted}, "
             f"unchanged {report.unchanged}, could not read {len(report.problems)}; "
             f"{plural(summary['articles'], 'article')}")
    return 0


def cmd_list(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    rows = library.summaries()
    if options.json:
        _json([{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                "word_count": r.word_count} for r in rows])
        return 0
    width = max((len(r.id) for r in rows), default=2)
    if sys.stdout.isatty():  # a person reads it: name the columns (a pipe gets data only)
        _out(f"{'ID':<{width}}  {'DATE':<10}  {'OUTLET':<22}  {'WORDS':>6}  TITLE")
    for r in rows:
        date = (r.published or "")[:10]
        outlet = r.outlet or "-"
        outlet = outlet if len(outlet) <= 22 else outlet[:21] + "…"
        _out(f"{r.id:<{width}}  {date:<10}  {outlet:<22}  {r.word_count:>6}  {r.title}")
    return 0


def _article_text(article: Article, removed: bool) -> str:
    lines = [article.title, ""]
    if article.standfirst:
        lines += [article.standfirst, ""]
    facts = [", ".join(article.authors), article.outlet or "", (article.published or "")[:16],
             ("via " + ", ".join(article.agencies)) if article.agencies else ""]
    if any(facts):
        lines += [" · ".join(f for f in facts if f), ""]
    if article.url:
        lines += [article.url, ""]
    if article.origin == "feed":
        lines += [f"(the feed's own text: {article.note or 'the page could not be fetched'})", ""]
    lines.append(article.body)
    if removed:
        lines += ["", f"--- removed ({len(article.removed)}) ---"]
        lines += [f"[line {r.line}] {r.reason}: {r.text}" for r in article.removed]
    return "\n".join(lines)


def cmd_show(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    article = library.get(options.article)
    if options.json:
        _json(article.to_dict())
    else:
        _out(_article_text(article, options.removed))
    return 0


def cmd_search(library: Any, options: Options) -> int:
    from reader.core import whoosh_import

    # Search the index as the last sync left it while a child process checks, on another core,
    # that no file has changed since; only if one has, sync and search again.
    check = options.check or library.check_meanwhile()
    whoosh_import.load()

    def search() -> Any:
        # Facets (counts by outlet and entity) cost a pass over every match; only JSON prints them.
        return library.search(options.query, limit=max(1, options.limit), facets=options.json)

    results = None
    if library.paths.snapshot.exists():  # (else no sync has finished: searching first is wasted)
        try:
            results = search()
        except Exception:  # e.g. an index damaged since the last sync: if so, the sync below mends it
            if check() is not None:
                raise
    if results is None or check() is None:
        sync(library, quiet=True, check=check)
        results = search()
    if options.json:
        _json(results.to_dict())
        return 0
    if results.message:
        _err(f"reader: {results.message}")
    _out(f"{plural(results.total, 'hit')} for {options.query}")
    if results.suggestion:
        _out(f"did you mean: {results.suggestion}")
    for hit in results.hits:
        _out(f"\n{hit.id}  {hit.title}  ({hit.outlet or '-'}, {hit.published or 'no date'})")
        _out_styled("    " + _mark(hit.snippet, hit.highlights))
    return 0


def _mark(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Mark highlights in plain text: bold when stdout is a terminal (unless NO_COLOR is set),
    >>word<< otherwise. The text's own control codes are removed; only ours remain."""
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    open_, close = ("\x1b[1m", "\x1b[22m") if styled else (">>", "<<")
    out, last = [], 0
    for s, e in spans:
        out += [strip_controls(text[last:s]), open_, strip_controls(text[s:e]), close]
        last = e
    out.append(strip_controls(text[last:]))
    return "".join(out)


def cmd_like(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    hits = library.more_like(options.article, options.limit)
    if options.json:
        _json([h.to_dict() for h in hits])
    else:
        for hit in hits:
            _out(f"{hit.id}  {hit.score:6.2f}  {hit.title}")
    return 0


def cmd_entities(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    kinds = ("person", "org", "place", "group", "date", "number", "money") if options.all_kinds else None
    rows = library.entities(options.article or None, kinds)
    if options.json:
        _json([{"name": r.name, "kind": r.kind, "count": r.count, "articles": list(r.articles),
                "spellings": list(r.spellings)} for r in rows])
        return 0
    for r in rows:
        _out(f"{r.count:>5}  {r.kind:<7} {r.name}  [{', '.join(a[:12] for a in r.articles[:6])}"
             f"{' …' if len(r.articles) > 6 else ''}]")
    return 0


def cmd_stories(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    stories = library.stories()
    if options.json:
        _json({"stories": [{"title": s.title, "articles": list(s.articles)} for s in stories]})
        return 0
    summaries = {r.id: r for r in library.summaries()}
    for story in stories:
        rows = [summaries[i] for i in story.articles if i in summaries]
        outlets = sorted({r.outlet for r in rows if r.outlet})
        dates = sorted((r.published or "")[:10] for r in rows if r.published)
        span = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}") if dates else "no dates"
        _out(f"{story.title}")
        _out(f"  {plural(len(rows), 'article')} · {', '.join(outlets) or 'outlets unknown'} · {span}")
        for r in rows:
            _out(f"    {r.id}  {(r.published or '')[:10]:<10}  {r.outlet or '-'}: {r.title}")
    return 0


def cmd_compare(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    comparison = library.compare(options.article, options.other)
    if options.json:
        _json(comparison.to_dict())
        return 0
    import shutil

    from reader.compare_text import render_comparison

    a, b = library.get(options.article), library.get(options.other)
    width = shutil.get_terminal_size((100, 24)).columns
    for line in render_comparison(comparison, a.title, b.title, width):
        _out(line)
    return 0


COMMANDS = {"add": cmd_add, "index": cmd_index, "list": cmd_list, "show": cmd_show,
            "search": cmd_search, "like": cmd_like, "entities": cmd_entities,
            "stories": cmd_stories, "compare": cmd_compare, "feeds": cmd_feeds,
            "fetch": cmd_fetch}
