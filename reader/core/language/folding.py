"""Spelling folds for names: transliteration variants (Zelenskyy/Zelenskiy, Yury/Yuri) share one key."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

_FINAL_I = re.compile(r"(?<=[^aeiouy])(?:iy|yy|ij|ii|yi|y|i)$")
_SUBS = (("kh", "h"), ("tz", "ts"), ("ck", "k"), ("ph", "f"))


@lru_cache(maxsize=100_000)
def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def fold_token(token: str) -> str:
    """Return the transliteration-folded key of a lower-case token.

    kh -> h, tz -> ts, ck -> k, ph -> f, and a final -iy/-yy/-ij/-ii/-y/-i after a consonant -> i.
    Applied alike to indexed and queried words, so only the spelling differences fold together.
    """
    for old, new in _SUBS:
        if old in token:
            token = token.replace(old, new)
    if len(token) > 3:
        token = _FINAL_I.sub("i", token)
    return token


@cache
def word_aliases() -> dict[str, str]:
    """Single-word spellings folding cannot reach (kiev -> kyiv): other names of large cities.

    From GeoNames (see training/places.py). A plain path rather than importlib.resources, whose
    import (zipfile and all) a one-shot `reader search` would pay for: the package is always
    installed as files.
    """
    path = Path(__file__).parent.parent / "data" / "place-aliases.json"
    return json.loads(path.read_text("utf-8"))["aliases"]
