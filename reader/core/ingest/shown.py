"""The article as shown to the reader: titles and outlets without the list, menu or link marks a
rendering left around them; the kept blocks joined into the body text, headings marked; a page
with no headline titled by its lead. Applied after the fields are chosen, so no model's input
depends on it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.ingest import bylines
from reader.core.ingest.blocks import BULLET, Block
from reader.core.ingest.dates import find_dates
from reader.core.ingest.outlets import domain_outlet

# What a field shown to the reader never opens or ends with: a list's bullet or a menu's arrow ("• Fact
# Check: ...", "» Column"), a lynx link number ("[2]Home", or "2]Home" once its bracket is stripped),
# a table's rule ("--- | ..."), a heading's hashes; a trailing colon or bar ("sport:"). A mark that is
# not a bullet counts only before a space: a hashtag ("#MeToo"), a sign ("+972 Magazine", "–30°C",
# "*NSYNC"), a quote (»Zitat«, «...») or a currency sign stays.
_LEADING_MARKS = re.compile(r"^(?:\[?\d{1,4}\](?=\S)|[•·▪◦‣●○■□▫►▶|]+|[-»›#*+=~_–—:;]+(?=\s))\s*")
_TRAILING_MARKS = re.compile(r"\s*[|:;•·]+$")


def shown_field(text: str | None) -> str | None:
    """A title or outlet as shown: without the list, menu or link marks around it (None if
    no word is left)."""
    if not text:
        return text
    before = None
    while before != text:
        before = text
        text = _TRAILING_MARKS.sub("", _LEADING_MARKS.sub("", text.strip()))
    return text if re.search(r"\w", text) else None


def shown_outlet(name: str | None) -> str | None:
    """The outlet as shown: an address named as one ("https://wotc.crn.com/") is its site's name,
    and no list, menu or link marks stay around it ("[2]Home", "• Training", "sport:")."""
    if name and re.fullmatch(r"https?://\S+", name.strip(), re.IGNORECASE):
        return domain_outlet(name.strip()) or name.strip()
    return shown_field(name)


HEADLINE_WORDS = 25  # longer than any headline (of 1,685 labelled titles the longest has 24 words)


def _is_heading(block: Block) -> bool:
    if block.heading:
        return True
    if block.text.upper() != block.text or len(block.text) > 120:
        return False
    t = block.text.strip().strip("\"'“”‘’")
    words = re.findall(r"[^\W\d_]+", t)
    return (1 <= len(words) <= 10 and not re.search(r"[.!?…]$", t) and t.upper() == t
            and any(c.isalpha() for c in t))


def assemble(blocks: Sequence[Block]) -> tuple[str, tuple[tuple[int, int], ...]]:
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    offset = 0
    for block in blocks:
        text = block.text
        if block.markdown and block.depth and not block.heading:
            text = "• " + text
        if parts:
            offset += 2
        if _is_heading(block):
            headings.append((offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), tuple(headings)


def lead_title(body: str, path: str) -> str:
    """With no printed headline: the lead sentence (or the file name of an empty article).

    The lead is the first paragraph that reads as words: a date and time line ("Published Wed,
    Nov 20 2019 4:29 AM"), a byline or a row of share counts ("4 55 3") is skipped. A sentence
    as short as a headline is kept whole; a longer one is cut at about 100 characters.
    """
    paragraphs = [BULLET.sub("", p.strip()) for p in body.split("\n\n") if p.strip()]
    lead = next((p for p in paragraphs if _reads_as_words(p)), paragraphs[0] if paragraphs else "")
    first = lead.split("\n", 1)[0]
    if not first:
        return re.sub(r"[_-]+", " ", path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) <= 100 or len(sentence.split()) <= HEADLINE_WORDS:
        return sentence
    return sentence[:100].rsplit(" ", 1)[0] + "…"


DATED_LINE_WORDS = 15  # a line this short that holds a date is a timestamp line, not a lead


def _reads_as_words(text: str) -> bool:
    """Whether a paragraph can title an article: three words or more, not a date or byline line."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 3 or bylines.parse_byline(text):
        return False
    return not (len(text.split()) <= DATED_LINE_WORDS and find_dates(text[:300]))
