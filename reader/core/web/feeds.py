"""RSS and Atom feeds -> entries (feedparser reads every dialect), and a site page -> its feeds.

In: the bytes of a response. Out: `Feed` with its `Entry`s (title, link, content as HTML,
date, authors), or the feed addresses a page advertises with <link rel="alternate">.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from reader.core.text import strip_controls
from reader.core.web.urls import absolute

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")
MAX_ENTRIES = 100  # newest entries taken from one feed at one fetch


class NotAFeed(ValueError):
    """The bytes are not an RSS or Atom feed (the message says what they seem to be)."""


@dataclass(frozen=True)
class Entry:
    key: str  # stable within its feed: the entry's id, else its link, else a hash of its text
    title: str
    link: str | None  # normalised http(s) address of the entry's page, if it names one
    content: str  # HTML (feedparser has removed scripts and unsafe markup)
    published: str | None  # ISO 8601
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Feed:
    title: str
    link: str | None  # the site the feed belongs to
    entries: tuple[Entry, ...]


def parse_feed(body: bytes, url: str, headers: dict[str, str] | None = None) -> Feed:
    """Parse an RSS/Atom document; raises NotAFeed for anything else (HTML, JSON, broken bytes)."""
    import feedparser

    response_headers = {"content-location": url, **(headers or {})}
    parsed = feedparser.parse(body, response_headers=response_headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = type(problem).__name__ if problem is not None else "no feed elements"
        if _looks_like_html(body):
            raise NotAFeed("an HTML page, not an RSS or Atom feed")
        raise NotAFeed(f"not an RSS or Atom feed ({detail})")
    info = parsed.feed
    entries = []
    for item in parsed.entries[:MAX_ENTRIES]:
        entry = _entry(item, url)
        if entry is not None:
            entries.append(entry)
    link = absolute(info.get("link", ""), url) if info.get("link") else None
    return Feed(title=_text(info.get("title")) or url, link=link, entries=tuple(entries))


def _entry(item: Any, base: str) -> Entry | None:
    title = _text(item.get("title"))
    link = absolute(item["link"], base) if item.get("link") else None
    content = ""
    for part in item.get("content") or ():
        if part.get("value"):
            content = part["value"]
            break
    content = strip_controls(content or item.get("summary") or "")
    if not (title or content or link):
        return None
    key = item.get("id") or link or hashlib.blake2b(
        f"{title}\n{content}".encode("utf-8", "replace"), digest_size=12).hexdigest()
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(stamp))) if stamp else None
    authors = tuple(a.get("name", "").strip() for a in item.get("authors") or () if a.get("name"))
    if not authors and item.get("author"):
        authors = (str(item["author"]).strip(),)
    return Entry(key=str(key), title=title, link=link, content=content, published=published,
                 authors=authors)


def _text(value: Any) -> str:
    """One line of plain text; terminal escape sequences and control codes removed whole."""
    return " ".join(strip_controls(str(value)).split()) if value else ""


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<head" in head or b"<body" in head


def discover(html: bytes, url: str) -> list[str]:
    """The feed addresses a page advertises (<link rel="alternate" type="application/rss+xml">)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and link.get("href"):
            address = absolute(link.get("href"), url)
            if address and address not in found:
                found.append(address)
    return found


def canonical(html: bytes, url: str) -> str | None:
    """The address a page names as its own (<link rel="canonical">, else og:url), normalised."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return absolute(link.get("href"), url)
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return absolute(meta.get("content"), url)
    return None
