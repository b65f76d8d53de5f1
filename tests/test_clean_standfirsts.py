"""The standfirst (`Header.description`) in the third standfirst fix: a summary above the byline's block
past an image's block, a share bar or a row of buttons, a summary of three sentences when the article
goes on, and a deck right under the headline and above the body. Each page is made up."""

from __future__ import annotations

import pytest

from build_dataset.clean.classify import BAD, GOOD, Verdict
from build_dataset.clean.header_lines import Header
from build_dataset.clean.lines import split_lines
from build_dataset.clean.metadata import read_header
from build_dataset.clean.stoplists import stoplist_for_words

HEADLINE = "Parliament votes on the new water budget after a long night"
BODY = ("The regional parliament approved the water budget on Tuesday after a debate that lasted "
        "through the night, and the opposition said it would challenge the vote in court.")
SECOND = ("The opposition said the budget raises local taxes for the second year in a row and that the "
          "government has yet to publish its spending report.")
LEDE = "Lawmakers argued through the night before a narrow vote on the new water budget."
SUMMARY = (f"{LEDE} The opposition walked out twice, and the speaker called three recesses before midnight. "
           "Farmers waiting outside cheered when the result was read out, while the mayors of the coastal "
           "towns said they would ask for more.")
CAPTION = "Members of the regional parliament leave the chamber after the vote on Tuesday night"
DECK = "Farmers in the coastal towns fear for their wells this summer"


def _read(rows: list[str], first: str, cues: dict[str, str] | None = None) -> Header:
    """The header of a page of `rows` read with the body starting at row `first`; a row named in `cues`
    was removed by the line model with that cue ("caption", "social"), every other row kept."""
    cues = cues or {}
    lines = split_lines("\n\n".join(rows))
    _, stoplist = stoplist_for_words(BODY.lower().split())
    verdicts = [Verdict(BAD, cues[ln.body], cues[ln.body]) if ln.body in cues else Verdict(GOOD) for ln in lines]
    return read_header(lines, verdicts, next(i for i, ln in enumerate(lines) if ln.body == first), stoplist)


# --- a summary taken for the body's first paragraph, the byline's block below it ---------------------

def test_a_summary_above_an_image_and_the_byline_is_the_standfirst() -> None:
    """News pages print the lead image between the standfirst and the byline: its caption (printed twice,
    as alt text and caption) and its credit are no other block's text."""
    rows = ["• Home", HEADLINE, LEDE, CAPTION, CAPTION, "Photo: Jane Doe/Agency", "By Jane Roe", BODY, SECOND]
    assert _read(rows, LEDE, {CAPTION: "related", "Photo: Jane Doe/Agency": "caption"}).description == LEDE


@pytest.mark.parametrize("block", [
    ["By Staff and news service reports", "3 May 2022"],                  # a prefixed byline of no names
    ["Link to the discussion Add to your favourites", "3 May 2022"],      # a row of buttons the model removed
])
def test_a_summary_above_the_byline_past_its_blocks_lines_is_the_standfirst(block: list[str]) -> None:
    cues = {block[0]: "navigation"} if not block[0].startswith("By") else {}
    assert _read(["• Home", HEADLINE, LEDE, *block, BODY, SECOND], LEDE, cues).description == LEDE


def test_a_summary_of_three_sentences_is_the_standfirst_when_the_article_goes_on() -> None:
    """Longer than a sentence or two (250 characters), a summary above the byline is still the standfirst
    when the article goes on below the byline; the body keeps it where it is printed."""
    assert len(SUMMARY) > 250
    head = _read(["• Home", HEADLINE, SUMMARY, "By Jane Roe", BODY, SECOND], SUMMARY)
    assert head.description == SUMMARY
    assert not any(reason == "standfirst" for reason in head.reasons.values())
    # a short post's only paragraph, a date below it and nothing more
    assert _read(["• Home", HEADLINE, SUMMARY, "By Jane Roe"], SUMMARY).description is None


def test_a_summary_above_a_share_bar_is_the_standfirst() -> None:
    """Share buttons (one or a row) between the first paragraph and the rest of the article: the summary
    above them is the header's."""
    cues = {"Share on Facebook": "social", "Share on Twitter": "social"}
    rows = ["• Home", HEADLINE, LEDE, "Share on Facebook", "Share on Twitter", BODY, SECOND]
    assert _read(rows, LEDE, cues).description == LEDE
    assert _read(["• Home", HEADLINE, LEDE, "Share on Facebook", BODY, SECOND], LEDE, cues).description == LEDE
    # no article goes on below a bar above a list's item, or a line that is no paragraph
    rows = ["• Home", HEADLINE, LEDE, "Share on Facebook", "Share on Twitter", "• More stories"]
    assert _read(rows, LEDE, cues).description is None
    rows = ["• Home", HEADLINE, LEDE, "Share on Facebook", "Share on Twitter", "More stories from our desk"]
    assert _read(rows, LEDE, cues).description is None


def test_a_subheading_holding_the_headlines_words_is_no_byline() -> None:
    """A bare name below a summary says it is the byline's block; a subheading of capitalised words that
    the headline holds too ("Bee Simulator Multiplayer" below "Bee Simulator") is the body's own."""
    headline = "Quorvale Tindermark opens the new harbour after a long night"
    rows = ["• Home", headline, LEDE, "Quorvale Tindermark Harbour", BODY, SECOND]
    assert _read(rows, LEDE).description is None
    rows = ["• Home", headline, LEDE, "By Quorvale Tindermark", BODY, SECOND]  # a prefixed one is a byline
    assert _read(rows, LEDE).description == LEDE


# --- a deck right under the headline and above the body ----------------------------------------------

@pytest.mark.parametrize("above", [
    [HEADLINE, HEADLINE],                        # the headline printed twice
    ["Home > Politics > " + HEADLINE, HEADLINE],  # at the end of a breadcrumb
    ["• Home", HEADLINE, "3 May 2022"],          # a dateline between
])
def test_a_deck_right_above_the_body_is_the_standfirst(above: list[str]) -> None:
    """A subtitle under the headline that the body's start passed over (no sentence's end, or not a
    paragraph on its own) is the standfirst; the body keeps it where the line model put it."""
    head = _read([*above, DECK, BODY, SECOND], BODY)
    assert head.description == DECK
    assert not any(reason == "standfirst" for reason in head.reasons.values())


@pytest.mark.parametrize("rows, cues", [
    ([HEADLINE, HEADLINE, "Farmers In The Coastal Towns Fear For Their Wells", BODY], {}),  # title case
    ([HEADLINE, HEADLINE, "Farmers fear for their wells", BODY], {}),                      # a kicker's few words
    ([HEADLINE, HEADLINE, "Farmers at the well", "Farmers at the well in a coastal town on Sunday morning",
      BODY], {}),                                                                        # an alt text, its caption
    ([HEADLINE, HEADLINE, "[well]", DECK, BODY], {"[well]": "markup"}),                  # below an image: its caption
    ([HEADLINE, HEADLINE, DECK, "Photo: Jane Doe", BODY], {"Photo: Jane Doe": "caption"}),  # a credit below it
    ([HEADLINE, HEADLINE, DECK, "Contents of this article", BODY], {}),                 # kept text before the body
    ([HEADLINE, HEADLINE, "Sie suchen ein Haus oder Wohnung?", BODY], {}),          # an advertisement's question
    ([HEADLINE, HEADLINE, "( Pescara, 14 gennaio 20 )", BODY], {}),                     # a place and a date
])
def test_a_line_under_the_headline_that_is_no_deck_gives_none(rows: list[str], cues: dict[str, str]) -> None:
    assert _read(rows, BODY, cues).description is None

