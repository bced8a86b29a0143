"""When a page was published: the date its markup or front matter gives, else the likeliest date
printed around the body's start (with a month's name, or in numbers read day or month first as
the page writes them), else a date in its addresses. And which lines are dates or bylines: page
metadata, never a headline, a standfirst or the story's start."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reader.core.ingest import bylines
from reader.core.ingest.block_features import tokens
from reader.core.ingest.blocks import Block
from reader.core.ingest.dates import Numeric, find_dates, numeric_dates, parse_date
from reader.core.ingest.wording import english
from reader.core.ingest.words import STOP_WORDS, words_of

_PUBLISHED = re.compile(r"\b(?:published|posted|first published|created|date)\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last updated|edited)\b", re.IGNORECASE)
# "/2019/11/19/", and at a slug's end ("...-record-2025-03-07/", as Reuters writes it)
_URL_DATE = re.compile(r"[/-](20\d\d|19\d\d)[/-](\d{2})[/-](\d{2})(?:/|\b)")


def _dates(text: str) -> list[tuple[int, int, str]]:
    return find_dates(text) if re.search(r"\d", text) else []


def _half_dates(text: str, found: list[tuple[int, int, str]]) -> bool:
    """Whether the dates found in a line cover half of it."""
    return sum(b - a for a, b, _ in found) >= 0.5 * len(text.strip())


def is_date_line(text: str) -> bool:
    """Whether a line is a date: one is found and covers half of it, or the line is short, or
    it opens with its label ("Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago",
    whatever a page glued after it)."""
    found = _dates(text)
    if not found:
        return False
    if _half_dates(text, found) or len(words_of(text)) <= 8:
        return True
    label = _DATE_LABEL.match(text)
    return bool(label) and found[0][0] <= label.end() + 1


# A line's opening label of its date: "Published", "Last updated:", "Posted on".
_DATE_LABEL = re.compile(r"\s*(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b[\s:,]*(?:on\s+)?",
                         re.IGNORECASE)


def _only_date(text: str) -> bool:
    """Whether a line is mostly a date (its dates cover half of it: "Published August 8, 2025"),
    not a short line that mentions one."""
    found = _dates(text)
    return bool(found) and _half_dates(text, found)


def is_byline_or_date(text: str) -> bool:
    """Whether a line is a byline or a date: page metadata, never a headline, a standfirst or
    the start of the story."""
    return is_date_line(text) or bool(bylines.parse_byline(text))


LEAD_BLOCKS = 6  # kept blocks into the body where a date in a line may still be the page's
DATE_LINE_REACH = 15  # blocks into the body where a line that is only a date may still be its date
NUMERIC_DOUBT = 0.5  # a date in numbers must score this much more than one with a month's name
NUMERIC_REACH = 300  # characters into a line where a date in numbers may be the page's


def find_published(blocks: Sequence[Block], keep: Sequence[bool], start: int, header: dict[str, str],
                   skip: frozenset[int], source_url: str | None, is_chrome=lambda text: False
                   ) -> tuple[str | None, int | None]:
    """(The publication date as ISO 8601 or None, the block that is only that date and is to be
    lifted, or None). `skip`: site chrome, whose dates are not the page's; `is_chrome`: a line's
    text that holds no date of the page's (a photo's caption)."""
    for key in ("date", "published", "pubdate", "published_time", "datepublished"):
        if header.get(key) and (iso := parse_date(header[key])):
            return iso, None
    urls = [source_url] if source_url else []
    urls += [h for b in blocks[:max(start, 1)] for h in b.hrefs[:3]]
    best = _best_date(blocks, keep, start, skip, _named_dates, is_date_line, is_chrome)
    # Dates printed in numbers ("18.11.2019", "11/19/2019"), a month's name being surer: each
    # line around the body's start is searched once.
    window = range(max(0, start - 40), min(len(blocks), start + DATE_LINE_REACH))
    numeric = {blocks[i].text: found for i in window
               if i not in skip and (found := numeric_dates(blocks[i].text[:NUMERIC_REACH]))}
    if numeric:
        day_first = _day_first([d for found in numeric.values() for d in found], blocks, keep, urls)
        in_numbers = _best_date(
            blocks, keep, start, skip,
            lambda text: [(d.start, iso) for d in numeric.get(text, ()) if (iso := d.iso(day_first))],
            lambda text: len(words_of(text)) <= 8,  # (a short line holding a date in numbers is a dateline)
            is_chrome)
        if in_numbers is not None and (best is None or in_numbers[0] - NUMERIC_DOUBT > best[0]):
            best = in_numbers
    if best is not None:
        _, i, iso = best
        # A line that is only the date is lifted, even one the model kept at the story's top
        # (a copied article: headline, byline, "August 8, 2025", the story).
        text = blocks[i].text
        lifted = is_date_line(text) and (not keep[i] or (i <= start + 2 and _only_date(text)))
        return iso, (i if lifted else None)
    # A clipper's "created" (Obsidian's Web Clipper, MarkDownload) is when the page was saved:
    # the date of last resort, after any the page prints or its address holds.
    clipped = parse_date(header["created"]) if header.get("created") else None
    return next(_url_dates(urls), clipped), None


def _url_dates(urls: Sequence[str | None]):  # type: ignore[no-untyped-def]
    """The dates in page addresses ("/2019/11/19/"), in order, as ISO 8601."""
    for url in urls:
        match = _URL_DATE.search(url or "")
        if match and (iso := parse_date("-".join(match.groups()))):
            yield iso


def _named_dates(text: str) -> list[tuple[int, str]]:
    if not re.search(r"\d{4}", text):
        return []
    return [(a, iso) for a, _, iso in find_dates(text)]


def _best_date(blocks: Sequence[Block], keep: Sequence[bool], start: int, skip: frozenset[int],
               dates, is_dateline, is_chrome) -> tuple[float, int, str] | None:  # type: ignore[no-untyped-def]
    """The likeliest publication date among the dates `dates(text)` finds ([(offset, ISO)]) in
    the lines around the body's start: (score, block, ISO), or None. Past the body's first
    lines only a line `is_dateline(text)` says is one counts; a line left out that `is_chrome`
    (a photo's caption, a legal notice) holds no date of the page's."""
    best: tuple[float, int, str] | None = None
    low = max(0, start - 40)
    into = 0  # kept blocks of the body before block i (chrome between them does not push the lead away)
    for i in range(low, min(len(blocks), start + DATE_LINE_REACH)):
        text = blocks[i].text
        if i > start and keep[i - 1]:
            into += 1
        if i in skip:
            continue  # site chrome or readers' comments: their dates are not the page's
        found = dates(text)
        if not found or (into >= LEAD_BLOCKS and not is_dateline(text)):
            continue  # past the body's first lines, only a line that is a date is a dateline
        if not keep[i] and is_chrome(text):
            # A photo's caption dates the picture: "... in London, Britain November 9, 2019.
            # Chris Jackson/Pool via REUTERS" above a column of 18.11.2019.
            continue
        for a, iso in found:
            before = text[max(0, a - 40):a]
            score = 3.0 * math.exp(-abs(start - i) / 8)
            if "T" in iso:
                score += 1  # a publication stamp carries its time
            word = re.search(r"\b([a-z]+)\s*$", before)
            if word and word.group(1) in STOP_WORDS and keep[i] and not _PUBLISHED.search(before):
                continue  # "since the attacks of September 11, 2001": what the story is about
            if word:
                score -= 1.5  # "taken June 11, 2026": a date inside a sentence
            if _PUBLISHED.search(before):
                score += 2
            if _UPDATED.search(before) and not _PUBLISHED.search(before):
                score -= 1
            if a > 200:
                # A date deep inside a paragraph, or deep in a long line left out (a photo's
                # caption: "... Auto Show in Los Angeles Tuesday, Nov. 19, 2019."), is what the
                # story or the picture is about.
                continue
            if not keep[i]:
                score += 1 if len(words_of(text)) <= 25 else 0
            if best is None or score > best[0]:
                best = (score, i, iso)
    return best


def _day_first(found: Sequence[Numeric], blocks: Sequence[Block], keep: Sequence[bool],
               urls: Sequence[str | None]) -> bool:
    """Whether a page prints its numeric dates (`found`, those around its body's start) day first
    ("27/09/2018") or month first ("11/19/2019"): as those that read only one way do; else as a
    date in its addresses does ("/2019/11/19/"); else day first where dots part the numbers
    ("18.11.2019") or the page is not in English, month first on English pages."""
    orders = [order for d in found if (order := d.order()) is not None]
    if orders and len(set(orders)) == 1:
        return orders[0]
    in_urls = set(_url_dates(urls))
    for day_first in (True, False):
        if any(d.iso(day_first) in in_urls and d.iso(not day_first) not in in_urls for d in found):
            return day_first
    if found and all(d.dotted for d in found):
        return True
    kept_words = [tokens(b.text) for b, k in zip(blocks, keep) if k]
    return not english(kept_words)
