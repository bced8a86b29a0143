"""Stories: groups of articles that report the same event (text similarity, shared names, dates)."""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from reader.core.language.sentences import content_words

THRESHOLD = 0.2  # the least pair score for one event ...
MARGIN = 0.03  # ... when it beats each article's usual neighbours by this much
HIGH = 0.45  # a score this high links a pair on its own
NEIGHBOURS = 4
TOP_TERMS = 200
DENSE_CANDIDATES = 3000  # up to this many articles, common terms also propose pairs


@dataclass(frozen=True)
class StoryDoc:
    """What grouping needs of an article: its term counts (all, and of headline and lead),
    entity names, date, and a fingerprint of its text (copies share it)."""

    id: str
    title: str
    terms: Mapping[str, int]
    names: frozenset[str] = frozenset()
    published: str | None = None
    lead: Mapping[str, int] = field(default_factory=dict)
    fingerprint: str = ""


@dataclass(frozen=True)
class Story:
    title: str
    articles: tuple[str, ...]


TITLE_WEIGHT = 3  # a headline word counts as three body words: headlines name the event
LEAD_WORDS = 60  # the lead: what an outlet says first about the event, however it goes on
LEAD_SHARE = 0.5  # of a pair's score that is the similarity of headline and lead
STORY_CHARS = 100_000  # what an event is told by is in the first 100k characters of the body


def story_doc(article: Any) -> StoryDoc:
    """The grouping view of an Article: content words (headline words weighted), the headline
    and lead's words, names (folded: outlets' spellings agree), date and text fingerprint."""
    from reader.core.language.names import name_key

    body = article.body[:STORY_CHARS]  # a 50 MB file is grouped as fast as a news article
    terms = Counter(content_words(body))
    title = content_words(article.title)
    for word in title:
        terms[word] += TITLE_WEIGHT
    lead = Counter(title) + Counter(content_words(" ".join(body.split()[:LEAD_WORDS])))
    names = frozenset(name_key(m.name) for m in article.entities if m.label in ("person", "org", "place"))
    fingerprint = hashlib.blake2b(" ".join(article.body.lower().split()).encode("utf-8"),
                                  digest_size=12).hexdigest()
    return StoryDoc(article.id, article.title, terms, names, article.published, lead, fingerprint)


@cache
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of word stems in a general news corpus: a prior for small libraries."""
    raw = json.loads(resources.files("reader.core.data").joinpath("background_df.json").read_text("utf-8"))
    return int(raw["documents"]), raw["df"]


def _vectors(docs: Sequence[StoryDoc], lead: bool = False) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update((d.lead if lead else d.terms).keys())
    n = len(docs)
    bg_n, bg_df = background()
    vectors = []
    for d in docs:
        # IDF over the library plus the background corpus, so five articles still know that
        # "said" is common and "Ushakov" is not.
        weights = {t: (1 + math.log(c)) * math.log((n + bg_n + 1) / (df[t] + bg_df.get(t, 0)))
                   for t, c in (d.lead if lead else d.terms).items()}
        top = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:TOP_TERMS])
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        vectors.append({t: w / norm for t, w in top.items()})
    return vectors


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def pair_scores(docs: Sequence[StoryDoc]) -> dict[tuple[int, int], float]:
    """Similarity of every pair of articles that share a distinctive term (sparse, not all pairs).

    Candidates share a distinctive term (one in under a tenth of the library) whose products of
    weights add up to at least 0.05 (in a library of up to DENSE_CANDIDATES articles, all their
    terms count towards the 0.05); their score mixes the cosine of their top-term vectors with
    that of their headlines and leads (one outlet's story goes on to other things than
    another's), then shared names, and is damped for distant dates.
    """
    scores = {}
    leads = _vectors(docs, lead=True)
    for i, j, full in _cosines(docs):
        a, b = docs[i], docs[j]
        lead = sum(w * leads[j].get(t, 0.0) for t, w in leads[i].items())
        cosine = (1 - LEAD_SHARE) * full + LEAD_SHARE * lead if a.lead and b.lead else full
        if a.names and b.names:
            names = len(a.names & b.names) / len(a.names | b.names)
            score = 0.9 * cosine + 0.1 * names
        else:
            score = cosine
        days = _days_apart(a.published, b.published)
        if days is not None and days > 3:
            score *= 0.5
        scores[(i, j)] = score
    return scores


def _cosines(docs: Sequence[StoryDoc], cells: int = 4_000_000, pairs: int = 1_000_000
             ) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for the candidate pairs i < j, summed with numpy a block of articles at a time.

    Each entry (article, term) of a distinctive term pairs with the entries after it in that
    term's list; their products (about `pairs` at a time) are summed into a block of rows of at
    most `cells` cells, so that memory does not grow with the square of the library. The common
    terms (few, each in many articles) add their part to the candidates' cosines as a matrix
    product.
    """
    import numpy as np

    n = len(docs)
    vectors = _vectors(docs)
    columns: dict[str, int] = {}
    rows = np.fromiter((i for i, vec in enumerate(vectors) for _ in vec), np.int64)
    cols = np.fromiter((columns.setdefault(t, len(columns)) for vec in vectors for t in vec), np.int64)
    weights = np.fromiter((w for vec in vectors for w in vec.values()), np.float64)
    df = np.bincount(cols, minlength=len(columns))
    rare = df[cols] <= max(50, n // 10)
    common_cols = np.unique(cols[~rare])
    dense = np.zeros((n, len(common_cols)))
    dense[rows[~rare], np.searchsorted(common_cols, cols[~rare])] = weights[~rare]
    rows, cols, weights = rows[rare], cols[rare], weights[rare]
    order = np.lexsort((rows, cols))  # by term, then article
    rows, cols, weights = rows[order], cols[order], weights[order]
    starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]]) if len(cols) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(cols)])
    # Entry e, at place p of its term's list of k entries, pairs with the k - 1 - p after it.
    partners = np.repeat(sizes, sizes) - 1 - (np.arange(len(cols)) - np.repeat(starts, sizes))
    by_row = np.argsort(rows, kind="stable")
    out: list[tuple[int, int, float]] = []
    height = max(1, cells // max(n, 1))
    for top in range(0, n, height):
        low, high = np.searchsorted(rows[by_row], [top, top + height])
        block = np.zeros(height * n)
        for entries in _pieces(by_row[low:high], partners, pairs):
            counts = partners[entries]
            first = np.repeat(entries, counts)
            second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts)
            block += np.bincount((rows[first] - top) * n + rows[second],
                                 weights=weights[first] * weights[second], minlength=height * n)
        block = block.reshape(height, n)
        if n <= DENSE_CANDIDATES:
            # A small library: common terms alone can make a pair (copies share every term).
            here = min(height, n - top)
            total = block[:here] + dense[top:top + here] @ dense.T
            total[np.arange(here)[:, None] + top >= np.arange(n)[None, :]] = 0.0  # i < j only
            firsts, seconds = np.nonzero(total >= 0.05)
            out += zip((firsts + top).tolist(), seconds.tolist(), total[firsts, seconds].tolist())
            continue
        firsts, seconds = np.nonzero(block >= 0.05)
        common = (dense[top:top + height] @ dense.T)[firsts, seconds]
        out += zip((firsts + top).tolist(), seconds.tolist(), (block[firsts, seconds] + common).tolist())
    return out


def _pieces(entries: Any, partners: Any, most: int) -> Iterator[Any]:
    """entries in consecutive pieces whose partners add up to about `most` (one entry at least)."""
    import numpy as np

    ends = np.cumsum(partners[entries])
    begin = 0
    while begin < len(entries):
        done = ends[begin - 1] if begin else 0
        end = max(begin + 1, int(np.searchsorted(ends, done + most, side="right")))
        yield entries[begin:end]
        begin = end


def linked_pairs(docs: Sequence[StoryDoc]) -> list[tuple[int, int, float]]:
    """Pairs that report the same event: a very high score, or a good score that stands out.

    "Stands out" is local scaling: the pair's score must beat, by MARGIN, the average score each
    article has with its other nearest neighbours. Articles on one topic (five on the Ukraine
    talks) are all similar to each other; the two about the same call are more similar still.
    """
    scores = pair_scores(docs)
    neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), score in scores.items():
        neighbours[i].append((score, j))
        neighbours[j].append((score, i))
    for items in neighbours.values():
        items.sort(reverse=True)

    def usual(i: int, partner: int) -> float:
        others = [s for s, j in neighbours[i] if j != partner][:NEIGHBOURS]
        return sum(others) / len(others) if others else 0.0

    out = []
    for (i, j), score in scores.items():
        if score >= HIGH or (score >= THRESHOLD and
                             min(score - usual(i, j), score - usual(j, i)) >= MARGIN):
            out.append((i, j, score))
    return out


def group_stories(docs: Sequence[StoryDoc]) -> list[Story]:
    """Articles grouped by event: connected components of linked pairs; singletons included."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in linked_pairs(docs):
        parent[find(i)] = find(j)
    # Copies of one text (the same page saved twice, a wire story carried word for word) are
    # one story whatever else the library holds.
    first_with: dict[str, int] = {}
    for i, doc in enumerate(docs):
        if doc.fingerprint:
            parent[find(i)] = find(first_with.setdefault(doc.fingerprint, i))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        groups[find(i)].append(i)
    stories = []
    for members in groups.values():
        ids = tuple(sorted(docs[i].id for i in members))
        # Name the story by its earliest article with a real headline (not one cut from the body).
        first = min(members, key=lambda i: (docs[i].title.endswith("…"), docs[i].published or "9999",
                                             docs[i].id))
        stories.append(Story(title=docs[first].title, articles=ids))
    stories.sort(key=lambda s: (-len(s.articles), s.articles))
    return stories
