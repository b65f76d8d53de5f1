"""Train the cleaner's line model on labelled pages and report how well it does on sites it never saw.

    pip install -e ".[train]"
    python scripts/train_cleaner.py [--dev ../shared/eval/dev] [--folds 5] [--out build_dataset/data/line_model.json]
    python scripts/train_cleaner.py --check    # retrain and say whether the shipped model comes out again
    python scripts/train_cleaner.py --draw a   # the scores on sites never seen for another split into folds

Labels come from a snippets file like `score_snippets.py`'s: per page, text that must stay ("with")
and text that must go ("without"). Each snippet is found in the page's lines (whitespace folded, as
the scorer does) and every line it covers gets its label; lines no snippet covers are not used.

Before the final model is fitted on every page, pages are split into folds by the domain of their URL
and each fold is predicted by a model fitted on the others, so the reported scores are for sites the
model did not see: the honest estimate of how the cleaner does on new sites. The score is computed
like `score_snippets.py`'s (a snippet is kept when it is in the text of the kept lines).

Training is reproducible: the same dev pages, code and library versions give a byte-identical model
file whatever vector instructions the CPU has. The folds are the same on every CPU (`site_folds`, not a
sort whose order of ties depends on the CPU), and the features take no logarithm or exponential with
numpy's vectorised loops, whose float32 results differ in their last bits between AVX-512, AVX2 and SSE
code (`math.log1p` on the lines' lengths instead), so a build cleans a page the same on any CPU too. The
model file records what it was trained from (`training`: digests of the dev pages and of the training
matrix, the commit, the library versions), and the features the seed pages had then are written to
tests/data/line_model_seeds.json, which a test compares with the features the code computes now: a change
to the features or the rules that the model was not retrained on fails there. `--check` retrains without
writing anything and says whether the shipped model comes out again, and if not, why.

The shipped model was trained on the features that say where a line stands in the page's text (the share
of the text above and below it, the lines and text since the last furniture cue above it or the page's top,
the run of kept lines it is in), the dated, markup, cue and sentence lines around it, and its neighbours'
word log-odds, on the dev pages and on copies of them cut after their article (`cut_copy`). On unseen sites
it scored F1 0.913 at 0.35 (P 0.873, R 0.956), and 0.936 on the cut copies; with the topic columns (the
cosine of a line's content words with the article's longest paragraphs, its window mean, and its contrast
with the cosine with the furniture's words, hidden on lines with a cue: `features._topic_columns`) it
scores 0.916 (P 0.881, R 0.955) and 0.938, and over five fold draws 0.9174 against 0.9139 without them,
ahead on each draw (cut copies 0.9371 against 0.9355). Fitted without the copies it
scored 0.914 (P 0.878, R 0.952) and dropped the last paragraph of 11 of the 200 footerless pages of
`benchmarks/clean_input.py`, where it now drops none. Means of the window columns over the lines that exist
at the page's edges (not 2w+1) scored 0.9162/0.9139/0.9160 over three fold draws without the copies, but
kept a menu's first item on a page cut short, and still dropped such a last paragraph.

Columns for the block a line is in (the run of lines between two blank lines, one block element of w3m's:
its lines, log1p of its characters, the shares of them ending like a sentence, kept by the rules and bulleted,
the line's place in it, whether a short title without a sentence end heads it) were tried and not kept. Over
five fold draws (the sites dealt to the folds in five orders) they scored F1 0.9137 at 0.35 against 0.9136
without them; prev/next block columns, block-level windows, a repeated block shape and the length of the run
of one-line blocks did no better (0.912 to 0.914). With 160 trees they scored 0.9159 against 0.9144 (4 of 5
draws ahead), but that model kept the photo credit of `tests/test_clean_furniture.py` between two paragraphs
(p 0.51: 0.35 with 160 trees and no block columns, 0.28 shipped). The block shape cannot tell most of the
furniture the model keeps: 64% of those lines are one-line blocks, as are 82% of the body lines it keeps.

The line model has two stages (stacked sequential learning, Cohen & Carvalho 2005). The second reads every
feature and the first stage's probabilities around the line and over the page (`features.context_columns`:
its own, those of the two lines above and below and their 7-line mean, and where it stands relative to the
page's main block, the run of lines whose length-weighted (p - 0.5) sum is largest), and is fitted on the
training pages' first-stage probabilities out of fold (`fit_context`: an inner site-grouped CV, so it learns
how far to trust the first stage on a site that stage never saw). Over the five fold draws ("", "1" to "4")
it scored F1 0.9209 0.9201 0.9240 0.9214 0.9221 at 0.40, mean 0.9217 (P 0.890, R 0.956; R 0.954 to 0.957
on every draw; cut copies 0.9413), against the first stage alone's 0.9173 at 0.35 (P 0.882, R 0.956; cut
copies 0.9376) and 0.9181 at 0.40 (R 0.945 to 0.951): ahead of both on every draw (`scripts/experiments/
five_draws.py` prints the two-stage figures). At the line level, out of fold on the default draw, it keeps
305 labelled-furniture lines where the first stage kept 334, and drops 141 body lines where it dropped 140.
An earlier trial of a second pass, without the main block and with windows of 3 and 10 lines and the blocks
between blank lines, scored 0.9209 at 0.40 on the default draw and was not kept: it gained less than the
0.003 a change must over the first stage at 0.40. More context columns (means
of the probabilities over 1, 3 and 10 lines weighted by length, the rank of the line's probability in the
page) did no better (0.9178 and 0.9179 at 0.35 on two draws, against 0.9194 and 0.9182), and a second stage
reading the context columns alone did worse (0.9149, 0.9136). Blending the two stages' probabilities out of fold
(a * first + (1 - a) * second, no cost at run time) did no better either: over the five draws at 0.40, a = 0.15
0.9218, 0.3 0.9219, 0.5 0.9218 against 0.9217; at 0.45 they score 0.9221 to 0.9233 (0.9224 with the second stage
alone), but mean recall falls to 0.948 or 0.949, under the 0.95 a change must keep. A second stage whose
probability may only rise with the first stage's (scikit-learn's `monotonic_cst` on ctx_p) scored 0.9219 at 0.40
(cut copies 0.9412), and with ctx_w3_p and ctx_in_main constrained too 0.9211 (0.9400): noise, or worse.

Line-shape and page-context columns for the furniture the model keeps on unseen sites were tried and none
kept (`scripts/experiments/five_draws.py`: the five draws "", "1" to "4", extra columns appended to all of
FEATURES). Out of fold at 0.35 the model keeps 334 labelled-furniture lines (131 of them at p > 0.8: a
related story's lead, an outlet's self-promotion, a bio, as long and as prose-like as the article) and drops
140 body lines. The signals read in them are rare, even where twice as frequent as in the body lines kept:
an ellipsis ending (3.0% of those furniture lines, 0.9% of the body), a first five words another line of the
page starts with (4.5%, 1.6%), a domain or URL in a line of any length (3.6%, 1.6%), a share of words that
address the reader ("you", "Sie", "du", "vous", "ви"; 0.016, 0.008). The baseline over the five draws
scored F1 0.9163 0.9157 0.9185 0.9188 0.9172, mean 0.9173 at 0.35 (P 0.882, R 0.956; cut copies 0.9376),
0.9181 at 0.40 (P 0.890, R 0.948; 0.9374). Mean F1 at 0.35 with each (draws ahead of the baseline; cut
copies): ends in an ellipsis / a question mark 0.9174 (4 of 5; 0.9373); starts with a label and a colon
("Lea: ...", "Tipp: ...") 0.9173 (3; 0.9377); starts with a quotation mark 0.9173 (3; 0.9378); log length
and stop density less the median and mean of the topic core's (`_topic_columns`) 0.9170 (3; 0.9371); the
reader-address and first-person-plural shares 0.9168 (2; 0.9376); a share of the 10 lines around with the
same shape (bullet, sentence end, rounded log length) 0.9167 (1; 0.9371); a domain anywhere 0.9165 (2;
0.9373); learned log-odds of the line's first word, first two words and last word (a vocabulary of
"^word" keys, learned like the other) 0.9165 (2; 0.9369); the largest share of a line's content words
another line holds, and the distance to it, 0.9163 (2; 0.9366); the line distance to the nearest core line
and its side 0.9162 (3; 0.9370); the share of title-case words 0.9162 (2; 0.9376); the previous lines
ending in a colon and the lines since a short one 0.9160 (1; 0.9366); the first five words shared with
another line 0.9158 (0; 0.9368); the line's indent in the dump and its signed distance from the core's
median indent (w3m indents quotes, lists and table cells: 24% of the furniture lines are off it, 13% of
the body lines) 0.9162 (2; 0.9371); the first word's log-odds alone 0.9161 (1; 0.9366); the ellipsis,
address and domain columns together 0.9166 (3; 0.9376). At 0.40 none beat the baseline's 0.9181 either
(the label prefix and the quotation mark tie it, the rest 0.9169 to 0.9180). None gains the 0.003 a
change must: each moves the mean by less than one draw moves it from another, and most lower it a little.
Taking columns out did no better: without the page's constants (has_stoplist, page_lines, log_page_chars,
region_share) 0.9144, without position and char_position 0.9164, without the prev2 and next2 columns 0.9163.

Cue phrases change the columns too (`cue_*`, the rules' verdicts), so a model refitted on new phrases is judged
the same way. A category of cookies as consent vocabulary (`cues._COOKIE_CATEGORY_RE`: 30 dev lines, all of
consent dialogs) was kept: over the five draws at 0.40 it scored 0.9212 (P 0.890, R 0.954) against 0.9217, within
a draw's noise, and on the dev pages 0.965 against 0.962. Phrases of rails' headings ("Alle Artikel", "Entdecke
weitere", "Усі статті") and of advertisements' markers ("CONTINUA DEPOIS DA PUBLICIDADE") as cues were not: 0.9200
against 0.9212 (2 of 5 draws ahead); they refuse titles instead (`headlines._not_headline`). Nor was reading a
line that a cue's word opens as a compound and that goes on for words ("Next-Gen HAMR Platters Promise 80TB Hard
Drives", 22 dev lines) as no cue: 0.9202 against 0.9212 (1 of 5 ahead); the header reader alone reads it so
(`cues.compound_phrase`).

What the model is trained on and how it is fitted was tried too, and nothing kept (`scripts/experiments/
training_set.py`, through `five_draws.evaluate`'s `fit`; the same five draws, baseline as above). Mean F1
over the draws at 0.35 (P, R; draws ahead of the baseline; cut copies), then at 0.40. Self-training, the
training pages' unlabelled lines (about 200 a page, the test fold's never) given the first model's calls at
p >= 0.9 body and p <= 0.1 furniture and refitted: at weight 0.3 a line 0.9144 (P 0.888, R 0.943; 0 of
5; 0.9342), 0.9145; the unlabelled lines are mostly furniture and tilt the model to drop, so with each
class's pseudo-labels weighing 0.3 of its labelled lines in all 0.9154 (0.881, 0.953; 2; 0.9362), 0.9158.
Every page the same total weight 0.9160 (0.880, 0.955; 2; 0.9372), 0.9170; every site 0.9159 (0.881,
0.954; 1; 0.9378), 0.9163; cut copies at 0.25 0.9164 (0.881, 0.955; 1; 0.9350), 0.9180; at 1.0 0.9161
(0.880, 0.956; 1; 0.9378), 0.9177; balanced class weights 0.9172 (0.889, 0.947; 3; 0.9362), 0.9165, below
the recall a change must keep. Fit settings at the same size (80 trees of depth 4): half the features per
split (`max_features` 0.5) 0.9162 (0.879, 0.956; 1; 0.9364), 0.9164, 0.7 of them 0.9156 (0.879, 0.955;
1; 0.9369), 0.9168; learning rate 0.1 0.9145 (0.877, 0.955; 1; 0.9365), 0.9159, 0.2 0.9167 (0.882, 0.954;
2; 0.9365), 0.9175; early stopping on (off as shipped: scikit-learn's "auto" turns it on past 10,000 rows)
0.9164 (0.881, 0.955; 1; 0.9369), 0.9175; the vocabulary columns kept out of the other columns' branches
(`interaction_cst`) 0.9168 (0.881, 0.956; 2; 0.9371), 0.9179. The rules' sure verdicts (`Verdict.sure`)
on the unlabelled lines as furniture at weight 0.1, 0.9143 (0.880, 0.951; 0; 0.9349), 0.9154: those lines
are removed whatever the model says, and teaching it them costs the lines it must decide. The baseline's
fit is where these knobs are best or within a draw's noise of it: none gains, most lose 0.001 to 0.003.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pathlib
import platform
import re
import subprocess
import sys
import zlib
from collections import Counter, defaultdict
from urllib.parse import urlparse

import numpy as np

from build_dataset.annotate.language import detect_language
from build_dataset.clean.classify import GOOD
from build_dataset.clean.features import CONTEXT_FEATURES, FEATURES, context_columns, line_words, vocabulary_features
from build_dataset.clean.linemodel import THRESHOLD, LineModel, export_sklearn, from_dict
from build_dataset.clean.lines import language_sample
from build_dataset.clean.page import Analysis, analyse, clean_analysed, model_keeps

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev"
DEFAULT_OUT = REPO / "build_dataset" / "data" / "line_model.json"
RESULTS = REPO / "benchmarks" / "results" / "line_model.md"
SEED_GOLD = REPO / "tests" / "data" / "seeds_gold.json"
SEEDS = REPO / "seeds"
SEED_FEATURES = REPO / "tests" / "data" / "line_model_seeds.json"
RETRAIN = "retrain with `python scripts/train_cleaner.py`"
MIN_SITES = 3
"""A word enters the vocabulary only when labelled lines of this many sites hold it."""
LANGUAGE_MIN_PAGES = 20
"""A page language with fewer pages is pooled with the others: its own score would be noise."""
DATASET_LANGUAGES = ("uk", "ru", "be", "en")
VOCAB_COLUMNS = [FEATURES.index(f) for f in FEATURES if f.startswith("vocab_")]
PARAMS = {"max_iter": 80, "learning_rate": 0.15, "max_depth": 4, "min_samples_leaf": 20,
          "l2_regularization": 1.0, "random_state": 0}
"""Small trees: as accurate on unseen sites as 300 trees of depth 6 (F1 within 0.002), and they are
evaluated per page, where every level of depth and every tree costs time. (At least 50 lines a leaf scores
the same on unseen sites over three fold draws, F1 0.908 against 0.908 at 0.35.)"""


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


def site_folds(sites: list[str], folds: int, draw: str = "") -> list[tuple[list[int], list[int]]]:
    """(train, test) positions of `sites` for `folds` folds that keep each site's pages together.

    Sites are dealt out largest first, ties in the order of their names, each to the fold with the fewest
    pages so far (the first of them): scikit-learn's GroupKFold does the same but breaks ties with numpy's
    unstable argsort, whose order depends on the CPU (AVX-512 or not), so it trained different models on
    different machines. A `draw` other than "" breaks the ties by a digest of itself and the site's name
    instead: another split into folds as reproducible as the first, for telling a change's effect on the
    scores from that of the split (one draw's F1 moves by about 0.003 from another's)."""
    pages = Counter(sites)
    if folds > len(pages):
        raise SystemExit(f"{folds} folds need at least as many sites, there are {len(pages)}")
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for site in sorted(pages, key=lambda s: (-pages[s], zlib.crc32((draw + s).encode()) if draw else 0, s)):
        fold_of[site] = load.index(min(load))
        load[fold_of[site]] += pages[site]
    return [([i for i, s in enumerate(sites) if fold_of[s] != k], [i for i, s in enumerate(sites) if fold_of[s] == k])
            for k in range(folds)]


def digest(*arrays: np.ndarray) -> str:
    """sha256 of arrays' dtypes, shapes and bytes."""
    h = hashlib.sha256()
    for a in arrays:
        a = np.ascontiguousarray(a)
        h.update(f"{a.dtype.str}{a.shape}".encode())
        h.update(a.tobytes())
    return h.hexdigest()


CUT = "#cut"
"""Suffix of the name under which a page's `cut_copy` is stored beside the page."""
CUT_WEIGHT = 0.5
"""Weight of a cut copy's lines in the fit, against 1 for the pages' own lines: see `cut_copy`."""


def cut_copy(name: str, raw: str, a: Analysis, labels: dict[int, int]) -> tuple[Analysis, dict[int, int]] | None:
    """The page cut a little after its last line labelled body, with the labels of the lines it keeps;
    None when nothing follows that line.

    Nearly every dev page ends with a footer (of the 5,186 labelled lines, 4 are a page's last, 3 of them
    furniture), so a model fitted on them alone learns that the end of a page's text is furniture, and
    drops the last paragraph of text a scraper has already cleaned (`benchmarks/clean_input.py`). The cut
    copy is such input. Half the copies (by a digest of the page's name, so training stays reproducible)
    end right after the article; the others keep the first lines below it, up to a point drawn the same way
    (share buttons, a comment thread, a related rail, the start of the footer), so that the copies do not
    teach the opposite artefact, that a page's last line is body. Its features are computed again on the
    cut text, so every feature that reads what follows a line (the text below it, the windows) sees the
    page end where it was cut. Fitted beside the pages at CUT_WEIGHT, the copies teach the model that
    prose at the page's end is body unless something says furniture, without doubling the weight of the
    pages' headers, which the copies hold too."""
    body = [k for k, label in labels.items() if label]
    if not body or max(body) == len(a.lines) - 1:
        return None
    last = max(body)
    draw = zlib.crc32(name.encode())
    if draw % 2:
        last += 1 + (draw >> 1) % (len(a.lines) - 1 - last)
    return analyse(raw[:a.lines[last].line_end], vocabulary={}), {k: v for k, v in labels.items() if k <= last}


def training_features(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                      sites: dict[str, str], folds: int, draw: str = "") -> dict[str, np.ndarray]:
    """Every line's features of the pages `names` and their cut copies, each page's vocabulary columns
    computed with a vocabulary learned without its site (inner folds), as they will be for a page of a new
    site; otherwise the model would trust them too much. A cut copy gets its page's."""
    features: dict[str, np.ndarray] = {}
    for inner_train, inner_test in site_folds([sites[n] for n in names], folds, draw):
        vocabulary = learn_vocabulary([names[i] for i in inner_train], analyses, labels, sites)
        for i in inner_test:
            for n in (names[i], names[i] + CUT):
                if n in analyses:
                    features[n] = with_vocabulary(analyses[n], vocabulary)
    return features


def fit(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]], sites: dict[str, str],
        folds: int, draw: str = "", *, params: dict | None = None, cut_weight: float = CUT_WEIGHT):
    """A model fitted on the labelled lines of `names` and of their cut copies (`cut_copy`, stored in
    `analyses` under name + CUT), the vocabulary learned from the pages, and the `digest` of the matrix,
    labels and weights it was fitted on.

    The features are `training_features`'. The vocabulary counts each page's lines once, not its copy's
    again. `params` (PARAMS when None) and `cut_weight` are there for the experiments that try others
    (`scripts/experiments/five_draws.py`).
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    features = training_features(names, analyses, labels, sites, folds, draw)
    rows = [(n, sorted(labels[n])) for n in features if labels[n]]
    x = np.vstack([features[n][ks] for n, ks in rows])
    y = np.array([labels[n][k] for n, ks in rows for k in ks], dtype=np.int8)
    w = np.array([cut_weight if n.endswith(CUT) else 1.0 for n, ks in rows for _ in ks])
    model = HistGradientBoostingClassifier(**(PARAMS if params is None else params)).fit(x, y, sample_weight=w)
    return model, learn_vocabulary(names, analyses, labels, sites), digest(x, y, w)


def lengths(a: Analysis) -> np.ndarray:
    """The page's lines' lengths, which `context_columns` weighs the probabilities by."""
    return np.array([ln.length for ln in a.lines])


def two_stage(model, vocabulary: dict[str, float], context=None, names: tuple[str, ...] = ()) -> LineModel:
    """The fitted first stage (and `context`, the second) as the package evaluates them: exported and read
    back, so that what the second stage is fitted on and scored with is what a build computes."""
    exported = export_sklearn(model, names, vocabulary)
    if context is not None:
        exported["context"] = export_sklearn(context, (*names, *CONTEXT_FEATURES) if names else (), {})
    return from_dict(exported)


def first_stage_unseen(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                       sites: dict[str, str], folds: int, draw: str = "", *, fit=fit,
                       ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per page of `names` and per cut copy, its features (vocabulary learned without its site) and the
    first stage's probabilities from a model fitted without its site (`folds` site folds): what the second
    stage is fitted on. Probabilities of a model that saw the page are too sure of it to teach the second
    stage how far to trust them on a new site."""
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for train, test in site_folds([sites[n] for n in names], folds, draw):
        model, vocabulary, _ = fit([names[i] for i in train], analyses, labels, sites, folds - 1, draw)
        forest = two_stage(model, vocabulary)
        for n in (names[i] + end for i in test for end in ("", CUT)):
            if n in analyses:
                x = with_vocabulary(analyses[n], vocabulary)
                out[n] = (x, forest.probability(x))
    return out


def fit_context(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                sites: dict[str, str], folds: int, draw: str = "", *, fit=fit, params: dict | None = None,
                cut_weight: float = CUT_WEIGHT):
    """The second stage fitted on the labelled lines of `names` and of their cut copies, each line's
    features beside the `context_columns` of the first stage's probabilities out of fold
    (`first_stage_unseen`), and the `digest` of the matrix, labels and weights it was fitted on."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    first = first_stage_unseen(names, analyses, labels, sites, folds, draw, fit=fit)
    rows = [(n, sorted(labels[n])) for n in first if labels[n]]
    x = np.vstack([np.hstack((first[n][0], context_columns(first[n][1], lengths(analyses[n]))))[ks] for n, ks in rows])
    y = np.array([labels[n][k] for n, ks in rows for k in ks], dtype=np.int8)
    w = np.array([cut_weight if n.endswith(CUT) else 1.0 for n, ks in rows for _ in ks])
    model = HistGradientBoostingClassifier(**(PARAMS if params is None else params)).fit(x, y, sample_weight=w)
    return model, digest(x, y, w)


def unseen_probabilities(names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                         sites: dict[str, str], folds: int, draw: str = "", *, fit=fit,
                         ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The first stage's and the two stages' probabilities of every line of `names` and their cut copies,
    each page predicted by models fitted without its site: `folds` site folds, the second stage of each
    fitted on its fold's training pages alone (`fit_context`, an inner cross-validation)."""
    first: dict[str, np.ndarray] = {}
    both: dict[str, np.ndarray] = {}
    for train, test in site_folds([sites[n] for n in names], folds, draw):
        trained = [names[i] for i in train]
        model, vocabulary, _ = fit(trained, analyses, labels, sites, folds - 1, draw)
        context, _ = fit_context(trained, analyses, labels, sites, folds - 1, draw, fit=fit)
        forests = two_stage(model, vocabulary, context)
        for n in (names[i] + end for i in test for end in ("", CUT)):
            if n in analyses:
                x = with_vocabulary(analyses[n], vocabulary)
                first[n] = forests.probability(x)
                both[n] = forests.body_probability(x, lengths(analyses[n]))
    return first, both


def seed_features(vocabulary: dict[str, float]) -> dict[str, np.ndarray]:
    """The feature matrix of each seed page (seeds/*.txt) with `vocabulary`: what the test compares."""
    return {p.name: analyse(p.read_text(encoding="utf-8"), vocabulary=vocabulary).features
            for p in sorted(SEEDS.glob("*.txt"))}


def seed_features_digest(pages: dict[str, np.ndarray]) -> str:
    return hashlib.sha256("".join(name + digest(x) for name, x in sorted(pages.items())).encode()).hexdigest()


def seed_features_text(pages: dict[str, np.ndarray]) -> str:
    """The seed pages' features as JSON, a line per line of a page, each value the shortest decimal that
    reads back as the same float32."""
    blocks = []
    for name, x in sorted(pages.items()):
        rows = ",\n".join("[" + ",".join(str(v) for v in row) + "]" for row in x.astype(np.float32))
        blocks.append(f"{json.dumps(name)}: [\n{rows}]")
    return '{"features": ' + json.dumps(list(FEATURES)) + ',\n"pages": {\n' + ",\n".join(blocks) + "}}\n"


def read_seed_features(path: pathlib.Path = SEED_FEATURES) -> dict[str, np.ndarray]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: np.array(rows, dtype=np.float32).reshape(len(rows), len(data["features"]))
            for name, rows in data["pages"].items()}


DRIFT_TOLERANCE = 1e-6
"""Relative difference of a seed page's feature that `feature_drift` lets pass: a last-bit difference
another platform's C library may make in a logarithm, and the shipped model's seed features, computed
with numpy's vectorised log1p (up to 3e-7 relative from the exact ones). A change of a rule or a feature
moves some value by far more, as a rule; one that moves values by less (reordering a sum) only `--check` sees."""


def feature_drift(recorded: dict[str, np.ndarray], now: dict[str, np.ndarray]) -> list[str]:
    """What differs between the seed pages' features the model was trained with and those computed now:
    a line per page whose lines or features changed, naming the columns and how many lines each."""
    problems = []
    for name in sorted(recorded.keys() | now.keys()):
        if name not in now or name not in recorded:
            problems.append(f"{name}: {'no longer among the seeds' if name not in now else 'a new seed page'}")
        elif recorded[name].shape != now[name].shape:
            problems.append(f"{name}: {len(now[name])} lines now, {len(recorded[name])} then")
        else:
            changed = ~np.isclose(now[name], recorded[name], rtol=DRIFT_TOLERANCE, atol=DRIFT_TOLERANCE)
            columns = [f"{FEATURES[j]} ({changed[:, j].sum()} of {len(changed)} lines)"
                       for j in np.flatnonzero(changed.any(axis=0))]
            if columns:
                problems.append(f"{name}: " + ", ".join(columns))
    return problems


def dev_digest(dev: pathlib.Path, names: list[str]) -> str:
    """sha256 of the snippets file and of every labelled page's name and bytes."""
    h = hashlib.sha256((dev / "snippets.json").read_bytes())
    for name in names:
        h.update(name.encode() + b"\0" + (dev / "raw" / name).read_bytes())
    return h.hexdigest()


OUTPUTS = ("build_dataset/data/line_model.json", "tests/data/line_model_seeds.json", "benchmarks/results/line_model.md")


def git_state() -> tuple[str | None, bool]:
    """The checkout's commit, and whether files other than this script's outputs differ from it."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return None, True
    return head, any(line[3:] not in OUTPUTS for line in status)


def training_record(dev: pathlib.Path, names: list[str], matrix: str, context_matrix: str,
                    seeds: dict[str, np.ndarray], folds: int) -> dict:
    """What a model was trained from, stored in its file: the inputs by digest (the same digests mean the
    same training, whatever the commit), the commit for a reader, and the library versions."""
    import sklearn

    commit, modified = git_state()
    return {"dev_sha256": dev_digest(dev, names), "matrix_sha256": matrix, "context_matrix_sha256": context_matrix,
            "seed_features_sha256":
            seed_features_digest(seeds), "folds": folds, "params": PARAMS, "commit": commit, "modified": modified,
            "python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "machine": platform.machine()}


def compare_with_shipped(shipped_path: pathlib.Path, exported: dict, seeds: dict[str, np.ndarray]) -> int:
    """Compare a retrained model with the shipped one and say what differs: 0 when it came out again."""
    shipped = json.loads(shipped_path.read_text(encoding="utf-8"))
    was, now = shipped.get("training", {}), exported["training"]
    model_keys = ("features", "vocabulary", "baseline", "trees", "context")
    same_model = all(shipped.get(k) == exported.get(k) for k in model_keys)
    print(f"shipped model: trained at {was.get('commit')}{' (modified)' if was.get('modified') else ''} with "
          f"numpy {was.get('numpy')}, scikit-learn {was.get('scikit-learn')} on {was.get('machine')}")
    print(f"retrained here: at {now['commit']}{' (modified)' if now['modified'] else ''} with numpy {now['numpy']}, "
          f"scikit-learn {now['scikit-learn']} on {now['machine']}")
    if was.get("note"):
        print(f"shipped model's note: {was['note']}")
    findings = [] if was else ["the shipped model records nothing of its training (it was trained before "
                               "model files recorded it), so only its trees can be compared"]
    for key, what in (("dev_sha256", "the dev pages or their snippets differ"),
                      ("matrix_sha256", "the training matrix (features, rules or labels) differs"),
                      ("context_matrix_sha256", "the second stage's training matrix differs")):
        if was and was.get(key) != now.get(key):
            findings.append(f"{what} from what the shipped model was trained on")
    drift = feature_drift(read_seed_features(), seeds) if SEED_FEATURES.is_file() else ["no such file"]
    if drift:
        findings.append(f"the seed pages' features differ from {SEED_FEATURES.relative_to(REPO)}: " + "; ".join(drift))
    if not same_model:
        trees = sum(a == b for a, b in zip(shipped.get("trees", []), exported["trees"], strict=False))
        same = {k: "identical" if shipped.get(k) == exported.get(k) else "differs" for k in ("vocabulary", "context")}
        findings.append(f"the retrained model differs ({trees} of {len(exported['trees'])} trees identical, vocabulary "
                        f"{same['vocabulary']}, second stage {same['context']})")
        if was and all(was.get(k) == now.get(k) for k in ("matrix_sha256", "context_matrix_sha256")):
            findings.append("on the same training matrix: the library versions or the platform make the difference")
    if findings:
        print("NOT REPRODUCED:", *findings, sep="\n  ")
        print(f"If the change is meant, {RETRAIN} and commit the files it writes.")
        return 1
    print("reproduced: the retrained model is the shipped one, trained on the same matrix")
    return 0


def final_model(dev: pathlib.Path, names: list[str], analyses: dict[str, Analysis], labels: dict[str, dict[int, int]],
                sites: dict[str, str], folds: int):
    """The two stages fitted on every page, the vocabulary, the file's contents with the `training_record`,
    and the seed pages' features with the (rounded) vocabulary the package will read."""
    model, vocabulary, matrix = fit(names, analyses, labels, sites, folds)
    context, context_matrix = fit_context(names, analyses, labels, sites, folds)
    exported = export_sklearn(model, FEATURES, vocabulary)
    exported["context"] = {k: v for k, v in export_sklearn(context, (*FEATURES, *CONTEXT_FEATURES), {}).items()
                           if k != "vocabulary"}
    seeds = seed_features(exported["vocabulary"])
    exported["training"] = training_record(dev, names, matrix, context_matrix, seeds, folds)
    return (model, context), vocabulary, exported, seeds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="retrain, write nothing, and say whether the model in --out comes out again")
    ap.add_argument("--draw", default="",
                    help="split the sites into folds by this text's digest (`site_folds`), print the scores on "
                         "sites never seen, and write nothing")
    args = ap.parse_args()

    pages = json.loads((args.dev / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(pages)
    sites = {n: urlparse(pages[n].get("url", "")).netloc or n for n in names}
    groups = [sites[n] for n in names]
    analyses: dict[str, Analysis] = {}
    labels: dict[str, dict[int, int]] = {}
    for name in names:
        raw = (args.dev / "raw" / name).read_text(encoding="utf-8")
        pages[name]["_raw"] = _norm(raw)
        analyses[name] = analyse(raw, vocabulary={})
        labels[name] = line_labels(analyses[name], pages[name])
        cut = cut_copy(name, raw, analyses[name], labels[name])
        if cut:
            analyses[name + CUT], labels[name + CUT] = cut
            sites[name + CUT] = sites[name]
    n_lines = sum(len(labels[n]) for n in names)
    n_body = sum(sum(labels[n].values()) for n in names)
    cuts = [n + CUT for n in names if n + CUT in analyses]
    print(f"{n_lines} labelled lines ({n_body / n_lines:.1%} body) from {len(names)} pages of "
          f"{len(set(groups))} sites, {len(FEATURES)} features; {len(cuts)} pages cut after their article")
    if args.check:
        _, _, exported, seeds = final_model(args.dev, names, analyses, labels, sites, args.folds)
        return compare_with_shipped(args.out, exported, seeds)

    # every page predicted by models that never saw its site
    first, unseen = unseen_probabilities(names, analyses, labels, sites, args.folds, args.draw)

    def text_of(keep: dict[str, np.ndarray]) -> dict[str, str]:
        return {n: " ".join(_norm(ln.text) for ln, k in zip(analyses[n].lines, keep[n], strict=True) if k)
                for n in keep}

    # the whole cleaner on each page, with the verdicts of the models that never saw its site: the header's
    # removals (title, byline, dateline, standfirst) and the repeated lines dropped come on top of the model's
    whole = {}
    for n in names:
        raw = (args.dev / "raw" / n).read_text(encoding="utf-8")
        whole[n] = _norm(clean_analysed(raw, analyse(raw, vocabulary={}), unseen[n]).text)

    # the cut copies are scored on the text they hold, each snippet of their page found in it or not
    cut_pages = {n: dict(pages[n.removesuffix(CUT)], _raw=_norm(" ".join(ln.text for ln in analyses[n].lines)))
                 for n in cuts}
    tables = []
    for heading, scored in ((f"pages of sites the model never saw ({len(names)})", pages),
                            (f"the same pages cut after their article ({len(cuts)})", cut_pages)):
        rules = {n: np.array([v.cls == GOOD for v in analyses[n].verdicts], dtype=bool) for n in scored}
        rows = [("rules alone (no line model)", snippet_score(scored, text_of(rules)))]
        for t in (0.35, 0.40):
            keep = {n: np.array(model_keeps(analyses[n].verdicts, first[n], t), dtype=bool) for n in scored}
            rows.append((f"first stage alone, threshold {t:.2f}", snippet_score(scored, text_of(keep))))
        for t in sorted({0.25, THRESHOLD, 0.5}):
            label = f"line model, threshold {t:.2f}" + (" (the one used)" if t == THRESHOLD else "")
            keep = {n: np.array(model_keeps(analyses[n].verdicts, unseen[n], t), dtype=bool) for n in scored}
            rows.append((label, snippet_score(scored, text_of(keep))))
        if scored is pages:
            rows.append((f"the whole cleaner (`clean_page`): the line model at {THRESHOLD:.2f}, then the header's "
                         "removals and the repeated lines", snippet_score(pages, whole)))
        tables += [f"| {heading} | precision | recall | F1 |", "|---|---|---|---|"]
        tables += [f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} |" for label, (p, r, f) in rows] + [""]
    intro = (f"Measured with `python scripts/train_cleaner.py`: {len(names)} dev pages of {len(set(groups))} sites, "
             f"{n_lines} labelled lines, {args.folds} folds split by site; each page is cleaned by a model "
             "trained without its site, scored like `score_snippets.py` on the text of the kept lines. The line "
             "model is two stages of trees: the first reads the line's features, the second those and the first's "
             "probabilities around the line and over the page (`features.context_columns`), fitted on the first's "
             "probabilities out of fold (an inner cross-validation within each fold's training sites). The "
             "second table cleans each page cut after its last line labelled body (half of them right after it, "
             "the others some lines below), as a scraper that drops the footer hands it over (`cut_copy`; the model "
             "is fitted on such copies of the other sites' pages "
             f"at weight {CUT_WEIGHT}). The other rows score the kept lines alone; the whole cleaner's row scores "
             "`clean_page`'s text with the same models' verdicts, the header's removals (title, standfirst, "
             "byline, dateline) and the repeated lines dropped on top of them (its header reader reads the "
             "packaged model's vocabulary for names, learned on every dev page).")
    if args.draw:
        intro += f" Folds of draw {args.draw!r} (`--draw`)."
    used = {n: np.array(model_keeps(analyses[n].verdicts, unseen[n], THRESHOLD), dtype=bool) for n in names}
    seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8")) if SEED_GOLD.is_file() else {}
    by_language = language_table(pages, {n: page_language(analyses[n]) for n in names}, text_of(used),
                                 Counter(page["language"] for page in seed_gold.values()))
    print(intro, "", *tables, *by_language, sep="\n")
    if args.draw:
        return 0
    RESULTS.write_text("\n".join([intro, "", *tables, *by_language]) + "\n", encoding="utf-8")

    (model, context), vocabulary, exported, seeds = final_model(args.dev, names, analyses, labels, sites, args.folds)
    shipped, gap = from_dict(exported), 0.0
    for n in names:
        if analyses[n].lines:  # each stage's trees as read back against scikit-learn's, on the same input
            x, size = with_vocabulary(analyses[n], vocabulary), lengths(analyses[n])
            p = shipped.probability(x)
            both = np.hstack((x, context_columns(p, size)))
            gap = max(gap, np.abs(p - model.predict_proba(x)[:, 1]).max(),
                      np.abs(shipped.body_probability(x, size) - context.predict_proba(both)[:, 1]).max())
    if gap > 1e-6:
        raise SystemExit(f"the exported trees disagree with scikit-learn by {gap}: not written")
    args.out.write_text(json.dumps(exported, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    SEED_FEATURES.write_text(seed_features_text(seeds), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB, {len(vocabulary)} words) and "
          f"{SEED_FEATURES.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
