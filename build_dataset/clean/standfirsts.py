"""Which header line is the standfirst (`description`): a deck or a summary under the headline, and what
refuses one.

A standfirst (`description`) is read only under a trusted headline: a deck right below it, the text
glued to it, or a summary of a sentence or two printed right under it (a date, a reading time, an image
and its credit may lie between) above the byline or dateline, also when that summary was taken for the
body's first paragraph (the byline's block right below it, past an image's caption and credit, or a row of
share buttons with the article going on below; a summary of three sentences when the article goes on
below the byline; the body keeps it then), and a deck that the body's start passed over, right above the
body (the body keeps it too). It is refused when it is the headline again (in any case, with a kicker,
restated), an image's caption (a credit inside it or on the next line), an item of a list (a bullet, an
indented line), a link, a breadcrumb or glued menu items; a refused line, too, stays where the line model
put it. None is better than a wrong standfirst.

The header reader that asks these questions is `metadata.read_header`; the headline's rules are in
`headlines`.
"""

from __future__ import annotations

import re

from build_dataset.clean.bylines import (
    byline_names,
    not_names,
)
from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.cues import cue_reason
from build_dataset.clean.dates import (
    publication_date,
)
from build_dataset.clean.header_lines import (
    BYLINE_PREFIX,
    PROSE_END,
    STANDFIRST_MAX_CHARS,
    STANDFIRST_MIN_CHARS,
    Header,
    is_dateline,
    prose,
)
from build_dataset.clean.headlines import (
    _GLUED,
    _IMAGE_CUES,
    _META_CUES,
    _SKIP_CUES,
    _STEM,
    LIST_INDENT,
    _glued_to,
    _photo_credit,
)
from build_dataset.clean.lines import WORD_RE, Line

_END_PUNCT = ".!?。…:;"


def _strip_end(s: str) -> str:
    return s.rstrip(_END_PUNCT + " ")


def _glued_parts(line: str, title: str) -> tuple[int, int, str] | None:
    """Where the standfirst lies in a line that is the headline with 30 or more characters glued to it
    (start, end, which comes first); None when the line is not such a line."""
    if len(line) > len(title) + 30 and line.endswith(title):
        return 0, len(line) - len(title), "standfirst_first"
    if len(line) > len(title) + 30 and line.startswith(title):
        return len(title), len(line), "title_first"
    return None
STANDFIRST_GAP_LINES = 3
"""How many header lines (a date, a reading time, an image and its credit, the headline again) may lie
between a headline and its standfirst: a summary printed farther down is another block's."""
RESTATED_SHARE = 0.75
"""A line holding this share of the headline's content words says the headline again (with a kicker or
in other words); a standfirst adds to the headline, and shares a word or two with it."""
RESTATED_MAX_LENGTH = 1.5
"""...when it is at most this many times the headline's length: a longer summary names all it names."""
_STANDFIRST_NOT = re.compile(
    r"://|www\.|@\w+\."             # a URL or an e-mail address: a notice, a link list
    r"|\s(?:>|»|›|→|\\+)(?:\s|$)|^>|>>"  # a breadcrumb's or a link's arrow or backslash ("Home » News »",
                                         # ">> Mehr zum Thema", "Seite 1 \\ Chapter")
    r"|\s/[^\W\d_][^/]{0,40}$"      # an agency or a licence after a slash ("... /PAP", "/public domain"):
    #                                  an image's caption with its credit
    r"|\s/\s.*\s/(?:\s|$)",          # a trail of slashes, a breadcrumb cut before its last item ("Sie sind
    re.IGNORECASE,                   # hier: Startseite / ÖBFV /", the headline printed after it)
)
"""Shapes no standfirst has, on any site: links, breadcrumbs and a caption's credit."""


def _standfirst_text(text: str, title: str, *, day_first: bool | None) -> bool:
    """Whether a text can be the standfirst under headline `title`: not the headline again (in any case,
    with a kicker glued on, or restated), not a caption (its cue or credit inside), a link, a breadcrumb,
    a menu's items glued together, or a line of header fields with a date and no sentence's end."""
    low, head = text.casefold(), title.casefold()
    if head in low or _STANDFIRST_NOT.search(text) or "©" in text or cue_reason(text) == "caption":
        return False
    if len(_GLUED.findall(text)) >= 2:  # "WeatherU.S. & WorldPoliticsTexas": menu items printed glued
        return False
    # "Jane Roe Politics 20 janvier 2020"
    if text[-1:] not in PROSE_END and publication_date(text, day_first=day_first) is not None:
        return False
    if len(text) > RESTATED_MAX_LENGTH * len(title):  # a long summary may name all the headline names
        return True
    title_words = {w[:_STEM] for w in WORD_RE.findall(head) if len(w) > 3}
    shared = title_words & {w[:_STEM] for w in WORD_RE.findall(low)}
    return len(title_words) < 3 or len(shared) < RESTATED_SHARE * len(title_words)


def _standfirst_line(lines: list[Line], verdicts: list[Verdict], i: int, title: str, *, day_first: bool | None) -> bool:
    """Whether line `i` can be the standfirst under headline `title`: its text can (`_standfirst_text`),
    it is no item of a list (a bullet, an indented line) and no image's caption (a photo credit on the
    next line: past share buttons and an image, a credit is the next caption's)."""
    ln = lines[i]
    if ln.bullet or ln.start - ln.line_start >= LIST_INDENT \
            or not _standfirst_text(ln.body, title, day_first=day_first):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].text:
        j += 1
    return j >= len(lines) or not _photo_credit(lines[j], verdicts[j])


def _below_headline(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int, title: str, *,
                    day_first: bool | None) -> bool:
    """Whether header line `k` is printed under headline `title`: only a date, a reading time, a counter,
    an image and its credit or the headline again lie between them, STANDFIRST_GAP_LINES at most. A
    summary below a menu, a tag list, a bio or a subheading is another block's text."""
    gap = 0
    for j in range(k - 1, -1, -1):
        ln, v = lines[header[j]], verdicts[header[j]]
        if ln.body == title or _glued_to(ln.body, title):
            return True
        if ln.markup:
            continue
        header_line = is_dateline(ln, day_first=day_first) or _photo_credit(ln, v) \
            or not any(c.isalpha() for c in ln.body) \
            or (ln.words <= 3 and any(c.isdigit() for c in ln.body))
        gap += 1
        if not header_line or gap > STANDFIRST_GAP_LINES:
            return False
    return False


STANDFIRST_BYLINE_LINES = 8
"""How many lines below a standfirst the byline's or dateline's block may start (past share buttons, a
byline's initials, a name's links): farther down, a date is another block's."""
BYLINE_BLOCK_WORDS = 5
"""Lines this short between a standfirst and its byline or dateline are that block's (initials, a
"Follow" link, a share button); a longer one is a heading or a caption, another block's."""
SHARE_BUTTONS = 1
"""A share button ("Artikel teilen", "Drucken") or a row of them between a summary and the rest of the
article ends the header as a byline does. (On the dev pages a row of two or more gave 4 standfirsts, a
single button 2 more, all right by reading.)"""
SHARE_BAR_LINES = 10
"""A share bar's buttons do not count among the byline's block's lines; more than this many is a list."""
BUTTON_ROW_WORDS = 8
"""A line the line model removed that holds no sentence and at most this many words is of the byline's
block too (a row of buttons: "Link zur Diskussion Zu Favoriten hinzufügen")."""
SUMMARY_MAX_CHARS = 400
"""A summary above the byline's block may run to three sentences (a news site's teaser of 300 to 400
characters): longer than STANDFIRST_MAX_CHARS, it is taken only when the article goes on below that block
(`_body_below`), since a short post's only paragraph may stand above a date as well. (On the dev pages this
gave 11 standfirsts, all right by reading.)"""
IMAGE_BLOCK_LINES = 6
"""How many lines of an image's block (its caption printed twice, its credit, an advertisement's label)
may lie between a standfirst and its byline, besides the STANDFIRST_BYLINE_LINES of that block. (With the
prefixed line and the row of buttons, BUTTON_ROW_WORDS, this gave 6 dev pages their standfirst, all right
by reading.)"""
BODY_BELOW_LINES = 15
"""How far below the byline's block the article's next paragraph is sought (`_body_below`)."""


def _image_block_line(lines: list[Line], verdicts: list[Verdict], j: int) -> bool:
    """Whether line `j`, below a standfirst, is of an image's block that news pages print between the
    standfirst and the byline: a caption or credit, an advertisement's label, or a line the line model
    removed that is printed twice in a row (an image's alt text and its caption)."""
    if verdicts[j].cue in _IMAGE_CUES:
        return True
    if verdicts[j].cls == GOOD:
        return False
    body = lines[j].body
    return any(0 <= k < len(lines) and lines[k].body == body
               for k in (_next_text(lines, j, -1), _next_text(lines, j, 1)))


def _next_text(lines: list[Line], j: int, step: int) -> int:
    """The index of the nearest non-blank line from `j` in direction `step` (-1 on none above)."""
    k = j + step
    while 0 <= k < len(lines) and not lines[k].text:
        k += step
    return k


def _body_below(lines: list[Line], verdicts: list[Verdict], j: int) -> bool:
    """Whether the article goes on below the byline's block ending near line `j`: a kept line of prose of
    eight words or more within BODY_BELOW_LINES non-blank lines (past share buttons, tags, an image)."""
    seen = 0
    for k in range(j + 1, len(lines)):
        if not lines[k].text:
            continue
        seen += 1
        if seen > BODY_BELOW_LINES:
            return False
        if verdicts[k].cls == GOOD and lines[k].words >= 8 and prose(lines[k]):
            return True
    return False


def _real_byline(ln: Line, names: list[str] | None, title: str) -> bool:
    """Whether a byline-shaped line below a summary names real people (`not_names`: "Our Partners" heads a
    box, no byline), and, without a prefix, none of the headline's words: a subheading of capitalised words
    that says the headline's subject again ("Bee Simulator Mehrspieler" under "Bee Simulator Multiplayer
    Splitscreen") is the body's own, and the summary above it the article's first paragraph."""
    if not names or not_names(ln, names):
        return False
    headline_words = set(WORD_RE.findall(title.casefold()))
    return bool(BYLINE_PREFIX.match(ln.body)) \
        or not any(w in headline_words for n in names for w in WORD_RE.findall(n.casefold()))


def _standfirst_above_byline(lines: list[Line], verdicts: list[Verdict], header: list[int], start: int, title: str,
                             stoplist: frozenset[str], *, day_first: bool | None) -> bool:
    """Whether the body's first paragraph (line `start`) is the standfirst printed above the byline's
    block: a sentence or two of a standfirst's length and shape (`_standfirst_line`) right under headline
    `title` (`_below_headline`), with a dateline or a byline of real names (`_real_byline`) within
    STANDFIRST_BYLINE_LINES lines below it and only that block's lines between: short ones
    (BYLINE_BLOCK_WORDS: initials, a label, a button), a prefixed one ("By Staff reports"), a row of
    buttons the line model removed (BUTTON_ROW_WORDS), and an image's block (`_image_block_line`,
    IMAGE_BLOCK_LINES at most). Share buttons (SHARE_BUTTONS, SHARE_BAR_LINES at most) with the article going
    on right below them say the same as a byline. A summary of three sentences (SUMMARY_MAX_CHARS) is taken when the
    article goes on below the block (`_body_below`). The article's own first paragraph follows its byline;
    a summary above the byline is the standfirst. (The line model keeps such a line as body, and the seed
    gold keeps a standfirst in the body too, so it is recorded and left there.)"""
    if start >= len(lines) or verdicts[start].cls != GOOD:
        return False
    ln = lines[start]
    if ln.words < 8 or not STANDFIRST_MIN_CHARS <= ln.length <= SUMMARY_MAX_CHARS or not prose(ln) \
            or verdicts[start].cue in _SKIP_CUES \
            or not _standfirst_line(lines, verdicts, start, title, day_first=day_first) \
            or not _below_headline(lines, verdicts, [*header, start], len(header), title, day_first=day_first):
        return False
    seen = image = shares = 0
    for j in range(start + 1, len(lines)):
        below = lines[j]
        if not below.text:
            continue
        if image < IMAGE_BLOCK_LINES and _image_block_line(lines, verdicts, j):
            image += 1
            continue
        if verdicts[j].cue == "social":  # a share bar's buttons, as many as the site offers
            shares += 1
        else:
            seen += 1
        if seen > STANDFIRST_BYLINE_LINES or shares > SHARE_BAR_LINES:
            return False
        if is_dateline(below, day_first=day_first) or _real_byline(below, byline_names(below, stoplist), title):
            # (a summary longer than a sentence or two only when the article goes on below the block)
            return ln.length <= STANDFIRST_MAX_CHARS or _body_below(lines, verdicts, j)
        if not (below.markup or verdicts[j].cue in _META_CUES or below.words <= BYLINE_BLOCK_WORDS
                or BYLINE_PREFIX.match(below.body)
                or (verdicts[j].cls != GOOD and below.words <= BUTTON_ROW_WORDS and not prose(below))):
            # the block ends: a row of share buttons under the summary, the article going on below it
            return shares >= SHARE_BUTTONS and verdicts[j].cls == GOOD and below.words >= 8 and prose(below)
    return False


DECK_WORDS = 7
"""A deck (subtitle) under a headline is a phrase or a sentence of at least this many words; a shorter
line there is a kicker, a label, a button or an advertisement's question ("Sie suchen ein Haus?").
(`_deck_above_body` gave 16 dev pages their standfirst, 15 right by reading; the wrong one is an image's
caption whose credit, "Screenshots: Instagram/ X", no cue names.)"""


def _deck_above_body(lines: list[Line], verdicts: list[Verdict], header: list[int], start: int, title: str,
                     reasons: dict[int, str], *, day_first: bool | None) -> int | None:
    """The index of a deck printed right under headline `title` and right above the body (line `start`):
    a kept line of DECK_WORDS words or more and a standfirst's length and shape (`_standfirst_line`), with
    only share buttons, copies of the headline and the byline's and dateline's lines (`reasons`) above it,
    and only removed lines (a byline, a dateline, an image and its caption) between it and the body. The
    body's start rules passed it over (no sentence's end, or no paragraph on its own), so it is the
    header's; the body keeps it where the line model put it. Refused: a line below an image (its
    caption), one with a caption or a credit below it or that goes on with the line above it (an image's
    alt text and its caption), a w3m mark or a place and a date in parentheses (`_NOT_DECK`), a headline
    in title case (`_title_cased`), a date."""
    top = max((i for i in header if lines[i].body == title), default=start)  # the headline's last copy
    below = [i for i in header if i > top]
    below = [i for i in below if not (lines[i].body == title or _deck_filler(lines[i], verdicts[i])
                                      or reasons.get(i) in ("byline", "dateline"))]
    if not below:
        return None
    i = below[0]
    ln = lines[i]
    if verdicts[i].cls != GOOD or i in reasons or ln.words < DECK_WORDS or ln.length > STANDFIRST_MAX_CHARS \
            or verdicts[i].cue in _SKIP_CUES or _NOT_DECK.search(ln.body) or _title_cased(ln.body) \
            or is_dateline(ln, day_first=day_first) or publication_date(ln.body, day_first=day_first) is not None \
            or not _standfirst_line(lines, verdicts, i, title, day_first=day_first):
        return None
    prev = _next_text(lines, i, -1)
    if prev >= 0 and ln.body.startswith(lines[prev].body):  # an image's alt text, then its caption
        return None
    nxt = _next_text(lines, i, 1)
    if nxt < len(lines) and (verdicts[nxt].cue == "caption" or _photo_credit(lines[nxt], verdicts[nxt])):
        return None
    if any(verdicts[j].cls == GOOD for j in below[1:]):
        return None
    return i


_NOT_DECK = re.compile(r"\[|^\(.*\)$")
"""A w3m mark (an image's, a form's, an audio player's) or a line in parentheses (a place and a date)."""
_TITLE_WORD = re.compile(r"\b\w{4,}")
TITLE_CASE_WORDS = 4


def _title_cased(text: str) -> bool:
    """Whether every word of four letters or more of a line is capitalised ("Want to See a More Diverse
    Community"): a headline in title case, of this story or another; a deck is written as a sentence."""
    words = [w for w in _TITLE_WORD.findall(text) if not w.isdigit()]
    return len(words) >= TITLE_CASE_WORDS and all(w[0].isupper() for w in words)


def _deck_filler(ln: Line, v: Verdict) -> bool:
    """Whether a line between a headline and its deck is furniture the deck may lie past: a share button,
    a row of symbols (not an image: the line below an image is its caption)."""
    return (v.cue in _META_CUES and not (ln.markup and "[" in ln.body)) or cue_reason(ln.body) == "social"


def standfirst_repeat(lines: list[Line], head: Header, start: int) -> bool:
    """Whether the first body paragraph repeats the standfirst (then the body keeps it once)."""
    if not head.description or start >= len(lines):
        return False
    return _strip_end(lines[start].body) == _strip_end(head.description)
