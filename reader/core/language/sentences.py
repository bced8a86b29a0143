"""Sentences with character offsets, and the content words that make two sentences comparable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from whoosh.lang.porter import stem

from reader.core.ingest.words import STOP_WORDS
from reader.core.language.folding import fold_token, strip_accents

_ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr gen lt col sen rep gov no vs inc corp co ltd maj capt prof rev mt ft
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c a.m p.m etc approx
""".split())
_BOUNDARY = re.compile(r"""(?<=[.!?…])["”’')\]]*\s+(?=["“‘'(\[]?[A-Z0-9])""")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of a body, paragraph by paragraph, with offsets such that body[start:end] == text."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body):
        start = para.start()
        text = para.group(0)
        cut = 0
        for boundary in _BOUNDARY.finditer(text):
            before = text[cut:boundary.start()].rstrip("\"”’')]")
            last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            piece = text[cut:boundary.start()]
            if piece.strip():
                out.append(_trimmed(body, start + cut, start + boundary.start()))
            cut = boundary.end()
        if text[cut:].strip():
            out.append(_trimmed(body, start + cut, start + len(text)))
    return out


def _trimmed(body: str, start: int, end: int) -> Sentence:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Sentence(body[start:end], start, end)


@lru_cache(maxsize=65536)
def content_word(word: str) -> str | None:
    """The comparable form of a word: folded stem, or None for stop words."""
    w = strip_accents(word.lower().replace("’", "'"))
    if w.endswith("'s"):
        w = w[:-2]
    if w in STOP_WORDS or not w:
        return None
    return fold_token(stem(w))


def content_words(text: str) -> list[str]:
    return [c for w in _WORD.findall(text) if (c := content_word(w))]


def words_with_offsets(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
