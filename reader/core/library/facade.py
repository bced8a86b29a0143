"""The library facade: source folders -> clean -> entities -> catalogue and index, with progress."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core import versions
from reader.core.ingest.files import SUFFIXES
from reader.core.library import snapshot
from reader.core.library.paths import Paths, added_sources, library_sources, resolve_paths
from reader.core.models import Article, Problem, Progress, ReaderError, SyncReport
from reader.core.search.session import Session

if TYPE_CHECKING:
    from reader.core.language.summaries import EntitySummary
    from reader.core.library.catalogue import Catalogue, Summary
    from reader.core.library.marks import Marks
    from reader.core.relate.compare import Comparison
    from reader.core.relate.stories import Story
    from reader.core.search.queries import Hit, Results
    from reader.core.web.feeds import Feed
    from reader.core.web.fetch import FeedResult, PageResult
    from reader.core.web.store import Subscription, WebStore

STORIES_AT_SYNC = 3000  # up to this many articles, stories are grouped at each sync that changes any
QUICK_FIRST = 200  # a first sync of up to this many files lists them before finding entities
INDEX_FILTERS = ("outlet", "entity")  # filters the index answers; "feed" and "show" are marks'
SHOW = ("unread", "bookmarks")  # values of the "show" filter


class Library:
    """The user's articles: where they come from, and the catalogue and index built from them."""

    def __init__(self, paths: Paths | None = None) -> None:
        self.paths = paths or resolve_paths()
        self._catalogue: Catalogue | None = None
        self._search = Session(self.paths.index)
        self._marks: Marks | None = None
        self._web: WebStore | None = None

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            # Not imported when the snapshot answers alone.
            from reader.core.library.catalogue import Catalogue

            self._catalogue = Catalogue(self.paths.catalogue)
        return self._catalogue

    @property
    def marks(self) -> Marks:
        if self._marks is None:
            from reader.core.library.marks import Marks

            self._marks = Marks(self.paths.marks)
        return self._marks

    @property
    def web(self) -> WebStore:
        if self._web is None:
            from reader.core.web.store import WebStore

            self._web = WebStore(self.paths.web, self.paths.pages)
        return self._web

    def close(self) -> None:
        for store in (self._marks, self._web):
            if store is not None:
                store.close()
        self._marks = self._web = None
        self._search.drop()
        if self._catalogue is not None:
            self._catalogue.close()
            self._catalogue = None

    # sources ---------------------------------------------------------------------------------

    def sources(self) -> list[Path]:
        """The files and folders the library is made of: what the user added, else the seeds."""
        try:
            return library_sources(self.paths)
        except (OSError, ValueError) as exc:
            raise self._unreadable(exc) from None

    def sources_are_seeds(self) -> bool:
        """True while the user has added nothing: the library is the bundled sample articles."""
        try:
            return not added_sources(self.paths) and not self.paths.pages.is_dir()
        except (OSError, ValueError):
            return False

    def refresh(self) -> None:
        """Drop the open searcher: the next search opens the index as it is now on disk."""
        self._search.drop()

    def _added(self) -> list[str]:
        try:
            return added_sources(self.paths)
        except (OSError, ValueError) as exc:
            raise self._unreadable(exc) from None

    def _unreadable(self, exc: Exception) -> ReaderError:
        return ReaderError(f"{self.paths.library_file}: unreadable library file ({exc})")

    def add_sources(self, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
        """Remember existing files and folders as sources; return (added, problems)."""
        self.paths.library_file.parent.mkdir(parents=True, exist_ok=True)
        # Two `reader add` at once must not lose each other's sources: read-modify-write under a lock.
        with open(self.paths.library_file.with_suffix(".lock"), "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                return self._add_sources_locked(paths)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _add_sources_locked(self, paths: list[Path]) -> tuple[list[Path], list[Problem]]:
        current = self._added()
        added: list[Path] = []
        problems: list[Problem] = []
        for path in paths:
            resolved = path.expanduser().resolve()
            if not resolved.exists():
                problems.append(Problem(str(path), "no such file or folder"))
                continue
            if resolved.is_file() and resolved.suffix.lower() not in SUFFIXES:
                kind = resolved.suffix or "no extension"
                problems.append(Problem(str(path), f"unsupported file type ({kind}); reader reads "
                                                   f".txt, .md and .html files"))
                continue
            if str(resolved) not in current:
                current.append(str(resolved))
            added.append(resolved)
        if added:
            tmp = self.paths.library_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"sources": current}, indent=2), encoding="utf-8")
            os.replace(tmp, self.paths.library_file)
        return added, problems

    # sync ------------------------------------------------------------------------------------

    def _snapshot_facts(self) -> tuple[Path, str, list[Path], Path]:
        """What the snapshot of the last sync is checked against (see snapshot.unchanged)."""
        return snapshot.facts(self.paths, self.sources())

    def check_now(self) -> snapshot.Answer:
        """Whether nothing changed since the last sync (see snapshot.unchanged)."""
        return snapshot.unchanged(*self._snapshot_facts())

    def check_meanwhile(self) -> Callable[[], snapshot.Answer]:
        """Start checking the snapshot of the last sync on another core; give the result to sync()."""
        return snapshot.unchanged_meanwhile(*self._snapshot_facts())

    def sync(self, rebuild: bool = False, report: SyncReport | None = None,
             check: Callable[[], snapshot.Answer] | None = None,
             quick_first: bool = False) -> Iterator[Progress]:
        """Bring catalogue and index up to date with the sources, yielding progress.

        Only new, changed and deleted files are processed; `rebuild` processes everything. When the
        snapshot of the last sync shows nothing changed, nothing is opened at all. `check` is a
        check of the snapshot already started (see check_meanwhile). `quick_first`: an empty
        library of a few files is first listed without entities (a Progress with `listed`),
        then tagged.
        """
        report = report if report is not None else SyncReport()
        if not rebuild:
            known = check() if check else self.check_now()
            if known is not None:
                files, refused = known
                report.problems.extend(Problem(path, reason) for path, reason in refused)
                report.unchanged = files - len(refused)
                return
        from reader.core.library.sync import locked

        messages: list[str] = []
        with locked(self.paths.lock, messages.append):
            for message in messages:
                yield Progress(0, 0, message=message)
            snapshot.forget(self.paths.snapshot)
            yield from self._sync_locked(rebuild, report, quick_first)

    def _sync_locked(self, rebuild: bool, report: SyncReport, quick_first: bool = False
                     ) -> Iterator[Progress]:
        from reader.core.library.sync import PIPELINE_VERSION, ner_enabled, scan, update
        from reader.core.search.index import Index

        cat = self.catalogue
        index = Index(self.paths.index)
        broken = index.needs_rebuild()
        if broken and broken != "no index yet":
            yield Progress(0, 0, message=f"{broken}; rebuilding it")
        if cat.count() == 0:
            cat.set_setting("pipeline", PIPELINE_VERSION)  # nothing old to redo: an interrupted
            # first run then resumes where it stopped instead of starting over
        # Re-process every file after a change of pipeline (or when asked), replacing rows in
        # place: the old ones stay readable until their replacement is written.
        reprocess = rebuild or cat.setting("pipeline") != PIPELINE_VERSION
        # An index rebuilt from empty is loaded in bulk: articles that did not change come from
        # the catalogue (already cleaned and tagged), and nothing is searchable until it is done.
        bulk = bool(broken or rebuild or cat.setting("index") != "complete")
        if bulk:
            cat.set_setting("index", "pending")  # until this sync completes
            index.clear()
        from reader.core.library.catalogue import catalogue_stories

        sources = self.sources()
        found = scan(sources)
        if quick_first and cat.count() == 0 and len(found.files) <= QUICK_FIRST and ner_enabled():
            # A first start: list the articles within a second (cleaning is quick; loading
            # the entity model is not), then come back for their entities.
            quick = SyncReport()
            yield from update(cat, index, found.files, False, quick, bulk=bulk, entities=False,
                              pages=self.paths.pages.resolve())
            cat.set_setting("pipeline", PIPELINE_VERSION + "+no-entities")
            cat.set_setting("index", "complete")
            bulk, reprocess = False, True
            yield Progress(len(found.files), len(found.files), listed=True)
        # Stories are grouped by an NER worker while the index is committed, when there are any.
        then = (catalogue_stories, self.paths.catalogue) if len(found.files) <= STORIES_AT_SYNC else None
        grouped = yield from update(cat, index, found.files, reprocess, report, bulk=bulk, then=then,
                                    pages=self.paths.pages.resolve())
        if reprocess:
            cat.set_setting("pipeline", PIPELINE_VERSION)
        index.tidy()
        cat.set_setting("index", "complete")
        if report.added or report.updated or report.deleted or reprocess or cat.setting("stories") is None:
            self._keep_stories(cat, grouped)
        snapshot.record(self.paths.snapshot, versions.stamp(), sources, found.folders, found.files,
                        [(p.path, p.reason) for p in report.problems], self.paths.index)

    # reading ---------------------------------------------------------------------------------

    def summaries(self) -> list[Summary]:
        return self.catalogue.summaries()

    def resolve(self, prefix: str) -> str:
        """Return the one id that equals or starts with prefix; raise ReaderError otherwise."""
        matches, total = self.catalogue.ids_starting(prefix, 6)
        if matches and matches[0] == prefix:
            return prefix
        if total == 1:
            return matches[0]
        if not total:
            raise ReaderError(f"no article id starts with {prefix!r} (try `reader list`)")
        shown = ", ".join(matches[:5]) + (" ..." if total > 5 else "")
        raise ReaderError(f"{prefix!r} matches {total} articles: {shown}")

    def search(self, text: str, limit: int = 20, filters: dict[str, str] | None = None,
               facets: bool = True) -> Results:
        """Search the index (see reader.core.search.queries for the query language).

        `filters`: {"outlet": key, "entity": key, "feed": feed URL, "show": "unread" or
        "bookmarks"}, any of them."""
        from reader.core.search.queries import search

        filters = filters or {}
        within = self._within(filters)
        indexed = {k: v for k, v in filters.items() if k in INDEX_FILTERS}
        return self._search.run(lambda searcher: search(searcher, text, limit=limit, filters=indexed,
                                                        facets=facets, within=within))

    def _within(self, filters: dict[str, str]) -> frozenset[str] | None:
        """The source paths the "feed" and "show" filters allow (None: no such filter)."""
        within: set[str] | None = None
        if filters.get("feed"):
            within = self.web.feed_paths().get(filters["feed"], set())
        show = filters.get("show")
        if show == "bookmarks":
            marked = self.marks.bookmarked()
            within = marked if within is None else within & marked
        elif show == "unread":
            read = self.marks.read()
            unread = {s.path for s in self.summaries() if s.path not in read}
            within = unread if within is None else within & unread
        return frozenset(within) if within is not None else None

    # read state and bookmarks ----------------------------------------------------------------

    def set_read(self, prefix: str, read: bool = True) -> None:
        self.marks.set_read(self.get(prefix).path, read)

    def set_bookmarked(self, prefix: str, bookmarked: bool = True) -> None:
        self.marks.set_bookmarked(self.get(prefix).path, bookmarked)

    # the web -----------------------------------------------------------------------------------

    def add_urls(self, urls: list[str], progress: Callable[[str], None] | None = None
                 ) -> list[PageResult]:
        """Fetch pages into the library's pages folder (the next sync reads them)."""
        from reader.core.web.fetch import run

        return run(lambda fetcher: fetcher.pages(urls), self.web, progress)  # type: ignore[return-value]

    def subscribe(self, url: str) -> tuple[str, str, bool]:
        """Subscribe to the feed at url, or to the one the page there advertises; raises ReaderError.

        Returns (feed address, title, whether it is new)."""
        from reader.core.web.fetch import FetchError, run

        try:
            found: tuple[str, Feed] = run(lambda fetcher: fetcher.find_feed(url), self.web)  # type: ignore[assignment]
        except FetchError as exc:
            raise ReaderError(str(exc)) from None
        address, feed = found
        return address, feed.title, self.web.subscribe(address, feed.title)

    def unsubscribe(self, url: str) -> bool:
        from reader.core.web.urls import normalise

        try:
            return self.web.unsubscribe(normalise(url))
        except ValueError:
            return self.web.unsubscribe(url)

    def subscriptions(self) -> list[Subscription]:
        return self.web.subscriptions()

    def fetch(self, progress: Callable[[str], None] | None = None) -> list[FeedResult]:
        """Fetch every feed and the pages of its new entries (the next sync reads them)."""
        from reader.core.web.fetch import run

        urls = [s.url for s in self.subscriptions()]
        return run(lambda fetcher: fetcher.feeds(urls), self.web, progress)  # type: ignore[return-value]

    def warm(self) -> None:
        """Open the searcher and read the vocabularies now, so the first query does not wait."""
        from reader.core.search.queries import FIELDS, lexicon

        def read(searcher: Any) -> None:
            for fieldname in FIELDS:
                lexicon(searcher, fieldname)

        self._search.run(read)

    def more_like(self, prefix: str, limit: int = 10) -> list[Hit]:
        from reader.core.search.queries import more_like

        article_id = self.resolve(prefix)
        return self._search.run(lambda searcher: more_like(searcher, article_id, limit))

    def entities(self, prefix: str | None = None, kinds: tuple[str, ...] | None = None
                 ) -> list[EntitySummary]:
        """Canonical entities of one article, or of the whole library, with counts and articles."""
        from reader.core.language.names import NAME_KINDS
        from reader.core.language.summaries import rows_of, summarise

        kinds = kinds or NAME_KINDS
        if prefix:
            article = self.get(prefix)
            return summarise(rows_of(article.id, article.entities), kinds)
        return summarise(self.catalogue.entity_rows(), kinds)

    def stories(self) -> list[Story]:
        """The library's articles grouped by the event they report (as of the last sync if kept)."""
        known = self.known_stories()
        if known is not None:
            return known
        from reader.core.relate.stories import group_stories

        return group_stories(self.catalogue.story_docs())

    def known_stories(self) -> list[Story] | None:
        """The stories grouped at the last sync, or None (a library too large to group each sync)."""
        from reader.core.relate.stories import Story

        kept = self.catalogue.setting("stories")
        if not kept:
            return None
        return [Story(title, tuple(ids)) for title, ids in json.loads(kept)]

    def _keep_stories(self, cat: Catalogue, grouped: Callable[[], list[Story]] | None) -> None:
        """Group stories once per changed sync, so the interface and `reader stories` just read them.

        `grouped` gives them when they were grouped during the sync (see sync.update)."""
        cat.set_setting("stories", "")
        if cat.count() <= STORIES_AT_SYNC:
            stories = grouped() if grouped else self.stories()
            cat.set_setting("stories", json.dumps([[s.title, list(s.articles)] for s in stories],
                                                  ensure_ascii=False))

    def compare(self, prefix_a: str, prefix_b: str) -> Comparison:
        from reader.core.relate.compare import compare

        return compare(self.get(prefix_a), self.get(prefix_b))

    def get(self, prefix: str) -> Article:
        article = self.catalogue.get(self.resolve(prefix))
        if article is None:
            raise ReaderError(f"article {prefix!r} vanished from the catalogue")
        return article


