"""The learned line model: gradient-boosted trees over `features.FEATURES`, evaluated with numpy.

The trees are trained offline (`scripts/train_cleaner.py`, scikit-learn) and shipped as a small JSON
file in the package, so cleaning needs neither scikit-learn nor a download. Evaluation walks all
trees at once: every tree is padded to the same depth (a leaf points to itself), so one numpy step
per level moves every (line, tree) pair down a level, a few dozen array operations per page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from build_dataset.errors import BuildDatasetError

MODEL_FILE = "line_model.json"
THRESHOLD = 0.35
"""Probability of being body above which a line is kept."""
CHUNK_ROWS = 4096
"""Lines evaluated at once: the work arrays hold lines x trees indices (4096 x 80 x 8 bytes = 2.6 MB)."""


@dataclass(frozen=True)
class LineModel:
    """Trees as flat arrays: node i of the forest sends a row to `children[2 * i]` when
    `x[feature[i]] <= threshold[i]` and to `children[2 * i + 1]` otherwise; a leaf has an infinite
    threshold and itself as both children, so rows that reached it stay, and it carries `value[i]`.

    Thresholds are float32, each the largest float32 not above the trained (float64) one: the features
    are float32, and for a float32 x, `x > t` and `x > float32_below(t)` are the same test (no float32
    lies between the two thresholds), while a float32 comparison skips casting every gathered feature
    to float64."""

    features: tuple[str, ...]
    vocabulary: dict[str, float]
    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    value: np.ndarray
    depth: int

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Probability that each row (line) of `x` is article body.

        A huge page is taken CHUNK_ROWS lines at a time, so the (lines x trees) work arrays stay small.
        """
        n, width = x.shape
        if n == 0:
            return np.zeros(0)
        if n > CHUNK_ROWS:
            return np.concatenate([self.probability(x[i:i + CHUNK_ROWS]) for i in range(0, n, CHUNK_ROWS)])
        take = np.take  # plain gathers: each level is a few of them over all (line, tree) pairs
        roots = self.roots
        # the first level needs no gather of features and thresholds: every row starts at the roots
        node = take(self.children, 2 * roots + (x[:, self.feature[roots]] > self.threshold[roots]))
        flat = x.ravel()
        row = (np.arange(n) * width)[:, None]
        for _ in range(self.depth - 1):
            go = take(flat, row + take(self.feature, node)) > take(self.threshold, node)
            node = take(self.children, 2 * node + go)
        raw = self.baseline + take(self.value, node).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def export_sklearn(model, names: tuple[str, ...], vocabulary: dict[str, float]) -> dict:
    """A fitted `HistGradientBoostingClassifier` (binary, numeric features, no missing values) and the
    word log-odds its vocabulary features read, as the JSON-ready dict `load_model` reads."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append({
            "feature": nodes["feature_idx"].tolist(),
            "threshold": nodes["num_threshold"].tolist(),
            "left": nodes["left"].tolist(),
            "right": nodes["right"].tolist(),
            "leaf": nodes["is_leaf"].astype(int).tolist(),
            "value": nodes["value"].tolist(),
        })
    vocabulary = {w: round(v, 4) for w, v in sorted(vocabulary.items())}
    baseline = float(model._baseline_prediction.ravel()[0])
    return {"features": list(names), "vocabulary": vocabulary, "baseline": baseline, "trees": trees}


def from_dict(data: dict) -> LineModel:
    """Flatten the trees of an exported model into one node array with offsets."""
    feature, threshold, children, value, roots = [], [], [], [], []
    depth = 0
    for tree in data["trees"]:
        base = len(feature)
        roots.append(base)
        for i, leaf in enumerate(tree["leaf"]):
            feature.append(0 if leaf else tree["feature"][i])
            threshold.append(np.inf if leaf else tree["threshold"][i])
            children += [base + i, base + i] if leaf else [base + tree["left"][i], base + tree["right"][i]]
            value.append(tree["value"][i] if leaf else 0.0)
        depth = max(depth, _depth(tree))
    return LineModel(
        features=tuple(data["features"]), vocabulary=dict(data["vocabulary"]), baseline=float(data["baseline"]),
        roots=np.array(roots, dtype=np.intp), feature=np.array(feature, dtype=np.intp),
        threshold=_float32_below(np.array(threshold, dtype=np.float64)), children=np.array(children, dtype=np.intp),
        value=np.array(value, dtype=np.float64), depth=depth,
    )


def _float32_below(values: np.ndarray) -> np.ndarray:
    """The largest float32 not above each value (infinities stay)."""
    rounded = values.astype(np.float32)
    above = rounded.astype(np.float64) > values
    rounded[above] = np.nextafter(rounded[above], np.float32(-np.inf))
    return rounded


def _depth(tree: dict) -> int:
    best = 0
    todo = [(0, 0)]
    while todo:
        i, d = todo.pop()
        if tree["leaf"][i]:
            best = max(best, d)
        else:
            todo += [(tree["left"][i], d + 1), (tree["right"][i], d + 1)]
    return best


@lru_cache(maxsize=1)
def load_model(expected: tuple[str, ...]) -> LineModel:
    """The packaged model; it must have been trained on exactly the features the code computes."""
    text = resources.files("build_dataset.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    model = from_dict(json.loads(text))
    if model.features != expected:
        raise BuildDatasetError(f"{MODEL_FILE}: trained on other features than build_dataset computes; "
                                "retrain it with `python scripts/train_cleaner.py`")
    return model
