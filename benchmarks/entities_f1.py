"""Entity F1 on the seeds against tests/fixtures/seeds-entities.json: the model alone, and reader's pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core import ner
from reader.core.entities import canonicalise, label_votes
from reader.core.evaluate import entity_scores
from reader.core.sync import build_article
from reader.core.models import Mention

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "seeds-entities.json"


def model_only(body: str, raw: list[ner.RawMention]) -> list[Mention]:
    """spaCy's labels and surface text as the name: no gazetteer, no linking."""
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
    bare = ner.recognise(bodies, with_ruler=False)
    ruled = ner.recognise(bodies, with_ruler=True)
    votes = label_votes(ruled)
    rows = {
        "spaCy model alone (surface names)": {k: model_only(articles[k].body, r) for k, r in zip(keys, bare)},
        "model + canonical names (no ruler)": {k: canonicalise(articles[k].body, r, votes) for k, r in zip(keys, bare)},
        "reader (gazetteer ruler + canonical names)": {k: canonicalise(articles[k].body, r, votes)
                                                       for k, r in zip(keys, ruled)},
    }
    return {name: entity_scores(predicted, gold) for name, predicted in rows.items()}


def main() -> int:
    print(f"model: {ner.model_name()}; scored kinds: person, place, org")
    print(f"{'pipeline':<44} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in measure().items():
        print(f"{name:<44} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
