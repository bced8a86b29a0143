"""Search latency in-process (top 20 with snippets) per query type, beside tantivy on the same texts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import median, p95, reader_cmd

QUERIES = {
    "term": ["oil", "coffee", "dollar", "merger", "strike", "wheat", "gold", "tariff"],
    "phrase": ['"interest rates"', '"trade deficit"', '"crude oil"', '"central bank"',
               '"stock exchange"', '"money supply"', '"oil prices"', '"share offering"'],
    "boolean": ["oil AND opec NOT iran", "coffee OR cocoa", "bank AND (merger OR acquisition)",
                "wheat AND export NOT soviet", "gold OR silver", "dollar AND yen NOT mark",
                "strike AND union", "sugar OR rubber"],
    "fuzzy": ["petrolium~", "cofee~", "merjer~", "excange~", "goverment~", "treasurey~",
              "inflasion~", "shiping~"],
    "field": ["title:coffee", "title:oil", "title:gold", "title:merger", "title:bank",
              "title:dollar", "title:wheat", "title:strike"],
}
REPEATS = 5


def whoosh_latencies(home: Path, limit: int = 20) -> dict[str, list[float]]:
    """Seconds per query (after one warm-up run each), by query type, through reader's Library."""
    os.environ["READER_HOME"] = str(home)
    from reader.core.library.facade import Library

    library = Library()
    library.warm()
    out: dict[str, list[float]] = {}
    for kind, queries in QUERIES.items():
        times = []
        for q in queries:
            library.search(q, limit=limit, facets=False)
            for _ in range(REPEATS):
                start = time.perf_counter()
                results = library.search(q, limit=limit, facets=False)
                times.append(time.perf_counter() - start)
            assert results.message is None or "plain" not in results.message, (q, results.message)
        out[kind] = times
    library.close()
    return out


def tantivy_latencies(home: Path, limit: int = 20) -> tuple[dict[str, list[float]], float] | None:
    """The same queries through tantivy over the same titles and bodies; None if not installed."""
    try:
        import tantivy
    except ImportError:
        return None
    os.environ["READER_HOME"] = str(home)
    from reader.core.library.facade import Library

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    schema = builder.build()
    folder = Path(tempfile.mkdtemp(prefix="tantivy-"))
    try:
        index = tantivy.Index(schema, path=str(folder))
        start = time.perf_counter()
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        for article in Library().catalogue.all():
            writer.add_document(tantivy.Document(title=article.title, body=article.body, id=article.id))
        writer.commit()
        writer.wait_merging_threads()
        build = time.perf_counter() - start
        index.reload()
        searcher = index.searcher()
        out: dict[str, list[float]] = {}
        for kind, queries in QUERIES.items():
            times = []
            for q in queries:
                query = _tantivy_query(tantivy, index, schema, q)
                _tantivy_search(tantivy, searcher, schema, query, limit)
                for _ in range(REPEATS):
                    start = time.perf_counter()
                    _tantivy_search(tantivy, searcher, schema, query, limit)
                    times.append(time.perf_counter() - start)
            out[kind] = times
        return out, build
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _tantivy_query(tantivy, index, schema, q: str):  # type: ignore[no-untyped-def]
    if q.endswith("~"):  # tantivy's parser has no `word~`: the same edits reader allows
        word = q[:-1]
        distance = 2 if len(word) >= 7 else 1
        return tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.fuzzy_term_query(schema, field, word, distance=distance,
                                                                   transposition_cost_one=True, prefix=False))
            for field in ("title", "body")])
    q = re.sub(r"\bNOT\s+", "-", q)
    return index.parse_query(q, ["title", "body"], conjunction_by_default=True)


def _tantivy_search(tantivy, searcher, schema, query, limit):  # type: ignore[no-untyped-def]
    result = searcher.search(query, limit, count=True)
    snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "body")
    for _, address in result.hits:
        doc = searcher.doc(address)
        snippets.snippet_from_doc(doc).to_html()
    return result.count


def shell_comparison(home: Path, folder: Path, words: tuple[str, ...] = ("oil", "coffee", "merger"),
                     repeats: int = 15) -> tuple[float, float]:
    """Median seconds of `reader search WORD` and of `grep -ril WORD` over the same files.

    Both run the same way (output to /dev/null), one after the other, so that the machine's
    noise falls on both. `reader` is the installed command, with its modules compiled as
    `pip install .` leaves them (a source checkout may not have written them yet).
    """
    import compileall

    import reader

    compileall.compile_dir(str(Path(reader.__file__).parent), quiet=1)
    script = Path(sys.executable).with_name("reader")
    command = [str(script)] if script.exists() else reader_cmd()
    env = {**os.environ, "READER_HOME": str(home)}
    reader_times, grep_times = [], []
    for word in words:
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run([*command, "search", word], env=env, stdout=subprocess.DEVNULL, check=True)
            reader_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run(["grep", "-ril", word, str(folder)], stdout=subprocess.DEVNULL, check=False)
            grep_times.append(time.perf_counter() - start)
    return median(reader_times), median(grep_times)


def summarise(times: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    return {kind: (median(v), p95(v)) for kind, v in times.items()}


if __name__ == "__main__":
    home = Path(sys.argv[1])
    for kind, (m, p) in summarise(whoosh_latencies(home)).items():
        print(f"{kind:8} median {m * 1000:6.1f} ms  p95 {p * 1000:6.1f} ms")
