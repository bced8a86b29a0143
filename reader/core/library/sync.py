"""Bringing catalogue and index up to date with the source files: scan, clean, tag, commit."""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from reader.core import versions
from reader.core.ingest.clean import SiteRepeats, clean
from reader.core.ingest.files import read_document, scan_articles
from reader.core.library.catalogue import Catalogue, Fingerprint
from reader.core.library.site import Site
from reader.core.models import Article, Problem, Progress, ReaderError, SyncReport
from reader.core.web.store import read_info

PIPELINE_VERSION = versions.PIPELINE
BATCH = int(os.environ.get("READER_BATCH", "500"))  # articles per NER batch and per commit
WORKERS_FROM = 200  # files to tag before NER gets two worker processes (each loads spaCy, ~1 s)
T = TypeVar("T")


@dataclass(frozen=True)
class Scan:
    """What the sources hold: article files with (mtime_ns, size), and folders with their mtime_ns."""

    files: dict[str, tuple[int, int]]
    folders: list[tuple[str, int]]


# File systems stamp times with a coarse clock (one tick of up to 10 ms on Linux): a folder changed
# again in the same tick after it was listed keeps the mtime that was read. 100 ms covers that
# tick with room; file systems with coarser stamps (FAT's 2 s) are not covered.
RACY_NS = 100_000_000


def scan(sources: list[Path]) -> Scan:
    """Every article file of the sources; each folder's mtime is read before it is listed.

    A folder whose mtime is within RACY_NS of the scan may gain a file without its mtime moving
    (a fetched page is written as a temporary file, then renamed, in the same tick): it is
    recorded with mtime -1, so the snapshot never vouches for it and the next sync lists it again.
    """
    started = time.time_ns()
    files: dict[str, tuple[int, int]] = {}
    folders: list[tuple[str, int]] = []
    for root in sources:
        for path, st in scan_articles(root, folders):
            files[path] = (st.st_mtime_ns, st.st_size)
    recent = started - RACY_NS
    folders = [(folder, -1 if mtime >= recent else mtime) for folder, mtime in folders]
    return Scan(files, folders)


@contextmanager
def locked(lock_path: Path, notify: Callable[[str], None]) -> Iterator[None]:
    """Hold the library's sync lock (one writer at a time, across processes)."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notify("another reader process is updating the library; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
    from reader.core.language.entities import canonicalise_all
    from reader.core.language.votes import kind_counts

    votes, surnames = cat.add_votes({a.path: kind_counts([r]) for a, r in zip(articles, raw)})
    mentions = canonicalise_all([a.body for a in articles], raw, votes, surnames)
    return [replace(a, entities=tuple(m)) for a, m in zip(articles, mentions)]


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def build_article(path: Path, article_id: str, site_repeats: SiteRepeats | None = None,
                  pages: Path | None = None) -> tuple[Article, Any, frozenset[int]]:
    """Read and clean one file into an Article (without entities); raises ReaderError.

    Also returns the page's lines and the lines removed as site chrome (see templates.py).
    `pages`: the folder of pages fetched from the web, whose address is kept beside each.
    """
    info = read_info(path) if pages is not None and path.parent == pages else None
    doc = read_document(path, charset=info.charset, url=info.url) if info else read_document(path)
    cleaned = clean(doc, site_repeats)
    if not cleaned.body.strip():
        raise ReaderError("no article text left after removing boilerplate")
    article = Article(
        id=article_id, path=str(path), format=doc.format, encoding=doc.encoding, title=cleaned.title,
        standfirst=cleaned.standfirst, authors=cleaned.authors, outlet=cleaned.outlet,
        published=cleaned.published, agencies=cleaned.agencies, body=cleaned.body,
        removed=cleaned.removed, headings=cleaned.headings, content_hash=content_hash(doc.text),
        lines=cleaned.lines,
    )
    if info is not None:
        article = replace(article, url=info.url, origin=info.origin, note=info.note)
    return article, cleaned.site_lines, cleaned.chrome


def _reindex(cat: Catalogue, writer: Any, known: dict[str, Fingerprint], skip: set[str]
             ) -> Iterator[Progress]:
    """Write the catalogued articles (but those in skip) to the index: no file read, no NER."""
    paths = [path for path in known if path not in skip]
    for start in range(0, len(paths), BATCH):
        chunk = paths[start:start + BATCH]
        articles = [a for a in (cat.get_by_path(p) for p in chunk) if a is not None]
        writer.write(articles, [])
        yield Progress(start + len(chunk), len(paths), chunk[-1])


def update(cat: Catalogue, index: Any, found: dict[str, tuple[int, int]], reprocess: bool,
           report: SyncReport, bulk: bool = False,
           then: tuple[Callable[..., T], Any] | None = None,
           entities: bool | None = None, pages: Path | None = None
           ) -> Generator[Progress, None, Callable[[], T] | None]:
    """Process new, changed and deleted files (all of them when `reprocess`), yielding progress.

    `bulk`: the index was just cleared. It is then loaded with one writer, from the catalogue
    for the files that did not change and from the files for the rest.
    `then`: (job, argument) to run once the catalogue is complete. When NER workers are used,
    one of them runs it while the index is committed. Returns a function that gives the job's
    result, or None when no file needed NER (the caller then runs the job itself, if at all).
    `entities`: False skips NER (default: ner_enabled()).
    `pages`: the folder of pages fetched from the web (see build_article).
    """
    with_ner = ner_enabled() if entities is None else entities
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
        if not bulk:
            index.write([a for a in (cat.get(i) for i in renames.values()) if a], [])
        report.updated += len(renames)
    writer = index.bulk() if bulk else index
    tagger = None
    site = Site(cat, len(todo) + len(deleted)) if todo or deleted else None
    try:
        if bulk:
            yield from _reindex(cat, writer, known, set(todo) | set(deleted))
        if with_ner and todo:
            from reader.core.language.ner import Tagger

            tagger = Tagger(2 if len(todo) >= WORKERS_FROM and (os.cpu_count() or 1) > 1 else 1)
        near: set[str] = set()
        if site is not None:
            near = site.neighbours([*deleted, *todo])
            for path in [*deleted, *todo]:
                site.forget(path)
        yield from _process(cat, writer, todo, found, ids, known, deleted, tagger, report, site,
                            pages)
        if site is not None:
            # Pages cleaned before their site's other pages arrived, and pages whose siblings
            # changed or went: clean them again with the whole library's lines in view.
            stale = sorted(site.stale(near | site.neighbours(todo)) - set(deleted))
            stale = [p for p in stale if p in found]
            if stale:
                if tagger is None and with_ner:
                    from reader.core.language.ner import Tagger

                    tagger = Tagger(1)
                again = SyncReport()
                yield from _process(cat, writer, stale, found, ids, cat.fingerprints(), [], tagger,
                                    again, site, pages)
                report.problems.extend(p for p in again.problems if p not in report.problems)
        result = tagger.meanwhile(*then) if tagger is not None and then else None
        if bulk:
            writer.finish()
    except BaseException:
        if bulk:
            writer.cancel()
        raise
    finally:
        if tagger is not None:
            tagger.close()
    return result


def _process(cat: Catalogue, index: Any, todo: list[str], found: dict[str, tuple[int, int]],
             ids: dict[str, str], known: dict[str, Fingerprint], deleted: list[str], tagger: Any,
             report: SyncReport, site: Site | None = None, pages: Path | None = None
             ) -> Iterator[Progress]:
    """Clean each file, tag batches (the next batch is cleaned while one is tagged), commit."""
    total, done = len(todo), 0
    site_lines: dict[str, tuple[Any, frozenset[int]]] = {}
    pending: list[tuple[Article, int, int]] = []
    problems: list[tuple[str, int, int, str]] = []
    in_flight: tuple[list[tuple[Article, int, int]], list[tuple[str, int, int, str]], Any] | None = None

    def finish(batch: Any, batch_problems: Any, wait: Any, removed: list[str]) -> Iterator[Progress]:
        nonlocal done
        articles = [a for a, _, _ in batch]
        if wait is not None and articles:
            articles = attach_entities(cat, articles, wait())
        rows = [(a, m, s) for a, (_, m, s) in zip(articles, batch)]
        # Index first: if we die between the two, the catalogue still lacks these files and the
        # next sync processes them again; the index replaces documents by path, so nothing doubles.
        index.write([a for a, _, _ in rows], removed)
        cat.write(rows, removed, batch_problems,
                  {a.path: site_lines.pop(a.path) for a, _, _ in rows if a.path in site_lines})
        for article, _, _ in rows:
            done += 1
            yield Progress(done, total, article.path)

    for path in todo:
        mtime_ns, size = found[path]
        try:
            article, lines, chrome = build_article(
                Path(path), ids[path], site.repeats_for(path) if site is not None else None, pages)
            site_lines[path] = (lines, chrome)
            if site is not None:
                site.record(path, chrome)
        except ReaderError as exc:
            if site is not None:
                site.forget(path)
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
    # The last batch goes to the workers before the one in flight is committed, as above.
    wait = tagger.start([a.body for a, _, _ in pending]) if tagger and pending else None
    if in_flight is not None:
        yield from finish(*in_flight, [])
    yield from finish(pending, problems, wait, deleted)
