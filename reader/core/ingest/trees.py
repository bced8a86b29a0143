"""Gradient-boosted trees exported as plain numbers, evaluated with numpy (no ML library at run time)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import numpy as np


class Forest:
    """Trees flattened into arrays: each step moves every (row, tree) pair one level down.

    A tree is a list of nodes [feature, threshold, left, right, value]; a leaf has feature -1 and
    points to itself, so rows that reached a leaf stay there while the others descend.
    """

    def __init__(self, trees: list[list[list[float]]]) -> None:
        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        value: list[float] = []
        roots: list[int] = []
        depth = 0
        for nodes in trees:
            base = len(feature)
            roots.append(base)
            for f, t, lo, hi, v in nodes:
                leaf = f < 0
                feature.append(0 if leaf else int(f))
                threshold.append(np.inf if leaf else t)  # a leaf goes "left", to itself
                left.append(base + int(lo))
                right.append(base + int(hi))
                value.append(v)
            depth = max(depth, _depth(nodes))
        self.feature = np.array(feature, dtype=np.intp)
        self.threshold = np.array(threshold)
        self.value = np.array(value)
        self.roots = np.array(roots, dtype=np.intp)
        self.leaf = np.isinf(self.threshold)
        self.depth = depth
        # One gather picks a node's child: children[2 * node + goes_left] (right, then left).
        self.children = np.empty(2 * len(feature), dtype=np.intp)
        self.children[0::2] = right
        self.children[1::2] = left

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The sum of the trees' leaf values for each row of x."""
        rows, width = x.shape
        trees = len(self.roots)
        flat = np.ascontiguousarray(x, dtype=float).ravel()
        # Every (row, tree) pair walks down together; every few levels the pairs that reached a
        # leaf are set aside, so the work follows the paths' real lengths, not the deepest tree's.
        node = np.tile(self.roots, rows)
        base = np.repeat(np.arange(rows) * width, trees)
        pair = np.arange(rows * trees)
        final = np.empty(rows * trees, dtype=np.intp)
        leaf, feature, threshold, children = self.leaf, self.feature, self.threshold, self.children
        level = 0
        while node.size:
            node = children[2 * node + (flat[base + feature[node]] <= threshold[node])]
            level += 1
            if level % 3 == 0 or level >= self.depth:
                done = leaf[node]
                if done.any():
                    final[pair[done]] = node[done]
                    keep = ~done
                    node, base, pair = node[keep], base[keep], pair[keep]
        return self.value[final].reshape(rows, trees).sum(axis=1)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The binary model's probability for each row of x."""
        if x.shape[0] == 0:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.raw(x)))


def _depth(nodes: list[list[float]]) -> int:
    best = 0
    stack = [(0, 0)]
    while stack:
        at, d = stack.pop()
        f, _, lo, hi, _ = nodes[at]
        if f < 0:
            best = max(best, d)
        else:
            stack += [(int(lo), d + 1), (int(hi), d + 1)]
    return best


def load(path: Any) -> dict[str, Any]:
    """A model file (gzipped JSON) from a path or an importlib.resources traversable."""
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return json.load(handle)
