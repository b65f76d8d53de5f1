"""The C `split_lines` (build_dataset/clean/_speedups.c) makes the lines `split_lines_python` makes, field for field.

Equal here means the same values of the same types (`Line.__eq__` would take True for 1), and a long line's
`tokens` the very list of its `head_words`, as the Python loop shares them.
"""

from __future__ import annotations

import math
import os
import pathlib
import re
import subprocess
import sys
from dataclasses import fields, make_dataclass
from itertools import repeat

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from build_dataset.clean import classify, features, headlines, linemodel, lines, stoplists
from build_dataset.clean.lines import Line, split_lines_python
from build_dataset.clean.native import PURE_PYTHON, speedups

REPO = pathlib.Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").rglob("*.txt"))

_NOT_BUILT = (
    "build_dataset/clean/_speedups.c was not compiled: install a C compiler and the Python headers "
    "(Debian: apt install gcc python3-dev), then pip install -e . again")
native = pytest.mark.skipif(speedups is None, reason=_NOT_BUILT)


def _typed(line: Line) -> tuple:
    return tuple((f.name, type(v), v) for f in fields(line) for v in [getattr(line, f.name)])


def _assert_same_lines(raw: str) -> None:
    assert speedups is not None
    native, python = speedups.split_lines(raw), split_lines_python(raw)
    assert [_typed(ln) for ln in native] == [_typed(ln) for ln in python]
    assert all(ln.tokens is None or ln.tokens is ln.head_words for ln in native)


def test_the_extension_is_built_and_used() -> None:
    """An install with a C compiler builds `_speedups` (setup.py), and the cleaner uses it; the one test that
    fails where it was not built (the others comparing it are skipped)."""
    assert speedups is not None, _NOT_BUILT
    pure = bool(os.environ.get(PURE_PYTHON))
    assert lines.split_lines is (split_lines_python if pure else speedups.split_lines)
    assert features._number_words is (features._page_words_python if pure else features._page_words_native)
    assert linemodel.use_speedups is not pure and stoplists.use_speedups is not pure


def test_pure_python_is_chosen_by_the_environment() -> None:
    code = ("from build_dataset.clean import features, lines; "
            "print(lines.split_lines is lines.split_lines_python, "
            "features._number_words is features._page_words_python)")
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, PURE_PYTHON: "1"},
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]


@native
@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_same_lines_on_the_seed_pages(seed: pathlib.Path) -> None:
    _assert_same_lines(seed.read_text(encoding="utf-8"))


_CASES = [
    "", "\n", "\n\n \n", "x", " x ", "\t• Home\r\n", "•", "• •", "- ", "-x", "- x", "—", "+ 1", "* * *", "» Next",
    "»Wir brauchen Leute«", "»x«", "»Home", "»« ", "» Wir «", "»»Zitat«", "»\t«",
    "Ein Satz. Noch einer! Und? Ja." * 3, "ΟΔΟΣ ΣΑΣ. " * 40, "İstanbul İİ 2019",
    "北京时间今天上午，会议在北京召开。" * 30,
    "a | b · c / d » e › f > g :: h", "a  |  b", "a | | b", " | ", "x ::  y", "a\u00a0|\u00a0b", "a\u2003/\u2003b",
    "[logo] [ ] [Submit]", "[" + "x" * 80 + "]", "[" + "x" * 81 + "]", "[a[b]", "[a] | *[b]*", "[a] x", "[ ",
    "]", "Passwort [          ]", "(*) yes", "12.03.2021", "10:45 Uhr", "٣:٤٥ ٢٠١٩", "1999", "x2019", "2019x",
    "www.example.com", "mail@host.de", "https://x.org/a.html", "Straße\xa0Nr.\xa03 \x85 Ende: Müller » Weiß " * 12,
    "\x1c\x1d\x1e\x1f x \x0b\x0c", "\u2028 line \u2029", "\ud800x", "𐐀𐐨 𝐀 ǅ ẞ ᾈ", "a" * 5000, "word. " * 700,
    "\u3002" * 5, "Ende…", "end.\u3002 ", "\u0130" * 400, "x" * 299 + " | y", "x" * 79 + "1", "中" * 500 + " x",
]


@native
@pytest.mark.parametrize("case", _CASES)
def test_same_lines_on_edge_cases(case: str) -> None:
    _assert_same_lines(case)
    _assert_same_lines("\n" + case + "\n" + case.upper() + "\n")


_PIECES = ["•", "·", "-", "–", "+", "*", " ", "\t", "\u00a0", "\u3000", "|", "/", "»", "›", ">", ":", "::", ".", ". ",
           "! ", "? ", "。", "…", "[", "]", "@", "0", "12", "2019", "٣", "_", "a", "Ä", "ß", "Σ", "ς", "İ", "中", "한",
           "ｱ", "\u0301", "\r", "\x85", "\x1c", "www.", ".com", "\n"]


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(_CASES), st.text(max_size=120),
                          st.text(alphabet=st.characters(max_codepoint=255), max_size=120)), max_size=60))
def test_same_lines_on_generated_text(parts: list[str]) -> None:
    _assert_same_lines("".join(parts))


_DATE_AND_URL_PIECES = [
    "0", "1", "2", "9", "19", "20", "2019", "1234", "12345", "31.12.999", "4:05", "٣", "²", "_", "x", "é", ".", "/",
    "-", ":", " ", "@", "www.", "http://", "https://", "http:/", "htt", ".com", ".de", ".html", ".htm", ".htmlx",
    ".php", ".net", ".org", "com", "\u00a0", "中",
]


@native
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_DATE_AND_URL_PIECES), max_size=12).map("".join), max_size=20))
def test_same_dates_and_urls_in_short_lines(texts: list[str]) -> None:
    """The C searches for `_DATE_RE` and `_URLISH_RE` (read on lines shorter than 80 and 200 characters: a
    line's `dated` and `urlish`) find what the regexes find: word boundaries and digits of any script, runs
    of digits too long for a field, endings glued to a word, an "@" without a word or a dot after it."""
    _assert_same_lines("\n".join(texts))


def test_configure_refuses_other_patterns() -> None:
    """The C searches are written for lines.py's patterns: another pattern is refused, not searched wrongly."""
    if speedups is None:
        pytest.skip(_NOT_BUILT)
    args = [Line, tuple(f.name for f in fields(Line)), lines._FORM_RE.search, lines._URLISH_RE.pattern,
            lines._DATE_RE.pattern, lines._LATIN1_WORDS, lines._STRONG_BULLETS, lines._WEAK_BULLETS,
            lines.SENTENCE_END, lines.SENTENCE_MARKS, lines._SEPARATORS, lines.TOKENS_FROM, lines.STOP_SAMPLE_CHARS,
            lines.CHAR_SAMPLE]
    for k in (3, 4):
        with pytest.raises(ValueError, match="_URLISH_RE or _DATE_RE"):
            speedups.configure(*args[:k], args[k] + "|x", *args[k + 1:])
    speedups.configure(*args)  # (as lines.py configured it)


@native
def test_same_lines_on_every_code_point() -> None:
    """Every character in a line's first CHAR_SAMPLE characters: its case (`Line.uppers`), digit and word
    classes read by the C code as by the Python."""
    every = [chr(c) for c in range(0x110000) if chr(c) != "\n"]
    step = lines.CHAR_SAMPLE - 2
    _assert_same_lines("\n".join("x" + "".join(every[i:i + step]) + "x" for i in range(0, len(every), step)))


@native
def test_lines_of_a_class_without_slots_are_made_by_calling_it() -> None:
    """As a `Line` compiled by mypyc is (benchmarks/compiled_ab.py): no slots to write, so the class is called."""
    assert speedups is not None
    plain = make_dataclass("PlainLine", [(f.name, f.type) for f in fields(Line)])
    raw = (REPO / "seeds").joinpath(SEEDS[0].relative_to(REPO / "seeds")).read_text(encoding="utf-8")
    try:
        lines.configure_speedups(speedups, plain)
        made = speedups.split_lines(raw)
    finally:
        lines.configure_speedups(speedups, Line)
    assert made and all(type(ln) is plain for ln in made)
    assert [tuple(vars(ln).items()) for ln in made] == [
        tuple((f.name, getattr(ln, f.name)) for f in fields(ln)) for ln in split_lines_python(raw)]
    _assert_same_lines(raw)  # and Line again, by its slots


def test_cpython_character_classes_are_the_regex_classes() -> None:
    """_speedups.c reads re's \\w as isalnum() or "_", \\d as isdecimal() and \\s as isspace() (str.strip's
    and str.split's whitespace): true of every code point."""
    every = "".join(map(chr, range(0x110000)))
    for pattern, test in ((r"\w", lambda c: c.isalnum() or c == "_"), (r"\d", str.isdecimal),
                          (r"\s", str.isspace)):
        assert re.findall(pattern, every) == [c for c in every if test(c)], pattern


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["der", "die", "x", "y", "zz", "ß", "中", "", "1"]) | st.text(max_size=3),
                         max_size=12), max_size=30))
def test_same_word_numbers(words: list[list[str]]) -> None:
    size = sum(map(len, words))
    native, python = features._page_words_native(words, size), features._page_words_python(words, size)
    assert native[0] == python[0]
    for a, b in zip(native[1:], python[1:], strict=True):
        assert a.dtype == b.dtype and a.tolist() == b.tolist()


@native
@pytest.mark.parametrize("size", [0, 2, 4])
def test_word_numbers_refuse_a_wrong_size(size: int) -> None:
    assert speedups is not None
    with pytest.raises(ValueError, match="words than size"):
        speedups.number_words([["a", "b"], ["a"]], size)


@native
def test_word_numbers_refuse_what_is_no_word() -> None:
    assert speedups is not None
    with pytest.raises(TypeError, match="a str"):
        speedups.number_words([["a", b"a"]], 2)
    with pytest.raises(TypeError, match="a list"):
        speedups.number_words([("a",)], 1)
    words = [["é" * 3, "e" * 3, "\u00e9" * 3, "中", "中", "\U0001f600", "a" * 500, "a" * 500]]
    distinct, first, ids = speedups.number_words(words, 8)  # kinds and lengths told apart, equal words one
    assert distinct == ["é" * 3, "e" * 3, "中", "\U0001f600", "a" * 500]
    assert list(np.frombuffer(ids, dtype=np.int64)) == [0, 1, 0, 3, 3, 5, 6, 6]


@native
@pytest.mark.parametrize("rows", [1, 7, 300, 5000])
def test_same_line_model_probabilities(rows: int) -> None:
    """Bit for bit, on random features with the values trees split on, infinities and NaN among them."""
    model = linemodel.load_model(features.FEATURES)
    rng = np.random.default_rng(rows)
    x = rng.normal(0.0, 3.0, size=(rows, len(features.FEATURES))).astype(np.float32)
    x[rng.random(x.shape) < 0.3] = rng.choice(model.threshold[np.isfinite(model.threshold)], size=1)[0]
    x[rng.random(x.shape) < 0.01] = np.inf
    x[rng.random(x.shape) < 0.01] = np.nan
    x = np.asfortranarray(x)  # as line_features lays it out
    python = np.concatenate([model.probability_python(x[i:i + linemodel.CHUNK_ROWS])
                             for i in range(0, rows, linemodel.CHUNK_ROWS)])
    assert model.probability(x).tobytes() == python.tobytes()


@native
@pytest.mark.parametrize("seed", range(8))
def test_same_context_columns(seed: int) -> None:
    """Bit for bit, on pages of 1 to 3,000 lines, with tied probabilities and lengths (where the main block's
    first end and last start are chosen) among them."""
    rng = np.random.default_rng(seed)
    for n in (1, 2, 7, int(rng.integers(3, 300)), 3000):
        p = rng.random(n)
        lengths = rng.integers(1, 400, size=n)
        for probability, size in ((p, lengths), (np.round(p, 1), lengths), (np.full(n, p[0]), np.full(n, 10))):
            native = features.context_columns(probability, size)
            python = features._context_columns_python(probability.astype(np.float64), size.astype(np.float64))
            assert native.shape == python.shape == (n, len(features.CONTEXT_FEATURES))
            assert native.tobytes(order="F") == python.tobytes(order="F")


@native
def test_context_columns_refuse_arrays_that_do_not_agree() -> None:
    assert speedups is not None
    p = np.full(4, 0.5)
    with pytest.raises(ValueError, match="do not agree"):
        speedups.context_columns(p, np.ones(3), np.empty((len(features.CONTEXT_FEATURES), 4), dtype=np.float32),
                                 0.35, 0.5)
    with pytest.raises(ValueError, match="do not agree"):  # one column short
        speedups.context_columns(p, np.ones(4), np.empty((len(features.CONTEXT_FEATURES) - 1, 4), dtype=np.float32),
                                 0.35, 0.5)


@native
def test_same_two_stage_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second stage reads the first's probabilities: both stages walked in C or by numpy, bit for bit."""
    model = linemodel.load_model(features.FEATURES)
    rng = np.random.default_rng(7)
    x = np.asfortranarray(rng.normal(0.0, 3.0, size=(300, len(features.FEATURES))).astype(np.float32))
    lengths = rng.integers(1, 500, size=300)
    native = model.body_probability(x, lengths)
    monkeypatch.setattr(linemodel, "use_speedups", False)
    python = model.body_probability(x, lengths)
    assert python.tobytes() == native.tobytes() and not np.array_equal(native, model.probability(x))


@native
def test_forest_leaves_refuse_arrays_that_do_not_agree() -> None:
    assert speedups is not None
    model = linemodel.load_model(features.FEATURES)
    rows = np.zeros((len(features.FEATURES), 3), dtype=np.float32)
    arrays = (model.roots, model.feature, model.threshold, model.children, model.value)
    with pytest.raises(ValueError, match="do not agree"):
        speedups.forest_leaves(rows, *arrays, model.depth, np.empty((3, len(model.roots) + 1)))
    with pytest.raises(ValueError, match="do not agree"):
        speedups.forest_leaves(rows, model.roots, model.feature, model.threshold.astype(np.float64), model.children,
                               model.value, model.depth, np.empty((3, len(model.roots))))
    bad = model.children.copy()
    bad[5] = len(model.feature)
    with pytest.raises(ValueError, match="out of range"):
        speedups.forest_leaves(rows, model.roots, model.feature, model.threshold, bad, model.value, model.depth,
                               np.empty((3, len(model.roots))))


_WORDS = st.lists(st.lists(st.sampled_from(["der", "die", "zeitung", "cookies", "abo", "2019", "x", "haus", "straße",
                                            "newsletter", "regierung", "über", "中文字", "1234"]), max_size=12),
                  min_size=1, max_size=40)


@native
@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(st.sampled_from([-2.5, -1.0, -0.5, -0.0, 0.0, 0.3, 1.0, 2.25]), min_size=14, max_size=14),
       st.integers(0, 13))
def test_same_vocabulary_columns(words: list[list[str]], values: list[float], unknown: int) -> None:
    """Including -0.0 and 0.0 (read as 0.0: see `features._vocabulary_columns`)."""
    vocabulary = dict(zip(["der", "die", "zeitung", "cookies", "abo", "2019", "x", "haus", "straße", "newsletter",
                           "regierung", "über", "中文字", "1234"], values, strict=True))
    del vocabulary[sorted(vocabulary)[unknown]]
    sizes = features._ints(map(len, words), len(words))
    page_words = features._page_words(words, sizes)
    log_odds = features._floats(map(vocabulary.get, page_words.distinct, repeat(math.nan)),
                                len(page_words.distinct)) + 0.0
    native = features._vocabulary_columns(page_words, sizes, features._word_values(page_words.distinct, vocabulary,
                                                                                  frozenset())[0])
    assert native.tobytes() == features._vocabulary_columns_python(page_words, sizes, log_odds).tobytes()


@native
@settings(max_examples=300, deadline=None)
@given(_WORDS, st.data())
def test_same_topic_columns(words: list[list[str]], data: st.DataObject) -> None:
    n = len(words)
    sizes = features._ints(map(len, words), n)
    page_words = features._page_words(words, sizes)
    good = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    outside = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    lengths = np.array(data.draw(st.lists(st.integers(0, 400), min_size=n, max_size=n)), dtype=np.float64)
    stoplist = frozenset({"der", "die", "über"}) if data.draw(st.booleans()) else frozenset()
    content = features._word_values_python(page_words.distinct, {}, stoplist)[2]
    native = features._topic_columns(page_words, content, good, lengths, outside)
    try:
        features.use_speedups = False
        python = features._topic_columns(page_words, content, good, lengths, outside)
    finally:
        features.use_speedups = True
    assert native.tobytes() == python.tobytes()


@native
def test_word_columns_refuse_words_that_do_not_agree() -> None:
    assert speedups is not None
    ids, sizes = np.array([0, 1, 0], dtype=np.int64), np.array([2, 2], dtype=np.int64)
    with pytest.raises(ValueError, match="do not agree"):
        speedups.vocabulary_columns(ids, sizes, np.zeros(3), -1.0, np.zeros((2, 10), dtype=np.float32))
    with pytest.raises(ValueError, match="do not agree"):
        speedups.topic_columns(np.array([0, 5], dtype=np.int64), np.array([2], dtype=np.int64), bytes(3), bytes(1),
                               bytes(1), 3, np.zeros((1, 3)))


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["der", "die", "und", "the", "and", "of", "le", "la", "de", "xyz", "el", "и", "є"]),
                max_size=60))
def test_same_best_stoplist(words: list[str]) -> None:
    assert speedups is not None
    _, index, _ = stoplists._combined()
    weights = stoplists._weights()
    expected = stoplists.best_stoplist_python(words, index, weights)
    assert speedups.best_stoplist(words, index, weights) == expected
    assert speedups.best_stoplist(words, index, weights, stoplists._index_bits()) == expected


@native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=8), max_size=40))
def test_best_stoplist_skips_only_words_in_no_list(words: list[str]) -> None:
    """The index's hash bits (`stoplists._index_bits`) skip the look-up of words in no list, never of one in a
    list: the page's words (any text) and the index's own, with and without the bits, give the same vote."""
    assert speedups is not None
    _, index, _ = stoplists._combined()
    weights, bits = stoplists._weights(), stoplists._index_bits()
    listed = sorted(index)[::997]
    for sample in (words, listed, words + listed):
        assert speedups.best_stoplist(sample, index, weights, bits) == speedups.best_stoplist(sample, index, weights)
    skipped = sum(not bits[h >> 3] & 1 << (h & 7) for h in (hash(w) & (stoplists.INDEX_BITS - 1) for w in listed))
    assert skipped == 0
    assert speedups.best_stoplist(listed, index, weights, bytes(len(bits))) is None  # (no bit set: no look-up)
    with pytest.raises(ValueError, match="power of two"):
        speedups.best_stoplist(words, index, weights, bits[:-1])


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "zz"]), max_size=12),
       st.lists(st.sampled_from([1.0, 2.0, 0.5, 3.0]), min_size=4, max_size=4))
def test_best_stoplist_takes_the_first_of_equals(words: list[str], weights: list[float]) -> None:
    """Ties (equal weights, equal votes) go to the first language, as the reference's max over (score, -i)."""
    assert speedups is not None
    index = {"a": (0, 1), "b": (1, 2), "c": (3,), "d": (0, 3)}
    assert speedups.best_stoplist(words, index, tuple(weights)) \
        == stoplists.best_stoplist_python(words, index, tuple(weights))


@native
def test_best_stoplist_refuses_an_index_it_cannot_read() -> None:
    assert speedups is not None
    with pytest.raises(TypeError, match="tuples"):
        speedups.best_stoplist(["a"], {"a": [0]}, (1.0,))
    with pytest.raises(ValueError, match="out of range"):
        speedups.best_stoplist(["a"], {"a": (1,)}, (1.0,))
    with pytest.raises(TypeError):
        speedups.best_stoplist(["a"], {"a": (0,)}, ("heavy",))


_REASONS = [None, "comments", "related", "footer", "markup", "caption", "navigation", "boilerplate"]


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the end of a line that runs", "on into this one below it", "Title", "x" * 700,
                                 "Kommentare", "• menu", "a sentence.", "", "ещё строка"]), min_size=1, max_size=40),
       st.data())
def test_same_weights(texts: list[str], data: st.DataObject) -> None:
    """Hard-wrapped lines (no sentence end, a lowercase start right below), repeated bodies, every reason."""
    page = split_lines_python("\n".join(texts))
    n = len(page)
    if not n:
        return
    classes = st.lists(st.sampled_from([classify.BAD, classify.SHORT, classify.NEARGOOD, classify.GOOD]),
                       min_size=n, max_size=n)
    cls, original = data.draw(classes), data.draw(classes)
    reason = data.draw(st.lists(st.sampled_from(_REASONS), min_size=n, max_size=n))
    bodies = [ln.body for ln in page]
    native_weights = classify._weights(page, bodies, cls, reason, original)
    python = classify._weights_python(page, bodies, cls, reason, original)
    assert all(type(w) is float for w in native_weights)
    assert native_weights == [float(w) for w in python]


_CLEAN_ALL = r"""
import dataclasses, hashlib, pathlib, sys
from build_dataset.clean import clean_page
from build_dataset.clean.page import analyse
for path in sys.argv[1:]:
    raw = pathlib.Path(path).read_text(encoding="utf-8")
    page = repr(dataclasses.asdict(clean_page(raw))).encode("utf-8", "surrogatepass")
    print(hashlib.sha256(page + analyse(raw).features.tobytes()).hexdigest())
"""


@native
def test_same_cleaned_pages_and_features_with_and_without_the_extension(tmp_path: pathlib.Path) -> None:
    """End to end: every field of `clean_page` and the feature matrix, on the seeds and on pages made of the
    edge cases, from a process running the C speedups and one running the Python references."""
    cases = [c for c in _CASES if c.isascii() or "\ud800" not in c]  # a dump is UTF-8: no lone surrogate
    made = []
    for k in range(0, len(cases), 8):
        made.append(tmp_path / f"made{k}.txt")
        made[-1].write_text("\n".join(cases[k:k + 8] + ["A paragraph of prose that runs on, as articles do. " * 5]),
                            encoding="utf-8")
    paths = [str(p) for p in SEEDS + made]
    runs = [subprocess.run([sys.executable, "-c", _CLEAN_ALL, *paths], env={**os.environ, PURE_PYTHON: pure},
                           capture_output=True, text=True, check=True).stdout.split() for pure in ("", "1")]
    assert len(runs[0]) == len(paths) and runs[0] == runs[1]


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CASES + [
    "• [twitter_31]", "━━━", "* * *", "var a=1;b=2;c={x:(y)};" * 12, "word " * 60, "x" * 250, "é" + "y" * 240,
    "Ünïcode", ":-)", "^_^", "=)", "12:30", "²", "_", "[logo] [Submit]", "[This story was updated on 3 May.]",
    "Passwort [          ]", "[E-Mail*   ]", "[ ]", "[x" + " " * 83 + "]", "[x" + " " * 84 + "]", "[\n   ]",
    "[10.000      ]Euro", "— 3 —", "• 2024"]), st.text(max_size=260)), max_size=30),
       st.integers(-2, 32), st.integers(-2, 32))
def test_same_markup_and_letterless_lines(texts: list[str], first: int, last: int) -> None:
    """The lines marked as markup and those made sure of outside the region, C and Python: symbols, smileys,
    w3m's tokens, bracketed sentences, text fields at and past their width, code, lines without a letter."""
    from build_dataset.clean import page

    assert speedups is not None
    made = split_lines_python("\n".join(texts))
    native = speedups.markup_lines(made, page.CODE_MIN_CHARS, page.PROSE_SPACES, page._EMOTICON_RE.fullmatch,
                                   page._bracketed_sentence, page.program_code)
    assert native == page._mark_markup_python(made)
    native = speedups.letterless_lines(made, first, last, page._EMOTICON_RE.fullmatch)
    assert native == sorted(set(page._letterless_outside_python(made, first, last)))


@native
def test_markup_lines_refuse_what_is_not_a_line() -> None:
    from build_dataset.clean import page

    assert speedups is not None
    with pytest.raises(AttributeError):
        speedups.markup_lines([object()], 200, 12, page._EMOTICON_RE.fullmatch, page._bracketed_sentence,
                              page.program_code)
    made = make_dataclass("Made", [("text", object), ("body", object), ("markup", object)])
    with pytest.raises(TypeError, match="str"):
        speedups.markup_lines([made(b"[x]", "[x]", True)], 200, 12, page._EMOTICON_RE.fullmatch,
                              page._bracketed_sentence, page.program_code)
    with pytest.raises(TypeError, match="str"):
        speedups.letterless_lines([made("1", None, False)], 0, -1, page._EMOTICON_RE.fullmatch)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CASES + ["Contents:", "ünter", "Über", "ǅ titlecase", "ß", "İstanbul",
                                                    "x" * 250, "É" * 230 + "12345", "Σ:", "中文：", "• a list item"]),
                          st.text(max_size=260)), max_size=30))
def test_same_line_columns(texts: list[str]) -> None:
    made = split_lines_python("\n".join(texts))
    native, python = features._line_columns_native(made), features._line_columns_python(made)
    assert native.dtype == python.dtype == np.float64 and native.shape == python.shape
    assert native.tobytes() == python.tobytes()


@native
def test_line_columns_refuse_what_is_not_a_line_number() -> None:
    assert speedups is not None
    made = split_lines_python("One line.\nAnother one")
    with pytest.raises(ValueError, match="rows"):
        speedups.line_columns(made, features.LINE_ATTRIBUTES, np.empty(3))
    with pytest.raises(TypeError, match="'body'"):
        speedups.line_columns(made, ("body",), np.empty((5, 2)))
    with pytest.raises(AttributeError):
        speedups.line_columns(made, ("no_such_field",), np.empty((5, 2)))
    with pytest.raises(TypeError, match="read-write"):
        speedups.line_columns(made, (), np.empty((4, 2)).tobytes())



def _page_columns_both(made: list[Line], verdicts: list[classify.Verdict], original: list[int], first: int,
                       last: int, comments: int, density: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    rows = features._line_columns_python(made)
    out = []
    for page_columns in (features._page_columns_native, features._page_columns_python):
        x = np.zeros((len(made), len(features.FEATURES)), dtype=np.float32, order="F")
        page_columns(x, made, rows, verdicts, original, first, last, comments, density)
        out.append(x)
    return out[0], out[1]


_GOOD_OR_NOT = st.sampled_from([classify.GOOD, classify.BAD, classify.SHORT, classify.NEARGOOD])


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CASES + ["Related", "A sentence that runs on as prose does. " * 3, "x" * 300,
                                                    "", "", "• Home", "Same line", "Same line"]),
                          st.text(max_size=120)), max_size=40),
       st.data())
def test_same_page_columns(texts: list[str], data: st.DataObject) -> None:
    """Every column but the vocabulary and topic ones, on pages with blank lines, repeated bodies, the CUES, cues
    outside them, and regions and comment starts anywhere (or nowhere) on the page."""
    made = split_lines_python("\n".join(texts))
    n = len(made)
    assume(n > 0)  # `line_features` returns an empty matrix for a page without lines
    cue = st.sampled_from([None, *features.CUES, "title", "duplicate"])
    verdicts = [classify.Verdict(data.draw(_GOOD_OR_NOT), None, data.draw(cue)) for _ in made]
    original = data.draw(st.lists(_GOOD_OR_NOT, min_size=n, max_size=n))
    first, last, comments = (data.draw(st.integers(-2, n + 2)) for _ in range(3))
    density = np.array(data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n)), dtype=np.float64) \
        if data.draw(st.booleans()) else None
    native, python = _page_columns_both(made, verdicts, original, first, last, comments, density)
    assert native.tobytes() == python.tobytes()


@native
def test_same_page_columns_on_the_seed_pages() -> None:
    """On real pages, through `line_features`: the matrix of every seed with the C columns and with the Python."""
    from build_dataset.clean.page import analyse

    for seed in SEEDS:
        native = analyse(seed.read_text(encoding="utf-8")).features
        try:
            features._page_columns = features._page_columns_python
            python = analyse(seed.read_text(encoding="utf-8")).features
        finally:
            features._page_columns = features._page_columns_native
        assert native.tobytes() == python.tobytes(), seed.name


@native
def test_page_columns_refuse_what_does_not_fit() -> None:
    assert speedups is not None
    made = split_lines_python("One line.\nAnother one")
    rows = features._line_columns_python(made)
    verdicts = [classify.Verdict(classify.GOOD, None, None)] * 2
    x = np.zeros((2, len(features.FEATURES)), dtype=np.float32, order="F")
    with pytest.raises(ValueError, match="as long"):
        speedups.page_columns(features._PAGE_LAYOUT, x.T, made, rows, verdicts[:1], [1, 1], 0, 1, 2, 20, None)
    with pytest.raises(ValueError, match="float32"):
        speedups.page_columns(features._PAGE_LAYOUT, np.zeros(7, dtype=np.float32), made, rows, verdicts, [1, 1], 0, 1,
                              2, 20, None)
    with pytest.raises(ValueError, match="float64 a line"):
        speedups.page_columns(features._PAGE_LAYOUT, x.T, made, rows, verdicts, [1, 1], 0, 1, 2, 20, np.zeros(3))
    narrow = np.zeros((2, 40), dtype=np.float32, order="F")  # fewer columns than the layout names
    with pytest.raises(ValueError, match="beyond"):
        speedups.page_columns(features._PAGE_LAYOUT, narrow.T, made, rows, verdicts, [1, 1], 0, 1, 2, 20, None)
    wrong_cue = [classify.Verdict(classify.GOOD, None, "x")] * 2
    codes = {**features._CUE_CODE, "x": 99}
    layout = features._PAGE_LAYOUT[:10] + (codes,) + features._PAGE_LAYOUT[11:]
    with pytest.raises(ValueError, match="beyond the codes"):
        speedups.page_columns(layout, x.T, made, rows, wrong_cue, [1, 1], 0, 1, 2, 20, None)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["der", "die", "zeitung", "cookies", "abo", "中文字", "x", "the", "2019", "١٢٣٤",
                                 "²³⁴⁵", "1½34", "Ⅻ123"])
                | st.text(max_size=6), unique=True, max_size=40),
       st.dictionaries(st.sampled_from(["der", "zeitung", "cookies", "x", "the", ""]),
                       st.sampled_from([-2.5, -0.0, 0.0, 1.0, math.inf, 3])),
       st.sampled_from([frozenset(), frozenset({"der", "die", "the"}), {"x", ""}]))
def test_same_word_values(words: list[str], vocabulary: dict[str, float], stoplist: frozenset[str]) -> None:
    native, python = features._word_values_native(words, vocabulary, stoplist), \
        features._word_values_python(words, vocabulary, stoplist)
    for a, b in zip(native, python, strict=True):
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes()


@native
def test_word_values_refuse_arrays_that_do_not_agree() -> None:
    assert speedups is not None
    def flags(n: int) -> np.ndarray:
        return np.empty(n, dtype=bool)

    with pytest.raises(ValueError, match="a float64, a bool and a bool"):
        speedups.word_values(["a", "b"], {}, frozenset(), 4, np.empty(1), flags(2), flags(2))
    with pytest.raises(ValueError, match="a float64, a bool and a bool"):
        speedups.word_values(["a", "b"], {}, frozenset(), 4, np.empty(2), flags(2), flags(1))
    with pytest.raises(TypeError, match="set"):
        speedups.word_values(["a"], {}, ["a"], 4, np.empty(1), flags(1), flags(1))
    with pytest.raises(TypeError):
        speedups.word_values(["a"], {"a": "high"}, frozenset(), 4, np.empty(1), flags(1), flags(1))
    with pytest.raises(TypeError, match="a str"):
        speedups.word_values([b"word"], {}, frozenset(), 4, np.empty(1), flags(1), flags(1))


_LABELS = ["", "whitespace", "navigation", "title", "markup", "footer"]


def _same_spans(native: tuple, python: tuple) -> None:
    assert native[0] == python[0] and all(type(k) is tuple for k in native[0])
    assert [(type(s), vars(s)) for s in native[1]] == [(type(s), vars(s)) for s in python[1]]
    assert native[1] == python[1] and [hash(s) for s in native[1]] == [hash(s) for s in python[1]]


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12), st.sampled_from(_LABELS)), max_size=30),
       st.integers(0, 80))
def test_same_partition(parts: list[tuple[int, int, str]], raw_length: int) -> None:
    from build_dataset.clean import spans

    assert spans._NATIVE_SPANS
    pieces, pos = [], 0
    for gap, width, label in parts:  # in raw order, some overlapping the one before, some past the raw text
        a = max(pos - 3, 0) + gap % 5
        pieces.append((a, a + width, label))
        pos = a + width
    _same_spans(spans.partition(raw_length, pieces), spans.partition_python(raw_length, pieces))


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CASES + ["  • A la Carte › News", "Body text.", "", "   "]),
                          st.text(max_size=40)), max_size=30),
       st.data())
def test_same_partition_of_lines(texts: list[str], data: st.DataObject) -> None:
    from build_dataset.clean import spans

    raw = "\n".join(texts)
    made = split_lines_python(raw)
    reasons = data.draw(st.lists(st.sampled_from([None, "navigation", "title", "footer"]), min_size=len(made),
                                 max_size=len(made)))
    splits = {}
    for k in data.draw(st.lists(st.integers(0, max(len(made) - 1, 0)), max_size=3)) if made else []:
        ln = made[k]
        cut = ln.start + data.draw(st.integers(0, ln.end - ln.start))
        splits[k] = [(cut, ln.end, "standfirst"), (ln.start, cut, "title")]
    native = spans.partition_lines(len(raw), made, reasons, splits)
    _same_spans(native, spans.partition_python(len(raw), spans.line_pieces(made, reasons, splits)))


@native
def test_partition_refuses_what_is_not_a_piece_or_a_reason() -> None:
    assert speedups is not None
    from build_dataset.clean import spans
    from build_dataset.schema import RemovedSpan

    with pytest.raises(TypeError, match="tuple"):
        speedups.partition(5, [(0, 2)], "", "whitespace", object.__new__, RemovedSpan)
    with pytest.raises(TypeError, match="tuple"):
        speedups.partition(5, [(0, 2, None)], "", "whitespace", object.__new__, RemovedSpan)
    made = split_lines_python("One line.\nAnother one")
    with pytest.raises(ValueError, match="a reason"):
        spans.partition_lines(22, made, [None], {})
    with pytest.raises(TypeError, match="str or None"):
        spans.partition_lines(22, made, [None, 3], {})


@native
@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(-1, 5), st.sampled_from([None, "navigation", "title"]),
                          st.sampled_from([None, "social"]), st.booleans()), max_size=40))
def test_same_verdicts(rows: list[tuple]) -> None:
    assert classify._NATIVE_VERDICTS
    columns = tuple(map(list, zip(*rows, strict=True))) if rows else ([], [], [], [])
    native, python = classify._verdicts(*columns), list(map(classify.Verdict, *columns))
    assert [(type(v), v.cls, v.reason, v.cue, v.sure) for v in native] == \
        [(type(v), v.cls, v.reason, v.cue, v.sure) for v in python]
    assert all(v is w for a, b in zip(native, python, strict=True) for v, w in [(a.reason, b.reason), (a.sure, b.sure)])
    if native:
        native[0].cls = 7  # a verdict is rewritten later (`page._apply_model`)
        assert native[0] == classify.Verdict(7, *rows[0][1:])


@native
def test_slot_objects_refuse_what_is_no_slot_or_column() -> None:
    assert speedups is not None
    with pytest.raises(AttributeError):
        speedups.slot_objects(classify.Verdict, ("cls", "nothing"), ([1], [2]))
    with pytest.raises(TypeError, match="slot"):
        speedups.slot_objects(classify.Verdict, ("cls", "__init__"), ([1], [2]))
    with pytest.raises(ValueError, match="one length"):
        speedups.slot_objects(classify.Verdict, ("cls", "reason"), ([1], []))
    with pytest.raises(ValueError, match="a column a field"):
        speedups.slot_objects(classify.Verdict, ("cls",), ([1], [2]))
    plain = make_dataclass("Plain", [("a", int, 0)])  # no slots: its fields live in a dict
    with pytest.raises(TypeError, match="slot"):
        speedups.slot_objects(plain, ("a",), ([1],))


def test_only_plain_slots_are_written_directly() -> None:
    """A class whose fields are no member descriptors (a dict's, or a mypyc class's) is made by calling it."""
    assert classify.slotted(classify.Verdict, classify._VERDICT_FIELDS)
    assert not classify.slotted(make_dataclass("Plain", [("a", int)]), ("a",))
    assert not classify.slotted(make_dataclass("Later", [("a", int)], slots=True,
                                               namespace={"__post_init__": lambda self: None}), ("a",))
    assert not classify.slotted(classify.Verdict, ("cls", "__init__"))


_PHRASE_CHARS = st.sampled_from(list("ab c:/©фо") + ["\u00e9", "\u4e2d", "\U0001f600", "\x00"])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(_PHRASE_CHARS, min_size=1, max_size=6), max_size=12),
       st.lists(st.text(_PHRASE_CHARS, max_size=40), min_size=1, max_size=8))
def test_same_phrase_tests(phrases: list[str], texts: list[str]) -> None:
    """The C phrase test finds a phrase exactly where the automaton does: phrases of one to six characters (filed
    by one, two or four), texts of one byte, two or four a character, shorter than a phrase or holding one at
    their very end."""
    from build_dataset.clean import phrases as module

    native, reference = module.phrase_test(phrases), module.automaton_test(phrases)
    for text in [*texts, *(t + p for t in texts for p in phrases[:3])]:
        assert native(text) is reference(text), (phrases, text)


@native
def test_the_cleaners_phrase_sets_agree_with_their_automata() -> None:
    """The two phrase sets the cleaner builds, on every line of the seeds and on each phrase inside a line."""
    from build_dataset.clean import cues, dates
    from build_dataset.clean.phrases import automaton_test

    words = sorted({w for word in dates._PUBLICATION_WORD_ALT.split("|") for w in (word, word.replace("ı", "i"))})
    texts = [line.lower() for seed in SEEDS for line in seed.read_text(encoding="utf-8").splitlines()]
    for native, phrases in ((cues._HOLDS_ANYWHERE_PHRASE, tuple(cues._ANYWHERE_REASON)),
                            (dates._HOLDS_PUBLICATION_WORD, tuple(words))):
        reference = automaton_test(phrases)
        assert [native(t) for t in texts] == [reference(t) for t in texts]
        assert all(native(f"text {p} text") and native(p) for p in phrases)
        assert any(native(t) for t in texts) and not all(native(t) for t in texts)


@native
def test_phrase_sets_refuse_what_is_no_phrase() -> None:
    assert speedups is not None
    from build_dataset.clean.phrases import phrase_test

    with pytest.raises(ValueError, match="one character or more"):
        phrase_test(["share", ""])
    with pytest.raises(ValueError, match="one character or more"):
        speedups.phrase_set(("share", b"x"))
    with pytest.raises(TypeError, match="tuple"):
        speedups.phrase_set(["share"])
    with pytest.raises(TypeError, match="a str"):
        speedups.holds_phrase(speedups.phrase_set(("share",)), b"share")
    with pytest.raises(ValueError):
        speedups.holds_phrase(object(), "share")


def _cue_reason_unfiltered(text: str) -> str | None:
    from build_dataset.clean import cues

    may, cues._MAY_NAME_CUE = cues._MAY_NAME_CUE, None
    try:
        return cues.cue_reason.__wrapped__(text)
    finally:
        cues._MAY_NAME_CUE = may


_CUE_PIECES = st.sampled_from(["Share", "READ MORE", "Kommentare (3)", "Foto: AFP", "©", " ", ":", "• ", "»", "ã©",
                               "Ã©", "Newsletter", "Поділитися", "the article text", "x" * 50, "2024", "|", "İ"])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_CUE_PIECES, st.text(max_size=8)), max_size=12))
def test_may_name_cue_is_false_only_where_there_is_no_cue(parts: list[str]) -> None:
    """`_speedups.may_name_cue` rules a line out only where `cue_reason`'s own steps find no cue: lines of the cue
    phrases in any case, between edge characters, long and short, with a colon early or late, with "ã©"."""
    from build_dataset.clean import cues

    text = "".join(parts)
    if _cue_reason_unfiltered(text) is not None:
        assert cues._MAY_NAME_CUE(text)


@native
def test_may_name_cue_rules_out_most_lines_of_the_seeds() -> None:
    """On the seeds' lines: every line with a cue may name one, and most lines without are ruled out."""
    from build_dataset.clean import cues

    texts = [line.strip() for seed in SEEDS for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    reasons = [_cue_reason_unfiltered(t) for t in texts]
    may = [cues._MAY_NAME_CUE(t) for t in texts]
    assert all(m for m, r in zip(may, reasons, strict=True) if r is not None) and any(reasons)
    assert sum(may) < len(texts) / 2
    assert [cues.cue_reason.__wrapped__(t) for t in texts] == reasons


@native
def test_may_name_cue_refuses_what_is_no_phrase_set() -> None:
    assert speedups is not None
    phrases = speedups.phrase_set(("share",))
    with pytest.raises(TypeError, match="two phrase sets"):
        speedups.may_name_cue(phrases, phrases, "", 60, 220)
    with pytest.raises(TypeError, match="two phrase sets"):
        speedups.may_name_cue(phrases, phrases, "", 60, 220, b"share")
    with pytest.raises(ValueError):
        speedups.may_name_cue(phrases, object(), "", 60, 220, "share")


_SAMPLE_PIECES = st.sampled_from([
    "Die Bundesregierung hat am Dienstag neue Regeln für den Handel beschlossen, sagte ein Sprecher.",
    "Уряд України ухвалив нові правила торгівлі, повідомив речник міністерства у вівторок.",
    "ΣΟΦΊΑ ΚΑΙ ΛΌΓΟΣ ΣΤΗΝ ΑΓΟΡΆ, ΕΊΠΕ Ο ΟΔΥΣΣΕΎΣ", "İSTANBUL ve ANKARA arasında", "x" * 400 + " y",
    "word " * 80, "ß" * 350, "中文的句子没有空格" * 10, "a-b c_d e'f" * 9, "Short line.",
    "• A bullet that runs on " * 4,
])


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_SAMPLE_PIECES, st.text(max_size=300)), max_size=70))
def test_same_language_words(texts: list[str]) -> None:
    """The words of the language sample, C and Python: long lines of Latin-1 and of other scripts (lowered by
    str.lower, the Greek final sigma and the dotted capital I included), words longer than a line's tokens reach,
    lines of one length in page order, pages with no line long enough, samples cut by characters and by words."""
    made = split_lines_python("\n".join(texts))
    native = speedups.language_words(made, lines.SAMPLE_MIN_LENGTH, lines.SAMPLE_MAX_LINES, lines.PROSE_SPACES,
                                     stoplists.SAMPLE_CHARS, stoplists.SAMPLE_WORDS, lines.SAMPLE_FALLBACK_LINES)
    assert native == lines.language_words_python(made)
    assert all(type(w) is str for w in native)


_CONTENT_PIECES = ["Patriarchat", "patriarchalische", "Straße", "STRASSE", "ΟΔΟΣ ΣΑΣ", "İstanbul", "Ÿes", "ǅungla",
                   "2019", "²³¹⁴", "١٢٣٤", "abc1", "x_y_z", "chikan (痴漢)", "東京都の話", "テスト", "한국어", "中",
                   "a",
                   "this", "that", "и", "это", "прагнення", " ", "\u00a0", "-", "'", ".", "\n", "\u0301", "𝐀𝐁𝐂𝐃",
                   "\ud800", "\udfff"]


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CONTENT_PIECES), st.text(max_size=40),
                          st.text(alphabet=st.characters(max_codepoint=255), max_size=40)), max_size=30),
       st.sampled_from([frozenset(), frozenset({"this", "that", "with", "patri", "и", "это", "straße", "2019"})]))
def test_same_content_words(parts: list[str], stoplist: frozenset[str]) -> None:
    """A headline's and the body's content words (`headlines._content_words`), C and Python: Latin-1 texts
    lowered through the byte table, others by str.lower (the dotted capital I, titlecase letters, a capital
    lowered into Latin-1), digits of other scripts and superscripts (not words), stopwords, words cut to
    their stem, and the pairs of CJK characters, across the gaps between them too."""
    text = "".join(parts)
    native = speedups.content_words(text, stoplist, headlines._STEM, headlines._CONTENT_MIN_CHARS)
    assert type(native) is frozenset
    assert native == headlines._content_words_python(text, stoplist)


@native
def test_content_words_refuse_wrong_arguments() -> None:
    assert speedups is not None
    with pytest.raises(TypeError):
        speedups.content_words(b"text", frozenset(), 5, 4)
    with pytest.raises(TypeError):
        speedups.content_words("text", {"a"}, 5, 4)  # a set is no frozenset: the cache hashes the stoplist
    with pytest.raises(ValueError, match="stem"):
        speedups.content_words("text", frozenset(), 0, 4)


@native
def test_language_words_refuse_what_is_not_a_line() -> None:
    assert speedups is not None
    with pytest.raises(AttributeError):
        speedups.language_words([object()], 60, 60, 9, 4000, 400, 200)
    made = make_dataclass("Made", [("length", object), ("body", object), ("tokens", object)])
    with pytest.raises(TypeError, match="length"):
        speedups.language_words([made("70", "x" * 70, None)], 60, 60, 9, 4000, 400, 200)
    with pytest.raises(TypeError, match="body"):
        speedups.language_words([made(70, b"x" * 70, None)], 60, 60, 9, 4000, 400, 200)
    with pytest.raises(TypeError, match="tokens"):
        speedups.language_words([made(70, "x " * 35, "x")], 60, 60, 9, 4000, 400, 200)


_SHAPE_PIECES = st.sampled_from([
    "Share", "READ MORE", "Kommentare (3)", "Foto: AFP", "© 2024", "• ", "» ", "ã©", "Newsletter", "Поділитися",
    "We use cookies to improve our website. Accept", "Ми використовуємо файли кукі на сайті", "COOKIES", "Cookie",
    "Мы используем КУКИ", "K", "\u212a", "İ", "ſ", "12:30", "03.05.2021", "Home | News | Sport", " / ", "[img]",
    "— — —", "²", "_", "1234", "a", "The article text goes on.", "x" * 230, "Σ",
])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.one_of(_SHAPE_PIECES, st.text(max_size=6)), max_size=8).map("".join), max_size=12))
def test_same_shape_cues(texts: list[str]) -> None:
    """`_speedups.shape_cue` names each line as `classify._shape_cue_python` does: keyword cues, consent notices
    (the cookie's name in any case, the Kelvin sign's "k", the dotted capital I), lines without a letter (dated or
    not), separated menus, w3m markup."""
    for ln in split_lines_python("\n".join(texts)):
        assert classify._shape_cue(ln) == classify._shape_cue_python(ln), ln.text


@native
def test_same_shape_cues_on_the_seed_lines() -> None:
    made = [ln for seed in SEEDS for ln in split_lines_python(seed.read_text(encoding="utf-8"))]
    native = [classify._shape_cue(ln) for ln in made]
    assert native == [classify._shape_cue_python(ln) for ln in made]
    assert {"social", "caption", "footer", "comments", "related"} <= set(native) and None in native


@native
def test_shape_cue_refuses_a_configuration_it_cannot_read() -> None:
    assert speedups is not None
    ln = split_lines_python("Share")[0]
    config = (*classify._LINE_TESTS, ("markup", "legal", "dateline", "navigation"))
    with pytest.raises(TypeError, match="ten items"):
        speedups.shape_cue(config[:9], ln)
    with pytest.raises(TypeError, match="wrong type"):
        speedups.shape_cue((*config[:9], ("markup",)), ln)
    with pytest.raises(ValueError, match="one character or more"):
        speedups.shape_cue((*config[:6], ("cookie", ""), *config[7:]), ln)
    with pytest.raises(AttributeError):
        speedups.shape_cue(config, object())


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_SHAPE_PIECES, st.text(max_size=6)), max_size=16).map("".join))
def test_may_name_cookie_is_false_only_where_there_is_no_consent_notice(text: str) -> None:
    """`consent_notice` with its C prefilter and without it: the cookie's name in any case, with the Kelvin sign's
    "k", the long s, the dotted capital I and the sigma around it."""
    from build_dataset.clean import cues

    with_filter = cues.consent_notice(text)
    may, cues._MAY_NAME_COOKIE = cues._MAY_NAME_COOKIE, None
    try:
        assert with_filter == cues.consent_notice(text)
        if any(name in text.lower() for name in cues.COOKIE_NAMES) and len(text) <= cues.CONSENT_MAX:
            assert may(text)
    finally:
        cues._MAY_NAME_COOKIE = may


@native
def test_may_name_cookie_refuses_what_is_no_name() -> None:
    assert speedups is not None
    with pytest.raises(TypeError, match="tuple of names"):
        speedups.may_name_cookie(["cookie"], 1500, "cookie")
    with pytest.raises(ValueError, match="one character or more"):
        speedups.may_name_cookie(("cookie", ""), 1500, "cookie")
    assert not speedups.may_name_cookie(("cookie",), 5, "COOKIE")
    assert speedups.may_name_cookie(("cookie",), 6, "COO\u212aIE") and "COO\u212aIE".lower() == "cookie"
    # a name starting beyond the Basic Multilingual Plane (a Deseret letter), its capital lowered where it stands
    assert speedups.may_name_cookie(("\U00010428x",), 9, "a \U00010400X") and "\U00010400".lower() == "\U00010428"
    assert not speedups.may_name_cookie(("\U00010428x",), 9, "a \U00010401X")


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([-2.5, -1.0, -0.0, 0.0, 0.1, 0.2, 0.30000000000000004, 1.0, 7.5, 1e300, -1e300]),
                max_size=40), st.data())
def test_same_best_runs(weights: list[float], data: st.DataObject) -> None:
    """Kadane's run over any slice, C and Python: the same run and the same float sum (ties, zeros, sums that
    round)."""
    assert speedups is not None
    a = data.draw(st.integers(0, len(weights)))
    z = data.draw(st.integers(a, len(weights)))
    native = speedups.best_run(weights, a, z)
    python = classify._best_run_python(weights, a, z)
    assert native[:2] == python[:2] and math.copysign(1.0, native[2]) == math.copysign(1.0, python[2])
    assert native[2] == python[2]
    with pytest.raises(IndexError):
        speedups.best_run(weights, 0, len(weights) + 1)


_ODD_CHARS = st.sampled_from(
    list("ab \t\n\x00\x08\x09\x0a\x0b\x1f\x20\x7e\x7f\x9f\xa0\xc1\xc2\xc3\xf4\xf5\x80\xbf\xc0©é")
    + ["\u0152", "\u0153", "\u2013", "\u2019", "\u201e", "\u201f", "\u20ac", "\u2122", "\u2123", "\ufffd", "Ð", "¿",
       "中", "\U0001f600"])


@native
@settings(max_examples=500, deadline=None)
@given(st.text(_ODD_CHARS, max_size=30))
def test_same_control_and_mojibake_tests(text: str) -> None:
    """The repairs' C tests of a character class and of a pair of classes, against the regexes they stand for:
    each class's edges, characters beyond Latin-1 in the second class, text of each width."""
    from build_dataset.clean import repair

    assert repair._has_control(text) == (repair._CONTROL_RE.search(text) is not None)
    assert repair._mojibake_hint(text) == (repair._MOJIBAKE_HINT_RE.search(text) is not None)


@native
def test_character_classes_refuse_what_they_cannot_read() -> None:
    from build_dataset.clean import repair

    assert speedups is not None
    with pytest.raises(TypeError):
        speedups.char_class(b"abc")
    with pytest.raises(TypeError):
        speedups.holds_char(speedups.char_class("a"), b"abc")
    with pytest.raises(ValueError):
        speedups.holds_pair(speedups.char_class("a"), object(), "ab")
    with pytest.raises(ValueError, match="no run of character classes"):
        repair._pattern_classes(re.compile("a+"))


_SLASH_PIECES = st.sampled_from(["/", "12", "3", "25", "2021", "21", "-", " ", "a", "١٢", "٣", "٢٠٢١", "13/", "/5/",
                                 "123", "0"])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_SLASH_PIECES, max_size=10).map("".join), max_size=8), st.sampled_from([None, "German"]))
def test_same_slashed_orders(texts: list[str], language: str | None) -> None:
    """The page's order of slashed dates, C and the regex: runs of digits too long for a day, dates glued to
    digits, slashes or dashes, two-digit and four-digit years, Arabic-Indic digits, several dates a line."""
    from build_dataset.clean import dates

    made = split_lines_python("\n".join(texts))
    assert dates.lines_slashed_order(made, language) == dates.slashed_order((ln.body for ln in made), language)
    day_first, month_first = speedups.slashed_dates(made)
    python = [(int(m.group(1)), int(m.group(2))) for ln in made for m in dates._SLASHED.finditer(ln.body)]
    assert day_first == any(a > 12 >= b for a, b in python)
    assert month_first == any(b > 12 >= a for a, b in python)


_CLASSES = st.sampled_from([classify.GOOD, classify.BAD, classify.SHORT, classify.NEARGOOD, classify.INLINE])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["• Home", "Ab", "A heading", "x", "A paragraph that runs on as prose does. " * 3,
                                 "- item", "12"]), max_size=30), st.data())
def test_same_revised_classes(texts: list[str], data: st.DataObject) -> None:
    """jusText's context step, C and Python: the revised classes and the headings marked in `ctx`, on any mix of
    classes (short lines between good and bad ones, runs of near-good and inline lines, bullets, short headings)."""
    assert speedups is not None
    made = split_lines_python("\n".join(texts))
    cls = data.draw(st.lists(_CLASSES.filter(lambda c: c != classify.INLINE), min_size=len(made), max_size=len(made)))
    ctx = [classify.INLINE if c == classify.BAD and data.draw(st.booleans()) else c for c in cls]
    native_ctx, python_ctx = ctx[:], ctx[:]
    native = speedups.revise(made, cls, native_ctx, (classify.GOOD, classify.BAD, classify.SHORT, classify.NEARGOOD,
                                                      classify.INLINE))
    assert native == classify._revise_python(made, cls, python_ctx)
    assert native_ctx == python_ctx


@native
def test_revise_refuses_lists_that_do_not_agree() -> None:
    assert speedups is not None
    made = split_lines_python("One line.\nAnother one")
    classes = (classify.GOOD, classify.BAD, classify.SHORT, classify.NEARGOOD, classify.INLINE)
    with pytest.raises(ValueError, match="as long"):
        speedups.revise(made, [1], [1, 1], classes)
    with pytest.raises(TypeError):
        speedups.revise(made, [1, "x"], [1, 1], classes)


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(_CLASSES, max_size=40))
def test_same_short_lines_to_check(ctx: list[int]) -> None:
    assert speedups is not None
    native = speedups.short_lines_to_check(ctx, (classify.GOOD, classify.BAD, classify.SHORT, classify.NEARGOOD))
    assert native == classify._short_lines_to_check_python(ctx)


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["x" * 19, "x" * 20, "x" * 70, "x" * 71, "y" * 20, "x" * 399, "x" * 400, "x" * 449,
                                 "x" * 450, "", "é" * 25, "é" * 25 + " Photo"]), max_size=20))
def test_same_pair_candidates(bodies: list[str]) -> None:
    """The pairs `_pairs` looks at, C and Python: equal bodies of any length, growth by 1 to 50 characters from
    20 to 399, the edges of each."""
    assert speedups is not None
    assert speedups.pair_candidates(bodies, classify.CAPTION_EXTRA) == classify._pair_candidates_python(bodies)
    with pytest.raises(TypeError, match="str"):
        speedups.pair_candidates(["x", None], classify.CAPTION_EXTRA)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([classify.GOOD, classify.BAD]),
                          st.sampled_from([None, "", "legal", "related"]), st.booleans(),
                          st.sampled_from([0.0, 0.34, 0.35, 0.36, 1.0])), max_size=20),
       st.integers(-1, 21), st.integers(-2, 21))
def test_same_model_calls_on_the_verdicts(rows: list[tuple], first: int, last: int) -> None:
    """The line model's call written into the verdicts, C and Python: kept and dropped lines, sure verdicts,
    probabilities at the threshold, empty and missing cues, lines above, inside and below the region."""
    from build_dataset.clean import page

    assert speedups is not None

    def verdicts() -> list[classify.Verdict]:
        return [classify.Verdict(c, "x" if c == classify.BAD else None, cue, sure) for c, cue, sure, _ in rows]

    probability = np.array([p for *_, p in rows], dtype=np.float64)
    native, python = verdicts(), verdicts()
    speedups.apply_model(native, probability, linemodel.THRESHOLD, first, last, classify.GOOD, classify.BAD,
                         ("navigation", "footer", "boilerplate"))
    page._apply_model_python(page.Analysis([], frozenset(), python, [], first, last, np.zeros((0, 0))), probability)
    assert [(v.cls, v.reason, v.cue, v.sure) for v in native] == [(v.cls, v.reason, v.cue, v.sure) for v in python]
    with pytest.raises(ValueError, match="float64"):
        speedups.apply_model(native, probability[:-1] if len(rows) else np.zeros(1), 0.35, first, last,
                             classify.GOOD, classify.BAD, ("navigation", "footer", "boilerplate"))


@native
def test_lines_of_a_subclass_are_read_by_getattr_the_same() -> None:
    """The C functions read a Line's fields from its slots, and any other object's by getattr: a subclass of Line
    that computes a field (here `text`) is read through it, and equal fields give equal results."""
    import dataclasses

    class Loud(Line):
        __slots__ = ()

        @property  # type: ignore[misc]
        def text(self) -> str:
            return "Passwort [          ]"

    made = split_lines_python("One line of text.\n• Home\nAnother line, longer than the others, runs on.")
    copies = [Line(**{f.name: getattr(ln, f.name) for f in dataclasses.fields(Line)}) for ln in made]
    assert features._line_columns_native(copies).tobytes() == features._line_columns_native(made).tobytes()
    assert speedups is not None
    from build_dataset.clean import page

    args = (page.CODE_MIN_CHARS, page.PROSE_SPACES, page._EMOTICON_RE.fullmatch, page._bracketed_sentence,
            page.program_code)
    assert speedups.markup_lines(made, *args) == []
    loud = [Loud.__new__(Loud) for _ in made]
    for a, ln in zip(loud, made, strict=True):
        for f in dataclasses.fields(Line):  # every slot filled, `text`'s too, which the property hides
            Line.__dict__[f.name].__set__(a, getattr(ln, f.name))
    assert speedups.markup_lines(loud, *args) == [0, 1, 2]  # the property's text field, read through it


_BYLINE_PIECES = st.sampled_from([
    "Jane Roe", "Political Editor", "Alle Artikel", "View author archive »", "ALLE BEITRÄGE:", "Full Bio…", "posts",
    "Posted", "Veröffentlicht am", "PUBLISHED", "publié", "OPUBLIKOWANO", "Yayınlanma", "YAYINLANMA", "ı", "İ",
    "03.05.2021", "١٢", "²", "ǅungla Ǆ", "Émile Zola", "ß", "• ", "by", "x" * 60, " ", "\u00a0", "\t", "von",
    "Опубліковано", "Ἀθῆναι", "ΣΑΣ", "artículos.", "BIO", "\u212a", "Ω",
])


@native
@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.one_of(_BYLINE_PIECES, st.text(max_size=5)), max_size=6).map("".join), max_size=14))
def test_same_short_shapes_and_statement_candidates(texts: list[str]) -> None:
    """`_speedups.short_shapes` finds the bare names' and archive links' lines `bylines._short_shapes_python`
    finds (every word capitalised by str.isupper, the link's last word after str.lower and rstrip), and
    `_speedups.statement_candidates` the lines `published._statement_candidates_python` reads (a digit by re's
    \\d, a publication word in the body lowered by str.lower, Latin-1 bodies lowered in C)."""
    from build_dataset.clean import bylines, published

    made = split_lines_python("\n".join(texts))
    assert bylines.short_shapes(made) == bylines._short_shapes_python(made)
    indices = list(range(len(made)))
    assert published.statement_candidates(made, indices) == published._statement_candidates_python(made, indices)
    assert published.statement_candidates(made, indices[::-2]) == \
        published._statement_candidates_python(made, indices[::-2])


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(["More in ", "Posted in ", "mehr ", "Más ", "MÁS", "• ", "1. ",
                                                    "this", "This", "x", " ", "\u00a0", "ß", "İ", "中"]),
                                   st.text(max_size=5)), max_size=5).map("".join), max_size=14),
       st.integers(min_value=-2, max_value=16))
def test_same_first_word_lines(texts: list[str], start: int) -> None:
    """`_speedups.first_word_lines` finds the lines `lines.first_word_lines_python` finds: those from `start`
    on (a negative start read as 0) whose first head word is in the set."""
    made = split_lines_python("\n".join(texts))
    words = frozenset({"more", "posted", "mehr", "más", "this", "1"})
    assert lines.first_word_lines(made, start, words) == lines.first_word_lines_python(made, start, words)


@native
def test_same_short_shapes_and_statement_candidates_on_the_seed_lines() -> None:
    from build_dataset.clean import bylines, published

    for seed in SEEDS:
        made = split_lines_python(seed.read_text(encoding="utf-8"))
        names, links = bylines.short_shapes(made)
        assert (names, links) == bylines._short_shapes_python(made)
        indices = list(range(len(made)))
        assert published.statement_candidates(made, indices) == published._statement_candidates_python(made, indices)
    made = split_lines_python("Jane Roe\nPolitical Editor\nALLE ARTIKEL »\nVeröffentlicht:\nA long line " + "x" * 500)
    assert bylines.short_shapes(made) == ([0, 1], [2])
    assert published.statement_candidates(made, [0, 1, 2, 3, 4]) == [3]


@native
def test_short_shapes_and_statement_candidates_refuse_what_is_not_a_line() -> None:
    from build_dataset.clean import published

    assert speedups is not None
    made = split_lines_python("Jane Roe\n")
    with pytest.raises(IndexError, match="outside"):
        speedups.statement_candidates(made, [1], published._PUBLICATION_PHRASE_SET, 400, 12)
    with pytest.raises(ValueError, match="Capsule"):
        speedups.statement_candidates(made, [0], object(), 400, 12)
    with pytest.raises(AttributeError):
        speedups.short_shapes([object()], 4, "e", " ", ("e",), 3)
    odd = make_dataclass("Odd", [("words", object), ("text", object), ("body", object), ("bullet", object)])
    with pytest.raises(TypeError, match="words"):
        speedups.short_shapes([odd("2", "x", "x", False)], 4, "e", " ", ("e",), 3)
    with pytest.raises(TypeError, match="body"):
        speedups.short_shapes([odd(2, "x", b"x", False)], 4, "e", " ", ("e",), 3)
    with pytest.raises(TypeError, match="endings"):
        speedups.short_shapes([odd(2, "x", "Xe", False)], 4, "e", " ", (b"e",), 3)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(_SHAPE_PIECES, st.sampled_from(["cookies", "Cookie-Einstellungen", ". ", "www.x.de",
                                                                   "x" * 75, "Ein Satz mit Wörtern, "]),
                                   st.text(max_size=6)), max_size=14).map("".join), max_size=14),
       st.data())
def test_same_long_classes_and_short_cues(texts: list[str], data: st.DataObject) -> None:
    """`_speedups.long_classes` classes the long lines as `classify._long_classes_python` does, with or without a
    stoplist, from their shape cue, consent notice, sentences, words and stopword share (drawn around the
    thresholds), and `_speedups.short_cues` finds the cues `classify._short_cues_python` finds."""
    made = split_lines_python("\n".join(texts))
    for ln in made:
        ln.stop_density = data.draw(st.sampled_from([0.0, 0.1, 0.15, 0.2, 0.3, 0.31, 0.32, 0.5]))
    for has_stoplist in (False, True):
        assert classify._long_classes(made, has_stoplist) == classify._long_classes_python(made, has_stoplist)
    todo = list(range(len(made)))
    assert classify._short_cues(made, todo) == classify._short_cues_python(made, todo)
    assert classify._short_cues(made, todo[::-3]) == classify._short_cues_python(made, todo[::-3])


@native
def test_same_long_classes_and_short_cues_on_the_seed_lines() -> None:
    for seed in SEEDS:
        made = split_lines_python(seed.read_text(encoding="utf-8"))
        native = classify._long_classes(made, True)
        assert native == classify._long_classes_python(made, True)
        assert {classify.BAD, classify.SHORT} <= set(native[0])
        todo = list(range(len(made)))
        assert classify._short_cues(made, todo) == classify._short_cues_python(made, todo)


@native
def test_long_classes_and_short_cues_refuse_what_does_not_fit() -> None:
    assert speedups is not None and classify._SHAPE_CONFIG is not None
    made = split_lines_python("A line that is long enough to be judged on its own, with words and a stop. " * 2)
    params = (70, 170, 220, 0.32, 0.30, 0.15, 8, 3, 2, 1, 0)
    with pytest.raises(TypeError, match="configuration"):
        speedups.long_classes(classify._SHAPE_CONFIG[:-1], made, True, params, str)
    with pytest.raises(TypeError):
        speedups.long_classes(classify._SHAPE_CONFIG, made, True, params[:-1], str)
    with pytest.raises(TypeError, match="configuration"):
        speedups.short_cues(classify._SHAPE_CONFIG[:-1], made, [0])
    with pytest.raises(IndexError, match="outside"):
        speedups.short_cues(classify._SHAPE_CONFIG, made, [1])
    odd = make_dataclass("Odd", [("length", object), ("body", object)])
    with pytest.raises(TypeError, match="length"):
        speedups.long_classes(classify._SHAPE_CONFIG, [odd("300", "x")], True, params, str)
    with pytest.raises(ZeroDivisionError):  # the consent test's own error comes through
        speedups.long_classes(classify._SHAPE_CONFIG, [odd(300, "x")], True, params, lambda body: 1 / 0)


@native
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([classify.BAD, classify.SHORT, classify.NEARGOOD, classify.GOOD,
                                           classify.INLINE]), st.booleans()), max_size=40))
def test_same_prose_blocks(rows: list[tuple[int, bool]]) -> None:
    """`_speedups.prose_blocks` promotes the near-good lines `classify._prose_blocks_python` promotes: blocks
    broken by good or bad lines only, sentences counted on near-good lines only, the last block closed."""
    made = split_lines_python("\n".join(f"line {k}" for k in range(len(rows))))
    for ln, (_, ends) in zip(made, rows, strict=True):
        ln.sentence_end = ends
    ctx = [c for c, _ in rows]
    assert classify._prose_blocks(made, ctx) == classify._prose_blocks_python(made, ctx)
    assert speedups is not None
    if rows:
        with pytest.raises(ValueError, match="more classes"):
            speedups.prose_blocks(made[:-1], ctx, 3, (classify.NEARGOOD, classify.SHORT, classify.INLINE))
