"""Train the kinds model: which kind of name each mention is, from what the rules said and the
words around it.

    python -m training.kinds            # cross-validate, report, write the model
    python -m training.kinds --cv-only

Reads ../shared/eval/ner/conll2003-valid.txt (CoNLL-2003's development split: Reuters news of
1996 with hand labels PER, ORG, LOC, MISC). Each document goes through spaCy and reader's rules
(entities.stage) as a library of its own, so the library's vote counts as it does for a user;
every name the rules keep is one row, labelled with the kind of the hand-labelled name at its
span (or overlapping it), or `none` where no name is; so is every run of capitalised words the
model left untagged (entities.candidates), labelled only by a name at exactly its span.
Cross-validated over five runs of consecutive documents (one news day's stories stay together).
Writes reader/core/data/kinds.json.gz.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter

import numpy as np

from benchmarks.entities_conll import CONLL, KIND_TO_CONLL, documents, score
from reader.core.language import entities, kinds, ner
from reader.core.language.votes import label_votes
from training import bag
from training.data import CACHE

MODEL_PATH = "reader/core/data/kinds.json.gz"
PARAMS = {"objective": "multiclass", "num_class": len(kinds.CLASSES), "learning_rate": 0.15,
          "num_leaves": 15, "min_data_in_leaf": 20, "feature_fraction": 0.8,
          "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
          "num_threads": 2, "seed": 1}
ROUNDS = 50
NEIGHBOURS = 80  # the commonest words right before and right after a name
FOLDS = 5
CONLL_CLASS = {"PER": "person", "ORG": "org", "LOC": "place", "MISC": "misc"}


def load() -> list[dict]:
    """Each CoNLL document with its gold spans, spaCy's mentions and the rules' staged names."""
    cache = CACHE / f"conll-raw-{ner.model_name()}.pickle"
    docs = documents(CONLL)
    texts = [text for text, _ in docs]
    if cache.exists():
        raw = pickle.loads(cache.read_bytes())
    else:
        CACHE.mkdir(parents=True, exist_ok=True)
        raw = ner.recognise(texts)
        cache.write_bytes(pickle.dumps(raw))
    votes, surnames = label_votes(raw)
    out = []
    for (text, gold), mentions in zip(docs, raw):
        staged = entities.stage(text, mentions, votes, surnames)
        names = [s for s in staged if s.kind in entities.NAME_KINDS]
        names += entities.candidates(text, staged)
        out.append({"text": text, "gold": gold, "staged": staged, "names": names,
                    "facts": entities.facts(names, text, votes, surnames),
                    "labels": [label_of(s, gold) for s in names]})
    return out


def label_of(s: kinds.Staged, gold: set) -> int:
    """The class of the hand-labelled name at the span, else (a name the rules kept, whose kind
    is what matters) of one overlapping it, else none."""
    exact = {(a, b): k for a, b, k in gold}
    kind = exact.get((s.start, s.end))
    if kind is None and s.kind:
        kind = next((k for a, b, k in sorted(gold) if a < s.end and s.start < b), None)
    return kinds.CLASSES.index(CONLL_CLASS[kind] if kind else "none")


def vocabulary(docs: list[dict]) -> tuple[list[str], list[str]]:
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for d in docs:
        lines = kinds.Lines(d["text"])  # the words around a name as features() reads them
        for s in d["names"]:
            b, a = lines.around(s.start, s.end)[:2]
            before[b] += 1
            after[a] += 1
    return [w for w, _ in before.most_common(NEIGHBOURS)], [w for w, _ in after.most_common(NEIGHBOURS)]


def design(docs: list[dict], before: list[str], after: list[str]):
    xs = [kinds.features(d["text"], d["names"], d["facts"], before, after) for d in docs if d["names"]]
    ys = [np.array(d["labels"]) for d in docs if d["names"]]
    return np.vstack(xs), np.concatenate(ys)


def fit(docs: list[dict]):
    import lightgbm as lgb

    before, after = vocabulary(docs)
    x, y = design(docs, before, after)
    return lgb.train(PARAMS, lgb.Dataset(x, y), ROUNDS), before, after


def spans(d: dict, verdicts: list[str | None] | None) -> set:
    """The document's names as CoNLL spans: the rules' kinds, or the verdicts on the names and
    candidates where given."""
    if verdicts is None:
        return {(s.start, s.end, KIND_TO_CONLL[s.kind]) for s in d["staged"] if s.kind in KIND_TO_CONLL}
    return {(s.start, s.end, KIND_TO_CONLL[kind]) for s, kind in zip(d["names"], verdicts)
            if kind in KIND_TO_CONLL}


def cross_validate(docs: list[dict]) -> dict:
    gold = [d["gold"] for d in docs]
    rules = [spans(d, None) for d in docs]
    judged: list[set] = [set() for _ in docs]
    for fold in range(FOLDS):
        held = [i for i in range(len(docs)) if i * FOLDS // len(docs) == fold]
        booster, before, after = fit([d for i, d in enumerate(docs) if i * FOLDS // len(docs) != fold])
        for i in held:
            d = docs[i]
            if not d["names"]:
                judged[i] = spans(d, [])
                continue
            p = booster.predict(kinds.features(d["text"], d["names"], d["facts"], before, after))
            judged[i] = spans(d, kinds.verdicts(d["names"], p))
        print(f"  fold {fold}: {len(held)} documents", file=sys.stderr)
    return {"rules": score(gold, rules), "held out": score(gold, judged)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args(argv)
    docs = load()
    print(f"{len(docs)} documents, {sum(len(d['names']) for d in docs)} names", file=sys.stderr)
    report = cross_validate(docs)
    print(json.dumps(report, indent=1))
    if not args.cv_only:
        booster, before, after = fit(docs)
        payload = {"about": "Kinds model of reader: gradient-boosted trees (LightGBM, one tree per "
                            "class each round) over each name's features, trained by "
                            "training/kinds.py on CoNLL-2003's development split.",
                   "classes": list(kinds.CLASSES), "before": before, "after": after,
                   "features": kinds.feature_names(before, after),
                   "cross_validated": report, "threshold": kinds.SURE,
                   "trees": bag.trees(booster)}
        bag.save(payload, MODEL_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
