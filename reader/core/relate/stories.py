"""Stories: groups of articles that report the same event (text similarity, shared names, dates)."""

from __future__ import annotations

import hashlib
import json
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


# What story_doc() makes of an article: a catalogue keeps each article's, and drops them all when
# this changes (so change it with story_doc(), or with how the catalogue stores them; 2: compressed).
DOC_VERSION = "2"
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


def doc_fields(doc: StoryDoc) -> dict[str, Any]:
    """What story_doc() made of an article, as plain JSON data (its id, title and date aside)."""
    return {"terms": doc.terms, "names": sorted(doc.names), "lead": doc.lead, "fingerprint": doc.fingerprint}


def from_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """doc_fields() read back: StoryDoc(id, title, published=..., **from_fields(data))."""
    return {"terms": data["terms"], "names": frozenset(data["names"]), "lead": data["lead"],
            "fingerprint": data["fingerprint"]}


@cache
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of word stems in a general news corpus: a prior for small libraries."""
    raw = json.loads(resources.files("reader.core.data").joinpath("background_df.json").read_text("utf-8"))
    return int(raw["documents"]), raw["df"]


def _weights(docs: Sequence[StoryDoc], lead: bool = False) -> tuple[Any, Any, Any, int]:
    """Each article's vector as arrays (rows, cols, weights), by article: the tf-idf of its terms
    (or of its headline and lead's), its TOP_TERMS heaviest at most, to unit length; and the
    number of distinct terms (cols count them from 0).

    IDF over the library plus the background corpus, so that five articles still know that
    "said" is common and "Ushakov" is not: (1 + ln count) * ln((n + N + 1) / (df + background df)).
    """
    import numpy as np

    bags = [d.lead if lead else d.terms for d in docs]
    columns: dict[str, int] = {}
    rows = np.fromiter((i for i, bag in enumerate(bags) for _ in bag), np.int64)
    cols = np.fromiter((columns.setdefault(t, len(columns)) for bag in bags for t in bag), np.int64)
    counts = np.fromiter((c for bag in bags for c in bag.values()), np.float64)
    if not len(rows):
        return rows, cols, counts, 0
    bg_n, bg_df = background()
    df = np.bincount(cols, minlength=len(columns)) + np.fromiter(
        (bg_df.get(t, 0) for t in columns), np.float64, len(columns))
    weights = (1 + np.log(counts)) * np.log((len(docs) + bg_n + 1) / df[cols])
    order = np.lexsort((-weights, rows))  # heaviest first; a stable sort: ties keep the terms' order
    rows, cols, weights = rows[order], cols[order], weights[order]
    top = np.arange(len(rows)) - np.searchsorted(rows, rows) < TOP_TERMS
    rows, cols, weights = rows[top], cols[top], weights[top]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(docs)))
    norms[norms == 0] = 1.0
    return rows, cols, weights / norms[rows], len(columns)


def _pair_dots(vectors: tuple[Any, Any, Any, int], first: Any, second: Any, most: int = 1_000_000) -> Any:
    """The dot products of the vectors of articles first[k] and second[k] (_weights() arrays), the
    shorter vector's terms looked up in the other's, about `most` terms at a time."""
    import numpy as np

    rows, cols, weights, width = vectors
    out = np.zeros(len(first))
    if not len(first) or not len(rows):
        return out
    keys = rows * width + cols
    order = np.argsort(keys)
    keys, looked_up = keys[order], weights[order]
    starts = np.searchsorted(rows, np.arange(max(int(rows[-1]), int(first.max()), int(second.max())) + 2))
    lengths = np.diff(starts)
    swap = lengths[first] > lengths[second]
    short, long = np.where(swap, second, first), np.where(swap, first, second)
    ends = np.cumsum(lengths[short])
    begin = 0
    while begin < len(short):
        done = ends[begin - 1] if begin else 0
        end = max(begin + 1, int(np.searchsorted(ends, done + most, side="right")))
        counts = lengths[short[begin:end]]
        pair = np.repeat(np.arange(end - begin), counts)
        at = starts[short[begin:end]][pair] + np.arange(len(pair)) - np.repeat(np.cumsum(counts) - counts, counts)
        wanted = long[begin:end][pair] * width + cols[at]
        found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        products = np.where(keys[found] == wanted, weights[at] * looked_up[found], 0.0)
        out[begin:end] = np.bincount(pair, weights=products, minlength=end - begin)
        begin = end
    return out


def _day(published: str | None) -> int | None:
    """A date's day number, or None without a readable one."""
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def pair_scores(docs: Sequence[StoryDoc]) -> dict[tuple[int, int], float]:
    """Similarity of every pair of articles that share a distinctive term (sparse, not all pairs).

    Candidates share a distinctive term (one in under a tenth of the library) whose products of
    weights add up to at least 0.05 (in a library of up to DENSE_CANDIDATES articles, all their
    terms count towards the 0.05); their score mixes the cosine of their top-term vectors with
    that of their headlines and leads (one outlet's story goes on to other things than
    another's), then shared names, and is damped for distant dates (more than three days apart).
    """
    import numpy as np

    pairs = _cosines(docs)
    if not pairs:
        return {}
    firsts, seconds, fulls = (np.array(column) for column in zip(*pairs))
    leads = _pair_dots(_weights(docs, lead=True), firsts, seconds)
    with_lead = np.array([bool(d.lead) for d in docs])
    score = np.where(with_lead[firsts] & with_lead[seconds], (1 - LEAD_SHARE) * fulls + LEAD_SHARE * leads, fulls)
    sizes = np.array([len(d.names) for d in docs], dtype=np.float64)
    named = np.flatnonzero((sizes[firsts] > 0) & (sizes[seconds] > 0))
    if len(named):
        # Names shared over names in either (Jaccard): the shared ones counted as a dot product of
        # 0/1 vectors, a pair at a time, as the headlines' and leads' vectors are.
        ids: dict[str, int] = {}
        rows = np.fromiter((i for i, d in enumerate(docs) for _ in d.names), np.int64)
        cols = np.fromiter((ids.setdefault(name, len(ids)) for d in docs for name in d.names), np.int64)
        ones = (rows, cols, np.ones(len(rows)), len(ids))
        a, b = firsts[named], seconds[named]
        shared = _pair_dots(ones, a, b)
        score[named] = 0.9 * score[named] + 0.1 * (shared / (sizes[a] + sizes[b] - shared))
    days = np.array([np.nan if day is None else day for day in map(_day, (d.published for d in docs))])
    score[np.abs(days[firsts] - days[seconds]) > 3] *= 0.5  # NaN (no date) compares False
    return dict(zip(zip(firsts.tolist(), seconds.tolist()), score.tolist()))


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
    rows, cols, weights, width = _weights(docs)
    df = np.bincount(cols, minlength=width)
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
    # Each article's NEIGHBOURS + 1 nearest: its usual neighbours whichever partner is left out.
    nearest = {i: sorted(items, reverse=True)[:NEIGHBOURS + 1] for i, items in neighbours.items()}

    def usual(i: int, partner: int) -> float:
        others = [s for s, j in nearest[i] if j != partner][:NEIGHBOURS]
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
