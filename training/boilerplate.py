"""Train the boilerplate model: gradient-boosted trees over block features, cross-validated by site.

    python -m training.boilerplate            # cross-validate, report, write the model file
    python -m training.boilerplate --cv-only  # cross-validate and report only
    python -m training.boilerplate --refresh  # after any change to how reader splits blocks

The labelled documents, their blocks included, are cached in /tmp/reader-training-cache
(training/data.py): without --refresh a retrain fits the blocks of the code that cached them.

Needs `pip install '.[train]'` (lightgbm) and, for the terminal-browser styles, Debian's lynx
and w3m. Reads ../shared/eval; writes reader/core/data/boilerplate.json.gz (trees as plain
numbers, evaluated by reader without lightgbm).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from reader.core.ingest.block_features import (
    feature_names,
    lexical_features,
    shape_features,
    tokens,
)
from training import bag
from training.data import Doc, load_all

MODEL_PATH = "reader/core/data/boilerplate.json.gz"
PARAMS = {
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 31, "min_data_in_leaf": 40,
    "feature_fraction": 0.7, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "verbose": -1, "num_threads": 2, "seed": 7,
}
ROUNDS = 300
VOCABULARY = 300
FIRST_WORDS = 60
MIN_SITES = 8
SCRAPE_WEIGHT = 2.0  # real scrapes count twice
AUGMENT = 400  # documents made by augmented()


def choose_vocabulary(docs: Sequence[Doc], size: int, where: str) -> list[str]:
    """Words that tell body from boilerplate on many sites: smoothed log-odds, site-balanced.

    `where` is "any" (anywhere in the block), "first" or "last" (its first or last word).
    """
    sites_with: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()  # (word, label) -> site-weighted count of blocks
    totals: Counter = Counter()
    per_site = Counter(d.site for d in docs)
    for doc in docs:
        weight = 1.0 / per_site[doc.site]
        for block, label in zip(doc.blocks, doc.labels):
            if label is None:
                continue
            ws = tokens(block.text)
            chosen = set(ws) if where == "any" else ws[:1] if where == "first" else ws[-1:]
            totals[label] += weight
            for w in chosen:
                if len(w) < 2 or w.isdigit():
                    continue
                counts[(w, label)] += weight
                sites_with[w].add(doc.site)
    alpha = 0.5
    scored = []
    for w, sites in sites_with.items():
        if len(sites) < MIN_SITES:
            continue
        a, b = counts[(w, 1)], counts[(w, 0)]
        odds = math.log((a + alpha) / (totals[1] + alpha)) - math.log((b + alpha) / (totals[0] + alpha))
        scored.append((odds * math.log1p(len(sites)), w))
    scored.sort()
    # Two in three of the words mark boilerplate, the rest article prose.
    leaning_off = [w for score, w in scored if score < 0][: size * 2 // 3]
    leaning_on = [w for score, w in reversed(scored) if score > 0][: size - len(leaning_off)]
    return leaning_off + leaning_on


_SHAPES: dict[tuple[str, str], np.ndarray] = {}


def doc_features(doc: Doc, lexicon: tuple) -> np.ndarray:
    """The document's feature matrix; the shape part is computed once per document and kept."""
    if doc.origin == "augmented":
        return np.hstack([shape_features(doc.blocks), lexical_features(doc.blocks, *lexicon)])
    key = (doc.name, doc.origin)
    if key not in _SHAPES:
        _SHAPES[key] = shape_features(doc.blocks)
    return np.hstack([_SHAPES[key], lexical_features(doc.blocks, *lexicon)])


def design(docs: Sequence[Doc], lexicon: tuple):
    """Feature rows, labels and weights of the labelled blocks; each document weighs the same."""
    xs, ys, ws, owners = [], [], [], []
    for k, doc in enumerate(docs):
        matrix = doc_features(doc, lexicon)
        keep = [i for i, label in enumerate(doc.labels) if label is not None]
        if not keep:
            continue
        labels = np.array([doc.labels[i] for i in keep], dtype=float)
        n1 = labels.sum()
        n0 = len(labels) - n1
        # Each document weighs the same, split evenly between its body and its boilerplate.
        weight = np.where(labels > 0, 0.5 / max(n1, 1), 0.5 / max(n0, 1)) * 100
        if doc.origin.startswith("html-train"):
            weight = weight / 3  # nine renderings of one page count as three pages
        elif doc.origin in ("scrapes", "seeds"):
            weight = weight * SCRAPE_WEIGHT  # real scrapes are what reader is given
        elif doc.origin in ("corpus", "augmented"):
            weight = weight * 0.3  # clean articles: many, and easy
        xs.append(matrix[keep])
        ys.append(labels)
        ws.append(weight)
        owners.extend([k] * len(keep))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws), np.array(owners)


def augmented(docs: Sequence[Doc], count: int, seed: int = 17) -> list[Doc]:
    """Clean articles with other sites' chrome lines dropped between their paragraphs.

    Real pages put promos, captions and related links inside the story; the renderings alone
    have too few of them for the model to learn that a line inside the body can still be chrome.
    """
    from dataclasses import replace as copy

    rng = random.Random(seed)
    pool = [(b, d.site) for d in docs if d.origin.startswith("html-train") or d.origin == "scrapes"
            for b, label in zip(d.blocks, d.labels)
            if label == 0 and b.text and len(b.text.split()) >= 3 and not b.depth]
    hosts = [d for d in docs if d.origin in ("corpus", "scrapes") or d.origin == "html-train:lines"]
    out = []
    for n in range(min(count, len(hosts) * 3)):
        host = hosts[rng.randrange(len(hosts))]
        body_at = [i for i, label in enumerate(host.labels) if label == 1]
        if len(body_at) < 4 or not pool:
            continue
        blocks, labels = list(host.blocks), list(host.labels)
        for _ in range(rng.randint(1, 3)):
            at = rng.choice(body_at[1:-1])
            chrome, site = pool[rng.randrange(len(pool))]
            if site == host.site:
                continue
            blocks.insert(at, copy(chrome, markdown=host.blocks[0].markdown))
            labels.insert(at, 0)
            body_at = [i for i, label in enumerate(labels) if label == 1]
        out.append(Doc(f"{host.name}+{n}", host.site, "augmented", blocks, labels))
    return out


def fit(docs: Sequence[Doc], rounds: int = ROUNDS):
    """Choose the vocabulary on these documents, then fit the trees; returns (booster, lexicon)."""
    import lightgbm as lgb

    if AUGMENT:
        docs = [*docs, *augmented(docs, AUGMENT)]
    lexicon = (choose_vocabulary(docs, VOCABULARY, "any"),
               choose_vocabulary(docs, FIRST_WORDS, "first"),
               choose_vocabulary(docs, FIRST_WORDS, "last"))
    x, y, w, _ = design(docs, lexicon)
    # One booster: a bag of four moved no held-out figure by more than 0.002 and costs four times
    # the trees at every clean().
    return bag.train(PARAMS, lgb.Dataset(x, y, weight=w, free_raw_data=True), rounds, seeds=1), lexicon


def predict(model, doc: Doc) -> np.ndarray:
    booster, lexicon = model
    if not doc.blocks:
        return np.zeros(0)
    return booster.predict(doc_features(doc, lexicon))


# scores ------------------------------------------------------------------------------------------


def scrape_scores(doc: Doc, keep: np.ndarray) -> dict[str, int]:
    """Substring checks of the labelled scrapes: boilerplate examples gone, body passages kept."""
    kept = [b for b, k in zip(doc.blocks, keep) if k]
    body = "\n\n".join(b.text for b in kept)
    raw = "\n".join(b.raw for b in kept)
    meta = doc.extra
    removed = sum(1 for s in meta["boilerplate_examples"] if s not in body and s not in raw)
    held = sum(1 for s in meta["body_must_contain"] if s in body)
    return {"bp": removed, "bp_n": len(meta["boilerplate_examples"]),
            "body": held, "body_n": len(meta["body_must_contain"])}


BY_WORDS = True


def line_f1(docs: Sequence[Doc], keeps: Sequence[np.ndarray]) -> tuple[float, float, float]:
    """Precision, recall and F1 of body blocks (weighted by words) against the labels."""
    tp = fp = fn = 0.0
    for doc, keep in zip(docs, keeps):
        for block, label, k in zip(doc.blocks, doc.labels, keep):
            if label is None:
                continue
            n = max(1, len(block.text.split())) if BY_WORDS else 1
            if k and label:
                tp += n
            elif k:
                fp += n
            elif label:
                fn += n
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sites_folds(docs: Sequence[Doc], origin: str, k: int, seed: int = 3) -> list[set[str]]:
    sites = sorted({d.site for d in docs if d.origin.startswith(origin)})
    random.Random(seed).shuffle(sites)
    return [set(sites[i::k]) for i in range(k)]


def cross_validate(docs: list[Doc], threshold: float, folds_scrapes: int, folds_html: int) -> dict:
    """Held-out figures: scrapes by site (leave sites out), html-train renderings by site."""
    report: dict = {}
    probs: dict[int, np.ndarray] = {}
    for origin, k in (("scrapes", folds_scrapes), ("html-train", folds_html), ("corpus", 2),
                      ("seeds", 2)):
        for held in sites_folds(docs, origin, k):
            train = [d for d in docs if d.site not in held]
            test = [i for i, d in enumerate(docs) if d.site in held and d.origin.startswith(origin)]
            started = time.time()
            model = fit(train)
            for i in test:
                probs[i] = predict(model, docs[i])
            print(f"  {origin}: fold of {len(held)} sites, {len(test)} docs, "
                  f"{time.time() - started:.0f} s", file=sys.stderr)
    report["probs"] = probs
    return report


def summarise(docs: list[Doc], probs: dict[int, np.ndarray], threshold: float) -> dict:
    out: dict = {}
    scr = Counter()
    misses: list[str] = []
    for i, p in probs.items():
        doc = docs[i]
        if doc.origin != "scrapes":
            continue
        keep = p >= threshold
        s = scrape_scores(doc, keep)
        scr.update(s)
        kept_body = "\n\n".join(b.text for b, k in zip(doc.blocks, keep) if k)
        for example in doc.extra["boilerplate_examples"]:
            if example in kept_body or example in "\n".join(b.raw for b, k in zip(doc.blocks, keep) if k):
                misses.append(f"{doc.name}: kept boilerplate {example!r}")
        for example in doc.extra["body_must_contain"]:
            if example not in kept_body:
                misses.append(f"{doc.name}: lost body {example!r}")
    if scr["bp_n"]:
        out["scrapes_boilerplate_removed"] = scr["bp"] / scr["bp_n"]
        out["scrapes_body_kept"] = scr["body"] / scr["body_n"]
        out["scrapes_counts"] = dict(scr)
    html = [(docs[i], p >= threshold) for i, p in probs.items() if docs[i].origin.startswith("html-train")]
    if html:
        global BY_WORDS
        BY_WORDS = False
        out["html_train_lines_prf"] = line_f1([d for d, _ in html], [k for _, k in html])
        BY_WORDS = True
        out["html_train_words_prf"] = line_f1([d for d, _ in html], [k for _, k in html])
        by_style = defaultdict(list)
        for d, k in html:
            by_style[d.origin].append((d, k))
        out["html_train_f1_by_style"] = {
            s: round(line_f1([d for d, _ in v], [k for _, k in v])[2], 3) for s, v in sorted(by_style.items())}
    out["misses"] = misses
    return out


# export ------------------------------------------------------------------------------------------


def export(model, threshold: float, figures: dict, path: str) -> None:
    """Write the trees as plain numbers (reader evaluates them with numpy) and the CV figures."""
    booster, (vocab, first, last) = model
    payload = {
        "about": "Boilerplate model of reader: gradient-boosted trees (LightGBM) over block "
                 "features, trained by training/boilerplate.py on ../shared/eval.",
        "features": feature_names(vocab, first, last), "vocabulary": vocab, "first_words": first,
        "last_words": last, "threshold": threshold, "cross_validated": figures,
        "trees": bag.trees(booster),
    }
    bag.save(payload, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--refresh", action="store_true", help="re-render and re-label the pages")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--scrape-weight", type=float, default=2.0, help="weight of a real scrape")
    parser.add_argument("--augment", type=int, default=400, help="documents with chrome dropped in")
    args = parser.parse_args(argv)
    global SCRAPE_WEIGHT, AUGMENT
    SCRAPE_WEIGHT = args.scrape_weight
    AUGMENT = args.augment
    docs = load_all(args.refresh)
    print(f"{len(docs)} documents, {sum(len(d.blocks) for d in docs)} blocks, "
          f"{len({d.site for d in docs})} sites", file=sys.stderr)
    report = cross_validate(docs, args.threshold, args.folds, args.folds)
    import pickle
    with open("/tmp/reader-training-cache/cv.pickle", "wb") as handle:
        pickle.dump(report, handle)
    for threshold in (0.3, 0.4, 0.5, 0.6):
        summary = summarise(docs, report["probs"], threshold)
        summary.pop("misses")
        summary.pop("scrapes_counts", None)
        print(threshold, json.dumps(summary))
    chosen = summarise(docs, report["probs"], args.threshold)
    print("\n".join(chosen.pop("misses")))
    if not args.cv_only:
        figures = {k: v for k, v in chosen.items() if k != "html_train_f1_by_style"}
        figures["folds"] = args.folds
        figures["threshold"] = args.threshold
        export(fit(docs), args.threshold, figures, MODEL_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
