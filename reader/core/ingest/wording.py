"""Whether a sentence is worded like article text or like a promo: a linear model of its words.

The boilerplate model judges a block by its shape and its neighbours, so a promo written as
prose in the middle of a story ("Our biggest stories, handpicked for you each day.", "A free
press is a cornerstone of a healthy democracy.") passes as body. This model reads the words
alone: logistic regression over hashed words and word pairs, trained by training/wording.py on
the labelled blocks of at least MIN_WORDS words (data/wording.json.gz, plain numbers). It knows
English only: on a page in another language it says nothing.
"""

from __future__ import annotations

import gzip
import json
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.core.ingest.block_features import tokens
from reader.core.ingest.blocks import Block
from reader.core.ingest.boilerplate import EDGE, MODEL_BLOCKS
from reader.core.ingest.words import STOP_WORDS

MIN_WORDS = 6  # shorter blocks are menus and labels: the boilerplate model's own ground
FUNCTION = 2  # a sentence has function words ("for", "the"); a list of names has none
ENGLISH = 0.15  # share of a page's words that are English function words, below which it is not English


def judged(block: Block, words: Sequence[str] | None = None) -> bool:
    """Whether the model's word counts: a sentence of MIN_WORDS words or more, not a question.

    A story's subheadings are often questions ("Who is responsible when AI agents cause harm?"),
    worded like the suggested questions of a widget: the words cannot tell them apart. Nor can
    they tell a team's line-up or a list of clubs from a list of tags: a block needs FUNCTION
    words of a sentence, and a list item is left to the boilerplate model. (`words`: the
    block's tokens(), when already made.)
    """
    text = block.text
    if block.depth or len(text.split()) < MIN_WORDS or text.rstrip(" *_\"'”’").endswith("?"):
        return False
    return sum(w in STOP_WORDS for w in (tokens(text) if words is None else words)) >= FUNCTION


def terms(text: str) -> list[str]:
    """The words of a text and its pairs of neighbouring words, lower case."""
    ws = tokens(text)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])]


def bucket(term: str, buckets: int) -> int:
    """A term's column: CRC-32 of its UTF-8 bytes, the same on every machine and Python."""
    return zlib.crc32(term.encode("utf-8")) % buckets


def vector(words: Sequence[str], buckets: int) -> dict[int, float]:
    """Counts of the terms of a text's tokens() by column (bucket() of each of terms()), scaled
    to unit length.

    A pair's CRC-32 continues its first word's ("a b" is crc32(b" b", crc32(b"a"))): no pair
    string is built.
    """
    encoded = [w.encode("utf-8") for w in words]
    hashes = [zlib.crc32(e) for e in encoded]
    counts: dict[int, int] = {}
    for h in hashes:
        column = h % buckets
        counts[column] = counts.get(column, 0) + 1
    for h, e in zip(hashes, encoded[1:]):
        column = zlib.crc32(b" " + e, h) % buckets
        counts[column] = counts.get(column, 0) + 1
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {column: c / norm for column, c in counts.items()}


def english(words: Sequence[Sequence[str]]) -> bool:
    """Whether a page is written in English: enough of the words of its blocks (tokens() of
    each) are English function words."""
    total = function = 0
    for block in words:
        for w in block:
            if not w.isdigit():
                total += 1
                function += w in STOP_WORDS
    return total > 0 and function / total >= ENGLISH


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # a block worded less like article text than this is removed

    def probability(self, text: str, words: Sequence[str] | None = None) -> float:
        """The probability that a text is worded like article body (`words`: its tokens())."""
        weights = self.weights
        columns = vector(tokens(text) if words is None else words, len(weights))
        z = self.bias + sum(weights[c] * v for c, v in columns.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model() -> Model:
    path = resources.files("reader.core.data").joinpath("wording.json.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return Model(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


def read_words(blocks: Sequence[Block]) -> dict[int, list[str]]:
    """The words of each block the wording model reads: a very long document's edges only, as
    the boilerplate model reads it."""
    n = len(blocks)
    read = range(n) if n <= MODEL_BLOCKS else [*range(EDGE), *range(n - EDGE, n)]
    return {i: tokens(blocks[i].text) for i in read}
