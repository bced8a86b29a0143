"""Blocks -> a matrix of shallow features, the input of the boilerplate model.

Each block is described by its own shape (length, stop words, sentence form, capitals, digits,
links, list and heading structure), its position relative to the densest run of prose, its
neighbours' shapes, repetition in the page, and which of a learned vocabulary's words it holds.
No feature names a site: the vocabulary is chosen by the training script from words that mark
boilerplate across many sites.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

import numpy as np

from reader.core.ingest.blocks import Block
from reader.core.ingest.words import STOP_WORDS, function_words_of, text_language

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)\]]*\s*$""")
_INNER_END = re.compile(r"""[.!?]["'”’»]?\s+["“'‘«(]?[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω]""")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
                    re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b|\b\d+\s+(?:min|hour|day)s?\s+ago\b",
                   re.IGNORECASE)
# The same search without IGNORECASE, for lower-cased ASCII text: 0.42 of the time (the
# case-blind search folds every letter it tries against the months' names).
_MONTH_FOLDED = re.compile(_MONTH.pattern)
_URL = re.compile(r"https?://|www\.|\.com\b|@\w")
_PAREN_TAIL = re.compile(r"\(([^()]{1,80})\)\s*\.?$")
CREDIT = re.compile(r"(?:credit|photo(?:graph)?|picture|image|pic|illustration|source)s?\s*(?::|…|\.\.\.)\s*"
                     r"[^.!?]{0,80}$", re.IGNORECASE)


def credit_at_end(text: str, pattern: re.Pattern[str] = CREDIT) -> re.Match[str] | None:
    """pattern.search(text) (CREDIT or a variant of it), without searching a text that holds none
    of the marks it needs."""
    if ":" not in text and "…" not in text and "..." not in text:
        return None
    return pattern.search(text)


_LABEL = re.compile(r"^[^\W\d_][\w .'’&-]{0,24}:(?!//)")
_ADDRESS = frozenset("you your yours yourself we our ours us".split())

BASE = [
    "log_chars", "log_words", "word_len", "stop_share", "short_share", "ends_sentence",
    "inner_ends", "comma_rate", "cap_share", "upper_share", "digit_share", "letter_share",
    "starts_upper", "starts_quote", "has_quote", "starts_paren", "bracketed", "pipes", "bullets",
    "url", "copyright", "ends_colon", "ends_ellipsis", "date_like", "time_like", "empty",
    "heading", "depth", "quote", "table", "code", "links", "link_share", "all_link", "images",
    "strong_share", "indent", "wrapped", "markdown", "prose", "ends_paren", "paren_slash",
    "label_colon", "reader_address", "credit_tail",
]
NEIGHBOUR = ["log_words", "ends_sentence", "link_share", "stop_share", "depth", "heading",
             "prose", "empty", "cap_share", "date_like"]
OFFSETS = (-2, -1, 1, 2)
CONTEXT = [
    "position", "char_position", "log_blocks", "in_region", "before_region", "after_region",
    "region_distance", "before_first_prose", "after_last_prose", "prose_window_3",
    "prose_window_8", "link_window_3", "short_run", "link_run", "list_run", "repeats",
    "doc_link_share", "doc_prose_share", "self_repeat", "near_overlap", "any_overlap",
    "doc_short_share", "doc_markdown_links", "doc_list_share",
]


def feature_names(vocabulary: Sequence[str], first_words: Sequence[str],
                  last_words: Sequence[str]) -> list[str]:
    """The column names of features(), in order."""
    names = list(BASE)
    names += [f"{name}@{step:+d}" for step in OFFSETS for name in NEIGHBOUR]
    names += CONTEXT
    names += [f"word:{w}" for w in vocabulary] + [f"first:{w}" for w in first_words]
    names += [f"last:{w}" for w in last_words]
    return names


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, as the vocabulary features see them."""
    return _TOKEN.findall(text.lower())


def _base(block: Block, stop_words: frozenset[str] = STOP_WORDS) -> list[float]:
    text = block.text
    n = len(text)
    ws = _WORD.findall(text)
    nw = len(ws)
    # (Counted with C-level maps: this runs on every block of every page.)
    lower = list(map(str.lower, ws))
    lengths = list(map(len, ws))
    letters = sum(map(str.isalpha, text))
    caps = sum(map(str.isupper, [w[0] for w in ws]))
    upper = sum(map(str.isupper, [w for w in ws if len(w) > 1]))
    stop = sum(map(stop_words.__contains__, lower))
    ends = bool(_SENTENCE_END.search(text))
    link_share = block.link_chars / n if n else (1.0 if block.links else 0.0)
    stop_share = stop / nw if nw else 0.0
    prose = float(nw >= 8 and ends and link_share < 0.5 and stop_share >= 0.12)
    stripped = text.strip()
    paren = _PAREN_TAIL.search(stripped)
    digits = sum(map(str.isdigit, text))  # (no digit, no date or time: their searches are slow)
    low = text.lower()
    folded = text.isascii()  # (then a case-blind search is a plain one in `low`)
    return [
        math.log1p(n), math.log1p(nw), (sum(lengths) / nw) if nw else 0.0,
        stop_share, (sum(map((3).__ge__, lengths)) / nw) if nw else 0.0, float(ends),
        float(len(_INNER_END.findall(text))), text.count(",") / (nw + 1),
        caps / nw if nw else 0.0, upper / nw if nw else 0.0,
        digits / (n + 1), letters / (n + 1),
        float(stripped[:1].isupper()), float(stripped[:1] in "\"“‘'"),
        float(any(q in text for q in "\"“”")), float(stripped[:1] == "("),
        float(stripped[:1] == "[" and stripped[-1:] == "]"),
        float(text.count("|")), float(text.count("•") + text.count("·")),
        float(bool(_URL.search(text))), float("©" in text or "copyright" in low),
        float(stripped.endswith(":")), float(stripped.endswith(("...", "…"))),
        float(bool(digits and (_MONTH_FOLDED.search(low) if folded else _MONTH.search(text)))),
        float(bool(digits and _TIME.search(text))), float(n == 0),
        float(block.heading), float(block.depth), float(block.quote), float(block.table),
        float(block.code), float(block.links), link_share, float(link_share >= 0.9),
        float(block.images), block.strong_chars / n if n else 0.0, float(min(block.indent, 40)),
        float(block.wrapped), float(block.markdown), prose,
        float(bool(paren)), float(bool(paren) and "/" in paren.group(1)),
        float(bool(_LABEL.match(stripped))), (sum(map(_ADDRESS.__contains__, lower)) / nw) if nw else 0.0,
        float(bool(credit_at_end(stripped[-120:]))),
    ]


_COLUMN = {name: i for i, name in enumerate(BASE)}


def _region(words: np.ndarray, prose: np.ndarray, empty: np.ndarray) -> tuple[int, int]:
    """The run of blocks with the most prose words, short non-prose blocks counting against it."""
    score = np.where(prose > 0, words, np.where(empty > 0, 0.0, -np.minimum(words, 8.0) - 2.0))
    best, best_at = -1.0, (0, -1)
    total, start = 0.0, 0
    for i, value in enumerate(score.tolist()):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_at = total, (start, i)
    return best_at


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of true flags it belongs to (0 when false)."""
    out = np.zeros(len(flags))
    i = 0
    values = flags.tolist()
    while i < len(values):
        if not values[i]:
            i += 1
            continue
        j = i
        while j < len(values) and values[j]:
            j += 1
        out[i:j] = j - i
        i = j
    return out


def _window_mean(values: np.ndarray, reach: int) -> np.ndarray:
    """Mean of values over the `reach` blocks on each side, the block itself left out."""
    n = len(values)
    padded = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(n)
    lo, hi = np.maximum(0, idx - reach), np.minimum(n, idx + reach + 1)
    total = padded[hi] - padded[lo] - values
    count = (hi - lo - 1).clip(min=1)
    return total / count


def _overlaps(keys: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per block: the share of its word 4-grams seen twice in itself, in a block within 8, anywhere.

    Captions and pull-quotes repeat a nearby paragraph's words; scraped widgets repeat themselves.
    """
    n = len(keys)
    grams_of = []
    where: dict[tuple[str, ...], list[int]] = {}
    total: Counter[tuple[str, ...]] = Counter()
    for i, key in enumerate(keys):
        ws = key.split()
        grams = list(zip(ws, ws[1:], ws[2:], ws[3:]))
        distinct = set(grams)
        grams_of.append((grams, distinct))
        total.update(grams)
        for g in distinct:
            where.setdefault(g, []).append(i)  # block indices, ascending
    self_share, near_share, any_share = np.zeros(n), np.zeros(n), np.zeros(n)
    for i, (grams, distinct) in enumerate(grams_of):
        if not grams:
            continue
        seen_twice = [g for g in distinct if total[g] > 1]  # (most blocks: none, and all three are 0)
        if not seen_twice:
            continue
        counts = Counter(grams)
        self_share[i] = sum(counts[g] > 1 for g in seen_twice) / len(distinct)
        near = far = 0
        for g in seen_twice:
            holders = where[g]
            if len(holders) > 1:
                far += 1
                at = bisect_left(holders, i)
                before = holders[at - 1] if at > 0 else None
                after = holders[at + 1] if at + 1 < len(holders) else None
                if (before is not None and i - before <= 8) or (after is not None and after - i <= 8):
                    near += 1
        near_share[i] = near / len(distinct)
        any_share[i] = far / len(distinct)
    return self_share, near_share, any_share


def shape_features(blocks: Sequence[Block], tokens_of: Sequence[list[str]] | None = None) -> np.ndarray:
    """The features that need no vocabulary: the block's shape, its neighbours', its context.

    `tokens_of`: each block's tokens(), when already made."""
    n = len(blocks)
    width = len(BASE) + len(NEIGHBOUR) * len(OFFSETS) + len(CONTEXT)
    if n == 0:
        return np.zeros((0, width))
    if tokens_of is None:
        tokens_of = [tokens(block.text) for block in blocks]
    # The page's language's function words (English's, or English's and another's).
    stop_words = function_words_of(text_language("\n".join(b.text for b in blocks)))
    base = np.array([_base(b, stop_words) for b in blocks], dtype=float)
    col = _COLUMN
    words = np.expm1(base[:, col["log_words"]])
    prose = base[:, col["prose"]]
    empty = base[:, col["empty"]]
    parts = [base]
    neighbour_cols = [col[name] for name in NEIGHBOUR]
    for step in OFFSETS:
        shifted = np.full((n, len(neighbour_cols)), -1.0)
        src = base[:, neighbour_cols]
        if step < 0:
            shifted[-step:] = src[:step]
        else:
            shifted[:-step] = src[step:]
        parts.append(shifted)
    idx = np.arange(n, dtype=float)
    chars = np.expm1(base[:, col["log_chars"]])
    before_chars = np.concatenate([[0.0], np.cumsum(chars)[:-1]])
    a, b = _region(words, prose, empty)
    prose_at = np.flatnonzero(prose)
    first = prose_at[0] if len(prose_at) else n
    last = prose_at[-1] if len(prose_at) else -1
    link = base[:, col["link_share"]]
    keys = [" ".join(ws) for ws in tokens_of]
    counts = Counter(keys)
    self_share, near_share, any_share = _overlaps(keys)
    context = np.column_stack([
        idx / max(n - 1, 1),
        before_chars / max(chars.sum(), 1.0),
        np.full(n, math.log1p(n)),
        ((idx >= a) & (idx <= b)).astype(float),
        (idx < a).astype(float),
        (idx > b).astype(float),
        np.log1p(np.where(idx < a, a - idx, np.where(idx > b, idx - b, 0))),
        (idx < first).astype(float),
        (idx > last).astype(float),
        _window_mean(prose, 3),
        _window_mean(prose, 8),
        _window_mean(link, 3),
        np.log1p(_run_lengths((words <= 5) & (empty == 0))),
        np.log1p(_run_lengths(link >= 0.5)),
        np.log1p(_run_lengths(base[:, col["depth"]] > 0)),
        np.array([math.log1p(counts[k] - 1) if k else 0.0 for k in keys]),
        np.full(n, float((link >= 0.5).mean())),
        np.full(n, float(prose.mean())),
        self_share, near_share, any_share,
        np.full(n, float(((words <= 5) & (empty == 0)).mean())),
        np.full(n, float(sum(b.links for b in blocks if b.markdown) > 0)),
        np.full(n, float((base[:, col["depth"]] > 0).mean())),
    ])
    parts.append(context)
    matrix = np.hstack(parts)
    assert matrix.shape[1] == width
    return matrix


def lexical_features(blocks: Sequence[Block], vocabulary: Sequence[str], first_words: Sequence[str],
                     last_words: Sequence[str], tokens_of: Sequence[list[str]] | None = None) -> np.ndarray:
    """Which words of the learned vocabulary each block holds, begins and ends with (`tokens_of`:
    each block's tokens(), when already made)."""
    width = len(vocabulary) + len(first_words) + len(last_words)
    lexical = np.zeros((len(blocks), width))
    where = {w: i for i, w in enumerate(vocabulary)}
    first_at = {w: len(vocabulary) + i for i, w in enumerate(first_words)}
    last_at = {w: len(vocabulary) + len(first_words) + i for i, w in enumerate(last_words)}
    for row, block in enumerate(blocks):
        ws = tokens_of[row] if tokens_of is not None else tokens(block.text)
        for w in set(ws):
            j = where.get(w)
            if j is not None:
                lexical[row, j] = 1.0
        if ws and (j := first_at.get(ws[0])) is not None:
            lexical[row, j] = 1.0
        if ws and (j := last_at.get(ws[-1])) is not None:
            lexical[row, j] = 1.0
    return lexical


def features(blocks: Sequence[Block], vocabulary: Sequence[str], first_words: Sequence[str],
             last_words: Sequence[str]) -> np.ndarray:
    """Return the (blocks x features) matrix of feature_names(vocabulary, first_words, last_words)."""
    tokens_of = [tokens(block.text) for block in blocks]
    return np.hstack([shape_features(blocks, tokens_of),
                      lexical_features(blocks, vocabulary, first_words, last_words, tokens_of)])

