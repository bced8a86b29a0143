"""`python -m benchmarks.scale [N]`: reader on N articles (default 100,000), Reuters replicated.

Not part of `python -m benchmarks` (indexing 100,000 articles takes longer than its ten
minutes). Copy 0 is Reuters as it is; each further copy has its own file names and every
seventh word replaced by another word of the corpus, chosen by the copy and the position, so
that no two copies share a text or a hash. Indexed with READER_NER=off, as the 19,043 in the
main benchmark. Prints the measures as Markdown rows.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import search_speed
from benchmarks.common import extract_reuters, machine, median, reader_cmd, run

WORD = re.compile(r"[A-Za-z]{3,}")


def replicate(source: Path, dest: Path, total: int) -> int:
    """Write `total` articles into dest: Reuters, then perturbed copies of it."""
    files = sorted(source.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    vocabulary = sorted({w for t in texts[:2000] for w in WORD.findall(t)})
    dest.mkdir(parents=True)
    written = 0
    copy = 0
    while written < total:
        folder = dest / f"copy{copy:02d}"
        folder.mkdir()
        rng = random.Random(copy)
        for path, text in zip(files, texts):
            if written >= total:
                break
            if copy:
                n = 0

                def swap(match: re.Match[str]) -> str:
                    nonlocal n
                    n += 1
                    return rng.choice(vocabulary) if n % 7 == 0 else match.group(0)

                text = WORD.sub(swap, text)
            (folder / f"c{copy:02d}-{path.name}").write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return written


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"Machine: {machine()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="reader-scale-") as tmp:
        work = Path(tmp)
        articles = work / "articles"
        count = replicate(extract_reuters(work), articles, total)
        home = work / "home"
        env = {"READER_HOME": str(home), "READER_NER": "off"}
        start = time.perf_counter()
        result = run(reader_cmd("add", str(articles)), env=env, timeout=7200)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(f"reader add failed: {result.stderr.strip()[-800:]}")
        size = sum(f.stat().st_size for f in (home / "data" / "index").iterdir()) / 1e6
        rows = [f"| ingestion | clean + index, no NER ({count} articles) | {count / seconds:.0f} articles/s "
                f"({seconds / 60:.1f} min), peak RSS {result.peak_rss_mb:.0f} MB, index {size:.0f} MB |"]
        resync = [run(reader_cmd("index"), env=env).seconds for _ in range(5)]
        rows.append(f"| ingestion | no-change re-sync, `reader index`, end to end (median of 5) | "
                    f"{median(resync) * 1000:.0f} ms |")
        os.environ["READER_NER"] = "off"
        for kind, (med, high) in search_speed.summarise(search_speed.whoosh_latencies(home)).items():
            rows.append(f"| search | {kind} queries, top 20 with snippets, median / p95 | "
                        f"{med * 1000:.1f} ms / {high * 1000:.1f} ms |")
        reader_s, grep_s = search_speed.shell_comparison(home, articles)
        rows.append(f"| search | `reader search WORD` vs `grep -ril WORD` (median) | "
                    f"{reader_s * 1000:.0f} ms vs {grep_s * 1000:.0f} ms (×{reader_s / grep_s:.2f}) |")
        print("\n".join(rows))


if __name__ == "__main__":
    main()
