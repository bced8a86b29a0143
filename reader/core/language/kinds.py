"""The kind of each name (person, organisation, place, other), judged by a small learned model.

The spaCy model's label, the rules of entities.py and the library's vote give a name its kind;
they go wrong where the words around a name tell more than the name: "CHICAGO 5 Houston 3" names
two teams, "Surrey 250 and 120-3" a county's side, "Pirelli said" a company. And the small spaCy
model misses names outright ("D Yachvili, S Marconnet", "Theresa May, said"). The model
(data/kinds.json.gz, written by training/kinds.py from CoNLL-2003 news) looks at what those
steps said, the name's shape, reference tables and the words and numbers around it, and gives
each name, and each run of capitalised words spaCy left untagged (entities.candidates), a
probability per class: person, org, place, misc (a group or another name) or none. Where it is
sure (SURE), the likeliest class is the kind; else the rules' kind stands and a candidate stays out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from reader.core.ingest.bylines import given_names
from reader.core.ingest.trees import Forest, load

KINDS = ("person", "org", "place", "group", "other")
CLASSES = ("person", "org", "place", "misc", "none")  # misc: a group or another name
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART",
                "PRODUCT", "LANGUAGE")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
# The model changes a name's kind, or adds a name spaCy missed, only when at least this sure of
# it. CoNLL-2003 held out: 0.8 scores 0.810, 0.9 0.796; but on 280 BBC articles (no labels; read
# by hand) 0.8 makes 116 changes, many wrong ("Wales" a person six times, "Morgan Stanley",
# "North Africa", "PlayStation"), 0.9 makes 46, about one in six wrong ("Moody's", "Sadler's Wells").
SURE = 0.9
_NUMBER = re.compile(r"[\d.,:/-]*\d[\d.,:/-]*")
_OPENS = re.compile(r"[.!?:][\"'”’)]?\s+$")  # the end of a sentence right before a name


@dataclass(frozen=True)
class Staged:
    """A name as the rules left it: its span, kind, canonical name and the model's label (kind
    and label empty for a candidate the model left untagged: entities.candidates())."""

    start: int
    end: int
    kind: str
    name: str
    label: str  # spaCy's label of the mention it came from


@dataclass(frozen=True)
class Facts:
    """What the rules know of a name, for the model's features."""

    place: bool  # in the table of places
    major: bool  # a country, US state, continent or city of a million
    people: bool  # a country's demonym
    voted: str | None  # the library's majority kind
    surname: bool  # the library names a person whose full name ends with it


def feature_names(before: Sequence[str], after: Sequence[str]) -> list[str]:
    names = [f"kind={k}" for k in KINDS] + [f"label={k}" for k in MODEL_LABELS]
    names += [f"voted={k}" for k in KINDS] + ["surname", "place", "major", "people", "given_name"]
    names += ["words", "chars", "upper", "title_share", "digit", "dot", "hyphen", "ampersand"]
    names += ["candidate", "opens_sentence"]
    names += ["line_tokens", "line_numbers", "line_upper", "line_start", "line_end",
              "next_number", "previous_number", "second_next_number", "position"]
    names += [f"article_{k}" for k in KINDS]
    names += [f"before={w}" for w in before] + [f"after={w}" for w in after]
    return names


class Lines:
    """The tokens of each line of a body, read once per line however many names it holds."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.lines: dict[int, tuple[list[int], list[int], list[str], list[bool], tuple[float, float]]] = {}

    def around(self, start: int, end: int) -> tuple[str, str, list[bool], tuple[float, float], int, int]:
        """The lower-cased tokens right before and right after body[start:end] in its line
        ("<line>" and "</line>" at its ends), whether each token of the line is a number, the
        shares of its tokens that are numbers and in capitals, and how many tokens of the line
        precede and follow the name."""
        line_start = self.body.rfind("\n", 0, start) + 1
        if line_start not in self.lines:
            line_end = self.body.find("\n", line_start)
            line_end = len(self.body) if line_end < 0 else line_end
            found = list(_TOKEN.finditer(self.body, line_start, line_end))
            texts = [m.group(0) for m in found]
            numbers = [bool(_NUMBER.fullmatch(t)) for t in texts]
            share = sum(numbers) / max(len(texts), 1)
            upper = sum(t.isupper() and len(t) > 1 for t in texts) / max(len(texts), 1)
            self.lines[line_start] = ([m.start() for m in found], [m.end() for m in found], texts,
                                      numbers, (share, upper))
        starts, ends, texts, numbers, shares = self.lines[line_start]
        before = bisect_right(ends, start)
        after = bisect_left(starts, end)
        previous = texts[before - 1].lower() if before else "<line>"
        following = texts[after].lower() if after < len(texts) else "</line>"
        return previous, following, numbers, shares, before, len(texts) - after


def features(body: str, staged: Sequence[Staged], facts: Sequence[Facts],
             before_words: Sequence[str], after_words: Sequence[str]) -> np.ndarray:
    """One row per staged name (feature_names() in order)."""
    given = given_names()
    in_article: dict[str, Counter[str]] = defaultdict(Counter)
    for s in staged:
        in_article[s.name.lower()][s.kind] += 1
    width = len(feature_names(before_words, after_words))
    own = width - len(before_words) - len(after_words)  # the columns before the words around
    before_at = {w: own + i for i, w in enumerate(before_words)}
    after_at = {w: own + len(before_words) + i for i, w in enumerate(after_words)}
    lines = Lines(body)
    x = np.zeros((len(staged), width))
    for n, (s, f) in enumerate(zip(staged, facts)):
        text = body[s.start:s.end]
        words = text.split() or [text]
        previous, following, numbers, (share, upper), n_before, n_after = lines.around(s.start, s.end)
        line = len(numbers)
        row = [s.kind == k for k in KINDS] + [s.label == k for k in MODEL_LABELS]
        row += [f.voted == k for k in KINDS] + [f.surname, f.place, f.major, f.people, words[0] in given]
        row += [len(words), len(text), text.isupper(), sum(w[:1].isupper() for w in words) / len(words),
                any(c.isdigit() for c in text), "." in text, "-" in text, "&" in text]
        row += [not s.kind, bool(_OPENS.search(body, max(0, s.start - 4), s.start)) or not n_before]
        row += [line, share, upper,
                not n_before, not n_after, bool(n_after) and numbers[line - n_after],
                bool(n_before) and numbers[n_before - 1],
                n_after > 1 and numbers[line - n_after + 1], s.start / max(len(body), 1)]
        counts = in_article[s.name.lower()]
        row += [counts[k] for k in KINDS]
        x[n, :own] = row
        if previous in before_at:
            x[n, before_at[previous]] = 1.0
        if following in after_at:
            x[n, after_at[following]] = 1.0
    return x


@dataclass(frozen=True)
class Model:
    before: tuple[str, ...]
    after: tuple[str, ...]
    trees: Forest  # one tree per class each round, in CLASSES order (softmax of their sums)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each row's probability of each class (CLASSES), rows summing to one."""
        if not len(x):
            return np.zeros((0, len(CLASSES)))
        raw = self.trees.leaves(x).reshape(len(x), -1, len(CLASSES)).sum(axis=1)
        raw -= raw.max(axis=1, keepdims=True)
        odds = np.exp(raw)
        return odds / odds.sum(axis=1, keepdims=True)


def held_out() -> dict[str, dict[str, float]]:
    """The shipped model's cross-validated CoNLL-2003 scores (training/kinds.py), per kind and
    for all ("all"), as benchmarks.entities_conll.score() gives them."""
    data = load(resources.files("reader.core.data").joinpath("kinds.json.gz"))
    return data["cross_validated"]["held out"]


@cache
def model() -> Model:
    """The shipped model; raises ValueError if it was trained on other features than these."""
    data = load(resources.files("reader.core.data").joinpath("kinds.json.gz"))
    before, after = tuple(data["before"]), tuple(data["after"])
    if data["features"] != feature_names(before, after) or tuple(data["classes"]) != CLASSES:
        raise ValueError("the kinds model was trained on other features; retrain it")
    return Model(before, after, Forest(data["trees"]))


def judge(articles: Sequence[tuple[str, Sequence[Staged], Sequence[Facts]]]) -> list[list[str | None]]:
    """Each staged name's kind as the shipped model sees it (verdicts()), for (body, staged
    names, their facts) of some articles: one evaluation of the trees for all of them."""
    m = model()
    rows = [features(body, staged, facts, m.before, m.after) for body, staged, facts in articles]
    if not any(len(r) for r in rows):
        return [[] for _ in articles]
    p = m.probabilities(np.vstack(rows))
    out, at = [], 0
    for (_, staged, _), r in zip(articles, rows):
        out.append(verdicts(staged, p[at:at + len(r)]))
        at += len(r)
    return out


def verdicts(staged: Sequence[Staged], probabilities: np.ndarray) -> list[str | None]:
    """The likeliest class of each name as one of KINDS, or None (no name at all). A name the
    model calls a group or another kind of name keeps that kind from the rules when it had one
    of the two, else becomes a group if spaCy called it a nationality, else other."""
    out: list[str | None] = []
    for s, row in zip(staged, probabilities):
        best = CLASSES[int(np.argmax(row))]
        if row.max() < SURE:
            out.append(s.kind or None)  # a candidate (no kind yet) stays out
        elif best == "none":
            out.append(None)
        elif best == "misc":
            out.append(s.kind if s.kind in ("group", "other") else
                       "group" if s.label == "NORP" else "other")
        else:
            out.append(best)
    return out
