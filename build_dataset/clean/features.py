"""Numeric features of every line, for the learned line model that has the last word on body or not.

The rule-based classifier (`classify`) sees a line through a few thresholds; the model sees the same
signals as numbers, plus the classifier's own verdicts, and learns how they combine. Every feature
holds across sites and languages: the line's length and shape, its stopword density, its keyword cue,
its position on the page and relative to the article region the classifier found, and the same
measures for its neighbours. None names a site, a URL or a phrase of one page.

The features are built as columns (one list per feature) because numpy turns columns into a matrix
in one step; `FEATURES` is the only place their names and order are defined, and the model file
stores the names it was trained on so a mismatch fails loudly at load time.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain, repeat

import numpy as np

from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.lines import Line

CUES = ("social", "related", "comments", "legal", "subscribe", "advertising", "navigation", "markup",
        "caption", "byline", "dateline", "footer", "furniture")
"""Cue reasons that get their own indicator column; any other cue counts as "other"."""
VOCAB_CHARS = 300
"""Words of a line's first characters are looked up in the vocabulary (as for the stopword density)."""
FURNITURE_WORD = -1.0
"""Log-odds below which a word counts as a furniture word ("newsletter", "cookies", "anmelden")."""
WINDOWS = (3, 10)
"""Half-widths, in lines, of the neighbourhoods whose text density and list shape are measured."""

_LINE = ("log_length", "words", "stop_density", "sentence_end", "ends_colon", "sentences", "bullet",
         "urlish", "markup", "separated", "dated", "digit_share", "upper_share", "starts_lower",
         "starts_upper", "repeats", "cue_any", "original", "verdict")
FEATURES: tuple[str, ...] = (
    *_LINE,
    *(f"cue_{c}" for c in CUES),
    "position", "char_position", "inside", "above", "below", "lines_to_region", "region_share",
    "after_comments", "blank_before", "blank_after", "has_stoplist", "page_lines", "log_page_chars",
    *(f"{side}_{name}" for side in ("prev", "next", "prev2", "next2")
      for name in ("log_length", "stop_density", "verdict", "original", "bullet", "sentence_end")),
    *(f"w{w}_{name}" for w in WINDOWS for name in ("good_chars", "bullets", "short", "bad")),
    "vocab_mean", "vocab_max", "vocab_min", "vocab_negative_sum", "vocab_known_share", "vocab_furniture_words",
)
_CUE_COLUMN = {c: i for i, c in enumerate(CUES)}
_COLUMN = {f: i for i, f in enumerate(FEATURES)}
_NEIGHBOUR = ("log_length", "stop_density", "verdict", "original", "bullet", "sentence_end")


def _char_shares(lines: list[Line]) -> tuple[np.ndarray, np.ndarray]:
    """Share of ASCII digits and of uppercase letters among each line's first 200 characters.

    Counted for the whole page at once on its code points: a per-character loop in Python would cost
    more than the rest of the features together.
    """
    heads = [ln.body[:200] for ln in lines]
    joined = "".join(heads)
    lowered = joined.lower()
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(lowered) == len(joined):
        upper = codes != np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    else:  # a letter whose lowercase is longer ("İ") shifts the code points: compare character by character
        upper = np.array([c != c.lower() for c in joined], dtype=bool)
    digit = (codes - 48) < 10  # unsigned: true for "0".."9" only
    ends = np.cumsum([len(h) for h in heads])
    starts = ends - [len(h) for h in heads]
    cum_digit = np.concatenate(([0], np.cumsum(digit)))
    cum_upper = np.concatenate(([0], np.cumsum(upper & ~digit)))
    size = np.maximum(ends - starts, 1)
    return (cum_digit[ends] - cum_digit[starts]) / size, (cum_upper[ends] - cum_upper[starts]) / size


def line_features(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int,
                  stoplist: frozenset[str], comments_start: int, vocabulary: dict[str, float]) -> np.ndarray:
    """The (lines x FEATURES) matrix of a page, from its lines and the rule-based verdicts on them.

    `vocabulary` maps words to their learned log-odds of being in body rather than furniture lines
    (see `vocabulary_features`). Columns are built one at a time over all lines, which numpy turns
    into the matrix without a per-line Python loop over the features.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    words = [ln.head_words for ln in lines]
    flat = list(chain.from_iterable(words))  # every word of the page, line after line
    sizes = np.fromiter(map(len, words), dtype=np.intp, count=n)
    line_of = np.repeat(np.arange(n), sizes)  # the line each word of `flat` belongs to
    counts = Counter(ln.body for ln in lines)
    total_chars = lines[-1].end or 1
    idx = np.arange(n)
    x = np.zeros((n, len(FEATURES)), dtype=np.float32)
    col = _COLUMN

    def put(name: str, values) -> None:
        x[:, col[name]] = values

    put("log_length", np.log1p([ln.length for ln in lines]))
    put("words", [ln.words for ln in lines])
    if stoplist:
        put("stop_density", _stop_density(lines, words, sizes, stoplist))
    put("sentence_end", [ln.sentence_end for ln in lines])
    put("ends_colon", [ln.body[-1:] == ":" for ln in lines])
    put("sentences", [ln.sentences for ln in lines])
    put("bullet", [ln.bullet for ln in lines])
    put("urlish", [ln.urlish for ln in lines])
    put("markup", [ln.markup for ln in lines])
    put("separated", [ln.separated for ln in lines])
    put("dated", [ln.dated for ln in lines])
    digit_share, upper_share = _char_shares(lines)
    put("digit_share", digit_share)
    put("upper_share", upper_share)
    put("starts_lower", [ln.body[:1].islower() for ln in lines])
    put("starts_upper", [ln.body[:1].isupper() for ln in lines])
    put("repeats", [counts[ln.body] > 1 for ln in lines])
    cues = [v.cue for v in verdicts]
    put("cue_any", [c is not None for c in cues])
    put("original", original)
    put("verdict", [v.cls == GOOD for v in verdicts])
    cue_column = np.array([_CUE_COLUMN.get(c, -1) if c else -1 for c in cues])
    x[:, col[f"cue_{CUES[0]}"]:col[f"cue_{CUES[-1]}"] + 1] = cue_column[:, None] == np.arange(len(CUES))
    put("position", idx / n)
    put("char_position", np.array([ln.start for ln in lines]) / total_chars)
    put("inside", (idx >= first) & (idx <= last))
    put("above", idx < first)
    put("below", idx > last)
    put("lines_to_region", np.log1p(np.maximum(first - idx, 0) + np.maximum(idx - last, 0)))
    put("region_share", max(last - first + 1, 0) / n)
    put("after_comments", idx >= comments_start)
    index = np.array([ln.index for ln in lines])
    gap = np.diff(index) > 1
    put("blank_before", np.concatenate(([False], gap)))
    put("blank_after", np.concatenate((gap, [False])))
    put("has_stoplist", bool(stoplist))
    put("page_lines", math.log1p(n))
    put("log_page_chars", math.log1p(total_chars))
    own = x[:, [col[f] for f in _NEIGHBOUR]]
    for side, shift in (("prev", 1), ("next", -1), ("prev2", 2), ("next2", -2)):
        shifted = np.full_like(own, -1.0)  # the page's edges
        if shift > 0:
            shifted[shift:] = own[:-shift]
        else:
            shifted[:shift] = own[-shift:]
        x[:, col[f"{side}_{_NEIGHBOUR[0]}"]:col[f"{side}_{_NEIGHBOUR[-1]}"] + 1] = shifted
    good_chars = np.where(x[:, col["original"]] == GOOD, np.expm1(x[:, col["log_length"]]) * 1e-3, 0.0)
    short = x[:, col["log_length"]] < math.log1p(70)
    bad = x[:, col["verdict"]] == 0
    # the four series of each window are adjacent columns in FEATURES, in this order
    series = np.stack((good_chars, x[:, col["bullet"]], short, bad), axis=1).astype(np.float64)
    cumulative = _cumulative(series)
    for w in WINDOWS:
        x[:, col[f"w{w}_good_chars"]:col[f"w{w}_bad"] + 1] = _window_sum(cumulative, w) / (2 * w + 1)
    x[:, col["vocab_mean"]:col["vocab_furniture_words"] + 1] = _vocabulary_columns(flat, sizes, line_of, vocabulary)
    return x


def _stop_density(lines: list[Line], words: list[list[str]], sizes: np.ndarray, stoplist: frozenset[str]) -> np.ndarray:
    """Every line's share of stopwords among its words: long lines have it from `add_stop_density`, short
    ones get it here the same way (a count divided by a count, in float64), their words looked up in one
    pass rather than line by line."""
    density = np.array([ln.stop_density for ln in lines])
    short = [k for k, ln in enumerate(lines) if ln.tokens is None]
    if short:
        short_sizes = sizes[short]
        stops = np.fromiter(map(stoplist.__contains__, chain.from_iterable([words[k] for k in short])), dtype=bool,
                            count=int(short_sizes.sum()))
        per_line = np.repeat(np.arange(len(short)), short_sizes)
        density[short] = np.bincount(per_line, weights=stops, minlength=len(short)) / np.maximum(short_sizes, 1)
    return density


def _cumulative(series: np.ndarray) -> np.ndarray:
    """Running sums of (lines x k) series down the lines, after a row of zeros: what `_window_sum` reads.

    The sums run line after line in float64, column by column, so a window's sum is the same whatever
    other series share the matrix."""
    return np.concatenate((np.zeros((1, series.shape[1])), np.cumsum(series, axis=0, dtype=np.float64)))


def _window_sum(cumulative: np.ndarray, w: int) -> np.ndarray:
    """Sums of each series over the 2w+1 lines centred on each line (fewer at the page's edges), from
    their `_cumulative` sums, as float32."""
    n = len(cumulative) - 1
    idx = np.arange(n)
    hi = np.minimum(idx + w + 1, n)
    lo = np.maximum(idx - w, 0)
    return (cumulative[hi] - cumulative[lo]).astype(np.float32)


def line_words(ln: Line) -> list[str]:
    """The lowercased words of a line's start, as the vocabulary features read them."""
    return ln.head_words


def vocabulary_features(words: list[list[str]], vocabulary: dict[str, float]) -> np.ndarray:
    """Six columns from the learned log-odds of each line's words: their mean, maximum, minimum, the sum
    of the negative ones, the share of the line's words that are known, and the count of furniture words.

    The vocabulary is learned from labelled lines, keeping only words seen on several sites, so it holds
    the generic words of page furniture in each language ("subscribe", "newsletter", "Kommentar",
    "cookies") and of prose, not the names of one site.
    """
    sizes = np.fromiter(map(len, words), dtype=np.intp, count=len(words))
    return _vocabulary_columns(list(chain.from_iterable(words)), sizes, np.repeat(np.arange(len(words)), sizes),
                               vocabulary)


def _vocabulary_columns(flat: list[str], sizes: np.ndarray, line_of: np.ndarray,
                        vocabulary: dict[str, float]) -> np.ndarray:
    """`vocabulary_features` of the page's words given flat, with each line's word count and each word's
    line. The words of the whole page are looked up in one pass (`map` over `dict.get`, no Python
    frame per word) and summed per line with `bincount` and `reduceat`, since a loop per line costs
    more than the lookups."""
    n = len(sizes)
    out = np.zeros((n, 6), dtype=np.float32)
    values = np.fromiter(map(vocabulary.get, flat, repeat(math.nan)), dtype=np.float64, count=len(flat))
    known = ~np.isnan(values)
    if not known.any():
        return out
    line_of = line_of[known]
    values = values[known]
    counts = np.bincount(line_of, minlength=n)
    has = counts > 0
    # line_of is sorted: each line's known words are a run, which starts where the line number changes
    starts = np.flatnonzero(np.concatenate(([True], line_of[1:] != line_of[:-1])))
    lines = line_of[starts]
    out[has, 0] = np.bincount(line_of, weights=values, minlength=n)[has] / counts[has]
    out[lines, 1] = np.maximum.reduceat(values, starts)
    out[lines, 2] = np.minimum.reduceat(values, starts)
    out[:, 3] = np.bincount(line_of, weights=np.minimum(values, 0.0), minlength=n)
    out[has, 4] = counts[has] / sizes[has]
    out[:, 5] = np.bincount(line_of, weights=values < FURNITURE_WORD, minlength=n)
    return out
