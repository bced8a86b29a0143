"""The reading commands: add, index, list, show, search, like, entities, stories, compare."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from reader.cli.arguments import Options
from reader.cli.output import ProgressLine, err, out, out_styled, plural, print_json, summary, sync
from reader.cli.web import cmd_feeds, cmd_fetch
from reader.core.models import Article
from reader.core.text import strip_controls


def cmd_add(library: Any, options: Options) -> int:
    samples = library.sources_are_seeds()  # the first add replaces the bundled sample articles
    added, problems = library.add_sources(list(options.paths)) if options.paths else ([], [])
    for problem in problems:
        err(f"reader: {problem}")
    if options.urls:
        with ProgressLine() as show:
            pages = library.add_urls(list(options.urls), show)
        for page in pages:
            if page.error:
                err(f"reader: {page.url}: {page.error}")
        added += [page.url for page in pages if page.stem]
    if not added:
        return 1
    report = sync(library)
    totals = summary(library, report)
    if options.json:
        print_json(totals)
    else:
        removed = (f"replaced the {plural(report.deleted, 'sample article')}" if samples and report.deleted
                   else f"removed {report.deleted}")
        err(f"added {report.added}, updated {report.updated}, {removed}, "
            f"could not read {len(report.problems)}; "
            f"{plural(totals['articles'], 'article')} in the library")
    return 0 if report.added or report.updated or report.unchanged else 1


def cmd_index(library: Any, options: Options) -> int:
    report = sync(library, rebuild=options.rebuild)
    totals = summary(library, report)
    if options.json:
        print_json(totals)
    else:
        err(f"added {report.added}, updated {report.updated}, removed {report.deleted}, "
             f"unchanged {report.unchanged}, could not read {len(report.problems)}; "
             f"{plural(totals['articles'], 'article')}")
    return 0


def cmd_list(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    rows = library.summaries()
    if options.json:
        print_json([{"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                "word_count": r.word_count} for r in rows])
        return 0
    width = max((len(r.id) for r in rows), default=2)
    if sys.stdout.isatty():  # a person reads it: name the columns (a pipe gets data only)
        out(f"{'ID':<{width}}  {'DATE':<10}  {'OUTLET':<22}  {'WORDS':>6}  TITLE")
    for r in rows:
        date = (r.published or "")[:10]
        outlet = r.outlet or "-"
        outlet = outlet if len(outlet) <= 22 else outlet[:21] + "…"
        out(f"{r.id:<{width}}  {date:<10}  {outlet:<22}  {r.word_count:>6}  {r.title}")
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
        # (An HTML page's paragraphs have no line of their own in the file: 0.)
        lines += [f"{f'[line {r.line}] ' if r.line else ''}{r.reason}: {r.text}" for r in article.removed]
    return "\n".join(lines)


def cmd_show(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    article = library.get(options.article)
    if options.json:
        print_json(article.to_dict())
    else:
        out(_article_text(article, options.removed))
    return 0


def cmd_search(library: Any, options: Options) -> int:
    from reader.core.search import whoosh_import

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
        print_json(results.to_dict())
        return 0
    if results.message:
        err(f"reader: {results.message}")
    out(f"{plural(results.total, 'hit')} for {options.query}")
    if results.suggestion:
        out(f"did you mean: {results.suggestion}")
    for hit in results.hits:
        out(f"\n{hit.id}  {hit.title}  ({hit.outlet or '-'}, {hit.published or 'no date'})")
        out_styled("    " + _mark(hit.snippet, hit.highlights))
    return 0


def _mark(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Mark highlights in plain text: bold when stdout is a terminal (unless NO_COLOR is set),
    >>word<< otherwise. The text's own control codes are removed; only ours remain."""
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    open_, close = ("\x1b[1m", "\x1b[22m") if styled else (">>", "<<")
    parts, last = [], 0
    for s, e in spans:
        parts += [strip_controls(text[last:s]), open_, strip_controls(text[s:e]), close]
        last = e
    parts.append(strip_controls(text[last:]))
    return "".join(parts)


def cmd_like(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    hits = library.more_like(options.article, options.limit)
    if options.json:
        print_json([h.to_dict() for h in hits])
    else:
        for hit in hits:
            out(f"{hit.id}  {hit.score:6.2f}  {hit.title}")
    return 0


def cmd_entities(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    kinds = ("person", "org", "place", "group", "date", "number", "money") if options.all_kinds else None
    rows = library.entities(options.article or None, kinds)
    if options.json:
        print_json([{"name": r.name, "kind": r.kind, "count": r.count, "articles": list(r.articles),
                "spellings": list(r.spellings)} for r in rows])
        return 0
    for r in rows:
        out(f"{r.count:>5}  {r.kind:<7} {r.name}  [{', '.join(a[:12] for a in r.articles[:6])}"
             f"{' …' if len(r.articles) > 6 else ''}]")
    return 0


def cmd_stories(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    stories = library.stories()
    if options.json:
        print_json({"stories": [{"title": s.title, "articles": list(s.articles)} for s in stories]})
        return 0
    summaries = {r.id: r for r in library.summaries()}
    for story in stories:
        rows = [summaries[i] for i in story.articles if i in summaries]
        outlets = sorted({r.outlet for r in rows if r.outlet})
        dates = sorted((r.published or "")[:10] for r in rows if r.published)
        span = (dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}") if dates else "no dates"
        out(f"{story.title}")
        out(f"  {plural(len(rows), 'article')} · {', '.join(outlets) or 'outlets unknown'} · {span}")
        for r in rows:
            out(f"    {r.id}  {(r.published or '')[:10]:<10}  {r.outlet or '-'}: {r.title}")
    return 0


def cmd_compare(library: Any, options: Options) -> int:
    sync(library, quiet=True)
    comparison = library.compare(options.article, options.other)
    if options.json:
        print_json(comparison.to_dict())
        return 0
    import shutil

    from reader.cli.compare_text import render_comparison

    a, b = library.get(options.article), library.get(options.other)
    width = shutil.get_terminal_size((100, 24)).columns
    for line in render_comparison(comparison, a.title, b.title, width):
        out(line)
    return 0


COMMANDS = {"add": cmd_add, "index": cmd_index, "list": cmd_list, "show": cmd_show,
            "search": cmd_search, "like": cmd_like, "entities": cmd_entities,
            "stories": cmd_stories, "compare": cmd_compare, "feeds": cmd_feeds,
            "fetch": cmd_fetch}
