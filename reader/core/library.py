"""The library facade: source folders -> clean -> entities -> catalogue and index, with progress."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.clean import clean
from reader.core.ingest import read_document, scan_articles
from reader.core.models import Article, Problem, ReaderError
from reader.core.store import Catalogue, Summary
from reader.paths import Paths, resolve_paths, seeds_dir

if TYPE_CHECKING:
    from reader.core.compare import Comparison
    from reader.core.entities import EntitySummary
    from reader.core.stories import Story
    from reader.core.search import Hit, Results

PIPELINE_VERSION = "3"
BATCH = int(os.environ.get("READER_BATCH", "500"))  # articles per NER batch and per commit  # bump when cleaning or entity output changes, to re-process everything


@dataclass(frozen=True)
class Progress:
    """One step of a sync: `done` of `total` files processed; a problem when a file was refused."""

    done: int
    total: int
    path: str = ""
    problem: Problem | None = None
    message: str = ""


@dataclass
class SyncReport:
    """What a sync did."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


STORIES_AT_SYNC = 3000  # up to this many articles, stories are grouped at each sync that changes any


def assign_ids(paths: list[str]) -> dict[str, str]:
    """Map each path to its id: the file name without extension, prefixed by its folder on collision."""
    by_stem: dict[str, list[str]] = {}
    for path in sorted(paths):
        by_stem.setdefault(os.path.splitext(os.path.basename(path))[0], []).append(path)
    ids: dict[str, str] = {}
    taken: set[str] = {stem for stem, group in by_stem.items() if len(group) == 1}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        for path in group:
            candidate = f"{Path(path).parent.name}-{stem}"
            n = 2
            while candidate in taken:
                candidate = f"{Path(path).parent.name}-{stem}-{n}"
                n += 1
            taken.add(candidate)
            ids[path] = candidate
    return ids


def ner_enabled() -> bool:
    """READER_NER=off: bulk loads without entities (search still works)."""
    return os.environ.get("READER_NER", "").lower() not in ("0", "off", "no")


def attach_entities(cat: Catalogue, articles: list[Article], raw: list[list[Any]]) -> list[Article]:
    """Canonical mentions from NER output; the library's label votes are updated in cat."""
    from reader.core import ner
    from reader.core.entities import NAME_KINDS, canonicalise, name_key

    counts: Counter[tuple[str, str]] = Counter()
    for mentions in raw:
        for m in mentions:
            kind = ner.SPACY_TO_KIND.get(m.label)
            if kind in NAME_KINDS and not m.ruler:
                counts[(name_key(m.text), kind)] += 1
    votes = cat.add_votes(dict(counts))
    return [replace(a, entities=tuple(canonicalise(a.body, r, votes))) for a, r in zip(articles, raw)]


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def build_article(path: Path, article_id: str) -> Article:
    """Read and clean one file into an Article (without entities); raises ReaderError."""
    doc = read_document(path)
    cleaned = clean(doc)
    if not cleaned.body.strip():
        raise ReaderError("no article text left after removing boilerplate")
    return Article(
        id=article_id, path=str(path), format=doc.format, encoding=doc.encoding, title=cleaned.title,
        standfirst=cleaned.standfirst, authors=cleaned.authors, outlet=cleaned.outlet,
        published=cleaned.published, agencies=cleaned.agencies, body=cleaned.body,
        removed=cleaned.removed, headings=cleaned.headings, content_hash=content_hash(doc.text),
        lines=cleaned.lines,
    )


class Library:
    """The user's articles: where they come from, and the catalogue and index built from them."""

    def __init__(self, paths: Paths | None = None) -> None:
        self.paths = paths or resolve_paths()
        self._catalogue: Catalogue | None = None
        self._searcher: Any = None
        self._searcher_empty = False
        self._search_lock = threading.Lock()

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = Catalogue(self.paths.catalogue)
        return self._catalogue

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._catalogue is not None:
            self._catalogue.close()
            self._catalogue = None

    # sources ---------------------------------------------------------------------------------

    def sources(self) -> list[Path]:
        """The files and folders the library is made of: what the user added, else the seeds."""
        added = self._added()
        return [Path(p) for p in added] if added else [seeds_dir()]

    def _added(self) -> list[str]:
        try:
            data = json.loads(self.paths.library_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise ReaderError(f"{self.paths.library_file}: unreadable library file ({exc})") from None
        return [str(p) for p in data.get("sources", [])]

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
            if str(resolved) not in current:
                current.append(str(resolved))
            added.append(resolved)
        if added:
            tmp = self.paths.library_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"sources": current}, indent=2), encoding="utf-8")
            os.replace(tmp, self.paths.library_file)
        return added, problems

    def scan(self) -> dict[str, tuple[int, int]]:
        """Every article file of the sources, with (mtime_ns, size)."""
        found: dict[str, tuple[int, int]] = {}
        for root in self.sources():
            for path, st in scan_articles(root):
                found[path] = (st.st_mtime_ns, st.st_size)
        return found

    # sync ------------------------------------------------------------------------------------

    @contextmanager
    def _lock(self, notify: Callable[[str], None]) -> Iterator[None]:
        self.paths.data.mkdir(parents=True, exist_ok=True)
        with open(self.paths.lock, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                notify("another reader process is updating the library; waiting for it to finish")
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def sync(self, rebuild: bool = False, report: SyncReport | None = None) -> Iterator[Progress]:
        """Bring catalogue and index up to date with the sources, yielding progress.

        Only new, changed and deleted files are processed; `rebuild` processes everything.
        """
        report = report if report is not None else SyncReport()
        messages: list[str] = []
        with self._lock(messages.append):
            for message in messages:
                yield Progress(0, 0, message=message)
            yield from self._sync_locked(rebuild, report)

    def _sync_locked(self, rebuild: bool, report: SyncReport) -> Iterator[Progress]:
        from reader.core.index import Index

        cat = self.catalogue
        index = Index(self.paths.index)
        broken = index.needs_rebuild()
        if broken or rebuild:
            if broken and broken != "no index yet":
                yield Progress(0, 0, message=f"{broken}; rebuilding it from the source files")
            index.clear()
        # Re-process everything after a rebuild or a change of pipeline, replacing rows in place
        # (the old ones stay readable until their replacement is written).
        if cat.count() == 0:
            cat.set_setting("pipeline", PIPELINE_VERSION)  # nothing old to redo: an interrupted
            # first run then resumes where it stopped instead of starting over
        reprocess = bool(rebuild or (broken and broken != "no index yet")
                         or cat.setting("pipeline") != PIPELINE_VERSION)
        found = self.scan()
        known = cat.fingerprints()
        refused = {} if reprocess else cat.problems()
        # Ids depend only on the set of paths: unchanged set, unchanged ids.
        ids = {p: fp.id for p, fp in known.items()} if found.keys() == known.keys() and not reprocess \
            else assign_ids(list(found))
        deleted = [p for p in known if p not in found]
        todo: list[str] = []
        renames: dict[str, str] = {}
        for path, (mtime_ns, size) in found.items():
            fp = known.get(path)
            if not reprocess and fp and fp.mtime_ns == mtime_ns and fp.size == size:
                if fp.id != ids[path]:
                    renames[path] = ids[path]
                else:
                    report.unchanged += 1
                continue
            bad = refused.get(path)
            if bad and bad[:2] == (mtime_ns, size):
                report.problems.append(Problem(path, bad[2]))
                continue
            todo.append(path)
        if renames:
            cat.rename(renames)
            index.write([a for a in (cat.get(i) for i in renames.values()) if a], [])
            report.updated += len(renames)
        total = len(todo)
        tagger = None
        if ner_enabled() and todo:
            from reader.core.ner import Tagger

            tagger = Tagger(2 if total >= 200 and (os.cpu_count() or 1) > 1 else 1)
        try:
            yield from self._process(cat, index, todo, found, ids, known, deleted, tagger, report)
        finally:
            if tagger is not None:
                tagger.close()
        if reprocess:
            cat.set_setting("pipeline", PIPELINE_VERSION)
        index.tidy()
        if report.added or report.updated or report.deleted or reprocess or cat.setting("stories") is None:
            self._keep_stories(cat)

    def _process(self, cat: Catalogue, index: Any, todo: list[str], found: dict[str, tuple[int, int]],
                 ids: dict[str, str], known: dict[str, Any], deleted: list[str], tagger: Any,
                 report: SyncReport) -> Iterator[Progress]:
        """Clean each file, tag batches (the next batch is cleaned while one is tagged), commit."""
        total, done = len(todo), 0
        pending: list[tuple[Article, int, int]] = []
        problems: list[tuple[str, int, int, str]] = []
        in_flight: tuple[list[tuple[Article, int, int]], list[tuple[str, int, int, str]], Any] | None = None

        def finish(batch: Any, batch_problems: Any, wait: Any, removed: list[str]) -> Iterator[Progress]:
            nonlocal done
            articles = [a for a, _, _ in batch]
            if wait is not None and articles:
                articles = attach_entities(cat, articles, wait())
            rows = [(a, m, s) for a, (_, m, s) in zip(articles, batch)]
            self._commit(cat, index, rows, removed, batch_problems)
            for article, _, _ in rows:
                done += 1
                yield Progress(done, total, article.path)

        for path in todo:
            mtime_ns, size = found[path]
            try:
                article = build_article(Path(path), ids[path])
            except ReaderError as exc:
                done += 1
                problems.append((path, mtime_ns, size, str(exc)))
                report.problems.append(Problem(path, str(exc)))
                yield Progress(done, total, path, Problem(path, str(exc)))
                continue
            pending.append((article, mtime_ns, size))
            if path in known:
                report.updated += 1
            else:
                report.added += 1
            if len(pending) >= BATCH:
                # Tag this batch first, then commit the previous one: the workers never wait.
                wait = tagger.start([a.body for a, _, _ in pending]) if tagger else None
                previous, in_flight, pending, problems = in_flight, (pending, problems, wait), [], []
                if previous is not None:
                    yield from finish(*previous, [])
        report.deleted = len(deleted)
        if in_flight is not None:
            yield from finish(*in_flight, [])
        wait = tagger.start([a.body for a, _, _ in pending]) if tagger and pending else None
        yield from finish(pending, problems, wait, deleted)

    def _commit(self, cat: Catalogue, index: Any, batch: list[tuple[Article, int, int]],
                deleted: list[str], problems: list[tuple[str, int, int, str]]) -> None:
        # Index first: if we die between the two, the catalogue still lacks these files and the
        # next sync processes them again; the index replaces documents by path, so nothing doubles.
        index.write([a for a, _, _ in batch], deleted)
        cat.write(batch, deleted, problems)

    # reading ---------------------------------------------------------------------------------

    def summaries(self) -> list[Summary]:
        return self.catalogue.summaries()

    def resolve(self, prefix: str) -> str:
        """Return the one id that equals or starts with prefix; raise ReaderError otherwise."""
        ids = self.catalogue.ids()
        if prefix in ids:
            return prefix
        matches = [i for i in ids if i.startswith(prefix)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ReaderError(f"no article id starts with {prefix!r} (try `reader list`)")
        shown = ", ".join(matches[:5]) + (" ..." if len(matches) > 5 else "")
        raise ReaderError(f"{prefix!r} matches {len(matches)} articles: {shown}")

    def search(self, text: str, limit: int = 20, filters: dict[str, str] | None = None,
               facets: bool = True) -> Results:
        """Search the index (see reader.core.search for the query language)."""
        from reader.core.search import search

        with self._search_lock:
            return search(self._searcher_now(), text, limit=limit, filters=filters, facets=facets)

    def _searcher_now(self) -> Any:
        """One long-lived searcher, refreshed when a sync has committed a new index generation."""
        from reader.core.index import Index
        from reader.core.search import open_searcher

        index = Index(self.paths.index)
        if self._searcher is not None and (not self._searcher.up_to_date()
                                           or self._searcher_empty and index.exists()):
            # Reopen rather than refresh(): a refreshed searcher can keep readers of segments that
            # a merge has replaced, and count documents twice.
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            # Readers never create the index (only a sync does, under its lock): until it
            # exists, queries run against an empty one in memory.
            self._searcher_empty = not index.exists()
            self._searcher = open_searcher(index.open_for_reading())
        return self._searcher

    def warm(self) -> None:
        """Open the searcher and read the vocabularies now, so the first query does not wait."""
        from reader.core.search import FIELDS, lexicon

        with self._search_lock:
            searcher = self._searcher_now()
            for fieldname in FIELDS:
                lexicon(searcher, fieldname)

    def more_like(self, prefix: str, limit: int = 10) -> list[Hit]:
        from reader.core.search import more_like

        with self._search_lock:
            return more_like(self._searcher_now(), self.resolve(prefix), limit)

    def entities(self, prefix: str | None = None, kinds: tuple[str, ...] | None = None
                 ) -> list[EntitySummary]:
        """Canonical entities of one article, or of the whole library, with counts and articles."""
        from reader.core.entities import NAME_KINDS, rows_of, summarise

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
        from reader.core.stories import group_stories, story_doc

        return group_stories([story_doc(a) for a in self.catalogue.all()])

    def known_stories(self) -> list[Story] | None:
        """The stories grouped at the last sync, or None (a library too large to group each sync)."""
        from reader.core.stories import Story

        kept = self.catalogue.setting("stories")
        if not kept:
            return None
        return [Story(title, tuple(ids)) for title, ids in json.loads(kept)]

    def _keep_stories(self, cat: Catalogue) -> None:
        """Group stories once per changed sync, so the interface and `reader stories` just read them."""
        cat.set_setting("stories", "")
        if cat.count() <= STORIES_AT_SYNC:
            stories = self.stories()
            cat.set_setting("stories", json.dumps([[s.title, list(s.articles)] for s in stories],
                                                  ensure_ascii=False))

    def compare(self, prefix_a: str, prefix_b: str) -> Comparison:
        from reader.core.compare import compare

        return compare(self.get(prefix_a), self.get(prefix_b))

    def get(self, prefix: str) -> Article:
        article = self.catalogue.get(self.resolve(prefix))
        if article is None:
            raise ReaderError(f"article {prefix!r} vanished from the catalogue")
        return article


