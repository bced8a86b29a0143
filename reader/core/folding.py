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
def gazetteer() -> dict:
    """The curated table of people, places and organisations with their spelling variants."""
    # A plain path rather than importlib.resources, whose import (zipfile and all) a one-shot
    # `reader search` would pay for: the package is always installed as files.
    return json.loads((Path(__file__).parent / "data" / "gazetteer.json").read_text("utf-8"))


@cache
def word_aliases() -> dict[str, str]:
    """Single-word variants that folding cannot reach (kiev -> kyiv), from the gazetteer."""
    table: dict[str, str] = {}
    for entry in gazetteer()["entities"]:
        if entry["kind"] == "group":
            continue
        names = [entry["name"], *entry.get("variants", [])]
        singles = [n for n in names if " " not in n]
        canonical_words = entry["name"].split()
        target = canonical_words[-1].lower()
        for name in singles:
            key = strip_accents(name.lower())
            if fold_token(key) != fold_token(strip_accents(target)) and len(canonical_words) == 1:
                table[key] = strip_accents(target)
    return table
