"""Text in capitals -> the same text with its words' usual case, character for character.

Headlines, datelines ("WASHINGTON (Reuters) -") and cross-heads printed in capitals hide the
capitalisation the entity model reads names by. Each such word takes the case it has elsewhere
in the same text; failing that, a short word of the language is lower-cased, an acronym stays,
and any other word is written as a name. Only the case changes, so offsets still point into the
original text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_LOWER_WORDS = frozenset("""
a an and are as at be but by for from had has have he her his in into is it its of on or our
over she so than that the their them they this to up was we were what when where which who will
with would after before about against between during under says said say new more most no not
""".split())


def _shouting(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def truecase(text: str) -> str:
    """The text with runs of capitals (two words or more, or a line's first word) re-cased."""
    if not any(c.isupper() for c in text):
        return text
    words = list(_WORD.finditer(text))
    usual: dict[str, Counter[str]] = defaultdict(Counter)
    for match in words:
        word = match.group(0)
        if not _shouting(word):
            usual[word.lower()][word] += 1
    # Which words shout: those in a run of two or more capitals, or a capital word opening a
    # line (a dateline).
    shouting = [_shouting(m.group(0)) for m in words]
    marked = [False] * len(words)
    for i, loud in enumerate(shouting):
        if not loud:
            continue
        near = (i > 0 and shouting[i - 1] and _same_line(text, words[i - 1], words[i])) or (
            i + 1 < len(words) and shouting[i + 1] and _same_line(text, words[i], words[i + 1]))
        opens_line = words[i].start() == 0 or text[:words[i].start()].rstrip(" \t").endswith("\n")
        marked[i] = near or (opens_line and len(words[i].group(0)) >= 4)
    if not any(marked):
        return text
    # A word in capitals amid ordinary text is an acronym ("the PUK accuses"): it stays so.
    acronyms = {m.group(0) for m, loud, mark in zip(words, shouting, marked) if loud and not mark}
    out = list(text)
    for i, match in enumerate(words):
        if not marked[i]:
            continue
        word = match.group(0)
        recased = word if word in acronyms else _recase(word, usual.get(word.lower()))
        out[match.start():match.end()] = recased
    result = "".join(out)
    return result if len(result) == len(text) else text


def _same_line(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return "\n" not in text[a.end():b.start()]


def _recase(word: str, seen: Counter[str] | None) -> str:
    if seen:
        form = seen.most_common(1)[0][0]
        if len(form) == len(word):
            return form
    lower = word.lower()
    if lower in _LOWER_WORDS:
        return lower
    letters = sum(c.isalpha() for c in word)
    if letters <= 2 or "." in word:
        return word  # an acronym: UN, EU, U.S.
    return word[0] + word[1:].lower()
