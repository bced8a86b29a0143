"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

import logging
import re
from html import unescape

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
    if (domain := _domain_for_site_name(html, meta.get("sitename"), doc.get("hostname"))) is not None:
        meta["sitename"] = domain
    if isinstance(doc.get("hostname"), str) and doc["hostname"].strip():
        meta["hostname"] = doc["hostname"].strip()
    page_title = _page_title(html)  # the <title>: (its headline, the site it ends with)
    _markup_anywhere(html, meta, page_title[1])
    if meta.get("sitename") and (name := _SLOGAN.split(meta["sitename"], maxsplit=1)[0].strip()):
        meta["sitename"] = name  # "LinkNaija | Nigeria's popular news platform": the name before its slogan
    if meta.get("title") and (headline := _printed_headline(html, meta["title"], *page_title)):
        meta["title"] = headline
    return body, meta


_SLOGAN = re.compile(r"\s+[|–—-]\s+")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _folded(text: str) -> str:
    """Lower case, single-spaced, one spelling of the ellipsis and the quotes."""
    text = text.replace("…", "...").translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.lower().split())


def _page_title(html: str) -> tuple[str, str | None]:
    """The page's <title> split into its headline and the site it ends with ("" and None without one)."""
    from reader.core.ingest.headline import split_site

    found = _TITLE.search(html[:MARKUP_REACH])
    return split_site(" ".join(unescape(found.group(1)).split())) if found else ("", None)


def _printed_headline(html: str, title: str, page_headline: str, site: str | None) -> str | None:
    """The headline the page prints, where the title trafilatura gives is not it: that headline
    with a site's name or slogan around it ("Só quem se Ama... — Mensagens de Reflexão",
    "Nigeria's popular news platform: BREAKING NEWS: ...") gives the page's <h1> it holds; the
    site's name (a logo in an <h1>) gives the headline of the page's <title> (`page_headline`,
    `site`: _page_title()). Else None."""
    key = _folded(title)
    if site and key == _folded(site):
        return page_headline
    site_key = _folded(site or "")
    heads = []
    for match in _H1.finditer(html[:MARKUP_REACH]):
        text = " ".join(unescape(_TAG.sub(" ", match.group(1))).split())
        low = _folded(text)
        if len(low) >= 10 and low != key and low != site_key and low in key and len(low) >= 0.4 * len(key):
            heads.append(text)
    return max(heads, key=len) if heads else None


# Where a page saved by a browser records its address: Chrome's and Edge's "saved from url"
# comment, SingleFile's "url:" line, or its own og:url and canonical link.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->"
                         r"|<!--\s*Page saved with SingleFile\s+url:\s*(https?://\S+)", re.IGNORECASE)
_URL_META = re.compile(r"<meta\b[^>]*?\bog:url[\"'][^>]*>|<link\b[^>]*?\brel=[\"']canonical[\"'][^>]*>",
                       re.IGNORECASE)
_HREF_OR_CONTENT = re.compile(r"\b(?:href|content)\s*=\s*[\"'](https?://[^\"']+)[\"']", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)
MARKUP_REACH = 500_000  # characters of a page searched for the tags trafilatura left unread


def _markup_anywhere(html: str, meta: dict[str, str], title_site: str | None) -> None:
    """The page's address and name where trafilatura, which reads them in the <head>, found none:
    a page's tags can sit in its <body> (a script wrote them there before it was saved), and a
    browser writes the address it saved the page from in a comment. The address gives the
    hostname; the name is og:site_name, else `title_site`, the site its <title> ends with
    ("... – BGR")."""
    from urllib.parse import urlsplit

    head = html[:MARKUP_REACH]
    if "hostname" not in meta:
        address = None
        if saved := _SAVED_FROM.search(head):
            address = saved.group(1) or saved.group(2)
        else:
            for tag in _URL_META.findall(head):
                if found := _HREF_OR_CONTENT.search(tag):
                    address = found.group(1)
                    break
        try:
            host = urlsplit(address).hostname if address else None
        except ValueError:  # not an address after all ("http://[oops")
            host = None
        if host:
            meta["hostname"] = host
    if "sitename" not in meta:
        for tag in _SITE_META.findall(head):
            if (content := _CONTENT.search(tag)) and content.group(1).strip():
                meta["sitename"] = " ".join(unescape(content.group(1)).split())
                return
        if title_site:
            meta["sitename"] = title_site


# The page's og:site_name tag (its attributes in any order).
_SITE_META = re.compile(r"<meta\b[^>]*?\bog:site_name[\"'][^>]*>", re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def _domain_for_site_name(html: str, sitename: str | None, hostname: str | None) -> str | None:
    """The page's domain ("nj.com") when the name the site gives itself (og:site_name) is its
    domain's label in lower case ("nj", "cleveland", "detroitnews"), which trafilatura capitalises
    into a word that is no name ("Nj") or another one ("Cleveland"); else None (the name stands)."""
    if not sitename or not hostname or " " in sitename:
        return None
    label = hostname.lower().removeprefix("www.").split(".")[0]
    if sitename.lower() != label:
        return None
    for tag in _SITE_META.findall(html[:200_000]):
        content = _CONTENT.search(tag)
        if content and content.group(1).strip() == label:
            return hostname.lower().removeprefix("www.")
    return None


def _words(doc: dict) -> int:
    return len((doc.get("text") or "").split())
