"""Entity quality: precision, recall and F1 of (name, kind) sets per article against hand labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reader.core.language.names import name_key
from reader.core.models import Mention

SCORED = ("person", "place", "org")


def entity_scores(predicted: Mapping[str, Iterable[Mention]],
                  gold: Mapping[str, Mapping[str, Sequence[str]]]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 over the articles of `gold`."""
    tp = fp = fn = 0
    for article_id, labels in gold.items():
        truth = {(name_key(n), kind) for kind in SCORED for n in labels.get(kind, [])}
        found = {(name_key(m.name), m.label) for m in predicted.get(article_id, []) if m.label in SCORED}
        tp += len(truth & found)
        fp += len(found - truth)
        fn += len(truth - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
