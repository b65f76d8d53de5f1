"""The header reader refuses a section or an author that cannot be one, on any site.

Each page is a small header (a line above the headline, the headline, a byline line, the body) read by
`read_header` directly, so the test does not depend on the line model's verdicts. The refused values
are the kinds the dev pages gave before the fix (benchmarks/metadata.py measures them on real pages);
the strings here are made up, since the rules name no site and no phrase.
"""

from __future__ import annotations

import pytest

from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.lines import split_lines
from build_dataset.clean.metadata import Header, read_header
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


@pytest.mark.parametrize("rubric", ["Politics", "Umwelt & Klima", "Wirtschaft", "Новини"])
def test_a_rubric_that_the_menu_holds_too_is_the_section(rubric: str) -> None:
    assert _read([rubric], menu=[*MENU, f"• {rubric}"]).section == rubric


def test_a_breadcrumb_gives_its_last_rubric() -> None:
    assert _read(["News > Politics"], menu=MENU).section == "Politics"
    assert _read(["News > 2 min"], menu=MENU).section is None


def test_a_rubric_opening_the_page_is_the_section() -> None:
    """A dump cut to the article starts with its rubric: there is no menu it could be the end of."""
    assert _read(["Russia & Europe"]).section == "Russia & Europe"


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
])
def test_a_name_is_an_author(byline: str, authors: list[str]) -> None:
    """Names pass: with a prefix even when a first name is a common word ("Mark"); without one when
    no word of it is a common word."""
    assert _read([], byline).authors == authors
