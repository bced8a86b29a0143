"""Story grouping against known events: `python -m benchmarks.stories`.

- BASIL 2010-2014 (../shared/corpus/basil): 50 events told by Fox News, The New York Times and
  HuffPost; pairwise precision, recall and F1 of "same story", and events grouped exactly.
- The labelled scrapes (../shared/eval/scrapes-gold.json, its `stories`), pairwise F1.
- 60 byte-identical copies of one page must be one story.

Each set is synced in a temporary READER_HOME with entities, as `reader add` would.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from benchmarks.common import SHARED


def library_stories(folder: Path, home: Path, ner: bool = True) -> dict[str, tuple[str, ...]]:
    """Sync a folder into a new home and return {article path: the paths of its story}."""
    from reader.core.library.facade import Library
    from reader.core.library.paths import resolve_paths

    saved = os.environ.get("READER_NER")
    os.environ["READER_NER"] = "on" if ner else "off"
    try:
        library = Library(resolve_paths({"READER_HOME": str(home)}))
        library.add_sources([folder])
        list(library.sync())
        paths = {s.id: s.path for s in library.summaries()}
        out = {}
        for story in library.stories():
            members = tuple(sorted(paths[i] for i in story.articles))
            for path in members:
                out[path] = members
        library.close()
        return out
    finally:
        if saved is None:
            os.environ.pop("READER_NER", None)
        else:
            os.environ["READER_NER"] = saved


def pairwise(found: dict[str, tuple[str, ...]], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise P/R/F1 of 'same story' over the articles with a gold event; events grouped exactly."""
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same = gold[a] == gold[b]
        together = b in found.get(a, (a,))
        tp += same and together
        fp += together and not same
        fn += same and not together
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    events: dict[str, set[str]] = {}
    for path, event in gold.items():
        events.setdefault(event, set()).add(path)
    exact = sum(set(found.get(next(iter(members)), ())) == members for members in events.values())
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "events_exact": exact, "events": len(events)}


def basil(work: Path) -> dict[str, float]:
    folder = SHARED / "corpus" / "basil"
    found = library_stories(folder, work / "home-basil")
    gold = {str(p.resolve()): p.parent.name for p in folder.glob("*/*.txt")}
    return pairwise(found, gold)


def scrapes(work: Path) -> dict[str, float]:
    labels = json.loads((SHARED / "eval" / "scrapes-gold.json").read_text("utf-8"))
    folder = SHARED / "eval" / "scrapes"
    found = library_stories(folder, work / "home-scrapes")
    gold = {str((folder / f"{name}.txt").resolve()): name for name in labels["articles"]}
    for n, story in enumerate(labels["stories"]):
        for name in story:
            gold[str((folder / f"{name}.txt").resolve())] = f"story-{n}"
    return pairwise(found, gold)


def copies(work: Path, count: int = 60) -> int:
    """How many stories `count` byte-identical copies of one seed article make (1 is right)."""
    folder = work / "copies"
    folder.mkdir()
    seed = next(iter(sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))))
    for n in range(count):
        shutil.copy(seed, folder / f"copy{n:02d}.txt")
    found = library_stories(folder, work / "home-copies", ner=False)
    return len(set(found.values()))


def measure(log=lambda message: None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory(prefix="reader-stories-") as tmp:
        work = Path(tmp)
        log("stories: BASIL")
        out: dict[str, object] = {"basil": basil(work)}
        log("stories: scrapes")
        out["scrapes"] = scrapes(work)
        log("stories: identical copies")
        out["copies_60"] = copies(work)
    return out


def main() -> int:
    print(json.dumps(measure(lambda m: print(m, file=sys.stderr)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
