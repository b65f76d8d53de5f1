"""Find the headline, standfirst, byline, dateline and section in the lines above the article body.

Article pages share a header shape across sites and languages: a section or breadcrumb, the headline
(often printed more than once, sometimes glued to the standfirst), the standfirst, the byline and a
dateline, then the body. The header is everything above the first body paragraph; the signals are
repetition (a headline recurs, truncated or glued), position (the headline is the last title-like
line before the body) and shape (a byline is a few capitalised words, a dateline holds a date).

This module reads: `read_header` reads the whole header above the body's first paragraph, and
`header_and_body` finds that paragraph and reads the header again lower down when no headline stands above
it. The rules it asks are in their own modules: which line is the headline in `headlines` (a title is given
only on evidence that it heads this article: a wrong title is worse than none), which is the standfirst in
`standfirsts`, the byline's in `bylines`, the section's in `sections` and the publication date's positions
in `published`. The shapes every one of them tests (a dateline, a prefixed byline, prose, a text printed
twice) are in `header_lines`.
"""

from __future__ import annotations

import re

from build_dataset.clean.bylines import (
    byline_beside_dateline,
    byline_names,
    byline_with_fields,
    caption_name,
    dateline_names,
    first_name_above_dateline,
    first_name_below_dateline,
    is_prefixed,
    name_above_dateline,
    name_in_dateline,
    not_names,
    person_name,
    prefixed_byline_wins,
    pseudo_byline,
    read_byline_below,
    real_prefixed_names,
    stacked_byline,
    under_bare_prefix,
    wire_credit,
)
from build_dataset.clean.classify import GOOD, NEARGOOD, Verdict
from build_dataset.clean.cues import compound_phrase, cue_reason
from build_dataset.clean.dates import (
    first_date,
    holds_digit,
    lines_slashed_order,
    publication_date,
)
from build_dataset.clean.header_lines import (
    BYLINE_PREFIX,
    HEADER_LINES,
    STANDFIRST_MAX_CHARS,
    STANDFIRST_MIN_CHARS,
    Header,
    header_lines,
    is_dateline,
    prose,
)
from build_dataset.clean.headlines import (
    _SKIP_CUES,
    HEADER_SHAPED_SHARE,
    NAME_SHAPED_SHARE,
    NAMES_BODY_SHARE,
    REPEAT_MIN_CHARS,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    TITLE_MIN_CHARS,
    _alt_text,
    _below_paragraphs,
    _between_figures,
    _body_sample,
    _content_words,
    _credited,
    _crumb_tail,
    _cut_caption,
    _dated_block,
    _deck,
    _deck_after,
    _glued_menu,
    _glued_to,
    _header_shaped,
    _headline_above_byline,
    _headline_above_image,
    _headline_shape,
    _image_words,
    _in_caption,
    _in_field_list,
    _in_list_item,
    _labelled_item,
    _menu_item,
    _name_shaped,
    _names_body,
    _nearest_headlines,
    _notice,
    _numbered_crumb_above,
    _printed_above,
    _repeated_headlines,
    _Reread,
    _sentence,
    _short_once,
    _site_banner,
    _teaser,
    comments_quote,
)
from build_dataset.clean.lines import Line
from build_dataset.clean.published import (
    date_beside_headline,
    in_date_list,
    names_event,
    publication_before_update,
    stated_publication_below,
)
from build_dataset.clean.sections import (
    _BREADCRUMB_SEP,
    breadcrumb_above,
    closing_rubric,
    crumbs,
    dateline_section,
    glued_crumbs,
    labelled_rubric,
    ordered_items,
    rubric_slot,
    section_of,
)
from build_dataset.clean.standfirsts import (
    STANDFIRST_BYLINE_LINES,
    _below_headline,
    _deck_above_body,
    _glued_parts,
    _standfirst_above_byline,
    _standfirst_line,
    _standfirst_text,
    _strip_end,
)
from build_dataset.clean.stoplists import language_of

HEADER_REPEAT_WINDOW = 8
"""How far below the first paragraph a repeated headline still marks that paragraph as header."""


def body_start(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int) -> int:
    """Index of the first body paragraph: the first kept line in the region that reads as prose.

    When a line above it is printed again shortly after it (the headline repeated below a standfirst
    and a byline), that first "paragraph" was header: the body starts after the repeat.
    """
    start = _first_prose(lines, verdicts, original, first, last)
    while start < last and (_glued_headline(lines, start) or _crumb_named(lines, start)):
        after = _next_prose(lines, verdicts, original, start + 1, last)
        if after is None:  # no prose below it: it is the first paragraph after all
            break
        start = after
    seen = {lines[i].body for i in range(max(0, start - HEADER_LINES), start) if lines[i].length < TITLE_MAX_CHARS}
    for i in range(start + 1, min(last, start + HEADER_REPEAT_WINDOW) + 1):
        if lines[i].body in seen and not lines[i].sentence_end and lines[i].words >= 3:
            return _first_prose(lines, verdicts, original, i + 1, last)
    return start


def header_and_body(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int,
                    stoplist: frozenset[str]) -> tuple[int, Header]:
    """The first body line (`body_start`) and the header read above it (`read_header`).

    A lone prose line the line model keeps above the header (a browser's warning, an affiliate notice, a
    shop's blurb) reads as the first paragraph, and the header above it holds no headline. When no
    headline is found above the first paragraph, the header is read again above the next one, and the
    body starts there when all of these hold: lines the model removed lie between the two (a menu, a
    byline, a dateline; a subheading between two paragraphs is kept), a headline is trusted below the
    lone line, the header prints it at least twice (whole, cut or in a breadcrumb) or a date is read in
    it, and the body's beginning holds the headline's words but not the lone line's (`_names_body`: a
    lede names what the article says, a notice names the site). The lone line stays where the line model
    put it. On the dev pages this gave 21 titles, all of them the headline by reading: 6 a retrained line
    model had hidden so, 15 on pages that had none. (Without the last two tests it gave 42, a dialog's
    question, a caption and "READ THE REST" among them.) It asked for a byline beside the date at first;
    the line model fitted on pages cut after their article too keeps more such notices, and a date alone
    gave 5 titles more: 4 the headline by reading (2 of them titles the retrained model had hidden), 1 a
    dialog's question ("Willst du deine Tour wirklich löschen?"). That date was the article's own, read
    far below the dialog's text above the first long paragraph: the date must be printed near (`_dated_near`).
    A copy of the lone line (a form's notice printed for two layouts) is no next paragraph, and a lone
    line that is the headline cut short with an ellipsis (`_cut_headline`: a menu's teaser of the article)
    names the body but is no lede. On the dev pages these gave 3 right titles (a notice printed twice above
    a news site's header and an archive's notice printed twice above a blog's, the article's own teaser
    above its header) and refused the dialog's question; no title was lost.

    When that reading does not apply either (no removed line between the lone line and the next
    paragraph, or the first "paragraph" is the headline itself), the header is sought lower down
    (`_header_below`): above the paragraphs below, the first reading that trusts a headline decides. On
    the dev pages this gave 17 titles where main gave none, all the headline by reading (9 headlines read
    as the first paragraph, 8 below notices, blurbs, a menu of prose or a dialog).
    """
    start, head = _located_header(lines, verdicts, original, first, last, stoplist)
    if not head.authors:  # an agency's copy credits it in its dateline only ("LOS ANGELES (Reuters) - ...")
        paragraphs = [i for i in range(start, min(last + 1, start + WIRE_REACH)) if verdicts[i].cls == GOOD
                      and lines[i].length >= WIRE_PARAGRAPH_CHARS][:WIRE_PARAGRAPHS]
        head.authors = next((names for i in paragraphs if (names := wire_credit(lines[i].body))), [])
    return start, head


WIRE_REACH = 10
WIRE_PARAGRAPHS = 2
WIRE_PARAGRAPH_CHARS = 70
"""An agency's dateline is sought at the start of the first WIRE_PARAGRAPHS kept lines of this many characters
among the WIRE_REACH lines from the body's start (a kept notice or a menu of prose may stand first)."""


def _located_header(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int,
                    stoplist: frozenset[str]) -> tuple[int, Header]:
    """`header_and_body` but the agency's dateline: the body's start and the header read above it, again above a
    later paragraph when no headline is found above the first."""
    start = body_start(lines, verdicts, original, first, last)
    # (the page's order of slashed dates is found once for all its readings: it reads every line)
    day_first = lines_slashed_order(lines, language_of(stoplist))
    head = _read_header(lines, verdicts, start, stoplist, day_first=day_first)
    if head.title is not None or start >= last:
        return start, head
    found = _second_reading(lines, verdicts, original, start, last, stoplist, day_first=day_first)
    if found is not None:
        return found
    found = _header_below(lines, verdicts, original, start, last, stoplist, day_first=day_first)
    return (start, head) if found is None else found


def _second_reading(lines: list[Line], verdicts: list[Verdict], original: list[int], start: int, last: int,
                    stoplist: frozenset[str], *, day_first: bool | None) -> tuple[int, Header] | None:
    """The header read again above the paragraph after a lone line the line model keeps above the header
    (`header_and_body` says when it is taken); None when it is not. `day_first`: the page's order of
    slashed dates (`slashed_order`)."""
    after = _next_prose(lines, verdicts, original, start + 1, last)
    while after is not None and lines[after].body == lines[start].body:  # the notice printed twice
        after = _next_prose(lines, verdicts, original, after + 1, last)
    if after is None or not any(lines[i].text and verdicts[i].cls != GOOD for i in range(start + 1, after)):
        return None
    after = body_start(lines, verdicts, original, after, last)
    below = _read_header(lines, verdicts, after, stoplist, day_first=day_first, probe=True)
    if below.title is None or not any(start < i < after and r == "title" for i, r in below.reasons.items()):
        return None
    header = header_lines(lines, after)
    dated = below.published is not None and _dated_near(lines, start, after)
    if sum(1 for i in header if _copy_of(lines[i].body, below.title)) < 2 and not dated:
        return None
    body_words = _content_words(_body_sample(lines, verdicts, after), stoplist)
    if (_names_body(lines[start].body, body_words, stoplist) and not _cut_headline(lines[start].body, below.title)) \
            or not _names_body(below.title, body_words, stoplist):
        return None  # the lone line is the article's lede, or the line below no headline of it
    return after, below


BELOW_REACH = 40
"""How many lines below the first paragraph the header is sought (`_header_below`): a menu may lie between
(on the dev pages the farthest right headline so found lay 32 lines below, the paragraph after its
header 36)."""
BELOW_READINGS = 4
"""...and above how many paragraphs at most (those with a line of a headline's shape and a date near
above them): on the dev pages the headline was found above the 3rd at most, while some pages read 29
in vain, each reading at a header's cost."""
LEDE_SHARED_WORDS = 4
"""A kept line above a headline that shares this many content words with the body below it tells of
the article's subject, however long it is: it is the article's lede, not a notice (`_header_below`)."""


def _header_below(lines: list[Line], verdicts: list[Verdict], original: list[int], start: int, last: int,
                  stoplist: frozenset[str], *, day_first: bool | None) -> tuple[int, Header] | None:
    """The body's start and the header read above a later paragraph, when no headline is found above the
    first one (`start`) and the header is printed below it; None when it is not.

    The first "paragraph" may be no body: the headline itself, read as prose for its question mark or
    quotation marks, or notices the line model keeps (a browser's warning, a shop's or a party's blurbs,
    a newspaper's greetings to its subscribers) with no removed line between them and the header. The
    header is read above the paragraphs among the BELOW_REACH lines below, those with a line of a
    headline's shape above them and a dateline near that line (at most BELOW_READINGS); the first reading
    that trusts a headline printed at or below `start` decides: the body starts there when the headline names
    the body below it, no kept line above the headline tells of the body (`_tells_body`: that is the
    article's lede, and the headline a subheading or a quote's), and a dateline dates the header
    (`_dated_header`). The lines above the headline stay where the line model put them. A headline ending
    with an ideographic full stop ("。") is a sentence (a list's item on a dev page). On the dev pages a
    byline below the headline in place of a dateline took 4 wrong titles more (a menu's item, a section's
    heading, a caption: menu items and a caption's label read as names), and testing the lines above
    with `_names_body` alone an embedded post's first line below three of the article's paragraphs.
    `day_first`: the page's order of slashed dates (`slashed_order`).
    """
    reach = min(last, start + BELOW_REACH)
    # (a header that no dateline near it can date trusts none, the test below: dates are sought once for
    # all readings, only on lines with a digit, since a publication date has one)
    near = range(max(0, start - 2 * DATED_ABOVE_LINES), min(len(lines), reach + 2 * STANDFIRST_BYLINE_LINES))
    dates = [i for i in near if holds_digit(lines[i].body) and is_dateline(lines[i], day_first=day_first)
             and publication_date(lines[i].body, day_first=day_first) is not None]
    if not dates:
        return None
    # (nor one whose lines from `start` on hold no line of a headline's shape with a date near enough below it:
    # not read; a line more than 2 * DATED_ABOVE_LINES below the last date has none)
    shaped = [i for i in range(start, min(reach, dates[-1] + 2 * DATED_ABOVE_LINES) + 1)
              if TITLE_MIN_CHARS <= lines[i].length <= TITLE_MAX_CHARS
              and not _sentence(lines[i].body) and _headline_shape(lines[i].body)]
    p, readings = start, 0
    while readings < BELOW_READINGS and (found := _next_prose(lines, verdicts, original, p + 1, reach)) is not None:
        p = found
        after = body_start(lines, verdicts, original, p, last)
        if not any(i < after and any(i - 2 * DATED_ABOVE_LINES <= d <= after + 2 * STANDFIRST_BYLINE_LINES
                                     for d in dates) for i in shaped):
            continue
        readings += 1
        below = _read_header(lines, verdicts, after, stoplist, day_first=day_first, probe=True)
        if below.title is None:
            continue
        t = next((i for i in range(start, after) if lines[i].body == below.title), None)
        if t is None or below.title.endswith("。"):  # (a headline above `start` was refused there)
            return None
        body_words = _content_words(_body_sample(lines, verdicts, after), stoplist)
        if not _names_body(below.title, body_words, stoplist) or any(
                verdicts[i].cls == GOOD and prose(lines[i]) and _tells_body(lines[i].body, body_words, stoplist)
                for i in range(start, t)):
            return None
        dated = any(below.reasons.get(i) == "dateline" for i in range(t + 1, after)) \
            or _dated_header(lines, t, after, day_first=day_first)
        return (after, below) if dated else None
    return None


def _tells_body(text: str, body_words: frozenset[str], stoplist: frozenset[str]) -> bool:
    """Whether a line tells what the body says: it shares NAMES_BODY_SHARE of its words with the body's
    beginning (`_names_body`), or LEDE_SHARED_WORDS of them (a long paragraph of the article shares many
    words, though not a third of its own; a notice names the site and shares a word or three by chance)."""
    return _names_body(text, body_words, stoplist) \
        or len(_content_words(text, stoplist) & body_words) >= LEDE_SHARED_WORDS


DATED_ABOVE_LINES = 2
"""How many text lines above a headline its dateline may lie (a rubric's line, a breadcrumb between)."""


def _dated_header(lines: list[Line], t: int, after: int, *, day_first: bool | None) -> bool:
    """Whether a dateline that states a publication date lies among the DATED_ABOVE_LINES text lines above
    the headline `t` or the STANDFIRST_BYLINE_LINES text lines below the paragraph `after` (a standfirst
    taken for the paragraph has the byline and dateline below it): the header's date, as in `_dated_near`."""
    above = [i for i in range(t - 1, -1, -1) if lines[i].text][:DATED_ABOVE_LINES]
    below = [i for i in range(after + 1, len(lines)) if lines[i].text][:STANDFIRST_BYLINE_LINES]
    return any(is_dateline(lines[i], day_first=day_first) and publication_date(lines[i].body, day_first=day_first)
               is not None for i in [*above, *below])


def _dated_near(lines: list[Line], start: int, after: int) -> bool:
    """Whether a date is printed between the lone line `start` and the paragraph `after` or among the
    STANDFIRST_BYLINE_LINES lines below that paragraph (a standfirst taken for the paragraph has the
    dateline below it): a header's date. A date farther down is another block's, as a dialog's text has
    the article's own header below it. (Asking for a dateline above the paragraph lost two right dev
    titles whose date follows the standfirst or the byline.)"""
    below = [i for i in range(after + 1, len(lines)) if lines[i].text][:STANDFIRST_BYLINE_LINES]
    return any(first_date(lines[i].body) is not None for i in [*range(start + 1, after), *below])


def _cut_headline(line: str, title: str) -> bool:
    """Whether a line is the headline cut short with an ellipsis ("Vote delayed: what comes…"): a menu's
    teaser of the article, kept above its header; it names what the body says, as the headline does."""
    cut = line.rstrip(".… ")
    return line.endswith(("…", "...")) and len(cut) >= REPEAT_MIN_CHARS and title.startswith(cut)


def _copy_of(line: str, title: str) -> bool:
    """Whether a line prints the headline: whole, cut (the menu's or a breadcrumb's short form) or with
    more around it (a breadcrumb ending with it, a kicker before it)."""
    return line == title or (len(line) > len(title) and (line.endswith(title) or line.startswith(title))) \
        or (len(line) >= 12 and title.startswith(line))  # (as `_repeated_headlines` relates them)


def _first_prose(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int) -> int:
    found = _next_prose(lines, verdicts, original, first, last)
    return first if found is None else found


def _next_prose(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int,
                last: int) -> int | None:
    """The first line from `first` to `last` that is kept, was at least near-good on its own and ends
    like prose; None when there is none."""
    for i in range(first, last + 1):
        if verdicts[i].cls == GOOD and original[i] >= NEARGOOD and prose(lines[i]):
            return i
    return None


def _glued_headline(lines: list[Line], i: int) -> bool:
    """Whether line `i` is a headline printed just above it with the standfirst glued on, either side
    and with no separator ("HeadlineThe standfirst." or "The standfirst.Headline"): header, not the
    first paragraph, though it reads as prose. A headline has a few words and no full stop."""
    body = lines[i].body
    return any(prev.words >= 3 and len(prev.body) >= 20 and prev.body[-1] not in ".!" and _glued_to(body, prev.body)
               for prev in lines[max(0, i - HEADER_LINES):i])


def _crumb_named(lines: list[Line], i: int) -> bool:
    """Whether line `i` is the last part of a breadcrumb printed just above it ("Home > News > Vote
    delayed: what comes next?"): the page's headline, though it ends like a sentence. (On the dev pages
    one such headline was the body's first paragraph, and an image's alt text above it the title; the
    body's line score did not move.)"""
    tail = " " + lines[i].body
    return any(prev.body.endswith(tail) and _BREADCRUMB_SEP.search(prev.body) is not None
               for prev in lines[max(0, i - HEADER_LINES):i])


def read_header(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str]) -> Header:
    """Metadata and removal reasons for the lines above line index `start` (the first body line), read
    by `_read_header` in the page's order of slashed dates (`slashed_order`: its plain slashed dates',
    else its language's)."""
    return _read_header(lines, verdicts, start, stoplist,
                        day_first=lines_slashed_order(lines, language_of(stoplist)))


def _read_header(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str], *,
                 day_first: bool | None, probe: bool = False) -> Header:
    """Metadata and removal reasons for the lines above line index `start` (the first body line). A
    slashed date of a two-digit year ("03/04/21") is read in the page's order (`day_first`, from
    `slashed_order`, found once a page by `header_and_body`), handed to every date test below.

    `probe`: a reading that is taken only when it trusts a headline (`_second_reading`, `_header_below`)
    stops when it trusts none, with an empty Header, before the byline, dateline and section are read:
    such readings are made above later paragraphs of the pages with no headline above the first one, up
    to five a page, and most trust none; reading their bylines too made the header stage a third dearer."""
    head = Header()
    header = header_lines(lines, start)
    if not header:
        return head
    bodies = [lines[i].body for i in header]
    # the standfirst printed again as the first paragraph: known before the headline is sought
    repeat = None
    if start < len(lines):
        first_paragraph = _strip_end(lines[start].body)
        repeat = next((k for k in range(len(header) - 1, -1, -1)
                       if len(bodies[k]) >= STANDFIRST_MIN_CHARS and _strip_end(bodies[k]) == first_paragraph), None)
    if repeat is not None:
        head.description = bodies[repeat]
        head.reasons[header[repeat]] = "standfirst"

    # headline: the line that has a headline's shape and names what the body says; when none has, the
    # slot a headline would fill is still found (the byline and dateline are read below it), but its
    # text is no title and stays where the line model put it
    body_words: frozenset[str] | None = None  # read from the body only for a line of a headline's shape
    decks: dict[int, int] = {}  # a header position found to be a deck -> its headline's
    moved: dict[int, int] = {}  # a caption below the byline -> the headline above the byline

    answers: dict[tuple[int, float], bool] = {}  # (k, share) -> trusted(k, share): the rules below ask again

    def trusted(k: int, share: float = NAMES_BODY_SHARE) -> bool:
        """Whether header line `k` is trusted as the headline (`judged`), judged once a reading: its
        side effects (a deck's or a moved caption's headline) are the same each time."""
        if (k, share) not in answers:
            answers[k, share] = judged(k, share)
        return answers[k, share]

    def judged(k: int, share: float) -> bool:
        nonlocal body_words
        if not _headline_shape(bodies[k]) or _alt_text(bodies, k, header, verdicts) \
                or _in_caption(bodies[k], bodies) or _in_list_item(lines, verdicts, header[k]) \
                or _labelled_item(bodies[k], bodies) or _between_figures(lines, header[k], day_first=day_first) \
                or _in_field_list(lines, header[k], day_first=day_first) or _menu_item(bodies, k) \
                or _glued_menu(bodies[k], lines):
            return False
        # a headline printed again right above the body, or glued to its standfirst, is one even when
        # its words are not the body's
        b = bodies[k]
        if body_words is None:
            body_words = _content_words(_body_sample(lines, verdicts, start), stoplist) \
                if start < len(lines) else frozenset()
        # a short line, a sentence, a form's notice, the site's name above the menu, a caption the body
        # goes on with, an item of a list of teasers
        # (a line every content word of which the body names may be short, `_name_shaped`, as may one above
        # its byline's block that names the body, asked with share 0.0: `_dated_block`)
        if (_short_once(b, bodies) and share < NAME_SHAPED_SHARE
                and not (share == 0.0 and _names_body(b, body_words, stoplist))) \
                or _sentence(b) or _notice(lines, header[k]) \
                or _below_paragraphs(lines, verdicts, header[k], start, body_words, stoplist) \
                or _site_banner(lines, verdicts, header, k, day_first=day_first) \
                or _cut_caption(b, lines, start) or _teaser(b, lines, start):
            return False
        deck_of = _deck(bodies, k, header, lines, verdicts, body_words, stoplist, day_first=day_first)
        if deck_of is not None:
            decks[k] = deck_of  # trusted as the sign of the headline above it, which is taken instead
            return True
        caption = _credited(b, lines, verdicts, start)
        above = _headline_above_byline(lines, verdicts, header, k, body_words, stoplist, caption=caption,
                                       day_first=day_first)
        if above is None and caption:
            above = _headline_above_image(lines, verdicts, header, k, body_words, stoplist, day_first=day_first)
        if above is not None:
            moved[k] = above
            return True
        if _image_words(lines, verdicts, header, k, start, stoplist):  # a caption with no headline above it
            return False
        return (share == 0.0 or _names_body(b, body_words, stoplist, share=share)) \
            or (bodies[-1] == b and not person_name(lines[header[k]], stoplist)
                and (_printed_above(b, bodies) or any(_crumb_tail(o, b) for o in bodies))) \
            or _numbered_crumb_above(lines, header, k) \
            or any(len(o) >= len(b) + 30 and _glued_to(o, b) for o in bodies)

    # the header below is read from the slot the headline's place rules find (`slot`), whether or not
    # its text is trusted: a trusted headline below it only changes the title, one above it moves it up
    ranked = _repeated_headlines(lines, verdicts, header, bodies, repeat)
    nearest = _Reread(_nearest_headlines(lines, verdicts, header, repeat, stoplist, day_first=day_first))
    trusted_pos = next((k for k in ranked if trusted(k)), None)
    if trusted_pos is None:
        trusted_pos = next((k for k in nearest if trusted(k)), None)
    slot = ranked[0] if ranked else next(iter(nearest), None)
    if trusted_pos is None:
        # a headline that holds a year or a date word, or opens with a name, reads as a dateline or a
        # byline: it is sought only when no other line is trusted, and with more evidence (on the dev pages
        # this gave 11 titles, all of them the headline by reading; above the slot, it moves the slot up as
        # any trusted headline does, which gave 2 pages their rubric)
        trusted_pos = next((k for k in _header_shaped(lines, verdicts, header, repeat, stoplist, day_first=day_first)
                            if trusted(k) and k not in moved and k not in decks
                            and _names_body(bodies[k], body_words or frozenset(), stoplist, share=HEADER_SHAPED_SHARE)),
                           None)
    if trusted_pos is None:
        # a headline of capitalised words reads as a bare byline ("Performant Python"): sought only when no
        # other line is trusted, and only when the body names every word of it (`_name_shaped`)
        trusted_pos = next((k for k in _name_shaped(lines, verdicts, header, repeat, stoplist, day_first=day_first)
                            if trusted(k, NAME_SHAPED_SHARE) and k not in moved and k not in decks), None)
    if trusted_pos is None:
        # a headline with only its byline's block between it and the body heads the article even when it
        # names nothing the body's beginning says (a pun, a quote): its place is evidence enough (on the dev
        # pages 7 titles where main gave none, all the headline by reading; asking for one shared word and
        # no more than a dateline below gave 4, 2 of them wrong: a menu's line, a blog's motto), and even when
        # it has two words and is printed once if it names the body (a widget, "Mehr erfahren", does not; a
        # counter, "Views: 184", is refused by its shape)
        k = next((k for k in nearest if _dated_block(lines, verdicts, header, k, stoplist, day_first=day_first)), None)
        if k is not None and len(bodies[k].split()) <= BLOCK_HEADLINE_MAX_WORDS and trusted(k, 0.0) \
                and k not in moved and k not in decks:
            trusted_pos = k
    if trusted_pos is None:
        # a line that a breadcrumb a few lines above it ends with is the page's name, whatever the body's
        # beginning says (a kicker or a rubric may stand between the two)
        trusted_pos = next((k for k in range(len(header) - 1, -1, -1) if _named_by_crumb(lines, header, k)
                            and _crumb_headline(lines[header[k]], verdicts[header[k]])), None)
    if trusted_pos is not None:
        trusted_pos = moved.get(trusted_pos, trusted_pos)
    # the title the comments' heading quotes ("3 thoughts on “The headline”"), printed in the header, is the
    # headline whatever its shape and words: the site's own software wrote the post's title there. It names
    # the title's line only: the slot the byline and dateline are read below stays where the place rules
    # put it (on a dev page the quoted headline had a sidebar's list of other posts and their dates below
    # it). It is sought when no line is trusted, and in the readings above later paragraphs, which a line
    # wrongly trusted makes (on the dev pages a first paragraph below its headline); not in the first
    # reading of a page whose headline is trusted: a scan of the page's lines below the body, where it
    # found no title another rule got wrong.
    by_quote = _quoted_title(lines, header, bodies, start) if trusted_pos is None or probe else None
    if probe and trusted_pos is None and by_quote is None:
        return Header()
    if trusted_pos in decks:  # the deck's headline is the title, the deck its standfirst
        headline = decks[trusted_pos]
        # (a deck past buttons or an image is no standfirst: a tag list or a caption lies there as often)
        if head.description is None and headline == trusted_pos - 1 \
                and _standfirst_line(lines, verdicts, header[trusted_pos], bodies[headline], day_first=day_first):
            head.description = bodies[trusted_pos]
            head.reasons[header[trusted_pos]] = "standfirst"
        trusted_pos = headline
    anchor = trusted_pos
    if by_quote is not None:
        trusted_pos = by_quote
    if trusted_pos is not None:
        head.title = bodies[trusted_pos]
        for k, b in enumerate(bodies):
            if b == head.title and k != repeat:
                head.reasons[header[k]] = "title"
    if repeat is not None and head.description == bodies[repeat] and (
            head.title is None
            or not _standfirst_line(lines, verdicts, header[repeat], head.title, day_first=day_first)):
        head.description = None  # no headline above it, or no standfirst's shape: the line model's again
        del head.reasons[header[repeat]]
    if anchor is not None and slot is not None and anchor < slot:
        # a trusted headline above the slot is where the header starts: the slot was a line of a
        # headline's shape nearer the body ("4 Min Read", a caption), and the byline and dateline between
        # them were read as a rubric above it (on the dev pages 36 pages gained their authors so, about
        # 31 of them right)
        slot = anchor
    if slot is None:
        date_beside_headline(lines, verdicts, None, start, head, day_first=day_first)
        byline_beside_dateline(lines, verdicts, start, stoplist, head)
        if not head.authors:
            read_byline_below(lines, verdicts, start, stoplist, head)
        if not head.authors:
            name_in_dateline(lines, stoplist, head)
        head.section = closing_rubric(lines, start, start, rails=False)
        return head
    title = bodies[slot]
    is_title = title == head.title
    first_title = min(k for k, b in enumerate(bodies) if b == title or _glued_to(b, title) or _deck_after(b, title))

    # lines after the first headline: repeats, glued standfirst, byline, dateline
    standfirst_pos = None
    byline_seen = False
    bare_slot = False  # the byline slot's names came with no prefix
    prefixed_after: int | None = None  # a prefixed byline with real names below such a slot
    refused_bare = False  # the byline slot held no prefix and no real names ("• ABC News", a rubric)
    for k in range(first_title, len(header)):
        i, b, ln = header[k], bodies[k], lines[header[k]]
        if k == repeat:
            continue
        if b == title or (len(b) >= 12 and title.startswith(b) and k > first_title):
            if is_title:
                head.reasons[i] = "title"
            continue
        glued = _glued_parts(b, title) if is_title else None  # an untrusted slot splits no line
        if glued:
            a, z, order = glued
            part = b[a:z].strip()
            if order == "title_first":  # the punctuation that ended the headline is not the standfirst's
                part = part.lstrip(" .,;:!?|–—-")
            if title.startswith(part) or part.startswith(title):  # the headline printed twice, glued
                head.reasons[i] = "title"
                continue
            if not _standfirst_text(part, title, day_first=day_first):
                # a breadcrumb, an alt text: the line stays the line model's
                continue
            if head.description is None:
                head.description = part
            offset = ln.end - len(b)
            if order == "standfirst_first":
                head.splits[i] = [(offset, offset + z, "standfirst"), (offset + z, ln.end, "title")]
            else:
                head.splits[i] = [(offset, offset + a, "title"), (offset + a, ln.end, "standfirst")]
            head.reasons[i] = "title"
            continue
        if verdicts[i].cue == "caption":
            continue
        if is_dateline(ln, day_first=day_first):
            if not byline_seen:  # a byline inside the dateline ("3 May 2021 by Jane Roe")
                names = dateline_names(b)
                if names:
                    byline_seen = True
                    head.authors = names
            head.reasons[i] = "dateline"
            if head.published is None and not in_date_list(lines, i, day_first=day_first) and not names_event(b):
                # (a deadline's or an event's date is no publication's)
                head.published = publication_date(b, day_first=day_first)
            continue
        fielded = byline_with_fields(ln, day_first=day_first) if not byline_seen else None
        if fielded:  # a byline and the dateline's fields on one long line
            byline_seen = True
            head.authors = fielded
            head.reasons[i] = "byline"
            continue
        stacked, taken = stacked_byline(lines, i, stoplist) if not byline_seen or refused_bare else ([], [])
        if stacked:  # the byline slot, its prefix alone on the line above ("By" / "Jane Roe" / "and" / ...)
            byline_seen, bare_slot, refused_bare = True, False, False
            head.authors = stacked
            head.reasons.update(dict.fromkeys(taken, "byline"))
            continue
        names = byline_names(ln, stoplist) or (None if byline_seen else first_name_above_dateline(
            lines, header[k + 1:], i, stoplist, day_first=day_first) or (
            first_name_below_dateline(lines, i, stoplist) if k > 0 and head.reasons.get(header[k - 1]) == "dateline"
            else None))
        reading = bool(names) and (not byline_seen or refused_bare)
        # (names under a bare prefix that `stacked_byline` refused are held to a bare name's test)
        dated_below = reading and name_above_dateline(lines, header[k + 1:], i, day_first=day_first) \
            and not under_bare_prefix(lines, i)
        dated_above = reading and not dated_below and k > 0 and head.reasons.get(header[k - 1]) == "dateline" \
            and not under_bare_prefix(lines, i)
        if reading and names and (not byline_seen or BYLINE_PREFIX.match(b) or dated_above):
            # the byline slot: header whether or not it holds real names; below a slot that was no byline
            # (no prefix, no real names), a prefixed byline ("By Jane Roe") or a name right below the
            # dateline is read again, and taken only when real (a headline may stand there: "Ben Wilson Surf")
            refused = not_names(ln, names, dated_below=dated_below, dated_above=dated_above) or (
                not BYLINE_PREFIX.match(b)
                and (caption_name(lines, verdicts, i, names)
                     or pseudo_byline(lines, i, day_first=day_first, verdicts=verdicts,
                                      headline=header[first_title], stoplist=stoplist)))
            if not (refused and byline_seen and not BYLINE_PREFIX.match(b)):
                byline_seen = True
                head.authors = [] if refused else names
                head.reasons[i] = "byline"
                if refused:
                    head.unnamed.add(i)
                bare_slot = not refused and not BYLINE_PREFIX.match(b)
                refused_bare = refused and not BYLINE_PREFIX.match(b)
                continue
        if names and bare_slot and prefixed_after is None and is_prefixed(lines, i) \
                and real_prefixed_names(ln, names):
            prefixed_after = i
        if head.description is None and standfirst_pos is None and ln.words >= 8 \
                and STANDFIRST_MIN_CHARS <= ln.length <= STANDFIRST_MAX_CHARS and verdicts[i].cue not in _SKIP_CUES \
                and head.title is not None and _standfirst_line(lines, verdicts, i, head.title, day_first=day_first) \
                and _below_headline(lines, verdicts, header, k, head.title, day_first=day_first):
            standfirst_pos = k
    # a summary paragraph is the standfirst only when header lines (byline, dateline, the headline
    # again) follow it: otherwise it is the article's first paragraph
    if standfirst_pos is not None and any(header[j] in head.reasons for j in range(standfirst_pos + 1, len(header))):
        head.description = bodies[standfirst_pos]
        head.reasons[header[standfirst_pos]] = "standfirst"
    if head.description is None and head.title is not None \
            and _standfirst_above_byline(lines, verdicts, header, start, head.title, stoplist, day_first=day_first):
        # the body's first "paragraph" is the standfirst: recorded, and kept in the body where it is printed
        head.description = lines[start].body
    if head.description is None and head.title is not None:
        deck = _deck_above_body(lines, verdicts, header, start, head.title, head.reasons, day_first=day_first)
        if deck is not None:  # recorded, and kept in the body where the line model put it
            head.description = lines[deck].body
    if head.published is None:
        date_beside_headline(lines, verdicts, header[first_title - 1] if first_title else None, start, head,
                             day_first=day_first)
    else:
        stated_publication_below(lines, verdicts, start, head, day_first=day_first)
    publication_before_update(lines, verdicts, start, head, day_first=day_first)
    if bare_slot:
        prefixed_byline_wins(lines, verdicts, start, stoplist, prefixed_after, head)
    if not head.authors:
        byline_beside_dateline(lines, verdicts, start, stoplist, head)
    if not head.authors:
        read_byline_below(lines, verdicts, start, stoplist, head)
    if not head.authors:
        name_in_dateline(lines, stoplist, head)

    # section: a breadcrumb or rubric right above the first headline (the line is header even when it
    # names no rubric: the menu's last item, a kicker)
    for k in range(first_title - 1, max(-1, first_title - 3), -1):
        i = header[k]
        ln = lines[i]
        if verdicts[i].cue in ("social", "comments", "legal", "advertising", "subscribe", "markup", "caption") \
                or ln.body.isdigit():
            continue  # (a caption's credit after a slash is no breadcrumb's last rubric; a counter beside a rubric)
        if k > 0 and _FORM_FIELD.search(lines[header[k - 1]].body):
            break  # a form's button below its field ("Amount [2500 ]" above "To the comparison"), no rubric
        rubric = rubric_slot(ln, title)
        if rubric and rubric != title:
            head.reasons.setdefault(i, "navigation")
            head.section = section_of(lines, i, rubric, header[first_title], is_title)
        break
    crumb = breadcrumb_above(lines, header[first_title], title, is_title)
    if crumb is not None:  # a breadcrumb names the article's place; a line of its parts is a parent rubric
        head.section = crumb[1] or (None if head.section in crumb[0] else head.section)
    if head.section is None and is_title:
        # else a category the header labels below the headline ("in Healthcare" between the date and the
        # comments' count), or a field of the dateline below the headline that the menu prints too
        head.section = _labelled_below(lines, header, first_title, title)
    if head.section is None and is_title:
        datelines = [i for i in header[first_title:] if head.reasons.get(i) == "dateline"]
        head.section = next(filter(None, (dateline_section(lines, i, header[first_title]) for i in datelines)), None)
    if head.section is None:
        # else the category the post's filing line below the headline names ("This entry was posted in
        # News."), or the rubric a rail's heading below the article names ("More in Politics")
        head.section = closing_rubric(lines, header[first_title], start, rails=is_title)
    return head


LABELLED_REACH = 6
"""Header lines below the headline searched for a labelled category: the byline's block (the author, the
date, the category, the comments' count) is a few lines; further down a header holds teasers of other
stories, each with its own categories ("in Afrika")."""


def _labelled_below(lines: list[Line], header: list[int], first_title: int, title: str | None) -> str | None:
    """The category a line of the byline's block labels ("in Healthcare", `sections.labelled_rubric`),
    within LABELLED_REACH header lines below the headline's last copy in the header: a headline printed
    first among teasers above the article is followed by their categories, not its own."""
    last = max((k for k in range(first_title, len(header)) if lines[header[k]].body == title), default=first_title)
    return next(filter(None, (labelled_rubric(lines[i].body) for i in header[last + 1:last + 1 + LABELLED_REACH])),
                None)


def _quoted_title(lines: list[Line], header: list[int], bodies: list[str], start: int) -> int | None:
    """The header position of the headline a comments' heading below the body quotes (`comments_quote`:
    "3 thoughts on “The headline”"), the copy nearest the body; None when the page has no such heading or
    the header does not print its quote on a line of its own."""
    quoted = comments_quote(lines, start)
    return None if quoted is None else next((k for k in range(len(header) - 1, -1, -1) if bodies[k] == quoted), None)


CRUMB_REACH = 3
"""Header lines above a headline in which the breadcrumb that ends with it is sought (`_named_by_crumb`): the
breadcrumb right above it, or a kicker, a rubric or an image between them."""


def _named_by_crumb(lines: list[Line], header: list[int], k: int) -> bool:
    """Whether header line `k` is the last part of a breadcrumb within CRUMB_REACH header lines above it:
    a line split at separators, spaced or glued ("Home » News » The headline", "Forum>iPhone>The
    headline"), or a numbered list's last item ("1. Home" / "2. News" / "3. The headline"). A breadcrumb
    names the page it leads to, so the line printed below it with the same text is the page's headline
    even when the body's beginning names none of its words. A bulleted line is a list's item, no headline."""
    ln = lines[header[k]]
    if ln.bullet or ln.words < 2:
        return False
    for j in range(k - 1, max(-1, k - 1 - CRUMB_REACH), -1):
        if ln.body not in lines[header[j]].body:
            continue  # (most lines: one substring test, before any split)
        ordered = ordered_items(lines, header[j])
        if ordered is not None:
            if len(ordered) >= 2 and ordered[-1] == ln.body:
                return True
            continue
        above = lines[header[j]].body
        parts = crumbs(above)
        if len(parts) < 2:
            parts = glued_crumbs(above, from_home=False) or []
        if len(parts) >= 2 and parts[-1] == ln.body:
            return True
    return False


def _crumb_headline(ln: Line, v: Verdict) -> bool:
    """Whether a line a breadcrumb names (`_named_by_crumb`) may be the title: of a headline's length
    (TITLE_MIN_CHARS to TITLE_MAX_CHARS, TITLE_MAX_WORDS words at most), no furniture's cue, no sentence
    ending with a full stop. The shape tests a headline passes elsewhere are not asked: the breadcrumb
    says what the line is, where its shape may say otherwise (a forum thread's title in lower case, "kein
    App Store mehr über Mobile Daten?"; a headline read as a credit, "US-Sport in Zeiten von Corona")."""
    return TITLE_MIN_CHARS <= len(ln.body) <= TITLE_MAX_CHARS and len(ln.body.split()) <= TITLE_MAX_WORDS \
        and v.cue not in _SKIP_CUES and not (cue_reason(ln.body) and not compound_phrase(ln.body)) \
        and not ln.body.endswith(".")


BLOCK_HEADLINE_MAX_WORDS = 12
"""Most words of a headline trusted for its place above the byline's block alone (`_dated_block`): a longer
line that names nothing of the body is as often a headline with its deck glued on (17 words on a dev page)."""


_FORM_FIELD = re.compile(r"\[[ _0-9]*\]")
"""A form's text field as w3m prints it ("[                    ]", "[25000     ]"): the short line below it
is the form's button or label, no rubric. On the dev pages this refused 2 sections, both such lines (one
labelled wrong, one that a headline found by the seventh title fix had put in the rubric's slot), and
changed no other."""
