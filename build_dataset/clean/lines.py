"""Split a text dump into lines with their offsets and the cheap shape features the classifier reads.

A w3m/lynx dump renders each block element as one line (or a few for `<br>`), so the line is the unit
of the cleaner: every decision is made per line and every removed span is a run of whole lines (or a
part of one, for glued headlines). Features are computed once, with plain string methods, because the
cleaner must run at hundreds of pages per second.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

BULLETS = "•·□◦▪■▸►▶‣○●◆◇▫➤→*-–—+"
SENTENCE_END = ".!?。！？…:;\"'”’»)]؟।"
_WIDE_RE = re.compile(r"[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_BRACKET_TOKEN_RE = re.compile(r"\[[^\]]{0,80}\]")
_FORM_RE = re.compile(r"\[ {3,}\]|\[[ xX*]\]|\(\*?\)|\[ ?(?:Submit|Send|OK|Go|Search)[^\]]*\]")
_DATE_RE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b"
)
_SEPARATED_ITEMS_RE = re.compile(r"\s(?:\||·|•|/|»|›|>|::)\s")
_URLISH_RE = re.compile(r"https?://|www\.|\.(?:com|de|org|net|html?|php)\b|@\w+\.")
_KEY_DIGITS = str.maketrans("0123456789", "0000000000")
_KEY_STRIP = " \t•·□◦▪■▸►▶‣○●◆◇▫➤→*-–—+|:;,.!?()[]{}\"'“”„‘’«»"
WORD_RE = re.compile(r"\w+")
STOP_SAMPLE_CHARS = 600
"""Stopword density of a long line is measured on its first characters: enough to tell prose."""


@dataclass(slots=True)
class Line:
    """One line of the dump: where its text sits in the raw string and what it looks like."""

    index: int
    start: int          # offset of the first non-space character (== end for a blank line)
    end: int            # offset after the last non-space character
    line_start: int     # offset of the line's first character
    line_end: int       # offset of the line's "\n" (or len(raw))
    text: str           # the line stripped of surrounding whitespace
    body: str           # `text` without a leading bullet
    bullet: bool
    length: int         # length of `body`, wide (CJK) characters counted three times
    words: int
    sentence_end: bool  # ends like a sentence
    sentences: int      # sentence-ending marks followed by a space, plus a final one
    stop_density: float = 0.0
    upper_words: float = 0.0  # share of words starting with a capital
    dated: bool = False
    markup: bool = False      # only w3m renderings of images, buttons or form fields
    separated: int = 0        # " | ", " · ", " > " separators: menus and breadcrumbs
    urlish: bool = False
    tokens: list[str] | None = None  # words of the body (of its first characters when long)

    @property
    def blank(self) -> bool:
        return not self.text


def line_key(line: str) -> str:
    """Normalised form of a line for counting furniture across pages of one outlet.

    Case, digits (counters, dates), bullets and edge punctuation vary between pages while the
    furniture stays the same, so they are folded away; Unicode compatibility forms too.
    """
    key = unicodedata.normalize("NFKC", line).casefold().translate(_KEY_DIGITS)
    return " ".join(key.split()).strip(_KEY_STRIP)


def _shape(index: int, raw: str, line_start: int, line_end: int) -> Line:
    seg = raw[line_start:line_end]
    text = seg.strip()
    if not text:
        return Line(index, line_end, line_end, line_start, line_end, "", "", False, 0, 0, False, 0)
    lead = len(seg) - len(seg.lstrip())
    start = line_start + lead
    end = start + len(text)
    body = text
    bullet = False
    if text[0] in BULLETS and (len(text) == 1 or text[1] in " \t" or text[0] in "•·□◦▪■▸►▶‣○●◆◇▫➤→"):
        bullet = True
        body = text.lstrip(BULLETS + " \t")
    n = len(body)
    wide = 0
    if not body.isascii():
        wide = len(_WIDE_RE.findall(body[:400]))
        if n > 400:
            wide = wide * n // 400
    length = n + 2 * wide
    sample = body if n <= STOP_SAMPLE_CHARS else body[:STOP_SAMPLE_CHARS]
    toks = WORD_RE.findall(sample)
    words = len(toks) if n <= STOP_SAMPLE_CHARS else int(len(toks) * n / STOP_SAMPLE_CHARS)
    upper = sum(1 for t in toks if t[0].isupper()) / len(toks) if toks else 0.0
    last = body[-1] if body else ""
    sentences = body.count(". ") + body.count("! ") + body.count("? ") + body.count("。")
    if last in ".!?。！？…":
        sentences += 1
    markup = bool(body) and not _BRACKET_TOKEN_RE.sub("", body).strip(" *|") or bool(_FORM_RE.search(body))
    return Line(
        index=index, start=start, end=end, line_start=line_start, line_end=line_end, text=text,
        body=body, bullet=bullet, length=length, words=words, sentence_end=last in SENTENCE_END,
        sentences=sentences, upper_words=upper, tokens=toks,
        dated=n < 80 and bool(_DATE_RE.search(body)), markup=markup,
        separated=len(_SEPARATED_ITEMS_RE.findall(body)) if n < 300 else 0,
        urlish=n < 200 and bool(_URLISH_RE.search(body)),
    )


def split_lines(raw: str) -> list[Line]:
    """The lines of `raw` with offsets and features; their spans cover `raw` with the newlines."""
    lines: list[Line] = []
    pos = 0
    n = len(raw)
    i = 0
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            nl = n
        lines.append(_shape(i, raw, pos, nl))
        i += 1
        pos = nl + 1
    return lines


def language_sample(lines: list[Line], min_length: int = 60, max_lines: int = 60) -> str:
    """Text of the page's longer lines, the ones most likely prose, to choose a stoplist from."""
    picked = [ln.body for ln in lines if ln.length >= min_length][:max_lines]
    return " ".join(picked) if picked else " ".join(ln.body for ln in lines[:200])


def add_stop_density(lines: list[Line], stoplist: frozenset[str]) -> None:
    """Fill each line's share of stopwords among its words (0 without a stoplist)."""
    if not stoplist:
        return
    for ln in lines:
        toks = ln.tokens
        if toks:
            ln.stop_density = sum(1 for t in toks if t.lower() in stoplist) / len(toks)
