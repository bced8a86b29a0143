"""Several LightGBM boosters trained with different seeds, used as one model.

A single booster's held-out score moves by 2-5 points with its seed (feature and row
sampling); the average of a few is steadier. The bag is exported as one list of trees whose
leaf values are divided by the number of boosters, so reader's Forest, which sums leaf values,
computes the mean of their raw scores without knowing there were several.
"""

from __future__ import annotations

import numpy as np

SEEDS = 4  # boosters per bag


class Bag:
    def __init__(self, boosters: list) -> None:
        self.boosters = boosters

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probabilities from the mean raw score, as reader's Forest computes them."""
        raw = np.mean([b.predict(x, raw_score=True) for b in self.boosters], axis=0)
        return 1.0 / (1.0 + np.exp(-raw))


def train(params: dict, dataset, rounds: int, seeds: int = SEEDS) -> Bag:
    """`seeds` boosters on the same data, their seeds counting up from params["seed"]."""
    import lightgbm as lgb

    base = int(params.get("seed", 0))
    return Bag([lgb.train({**params, "seed": base + k}, dataset, rounds) for k in range(seeds)])


def trees(model) -> list[list[list[float]]]:
    """A booster's or a bag's trees as node lists: [feature, threshold, left, right, leaf value]."""
    boosters = model.boosters if isinstance(model, Bag) else [model]
    scale = 1.0 / len(boosters)
    out = []
    for info in (i for booster in boosters for i in booster.dump_model()["tree_info"]):
        nodes: list[list[float]] = []

        def walk(node) -> int:
            at = len(nodes)
            nodes.append([])
            if "leaf_value" in node:
                nodes[at] = [-1, 0.0, at, at, round(float(node["leaf_value"]) * scale, 6)]
                return at
            if node.get("decision_type", "<=") != "<=":
                raise ValueError("only numeric splits are exported")
            left = walk(node["left_child"])
            right = walk(node["right_child"])
            nodes[at] = [int(node["split_feature"]), float(node["threshold"]), left, right, 0.0]
            return at

        walk(info["tree_structure"])
        out.append(nodes)
    return out


def save(payload: dict, path: str) -> None:
    """Write a model file as reader reads it (trees.load): gzipped, compact JSON, with no time
    or name in the gzip header, so the same model is the same bytes (versions.DATA_DIGEST)."""
    import gzip
    import json
    import sys

    text = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle:
        handle.write(text)
    print(f"wrote {path}", file=sys.stderr)
