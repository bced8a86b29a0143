"""Are the story-grouping settings fitted to BASIL 2010-2014? `python -m benchmarks.stories_heldout`.

The settings in reader.core.relate.stories were chosen looking at all 50 BASIL 2010-2014 events.
This splits the events by year (2010-2012 / 2013-2014), picks the best settings from a grid on
one half, scores them on the other half (each half grouped as a library of its own), and prints
the shipped settings' score on each half and the spread of scores over the whole grid. A held-out
score well below the in-sample one would mean the settings do not transfer.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from itertools import product
from pathlib import Path

from benchmarks.common import SHARED
from benchmarks.stories import pairwise

GRID = {
    "THRESHOLD": (0.15, 0.2, 0.25, 0.3),
    "HIGH": (0.35, 0.45, 0.55),
    "MARGIN": (0.0, 0.03, 0.06),
    "LEAD_SHARE": (0.3, 0.5, 0.7),
    "LEAD_WORDS": (40, 60, 100),
}
HALVES = {"2010-2012": ("2010", "2011", "2012"), "2013-2014": ("2013", "2014")}


def articles(work: Path) -> list[tuple[str, str, object]]:
    """(event, year, Article) for every BASIL article, cleaned and tagged as `reader add` does."""
    from reader.core.library.facade import Library
    from reader.core.library.paths import resolve_paths

    os.environ["READER_NER"] = "on"
    library = Library(resolve_paths({"READER_HOME": str(work / "home")}))
    library.add_sources([SHARED / "corpus" / "basil"])
    list(library.sync())
    out = []
    for summary in library.summaries():
        event = Path(summary.path).parent.name
        out.append((event, event[:4], library.get(summary.id)))
    library.close()
    return out


_docs: dict[tuple[str, float], object] = {}  # (article id, LEAD_WORDS) -> its StoryDoc


def score(items: list[tuple[str, str, object]], settings: dict[str, float]) -> float:
    from reader.core.relate import stories

    for name, value in settings.items():
        setattr(stories, name, value)
    docs = []
    for _, _, a in items:
        key = (a.id, settings["LEAD_WORDS"])  # type: ignore[attr-defined]
        if key not in _docs:
            _docs[key] = stories.story_doc(a)
        docs.append(_docs[key])
    groups = stories.group_stories(docs)  # type: ignore[arg-type]
    found = {}
    for story in groups:
        for article_id in story.articles:
            found[article_id] = story.articles
    gold = {a.id: event for event, _, a in items}  # type: ignore[attr-defined]
    return pairwise(found, gold)["f1"]


def measure() -> dict[str, object]:
    from reader.core.relate import stories

    shipped = {name: getattr(stories, name) for name in GRID}
    with tempfile.TemporaryDirectory(prefix="reader-stories-heldout-") as tmp:
        everything = articles(Path(tmp))
    halves = {name: [i for i in everything if i[1] in years] for name, years in HALVES.items()}
    grid = [dict(zip(GRID, values)) for values in product(*GRID.values())]
    by_half = {name: [score(items, s) for s in grid] for name, items in halves.items()}
    out: dict[str, object] = {"settings tried": len(grid), "shipped": shipped}
    for test, train in (("2013-2014", "2010-2012"), ("2010-2012", "2013-2014")):
        best = max(range(len(grid)), key=lambda k: by_half[train][k])
        out[f"tuned on {train}, scored on {test}"] = {
            "settings": grid[best], "f1 on the tuning half": by_half[train][best],
            "f1 held out": by_half[test][best]}
    out["shipped settings, f1 per half"] = {name: score(items, shipped) for name, items in halves.items()}
    whole = sorted(score(everything, s) for s in grid)
    out["f1 over the grid, all 50 events: min / median / max"] = (whole[0], whole[len(whole) // 2], whole[-1])
    for name, value in shipped.items():
        setattr(stories, name, value)
    return out


def main() -> int:
    print(json.dumps(measure(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
