"""Train the headline ranker: which block above the body is the page's headline.

    python -m training.headline            # cross-validate by site, report, write the model
    python -m training.headline --cv-only

Uses the boilerplate model's out-of-fold probabilities saved by `python -m training.boilerplate`
(so the ranker sees the scores it will see on new pages). Gold titles: the hand labels of the
scrapes and seeds, line 1 of the clean corpora, and each html-train page's own <h1> (the one
closest to its og:title or <title>). Writes reader/core/data/headline.json.gz.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import sys
from collections import Counter

import numpy as np

from reader.core.ingest import bylines, metadata
from reader.core.ingest.headline import FEATURES, candidate_features, candidates, norm
from training import bag
from training.data import CACHE, EVAL, Doc, load_all

MODEL_PATH = "reader/core/data/headline.json.gz"
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "max_depth": 6,
          "min_data_in_leaf": 10, "feature_fraction": 0.8, "bagging_fraction": 0.8,
          "bagging_freq": 1, "verbose": -1, "num_threads": 2, "seed": 5}
ROUNDS = 200
# Below this score no candidate is taken. Held out by site, 0.05 beat 0.2 on every set (clean
# corpus titles +3 points, html-train +0.7, scrapes equal).
THRESHOLD = 0.05
# Each titled page is also shown as if it printed no headline (headless()): its other lines, all
# negatives, weighing this many pages. Without them the ranker never saw a page with no headline
# and named some other line the title of one (WIRED's "Save StorySave this story": 0.30; with
# them 0.15, still above THRESHOLD). Held out, main() prints how often that happens.
HEADLESS_WEIGHT = 3.0


def html_title(path_name: str) -> str | None:
    """The headline of an html-train page: its <h1> closest to og:title / <title>."""
    return saved_page_title(gzip.open(EVAL / "html-train" / path_name, "rt", encoding="utf-8",
                                errors="replace").read())


def saved_page_title(html: str) -> str | None:
    """The headline of a saved page: its <h1> closest to og:title / <title>."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - a page lxml cannot parse has no gold title
        return None
    metas = [m.get("content", "") for m in tree.xpath("//meta[@property='og:title' or "
                                                      "@name='twitter:title']")]
    page = " ".join((tree.findtext(".//title") or "").split())
    target = set(norm(metas[0] if metas else page).split())
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if h]
    if h1s and target:
        best = max(h1s, key=lambda h: len(set(norm(h).split()) & target) / (len(set(norm(h).split()) | target) or 1))
        if len(set(norm(best).split()) & target) >= 0.5 * len(target):
            return best
    if metas:
        return metadata.split_site(metas[0])[0]
    return None


def gold_title(doc: Doc) -> str | None:
    if doc.origin == "scrapes":
        return doc.extra.get("title")
    if doc.origin == "seeds":
        return doc.extra.get("title")
    if doc.origin == "corpus":
        return doc.text.split("\n", 1)[0].strip()
    if doc.origin.startswith("html-train"):
        if "gold_title" not in doc.extra:
            doc.extra["gold_title"] = html_title(doc.name)
        return doc.extra["gold_title"]
    return None


def page_title(doc: Doc) -> str | None:
    from reader.core.ingest.source import parse_source

    return parse_source(doc.text, "text").meta.get("title")


def rows(doc: Doc, p: np.ndarray):
    gold = gold_title(doc)
    if not gold or not doc.blocks:
        return None
    start = metadata.body_start(doc.blocks, [q >= 0.5 and bool(b.text) for q, b in zip(p, doc.blocks)])
    title = page_title(doc)
    found = candidates(doc.blocks, start, title, bylines.parse_byline, metadata.is_date_line)
    if not found:
        return None
    key = norm(gold)
    labels = np.array([float(norm(c.headline) == key or norm(c.text) == key) for c in found])
    x = candidate_features(doc.blocks, p, start, title, found, bylines.parse_byline,
                           metadata.is_date_line)
    return x, labels, found, gold


def headless(doc: Doc, p: np.ndarray, item):
    """The page as if it printed no headline: its candidates above the body without the gold
    headline (nor a page title naming it), all labelled 0; with the body's start. None when
    no other candidate is left."""
    _, labels, found, gold = item
    key = norm(gold)
    title = page_title(doc)
    if title and norm(metadata.split_site(title)[0]) == key:
        title = None
    rest = [c for c, label in zip(found, labels)
            if not label and c.index >= 0 and norm(c.headline) != key and norm(c.text) != key]
    if not rest:
        return None
    start = metadata.body_start(doc.blocks, [q >= 0.5 and bool(b.text) for q, b in zip(p, doc.blocks)])
    x = candidate_features(doc.blocks, p, start, title, rest, bylines.parse_byline,
                           metadata.is_date_line)
    return x, np.zeros(len(rest)), rest, start


def training_set(docs, items: dict, variants: dict, keys) -> tuple[list, list[float]]:
    """The titled pages among `keys` and their headless variants, with their weights."""
    keys = list(keys)
    titled = [k for k in keys if items[k][1].any()]
    data = [items[k] for k in titled]
    weights = [doc_weight(docs[k]) for k in titled]
    for k in titled:
        if variants.get(k) is not None:
            data.append(variants[k])
            weights.append(HEADLESS_WEIGHT * doc_weight(docs[k]))
    return data, weights


def examples(docs, oof: dict) -> tuple[dict, dict]:
    """Each document's candidate rows (rows()) and, for the titled ones, their headless variant,
    by document index; `oof`: the boilerplate model's out-of-fold probabilities."""
    items = {}
    for k, doc in enumerate(docs):
        if k in oof and (item := rows(doc, oof[k])) is not None:
            items[k] = item
    variants = {k: headless(docs[k], oof[k], item) for k, item in items.items() if item[1].any()}
    return items, variants


def fit(data, weights=None):
    """Each document weighs the same (a clean-corpus one a fifth), its headline ten times a line."""
    import lightgbm as lgb

    weights = weights or [1.0] * len(data)
    xs = np.vstack([d[0] for d in data])
    ys = np.concatenate([d[1] for d in data])
    ws = np.concatenate([np.full(len(d[1]), w / max(len(d[1]), 1)) * (1 + 9 * d[1])
                         for d, w in zip(data, weights)])
    return bag.train(PARAMS, lgb.Dataset(xs, ys, weight=ws), ROUNDS)


def doc_weight(doc: Doc) -> float:
    return 0.2 if doc.origin == "corpus" else 1.0


def invents(booster, variant, threshold: float) -> bool:
    """Whether the ranker takes a line above the body for the headline of a headless variant."""
    x, _, rest, start = variant
    scores = booster.predict(x)
    best = int(np.argmax(scores))
    return bool(scores[best] >= threshold and rest[best].index < start)


def choose(booster, item, threshold: float) -> str | None:
    """What reader would show: the best candidate, else the page title's headline."""
    x, _, found, _ = item
    scores = booster.predict(x)
    best = int(np.argmax(scores))
    if scores[best] >= threshold:
        return found[best].headline
    header = [c for c in found if c.index < 0]
    return header[0].headline if header else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    docs = load_all()
    oof = pickle.loads((CACHE / "cv.pickle").read_bytes())["probs"]
    items, variants = examples(docs, oof)
    print(f"{len(items)} documents with a gold title", file=sys.stderr)
    sites = sorted({docs[k].site for k in items})
    random.Random(3).shuffle(sites)
    folds = [set(sites[i::5]) for i in range(5)]
    boosters = []
    for held in folds:
        boosters.append((held, fit(*training_set(docs, items, variants,
                                                 [k for k in items if docs[k].site not in held]))))
    # Titles right on the held-out pages, and on those pages shown without their headline, how
    # often no line above the body is taken for one (the lead then titles the article).
    for threshold in (0.02, 0.05, 0.1, 0.2, 0.3):
        right = Counter()
        for held, booster in boosters:
            for k, item in items.items():
                if docs[k].site in held:
                    chosen = choose(booster, item, threshold)
                    origin = docs[k].origin.split(":")[0]
                    right[origin] += chosen is not None and norm(chosen) == norm(item[3])
                    right[origin + "_n"] += 1
                    if variants.get(k) is not None:
                        right["headless " + origin] += not invents(booster, variants[k], threshold)
                        right["headless " + origin + "_n"] += 1
        print(threshold, {o: round(right[o] / max(right[o + "_n"], 1), 3) for o in (
            "scrapes", "html-train", "corpus", "headless scrapes", "headless html-train",
            "headless corpus")}, file=sys.stderr)
    results: Counter = Counter()
    misses = []
    for held, booster in boosters:
        for k, item in items.items():
            if docs[k].site not in held:
                continue
            origin = docs[k].origin.split(":")[0]
            chosen = choose(booster, item, args.threshold)
            right = chosen is not None and norm(chosen) == norm(item[3])
            printed = bool(item[1].any())
            results[(origin, "all")] += 1
            results[(origin, "right")] += right
            results[(origin, "printed")] += printed
            results[(origin, "right_printed")] += right and printed
            if origin == "scrapes" and not right:
                misses.append(f"{docs[k].name}: {chosen!r} instead of {item[3]!r}")
            if variants.get(k) is not None:
                results[(origin, "headless")] += 1
                results[(origin, "headless_untitled")] += not invents(booster, variants[k], args.threshold)
    report = {}
    for origin in ("scrapes", "html-train", "corpus", "seeds"):
        if results[(origin, "all")]:
            report[origin] = {
                "right": round(results[(origin, "right")] / results[(origin, "all")], 3),
                "right_when_printed": round(results[(origin, "right_printed")]
                                            / max(results[(origin, "printed")], 1), 3),
                "documents": results[(origin, "all")], "printed": results[(origin, "printed")],
                # Shown without their headline: no line above the body taken for one.
                "headless_untitled": round(results[(origin, "headless_untitled")]
                                           / max(results[(origin, "headless")], 1), 3)}
    print(json.dumps(report, indent=1))
    print("\n".join(misses))
    if not args.cv_only:
        booster = fit(*training_set(docs, items, variants, items))
        payload = {"about": "Headline ranker of reader: gradient-boosted trees over candidate "
                            "lines, trained by training/headline.py.",
                   "features": FEATURES, "threshold": args.threshold,
                   "cross_validated": report, "trees": bag.trees(booster)}
        bag.save(payload, MODEL_PATH)
    return 0


if __name__ == "__main__":
    sys.exit(main())
