"""The commands of the web: `reader feeds` (subscriptions, OPML) and `reader fetch`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reader.cli.arguments import Options
from reader.cli.output import ProgressLine, err, out, plural, print_json, summary, sync
from reader.core.models import ReaderError


def cmd_feeds(library: Any, options: Options) -> int:
    action = options.action or "list"
    if action == "add":
        url, title, new = library.subscribe(options.target)
        err(f"{'subscribed to' if new else 'already subscribed to'} {title} ({url}); "
             f"`reader fetch` gets its articles")
        return 0
    if action == "remove":
        if not library.unsubscribe(options.target):
            raise ReaderError(f"{options.target}: not a subscription (see `reader feeds`)")
        err(f"unsubscribed from {options.target}; the articles fetched from it stay")
        return 0
    if action == "import":
        return _import_opml(library, Path(options.target))
    if action == "export":
        from reader.core.web import write_opml

        sys.stdout.write(write_opml((s.url, s.title) for s in library.subscriptions()))
        return 0
    subs = library.subscriptions()
    if options.json:
        print_json([vars(s) for s in subs])
        return 0
    if not subs:
        err("no subscriptions yet: `reader feeds add URL` (a feed, or a site that advertises one)")
        return 0
    for s in subs:
        checked = (s.checked or "never")[:16].replace("T", " ")
        state = f"error: {s.error}" if s.error else "ok" if s.checked else "not fetched yet"
        out(f"{s.url}  {s.title or '-'}  (last fetch {checked}; "
             f"{plural(s.articles, 'article')}; {state})")
    return 0


def _import_opml(library: Any, path: Path) -> int:
    from reader.core.web import NotOpml, read_opml

    try:
        feeds = read_opml(path.expanduser().read_bytes())
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except NotOpml as exc:
        raise ReaderError(f"{path}: {exc}") from None
    new = sum(library.web.subscribe(url, title) for url, title in feeds)
    err(f"{path}: {plural(len(feeds), 'feed')}, {new} new; `reader fetch` gets their articles")
    return 0 if feeds else 1


def cmd_fetch(library: Any, options: Options) -> int:
    if not library.subscriptions():
        raise ReaderError("no feeds to fetch: subscribe with `reader feeds add URL`")
    with ProgressLine() as show:
        results = library.fetch(show)
    report = sync(library)
    failed = [r for r in results if r.status == "failed"]
    if options.json:
        print_json({"feeds": [r.to_dict() for r in results], **summary(library, report)})
    else:
        for r in results:
            name = r.title or r.url
            if r.status == "failed":
                out(f"failed     {r.url}: {r.error}")
            else:
                kept = f" ({len(r.from_feed)} from the feed's own text)" if r.from_feed else ""
                out(f"{r.status:<9}  {r.new:>3} new{kept}  {name} <{r.url}>" if name != r.url
                     else f"{r.status:<9}  {r.new:>3} new{kept}  {r.url}")
            for why in r.from_feed:
                err(f"reader: {why} (the entry's text from the feed is kept instead)")
        err(f"{plural(len(results), 'feed')}: {sum(r.status == 'new' for r in results)} with new "
             f"articles ({sum(r.new for r in results)}), "
             f"{sum(r.status == 'unchanged' for r in results)} unchanged, {len(failed)} failed; "
             f"{plural(library.catalogue.count(), 'article')} in the library")
    return 1 if results and len(failed) == len(results) else 0
