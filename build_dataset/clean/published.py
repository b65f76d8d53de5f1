"""Find the publication date a page states, in its header or where the header's rules do not look.

The dateline is read where pages print it: right below the headline or the standfirst, just above the
body, among short lines below a first paragraph taken for the body, opening a press release's first
paragraph, in a line that says the page was published ("Veröffentlicht am ...", "This entry was
posted on ...") or a post's meta line ("26. Dezember 2019 von Jane") above or below the body, or,
when the body's start was a teaser, just above its first long paragraph. A stated publication beats
an update's date taken from the header. A date that names another event, a list of dated items, a
dated sentence and a table's row are refused. `dates` reads the date out of a line; this module
decides which line states the page's own. Every reader here takes the page's order of slashed dates
(`day_first`, found once a page by `header_and_body` with `slashed_order`), since each date it reads may need it.
"""

from __future__ import annotations

import datetime as dt
import re

from build_dataset.clean.bylines import dateline_names
from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.dates import (
    DATELINE_WORDS,
    EVENT_WORDS,
    LEADING_PUBLICATION_WORD,
    PUBLICATION_PHRASES,
    SELF_REFERENCE,
    first_date,
    holds_digit,
    may_state_publication,
    parse_date,
    publication_date,
    publication_word_before_date,
    states_publication,
)
from build_dataset.clean.header_lines import (
    BYLINE_PREFIX,
    DATELINE_MAX_CHARS,
    STANDFIRST_MAX_CHARS,
    Header,
    header_lines,
    is_dateline,
    prose,
)
from build_dataset.clean.lines import WORD_RE, Line
from build_dataset.clean.native import speedups, use_speedups


def date_beside_headline(lines: list[Line], verdicts: list[Verdict], above: int | None, start: int,
                          head: Header, *, day_first: bool | None) -> None:
    """The publication date printed right beside the header when no dateline follows the headline:
    just below a first paragraph of a standfirst's length (`_dateline_after_standfirst`), else on the
    line just above the first headline (line index `above`: a blog's date heading, a news site's date
    over its headline, `above` None when no headline slot was found), else the dateline nearest above
    the body when it is the one date there (`_dateline_above_body`: the slot found was a lead image's
    alt text or a second heading below the real headline and its dateline). Failing those, the date the
    page states in a form no other text uses (`_stated_date`). A bare date any farther is as often
    today's date in the site's header, a teaser's or a comment's as the article's own, so it is not
    read."""
    candidates = (_dateline_after_standfirst(lines, verdicts, start, day_first=day_first), above,
                  _dateline_above_body(lines, verdicts, start, day_first=day_first))
    for i in candidates:
        if i is None or not is_dateline(lines[i], day_first=day_first) or _other_event(lines[i].body):
            continue
        published = publication_date(lines[i].body, day_first=day_first)
        if published is not None:
            head.published = published
            head.reasons[i] = "dateline"
            return
    head.published = _stated_date(lines, verdicts, start, day_first=day_first)


def stated_publication_below(lines: list[Line], verdicts: list[Verdict], start: int, head: Header, *,
                             day_first: bool | None) -> None:
    """The dateline below a standfirst taken for the body (`_dateline_after_standfirst`) when it says it
    gives the publication ("Veröffentlicht: 26.12.2022") and the date the header gave is later (a print
    stamp above the headline, "FIT FOR FUN — 02.01.23 09:51"): a stated publication earlier than the
    date taken shows that date is no publication's."""
    i = _dateline_after_standfirst(lines, verdicts, start, day_first=day_first)
    if i is None or not states_publication(lines[i].body) or _other_event(lines[i].body):
        return
    published = publication_date(lines[i].body, day_first=day_first)
    if published is not None and head.published is not None and published < head.published:
        head.published = published
        head.reasons[i] = "dateline"


def publication_before_update(lines: list[Line], verdicts: list[Verdict], start: int, head: Header, *,
                              day_first: bool | None) -> None:
    """The publication a line states (`_publication_statement`) when the date the header gave is an
    update's (`_update_only`: "Aktualisiert: 11.04.2020, 10:27" under the headline) and the stated one is
    earlier ("Publiziert: 03.04.2020, 12:35" below the body): a dev page was dated by its update so."""
    if head.published is None or not _update_only(lines, head, day_first=day_first):
        return
    published = _publication_statement(lines, verdicts, start, day_first=day_first)
    if published is not None and published < head.published:
        head.published = published


def _update_only(lines: list[Line], head: Header, *, day_first: bool | None) -> bool:
    """Whether the header's datelines that give the date taken all say it is an update's: an update word
    ("Aktualisiert", "Updated", "Stand") and no publication word."""
    datelines = [i for i, reason in head.reasons.items() if reason == "dateline"]
    # most headers have no update's line: that is told before any date is read
    if not any(DATELINE_WORDS.search(lines[i].body) and not states_publication(lines[i].body) for i in datelines):
        return False
    given = [i for i in datelines if publication_date(lines[i].body, day_first=day_first) == head.published]
    return bool(given) and all(
        DATELINE_WORDS.search(lines[i].body) and not states_publication(lines[i].body) for i in given)


_LABELLED_DATE = re.compile(r"^\W*(?P<label>[^\W\d][^:\d]{0,40}):\s*\S*\d")
"""A date after a label and a colon ("Release: 14.11.2019", "Verkündet am: 12.11.2009")."""


def _other_event(text: str) -> bool:
    """Whether a dated line labels its date as another event's (a release, a ruling, a deadline): a
    label that is no publication or update word ("Veröffentlicht am:", "Stand:") names what the date
    is of, and beside a headline that is as often the subject's date as the page's. A label naming an
    event is another event's even with a dateline word in it ("Release date:", `names_event`)."""
    m = _LABELLED_DATE.match(text)
    return names_event(text) or (m is not None and not DATELINE_WORDS.search(m.group("label")))


EVENT_LABEL_REACH = 40
"""How far into a line a date labelled by the event word opening it may begin ("Deadline 15 March
2020", "Einsendeschluss ist der 15. März 2020"): a few words, no sentence."""


_FIELD_SEPARATOR = re.compile(r"\s[|·•]\s")
"""A separator of a line of header fields: a rubric before it ("Events | 3 May 2021") is no label of
the date after it."""


def names_event(text: str) -> bool:
    """Whether a dated line labels its date as an event's that is no publication (`EVENT_WORDS`:
    "Deadline: 15. März 2020", "Release date: 14.11.2019", "Anmeldeschluss 1. Juni 2022"): the label
    before a colon holds an event word and no publication word, or an event word opens the line and a
    date follows within EVENT_LABEL_REACH characters, no field's separator between. A header prints
    an event page's deadline or date where an article prints its dateline; the header's rules took it
    for the page's publication (a dev page was dated by its registration deadline so)."""
    m = _LABELLED_DATE.match(text)
    if m is not None:
        label = m.group("label")
        return EVENT_WORDS.search(label) is not None and not states_publication(label)
    lead = EVENT_WORDS.match(text.lstrip(" \t•·*-–—[("))
    if lead is None:
        return False
    date = first_date(text)
    return date is not None and date.start() <= EVENT_LABEL_REACH \
        and _FIELD_SEPARATOR.search(text, 0, date.start()) is None


DATELINE_AFTER_LINES = 3
"""How many lines below the first paragraph a dateline is sought: the byline and the dateline under a
standfirst, no farther (the comments' dates come after the article)."""


LEAD_MAX_CHARS = 320
"""Longest first paragraph whose very next line, a dateline, is read: a standfirst runs a little longer
than STANDFIRST_MAX_CHARS on many sites (to 310 characters on the dev pages), and a date right under it
is its dateline; under a longer paragraph a dated line is as often a comment's."""


def _dateline_after_standfirst(lines: list[Line], verdicts: list[Verdict], start: int, *,
                               day_first: bool | None) -> int | None:
    """A dateline among the few lines right below the first paragraph when that paragraph has a
    standfirst's length (or, up to LEAD_MAX_CHARS, on the line right below it): the standfirst was taken
    for the body's first paragraph, and the byline and dateline follow it. None when a prose line comes
    first (the body has begun) or none is there."""
    if start >= len(lines) or lines[start].length > LEAD_MAX_CHARS:
        return None
    reach = DATELINE_AFTER_LINES if lines[start].length <= STANDFIRST_MAX_CHARS else 1
    for i in range(start + 1, min(len(lines), start + 1 + reach)):
        ln = lines[i]
        if is_dateline(ln, day_first=day_first):
            return i
        if verdicts[i].cls == GOOD and prose(ln) and ln.words >= 8:
            return None
    return None


DATELINE_ABOVE_LINES = 12
"""How many lines above the body a dateline is sought when the headline's slot gives none: a header's
byline, share buttons, a lead image and its caption, no farther."""


MENU_ITEMS = 3
"""Bulleted items with words in a row that make a menu: a date right above a menu is the site's
masthead's (today's date), while a dateline has the headline, a byline or a lead image below it."""


def _menu_below(lines: list[Line], verdicts: list[Verdict], i: int) -> bool:
    """Whether the MENU_ITEMS lines right below line `i` are a menu's items (bulleted, with words, and
    not share buttons: those follow a dateline)."""
    below = range(i + 1, min(len(lines), i + 1 + MENU_ITEMS))
    return len(below) == MENU_ITEMS and all(
        lines[k].bullet and verdicts[k].cue != "social" and any(c.isalpha() for c in lines[k].body) for k in below)


PARAGRAPH_WORDS = 16
"""Fewest words of a prose line that ends the search upwards: a paragraph, another text's (a teaser's
summary) or the body's. A shorter prose line between the dateline and the body is a lead image's
caption or alt text, or a kicker."""


_SENTENCE_STOP = re.compile(r"[^\W\d_](?<![^\W\d_]{2})[^\W\d_]+[.!?…]$")
"""A word and a sentence's stop ending a line: not a bracket (a byline's note ends so too), nor an
abbreviation's dot ("at 3:58 a.m.")."""


def _dated_sentence(ln: Line) -> bool:
    """Whether a dated line is a sentence (a headline "Report of 22.04.2020: what now?", a caption):
    eight words or more, ending with a sentence's stop. Its date is what it speaks of."""
    return ln.words >= 8 and _SENTENCE_STOP.search(ln.body) is not None


_TABLE_GAP = re.compile(r"\S {3,}\S")
"""Cells of a table row as a text dump lays them out: a date in a table (results, a schedule) is a row's."""


def _dateline_above_body(lines: list[Line], verdicts: list[Verdict], start: int, *,
                         day_first: bool | None) -> int | None:
    """The dateline nearest above the body's first line, among the few lines above it, when it gives
    the only date written there: several different dates near the body are a list of teasers or posts,
    whose dates are not the article's. A caption's date is the photo's, a table row's the row's, a dated
    sentence's what it speaks of, and a date right above a menu the site's masthead's. None when a
    paragraph (PARAGRAPH_WORDS) comes first (another text ends there) or no such dateline is there."""
    found = None
    dates = set()
    for i in range(start - 1, max(-1, start - 1 - DATELINE_ABOVE_LINES), -1):
        ln = lines[i]
        if verdicts[i].cls == GOOD and prose(ln) and ln.words >= PARAGRAPH_WORDS:
            break
        published = publication_date(ln.body, day_first=day_first) if ln.length <= DATELINE_MAX_CHARS else None
        if published is None:
            continue
        dates.add(published)
        if found is None and is_dateline(ln, day_first=day_first) and not _dated_sentence(ln) \
                and verdicts[i].cue != "caption" \
                and not _TABLE_GAP.search(ln.body) and not _menu_below(lines, verdicts, i):
            found = i
    return found if len(dates) == 1 else None


DATE_LIST_REACH = 2
"""How many lines either side of a bare dateline are read for other dates: a list of dated posts or
teasers puts one on every line or every other line."""


def in_date_list(lines: list[Line], i: int, *, day_first: bool | None) -> bool:
    """Whether line `i`, a dateline with no publication word, is one of a list of dated items (the blog's
    recent posts, a next-post link among them): another line within DATE_LIST_REACH of it with no such
    word gives another date. A publication or update word ("Published", "Aktualisiert am") says whose
    date a line gives: such a line is no list's item (the update's date below the post's is not)."""
    if DATELINE_WORDS.search(lines[i].body):
        return False
    own = publication_date(lines[i].body, day_first=day_first)
    for k in range(max(0, i - DATE_LIST_REACH), min(len(lines), i + DATE_LIST_REACH + 1)):
        other = lines[k]
        if k == i or other.length > DATELINE_MAX_CHARS or DATELINE_WORDS.search(other.body):
            continue
        if publication_date(other.body, day_first=day_first) not in (None, own):
            return True
    return False


def _stated_date(lines: list[Line], verdicts: list[Verdict], start: int, *, day_first: bool | None) -> dt.date | None:
    """The publication date the page states where the header's rules do not look: a dateline among the
    short lines right below a first paragraph taken for the body (`_dateline_below_lead`), a date that
    opens the first paragraph as a press release's dateline does (`_dated_lead`), else a line that says
    the page was published on that date (`_publication_statement`), above the body or below it, else the
    dateline above the first long paragraph (`_dateline_above_paragraph`). These lines are not removed:
    the body's first paragraph and a closing statement may be the article's, and a start found wrong
    says nothing sure of the lines above the paragraph."""
    i = _dateline_below_lead(lines, verdicts, start, day_first=day_first)
    if i is not None:
        return publication_date(lines[i].body, day_first=day_first)
    return _dated_lead(lines, start, day_first=day_first) \
        or _publication_statement(lines, verdicts, start, day_first=day_first) \
        or _dateline_above_paragraph(lines, verdicts, start, day_first=day_first)


LONG_PARAGRAPH_WORDS = 40
"""Fewest words of the paragraph above which a dateline is sought when the body's start gave none: an
article's own paragraph, longer than a teaser's summary or a caption kept as body (21 words on the page
that showed the case)."""


def _dateline_above_paragraph(lines: list[Line], verdicts: list[Verdict], start: int, *,
                              day_first: bool | None) -> dt.date | None:
    """The dateline right above the first paragraph of LONG_PARAGRAPH_WORDS words below the body's first
    line, as `_dateline_above_body` reads one above the body: the body's first line was a teaser or a
    notice kept above the header (a menu's teaser, an overlay's text). The dateline must be one the line
    model removed: a date the model keeps between paragraphs is a chronology's or a live blog's heading,
    not the header's. On the dev pages it dates 16 pages main left undated (three of the labelled undated
    sample, 13 of added sample 3), all rightly by reading."""
    for k in range(start + 1, len(lines)):
        ln = lines[k]
        if verdicts[k].cls == GOOD and ln.words >= LONG_PARAGRAPH_WORDS and prose(ln):
            i = _dateline_above_body(lines, verdicts, k, day_first=day_first)
            if i is None or verdicts[i].cls == GOOD or _other_event(lines[i].body) \
                    or in_date_list(lines, i, day_first=day_first):
                return None
            return publication_date(lines[i].body, day_first=day_first)
    return None


DATELINE_BELOW_LINES = 7
"""How many lines below a short first paragraph a dateline is still the header's when only short lines
lie between (a headline, a kicker, the byline's names, a "Published" label): the body's first line was
a notice or a kicker above the headline."""


def _dateline_below_lead(lines: list[Line], verdicts: list[Verdict], start: int, *,
                         day_first: bool | None) -> int | None:
    """A dateline within DATELINE_BELOW_LINES below a first paragraph of a standfirst's length with only
    short lines (fewer than 8 words, or no sentence) between, when it is no list's item, no other
    event's, no table row's and no dated sentence's. None when a prose line comes first."""
    if start >= len(lines) or lines[start].length > STANDFIRST_MAX_CHARS:
        return None
    for i in range(start + 1, min(len(lines), start + 1 + DATELINE_BELOW_LINES)):
        ln = lines[i]
        if is_dateline(ln, day_first=day_first) and publication_date(ln.body, day_first=day_first) is not None:
            fit = not (_other_event(ln.body) or _dated_sentence(ln) or in_date_list(lines, i, day_first=day_first)
                       or _TABLE_GAP.search(ln.body) or verdicts[i].cue == "caption")
            return i if fit else None
        if prose(ln) and ln.words >= 8:
            return None
    return None


LEAD_DATE_REACH = 40
"""How far into the first paragraph its dateline may begin: a place, "Press release of", an agency's
mark ("Red. /") come before the date, no sentence."""


_LEAD_DATE_END = re.compile(
    r"\s*(?:,?\s*\d{1,2}[:.h]\d\d(?:\s*(?:uhr|h))?)?(?:\s*[-–—|/:„“\"]|\s{2,}|$|\.\s+(?=[^\W\d_]))", re.IGNORECASE)
"""What follows a press release's dateline: an optional time, then a dash, a bar, a slash, a colon or
an opening quote, before the first sentence ("25.01.2022 – Berlin", "27.1.2022 - The ..."), or a full
stop and a word: a column's date set as a sentence of its own ("31. Oktober 2023. Dragqueens sind ...")."""


def _dated_lead(lines: list[Line], start: int, *, day_first: bool | None) -> dt.date | None:
    """The date opening the first paragraph as a press release's dateline ("Pressemitteilung vom 25. Januar
    2022 | Berlin – ...", "27.1.2022 - Bei der ..."): within LEAD_DATE_REACH characters of its start,
    after at most three words, and set off from the sentence by a separator. A date inside a sentence
    ("Am 3. Mai 2020 hat ...") is what the sentence speaks of. The first paragraph is the body's first
    line, or the first prose line below it when that line has a standfirst's length (the summary was
    taken for the body) and only short lines (a caption, the byline) lie between."""
    for k in range(start, min(len(lines), start + LEAD_LINES)):
        body = lines[k].body
        m = first_date(body)
        if m is not None and m.start() <= LEAD_DATE_REACH and len(WORD_RE.findall(body[:m.start()])) <= 3 \
                and _LEAD_DATE_END.match(body, m.end()) is not None and not names_event(body):
            date = parse_date(m.group(0), day_first=day_first)
            return None if _dated_leads_below(lines, k, date, day_first=day_first) else date
        if lines[k].words >= 8 and (k > start or lines[k].length > STANDFIRST_MAX_CHARS):
            return None
    return None


LEAD_LINES = 4
"""How many lines from the body's first one its first paragraph is sought (`_dated_lead`)."""


LEAD_LIST_LINES = 8
"""How many lines below the first paragraph are read for other paragraphs opening with a date."""


def _dated_leads_below(lines: list[Line], start: int, date: dt.date | None, *, day_first: bool | None) -> bool:
    """Whether another line within LEAD_LIST_LINES below the first paragraph opens with another date
    than `date`: a list of press releases or posts, each with its date, whose first item is no article's
    dateline. The same date again opens the article's text below its teaser (a column that opens
    both so, on a dev page that was left undated)."""
    for ln in lines[start + 1:start + 1 + LEAD_LIST_LINES]:
        m = first_date(ln.body)
        if m is not None and m.start() <= LEAD_DATE_REACH and parse_date(m.group(0), day_first=day_first) != date:
            return True
    return False


STATEMENT_MAX_CHARS = 400
"""Longest line read as a statement of the page's own date ("Der Beitrag wurde am Mittwoch, den 27.
November 2019 um 15:21 Uhr veröffentlicht und wurde unter X, Y abgelegt. Du kannst ..."); a longer line
is a paragraph."""


STATEMENT_TAIL_LINES = 12
"""How many lines below the body's last line a statement of the page's date is sought: a post's
footer (categories, tags, the date), not the comments or the site's footer below it."""


BYLINE_DATE_WORDS = 12
"""Most words of a byline that carries the date ("VON JANE ROE am 21. April 2020, 15:40 Uhr")."""


def _publication_statement(lines: list[Line], verdicts: list[Verdict], start: int, *,
                           day_first: bool | None) -> dt.date | None:
    """The date of a line that states the page's publication, from the header's lines above the body to
    a few lines below its end: a line opened by a publication word ("Veröffentlicht am: 6. August 2009",
    "published 9 August 2012", "Erstellt am: 01.11.2023"), a short line holding one, a publication
    label on its own line above a line that is only a date ("Mise en ligne" / "23 mai 2019"), a byline
    with the date ("von Jane Roe am 14. Mai 2014, 15:40 Uhr") or a date with the byline outside the body
    (`_date_by`: "Dezember 26, 2019 von Andrea"), or, at the
    body's end or outside it, a sentence naming the page itself ("Dieser Beitrag wurde am 04/02/2020 ...
    veröffentlicht", "This entry was posted on ..."). A publication word never names an update's date.
    None unless all such lines give one date: a list of posts gives each its own, and a comments section
    begins where the search ends."""
    body = [i for i in range(start, len(lines)) if verdicts[i].cls == GOOD]
    if not body:
        return None
    last = body[-1]
    # the body's last sentences: a short line kept below them (a notice, a link to the next post) does not
    # make the statement above it a sentence inside the article
    ends = [i for i in body if lines[i].sentence_end] or body
    header = header_lines(lines, start)
    # the search ends where the comments begin, below the body's last two lines
    tail = min(len(lines), last + 1 + STATEMENT_TAIL_LINES)
    stop = next((i for i in range(max(start + 1, body[-min(len(body), 2)]), tail) if verdicts[i].cue == "comments"),
                tail)
    dates = set()
    for i in statement_candidates(lines, [*header, *range(start, stop)]):  # (most lines can state no date)
        ln = lines[i]
        if not states_publication(ln.body):
            if ln.words <= BYLINE_DATE_WORDS and holds_digit(ln.body) and (
                    BYLINE_PREFIX.match(ln.body) or (verdicts[i].cls != GOOD and _date_by(ln.body))) \
                    and not _dated_sentence(ln):
                # the byline's own date ("von Jane Roe am 14. Mai 2014")
                published = publication_date(ln.body, day_first=day_first)
                if published is not None:
                    dates.add(published)
            continue
        inside = verdicts[i].cls == GOOD and i < ends[-min(len(ends), 2)]
        published = _statement_date(lines, i, inside=inside, day_first=day_first)
        if published is not None:
            dates.add(published)
    return dates.pop() if len(dates) == 1 else None


def statement_candidates(lines: list[Line], indices: list[int]) -> list[int]:
    """`_statement_candidates_python`, in C where the extension was built (`_speedups.statement_candidates`)."""
    if speedups is None or _PUBLICATION_PHRASE_SET is None:
        return _statement_candidates_python(lines, indices)
    found: list[int] = speedups.statement_candidates(lines, indices, _PUBLICATION_PHRASE_SET, STATEMENT_MAX_CHARS,
                                                     BYLINE_DATE_WORDS)
    return found


def _statement_candidates_python(lines: list[Line], indices: list[int]) -> list[int]:
    """Of the lines at `indices`, those `_publication_statement` reads: of STATEMENT_MAX_CHARS at most, with a
    publication word's letters (`may_state_publication`) or, of BYLINE_DATE_WORDS words at most, a digit (a
    line without one gives no date). Told in one pass: most lines are neither, and asking each in the rule's
    loop was a thirtieth of the cleaner."""
    return [i for i in indices if lines[i].length <= STATEMENT_MAX_CHARS and (
        lines[i].words <= BYLINE_DATE_WORDS and holds_digit(lines[i].body) or may_state_publication(lines[i].body))]


_PUBLICATION_PHRASE_SET = speedups.phrase_set(PUBLICATION_PHRASES) if speedups is not None and use_speedups else None
"""The publication words made ready for `_speedups.statement_candidates`."""


_OPENING_DATE = re.compile(r"\d|[^\W\d]{3,12}\.?\s+\d")
"""How a line that opens with a date begins: a digit, or a month's name and a digit. Most lines begin
otherwise, and are refused before the byline and the date are sought in them (`_date_by`)."""


def _date_by(text: str) -> bool:
    """Whether a line opens with a date followed by a byline ("Dezember 26, 2019 von Andrea Kategorien:
    Allgemein | Hinterlasse einen Kommentar", "3 May 2021 by Jane Roe"): a post's meta line, which a
    blog prints below the post with no publication word (of the dev pages left undated, one held_out
    page). A line the line model keeps as body is not read so: a list of posts prints its items so."""
    if _OPENING_DATE.match(text) is None or dateline_names(text) is None:
        return False
    m = first_date(text)
    return m is not None and m.start() == 0


def _statement_date(lines: list[Line], i: int, *, inside: bool, day_first: bool | None) -> dt.date | None:
    """The publication date line `i` (which holds a publication word) states, or None: see
    `_publication_statement`. `inside`: the line is kept as body, above its last lines, where a
    sentence with a publication word reports another text's publication. Outside the body, a long line
    states the page's date when it names the page itself, or when it is no sentence and puts the
    publication word right before the date (`publication_word_before_date`: "von Jane Roe Erstellt am
    01.01.23 um 08:35, geändert am ...", a byline's block of nineteen words on a dev page that was left
    undated; "The study was published on 3 May 2020 in a journal, and ..." speaks of another text)."""
    ln = lines[i]
    published = publication_date(ln.body, day_first=day_first)
    if published is None:
        # a label alone ("Veröffentlicht:", "• Mise en ligne"), the date on the next line
        if ln.words <= 4 and i + 1 < len(lines) and lines[i + 1].words <= 6 \
                and lines[i + 1].length <= DATELINE_MAX_CHARS and not _other_event(lines[i + 1].body):
            return publication_date(lines[i + 1].body, day_first=day_first)
        return None
    if _other_event(ln.body):
        return None
    if LEADING_PUBLICATION_WORD.match(ln.body) or ln.words <= 12:
        return None if inside and _dated_sentence(ln) else published
    if inside:
        return None
    stated = SELF_REFERENCE.search(ln.body) or (not _dated_sentence(ln) and publication_word_before_date(ln.body))
    return published if stated else None
