"""Two articles side by side: aligned passages, what only one reports, entities, figures, quotes."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from reader.core.language.figures import (
    Figure,
    Quote,
    contrast_figures,
    contrast_quotes,
    figures_of,
    quotes_of,
)
from reader.core.language.names import NAME_KINDS, name_key
from reader.core.language.sentences import (
    Sentence,
    content_words,
    split_sentences,
    words_with_offsets,
)
from reader.core.models import Article

# Two sentences are one passage when this share of their words is the same words in the same
# order (with light edits). Measured on the labelled scrapes (benchmarks/compare.py): sentences of
# wire copies score 0.85 and up; different sentences on one event, by outlets reporting on their
# own, 0.53 at most (shared quotes, which are the same words, 0.83 and up).
THRESHOLD = 0.7
MIN_WORDS = 6  # shorter lines ("Advertisement", a dateline) never make a shared passage


@dataclass(frozen=True)
class Change:
    """One word-level difference inside an aligned pair: op is replace, delete or insert."""

    op: str
    a_text: str
    b_text: str


@dataclass(frozen=True)
class Pair:
    a_text: str
    b_text: str
    similarity: float
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Passage:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    similarity: float  # same wording: the share of both texts' words in passages they share
    shared_share_a: float  # share of A's characters in passages B also has
    shared_share_b: float
    shared_passages: tuple[Pair, ...]
    only_a: tuple[Passage, ...]
    only_b: tuple[Passage, ...]
    shared_entities: tuple[tuple[str, int, int], ...]  # name, count in A, count in B
    only_a_entities: tuple[tuple[str, int], ...]
    only_b_entities: tuple[tuple[str, int], ...]
    figures: tuple[dict[str, Any], ...]
    quotes: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "same_wording": round(self.similarity, 4),
            "shared_share_a": round(self.shared_share_a, 4), "shared_share_b": round(self.shared_share_b, 4),
            "shared_passages": [
                {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(p).items()
                 if k != "changes"} | {"changes": [asdict(c) for c in p.changes]}
                for p in self.shared_passages],
            "only_a": [asdict(p) for p in self.only_a],
            "only_b": [asdict(p) for p in self.only_b],
            "shared_entities": [{"name": n, "count_a": ca, "count_b": cb} for n, ca, cb in self.shared_entities],
            "only_a_entities": [{"name": n, "count": c} for n, c in self.only_a_entities],
            "only_b_entities": [{"name": n, "count": c} for n, c in self.only_b_entities],
            "figures": list(self.figures),
            "quotes": list(self.quotes),
        }


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text)]


def _prose(text: str) -> bool:
    words = len(text.split())
    return words >= 12 or (words >= MIN_WORDS and bool(re.search(r"[.!?…][\"'”’)\]]*$", text.strip())))


def similarity(a: list[str], b: list[str]) -> float:
    """How much of two sentences (as lower-case words) is the same words in the same order.

    2M / (len(a) + len(b)) for M words in matching runs; a sentence that another one contains
    (an outlet split or cut a sentence) counts by what it shares of itself, when long enough.
    """
    if len(a) < MIN_WORDS or len(b) < MIN_WORDS:
        return 0.0
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    score = 2 * same / (len(a) + len(b))
    if min(len(a), len(b)) >= 2 * MIN_WORDS:
        score = max(score, same / min(len(a), len(b)))
    return score


def align(a: list[Sentence], b: list[Sentence]) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of sentences that say the same thing, in any order.

    One-to-one by best score first; then a sentence left over joins a paired sentence of the other
    side that contains it (one long sentence split in two by the other outlet).
    """
    # Only sentences of prose take part: a line without a full stop ("Sign up for the morning
    # briefing", a menu, a widget) is a page's template, however alike on both pages.
    words_a = [content_words(s.text) if _prose(s.text) else [] for s in a]
    words_b = [content_words(s.text) if _prose(s.text) else [] for s in b]
    all_a = [_words(s.text) for s in a]
    all_b = [_words(s.text) for s in b]
    index: dict[str, set[int]] = {}
    for j, ws in enumerate(words_b):
        for w in set(ws):
            index.setdefault(w, set()).add(j)
    scored: list[tuple[float, int, int]] = []
    for i, ws in enumerate(words_a):
        candidates: Counter[int] = Counter()
        for w in set(ws):
            candidates.update(index.get(w, ()))
        for j, shared in candidates.items():
            if shared >= 3:
                score = similarity(all_a[i], all_b[j])
                if score >= THRESHOLD:
                    scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score))
    for score, i, j in scored:  # leftovers contained in a partner's sentence
        if (i not in used_a) != (j not in used_b):
            short = all_a[i] if i not in used_a else all_b[j]
            other = all_b[j] if i not in used_a else all_a[i]
            matcher = difflib.SequenceMatcher(a=short, b=other, autojunk=False)
            if sum(block.size for block in matcher.get_matching_blocks()) >= THRESHOLD * len(short):
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j, score))
    pairs.sort()
    return pairs


def word_changes(a: str, b: str) -> tuple[Change, ...]:
    wa = [w for w, _, _ in words_with_offsets(a)]
    wb = [w for w, _, _ in words_with_offsets(b)]
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[w.lower() for w in wa],
                                                      b=[w.lower() for w in wb], autojunk=False).get_opcodes():
        if op != "equal":
            changes.append(Change(op, " ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return tuple(changes)


def _entity_counts(article: Article, names: dict[str, str]) -> Counter[str]:
    """Mentions per entity, by folded name (two outlets' spellings are one entity); `names`
    receives the spelling shown for each key."""
    counts: Counter[str] = Counter()
    for m in article.entities:
        if m.label in NAME_KINDS:
            key = name_key(m.name)
            counts[key] += 1
            names.setdefault(key, m.name)
    return counts


def compare(a: Article, b: Article) -> Comparison:
    """Compare two articles; everything is computed from their bodies and stored entities."""
    sa, sb = split_sentences(a.body), split_sentences(b.body)
    pairs = align(sa, sb)
    shared_pairs = tuple(
        Pair(sa[i].text, sb[j].text, score, sa[i].start, sa[i].end, sb[j].start, sb[j].end,
             word_changes(sa[i].text, sb[j].text))
        for i, j, score in pairs)
    in_a = {i for i, _, _ in pairs}
    in_b = {j for _, j, _ in pairs}
    only_a = tuple(Passage(s.text, s.start, s.end) for i, s in enumerate(sa) if i not in in_a)
    only_b = tuple(Passage(s.text, s.start, s.end) for j, s in enumerate(sb) if j not in in_b)
    share_a = sum(sa[i].end - sa[i].start for i in in_a) / max(1, sum(s.end - s.start for s in sa))
    share_b = sum(sb[j].end - sb[j].start for j in in_b) / max(1, sum(s.end - s.start for s in sb))
    # One number: how much of the two texts, word for word, is the same wording.
    words_in = (sum(len(_words(sa[i].text)) for i in in_a) + sum(len(_words(sb[j].text)) for j in in_b))
    words_all = sum(len(_words(s.text)) for s in sa) + sum(len(_words(s.text)) for s in sb)
    same_wording = words_in / max(1, words_all)
    shown: dict[str, str] = {}
    ea, eb = _entity_counts(a, shown), _entity_counts(b, shown)
    shared = tuple(sorted(((shown[k], ea[k], eb[k]) for k in ea.keys() & eb.keys()),
                          key=lambda t: (-t[1] - t[2], t[0])))
    only_ea = tuple(sorted(((shown[k], c) for k, c in ea.items() if k not in eb), key=lambda t: (-t[1], t[0])))
    only_eb = tuple(sorted(((shown[k], c) for k, c in eb.items() if k not in ea), key=lambda t: (-t[1], t[0])))
    fa: list[Figure] = figures_of(a)
    fb: list[Figure] = figures_of(b)
    qa: list[Quote] = quotes_of(a)
    qb: list[Quote] = quotes_of(b)
    return Comparison(
        a=a.id, b=b.id, similarity=same_wording, shared_share_a=share_a, shared_share_b=share_b,
        shared_passages=shared_pairs, only_a=only_a, only_b=only_b, shared_entities=shared,
        only_a_entities=only_ea, only_b_entities=only_eb,
        figures=tuple(contrast_figures(fa, fb)), quotes=tuple(contrast_quotes(qa, qb)),
    )
