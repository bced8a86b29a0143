"""Cleaning quality and speed on ../shared/eval and the clean corpora: `python -m benchmarks.cleaning`.

Figures:
- scrapes/ (hand labels): boilerplate examples removed, body passages kept, title, outlet,
  date (of files that print one) and authors right. The shipped models were trained with these
  files, so these are in-sample. Held out (leave-sites-out): the whole cleaner, from
  training/heldout.py (benchmarks/cleaning-heldout.json), and each model alone, as its training
  script measured it and stored it in the model file; all printed beside them.
- eval/html/ pages rendered as scrapes in six styles (never trained or tuned on): body lines kept
  against their gold text.
- the clean corpora (BBC, BASIL, a Reuters sample): share of body lines kept.
- speed: median milliseconds of clean() per article.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tarfile
import time
from importlib import resources
from pathlib import Path

from benchmarks.common import SHARED
from reader.core.ingest.clean import clean
from reader.core.ingest.files import read_document
from reader.core.ingest.trees import load
from reader.core.models import ReaderError

EVAL = SHARED / "eval"
# The whole cleaner on scrapes of sites left out of training, written by `python -m training.heldout`.
HELD_OUT = Path(__file__).resolve().parent / "cleaning-heldout.json"


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def outlet_right(ours: str | None, gold: str) -> bool:
    """The outlet as printed; a wire agency in parentheses ("Yahoo News (Reuters)") is optional."""
    plain = re.sub(r"\s*\([^)]*\)\s*$", "", gold)
    return bool(ours) and norm(ours) in (norm(plain), norm(gold))


def scrapes(names: set[str] | None = None, counts: dict[str, int] | None = None,
            misses: list[str] | None = None) -> dict[str, float]:
    """Figures over the labelled scrapes (or those named).

    `counts` is filled with the raw counts and `misses` with what went wrong, one line each.
    """
    misses = misses if misses is not None else []
    gold = json.loads((EVAL / "scrapes-gold.json").read_text("utf-8"))["articles"]
    counts = counts if counts is not None else {}
    counts |= dict.fromkeys(["bp", "bp_n", "body", "body_n", "title", "title_n", "outlet",
                            "outlet_n", "date", "date_n", "authors", "authors_n"], 0)
    times = []
    for name, labels in gold.items():
        if names is not None and name not in names:
            continue
        path = EVAL / "scrapes" / f"{name}.txt"
        doc = read_document(path)
        started = time.perf_counter()
        result = clean(doc)
        times.append(time.perf_counter() - started)
        body = result.body
        # A removed block covers every line of its source (a hard-wrapped caption spans several).
        removed_lines = {r.line + k for r in result.removed for k in range(r.text.count("\n") + 1)}
        raw_lines = path.read_text("utf-8").split("\n")
        for example in labels["boilerplate_examples"]:
            counts["bp_n"] += 1
            lines = [n for n, line in enumerate(raw_lines, start=1) if example in line]
            gone = example not in body and all(n in removed_lines for n in lines)
            counts["bp"] += gone
            if not gone:
                misses.append(f"{name}: kept boilerplate {example!r}")
        for passage in labels["body_must_contain"]:
            counts["body_n"] += 1
            counts["body"] += passage in body
            if passage not in body:
                misses.append(f"{name}: lost body {passage!r}")
        if labels["title"]:
            counts["title_n"] += 1
            counts["title"] += norm(result.title) == norm(labels["title"])
            if norm(result.title) != norm(labels["title"]):
                misses.append(f"{name}: title {result.title!r}, not {labels['title']!r}")
        if labels["outlet"]:
            counts["outlet_n"] += 1
            counts["outlet"] += outlet_right(result.outlet, labels["outlet"])
            if not outlet_right(result.outlet, labels["outlet"]):
                misses.append(f"{name}: outlet {result.outlet!r}, not {labels['outlet']!r}")
        if labels["published"]:
            counts["date_n"] += 1
            counts["date"] += (result.published or "")[:10] == labels["published"]
            if (result.published or "")[:10] != labels["published"]:
                misses.append(f"{name}: date {result.published!r}, not {labels['published']!r}")
        if labels["authors"]:
            counts["authors_n"] += 1
            right = {norm(a) for a in labels["authors"]} <= {norm(a) for a in result.authors}
            counts["authors"] += right
            if not right:
                misses.append(f"{name}: authors {list(result.authors)!r}, not {labels['authors']!r}")
    out = {key: counts[key] / max(counts[f"{key}_n"], 1) for key in ("bp", "body", "title", "outlet", "date", "authors")}
    out["median_ms"] = statistics.median(times) * 1000
    return out


def corpus_lines(files: list[Path], skip_title: bool = True) -> tuple[float, int, float]:
    """(share of body lines found in the cleaned body, articles, median ms) over clean articles."""
    kept = total = 0
    times = []
    for path in files:
        try:
            doc = read_document(path)
        except ReaderError:
            continue
        started = time.perf_counter()
        body = " ".join(clean(doc).body.split())
        times.append(time.perf_counter() - started)
        lines = [line.strip() for line in doc.text.split("\n")]
        if skip_title:
            lines = lines[1:]
        for line in lines:
            if not line or re.fullmatch(r"reuter|reuters", line, re.IGNORECASE):
                continue
            total += 1
            kept += " ".join(line.split()) in body
    return kept / max(total, 1), len(times), statistics.median(times) * 1000 if times else 0.0


def held_out(paths: list, every: int) -> list:
    """The corpus files the boilerplate model never saw (training/data.py takes one in `every`)."""
    return [p for i, p in enumerate(paths) if i % every != 0]


def reuters_sample(work: Path, n: int = 1000) -> list[Path]:
    out = []
    with tarfile.open(SHARED / "corpus" / "reuters21578.tar.gz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")),
                         key=lambda m: m.name)
        members = held_out(members, 100)
        step = max(1, len(members) // n)
        for member in members[::step][:n]:
            target = work / Path(member.name).name
            handle = tar.extractfile(member)
            if handle is not None:
                target.write_bytes(handle.read())
                out.append(target)
    return out


def cross_validated() -> dict[str, object]:
    data = resources.files("reader.core.data")
    return {"boilerplate": load(data.joinpath("boilerplate.json.gz")).get("cross_validated", {}),
            "headline": load(data.joinpath("headline.json.gz")).get("cross_validated", {}),
            "outlet": load(data.joinpath("outlet.json.gz")).get("cross_validated", {})}


_PERSON = re.compile(r"[A-Z][\w'’.-]+(?: (?:[a-z]{1,3} )?[A-Z][\w'’.-]+){1,3}")


def page_authors(tree, site: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The people a page's markup names as its authors (JSON-LD, meta author), not the outlet."""
    names: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            found = item.get("author") if isinstance(item, dict) else None
            for author in found if isinstance(found, list) else [found]:
                names.append(author.get("name") if isinstance(author, dict) else author)
    names += tree.xpath("//meta[@name='author' or @name='byl']/@content")
    out: list[str] = []
    for name in names:
        name = re.sub(r"^by\s+", "", " ".join(str(name or "").split()), flags=re.IGNORECASE)
        if _PERSON.fullmatch(name) and norm(name) != norm(site) and name not in out:
            out.append(name)
    return out


def _squashed(name: str) -> str:
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
    name = re.sub(r"\.[a-z]{2,4}(?:\.[a-z]{2})?/?$", "", name)  # "Space.com", "Sportsnet.ca"
    return re.sub(r"[\W_]+", "", name).removeprefix("the")


def same_site(ours: str | None, site: str) -> bool:
    """The outlet of a page's og:site_name, spelling aside: "Space" is "Space.com", "The Hill" is
    "TheHill", "CBS Sports" is "CBSSports.com" (a parent company or an abbreviation is not)."""
    return bool(ours) and _squashed(ours) == _squashed(site)


def html_train_metadata(styles: tuple[str, ...] = ("html2text", "inscriptis", "lines")) -> dict[str, float]:
    """Title, outlet, date and authors found in text renderings of the html-train pages (see
    page_metadata)."""
    return page_metadata(sorted((EVAL / "html-train").glob("*.html.gz")), styles)


def eval_html_metadata(styles: tuple[str, ...] | None = None) -> dict[str, float]:
    """Title, outlet, date and authors found in text renderings of the ten eval/html pages, which
    no model learns from (see page_metadata)."""
    return page_metadata(sorted((EVAL / "html").glob("*.html")), styles or UNSEEN_STYLES)


def page_metadata(pages: list[Path], styles: tuple[str, ...]) -> dict[str, float]:
    """Title, outlet, date and authors found in text renderings of saved pages.

    Gold comes from each page's own markup: its <h1> closest to og:title, og:site_name (spelling
    aside: same_site()), the publication date htmldate reads from the HTML (printed with the
    month's name, in the page's language or English, or in numbers, "11/19/2019"), and the
    people its JSON-LD or meta tags name as authors; a field counts only where the rendering prints it (the date in some form, the
    outlet's name, the headline's words, every author's name).
    """
    import gzip

    import htmldate
    import lxml.html

    from reader.core.ingest.dates import find_dates, numeric_dates
    from reader.core.ingest.words import text_language, written_in
    from reader.core.models import RawDocument
    from reader.core.text import normalise
    from training.headline import saved_page_title
    from training.render import styles as renderers

    available = renderers()
    keys = ("title", "outlet", "date", "authors")
    counts = dict.fromkeys([k for key in keys for k in (key, f"{key}_n")], 0)
    for page in pages:
        html = (gzip.open(page, "rt", encoding="utf-8", errors="replace").read() if page.suffix == ".gz"
                else page.read_text("utf-8", errors="replace"))
        title = saved_page_title(html)
        tree = lxml.html.fromstring(html)
        site = (tree.xpath("string(//meta[@property='og:site_name']/@content)") or "").strip()
        try:
            date = htmldate.find_date(html, original_date=True, extensive_search=False)
        except Exception:  # noqa: BLE001 - htmldate raises on odd pages; no gold date then
            date = None
        authors = page_authors(tree, site)
        for style in styles:
            if style not in available:
                continue
            text = normalise(available[style](html))
            result = clean(RawDocument(path=page.name, text=text, format="text", encoding="utf-8"))
            count_title_and_outlet(counts, text, result, title, site)
            with written_in(text_language(text)):  # "22 de outubro de 2010" is printed too
                printed = [iso for _, _, iso in find_dates(text)]
            if date and (any(iso[:10] == date for iso in printed)
                         or any(date in (d.iso(True), d.iso(False)) for d in numeric_dates(text))):
                counts["date_n"] += 1
                counts["date"] += (result.published or "")[:10] == date
            if authors and all(norm(a) in norm(text) for a in authors):
                counts["authors_n"] += 1
                counts["authors"] += {norm(a) for a in authors} <= {norm(a) for a in result.authors}
    return {key: counts[key] / max(counts[f"{key}_n"], 1) for key in keys} | {
        f"{key}_n": counts[f"{key}_n"] for key in keys}


def count_title_and_outlet(counts: dict, text: str, result, title: str | None,  # type: ignore[no-untyped-def,type-arg]
                           site: str | None, prefix: str = "") -> None:
    """Count a rendering's title and outlet against the page's own (its <h1> closest to og:title,
    og:site_name, spelling aside), each only where the rendering prints it, under the keys
    f"{prefix}title(_n)" and f"{prefix}outlet(_n)"."""
    printed = norm(text)
    if title and norm(title) in printed:
        counts[f"{prefix}title_n"] += 1
        counts[f"{prefix}title"] += norm(result.title) == norm(title)
    if site and norm(site) in printed:
        counts[f"{prefix}outlet_n"] += 1
        counts[f"{prefix}outlet"] += same_site(result.outlet, site)


UNSEEN_STYLES = ("html2text", "inscriptis", "lines", "jina", "lynx", "w3m")


def eval_html_lines(styles: tuple[str, ...] = UNSEEN_STYLES) -> dict[str, object]:
    """Body lines kept on the ten eval/html pages rendered as scrapes, against their gold text.

    No model or rule was trained or tuned on these pages (training reads html-train/, scrapes/,
    the seeds and the corpora): the figure nearest to a site reader has never seen. Lines are
    labelled and scored as training labels and scores html-train (training/label.py, 4-gram
    overlap with the gold text; training.boilerplate.line_f1).
    """
    from reader.core.ingest.source import parse_source
    from reader.core.models import RawDocument
    from reader.core.text import normalise
    from training import boilerplate as train_boilerplate
    from training.data import Doc
    from training.label import Gold
    from training.render import styles as renderers

    available = renderers()
    used = [style for style in styles if style in available]
    docs, keeps = [], []
    pages = sorted((EVAL / "html").glob("*.html"))
    for page in pages:
        html = page.read_text("utf-8", errors="replace")
        gold = Gold(page.with_name(page.name.replace(".html", ".gold.txt")).read_text("utf-8"))
        for style in used:
            text = normalise(available[style](html))
            kept = set(clean(RawDocument(path=page.name, text=text, format="text", encoding="utf-8")).lines)
            blocks = parse_source(text, "text").blocks
            docs.append(Doc(page.name, page.name, f"eval-html:{style}", blocks,
                            [gold.label(b.text) for b in blocks]))
            keeps.append([b.line in kept for b in blocks])
    out: dict[str, object] = {"pages": len(pages), "styles": used}
    by_words = train_boilerplate.BY_WORDS
    try:
        for unit, weighted in (("lines", False), ("words", True)):
            train_boilerplate.BY_WORDS = weighted
            out[unit] = train_boilerplate.line_f1(docs, keeps)
    finally:
        train_boilerplate.BY_WORDS = by_words
    return out


def measure(log=lambda message: None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Every cleaning figure: the scrapes, the html-train renderings, the clean corpora, speed."""
    import tempfile

    log("cleaning: scrapes")
    out: dict[str, object] = {"scrapes": scrapes(), "cross_validated": cross_validated(),
                              "held_out": json.loads(HELD_OUT.read_text("utf-8"))}
    log("cleaning: metadata of the html-train renderings")
    out["html_train"] = html_train_metadata()
    log("cleaning: eval/html pages rendered as scrapes")
    out["eval_html"] = eval_html_lines()
    out["eval_html_metadata"] = eval_html_metadata()
    log("cleaning: clean corpora")
    bbc = held_out(sorted((SHARED / "corpus" / "bbc").glob("*/*.txt")), 8)
    events = held_out(sorted((SHARED / "corpus" / "basil").iterdir()), 4)
    basil = [path for event in events for path in sorted(event.glob("*.txt"))]
    out["bbc"] = corpus_lines(bbc)
    out["basil"] = corpus_lines(basil)
    with tempfile.TemporaryDirectory() as tmp:
        out["reuters"] = corpus_lines(reuters_sample(Path(tmp)))
    return out


def main() -> int:
    print(json.dumps(measure(lambda m: print(m, file=sys.stderr)), indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
