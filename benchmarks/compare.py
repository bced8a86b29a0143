"""Comparison on the labelled scrapes: `python -m benchmarks.compare`.

- "Same wording" (the one similarity reader shows) of every pair of the 21 scrapes: every wire
  copy pair (`wire_copies`) must score above every pair of different stories.
- The passage threshold: for each sentence of a wire copy, its best match in the other copy;
  for sentences of articles on one event by outlets reporting on their own (same `stories`,
  not wire copies), their best match, which should fall below compare.THRESHOLD unless the two
  quote the same words.
"""

from __future__ import annotations

import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from benchmarks.common import SHARED


def measure(log=lambda message: None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from reader.core.language.sentences import split_sentences
    from reader.core.library.facade import Library
    from reader.core.library.paths import resolve_paths
    from reader.core.relate.compare import THRESHOLD, _words, compare, similarity

    labels = json.loads((SHARED / "eval" / "scrapes-gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="reader-compare-") as tmp:
        log("compare: syncing the scrapes")
        library = Library(resolve_paths({"READER_HOME": str(Path(tmp) / "home")}))
        library.add_sources([SHARED / "eval" / "scrapes"])
        list(library.sync())
        by_name = {Path(s.path).stem: library.get(s.id) for s in library.summaries()}
        story_of = {name: name for name in by_name}
        for n, story in enumerate(labels["stories"]):
            for name in story:
                story_of[name] = f"story-{n}"
        wire = {tuple(sorted(pair)) for pair in labels["wire_copies"]}
        scores = {"wire": [], "same story": [], "different stories": []}
        for a, b in combinations(sorted(by_name), 2):
            value = compare(by_name[a], by_name[b]).similarity
            kind = ("wire" if (a, b) in wire else
                    "same story" if story_of[a] == story_of[b] else "different stories")
            scores[kind].append((round(value, 3), a, b))

        def best_matches(a: str, b: str) -> list[float]:
            sb = [_words(s.text) for s in split_sentences(by_name[b].body)]
            return [max((similarity(_words(s.text), t) for t in sb), default=0.0)
                    for s in split_sentences(by_name[a].body)]

        # A wire copy carries part of the story or all of it: measured from the shorter copy.
        wire_best = []
        for a, b in wire:
            short, long = sorted((a, b), key=lambda n: len(by_name[n].body))
            wire_best += best_matches(short, long)
        own = [x for a, b in combinations(sorted(by_name), 2)
               if story_of[a] == story_of[b] and (a, b) not in wire for x in best_matches(a, b)]
        library.close()
    lowest_wire = min(s for s, _, _ in scores["wire"])
    highest_other = max(s for s, _, _ in scores["different stories"])
    return {
        "same_wording": {kind: sorted(values, reverse=True)[:5] for kind, values in scores.items()},
        "lowest_wire_copy": lowest_wire, "highest_different_stories": highest_other,
        "wire_copies_above_all_other_stories": lowest_wire > highest_other,
        "threshold": THRESHOLD,
        "wire_sentences_matched": round(sum(x >= THRESHOLD for x in wire_best) / max(1, len(wire_best)), 3),
        "own_reporting_sentences_matched": round(sum(x >= THRESHOLD for x in own) / max(1, len(own)), 3),
        "own_reporting_best_matches_top": sorted((round(x, 2) for x in own), reverse=True)[:12],
    }


def main() -> int:
    print(json.dumps(measure(lambda m: print(m, file=sys.stderr)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
