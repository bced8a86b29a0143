"""Fetching the news: pages by address, feeds and the pages of their new entries, into the store.

In: addresses (`reader add URL`), subscriptions (`reader fetch`). Out: pages in the store's folder,
ready for the library's next sync, and one result per address or feed (new, unchanged, failed
with the reason). Everything runs in one asyncio loop; the HTTP client bounds the connections.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from reader.core.web.feeds import Entry, Feed, NotAFeed, canonical, discover, parse_feed
from reader.core.web.http import FEED_ACCEPT, Client, Fetched
from reader.core.web.store import PageInfo, WebStore, entry_page
from reader.core.web.urls import entry_stem, normalise, page_stem

PAGE_TYPES = ("", "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream")


@dataclass(frozen=True)
class PageResult:
    """One address fetched: stored (new or changed), unchanged (304), or an error."""

    url: str
    stem: str | None = None
    status: str = "new"  # "new", "updated", "unchanged" or "failed"
    error: str | None = None


@dataclass
class FeedResult:
    """One feed fetched: its new articles, and its entries kept from the feed's own text."""

    url: str
    title: str | None = None
    status: str = "unchanged"  # "new", "unchanged" or "failed"
    new: int = 0  # new articles (pages, or entries kept from the feed's text)
    from_feed: list[str] = field(default_factory=list)  # "<entry page>: <why its page was not had>"
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"url": self.url, "title": self.title, "status": self.status, "new": self.new,
                "from_feed": self.from_feed, "error": self.error}


class FetchError(Exception):
    """An address that gave nothing usable; the message is one line naming it."""


Progress = Callable[[str], None]


class Fetcher:
    """One fetch run: the store, the client, and the pages in flight (one download per page)."""

    def __init__(self, store: WebStore, client: Client, progress: Progress | None = None) -> None:
        self.store = store
        self.client = client
        self.progress = progress or (lambda _text: None)
        self._in_flight: dict[str, asyncio.Task[PageResult]] = {}
        self.feeds_done = 0
        self.feeds_total = 0
        self.pages_done = 0

    # pages ------------------------------------------------------------------------------------

    async def page(self, url: str) -> PageResult:
        """Fetch one page (once, however many feeds or arguments name it) and store it."""
        try:
            url = normalise(url)
        except ValueError:
            return PageResult(url, status="failed", error="not an http(s) address")
        task = self._in_flight.get(url)
        if task is None:
            task = asyncio.ensure_future(self._page(url))
            self._in_flight[url] = task
        return await task

    async def _page(self, url: str) -> PageResult:
        known = self.store.stem_for(url)
        etag, modified = self.store.page_validators(known) if known and \
            self.store.origin(known) == "page" else (None, None)
        response = await self.client.get(url, etag, modified)
        self.pages_done += 1
        self._report()
        if response.status == 304 and known:
            return PageResult(url, known, "unchanged")
        if not response.ok:
            return PageResult(url, status="failed", error=response.error)
        if response.content_type not in PAGE_TYPES:
            return PageResult(url, status="failed",
                              error=f"not a web page ({response.content_type})")
        return self._keep(url, response, known)

    def _keep(self, url: str, response: Fetched, known: str | None) -> PageResult:
        final = normalise(response.final_url)
        named = canonical(response.body, final)
        # The same article under another address: a redirect, or the page naming its canonical URL.
        stem = known or self.store.stem_for(final) or (self.store.stem_for(named) if named else None)
        status = "updated" if stem else "new"
        stem = stem or page_stem(named or final)
        info = PageInfo(url=named or final, charset=response.charset)
        self.store.store_page(stem, named or final, response.body, info, [url, final, named],
                              etag=response.headers.get("etag"),
                              modified=response.headers.get("last-modified"))
        return PageResult(url, stem, status)

    async def pages(self, urls: list[str]) -> list[PageResult]:
        """`reader add URL...`: each address fetched and stored, or the reason it was not."""
        self.feeds_total = 0
        return list(await asyncio.gather(*(self.page(u) for u in urls)))

    # feeds ------------------------------------------------------------------------------------

    async def find_feed(self, url: str) -> tuple[str, Feed]:
        """The feed at url, or the first one the page at url advertises; raises FetchError."""
        try:
            url = normalise(url)
        except ValueError:
            raise FetchError(f"{url}: not an http(s) address") from None
        response = await self.client.get(url, accept=FEED_ACCEPT)
        if not response.ok:
            raise FetchError(f"{url}: {response.error}")
        try:
            return url, parse_feed(response.body, normalise(response.final_url), response.headers)
        except NotAFeed as exc:
            problem = str(exc)
        advertised = discover(response.body, normalise(response.final_url))
        for link in advertised:
            found = await self.client.get(link, accept=FEED_ACCEPT)
            if found.ok:
                try:
                    return link, parse_feed(found.body, normalise(found.final_url), found.headers)
                except NotAFeed:
                    continue
        if advertised:
            raise FetchError(f"{url}: the feeds this page advertises could not be read")
        raise FetchError(f"{url}: {problem}, and the page advertises no feed")

    async def feeds(self, urls: list[str]) -> list[FeedResult]:
        """`reader fetch`: every feed, and the pages of its new entries."""
        self.feeds_total = len(urls)
        self._report()
        return list(await asyncio.gather(*(self._feed(u) for u in urls)))

    async def _feed(self, url: str) -> FeedResult:
        try:
            return await self._feed_now(url)
        finally:
            self.feeds_done += 1
            self._report()

    async def _feed_now(self, url: str) -> FeedResult:
        etag, modified = self.store.validators(url)
        response = await self.client.get(url, etag, modified, accept=FEED_ACCEPT)
        if response.status == 304:
            self.store.feed_checked(url)
            return FeedResult(url, status="unchanged")
        if not response.ok:
            self.store.feed_checked(url, error=response.error)
            return FeedResult(url, status="failed", error=response.error)
        try:
            feed = parse_feed(response.body, normalise(response.final_url), response.headers)
        except NotAFeed as exc:
            self.store.feed_checked(url, error=str(exc))
            return FeedResult(url, status="failed", error=str(exc))
        known = self.store.known_entries(url)
        result = FeedResult(url, feed.title)
        new = [e for e in feed.entries if e.key not in known]
        for added, kept_because in await asyncio.gather(*(self._entry(url, feed, e) for e in new)):
            result.new += added
            if kept_because:
                result.from_feed.append(kept_because)
        result.status = "new" if result.new else "unchanged"
        # Only now, with every entry stored, is the feed's version remembered (see feed_checked).
        self.store.feed_checked(url, feed.title, response.headers.get("etag"),
                                response.headers.get("last-modified"))
        return result

    async def _entry(self, feed_url: str, feed: Feed, entry: Entry) -> tuple[bool, str | None]:
        """Store an entry's page. Returns (whether it is a new article, and when its text is kept
        from the feed, "<page or title>: <why its page was not had>")."""
        if entry.link:
            known = self.store.stem_for(entry.link)
            if known is not None:  # in the library already (another feed, or `reader add`)
                self.store.add_entry(feed_url, entry.key, known)
                return False, None
            page = await self.page(entry.link)
            if page.stem is not None:
                self.store.add_entry(feed_url, entry.key, page.stem)
                return page.status == "new", None
            reason = page.error or "failed"
        else:
            reason = "the entry names no page"
        stem = page_stem(entry.link) if entry.link else entry_stem(entry.title, entry.key)
        if self.store.known_stem(stem):  # kept from another feed's text already
            self.store.add_entry(feed_url, entry.key, stem)
            return False, None
        body = entry_page(entry.title, entry.content, feed.title, entry.link, entry.published,
                          entry.authors)
        info = PageInfo(url=entry.link, charset="utf-8", origin="feed", note=reason)
        self.store.store_page(stem, entry.link, body, info, [entry.link])
        self.store.add_entry(feed_url, entry.key, stem)
        return True, f"{entry.link or entry.title}: {reason}"

    def _report(self) -> None:
        if self.feeds_total:
            self.progress(f"fetching: {self.feeds_done} of {self.feeds_total} feeds, "
                          f"{self.pages_done} pages")
        else:
            self.progress(f"fetching: {self.pages_done} pages")


def run(work: Callable[[Fetcher], Awaitable[object]], store: WebStore,
        progress: Progress | None = None, timeout: float | None = None) -> object:
    """Run one fetch job in a fresh event loop (the CLI's, or a worker thread's).

    Ctrl-C cancels every task and raises KeyboardInterrupt here. asyncio.run's own handler
    cancels only the main task, and Python 3.11's wait_for can swallow that cancellation when a
    response completes at the same moment: the fetch then ran to its end and exited 0.
    """
    interrupted = False

    async def main() -> object:
        loop = asyncio.get_running_loop()

        def on_interrupt() -> None:
            nonlocal interrupted
            interrupted = True
            for task in asyncio.all_tasks(loop):
                task.cancel()

        try:
            loop.add_signal_handler(signal.SIGINT, on_interrupt)
            handled = True
        except RuntimeError:  # not the main thread (the interface's worker): signals are not ours
            handled = False
        try:
            async with Client(timeout=timeout) as client:
                return await work(Fetcher(store, client, progress))
        finally:
            if handled:
                loop.remove_signal_handler(signal.SIGINT)

    try:
        result = asyncio.run(main())
    except asyncio.CancelledError:
        if interrupted:
            raise KeyboardInterrupt from None
        raise
    if interrupted:
        raise KeyboardInterrupt
    return result
