"""Whoosh analyzers: how article text becomes search terms (stems, hyphen compounds, name folding)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from whoosh.analysis import (
    Analyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.formats import Characters, Positions

from reader.core.language.folding import fold_token, strip_accents, word_aliases

TOKEN_PATTERN = r"\w+(?:[-'’]\w+)*"


class HyphenFilter(Filter):
    """Index "cease-fire" as "ceasefire" too, so either spelling finds both.

    At index time the joined word shares the first part's position and the parts follow; a query
    only asks for the joined word. `width` tells how many positions a token spans (the joined
    word spans its parts), for word pairs.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        shift = 0
        for t in tokens:
            text = t.text.replace("’", "'")
            if text.endswith("'s"):
                text = text[:-2]
            parts = [p for p in text.replace("'", "-").split("-") if p]
            if t.positions:
                t.pos += shift
            t.width = 1
            if len(parts) <= 1:
                t.text = parts[0] if parts else text
                yield t
                continue
            t.text = "".join(parts)
            t.width = len(parts)
            yield t
            t.width = 1
            if t.mode == "query":
                continue
            start = t.startchar if t.chars else 0
            base = t.pos if t.positions else 0
            for i, part in enumerate(parts):
                t.text = part
                if t.positions:
                    t.pos = base + i
                if t.chars:
                    t.startchar = start
                    t.endchar = start + len(part)
                    start += len(part) + 1
                yield t
            shift += len(parts) - 1


class FoldFilter(Filter):
    """Accents off, known variant words to their canonical spelling, transliteration folds."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        aliases = word_aliases()
        for t in tokens:
            text = strip_accents(t.text)
            t.text = aliases.get(text, text)
            yield t


class TransliterationFilter(Filter):
    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = fold_token(t.text)
            yield t


def body_analyzer():  # type: ignore[no-untyped-def]
    """Words -> lower case -> stop words -> compounds -> aliases -> stems -> spelling folds."""
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(minsize=1) | HyphenFilter()
            | FoldFilter() | StemFilter() | TransliterationFilter())


def name_analyzer():  # type: ignore[no-untyped-def]
    """For names (authors, outlets, entities): no stemming, but the same spelling folds."""
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | HyphenFilter() | FoldFilter()
            | TransliterationFilter())


def author_analyzer():  # type: ignore[no-untyped-def]
    """For bylines, which plain queries search too: names as name_analyzer reads them, without
    the body's stop words, so that "the talks" asks nothing of an article's byline."""
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(minsize=1) | HyphenFilter()
            | FoldFilter() | TransliterationFilter())


def as_text(term: str | bytes) -> str:
    """A Whoosh term as text: readers give bytes, parsed queries give str."""
    return term.decode("utf-8") if isinstance(term, bytes) else term


PAIR_JOIN = " "  # never inside a word, so a pair term cannot be confused with a word
_WORDS = re.compile(TOKEN_PATTERN)  # what RegexTokenizer(TOKEN_PATTERN) matches
MAX_REMEMBERED_WORDS = 100_000  # ~45 MB at most; past it, the table starts again

# (text, position, start char, end char, width) of an indexed token
IndexToken = tuple[str, int, int, int, int]


class _Word(NamedTuple):
    """What body_analyzer() makes of one word of the text, analysed on its own.

    Every filter of the chain looks at one token at a time, so a word's terms do not depend on
    its neighbours: only positions and character offsets do, and they are kept relative here.
    """

    span: int  # positions the word takes (0: a stop word, 2: "cease-fire")
    tokens: tuple[IndexToken, ...]  # positions and characters from 0 at the word's start
    spellings: tuple[str, ...]  # its terms without stemming, for the spelling list


_words: dict[str, _Word] = {}
_last = threading.local()  # the text analysed last at index time, and its tokens


def _word(raw: str) -> _Word:
    word = _words.get(raw)
    if word is None:
        if len(_words) >= MAX_REMEMBERED_WORDS:
            _words.clear()
        chain = shared_body_analyzer()
        tokens = tuple((t.text, t.pos, t.startchar, t.endchar, getattr(t, "width", 1))
                       for t in chain(raw, positions=True, chars=True, mode="index"))
        word = _words[raw] = _Word(
            span=max((pos + width for _, pos, _, _, width in tokens), default=0), tokens=tokens,
            spellings=tuple(t.text for t in chain(raw, no_morph=True)))
    return word


def _index_tokens(value: str) -> list[IndexToken]:
    """The tokens body_analyzer() gives for value at index time, from its words' analyses.

    A text's words are mostly words seen before, so each distinct word goes through the chain
    of filters once. Whoosh analyses a field once for its postings and again for its term
    vector, and the pair field would analyse the same body a third time: the last result is
    kept and replayed.
    """
    if getattr(_last, "value", None) != value:  # (str equality checks identity first)
        out: list[IndexToken] = []
        add, remembered = out.append, _words
        pos = -1  # as in StopFilter: the first kept word keeps its place, the rest follow it
        for n, match in enumerate(_WORDS.finditer(value)):
            word = remembered.get(match.group()) or _word(match.group())
            if not word.span:
                continue
            if pos < 0:
                pos = n
            start = match.start()
            for text, at, first, last, width in word.tokens:
                add((text, pos + at, start + first, start + last, width))
            pos += word.span
        _last.tokens = out
        _last.value = value
    return _last.tokens  # type: ignore[no-any-return]


def spelling_words(value: str) -> list[str]:
    """The distinct unstemmed terms of value, sorted: Whoosh's words for spelling suggestions."""
    return sorted({s for match in _WORDS.finditer(value) for s in _word(match.group()).spellings})


@cache
def shared_body_analyzer():  # type: ignore[no-untyped-def]
    """One body_analyzer() for the process (building a chain per use costs more than using it)."""
    return body_analyzer()


class BodyAnalyzer(Analyzer):
    """body_analyzer(), with each text analysed once at index time however many fields use it."""

    def has_morph(self) -> bool:  # stems: Whoosh then keeps unstemmed words for suggestions
        return bool(shared_body_analyzer().has_morph())

    def __call__(self, value: str, mode: str = "", **kwargs: object) -> Iterator[Token]:
        if mode != "index" or kwargs.get("no_morph"):
            yield from shared_body_analyzer()(value, mode=mode, **kwargs)
            return
        t = Token(positions=True, chars=True, mode=mode)
        t.boost = 1.0
        for t.text, t.pos, t.startchar, t.endchar, t.width in _index_tokens(value):
            yield t


class BodyPositions(Positions):
    """Whoosh's Positions format, reading a BodyAnalyzer's index-time tokens as plain tuples
    (Whoosh's goes through a Token object per word, twice per body with the term vector)."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, BodyAnalyzer) or kwargs.get("mode") != "index" or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        positions: dict[str, list[int]] = {}
        for text, pos, _, _, _ in _index_tokens(value):
            found = positions.get(text)
            if found is None:
                positions[text] = [pos]
            else:
                found.append(pos)
        boost = self.field_boost
        for text, found in positions.items():
            yield text, len(found), float(len(found)) * boost, self.encode(found)


class BodyCharacters(Characters):
    """Whoosh's Characters format (the body's term vector), reading tuples as BodyPositions does."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[tuple[str, int, float, bytes]]:
        if not isinstance(analyzer, BodyAnalyzer) or kwargs.get("mode") != "index" or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        places: dict[str, list[tuple[int, int, int]]] = {}
        for text, pos, start, end, _ in _index_tokens(value):
            found = places.get(text)
            if found is None:
                places[text] = [(pos, start, end)]
            else:
                found.append((pos, start, end))
        boost = self.field_boost
        for text, found in places.items():
            yield text, len(found), float(len(found)) * boost, self.encode(found)


class PairAnalyzer(Analyzer):
    """Adjacent word pairs ("interest rate") of the body analysis of a text.

    Indexed as terms, they turn a two-word phrase query into one term lookup instead of a
    comparison of positions in every document holding both words. A word pairs with each word
    that starts right after it ends (a joined compound ends where its last part does).
    """

    def __call__(self, value: str, mode: str = "", **kwargs: object) -> Iterator[Token]:
        ending: dict[int, list[str]] = {}  # end position -> words ending there
        out = Token(positions=False, chars=False, mode=mode)
        out.boost = 1.0
        for text, pos, _, _, width in _index_tokens(value):
            for before in ending.get(pos - 1, ()):
                out.text = before + PAIR_JOIN + text
                yield out
            ending.setdefault(pos + width - 1, []).append(text)
            for stale in [p for p in ending if p < pos - 1]:
                del ending[stale]
