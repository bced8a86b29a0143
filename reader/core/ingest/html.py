"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

import logging


def extract(html: str) -> tuple[str, dict[str, str]]:
    """Return (article text with blank lines between paragraphs, metadata) of an HTML page.

    The text is empty when the page holds no article (scripts and styles only, say).
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # Dates from the page's markup (meta tags, <time>, the URL) only. htmldate's extensive search
    # takes any date in the text: a copyright line ("© 2026" became 2026-01-01) or one the story
    # mentions (2001-09-11). A date printed by the byline is read by reader's own metadata pass.
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not doc:
        return "", {}
    doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
    text = doc.get("text") or ""
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta = {}
    for key in ("title", "author", "date", "sitename", "description"):
        value = doc.get(key)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return body, meta

