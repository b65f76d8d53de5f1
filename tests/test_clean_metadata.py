"""The header reader refuses a title, a section or an author that cannot be one, on any site, and reads
the publication date printed beside the headline.

Each page is a small header (a line above the headline, the headline, a byline line, the body) read by
`read_header` directly, so the test does not depend on the line model's verdicts. The refused values
are the kinds the dev pages gave before the fix (benchmarks/metadata.py measures them on real pages);
the strings here are made up, since the rules name no site and no phrase.
"""

from __future__ import annotations

import datetime as dt

import pytest

from build_dataset.clean import clean_page
from build_dataset.clean.bylines import person_name, wire_credit
from build_dataset.clean.classify import BAD, GOOD, Verdict
from build_dataset.clean.cues import compound_phrase, cue_reason
from build_dataset.clean.header_lines import prose
from build_dataset.clean.headlines import NEAREST_LINES, PANEL_MARKS, _headline_shape, comments_quote
from build_dataset.clean.lines import split_lines
from build_dataset.clean.metadata import Header, body_start, header_and_body, read_header
from build_dataset.clean.standfirsts import _standfirst_text, standfirst_repeat
from build_dataset.clean.stoplists import stoplist_for_words

HEADLINE = "Parliament votes on the new water budget after a long night"
BODY = ("The regional parliament approved the water budget on Tuesday after a debate that lasted "
        "through the night, and the opposition said it would challenge the vote in court.")


def _read(above: list[str], byline: str | None = None, *, menu: list[str] = ()) -> Header:
    """The header of a page: menu lines, the lines above the headline, the headline (printed twice, as
    pages often do: it is then the headline even when a menu item recurs too), a byline, the body."""
    rows = [*menu, *above, HEADLINE, HEADLINE, *([byline] if byline else []), BODY]
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD) for _ in lines]
    return read_header(lines, verdicts, len(lines) - 1, stoplist)


MENU = ["• Home", "• Politics", "• Sport", "• Culture"]


@pytest.mark.parametrize("line", [
    "0", "4 min", "vor 2 Stunden", "12°C", "EUR0,00", "<>", ">", "ES",
    "Foto: Jane Roe/Agency", "example-news.de", "Prof. Dr. Jane Roe",
    "By Editorial Staff", "Von Jane Roe", "Menu", "Login", "Previous Next", "Skip to content",
    "Aktualisiert: vor 20 Stunden", "Jane RoeJane Roe", "kicker text",
])
def test_a_line_that_cannot_be_a_rubric_is_no_section(line: str) -> None:
    """Counters, stamps, credits, URLs, bylines, furniture cues and repeated alt texts right above the
    headline used to become the section; the section is now null. The line is also in the menu, so
    only its shape refuses it."""
    assert _read([line], menu=[*MENU, f"• {line}"]).section is None


def test_a_rubric_printed_once_above_the_headline_is_no_section() -> None:
    """A kicker or the menu's last item printed once is not known to be the article's rubric."""
    assert _read(["Faire Lieferketten"], menu=MENU).section is None


@pytest.mark.parametrize("rubric", ["Politics", "Umwelt & Klima", "Wirtschaft", "Новини", "#GameTechie"])
def test_a_rubric_that_the_menu_holds_too_is_the_section(rubric: str) -> None:
    assert _read([rubric], menu=[*MENU, f"• {rubric}"]).section == rubric


def test_a_breadcrumb_gives_its_last_rubric() -> None:
    assert _read(["News > Politics"], menu=MENU).section == "Politics"
    assert _read(["News > 2 min"], menu=MENU).section is None


def test_a_rubric_opening_the_page_is_the_section() -> None:
    """A dump cut to the article starts with its rubric: there is no menu it could be the end of."""
    assert _read(["Russia & Europe"]).section == "Russia & Europe"


def _page_header(page: str) -> Header:
    """The header of a page given as its text dump, blank lines and all: a list's items follow each
    other with no blank line between them, which `_read` (one blank line after every row) cannot show."""
    lines = split_lines(page)
    _, stoplist = stoplist_for_words(BODY.lower().split())
    return read_header(lines, [Verdict(GOOD) for _ in lines], len(lines) - 1, stoplist)


def _above_headline(block: str) -> Header:
    """A page with a spaced menu that holds "Politics", then `block` right above the headline (printed
    twice), then the body."""
    return _page_header("\n\n".join([*MENU, block, HEADLINE, HEADLINE, BODY]))


def test_the_last_item_of_a_menu_is_no_section() -> None:
    """A menu of the site's rubrics ends right above the headline: its last item is not the article's
    rubric, though the site has such a rubric."""
    assert _above_headline("• World\n• Business\n• Politics").section is None


def test_one_or_two_items_above_the_headline_give_the_section() -> None:
    """A "Home" item and the article's rubric, or the rubric alone, printed as links."""
    assert _above_headline("• Home\n• Politics").section == "Politics"
    assert _above_headline("• Politics").section == "Politics"


def test_a_counter_beside_the_rubric_is_passed_over() -> None:
    """A comments' counter printed beside the rubric ("• News" / "• 4") stands between it and the headline."""
    assert _above_headline("• Politics\n• 4").section == "Politics"
    assert _above_headline("Politics\n\n231919").section == "Politics"
    assert _above_headline("• World\n• Business\n• Politics\n• 4").section is None  # a menu's last items


def test_a_breadcrumb_printed_as_a_list_gives_its_rubric() -> None:
    """A list of links that ends with the headline is a breadcrumb, however many items it has; a menu
    that holds the headline among its items goes on after it."""
    assert _above_headline(f"• Home\n• News\n• Politics\n• {HEADLINE}").section == "Politics"
    assert _above_headline(f"• Home\n• News\n• Politics\n• {HEADLINE}\n• Sport").section is None


def test_a_list_of_breadcrumb_items_is_no_menu() -> None:
    """Items that end with a breadcrumb's separator are a breadcrumb, not a menu."""
    assert _above_headline("• Home ›\n• News ›\n• Politics").section == "Politics"


@pytest.mark.parametrize("line", [
    "Posted by Jane Roe | Categories: Politics | Editorial",
    "12 March 2021 | Tags: Water, Budget | Politics",
])
def test_a_line_of_header_fields_is_no_breadcrumb(line: str) -> None:
    """Fields split like a breadcrumb's parts (a byline, a labelled category, tags) end with a button
    or a tag as often as with a rubric."""
    assert _read([line], menu=MENU).section is None


def test_a_date_and_a_rubric_give_the_section() -> None:
    assert _read(["12 March 2021 | Politics"], menu=MENU).section == "Politics"


@pytest.mark.parametrize(("dateline", "section"), [
    ("12 March 2021 | Politics", "Politics"),  # a rubric of the menu among the dateline's fields
    ("12 March 2021 | Kategorie: Culture", "Culture"),  # its label is no part of it
    ("12 March 2021 | Energy", None),  # no item of the menu: a tag, a place or a source as often
    ("12 March 2021 | Politics | Sport", None),  # a list of tags: none is evidently the article's
])
def test_a_field_of_the_dateline_that_the_menu_prints_is_the_section(dateline: str, section: str | None) -> None:
    """Below the headline, a line of fields names the rubric when the menu holds it too."""
    assert _read([], dateline, menu=MENU).section == section


def test_a_breadcrumb_ending_with_the_headline_cut_gives_the_rubric_before_it() -> None:
    """A breadcrumb ends with the article's headline, often cut to its first words: that part is no rubric."""
    assert _read(["News > Parliament votes"], menu=MENU).section == "News"


def test_a_photo_credit_after_a_slash_is_no_breadcrumb() -> None:
    """A caption above the headline with its credit ("... Shutterstock / Jane Roe") splits like a
    breadcrumb; the photographer is no rubric."""
    caption = "Solar panels in rural Kenya Solar panels in rural Kenya. Shutterstock / Jane Roe"
    lines = split_lines("\n\n".join([*MENU, caption, HEADLINE, HEADLINE, BODY]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines]
    assert read_header(lines, verdicts, len(lines) - 1, stoplist).section is None


def test_a_rubric_printed_again_only_below_the_article_is_no_section() -> None:
    """The site's menu is above the article. A short line printed again only below it, above one
    teaser, is a kicker that the teaser of a related story repeats (or a tag)."""
    page = "\n\n".join([*MENU, "Water", HEADLINE, HEADLINE, BODY, "Water", "Another story about water"])
    lines = split_lines(page)
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.body == BODY)
    assert read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist).section is None


def _with_footer(above: str, footer: list[str]) -> Header:
    """A page with the menu above, `above` right above the headline (printed twice), the body, then the
    blocks of `footer` below the article."""
    page = "\n\n".join([*MENU, above, HEADLINE, HEADLINE, BODY, *footer])
    lines = split_lines(page)
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.body == BODY)
    return read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)


RUBRIC_MENU = "Our sections\n\n• Rowing\n• Sailing\n• Canoe & Kayak\n• Club life"


def test_a_rubric_that_a_menu_below_the_article_holds_is_the_section() -> None:
    """A short line above the headline that the site's menu of rubrics prints below the article (in
    the footer, a category list) is the article's rubric: a kicker is no item of a menu."""
    assert _with_footer("Rowing", [RUBRIC_MENU]).section == "Rowing"


@pytest.mark.parametrize(("above", "footer"), [
    # a list of the latest stories holds the article's short headline among long ones
    ("Rowing", ["Latest posts\n\n• Rowing\n• Harbour festival draws record crowds to the old town\n• Club life"]),
    # two items are no menu
    ("Rowing", ["• Rowing\n• Sailing"]),
    # the headline holds the line's text: a topic kicker, whatever the menu below prints
    ("Water", ["• Water\n• Sailing\n• Canoe & Kayak\n• Club life"]),
])
def test_a_line_in_no_menu_of_rubrics_below_is_no_section(above: str, footer: list[str]) -> None:
    assert _with_footer(above, footer).section is None


TEASERS = ["Region", "Fire brigade crews practise rescues on the frozen lake",
           "Region", "Bus timetables change for the villages in the hills this winter"]


def test_a_rubric_above_the_teasers_of_other_stories_below_is_the_section() -> None:
    """A short line above the headline that the page prints again above the headlines of two other
    stories below the article labels a rubric of the site: a kicker belongs to one story."""
    assert _with_footer("Region", TEASERS).section == "Region"


@pytest.mark.parametrize("footer", [
    TEASERS[:2],  # one teaser: a related story's kicker as often as a rubric
    # each teaser's categories joined by spaces: "Region" is one story's list of them
    [*TEASERS, "Culture Region", "A choir from the valley sings in the cathedral on Sunday"],
    # a placeholder printed above widgets' headings
    ["Region", "Latest videos", "Region", "Most read"],
])
def test_a_line_above_too_few_teasers_below_is_no_section(footer: list[str]) -> None:
    assert _with_footer("Region", footer).section is None


def test_a_breadcrumb_without_separators_above_counts_as_the_rubric_printed_again() -> None:
    """"Home Water The headline" above the article is a breadcrumb printed without separators: it names
    the rubric that the line above the headline gives."""
    rows = ["• Home", "• Sport", f"Home Water {HEADLINE}", "Water", HEADLINE, HEADLINE, BODY]
    assert _page_header("\n\n".join(rows)).section == "Water"
    assert _page_header("\n\n".join(rows[:2] + rows[3:])).section is None


def test_a_rubric_above_an_untrusted_headline_is_no_section() -> None:
    """Above a line whose text is not trusted as the headline (a widget, a teaser printed once), a
    short line is a teaser's or a widget's as often as the article's rubric."""
    header = _page_header("\n\n".join([*MENU, "Politics", "Listen to our weekly podcast", BODY]))
    assert header.title is None
    assert header.section is None


def test_the_last_item_of_a_menu_with_text_under_its_items_is_no_section() -> None:
    """A menu whose items hold indented text (a ranking under "Top 20", a widget) goes on through that
    text: its item right above the headline is still the menu's last."""
    menu = "• World\n• Business\n• Top 20\n      1\n      Some Game\n      Release: 2024\n• Politics"
    assert _above_headline(menu).section is None


@pytest.mark.parametrize(("crumb", "section"), [
    (f" 1. Home\n 2. News\n 3. Politics\n 4. {HEADLINE}", "Politics"),
    (f" 1. Startseite\n 2. >\n 3. Politics\n 4. >\n 5. {HEADLINE}", "Politics"),  # separators as items
    (" 1. Home\n 2. Politics", "Politics"),  # the list ends at the rubric
    (f" 1. Accueil\n 2. Politics\n 3. {HEADLINE}\n\nWater and power", "Politics"),  # a kicker between
    (f" 1. Example News\n 2. Politics\n 3. {HEADLINE}", "Politics"),  # the site's name first
    (" 1. Water\n 2. Politics", None),  # neither the front page first nor the headline last: a list of links
    (f" 1. Most read\n 2. Storm hits the coast, 3 dead\n 3. Rail Strike Ends\n 4. {HEADLINE}", None),  # teasers
    (" 1. Home\n 2. Politics\n 3. Energy>\n 4. Parliament votes on the new water budget…", "Energy"),  # cut
    (" 1. Home\n 2. Politics\n 3. Votes on the water budget", None),  # the article's short name
])
def test_a_breadcrumb_printed_as_a_numbered_list_gives_its_rubric(crumb: str, section: str | None) -> None:
    """A numbered list of links opening with the front page ("1. Home") or ending with the headline is a
    breadcrumb: its last part but the headline (and but its first, the front page by its name or the
    site's) is the article's rubric. A last part that shares two words with the headline is the article's
    own short name, and the list then names no rubric."""
    assert _above_headline(crumb).section == section


def test_a_parent_rubric_of_a_breadcrumb_above_is_no_section() -> None:
    """A short line above the headline that the breadcrumb just above prints as a parent of its last
    part is a parent rubric, even when the menu holds it."""
    crumb = " 1. Home\n 2. Politics\n 3. Budgets\n 4. Water budget votes"
    assert _above_headline(f"{crumb}\n\nPolitics").section is None


def test_a_breadcrumb_ending_with_the_headline_a_few_lines_above_gives_its_rubric() -> None:
    """A kicker, a label or an image may stand between the breadcrumb and the headline; a breadcrumb
    that opens with the front page gives the rubric over a dateline's field below it."""
    assert _above_headline(f"News » Energy » {HEADLINE}\n\nPosted inEnergy\n\n[photo]").section == "Energy"
    assert _above_headline("HOME / POLITICS\n\n12 March 2021 | SPONSORED").section == "POLITICS"


@pytest.mark.parametrize(("crumb", "section"), [
    (f"Home›News›Politics›{HEADLINE}", "Politics"),
    ("Startseite>Wirtschaft>Energie", "Energie"),
    (f"You are here:Home»Politics»{HEADLINE}", "Politics"),
    (f"You are here: Home » Politics » {HEADLINE}", "Politics"),  # spaced, after a lead-in
    ("Politics›Energie", None),  # glued, without the front page first: no breadcrumb read
    ("Er sagte»Hallo«", None),  # a German quote
])
def test_a_breadcrumb_with_glued_separators_gives_its_rubric(crumb: str, section: str | None) -> None:
    """A breadcrumb whose separators are glued to its parts ("Home›News›Politics") is read when it opens
    with the front page's link, after a lead-in at most; "»" and "›" glued elsewhere open a quote as
    often, and the line is then one part."""
    assert _above_headline(crumb).section == section


@pytest.mark.parametrize(("label", "section"), [
    ("in Sport", "Sport"),
    ("Kategorie: Umwelt & Klima", "Umwelt & Klima"),
    ("Filed under Politics", "Politics"),
    ("In English", None),  # a language switch: the bare "in" labels in lower case only
    ("in Business, Press Release", None),  # several categories: none evidently the article's
    ("in 2 min", None),  # no rubric's shape after the label
])
def test_a_category_labelled_above_the_headline_is_the_section(label: str, section: str | None) -> None:
    """A line above the headline that labels its category says what a lone short line leaves open (a
    menu's last item, a kicker): no menu need print it too."""
    assert _read([label], menu=MENU).section == section


def test_a_category_labelled_in_the_byline_block_is_the_section() -> None:
    """A category labelled among the byline's fields below the headline names the rubric; the teasers'
    categories printed below an earlier copy of the headline, among other stories, do not."""
    page = [*MENU, HEADLINE, HEADLINE, "By Jane Roe", "12 March 2021", "in Healthcare", "0 comments", BODY]
    assert _page_header("\n\n".join(page)).section == "Healthcare"
    teasers = ["• Storm hits the coast, three dead", "    in Weather", f"• {HEADLINE}", "    in Politics",
               "• Rail strike ends after a week", "    in Transport"]
    page = [*MENU, *teasers, "Politics, Budgets", HEADLINE, "12 March 2021", BODY]
    assert _page_header("\n\n".join(page)).section is None


@pytest.mark.parametrize(("line", "section"), [
    ("This entry was posted in Energy. Bookmark the permalink.", "Energy"),
    ("This entry was posted in Energy and tagged solar, wind. Bookmark the permalink.", "Energy"),
    ("Posted in Energy & Climate by Jane Roe on March 3, 2021", "Energy & Climate"),
    ("Dieser Eintrag wurde veröffentlicht in Energie und verschlagwortet mit Solar, Wind.", "Energie"),
    ("Dieser Beitrag wurde unter Schulleben abgelegt und mit Lernen verschlagwortet.", "Schulleben"),
    ("Veröffentlicht inEnergie", "Energie"),  # glued by the dump
    ("• Veröffentlicht in: Energie", "Energie"),
    ("This entry was posted in Energy, Politics. Bookmark the permalink.", None),  # several
    ("This entry was posted in Uncategorized. Bookmark the permalink.", None),  # the default
    ("Veröffentlicht in der Fachzeitschrift Nature wurde die Studie 2021.", None),  # prose
])
def test_the_post_s_filing_line_gives_the_section(line: str, section: str | None) -> None:
    """Blog software prints where a post is filed below it; one category that is no default is the
    article's rubric, with no menu needing to print it."""
    def read(below: list[str]) -> str | None:
        lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, BODY, *below]))
        _, stoplist = stoplist_for_words(BODY.lower().split())
        start = next(i for i, ln in enumerate(lines) if ln.body == BODY)
        return read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist).section

    assert read(["Leave a Reply"]) is None
    assert read([line, "Leave a Reply"]) == section


@pytest.mark.parametrize(("below", "section"), [
    (["More in Culture", "• Storm hits the coast, three dead"], "Culture"),
    (["Mehr aus: Culture"], "Culture"),
    (["Weitere Meldungen aus der Rubrik Culture:"], "Culture"),
    (["More in Climate"], None),  # a rubric the page prints nowhere else: a topic, a place
    (["More in Culture", "More in Sport"], None),  # rails of several rubrics
    (["More from Culture"], None),  # "from" names an author or an outlet as often
    (["Más de 300 personas"], None),
])
def test_a_rail_s_heading_below_the_article_gives_its_rubric(below: list[str], section: str | None) -> None:
    """A rail's heading below the article names the rubric its teasers come from ("More in Politics"): the
    article's, when the page's menu prints it and no other rail names another."""
    lines = split_lines("\n\n".join([*MENU, "[logo]", HEADLINE, HEADLINE, BODY, *below]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(i for i, ln in enumerate(lines) if ln.body == BODY)
    assert read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist).section == section


def test_a_slash_inside_a_breadcrumbs_part_joins_one_rubric() -> None:
    """Between the parts a "»" splits, "Energy / Solar" is one rubric, not "Solar"."""
    assert _read([f"Home » Energy / Solar » {HEADLINE}"], menu=MENU).section == "Energy / Solar"


@pytest.mark.parametrize("byline", [
    "Creative Commons License", "Notwendige Cookies", "Online Kredit", "Play Video", "Recent Comments",
    "Breaking News", "By Staff Writer", "Jane Roe Jane Roe", "Unit 2049 Team",
])
def test_words_that_are_no_name_are_no_author(byline: str) -> None:
    """Capitalised common or furniture words (menu items, widgets, licences) have a byline's shape;
    the vocabulary of the line model tells them from names."""
    assert _read([], byline).authors == []


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Jane Roe", ["Jane Roe"]),
    ("Von Kathrin Zwiebelmayer und Jörg Quappendahl", ["Kathrin Zwiebelmayer", "Jörg Quappendahl"]),
    ("Zdzisława Pstrągowska", ["Zdzisława Pstrągowska"]),
    ("By Mark Stone", ["Mark Stone"]),
    ("By Perry Bacon Jr.", ["Perry Bacon Jr."]),  # a full stop that ends a name, not a sentence
    ("Von Anna K.", ["Anna K."]),
    ("By Jose de la Cruz", ["Jose de la Cruz"]),  # a surname's particles in lower case
    ("Von Jana Rohde und Piet van der Quappen", ["Jana Rohde", "Piet van der Quappen"]),
    ("Jose de la Cruz", []),  # without a prefix, a lower-case word is a phrase's
    ("Von Jana Rohde, dpa", ["Jana Rohde"]),  # an agency's abbreviation in lower case
    ("By Jane Roe, AFP", ["Jane Roe"]),  # or in capitals
    ("Von Jana Rohde und Piet Quappen, NDR", ["Jana Rohde", "Piet Quappen"]),  # the outlet the writers write for
    ("Von [ef7] Jana Rohde", ["Jana Rohde"]),  # the author's portrait between the prefix and the name
    ("Escrito por Juana Pérez Ruiz", ["Juana Pérez Ruiz"]),  # a phrase that credits the writing
    ("Eine Kolumne von Jana Rohde", ["Jana Rohde"]),
    ("Text und Interview: Jana Rohde", ["Jana Rohde"]),
    ("Text von Jana Rohde     Illustration von Piet Quappen", ["Jana Rohde"]),  # the next field beside it
])
def test_a_name_is_an_author(byline: str, authors: list[str]) -> None:
    """Names pass: with a prefix even when a first name is a common word ("Mark") or a surname holds a
    particle in lower case ("de la"); without one when no word of it is a common word."""
    assert _read([], byline).authors == authors


@pytest.mark.parametrize(("dateline", "authors"), [
    ("12 March 2021 · by Jane Roe · in Politics", ["Jane Roe"]),
    ("By Jane Roe On 12. Mai 2021", ["Jane Roe"]),
    ("por Juana Pérez 4 mayo, 2022", ["Juana Pérez"]),
    ("Posted on March 5, 2020 by Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
    ("By Jane Roe March 5, 2020 5 min read", ["Jane Roe"]),
    ("by Jane Roe, PhD | March 5, 2020", ["Jane Roe"]),
    ("Veröffentlicht am 3. Mai 2021 von Jana Rohde Kategorien: Politik", ["Jana Rohde"]),
    ("12/04/2020 by Kay 24 Comments", ["Kay"]),
    ("Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023", ["Jan Kupitz"]),  # a month's name,
    ("By April Lee 5 March 2020", ["April Lee"]),  # but a first name when a surname follows it
    ("12 March 2021 by admin", []),
    ("Updated 12 March 2021 by the newsroom", []),
    ("By Jana Rohde Last updated Nov 8, 2023", ["Jana Rohde"]),  # a dateline's label ends the name
    ("Von Jana Rohde Vom 3. Februar 2022", ["Jana Rohde"]),  # so does a preposition
    ("von Jana Rohde, Online-Redaktion Veröffentlicht: 26.12.2022", ["Jana Rohde"]),  # a role is no author
    ("Christoph von Zwiebelmayer 24. April 2020", []),  # a name's particle is no prefix
    ("Ein Artikel von Jana Rohde | 27.01.2022", ["Jana Rohde"]),  # a prefix after a word of its label
    ("By Jana Rohde/June 12, 2020 9:49 am EST", ["Jana Rohde"]),  # a slash before the date ends the name
    ("Author: Jarek2man am 29.12.2010, 13:36 Uhr", []),  # so is a handle glued to a digit
])
def test_a_byline_inside_the_dateline_is_read(dateline: str, authors: list[str]) -> None:
    """A line of header fields holds the byline after its prefix word; the name ends at a separator, a
    digit, a month's name, a preposition, a field's label or a dateline's ("Last updated"), and a word
    of common words after a comma is the author's role or place. A handle in lower case is no name, and
    a "von" between two names is a particle, not a prefix; a name glued to the next field is none."""
    head = _read([], dateline)
    assert head.authors == authors
    assert head.published is not None


@pytest.mark.parametrize(("dateline", "authors"), [
    ("2.03.2018von Jana Rohde", ["Jana Rohde"]),  # the prefix glued to the date before it
    ("Veröffentlicht vonJana Rohde 28. Februar 2016", ["Jana Rohde"]),  # ... or to the name after it
    ("Posted on28. Juli 201928. Juli 2019AuthorJana Rohde4 Kommentare", ["Jana Rohde"]),  # a count glued
    ("Posted on 25. Januar 202225. Januar 2022Author Redaktion", []),  # glued, a desk's common word
    ("By Rohde2 on 3 May 2021", []),  # one word glued to a digit: a handle
])
def test_a_byline_the_dump_glued_to_the_dateline_s_fields_is_read(dateline: str, authors: list[str]) -> None:
    """The dump glues a dateline's elements together: the prefix to the date before it or to the name
    after it, the name to the count or date after it. The glue tells where a field ends; a desk's
    common word and a single word glued to a digit (a handle's) are no name."""
    assert _read([], dateline).authors == authors


def test_a_prefixed_byline_glued_to_its_date_below_the_body_s_start_is_read() -> None:
    """A byline below the lead's first paragraph, its name glued to the date ("Por Jana Rohde04 de mayo
    2022 a las 09:01 hrs."): the name ends where the date's digits start."""
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, BODY,
                                      "Por Juana Pérez04 de mayo 2022 a las 09:01 hrs.", SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.authors == ["Juana Pérez"]


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Jana Rohde And Piotr Zielonka For The Sunday Quellpost", ["Jana Rohde", "Piotr Zielonka"]),
    ("By Jana Rohde for Quellnews", ["Jana Rohde"]),  # the outlet they wrote for is no author
    ("By Jana Rohde.", ["Jana Rohde"]),  # a short byline ending with a full stop
    ("By Jana RohdeStaff Writer", ["Jana Rohde"]),  # a role the dump glued to the name
    ("By Jana McQuellan", ["Jana McQuellan"]),  # a surname's inner capital
    ("By the time the vote came, the budget was law.", []),  # a sentence
    ("Posted by Jana Rohde, Piotr Zielonka, Kay Quellmann and Zdenka Pstrągowa - Example Quellbrowser team",
     ["Jana Rohde", "Piotr Zielonka", "Kay Quellmann", "Zdenka Pstrągowa"]),  # long, its names short
])
def test_a_title_case_dotted_or_long_prefixed_byline_is_read(byline: str, authors: list[str]) -> None:
    """A byline in title case capitalises its joiner and names the outlet after "For"; a short one may
    end with a full stop; a role of common words may be glued to the name; a long one may hold short
    names before a team's name."""
    assert _read([], byline).authors == authors


@pytest.mark.parametrize(("block", "authors"), [
    (["Von Jana Rohde/dpa"], ["Jana Rohde"]),
    (["Autor:", "Jana Rohde/SP-X"], ["Jana Rohde"]),  # the prefix alone on the line above
    (["12.05.2021", "Jana Rohde/AFP"], []),  # no prefix: a photo's credit as often
])
def test_an_agency_glued_to_a_prefixed_name_by_a_slash_is_no_part_of_it(block: list[str], authors: list[str]) -> None:
    """A prefixed byline's name may carry the agency's abbreviation after a slash ("Jane Roe/dpa"): the
    name stands without it."""
    head, _ = _dated(block)
    assert head.authors == authors


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Jana Rohde, Piotr Zielonka, 7 News Quellvision", ["Jana Rohde", "Piotr Zielonka"]),  # a station's brand
    ("Par Jana Rohde, envoyée spéciale à Quellstadt", ["Jana Rohde"]),  # a role and a place
])
def test_a_last_part_of_no_name_s_shape_after_a_comma_is_no_author(byline: str, authors: list[str]) -> None:
    """After the names and a comma a byline may print the outlet, the writer's role or place: opening with
    a digit or a word in lower case, it is no name, and the names before it stand."""
    assert _read([], byline).authors == authors


@pytest.mark.parametrize(("byline", "authors"), [
    ("By Jana Rohde@JanaRohde", ["Jana Rohde"]),
    ("Por Juana Pérez jperez@example.com", ["Juana Pérez"]),
    ("By Jana Rohde | jrohde@example.com", ["Jana Rohde"]),
    ("Por Juana Pérez Ruizjuana.perez@example.com", []),  # glued: where the name ends is unknown
])
def test_a_handle_or_an_address_after_the_name_is_no_part_of_it(byline: str, authors: list[str]) -> None:
    """An author's handle glued to the name or an e-mail address after it is the byline's contact."""
    assert _read([], byline).authors == authors


@pytest.mark.parametrize(("line", "authors"), [
    ("von Jana Rohde Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35 von der Redaktion", ["Jana Rohde"]),
    ("Von Kopf bis Fuß: so schützen Sie sich am 3. Mai 2021 vor dem Frost im Garten", []),  # a heading's words
    ("By Jana Rohde/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST", ["Jana Rohde"]),  # ends at the slash
])
def test_a_byline_opening_a_long_line_of_fields_is_read(line: str, authors: list[str]) -> None:
    """A line too long for a dateline that opens with a byline's prefix and states a date holds the
    byline: its names, when they hold a word the vocabulary lacks and end where a field starts."""
    assert _read([], line).authors == authors


def test_a_handle_glued_to_the_name_in_a_dateline_ends_the_name() -> None:
    head = _read([], "By Jana Rohde@JanaRohde Jul 3, 2019, 4:22am EDT")
    assert head.authors == ["Jana Rohde"] and head.published == dt.date(2019, 7, 3)


def test_a_name_printed_twice_is_a_byline_only_above_its_dateline() -> None:
    """A byline widget prints the name and its link; an alt text and its caption print a name twice too,
    so the dateline right below is what tells the byline."""
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, "Jane Roe Jane Roe", "12 March 2021", BODY])
    assert _page_header(page).authors == ["Jane Roe"]
    assert _read([], "Jane Roe Jane Roe").authors == []


@pytest.mark.parametrize(("stack", "authors"), [
    (["By", "April Whitlock"], ["April Whitlock"]),  # "April" is an English stopword: a first name
    (["By", "April Whitlock", "and", "David Brand"], ["April Whitlock", "David Brand"]),
    (["By", "April Whitlock", "@aprilwhit", "Daniel O'Mahony"], ["April Whitlock", "Daniel O'Mahony"]),
    (["By", "April Whitlock", "@awhit", "Senior Reporter"], ["April Whitlock"]),  # a role after a handle
    (["Von", "Redaktion"], []),  # a common word: the desk, a heading
    (["By", "David Brand"], []),  # common words alone are not told from a heading
    (["By", "The Planetary Press"], []),  # "the" is printed in lower case: a function word
])
def test_a_byline_printed_one_name_a_line_under_its_prefix_is_read(stack: list[str], authors: list[str]) -> None:
    """A byline's prefix, each name and each joiner or handle on a line of its own: the names are read as
    a prefixed byline's (a first name may be a stopword), each holding a word the vocabulary lacks, or
    joined by "and" to one that does; the whole block is removed as the byline."""
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, *stack, "12 March 2021", BODY])
    head = _page_header(page)
    assert head.authors == authors
    if authors:
        lines = split_lines(page)
        assert [lines[i].text for i, r in sorted(head.reasons.items()) if r == "byline"] == [
            row for row in stack if row != "Senior Reporter"]


def test_a_name_under_its_prefix_that_the_copyright_notice_holds_is_no_author() -> None:
    """"Von" / "Presse Zwiebelstadt" above "© Presse Zwiebelstadt Medien GmbH": the site's own account."""
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, "Von", "Kathrin Zwiebelmayer", "12 March 2021", BODY,
                         "© Presse Zwiebelstadt Medien GmbH"])
    assert _page_header(page).authors == ["Kathrin Zwiebelmayer"]
    assert _page_header(page.replace("Kathrin Zwiebelmayer", "Presse Zwiebelstadt")).authors == []


@pytest.mark.parametrize(("name", "authors"), [
    ("Stefan Zwiebelmayer", ["Stefan Zwiebelmayer"]),  # a common first name, a surname the vocabulary lacks
    ("Stefan Berlin", []),  # common words only
    ("Online-Experte Stefan Zwiebelmayer", []),  # a role's compound of common words
])
def test_a_bare_name_above_the_dateline_may_hold_a_common_first_name(name: str, authors: list[str]) -> None:
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, name, "12 March 2021", BODY])
    assert _page_header(page).authors == authors


def test_a_name_in_the_photo_caption_beside_it_is_no_author() -> None:
    """A name with no prefix right above a caption that names it is the picture's subject."""
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, "Jane Roe", "Jane Roe at the summit. Photo: Agency", BODY])
    assert _page_header(page).authors == []
    page = "\n\n".join([*MENU, HEADLINE, HEADLINE, "Jane Roe", BODY])
    assert _page_header(page).authors == ["Jane Roe"]


def _fields(block: str) -> Header:
    """The header of a page whose headline (printed twice) has `block` below it, as a dump prints it."""
    return _page_header("\n".join([*MENU, "", HEADLINE, "", HEADLINE, "", block, "", BODY]))


@pytest.mark.parametrize("block", [
    "  • Vorblick Heftausgabe\n\n    Zur Heftseite\n\n  • Bildchen Zumartikel",  # a list's link
    "Icon Fazebuk\nIcon Twitterle\nIcon Briefhülle\nIcon Wotsapp",               # icons' alt texts
    "Radical Dipsos\nRadical Dipsos: six flavours, from garlic to pineapple.",    # a heading and its text
    "©\n\nMatyas Rehakov",                                                       # a photo's credit
    "Verified by\n\nMarisa Figatova",                                            # a reviewer's credit
])
def test_a_name_shaped_line_that_its_neighbours_show_is_no_byline_is_no_author(block: str) -> None:
    """Two capitalised words no vocabulary knows have a byline's shape; an item of a list, a button
    among buttons opening with the same word, a heading the next line repeats as its label and a name
    under a credit's label are not the article's byline."""
    assert _fields(block).authors == []


def test_a_rubric_a_breadcrumb_prints_is_no_author() -> None:
    """The header's fields name the rubric the breadcrumb above printed as one of its parts."""
    page = "\n".join([*MENU, "Home >> Politik >> Torten Backstube >> Water budget", "", HEADLINE, "",
                      "  • 28 January 2018", "  • Torten Backstube", "", BODY])
    assert _page_header(page).authors == []


STANDFIRST_TEXT = "Lawmakers argued through the night before a narrow vote on the new water budget."
SECOND_TEXT = ("The opposition said the budget raises local taxes for the second year in a row and that the "
               "government has yet to publish its spending report.")


@pytest.mark.parametrize("block", [
    "Zorvath Quellenbau – a winter of empty berths",                # a headline cut at its dash
    f"{STANDFIRST_TEXT}\n\n{SECOND_TEXT}\n\nZorvath Quellenbau",  # a subheading below the body's paragraphs
    "A certificate for Zorvath Analytics: ready to grow\n\nZorvath Analytics",  # the story's subject
])
def test_a_name_shaped_heading_or_subject_is_no_author(block: str) -> None:
    """Two capitalised words no vocabulary knows, cut from a headline whose rest after the dash is a
    lower-case phrase, standing below paragraphs the body keeps, or named inside a phrase above them,
    are a headline, a subheading or the story's subject, not the byline."""
    assert _fields(block).authors == []


@pytest.mark.parametrize("block", [
    "Zdzisława Pstrągowska – Warsaw",                     # a dash and her city
    f"{STANDFIRST_TEXT}\n\nZdzisława Pstrągowska",       # below the standfirst
    "Zdzisława Pstrągowska © Zdzisława Pstrągowska\n\nZdzisława Pstrągowska",  # her portrait's credit above
])
def test_a_byline_below_its_standfirst_or_beside_its_city_is_still_read(block: str) -> None:
    """A dash followed by a capitalised word, one standfirst above, a portrait's credit naming her with no
    lower-case word to make it a phrase: the name is still the byline."""
    assert _fields(block).authors == ["Zdzisława Pstrągowska"]


GERMAN_HEADLINE = "Der Landtag stimmt nach einer langen Nacht über den neuen Haushalt ab"
GERMAN_BODY = ("Der Landtag hat den Haushalt am Dienstag nach einer Debatte beschlossen, die bis in die Nacht "
               "dauerte, und die Opposition sagte, dass sie gegen die trüben Aussichten vor Gericht ziehen werde.")


def _german_fields(block: str) -> Header:
    """The header of a German page (its nouns capitalised) whose headline has `block` below it."""
    lines = split_lines("\n".join([*MENU, "", GERMAN_HEADLINE, "", GERMAN_HEADLINE, "", block, "", GERMAN_BODY]))
    _, stoplist = stoplist_for_words(GERMAN_BODY.lower().split())
    return read_header(lines, [Verdict(GOOD) for _ in lines], len(lines) - 1, stoplist)


@pytest.mark.parametrize("block", [
    "Unverwüstliches Zwergenglück",  # an adjective by its suffix
    "Trübe Wolkenfelder",            # an adjective the body prints in lower case ("die trüben Aussichten")
])
def test_an_adjective_and_a_noun_in_german_are_no_author(block: str) -> None:
    """German capitalises nouns, so an adjective and a noun (a kicker, a menu's item) have a name's shape;
    the adjective's ending and its suffix or its lower-case copy on the page tell it from a first name."""
    assert _german_fields(block).authors == []
    assert _german_fields("Heike Zdrojewska").authors == ["Heike Zdrojewska"]


def test_a_by_alone_above_a_name_below_a_bare_one_gives_the_authors() -> None:
    """A prefix alone on its line ("By" / "Piotr Zielonka") below a bare label in the byline's slot
    credits the writer, as a prefix on the name's line does."""
    assert _fields("Pressestelle Zumpartei\n\nBy\n\nPiotr Zielonka").authors == ["Piotr Zielonka"]


@pytest.mark.parametrize("block", [
    "  • Zdzisława Pstrągowska\n  • 21.05.2019\n  • Politics",  # the header's fields printed as a list
    "By\n\nZdzisława Pstrągowska",                               # the prefix on a line of its own
    "04.02.2022 | 15:33 | Zdzisława Pstrągowska\n\nZdzisława Pstrągowska",  # the dateline names her too
    "Zdzisława Pstrągowska\nZdzisława Pstrągowska is a reporter in Warsaw.",  # her note below
])
def test_a_byline_beside_its_fields_prefix_or_note_is_still_read(block: str) -> None:
    assert _fields(block).authors == ["Zdzisława Pstrągowska"]


def test_a_prefixed_byline_below_a_slot_that_held_no_names_gives_the_authors() -> None:
    """An outlet's name under the headline ("• ABC News", no prefix, no person) took the byline's slot
    and was refused; the prefixed byline below it is read."""
    assert _read([], "• ABC News\n\nBy Jane Roe").authors == ["Jane Roe"]


def test_a_sentence_ending_with_a_full_stop_is_no_byline() -> None:
    assert _read([], "By the way, the vote was close.").authors == []


@pytest.mark.parametrize("block", [
    ["Album reviews", "press shot 2020", "By Jane Roe", "Feb 21, 2020", "Love this article?", "About this"],
    ["Album reviews", "press shot 2020", "Feb 21, 2020", "By Jane Roe", "Love this article?", "About this"],
    ["Album reviews", "press shot 2020", "By", "Jane Roe", "Feb 21, 2020", "Love this article?", "About this"],
    ["Album reviews", "press shot 2020", "By", "James Whitlock", "and", "Jane Roe", "Feb 21, 2020", "About this"],
])
def test_a_prefixed_byline_beside_the_dateline_is_read_whatever_the_headline_slot(block: list[str]) -> None:
    """The slot the headline rules find is a heading below the byline's block ("About this"), so the block
    is not read below it; yet a prefixed byline beside the dateline credits the writer."""
    lines = split_lines("\n\n".join([*MENU, *block, BODY, SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.published == dt.date(2020, 2, 21)
    assert head.authors[-1:] == ["Jane Roe"]
    assert head.reasons[next(k for k, ln in enumerate(lines) if ln.text.endswith("Jane Roe"))] == "byline"


@pytest.mark.parametrize("block", [
    ["Album reviews", "press shot 2020", "By Jane Roe - Feb 21, 2020", "Love this article?", "About this"],
    ["Album reviews", "Feb 21, 2020", "press shot 2020", "By Jane Roe - Feb 22, 2020", "About this"],
])
def test_a_byline_inside_a_dateline_the_header_read_is_read_whatever_the_headline_slot(block: list[str]) -> None:
    """The headline rules' slot lies below the byline's block ("About this"), so the dateline the header
    reads above it was not read for its byline; the one dateline that holds one credits the writer."""
    lines = split_lines("\n\n".join([*MENU, *block, BODY, SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.authors == ["Jane Roe"]


def _dated(block: list[str], language_sample: str = BODY) -> tuple[Header, list[str]]:
    """The header of a page with `block` (a byline's block) between its headline and its body, and the
    block's lines the header takes for the byline."""
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, *block, BODY, SECOND]))
    _, stoplist = stoplist_for_words(language_sample.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    return head, [lines[i].text for i, r in sorted(head.reasons.items()) if r == "byline"]


POLISH = "i w na nie się z do to że jest o jak ale co tak po już od za tylko"


@pytest.mark.parametrize(("block", "language_sample", "authors"), [
    (["Mark Lavinsky", "Mark Lavinsky", "June 8, 2015"], BODY, ["Mark Lavinsky"]),  # a widget's link and text
    (["Piotr Wróblewicz", "05 maja 2021"], POLISH, ["Piotr Wróblewicz"]),  # a first name the stoplist holds
    (["Ort Quellheim", "Datum 28.01.2022"], "der die das und ist nicht mit von auf für ort", []),  # a field
    (["22.11.2022", "Christian Mihaltsch"], BODY, ["Christian Mihaltsch"]),  # a first name, the dateline above
    (["22.11.2022", "Quellbrand Redaktion"], BODY, []),  # a brand's desk: its last word is a common word
    (["Jan 18, 2019", "Quellbrand Future"], BODY, []),  # a newsletter's name
    (["©", "Matyas Rehakian - Stock Agency", "22.11.2022", "Christian Mihaltsch"], BODY, ["Christian Mihaltsch"]),
])
def test_a_bare_name_beside_the_dateline_is_the_byline(block: list[str], language_sample: str,
                                                       authors: list[str]) -> None:
    """The dateline beside a bare name says it is the byline's block: below the name's copy, or above the
    name, whose last word (the surname) the vocabulary then lacks; a photo credit that took the byline's
    slot does not hide it."""
    head, _ = _dated(block, language_sample)
    assert head.authors == authors


@pytest.mark.parametrize(("dateline", "authors"), [
    ("Marten Quistorpe | 12.05.2021", ["Marten Quistorpe"]),  # the name, a separator, the date
    ("3 May 2021 - Marten Quistorpe", ["Marten Quistorpe"]),  # the date first
    ("Marten Quistorpe3.11.2023", ["Marten Quistorpe"]),  # the dump glued the name to the date
    ("Marten QuistorpeNovember 6, 2023", ["Marten Quistorpe"]),  # ... or to the month's name
    ("Marten Quistorpe, 02.01.2023, 11:08 Uhr", ["Marten Quistorpe"]),  # a comma, a time
    ("September 17, 2019 Marten Quistorpe 4", ["Marten Quistorpe"]),  # a count after the name
    ("AvatarAvatarMarten Quistorpe22. Februar 2020", []),  # an avatar's alt text glued to it
    ("NTV Vergleichsquell 12.05.2021", []),  # an abbreviation: a product's or a site's name
    ("12.05.2021 - Quellbach verkündet neue Regeln", []),  # a headline after the date
    ("12.05.2021 | Budget Quellvorlage", []),  # a common word after the first
    ("Marten Q. Quistorpe | 12.05.2021", ["Marten Q. Quistorpe"]),  # a middle initial
    ("Piotr K. Zielonka, London, Marten Quistorpe 12.05.2021", ["Piotr K. Zielonka", "Marten Quistorpe"]),  # two
    # writers and a place: both, not the second alone
])
def test_a_bare_name_inside_the_dateline_is_the_byline(dateline: str, authors: list[str]) -> None:
    """A dateline with no byline prefix prints the writer's name as one of its fields, before or after
    the date, even glued to it; an avatar's alt text glued to the name, an abbreviation, a headline and
    a topic's words are no name."""
    head, _ = _dated([dateline])
    assert head.authors == authors


@pytest.mark.parametrize(("address", "authors"), [
    ("https://example.org/author/marten-quistorpe/", ["Marten Quistorpe"]),  # the author's page
    ("Mail: marten.quistorpe@example.org", ["Marten Quistorpe"]),  # the author's address
    ("Photos of a marten at https://example.org/wildlife", []),  # the word in lower case outside the address
])
def test_a_name_printed_in_lower_case_only_inside_an_address_is_still_a_name(address: str, authors: list[str]) -> None:
    """A bare name beside the dateline's date is refused when the page prints one of its words in lower case (a
    common noun: "Aktuelle Meldung"), but a URL or an e-mail address prints names in lower case."""
    head, _ = _dated(["Marten Quistorpe | 12.05.2021", address])
    assert head.authors == authors


def test_a_line_in_the_byline_s_slot_whose_names_are_refused_is_removed_but_not_as_a_byline() -> None:
    """A line of a byline's shape right below the headline is header whatever it holds, but "byline" says its
    names are the authors: a refused one ("Your Account") is removed under the line's own reason."""
    raw = "\n\n".join([*MENU, HEADLINE, "Your Account", "3 May 2021", BODY, SECOND])
    page = clean_page(raw)
    reasons = {raw[s.start:s.end].strip(): s.reason for s in page.removed}
    assert page.authors == [] and page.title == HEADLINE
    assert reasons["Your Account"] == "navigation"
    assert "Your Account" not in page.text


@pytest.mark.parametrize(("opening", "authors"), [
    ("LOS ANGELES (Reuters) - ", ["Reuters"]),  # a wire's name
    ("Hamburg (dpa/lno) – ", ["dpa"]),  # an agency in lower case, its regional service left out
    ("Frankfurt/Main (dpa) - ", ["dpa"]), ("Palma de Mallorca (AFP) - ", ["AFP"]),  # a place of several words
    ("МОСКВА, 7 декабря. /ТАСС/. ", ["ТАСС"]), ("Київ, 5 грудня /Укрінформ/. ", ["Укрінформ"]),  # between slashes
    ("Rostow (Russland) - ", None),  # a country in brackets: a capitalised word no wire's name
    ("Der Minister sagte (AFP) - ", None),  # a sentence's words before the bracket: no place
    ("Berlin (Eigener Bericht) - ", None),  # two words in brackets: no agency
])
def test_a_news_agency_s_dateline_names_the_agency(opening: str, authors: list[str] | None) -> None:
    assert wire_credit(opening + BODY) == authors


def test_a_news_agency_s_dateline_opening_the_article_gives_its_authors() -> None:
    """An agency's copy credits it in its dateline only: when no byline names anyone, the agency of a dateline
    opening one of the first paragraphs is the author, and the paragraph stays in the body."""
    raw = "\n\n".join([*MENU, HEADLINE, HEADLINE, "12.05.2021", "LOS ANGELES (Reuters) - " + BODY, SECOND])
    page = clean_page(raw)
    assert page.authors == ["Reuters"] and page.title == HEADLINE
    assert "LOS ANGELES (Reuters) - " + BODY in page.text


def test_a_byline_wins_over_a_news_agency_s_dateline() -> None:
    raw = "\n\n".join([*MENU, HEADLINE, HEADLINE, "By Jane Roe", "12.05.2021", "LOS ANGELES (Reuters) - " + BODY,
                        SECOND])
    assert clean_page(raw).authors == ["Jane Roe"]


def test_a_prefixed_byline_below_the_body_s_start_wins_over_a_name_inside_the_dateline() -> None:
    """The dateline's bare name may be an editor's: a prefixed byline just below the body's start is
    read first."""
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, "Marten Quistorpe | 12.05.2021", BODY,
                                      "Von Piotr Zielonka", SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.authors == ["Piotr Zielonka"]


def test_a_line_below_the_dateline_under_a_refused_slot_stays_when_no_name() -> None:
    """Below a photo credit that took the byline's slot, a headline under the dateline is read again as a
    bare name, refused, and left where it is."""
    head, taken = _dated(["©", "Matyas Rehakian - Stock Agency", "20.06.2019", "Quellbrand Wilson Surf"])
    assert head.authors == [] and "Quellbrand Wilson Surf" not in taken


def test_a_prefixed_byline_below_a_bare_one_gives_the_authors() -> None:
    """Two capitalised words under the headline ("Pressestelle Zumpartei", a label) took the byline's
    slot; the prefixed byline below them, in the header or just below the body's start, credits the
    writers. A bare name and the prefixed same name give the one name."""
    block = "Pressestelle Zumpartei\n\nLänderberichte\n\nvon Jana Rohde, Piotr Zielonka"
    assert _fields(block).authors == ["Jana Rohde", "Piotr Zielonka"]
    assert _fields("Zdzisława Pstrągowska\n\nBy Zdzisława Pstrągowska").authors == ["Zdzisława Pstrągowska"]
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, "Zdenka Pstrągowa", STANDFIRST,
                                      "Autor Piotr Zielonka", BODY, SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == STANDFIRST)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.authors == ["Piotr Zielonka"] and head.reasons[start + 1] == "byline"


STANDFIRST = "Lawmakers argued through the night before a narrow vote on the new water budget."
SECOND = ("The opposition said the budget raises local taxes for the second year in a row and that the "
          "government has yet to publish its spending report.")


def _below(rows: list[str]) -> tuple[Header, list[str]]:
    """The header of a page whose body starts at its first row after the headline (a standfirst taken
    for the body's first paragraph), and the lines the header removes."""
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, *rows]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == rows[0])
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    return head, [lines[i].text for i in sorted(head.reasons) if i >= start]


def test_a_byline_just_below_the_bodys_start_is_read_and_removed() -> None:
    """A standfirst taken for the body's first paragraph puts the byline below the body's start."""
    head, removed = _below([STANDFIRST, "By Jane Roe", BODY, SECOND])
    assert head.authors == ["Jane Roe"] and removed == ["By Jane Roe"]


def test_a_byline_whose_prefix_stands_alone_above_it_is_read_and_removed() -> None:
    """A list of definitions prints the prefix as a label and the names below it ("Auteur" / "Jane Roe");
    both lines are the byline."""
    head, removed = _below([STANDFIRST, "Auteur", "Zdzisława Pstrągowska", BODY, SECOND])
    assert head.authors == ["Zdzisława Pstrągowska"] and removed == ["Auteur", "Zdzisława Pstrągowska"]
    head, removed = _below([STANDFIRST, "Summary", "Zdzisława Pstrągowska", BODY, SECOND])
    assert head.authors == [] and removed == []
    head, removed = _below([STANDFIRST, "By", "April Whitlock", BODY, SECOND])  # a stopword as first name
    assert head.authors == ["April Whitlock"] and removed == ["By", "April Whitlock"]


@pytest.mark.parametrize("rows", [
    [STANDFIRST, "Von Risiken und Nebenwirkungen", BODY, SECOND],  # a heading: common words, no surname
    [STANDFIRST, BODY, SECOND, "More news", "Water prices rise again", "By Jane Roe",
     "Parliament closes for summer", "By John Doe"],  # a list of teasers, each with its byline
    [STANDFIRST, BODY, SECOND, "Another paragraph here.", "And one more of them here.", "Then a sixth.",
     "And a seventh line.", "By Jane Roe", "Then the body goes on.", "With one more sentence.", "And another.",
     "And yet another one.", "And a last one.", "And the end."],  # too far below the start, and mid-body
])
def test_a_by_line_farther_down_or_among_teasers_is_no_byline(rows: list[str]) -> None:
    head, removed = _below(rows)
    assert head.authors == [] and removed == []


LEAD_FURNITURE = ["Reading time: 2 min", "Save for later", "Print  Comments  128", "[lead-image]",
                  "(Photo: Agency)", "21.06.2019 07:30", "Water Review"]
"""What a page may print between its standfirst and its byline's block: a reading time, buttons, the
lead image's mark and caption, the date, a magazine's name (no paragraph)."""
MORE_BODY = ["Another paragraph here.", "And one more of them here.", "Then the body goes on.",
             "With one more sentence.", "And another.", "And the end."]
"""The body's later paragraphs: a byline far above them signs nothing off."""


@pytest.mark.parametrize("byline", [["By", "Zdzisława Pstrągowska"], ["By Zdzisława Pstrągowska"]])
def test_a_byline_below_a_lead_image_and_buttons_is_read_and_removed(byline: list[str]) -> None:
    """The byline stands ten lines below the body's start, past buttons, a lead image and its caption: no
    paragraph lies between, so the body has not begun, and the byline is the article's."""
    head, removed = _below([STANDFIRST, *LEAD_FURNITURE, *byline, BODY, SECOND, *MORE_BODY])
    assert head.authors == ["Zdzisława Pstrągowska"] and removed == byline


@pytest.mark.parametrize("rows", [
    [STANDFIRST, *LEAD_FURNITURE[:4], SECOND, *LEAD_FURNITURE[4:], "By Zdzisława Pstrągowska", BODY, *MORE_BODY],
    [STANDFIRST, *LEAD_FURNITURE, "By Zdzisława Pstrągowska", "Water prices rise again", "By Jan Kowalczykowski"],
])
def test_a_byline_far_below_the_bodys_start_past_a_paragraph_or_among_teasers_is_no_byline(rows: list[str]) -> None:
    """A paragraph above the far "By" line says the body has begun (the line is a teaser's); a second
    one below it says the lines are a list of teasers."""
    head, removed = _below(rows)
    assert head.authors == [] and removed == []


# --- titles: a headline has a headline's shape and names what the body says -------------------------

HEADLINE_2 = "Regional parliament approves the water budget"


def _title_header(rows: list[str]) -> Header:
    """The header of a page whose last row is BODY; a row's cue is the one its words give (a photo
    credit is a "caption"), as the line classifier would set it."""
    lines = split_lines("\n\n".join([*rows, BODY]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines]
    return read_header(lines, verdicts, len(lines) - 1, stoplist)


@pytest.mark.parametrize("line", [
    "[logo] Parliament and water",                # a w3m image mark
    "Parliament approves water budget >",         # a link's arrow
    "Parliament budget news |",                   # a menu's separator
    "The water budget reports are as follows:",   # a lead-in
    "2. Parliament budget",                       # a numbered list or breadcrumb item
    "4 parliament reads",                         # a counter
    "Water budget explained by Jane Roe",         # a credit
    "Interview: Jane Parliament",                 # a label and a name
    "Quelle: www.parliament-water.example",       # a URL
    "Water budget @parliamentwater",              # a handle
    "Parliament water     Budget opposition",     # two table columns side by side
    "to the regional parliament's water pages!",  # a line's continuation
    "Parliament, Water, Budget, Opposition",      # a tag list
    "Water Budget Night Water Budget Night",      # a phrase printed again
    "Latest newsWater budget votesParliament",    # menu items glued together
    "Parliament " + "water budget vote " * 6,     # too long for a headline
    "Parliament water budget vote.png",           # an image's file name
    "← Parliament water budget vote",             # a link to the previous post
    "TAG: Parliament, Water budget, Opposition",  # a tag list's label
    "Parliament members vote on the water budget. AFP",              # a caption and its agency
    "Parliament approves the budget. (Photo office: archive)",  # a caption and its credit
])
def test_a_line_without_a_headline_shape_is_no_title(line: str) -> None:
    """Each line shares a word with the body and sits right above it, where the headline would; its
    shape says it is no headline (it used to become the title)."""
    assert _title_header([line]).title is None


@pytest.mark.parametrize("widget", ["Mehr erfahren", "Close this search box"])
def test_a_line_that_names_nothing_of_the_body_is_no_title(widget: str) -> None:
    """A widget or a menu line nearest the body names nothing the body says: the headline above it
    does, and is the title."""
    assert _title_header([HEADLINE_2, widget]).title == HEADLINE_2
    assert _title_header([widget]).title is None


def test_a_headline_printed_twice_above_the_body_is_the_title_without_shared_words() -> None:
    """Repetition right above the body is evidence enough: a short headline ("Alles neu im Mai") may
    name nothing the first paragraph says."""
    headline = "Everything new in May"
    assert _title_header([headline, "Jane Roe", headline]).title == headline


def test_a_headline_glued_to_its_standfirst_is_the_title_without_shared_words() -> None:
    """A headline printed again with its standfirst glued on is a headline by that alone."""
    headline = "Everything new in May"
    standfirst = "A short look at what changed on this blog after two quiet years."
    assert _title_header([headline + standfirst, headline]).title == headline


def test_an_alt_text_printed_again_with_its_photo_credit_is_no_title() -> None:
    """An image's alt text repeated with "Foto: X" after it is a caption, though it is printed twice."""
    alt = "Water under the bridge"
    assert _title_header([HEADLINE_2, alt, f"{alt} Foto: Jane Roe/Agency"]).title == HEADLINE_2


def test_the_headline_is_not_its_doubled_or_linked_copy() -> None:
    """Of a headline and a copy of it printed twice glued, or with a link's arrow, the headline is the
    plain line (the longer copy used to win the tie)."""
    assert _title_header([f"{HEADLINE_2} {HEADLINE_2}", HEADLINE_2]).title == HEADLINE_2
    assert _title_header([f"{HEADLINE_2} >", HEADLINE_2]).title == HEADLINE_2


def test_a_refused_title_stays_text_and_the_byline_below_it_is_read() -> None:
    """The line standing where a headline would is not removed as "title" when its text is refused,
    and the byline and dateline below it are still found."""
    head = _title_header(["Mehr erfahren", "By Jane Roe", "March 3, 2021"])
    assert head.title is None
    assert "title" not in head.reasons.values()
    assert head.authors == ["Jane Roe"]
    assert head.published is not None


PARAGRAPHS = ["Another paragraph here.", "And one more of them here.", "Then a sixth.", "And a seventh line."]
SPANISH = "por eso es que la gente de la ciudad no sabe lo que pasa en el mundo y las noticias"


def _signed(rows: list[str], kept: int, language_sample: str = BODY) -> tuple[Header, list[str]]:
    """The header of a page whose body is its rows after the headline, of which the first `kept` are
    body (kept) and the rest furniture, and the lines the header removes below the body's start."""
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, *rows]))
    _, stoplist = stoplist_for_words(language_sample.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == rows[0])
    verdicts = [Verdict(GOOD if start <= k < start + kept else BAD) for k in range(len(lines))]
    head = read_header(lines, verdicts, start, stoplist)
    return head, [lines[i].text for i in sorted(head.reasons) if i >= start]


@pytest.mark.parametrize("sign_off", ["Autor: Jana Rohde", "Text: Jana Rohde", "Auteur : Jana Rohde",
                                      "Autor\n\nJana Rohde", "von\n\nJana Rohde", "Ein Beitrag von:\n\n• Jana Rohde"])
def test_a_byline_that_signs_the_article_off_is_read_and_removed(sign_off: str) -> None:
    """A byline after the last paragraph (a sign-off, an author box, its prefix alone above the name) is
    the article's when no other prefixed byline is below the body's start."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, sign_off, "Share", "Imprint"]
    head, removed = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == ["Jana Rohde"] and removed == sign_off.split("\n\n")


GERMAN = "der die das und ist nicht mit von auf für"


@pytest.mark.parametrize("sign_off", ["Autor: Klausmartin Friedrich", "Author: Julia Franz"])
def test_a_sign_off_whose_name_is_a_stopword_in_title_case_is_read(sign_off: str) -> None:
    """jusText's German stoplist holds "friedrich" and "franz": frequent words, names among them. One such
    word in title case beside another name's word is a name; a phrase in capitals is not (the Spanish case
    of `test_a_by_line_far_from_the_body_end_or_among_teasers_signs_nothing_off`)."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, sign_off, "Share", "Imprint"]
    head, removed = _signed(rows, 3 + len(PARAGRAPHS), language_sample=GERMAN)
    assert head.authors == [sign_off.split(": ")[1]] and removed == [sign_off]


def test_a_sign_off_printed_twice_near_the_articles_end_is_read() -> None:
    """"Text: Jane Roe" under the last paragraph and "Autor: Jane Roe" a few lines below, past the photo
    credits: two prefixed bylines near the end that name the same writer sign the article off (two that
    name different writers are a list's)."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, "Text: Jana Rohde", "Fotos: Max Mustermann", "Literatur:",
            "Autor: Jana Rohde", "Share"]
    head, _ = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == ["Jana Rohde"]
    rows[rows.index("Autor: Jana Rohde")] = "Autor: John Doe"
    assert _signed(rows, 3 + len(PARAGRAPHS))[0].authors == []


@pytest.mark.parametrize("heading", ["About the author", "Über den Autor/ die Autorin", "Published By"])
def test_an_author_box_below_the_article_gives_its_author(heading: str) -> None:
    """An author box's heading is a prefix alone above the name, the author's portrait between them."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, heading, "[portrait]", "Jana Rohde",
            "Jana Rohde writes about water and cities.", "Share"]
    head, removed = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == ["Jana Rohde"] and removed == [heading, "Jana Rohde"]


AFTER_ARTICLE = ["Tags:", "water,", "cities", "Share", "0", "0", "Related", "Water prices rise again",
                 "Parliament closes for summer"]
"""What a page prints between the article's last paragraph and an author box far below it: tags, share
buttons and their counts, teasers' headlines."""


@pytest.mark.parametrize("box", [["About the author", "[portrait]", "Jana Rohde", "Email Jana Rohde"],
                                 ["Autor", "Jana Rohde", "Foto(s)"]])
def test_an_author_box_far_below_the_article_gives_its_author(box: list[str]) -> None:
    """An author box below tags, buttons and teasers, farther than a sign-off, names the author: its
    heading is the page's only one, and the teasers' bylines below it are other articles'."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, *AFTER_ARTICLE, *box, "Trending", "Rain again", "By John Doe"]
    head, removed = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == ["Jana Rohde"] and removed == [box[0], "Jana Rohde"]


@pytest.mark.parametrize("after", [
    ["Autoren", "Jana Rohde", "Piotr Wróblewicz", "Samit Basukin"],  # a blog's list of authors
    ["About the author", "Jana Rohde", "Comments", "About the author", "Jana Rohde"],  # printed twice: badges
])
def test_a_list_or_badges_under_an_authors_heading_far_below_the_article_give_no_author(after: list[str]) -> None:
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, *AFTER_ARTICLE, *after]
    head, _ = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == []


def test_an_author_box_under_its_prefix_is_read_though_its_words_are_stopwords() -> None:
    """An author box ("AUTOR" / "Dr. Thomas Zwiebelmayer" / a note) after the last paragraph: "Dr." and
    "Thomas" are German stopwords, but the page prints neither in lower case."""
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, "AUTOR", "Dr. Thomas Zwiebelmayer",
            "ist Rechtsanwalt in Berlin", "Share"]
    head, _ = _signed(rows, 3 + len(PARAGRAPHS), language_sample="der die das und ist nicht mit von auf für dr thomas")
    assert head.authors == ["Dr. Thomas Zwiebelmayer"]


@pytest.mark.parametrize(("sign_off", "authors"), [
    ("Posted by Jana Rohde at 5:11 AM", ["Jana Rohde"]),  # a blog's sign-off: the names before its fields
    ("Author: Jarek2man am 29.12.2010, 13:36 Uhr", []),  # a handle glued to a digit: its end unknown
    ("Von Informationskampagnen über Quoten bis zu Anreizen", []),  # a sentence: no date, no sign-off
])
def test_a_sign_off_with_its_fields_gives_the_names_before_them(sign_off: str, authors: list[str]) -> None:
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, sign_off, "Share", "Imprint"]
    head, _ = _signed(rows, 3 + len(PARAGRAPHS))
    assert head.authors == authors


def test_a_sign_off_below_the_articles_last_paragraphs_is_read_when_a_kept_promotion_follows_far_below() -> None:
    """The line model kept a promotion far below the article ("Read us on any device"): the sign-off is
    sought below the last run of paragraphs too, not only below the last kept line."""
    furniture = ["Share", "Imprint", "Contact", "Jobs", "Archive", "Help", "Newsletter"]
    rows = [BODY, SECOND, STANDFIRST, *PARAGRAPHS, "Von Jana Rohde", *furniture, "Read us on any device, offline too."]
    lines = split_lines("\n\n".join([*MENU, HEADLINE, HEADLINE, *rows]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == BODY)
    verdicts = [Verdict(GOOD if start <= k < start + 3 + len(PARAGRAPHS) or k == len(lines) - 1 else BAD)
                for k in range(len(lines))]
    head = read_header(lines, verdicts, start, stoplist)
    assert head.authors == ["Jana Rohde"]


@pytest.mark.parametrize(("rows", "language_sample"), [
    ([BODY, SECOND, STANDFIRST, "Related", "Water prices rise again", "Autor: Jana Rohde",
      "Parliament closes for summer", "Autor: John Doe"], BODY),  # teasers, each with its byline
    ([BODY, SECOND, STANDFIRST, "Share", "Imprint", "Contact", "Jobs", "Archive", "Help", "Autor: Jana Rohde"],
     BODY),  # far below the body: a footer's or a teaser's
    ([BODY, SECOND, STANDFIRST, *PARAGRAPHS, "POR ESO INFORMAR ES"], SPANISH),  # a phrase in capitals
])
def test_a_by_line_far_from_the_body_end_or_among_teasers_signs_nothing_off(rows: list[str],
                                                                            language_sample: str) -> None:
    head, removed = _signed(rows, 3 + (PARAGRAPHS[0] in rows) * len(PARAGRAPHS), language_sample)
    assert head.authors == [] and removed == []


def test_the_byline_between_a_trusted_headline_and_a_widget_below_it_is_read() -> None:
    """A line of a headline's shape right above the body ("Listen now", "4 Min Read") is the nearest
    headline slot; when the headline is found above it, the byline between them is the header's, not a
    rubric above the slot (it was removed as navigation and its names lost)."""
    page = "\n\n".join([*MENU, HEADLINE, "By Jane Roe", "Listen now", BODY])
    head = _page_header(page)
    assert head.title == HEADLINE
    assert head.authors == ["Jane Roe"]
    assert head.section is None


# --- published: the date printed beside the headline, not a date farther away -----------------------

def test_a_date_right_above_the_headline_is_the_publication_date() -> None:
    """A blog's date heading or a news site's date over its headline: no dateline follows the headline,
    and the date was lost."""
    assert _read(["Saturday, 12 March 2021"], menu=MENU).published == dt.date(2021, 3, 12)
    assert _read(["News", "12.03.2021"], menu=MENU).published == dt.date(2021, 3, 12)


def test_a_date_above_the_menu_is_not_the_publication_date() -> None:
    """Today's date in the site's header, above its menu, is not the article's."""
    assert _read([], menu=["Tuesday, 3 May 2022", *MENU]).published is None


def test_a_dateline_below_the_headline_wins_over_a_date_above_it() -> None:
    head = _title_header(["Saturday, 12 March 2021", HEADLINE, "By Jane Roe", "Published 14 March 2021"])
    assert head.published == dt.date(2021, 3, 14)


@pytest.mark.parametrize("line", ["Release: 14.11.2019", "Ruling of: 12.11.2009", "Deadline: 1 June 2022"])
def test_a_date_labelled_as_another_event_is_not_the_publication_date(line: str) -> None:
    """A release's, a ruling's or a deadline's date printed over the headline is the subject's date."""
    assert _read([line], menu=MENU).published is None


@pytest.mark.parametrize("line", [
    "Deadline: 15 March 2020", "Release date: 14.11.2019", "Event date: 3 May 2021", "Anmeldeschluss: 15. März 2020",
    "Einsendeschluss ist der 15. März 2020", "Fecha límite: 3 de mayo de 2022", "Date limite : 3 mai 2022",
    "Termin: 12.03.2020", "Срок: 12.03.2020",
])
def test_an_events_date_below_the_headline_is_not_the_publication_date(line: str) -> None:
    """An event's page prints its deadline or its date where an article prints its dateline, right
    below the headline; a label naming the event (even with "date" in it) says whose date it is."""
    assert _title_header([*MENU, HEADLINE, line]).published is None


def test_a_dateline_below_an_events_date_is_still_read() -> None:
    """The event's line is skipped, not the header: the page's own dateline below it gives the date."""
    head = _title_header([*MENU, HEADLINE, "Deadline: 15 March 2020", "Published 2 March 2020"])
    assert head.published == dt.date(2020, 3, 2)


@pytest.mark.parametrize("line", ["Events | 3 May 2021", "Press release: 3 May 2021", "News Release 3 May 2021"])
def test_a_rubric_before_a_dateline_or_a_press_release_is_no_events_label(line: str) -> None:
    """"Events" as the rubric of a line of fields is no label of the date after its separator, and a
    press release's date is its publication."""
    assert _title_header([*MENU, HEADLINE, line]).published == dt.date(2021, 5, 3)


STANDFIRST = "Two years of talks end in a vote that the opposition calls rushed."


def _body_read(rows: list[str], first: str) -> Header:
    """The header of a page read with the body starting at row `first` (as `body_start` would put it:
    a short summary paragraph ends like prose, so it is taken for the body's first paragraph)."""
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD) for _ in lines]
    return read_header(lines, verdicts, next(i for i, ln in enumerate(lines) if ln.body == first), stoplist)


def test_a_dateline_below_a_standfirst_taken_for_the_body_is_read() -> None:
    """The standfirst was taken for the first paragraph, so the dateline under it was below the header
    and the date was lost."""
    head = _body_read(["• Home", HEADLINE, STANDFIRST, "Jane Roe, 03.05.2022 10:15", BODY], STANDFIRST)
    assert head.published == dt.date(2022, 5, 3)
    assert head.reasons[3] == "dateline"


def test_a_date_below_the_article_is_not_the_publication_date() -> None:
    """Below a first paragraph longer than a standfirst, or after the body has begun, a dated line is a
    comment's or a teaser's."""
    long_first = f"{BODY} {BODY}"
    assert _body_read(["• Home", HEADLINE, long_first, "Jane Roe 4 May 2022 at 10:12", "Great read."],
                      long_first).published is None
    assert _body_read(["• Home", HEADLINE, STANDFIRST, BODY, "Jane Roe 4 May 2022 at 10:12"],
                      STANDFIRST).published is None


@pytest.mark.parametrize(("dateline", "published"), [
    ("Updated 5 May 2022 | Published 3 May 2022", dt.date(2022, 5, 3)),
    ("Last updated 4 Jun 2020, originally created 17 Jun 2019", dt.date(2019, 6, 17)),
    ("Aktualisiert am 05.05.2022, 09:30 / Erstellt am 03.05.2022", dt.date(2022, 5, 3)),
])
def test_a_dateline_with_an_update_gives_the_earlier_date(dateline: str, published: dt.date) -> None:
    """An update is never older than the publication: the update printed first used to be taken."""
    assert _title_header([HEADLINE, "By Jane Roe", dateline]).published == published


@pytest.mark.parametrize(("dateline", "published"), [
    ("Posted on 15 April 2016Saturday, 4 March 2017 by Jane", dt.date(2016, 4, 15)),
    ("Posted 2.03.2018by Jane Roe", dt.date(2018, 3, 2)),
])
def test_a_year_glued_to_the_next_word_is_read(dateline: str, published: dt.date) -> None:
    """A dump glues a date to what follows it; the year used to need a word boundary after it, so the
    date was skipped (and a later one on the line, an update, taken)."""
    assert _title_header([HEADLINE, "By Jane Roe", dateline]).published == published


# --- titles: decks, captions, site names and short lines are no headline -----------------------------

DECK = "The opposition says it will challenge the night vote on the water budget in court"


def test_a_deck_below_its_headline_gives_the_headline() -> None:
    """A headline, then a longer subtitle: both name the body, and the subtitle nearest the body used
    to be taken for the headline. The headline is the title, the deck its standfirst."""
    head = _title_header([HEADLINE_2, DECK])
    assert head.title == HEADLINE_2
    assert head.description == DECK
    # a kicker of a word or three above a headline is no headline of its own
    assert _title_header(["Water politics", HEADLINE_2]).title == HEADLINE_2


def test_a_short_line_printed_once_is_no_title() -> None:
    """Two words right above the body ("Zum Video", a menu item) named a word of the body and became
    the title; a short headline is still trusted when it is printed again above the body."""
    assert _title_header(["Budget video"]).title is None
    assert _title_header(["Budget vote", "Jane Roe", "Budget vote"]).title == "Budget vote"


def test_a_sentence_printed_twice_is_no_title() -> None:
    """A caption printed twice (alt text and caption) ends with a full stop; headlines end bare."""
    caption = "Members of parliament during the budget vote."
    assert _title_header([caption, caption]).title is None


def test_the_site_name_above_the_menu_is_no_title() -> None:
    """The site's name or motto opens the page, and a menu lies between it and the body."""
    rows = ["Parliament Water Weekly", "Home page", "Sport pages", "Culture pages", "About us"]
    assert _title_header(rows).title is None
    assert _title_header(["Parliament Water Weekly", "By Jane Roe", "March 3, 2021"]).title \
        == "Parliament Water Weekly"


def test_the_start_of_the_first_paragraph_is_no_title() -> None:
    """A line that the first paragraph repeats with more words after it is an image's short caption."""
    assert _title_header(["The regional parliament approved the water budget"]).title is None


@pytest.mark.parametrize("line", [
    "Water budget vote ListenListen",                       # a button's label glued to itself
    "A talk on the water budget with Jane RoeJane Roe",     # a name printed twice by a widget
    "Water budget votes in parliament,",                    # a list cut off
    "Water budget pictures by Jane Roe and John Doe",       # a credit naming two people
    "Water budget vote in parliament ●",                    # a menu's bullet after an item
])
def test_more_lines_without_a_headline_shape_are_no_title(line: str) -> None:
    """Each line shares words with the body and sits right above it; its shape says it is no headline."""
    assert _title_header([line]).title is None


@pytest.mark.parametrize("line", ["Artikel von: Jessie", "Article by: Jane Roe", "Von: Jane Roe"])
def test_a_byline_with_its_labels_colon_has_no_headline_shape(line: str) -> None:
    # dev page 8ba16ab10b0a462a: "Artikel von: Jessie" right above the body was taken for the headline
    assert not _headline_shape(line)


@pytest.mark.parametrize(("line", "shaped"), [
    ("Strong & Beautiful - Pamela Reif [Rezension]", True),
    ("[Update] Parliament passes the water budget", True),
    ("Site [logo]", False),  # an image's mark beside a name
    ("[csm_200109-neujahrBP] Parliament passes the water budget", False),  # a file name: w3m's mark
    ("Parliament [logo] passes the water budget", False),  # a mark inside the line
])
def test_a_headline_is_read_past_a_bracketed_label(line: str, shaped: bool) -> None:
    """A label in brackets of words alone that opens or ends a headline leaves it a headline; a mark of
    w3m's (a file name, a mark inside the line) or a label with fewer than three words beside it does not."""
    assert _headline_shape(line) is shaped


def test_a_headline_of_one_word_is_the_title_when_a_breadcrumb_ends_with_it() -> None:
    """A one-word line is a menu's item, unless a breadcrumb in the header ends with it: then it names
    the page, and is the headline."""
    def title(rows: list[str]) -> str | None:
        lines = split_lines("\n\n".join([*MENU, *rows, BODY]))
        _, stoplist = stoplist_for_words(BODY.lower().split())
        verdicts = [Verdict(BAD if ln.bullet else GOOD) for ln in lines]
        return read_header(lines, verdicts, len(lines) - 1, stoplist).title

    assert title(["Home » Politics » Parliament", "Parliament"]) == "Parliament"
    assert title(["Parliament"]) is None


@pytest.mark.parametrize(("text", "bullet"), [
    ("»Abzocke wird als Klimaschutz verkauft«", False),  # a German quote: a headline, a paragraph
    ("» Next", True), ("»Home", True), ("» Wir «", True),  # a menu's arrow
])
def test_a_german_quote_opening_a_line_is_no_bullet(text: str, bullet: bool) -> None:
    """"»" marks a menu's item or breadcrumb, and opens a German quote that "«" closes: a line opening
    with a quote is no bulleted item (on the dev pages 26 lines on 15 pages, headlines and quoted
    paragraphs)."""
    assert split_lines(text)[0].bullet is bullet


def test_a_headline_in_german_quotation_marks_is_the_title() -> None:
    """A headline quoting someone in German quotation marks is the title, not a menu's item."""
    headline = "»Parliament approves the water budget at last«"
    assert _title_header([headline]).title == headline


@pytest.mark.parametrize(("line", "shaped"), [
    ("Rede von Bundespräsident Johannes Rau beim Föderalismuskonvent der deutschen Landesparlamente", True),
    ("Speech by the President at the opening of the regional parliament's new session", True),
    ("Artikel von Jane Roe", False), ("Geschrieben von Jane Roe und John Doe", False), ("By Jane Roe", False),
])
def test_a_long_line_opening_like_a_credit_is_a_headline(line: str, shaped: bool) -> None:
    """"X von Y" opens a credit, and a headline naming a speech or a work by someone; a credit has few words."""
    assert _headline_shape(line) is shaped


def test_a_headline_below_a_numbered_breadcrumbs_last_item_is_the_title() -> None:
    """A numbered breadcrumb ("1. Home" / "2. Columns" / "3. Sky lanterns over the old harbour") names the
    page: the headline printed right below its last item is the title though the body names none of its
    words. A list's item without its predecessor above it (a table of contents) is no such evidence."""
    def title(rows: list[str]) -> str | None:
        lines = split_lines("\n\n".join([*MENU, *rows, BODY]))
        _, stoplist = stoplist_for_words(BODY.lower().split())
        verdicts = [Verdict(BAD if ln.bullet or ln.body[:1].isdigit() else GOOD) for ln in lines]
        return read_header(lines, verdicts, len(lines) - 1, stoplist).title

    headline = "Sky lanterns over the old harbour"
    assert title(["1. Home", "2. Columns", f"3. {headline}", headline]) == headline
    assert title(["1. Home", "2.", f"3. {headline}", headline]) == headline
    assert title(["Contents", f"3. {headline}", headline]) is None


@pytest.mark.parametrize(("rows", "expected"), [
    (["Home » Columns » Sky lanterns over the old harbour", "Sky lanterns over the old harbour"],
     "Sky lanterns over the old harbour"),
    (["Forum>Harbour>sky lanterns over the old harbour?", "sky lanterns over the old harbour?"],
     "sky lanterns over the old harbour?"),  # a forum thread's title in lower case, the breadcrumb glued
    ([" 1. Home\n 2. Columns\n 3. Sky lanterns over the old harbour", "Harbour", "Sky lanterns over the old harbour"],
     "Sky lanterns over the old harbour"),  # a kicker between the numbered breadcrumb and the headline
    (["Home » Columns » Lanterns", "Sky lanterns over the old harbour"], None),  # another page's name
    (["Home » Columns » Sky lanterns over the old harbour.", "Sky lanterns over the old harbour."], None),
    (["Home » Columns » Sky lanterns", "• Sky lanterns"], None),  # a list's item
])
def test_a_line_a_breadcrumb_above_ends_with_is_the_title(rows: list[str], expected: str | None) -> None:
    """A breadcrumb names the page it leads to: the line printed a few lines below it with its last part's
    text is the headline, though the body names none of its words and its shape would refuse it (lower
    case, a credit's "von X"), when no other line is trusted. A sentence or a list's item is none."""
    lines = split_lines("\n\n".join([*MENU, *rows, BODY]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(BAD if ln.bullet or ln.body[:1].isdigit() else GOOD) for ln in lines]
    assert read_header(lines, verdicts, len(lines) - 1, stoplist).title == expected


@pytest.mark.parametrize(("heading", "quoted"), [
    ("3 thoughts on “Sky lanterns over the old harbour”", "Sky lanterns over the old harbour"),
    ("One response to \"Sky lanterns\"", "Sky lanterns"),
    ("Ein Gedanke zu „Über uns“", "Über uns"),
    ("12 Kommentare zu „Sky lanterns“", "Sky lanterns"),
    ("2 réflexions sur « Sky lanterns »", "Sky lanterns"),
    ("5 комментариев к «Небесные фонари»", "Небесные фонари"),
    ("Leave a Reply", None),
    ("He said “Sky lanterns”", None),  # a quote in the article's text
])
def test_a_comments_heading_quotes_the_title(heading: str, quoted: str | None) -> None:
    lines = split_lines(f"{BODY}\n\n{heading}\n")
    assert comments_quote(lines, 0) == quoted


def test_the_title_a_comments_heading_quotes_is_the_headline() -> None:
    """Blog software heads the comments with the post's title ("2 thoughts on “About us”"): when no line is
    trusted, the header's line printing it is the headline, though it is two words printed once that the
    body does not name, or in lower case. The byline and dateline are read where they were."""
    def header(rows: list[str], below: list[str]) -> Header:
        lines = split_lines("\n\n".join([*MENU, *rows, BODY, *below]))
        start = next(i for i, ln in enumerate(lines) if ln.body == BODY)
        _, stoplist = stoplist_for_words(BODY.lower().split())
        return read_header(lines, [Verdict(BAD if ln.bullet else GOOD) for ln in lines], start, stoplist)

    rows = ["About us", "Artistic career", "By Jane Roe", "March 3, 2021"]
    assert header(rows, []).title is None
    read = header(rows, ["2 thoughts on “About us”", "Jane Doe says:", "Lovely."])
    assert (read.title, read.authors, read.published) == ("About us", ["Jane Roe"], dt.date(2021, 3, 3))
    assert header(rows, ["2 thoughts on “Harbour nights”"]).title is None  # quoted, but printed nowhere
    # a lower-case headline, which its shape refuses
    assert header(["sky lanterns over the harbour", "By Jane Roe"], ["One reply to “sky lanterns over the harbour”"]
                  ).title == "sky lanterns over the harbour"


def test_a_line_sharing_one_word_of_many_with_the_body_is_no_title() -> None:
    """A teaser or an offer shares a word with the body by chance; a headline names more of it."""
    assert _title_header(["Parliament garden festival with music and dancing tonight"]).title is None


def test_a_caption_below_the_byline_gives_the_headline_above_it() -> None:
    """A headline comes before its byline and dateline; the line between them and the body (a photo's
    caption, a deck) names the body too and, nearest the body, used to be taken for the headline."""
    caption = "Members of parliament at the water budget vote in the night"
    assert _title_header([HEADLINE_2, "By Jane Roe", "March 3, 2021", caption]).title == HEADLINE_2


CAPTION = "Members of parliament at the water budget vote in the night"


def test_a_caption_printed_twice_below_names_an_age_and_a_reading_time_gives_the_headline() -> None:
    """An alt text and its caption below a byline of several names ("and" is a stopword, yet the line
    is a list of names), the article's age and its reading time: the headline is above that block."""
    rows = [HEADLINE_2, "Jane Roe, John Doe and Ann Poe", "3 hours ago", "Reading time: 8 minutes",
            CAPTION, CAPTION]
    assert _title_header(rows).title == HEADLINE_2


def test_a_credited_caption_gives_the_headline_above_the_standfirst_and_buttons() -> None:
    """A lead image's caption with its credit right below it lies below the whole header (the byline,
    the standfirst, the share buttons): the headline above the byline is the title."""
    rows = [HEADLINE_2, "By Jane Roe 04 November 2020", "How the vote went and what it costs.", "Shares",
            CAPTION, "(Image credit: Jane Roe)"]
    assert _title_header(rows).title == HEADLINE_2
    # a photographer and an agency joined by a slash are a credit too
    rows = [HEADLINE_2, "By Jane Roe 04 November 2020", "How the vote went and what it costs.", "Shares",
            CAPTION, "Jane Roe/WIREPHOTO"]
    assert _title_header(rows).title == HEADLINE_2


def test_a_headline_with_its_lead_image_credit_below_stays_the_title() -> None:
    """A headline over a lead image without alt text has the credit right below it: the credit alone
    says nothing (a rule refusing such lines lost ten right titles on the dev pages)."""
    assert _title_header(["Home", HEADLINE_2, "© Jane Roe / Agency"]).title == HEADLINE_2


def test_a_link_and_a_caption_below_the_dateline_give_the_headline() -> None:
    """A link below the dateline ("Read more", a jump to a recipe) and an image's caption printed twice:
    the headline is above the dateline."""
    rows = [HEADLINE_2, "12/04/2020 by Jane 24 Comments", "Read more", CAPTION, CAPTION]
    assert _title_header(rows).title == HEADLINE_2


def test_a_dateline_is_no_headline_above_a_deck() -> None:
    """A dateline of many words (reading time, date, author, comments) right above a longer headline
    was taken for a headline with its deck below it."""
    dateline = "5 Min. 3. March 2021 Water budget desk 1 Comment"  # a desk the body names too
    head = _title_header([dateline, DECK])
    assert head.title == DECK


def test_an_item_of_a_teaser_list_is_no_title() -> None:
    """A line with a "Read more" link below it, as another line of the header has, is a teaser."""
    rows = ["Garden festival opens in the old town hall", "Read more", "Parliament approves the water budget",
            "Read more"]
    assert _title_header(rows).title is None


def test_a_gallery_slide_s_caption_gives_the_headline_above_the_dateline() -> None:
    """A slide's caption below its counter ("1/5") is an image's caption, like one with a credit below
    it: the headline above the dateline and the source's name is taken, naming the body less."""
    headline = "What the new budget rules mean for farmers"
    rows = [headline, "Agency|", "March 3, 2021", "1/5", "Water budget at a glance"]
    assert _title_header(rows).title == headline
    # without the counter the line names too little of the body to be taken over the caption
    assert _title_header([headline, "Agency|", "March 3, 2021", "Water budget at a glance"]).title != headline


# --- standfirsts: a summary printed under the headline, nothing else --------------------------------

STANDFIRST = "The opposition wants the court to look at the vote, and farmers fear for their wells this summer."


def test_a_summary_under_the_headline_above_the_byline_is_the_standfirst() -> None:
    """The standfirst is printed right under the headline (a date or an image between them at most)."""
    assert _title_header([HEADLINE_2, STANDFIRST, "By Jane Roe"]).description == STANDFIRST
    assert _title_header([HEADLINE_2, "12.03.2024", "[image]", STANDFIRST, "By Jane Roe"]).description == STANDFIRST


@pytest.mark.parametrize("rows", [
    [HEADLINE_2, STANDFIRST, "Foto: Jane Roe/AGENCY", "By Jane Roe"],   # an image's caption: a credit below
    [HEADLINE_2, "• " + STANDFIRST, "By Jane Roe"],                        # an item of a list
    [HEADLINE_2, "    " + STANDFIRST, "By Jane Roe"],                      # an indented item of a list
    [HEADLINE_2, "• Water", "• Farming", "• Courts", STANDFIRST, "By Jane Roe"],  # under a tag list
    [HEADLINE_2, "Our best stories", STANDFIRST, "By Jane Roe"],           # under another block's heading
    [HEADLINE_2, "The water budget in pictures: farmers at a dry well near the river /Agency Photo",
     "By Jane Roe"],                                                       # a caption with its credit
    [HEADLINE_2, "Home » Politics » Regional parliament approves the water budget today",
     "By Jane Roe"],                                                       # a breadcrumb
])
def test_a_line_that_is_no_standfirst_is_refused(rows: list[str]) -> None:
    """Captions, list items, breadcrumbs and text below other blocks are no standfirst: None instead."""
    assert _title_header(rows).description is None


def test_a_refused_standfirst_keeps_the_line_models_verdict() -> None:
    """A line refused as standfirst gets no removal reason: it stays where the line model put it."""
    rows = [HEADLINE_2, STANDFIRST, "Foto: Jane Roe/AGENCY", "By Jane Roe"]
    lines = split_lines("\n\n".join([*rows, BODY]))
    head = _title_header(rows)
    refused = next(ln.index for ln in lines if ln.body == STANDFIRST)
    assert all(lines[i].index != refused for i in head.reasons)


def test_no_standfirst_without_a_headline() -> None:
    """With no trusted headline, where a standfirst would lie is unknown: a summary-shaped line there
    is as often the headline itself or a teaser."""
    assert _title_header(["Menu", STANDFIRST, "By Jane Roe"]).description is None


@pytest.mark.parametrize("text", [
    "REGIONAL PARLIAMENT APPROVES THE WATER BUDGET",                       # the headline again, other case
    "Water politics: Regional parliament approves the water budget",      # a kicker glued to the headline
    "Regional parliament finally approves its water budget",              # the headline restated
    "WeatherU.S. & WorldPoliticsTexas True CrimeShop",                     # menu items glued together
    "Send your letter via https://example.org/letters and read more",      # a link
    "The minister at the session in the capital. Photo: Jane Roe",         # a caption
    "Jane Roe Politics 12 March 2024 0 Comments",                          # a line of header fields
])
def test_a_text_that_is_no_standfirst(text: str) -> None:
    assert not _standfirst_text(text, HEADLINE_2, day_first=None)


def test_a_long_summary_may_name_what_the_headline_names() -> None:
    """A summary several times the headline's length names its words too; it restates nothing."""
    text = ("The regional parliament has approved its water budget for the next two years, with more "
            "money for wells and pipes, after a debate that lasted all night.")
    assert _standfirst_text(text, HEADLINE_2, day_first=None)


# --- titles: teaser lists, breadcrumbs, captions, fields and subtitles ------------------------------

def _page_titles(rows: list[str], first: str) -> Header:
    """The header of a page read with the body starting at row `first`, each row's cue the one its
    words give (as `_title_header`), rows below the body included."""
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines]
    return read_header(lines, verdicts, next(i for i, ln in enumerate(lines) if ln.body == first), stoplist)


def test_the_title_of_a_teaser_above_its_lede_and_link_is_no_title() -> None:
    """A list of teasers (title, lede, "Read more") taken for an article: its first lede is the body's
    start, the link below it recurs for each teaser, and the first teaser's title is no headline."""
    rows = ["• Home", "03.02.2022", HEADLINE_2, BODY, "Read more", "02.02.2022", "Garden festival opens",
            "The old town hall hosts a garden festival with music this weekend.", "Read more",
            "01.02.2022", "Pool reopens", "The pool reopened after a long repair in the winter.", "Read more"]
    assert _page_titles(rows, BODY).title is None
    # a headline above its body with a "Read more" link of a rail farther down stays the title
    rows = ["• Home", "03.02.2022", HEADLINE_2, BODY, BODY, "Garden festival opens", "Read more",
            "Pool reopens", "Read more", "Library closes", "Read more"]
    assert _page_titles(rows, BODY).title == HEADLINE_2


def test_a_short_headline_a_breadcrumb_ends_with_is_the_title() -> None:
    """A headline of two words printed once was refused as a menu item; the breadcrumb above that ends
    with it prints it again."""
    headline = "Water budget"
    assert _title_header(["Home > Press release: Water budget", "03.02.2022", headline]).title == headline
    assert _title_header(["Home > Press release", "03.02.2022", headline]).title is None


def test_a_headline_a_breadcrumb_ends_with_is_no_first_paragraph() -> None:
    """A headline ending with "!" reads as prose and was taken for the first paragraph, and an image's
    caption above it for the headline: the breadcrumb ending with it says it is the page's headline."""
    headline = "Parliament approves the water budget after a long night!"
    rows = [f"Home > News > {headline}", "Water pictures", "Water pictures", headline, "03.02.2022", BODY]
    lines = split_lines("\n\n".join(rows))
    verdicts = [Verdict(GOOD) for _ in lines]
    original = [0] + [GOOD for _ in lines[1:]]  # the breadcrumb is navigation to the line classifier
    start = body_start(lines, verdicts, original, 0, len(lines) - 1)
    assert lines[start].body == BODY
    _, stoplist = stoplist_for_words(BODY.lower().split())
    assert read_header(lines, verdicts, start, stoplist).title == headline


def test_the_name_ending_an_image_caption_is_no_title() -> None:
    """A caption's sentence and its credit or source after a dash ("... at the vote. - Parliament
    Water Desk"), and the credit alone below it: the credit is no headline printed again."""
    credit = "Parliament Water Desk"
    assert _title_header([f"{CAPTION}. - {credit}", credit]).title is None
    # a kicker before the headline is no sentence: the headline printed with it is trusted
    assert _title_header([f"Water politics - {HEADLINE_2}", HEADLINE_2]).title == HEADLINE_2


def test_captions_that_start_with_the_same_label_are_no_title() -> None:
    """A gallery's captions each start with the page's label ("Westside The old theatre"), which is a
    line of the header too: a caption with the label is no headline printed again."""
    label = "Water district"
    rows = [label, f"{label} The old pumping station by the river", label,
            f"{label} The regional parliament building with its water budget banner"]
    assert _title_header(rows).title is None
    # a kicker and a separator before the headline: the kicker's headline
    assert _title_header([label, f"{label}: {HEADLINE_2}"]).title == f"{label}: {HEADLINE_2}"


def test_a_source_and_a_share_label_below_the_dateline_give_the_headline_above() -> None:
    """A reporter's credit below the dateline, a source's field ("Source: X") and a share button's label
    ("Share:"): the headline is above the dateline (a script without spaces has no words to count)."""
    rows = [HEADLINE_2, "2020-01-02 17:11", "Source: Agency", "Share:", "Our reporter at the water budget vote"]
    assert _title_header(rows).title == HEADLINE_2
    body = "这个城市的数字农业发展很快，农民在网上卖花生。"
    rows = ["城市的数字农业是优长", "2020-01-02 17:11", "来源：新闻网", "分享到：", "新闻网记者张三", body]
    lines = split_lines("\n\n".join(rows))
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines]
    assert read_header(lines, verdicts, len(lines) - 1, frozenset()).title == "城市的数字农业是优长"


def test_a_shorter_subtitle_below_a_headline_the_page_repeats_gives_the_headline() -> None:
    """A headline, then a shorter subtitle above the dateline: the subtitle nearest the body was taken.
    The page prints its headline again (a list, a share text) and the subtitle once."""
    headline = "What the regional parliament's water budget means for farmers and their wells"
    subtitle = "Understanding the water budget"
    rows = [headline, subtitle, "03.02.2022 | Water Weekly", BODY, "More stories", headline]
    assert _page_titles(rows, BODY).title == headline
    # no dateline below: a list of teasers the page prints again elsewhere
    rows = [headline, subtitle, BODY, "More stories", headline]
    assert _page_titles(rows, BODY).title == subtitle


def test_a_line_between_two_quantities_is_no_title() -> None:
    """A list of ingredients or a table ("4", "Eggs (size M)", "250 g") above the body: its cell names
    the body and sat where a headline would."""
    rows = ["Ingredients", "135 g", "Butter", "4", "Water budget eggs (size M)", "250 g", "Strawberries", BODY]
    assert _page_titles(rows, BODY).title is None
    # a headline with a date above it and a count of comments below it is no cell
    rows = ["12.03.2021", HEADLINE_2, "4 comments", BODY]
    assert _page_titles(rows, BODY).title == HEADLINE_2


# --- titles, fifth fix: fields side by side, lists of fields, a block printed twice, a glued deck -------

def test_a_tag_list_with_a_widget_two_spaces_away_is_no_title() -> None:
    """w3m prints an inline widget beside a line's text with two spaces ("Schools, Water  Add comments"):
    two fields side by side, no headline, though its tags name the body. The headline above it is."""
    assert _title_header([HEADLINE_2, "Parliament, Water, Budget  Add comments"]).title == HEADLINE_2
    assert _title_header(["Page 1  Water budget night"]).title is None


@pytest.mark.parametrize("line", ["Headline: Regional parliament approves the water budget",
                                  "Titel: Das Wasserbudget des Parlaments"])
def test_a_field_naming_the_headline_is_no_title(line: str) -> None:
    """A screen reader's label or a data sheet's field ("Title: X") is no headline as printed."""
    assert _title_header([line]).title is None


def test_a_field_of_a_list_of_fields_is_no_title() -> None:
    """The minutes of a meeting or a data sheet print labelled fields on consecutive lines: the last one
    above the body names the body and sat where a headline would."""
    fields = "Place: the parliament's hall\nParticipants: water board, budget office\nGuests: regional parliament"
    assert _page_header(f"{fields}\n\n{BODY}").title is None
    # a headline with its kicker, its dateline and a source's field below it is no list of fields
    page = f"Water: regional parliament approves the budget\nPublished: 3 May 2021\nSource: Water Weekly\n\n{BODY}"
    assert _page_header(page).title == "Water: regional parliament approves the budget"


def test_a_line_of_a_block_printed_twice_is_no_title() -> None:
    """An offer's box or a list of categories printed twice (for a phone's layout and a computer's): each
    of its lines recurs with its neighbours, and the one nearest the body was taken for a headline
    printed twice."""
    box = ["Compare water tariffs", "Save up to 700 a year", "Parliament budget offers now"]
    assert _page_titles([*box, "Services", *box, BODY], BODY).title is None
    # a headline printed again alone (a share text, a list) is still a headline printed twice
    assert _page_titles(["Services", HEADLINE_2, "By Jane Roe", "Share", HEADLINE_2, BODY], BODY).title == HEADLINE_2


def test_a_headline_with_its_deck_glued_after_a_space_gives_the_headline() -> None:
    """A headline and its subtitle printed as one line ("Headline So wird es gemacht"), the headline
    printed alone below: the longer line won as the more complete copy of the headline."""
    deck = "The opposition says it will challenge the vote in court"
    head = _title_header([f"{HEADLINE_2} {deck}", "By Jane Roe", "3 May 2021", HEADLINE_2])
    assert head.title == HEADLINE_2
    # the header starts at the glued line: the byline and dateline between the two are read, the deck
    # is the standfirst
    assert head.authors == ["Jane Roe"] and head.published == dt.date(2021, 5, 3)
    assert head.description == deck
    # a headline cut short in a teaser is still the shorter copy: the full one is the title
    assert _title_header(["Regional parliament approves", "Share", HEADLINE_2]).title == HEADLINE_2


def test_a_page_number_beside_a_chapter_is_no_standfirst() -> None:
    """A backslash between a page's number and a chapter's name is a breadcrumb's separator."""
    assert not _standfirst_text("Page 1 \\\\ A water budget for the region and its farmers", HEADLINE_2, day_first=None)


def test_a_headline_printed_above_in_its_short_form_is_the_title_without_shared_words() -> None:
    """A series' headline printed in its short form (the menu's, the breadcrumb's) and in full right
    above the body is printed twice, as a headline printed again whole is, though it names nothing of
    the body's first paragraph."""
    short = "Trucks of the post-war years, part 49"
    full = f"{short} – Old lorries (1931 – 1945)"
    assert _page_titles(["Forum", short, "Tuesday, 2 November 2021", full, BODY], BODY).title == full
    # a line that merely starts like another, with no separator, is no such copy
    assert _page_titles(["Forum", short, "Tuesday, 2 November 2021", f"{short} and more", BODY], BODY).title is None


def test_the_text_of_a_list_item_under_its_bullet_is_no_title() -> None:
    """A menu prints its rubrics' teasers, and a slider its slides' captions, indented under a bullet
    ("• Newspaper" above "    The best of the newspaper"): an item of a list, though it names the body."""
    teaser = "Best of the paper: the regional parliament and its water budget"
    assert _page_header(f"  • Home\n  • Newspaper\n\n    {teaser}\n\n{BODY}").title is None
    # a page laid out in columns indents its headline and its body alike
    assert _page_header(f"  • Home\n  • Newspaper\n\n    {HEADLINE_2}\n\n    {BODY}").title == HEADLINE_2
    # a headline indented under no bullet (a box, a column) is no list's item
    assert _page_header(f"Newspaper\n\n    {HEADLINE_2}\n\n{BODY}").title == HEADLINE_2


def test_an_image_caption_below_its_keywords_is_no_title() -> None:
    """An image's alt text of keywords ("Jane Roe, son, John"), its caption holding them all and its
    photo credit, above the kicker and headline: the caption names the body, but neither it nor its
    keywords is the headline."""
    image = ["Parliament, water, budget", "The parliament debates the water budget at night", "Jane Roe/AGENCY"]
    assert _title_header(["Politics", *image, "Night session"]).title is None
    # a headline above a lead image has the image's credit below it too
    assert _title_header(["Politics", HEADLINE_2, "Jane Roe/AGENCY"]).title == HEADLINE_2


def test_a_caption_below_its_alt_text_gives_the_headline_above() -> None:
    """A page prints its headline, then the lead image: its alt text, its caption and its credit. The
    caption nearest the body names it; the headline above the alt text is the title."""
    image = ["A man walks past a grey building in the rain", "Protest in front of the regional parliament (archive)",
             "© Jane Roe/AGENCY"]
    assert _title_header(["Politics", HEADLINE_2, *image]).title == HEADLINE_2
    # a headline with its credit below it and a kicker of a word or two above it stays the title: a kicker
    # is no alt text, so the line above it (a teaser) is not taken
    rows = ["Regional parliament water budget news", "Politics", HEADLINE_2, image[2]]
    assert _title_header(rows).title == HEADLINE_2


def test_two_notices_ending_with_an_exclamation_are_no_title() -> None:
    """An offer's form prints its notices one below the other ("Surcharges apply!", "The price is
    without guarantee!"): the last one sits where a headline would and names the body."""
    rows = ["Total price for the period", "Surcharges apply to this period!",
            "Regional parliament budget prices are without guarantee!"]
    assert _title_header(rows).title is None
    # a headline may exclaim: its kicker and a copy of it do not make it a notice
    exclaimed = "Regional parliament approves the water budget at last!"
    assert _title_header(["Politics", exclaimed]).title == exclaimed
    assert _title_header(["Home » News » " + exclaimed, exclaimed]).title == exclaimed


def test_a_deck_below_share_buttons_gives_the_headline() -> None:
    """Share buttons between a headline and its longer subtitle (the subtitle printed again glued to
    itself, a share text): the subtitle nearest the body names it too, but the headline is the title."""
    deck = "The opposition says it will challenge the vote on the water budget in court next week"
    page = (f"{HEADLINE_2}\n  • Share on Twitter\n  • Share on XING\n  • [pocket]\n{deck} {deck}\n{deck}\n\n"
            f"{BODY}")
    head = _page_header(page)
    assert head.title == HEADLINE_2
    # (a deck past buttons is no standfirst: a tag list or a caption lies there as often)
    assert head.description is None


# --- a standfirst taken for the body's first paragraph, the byline's block below it -----------------

LEDE = "Lawmakers argued through the night before a narrow vote on the new water budget."


@pytest.mark.parametrize("block", [
    ["By Jane Roe"],                                       # a prefixed byline
    ["Jane Roe, 03.05.2022 10:15"],                        # a dateline with the byline in it
    ["JR", "Jane Roe", "Follow", "3 May 2022"],            # initials, a name and a link before the dateline
    ["Share on Twitter", "Jane Roe"],                      # a share button before a bare name
])
def test_a_summary_above_the_byline_taken_for_the_first_paragraph_is_the_standfirst(block: list[str]) -> None:
    """The body's first "paragraph" (`body_start`: it ends like prose) is printed right under the
    headline and above the byline's block: it is the standfirst. It gets no removal reason, so the body
    keeps it, as the seed gold keeps a standfirst."""
    lines = split_lines("\n\n".join(["• Home", HEADLINE, LEDE, *block, BODY, SECOND]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.body == LEDE)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.description == LEDE
    assert start not in head.reasons and standfirst_repeat(lines, head, start)


@pytest.mark.parametrize("rows", [
    [HEADLINE, LEDE, BODY, SECOND],                                        # no byline below: the first paragraph
    [HEADLINE, LEDE, "Our Partners", "• North", "• South", "• East", "• West", "• Islands", "• Abroad",
     "• Archive", BODY],                                                   # a box's heading, no name and no date
    [HEADLINE, LEDE, "More stories from our regional desk this week", "3 May 2022", BODY],  # another block's heading
    [HEADLINE, "Our best stories", LEDE, "By Jane Roe", BODY],             # not under the headline
    [HEADLINE, f"{BODY} {BODY} {BODY}", "By Jane Roe", SECOND],            # longer than a summary
    [HEADLINE, f"{BODY} {BODY}", "By Jane Roe"],                           # a long one, no article below
    [HEADLINE, "• " + LEDE, "By Jane Roe", BODY],                          # an item of a list
])
def test_a_first_paragraph_that_is_no_standfirst_gives_none(rows: list[str]) -> None:
    """Without the byline's block right below it, or not right under the headline, or of a paragraph's
    length, the first paragraph is the article's own."""
    first = next(r for r in rows[1:] if r.endswith(".")).removeprefix("• ")
    assert _body_read(["• Home", *rows], first).description is None

NOTICE = ("You are using an outdated browser version, which may limit some functions of this website, so "
          "please install a current one.")


def _lone_line_page(notice: str, headline_rows: list[str], dated: bool = True) -> tuple[int, Header, list]:
    """A page of a kept prose line above a menu the line model removed, the header (with a dateline when
    `dated`) and the body."""
    return _header_below_page([notice, *MENU, *headline_rows, *["03.02.2022"][:dated], BODY])


def test_a_lone_notice_above_the_header_hides_no_headline() -> None:
    """A notice the line model keeps above the menu (a browser's warning, an affiliate notice) reads as
    the first paragraph, and no headline lies above it: the headline printed twice below it, naming what
    the body says while the notice does not, is the title, and the body starts under it."""
    start, head, lines = _lone_line_page(NOTICE, [f"Home > News > {HEADLINE}", HEADLINE])
    assert head.title == HEADLINE and lines[start].body == BODY


def test_a_lede_above_a_caption_stays_the_first_paragraph() -> None:
    """A first paragraph that names what the body says is no notice, and a headline printed once below
    it, with no date or byline, is not enough: the header is read above the first paragraph."""
    lede = ("The regional parliament approved the water budget on Tuesday, and the opposition said it "
            "would challenge the vote in court.")
    start, head, lines = _lone_line_page(lede, [f"Home > News > {HEADLINE}", HEADLINE])
    assert head.title is None and lines[start].body == lede
    start, head, lines = _lone_line_page(NOTICE, [HEADLINE], dated=False)  # printed once, nothing dates it
    assert head.title is None and lines[start].body == NOTICE


def test_a_lone_notice_above_a_dated_headline_hides_no_headline() -> None:
    """A headline printed once is taken below a lone notice when the header there is dated, with no byline
    (a browser's warning above a science news page's headline and date)."""
    start, head, lines = _lone_line_page(NOTICE, [HEADLINE])
    assert head.title == HEADLINE and head.published == dt.date(2022, 2, 3) and lines[start].body == BODY


def test_a_lone_notice_above_a_headline_with_its_byline_hides_no_headline() -> None:
    """A headline printed once is taken below a lone notice when a byline and a dateline follow it."""
    start, head, lines = _lone_line_page(NOTICE, [HEADLINE, "By Jane Roe"])
    assert head.title == HEADLINE and head.authors == ["Jane Roe"] and lines[start].body == BODY


def test_a_headline_a_breadcrumb_ends_with_before_a_note_is_the_title() -> None:
    """A breadcrumb may print an issue's number after the headline ("Title (2021/5)"); the headline right
    above the body that it ends with is trusted even when the body's beginning names other things."""
    headline = "The historic somersault"
    rows = [f"Magazine > Travel > {headline} (2021/5)", "25 November 2021", headline]
    assert _title_header(rows).title == headline
    assert _title_header(["Magazine > Travel > Other things (2021/5)", "25 November 2021", headline]).title is None


def test_a_notice_printed_twice_above_the_header_hides_no_headline() -> None:
    """A form's notice printed twice above the header (for a phone's layout and a computer's) is one
    notice: the header is read above the paragraph below its copy, not above the copy."""
    lines = split_lines("\n\n".join([NOTICE, *MENU, NOTICE, "• Weather", "• Traffic", HEADLINE, "03.02.2022", BODY]))
    verdicts = [Verdict(BAD if ln.bullet or ln.body == "03.02.2022" else GOOD) for ln in lines]
    original = [GOOD if v.cls == GOOD else 0 for v in verdicts]
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start, head = header_and_body(lines, verdicts, original, 0, len(lines) - 1, stoplist)
    assert head.title == HEADLINE and lines[start].body == BODY


def test_a_teaser_of_the_article_cut_short_above_the_header_hides_no_headline() -> None:
    """A menu's teaser of the article itself, its headline cut with an ellipsis and kept above the menu,
    names what the body says as the headline does, but it is no lede: the headline below is the title."""
    start, head, lines = _lone_line_page(HEADLINE[:40] + "…", ["• Weather forecast for the whole region", HEADLINE])
    assert head.title == HEADLINE and lines[start].body == BODY


def test_a_dialog_above_a_far_dateline_is_no_headline() -> None:
    """A dialog's question kept above the menu (too short for the rules to call it a paragraph), its text
    below it taken for the next paragraph, is no headline dated by a dateline printed far below, above the
    article's own first long paragraph."""
    question = "Do you really want to delete this saved tour?"
    text = "If you created this saved tour, it is deleted for other users too."
    rows = [NOTICE, *MENU, question, text, *(f"• Item {n}" for n in range(10)), "03.02.2022", f"{BODY} {BODY}"]
    lines = split_lines("\n\n".join(rows))
    verdicts = [Verdict(BAD if ln.bullet or ln.body == "03.02.2022" else GOOD) for ln in lines]
    original = [GOOD if v.cls == GOOD and ln.body != question else 0 for v, ln in zip(verdicts, lines, strict=True)]
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start, head = header_and_body(lines, verdicts, original, 0, len(lines) - 1, stoplist)
    assert head.title is None and lines[start].body == NOTICE


def test_a_subheading_below_the_articles_paragraphs_is_no_title() -> None:
    """A start found too far down (below two of the article's paragraphs) leaves a subheading as the
    nearest headline-shaped line; the article runs above it, so the headline above them is the title."""
    subheading = "What the water budget means for the opposition"
    second = "Lawmakers of the regional parliament debated the water budget through the night before the vote."
    third = "The opposition will challenge the regional parliament's water budget vote in court next month."
    lines = split_lines("\n\n".join([*MENU, "• Weather", "• Traffic", HEADLINE, BODY, second, subheading, third]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(BAD if ln.bullet else GOOD) for ln in lines]
    head = read_header(lines, verdicts, len(lines) - 1, stoplist)
    assert head.title == HEADLINE


def test_a_forms_button_above_the_headline_is_no_section() -> None:
    """A line below a form's text field is the form's button ("To the comparison"), not a rubric; a
    short line right above the headline with no field above it still is."""
    menu = [*MENU, "• Economy", "• To the comparison"]
    assert _read(["Amount [25000               ]", "To the comparison"], menu=menu).section is None
    assert _read(["Amount", "Economy"], menu=menu).section == "Economy"


def _header_shaped_page(headline: str, *, below: tuple[str, ...] = ()) -> Header:
    """A page whose only headline-shaped line above the body reads as a dateline or a byline: a menu, the
    line, what lies below it (a photo credit), the body."""
    lines = split_lines("\n\n".join([*MENU, headline, *below, BODY]))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(BAD if ln.bullet else GOOD) for ln in lines]
    return read_header(lines, verdicts, len(lines) - 1, stoplist)


def test_a_headline_with_a_year_or_a_date_word_is_the_title() -> None:
    """A headline that holds a year ("... for 2023") or a word a dateline opens with ("date") reads as a
    dateline, but it states no publication date and names what the body says: it is the title."""
    for headline in ("Regional parliament passes the water budget for 2023",
                     "Parliament sets new date for the water budget vote"):
        assert _header_shaped_page(headline, below=("Photo: Jane Roe",)).title == headline


def test_a_short_headline_with_a_year_is_the_title() -> None:
    """A headline of four words with a year reads as a date with few words, which no headline candidate
    is; it states no publication date and names the body: it is the title."""
    assert _header_shaped_page("Parliament water budget 2023").title == "Parliament water budget 2023"


def test_a_dateline_or_another_storys_dated_teaser_is_no_title() -> None:
    """A dateline that states a date, one opened by its word, and a teaser with a year that shares too
    few of its words with the body stay no title."""
    for line in ("Parliament session of 3 May 2023 in the capital", "Updated 3 hours ago on the water budget",
                 "Football league and city sets its water budget for 2023"):
        assert _header_shaped_page(line).title is None


def test_a_headline_opened_by_a_name_and_a_dash_is_the_title() -> None:
    """A headline naming its subject before a dash ("Blue Horizon – ...") reads as a byline; a phrase of
    three words or more after the dash makes it a headline. A name with a role, or a name alone, is none."""
    headline = "Blue Horizon – regional parliament passes water budget"
    assert _header_shaped_page(headline).title == headline
    assert _header_shaped_page("Jane Roe – Parliament Reporter").title is None
    assert _header_shaped_page("Water Budget").title is None


@pytest.mark.parametrize("headline", ["Regional Parliament Debate", "Parliament Debate"])
def test_a_headline_read_as_a_bare_name_is_the_title_when_the_body_names_each_word(headline: str) -> None:
    """A headline of capitalised words alone ("Performant Python") reads as a bare byline; when the body's
    beginning holds every word of it, even two words printed once, it is the title: a byline's surname is
    rarely the article's word."""
    assert _header_shaped_page(headline).title == headline


@pytest.mark.parametrize(("line", "below"), [
    ("Parliament Keller", ()),  # a name the body does not hold every word of: a byline
    ("Parliament Debate", ("Photo: Jane Roe",)),  # a portrait's caption above its credit
    ("Parliament Parliamentary Debate", ()),  # two words of one stem: a tag list
])
def test_a_name_shaped_line_is_no_title_unless_the_body_names_it_whole(line: str, below: tuple[str, ...]) -> None:
    """A name-shaped line one of whose words the body lacks, one with a photo credit below it and a list
    of tags sharing a stem stay no title."""
    assert _header_shaped_page(line, below=below).title is None


GERMAN_LEDE = ("„Meine letzte ernste Beziehung ging vor drei Jahren in die Brüche“, erzählt die 27-jährige "
               "Lolly. „Was kann ich tun, um dabei nicht total die Nerven zu verlieren?“")


@pytest.mark.parametrize(("line", "ends_prose"), [
    (GERMAN_LEDE, True),
    ("Er sagte: ‚Wir kommen wieder.‘", True),
    ("Bundespräsident sieht „Radikalisierung“", False),  # a headline ending with a quoted word
    ("Viva Magenta: „Eine unkonventionelle Farbe für eine unkonventionelle Zeit“", False),
    ("The minister said: “We will win”", True),  # an English closing mark, as before
])
def test_a_german_closing_quote_ends_prose_past_a_sentences_end(line: str, ends_prose: bool) -> None:
    """"“" closes a German quote and opens an English one: a line ending with it is prose when a sentence
    ends inside the quote, and no prose when the quote is a phrase a headline ends with."""
    assert prose(split_lines(line)[0]) is ends_prose


def test_a_first_paragraph_ending_with_a_german_quote_starts_the_body() -> None:
    """A lede that ends with a German quote is the body's first paragraph, not a heading above it."""
    lines = split_lines("\n\n".join([*MENU, "Ich habe es satt, an Weihnachten gefragt zu werden", GERMAN_LEDE, BODY]))
    verdicts = [Verdict(BAD if ln.bullet else GOOD) for ln in lines]
    original = [v.cls for v in verdicts]
    start = body_start(lines, verdicts, original, 0, len(lines) - 1)
    assert lines[start].body == GERMAN_LEDE


def _header_below_page(rows: list[str]) -> tuple[int, Header, list]:
    """A page of `rows` read by `header_and_body`: bulleted menu items and the dateline "03.02.2022" are
    what the line model removed, every other line is kept."""
    lines = split_lines("\n\n".join(rows))
    verdicts = [Verdict(BAD if ln.bullet or ln.body == "03.02.2022" else GOOD) for ln in lines]
    original = [GOOD if v.cls == GOOD else 0 for v in verdicts]
    _, stoplist = stoplist_for_words(BODY.lower().split())
    start, head = header_and_body(lines, verdicts, original, 0, len(lines) - 1, stoplist)
    return start, head, lines


GREETINGS = ["Thank you for your order. We wish you a pleasant time reading our stories.",
             "You have chosen the edition for readers abroad. Enjoy your reading."]


def test_notices_kept_right_above_a_dated_header_hide_no_headline() -> None:
    """Notices the line model keeps with no removed line between them and the header (a newspaper's
    greetings to its subscribers, a browser's warning) read as the first paragraphs; the header is read
    above a later paragraph, and its headline, dated and naming the body while the notices do not, is
    the title."""
    start, head, lines = _header_below_page([*MENU, *GREETINGS, HEADLINE, "03.02.2022", BODY])
    assert head.title == HEADLINE and head.published == dt.date(2022, 2, 3) and lines[start].body == BODY


def test_a_headline_below_the_articles_lede_or_undated_stays_no_title() -> None:
    """A kept line above the headline that tells what the body says is the article's lede (the line below
    it a subheading), and an undated header is not enough: the first paragraph stays the body's start."""
    lede = ("The regional parliament approved the water budget on Tuesday, and the opposition said it "
            "would challenge the vote in court.")
    start, head, lines = _header_below_page([*MENU, lede, HEADLINE, "03.02.2022", BODY])
    assert head.title is None and lines[start].body == lede
    start, head, lines = _header_below_page([*MENU, *GREETINGS, HEADLINE, BODY])
    assert head.title is None and lines[start].body == GREETINGS[0]


QUESTION = "Can the regional parliament still save the water budget?"
STANDFIRST = "After a long night the vote on the water budget was delayed once more by the opposition."


def test_a_headline_read_as_the_first_paragraph_is_the_title_when_a_dateline_dates_it() -> None:
    """A headline ending with a question mark reads as prose, so it is taken for the first paragraph and
    no headline lies above it; read above the next paragraph (its standfirst), with a dateline below
    the standfirst and byline, it is the title."""
    start, head, lines = _header_below_page([*MENU, QUESTION, STANDFIRST, "By Jane Roe", "03.02.2022", BODY])
    assert head.title == QUESTION and lines[start].body == STANDFIRST
    start, head, lines = _header_below_page([*MENU, QUESTION, STANDFIRST, BODY])  # no date: the body's own
    assert head.title is None and lines[start].body == QUESTION


PUN = "Need for speed on the old road"


def test_a_headline_right_above_its_dated_byline_block_is_the_title_without_shared_words() -> None:
    """A headline that names nothing the body's beginning says (a pun) is trusted when only its byline's
    block (a byline, a dateline, a reading time) lies between it and the body."""
    assert _header_shaped_page(PUN, below=("By Jane Roe", "3 May 2021", "4 min read")).title == PUN
    assert _header_shaped_page(PUN, below=("3 May 2021",)).title == PUN


def test_a_short_headline_right_above_its_dated_byline_block_is_the_title() -> None:
    """Two words printed once are trusted above the byline's block when they name the body; not without
    the block, nor a widget naming nothing of the body ("Mehr erfahren":
    `test_a_refused_title_stays_text_and_the_byline_below_it_is_read`), nor a counter after its label."""
    block = ("By Jane Roe", "3 May 2021")
    assert _header_shaped_page("Budget troubles", below=block).title == "Budget troubles"
    assert _header_shaped_page("Budget troubles").title is None
    assert _header_shaped_page("Views: 184", below=block).title is None
    assert not _headline_shape("Views: 184") and not _headline_shape("Aufrufe: 1.203")


def test_a_line_above_an_undated_block_or_a_long_one_is_no_title_without_shared_words() -> None:
    """Without a dateline stating a date in the block, with another line (a teaser's lede) between the
    line and the block, or for a line too long for a headline that names nothing (a deck glued on), the
    line's place is no evidence."""
    assert _header_shaped_page(PUN, below=("By Jane Roe",)).title is None
    lede = "Weather and traffic on the old road were calm all week."
    assert _header_shaped_page(PUN, below=(lede, "3 May 2021")).title is None
    long = f"{PUN}: welcome to the fastest and the oldest of all the roads"
    assert _header_shaped_page(long, below=("3 May 2021",)).title is None


def test_an_english_headline_names_a_body_that_quotes_a_japanese_term() -> None:
    """A body that holds a few CJK characters (a Japanese term in brackets) is still compared word by
    word in its other script: its English words name the subject the headline names."""
    body = ("Last spring we stopped at 出塚水産 (Quellfisch Harbour Works), a fish cake maker by the harbour, and "
            "its deep-fried fish cakes changed what the whole team thought of quellfisch cakes for good.")
    headline = "Quellfisch Harbour Works: Deep-Fried Fish Cakes, Served Hot"
    lines = split_lines("\n\n".join([*MENU, headline, body, SECOND]))
    _, stoplist = stoplist_for_words(body.lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == body)
    head = read_header(lines, [Verdict(GOOD) for _ in lines], start, stoplist)
    assert head.title == headline


# --- titles, twentieth and twenty-first fixes: a deck's length without dashes, a menu glued into a line --


def test_a_deck_is_longer_than_its_headline_by_words_a_dash_not_counted() -> None:
    """A headline and its deck are compared by their words: the dash between a headline's parts is none, so
    a deck with one word more is the deck, and the headline above it the title (the dash counted, both had
    ten "words" and the deck, nearest the body, was the title)."""
    headline = "Water budget – parliament approves the plan after a night"
    deck = "The opposition will challenge the night vote in the court"
    assert len(headline.split()) == len(deck.split())
    head = _title_header([headline, deck])
    assert (head.title, head.description) == (headline, deck)


@pytest.mark.parametrize(("line", "shape"), [
    ("Abb.: Collage aus Internetbild und Agenturbild", False),
    ("Abbildung 4: Die Lawine im Tal", False),
    ("Figure 2: The water budget by region", False),
    ("Figure skating: a new season opens in the capital", True),
])
def test_a_figure_s_caption_label_has_no_headline_s_shape(line: str, shape: bool) -> None:
    """A caption labelled as a figure ("Abb.:", "Figure 2:") is no headline, and no deck of one."""
    assert _headline_shape(line) is shape


def test_a_menu_printed_again_as_one_line_is_no_headline() -> None:
    """A dump may print the menu's items again glued into one line ("NEWS PARLIAMENT BUDGET SPORT WEATHER"):
    every word of it is a line of its own on the page. It is no headline, nor one above a deck."""
    items = ["NEWS", "PARLIAMENT", "BUDGET", "SPORT", "WEATHER"]
    head = _title_header([*(f"• {w}" for w in items), " ".join(items), HEADLINE_2])
    assert head.title == HEADLINE_2


@pytest.mark.parametrize(("byline", "authors"), [
    ("Author: Jana Rohde, Datum: 03.03.19", ["Jana Rohde"]),  # the next field's label
    ("von Jana Rohde: Foto: © Agency", ["Jana Rohde"]),  # a colon: no name holds one
    ("Author: Jana RohdeAuthor: Jana Rohde", ["Jana Rohde"]),  # the byline printed twice, glued
    ("Von Jana RohdeRSS-Newsfeed neuer Artikel von Jana Rohde", ["Jana Rohde"]),  # a link to the author's feed
    ("von Jana Rohde Twitter Account von Jana Rohde", ["Jana Rohde"]),  # ... or account
])
def test_a_prefixed_byline_s_names_end_where_the_next_field_starts(byline: str, authors: list[str]) -> None:
    """A dump prints the fields beside a byline on its line: a label and a colon, the byline again, a link
    to the author's page naming the author again. The names end where the next field starts."""
    assert _read([], byline).authors == authors


# --- titles, twenty-first fix: a caption's label, a person's name printed twice --------------------------


@pytest.mark.parametrize(("line", "shape"), [
    ("Media captionDrone footage shows mass burials in New York", False),
    ("Image caption About 40 bodies were buried on Thursday", False),
    ("Mediation talks resume in the capital", True),
])
def test_a_caption_s_label_has_no_headline_s_shape(line: str, shape: bool) -> None:
    """A caption opening with its label ("Media caption", "Image caption", glued to the caption or not) is no
    headline."""
    assert _headline_shape(line) is shape


@pytest.mark.parametrize(("line", "shape"), [
    ("« Fünf Gedanken zum Pokal-Aus in Dortmund", False),
    ("« Vorheriger Beitrag", False),
    ("« Marmorkuchen mit Rum und Schokoüberzug", False),
    ("« Nous sommes prêts à négocier » : Loukachenko reçoit Poutine", True),
    ("«Wir waren fast 40 Tage in Quarantäne»", True),
])
def test_a_link_to_the_previous_post_has_no_headline_s_shape(line: str, shape: bool) -> None:
    """A blog's link to its previous post opens with "« " and never closes it (70 dev lines open so, every one
    such a link); a French headline's quote closes with "»". A model refitted on other features took such a
    link for a dev page's title."""
    assert _headline_shape(line) is shape


@pytest.mark.parametrize(("line", "shape"), [
    ("Entdecke weitere Homestorys", False),
    ("Alle Artikel zu unseren Recherchen", False),
    ("All posts by Jane Roe", False),
    ("Усі статті", False),
    ("CONTINUA DEPOIS DA PUBLICIDADE", False),
    ("Story continues below advertisement", False),
    ("All stories matter, says the mayor", True),
    ("Allerlei Artikel im Test", True),
])
def test_a_rail_s_heading_or_an_advertisement_s_marker_has_no_headline_s_shape(line: str, shape: bool) -> None:
    """A heading over other articles and the marker an advertisement leaves inside an article were dev pages'
    titles; a headline that opens with "all" and goes on as a sentence is one."""
    assert _headline_shape(line) is shape


POLISH_BODY = ("Ostra debata w Sejmie przybliżyła Polskę do zatwierdzenia decyzji o funduszach, a opozycja "
               "zapowiedziała, że będzie monitorować, jak rząd wyda pieniądze z Unii w tym i w przyszłym roku.")


def test_a_person_s_name_printed_twice_above_the_body_is_no_headline() -> None:
    """A byline widget prints the writer's name twice right above the body, where a headline printed again
    stands; a first name the stoplist holds ("Michał") kept it from reading as a byline, and it was the title.
    A stopword the line model's vocabulary holds is a function word, and such a line may be a headline."""
    headline = "Sejm głosował nad funduszami z Unii"
    lines = split_lines("\n\n".join([headline, "Michał Kolanko", "Michał Kolanko", POLISH_BODY]))
    _, stoplist = stoplist_for_words(POLISH_BODY.lower().split())
    head = read_header(lines, [Verdict(GOOD, cue=cue_reason(ln.body)) for ln in lines], len(lines) - 1, stoplist)
    assert head.title == headline
    assert person_name(lines[1], stoplist)
    assert not person_name(split_lines("Ein Albtraum\n")[0], frozenset({"ein"}))


@pytest.mark.parametrize(("line", "authors"), [
    ("Jana Rohde, staff writer", ["Jana Rohde"]),
    ("Jana Rohde, Redakteurin für Wirtschaft", ["Jana Rohde"]),
    ("Jana Rohde, who wrote the report", []),  # no role: a sentence's subject
])
def test_a_bare_name_and_the_writer_s_role_right_below_the_dateline_is_the_byline(line: str,
                                                                                   authors: list[str]) -> None:
    """A bare name with the writer's role after a comma, right below the dateline, names the author."""
    assert _title_header([HEADLINE_2, "3 May 2021", line]).authors == authors


def test_a_lone_bulleted_headline_above_its_dated_byline_block_is_the_title() -> None:
    """A dump prints a headline inside a list's item with a bullet: above its dated byline's block alone, and
    with no bulleted line right above it, it is the headline; a breadcrumb's last item is not."""
    headline = "• Budget vote splits the regional council"
    assert _title_header(["Site Name", headline, "Posted by Jana Rohde 21.10.2019"]).title == headline[2:]
    crumbs = ["• Home", "• Politics", headline, "Posted by Jana Rohde 21.10.2019"]
    assert _title_header(crumbs).title is None


# --- titles, twenty-fourth fix: a headline printed again below it, after a breadcrumb's trail or a kicker ----

_NAMED_PARAGRAPHS = [
    "Im Beisein zahlreicher Ehrengäste wurde das neue Zentrum am Berg am Montag am steirischen Erzberg offiziell "
    "eröffnet, wie der Verband mitteilte, und die ersten Gruppen sollen schon im Frühjahr dort üben.",
    "Der Rektor der Universität konnte dazu auch den Minister begrüßen, der das Projekt von Anfang an unterstützt "
    "hatte und bei der Eröffnung die Bedeutung der Ausbildung für den Katastrophenschutz betonte.",
    "Das Zentrum bietet Platz für bis zu zweihundert Teilnehmer, die in Stollen und Hallen unter realen "
    "Bedingungen trainieren können, wenn die Anlage im Frühjahr in den vollen Betrieb geht.",
]


@pytest.mark.parametrize(("above", "title"), [
    (["Zentrum am Berg offiziell eröffnet", "Sie sind hier: Startseite / Verband / Zentrum am Berg offiziell eröffnet"],
     "Zentrum am Berg offiziell eröffnet"),
    (["• Startseite", "• Verband", "• Zentrum am Berg offiziell eröffnet",
      "Neues Ausbildungszentrum Zentrum am Berg offiziell eröffnet"], "Zentrum am Berg offiziell eröffnet"),
    (["• Startseite", "• Verband", "• Zentrum am Berg offiziell eröffnet",
      "Ausbildung am Erzberg : Zentrum am Berg offiziell eröffnet"], "Zentrum am Berg offiziell eröffnet"),
])
def test_a_headline_printed_again_after_a_breadcrumb_s_trail_or_a_kicker_is_the_title(above: list[str],
                                                                                        title: str) -> None:
    """The classifier takes a line and its copy with words before it for a caption printed again with its label,
    and the headline was refused for that cue: a breadcrumb's trail or a kicker of a few words is no caption's
    label. The trail is no standfirst either."""
    page = clean_page("\n\n".join(["• Suche", "• Menü", *above, "[DSC_0004-845x321]", *_NAMED_PARAGRAPHS]))
    assert page.title == title
    assert page.description is None


@pytest.mark.parametrize(("below", "named"), [
    ("Sie sind hier: Startseite / Verband / Zentrum am Berg offiziell eröffnet", True),
    ("Ausbildung am Erzberg : Zentrum am Berg offiziell eröffnet", True),
    ("Foto: Jane Doe Zentrum am Berg offiziell eröffnet", False),
    ("Enlarge Zentrum am Berg offiziell eröffnet", False),
    ("Ein sehr langer Vorspann mit vielen Wörtern davor Zentrum am Berg offiziell eröffnet", False),
])
def test_a_line_named_below_it_after_a_trail_or_a_kicker_but_not_after_a_caption_s_label(below: str,
                                                                                          named: bool) -> None:
    """A caption printed again after its label ("Foto: Jane Doe", "Enlarge") is no headline named again."""
    from build_dataset.clean.headlines import _named_below

    lines = split_lines("Zentrum am Berg offiziell eröffnet\n\n" + below)
    assert _named_below(lines, [0, 1], 0) is named


# --- titles, twenty-fifth fix: a headline opening with a compound a cue's word opens --------------------------


@pytest.mark.parametrize(("line", "phrase"), [
    ("Cookie-Einstellungen ändern", False),
    ("Abo-Shop", False),
    ("Home-Manager: Freizeit", False),
    ("E-Mail-Adresse [                    ] [Abonnieren]", False),
    ("Instagram-Star Esmeralda Merlot ist tot.", True),
    ("Next-Gen HAMR Platters Promise 80TB Hard Drives", True),
    ("12 Twitter-Nutzer und ihre Zutaten für erfolgreiche Tweets", True),
    ("Share - Facebook Twitter WhatsApp Mail", False),
])
def test_a_compound_a_cue_opens_labels_furniture_only_with_few_words_after_it(line: str, phrase: bool) -> None:
    """A cue's word opening a compound ("Cookie-Einstellungen", "Abo-Shop") labels furniture as the word alone
    does, and the cue stays (the line model reads it); a headline that opens with such a compound and goes on
    for words ("Next-Gen …") is no label, and the header reader may take it for the headline."""
    assert compound_phrase(line) is phrase
    assert cue_reason(line) is not None


def test_a_headline_opening_with_a_cue_s_compound_is_the_title() -> None:
    """"Next" is a pager's cue, and "Next-Gen HAMR Platters Promise 80TB Hard Drives" was refused as a dev page's
    headline for it."""
    headline = "Next-Gen HAMR Platters Promise 80TB Hard Drives"
    body = ("Seagate says its new HAMR platters will let hard drives hold 80TB by the end of the decade, four times "
            "what the largest drives hold today, and the first samples are already with its partners.")
    page = "\n\n".join(["1. Home", "2. News", "3. Storage", headline, body, body])
    lines = split_lines(page)
    _, stoplist = stoplist_for_words(body.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.text)) for ln in lines]
    assert verdicts[3].cue == "navigation"  # the pager's "Next"
    assert read_header(lines, verdicts, 4, stoplist).title == headline


# --- titles, twenty-sixth fix: a headline above a share panel -------------------------------------------------


def test_a_headline_above_a_share_panel_is_in_reach() -> None:
    """A share panel prints a button a line between a headline and its body; its buttons are not counted among the
    header lines the headline is sought in, so a headline above a long panel is found."""
    buttons = ["• email", "• facebook", "• twitter", "• linkedin", "• reddit", "• whatsapp", "• telegram", "• print",
               "• pinterest", "• xing"]
    rows = ["• Home", "• News", "• Politics", HEADLINE, "Von", "Jane Roe", "19.10.19, 11:29 Uhr", *buttons, BODY, BODY]
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD, cue=cue_reason(ln.text)) for ln in lines]
    assert [verdicts[k].cue for k in range(7, 17)] == ["social"] * 10
    assert read_header(lines, verdicts, len(lines) - 2, stoplist).title == HEADLINE



# --- titles, twenty-eighth fix: a headline above a panel of bare bullets --------------------------------------


@pytest.mark.parametrize(("marks", "found"), [(8, True), (3, False)])
def test_a_headline_above_a_panel_of_bare_bullets_is_in_reach(marks: int, found: bool) -> None:
    """w3m prints an icon button as a bullet alone ("•"): a run of PANEL_MARKS or more is a panel of buttons,
    counted as one of the NEAREST_LINES header lines a headline is sought in, so a headline above its byline's
    block, an image's marks and a long panel is found; three bare bullets (a form's, a list's) count one each,
    and the headline above them and the same lines is out of reach."""
    menu = [f"• Rubric {letter}" for letter in "ABCDEFGHIJ"]  # (the headline is below the site's banner's place)
    rows = [*menu, HEADLINE, "Von", "Jane Roe", "19.10.19, 11:29 Uhr", "Image: Jane Roe", *["[ad]"] * 5,
            *["•"] * marks, BODY, BODY]
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(GOOD if k >= len(lines) - 2 else BAD, cue=cue_reason(ln.text)) for k, ln in enumerate(lines)]
    assert NEAREST_LINES == 12 and PANEL_MARKS == 4  # (the rows are counted for these: 9 + 1 and 9 + 3 lines)
    assert (read_header(lines, verdicts, len(lines) - 2, stoplist).title == HEADLINE) == found
