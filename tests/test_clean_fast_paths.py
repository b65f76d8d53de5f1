"""The cleaner's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from build_dataset.clean.classify import (
    BAD,
    GOOD,
    INLINE,
    NEARGOOD,
    SHORT,
    _neighbours,
    _neighbours_both,
    _short_lines_to_check,
)
from build_dataset.clean.cues import _ANYWHERE_RE, _ANYWHERE_REASON, _anywhere_reason
from build_dataset.clean.features import (
    FEATURES,
    FURNITURE_WORD,
    WINDOWS,
    _char_shares,
    _cumulative,
    _line_columns,
    _window_sum,
    add_stop_density,
    lexicon,
    vocabulary_features,
)
from build_dataset.clean.linemodel import LineModel, load_model
from build_dataset.clean.lines import (
    _BRACKET_TOKEN_RE,
    _DATE_RE,
    _FORM_RE,
    _SEPARATED_ITEMS_RE,
    _URLISH_RE,
    STOP_SAMPLE_CHARS,
    TOKENS_FROM,
    language_sample,
    language_words,
    split_lines,
)
from build_dataset.clean.repair import (
    _CONTROL_RE,
    _MOJIBAKE_HINT_RE,
    _WINDOWS,
    NBSP,
    ZERO_WIDTH,
    _is_bad,
    _required_chars,
    fix_mojibake,
    layout,
    normalise_characters,
    sre_parser,
)
from build_dataset.clean.stoplists import (
    MIN_HIT_RATE,
    SAMPLE_CHARS,
    SAMPLE_WORDS,
    WORD_RE,
    _combined,
    pick_stoplist,
    stoplist_for_words,
)

_TRICKY = [
    "ΟΔΟΣ ΣΑΣ. " * 60, "İstanbul İİİ " * 50, "a" * 5000, "word. " * 700, "Σ" * 3999, "ΣΑ end", "ΑΣ.Β ΑΣ' x",
    "Die Regierung hat am Montag beschlossen, dass die neuen Regeln ab Januar gelten.",
    "The government said on Monday that the new rules would apply from January onwards.",
    "• Home", "北京时间今天上午，会议在北京召开。" * 10, "",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(max_size=400),
                          st.text(alphabet=st.characters(max_codepoint=255), max_size=400)), max_size=40))
def test_language_words_equal_the_sample_words(parts: list[str]) -> None:
    lines = split_lines("\n".join(parts))
    words = WORD_RE.findall(language_sample(lines).lower(), 0, SAMPLE_CHARS)[:SAMPLE_WORDS]
    assert language_words(lines) == words
    assert stoplist_for_words(words) == pick_stoplist(language_sample(lines))


_ODD = "ab \t\n\u00a0\u2007\u202f\u200b\u2060\ufeff\u00ad\x00\x1f\x7f\x9féÃ©â€™\ufffd"
_HINT_AS_ONE_REGEX = re.compile(_MOJIBAKE_HINT_RE.pattern + "|\ufffd")
_NBSP_RE = re.compile(f"[{NBSP}]")
_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH}]")
_TAB_RE = re.compile("\t")


def _normalise_without_precheck(text: str) -> tuple[str, list[str]]:
    """`normalise_characters` as one regex per set of characters, each searched and substituted."""
    repairs = []
    for name, rx, by in (("nbsp", _NBSP_RE, " "), ("zero_width", _ZERO_WIDTH_RE, ""), ("control", _CONTROL_RE, ""),
                         ("tab", _TAB_RE, " ")):
        if rx.search(text):
            text = rx.sub(by, text)
            repairs.append(name)
    if unicodedata.normalize("NFC", text) != text:
        text = unicodedata.normalize("NFC", text)
        repairs.append("nfc")
    return text, repairs


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ODD + "e\u0301\u00e9\U0001f600"), max_size=60))
def test_repair_prechecks_change_nothing(text: str) -> None:
    # the alphabet's strings are of every width (Latin-1, two bytes, four bytes a character): an `in` test of a
    # character wider than the text's widest is decided without a scan
    assert normalise_characters(text) == _normalise_without_precheck(text)
    hinted = "\ufffd" in text or bool(_MOJIBAKE_HINT_RE.search(text))
    assert hinted == bool(_HINT_AS_ONE_REGEX.search(text))


def _layout_line_by_line(text: str) -> str:
    """`layout` without the space runs, as it was written before: paragraphs of stripped lines, gathered
    one line at a time."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x0b\x1c\x85\u00a0\u2028\u3000"), max_size=40))
def test_layout_equals_the_line_by_line_paragraphs(text: str) -> None:
    fixed, names = layout(text)
    assert fixed == _layout_line_by_line(re.sub(" {2,}", " ", text))
    assert names == (["spaces"] if "  " in text else [])


# --- line shapes: computed once per line in `split_lines`, as the plain per-line definitions say ---

_SHAPES = [
    "• Home | News | Sport", "Published 12.03.2021 10:45", "[logo] [ ] [Submit]", "[Search ]", "(*) yes",
    "www.example.com", "mail@host.de", "see https://x.org/a.html", "News > Welt › Europa :: Kultur",
    "ΟΔΟΣ ΣΑΣ. ΑΣ' Β", "İstanbul'da 2019", "Ein Satz. Noch einer! Und? Ja.", "\u2003• indented", "[a] text",
    "Größe · München » Köln | Bäder", "ÄÖÜ ß ÿ µ ª º ¹²³ ¼ × ÷ « » ¿¡ 12.03.2021", "café@bücher.de", "Zürich 2019",
    "Straße\xa0Nr.\xa03 \x85 Ende: Müller » Weiß " * 12,
]
_LATIN1 = st.text(alphabet=st.characters(max_codepoint=255), max_size=400)
"""Lines of Latin-1 characters, which `split_lines` reads through their Latin-1 bytes."""


def _plain_shapes(body: str, tokens: list[str] | None) -> tuple:
    """The line shapes as `Line` properties computed them before they became fields."""
    n = len(body)
    words = len(body.split()) if tokens is None else (
        len(tokens) if n <= STOP_SAMPLE_CHARS else len(tokens) * n // STOP_SAMPLE_CHARS)
    dated = n < 80 and bool(_DATE_RE.search(body))
    markup = "[" in body and (not _BRACKET_TOKEN_RE.sub("", body).strip(" *|") or bool(_FORM_RE.search(body)))
    separated = len(_SEPARATED_ITEMS_RE.findall(body)) if n < 300 else 0
    urlish = n < 200 and ("." in body or "@" in body) and bool(_URLISH_RE.search(body))
    return words, dated, markup, separated, urlish


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SHAPES + _TRICKY), st.text(max_size=400), _LATIN1), max_size=30))
def test_line_shapes_equal_the_plain_definitions(parts: list[str]) -> None:
    for ln in split_lines("\n".join(parts)):
        head = WORD_RE.findall(ln.body[:STOP_SAMPLE_CHARS].lower())
        assert ln.head_words == head
        assert ln.tokens == (head if ln.length >= TOKENS_FROM else None)
        assert (ln.words, ln.dated, ln.markup, ln.separated, ln.urlish) == _plain_shapes(ln.body, ln.tokens)


# --- features: whole-page passes equal the line-by-line definitions ---

def _plain_char_shares(bodies: list[str]) -> np.ndarray:
    """Share of ASCII digits and of characters `str.lower` changes among each line's first 200 characters."""
    out = np.zeros((2, len(bodies)))
    for k, body in enumerate(bodies):
        head = body[:200]
        digits = sum("0" <= c <= "9" for c in head)
        upper = sum(c.lower() != c and not "0" <= c <= "9" for c in head)
        out[:, k] = (digits / max(len(head), 1), upper / max(len(head), 1))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY + ["ΣΑΣ 12 İİ ÄÖ 𐐀𐐨 𝐀 ǅ ẞ ᾈ", "\ud800x"]), st.text(max_size=300)),
                max_size=20))
def test_char_shares_equal_the_per_line_definition(bodies: list[str]) -> None:
    lines = split_lines("\n".join(bodies))
    assert _char_shares(_line_columns(lines)).tobytes() == _plain_char_shares([ln.body for ln in lines]).tobytes()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY + ["the cat and the dog sat on the mat " * 4, "und der die das " * 9,
                                                   "of of of of " * 30, "x" * 250]), st.text(max_size=300)),
                max_size=20),
       st.sampled_from([frozenset(), frozenset({"the", "and", "on", "of", "der", "die"})]))
def test_stop_density_equals_the_per_token_definition(bodies: list[str], stoplist: frozenset[str]) -> None:
    """Each line with tokens gets the share of them the stoplist holds, as a float divided in Python; the
    others keep 0.0. (`add_stop_density` reads it from the per-line shares of the page's distinct words.)"""
    lines = split_lines("\n".join(bodies))
    add_stop_density(lines, lexicon(lines, {}, stoplist))
    for ln in lines:
        want = sum(t in stoplist for t in ln.tokens) / len(ln.tokens) if ln.tokens and stoplist else 0.0
        assert type(ln.stop_density) is float and ln.stop_density == want


def _plain_vocabulary(words: list[list[str]], vocabulary: dict[str, float]) -> np.ndarray:
    out = np.zeros((len(words), 10), dtype=np.float32)
    for k, line in enumerate(words):
        values = [vocabulary[w] for w in line if w in vocabulary]
        if values:
            out[k, :6] = (float(np.mean(values)), max(values), min(values), sum(min(v, 0.0) for v in values),
                          len(values) / len(line), sum(v < FURNITURE_WORD for v in values))
    for k in range(len(words)):  # the mean and minimum of the lines above and below, -1 past the edges
        out[k, 6:] = (out[k - 1, 0] if k else -1.0, out[k + 1, 0] if k + 1 < len(words) else -1.0,
                      out[k - 1, 2] if k else -1.0, out[k + 1, 2] if k + 1 < len(words) else -1.0)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["der", "die", "cookies", "abo", "x", "y", "zz"]), max_size=12), max_size=20))
def test_vocabulary_features_equal_the_per_line_definition(words: list[list[str]]) -> None:
    vocabulary = {"der": 1.5, "die": 0.25, "cookies": -2.5, "abo": -1.25, "x": 0.0}
    # the log-odds are binary fractions, so every sum and mean is exact and the columns agree bit for bit (also
    # on lines without known words, where `_vocabulary_columns` divides by one instead of skipping the line)
    assert vocabulary_features(words, vocabulary).tobytes() == _plain_vocabulary(words, vocabulary).tobytes()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=60), st.sampled_from(WINDOWS))
def test_window_sums_of_a_matrix_equal_those_of_each_series(values: list[int], w: int) -> None:
    series = np.array([values, values[::-1]], dtype=np.float64).T * 0.1
    sums = _window_sum(_cumulative(series), w)
    for j in range(series.shape[1]):
        c = np.concatenate(([0.0], np.cumsum(series[:, j])))
        idx = np.arange(len(values))
        plain = (c[np.minimum(idx + w + 1, len(values))] - c[np.maximum(idx - w, 0)]).astype(np.float32)
        assert sums[:, j].tobytes() == plain.tobytes()


# --- cues: the automaton only rules out lines the regex would not match ---

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["photo: ", "foto:", "copyright ©", " says: ", "share this", "newsletter", "abc ",
                                 "getty images", "/ ap", "ap photo", "x", " ", "ã©"]), max_size=8).map("".join))
def test_anywhere_cue_equals_the_regex(low: str) -> None:
    m = _ANYWHERE_RE.search(low)
    assert _anywhere_reason(low) == (_ANYWHERE_REASON[m.group(0)] if m else None)


# --- stoplist vote: distinct words counted once each, languages without votes skipped ---

def _plain_vote(words: list[str]) -> tuple[str | None, frozenset[str]]:
    names, index, lists = _combined()
    votes = [0] * len(names)
    for w in words:
        for i in index.get(w, ()):
            votes[i] += 1
    best = max(range(len(names)), key=lambda i: (votes[i] / len(lists[i]) ** 0.25, -i))
    if votes[best] / len(words) < MIN_HIT_RATE:
        return None, frozenset()
    return names[best], lists[best]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["der", "die", "und", "the", "and", "of", "le", "la", "de", "xyz", "el", "и"]),
                min_size=1, max_size=60))
def test_stoplist_vote_equals_the_word_by_word_vote(words: list[str]) -> None:
    assert stoplist_for_words(words) == _plain_vote(words)


# --- line model: the gathers give the probabilities of the plain tree walk ---

def _plain_probability(model: LineModel, x: np.ndarray) -> np.ndarray:
    n, width = x.shape
    flat = x.ravel()
    row = (np.arange(n) * width)[:, None]
    node = np.broadcast_to(model.roots, (n, len(model.roots)))
    for _ in range(model.depth):
        node = model.children[2 * node + (flat[row + model.feature[node]] > model.threshold[node])]
    return 1.0 / (1.0 + np.exp(-(model.baseline + model.value[node].sum(axis=1))))


def test_line_model_probability_equals_the_plain_tree_walk() -> None:
    model = load_model(FEATURES)
    rng = np.random.default_rng(7)
    for n in (1, 2, 37, 300):
        x = rng.normal(0.5, 2.0, size=(n, len(FEATURES))).astype(np.float32)
        x[rng.random(x.shape) < 0.3] = 0.0  # thresholds often sit between 0 and 1: hit them exactly too
        assert model.probability(x).tobytes() == _plain_probability(model, x).tobytes()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_ascii_text_never_holds_a_mojibake_hint(text: str) -> None:
    assert "\ufffd" not in text and not _MOJIBAKE_HINT_RE.search(text)
    assert fix_mojibake(text) == (text, [])


_BADNESS_CHARS = sorted({c for c in BADNESS_RE.pattern if not c.isascii()} | set("azAZ \n\t.,?!"))
"""Every character BADNESS_RE names (a range by its ends), and the ASCII its patterns read around them."""
_BADNESS_PAIRS = sorted({a + b for a, b in zip(BADNESS_RE.pattern, BADNESS_RE.pattern[1:], strict=False)
                         if not a.isascii() and not b.isascii()})
"""Two characters BADNESS_RE names next to each other: its literal sequences ("вЂ", "β€", "ā€") among them."""
_PLAIN_PARTS = ["Die Regierung hat am Montag ", "и в ", "é ß ", "ΣΑΣ ", " ", "\n", "x" * 30, "Ã", "»", "„", "“"]
"""Text that holds no match on its own, so that the risky characters are tried far apart and near the edges."""


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_BADNESS_CHARS), st.sampled_from(_BADNESS_PAIRS),
                          st.sampled_from(_PLAIN_PARTS)), max_size=30))
def test_windowed_badness_equals_ftfys_is_bad(parts: list[str]) -> None:
    text = "".join(parts)
    assert _is_bad(text) == is_bad(text)


def test_windowed_badness_equals_ftfys_is_bad_on_every_pair() -> None:
    # every two characters BADNESS_RE names, between ASCII letters or spaces: each pattern of two characters
    # is tried, and each of three whose first is a letter or a space
    for a in _BADNESS_CHARS:
        for b in _BADNESS_CHARS:
            for text in (f"xz{a}{b}zx", f"x {a}{b} x", f"{a}{b}"):
                assert _is_bad(text) == is_bad(text), text


def test_windowed_badness_is_read_off_ftfys_regex() -> None:
    assert _WINDOWS is not None  # the fast path is the one that runs with the installed ftfy
    for pattern in (r"a(?=b)", r"(?<=a)b", r"a\b", r"a$", r"(a)\1"):  # they read beyond their match
        with pytest.raises(ValueError):
            _required_chars(sre_parser.parse(pattern).data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([BAD, SHORT, NEARGOOD, GOOD, INLINE]), max_size=40), st.booleans())
def test_neighbours_equal_the_indexed_sweeps(classes: list[int], ignore_neargood: bool) -> None:
    skip = (SHORT, INLINE, NEARGOOD) if ignore_neargood else (SHORT, INLINE)
    kept = [(k, c) for k, c in enumerate(classes) if c not in skip]
    prev = [next((c for j, c in reversed(kept) if j < k), BAD) for k in range(len(classes))]
    nxt = [next((c for j, c in kept if j > k), BAD) for k in range(len(classes))]
    assert _neighbours(classes, ignore_neargood) == (prev, nxt)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([BAD, SHORT, NEARGOOD, GOOD, INLINE]), max_size=40))
def test_both_neighbour_sweeps_at_once_equal_the_two_sweeps(classes: list[int]) -> None:
    assert _neighbours_both(classes) == (*_neighbours(classes, True), *_neighbours(classes, False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([BAD, SHORT, NEARGOOD, GOOD, INLINE]), max_size=40))
def test_short_lines_to_check_are_those_the_neighbour_sweeps_name(classes: list[int]) -> None:
    prev, nxt = _neighbours(classes, True)
    n = len(classes)
    expected = [k for k, c in enumerate(classes) if c == SHORT
                and (prev[k] != BAD or nxt[k] != BAD or k + 1 < n and classes[k + 1] in (GOOD, NEARGOOD))]
    assert _short_lines_to_check(classes) == expected


def test_the_garbage_collector_is_left_as_the_caller_had_it() -> None:
    """`clean_page` turns the cyclic collector off while it cleans (a speed measure): it must be back on
    afterwards, also when cleaning fails, and stay off for a caller that had turned it off."""
    import gc

    import pytest

    from build_dataset.clean import clean_page

    assert gc.isenabled()
    page = "Headline of the story here\n\nA first paragraph of the article, long enough to be kept as body text.\n"
    clean_page(page)
    assert gc.isenabled()
    with pytest.raises((TypeError, AttributeError)):
        clean_page(None)  # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()
    try:
        clean_page(page)
        assert not gc.isenabled()
    finally:
        gc.enable()
