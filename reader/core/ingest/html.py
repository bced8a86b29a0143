"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

import logging


def extract(html: str) -> tuple[str, dict[str, str]]:
    """Return (article text with blank lines between paragraphs, metadata) of an HTML page.

    The text is empty when the page holds no article (scripts and styles only, say).
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # Dates from the page's markup (meta tags, <time>, the URL), not from free text: htmldate's
    # extensive search falls back to a copyright line, "© 2026" becoming 2026-01-01.
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
    if "date" not in meta:
        meta.update(_printed_date(html))
    return body, meta


def _printed_date(html: str) -> dict[str, str]:
    """A date printed in the page's text, if htmldate's extensive search finds one; never a bare
    year (a copyright line), which it gives as January 1st."""
    from htmldate import find_date
    from lxml.etree import LxmlError

    try:
        found = find_date(html, extensive_search=True, original_date=True)
    except (LxmlError, ValueError, TypeError, OverflowError):  # an optional field: the page stays
        return {}
    return {"date": found} if found and not found.endswith("-01-01") else {}
