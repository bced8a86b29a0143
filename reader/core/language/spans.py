"""The NER model's spans of one article, mended before they are judged: a person cut after a
name particle ("Ursula von der" + "Leyen"), a span run across a break ("Slovakia - Lubomir
Moravcik"), and a name the model found in one place and missed in another.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.core.language.names import NAME_KINDS, bare
from reader.core.language.ner import SPACY_TO_KIND, RawMention

_PARTICLE_END = re.compile(r"\s(?:von|van|der|den|de|da|del|della|di|du|la|le|bin|al|el|ibn)$")


def _join_particles(body: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """"Ursula von der" + "Leyen": a person cut after a name particle is joined to what follows."""
    out: list[RawMention] = []
    for m in sorted(raw, key=lambda m: m.start):
        if (out and out[-1].label == "PERSON" and _PARTICLE_END.search(out[-1].text)
                and body[out[-1].end:m.start] == " " and m.text[:1].isupper()):
            first = out.pop()
            m = RawMention(body[first.start:m.end], "PERSON", first.start, m.end)
        out.append(m)
    return out


# Where one name ends and another begins inside a span the model made: a spaced dash ("Slovakia -
# Lubomir Moravcik"), a comma ("The Oval, London"), a bracket ("Ainars Kiksis (Latvia"), a score
# between two teams ("Crewe 0 Watford 2": only where a score follows the second name too, so
# "BBC 6 Music" and "Radio 4 LW" stay whole).
_BREAK = re.compile(r"\s+[-–—]\s+|\s*,\s+|\s*[()\[\]]\s*|(?P<score>\s+\d{1,2}\s+)")
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.&-]*"
_SCORE_AFTER = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*[ \t]+\d{{1,2}}\b")  # name, score


def _split_at_breaks(body: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """A name the model ran across a break (_BREAK) is the names on either side of it."""
    out: list[RawMention] = []
    for m in raw:
        if SPACY_TO_KIND.get(m.label) not in NAME_KINDS or not _BREAK.search(m.text):
            out.append(m)
            continue
        breaks = list(_BREAK.finditer(m.text))
        cuts = []
        for found in breaks:
            if found.group("score") and not _SCORE_AFTER.match(body, m.start + found.end()):
                continue
            cuts.append((m.start + found.start(), m.start + found.end()))
        at = m.start
        for cut_start, cut_end in [*cuts, (m.end, m.end)]:
            if any(c.isalpha() for c in body[at:cut_start]):
                out.append(RawMention(body[at:cut_start], m.label, at, cut_start))
            at = cut_end
    return out


def lower_case_words(body: str) -> set[str]:
    """The words an article writes in lower case somewhere: a single capitalised word that is
    also one of them is not looked for again (_propagate) nor offered as a name (candidates)."""
    return set(re.findall(r"\b[a-z][\w'’-]*\b", body))


PROPAGATE_LABELS = frozenset(label for label, kind in SPACY_TO_KIND.items() if kind in NAME_KINDS)


def repaired(body: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """The model's mentions of one article with its span errors mended: a name cut after a
    particle joined, a span run across a break split, and the names it missed where it found
    them elsewhere in the article added."""
    return _propagate(body, _split_at_breaks(body, _join_particles(body, raw)))


def _propagate(body: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """The model's mentions, and where the same article prints a name it found elsewhere but
    missed there: the model tags "Alexander Lebed" and misses the bare "Lebed" further on, or
    tags "KDP" once in five. A name is printed the same way and capitalised; a single word must
    not also be one the article writes in lower case, and a surname comes from a full name."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in raw:
        if m.label not in PROPAGATE_LABELS:
            continue
        name = bare(m.text, offices=m.label == "PERSON")
        if len(name) >= 3 and name[0].isupper():
            forms[name][m.label] += 1
        words = name.split()
        if m.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
            forms[words[-1]]["PERSON"] += 1
    if not forms:
        return list(raw)
    ordinary = lower_case_words(body)
    wanted = sorted((f for f in forms if " " in f or f.lower() not in ordinary),
                    key=lambda f: (-len(f), f))  # "Alexander Lebed" before "Lebed"
    if not wanted:
        return list(raw)
    taken = sorted((m.start, m.end) for m in raw)
    out = list(raw)
    for a, b, form in printed(body, wanted):
        at = bisect_left(taken, (b, b))
        if any(s < b and a < e for s, e in taken[max(0, at - 20):at]):
            continue  # inside or across a mention the model made
        taken.insert(at, (a, b))
        out.append(RawMention(form, forms[form].most_common(1)[0][0], a, b))
    return out


def _inside_word(c: str) -> bool:
    return c.isalnum() or c in "_-"  # (re's \w, and the hyphen)


def printed(body: str, forms: Sequence[str]) -> list[tuple[int, int, str]]:
    """Where body prints each of forms as a whole word or words (not inside a longer word or a
    hyphenated one), left to right without overlaps: where two start at one place, the one
    earlier in forms. The same as re.finditer over the forms' alternation between
    (?<![\\w-]) and (?![\\w-]), without compiling a pattern for each article.
    """
    order = {form: i for i, form in enumerate(forms)}
    starts: dict[int, tuple[int, int]] = {}  # where a form starts -> (its rank, where it ends)
    for form in forms:
        rank, at = order[form], body.find(form)
        while at >= 0:
            end = at + len(form)
            if ((at == 0 or not _inside_word(body[at - 1])) and (end == len(body) or not _inside_word(body[end]))
                    and (at not in starts or rank < starts[at][0])):
                starts[at] = (rank, end)
            at = body.find(form, at + 1)
    found, after = [], 0
    for at in sorted(starts):
        if at >= after:
            rank, after = starts[at]
            found.append((at, after, forms[rank]))
    return found
