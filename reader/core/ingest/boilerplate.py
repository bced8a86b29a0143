"""Blocks -> the probability that each is article body, from the shipped boilerplate model.

The model (data/boilerplate.json.gz, written by training/boilerplate.py) is a set of
gradient-boosted trees over each block's features (block_features.py), evaluated with numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from reader.core.ingest.block_features import feature_names, features
from reader.core.ingest.blocks import Block
from reader.core.ingest.trees import Forest, load

MODEL_BLOCKS = 4000  # longer documents: the models read their first and last EDGE blocks
EDGE = 1500


@dataclass(frozen=True)
class Model:
    vocabulary: tuple[str, ...]
    first_words: tuple[str, ...]
    last_words: tuple[str, ...]
    threshold: float
    trees: Forest

    def probabilities(self, blocks: Sequence[Block]) -> np.ndarray:
        """The probability that each block is article body."""
        if not blocks:
            return np.zeros(0)
        x = features(blocks, self.vocabulary, self.first_words, self.last_words)
        return self.trees.probabilities(x)


@cache
def model() -> Model:
    """The shipped model; raises ValueError if it was trained on other features than these."""
    data = load(resources.files("reader.core.data").joinpath("boilerplate.json.gz"))
    vocabulary, first = tuple(data["vocabulary"]), tuple(data["first_words"])
    last = tuple(data["last_words"])
    if data["features"] != feature_names(vocabulary, first, last):
        raise ValueError("the boilerplate model was trained on other features; retrain it")
    return Model(vocabulary, first, last, float(data["threshold"]), Forest(data["trees"]))
