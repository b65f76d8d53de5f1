"""Train the cleaner's line model on labelled pages and report how well it does on sites it never saw.

    pip install -e ".[train]"
    python scripts/train_cleaner.py [--dev ../shared/eval/dev] [--folds 5] [--out build_dataset/data/line_model.json]

Labels come from a snippets file like `score_snippets.py`'s: per page, text that must stay ("with")
and text that must go ("without"). Each snippet is found in the page's lines (whitespace folded, as
the scorer does) and every line it covers gets its label; lines no snippet covers are not used.

Before the final model is fitted on every page, pages are split into folds by the domain of their URL
and each fold is predicted by a model fitted on the others, so the reported scores are for sites the
model did not see: the honest estimate of how the cleaner does on new sites. The score is computed
like `score_snippets.py`'s (a snippet is kept when it is in the text of the kept lines).
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import re
import sys
from collections import Counter, defaultdict
from urllib.parse import urlparse

import numpy as np

from build_dataset.annotate.language import detect_language
from build_dataset.clean.classify import GOOD
from build_dataset.clean.features import FEATURES, line_words, vocabulary_features
from build_dataset.clean.linemodel import THRESHOLD, export_sklearn, from_dict
from build_dataset.clean.lines import language_sample
from build_dataset.clean.page import Analysis, analyse, model_keeps

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev"
DEFAULT_OUT = REPO / "build_dataset" / "data" / "line_model.json"
RESULTS = REPO / "benchmarks" / "results" / "line_model.md"
SEED_GOLD = REPO / "tests" / "data" / "seeds_gold.json"
MIN_SITES = 3
"""A word enters the vocabulary only when labelled lines of this many sites hold it."""
LANGUAGE_MIN_PAGES = 20
"""A page language with fewer pages is pooled with the others: its own score would be noise."""
DATASET_LANGUAGES = ("uk", "ru", "be", "en")
VOCAB_COLUMNS = [FEATURES.index(f) for f in FEATURES if f.startswith("vocab_")]
PARAMS = {"max_iter": 80, "learning_rate": 0.15, "max_depth": 4, "min_samples_leaf": 20,
          "l2_regularization": 1.0, "random_state": 0}
"""Small trees: as accurate on unseen sites as 300 trees of depth 6 (F1 within 0.002), and they are
evaluated per page, where every level of depth and every tree costs time."""


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def line_labels(a: Analysis, page: dict) -> dict[int, int]:
    """Line position -> 1 (must stay) or 0 (must go) for the lines the page's snippets cover.

    A line covered by both kinds is left out: the snippets disagree about it.
    """
    texts = [_norm(ln.text) for ln in a.lines]
    offsets = []
    pos = 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    joined = " ".join(texts)
    labels: dict[int, set[int]] = defaultdict(set)
    for label, key in ((1, "with"), (0, "without")):
        for snippet in page[key]:
            s = _norm(snippet)
            at = joined.find(s) if s else -1
            if at < 0:
                continue
            k = np.searchsorted(offsets, at, side="right") - 1
            while k < len(texts) and offsets[k] < at + len(s):
                labels[int(k)].add(label)
                k += 1
    return {k: next(iter(v)) for k, v in labels.items() if len(v) == 1}


def snippet_score(pages: dict[str, dict], kept_text: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over snippets, as `score_snippets.py` counts them."""
    tp = fp = fn = 0
    for name, page in pages.items():
        text = kept_text[name]
        raw = page["_raw"]
        for s in map(_norm, page["with"]):
            if s and s in raw:
                tp += s in text
                fn += s not in text
        for s in map(_norm, page["without"]):
            if s and s in raw:
                fp += s in text
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def page_language(a: Analysis) -> str:
    """ISO 639-1 code of a page's article language, read from its longest lines ("unknown" without)."""
    return detect_language(language_sample(a.lines))[0] or "unknown"


def language_table(pages: dict[str, dict], languages: dict[str, str], kept_text: dict[str, str],
                   seed_languages: Counter[str]) -> list[str]:
    """The score per page language at the threshold used, as Markdown lines: every language with at
    least LANGUAGE_MIN_PAGES pages on its own row, the others pooled, and how many of the pages, and of
    the seed-gold pages (`seed_languages`), are in the dataset's own languages, so a reader sees how
    far the figures speak for those."""
    groups: dict[str, list[str]] = defaultdict(list)
    counts = Counter(languages.values())
    for name, language in languages.items():
        alone = counts[language] >= LANGUAGE_MIN_PAGES or language == "unknown"
        groups[language if alone else "other"].append(name)
    others = sorted(k for k, v in counts.items() if v < LANGUAGE_MIN_PAGES and k != "unknown")
    label = {"unknown": "no long line to tell",
             "other": f"other ({len(others)} language{'s' * (len(others) != 1)}: {', '.join(others)})"}
    own = ", ".join(f"{code} {counts[code]}" for code in DATASET_LANGUAGES)
    few = [code for code in DATASET_LANGUAGES if counts[code] < LANGUAGE_MIN_PAGES]
    seeds = ", ".join(f"{code} {seed_languages[code]}" for code in few)
    unmeasured = [code for code in few if not seed_languages[code]]
    check = (f" With so few {', '.join(few)} pages here, the check in those languages is the seed gold of "
             f"`benchmarks/cleaning.py` (never trained on), which holds {seeds} pages" if few else "")
    if unmeasured:
        check += f": cleaning in {', '.join(unmeasured)} is not measured at all"
    check += "." if few else ""
    lines = [f"By the language of the page (lingua on its longest lines), threshold {THRESHOLD:.2f}. Pages in "
             f"the dataset's own languages among them: {own}.{check}", "",
             "| language | pages | precision | recall | F1 |", "|---|---|---|---|---|"]
    order = sorted(groups, key=lambda k: (k in ("other", "unknown"), -len(groups[k]), k))
    for key in order:
        p, r, f = snippet_score({n: pages[n] for n in groups[key]}, kept_text)
        lines.append(f"| {label.get(key, key)} | {len(groups[key])} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return lines


def learn_vocabulary(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                     sites: dict[str, str]) -> dict[str, float]:
    """Log-odds of each word being in a body line rather than a furniture line, over the labelled lines of
    `names`, for words seen on at least MIN_SITES sites (so no site's own names or slogans get in)."""
    body: Counter[str] = Counter()
    furniture: Counter[str] = Counter()
    seen_on: dict[str, set[str]] = defaultdict(set)
    n_body = n_furniture = 0
    for name in names:
        for k, label in labels[name].items():
            words = set(line_words(analyses[name].lines[k]))
            (body if label else furniture).update(words)
            n_body += label
            n_furniture += 1 - label
            for w in words:
                seen_on[w].add(sites[name])
    return {w: math.log((body[w] + 1) / (n_body + 2)) - math.log((furniture[w] + 1) / (n_furniture + 2))
            for w, on in seen_on.items() if len(on) >= MIN_SITES and not w.isdigit()}


def with_vocabulary(a: Analysis, vocabulary: dict[str, float]) -> np.ndarray:
    """The page's features with the vocabulary columns computed from `vocabulary`."""
    x = a.features.copy()
    x[:, VOCAB_COLUMNS] = vocabulary_features([line_words(ln) for ln in a.lines], vocabulary)
    return x


def fit(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]], sites: dict[str, str],
        folds: int):
    """A model fitted on the labelled lines of `names`, and the vocabulary learned from all of them.

    Each page's vocabulary features are computed with a vocabulary learned without its site (inner
    folds), as they will be for a page of a new site; otherwise the model would trust them too much.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    features: dict[str, np.ndarray] = {}
    groups = [sites[n] for n in names]
    for inner_train, inner_test in GroupKFold(n_splits=folds).split(names, groups=groups):
        vocabulary = learn_vocabulary([names[i] for i in inner_train], analyses, labels, sites)
        for i in inner_test:
            features[names[i]] = with_vocabulary(analyses[names[i]], vocabulary)
    rows = [(n, sorted(labels[n])) for n in names if labels[n]]
    x = np.vstack([features[n][ks] for n, ks in rows])
    y = np.array([labels[n][k] for n, ks in rows for k in ks])
    model = HistGradientBoostingClassifier(**PARAMS).fit(x, y)
    return model, learn_vocabulary(names, analyses, labels, sites)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    from sklearn.model_selection import GroupKFold

    pages = json.loads((args.dev / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(pages)
    sites = {n: urlparse(pages[n].get("url", "")).netloc or n for n in names}
    analyses: dict[str, Analysis] = {}
    labels: dict[str, dict[int, int]] = {}
    for name in names:
        raw = (args.dev / "raw" / name).read_text(encoding="utf-8")
        pages[name]["_raw"] = _norm(raw)
        analyses[name] = analyse(raw, vocabulary={})
        labels[name] = line_labels(analyses[name], pages[name])
    n_lines = sum(map(len, labels.values()))
    n_body = sum(sum(v.values()) for v in labels.values())
    print(f"{n_lines} labelled lines ({n_body / n_lines:.1%} body) from {len(names)} pages of "
          f"{len(set(sites.values()))} sites, {len(FEATURES)} features")

    # every page predicted by a model that never saw its site
    unseen: dict[str, np.ndarray] = {}
    groups = [sites[n] for n in names]
    for train, test in GroupKFold(n_splits=args.folds).split(names, groups=groups):
        model, vocabulary = fit([names[i] for i in train], analyses, labels, sites, args.folds - 1)
        for i in test:
            x = with_vocabulary(analyses[names[i]], vocabulary)
            unseen[names[i]] = model.predict_proba(x)[:, 1] if len(x) else np.zeros(0)

    def text_of(keep: dict[str, np.ndarray]) -> dict[str, str]:
        return {n: " ".join(_norm(ln.text) for ln, k in zip(analyses[n].lines, keep[n], strict=True) if k)
                for n in names}


    rules = {n: np.array([v.cls == GOOD for v in analyses[n].verdicts], dtype=bool) for n in names}
    rows = [("rules alone (no line model)", snippet_score(pages, text_of(rules)))]
    for t in sorted({0.25, THRESHOLD, 0.5}):
        label = f"line model, threshold {t:.2f}" + (" (the one used)" if t == THRESHOLD else "")
        keep = {n: np.array(model_keeps(analyses[n].verdicts, unseen[n], t), dtype=bool) for n in names}
        rows.append((label, snippet_score(pages, text_of(keep))))
    table = ["| pages of sites the model never saw | precision | recall | F1 |", "|---|---|---|---|"]
    table += [f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} |" for label, (p, r, f) in rows]
    intro = (f"Measured with `python scripts/train_cleaner.py`: {len(names)} dev pages of {len(set(groups))} sites, "
             f"{n_lines} labelled lines, {args.folds} folds split by site; each page is cleaned by a model "
             "trained without its site, scored like `score_snippets.py` on the text of the kept lines.")
    used = {n: np.array(model_keeps(analyses[n].verdicts, unseen[n], THRESHOLD), dtype=bool) for n in names}
    seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8")) if SEED_GOLD.is_file() else {}
    by_language = language_table(pages, {n: page_language(analyses[n]) for n in names}, text_of(used),
                                 Counter(page["language"] for page in seed_gold.values()))
    print(intro, *table, "", *by_language, sep="\n")
    RESULTS.write_text("\n".join([intro, "", *table, "", *by_language]) + "\n", encoding="utf-8")

    model, vocabulary = fit(names, analyses, labels, sites, args.folds)
    exported = export_sklearn(model, FEATURES, vocabulary)
    check = np.vstack([with_vocabulary(a, vocabulary) for a in analyses.values() if len(a.lines)])
    gap = np.abs(from_dict(exported).probability(check) - model.predict_proba(check)[:, 1]).max()
    if gap > 1e-6:
        raise SystemExit(f"the exported trees disagree with scikit-learn by {gap}: not written")
    args.out.write_text(json.dumps(exported, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB, {len(vocabulary)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
