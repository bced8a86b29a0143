"""Chrome glued to a story's first paragraph (reader/core/ingest/glued.py): `python -m benchmarks.glued`.

Glued examples are made from the labelled html-train renderings (training/data.py: its cache, or
the renderings made afresh): the lines of chrome between a page's headline and its first body
paragraph, joined to that paragraph in one line as copy-paste joins them. Each is scored as cut
exactly at the story, cut partly (some chrome left), cut into the story, or not cut. Paragraphs
with nothing glued to them (the first body paragraph of each rendering, and the first paragraphs
of BBC and BASIL articles) must not be cut at all.
"""

from __future__ import annotations

import sys
from collections import Counter

from benchmarks.common import SHARED
from reader.core.ingest.glued import story_start
from reader.core.ingest.headline import norm

STYLES = ("inscriptis", "lines", "w3m")  # plain renderings, where a scraper's glue happens
MOST_CHROME_LINES = 8


def examples() -> tuple[list[tuple[str, str]], list[str]]:
    """(chrome, paragraph) pairs to glue, and paragraphs with nothing glued to them."""
    from training.data import load_all
    from training.headline import html_title

    glued, clean = [], []
    for doc in load_all():
        if not doc.origin.startswith("html-train") or doc.origin.split(":")[1] not in STYLES:
            continue
        first = next((i for i, (b, label) in enumerate(zip(doc.blocks, doc.labels))
                      if label and len(b.text.split()) >= 25), None)
        if first is None:
            continue
        title = norm(html_title(doc.name) or "")
        headline = next((i for i in range(first - 1, max(-1, first - 15), -1)
                         if title and norm(doc.blocks[i].text) == title), None)
        top = headline + 1 if headline is not None else max(0, first - 6)
        chrome = [doc.blocks[i].text.strip() for i in range(top, first)
                  if doc.blocks[i].text.strip() and not doc.labels[i]][-MOST_CHROME_LINES:]
        paragraph = doc.blocks[first].text.strip()
        clean.append(paragraph)
        if chrome:
            glued.append((" ".join(chrome), paragraph))
    for corpus in ("bbc", "basil"):
        for path in sorted((SHARED / "corpus" / corpus).rglob("*.txt")):
            lines = [line.strip() for line in path.read_text("utf-8", errors="replace").splitlines()]
            clean += [line for line in lines[1:7] if len(line.split()) >= 18]
    return glued, clean


def measure() -> dict[str, object]:
    glued, clean = examples()
    outcomes: Counter[str] = Counter()
    for chrome, paragraph in glued:
        cut = story_start(f"{chrome} {paragraph}")
        outcomes["exact" if cut == len(chrome) + 1 else "not cut" if cut == 0
                 else "partly" if cut <= len(chrome) else "into the story"] += 1
    wrong = sum(1 for paragraph in clean if story_start(paragraph))
    return {"glued": len(glued), **outcomes, "clean paragraphs": len(clean), "clean paragraphs cut": wrong}


def main() -> int:
    for key, value in measure().items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
