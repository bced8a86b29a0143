"""`python -m benchmarks`: speed and quality of reader on BBC and Reuters, printed as one table.

Everything runs in a temporary folder with temporary READER_HOMEs; the corpora are read from
../shared/corpus and never copied into the project. `--quick` uses small samples (a smoke run);
`--readme` also writes the table into README.md between its benchmark markers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import (
    cleaning,
    compare,
    entities_conll,
    entities_f1,
    html_extraction,
    ingest,
    search_speed,
    stories,
)
from benchmarks.common import (
    BBC,
    REUTERS_TAR,
    ROOT,
    bbc_files,
    extract_reuters,
    machine,
    median,
    p95,
    run,
)

README = ROOT / "README.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"


@dataclass
class Row:
    area: str
    measure: str
    result: str
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("met" if self.met else "**not met**")
        return [self.area, self.measure, self.result, self.target, verdict]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def interface(home: Path, interactions: bool) -> dict[str, object]:
    args = [sys.executable, "-m", "benchmarks.interface", str(home)]
    result = run(args + (["--interactions"] if interactions else []))
    if result.returncode != 0:
        raise RuntimeError(f"interface benchmark failed: {result.stderr.strip()[-800:]}")
    return json.loads(result.stdout)


def pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def page_f1(held: dict) -> str:  # type: ignore[type-arg]
    """Each html-train page's own line F1 held out: "median 0.91, 57/131 at 0.93 or more"."""
    if "html_train_page_lines_f1" not in held:
        return "not measured"
    median, met, pages = held["html_train_page_lines_f1"]
    return f"median {median:.3f}, {met}/{pages} at 0.93 or more"


def _share(pair: list[int]) -> str:
    return f"{pct(pair[0] / max(pair[1], 1))} of {pair[1]}"


def held_pct(held: dict, key: str) -> str:  # type: ignore[type-arg]
    """A held-out share from training/heldout.py over the renderings it counted ("79.7% of 1110":
    every rendering style, where the in-sample figures count three), or "not measured" in a file
    written before it."""
    return f"{pct(held[key])} of {held['counts'][key + '_n']}" if key in held else "not measured"


def cleaning_rows(c: dict) -> list[Row]:  # type: ignore[type-arg]
    """The cleaning figures of benchmarks.cleaning as table rows (held-out first, in-sample after)."""
    cv = c["cross_validated"]["boilerplate"]
    head = c["cross_validated"]["headline"]
    site = c["cross_validated"]["outlet"]["html-train"]
    sc = c["scrapes"]
    ht = c["html_train"]
    held = c["held_out"]
    rows = [
        Row("cleaning", "scrapes/: boilerplate examples removed: whole cleaner held out (its three models "
            "fitted without the file's site) / model alone held out → shipped",
            f"{pct(held['bp'])} / {pct(cv['scrapes_boilerplate_removed'])} → {pct(sc['bp'])}",
            ">= 95%", held["bp"] >= 0.95),
        Row("cleaning", "scrapes/: body passages kept: whole cleaner held out / model alone held out → shipped",
            f"{pct(held['body'])} / {pct(cv['scrapes_body_kept'])} → {pct(sc['body'])}", ">= 99%",
            held["body"] >= 0.99),
        Row("cleaning", "scrapes/: body lines kept, P / R / F1 against the gold body_lines (metadata lines "
            "count as not body), whole cleaner held out",
            " / ".join(f"{x:.3f}" for x in held["scrapes_lines_prf"]) if "scrapes_lines_prf" in held
            else "not measured", "", None),
        Row("cleaning", "scrapes/: title right: whole cleaner held out / ranker alone held out → shipped",
            f"{pct(held['title'])} / {pct(head['scrapes']['right'])} → {pct(sc['title'])}", ">= 90%",
            held["title"] >= 0.9),
        Row("cleaning", "titled pages shown without their headline: no other line taken for it, "
            "ranker alone held out (scrapes / html-train / corpus)",
            " / ".join(pct(head[o]["headless_untitled"]) for o in ("scrapes", "html-train", "corpus")),
            "", None),
        Row("cleaning", "scrapes/: outlet / date / authors right, whole cleaner held out → shipped "
            "(outlet and date rules written with these files in view)",
            f"{pct(held['outlet'])} / {pct(held['date'])} / {pct(held['authors'])} → "
            f"{pct(sc['outlet'])} / {pct(sc['date'])} / {pct(sc['authors'])}", ">= 90% / 90% / –",
            held["outlet"] >= 0.9 and held["date"] >= 0.9),
        Row("cleaning", f"html-train renderings: title (the headline ranker learns from these pages: "
            f"in brackets, held out by site over all renderings, the ranker alone; the whole cleaner) / "
            f"outlet (og:site_name, spelling aside: Space = Space.com; the outlet ranker learns from these "
            f"pages: in brackets, held out by site over all renderings, the vote alone → with the ranker; "
            f"the whole cleaner) / date right (rules "
            f"never tuned on them, but dates in numbers alone, '11/19/2019', read after 13 of them, and "
            f"other languages' month names after their 16 pages in other languages) / authors right "
            f"(byline rules written with these pages in view) "
            f"({ht['title_n']} / {ht['outlet_n']} / {ht['date_n']} / {ht['authors_n']} printed)",
            f"{pct(ht['title'])} ({pct(head['html-train']['right'])}; {held_pct(held, 'html_title')}) / "
            f"{pct(ht['outlet'])} ({pct(site['vote alone'])} → {pct(site['shipped'])}; "
            f"{held_pct(held, 'html_outlet')}) / "
            f"{pct(ht['date'])} / {pct(ht['authors'])}"),
        Row("cleaning", "html-train renderings: body line P / R / F1, whole cleaner held out (by lines; "
            "by words; each page's own F1 by lines: median, pages at 0.93 or more) / F1 of the model alone held out",
            "{:.3f} / {:.3f} / {:.3f} (words: F1 {:.3f}; pages: {}) / {:.3f}".format(
                *held["html_train_lines_prf"], held["html_train_words_prf"][2], page_f1(held),
                cv["html_train_lines_prf"][2]),
            "F1 >= 0.93", held["html_train_lines_prf"][2] >= 0.93),
    ]
    if held.get("unseen_crawlers_f1"):  # (none when no crawler of render.other_styles() was installed)
        trained, unseen = held["html_train_styles_f1"], held["unseen_crawlers_f1"]
        rows.append(Row("cleaning", "html-train pages rendered by crawlers no model learns from ("
                        + ", ".join(unseen) + "), whole cleaner held out by site: body line F1, all / "
                        "lowest-highest crawler; titles / outlets right where printed (in brackets, the "
                        "same on the nine styles it learns from)",
                        "{:.3f} / {:.3f}-{:.3f}; {} / {} ({:.3f} / {:.3f}-{:.3f}; {} / {})".format(
                            held["unseen_crawlers_lines_prf"][2], min(unseen.values()), max(unseen.values()),
                            _share(held["unseen_html_title"]), _share(held["unseen_html_outlet"]),
                            held["html_train_lines_prf"][2], min(trained.values()), max(trained.values()),
                            pct(held["html_title"]), pct(held["html_outlet"]))))
    ev = c["eval_html"]
    rows.append(Row("cleaning", f"eval/html pages rendered as scrapes ({ev['pages']} pages x {len(ev['styles'])} "
                    "styles, never trained or tuned on): body line P / R / F1 (by words: F1)",
                    "{:.3f} / {:.3f} / {:.3f} ({:.3f})".format(*ev["lines"], ev["words"][2])))
    em = c["eval_html_metadata"]
    rows.append(Row("cleaning", "eval/html pages rendered as scrapes: title / outlet / date / authors right "
                    "(gold from each page's markup, as for html-train; four date rules, three title rules "
                    "and the rule on a copyright owner's name were written after four of these pages, "
                    "and four byline rules after reading two pages' author misses) "
                    f"({em['title_n']} / {em['outlet_n']} / "
                    f"{em['date_n']} / {em['authors_n']} printed)",
                    " / ".join(pct(em[key]) for key in ("title", "outlet", "date", "authors"))))
    for name, label in (("bbc", "BBC"), ("basil", "BASIL"), ("reuters", "Reuters (1,000)")):
        share, count, _ = c[name]
        rows.append(Row("cleaning", f"{label}: body lines kept ({count} articles the model never saw)",
                        pct(share), ">= 99.5%", share >= 0.995))
    rows.append(Row("cleaning", "median time of clean() per article: BBC; scrapes/ (pages of 13–280 blocks)",
                    f"{c['bbc'][2]:.1f} ms; {sc['median_ms']:.1f} ms", "<= 5 ms", c["bbc"][2] <= 5))
    return rows


def measure(work: Path, quick: bool, log) -> tuple[list[Row], str]:  # type: ignore[no-untyped-def]
    rows: list[Row] = []

    log("quality: HTML extraction and entities")
    pages = html_extraction.measure()
    f1 = statistics.mean(r[3] for r in pages)
    rows.append(Row("quality", f"HTML extraction, token F1 ({len(pages)} saved pages)", f"{f1:.3f}",
                    ">= 0.95", f1 >= 0.95))
    more = html_extraction.measure(html_extraction.DEFAULT.parent / "html-train")
    measured = cleaning.measure(log)
    held = measured["held_out"].get("html_train_extraction_f1", [float("nan")] * 2)
    rows.append(Row("quality", f"HTML extraction, token F1 on html-train ({len(more)} more pages; the "
                    "wording model that drops promos from trafilatura's text learns from their "
                    "renderings): mean / median, held out by site → shipped",
                    f"{held[0]:.3f} / {held[1]:.3f} → {statistics.mean(r[3] for r in more):.3f} / "
                    f"{statistics.median(r[3] for r in more):.3f}"))
    rows.extend(cleaning_rows(measured))
    log("entities: CoNLL-2003 development split")
    conll = entities_conll.measure()
    alone, rules = conll["spaCy model alone"], conll["reader rules"]
    ours, fitted = conll["reader, kinds model held out"], conll["reader, in-sample"]
    rows.append(Row("entities", "CoNLL-2003 dev, exact-span micro F1: model alone → reader's rules → "
                    "with the kinds model (held out by runs of documents; in-sample in brackets)",
                    f"{alone['all']['f1']:.3f} → {rules['all']['f1']:.3f} → {ours['all']['f1']:.3f} "
                    f"({fitted['all']['f1']:.3f})", "+0.05",
                    ours["all"]["f1"] - alone["all"]["f1"] >= 0.05))
    rows.append(Row("entities", "CoNLL-2003 dev, F1 by kind (PER / ORG / LOC / MISC): model alone → "
                    "reader's rules → with the kinds model held out",
                    " / ".join(f"{alone[k]['f1']:.3f} → {rules[k]['f1']:.3f} → {ours[k]['f1']:.3f}"
                               for k in ("PER", "ORG", "LOC", "MISC")),
                    "never below", all(ours[k]["f1"] >= alone[k]["f1"] for k in ("PER", "ORG", "LOC", "MISC"))))
    log("stories and comparison")
    grouped = stories.measure(log)
    b, sc = grouped["basil"], grouped["scrapes"]
    rows.append(Row("stories", f"BASIL 2010-2014 ({b['events']} events × 3 outlets): pairwise P / R / F1",
                    f"{b['precision']:.3f} / {b['recall']:.3f} / {b['f1']:.3f} ({b['events_exact']} events exact)",
                    ">= 0.95", b["f1"] >= 0.95))
    rows.append(Row("stories", "scrapes/ stories: pairwise F1; 60 identical copies of a page",
                    f"{sc['f1']:.3f}; {grouped['copies_60']} story", ">= 0.9; 1",
                    sc["f1"] >= 0.9 and grouped["copies_60"] == 1))
    cmp = compare.measure(log)
    rows.append(Row("compare", "scrapes/: 'same wording' of wire copies (lowest) vs different stories (highest)",
                    f"{cmp['lowest_wire_copy']:.3f} vs {cmp['highest_different_stories']:.3f}",
                    "wire copies above", cmp["wire_copies_above_all_other_stories"]))
    rows.append(Row("compare", f"sentences matched at the passage threshold {cmp['threshold']}: wire copies "
                    "(shorter side) / own reporting on one event",
                    f"{cmp['wire_sentences_matched']:.0%} / {cmp['own_reporting_sentences_matched']:.0%}"))
    scores = entities_f1.measure()
    reader_f1 = scores["reader (canonical names, places, votes)"]["f1"]
    alone_f1 = scores["spaCy model alone (surface names)"]["f1"]
    rows.append(Row("entities", "entity F1 on the seeds' hand labels (model alone → reader)",
                    f"{alone_f1:.3f} → {reader_f1:.3f}"))

    log("ingestion: BBC with NER")
    bbc_folder = ingest.sample(bbc_files(), work / "bbc", 300) if quick else BBC
    bbc_home = work / "home-bbc"
    bbc = ingest.add(bbc_home, bbc_folder)
    rows.append(Row("ingestion", f"BBC, clean + NER + index ({bbc.articles} articles)",
                    f"{bbc.rate:.1f} articles/s ({bbc.seconds:.0f} s)"))
    log("ingestion: bare spaCy NER on the same BBC texts")
    bare = ingest.bare_ner_seconds(bbc_home)
    ratio = bbc.seconds / bare
    rows.append(Row("ingestion", "pipeline time / bare spaCy NER time (BBC, same texts, same processes)",
                    f"{ratio:.2f} ({bbc.seconds:.0f} s / {bare:.0f} s)", "small (<= 1.25)", ratio <= 1.25))
    rows.append(Row("memory", "peak RSS of ingestion (BBC, all processes)", f"{bbc.peak_rss_mb:.0f} MB",
                    "< 1.5 GB", bbc.peak_rss_mb < 1536))

    log("search: the same query types on BBC")
    bbc_search = search_speed.summarise(search_speed.whoosh_latencies(bbc_home))
    rows.append(Row("search", f"BBC ({bbc.articles} articles, with entities): median / p95 by query type",
                    "; ".join(f"{kind} {m * 1000:.1f} / {h * 1000:.1f} ms" for kind, (m, h) in bbc_search.items()),
                    "<= 20 ms / <= 60 ms", all(m <= 0.020 and h <= 0.060 for m, h in bbc_search.values())))

    log("adding one article to the BBC library")
    bbc_one = ingest.add_one_seconds(bbc_home, work / "bbc-one")
    rows.append(Row("ingestion", f"`reader add` of one article (with NER) to {bbc.articles} BBC articles "
                    "(a library of up to 3,000 regroups its stories at each sync)",
                    f"{bbc_one:.2f} s", "< 2 s", bbc_one < 2))

    log("ingestion: Reuters (extracting the archive)")
    reuters = extract_reuters(work, limit=2000 if quick else None)
    files = sorted(reuters.glob("*.txt"))
    sample_size = 200 if quick else 1000
    log(f"ingestion: Reuters sample of {sample_size} with NER")
    reuters_ner = ingest.add(work / "home-reuters-sample", ingest.sample(files, work / "reuters-sample", sample_size))
    rows.append(Row("ingestion", f"Reuters, clean + NER + index ({reuters_ner.articles}-article sample)",
                    f"{reuters_ner.rate:.1f} articles/s"))
    log(f"ingestion: all {len(files)} Reuters articles without NER (the search and interface library)")
    home = work / "home-reuters"
    full = ingest.add(home, reuters, ner=False)
    rows.append(Row("ingestion", f"Reuters, clean + index, no NER ({full.articles} articles)",
                    f"{full.rate:.0f} articles/s ({full.seconds:.0f} s), peak RSS {full.peak_rss_mb:.0f} MB"))
    resync = ingest.resync_seconds(home)
    rows.append(Row("ingestion", f"no-change re-sync of {full.articles} articles", ms(resync), "< 1 s", resync < 1))

    log("search: Whoosh through reader, and tantivy on the same texts")
    whoosh = search_speed.summarise(search_speed.whoosh_latencies(home))
    floor = search_speed.tantivy_latencies(home)
    tantivy = search_speed.summarise(floor[0]) if floor else {}
    for kind, (med, high) in whoosh.items():
        reference = ""
        if kind in tantivy:
            t_med, t_high = tantivy[kind]
            reference = f"; tantivy {ms(t_med)} / {ms(t_high)} (×{med / t_med:.0f} / ×{high / t_high:.0f})"
        rows.append(Row("search", f"{kind} queries, top 20 with snippets, median / p95 ({full.articles} articles)",
                        f"{ms(med)} / {ms(high)}{reference}", "<= 20 ms / <= 60 ms", med <= 0.020 and high <= 0.060))
    reader_s, grep_s = search_speed.shell_comparison(home, reuters)
    rows.append(Row("search", "`reader search WORD` end to end vs `grep -ril WORD` (median)",
                    f"{reader_s * 1000:.0f} ms vs {grep_s * 1000:.0f} ms (×{reader_s / grep_s:.1f})",
                    "faster than grep", reader_s < grep_s))

    log("interface: first paint (3 fresh processes), then keystrokes and opening articles")
    paints = [float(interface(home, False)["first_paint"]) for _ in range(3)]  # type: ignore[arg-type]
    rows.append(Row("interface", f"first paint of `reader`, {full.articles} articles (median of 3)",
                    f"{median(paints):.2f} s", "<= 1 s", median(paints) <= 1))
    ui = interface(home, True)
    keys, opens = ui["keystroke"], ui["open"]
    rows.append(Row("interface", f"keystroke in the search box → results on screen ({len(keys)} queries)",  # type: ignore[arg-type]
                    f"median {ms(median(keys))}, p95 {ms(p95(keys))}", "p95 <= 100 ms", p95(keys) <= 0.1))  # type: ignore[arg-type]
    rows.append(Row("interface", f"Enter → article on screen ({len(opens)} articles)",  # type: ignore[arg-type]
                    f"median {ms(median(opens))}, p95 {ms(p95(opens))}", "<= 100 ms", p95(opens) <= 0.1))  # type: ignore[arg-type]
    rss = float(ui["peak_rss_mb"])  # type: ignore[arg-type]
    rows.append(Row("memory", f"peak RSS of the interface, {full.articles} articles", f"{rss:.0f} MB",
                    "< 400 MB", rss < 400))

    log("adding one article to the large library")
    one = ingest.add_one_seconds(home, work)
    rows.append(Row("ingestion", f"`reader add` of one article (with NER) to {full.articles} articles",
                    f"{one:.2f} s", "< 2 s", one < 2))
    fuzzy = search_speed.summarise({"fuzzy": search_speed.whoosh_latencies(home)["fuzzy"]})["fuzzy"]
    rows.append(Row("search", "fuzzy queries after those adds (index of several segments), median / p95",
                    f"{ms(fuzzy[0])} / {ms(fuzzy[1])}", "<= 20 ms / <= 60 ms",
                    fuzzy[0] <= 0.020 and fuzzy[1] <= 0.060))
    log("fetch: 50 feeds of 20 entries from a local server, pages included")
    rows.extend(fetch_rows(work))
    return rows, f"{full.articles} Reuters articles; {bbc.articles} BBC articles"


def fetch_rows(work: Path) -> list[Row]:
    from benchmarks import fetch

    f = fetch.measure(work / "fetch")
    ner = f["sync_ner"] - f["sync_plain"]
    total = f["network_ner"] + f["sync_ner"]
    return [
        Row("fetch", f"`reader fetch` of {f['feeds']:.0f} feeds × {fetch.ENTRIES} entries, pages "
                     f"included, with ingestion ({f['articles_ner']:.0f} articles, local server)",
            f"{total:.1f} s: network {f['network_ner']:.1f} s, extraction + index "
            f"{f['sync_plain']:.1f} s, NER {ner:.1f} s"),
        Row("fetch", "a second `reader fetch` with nothing new (304s), end to end",
            f"{f['second_fetch']:.2f} s", "< 1 s", f["second_fetch"] < 1),
    ]


def table(rows: list[Row]) -> str:
    head = ["area", "measure", "result", "target", ""]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small samples: a smoke run, not results")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    if not (BBC.is_dir() and REUTERS_TAR.is_file()):
        print(f"benchmarks: the corpora are missing (expected {BBC} and {REUTERS_TAR})", file=sys.stderr)
        return 1
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s] {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        rows, corpus = measure(Path(tmp), args.quick, log)
    elapsed = time.perf_counter() - started
    header = (f"Machine: {machine()}. Corpora: {corpus}{' (--quick samples)' if args.quick else ''}. "
              f"Run {time.strftime('%Y-%m-%d')}, {elapsed / 60:.1f} minutes, `python -m benchmarks`.")
    text = header + "\n\n" + table(rows)
    print(text)
    if args.readme:
        readme = README.read_text(encoding="utf-8")
        if START not in readme or END not in readme:
            print(f"benchmarks: README.md has no {START} … {END} block", file=sys.stderr)
            return 1
        before, rest = readme.split(START, 1)
        after = rest.split(END, 1)[1]
        README.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
