"""`reader fetch` against a local server: 50 feeds of 20 entries, pages included, with ingestion.

The server (tests/webserver.py, run in its own process so that it does not share the GIL with
the fetch) serves pages made from BBC articles and RSS feeds with ETags. Reported: the first fetch
split into network (fetching and storing pages), extraction + indexing (a sync without NER) and
NER (the rest of a sync with NER), and a second `reader fetch` with nothing new (end to end).
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import bbc_files, median, reader_cmd, run

FEEDS, ENTRIES = 50, 20


def make_site(folder: Path, feeds: int = FEEDS, entries: int = ENTRIES) -> int:
    """Write pages and feeds as files: folder/p/N.html, folder/feed/M.xml. Returns the pages made."""
    (folder / "p").mkdir(parents=True, exist_ok=True)
    (folder / "feed").mkdir(exist_ok=True)
    files = bbc_files()[: feeds * entries]
    for n, path in enumerate(files):
        lines = [line.strip() for line in path.read_text(encoding="latin-1").splitlines() if line.strip()]
        title, paragraphs = lines[0], lines[1:]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        (folder / "p" / f"{n}.html").write_text(
            f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)} - BBC News'
            f'</title><meta property="og:site_name" content="BBC News"></head><body><nav><a href="/">'
            f'Home</a></nav><article><h1>{html.escape(title)}</h1>{body}</article><footer>© BBC'
            f'</footer></body></html>', encoding="utf-8")
    for m in range(feeds):
        items = "".join(f'<item><title>Item {n}</title><link>PAGE/p/{n}.html</link>'
                        f'<guid isPermaLink="false">{n}</guid></item>'
                        for n in range(m * entries, min((m + 1) * entries, len(files))))
        (folder / "feed" / f"{m}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {m}</title>'
            f"{items}</channel></rss>", encoding="utf-8")
    return len(files)


def serve(folder: Path) -> None:
    """In a child process: serve the folder (feeds with ETags), print the base URL, run forever."""
    from tests.webserver import Server

    server = Server()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = "/" + path.relative_to(folder).as_posix()
            data = path.read_bytes().replace(b"PAGE/", server.base.encode() + b"/")
            kind = "application/rss+xml" if path.suffix == ".xml" else "text/html; charset=utf-8"
            server.add(rel, data, content_type=kind, etag=f'"{hash(data) & 0xFFFFFF:x}"')
    print(server.base, flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.close()


def measure(work: Path) -> dict[str, float]:
    site = work / "site"
    pages = make_site(site)
    server = subprocess.Popen([sys.executable, "-m", "benchmarks.fetch", "serve", str(site)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip()  # type: ignore[union-attr]
        out: dict[str, float] = {"pages": pages, "feeds": FEEDS}
        for ner in (False, True):
            home = work / f"home-{'ner' if ner else 'plain'}"
            env = {"READER_HOME": str(home), "READER_NER": "on" if ner else "off"}
            opml = work / "feeds.opml"
            opml.write_text('<opml version="2.0"><body>' + "".join(
                f'<outline text="Feed {m}" xmlUrl="{base}/feed/{m}.xml"/>' for m in range(FEEDS))
                + "</body></opml>")
            run(reader_cmd("feeds", "import", str(opml)), env=env)
            timing = run([sys.executable, "-m", "benchmarks.fetch", "timed"], env=env)
            if timing.returncode != 0:
                raise RuntimeError(f"fetch failed: {timing.stderr[-500:]}")
            split = json.loads(timing.stdout)
            key = "ner" if ner else "plain"
            out[f"network_{key}"], out[f"sync_{key}"] = split["network"], split["sync"]
            out[f"articles_{key}"] = split["articles"]
            if ner:
                again = []
                for _ in range(3):
                    second = run(reader_cmd("fetch", "--json"), env=env)
                    report = json.loads(second.stdout)
                    assert all(f["status"] == "unchanged" for f in report["feeds"]), report
                    again.append(second.seconds)
                out["second_fetch"] = median(again)
        return out
    finally:
        server.stdin.close()  # type: ignore[union-attr]
        server.wait(10)


def timed() -> None:
    """In a child process (READER_HOME set): the fetch, then the sync, each timed; prints JSON."""
    from reader.core.library.facade import Library

    library = Library()
    start = time.perf_counter()
    results = library.fetch()
    network = time.perf_counter() - start
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise SystemExit(f"{len(failed)} feeds failed: {failed[0].error}")
    start = time.perf_counter()
    list(library.sync())
    sync = time.perf_counter() - start
    print(json.dumps({"network": network, "sync": sync, "articles": library.catalogue.count()}))
    library.close()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(Path(sys.argv[2]))
    elif sys.argv[1] == "timed":
        timed()
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(Path(tmp)), indent=2))
            os.environ.pop("READER_HOME", None)
