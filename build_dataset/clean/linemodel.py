"""The learned line model: gradient-boosted trees over `features.FEATURES`, evaluated with numpy, and a
second stage of trees that reads the first's probabilities for the line's neighbours and the page
(`features.context_columns`).

The trees are trained offline (`scripts/train_cleaner.py`, scikit-learn) and shipped as a small JSON
file in the package, so cleaning needs neither scikit-learn nor a download. Evaluation walks all
trees at once: every tree is padded to a complete tree of the same depth (a leaf's subtree repeats
its value), so one numpy step per level moves every (tree, line) pair down a level, a few dozen array
operations per page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from build_dataset.clean.features import CONTEXT_FEATURES, context_columns
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.errors import BuildDatasetError

MODEL_FILE = "line_model.json"
THRESHOLD = 0.40
"""Probability of being body (the second stage's, `LineModel.body_probability`) from which a line is kept. On
sites the model never saw, 0.40 kept the recall of the first stage alone at 0.35 (0.956 over five fold draws)
and raised precision (0.882 to 0.890); 0.45 scored a higher F1 but a recall under 0.95 on four of the five
draws (`scripts/train_cleaner.py`)."""
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
    to float64.

    `probability` reads the same trees padded to complete trees of `depth` levels, level by level:
    level l holds 2**l slots a tree, tree after tree (`level_feature[l]`, `level_threshold[l]`), a row at
    slot s of level l moves to slot 2 * s or 2 * s + 1 of level l + 1, and `leaf_value` holds the
    values of the 2**depth slots a tree has below its last level. A leaf above the last level is a slot
    whose threshold is infinite and whose subtree holds its value in every leaf slot.

    `context` is the second stage, trees over `features` followed by `CONTEXT_FEATURES` (None for a forest
    that stands alone, as the second stage itself does)."""

    features: tuple[str, ...]
    vocabulary: dict[str, float]
    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    children: np.ndarray
    value: np.ndarray
    depth: int
    level_feature: tuple[np.ndarray, ...]
    level_threshold: tuple[np.ndarray, ...]
    leaf_value: np.ndarray
    context: LineModel | None = None

    def body_probability(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Probability that each line of a page is article body: the first stage's `probability` of each row
        of `x` (the page's `FEATURES`, float32), then, with a second stage, that stage's from the same columns
        and `context_columns` of the first stage's probabilities and the lines' `lengths`. The columns for the
        second stage are copied CHUNK_ROWS lines at a time, so a huge page's features are not held twice."""
        first = self.probability(x)
        if self.context is None:
            return first
        context = context_columns(first, lengths)  # of the whole page: its main block spans the chunks
        n, width = x.shape
        out = np.empty(n)
        for i in range(0, n, CHUNK_ROWS):  # a huge page's second matrix a chunk at a time, as `probability` works
            rows = slice(i, i + CHUNK_ROWS)
            both = np.empty((min(CHUNK_ROWS, n - i), width + len(CONTEXT_FEATURES)), dtype=np.float32, order="F")
            both[:, :width] = x[rows]
            both[:, width:] = context[rows]
            out[rows] = self.context.probability(both)
        return out

    def probability(self, x: np.ndarray) -> np.ndarray:
        """Probability that each row (line) of `x` (float32) is article body.

        A huge page is taken CHUNK_ROWS lines at a time, so the (lines x trees) work arrays stay small. The
        trees are walked in C where the extension was built (`_speedups.forest_leaves`: each (line, tree)
        pair walks down its own nodes), else by `probability_python`; the leaf values are summed and
        linked by the same numpy code, so both give the same probabilities to the last bit.
        """
        n = len(x)
        if n == 0:
            return np.zeros(0)
        if n > CHUNK_ROWS:
            return np.concatenate([self.probability(x[i:i + CHUNK_ROWS]) for i in range(0, n, CHUNK_ROWS)])
        if speedups is None or not use_speedups:
            return self.probability_python(x)
        leaves = np.empty((n, len(self.roots)))
        speedups.forest_leaves(np.ascontiguousarray(x.T, dtype=np.float32), self.roots, self.feature, self.threshold,
                               self.children, self.value, self.depth, leaves)
        return self._link(leaves)

    def probability_python(self, x: np.ndarray) -> np.ndarray:
        """`probability` of at most CHUNK_ROWS rows, walked by numpy a level at a time (the reference)."""
        n = len(x)
        take = np.take
        trees = np.arange(len(self.roots))[:, None]
        if not self.depth:  # every tree a single leaf
            return self._link(take(self.leaf_value, np.broadcast_to(trees, (len(trees), n)).T))
        # Every slot of a level is compared with every line at once: the features as rows (one per
        # feature, the lines along it), a slot's row is copied whole, and the comparisons are contiguous
        # and vectorised. A (tree, line) pair then reads its own slot's comparison with one gather.
        # Gathering each pair's feature, value and threshold instead costs three gathers a level, and a
        # gather costs about ten instructions an element where a contiguous comparison costs two.
        rows = np.ascontiguousarray(x.T)  # no copy for `line_features`, whose matrix is column-major
        line = np.arange(n)
        right = take(rows, self.level_feature[0], axis=0) > self.level_threshold[0][:, None]  # the roots
        slot = right + 2 * trees  # (trees x lines) slots of level 1
        at = np.empty_like(slot)
        for feature, threshold in zip(self.level_feature[1:], self.level_threshold[1:], strict=True):
            right = take(rows, feature, axis=0) > threshold[:, None]  # (slots x lines)
            np.multiply(slot, n, out=at)
            at += line
            slot += slot
            slot += take(right, at)
        return self._link(take(self.leaf_value, slot.T))

    def _link(self, leaves: np.ndarray) -> np.ndarray:
        """The probabilities from each line's leaf values, (lines x trees) in tree order: summed along
        each row as the flat walk summed them, so the sums are the same to the last bit."""
        return 1.0 / (1.0 + np.exp(-(self.baseline + leaves.sum(axis=1))))


def export_sklearn(model, names: tuple[str, ...], vocabulary: dict[str, float]) -> dict:
    """A fitted `HistGradientBoostingClassifier` (binary, numeric features, no missing values) and the
    word log-odds its vocabulary features read, as the JSON-ready dict `load_model` reads. The second stage
    is exported by the same function (with no vocabulary) and stored under the first's "context" key."""
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
    """Flatten the trees of an exported model into one node array with offsets; its "context" (the second
    stage), when it has one, likewise."""
    feature: list[int] = []
    threshold: list[float] = []
    children: list[int] = []
    value: list[float] = []
    roots: list[int] = []
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
    levels = _levels(data["trees"], depth)
    return LineModel(
        features=tuple(data["features"]), vocabulary=dict(data.get("vocabulary", {})), baseline=float(data["baseline"]),
        roots=np.array(roots, dtype=np.intp), feature=np.array(feature, dtype=np.intp),
        threshold=_float32_below(np.array(threshold, dtype=np.float64)), children=np.array(children, dtype=np.intp),
        value=np.array(value, dtype=np.float64), depth=depth,
        level_feature=tuple(np.array(f, dtype=np.intp) for f in levels[0]),
        level_threshold=tuple(_float32_below(np.array(t, dtype=np.float64)) for t in levels[1]),
        leaf_value=np.array(levels[2], dtype=np.float64),
        context=from_dict(data["context"]) if "context" in data else None,
    )


def _levels(trees: list[dict], depth: int) -> tuple[list[list[int]], list[list[float]], list[float]]:
    """The trees padded to complete trees of `depth` levels, as `LineModel.level_feature`,
    `LineModel.level_threshold` (float64 here) and `LineModel.leaf_value` lists."""
    feature = [[0] * (len(trees) << level) for level in range(depth)]
    threshold = [[np.inf] * (len(trees) << level) for level in range(depth)]
    leaf = [0.0] * (len(trees) << depth)
    for t, tree in enumerate(trees):
        todo = [(0, 0, 0)]  # (node, level, slot within the tree's slots of the level)
        while todo:
            i, level, s = todo.pop()
            if level == depth:
                leaf[(t << depth) + s] = tree["value"][i]
                continue
            if not tree["leaf"][i]:  # a leaf keeps feature 0 and an infinite threshold: rows go left
                feature[level][(t << level) + s] = tree["feature"][i]
                threshold[level][(t << level) + s] = tree["threshold"][i]
                todo += [(tree["left"][i], level + 1, 2 * s), (tree["right"][i], level + 1, 2 * s + 1)]
            else:  # both children repeat the leaf, down to the leaf slots
                todo += [(i, level + 1, 2 * s), (i, level + 1, 2 * s + 1)]
    return feature, threshold, leaf


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
    """The packaged model; it must have been trained on exactly the features the code computes, and its
    second stage on those and `CONTEXT_FEATURES` (THRESHOLD is the second stage's)."""
    text = resources.files("build_dataset.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    model = from_dict(json.loads(text))
    if model.features != expected or model.context is None \
            or model.context.features != (*expected, *CONTEXT_FEATURES):
        raise BuildDatasetError(f"{MODEL_FILE}: trained on other features than build_dataset computes; "
                                "retrain it with `python scripts/train_cleaner.py`")
    return model
