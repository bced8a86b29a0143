"""Blocks around the article body -> title, standfirst, authors, outlet, published date, agencies.

Metadata is looked for anywhere in the page, guided by where the body starts: a headline sits
above it (often repeating the page title, whose site suffix names the outlet), bylines and
dates between the two (the date: published.py), wire datelines in its first paragraph and
credits after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.ingest import bylines, outlet_ranker, story_shape
from reader.core.ingest.block_features import credit_at_end
from reader.core.ingest.blocks import Block
from reader.core.ingest.dates import find_dates
from reader.core.ingest.headline import norm, split_site
from reader.core.ingest.outlets import COPYRIGHT, agency
from reader.core.ingest.published import find_published, is_byline_or_date, is_date_line
from reader.core.ingest.words import words_of

_URL = re.compile(r"https?://[^\s)\]>\"']+")


@dataclass
class Fields:
    """Metadata of one article, and the blocks it came from (index -> reason)."""

    title: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    agencies: tuple[str, ...] = ()
    used: dict[int, str] = field(default_factory=dict)  # blocks lifted into fields, with the reason
    named: list[str] = field(default_factory=list)  # outlet names a byline gave ("By A, NY Times")
    skip: frozenset[int] = frozenset()  # site chrome: no metadata of this page is there
    trimmed: dict[int, str] = field(default_factory=dict)  # body blocks with a glued byline cut off


def parse_agency_credit(line: str) -> tuple[str, ...] | None:
    """The agencies of a credit line ("- Reuters and AP", "With Bloomberg, Reuters"), else None."""
    text = line.strip().rstrip(".")
    text = re.sub(r"^(?:[-–—•]+\s*|with\s+|additional reporting (?:by|from)\s+|source:\s*)",
                  "", text, flags=re.IGNORECASE).strip()
    if not text or len(text) > 80:
        return None
    found: list[str] = []
    for part in re.split(r"\s*(?:,|\band\b|&|/|;)\s*", text):
        if not part:
            continue
        name = agency(part)
        if name is None:
            return None
        if name not in found:
            found.append(name)
    return tuple(found) or None


# extraction ------------------------------------------------------------------------------------


START_REACH = 5  # text blocks after the body's first within which more body follows


def body_start(blocks: Sequence[Block], keep: Sequence[bool]) -> int:
    """Where the article body starts: its first kept block that more kept blocks follow closely.

    A lone block the model kept high above the story (a headline glued into a menu line, a
    teaser) is not where the story starts; the headline, byline and date are looked for around
    the start.
    """
    texts = [i for i, b in enumerate(blocks) if b.text]
    for j, i in enumerate(texts):
        if keep[i]:
            following = texts[j + 1: j + 1 + START_REACH]
            if story_shape.is_label(blocks[i].text) and following and not keep[following[0]]:
                continue  # a teaser's headline kept among links, not the story's first line
            if not following or any(keep[x] for x in following):
                return i
    return next((i for i, k in enumerate(keep) if k), len(blocks))


def extract(blocks: Sequence[Block], keep: Sequence[bool], p: Sequence[float],
            header: dict[str, str], source_url: str | None = None,
            known_title: str | None = None, skip: frozenset[int] = frozenset(),
            is_chrome=lambda text: False) -> Fields:
    """Find the metadata of a page whose body blocks are marked in keep (p: body probabilities).

    `known_title` (from front matter) is taken as the title; a line repeating it is lifted.
    `skip`: blocks already known to be site chrome, which hold no metadata of this page.
    `is_chrome`: a predicate on a line's text for chrome that is never the headline.
    """
    fields = Fields(skip=skip)
    n = len(blocks)
    start = body_start(blocks, keep)
    end = max((i for i, k in enumerate(keep) if k), default=-1)
    page_title = header.get("title")
    if not page_title and blocks and blocks[0].heading == 1 and blocks[0].line <= 2:
        page_title = blocks[0].text
    headline, site = split_site(page_title) if page_title else (None, None)
    # A masthead: a short name alone on the page's first line, above a date or byline.
    if len(blocks) > 1 and not keep[0]:
        first = blocks[0].text.strip()
        if (1 <= len(first.split()) <= 4 and not re.search(r"[.!?,:]$|\d", first)
                and is_byline_or_date(blocks[1].text)):
            fields.used[0] = "outlet name (lifted into the outlet field)"
    if known_title:
        fields.title = known_title
        key = norm(known_title)
        for i in range(min(len(blocks), start + 3)):
            if norm(blocks[i].text) == key:
                fields.used[i] = "headline (lifted into the title field)"
    elif len(blocks) > 3 or page_title:  # (a note's title is its first line: see below)
        _title(blocks, keep, p, start, page_title, fields, skip, is_chrome)
    if fields.title is None and headline:
        fields.title = headline
    if fields.title is None:
        # A plain file's first line, just above the body (or opening it, if more body follows),
        # with no sentence stop: its title.
        first_line = next((i for i, b in enumerate(blocks) if b.text.strip()), 0)
        for i in range(max(0, start - 2), min(start + 1, len(blocks) - 1)):
            text = blocks[i].text.strip()
            if keep[i] and (i != start or not keep[i + 1]):
                continue
            if i != first_line and len(text.split()) < 3:
                continue  # a menu item ("Weather") just above the story is not its title
            if not re.search(r"[^\W\d_]{2}", text):
                continue  # no word in it: counters ("4 55 3"), a rule of dashes
            if (text and i not in fields.used and i not in skip and not is_chrome(text)
                    and not blocks[i].links and not blocks[i].depth and len(text.split()) <= 20
                    and not re.search(r"[.:;,]$", text) and not is_byline_or_date(text)):
                fields.title = text.strip("#*_ ")
                fields.used[i] = "headline (lifted into the title field)"
                break
    if fields.title and site is None:
        for i in range(min(n, start)):
            if not keep[i]:
                h, s = split_site(blocks[i].text)
                if s and norm(h) == norm(fields.title):
                    site = s
                    fields.used.setdefault(i, "page title (lifted into the title and outlet fields)")
                    break
    found = bylines.find(blocks, keep, start, end, header, fields.used, skip)
    fields.authors = found.authors
    fields.agencies += tuple(found.agencies)
    fields.named += found.named
    fields.used.update(found.used)
    fields.trimmed.update(found.trimmed)
    fields.published, lifted = find_published(blocks, keep, start, header, fields.skip, source_url, is_chrome)
    if lifted is not None:
        fields.used.setdefault(lifted, "date (lifted into the published field)")
    _agencies(blocks, keep, start, end, fields)
    fields.outlet = outlet_ranker.find(blocks, keep, header, site, source_url, named=fields.named,
                                       title=fields.title, used=fields.used)
    _standfirst(blocks, keep, start, header, fields, is_chrome)
    return fields


def _title(blocks: Sequence[Block], keep: Sequence[bool], p: Sequence[float], start: int,
           page_title: str | None, fields: Fields, skip: frozenset[int], is_chrome) -> None:
    from reader.core.ingest.headline import choose

    chosen = choose(blocks, p, start, page_title, bylines.parse_byline, is_date_line,
                    frozenset(fields.used) | skip, is_chrome)
    if chosen is None:
        return
    fields.title = chosen.headline
    if chosen.index >= 0:
        fields.used[chosen.index] = ("headline glued to a line of page chrome (lifted into the title "
                                     "field)" if chosen.glued else "headline (lifted into the title field)")
    # The same headline printed again above the body is the title too, not body text.
    key = norm(chosen.headline)
    for i in range(max(0, start - 60), min(len(blocks), start + 3)):
        if i != chosen.index and norm(blocks[i].text) in (key, norm(chosen.text)):
            fields.used.setdefault(i, "headline repeated (lifted into the title field)")


def _agencies(blocks: Sequence[Block], keep: Sequence[bool], start: int, end: int,
              fields: Fields) -> None:
    found: list[str] = list(fields.agencies)
    # A wire dateline: "ROTTERDAM, March 4 (Reuters) -", "WASHINGTON (AP) —", in the lead
    # (or in the page's description, which repeats it).
    for i in [*range(start, min(len(blocks), start + 3)), 0]:
        if not 0 <= i < len(blocks) or (not keep[i] and i != 0):
            continue
        head = blocks[i].text[:240]
        for match in re.finditer(r"\(([^()]{2,40})\)\s*[-—–]", head):
            name = agency(match.group(1))
            if name and name not in found:
                found.append(name)
                if fields.published is None:
                    dated = find_dates(head[:match.start()])
                    if dated:
                        fields.published = dated[-1][2]
    # Credits after the story: "- Reuters", "With Bloomberg, Reuters", a final " Reuter".
    for i in range(max(0, end - 1), min(len(blocks), end + 6)):
        text = blocks[i].text.strip()
        credit = parse_agency_credit(text)
        if credit and (not keep[i] or len(text) < 60):
            found.extend(a for a in credit if a not in found)
            fields.used.setdefault(i, "wire agency credit (lifted into the agencies field)")
            continue
        copyright = COPYRIGHT.search(text)
        if copyright and (name := agency(copyright.group("holder").strip())) and name not in found:
            found.append(name)
    # An agency named alone on a line between the headline and the body credits the wire.
    title_at = next((i for i, r in fields.used.items() if r.startswith("headline")), None)
    if title_at is not None:
        for i in range(title_at + 1, start):
            name = agency(blocks[i].text.strip(" *•|-"))
            if name and not keep[i] and name not in found:
                found.append(name)
    for author in fields.authors:
        name = agency(author)
        if name and name not in found:
            found.append(name)
    if fields.title:
        tail = re.search(r"[:|-]\s*([A-Z][\w ]{1,30})$", fields.title)
        if tail and (name := agency(tail.group(1))) and name not in found:
            found.append(name)
    fields.agencies = tuple(dict.fromkeys(a for a in found if a))
    fields.authors = tuple(a for a in fields.authors if not agency(a)) or fields.authors


_CREDIT_SPLIT = re.compile(r"[|/-]|\bvia\b")


def _picture_credit(text: str) -> bool:
    """Whether a short line credits a picture: "Photo: AFP", or an agency among parts split by a
    bar, slash, hyphen or "via" ("| AFP-JIJI", "REUTERS/Kevin Lamarque", "AFP via Getty Images");
    a byline ("By Jane Doe | Reuters") is none."""
    if not text or len(text.split()) > 6 or is_byline_or_date(text):
        return False
    if credit_at_end(text):
        return True
    parts = _CREDIT_SPLIT.split(text)
    return len(parts) > 1 and any(agency(part.strip()) for part in parts if part.strip())


def _dek_above_byline(blocks: Sequence[Block], title_at: int, fields: Fields, is_chrome) -> int | None:
    """The line between the headline and the lifted byline or date, which the model may have kept
    as the story's first (an article copied from a browser: headline, standfirst, byline, date,
    story): its index, or None."""
    texts = [i for i in range(title_at + 1, min(len(blocks), title_at + 4)) if blocks[i].text.strip()]
    if len(texts) < 2 or texts[0] in fields.used or texts[0] in fields.skip:
        return None
    dek, below = texts[0], texts[1]
    text = blocks[dek].text.strip()
    lifted = fields.used.get(below, "")
    if not lifted.startswith(("byline", "date")) or is_chrome(text):
        return None
    return dek if _reads_as_standfirst(blocks[dek], text) else None


def _reads_as_standfirst(block: Block, text: str) -> bool:
    """A line of a standfirst's length (8-60 words) with no link that is no byline or date."""
    return 8 <= len(words_of(text)) <= 60 and not block.links and not is_byline_or_date(text)


def _standfirst(blocks: Sequence[Block], keep: Sequence[bool], start: int, header: dict[str, str],
                fields: Fields, is_chrome=lambda text: False) -> None:
    title_at = next((i for i, r in fields.used.items() if r.startswith("headline (")), None)
    if title_at is not None and (dek := _dek_above_byline(blocks, title_at, fields, is_chrome)) is not None:
        fields.standfirst = blocks[dek].text.strip()
        fields.used[dek] = "standfirst (lifted into the standfirst field)"
        return
    if title_at is not None:
        for i in range(title_at + 1, min(len(blocks), title_at + 3, start)):
            text = blocks[i].text.strip()
            if i in fields.used or keep[i] or i in fields.skip or is_chrome(text):
                continue  # (a photo's caption under the headline is not the standfirst)
            n = len(words_of(text))
            if i + 1 < len(blocks) and _picture_credit(blocks[i + 1].text.strip()):
                continue  # a caption over its picture's credit ("| AFP-JIJI")
            if _reads_as_standfirst(blocks[i], text):
                fields.standfirst = text
                fields.used[i] = "standfirst (lifted into the standfirst field)"
                return
            if n > 3:
                break
    if header.get("description"):
        fields.standfirst = header["description"]
