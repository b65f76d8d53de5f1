"""Split a text dump into lines with their offsets and the cheap shape features the classifier reads.

A w3m/lynx dump renders each block element as one line (or a few for `<br>`), so the line is the unit
of the cleaner: every decision is made per line and every removed span is a run of whole lines (or a
part of one, for glued headlines). Features are computed once, with plain string methods, because the
cleaner must run at hundreds of pages per second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from types import ModuleType

import numpy as np

from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.stoplists import SAMPLE_CHARS, SAMPLE_WORDS

_STRONG_BULLETS = "•·□◦▪■▸►▶‣○●◆◇▫➤→☆★✓✔➜⇒◉◎❯›»"
_WEAK_BULLETS = "*-–—+"
"""Bullets only when a space or tab follows them (or nothing): else a dash or a sign starts the text."""
BULLETS = _STRONG_BULLETS + _WEAK_BULLETS
SENTENCE_END = ".!?。！？…:;\"'”’»)]؟।"
SENTENCE_MARKS = ".!?。！？…"
"""A long line ending in one of these has one more sentence than its marks followed by a space."""
_WIDE_RE = re.compile(r"[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_BRACKET_TOKEN_RE = re.compile(r"\[[^\]]{0,80}\]")
_FORM_RE = re.compile(r"\[ {3,}\]|\[[ xX*]\]|\(\*?\)|\[ ?(?:Submit|Send|OK|Go|Search)[^\]]*\]")
_TEXT_FIELD_RE = re.compile(r"\[[^\]\n]{0,80}? {3}\]")
"""A text field as w3m renders it: its value (often none) padded with spaces inside brackets."""
_DATE_RE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b"
)
_SEPARATORS = "|·•/»›>"
"""The one-character separators of `_SEPARATED_ITEMS_RE`; the other is "::"."""
_SEPARATED_ITEMS_RE = re.compile(r"\s(?:" + "|".join(map(re.escape, _SEPARATORS)) + r"|::)\s")
_URLISH_RE = re.compile(r"https?://|www\.|\.(?:com|de|org|net|html?|php)\b|@\w+\.")
_SHAPE_HINT_RE = re.compile(r"[\d|·•/»›>:.@]")
"""A character every match of `_DATE_RE` (a digit), `_SEPARATED_ITEMS_RE` (a separator) or `_URLISH_RE` (a
'.' or '@', which it is only tried with) holds: most short lines have none, and one search for it rules
out all three."""
_DIGITS_RE = re.compile(r"\d+")
_KEY_STRIP = " \t•·□◦▪■▸►▶‣○●◆◇▫➤→*-–—+|:;,.!?()[]{}\"'“”„‘’«»"
WORD_RE = re.compile(r"\w+")
SPACE_RUN = r"\s(?<!\s\s)\s*"
r"""A regex piece that matches a run of whitespace as `\s+` does, but only from the run's first character.

A search for a pattern that opens with `\s+` tries it at every character of a run: each try takes the rest
of the run and gives it back a character at a time, so a run of k spaces costs k * k / 2 steps. w3m pads
table cells and columns with hundreds of spaces, and on one dev page of 271 lines a breadcrumb's separator,
searched for so, took 30 ms. A match that starts inside a run always has one starting at the run's first
character too, with the same end (the run before it is whitespace the `\s+` takes as well), and searches
and splits want the leftmost: so this piece gives the same matches and splits, in time linear in the text.
(The lookbehind is placed after the first `\s`, not before it, so the regex engine still skips ahead to
the next whitespace character between tries.) `OPTIONAL_SPACE_RUN` is the same for `\s*`."""
OPTIONAL_SPACE_RUN = rf"(?:{SPACE_RUN})?"
_WORD_CHAR_RE = re.compile(r"\w")
_DIGIT_RE = re.compile(r"\d")


def _latin1_words_table() -> bytes:
    """The `_LATIN1_WORDS` table, read off `_WORD_CHAR_RE` itself; it fails to build if Latin-1 lowercasing is no
    map of one character to one that is a word character exactly when the original is."""
    table = bytearray(256)
    for c in range(256):
        ch, low = chr(c), chr(c).lower()
        word = _WORD_CHAR_RE.fullmatch(ch) is not None
        if len(low) != 1 or ord(low) > 255 or (_WORD_CHAR_RE.fullmatch(low) is not None) != word \
                or word and low.isspace():
            raise ValueError(f"{ch!r}: Latin-1 lowercasing does not keep words apart")
        table[c] = ord(low) if word else 32
    return bytes(table)


_LATIN1_WORDS = _latin1_words_table()
"""Byte table that lowercases the word characters of Latin-1 text and turns every other character into a space.

On a line whose characters are all Latin-1 (ASCII included), its Latin-1 bytes translated by this and
decoded, `split()` gives exactly `WORD_RE.findall(line.lower())`: lowercasing maps each Latin-1
character to one, the words are the runs of word characters, and every other character is now a space
(no word character is whitespace). `findall`, and `str.lower` on non-ASCII text, pay far more per character."""
_DIGIT, _DOT, _SEPARATOR = b"0.|"
_HINT_CLASSES = bytes(_DIGIT if _DIGIT_RE.fullmatch(chr(c)) else _DOT if c in b".@" else _SEPARATOR for c in range(256))
_NOT_HINT = bytes(c for c in range(256) if not _SHAPE_HINT_RE.fullmatch(chr(c)))
"""`latin.translate(_HINT_CLASSES, _NOT_HINT)` is, for the Latin-1 bytes `latin` of a line, the classes of
the `_SHAPE_HINT_RE` characters it holds: _DIGIT for a digit, _DOT for a "." or an "@", _SEPARATOR for any
other. `_DATE_RE` cannot match without a digit and `_SEPARATED_ITEMS_RE` without a separator, and
`_URLISH_RE` is only tried with a "." or "@": one translation in C and an `in` test on its few bytes rule
out each regex on its own, where `_SHAPE_HINT_RE` rules out the three together only on lines holding none.
(The classes are ints: `bytes.__contains__` first tries its operand as an int, and a bytes operand pays
for the TypeError that try raises.)"""

TOKENS_FROM = 70
"""Lines shorter than this are judged by shape alone, so their words are not tokenised."""
STOP_SAMPLE_CHARS = 300
"""Stopword density of a long line is measured on its first characters: enough to tell prose."""
CHAR_SAMPLE = 200
"""The shares of digits and uppercase letters of a line are read on its body's first characters."""


@dataclass(slots=True)
class Line:
    """One non-blank line of the dump: where its text sits in the raw string and what it looks like.

    Every feature is a field filled by `split_lines`: the classifier, the header reader and the line
    model's features all read them, so each regex runs once per line (see `_shape`).
    """

    index: int          # line number in the raw text (0-based)
    start: int          # offset of the first non-space character
    end: int            # offset after the last non-space character
    line_start: int     # offset of the line's first character
    line_end: int       # offset of the line's "\n" (or len(raw))
    text: str           # the line stripped of surrounding whitespace
    body: str           # `text` without a leading bullet
    bullet: bool
    length: int         # length of `body`, wide (CJK) characters counted three times
    sentence_end: bool  # ends like a sentence
    sentences: int = 0  # sentence-ending marks followed by a space, plus a final one (long lines)
    tokens: list[str] | None = None  # lowercased words of the body's start; None for short lines
    stop_density: float = 0.0
    head_words: list[str] = field(default_factory=list)
    """Lowercased words of the body's first STOP_SAMPLE_CHARS characters, for every line (`tokens` of a
    long line); the line model's vocabulary features read them."""
    words: int = 0
    """Words of the body: counted on short lines, estimated from `tokens` on long ones."""
    dated: bool = False
    """A short line holding a date or a time: a dateline or a list entry's stamp."""
    markup: bool = False
    """Only w3m renderings of images, buttons or form fields ("[logo]", "[ ]", "[Submit]")."""
    separated: int = 0
    """How many menu or breadcrumb separators (" | ", " · ", " > ") the line holds."""
    urlish: bool = False
    """A short line holding a URL, a domain or an e-mail address."""
    digits: int = 0
    """ASCII digits among the body's first CHAR_SAMPLE characters (the line model's digit share)."""
    uppers: int = 0
    """Characters `str.lower` changes (uppercase letters) among them (its uppercase share)."""


def line_key(line: str) -> str:
    """Normalised form of a line for counting furniture across pages of one outlet.

    Case, digits (counters, dates), bullets and edge punctuation vary between pages while the
    furniture stays the same, so they are folded away; Unicode compatibility forms too.
    """
    key = _DIGITS_RE.sub("0", unicodedata.normalize("NFKC", line).casefold())
    return " ".join(key.split()).strip(_KEY_STRIP)


def split_lines_python(raw: str) -> list[Line]:
    """The non-blank lines of `raw` with offsets and features (blank lines are only whitespace).

    This is the reference `split_lines`; the C extension `_lines` does the same (`split_lines` is it when
    it was built). Every field is computed in one pass over the lines and handed to the constructor: a
    field written once, and no second loop over the lines, cost less than filling the fields in later passes.
    """
    lines: list[Line] = []
    append = lines.append
    words_of = WORD_RE.findall
    separators = _SEPARATED_ITEMS_RE.findall
    url_search = _URLISH_RE.search
    date_search = _DATE_RE.search
    shape_hint = _SHAPE_HINT_RE.search
    pos = 0
    for index, seg in enumerate(raw.split("\n")):
        line_start = pos
        pos += len(seg) + 1
        text = seg.strip()
        if not text:
            continue
        start = line_start if seg[0] == text[0] else line_start + len(seg) - len(seg.lstrip())
        body = text
        bullet = False
        c = text[0]
        if c in BULLETS and (len(text) == 1 or text[1] in " \t" or c in _STRONG_BULLETS) \
                and not (c == "»" and text[1:2] not in " \t" and "«" in text):
            # (a German quote opening the line, "»Wir brauchen Leute«", is no bullet)
            bullet = True
            body = text.lstrip(BULLETS + " \t")
        n = len(body)
        length = n
        # the body's Latin-1 bytes when it has one for every character (`encode` drops the others), else None
        encoded = body.encode() if body.isascii() else body.encode("latin-1", "ignore")
        latin: bytes | None = encoded
        if len(encoded) == n:
            head_words = encoded[:STOP_SAMPLE_CHARS].translate(_LATIN1_WORDS).decode("latin-1").split()
        else:  # beyond Latin-1 (no wide character is in it)
            latin = None
            head_words = words_of(body[:STOP_SAMPLE_CHARS].lower())
            wide = len(_WIDE_RE.findall(body, 0, 400))
            if wide:
                length += 2 * (wide * n // 400 if n > 400 else wide)
        last = body[-1:]
        sentence_end = last in SENTENCE_END if last else False
        separated = 0
        urlish = dated = markup = False
        if length >= TOKENS_FROM:
            sentences = body.count(". ") + body.count("! ") + body.count("? ") + body.count("。") \
                + (last in SENTENCE_MARKS)
            tokens = head_words
            words = len(head_words) if n <= STOP_SAMPLE_CHARS else len(head_words) * n // STOP_SAMPLE_CHARS
        else:
            sentences = 0
            tokens = None
            words = len(body.split())
        if n < 300:
            if latin is not None:
                hint = latin.translate(_HINT_CLASSES, _NOT_HINT)
                if _SEPARATOR in hint:
                    separated = len(separators(body))
                if n < 200:
                    urlish = _DOT in hint and url_search(body) is not None
                    if n < 80:
                        dated = _DIGIT in hint and date_search(body) is not None
            elif shape_hint(body) is not None:
                separated = len(separators(body))
                if n < 200:
                    urlish = ("." in body or "@" in body) and url_search(body) is not None
                    if n < 80:
                        dated = date_search(body) is not None
        if "[" in body:
            markup = tokens_only(body) or _FORM_RE.search(body) is not None
        append(Line(index, start, start + len(text), line_start, pos - 1, text, body, bullet, length, sentence_end,
                    sentences, tokens, 0.0, head_words, words, dated, markup, separated, urlish))
    if lines:
        for ln, digits, uppers in zip(lines, *char_counts([ln.body for ln in lines]).tolist(), strict=True):
            ln.digits, ln.uppers = digits, uppers
    return lines


def char_counts(bodies: list[str]) -> np.ndarray:
    """ASCII digits (first row) and other characters `str.lower` changes (second row) among each body's first
    CHAR_SAMPLE characters.

    Counted for the whole page at once on its code points: a per-character loop in Python would cost more
    than the rest of `split_lines_python`. A line's count is the difference of the running counts at its end
    and at its start.
    """
    heads = [b[:CHAR_SAMPLE] for b in bodies]
    codes = np.frombuffer("".join(heads).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    upper = _LOWER_CHANGES.take(codes, mode="clip")  # characters past the BMP read the table's last slot
    if codes.max(initial=0) > 0xFFFF:
        beyond = np.flatnonzero(codes > 0xFFFF)
        upper[beyond] = [chr(c).lower() != chr(c) for c in codes[beyond].tolist()]
    digit = (codes - 48) < 10  # unsigned: true for "0".."9" only
    sizes = np.fromiter(map(len, heads), dtype=np.intp, count=len(heads))
    ends = np.cumsum(sizes)
    running = np.zeros((2, len(codes) + 1), dtype=np.intp)  # digits and uppercase letters before each character
    np.cumsum(digit, out=running[0, 1:])
    np.cumsum(upper & ~digit, out=running[1, 1:])
    return running[:, ends] - running[:, ends - sizes]


def _lower_changes() -> np.ndarray:
    """`_LOWER_CHANGES`: whether `str.lower` changes each character of the BMP, read off `str.lower` itself.

    The BMP is lowered as one string, split around U+0130 ("İ"), the one character whose lowercase is two
    characters: the others map one to one, so the lowered string's code points line up with the string's.
    (Only a capital sigma's lowercase depends on its neighbours, and it is changed either way.)"""
    parts = ("".join(map(chr, range(0x130))), "".join(map(chr, range(0x131, 0x10000))))
    codes = np.frombuffer("\u0131".join(parts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lowered = np.frombuffer("\u0131".join(p.lower() for p in parts).encode("utf-32-le", "surrogatepass"),
                            dtype=np.uint32)
    changes = codes != lowered
    changes[0x130] = True
    return changes


_LOWER_CHANGES = _lower_changes()
"""Whether `str.lower` changes each BMP character: an uppercase letter for `char_counts`, looked up by code
point, where lowering a page's text character by character cost four times the look-ups (characters past the
BMP, rare, are lowered one by one)."""


def configure_speedups(module: ModuleType, line_type: type) -> None:
    """Hand the C `split_lines` the class of the lines it makes, this module's form regex, the patterns of its
    date and URL regexes (which the C searches for itself, and refuses when they are others than it was
    written for), tables, character sets and sizes. It writes a plain dataclass's slots directly, and calls
    any other class (a `Line` compiled by mypyc has no such slots) with the fields in order."""
    module.configure(line_type, tuple(f.name for f in fields(Line)), _FORM_RE.search, _URLISH_RE.pattern,
                     _DATE_RE.pattern, _LATIN1_WORDS, _STRONG_BULLETS, _WEAK_BULLETS, SENTENCE_END, SENTENCE_MARKS,
                     _SEPARATORS, TOKENS_FROM, STOP_SAMPLE_CHARS, CHAR_SAMPLE)


if speedups is not None:
    configure_speedups(speedups, Line)
split_lines: Callable[[str], list[Line]] = (
    speedups.split_lines if speedups is not None and use_speedups else split_lines_python)
"""The non-blank lines of a dump as `Line`s: the C loop where it was built, else `split_lines_python`."""


def tokens_only(body: str) -> bool:
    """Whether a line's body is nothing but w3m's bracketed renderings of images, buttons and form fields
    ("[logo]", "[csm_2001-teaser-0B3031]", "• [twitter_31]", "[Submit]", "[ ]"): a file name or a label
    of the page's machinery, no sentence a reader reads."""
    return not _BRACKET_TOKEN_RE.sub("", body).strip(" *|")


def text_field(text: str) -> bool:
    """Whether a line holds a form's text field ("Passwort [          ]", "[10.000      ]Euro", "[E-Mail*
    ]"): a login, search, newsletter or comment form, or a calculator's input, never article text.
    (A checkbox "[ ]" is not one: recipes print their ingredients as checklists.)"""
    return "[" in text and _TEXT_FIELD_RE.search(text) is not None


PROSE_SPACES = 12
"""Prose has a space every six or seven characters; a line with fewer than one in twelve is code."""


SAMPLE_MIN_LENGTH = 60
"""Shortest line the language sample is taken from (`_sample_lines`)."""
SAMPLE_MAX_LINES = 60
"""Most lines the language sample is taken from, the longest."""
SAMPLE_FALLBACK_LINES = 200
"""The page's first lines the sample is taken from when no line is long enough."""


def language_sample(lines: list[Line], min_length: int = SAMPLE_MIN_LENGTH, max_lines: int = SAMPLE_MAX_LINES) -> str:
    """Text of the page's longest lines, the ones most likely article prose, to choose a stoplist from.

    The longest lines, not the first ones: a page whose header, sponsor rail or server warnings are in
    another language than its article would otherwise get the header's stoplist, and every article
    paragraph would then look like a stopword-free menu. Longest first, because the vote reads only
    the sample's first words.
    """
    return " ".join(ln.body for ln in _sample_lines(lines, min_length, max_lines))


def _sample_lines(lines: list[Line], min_length: int, max_lines: int) -> list[Line]:
    """The lines long enough and with the spaces of prose (minified scripts and URLs printed as text have
    few), longest first and lines of one length in page order (`list.sort` is stable, in reverse too)."""
    longer = [ln for ln in lines if ln.length >= min_length and ln.body.count(" ") * PROSE_SPACES >= len(ln.body)]
    longer.sort(key=_LENGTH, reverse=True)
    return longer[:max_lines] or lines[:SAMPLE_FALLBACK_LINES]


_LENGTH = attrgetter("length")


def language_words(lines: list[Line]) -> list[str]:
    """`language_words_python`, in C where the extension was built (`_speedups.language_words`: the line's
    attributes read and the words gathered without a Python step a line, a fifth of the cost)."""
    if speedups is None or not use_speedups:
        return language_words_python(lines)
    words: list[str] = speedups.language_words(lines, SAMPLE_MIN_LENGTH, SAMPLE_MAX_LINES, PROSE_SPACES, SAMPLE_CHARS,
                                               SAMPLE_WORDS, SAMPLE_FALLBACK_LINES)
    return words


def language_words_python(lines: list[Line], min_length: int = SAMPLE_MIN_LENGTH,
                          max_lines: int = SAMPLE_MAX_LINES) -> list[str]:
    """The words `pick_stoplist` reads from `language_sample(lines)`, without building the sample.

    The sample runs to thousands of characters of which the vote reads only the first SAMPLE_CHARS and
    the first SAMPLE_WORDS words, so the words are taken line by line until either runs out (see
    `_lowered_words`). The result is the same list: the space that joins two lines in the sample is no
    word character, and it ends any context `str.lower` looks at (the Greek final sigma), so lowercasing
    line by line changes nothing.
    """
    words: list[str] = []
    room = SAMPLE_CHARS  # characters of the lowercased sample left before its SAMPLE_CHARS limit
    for ln in _sample_lines(lines, min_length, max_lines):
        size, found = _lowered_words(ln, room)
        words += found
        if size >= room or len(words) >= SAMPLE_WORDS:
            break
        room -= size + 1
    return words[:SAMPLE_WORDS]


def _lowered_words(ln: Line, end: int) -> tuple[int, list[str]]:
    """The length of `ln.body.lower()` and `WORD_RE.findall(ln.body.lower(), 0, end)`.

    The words are the tokens `split_lines` made when they are all of them (a line no longer than
    STOP_SAMPLE_CHARS, lowered shorter than `end`); a body of Latin-1 characters, which lowering maps one to
    one, is read through its bytes as `split_lines` reads it; only other bodies are lowered."""
    body, tokens = ln.body, ln.tokens
    latin = body.encode() if body.isascii() else body.encode("latin-1", "ignore")
    if len(latin) == len(body):
        size = len(body)
        if tokens is not None and size <= STOP_SAMPLE_CHARS and size < end:
            return size, tokens
        return size, latin[:end].translate(_LATIN1_WORDS).decode("latin-1").split()
    low = body.lower()
    if tokens is not None and len(body) <= STOP_SAMPLE_CHARS and len(low) < end:
        return len(low), tokens
    return len(low), WORD_RE.findall(low, 0, end)


def first_word_lines(lines: list[Line], start: int, words: frozenset[str]) -> list[int]:
    """`first_word_lines_python`, in C where the extension was built (`_speedups.first_word_lines`)."""
    if speedups is None or not use_speedups:
        return first_word_lines_python(lines, start, words)
    return speedups.first_word_lines(lines, start, words)


def first_word_lines_python(lines: list[Line], start: int, words: frozenset[str]) -> list[int]:
    """The indices from `start` on of the lines whose first word (`head_words[0]`, lower case) is in `words`:
    the few lines a rule that reads a page's closing lines by their opening phrase needs to match."""
    return [i for i in range(max(0, start), len(lines)) if lines[i].head_words and lines[i].head_words[0] in words]

