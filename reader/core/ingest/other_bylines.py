"""Bylines in other languages, read on a page written in one (words.page_language()): "Von Anna
Becker", "Por María López y Juan Pérez", "Текст: Венера Ерофеева". bylines.parse_byline asks
here when a line is no English byline.
"""

from __future__ import annotations

import re

from reader.core.ingest.outlets import agency

# Particles inside a name, in any language ("Ursula von der Leyen", "Luiz da Silva").
PARTICLES = ("van", "von", "der", "den", "de", "da", "del", "dos", "la", "le", "bin", "al", "el")

# How a byline opens in other languages, read on a page written in one (words.page_language()):
# "Von Anna Becker", "Por Maria Silva", "Текст: Венера Ерофеева"; each may take a colon.
BY_WORDS = {
    "de": ("von", "autor", "autorin", "text"), "nl": ("door",), "fr": ("par",),
    "es": ("por", "escrito por", "publicado por", "autor"), "pt": ("por", "escrito por", "publicado por", "autor", "texto"),
    "ca": ("per",), "it": ("di", "scritto da", "autore"), "sv": ("av",), "nb": ("av",), "da": ("af",),
    "pl": ("autor", "autorka"), "cs": ("autor",), "sk": ("autor",), "ro": ("de",), "id": ("oleh",),
    "ru": ("автор", "текст"), "uk": ("автор", "текст"), "tr": ("yazan",),
}
# "and" between two names, in the same languages.
_AND_WORDS = frozenset("and und en et y e i og och и і ve dan oraz a".split())
_SPLIT_MARKS = re.compile(r"\s*([·|•]|\s[-–—]\s)\s*")


def byline_in(text: str, language: str) -> tuple[tuple[str, ...], str, str] | None:
    """A byline in the page's language: its word for "by", then names of two to four capitalised
    words ("Von Moritz Bachmann publiziert am 30. Juli 2018" -> Moritz Bachmann, "publiziert am
    30. Juli 2018")."""
    opener = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(BY_WORDS[language], key=len, reverse=True))
    match = re.match(rf"^(?:{opener})(?:\s*:\s*|\s+)(?=\S)", text, re.IGNORECASE)
    if not match:
        return None
    words = _SPLIT_MARKS.sub(r" \1 ", text[match.end():]).split()
    names: list[str] = []
    current: list[str] = []
    at = begun = 0  # (begun: where the name being read began)
    while at < len(words):
        word = words[at].rstrip(",")
        if word[:1].isupper() and word[:1].isalpha() or (current and word in PARTICLES):
            begun = at if not current else begun
            current.append(word)
            at += 1
            if words[at - 1].endswith(","):
                if not 2 <= len(current) <= 4:
                    break
                names.append(" ".join(current))
                current = []
            continue
        if word.lower() in _AND_WORDS and 2 <= len(current) <= 4 and at + 1 < len(words) and words[at + 1][:1].isupper():
            names.append(" ".join(current))
            current = []
            at += 1
            continue
        break
    if current:
        if 2 <= len(current) <= 4 and current[-1] not in PARTICLES:
            names.append(" ".join(current))
        elif names:
            at = begun  # a word after the names is what follows them ("Von Anna Becker, Reuters")
        else:
            return None
    if not names:
        return None
    rest = " ".join(words[at:]).strip(" ,|·•—–-")
    # What follows the names is a date, a role, a place; a sentence's end says the line is one
    # ("Von Montag Morgen an streiken die Arbeiter.": nouns are capitalised in German).
    if len(rest.split()) > 12 or (len(rest.split()) >= 3 and re.search(r"[.!?]$", rest)):
        return None
    authors = tuple(n for n in names if not agency(n))
    return authors or tuple(names), rest, ""
