"""Token-level precision, recall and F1 of HTML extraction against ../shared/eval/html gold text."""

from __future__ import annotations

import gzip
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from reader.core.ingest.clean import clean
from reader.core.ingest.html import extract
from reader.core.models import RawDocument
from reader.core.text import normalise

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "html"


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def score(predicted: str, gold: str) -> tuple[float, float, float]:
    """Return (precision, recall, F1) over bags of lower-cased word tokens."""
    p, g = tokens(predicted), tokens(gold)
    overlap = sum((p & g).values())
    precision = overlap / max(1, sum(p.values()))
    recall = overlap / max(1, sum(g.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def article_text(html: str, name: str) -> str:
    """The body reader shows for an HTML page: trafilatura's text, cleaned (clean.py)."""
    text, meta = extract(html)
    if not text.strip():
        return ""
    return clean(RawDocument(path=name, text=normalise(text), format="html", encoding="utf-8",
                             meta=meta)).body


def measure(folder: Path = DEFAULT, only: set[str] | None = None) -> list[tuple[str, float, float, float]]:
    """(page, precision, recall, F1) for every saved page (.html or .html.gz) with a gold text;
    `only`: these file names."""
    rows = []
    for page in sorted([*folder.glob("*.html"), *folder.glob("*.html.gz")]):
        if only is not None and page.name not in only:
            continue
        name = page.name.removesuffix(".gz").removesuffix(".html")
        gold = page.with_name(f"{name}.gold.txt").read_text(encoding="utf-8")
        if page.suffix == ".gz":
            html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        else:
            html = page.read_text(encoding="utf-8", errors="replace")
        rows.append((name, *score(article_text(html, name), gold)))
    return rows


def main(folder: Path = DEFAULT) -> int:
    rows = measure(folder)
    if not rows:
        print(f"no pages in {folder}", file=sys.stderr)
        return 1
    print(f"{'page':<36} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p, r, f in rows:
        print(f"{name:<36} {p:6.3f} {r:6.3f} {f:6.3f}")
    means = [statistics.mean(col) for col in list(zip(*rows))[1:]]
    print(f"{'mean':<36} {means[0]:6.3f} {means[1]:6.3f} {means[2]:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
