"""The publication date is read from more of the datelines pages print, and not from a list of dates.

Each page is a small header read by `read_header` directly (every line kept, as the line model might
leave it), so the test does not depend on the line model's verdicts. The shapes are the kinds the dev
pages gave (benchmarks/metadata.py measures them against benchmarks/date_labels.json); the strings are
made up, since the rules name no site and no phrase.
"""

from __future__ import annotations

import datetime as dt

import pytest

from build_dataset.clean import clean_page
from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.cues import cue_reason
from build_dataset.clean.dates import parse_date, publication_date, states_date
from build_dataset.clean.header_lines import is_dateline
from build_dataset.clean.lines import split_lines
from build_dataset.clean.metadata import Header, read_header
from build_dataset.clean.stoplists import stoplist_for_words

HEADLINE = "Parliament votes on the new water budget after a long night"
BODY = ("The regional parliament approved the water budget on Tuesday after a debate that lasted "
        "through the night, and the opposition said it would challenge the vote in court.")
MENU = ["• Home", "• Politics", "• Sport", "• Culture"]
EXTRAS = ["Share", "Comments (32)", "Members of parliament in the chamber"]
"""What lies between a header's dateline and the body: share buttons, a counter, a lead image's alt text."""


def _header(rows: list[str]) -> Header:
    """The header of a page whose rows are followed by BODY, the first body line; a row's cue is the one
    its words give (a photo credit is a "caption"), as the line classifier would set it."""
    lines = split_lines("\n\n".join([*rows, BODY]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines]
    return read_header(lines, verdicts, len(lines) - 1, stoplist)


@pytest.mark.parametrize(("dateline", "published"), [
    ("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020", dt.date(2020, 9, 26)),
    ("PUBLISHED: January 16, 2023 at 4:30 p.m. | UPDATED: January 17, 2023 at 3:58 a.m.", dt.date(2023, 1, 16)),
    ("Publiziert am 03.04.2020 um 12:35 Uhr von der Redaktion, zuletzt geändert am 11.04.2020", dt.date(2020, 4, 3)),
])
def test_a_dateline_opened_by_a_publication_word_is_read_however_many_words_it_has(
        dateline: str, published: dt.date) -> None:
    """Times, time zones and an update's date make a dateline long in words: more than twelve, and it
    was taken for a sentence and the date lost. A publication word the list lacked lost it too."""
    assert _header([*MENU, HEADLINE, HEADLINE, "By Jane Roe", dateline]).published == published


def test_a_date_glued_to_the_byline_is_read() -> None:
    """"2.03.2018von Jane Roe": no word boundary after the year, so the line was not seen as dated."""
    assert _header([*MENU, HEADLINE, HEADLINE, "2.03.2018von Jane Roe"]).published == dt.date(2018, 3, 2)


NOT_THE_ARTICLES = [
    # today's date in the masthead, above the menu: farther than a header reaches
    ["Tuesday, 3 May 2022", *MENU, *[f"• Topic {n}" for n in range(12)], *EXTRAS],
    # a list of teasers, each with its date
    [*MENU, "Budget row 2 March 2021", "Water prices 4 March 2021", *EXTRAS],
    # a photo's date in its caption, a table row's date, an archive's capture period
    [*MENU, "Members of parliament in the chamber Photo: Jane Roe 5 March 2021", *EXTRAS[:2]],
    [*MENU, "100 m final            19.05.2007", *EXTRAS],
    [*MENU, "14 Oct 2014 - 10 Aug 2017", *EXTRAS],
]
"""Pages with a date near the body that is not the article's."""


def test_the_dateline_nearest_above_the_body_is_read_when_it_is_the_only_date_there() -> None:
    """The slot a headline fills is the last title-like line above the body (here a lead image's alt
    text); the dateline with the byline above the real headline was neither below that slot nor right
    above it, and the date was lost. It is read only when it is the one date near the body and no
    caption's, table row's or period's."""
    assert _header([*MENU, "By Jane Roe 6 March 2021", HEADLINE, *EXTRAS]).published == dt.date(2021, 3, 6)
    # share buttons below a dateline are no menu below a masthead's date
    shares = ["• Share on Facebook", "• Share on Twitter", "• Share via Email"]
    rows = [*MENU, HEADLINE, "By Jane Roe 6 March 2021", *shares, EXTRAS[-1]]
    assert _header(rows).published == dt.date(2021, 3, 6)
    for rows in NOT_THE_ARTICLES:
        assert _header(rows).published is None, rows


def test_a_period_is_no_publication_date() -> None:
    """Two dates joined by a dash are a period: its first date used to be taken."""
    assert publication_date("14 Oct 2014 - 10 Aug 2017", day_first=None) is None
    assert publication_date("Published 3 May 2020 | Updated 5 May 2020", day_first=None) == dt.date(2020, 5, 3)


def test_a_list_of_dated_posts_below_the_headline_gives_no_date() -> None:
    """A blog's list of recent posts (a next-post link among them) below the headline's slot: each is a
    dateline, and the first one's date was taken. An update's line beside the post's date is no list."""
    posts = ["Notes 01/24/2020", "Notes 01/26/2020", "Notes 01/23/2020"]
    assert _header([*MENU, HEADLINE, HEADLINE, *posts]).published is None
    head = _header([*MENU, HEADLINE, HEADLINE, "26 September 2019 Jane Roe", "Aktualisiert am 19.02.2020"])
    assert head.published == dt.date(2019, 9, 26)


def _read_from(rows: list[str], first: str) -> Header:
    """The header of a page read with the body starting at row `first` (as `body_start` puts it when a
    summary paragraph ends like prose: it is taken for the body's first paragraph)."""
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD) for _ in lines]
    return read_header(lines, verdicts, next(i for i, ln in enumerate(lines) if ln.body == first), stoplist)


LEAD = ("Two years of talks end in a vote that the opposition calls rushed, while the farmers who use most "
        "of the water say they were never asked, and the cities that buy the rest warn that prices will rise "
        "for every household before the summer, when the reservoirs are at their lowest.")


def test_a_dateline_right_below_a_long_standfirst_taken_for_the_body_is_read() -> None:
    """A standfirst a little longer than STANDFIRST_MAX_CHARS was taken for the first paragraph and the
    dateline right under it was lost; two lines down, or under a longer paragraph, a date is not read."""
    assert 250 < len(LEAD) <= 320
    head = _read_from([*MENU, HEADLINE, LEAD, "4.02.2022 by Jane Roe", BODY], LEAD)
    assert head.published == dt.date(2022, 2, 4)
    assert _read_from([*MENU, HEADLINE, LEAD, "Share", "4.02.2022 by Jane Roe", BODY], LEAD).published is None
    long_first = f"{LEAD} {LEAD}"
    assert _read_from([*MENU, HEADLINE, long_first, "4.02.2022 by Jane Roe", BODY], long_first).published is None


@pytest.mark.parametrize(("line", "published"), [
    ("Friday | 14 June 2019 | 15:49 BY Jane Roe IN Fashion | 0 COMMENTS", dt.date(2019, 6, 14)),
    ("[logo] / Jane Roe / 10:08 am Fri Jul 19, 2013 / 12 comments", dt.date(2013, 7, 19)),
    ("Politics | By: Jane Roe | Actualizado el: 19 abril 2022 9:12 pm", dt.date(2022, 4, 19)),
])
def test_a_line_of_header_fields_with_a_date_is_a_dateline(line: str, published: dt.date) -> None:
    """Rubric, author, date and a comment count on one line run past ten words: the line was not taken
    for a dateline and the date was lost. A sentence holding a date stays no dateline."""
    assert _header([*MENU, HEADLINE, HEADLINE, line]).published == published
    sentence = "The vote | held on 14 June 2019 | was the first of the new parliament since it met."
    assert _header([*MENU, HEADLINE, HEADLINE, sentence]).published is None


@pytest.mark.parametrize(("text", "date"), [
    ("2021/09/19", dt.date(2021, 9, 19)),                    # year first with slashes
    ("2022.02.24 10:15", dt.date(2022, 2, 24)),              # year first with dots
    ("sábado 07 de mayo del 2022", dt.date(2022, 5, 7)),      # "del" before the year
    ("5 окт. 2021", dt.date(2021, 10, 5)),                    # Russian, abbreviated
    ("12 груд. 2021", dt.date(2021, 12, 12)),                 # Ukrainian, abbreviated
    ("3 сак. 2020", dt.date(2020, 3, 3)),                     # Belarusian, abbreviated
])
def test_more_ways_of_writing_a_date_are_read(text: str, date: dt.date) -> None:
    """Each of these was read as no date at all."""
    assert publication_date(text, day_first=None) == date


def test_a_caption_between_the_dateline_and_the_body_does_not_hide_the_date() -> None:
    """A lead image's caption ends like prose, so the search upwards stopped at it, as at a paragraph,
    and the date above it was lost. A dated sentence (a headline ending in "?") gives no date."""
    caption = "A metal robot stands in front of the clock tower in London."
    rows = [*MENU, "Press release 2 November 2021", "Share", HEADLINE, caption]
    assert _header(rows).published == dt.date(2021, 11, 2)
    question = "Report of 22.04.2020: what are the ministers waiting for?"
    assert _header([*MENU, question, "Share", HEADLINE, caption]).published is None


@pytest.mark.parametrize(("dateline", "published"), [
    ("Veröffentlicht am 19. Dezember 202219. Dezember 2022 von Redaktion", dt.date(2022, 12, 19)),
    ("Jane Roe3.11.2023", dt.date(2023, 11, 3)),
    ("Von Jane Roe 4. 2. 2022", dt.date(2022, 2, 4)),
    ("Erstellt am 01.01.23 um 08:35", dt.date(2023, 1, 1)),
    ("janeroe28.09.1912:44", dt.date(2019, 9, 28)),
])
def test_glued_spaced_and_two_digit_year_dates_are_read(dateline: str, published: dt.date) -> None:
    """A dump glues a post's date to its copy or to the name before it, spaces a dotted date, or writes
    the year with two digits: none of these was read, and the page was left undated."""
    assert publication_date(dateline, day_first=None) == published


@pytest.mark.parametrize("text", ["version 2.1.12 released", "see section 1.10.19.2", "Chapter 3.2.11a"])
def test_a_version_or_section_number_is_no_date(text: str) -> None:
    assert publication_date(text, day_first=None) is None


def _page(rows: list[str], first: str, kept: set[str] | None = None) -> Header:
    """The header of a page read with the body starting at row `first`; only the rows in `kept` (all,
    when None) are body, as the line model would leave them."""
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD if kept is None or ln.body in kept else 0, cue=cue_reason(ln.body)) for ln in lines]
    return read_header(lines, verdicts, next(i for i, ln in enumerate(lines) if ln.body == first), stoplist)


def test_a_statement_of_the_publication_below_the_post_is_read_and_not_removed() -> None:
    """A blog's footer says when the post was published; it lay below the body, where no date was read."""
    statement = "Dieser Beitrag wurde am 04/02/2020 von Jane in Politik, Wasser veröffentlicht."
    head = _page([*MENU, BODY, BODY + " Again.", statement, "• Share"], BODY, kept={BODY, BODY + " Again."})
    assert head.published == dt.date(2020, 2, 4)
    assert not head.reasons


def test_a_publication_label_above_a_bare_date_is_read() -> None:
    rows = [*MENU, STANDFIRST_SHORT, "• A documentary", "by Jane Roe", "• Mise en ligne", "23 mai 2019", BODY]
    assert _page(rows, STANDFIRST_SHORT).published == dt.date(2019, 5, 23)


STANDFIRST_SHORT = "Two years of talks end in a vote that the opposition calls rushed."


def test_a_press_release_s_dated_lead_is_read() -> None:
    lead = "Pressemitteilung vom 25. Januar 2022 | Berlin – " + BODY
    assert _page([*MENU, lead, BODY], lead).published == dt.date(2022, 1, 25)


NOT_STATED = [
    # a sentence of the body reporting another text's publication
    ([*MENU, BODY, "The study was published on 3 May 2020 in a journal, and its authors say the budget is too low.",
      BODY + " More."], BODY),
    # a list of posts below a long first paragraph, each with its publication statement
    ([*MENU, f"{BODY} {BODY}", "Posted on 2 March 2021", "Other post", "Posted on 4 March 2021"], f"{BODY} {BODY}"),
    # a date inside the first paragraph's sentence, and a list of dated press releases
    ([*MENU, "Am 3. Mai 2020 hat das Parlament " + BODY, BODY], "Am 3. Mai 2020 hat das Parlament " + BODY),
    ([*MENU, "05.12.2022 | Paris - " + BODY, "02.12.2022 | Husum - " + BODY], "05.12.2022 | Paris - " + BODY),
    # a comment's stamp below the article, with no publication word
    ([*MENU, BODY, BODY + " Again.", "Jane Roe 4 May 2022 at 10:12", "Great read."], BODY),
]


@pytest.mark.parametrize(("rows", "first"), NOT_STATED)
def test_a_date_no_line_states_as_the_page_s_is_not_read(rows: list[str], first: str) -> None:
    assert _page(rows, first).published is None


@pytest.mark.parametrize(("text", "date"), [
    ("31 Donnerstag Okt 2019", dt.date(2019, 10, 31)),        # a weekday between the day and the month
    ("4 Monday May 2020", dt.date(2020, 5, 4)),
    ("Data: 28-04-2021, 09:29", dt.date(2021, 4, 28)),        # dashes, day first (the day is over 12)
    ("07-30-2008", dt.date(2008, 7, 30)),                     # dashes, month first (the day is over 12)
    ("05-05-2021", dt.date(2021, 5, 5)),                      # dashes, either order
])
def test_a_weekday_between_day_and_month_and_a_dashed_date_are_read(text: str, date: dt.date) -> None:
    """Each of these was read as no date at all."""
    assert publication_date(text, day_first=None) == date


@pytest.mark.parametrize("text", ["03-05-2022", "Peters Classic 20-20-20 Fertilizer", "ID 1-2-3-2020"])
def test_a_dashed_date_of_either_order_or_a_product_number_is_no_date(text: str) -> None:
    """May 3 or March 5: the order of a dashed date is the locale's, and an English page may be of
    either, so a date whose day and month could swap is not read."""
    assert publication_date(text, day_first=None) is None


@pytest.mark.parametrize(("line", "published"), [
    # an update's label glued to the publication's year
    ("sabado 07 de mayo del 2022Actualizado 07 May 2022 | 13:43 h", dt.date(2022, 5, 7)),
    # a numeric date opening a line of fields, eighteen words long
    ("28.04.2021 - 07:18 | Quelle: dpa-AFX | Lesedauer etwa 4 min. | Text vorlesen Stop Pause Fortsetzen",
     dt.date(2021, 4, 28)),
])
def test_a_glued_update_word_and_a_date_opening_a_line_of_fields_make_a_dateline(
        line: str, published: dt.date) -> None:
    """Neither line was taken for a dateline: too many words, and the glued word no word to `\\b`."""
    assert _header([*MENU, HEADLINE, HEADLINE, line]).published == published


def test_a_publication_word_right_before_the_date_states_it_in_a_long_byline() -> None:
    """A byline's block of nineteen words with the creation and the change dates was read as no
    statement: it neither opens with the publication word nor names the page."""
    byline = "von Jane Roe Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35"
    assert _page([*MENU, HEADLINE, byline, "Photo: Jane Roe", BODY], BODY, kept={BODY}).published \
        == dt.date(2023, 1, 1)


def test_a_stated_publication_earlier_than_the_update_under_the_headline_is_read() -> None:
    """The update's date under the headline was taken for the publication stated below the body; the
    Polish label of a publication date is read as one too."""
    rows = [*MENU, HEADLINE, HEADLINE, "Aktualisiert: 11.04.2020, 10:27", BODY, BODY + " Again.",
            "Publiziert: 03.04.2020, 12:35", "• Share"]
    assert _page(rows, BODY, kept={BODY, BODY + " Again."}).published == dt.date(2020, 4, 3)
    rows = [*MENU, HEADLINE, HEADLINE, "Aktualizacja: 05.05.2021, 05:53", "Publikacja: 04.05.2021", BODY]
    assert _page(rows, BODY, kept={BODY}).published == dt.date(2021, 5, 4)


def test_a_post_s_meta_line_below_the_body_gives_its_date() -> None:
    """A blog's footer line opening with the date and its byline, with no publication word, was not
    read; kept as body (a list of posts prints its items so) it is not."""
    meta = "Dezember 26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar"
    rows = [*MENU, BODY, BODY + " Again.", "• Share", meta, "← Previous post"]
    assert _page(rows, BODY, kept={BODY, BODY + " Again."}).published == dt.date(2019, 12, 26)
    assert _page(rows, BODY, kept={BODY, BODY + " Again.", meta}).published is None


PARAGRAPH = " ".join([BODY, BODY])
"""A paragraph of more than LONG_PARAGRAPH_WORDS words."""


def test_the_dateline_above_the_first_long_paragraph_is_read_when_the_start_was_a_teaser() -> None:
    """The body's first line was a menu's teaser kept as body; the article's dateline lay above its
    first long paragraph, far below, and was not read. A date the line model keeps there (a
    chronology's heading) is not read."""
    teaser = "Energy costs worry households and firms across Europe."
    teasers = ["• Economy", "Water prices fall", "• Culture", "A film prize", "• Sport", "A derby lost", "• Share"]
    rows = [*MENU, teaser, *teasers, "7. November 2023", "[photo]", PARAGRAPH]
    assert _page(rows, teaser, kept={teaser, PARAGRAPH}).published == dt.date(2023, 11, 7)
    assert _page(rows, teaser, kept={teaser, PARAGRAPH, "7. November 2023"}).published is None


def test_a_column_s_date_set_as_its_own_sentence_opens_the_lead() -> None:
    """A column opens its teaser and its text with the date and a full stop: no separator followed the
    date, and the same date opening the next paragraph was taken for a list's."""
    first, second = "31. Oktober 2023. " + BODY, "31. Oktober 2023. " + LEAD
    assert _page([*MENU, first, second], first).published == dt.date(2023, 10, 31)
    other = "24. Oktober 2023. " + LEAD
    assert _page([*MENU, first, other], first).published is None


@pytest.mark.parametrize(("row", "published"), [
    ("1. Approval of the minutes of 5.8.2019", None),  # an agenda's item
    ("2) Budget for 2020 as of 12.03.2019", None),
    ("3. Mai 2021", dt.date(2021, 5, 3)),  # a date that opens with its day's number
])
def test_a_numbered_item_below_the_headline_is_no_dateline(row: str, published: dt.date | None) -> None:
    """An agenda or a list of steps numbers its items, and an item may hold a date (the minutes of an
    earlier meeting): a dev page's item was read as its publication date."""
    assert _header([*MENU, HEADLINE, HEADLINE, row]).published == published


GERMAN_BODY = ("Das Parlament hat den Wasserhaushalt am Dienstag nach einer langen Debatte beschlossen, und die "
               "Opposition will nun gegen die Abstimmung vor Gericht ziehen, weil sie die Gebühren für zu hoch hält.")


def _language_page(rows: list[str], body: str, below: tuple[str, ...] = ()) -> Header:
    """The header of a page in the language of `body` (the stoplist the page's words pick), with lines
    `below` the body."""
    lines = split_lines("\n\n".join([*MENU, *rows, body, *below]))
    _, stoplist = stoplist_for_words(body.lower().split())
    start = next(i for i, ln in enumerate(lines) if ln.body == body)
    return read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)


@pytest.mark.parametrize(("dateline", "body", "published"), [
    ("By Jane Roe • 25/12/21 5:19pm", BODY, dt.date(2021, 12, 25)),   # a day over 12: plain
    ("By Jane Roe • 12/25/21 5:19pm", BODY, dt.date(2021, 12, 25)),   # a day over 12 second: month first
    ("By Jane Roe • 11/08/23 5:19pm", BODY, None),                    # English, either order: no date
    ("Von Jana Rohde • 11/08/23 17:19", GERMAN_BODY, dt.date(2023, 8, 11)),  # German writes day first
])
def test_a_slashed_date_of_a_two_digit_year_is_read_only_in_a_known_order(
        dateline: str, body: str, published: dt.date | None) -> None:
    """"11/08/23" is 11 August in Europe and 8 November in the US: its own parts or the page's language
    must say which, else it is refused (a wrong date is worse than none)."""
    assert _language_page([HEADLINE, HEADLINE, dateline], body).published == published


def test_a_page_s_plain_slashed_date_gives_the_order_of_its_ambiguous_one() -> None:
    """An English page whose other slashed date is plainly month first ("12/25/21") reads "11/08/23" so."""
    below = ("Readers could send in their questions until 12/25/21 through the form on our page.",)
    head = _language_page([HEADLINE, HEADLINE, "By Jane Roe • 11/08/23 5:19pm"], BODY, below)
    assert head.published == dt.date(2023, 11, 8)


@pytest.mark.parametrize("text", ["12/24/48-Volt turbines", "03/04/21"])
def test_a_slashed_short_year_of_either_order_or_a_product_number_is_no_date_alone(text: str) -> None:
    assert publication_date(text, day_first=None) is None


def test_the_order_of_an_ambiguous_slashed_date_is_the_caller_s_argument() -> None:
    """The page's order (`slashed_order`) is handed to the date reader, not kept anywhere: the same
    "11/08/23" is 11 August read day first, 8 November read month first and no date when the page does not
    say, in any order of calls. The dateline test takes the order too: a line a publication word opens, too
    long in words for the word alone to make it a dateline, is one only when its date can be read."""
    august, november = dt.date(2023, 8, 11), dt.date(2023, 11, 8)
    orders = (True, False, None, True, None, False)
    expected = [august, november, None, august, None, november]
    assert [parse_date("11/08/23", day_first=order) for order in orders] == expected
    assert [publication_date("By Jane Roe • 11/08/23 5:19pm", day_first=order) for order in orders] == expected
    line = split_lines("Published by the editors of the regional water desk in the capital 11/08/23 5:19pm")[0]
    assert [is_dateline(line, day_first=order) for order in orders] == [True, True, False, True, False, True]


@pytest.mark.parametrize(("text", "dated"), [
    ("3 May 2021", True), ("19.10.19, 18:56", True), ("26 | 01 | 2022", True), ("7:05 a.m.", True),
    ("Publiziert vor einer Stunde", True),  # a publication word
    ("Publicado el 11 de mayo", True), ("Jane RoeNovember 6, 2023", True),  # a month's name, glued or not
    ("Olympia 2022", False), ("DIE ZEIT 43/2019", False), ("© 2006-2034 Example", False),  # a year alone
    ("Summary 2019", False),  # no month's name inside a word
])
def test_a_line_states_a_date_when_it_writes_more_than_a_year(text: str, dated: bool) -> None:
    assert states_date(text) is dated


def test_a_header_line_read_as_a_dateline_for_its_year_alone_is_removed_but_not_as_a_dateline() -> None:
    """The header reader takes a short line with a year for a dateline ("Olympia 2022", a rubric below the
    headline), and removes it; "dateline" would say it holds the publication date."""
    raw = "\n\n".join([*MENU, HEADLINE, "Olympia 2022", "3 May 2021", BODY])
    page = clean_page(raw)
    def reason_of(text: str) -> str:
        at = raw.index(text)
        return next(s.reason for s in page.removed if s.start <= at < s.end)

    assert page.title == HEADLINE and page.published == dt.date(2021, 5, 3)
    assert reason_of("3 May 2021") == "dateline"
    assert reason_of("Olympia 2022") == "navigation"  # the line's own reason, or "navigation"
