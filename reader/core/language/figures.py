"""Figures (numbers with units) and direct quotes (with speakers), and where two articles differ."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from reader.core.language.sentences import content_word, content_words
from reader.core.models import Article, Mention

_UNITS = re.compile(r"\b(second|minute|hour|day|week|month|year|percent|per cent|pct)s?\b", re.I)
_QUANTITY = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|"
                       r"dozen|hundreds?|thousands?|millions?|half|\d[\d,.]*)\b", re.I)
_WEEKDAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
                       r"february|march|april|may|june|july|august|september|october|november|"
                       r"december|today|yesterday|tomorrow|tonight)\b", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
                 "million": 10**6, "billion": 10**9, "a": 1, "an": 1, "half": 0.5}
_SPEECH = r"(?:said|says|told|added|wrote|asked|warned|argued|declared|stated|insisted|replied)"
_AFTER = re.compile(r"^[\s,]*(?:(?P<s1>[A-Za-z][^,.;:“”\"]{0,60}?)\s+" + _SPEECH + r"\b|" + _SPEECH
                    + r"\s+(?P<s2>[A-Z][^,.;:“”\"]{0,60}))")
_BEFORE = re.compile(r"(?P<s>[A-Z][^,.;:“”\"]{0,60}?)\s+" + _SPEECH + r"(?:\s+\w+){0,3}\s*[:,]?\s*$")
_QUOTE = re.compile(r"“([^“”\n]{12,}?)”|(?:^|(?<=[\s(]))\"([^\"\n]{12,}?)\"(?=[\s,.;:!?)]|$)", re.M)
_PRONOUNS = {"he", "she", "they"}
_JOINING = frozenset("and or but since as at by for from in into of on than that the to with "
                     "who which while after before about over under per a an".split())


@dataclass(frozen=True)
class Figure:
    text: str  # the figure with its unit, e.g. "2,500 soldier deaths"
    subject: str  # comparable key of the unit, e.g. "soldier"
    unit: str  # the unit as written, e.g. "soldier"
    value: str  # normalised quantity
    context: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    start: int
    end: int


def _value(text: str) -> str:
    digits = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
    if digits:
        return digits[0].replace(",", "")
    total = 0.0
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in _NUMBER_WORDS:
            n = _NUMBER_WORDS[w]
            total = total * n if n >= 100 and total else total + n
    qualifier = re.findall(r"\b(nearly|almost|about|around|more than|over|less than|under|at least|some)\b", text.lower())
    return (" ".join(qualifier) + " " if qualifier else "") + (f"{total:g}" if total else text.lower())


def _sentence_around(body: str, start: int, end: int) -> str:
    left = max(body.rfind(". ", 0, start), body.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (body.find(". ", end), body.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(body)
    return body[left:right].strip()


def figures_of(article: Article) -> list[Figure]:
    """Quantities with what they count: numbers and money, and durations such as 'nearly an hour'."""
    out: list[Figure] = []
    seen: set[tuple[str, str]] = set()  # one figure written twice is shown once
    body = article.body
    for m in article.entities:
        if m.label not in ("number", "money", "date"):
            continue
        if m.label == "date" and not (_UNITS.search(m.text) and _QUANTITY.search(m.text)
                                      and not _WEEKDAYS.search(m.text)):
            continue
        unit = _UNITS.search(m.text)
        if unit:
            written = unit.group(1).lower().replace("per cent", "percent").replace("pct", "percent")
            subject = content_word(written)
            text = m.text
        else:
            # What the number counts: the words right after it, up to the first joining word
            # or punctuation ("2,500 soldier deaths", never "5000 soldiers a").
            following = re.match(r"[ \t-]*((?:[a-z][\w-]*[ \t]*){1,3})", body[m.end:m.end + 40])
            words = following.group(1).split() if following else []
            run = []
            for w in words:
                if not content_word(w) or w.lower() in _JOINING:
                    break
                run.append(w)
            if not run:
                continue
            written = run[0]
            subject = content_word(written)
            text = f"{m.text} {' '.join(run)}"
        if subject and (text, subject) not in seen:
            seen.add((text, subject))
            out.append(Figure(text, subject, written, _value(m.text),
                              _sentence_around(body, m.start, m.end), m.start, m.end))
    return out


def contrast_figures(a: list[Figure], b: list[Figure]) -> list[dict[str, Any]]:
    """Subjects both articles quantify, with each side's figures and whether they agree."""
    by_a: dict[str, list[Figure]] = defaultdict(list)
    by_b: dict[str, list[Figure]] = defaultdict(list)
    for f in a:
        by_a[f.subject].append(f)
    for f in b:
        by_b[f.subject].append(f)
    rows = []
    for subject in sorted(by_a.keys() & by_b.keys()):
        va = {f.value for f in by_a[subject]}
        vb = {f.value for f in by_b[subject]}
        rows.append({
            "subject": subject, "unit": by_a[subject][0].unit, "agree": bool(va & vb),
            "a": [{"text": f.text, "context": f.context, "start": f.start, "end": f.end} for f in by_a[subject]],
            "b": [{"text": f.text, "context": f.context, "start": f.start, "end": f.end} for f in by_b[subject]],
        })
    rows.sort(key=lambda r: (r["agree"], r["subject"]))
    return rows


def _person_at(mentions: list[Mention], start: int, end: int) -> str | None:
    for m in mentions:
        if m.label == "person" and m.start < end and m.end > start:
            return m.name
    return None


def quotes_of(article: Article) -> list[Quote]:
    """Direct quotes of four words or more, with the speaker when the text attributes one."""
    body = article.body
    people = [m for m in article.entities if m.label == "person"]
    out = []
    for match in _QUOTE.finditer(body):
        text = match.group(1) or match.group(2)
        if len(text.split()) < 4:
            continue
        speaker = _speaker(body, people, match.start(), match.end())
        out.append(Quote(text.strip(), speaker, match.start(), match.end()))
    return out


def _speaker(body: str, people: list[Mention], start: int, end: int) -> str | None:
    """The person the text says spoke a quote: in its sentence ("..., X said"), else in the
    paragraph's next or previous sentence ("X said on Monday: ..."), else None (unknown)."""
    found = _speaker_here(body, people, start, end)
    if found:
        return found
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    # A neighbouring sentence of the paragraph that names a person with a verb of saying.
    for lo, hi in ((end, para_end), (para_start, start)):
        text = body[lo:hi]
        for match in re.finditer(r"\b" + _SPEECH + r"\b", text):
            near = [m for m in people if lo <= m.start < hi and abs(m.start - (lo + match.start())) <= 60]
            if near:
                return min(near, key=lambda m: abs(m.start - (lo + match.start()))).name
    return None


def _speaker_here(body: str, people: list[Mention], start: int, end: int) -> str | None:
    line_end = body.find("\n", end)
    after = body[end: line_end if line_end != -1 else len(body)][:120]
    found = _AFTER.match(after)
    offset = end
    if found:
        group = "s1" if found.group("s1") else "s2"
        span = (offset + found.start(group), offset + found.end(group))
    else:
        line_start = body.rfind("\n", 0, start) + 1
        before = body[line_start:start]
        found = _BEFORE.search(before)
        if not found:
            return None
        span = (line_start + found.start("s"), line_start + found.end("s"))
    words = body[span[0]:span[1]].strip().split()
    if words and words[-1].lower() in _PRONOUNS:
        previous = [m for m in people if m.end <= start]
        return previous[-1].name if previous else None
    return _person_at(people, *span)


def contrast_quotes(a: list[Quote], b: list[Quote]) -> list[dict[str, Any]]:
    """Quotes the two articles share: same words, different wording, or different speakers."""
    rows = []
    for qa in a:
        wa = content_words(qa.text)
        best = None
        for qb in b:
            wb = content_words(qb.text)
            common = len(set(wa) & set(wb))
            score = 2 * common / max(1, len(set(wa)) + len(set(wb)))
            contained = common / max(1, min(len(set(wa)), len(set(wb))))
            score = max(score, 0.8 * contained if min(len(wa), len(wb)) >= 4 else 0)
            if score >= 0.5 and (best is None or score > best[0]):
                best = (score, qb)
        if best is None:
            continue
        score, qb = best
        if qa.speaker and qb.speaker and qa.speaker != qb.speaker:
            relation = "different speaker"
        elif score >= 0.95 and qa.text.lower() == qb.text.lower():
            relation = "same"
        else:
            relation = "different wording"
        rows.append({"relation": relation, "similarity": round(score, 3),
                     "speaker_a": qa.speaker, "speaker_b": qb.speaker,
                     "a_text": qa.text, "b_text": qb.text, "a_start": qa.start, "b_start": qb.start})
    rows.sort(key=lambda r: (r["relation"] == "same", -r["similarity"]))
    return rows
