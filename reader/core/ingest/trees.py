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
        sizes = np.array([len(nodes) for nodes in trees], dtype=np.intp)
        firsts = np.cumsum(sizes) - sizes  # each tree's first node
        bases = np.repeat(firsts, sizes)  # each node's tree's first node
        nodes = np.array([node for tree in trees for node in tree], dtype=float).reshape(-1, 5)
        leaf = nodes[:, 0] < 0
        self.feature = np.where(leaf, 0, nodes[:, 0]).astype(np.intp)
        self.threshold = np.where(leaf, np.inf, nodes[:, 1])  # a leaf goes "left", to itself
        self.value = nodes[:, 4].copy()
        self.roots = firsts.astype(np.intp)
        self.leaf = leaf
        # One gather picks a node's child: children[2 * node + goes_left] (right, then left).
        self.children = np.empty(2 * len(nodes), dtype=np.intp)
        self.children[0::2] = bases + nodes[:, 3].astype(np.intp)
        self.children[1::2] = bases + nodes[:, 2].astype(np.intp)
        self.depth = _depth(self.roots, self.children, leaf)

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The sum of the trees' leaf values for each row of x."""
        return self.leaves(x).sum(axis=1)

    def leaves(self, x: np.ndarray) -> np.ndarray:
        """The leaf value each row of x reaches in each tree: rows x trees."""
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
        return self.value[final].reshape(rows, trees)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The binary model's probability for each row of x."""
        if x.shape[0] == 0:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.raw(x)))


def _depth(roots: np.ndarray, children: np.ndarray, leaf: np.ndarray) -> int:
    """The most levels any tree has: every path walked down together, one level a step."""
    node, depth = roots, 0
    while node.size:
        node = node[~leaf[node]]
        if node.size:
            node = np.concatenate([children[2 * node], children[2 * node + 1]])
            depth += 1
    return depth


def load(path: Any) -> dict[str, Any]:
    """A model file (gzipped JSON) from a path or an importlib.resources traversable."""
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return json.load(handle)
