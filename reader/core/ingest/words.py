"""Words: a line's words (words_of), and the stop words, the English function words that say
nothing of what a text is about, with those of a page's language when it is not English
(function_words_of(text_language(...))).

Kept apart from block_features (which needs numpy) so that the language stage and the
interface can use them without loading numpy."""

import gzip
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from importlib import resources
from itertools import chain

STOP_WORDS = frozenset("""
a about after against all also an and any are as at be because been before being between both but
by can could did do does during each for from had has have he her here him his how i if in into is
it its just more most my no nor not of off on once one only or other our out over own said same she
should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
""".split())


def words_of(text: str) -> list[str]:
    """A line's words: runs of letters, digits, apostrophes and hyphens opening with a letter."""
    return re.findall(r"[^\W\d_][\w'’-]*", text)


def data_lines(name: str) -> list[str]:
    """The lines of a gzipped table in reader/core/data, its blank and "#" comment lines left out."""
    raw = resources.files("reader.core.data").joinpath(name).read_bytes()
    return [line for line in gzip.decompress(raw).decode("utf-8").splitlines()
            if line and not line.startswith("#")]


@cache
def _other_languages() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]], dict[str, str]]:
    """Function words of some 55 other languages (data/function_words.txt.gz, from spaCy's
    stop-word lists by training/function_words.py): word -> its languages, language -> its words,
    language -> its name ("de" -> "German")."""
    by_language: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for line in data_lines("function_words.txt.gz"):
        language, word = line.split("\t")
        if language.startswith("="):
            names[language[1:]] = word
        else:
            by_language.setdefault(language, set()).add(word)
    languages_of: dict[str, list[str]] = {}
    for language, words in by_language.items():
        for word in words:
            languages_of.setdefault(word, []).append(language)
    return ({w: tuple(ls) for w, ls in languages_of.items()},
            {language: frozenset(words) for language, words in by_language.items()}, names)


MIN_HITS = 5  # words of the page in the other language's list before it is believed
MIN_DISTINCT = 3  # different such words (not one abbreviation of a table, again and again)
MIN_SHARE = 0.05  # and their share of its words (a page of prose has more, whatever its menus and links)


def language_of(words: Iterable[str]) -> str | None:
    """The language of these words (as written: a function word is written in lower case) by
    their function words: another language's code ("pt") when its list holds more than twice as
    many of them as English's does (a Portuguese story under an English menu is Portuguese) and
    they are MIN_SHARE of the words; "en" when English's holds MIN_HITS of them; None when neither
    speaks (a list of names, a few words, a script written without spaces between words)."""
    languages_of, _, _ = _other_languages()
    # (Counted with C-level maps: this runs on every page.) Initials and abbreviations are no
    # function words: "S. Graf" and "NA / NA" hold no Croatian "s" or Czech "na".
    written = [w for w in words if len(w) > 1 and w.islower()]
    english = sum(map(STOP_WORDS.__contains__, written))
    hits = Counter(chain.from_iterable(filter(None, map(languages_of.get, written))))
    if hits:
        language, count = hits.most_common(1)[0]
        if (count >= max(MIN_HITS, MIN_SHARE * len(written)) and count > 2 * english
                and len({w for w in written if language in languages_of.get(w, ())}) >= MIN_DISTINCT):
            return language
    return "en" if english >= MIN_HITS else None


def function_words_of(language: str | None) -> frozenset[str]:
    """The function words to count on a page in this language (a code of language_of()):
    STOP_WORDS, with the language's own when it is another."""
    if language is None or language == "en":
        return STOP_WORDS
    return STOP_WORDS | _other_languages()[1][language]


@lru_cache(maxsize=2)
def text_language(text: str) -> str | None:
    """language_of() a text's written_words(), remembered for the last two texts: the cleaner and
    the boilerplate model's features ask it of the same page, one after the other (a page's text
    is not kept longer than that)."""
    return language_of(written_words(text))


_LETTER = re.compile(r"[^\W\d_]")
_WRITTEN = re.compile(r"[^\W\d_]+")
# Addresses, whose parts are no words of the text ("com" is a Catalan function word).
_ADDRESS_MARKS = ("/", "@", "www.", ".co", ".org", ".net", ".gov", ".edu", ".io")  # one of them in each
_ADDRESS = re.compile(r"(?<!\S)(?:\S*(?:://|www\.|@|\.[a-z]{2,4}/)\S*|\S+\.(?:com|org|net|gov|edu|co|io)\b\S*)")


def written_words(text: str) -> list[str]:
    """A text's words as written, runs of letters, its addresses left out: what language_of() reads."""
    if any(mark in text for mark in _ADDRESS_MARKS):
        text = _ADDRESS.sub(" ", text)
    return _WRITTEN.findall(text)


def _latin(letters: Iterable[str]) -> bool:
    """Whether most of these letters are Latin (Basic Latin to Latin Extended-B)."""
    count = latin = 0
    for c in letters:
        count += 1
        latin += c < "\u0250"
    return latin >= count / 2


@cache
def _written_in_latin(language: str) -> bool:
    """Whether a language of the table is written in Latin letters (by its function words)."""
    return _latin("".join(_other_languages()[1][language]))


def foreign_language(text: str) -> str | None:
    """The name of the language a text is written in when it is not English ("German"; "another
    language" for a script the table has no words of: Japanese, Korean, Chinese), else None.
    A text whose function words say nothing is English when most of its letters are Latin."""
    language = language_of(written_words(text))
    if language == "en":
        return None
    latin_text = _latin(_LETTER.findall(text[:20_000]))
    if language is not None and _written_in_latin(language) == latin_text:  # (its script is the text's)
        return _other_languages()[2].get(language, language)
    return None if latin_text else "another language"


# The language of the page being read when it is not English (written_in()): dates and bylines
# are read in it too ("22 de outubro de 2010", "Von Anna Becker"). A context, not an argument:
# every reader of dates and bylines (date lines, the published date, the headline's neighbours)
# would otherwise pass it along.
_PAGE_LANGUAGE: ContextVar[str | None] = ContextVar("reader_page_language", default=None)


@contextmanager
def written_in(language: str | None) -> Iterator[None]:
    """Within this block, page_language() is `language` (a code of language_of(): "pt", "ru";
    None for English or unknown)."""
    token = _PAGE_LANGUAGE.set(None if language == "en" else language)
    try:
        yield
    finally:
        _PAGE_LANGUAGE.reset(token)


def page_language() -> str | None:
    """The language of the page being read when it is not English (see written_in())."""
    return _PAGE_LANGUAGE.get()
