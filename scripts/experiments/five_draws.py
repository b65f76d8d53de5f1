"""Scores of the line model on sites it never saw, over five fold draws, with extra columns tried beside
the shipped features: the harness a change to the features is judged with before it goes into `features.py`.

    OMP_NUM_THREADS=1 python scripts/experiments/five_draws.py [--dev ../shared/eval/dev] [--cache /tmp/x.pkl]

prints the baseline. A trial imports `evaluate` and passes a function of an `Analysis` that returns the
extra columns (lines x k), or a `fit` that trains another way (`evaluate`'s docstring; `training_set.py`).
Columns are appended to the page's features and the model is fitted as `train_cleaner.py` fits it (same
folds per draw, vocabulary learned without the page's site, cut copies).
The analyses of the dev pages and their cut copies are cached in a pickle (about 30 s to build), so a
trial costs the fits alone (about 6 minutes for five draws on one core: each fold fits the first stage
five times and the second once). Nothing is written but the cache.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pathlib
import pickle
import sys
from collections.abc import Callable
from urllib.parse import urlparse

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import train_cleaner as tc  # noqa: E402

from build_dataset.clean.page import Analysis, analyse, model_keeps  # noqa: E402

DRAWS = ("", "1", "2", "3", "4")
"""The shipped split and four others (`train_cleaner.site_folds`): one draw's F1 moves by about 0.003."""
THRESHOLDS = (0.35, 0.40)


def load(dev: pathlib.Path, cache: pathlib.Path) -> tuple:
    """Pages, names, sites, analyses and labels of the dev pages and their cut copies, as `main` builds them."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = json.loads((dev / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(pages)
    sites = {n: urlparse(pages[n].get("url", "")).netloc or n for n in names}
    analyses: dict[str, Analysis] = {}
    labels: dict[str, dict[int, int]] = {}
    for name in names:
        raw = (dev / "raw" / name).read_text(encoding="utf-8")
        pages[name]["_raw"] = tc._norm(raw)
        analyses[name] = analyse(raw, vocabulary={})
        labels[name] = tc.line_labels(analyses[name], pages[name])
        cut = tc.cut_copy(name, raw, analyses[name], labels[name])
        if cut:
            analyses[name + tc.CUT], labels[name + tc.CUT] = cut
            sites[name + tc.CUT] = sites[name]
    data = (pages, names, sites, analyses, labels)
    cache.write_bytes(pickle.dumps(data))
    return data


def evaluate(data: tuple, extra: Callable[[Analysis], np.ndarray] | None = None,
             draws: tuple[str, ...] = DRAWS, fit: Callable = tc.fit,
             ) -> list[dict[tuple[str, float], tuple[float, float, float]]]:
    """Per draw, (precision, recall, F1) of the pages ("pages") and of their cut copies ("cut") at each of
    THRESHOLDS, every page predicted by the two stages fitted without its site (`train_cleaner.
    unseen_probabilities`), `extra`'s columns appended.

    `fit` is called as `train_cleaner.fit` is, on the fold's training pages alone (for the first stage, and
    for the first stages whose probabilities out of fold the second is fitted on), and returns what it
    returns (model, vocabulary, digest): a trial of another training set, weighting or fit settings passes
    its own (`functools.partial(tc.fit, params=...)`, or one built on `tc.training_features`). The test
    fold's lines are only predicted."""
    pages, names, sites, analyses, labels = data
    ext = {n: dataclasses.replace(a, features=np.hstack([a.features, np.asarray(extra(a), dtype=np.float32)
                                                          .reshape(len(a.features), -1)]) if extra else a.features)
           for n, a in analyses.items()}
    cut_pages = {n + tc.CUT: dict(pages[n], _raw=tc._norm(" ".join(ln.text for ln in ext[n + tc.CUT].lines)))
                 for n in names if n + tc.CUT in ext}
    results = []
    for draw in draws:
        _, unseen = tc.unseen_probabilities(names, ext, labels, sites, 5, draw, fit=fit)
        scores = {}
        for t in THRESHOLDS:
            for key, scored in (("pages", pages), ("cut", cut_pages)):
                kept = {n: " ".join(tc._norm(ln.text) for ln, k in zip(
                    ext[n].lines, model_keeps(ext[n].verdicts, unseen[n], t), strict=True) if k) for n in scored}
                scores[(key, t)] = tc.snippet_score(scored, kept)
        results.append(scores)
    return results


def summary(label: str, results: list[dict]) -> str:
    """A line per threshold: F1 per draw and its mean, mean precision and recall, the cut copies' F1."""
    rows = []
    for t in THRESHOLDS:
        f = [r[("pages", t)][2] for r in results]
        cut = [r[("cut", t)][2] for r in results]
        p, r = (np.mean([s[("pages", t)][i] for s in results]) for i in (0, 1))
        rows.append(f"{label} t{t:.2f} F1 {' '.join(f'{v:.4f}' for v in f)} mean {np.mean(f):.4f} | P {p:.4f} "
                    f"R {r:.4f} | cut {' '.join(f'{v:.4f}' for v in cut)} mean {np.mean(cut):.4f}")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=tc.DEFAULT_DEV)
    ap.add_argument("--cache", type=pathlib.Path, default=pathlib.Path("/tmp/five_draws_cache.pkl"))
    args = ap.parse_args()
    print(summary("baseline", evaluate(load(args.dev, args.cache))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
