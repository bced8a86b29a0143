"""Ingestion: articles per second through `reader add`, its peak memory, and bare spaCy NER beside it."""

from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import median, reader_cmd, run


@dataclass
class Ingest:
    articles: int
    seconds: float
    peak_rss_mb: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def add(home: Path, folder: Path, ner: bool = True) -> Ingest:
    """`reader add folder` into a fresh home, end to end (clean, NER, index)."""
    env = {"READER_HOME": str(home), "READER_NER": "on" if ner else "off"}
    result = run(reader_cmd("add", str(folder), "--json"), env=env)
    if result.returncode != 0:
        raise RuntimeError(f"reader add {folder} failed: {result.stderr.strip()[-500:]}")
    return Ingest(json.loads(result.stdout)["articles"], result.seconds, result.peak_rss_mb)


def bare_ner_seconds(home: Path) -> float:
    """spaCy alone (import, load, NER) over the cleaned bodies of the library in home."""
    result = run([sys.executable, "-m", "benchmarks.bare_ner", str(home)])
    if result.returncode != 0:
        raise RuntimeError(f"bare NER failed: {result.stderr.strip()[-500:]}")
    return float(result.stdout.split()[0])


def resync_seconds(home: Path, repeats: int = 5) -> float:
    """A sync that finds nothing to do, in-process (median)."""
    import os

    os.environ["READER_HOME"] = str(home)
    from reader.core.library.facade import Library

    library = Library()
    list(library.sync())
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        list(library.sync())
        times.append(time.perf_counter() - start)
    library.close()
    return median(times)


def add_one_seconds(home: Path, scratch: Path, repeats: int = 3) -> float:
    """`reader add` of one new article (with NER) to the library in home, end to end (median)."""
    times = []
    for n in range(repeats):
        folder = scratch / f"one-{n}"
        folder.mkdir(parents=True)
        path = folder / f"benchmark-one-{n}.txt"
        path.write_text(f"Oil output talks resume in Vienna ({n})\n\nOPEC ministers met in Vienna on "
                        "Monday to discuss output quotas, officials said, as prices fell for a third "
                        "day. Saudi Arabia and Iran disagreed on the ceiling, delegates said.\n",
                        encoding="utf-8")
        start = time.perf_counter()
        result = run(reader_cmd("add", str(path)), env={"READER_HOME": str(home)})
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"reader add failed: {result.stderr.strip()[-500:]}")
    return median(times)


def sample(files: list[Path], dest: Path, n: int) -> Path:
    """Copy n files, evenly spread over the list, into dest (a temporary folder)."""
    dest.mkdir(parents=True)
    step = max(1, len(files) // n)
    for i, path in enumerate(files[::step][:n]):
        shutil.copy(path, dest / f"{i:05d}-{path.name}")
    return dest
