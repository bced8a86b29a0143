"""OPML, the file every feed reader exchanges subscriptions in: read one, write one.

In: an OPML file's bytes. Out: (feed address, title) pairs; and back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from reader.core.text import strip_controls
from reader.core.web.urls import normalise


class NotOpml(ValueError):
    """The file is not OPML (the message says why)."""


def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """Every outline with an xmlUrl, in order, nested folders included."""
    if b"<!ENTITY" in data[:4096].upper():
        raise NotOpml("declares XML entities, which reader does not expand")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise NotOpml(f"not XML ({exc})") from None
    if root.tag.lower() != "opml":
        raise NotOpml(f"not OPML (its root element is <{root.tag}>)")
    found: list[tuple[str, str | None]] = []
    for outline in root.iter("outline"):
        address = outline.get("xmlUrl") or outline.get("xmlurl")
        if not address:
            continue
        try:
            url = normalise(address)
        except ValueError:
            continue
        title = outline.get("title") or outline.get("text")
        if url not in (u for u, _ in found):
            found.append((url, title.strip() if title and title.strip() else None))
    return found


def write_opml(feeds: Iterable[tuple[str, str | None]]) -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "reader subscriptions"
    body = ET.SubElement(root, "body")
    for url, title in feeds:
        title = strip_controls(title) if title else None  # XML 1.0 cannot hold control characters
        ET.SubElement(body, "outline", type="rss", text=title or url, title=title or url, xmlUrl=url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
