"""Which line of a page is its headline: a small learned ranker over the lines above the body.

Candidates are the short blocks before the article body (and the page title a crawler header
gave); each is described by its shape, its distance to the body, whether it repeats the page
title or the lead's words, how closely a byline or a date line follows or precedes it (a headline
stands just above its byline; a list of related headlines does not), and the boilerplate model's
score. The model (data/headline.json.gz, written by training/headline.py) scores them; the best
wins if it is likely enough.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from reader.core.ingest.block_features import STOP_WORDS, credit_at_end, tokens
from reader.core.ingest.blocks import Block
from reader.core.ingest.templates import line_key
from reader.core.ingest.trees import Forest, load

REACH = 120  # blocks above the body that can hold the headline
SEPARATOR = re.compile(r"\s+(?:\||-|–|—|:|::|·|•|»)\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A wire dateline before the dash is no site name: "June 25 (Reuters) - Trump asks ...".
_NOT_A_SITE = re.compile(r"[()]|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
                         re.IGNORECASE)

FEATURES = [
    "from_header", "log_words", "log_chars", "ends_period", "ends_other", "separators",
    "headline_words", "cap_share", "upper_share", "digit_share", "link_share", "heading", "depth",
    "images", "quotes", "index", "log_distance", "at_start", "relative", "log_line", "first_block",
    "gap_before", "gap_after", "p", "has_page_title", "equals_page_title", "prefix_page_title",
    "jaccard_page_title", "lead_overlap", "lead_rank", "repeats", "contained", "byline", "date",
    "colon_label", "words_rank", "credit", "markup", "glued", "meta_after", "meta_before",
]
META_REACH = 4  # blocks after (or before) a candidate where a byline or a date line counts


@dataclass(frozen=True)
class Candidate:
    index: int  # block index, -1 for the page title of a crawler header
    text: str  # as printed
    headline: str  # with a site suffix cut off
    glued: bool = False  # a run of words cut from either end of a longer line of page chrome


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """A line's words, lower case, single-spaced: templates.line_key, remembered (a page's lines
    near its headline are compared with every candidate's, and asked for by several steps)."""
    return line_key(text)


def split_site(title: str) -> tuple[str, str | None]:
    """A page title -> (headline, site name): "Gold jumps | Business | The Guardian"."""
    parts = [p.strip() for p in SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip(), None
    headline = max(parts, key=len)
    at = parts.index(headline)
    site = parts[-1] if at < len(parts) - 1 else (parts[0] if at > 0 else None)
    if site and (len(site.split()) > 5 or _NOT_A_SITE.search(site)):
        # A part too long for a site's name ("Star Wars Jedi: Fallen Order review – shoots for
        # the moon, lands among the stars") or with brackets ("Die elektronische Patientenakte
        # (ePA) – der lange Marsch ...") is the headline's own, so nothing is cut.
        return title.strip(), None
    if at > 0 and site == parts[0] and (len(parts[0].split()) > 3
                                        or SEPARATOR.search(title).group().strip() in "-–—"):
        # A site or section before the headline is set off by a bar ("Opinion | Republicans
        # Are ..."); before a dash a phrase is the headline's own: a speaker, a topic ("Wood -
        # Ireland can win Grand Slam", "Take C.A.R.E. - comwrap auf der DMEXCO 2018").
        return title.strip(), None
    return headline, site


def candidates(blocks: Sequence[Block], start: int, page_title: str | None,
               is_byline, is_date, is_chrome=lambda text: False) -> list[Candidate]:
    """The blocks above the body (and the body's first) that could be the headline.

    Bylines, date lines and lines that are chrome by their words (a share bar, a caption)
    never are; is_byline, is_date and is_chrome are predicates on text.
    """
    out = []
    if page_title:
        out.append(Candidate(-1, page_title, split_site(page_title)[0]))
    story: set[str] | None = None  # the stems of the story's opening, read when a long line needs them
    for i in range(max(0, start - REACH), min(len(blocks), start + 2)):
        text = blocks[i].text.strip().strip("#*_ ").strip()
        n = len(_WORD.findall(text))
        if (1 <= n <= 45 and "\n" not in text and not is_date(text) and not is_byline(text)
                and not is_chrome(text)):
            out.append(Candidate(i, text, split_site(text)[0]))
        if i < start and n > GLUED_LINE:
            if story is None:
                story = {stem for block in blocks[start:start + 12] for stem in _stems(block.text)}
            out += [Candidate(i, run, run, glued=True) for run in glued_runs(text, story)]
    return out


GLUED_MIN, GLUED_MAX = 5, 25  # words in a headline glued to a line of chrome
GLUED_LINE = 20  # a line longer than any headline (in words) may have one glued to it
GLUED_REST = 5  # words of chrome the rest of such a line must have
REST_STORY = 0.35  # at most this share of the rest's words may be the story's


def _ends_sentence(word: str) -> bool:
    """A word that ends a sentence ("model."), not an abbreviation ("U.S.", "Gov.")."""
    return bool(re.search(r"[.!?]$", word)) and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", word)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)][:7]
    return word[:7]


def _stems(text: str) -> list[str]:
    """The stems of a text's content words, two-letter acronyms ("AI", "UN") included."""
    return [_stem(w.lower()) for w in re.findall(r"[^\W_]+", text)
            if not w.isdigit() and ((len(w) > 2 and w.lower() not in STOP_WORDS)
                                    or (len(w) == 2 and w.isupper()))]


def glued_runs(text: str, story: set[str]) -> list[str]:
    """Runs of words at either end of a line that speak of the story (`story`: its word stems).

    Text extractions join inline elements into one line, so a headline can end a line of menu
    items or follow a photo caption ("... Watch Live AI agent hacks gym to get ..."). Each word
    scores +1 when the story uses it and -1 when it does not (function words 0); the best
    scoring run from the line's start, and the best to its end, are the candidates.
    """
    words = text.split()
    scores = []
    for word in words:
        scores.append(sum(1.0 if stem in story else -1.0 for stem in _stems(word)))
    runs = []
    for forward in (True, False):
        ordered = list(range(len(words))) if forward else list(range(len(words) - 1, -1, -1))
        best, total, stop = 0.0, 0.0, -1
        for k, at in enumerate(ordered[:GLUED_MAX]):
            # A headline does not run on across a full stop.
            if not forward and k and _ends_sentence(words[at]):
                break
            total += scores[at]
            better = total > best or (total == best and scores[at] > 0)
            if better and k + 1 >= GLUED_MIN and len(words) - k - 1 >= GLUED_REST:
                best, stop = total, k
            if forward and _ends_sentence(words[at]):
                break
        if stop < 0:
            continue
        chosen = sorted(ordered[: stop + 1])
        run = words[chosen[0]: chosen[-1] + 1]
        if len(run) > 1 and run[0].lower() == run[1].lower():
            run = run[1:]  # a section label glued before a headline that starts with it
        positive = sum(s > 0 for s in scores[chosen[0]: chosen[-1] + 1])
        rest = [scores[at] for at in range(len(words)) if at < chosen[0] or at > chosen[-1]]
        rest_story = sum(s > 0 for s in rest) / max(sum(s != 0 for s in rest), 1)
        # The rest of the line must be chrome: a paragraph of the story is not a headline + menu.
        # A photo caption speaks of the story too; one that ends in its credit just before the
        # run ("... Photograph: Samuel Boivin/NurPhoto/Shutterstock OpenAI staggers ...") is chrome.
        after_caption = not forward and bool(credit_at_end(" ".join(words[: chosen[0]])))
        if positive >= 3 and best >= 0.4 * positive and (rest_story <= REST_STORY or after_caption):
            runs.append(" ".join(run).strip(" .,;:|-"))
    return runs


def _content(text: str) -> set[str]:
    return {w for w in tokens(text) if len(w) > 2 and w not in STOP_WORDS}


def candidate_features(blocks: Sequence[Block], p: Sequence[float], start: int,
                       page_title: str | None, found: Sequence[Candidate],
                       is_byline, is_date) -> np.ndarray:
    """The (candidates x FEATURES) matrix; is_byline and is_date are predicates on text."""
    n = len(blocks)
    lead = set()
    for block in blocks[start:start + 3]:
        lead |= _content(block.text)
    page_key = norm(split_site(page_title)[0]) if page_title else ""
    page_words = set(page_key.split())
    low = max(0, start - REACH)
    near = [norm(b.text) for b in blocks[low: min(n, start + 50)]]
    keys = Counter(near)
    meta_cache: dict[int, bool] = {}

    def is_meta(j: int) -> bool:
        if j not in meta_cache:
            text = blocks[j].text
            meta_cache[j] = len(text) < 200 and bool(is_byline(text) or is_date(text))
        return meta_cache[j]

    def meta_near(i: int, step: int) -> float:
        """1/distance to the nearest byline or date line after (step 1) or before (-1) block i."""
        for d in range(1, META_REACH + 1):
            j = i + step * d
            if not 0 <= j < n:
                break
            if is_meta(j):
                return 1.0 / d
        return 0.0

    joined = "\n".join(near[: max(min(n, start + 3) - low, 0)])
    rows = []
    for c in found:
        text = c.text
        words = _WORD.findall(text)
        nw = max(len(words), 1)
        block = blocks[c.index] if c.index >= 0 else None
        head_key = norm(c.headline)
        own = _content(c.headline)
        overlap = len(own & lead) / len(own) if own else 0.0
        if block is not None:
            prev_end = blocks[c.index - 1].end if c.index > 0 else 0
            next_line = blocks[c.index + 1].line if c.index + 1 < n else block.end + 2
            position = [float(c.index), math.log1p(max(start - c.index, 0)), float(c.index == start),
                        c.index / max(start, 1), math.log1p(block.line), float(c.index == 0),
                        float(block.line - prev_end > 1), float(next_line - block.end > 1),
                        float(p[c.index])]
            structure = [block.link_chars / max(len(block.text), 1), float(block.heading),
                         float(block.depth), float(block.images > 0)]
        else:
            position = [-1.0, -1.0, 0.0, -1.0, 0.0, 0.0, 1.0, 1.0, 0.0]
            structure = [0.0, 0.0, 0.0, 0.0]
        head_words = set(head_key.split())
        union = head_words | page_words
        rows.append([
            float(block is None), math.log1p(len(words)), math.log1p(len(text)),
            float(text.rstrip().endswith(".")), float(text.rstrip()[-1:] in "!?:;,"),
            float(len(SEPARATOR.findall(text))), math.log1p(len(_WORD.findall(c.headline))),
            sum(w[0].isupper() for w in words) / nw, sum(w.isupper() and len(w) > 1 for w in words) / nw,
            sum(ch.isdigit() for ch in text) / max(len(text), 1), *structure,
            float(any(q in text for q in "\"“”‘’'")), *position,
            float(bool(page_key)), float(bool(page_key) and head_key == page_key),
            float(bool(page_key) and len(head_key) >= 15 and (page_key.startswith(head_key)
                                                              or head_key.startswith(page_key))),
            len(head_words & page_words) / len(union) if union else 0.0,
            overlap, 0.0, float(keys[norm(text)] - 1 if block is not None else keys[head_key]),
            float(joined.count(head_key) if head_key else 0), float(bool(is_byline(text))),
            float(bool(is_date(text))), float(bool(re.match(r"^[^\W\d_][\w .&'-]{0,24}:\s", text))),
            0.0, float(bool(credit_at_end(text[-120:])) or bool(re.search(r"/[A-Z][\w ]+\)?$", text))),
            float(bool(re.search(r"\]\(|\[\d+\]|https?://|\*\*|__", text))),
            float(c.glued),
            meta_near(c.index, 1) if block is not None else 0.0,
            meta_near(c.index, -1) if block is not None else 0.0,
        ])
    matrix = np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))
    if len(rows):
        overlap_col, rank_col = FEATURES.index("lead_overlap"), FEATURES.index("lead_rank")
        matrix[:, rank_col] = np.argsort(np.argsort(-matrix[:, overlap_col])) / max(len(rows) - 1, 1)
        words_col, wrank_col = FEATURES.index("log_words"), FEATURES.index("words_rank")
        matrix[:, wrank_col] = np.argsort(np.argsort(-matrix[:, words_col])) / max(len(rows) - 1, 1)
    return matrix


@dataclass(frozen=True)
class Ranker:
    threshold: float
    trees: Forest


@cache
def ranker() -> Ranker:
    data = load(resources.files("reader.core.data").joinpath("headline.json.gz"))
    if data["features"] != FEATURES:
        raise ValueError("the headline model was trained on other features; retrain it")
    return Ranker(float(data["threshold"]), Forest(data["trees"]))


def choose(blocks: Sequence[Block], p: Sequence[float], start: int, page_title: str | None,
           is_byline, is_date, exclude: frozenset[int] = frozenset(),
           is_chrome=lambda text: False) -> Candidate | None:
    """The likeliest headline, or None when no candidate is likely enough."""
    found = [c for c in candidates(blocks, start, page_title, is_byline, is_date, is_chrome)
             if c.index not in exclude]
    if not found:
        return None
    model = ranker()
    scores = model.trees.probabilities(
        candidate_features(blocks, p, start, page_title, found, is_byline, is_date))
    best = int(np.argmax(scores))
    if scores[best] < model.threshold:
        return None
    return _untruncated(found[best], found)


_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)$")


def _untruncated(chosen: Candidate, found: Sequence[Candidate]) -> Candidate:
    """The whole headline when the chosen one is a teaser cut short ("Parise scores twice as
    Wild…") and the page prints it in full elsewhere."""
    if not _ELLIPSIS.search(chosen.headline):
        return chosen
    stem = norm(_ELLIPSIS.sub("", chosen.headline))
    if len(stem.split()) < 3:
        return chosen
    longer = [c for c in found if len(norm(c.headline)) > len(stem) and norm(c.headline).startswith(stem)
              and not _ELLIPSIS.search(c.headline)]
    return min(longer, key=lambda c: len(c.headline)) if longer else chosen
