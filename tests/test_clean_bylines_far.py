"""Bylines the header's reader passes by are read when the page prints no other byline: above the
headline, between the last paragraph and the furniture after it, beside a dateline below the article,
a name with the writer's role under it, the same byline printed twice.

Each page is made up (no dev page's text): menu lines, a headline printed twice, the body's paragraphs
the line model keeps, then what follows them, read by `read_header` with verdicts that say which lines
are body and which cue each line's own words give (`cue_reason`), as the page's classifier would.
"""

from __future__ import annotations

import pytest

from build_dataset.clean.classify import BAD, GOOD, Verdict
from build_dataset.clean.cues import cue_reason
from build_dataset.clean.lines import split_lines
from build_dataset.clean.metadata import Header, read_header
from build_dataset.clean.stoplists import stoplist_for_words

MENU = ["• Home", "• Politics", "• Sport", "• Culture"]
HEADLINE = "Parliament votes on the new water budget after a long night"
SENTENCES = [
    "The regional parliament approved the water budget on Tuesday after a debate that lasted through the night.",
    "The opposition said the budget raises local taxes for the second year in a row and would go to court.",
    "Farmers in the valley fear for their wells this summer, when the new rules on pumping take effect.",
    "The minister said the rules were needed because the lake has fallen to its lowest level in decades.",
]
PARAGRAPHS = [f"{a} {b}" for a in SENTENCES for b in SENTENCES[:3]]
"""Twelve paragraphs: a byline below them is farther from the body's start than `byline_below` reads."""
TEASERS = [
    "Water prices rise again in the north as the dry summer empties the reservoirs of three towns.",
    "Parliament closes for summer with a long list of bills it could not pass before the break.",
    "The city council wants a new tram line through the old town, and shop owners are worried about it.",
]
"""Teasers' summaries far below the article, which the line model keeps: they put the body's last kept
line far from the article's end."""


def _page(top: list[str], rows: list[str], kept: set[int] | None = None) -> Header:
    """The header of a page: the menu, `top` (the lines above the headline), the headline printed twice,
    the article's paragraphs (kept) and `rows` after them, kept where `kept` holds their index (the
    teasers' summaries by default)."""
    kept = {k for k, row in enumerate(rows) if row in TEASERS} if kept is None else kept
    texts = [*MENU, *top, HEADLINE, HEADLINE, *PARAGRAPHS, *rows]
    lines = split_lines("\n\n".join(texts))
    _, stoplist = stoplist_for_words(" ".join(PARAGRAPHS).lower().split())
    start = next(k for k, ln in enumerate(lines) if ln.text == PARAGRAPHS[0])
    first_row = start + len(PARAGRAPHS)
    verdicts = [Verdict(GOOD if start <= k < first_row or k - first_row in kept else BAD, None,
                        cue_reason(ln.text) if ln.text else None) for k, ln in enumerate(lines)]
    return read_header(lines, verdicts, start, stoplist)


def test_a_byline_above_the_headline_is_read_when_the_page_prints_no_other() -> None:
    """A blog prints its byline line above the headline ("By Jane Roe 10 February 2019 in Fashion"): the
    header's reader reads below the headline only."""
    head = _page(["By Jana Rohde 10 February 2019 in Politics, Water 17 Comments"], ["Share", "Imprint"])
    assert head.authors == ["Jana Rohde"]


@pytest.mark.parametrize(("top", "rows"), [
    (["• By Jana"], ["Share", "Imprint"]),  # a menu's item among bulleted items ("By Jana": her products)
    (["By Jana Rohde"], ["Related", "Water prices rise again", "By John Doe"]),  # a teaser's byline too
    ([], ["Related", "Water prices rise again", "By Jane Roe"]),  # past the rail's heading: a teaser's byline
    (["Published by WATERTEAM", "•", "Categories", "Tags"], ["Share"]),  # a team's name in capitals
])
def test_a_by_line_above_the_headline_among_menus_or_teasers_gives_no_author(top: list[str],
                                                                             rows: list[str]) -> None:
    assert _page(top, rows).authors == []


@pytest.mark.parametrize(("sign_off", "furniture"), [
    ("Von Jana Rohde", "Newsletter abonnieren"),
    ("posted by Jana Rohde at 12:53", "Comments (35)"),
])
def test_a_byline_between_the_last_paragraph_and_the_furniture_signs_the_article_off(
        sign_off: str, furniture: str) -> None:
    """The article's last paragraph, its byline, then a newsletter's form or the comments: the byline
    signs the article off, though kept teasers or comments far below put the body's end too far for a
    sign-off."""
    rows = [sign_off, furniture, "Related", *TEASERS, "Share", "Imprint", "Contact", "Jobs", *TEASERS]
    assert _page([], rows).authors == ["Jana Rohde"]


def test_a_byline_between_a_paragraph_and_the_furniture_among_teasers_bylines_gives_no_author() -> None:
    rows = ["Von Jana Rohde", "Newsletter abonnieren", "Related", TEASERS[0], "Von John Doe", *TEASERS[1:]]
    assert _page([], rows).authors == []


def test_a_byline_beside_a_dateline_below_the_article_is_read() -> None:
    """The article's field list printed below its tags and teasers ("Datum: ..." / "Autor: ..."), farther
    down than a sign-off."""
    rows = ["Zum Thema:", "Water prices rise again", "Parliament closes for summer", "Tags", "water",
            "[image]", "Datum: 19.11.2021", "Autor: Jana Rohde", "Quelle: Example News", "Neuen Kommentar schreiben"]
    assert _page([], rows).authors == ["Jana Rohde"]


def test_bylines_beside_dates_in_a_list_of_teasers_give_no_author() -> None:
    rows = ["Zum Thema:", "Water prices rise again", "Von Jana Rohde", "19.11.2021", "Parliament closes",
            "Von John Doe", "18.11.2021"]
    assert _page([], rows).authors == []


def test_the_same_byline_printed_twice_below_the_article_signs_it_off() -> None:
    """A field list printed below the article and again below its teasers: the second copy names no
    other writer, so it does not make the first a list's byline."""
    rows = ["Audios and videos on the topic", "• Date 19.01.2020", "• Author Jana Rohde", "• Keywords water",
            "Related content", *TEASERS, "• Date 19.01.2020", "• Author Jana Rohde", "• Keywords water"]
    assert _page([], rows, kept=set()).authors == ["Jana Rohde"]


def test_a_name_with_the_writers_role_below_it_is_the_byline() -> None:
    """A byline's block with no prefix: the name, the writer's role, a handle and the date."""
    head = _page(["Jana Rohde", "Political Editor", "@janarohde", "Monday 28 September 2020 19:27"], ["Share"])
    assert head.authors == ["Jana Rohde"]


def test_names_with_roles_in_a_list_give_no_author() -> None:
    """A list of speakers, each with a role, names no writer."""
    rows = ["Speakers", "Jana Rohde", "Political Editor", "Piotr Wróblewicz", "Senior Reporter"]
    assert _page([], rows).authors == []


def test_an_article_credited_with_artikel_von_is_read() -> None:
    """"Artikel von" credits the writing as "Beitrag von" does."""
    head = _page(["Profile picture for user jrohde", "Artikel von Jana Rohde", "19. Juni 2019"], ["Share"])
    assert head.authors == ["Jana Rohde"]


def test_a_byline_above_the_authors_archive_link_is_an_author_box() -> None:
    """An author box far below the article: the writer's name, a note, the link to all the writer's
    articles."""
    rows = ["Tags:", "water", "Share", "[avatar]", "Von Jana Rohde", "Freie Autorin in Berlin, schreibt über Wasser.",
            "Alle Artikel", "Related", *TEASERS, "Imprint", "Contact", "Jobs", *TEASERS]
    assert _page([], rows).authors == ["Jana Rohde"]


def test_bylines_above_archive_links_in_a_list_of_writers_give_no_author() -> None:
    rows = ["Share", "Von Jana Rohde", "Alle Artikel", "Von John Doe", "Alle Artikel"]
    assert _page([], rows).authors == []
