"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

import logging

PRECISE_SHARE = 0.2  # html-train: the precise text held 5% of the default's words where it lost the
# article, 30% or more where it only dropped chrome (Business Insider's 1,458 words of links -> 445)
PRECISE_CHARS = 2_000_000  # the second pass only on pages up to this size: the largest of the 141
# saved news pages is 1.4 MB, and a 4 MB page takes trafilatura about 11 s a pass


def extract(html: str) -> tuple[str, dict[str, str]]:
    """Return (article text with blank lines between paragraphs, metadata) of an HTML page.

    The text is empty when the page holds no article (scripts and styles only, say).
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # Dates from the page's markup (meta tags, <time>, the URL) only. htmldate's extensive search
    # takes any date in the text: a copyright line ("© 2026" became 2026-01-01) or one the story
    # mentions (2001-09-11). A date printed by the byline is read by reader's own metadata pass.
    def run(**settings: bool) -> dict | None:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True,
            include_images=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True}, **settings,
        )
        return (doc.as_dict() if hasattr(doc, "as_dict") else doc) if doc else None

    # Tables are kept (standings, results, a recipe's quantities are the article's). trafilatura's
    # precise mode leaves out the promos, related lists and teasers its default keeps, but on a few
    # pages it keeps a scrap of the article (24 of Barron's 486 words): its text is taken unless it
    # holds less than PRECISE_SHARE of the default's words (or the page is too large for two passes).
    doc = run(with_metadata=True)
    if not doc:
        return "", {}
    # (The metadata comes from the first pass: the second reads the text alone, a third faster,
    # and its text is the same with or without it on all 141 saved pages.)
    precise = run(favor_precision=True, with_metadata=False) if len(html) <= PRECISE_CHARS else None
    chosen = doc
    if precise and _words(precise) >= PRECISE_SHARE * _words(doc):
        chosen = precise
    text = chosen.get("text") or ""
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta = {}
    for key in ("title", "author", "date", "sitename", "description"):
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return body, meta


def _words(doc: dict) -> int:
    return len((doc.get("text") or "").split())
