"""What a header line is: the record of a page's header and the line shapes every header reader tests.

The readers of the headline and standfirst (`metadata`), the byline (`bylines`), the section
(`sections`) and the publication date (`published`) all ask whether a line is prose, a dateline, a
prefixed byline or a text printed twice, and how far above the body the header reaches; those answers
live here, once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from build_dataset.clean.dates import DATELINE_WORDS, LEADING_DATELINE_WORD, holds_digit, parse_date, publication_date
from build_dataset.clean.lines import Line

HEADER_LINES = 30
"""Only this many non-blank lines above the body are searched: headers are short, menus are long."""


def header_lines(lines: list[Line], start: int) -> list[int]:
    """The last HEADER_LINES non-blank lines above line `start`, in page order: the header's lines. When the
    HEADER_LINES lines right above it are all non-blank (`split_lines` makes no blank line), they are those, and
    the lines above them, a page's menus (the body starts 75 lines down on average), are not read."""
    low = max(0, start - HEADER_LINES)
    near = [k for k in range(low, start) if lines[k].text]
    if len(near) == start - low:
        return near
    return [k for k in range(start) if lines[k].text][-HEADER_LINES:]


STANDFIRST_MIN_CHARS = 60
STANDFIRST_MAX_CHARS = 250
"""A standfirst is a sentence or two; a longer paragraph above the byline is the article's own first
paragraph (often its only one, on a short post), which the body must keep."""


_PREFIX_WORDS = (
    r"escrit[oa] por|geschrieben von|verfasst von|(?:eine?\s+)?(?:kolumne|kommentar|gastbeitrag|beitrag|artikel)\s+von|"
    r"text (?:von|und interview)|posted by|published by|"
    r"by|von|par|por|di|door|av|af|autor(?:in)?|author|written by|text|texte|auteur|"
    r"автор|авторы|автори|авторка|текст|аўтар|аўтары|аўтарка|тэкст"
)
"""A byline's prefix: a word ("By", "Von", "Autor"), or a phrase that credits the writing ("Escrito por",
"Eine Kolumne von", "Text und Interview:"; tried first, so that "Text von Jane Roe" is not read as "Text"
and "von Jane Roe"). On the dev pages the phrases, with a gap of spaces ending the names, gave 5 pages
their authors, all right by reading, and one a right standfirst above its byline; no title, date or
section moved."""
_PREFIX_INITIALS = "abdegkptvwат"
"""The letters a byline's prefix starts with (`_PREFIX_WORDS`, "eine" too). The header's rules ask whether
every line they read opens with a prefix, and most lines open otherwise: a lookahead for one of these
letters rules a line out at the cost of one test, where each of the thirty-odd words would be tried
(as `dates.DATELINE_WORDS` does). It refuses no line a word matches: ignoring case, a class folds a
letter as a literal does (the Kelvin sign is a "k" to both; tests/test_clean_header_fast_paths.py
checks that every word's first letter is here)."""
BYLINE_PREFIX = re.compile(rf"^(?=[{_PREFIX_INITIALS}])(?:{_PREFIX_WORDS})\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
BARE_PREFIX = re.compile(rf"^(?=[{_PREFIX_INITIALS}üz])(?:{_PREFIX_WORDS}|authors?|auteurs?|autoren|"
                         r"about the authors?|über (?:den|die) autor(?:in|en)?(?:\s*/\s*die autorin)?|"
                         r"zu[mr] autor(?:in)?)\s*:?$", re.IGNORECASE)
"""A byline's prefix alone on its line, the names on the next ("Auteur" / "Jane Roe", a list of
definitions' label and value), or an author box's heading ("About the author", "Published By" / "Jane
Roe"). (The headings gave 3 dev pages their authors, all right by reading, each a box right below the
article's last paragraph; a box farther down is read only under a heading the page prints once:
`bylines._author_box`.)"""


PROSE_END = ".!?。！？…\"'”’»)"
OPENING_AS_CLOSING = "“‘«"
"""Quotation marks that close a quote in some languages and open one in others (German „…“ and ‚…‘,
Danish »…«): a line ending with one ends like prose only past a sentence's end (`prose`)."""


@dataclass
class Header:
    """What the header holds, and the reason each of its lines (or line parts) is removed for."""

    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    section: str | None = None
    reasons: dict[int, str] = field(default_factory=dict)
    splits: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    """Line index -> [(start, end, reason)] for a line removed in parts (headline glued to standfirst)."""
    unnamed: set[int] = field(default_factory=set)
    """Lines of the byline's slot whose names were refused ("Your Account", "Primary Menu"): header lines, removed,
    but no byline: a removed span names them by the line's own reason (`page._apply_header`), not "byline",
    which says its names are the authors."""


def prose(ln: Line) -> bool:
    """Whether a line ends like a sentence (or a quote, a bracket): prose, not a label or a heading.

    A German quote closes with "“" (OPENING_AS_CLOSING): a paragraph that ends with one ends with a
    sentence's end inside it ("… die Nerven zu verlieren?“"), a headline ending with a quoted word
    ("Bundespräsident sieht „Radikalisierung“") has none. On the dev pages this gave 2 titles where main
    gave none, both the headline by reading (a first paragraph ending so was read as no prose, and the
    body started below it); taking the marks as PROSE_END takes "”" lost 2 right titles ending with a
    quoted phrase."""
    end = ln.body[-1:]
    return bool(end) and (end in PROSE_END or end in OPENING_AS_CLOSING and ln.body[-2:-1] in ".!?…")


DATELINE_MAX_CHARS = 120
"""Longest dateline: a date with its cue, time, time zone and an update's date ("Published: 22:00 GMT,
26 September 2020 | Updated: 08:39 GMT, 28 September 2020"); a longer line is a sentence that holds a date."""


DATELINE_MAX_WORDS = 16
"""Most words of a dateline that holds a header's other fields ("Freitag | 14. Juni 2019 | 15:49 VON
Jane Roe IN Fashion | 0 COMMENTS", "Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020 06.07 GMT")."""


DATELINE_FIELDS = 2
"""Separators (" | ", " / ", " · ") that make a dated line a line of fields rather than a phrase."""


_LEADING_DATE_FIELD = re.compile(r"^\W*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s*\d{1,2}[:.h]\d\d)?\s+[|·•–—-]\s")
"""A numeric date (and time) opening a line as its first field, a separator after it ("28.04.2021 - 07:18 |
Quelle: dpa-AFX | Lesedauer etwa 4 min. | Text vorlesen"): the line is a dateline however many words
its other fields add (eighteen on a dev page that was left undated)."""


def is_dateline(ln: Line, *, day_first: bool | None) -> bool:
    """Whether a line is a dateline: a few words with a date, or a line opened by a publication or update
    word ("Published:", "Veröffentlicht am") or by a numeric date and a separator (`_LEADING_DATE_FIELD`)
    that writes a full date (a time, a time zone and an update's date make such a line long in words but
    not in characters), or a line of header fields with a full date, a publication word or separators,
    and no sentence's end. `day_first` is the page's order of slashed dates (`slashed_order`), which
    reading the line's date needs. (Read once for a line's body and shape: `_dateline`.)"""
    return _dateline(ln.body, ln.length, ln.words, ln.dated, ln.separated, day_first=day_first)


@lru_cache(maxsize=4096)
def _dateline(body: str, length: int, words: int, dated: bool, separated: int, *, day_first: bool | None) -> bool:
    """`is_dateline` of a line of this body, length, word count, date mark and separators, cached as
    `cues.cue_reason` is: a page's header readings and rules ask of the same lines again (2 asks in 5 on
    the dev pages), and a site's pages print the same lines."""
    if length > DATELINE_MAX_CHARS or numbered_item(body):
        return False
    # a date glued to the next word ("2.03.2018von Jane Roe") is no date to the line's word-bounded test
    if words <= 10 and (dated or parse_date(body, day_first=day_first) is not None):
        return True
    if not holds_digit(body):  # (four lines in five: each test below but the word's reads a full date)
        return words <= 12 and DATELINE_WORDS.search(body) is not None
    cue = DATELINE_WORDS.search(body)
    if cue is not None and words <= 12:
        return True
    if LEADING_DATELINE_WORD.match(body) is not None or _LEADING_DATE_FIELD.match(body) is not None:
        return publication_date(body, day_first=day_first) is not None
    # a header's line of fields (rubric | author | date | comments): long in words, but no sentence
    fields = cue is not None or separated >= DATELINE_FIELDS
    return fields and words <= DATELINE_MAX_WORDS and not (body and body[-1] in PROSE_END) \
        and publication_date(body, day_first=day_first) is not None


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+([^\W\d_]+)")


def numbered_item(body: str) -> bool:
    """Whether a line opens with a list's number and a word that is no month ("1. Approval of the
    minutes of 5 August 2019", "2) Budget"): an item of an agenda or a list of steps, which may hold a
    date but is no dateline ("3. Mai 2021" is a date). (The date tried is a month's name between two
    numbers, which no page's order of slashed dates changes: `day_first` is None.)"""
    m = _NUMBERED.match(body)
    return m is not None and parse_date(f"1 {m.group(1)} 2000", day_first=None) is None


REPEATED = re.compile(r"^(?P<x>.{4,}?)\s*(?P=x)$")
"""A text printed twice, glued or spaced ("Egan Bernal Egan Bernal"): an image's alt text and its
caption, not a byline or a rubric."""
