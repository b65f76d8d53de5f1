"""Numeric features of every line, for the learned line model that has the last word on body or not.

The rule-based classifier (`classify`) sees a line through a few thresholds; the model sees the same
signals as numbers, plus the classifier's own verdicts, and learns how they combine. Every feature
holds across sites and languages: the line's length and shape, its stopword density, its keyword cue,
how far its words are those of the article's longest paragraphs rather than of the page's furniture,
its position on the page, relative to the article region the classifier found and to the page's text,
how far it is from the last furniture cue above it, and the same measures for its neighbours. None
names a site, a URL or a phrase of one page.

The features are built as columns (one list per feature) because numpy turns columns into a matrix
in one step; `FEATURES` is the only place their names and order are defined, and the model file
stores the names it was trained on so a mismatch fails loudly at load time.
"""

from __future__ import annotations

import math
import struct
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, count, repeat
from operator import attrgetter

import numpy as np

from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.lines import CHAR_SAMPLE, Line
from build_dataset.clean.native import speedups, use_speedups

CUES = ("social", "related", "comments", "legal", "subscribe", "advertising", "navigation", "markup",
        "caption", "byline", "dateline", "footer", "furniture")
"""Cue reasons that get their own indicator column; any other cue counts as "other"."""
VOCAB_CHARS = 300
"""Words of a line's first characters are looked up in the vocabulary (as for the stopword density)."""
FURNITURE_WORD = -1.0
"""Log-odds below which a word counts as a furniture word ("newsletter", "cookies", "anmelden")."""
WINDOWS = (3, 10)
"""Half-widths, in lines, of the neighbourhoods whose text density and list shape are measured."""
TOPIC_CORE_LINES = 10
"""The page's longest lines the rules found GOOD stand for its article's topic (its "core"): an author bio,
a donation appeal or a teaser inside the article region shares few content words with them."""
TOPIC_MIN_CHARS = 4
"""Shorter words, digits and the page's stopwords are no content words for the topic columns."""
TOPIC_WINDOW = 3
"""Half-width, in lines, of the window whose mean topic_core is topic_core_w3."""
BLOCK_CUES = frozenset({"related", "comments", "footer", "subscribe", "social", "advertising", "legal"})
"""Cues that head or sit in a block of furniture: the lines after one are often more of it (the teasers
under "Related", the bio under "About the author", a sign-up box, the fine print of an offer)."""

_LINE = ("log_length", "words", "stop_density", "sentence_end", "ends_colon", "sentences", "bullet",
         "urlish", "markup", "separated", "dated", "digit_share", "upper_share", "starts_lower",
         "starts_upper", "repeats", "cue_any", "original", "verdict")
FEATURES: tuple[str, ...] = (
    *_LINE,
    *(f"cue_{c}" for c in CUES),
    "position", "char_position", "inside", "above", "below", "lines_to_region", "region_share",
    "after_comments", "blank_before", "blank_after", "has_stoplist", "page_lines", "log_page_chars",
    "text_before", "text_after", "log_text_after", "lines_since_cue", "text_since_cue", "run_chars", "run_lines",
    *(f"{side}_{name}" for side in ("prev", "next", "prev2", "next2")
      for name in ("log_length", "stop_density", "verdict", "original", "bullet", "sentence_end")),
    *(f"w{w}_{name}" for w in WINDOWS
      for name in ("good_chars", "bullets", "short", "bad", "dated", "markup", "cues", "sentence_ends")),
    "vocab_mean", "vocab_max", "vocab_min", "vocab_negative_sum", "vocab_known_share", "vocab_furniture_words",
    "vocab_prev_mean", "vocab_next_mean", "vocab_prev_min", "vocab_next_min",
    "topic_core", "topic_core_w3", "topic_contrast",
)
_CUE_RANGE = np.arange(len(CUES))
_OTHER_CUE = len(CUES)
_NO_CUE = len(CUES) + 1
_CUE_CODE: dict[str | None, int] = {None: _NO_CUE, **{c: i for i, c in enumerate(CUES)}}
"""A verdict's cue as a number: its indicator column in CUES, _OTHER_CUE for any other, _NO_CUE for none."""
_IS_BLOCK_CUE = np.array([c in BLOCK_CUES for c in CUES] + [False, False])
"""Whether each cue code is one of BLOCK_CUES (all of which are in CUES)."""
_CLS, _CUE = attrgetter("cls"), attrgetter("cue")
_BODY = attrgetter("body")
_COLUMN = {f: i for i, f in enumerate(FEATURES)}
_NEIGHBOUR = ("log_length", "stop_density", "verdict", "original", "bullet", "sentence_end")


LINE_ATTRIBUTES = ("length", "words", "sentence_end", "sentences", "bullet", "urlish", "markup", "separated", "dated",
                   "digits", "uppers", "start", "index")
"""The `Line` fields the line model's columns are made of: the first rows of `_line_columns`."""
_ROW = {name: k for k, name in enumerate((*LINE_ATTRIBUTES, "ends_colon", "starts_lower", "starts_upper", "sample"))}
"""Each row of `_line_columns`: LINE_ATTRIBUTES, then four read from the body (see `_line_columns_python`)."""
_AS_READ = ("words", "sentence_end", "ends_colon", "sentences", "bullet", "urlish", "markup", "separated", "dated",
           "starts_lower", "starts_upper")
"""Columns that are rows of `_line_columns` as they are: written by one assignment."""
_AS_READ_COLUMNS, _AS_READ_ROWS = [_COLUMN[f] for f in _AS_READ], [_ROW[f] for f in _AS_READ]


def _line_columns_python(lines: list[Line]) -> np.ndarray:
    """The per-line numbers the line model's columns are made of, as float64 rows (rows x lines): each of
    LINE_ATTRIBUTES, then whether the body ends with ":", whether its first character is lowercase and
    whether uppercase, and its length up to CHAR_SAMPLE (the characters `Line.digits` and `Line.uppers` were
    counted in). The reference for `_speedups.line_columns`, which reads the lines once instead of a pass
    and a list an attribute (a tenth of their cost)."""
    n = len(lines)
    bodies = list(map(_BODY, lines))
    firsts = [b[:1] for b in bodies]
    values = chain(*(map(attrgetter(name), lines) for name in LINE_ATTRIBUTES), (b[-1:] == ":" for b in bodies),
                   map(str.islower, firsts), map(str.isupper, firsts), (min(len(b), CHAR_SAMPLE) for b in bodies))
    return _floats(values, len(_ROW) * n).reshape(len(_ROW), n)


def _line_columns_native(lines: list[Line]) -> np.ndarray:
    assert speedups is not None
    out = np.empty((len(_ROW), len(lines)))
    speedups.line_columns(lines, LINE_ATTRIBUTES, out)
    return out


_line_columns = _line_columns_native if speedups is not None and use_speedups else _line_columns_python


def _char_shares(rows: np.ndarray) -> np.ndarray:
    """Share of ASCII digits (first row) and of uppercase letters (second row) among each line's first
    CHAR_SAMPLE characters, from the counts `split_lines` made (`Line.digits`, `Line.uppers`) in the rows of
    `_line_columns`."""
    return rows[_ROW["digits"]:_ROW["uppers"] + 1] / np.maximum(rows[_ROW["sample"]], 1)


def _log1p(values: np.ndarray) -> np.ndarray:
    """math.log1p of each of `values`, whole numbers from 0 (line counts, characters), as float64.

    Read from `_LOG1P`, made by math.log1p itself (see `line_features` on why not numpy's): the same
    numbers without a call per line; the few beyond the table are computed."""
    whole = values.astype(np.intp)
    if whole.max(initial=0) < len(_LOG1P):  # the common case: one reduction instead of a clip and a comparison
        return _LOG1P[whole]
    out = _LOG1P[np.minimum(whole, len(_LOG1P) - 1)]
    beyond = whole >= len(_LOG1P)
    if beyond.any():
        out[beyond] = list(map(math.log1p, values[beyond].tolist()))
    return out


_LOG1P = np.array(list(map(math.log1p, range(1 << 16))))
"""math.log1p of 0 .. 65535."""


def _bools(values: list[bool]) -> np.ndarray:
    """A list of bools as a numpy array: `bytes` converts each in C at a quarter of what `np.fromiter` costs."""
    return np.frombuffer(bytes(values), dtype=bool)


def _ints(values: Iterable[int], n: int) -> np.ndarray:
    """`n` ints as an int64 array, converted by `struct` (less than half of what `np.fromiter` costs)."""
    return np.frombuffer(struct.pack(f"{n}q", *values), dtype=np.int64)


def _floats(values: Iterable[float], n: int) -> np.ndarray:
    """`n` floats (or ints, or bools) as a float64 array, converted by `struct` (see `_ints`)."""
    return np.frombuffer(struct.pack(f"{n}d", *values), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class PageWords:
    """The words of a page's lines (`Line.head_words`), each distinct word numbered once, so that what is
    looked up about a word (its stoplist membership, its vocabulary log-odds, whether it is a content word)
    is looked up once per distinct word and spread over its occurrences by a numpy gather: three look-ups
    per occurrence, and the per-line word sets the topic columns took, cost more than the numbering.

    A word's number is the position of its first occurrence in the page's words (`distinct[i]` first
    occurs at `first[i]`), so the numbering is one pass of `dict.setdefault`; arrays indexed by the numbers
    have `size` slots, as many as the page has words, of which the distinct words' are used."""

    distinct: list[str]
    first: np.ndarray
    ids: np.ndarray
    """Each occurrence's number, line after line."""
    line_of: np.ndarray
    """Each occurrence's line."""
    sizes: np.ndarray
    """Each line's words (int64)."""
    size: int

    def table(self, values: np.ndarray) -> np.ndarray:
        """Values given per distinct word (in `distinct`'s order), laid out by their numbers."""
        table = np.zeros(self.size, dtype=values.dtype)
        table[self.first] = values
        return table

    def per_word(self, values: np.ndarray, ids: np.ndarray | None = None) -> np.ndarray:
        """Values given per distinct word, for each occurrence (or each of `ids`)."""
        return self.table(values)[self.ids if ids is None else ids]


def _page_words_python(words: list[list[str]], size: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The distinct words of a page's `size` words in order of first occurrence, the position of each one's first
    occurrence (its number), and each occurrence's number: the reference for `_speedups.number_words`."""
    numbers: dict[str, int] = {}
    # numbered straight off the chained lines: a list of the page's words first took a third of the numbering's time
    ids = _ints(map(numbers.setdefault, chain.from_iterable(words), count()), size)
    return list(numbers), _ints(numbers.values(), len(numbers)), ids


def _page_words_native(words: list[list[str]], size: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    assert speedups is not None
    distinct, first, ids = speedups.number_words(words, size)
    return distinct, np.frombuffer(first, dtype=np.int64), np.frombuffer(ids, dtype=np.int64)


_number_words = _page_words_native if speedups is not None and use_speedups else _page_words_python


def _page_words(words: list[list[str]], sizes: np.ndarray) -> PageWords:
    size = int(sizes.sum())
    distinct, first, ids = _number_words(words, size)
    return PageWords(distinct, first, ids, np.repeat(np.arange(len(words)), sizes), sizes, size)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A page's words (`PageWords`) and what is looked up about each distinct one, read once a page for the
    classifier (each line's stopword share) and the line model's columns."""

    words: PageWords
    log_odds: np.ndarray
    """Each distinct word's log-odds in the vocabulary (NaN for a word it lacks), in `words.distinct` order."""
    stop: np.ndarray | None
    """Whether the page's stoplist holds each distinct word; None when the page has no stoplist."""
    content: np.ndarray
    """Whether each distinct word is a content word for the topic columns (`_word_values`)."""
    stop_density: np.ndarray
    """Each line's share of stopwords among its words (`_stop_density`; 0 without a stoplist)."""


def lexicon(lines: list[Line], vocabulary: dict[str, float], stoplist: frozenset[str]) -> Lexicon:
    """The page's words numbered (`_page_words`), each distinct one looked up in `vocabulary` and `stoplist`
    (`_word_values`), and each line's stopword share from those look-ups."""
    words = [ln.head_words for ln in lines]
    sizes = _ints(map(len, words), len(words))
    page_words = _page_words(words, sizes)
    log_odds, in_stoplist, content = _word_values(page_words.distinct, vocabulary, stoplist)
    stop = in_stoplist if stoplist else None
    density = _stop_density(page_words, sizes, stop) if stop is not None else np.zeros(len(lines))
    return Lexicon(page_words, log_odds, stop, content, density)


def add_stop_density(lines: list[Line], lexicon: Lexicon) -> None:
    """Fill `Line.stop_density` of each line with `tokens`: the share of them the page's stoplist holds.

    Read from the lexicon's per-line shares, which count the same words: a line's `tokens` are its
    `head_words` (the very list), and a count of whole numbers divided by one is the same float64 in numpy
    as in Python. The stoplist is looked up once a distinct word, not once a token."""
    for ln, density in zip(lines, lexicon.stop_density.tolist(), strict=True):
        if ln.tokens:
            ln.stop_density = density


def line_features(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int,
                  comments_start: int, lexicon: Lexicon) -> np.ndarray:
    """The (lines x FEATURES) matrix of a page, from its lines, its words' look-ups (`lexicon`: in the
    vocabulary, which maps words to their learned log-odds of being in body rather than furniture lines, see
    `vocabulary_features`, and in the stoplist) and the rule-based verdicts on them.

    The columns of a line's shape, its verdicts, its place in the page and its neighbours' are written by
    `_page_columns` (in C where the extension was built), those of its words from the page's word numbers
    (`_vocabulary_columns`, `_topic_columns`), which read the verdict columns the first wrote.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    page_words, sizes, stop = lexicon.words, lexicon.words.sizes, lexicon.stop
    # column-major: the columns are written one (or a block) at a time, and the line model reads the
    # matrix transposed (`LineModel.probability`), which is then a view instead of a copy
    x = np.zeros((n, len(FEATURES)), dtype=np.float32, order="F")
    col = _COLUMN
    rows = _line_columns(lines)
    _page_columns(x, lines, rows, verdicts, original, first, last, comments_start,
                  None if stop is None else lexicon.stop_density)
    x[:, col["vocab_mean"]:col["vocab_next_min"] + 1] = _vocabulary_columns(page_words, sizes, lexicon.log_odds)
    # the topic core is drawn from the lines the rules found GOOD, the furniture from those outside the region
    topic = _topic_columns(page_words, lexicon.content, x[:, col["original"]] == GOOD, rows[_ROW["length"]],
                           x[:, col["inside"]] == 0)
    # a caption shares the article's words, while its cue says what it is
    has_cue = x[:, col["cue_any"]] != 0
    topic[has_cue, 0] = -1.0
    topic[has_cue, 2] = -9.0
    x[:, col["topic_core"]:col["topic_contrast"] + 1] = topic
    return x


def _page_columns_python(x: np.ndarray, lines: list[Line], rows: np.ndarray, verdicts: list[Verdict],
                         original: list[int], first: int, last: int, comments_start: int,
                         stop_density: np.ndarray | None) -> None:
    """Every column of `x` but the vocabulary and topic ones, from the lines, their `_line_columns` rows, the
    verdicts and each line's stopword share (None without a stoplist): the reference for
    `_speedups.page_columns`, which computes them line by line, the same float32s, in a quarter of the time
    of a numpy call (and its overhead) a column: 92 against 367 µs a dev page.

    Columns are built one at a time over all lines; columns that sit side by side in FEATURES are written
    with one assignment. Each verdict field is read once, and every column derived from it (the cue
    indicators, cue_any, the block cues `_add_text_position` reads; the verdict and the runs of kept lines;
    the good text the windows and the text position share) reuses that array."""
    n = len(lines)
    bodies = [ln.body for ln in lines]
    total_chars = lines[-1].end or 1
    idx = np.arange(n)
    col = _COLUMN

    def put(name: str, values) -> None:
        # a list of numbers goes through `struct` (`_floats`): assigned as it is, numpy first discovers its
        # type and shape, and np.fromiter converts element by element at twice the cost; lists of bools
        # come as `_bools` arrays, cheaper still
        x[:, col[name]] = _floats(values, n) if isinstance(values, list) else values

    lengths_array = rows[_ROW["length"]]
    x[:, _AS_READ_COLUMNS] = rows[_AS_READ_ROWS].T
    # logarithms by math.log1p (the C library), not numpy, whose vectorised loops can differ in the last
    # bit between CPUs (AVX-512 or not): the model must be trained and run on the same numbers anywhere
    put("log_length", _log1p(lengths_array))
    if stop_density is not None:
        put("stop_density", stop_density)
    x[:, col["digit_share"]:col["upper_share"] + 1] = _char_shares(rows).T
    counts = Counter(bodies)
    if len(counts) < n:  # else no line repeats and the column stays 0
        put("repeats", _bools([counts[b] > 1 for b in bodies]))
    # a line's cue as one code: its CUES column, OTHER_CUE or NO_CUE
    cue = _ints(map(_CUE_CODE.get, map(_CUE, verdicts), repeat(_OTHER_CUE)), n)
    put("cue_any", cue != _NO_CUE)
    classes = _ints(original, n)
    put("original", classes)
    kept = _ints(map(_CLS, verdicts), n) == GOOD
    put("verdict", kept)
    x[:, col[f"cue_{CUES[0]}"]:col[f"cue_{CUES[-1]}"] + 1] = cue[:, None] == _CUE_RANGE
    put("position", idx / n)
    put("char_position", rows[_ROW["start"]] / total_chars)
    above, below = idx < first, idx > last
    region = x[:, col["inside"]:col["below"] + 1]
    region[:, 0] = ~(above | below)
    region[:, 1] = above
    region[:, 2] = below
    put("lines_to_region", _log1p(np.maximum(first - idx, 0) + np.maximum(idx - last, 0)))
    put("region_share", max(last - first + 1, 0) / n)
    put("after_comments", idx >= comments_start)
    index = rows[_ROW["index"]]
    gap = index[1:] - index[:-1] > 1
    x[1:, col["blank_before"]] = gap
    x[:-1, col["blank_after"]] = gap
    # has_stoplist, page_lines and log_page_chars are the same on every line
    x[:, col["has_stoplist"]:col["log_page_chars"] + 1] = (stop_density is not None, math.log1p(n),
                                                             math.log1p(total_chars))
    text = np.where(classes == GOOD, lengths_array, 0.0)  # characters of the lines the rules found GOOD
    _add_text_position(x, lengths_array, text, _IS_BLOCK_CUE[cue], kept)
    _add_neighbours(x)
    _add_windows(x, text)


_PAGE_ROWS = ("length", "digits", "uppers", "sample", "start", "index")
_PAGE_COLUMNS = ("log_length", "stop_density", "digit_share", "upper_share", "repeats", "cue_any", "original",
                 "verdict", f"cue_{CUES[0]}", "position", "char_position", "inside", "above", "below",
                 "lines_to_region", "region_share", "after_comments", "blank_before", "blank_after", "has_stoplist",
                 "page_lines", "log_page_chars", "text_before", "text_after", "log_text_after", "lines_since_cue",
                 "text_since_cue", "run_chars", "run_lines", f"prev_{_NEIGHBOUR[0]}")
"""The rows of `_line_columns` and the columns of FEATURES `_speedups.page_columns` is told where to find:
the cue indicators, the four sides of neighbour columns and the eight of each window follow their first
column in FEATURES' order, as `_page_columns_python`'s slices take them."""


def _page_columns_native(x: np.ndarray, lines: list[Line], rows: np.ndarray, verdicts: list[Verdict],
                         original: list[int], first: int, last: int, comments_start: int,
                         stop_density: np.ndarray | None) -> None:
    assert speedups is not None
    # x is column-major: its transpose is the C-ordered block of columns the extension writes
    speedups.page_columns(_PAGE_LAYOUT, x.T, lines, rows, verdicts, original, first, last, comments_start,
                          lines[-1].end or 1, stop_density)


def _add_text_position(x: np.ndarray, lengths: np.ndarray, text: np.ndarray, is_cue: np.ndarray,
                       kept: np.ndarray) -> None:
    """Where a line stands in the page's text, which the article region alone does not say: the region
    takes in the teasers, author bios, donation appeals and fine print that follow an article, and they
    come after most of its text, after a furniture cue, in short runs of kept lines between removed ones.

    - text_before, text_after: the share of the page's text (`text`: characters of lines the rules found
      GOOD on their own) above and below the line; log_text_after: those below, as log1p of characters;
    - lines_since_cue, text_since_cue: log1p of the lines, and of the characters of text, since the
      nearest line above with a BLOCK_CUES cue (`is_cue`), or since the page's top: a line near either is
      no more likely article than the furniture there (a browser warning, an affiliate notice above the
      headline);
    - run_chars, run_lines: log1p of the characters, and the number, of the lines in the run of kept
      lines (rule verdict GOOD) the line is in, 0 for a removed line.
    """
    col = _COLUMN
    n = len(lengths)
    before = np.cumsum(text) - text  # text strictly above each line
    total = float(text.sum())
    after = total - before - text
    x[:, col["text_before"]] = before / (total or 1.0)
    x[:, col["text_after"]] = after / (total or 1.0)
    x[:, col["log_text_after"]] = _log1p(after)
    # the nearest cue strictly above each line: the running maximum of cue positions, shifted down a line
    # (-1 when there is none: the page's top, as if a cue stood just above the first line)
    idx = np.arange(n)
    last = np.full(n, -1)
    last[1:] = np.maximum.accumulate(np.where(is_cue, idx, -1))[:-1]
    since = idx - last
    text_since = before - before[last + 1]  # text strictly between the cue (or the top) and the line
    x[:, col["lines_since_cue"]] = _log1p(since)
    x[:, col["text_since_cue"]] = _log1p(text_since)
    starts = kept.copy()  # a kept line after a removed one (or first on the page)
    starts[1:] &= ~kept[:-1]
    run = np.cumsum(starts) - 1  # each kept line's run, numbered down the page
    run_chars = np.zeros(n)
    run_lines = np.zeros(n)
    if kept.any():
        run_chars[kept] = np.bincount(run[kept], weights=lengths[kept])[run[kept]]
        run_lines[kept] = np.bincount(run[kept])[run[kept]]
    x[:, col["run_chars"]] = _log1p(run_chars)
    x[:, col["run_lines"]] = run_lines


def _add_neighbours(x: np.ndarray) -> None:
    """Copy the _NEIGHBOUR columns of the lines one and two above and below into each line's row, -1
    past the page's edges. The four sides are adjacent blocks in FEATURES, so each side is one slice
    assignment of the rows it reaches."""
    own = x[:, [_COLUMN[f] for f in _NEIGHBOUR]]
    width = len(_NEIGHBOUR)
    sides = x[:, _COLUMN[f"prev_{_NEIGHBOUR[0]}"]:_COLUMN[f"next2_{_NEIGHBOUR[-1]}"] + 1]
    sides.fill(-1.0)  # the page's edges
    sides[1:, :width] = own[:-1]
    sides[:-1, width:2 * width] = own[1:]
    sides[2:, 2 * width:3 * width] = own[:-2]
    sides[:-2, 3 * width:] = own[2:]


def _add_windows(x: np.ndarray, text: np.ndarray) -> None:
    """Fill the window columns: the mean over the 2w+1 lines around each line of its good characters
    (thousands of characters of lines the rules found GOOD, from `text`), bullets, short lines, bad
    verdicts, dated lines, lines of markup, lines with a cue and lines ending like a sentence, read from
    the float32 columns already in `x`. (A teaser list is dates, images and titles without a full stop;
    an article's paragraphs end in one.)"""
    col = _COLUMN
    log_length = x[:, col["log_length"]]
    series = np.empty((len(x), 8))  # the eight series of each window are adjacent columns in FEATURES
    series[:, 0] = text * 1e-3
    series[:, 2] = log_length < _SHORT_LOG
    series[:, 3] = x[:, col["verdict"]] == 0
    series[:, _COPIED_SERIES] = x[:, _COPIED_COLUMNS]  # one gather and one scatter instead of five copies
    cumulative = _cumulative(series)
    for w in WINDOWS:
        x[:, col[f"w{w}_good_chars"]:col[f"w{w}_sentence_ends"] + 1] = _window_sum(cumulative, w) / (2 * w + 1)


_COPIED_SERIES = [1, 4, 5, 6, 7]
_COPIED_COLUMNS = [_COLUMN[f] for f in ("bullet", "dated", "markup", "cue_any", "sentence_end")]
"""The window series (`_add_windows`) that are columns of the matrix as they are, and those columns."""


def _cumulative(series: np.ndarray) -> np.ndarray:
    """Running sums of (lines x k) series down the lines, after a row of zeros: what `_window_sum` reads.

    The sums run line after line in float64, column by column, so a window's sum is the same whatever
    other series share the matrix. They are padded with copies of their first row (zeros) above and
    of their last row below, as many as the widest window: a window cut off by the page's edge then
    reads the same sums as a full one does, so `_window_sum` takes slices instead of clipped gathers."""
    n, k = series.shape
    pad = max(WINDOWS)
    running = np.zeros((n + 2 * pad + 1, k))
    np.cumsum(series, axis=0, dtype=np.float64, out=running[pad + 1:pad + 1 + n])
    running[pad + 1 + n:] = running[pad + n]
    return running


def _window_sum(cumulative: np.ndarray, w: int) -> np.ndarray:
    """Sums of each series over the 2w+1 lines centred on each line (fewer at the page's edges), from
    their `_cumulative` sums, as float32."""
    pad = max(WINDOWS)
    n = len(cumulative) - 2 * pad - 1
    return (cumulative[pad + w + 1:pad + w + 1 + n] - cumulative[pad - w:pad - w + n]).astype(np.float32)


_SHORT_LOG = math.log1p(70)
"""log_length below which a line counts as short in the windows (fewer than 70 characters)."""
_PAGE_LAYOUT = (
    tuple(_ROW[r] for r in _PAGE_ROWS), tuple(_AS_READ_ROWS), tuple(_AS_READ_COLUMNS),
    tuple(_COLUMN[c] for c in _PAGE_COLUMNS), tuple(_COLUMN[f] for f in _NEIGHBOUR),
    WINDOWS, tuple(_COLUMN[f"w{w}_good_chars"] for w in WINDOWS), tuple(_COPIED_SERIES), tuple(_COPIED_COLUMNS),
    len(CUES), _CUE_CODE, _OTHER_CUE, _NO_CUE, _IS_BLOCK_CUE.tobytes(), GOOD, _LOG1P, _SHORT_LOG,
)
"""Where `_speedups.page_columns` reads and writes what `_page_columns_python` does, and the constants it uses."""
_page_columns = _page_columns_native if speedups is not None and use_speedups else _page_columns_python


def _stop_density(page_words: PageWords, sizes: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Every line's share of stopwords among its words (0 for a line without words), as `add_stop_density`
    gives it to long lines: each distinct word of the page is looked up once (`stop`, in the order of
    `PageWords.distinct`), and the stopwords are counted per line with bincount. A count of whole numbers
    divided by one is the same float64 in numpy as in Python."""
    counts = np.bincount(page_words.line_of, weights=page_words.per_word(stop), minlength=len(sizes))
    return counts / np.maximum(sizes, 1)


def line_words(ln: Line) -> list[str]:
    """The lowercased words of a line's start, as the vocabulary features read them."""
    return ln.head_words


def vocabulary_features(words: list[list[str]], vocabulary: dict[str, float]) -> np.ndarray:
    """Ten columns from the learned log-odds of each line's words: their mean, maximum, minimum, the sum
    of the negative ones, the share of the line's words that are known, the count of furniture words,
    and the mean and minimum of the lines above and below (-1 past the page's edges): a heading's words
    ("About the author", "Support our journalism") tell what the paragraph under it is.

    The vocabulary is learned from labelled lines, keeping only words seen on several sites, so it holds
    the generic words of page furniture in each language ("subscribe", "newsletter", "Kommentar",
    "cookies") and of prose, not the names of one site.
    """
    sizes = _ints(map(len, words), len(words))
    page_words = _page_words(words, sizes)
    return _vocabulary_columns(page_words, sizes, _word_values(page_words.distinct, vocabulary, frozenset())[0])


def _vocabulary_columns(page_words: PageWords, sizes: np.ndarray, log_odds: np.ndarray) -> np.ndarray:
    """`vocabulary_features`, given each line's word count and each distinct word's log-odds (`_word_values`):
    summed per line in C where the extension was built (`_speedups.vocabulary_columns`), else by
    `_vocabulary_columns_python`; the same floats either way."""
    if speedups is None or not use_speedups:
        return _vocabulary_columns_python(page_words, sizes, log_odds)
    out = np.zeros((len(sizes), 10), dtype=np.float32)
    table = np.full(page_words.size, math.nan)
    table[page_words.first] = log_odds
    speedups.vocabulary_columns(page_words.ids, sizes, table, FURNITURE_WORD, out)
    return out


def _word_values_python(words: list[str], vocabulary: dict[str, float],
                        stoplist: frozenset[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each of a page's distinct words' log-odds in `vocabulary` (NaN for a word it lacks), whether `stoplist`
    holds it, and whether it is a content word for the topic columns (`_topic_columns`: TOPIC_MIN_CHARS long or
    more, not digits only, no stopword): what the columns read about a word, as float64 and bool arrays. The
    reference for `_speedups.word_values`, which makes the three in one pass."""
    # + 0.0 turns a -0.0 into 0.0: numpy's maximum and minimum return either zero when the two meet, by the
    # loop they run (scalar or vector), so the C columns could not follow them; with one zero all agree
    log_odds = _floats(map(vocabulary.get, words, repeat(math.nan)), len(words)) + 0.0
    stop = _bools(list(map(stoplist.__contains__, words)))
    content = (_ints(map(len, words), len(words)) >= TOPIC_MIN_CHARS) & ~_bools(list(map(str.isdigit, words))) & ~stop
    return log_odds, stop, content


def _word_values_native(words: list[str], vocabulary: dict[str, float],
                        stoplist: frozenset[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    assert speedups is not None
    log_odds, stop, content = np.empty(len(words)), np.empty(len(words), dtype=bool), np.empty(len(words), dtype=bool)
    speedups.word_values(words, vocabulary, stoplist, TOPIC_MIN_CHARS, log_odds, stop, content)
    return log_odds, stop, content


_word_values = _word_values_native if speedups is not None and use_speedups else _word_values_python


def _vocabulary_columns_python(page_words: PageWords, sizes: np.ndarray, log_odds: np.ndarray) -> np.ndarray:
    """The vocabulary columns from each distinct word's log-odds (NaN for a word the vocabulary lacks). The
    words of the whole page are summed per line with `bincount` and `reduceat`, since a loop per line costs
    more than the lookups."""
    n = len(sizes)
    out = np.zeros((n, 10), dtype=np.float32)
    values = page_words.per_word(log_odds)
    known = ~np.isnan(values)
    values = values[known]
    if len(values):
        line_of = page_words.line_of[known]  # the line of each known word, in order
        counts = np.bincount(line_of, minlength=n)
        lines = np.flatnonzero(counts)
        starts = (counts.cumsum() - counts)[lines]  # each line's known words are a run of `values`
        # the mean and the known share divide on every line, by at least one: a line without known words
        # has a sum and a count of 0, so 0.0 as before, without gathering the lines that have some
        out[:, 0] = np.bincount(line_of, weights=values, minlength=n) / np.maximum(counts, 1)
        out[lines, 1] = np.maximum.reduceat(values, starts)
        out[lines, 2] = np.minimum.reduceat(values, starts)
        out[:, 3] = np.bincount(line_of, weights=np.minimum(values, 0.0), minlength=n)
        out[:, 4] = counts / np.maximum(sizes, 1)
        out[:, 5] = np.bincount(line_of, weights=values < FURNITURE_WORD, minlength=n)
    if n:
        out[0, 6] = out[0, 8] = out[-1, 7] = out[-1, 9] = -1.0  # past the page's edges
        out[1:, 6] = out[:-1, 0]
        out[:-1, 7] = out[1:, 0]
        out[1:, 8] = out[:-1, 2]
        out[:-1, 9] = out[1:, 2]
    return out


def _topic_columns(page_words: PageWords, content: np.ndarray, good: np.ndarray, lengths: np.ndarray,
                   outside: np.ndarray) -> np.ndarray:
    """Three columns of how far a line's content words (`content`: whether each distinct word is one, from
    `_word_values`) are the article's: topic_core, the cosine between its content words and those of the
    page's TOPIC_CORE_LINES longest lines the rules found GOOD (`good`), each word counted once a line;
    topic_core_w3, its mean over the 2 * TOPIC_WINDOW + 1 lines around the line; topic_contrast, topic_core
    less the same cosine with the lines outside the article region (`outside`: menus, teaser rails,
    footers). -1 for a line without content words (-9 for the contrast).

    Boilerplate inside the article region is mostly about something else than the article (an author's
    bio, a donation appeal, a comment policy, a teaser of another story) and often shares its words with
    the page's furniture ("support", "newsletter", the outlet's name), while a paragraph shares words
    with the article's longest paragraphs. Both cosines are leave-one-out: a line's own words are no
    evidence for itself. The page's words are numbered once, flat, and counted per word and per line with
    bincount (`benchmarks/speed_ab.py --instructions`: 0.982 of the instructions of a dictionary of counts
    built word by word).

    Site-CV (`scripts/train_cleaner.py`, threshold 0.35) went from F1 0.913 to 0.916 on unseen pages and
    from 0.935 to 0.938 on the cut copies; over five fold draws (the sites dealt to the folds in five
    orders) from 0.9139 to 0.9174, ahead on each draw. `line_features` hides topic_core and topic_contrast
    on a line with a cue: a caption shares the article's words (the model kept a crafted page's photo
    credit at p 0.46 without that) while its cue says what it is. The cosine with the core alone (with or
    without its window) gained 0.002, as did the share of a line's words among the core's 25 most frequent
    ones, the core taken as the GOOD lines of the article region, and a headline overlap gained nothing:
    the contrast with the furniture carries the gain. Counting a word as often as it occurs (not once a
    line), or taking short words and digits as content words, lost most of it (0.9166, 0.9154); a core of
    distinct texts (a notice printed twice vouches for itself) scored 0.9164. The columns cost the
    cleaner about 5% of its speed (`benchmarks/speed_ab.py`: 0.95 of the pages/s, 1.10 of the instructions).
    """
    n = len(good)
    # what a word is (a content word or not) was decided once per distinct word of the page (`_word_values`); the
    # counts per word and per line are bincounts
    if not page_words.distinct or not content.any():
        return _no_topic(n)
    core = np.zeros(n, dtype=bool)
    candidates = np.flatnonzero(good)
    core[candidates[np.argsort(-lengths[candidates], kind="stable")[:TOPIC_CORE_LINES]]] = True
    if speedups is None or not use_speedups:
        return _topic_columns_python(page_words, page_words.table(content), core, outside)
    out = np.empty((n, 3))
    speedups.topic_columns(page_words.ids, page_words.sizes, page_words.table(content), core, outside, TOPIC_WINDOW,
                           out)
    return out


def _no_topic(n: int) -> np.ndarray:
    """The topic columns of a page without content words: -1, -1 and -9 on every line."""
    out = np.full((n, 3), -1.0)
    out[:, 2] = -9.0
    return out


def _topic_columns_python(page_words: PageWords, content: np.ndarray, core: np.ndarray,
                          outside: np.ndarray) -> np.ndarray:
    """The topic columns from whether each of the page's word slots is a content word (`content`, laid out
    by `PageWords.table`) and which lines are the topic core: the reference of `_speedups.topic_columns`."""
    n = len(core)
    out = _no_topic(n)
    size = page_words.size
    # each content word counted once a line: the distinct (line, word) pairs, found by sorting (np.unique hashes
    # the values, at several times the cost) the pairs of the content words alone (fewer to sort and split)
    pairs = np.sort((page_words.line_of * size + page_words.ids)[content[page_words.ids]])
    new = np.empty(len(pairs), dtype=bool)  # each pair's first copy
    new[:1] = True
    np.not_equal(pairs[1:], pairs[:-1], out=new[1:])
    pairs = pairs[new]
    line_of, ids = np.divmod(pairs, size)
    words_per_line = np.bincount(line_of, minlength=n)
    has = words_per_line > 0
    root = np.sqrt(np.maximum(words_per_line, 1))
    cosines = []
    for group in (core, outside):
        holding = np.bincount(ids, weights=group[line_of], minlength=size)  # lines of the group holding each word
        column = holding[content]
        norm = math.sqrt(float(column @ column)) or 1.0  # a sum of squared counts: exact in any order
        dot = np.bincount(line_of, weights=holding[ids], minlength=n) - words_per_line * group  # leave the line out
        cosines.append(np.where(has, dot / (root * norm), -1.0))
    out[:, 0] = cosines[0]
    running = np.zeros(n + 1)
    np.cumsum(np.maximum(cosines[0], 0.0), out=running[1:])
    idx = np.arange(n)
    out[:, 1] = (running[np.minimum(idx + TOPIC_WINDOW + 1, n)] - running[np.maximum(idx - TOPIC_WINDOW, 0)]) \
        / (2 * TOPIC_WINDOW + 1)
    out[:, 2] = np.where(has, cosines[0] - cosines[1], -9.0)
    return out


CONTEXT_FEATURES: tuple[str, ...] = (
    "ctx_p", "ctx_prev_p", "ctx_prev2_p", "ctx_next_p", "ctx_next2_p", "ctx_w3_p", "ctx_in_main",
    "ctx_furniture_between", "ctx_lines_to_main", "ctx_body_above", "ctx_page_max_p", "ctx_page_kept_share",
    "ctx_main_mass", "ctx_p_minus_w3",
)
"""Columns the line model's second stage reads beside `FEATURES`: what its first stage thought of the line,
of its neighbours and of the page (`context_columns`)."""
CONTEXT_KEPT = 0.35
"""A line the first stage finds this likely body counts as kept in `ctx_page_kept_share` (the threshold the
single-stage model used)."""
CONTEXT_PAD = 0.5
"""The probability read for a neighbour beyond the page's edge: undecided."""


def context_columns(probability: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The (lines x CONTEXT_FEATURES) float32 columns of a page from its first-stage body probabilities and its
    lines' lengths.

    The first stage judges each line from its own features and a few fixed windows, so a teaser in a
    related-articles rail that reads like prose, or a subheading between two paragraphs, is judged alone.
    The second stage sees the first stage's beliefs about the neighbours and about the page: the
    probabilities of the two lines either side and of the seven around it, and where the line stands
    relative to the page's main block, the run of lines whose length-weighted (p - 0.5) sum is largest (the
    maximum subarray: the article as the first stage sees it). A line outside it is weighed by how much
    furniture text (length x (1 - p)) and how many lines lie between; a line inside it by the body text
    above it. On sites the model never saw this raised F1 from 0.9173 to 0.9217 at the same recall, the
    mean over five fold draws, ahead on each (`scripts/train_cleaner.py`).

    Every sum is a running sum (numpy's cumsum adds in order), so the columns are the same on every CPU.
    Written by `_speedups.context_columns` where the extension was built, else by `_context_columns_python`.
    """
    p = np.ascontiguousarray(probability, dtype=np.float64)
    length = np.ascontiguousarray(lengths, dtype=np.float64)
    if speedups is None or not use_speedups:
        return _context_columns_python(p, length)
    out = np.empty((len(p), len(CONTEXT_FEATURES)), dtype=np.float32, order="F")
    speedups.context_columns(p, length, out.T, CONTEXT_KEPT, CONTEXT_PAD)  # (the transpose is C-contiguous)
    return out


def _context_columns_python(p: np.ndarray, length: np.ndarray) -> np.ndarray:
    """`context_columns` from float64 probabilities and lengths: the reference of `_speedups.context_columns`."""
    n = len(p)
    out = np.zeros((n, len(CONTEXT_FEATURES)), dtype=np.float32, order="F")
    if n == 0:
        return out
    padded = np.concatenate((np.full(3, CONTEXT_PAD), p, np.full(3, CONTEXT_PAD)))
    running = np.concatenate(([0.0], np.cumsum(padded)))
    window = (running[7:7 + n] - running[:n]) / 7
    # the main block: the end with the largest gain over the lowest running sum before it (the first such
    # end), and the last start at that low point (the shortest such block)
    gain = np.concatenate(([0.0], np.cumsum((p - 0.5) * length)))
    low = np.minimum.accumulate(gain[:-1])
    end = int(np.argmax(gain[1:] - low))
    start = int(np.flatnonzero(gain[:end + 1] == low[end])[-1])
    idx = np.arange(n)
    furniture = np.concatenate(([0.0], np.cumsum((1.0 - p) * length)))
    before, after = idx < start, idx > end
    between = np.where(before, furniture[start] - furniture[np.minimum(idx + 1, n)],
                       np.where(after, furniture[idx] - furniture[end + 1], 0.0))
    body = p * length
    body_running = np.cumsum(body)
    out[:, 0] = p
    out[:, 1] = padded[2:2 + n]
    out[:, 2] = padded[1:1 + n]
    out[:, 3] = padded[4:4 + n]
    out[:, 4] = padded[5:5 + n]
    out[:, 5] = window
    out[:, 6] = ~(before | after)
    out[:, 7] = between
    out[:, 8] = np.where(before, start - idx, np.where(after, idx - end, 0))
    out[:, 9] = (body_running - body) / (body_running[-1] + 1e-9)
    out[:, 10] = p.max()
    out[:, 11] = np.count_nonzero(p >= CONTEXT_KEPT) / n
    out[:, 12] = max(gain[end + 1] - low[end], 0.0)
    out[:, 13] = p - window
    return out
