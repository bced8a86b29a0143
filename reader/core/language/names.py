"""A name as printed and as a key: the name inside a mention (no title, article or possessive),
its folded key (case, accents and transliterations aside), and the reference places and peoples
(GeoNames, ISO 3166, countries' demonyms) a name may be.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.core.language.folding import fold_token, strip_accents
from reader.core.language.ner import place_table

NAME_KINDS = ("person", "org", "place", "group", "other")
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gen|Lt|Col|Maj|Capt|Gov|Pres)\.?"
_OFFICE = (r"(?:president|prime minister|premier|chancellor|secretary|senator|governor|general|"
           r"major general|minister|foreign minister|defence minister|defense minister|king|queen|"
           r"pope|ambassador|envoy|spokesman|spokeswoman|aide|judge|justice|mayor|sir|dame|lord|lady)")
# An honorific names a person whatever follows; matched as printed ("Mr", "Dr."), so "DR Congo"
# keeps its letters.
_HONORIFICS = re.compile(rf"^(?:the\s+)?(?:{_HONORIFIC}\s+)+")
# An office is a person's title only before a person's name: "King Charles", but "King County",
# "General Motors", "Premier League", "Justice Department" are names of their own.
_OFFICES = re.compile(rf"^(?:the\s+)?(?:(?:{_HONORIFIC}|(?i:{_OFFICE}))\s+)+")
_TITLE_BEFORE = re.compile(rf"(?<![\w.])(?:{_HONORIFIC}|(?i:{_OFFICE}))\s+$")


def titled(body: str, start: int, end: int) -> bool:
    """Whether the mention body[start:end] follows a person's title or opens with an honorific
    ("Secretary Rubio", "Sen. Warren", "Mr Liverpool"; an office opening the mention may be the
    name's own first word: "General Motors")."""
    return bool(_HONORIFICS.match(body[start:end]) or _TITLE_BEFORE.search(body, max(0, start - 40), start))


_POSSESSIVE = re.compile(r"\s*['’]s?$")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def bare(text: str, offices: bool = True) -> str:
    """The name inside a mention: no article, honorific or (for a person's name: `offices`)
    office, no possessive, single spaces."""
    text = " ".join(text.split())
    text = (_OFFICES if offices else _HONORIFICS).sub("", text).strip()
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip(" ,")
    if text.endswith(".") and not re.search(r"(?:^|[.\s])[^\W\d_]\.$|\b(?:Jr|Sr|St)\.$", text):
        text = text.rstrip(".")
    return text


@lru_cache(maxsize=100_000)
def name_key(text: str) -> str:
    """Folded key of a name: lower case, no accents, transliteration folds, initials dropped.

    Dotted abbreviations keep their letters ("U.N." -> "un"); "the" in front does not count.
    """
    text = re.sub(r"(?<![^\W\d_])([^\W\d_])\.(?=[^\W\d_]\.?)", r"\1", bare(text))
    text = re.sub(r"^((?:[^\W\d_]){2,4})\.$", r"\1", text)
    words = re.findall(r"[\w’'-]+", strip_accents(text.lower()))
    if len(words) > 1:
        words = [w for w in words if len(w) > 1 or not w.isalpha()]
    return " ".join(fold_token(w.replace("’", "'")) for w in words)


def places() -> dict[str, str]:
    """Lower-case spelling of a country, US state, continent or large city -> canonical name."""
    return place_table()["places"]


def demonyms() -> dict[str, str]:
    """A country's people as written (Ukrainian, Ukrainians) -> the singular (training/places.py)."""
    return place_table()["demonyms"]


def place_name(text: str) -> str | None:
    """The canonical place a mention names (Kiev -> Kyiv, U.S. -> United States), else None."""
    table = places()
    name = bare(text)
    return table.get(name.lower()) or table.get(strip_accents(name.lower()))
