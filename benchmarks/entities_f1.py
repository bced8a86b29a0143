"""Entity F1 on the five seeds against tests/fixtures/seeds-entities.json (hand labels)."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.language import ner
from reader.core.language.entities import canonicalise
from reader.core.language.evaluate import entity_scores
from reader.core.language.votes import label_votes
from reader.core.library.sync import build_article
from reader.core.models import Mention

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "seeds-entities.json"


def model_only(body: str, raw: list[ner.RawMention]) -> list[Mention]:
    """spaCy's labels and surface text as the name: no tidying, no reference data, no linking."""
    out = []
    for m in raw:
        kind = ner.SPACY_TO_KIND.get(m.label)
        if kind:
            out.append(Mention(m.text, kind, m.text, m.start, m.end))
    return out


def measure() -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each pipeline against the hand labels."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    articles = {p.stem[:3]: build_article(p, p.stem[:3])[0] for p in sorted((ROOT / "seeds").glob("*.txt"))}
    keys = sorted(articles)
    bodies = [articles[k].body for k in keys]
    bare = ner.recognise(bodies, recase=False, places=False)
    raw = ner.recognise(bodies)
    votes, surnames = label_votes(raw)
    rows = {
        "spaCy model alone (surface names)": {k: model_only(articles[k].body, r) for k, r in zip(keys, bare)},
        "reader (canonical names, places, votes)": {k: canonicalise(articles[k].body, r, votes, surnames)
                                                    for k, r in zip(keys, raw)},
    }
    return {label: entity_scores(found, gold) for label, found in rows.items()}


def main() -> int:
    for label, s in measure().items():
        print(f"{label:<45} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
