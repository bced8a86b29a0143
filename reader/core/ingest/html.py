"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

import logging


def extract(html: str) -> tuple[str, dict[str, str]]:
    """Return (article text with blank lines between paragraphs, metadata) of an HTML page.

    The text is empty when the page holds no article (scripts and styles only, say).
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
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
