"""The whole cleaner on scrapes from sites its models never saw: `python -m training.heldout`.

For each fold of scrape sites (the folds of training/boilerplate.py), the boilerplate model,
the headline ranker, the wording model and the outlet ranker are fitted without those sites,
put in place of the shipped ones, and reader's own clean() is scored on the held-out files
with the checks of benchmarks.cleaning: boilerplate examples removed, body passages kept,
title, outlet, date, authors, and each scrape's lines kept against its body_lines (precision,
recall and F1: scrapes_lines_prf); on the html-train renderings of held-out sites, the title and
outlet where the rendering prints them (html_title, html_outlet) and the body lines kept against
the gold labels (precision, recall, F1 by lines and by words, and the
median of each page's own F1 by lines, and that F1 for each rendering style); the same lines, titles
and outlets on the held-out sites' pages rendered by crawlers no model learns from
(render.other_styles(): pandoc, Resiliparse, html-text, html-to-markdown); and on the
held-out sites' html-train pages read as HTML, the token F1 of the body reader shows
(benchmarks.html_extraction: trafilatura's text, then the wording model's promos removed). Needs the out-of-fold scores `python
-m training.boilerplate` and the documents `python -m training.outlet` leave in the cache.
Writes the figures to benchmarks/cleaning-heldout.json, which `python -m benchmarks` reports as
the "held out" rows of the README table (rerun this after retraining any of them).
"""

from __future__ import annotations

import functools
import json
import pickle
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks import cleaning, html_extraction
from reader.core.ingest import boilerplate, clean, headline, outlet_ranker, wording
from reader.core.ingest.trees import Forest
from training import bag
from training import boilerplate as train_boilerplate
from training import headline as train_headline
from training import outlet as train_outlet
from training import wording as train_wording
from training.data import CACHE, html_train_docs, load_all


def runtime_boilerplate(model, threshold: float) -> boilerplate.Model:
    booster, (vocab, first_words, last_words) = model
    return boilerplate.Model(tuple(vocab), tuple(first_words), tuple(last_words), threshold,
                             Forest(bag.trees(booster)))


def fold_models(docs, items, variants, outlet_rows, held: set[str], threshold: float,
                title_threshold: float):
    """The boilerplate model, headline ranker, wording model and outlet ranker fitted without
    the sites in `held`."""
    train = [d for d in docs if d.site not in held]
    model = runtime_boilerplate(train_boilerplate.fit(train), threshold)
    keys = [k for k in items if docs[k].site not in held]
    ranker = headline.Ranker(title_threshold, Forest(bag.trees(train_headline.fit(
        *train_headline.training_set(docs, items, variants, keys)))))
    outlet_model, common = train_outlet.fit_counted([r for r in outlet_rows if r["site"] not in held])
    outlets = outlet_ranker.Ranker(train_outlet.THRESHOLD, Forest(bag.trees(outlet_model)), common)
    return model, ranker, train_wording.fit(train), outlets


def kept_lines(docs, counts: Counter | None = None) -> tuple[list, list]:
    """reader's clean() on labelled renderings: each document's blocks kept (True) or not. With
    `counts`, also counts the titles and outlets right where the rendering prints them, as
    benchmarks.cleaning.page_metadata does, under the keys html_title(_n) and html_outlet(_n)."""
    from reader.core.models import RawDocument
    from reader.core.text import normalise

    keeps = []
    for doc in docs:
        text = normalise(doc.text)
        result = clean.clean(RawDocument(path=doc.name, text=text, format="text", encoding="utf-8"))
        lines = set(result.lines)
        keeps.append([b.line in lines for b in doc.blocks])
        if counts is not None:
            cleaning.count_title_and_outlet(counts, text, result, _page_title(doc.name),
                                            _site_names().get(doc.name), prefix="html_")
    return list(docs), keeps


@functools.cache
def _page_title(name: str) -> str | None:
    return train_headline.html_title(name)


@functools.cache
def _site_names() -> dict[str, str]:
    return train_outlet.og_site_names()


def measure(folds: int = 5, threshold: float = 0.5,
            title_threshold: float = train_headline.THRESHOLD) -> dict:
    docs = load_all()
    oof = pickle.loads((CACHE / "cv.pickle").read_bytes())["probs"]
    items, variants = train_headline.examples(docs, oof)
    outlet_rows = train_outlet.featurise(pickle.loads(train_outlet.ROWS.read_bytes()))
    totals: Counter = Counter()
    misses: list[str] = []
    rendered, rendered_keeps = [], []
    scraped, scraped_keeps = [], []  # the scrapes' lines (body_lines of scrapes-gold.json: 1, else 0)
    extraction: list[float] = []
    # The same pages rendered by crawlers no model learns from, scored with the same fold's models.
    unseen = html_train_docs(unseen=True)
    unseen_counts: Counter = Counter()
    unseen_docs, unseen_keeps = [], []
    for origin in ("scrapes", "html-train"):
        for held in train_boilerplate.sites_folds(docs, origin, folds):
            model, ranker, words, outlets = fold_models(docs, items, variants, outlet_rows, held,
                                                        threshold, title_threshold)
            saved = clean.model, headline.ranker, wording.model, outlet_ranker.ranker
            clean.model, headline.ranker = (lambda: model), (lambda: ranker)
            wording.model, outlet_ranker.ranker = (lambda: words), (lambda: outlets)
            try:
                if origin == "scrapes":
                    names = {d.name for d in docs if d.site in held and d.origin == "scrapes"}
                    counts: dict[str, int] = {}
                    cleaning.scrapes(names, counts, misses)
                    totals.update(counts)
                    part, keeps = kept_lines([d for d in docs if d.name in names and d.origin == "scrapes"])
                    scraped += part
                    scraped_keeps += keeps
                    print(f"  fold {sorted(held)}: {counts}", file=sys.stderr)
                else:
                    part, keeps = kept_lines([d for d in docs if d.site in held
                                              and d.origin.startswith("html-train")], totals)
                    rendered += part
                    rendered_keeps += keeps
                    unseen_part, unseen_part_keeps = kept_lines([d for d in unseen if d.site in held],
                                                                unseen_counts)
                    unseen_docs += unseen_part
                    unseen_keeps += unseen_part_keeps
                    extraction += [f1 for _, _, _, f1 in html_pages(
                        {d.name for d in docs if d.site in held and d.origin.startswith("html-train")})]
                    print(f"  html-train fold of {len(held)} sites: {len(part)} renderings", file=sys.stderr)
            finally:
                clean.model, headline.ranker, wording.model, outlet_ranker.ranker = saved
    keys = ("bp", "body", "title", "outlet", "date", "authors", "html_title", "html_outlet")
    out = {key: round(totals[key] / max(totals[f"{key}_n"], 1), 4) for key in keys}
    train_boilerplate.BY_WORDS = False
    out["scrapes_lines_prf"] = [round(x, 4) for x in train_boilerplate.line_f1(scraped, scraped_keeps)]
    out["html_train_lines_prf"] = [round(x, 4) for x in train_boilerplate.line_f1(rendered, rendered_keeps)]
    # The pooled F1 weighs pages by their lines (a recipe or a product page of 400 lines outweighs
    # ten stories); each page's own F1, its renderings averaged, weighs them alike.
    pages: dict[str, list[float]] = {}
    for doc, keep in zip(rendered, rendered_keeps):
        pages.setdefault(doc.name, []).append(train_boilerplate.line_f1([doc], [keep])[2])
    by_page = [statistics.mean(f1s) for f1s in pages.values()]
    out["html_train_page_lines_f1"] = [round(statistics.median(by_page), 4),
                                       sum(f1 >= 0.93 for f1 in by_page), len(by_page)]
    out["html_train_styles_f1"] = _f1_by_style(rendered, rendered_keeps)
    out["unseen_crawlers_f1"] = _f1_by_style(unseen_docs, unseen_keeps)
    out["unseen_crawlers_lines_prf"] = [round(x, 4) for x in train_boilerplate.line_f1(unseen_docs, unseen_keeps)]
    for key in ("html_title", "html_outlet"):
        out[f"unseen_{key}"] = [unseen_counts[key], unseen_counts[f"{key}_n"]]
    train_boilerplate.BY_WORDS = True
    out["html_train_words_prf"] = [round(x, 4) for x in train_boilerplate.line_f1(rendered, rendered_keeps)]
    out["html_train_extraction_f1"] = [round(statistics.mean(extraction), 4),
                                       round(statistics.median(extraction), 4)]
    return out | {"counts": dict(totals), "misses": sorted(misses)}


def _f1_by_style(docs, keeps) -> dict[str, float]:
    """Line F1 of each rendering style ("html2text": 0.82, ...), pooled over its pages."""
    styles: dict[str, tuple[list, list]] = {}
    for doc, keep in zip(docs, keeps):
        pair = styles.setdefault(doc.origin.split(":", 1)[1], ([], []))
        pair[0].append(doc)
        pair[1].append(keep)
    return {style: round(train_boilerplate.line_f1(*pair)[2], 4) for style, pair in sorted(styles.items())}


def html_pages(names: set[str]) -> list[tuple[str, float, float, float]]:
    """benchmarks.html_extraction's figures for the html-train pages of these file names."""
    return html_extraction.measure(html_extraction.DEFAULT.parent / "html-train", only=names)


OUT = Path(__file__).resolve().parent.parent / "benchmarks" / "cleaning-heldout.json"


def main() -> int:
    started = time.time()
    figures = measure()
    figures["about"] = ("reader's clean() on each scrape and html-train rendering with its four models "
                        "fitted without its site (5 folds of sites each); written by training/heldout.py")
    figures["minutes"] = round((time.time() - started) / 60, 1)
    OUT.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
