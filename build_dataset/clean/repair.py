"""Repair the kept text without changing what it says, and name each repair made.

Like `ftfy.fix_and_explain`, each function returns the text and the repairs it applied. Only repairs
that keep meaning are made: mojibake (ftfy, with quote uncurling, width folding and HTML unescaping
switched off because those change what was written), Unicode NFC, no-break and zero-width spaces,
control characters, runs of spaces, and paragraph layout.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import partial

import ftfy
from ftfy.badness import BADNESS_RE, is_bad

from build_dataset.clean.native import speedups, use_speedups

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
NBSP = "\u00a0\u2007\u202f"
"""No-break spaces, made spaces."""
ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"
"""Invisible characters that only break words apart for search; ZWJ/ZWNJ carry meaning, so stay."""
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES_RE = re.compile("  +")
"""Runs of two or more spaces, written with a two-space prefix: `re` then skips to each "  " as `str.find`
would, where " {2,}" stops at every single space between words (three times slower)."""
_BLANK_LINES_RE = re.compile("\n\n\n+")
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
"""A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte read the same way: what
every "Ã©", "â€™", "Ð¿" looks like; that or a replacement character (U+FFFD) is the hint, and ftfy
(slow) runs only on text holding one. The replacement character is looked for with `in`, not as an
alternative of the regex: a pattern starting with one character class lets `re` skip ahead to the
candidate lead bytes, which makes the scan twice as fast."""


try:  # the regex parser `_is_bad` reads BADNESS_RE with: a module of `re` since Python 3.11 (imported by name:
    # type stubs do not list `re`'s private modules)
    sre_constants = importlib.import_module("re._constants")
    sre_parser = importlib.import_module("re._parser")
except ImportError:  # Python 3.10
    sre_constants = importlib.import_module("sre_constants")
    sre_parser = importlib.import_module("sre_parse")

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_STARTS = (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)


def _rarity_cost(chars: frozenset[str]) -> int:
    """How common characters of prose are: ASCII and spaces very, letters of the Latin, Greek and Cyrillic
    alphabets (lowercase more than capitals), not symbols. Only the speed of `_is_bad` depends on it."""
    cost = 0
    for c in chars:
        if c.isascii() or c.isspace():
            cost += 100_000
        elif "\u00c0" <= c <= "\u024f" or "\u0370" <= c <= "\u04ff":
            cost += 2000 if c.islower() else 1000
        else:
            cost += 1
    return cost


def _class_chars(item: tuple) -> frozenset[str] | None:
    """The characters a literal or a positive character class matches; None for anything else."""
    op, av = item
    if op is sre_constants.LITERAL:
        return frozenset(chr(av))
    if op is not sre_constants.IN:
        return None
    chars: set[str] = set()
    for o, a in av:
        if o is sre_constants.LITERAL:
            chars.add(chr(a))
        elif o is sre_constants.RANGE:
            chars.update(map(chr, range(a[0], a[1] + 1)))
        else:  # a negated class or a category (\s, \w): no finite set
            return None
    return frozenset(chars)


def _required_chars(pattern: Iterable[tuple]) -> frozenset[str] | None:
    """A set of characters one of which every match of the parsed `pattern` holds (the rarest of the
    candidates, see `_rarity_cost`), or None when none can be named. Raises ValueError on any construct
    that looks beyond what it matches (lookarounds, word boundaries, the end of the text, back references)
    or starts anywhere but at the text's start: for those a match inside a window need not be one in the text."""
    best: frozenset[str] | None = None
    for op, av in pattern:
        if op is sre_constants.AT:
            if av not in _STARTS:
                raise ValueError(f"unsupported position {av}")
            continue
        if op is sre_constants.BRANCH:
            alternatives = [_required_chars(alt) for alt in av[1]]
            named = [a for a in alternatives if a is not None]
            chars = frozenset().union(*named) if len(named) == len(alternatives) else None
        elif op is sre_constants.SUBPATTERN:
            chars = _required_chars(av[3])
        elif op in _REPEATS:
            inner = _required_chars(av[2])  # checks the repeated pattern's constructs either way
            chars = inner if av[0] >= 1 else None
        elif op in (sre_constants.LITERAL, sre_constants.IN, sre_constants.NOT_LITERAL, sre_constants.ANY):
            chars = _class_chars((op, av))
        else:
            raise ValueError(f"unsupported construct {op}")
        if chars is not None and (best is None or _rarity_cost(chars) < _rarity_cost(best)):
            best = chars
    return best


def _char_class(chars: frozenset[str]) -> str:
    """A regex character class of exactly `chars`, runs of consecutive code points written as ranges."""
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]"


def _badness_windows() -> tuple[re.Pattern[str], int] | None:
    """`_BADNESS_CHAR_RE` and `_BADNESS_WIDTH` read off ftfy's BADNESS_RE, or None if it has a construct they
    cannot be read off (then `_is_bad` is ftfy's `is_bad`)."""
    if BADNESS_RE.flags & (re.IGNORECASE | re.MULTILINE):  # cased sets would need folding; "^" would start lines
        return None
    try:
        parsed = sre_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        chars = _required_chars(parsed.data)
    except ValueError:
        return None
    width = parsed.getwidth()[1]
    if chars is None or width > 64:
        return None
    return re.compile(_char_class(chars)), width


_WINDOWS = _badness_windows()
_BADNESS_CHAR_RE, _BADNESS_WIDTH = _WINDOWS if _WINDOWS is not None else (None, 0)
"""Every match of ftfy's BADNESS_RE holds a character `_BADNESS_CHAR_RE` matches (one of the mojibake symbols,
accented capitals, `«`, `“`, `€`, box drawing, ...) and is at most `_BADNESS_WIDTH` (7) characters long."""


def _pattern_classes(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """The character sets of a regex made of character classes one after another (`_class_chars`)."""
    classes = [_class_chars(item) for item in sre_parser.parse(pattern.pattern, pattern.flags).data]
    if pattern.flags & re.IGNORECASE or any(c is None for c in classes):
        raise ValueError(f"{pattern.pattern!r} is no run of character classes")
    return [c for c in classes if c is not None]


def _class_tests() -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """`_has_control` and `_mojibake_hint`: in C where the extension was built (`_speedups.holds_char`,
    `holds_pair`, over the characters the regexes' classes hold, read off the regexes themselves), which reads a
    body's characters in a table where `re` tests each against its class: a body is scanned for both, whole."""
    if speedups is None or not use_speedups:
        return (lambda text: _CONTROL_RE.search(text) is not None,
                lambda text: _MOJIBAKE_HINT_RE.search(text) is not None)

    def char_class(chars: frozenset[str]) -> object:
        assert speedups is not None
        return speedups.char_class("".join(sorted(chars)))

    (control,) = _pattern_classes(_CONTROL_RE)
    lead, follow = _pattern_classes(_MOJIBAKE_HINT_RE)
    return (partial(speedups.holds_char, char_class(control)),
            partial(speedups.holds_pair, char_class(lead), char_class(follow)))


_has_control, _mojibake_hint = _class_tests()
"""Whether a text holds a control character (`_CONTROL_RE`), and a mojibake hint (`_MOJIBAKE_HINT_RE`)."""


def _is_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, with BADNESS_RE searched only around the characters a match must hold.

    BADNESS_RE has no literal start, so `re` tries its forty alternatives at every position of the text: 0.4 µs
    a character, 12 ms for a page of 30,000, and it runs on every page with a mojibake hint (`fix_mojibake`),
    most of them clean. A match lies within `_BADNESS_WIDTH` characters of one of its required characters, so
    the windows around those hold every match, and a match in a window is one in the text (the regex reads
    nothing beyond what it matches but the text's start, which `search` with a position still sees as the
    start: `_required_chars`). Overlapping windows are searched as one; on the 21 dev texts that need the
    test it cost an eighth of the plain search.
    """
    if _BADNESS_CHAR_RE is None:
        return is_bad(text)
    width = _BADNESS_WIDTH
    search = BADNESS_RE.search
    first = last = 0  # the window being gathered, [first, last), empty so far; one for p < width starts at 0 too
    for m in _BADNESS_CHAR_RE.finditer(text):
        p = m.start()
        if p - width < last:  # this character's window [p - width + 1, p + width) meets the gathered one
            last = p + width
            continue
        if last > 0 and search(text, first, last):
            return True
        first, last = max(p - width + 1, 0), p + width
    return last > 0 and search(text, first, last) is not None


def fix_mojibake(text: str) -> tuple[str, list[str]]:
    """Undo text decoded with the wrong codec ("Ã©" -> "é"), when ftfy finds it."""
    # ASCII text holds neither a replacement character nor a hint (whose lead is U+00C2 or above), and
    # `isascii` costs nothing: the string knows it
    if text.isascii():
        return text, []
    if ("\ufffd" not in text and not _mojibake_hint(text)) or not _is_bad(text):
        return text, []
    fixed = ftfy.fix_text(text, _FTFY)
    return (fixed, ["mojibake"]) if fixed != text else (text, [])


def normalise_characters(text: str) -> tuple[str, list[str]]:
    """NFC, no-break spaces to spaces, zero-width and control characters dropped, tabs to spaces."""
    repairs: list[str] = []
    # The no-break and zero-width characters are looked for with `in` and replaced with `str.replace`, one
    # character at a time, not with a regex of each set: `in` of one character is a `memchr` (and free when the
    # character is wider than any the text holds), a regex tests each character of the text against its set.
    # Over every 5th dev page the step cost 0.6 of what the regexes (behind one scan for all the odd
    # characters) cost, 1% of the cleaner's time.
    if "\u00a0" in text or "\u2007" in text or "\u202f" in text:
        text = text.replace("\u00a0", " ").replace("\u2007", " ").replace("\u202f", " ")
        repairs.append("nbsp")
    if "\u200b" in text or "\u2060" in text or "\ufeff" in text or "\u00ad" in text:
        text = text.replace("\u200b", "").replace("\u2060", "").replace("\ufeff", "").replace("\u00ad", "")
        repairs.append("zero_width")
    if _has_control(text):
        text = _CONTROL_RE.sub("", text)
        repairs.append("control")
    if "\t" in text:
        text = text.replace("\t", " ")
        repairs.append("tab")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs.append("nfc")
    return text, repairs


def layout(text: str) -> tuple[str, list[str]]:
    """Strip lines, collapse runs of spaces, one blank line between paragraphs, none at the ends."""
    repairs: list[str] = []
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
        repairs.append("spaces")
    # Every line stripped (in C: `map` over a method) and each run of blank lines made one: a blank line
    # between paragraphs is "\n\n" once the lines are stripped, and more blank lines are more "\n".
    text = "\n".join(map(str.strip, text.split("\n")))
    if "\n\n\n" in text:
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip("\n"), repairs


def repair(text: str) -> tuple[str, list[str]]:
    """All repairs in order, with the names of those that changed something."""
    text, a = fix_mojibake(text)
    text, b = normalise_characters(text)
    text, c = layout(text)
    return text, a + b + c
