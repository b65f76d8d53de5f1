"""Repair the kept text without changing what it says, and name each repair made.

Like `ftfy.fix_and_explain`, each function returns the text and the repairs it applied. Only repairs
that keep meaning are made: mojibake (ftfy, with quote uncurling, width folding and HTML unescaping
switched off because those change what was written), Unicode NFC, no-break and zero-width spaces,
control characters, runs of spaces, and paragraph layout.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
_NBSP_RE = re.compile("[\u00a0\u2007\u202f]")
_ZERO_WIDTH_RE = re.compile("[\u200b\u2060\ufeff\u00ad]")
"""Invisible characters that only break words apart for search; ZWJ/ZWNJ carry meaning, so stay."""
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TAB_RE = re.compile("\t")
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
_ODD_CHARACTER_RE = re.compile("[\u00a0\u2007\u202f\u200b\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Any character the no-break, zero-width or control regex replaces or drops: most texts hold none, and one scan
for all of them is cheaper than three."""


def fix_mojibake(text: str) -> tuple[str, list[str]]:
    """Undo text decoded with the wrong codec ("Ã©" -> "é"), when ftfy finds it."""
    # ASCII text holds neither a replacement character nor a hint (whose lead is U+00C2 or above), and
    # `isascii` costs nothing: the string knows it
    if text.isascii():
        return text, []
    if ("\ufffd" not in text and not _MOJIBAKE_HINT_RE.search(text)) or not is_bad(text):
        return text, []
    fixed = ftfy.fix_text(text, _FTFY)
    return (fixed, ["mojibake"]) if fixed != text else (text, [])


def normalise_characters(text: str) -> tuple[str, list[str]]:
    """NFC, no-break spaces to spaces, zero-width and control characters dropped, tabs to spaces."""
    repairs: list[str] = []
    if _ODD_CHARACTER_RE.search(text):
        if _NBSP_RE.search(text):
            text = _NBSP_RE.sub(" ", text)
            repairs.append("nbsp")
        if _ZERO_WIDTH_RE.search(text):
            text = _ZERO_WIDTH_RE.sub("", text)
            repairs.append("zero_width")
        if _CONTROL_RE.search(text):
            text = _CONTROL_RE.sub("", text)
            repairs.append("control")
    if "\t" in text:
        text = _TAB_RE.sub(" ", text)
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
