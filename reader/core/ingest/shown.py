"""Titles and outlets as shown to the reader: without the list, menu or link marks a rendering
left around them. Applied after the fields are chosen, so no model's input depends on it."""

from __future__ import annotations

import re

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
