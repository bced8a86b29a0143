"""Labelled documents for the boilerplate model, from ../shared/eval (never copied into the repo).

A document is a page's blocks with a label per block (1 article body, 0 not, None unsure), the
site it comes from (the unit of cross-validation) and where it came from.
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.ingest.blocks import Block
from reader.core.ingest.source import parse_source
from training.label import Gold

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
CACHE = Path("/tmp/reader-training-cache")


@dataclass
class Doc:
    name: str
    site: str
    origin: str  # "html-train:<style>", "scrapes", "seeds", "corpus"
    blocks: list[Block]
    labels: list[int | None]
    text: str = ""
    extra: dict = field(default_factory=dict)


def _site_of_html(path: Path) -> str:
    return path.name.split("_", 1)[1].split(".")[0]


def html_train_docs(styles: list[str] | None = None, unseen: bool = False) -> list[Doc]:
    """The html-train pages rendered in every style, each block labelled against the gold body.

    `unseen`: rendered instead by the crawlers no model learns from (render.other_styles(); their
    origin is "unseen:<style>", which no training set reads).
    """
    from training.render import other_styles, page_title
    from training.render import styles as all_styles

    CACHE.mkdir(parents=True, exist_ok=True)
    renderers = other_styles() if unseen else all_styles()
    wanted = styles or list(renderers)
    docs: list[Doc] = []
    for path in sorted((EVAL / "html-train").glob("*.html.gz")):
        html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        gold = Gold(path.with_name(path.name.replace(".html.gz", ".gold.txt")).read_text("utf-8"))
        for style in wanted:
            cached = CACHE / f"{path.name}.{style}.txt"
            if cached.exists():
                text = cached.read_text("utf-8")
            else:
                text = renderers[style](html)
                cached.write_text(text, "utf-8")
            source = parse_source(text, "text")
            labels = [gold.label(b.text) for b in source.blocks]
            origin = f"{'unseen' if unseen else 'html-train'}:{style}"
            docs.append(Doc(path.name, _site_of_html(path), origin, source.blocks, labels, text,
                            {"title": page_title(html)}))
    return docs


def _site_of_scrape(name: str, meta: dict) -> str:
    url = meta.get("url") or ""
    host = re.sub(r"^https?://", "", url).split("/")[0]
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else name.rsplit("_", 1)[-1]


def scrape_docs() -> list[Doc]:
    """The hand-labelled scrapes: body_lines are body, every other line is not."""
    gold = json.loads((EVAL / "scrapes-gold.json").read_text("utf-8"))
    docs = []
    for name, meta in gold["articles"].items():
        text = (EVAL / "scrapes" / f"{name}.txt").read_text("utf-8")
        body = set()
        for a, b in meta["body_lines"]:
            body.update(range(a, b + 1))
        source = parse_source(text, "text")
        labels = [1 if any(n in body for n in range(b.line, b.end + 1)) else 0 for b in source.blocks]
        docs.append(Doc(name, _site_of_scrape(name, meta), "scrapes", source.blocks, labels, text, meta))
    return docs


def seed_docs() -> list[Doc]:
    gold = json.loads((EVAL / "seeds-gold.json").read_text("utf-8"))
    docs = []
    for name, meta in gold["articles"].items():
        text = (SHARED / "seeds" / f"{name}.txt").read_text("utf-8")
        off = set(meta["boilerplate"]) | set(meta["meta"])
        unsure = set(meta["heading"])
        source = parse_source(text, "text")
        labels: list[int | None] = []
        for b in source.blocks:
            span = set(range(b.line, b.end + 1))
            labels.append(None if span & unsure else 0 if span <= off else 1)
        docs.append(Doc(name, f"seed-{name}", "seeds", source.blocks, labels, text, meta))
    return docs


def corpus_split(paths: list, keep: int, every: int) -> list:
    """The files of a clean corpus used for training: one in `every` (the rest is for benchmarks)."""
    return [p for i, p in enumerate(paths) if i % every == keep]


def reuters_texts() -> list[tuple[str, str]]:
    import tarfile

    out = []
    with tarfile.open(SHARED / "corpus" / "reuters21578.tar.gz") as tar:
        members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".txt")),
                         key=lambda m: m.name)
        for member in corpus_split(members, 0, 100):
            handle = tar.extractfile(member)
            if handle is not None:
                out.append((member.name, handle.read().decode("utf-8", errors="replace")))
    return out


def corpus_docs() -> list[Doc]:
    """Clean corpus articles (BBC, BASIL, Reuters): line 1 is the title, every other line body.

    Only one file in eight of BBC, one event in four of BASIL and one article in a hundred of
    Reuters are used; benchmarks.cleaning measures the others.
    """
    from reader.core.text import normalise

    chosen: list[tuple[str, str, str]] = []
    bbc = sorted((SHARED / "corpus" / "bbc").glob("*/*.txt"))
    for path in corpus_split(bbc, 0, 8):
        chosen.append(("bbc.co.uk", f"bbc/{path.parent.name}/{path.name}",
                       path.read_bytes().decode("utf-8", errors="replace")))
    events = sorted((SHARED / "corpus" / "basil").iterdir())
    for event in corpus_split(events, 0, 4):
        for path in sorted(event.glob("*.txt")):
            chosen.append((path.stem + ".basil", f"basil/{event.name}/{path.name}",
                           path.read_text("utf-8", errors="replace")))
    for name, text in reuters_texts():
        chosen.append(("reuters.corpus", f"reuters/{name}", text))
    docs = []
    for site, name, text in chosen:
        source = parse_source(normalise(text), "text")
        labels: list[int | None] = []
        for b in source.blocks:
            credit = re.fullmatch(r"reuter|reuters", b.text.strip(), re.IGNORECASE)
            labels.append(0 if b.line == 1 or credit else 1)
        docs.append(Doc(name, site, "corpus", source.blocks, labels, text))
    return docs


def load_all(refresh: bool = False) -> list[Doc]:
    """Every labelled document, cached between runs of the training script (with its blocks as
    reader split them then: `refresh` after a change to the splitting)."""
    cache = CACHE / "docs.pickle"
    if cache.exists() and not refresh:
        return pickle.loads(cache.read_bytes())
    docs = html_train_docs() + scrape_docs() + seed_docs() + corpus_docs()
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(docs))
    return docs
