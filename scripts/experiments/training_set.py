"""Trials of what the line model is trained on and how it is fitted, scored by `five_draws.evaluate`: the
unlabelled lines of the training pages given the model's confident calls (self-training), weights per page,
site, class or cut copy, and fit settings at the shipped model's size (80 trees of depth 4 at most).

    OMP_NUM_THREADS=1 python scripts/experiments/training_set.py --dev ../shared/eval/dev VARIANT [VARIANT ...]

Each variant is fitted inside each outer fold on the fold's training pages alone; the test fold's lines are
only predicted (`five_draws.evaluate`). The results are in `train_cleaner.py`'s docstring.
"""

from __future__ import annotations

import argparse
import functools
import pathlib
import pickle
import sys
from collections.abc import Callable

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import five_draws as fd  # noqa: E402
import train_cleaner as tc  # noqa: E402

from build_dataset.clean.features import FEATURES  # noqa: E402


def _matrix(names: list[str], analyses: dict, labels: dict, sites: dict, folds: int, draw: str,
            cut_weight: float = tc.CUT_WEIGHT) -> tuple[dict, list, np.ndarray, np.ndarray, np.ndarray]:
    """`train_cleaner.fit`'s training matrix: features per page, rows (name, labelled lines), x, y, w."""
    features = tc.training_features(names, analyses, labels, sites, folds, draw)
    rows = [(n, sorted(labels[n])) for n in features if labels[n]]
    x = np.vstack([features[n][ks] for n, ks in rows])
    y = np.array([labels[n][k] for n, ks in rows for k in ks], dtype=np.int8)
    w = np.array([cut_weight if n.endswith(tc.CUT) else 1.0 for n, ks in rows for _ in ks])
    return features, rows, x, y, w


def _model(params: dict | None = None):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**(tc.PARAMS if params is None else params))


def weighted_fit(names, analyses, labels, sites, folds, draw="", *, by: str = "page", params: dict | None = None,
                 cut_weight: float = tc.CUT_WEIGHT):
    """Each page (`by` "page", its cut copy counted apart) or each site ("site") the same total weight
    instead of each line, the weights scaled to the same sum as `train_cleaner.fit`'s."""
    _, rows, x, y, w = _matrix(names, analyses, labels, sites, folds, draw, cut_weight)
    owner = [n if by == "page" else sites[n] + tc.CUT * n.endswith(tc.CUT) for n, ks in rows for _ in ks]
    count: dict[str, int] = {}
    for o in owner:
        count[o] = count.get(o, 0) + 1
    w2 = w / np.array([count[o] for o in owner])
    w2 *= w.sum() / w2.sum()
    model = _model(params).fit(x, y, sample_weight=w2)
    return model, tc.learn_vocabulary(names, analyses, labels, sites), ""


def self_training_fit(names, analyses, labels, sites, folds, draw="", *, hi: float = 0.9, lo: float = 0.1,
                      weight: float = 0.3, sure: bool = False, pseudo: bool = True, cuts: bool = False,
                      inner: bool = False, prior: bool = False, params: dict | None = None):
    """Fitted on the labelled lines, then refitted beside the training pages' unlabelled lines given the
    first model's confident calls (p >= hi: body, p <= lo: furniture) at `weight`, and (with `sure`) the
    lines the rules remove for sure (`Verdict.sure`) as furniture. With `inner` the calls come from inner
    site-grouped folds (a model that did not see the line's site), not from the model fitted on all of them.
    With `prior`, the pseudo-labelled lines of each class weigh `weight` times the labelled lines of that
    class in all (`weight` is then a share, not a line's weight), so the classes' balance stays the labelled
    lines': the unlabelled lines are mostly furniture, and at a line's weight they tilt the model to drop.
    Early stopping is off in both fits (scikit-learn turns it on past 10,000 rows: the refit would have it)."""
    params = dict(tc.PARAMS if params is None else params, early_stopping=False)
    features, rows, x, y, w = _matrix(names, analyses, labels, sites, folds, draw)
    pool = [n for n in features if n.endswith(tc.CUT) <= cuts]
    unlabelled = {n: np.array([k for k in range(len(features[n])) if k not in labels[n]], dtype=int) for n in pool}
    unlabelled = {n: ks for n, ks in unlabelled.items() if len(ks)}
    p: dict[str, np.ndarray] = {}
    if pseudo and inner:
        groups = [sites[n] for n in names]
        for inner_train, inner_test in tc.site_folds(groups, folds, draw):
            train = [names[i] for i in inner_train]
            tf, trows, tx, ty, tw = _matrix(train, analyses, labels, sites, folds - 1, draw)
            m = _model(params).fit(tx, ty, sample_weight=tw)
            for i in inner_test:
                for n in (names[i], names[i] + tc.CUT):
                    if n in unlabelled:
                        p[n] = m.predict_proba(features[n][unlabelled[n]])[:, 1]
    elif pseudo:
        first = _model(params).fit(x, y, sample_weight=w)
        xs = [features[n][unlabelled[n]] for n in unlabelled]
        probs = first.predict_proba(np.vstack(xs))[:, 1]
        for n, end in zip(unlabelled, np.cumsum([len(v) for v in xs]), strict=True):
            p[n] = probs[end - len(unlabelled[n]):end]
    ex, ey, ew = [x], [y], [w]
    for n, ks in unlabelled.items():
        label = np.full(len(ks), -1, dtype=np.int8)
        if n in p:
            label[p[n] >= hi] = 1
            label[p[n] <= lo] = 0
        if sure:
            label[np.array([analyses[n].verdicts[k].sure for k in ks], dtype=bool)] = 0
        take = label >= 0
        if take.any():
            ex.append(features[n][ks[take]])
            ey.append(label[take])
            ew.append(np.full(int(take.sum()), weight * (tc.CUT_WEIGHT if n.endswith(tc.CUT) else 1.0)))
    ey_all, ew_all = np.concatenate(ey), np.concatenate(ew)
    if prior:
        extra = np.arange(len(ey_all)) >= len(y)
        for c in (0, 1):
            sel = extra & (ey_all == c)
            if sel.any():
                ew_all[sel] *= weight * w[y == c].sum() / ew_all[sel].sum()
    model = _model(params).fit(np.vstack(ex), ey_all, sample_weight=ew_all)
    return model, tc.learn_vocabulary(names, analyses, labels, sites), ""


def _params(**changes) -> dict:
    return dict(tc.PARAMS, **changes)


def _apart(columns: list[str]) -> list[list[int]]:
    """`interaction_cst` that keeps `columns` out of the branches of the other columns: two groups."""
    inside = [j for j, f in enumerate(FEATURES) if f in columns]
    return [inside, [j for j in range(len(FEATURES)) if j not in inside]]


VARIANTS: dict[str, Callable] = {
    "baseline": tc.fit,
    "cut0.25": functools.partial(tc.fit, cut_weight=0.25),
    "cut1.0": functools.partial(tc.fit, cut_weight=1.0),
    "page": functools.partial(weighted_fit, by="page"),
    "site": functools.partial(weighted_fit, by="site"),
    "balanced": functools.partial(tc.fit, params=_params(class_weight="balanced")),
    "mf0.5": functools.partial(tc.fit, params=_params(max_features=0.5)),
    "mf0.7": functools.partial(tc.fit, params=_params(max_features=0.7)),
    "mf0.3": functools.partial(tc.fit, params=_params(max_features=0.3)),
    "ic_vocab": functools.partial(tc.fit, params=_params(
        interaction_cst=_apart([f for f in FEATURES if f.startswith("vocab_")]))),
    "ic_page": functools.partial(tc.fit, params=_params(
        interaction_cst=_apart(["has_stoplist", "page_lines", "log_page_chars", "region_share"]))),
    "es": functools.partial(tc.fit, params=_params(early_stopping=True)),
    "lr0.1": functools.partial(tc.fit, params=_params(learning_rate=0.1)),
    "lr0.2": functools.partial(tc.fit, params=_params(learning_rate=0.2)),
    "lr0.1leaf40": functools.partial(tc.fit, params=_params(learning_rate=0.1, min_samples_leaf=40)),
    "l2_0": functools.partial(tc.fit, params=_params(l2_regularization=0.0)),
    "l2_5": functools.partial(tc.fit, params=_params(l2_regularization=5.0)),
    "sure": functools.partial(self_training_fit, pseudo=False, sure=True, weight=0.3),
}
for _hi, _lo in ((0.9, 0.1), (0.95, 0.05), (0.8, 0.2), (0.97, 0.03)):
    for _w in (0.1, 0.3, 0.5):
        VARIANTS[f"st{_hi}/{_lo}w{_w}"] = functools.partial(self_training_fit, hi=_hi, lo=_lo, weight=_w)
        VARIANTS[f"st{_hi}/{_lo}w{_w}sure"] = functools.partial(self_training_fit, hi=_hi, lo=_lo, weight=_w,
                                                                sure=True)
        VARIANTS[f"inner{_hi}/{_lo}w{_w}"] = functools.partial(self_training_fit, hi=_hi, lo=_lo, weight=_w,
                                                               inner=True)
for _share in (0.1, 0.3, 1.0):
    VARIANTS[f"prior0.9/0.1s{_share}"] = functools.partial(self_training_fit, hi=0.9, lo=0.1, weight=_share, prior=True)
    VARIANTS[f"prior0.97/0.03s{_share}"] = functools.partial(self_training_fit, hi=0.97, lo=0.03, weight=_share,
                                                             prior=True)
    VARIANTS[f"prior0.9/0.1s{_share}sure"] = functools.partial(self_training_fit, hi=0.9, lo=0.1, weight=_share,
                                                               prior=True, sure=True)
for _w in (0.1, 0.5):
    VARIANTS[f"surew{_w}"] = functools.partial(self_training_fit, pseudo=False, sure=True, weight=_w)


def ahead(results: list[dict], base: list[dict], t: float = 0.35) -> int:
    """On how many draws the F1 at `t` is above the baseline's."""
    return sum(r[("pages", t)][2] > b[("pages", t)][2] for r, b in zip(results, base, strict=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=tc.DEFAULT_DEV)
    ap.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/five_draws_cache.pkl"))
    ap.add_argument("variants", nargs="+", choices=sorted(VARIANTS), metavar="VARIANT")
    args = ap.parse_args()
    data = fd.load(args.dev, args.cache)
    saved = args.cache.with_suffix(".baseline.pkl")
    base = pickle.loads(saved.read_bytes()) if saved.exists() else fd.evaluate(data)
    saved.write_bytes(pickle.dumps(base))
    for name in args.variants:
        results = base if name == "baseline" else fd.evaluate(data, fit=VARIANTS[name])
        print(fd.summary(name, results))
        print(f"{name} ahead of the baseline on {ahead(results, base)} of 5 draws at 0.35, "
              f"{ahead(results, base, 0.40)} at 0.40", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
