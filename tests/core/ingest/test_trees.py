"""The shipped models' trees, evaluated by numpy, against a plain walk down each tree."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from reader.core.ingest.trees import Forest, load


def walk(trees, row) -> float:
    """The sum of the trees' leaf values for one row, one node at a time (a missing value, NaN,
    goes right: it is not <= any threshold)."""
    total = 0.0
    for nodes in trees:
        at = 0
        while nodes[at][0] >= 0:
            feature, threshold, left, right, _ = nodes[at]
            at = int(left) if row[int(feature)] <= threshold else int(right)
        total += nodes[at][4]
    return total


@pytest.mark.parametrize("name", ["boilerplate.json.gz", "headline.json.gz", "outlet.json.gz",
                                  "kinds.json.gz"])
def test_the_forest_sums_the_leaves_each_row_reaches(name):
    trees = load(resources.files("reader.core.data").joinpath(name))["trees"]
    forest = Forest(trees)
    rng = np.random.default_rng(7)
    width = int(forest.feature.max()) + 1
    x = rng.normal(size=(25, width)) * rng.choice([0.1, 1.0, 10.0], size=(1, width))
    x[:, ::3] = rng.integers(0, 3, size=x[:, ::3].shape)
    x[rng.random(x.shape) < 0.05] = np.nan
    expected = np.array([walk(trees, row) for row in x])
    assert np.allclose(forest.raw(x), expected, rtol=0, atol=1e-9)
    assert forest.raw(x[:0]).shape == (0,)
