"""Find the headline, standfirst, byline, dateline and section in the lines above the article body.

Article pages share a header shape across sites and languages: a section or breadcrumb, the headline
(often printed more than once, sometimes glued to the standfirst), the standfirst, the byline and a
dateline, then the body. The header is everything above the first body paragraph; the signals are
repetition (a headline recurs, truncated or glued), position (the headline is the last title-like
line before the body) and shape (a byline is a few capitalised words, a dateline holds a date).

A title is given only when the line has a headline's shape and evidence that it heads this article:
it shares enough of its words with the body's beginning, or it is printed again right above the body
(whole, or above in a short form that a separator ends) or glued to its standfirst. A line of two
words printed once, a sentence ending with a full stop, one of two notices in a row ending with "!",
the site's name above its menu and a caption that the first paragraph goes on with are refused; a
longer subtitle below a headline (a deck; share buttons, image marks and the deck printed twice may lie
between), or a line below the byline and dateline (an age and a reading time are of that block too; an
image's caption printed twice, a link and, when the line has a photo credit below it, a standfirst and
buttons may lie between, and a source's or a share button's field), gives the headline above it; so
does a shorter subtitle when the page prints the headline again and a dateline follows, and an image's
caption with its photo credit below it and its alt text above it, the headline above them all. A short
headline, and the line right above the body, is trusted when a breadcrumb ends with it (an issue's number
in parentheses may follow). A notice the line model keeps above the header (a browser's warning, an
affiliate notice) hides no headline: the header is read again above the next paragraph
(`header_and_body`), or above a later one when the first "paragraph" is the headline itself or notices
lie right above the header, if the headline found there names the body, no kept line above it tells of
the body and a dateline dates it (`_header_below`); a headline with only its dated byline's block between
it and the body needs no shared word (`_dated_block`). An item of a list of teasers (a "Read more" link
below it or below its lede, as below other lines), the text of a list's item indented under its bullet
(a menu's teaser, a slider's caption) deeper than the body, the credit after an image's caption, an
image's caption or alt text when the alt text is keywords of the caption, captions that start with the
same label, a cell between two quantities, a field of a list of fields (a data sheet, a meeting's
minutes), a line of a block the header prints twice (a menu, an offer's box) and two fields printed side
by side are refused too; of a headline printed alone and again with its deck glued on after a space, the
headline alone is the title. A wrong title is worse than none: the slot a headline would fill still
anchors the byline and dateline, but its refused text is no title and stays where the line model put it.

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

`read_header` reads the whole header; the headline and standfirst rules are here, the byline's in
`bylines`, the section's in `sections`, and the publication date's positions in `published`. The shapes
every one of them tests (a dateline, a prefixed byline, prose, a text printed twice) are in
`header_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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
)
from build_dataset.clean.classify import BAD, GOOD, NEARGOOD, Verdict
from build_dataset.clean.cues import compound_phrase, cue_reason
from build_dataset.clean.dates import (
    DATELINE_WORDS,
    LEADING_DATELINE_WORD,
    first_date,
    holds_digit,
    lines_slashed_order,
    publication_date,
)
from build_dataset.clean.header_lines import (
    BYLINE_PREFIX,
    HEADER_LINES,
    PROSE_END,
    REPEATED,
    STANDFIRST_MAX_CHARS,
    STANDFIRST_MIN_CHARS,
    Header,
    header_lines,
    is_dateline,
    prose,
)
from build_dataset.clean.lines import _LATIN1_WORDS, OPTIONAL_SPACE_RUN, WORD_RE, Line
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.published import (
    date_beside_headline,
    in_date_list,
    names_event,
    publication_before_update,
    stated_publication_below,
)
from build_dataset.clean.sections import _BREADCRUMB_SEP, breadcrumb_above, dateline_section, rubric_slot, section_of
from build_dataset.clean.stoplists import language_of

HEADER_REPEAT_WINDOW = 8
"""How far below the first paragraph a repeated headline still marks that paragraph as header."""
TITLE_MIN_CHARS = 8
TITLE_MAX_CHARS = 300
_END_PUNCT = ".!?。…:;"
_SEPARATORS = ":|-–—,;/·•»›>("
_LABEL = re.compile(r"\[[^\W\d_]+(?: [^\W\d_]+)*\]")
"""A label in brackets that opens or ends a headline ("[Rezension]", "[PORADNIK W PIGUŁCE]", "[Update]"):
words and spaces only, where w3m's marks of images and links are file names ("[csm_200109-neujahrBP]") or
stand alone on their line. A headline is read past it (`_without_label`, `_headline_shape`); on the dev
pages this gave 2 titles where main gave none, both the headline by reading."""


def _without_label(text: str) -> str:
    """`text` without a `_LABEL` that opens it or ends it, a space between them. (Found by the brackets'
    places, not by a search for the space before the label, which would be quadratic in a run of spaces.)"""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[end + 1:end + 2].isspace() and _LABEL.fullmatch(text, 0, end + 1):
            text = text[end + 1:].lstrip()
    if text.endswith("]"):
        begin = text.rfind("[")
        if begin > 0 and text[begin - 1].isspace() and _LABEL.fullmatch(text, begin):
            text = text[:begin].rstrip()
    return text


_NOT_HEADLINE_START = re.compile(
    r"\d+\.\s"                         # a numbered list or breadcrumb item ("2. Statuten")
    r"|\d\S*(?:\s+\S+){0,2}$"           # a counter or a stamp ("4 Min Read", "0 Shares", "12°C")
    r"|[^\W\d_]+:\s*\d[\d.,]*$"           # a counter after its label ("Views: 184", "Aufrufe: 1.203")
    r"|[←‹]|<\s|«\s(?!.*»)"               # a link to the previous post ("← 2 years of our meetup", "« Fünf
                                       # Gedanken zum Pokal-Aus": a French quote's « closes with »)
    r"|(?:tags?|schlagw[öo]rter|stichw[öo]rter|étiquettes|etiquetas)\s*:"  # a tag list's label ("TAG: X, Y")
    r"|(?:headline|title|titel|überschrift|titre|título|titolo|tytuł|заголовок|назва|загаловак)\s*[:：]"
    #                                  a field naming the headline ("Headline: X", a data sheet's "Titel: X")
    r"|(?:abb\.|abbildung|fig\.|figure)\s*\d*\s*:"  # a figure's caption ("Abb.: Collage aus …", "Figure 2: …")
    r"|(?:image|media|photo|video)\s?caption"  # a caption's label, glued or not ("Media captionDrone footage …")
    r"|(?:entdecke|entdecken sie|discover|explore)\s+(?:weitere|mehr|more)\b"  # a rail's heading ("Entdecke
    r"|(?:alle|all|tous les|todos los|tutti gli|все|всі|усі|усе)\s+(?:artikel|beiträge|articles|posts|stories|"
    r"artículos|articoli|статьи|статті|артыкулы)(?:\s+(?:by|from|of|on|in|von|zu|zum|zur|auf|aus|de|du|des|di|"
    r"del|по|від|ад)\b.*)?$",           # weitere Homestorys", "Alle Artikel zu unseren Recherchen")
    re.IGNORECASE,
)
_NOT_HEADLINE_ANYWHERE = re.compile(
    r"[\[\]{}]"                      # a w3m image, link or form mark ("[logo]", "3. [Montréal]"), template code
    r"|\S\s{2,}\S"                      # two fields side by side: a table's columns, a tag list and its
                                       # comments link ("Schule  Add comments"), a page's number and a heading
    r"|www\.|://|@\w"                   # a URL, an e-mail address or a social media handle
    r"|\b(?:foto|photo|bildquelle|bild|image credit|credit|quelle|source)s?\s*:"  # a photo credit
    r"|\((?:foto|photo|bild|image)\b[^():]{0,40}:"  # a caption's credit in parentheses ("(Foto Agency: X)")
    r"|(?:continua depois|continua após|continúa después|la suite après|continues below|continua dopo)\b.{0,20}"
    r"(?:publicidade|publicidad|anuncio|publicité|advertisement|pubblicità)",  # an advertisement's marker
    #                                  inside an article ("CONTINUA DEPOIS DA PUBLICIDADE")
    re.IGNORECASE,
)
_NOT_HEADLINE_END = re.compile(
    r"\s(?:>|»|›|►|→|\||●|•|■|◆)$"  # a link's arrow, a menu's separator or bullet at the end ("Read more >")
    r"|[:,]$"                          # a lead-in to what follows ("The blotter is as follows:"), a list cut off
    r"|\.(?:png|jpe?g|gif|webp|svg)$"      # an image's file name ("Hand pointing right transparent.png")
    r"|[.!?]\s+(?-i:[A-Z]{2,}(?:/[A-Z]{2,})?)$",  # a caption's agency after its sentence ("... last February. AFP")
    re.IGNORECASE,
)


def _not_headline(text: str) -> bool:
    """Whether a line has a shape no headline has, on any site: marks, links, counters, list items, credits,
    URLs, an image's file name, a tag list's label and a caption's credit (a headline is a phrase or a
    sentence of words). An image's file name, a link to the previous post and a tag list's label refused 3
    wrong dev titles (one page then took its headline below the tag list) and no other; a caption's credit in
    parentheses or its agency in capitals after its sentence 2 more (one page then took its headline above
    the byline), and no other. (The agency's capitals are matched with case: ignoring it refused
    "Reparaturcafé am 31. Januar".)

    The shapes are three patterns, read at the line's start, anywhere in it and at its end: one pattern of
    all the alternatives, searched, tried each of them at every character and cost two thirds of
    `_headline_shape`."""
    return bool(_NOT_HEADLINE_START.match(text) or _NOT_HEADLINE_ANYWHERE.search(text)
                or _NOT_HEADLINE_END.search(text))


_CREDIT_OPENING = re.compile(r"^[^\W\d_][^\W\d_\s]*\s+(?:von|by|par):?\s+\w|^(?:\w+\s+)?(?:von|by):?\s+\w",
                             re.IGNORECASE)
"""A credit's opening ("geschrieben von X", "Artikel von: X", "By X"), a headline's shape's test on lines of
CREDIT_MAX_WORDS words or fewer: a longer line opening so is a headline ("Rede von Bundespräsident
Johannes Rau beim Föderalismuskonvent der deutschen Landesparlamente")."""
_CREDIT = re.compile(r"^(?:\S+\s+){0,3}(?:von|by|par)\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){1,4}"
                     r"(?:(?:und|and|et|&)\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){1,4})?$"
                     r"|^[^\W\d_][^\s:]*:\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s*){2,3}$")
"""A credit: a few words, then "by" and one or two capitalised names to the end ("Staff Report by Jane
Roe", "Folge 3 von Jane Roe und John Doe"), or a label and a name ("Interview: Jane Roe",
"Fotos/Illustration: Jane Roe", "Autor*in: Jane Roe")."""
_GLUED = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
"""A lower-case letter followed by a capital inside a word: two items printed with no space between
("Últimas noticiasRusia invade UcraniaCoronavirus"); a brand ("iPhone") has one such seam, a menu more."""
_WORD_TWICE = re.compile(r"\b([A-ZÀ-ÖØ-Þ].+?\S)\1\b")
"""Capitalised words glued to a copy of themselves ("ÉcouterÉcouter", "de Jane RoeJane Roe"): a button's
label and its icon's alt text, a name printed twice by a byline widget; a headline says a thing once."""
TITLE_MAX_WORDS = 20
"""A headline is rarely longer; a longer title-like line is a caption, a teaser or the first paragraph."""
BODY_SAMPLE_CHARS = 2000
"""How much of the body a headline is compared with: an article names its subject early."""
NAMES_BODY_SHARE = 0.3
"""The share of a headline's content words the body's beginning must hold (`_names_body`)."""
_STEM = 5
"""Words are compared by their first letters, so "Patriarchat" meets "patriarchalische"."""
_CONTENT_MIN_CHARS = 4
"""A shorter word names no subject (`_content_words`): articles, prepositions, abbreviations."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SKIP_CUES = frozenset({"social", "comments", "legal", "advertising", "subscribe", "navigation", "markup",
                        "furniture", "caption"})


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


def _glued_to(line: str, head: str) -> bool:
    """Whether `line` is `head` with 30 or more characters stuck to either side with no separator
    ("HeadlineThe standfirst."), not a label ("Headline: the story") or a caption ("Headline Photo: X")."""
    if len(line) <= len(head) + 30:
        return False
    if line.startswith(head):
        return not (line[len(head)].isspace() or line[len(head)] in _SEPARATORS)
    if line.endswith(head):
        return not (line[-len(head) - 1].isspace() or line[-len(head) - 1] in _SEPARATORS)
    return False


def _title_like(ln: Line, v: Verdict, *, dated: bool = False, one_word: bool = False, bulleted: bool = False) -> bool:
    """Whether a line has a headline's length and no bullet, token, field separator or furniture cue. A
    line of six words or fewer with a date is a dateline, unless `dated` (`_header_shaped`, which tells a
    headline with a year from a dateline by the date it states); a short line of one word is a menu's
    item, unless `one_word` (`_headline_candidate`, when a breadcrumb ends with it)."""
    if ln.bullet and not bulleted or ln.markup or ln.separated or not (TITLE_MIN_CHARS <= ln.length <= TITLE_MAX_CHARS):
        return False
    if v.cue in _SKIP_CUES and not compound_phrase(ln.text) or ln.words < 2 and ln.length < 20 and not one_word:
        return False
    return dated or not (ln.dated and ln.words <= 6)


@lru_cache(maxsize=4096)
def _headline_shape(text: str) -> bool:
    """Whether a title-like line can be a headline by its shape (`_not_headline`, read past a bracketed
    `_LABEL`): it starts with a capital, a digit or a letter of a script without case (a lower-case start
    is a line's continuation, a tag list or a credit), and it is no longer than TITLE_MAX_WORDS words.
    (Cached as `cue_reason` is: each reading asks of its header's lines again, and a site's pages print the
    same lines.)"""
    first = next((c for c in text if c.isalnum()), "")
    if first.islower() and not text[text.index(first) + 1:][:1].isupper():  # "iPhone" starts a headline
        return False
    bare = _without_label(text)  # (a label with few words beside it is a menu's item or an image's mark)
    if bare != text and len(bare.split()) < TITLE_MIN_WORDS:
        return False
    text = bare
    words = len(text.split())
    return words <= TITLE_MAX_WORDS and not (_not_headline(text) or _CREDIT.match(text)
                                             or words <= CREDIT_MAX_WORDS and _CREDIT_OPENING.match(text)
                                             or _repeats_a_phrase(text) or _tag_list(text)
                                             or len(_GLUED.findall(text)) > 1
                                             or _WORD_TWICE.search(text)
                                             or cue_reason(text) and not compound_phrase(text))


def _tag_list(text: str) -> bool:
    """Whether a line is a list of tags or keywords: four or more items of one or two words between
    commas ("Hashtag, Hashtags, Raute, Twitter"); a headline that lists things says something of them."""
    items = text.split(",")
    return len(items) >= 4 and all(len(item.split()) <= 2 for item in items)


def _repeats_a_phrase(text: str) -> bool:
    """Whether three words follow each other twice in a line: site names or menu items printed over
    and over ("Die TagespresseDie Tagespresse Die TagespresseDie Tagespresse"), an alt text glued to its
    caption, a credit naming its own source; a headline says a thing once."""
    words = text.split()
    shingles = list(zip(words, words[1:], words[2:], strict=False))
    return len(set(shingles)) < len(shingles)


@lru_cache(maxsize=4096)
def _content_words(text: str, stoplist: frozenset[str]) -> frozenset[str]:
    """The words of `text` that can name a subject, cut to their first letters; pairs of characters
    for a script written without spaces (Chinese, Japanese), beside the words of any other script: an
    English article that quotes a Japanese term ("chikan (痴漢)") still names its subject in English words.

    (Cached as `cue_reason` is: a page's readings ask of the same headline candidates and body samples
    again. `_content_words_python` is the reference; the C extension reads the words where it was built:
    the body's first BODY_SAMPLE_CHARS characters, read once a reading, cost a tenth of the header reader
    in Python, most of it `WORD_RE` on pages beyond Latin-1.)"""
    if speedups is None or not use_speedups:
        return _content_words_python(text, stoplist)
    words: frozenset[str] = speedups.content_words(text, stoplist, _STEM, _CONTENT_MIN_CHARS)
    return words


def _content_words_python(text: str, stoplist: frozenset[str]) -> frozenset[str]:
    """`_content_words` in Python. A text of Latin-1 characters, ASCII included, is read through its bytes
    as `split_lines` reads a line: `_LATIN1_WORDS` and `split()` give exactly the words `WORD_RE` finds in it
    lowercased, and it holds no CJK character. Each distinct word is tested once."""
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        latin = None
    if latin is not None:
        return frozenset(w[:_STEM] for w in set(latin.translate(_LATIN1_WORDS).decode("latin-1").split()) - stoplist
                         if len(w) >= _CONTENT_MIN_CHARS and not w.isdigit())
    low = text.lower()
    words = {w[:_STEM] for w in set(WORD_RE.findall(low)) - stoplist
             if len(w) >= _CONTENT_MIN_CHARS and not w.isdigit()}
    if _CJK.search(low):
        chars = [c for c in low if _CJK.match(c)]
        words = {w for w in words if not _CJK.search(w)} | {a + b for a, b in zip(chars, chars[1:], strict=False)}
    return frozenset(words)


def _body_sample(lines: list[Line], verdicts: list[Verdict], start: int) -> str:
    """The first BODY_SAMPLE_CHARS characters of the body: the kept lines from `start` on."""
    out: list[str] = []
    size = 0
    for ln, v in zip(lines[start:], verdicts[start:], strict=False):
        if size >= BODY_SAMPLE_CHARS:
            break
        if v.cls == GOOD and ln.text:
            out.append(ln.body)
            size += len(ln.body)
    return " ".join(out)


def _names_body(text: str, body_words: frozenset[str], stoplist: frozenset[str], *,
                share: float = NAMES_BODY_SHARE) -> bool:
    """Whether a headline candidate shares a word with the body's beginning: a headline names what the
    article is about, while a menu item, a site's name, a widget ("Zum Video", "Mehr erfahren") or a
    line of another story's teaser names nothing the article says. A caption, a menu item or an offer
    may share one word of many with the body by chance, so a headline must share at least
    NAMES_BODY_SHARE of its words (`share`)."""
    words = _content_words(text, stoplist)
    shared = len(words & body_words)
    return shared > 0 and shared >= share * len(words)


def _strip_end(s: str) -> str:
    return s.rstrip(_END_PUNCT + " ")


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
    if trusted_pos is not None:
        trusted_pos = moved.get(trusted_pos, trusted_pos)
    if probe and trusted_pos is None:
        return Header()
    if trusted_pos in decks:  # the deck's headline is the title, the deck its standfirst
        headline = decks[trusted_pos]
        # (a deck past buttons or an image is no standfirst: a tag list or a caption lies there as often)
        if head.description is None and headline == trusted_pos - 1 \
                and _standfirst_line(lines, verdicts, header[trusted_pos], bodies[headline], day_first=day_first):
            head.description = bodies[trusted_pos]
            head.reasons[header[trusted_pos]] = "standfirst"
        trusted_pos = headline
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
    if trusted_pos is not None and slot is not None and trusted_pos < slot:
        # a trusted headline above the slot is where the header starts: the slot was a line of a
        # headline's shape nearer the body ("4 Min Read", a caption), and the byline and dateline between
        # them were read as a rubric above it (on the dev pages 36 pages gained their authors so, about
        # 31 of them right)
        slot = trusted_pos
    if slot is None:
        date_beside_headline(lines, verdicts, None, start, head, day_first=day_first)
        byline_beside_dateline(lines, verdicts, start, stoplist, head)
        if not head.authors:
            read_byline_below(lines, verdicts, start, stoplist, head)
        if not head.authors:
            name_in_dateline(lines, stoplist, head)
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
        if verdicts[i].cue in ("social", "comments", "legal", "advertising", "subscribe", "markup", "caption"):
            continue  # (a caption's credit after a slash is no breadcrumb's last rubric)
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
        # else a field of the dateline below the headline that the menu prints too
        datelines = [i for i in header[first_title:] if head.reasons.get(i) == "dateline"]
        head.section = next(filter(None, (dateline_section(lines, i, header[first_title]) for i in datelines)), None)
    return head


BLOCK_HEADLINE_MAX_WORDS = 12
"""Most words of a headline trusted for its place above the byline's block alone (`_dated_block`): a longer
line that names nothing of the body is as often a headline with its deck glued on (17 words on a dev page)."""


def _dated_block(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int, stoplist: frozenset[str],
                 *, day_first: bool | None) -> bool:
    """Whether the header lines below header line `k` are the byline's block alone: at most
    BYLINE_BLOCK_LINES lines, each a dateline, a byline or a reading time (`_header_note`), one of them a
    dateline that states a publication date; buttons, images and lines printed again are passed over.
    The body starts right below them, so line `k` sits where an article prints its headline (a menu's
    item or a teaser has its lede or the next item below it, a kicker the headline)."""
    seen = {lines[header[k]].body}
    block = []
    for i in header[k + 1:]:
        ln = lines[i]
        if ln.body in seen or verdicts[i].cue in _META_CUES or ln.markup:
            continue
        seen.add(ln.body)
        block.append(ln)
    return 0 < len(block) <= BYLINE_BLOCK_LINES \
        and all(_header_note(ln, stoplist, day_first=day_first) for ln in block) \
        and any(is_dateline(ln, day_first=day_first) and publication_date(ln.body, day_first=day_first) is not None
                for ln in block)


_FORM_FIELD = re.compile(r"\[[ _0-9]*\]")
"""A form's text field as w3m prints it ("[                    ]", "[25000     ]"): the short line below it
is the form's button or label, no rubric. On the dev pages this refused 2 sections, both such lines (one
labelled wrong, one that a headline found by the seventh title fix had put in the rubric's slot), and
changed no other."""


def _glued_parts(line: str, title: str) -> tuple[int, int, str] | None:
    """Where the standfirst lies in a line that is the headline with 30 or more characters glued to it
    (start, end, which comes first); None when the line is not such a line."""
    if len(line) > len(title) + 30 and line.endswith(title):
        return 0, len(line) - len(title), "standfirst_first"
    if len(line) > len(title) + 30 and line.startswith(title):
        return len(title), len(line), "title_first"
    return None


LIST_INDENT = 4
"""w3m indents a list item's continuation and a nested block by this many spaces or more: an indented
line is an item of a list (of teasers, of a menu), not the standfirst printed under a headline."""
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


def _indent(ln: Line) -> int:
    return ln.start - ln.line_start


def _body_indent(lines: list[Line], verdicts: list[Verdict]) -> int:
    """The indentation of most of the kept text, counted in characters (the smallest of equal counts)."""
    counts: dict[int, int] = {}
    for ln, v in zip(lines, verdicts, strict=True):
        if v.cls == GOOD:
            counts[_indent(ln)] = counts.get(_indent(ln), 0) + ln.length
    return max(sorted(counts), key=counts.__getitem__, default=0)


def _in_list_item(lines: list[Line], verdicts: list[Verdict], i: int) -> bool:
    """Whether line `i` is the text of a list's item printed under its bullet: indented (LIST_INDENT)
    deeper than most of the kept text (`_body_indent`), and the nearest line above it that is less
    indented is a bullet's ("• Zeitung" above "    Das Beste aus der Zeitung"). A menu prints its
    rubrics' teasers so, and a slider its slides' captions; a headline stands on its own. (A page laid
    out in columns indents its headline and body alike: refusing every indented line lost right dev
    titles, and comparing with the first "paragraph" only, itself a teaser's lede, kept menu items.)"""
    ind = _indent(lines[i])
    if ind < LIST_INDENT or ind <= _body_indent(lines, verdicts):
        return False
    for j in range(i - 1, max(-1, i - 40), -1):
        if _indent(lines[j]) < ind:
            return lines[j].bullet
    return False


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
_IMAGE_CUES = frozenset({"caption", "advertising"})


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


def _repeated_headlines(lines: list[Line], verdicts: list[Verdict], header: list[int], bodies: list[str],
                        repeat: int | None) -> list[int]:
    """Positions in `header` of the title-like lines the header repeats (whole, truncated or glued), the
    likeliest headline first: the most repeated, then the longer, then the nearer the body. The
    headline is the first of them its text is trusted for, and the slot the byline is read below is
    the first of them whatever its text."""
    repeated: list[tuple[int, int, int]] = []
    long_bodies = tuple(o for o in bodies if len(o) >= 20)
    cut = tuple(o for o in bodies if len(o) >= 12)
    text = "\n".join(bodies)
    for k, i in enumerate(header):
        b = bodies[k]
        if k == repeat or not _title_like(lines[i], verdicts[i]) or (lines[i].words < 3 and len(b) < 20):
            continue
        # (a line printed twice holds its first four characters again, a cheap test before the regex)
        if _glued_or_decked(b, long_bodies) or (b[:4] in b[4:] and REPEATED.match(b)):
            continue  # the headline with the standfirst or deck glued on, or printed twice: the headline is shorter
        # (line k itself is the one copy of its text not counted)
        related = _related_lines(b, bodies, text, cut) - 1
        if related:
            repeated.append((related, len(b), k))
    return [k for _, _, k in sorted(repeated, reverse=True)]


def _glued_or_decked(b: str, long_bodies: tuple[str, ...]) -> bool:
    """Whether header line `b` is one of `long_bodies` (the header's lines of 20 characters or more) with a
    standfirst glued on (`_glued_to`) or its deck after it (`_deck_after`). Either starts or ends with a
    line shorter than itself: whether any does is asked first, of all the lines in one call each (few lines
    have one; b[:-1] and b[1:] leave out b's own copies, which are neither)."""
    if not (b[:-1].startswith(long_bodies) or b[1:].endswith(long_bodies)):
        return False
    return any(_glued_to(b, o) or _deck_after(b, o) for o in long_bodies if b.startswith(o) or b.endswith(o))


def _related_lines(b: str, bodies: list[str], text: str, cut: tuple[str, ...]) -> int:
    """How many header lines (`bodies`; `text`, their join by newlines) are line `b`, `b` with more before
    or after it, or a start of it of 12 characters or more (`cut`: such lines of the header), its own copy
    counted. Most lines are related to none but their copies: when `b` is found in the text no more times
    than the header prints it, and no line of `cut` is a start of it shorter than it, the copies are the
    count, found in C; else each line is asked (tests/test_clean_header_fast_paths.py checks it)."""
    copies = bodies.count(b)
    if text.count(b) == copies and not b[:-1].startswith(cut):
        return copies
    return sum(1 for o in bodies if o == b or (len(o) > len(b) and (o.endswith(b) or o.startswith(b)))
               or (len(o) >= 12 and b.startswith(o)))


BLOCK_REACH = 2
"""How many lines above and below two copies of a line are compared to tell a block printed twice."""


def _block_copy(bodies: list[str], k: int, j: int) -> bool:
    """Whether header lines `k` and `j` are the same text inside the same block printed twice: at least
    two of the BLOCK_REACH lines above and below them are the same too. A menu, a list of categories or
    an offer's box printed twice (for a phone's layout and a computer's) repeats all its lines, while a
    page prints its headline again alone or beside other lines (a breadcrumb, a share text, a byline)."""
    if abs(k - j) <= BLOCK_REACH or bodies[k] != bodies[j]:
        return False  # (a line printed twice in a row is an image's alt text and its link, not a block)
    same = sum(1 for d in (*range(-BLOCK_REACH, 0), *range(1, BLOCK_REACH + 1))
               if 0 <= k + d < len(bodies) and 0 <= j + d < len(bodies) and bodies[k + d] == bodies[j + d]
               and bodies[k + d] not in ("", bodies[k]))  # (image marks and copies of the line say nothing)
    return same >= 2


def _menu_item(bodies: list[str], k: int) -> bool:
    """Whether header line `k` lies in a block the header prints twice (`_block_copy`): a menu's or an
    offer's line, not a headline. Its text is refused, but its copies still rank as a repeated line, the
    slot the header is read below (not counting them moved a page's slot below its dateline, whose date
    was lost, and gave two other pages a section)."""
    b = bodies[k]  # (only its copies can be: most lines have none)
    return bodies.count(b) > 1 and any(_block_copy(bodies, k, j) for j in range(len(bodies)) if bodies[j] == b)


GLUED_MENU_MIN_WORDS = 3


def _glued_menu(text: str, lines: list[Line]) -> bool:
    """Whether a line is a menu the dump printed as one line: GLUED_MENU_MIN_WORDS words or more, each of
    them a line of its own elsewhere on the page ("NEWS FEATURES BEAUTY ENTERTAINMENT ROYALS HEALTH LOVE"
    below the menu "• NEWS" / "• FEATURES" / …). A headline's words are not the page's one-word lines."""
    words = text.split()
    if len(words) < GLUED_MENU_MIN_WORDS or not all(w[:1].isupper() for w in words):
        return False  # (a menu's items are capitalised: most headlines hold a word in lower case, and skip the scan)
    items = {ln.body for ln in lines if ln.words == 1}
    return all(w in items for w in words)


REPEAT_MIN_CHARS = 20
"""Shortest start of a line that, printed alone above it, shows the line to be the headline again."""


def _printed_above(title: str, bodies: list[str]) -> bool:
    """Whether a header line is printed again above it, whole or its first REPEAT_MIN_CHARS characters or
    more up to a separator ("Series, part 49" above "Series, part 49 – The subject"): the headline
    printed in the menu's or the breadcrumb's short form, then in full right above the body."""
    if bodies.count(title) > 1:
        return True
    return any(len(o) >= REPEAT_MIN_CHARS and len(o.split()) >= TITLE_MIN_WORDS and title.startswith(o + " ")
               and title[len(o) + 1:][:1] in _SEPARATORS for o in bodies)


def _deck_after(line: str, head: str) -> bool:
    """Whether `line` is `head`, a space and a deck of DECK_MIN_WORDS words or more that starts a new
    phrase with a capital ("Adblue: where to buy it So wird Adblue angewendet"): a headline and its
    subtitle printed as one line, the headline also printed alone. A headline cut short in a teaser
    ends with an ellipsis or stops mid-phrase, and it is the longer line that is the headline then."""
    if not line.startswith(head + " ") or head.endswith(("…", "...")):
        return False
    rest = line[len(head) + 1:]
    return rest[:1].isupper() and len(rest.split()) >= DECK_MIN_WORDS


def _caption_credit(line: str, title: str) -> bool:
    """Whether `title` ends `line` after a sentence ("The tower is among the dishes served. - Title"):
    the credit or source of an image's caption, not a headline printed again with a kicker. Neither
    the caption nor its credit is a headline (a restaurant's name after a dish's caption was a dev
    page's title). A standfirst glued to its headline ("The standfirst.Headline") is no caption."""
    if len(line) <= len(title) or not line.endswith(title) or not line[-len(title) - 1].isspace():
        return False
    before = line[:-len(title)].rstrip(" " + _SEPARATORS)
    return before.endswith(".") and len(before.split()) >= TITLE_MIN_WORDS


def _in_caption(title: str, bodies: list[str]) -> bool:
    """Whether a header line is an image's caption with its credit after it, or that credit alone
    (`_caption_credit`), the other part printed as a line of its own."""
    n = len(title)
    return any(_caption_credit(o, title) for o in bodies if len(o) > n and o.endswith(title)) \
        or any(_caption_credit(title, o) for o in bodies if 0 < len(o) < n and title.endswith(o))


LABEL_MIN_CHARS = 12
"""Shortest line read as a label that prefixes captions: a shorter one ("Hyundai", "Reiki") is a
menu item that begins many lines by chance."""


def _labelled_item(title: str, bodies: list[str]) -> bool:
    """Whether a line is one of several header lines that are another header line, a space and more
    words ("Westside" above "Westside The old theatre" and "Westside The ironworks"): the captions of
    a gallery, each prefixed with the page's label. A headline with its kicker has a separator between
    them ("Westside: The old theatre") and is printed alone, or cut short. On the dev pages this refused
    a caption and two menu items glued; a label of one word ("Hyundai") lost a right headline."""
    for p in bodies:
        if len(p) < LABEL_MIN_CHARS or len(p) >= len(title) or not title.startswith(p + " ") \
                or title[len(p) + 1] in _SEPARATORS:
            continue
        if any(o.startswith(p + " ") and not (title.startswith(o) or o.startswith(title)) for o in bodies):
            return True
    return False


FIGURE_MAX_WORDS = 3
"""A quantity or a score is a number and a word or two ("250 g", "3 Btl.", "2:1")."""


def _figure(ln: Line, *, day_first: bool | None) -> bool:
    """Whether a line is a quantity, a count or a score: a number and a word or two, no date."""
    return ln.body[:1].isdigit() and ln.words <= FIGURE_MAX_WORDS and not is_dateline(ln, day_first=day_first)


def _between_figures(lines: list[Line], i: int, *, day_first: bool | None) -> bool:
    """Whether line `i` has a quantity right above it and right below it: a cell of a table or a list of
    ingredients ("4", "Eggs", "250 g"), not a headline, which has its kicker or menu above it and its
    byline, standfirst or body below it (two ingredients of recipes were dev pages' titles)."""
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].text), None)
    below = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].text), None)
    return above is not None and below is not None and _figure(above, day_first=day_first) \
        and _figure(below, day_first=day_first)


_FIELD = re.compile(r"^[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_][^\W\d_.'’-]*){0,3}\s*[:：]\s+\S")
"""A labelled field: a label of one to four words, a colon and its value ("Zeit und Ort: 15 Uhr",
"Verlag: Suhrkamp")."""
def _field(ln: Line, *, day_first: bool | None) -> bool:
    """Whether a line is a labelled field that is no dateline or prefixed byline."""
    return _FIELD.match(ln.body) is not None and not is_dateline(ln, day_first=day_first) \
        and not BYLINE_PREFIX.match(ln.body)


FIELD_LIST_MIN = 3
"""How many labelled fields printed on consecutive lines make a list of fields (a data sheet, a cookie's
table, a meeting's minutes: "Ort: ...", "Teilnehmende: ...", "Protokoll: ...")."""


def _in_field_list(lines: list[Line], i: int, *, day_first: bool | None) -> bool:
    """Whether line `i` is one of FIELD_LIST_MIN or more labelled fields printed on consecutive lines, with
    no blank line between: an entry of a data sheet or of a meeting's minutes ("Weitere Teilnehmende:
    Jane Roe"), not a headline with its kicker ("Brexit: the deal is done"), which a blank line, a
    dateline, a byline or a rubric sets apart. (Counting fields within two lines, blank ones skipped,
    refused four right dev headlines beside "Lesezeit: 1 min" and in lists of teasers with kickers.)"""
    if not _field(lines[i], day_first=day_first):
        return False
    run = 1
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(lines) and lines[j + step].index == lines[j].index + step \
                and _field(lines[j + step], day_first=day_first):
            run += 1
            j += step
    return run >= FIELD_LIST_MIN


class _Reread:
    """The items of an iterator, each computed once however many times they are read from the first: a
    header reading asks for its nearest headline candidates (`_nearest_headlines`) up to three times (a
    trusted one, the slot, one heading a dated block), each time from the nearest, and each candidate's
    test reads its line as a dateline and a byline."""

    def __init__(self, items: Iterator[int]) -> None:
        self._items = items
        self._read: list[int] = []

    def __iter__(self) -> Iterator[int]:
        k = 0
        while True:
            if k == len(self._read):
                item = next(self._items, None)
                if item is None:
                    return
                self._read.append(item)
            yield self._read[k]
            k += 1


def _nearest_headlines(lines: list[Line], verdicts: list[Verdict], header: list[int], repeat: int | None,
                       stoplist: frozenset[str], *, day_first: bool | None) -> Iterator[int]:
    """Positions in `header` that may be the headline when none is repeated, the nearest the body first
    (at most NEAREST_LINES lines up, not counting share buttons: a share panel prints a button a line,
    "• email" / "• facebook" / "• twitter", between a headline and its body, or a bare bullet a line for
    its icons, counted as one line: `_panel_marks`)."""
    panel = _panel_marks(lines, header)
    counted = 0
    for k in range(len(header) - 1, -1, -1):
        v = verdicts[header[k]]
        if v.cue not in _PANEL_CUES and k not in panel:
            counted += 1
            if counted > NEAREST_LINES:
                return
        if _headline_candidate(lines, verdicts, header, k, repeat, stoplist, day_first=day_first):
            yield k


def _panel_marks(lines: list[Line], header: list[int]) -> set[int]:
    """Positions in `header` of the bare bullets ("•", an icon's button as w3m prints it) in a run of PANEL_MARKS
    or more, but the run's first: a panel of buttons (share, print, mail, comments) between a headline and its
    body, counted by `_nearest_headlines` as one line."""
    marks: set[int] = set()
    run: list[int] = []
    for k, i in enumerate([*header, -1]):  # (a sentinel ends the last run)
        if i >= 0 and lines[i].bullet and not lines[i].body:
            run.append(k)
            continue
        if len(run) >= PANEL_MARKS:
            marks.update(run[1:])
        run = []
    return marks


NEAREST_LINES = 12
"""How many header lines above the body a headline is sought in when none is repeated (`_nearest_headlines`)."""
PANEL_MARKS = 4
"""How many bare bullets in a row make a panel of icon buttons (`_panel_marks`). On the dev pages counting such
a panel as one line gave 4 titles where main gave none, each the headline by reading; counting runs of three
so too took a login form's button for the title of a page whose body start is a form's notice, and counting no
bare bullet at all lost a right title (an earlier session's trial)."""
_PANEL_CUES = frozenset({"social"})
"""The cue of a share panel's buttons, not counted in NEAREST_LINES: on the dev pages this gave 5 titles where main
gave none, 4 the headline and 1 a short deck below its headline. Not counting image marks too (cue "markup")
gave 18, 6 of them wrong (a form's label, a caption, a menu's item)."""


def _headline_candidate(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int, repeat: int | None,
                        stoplist: frozenset[str], *, day_first: bool | None) -> bool:
    """Whether header line `k` may be the headline when none is repeated: title-like, not the
    standfirst's repeat, a dateline, a byline or a sentence. A headline of one word ("Unbefriedigt",
    "Tragwerksplanung") is title-like when a breadcrumb in the header ends with it (`_crumb_tail`: "Home »
    Unbefriedigt"), which names the page so: on the dev pages this gave 3 titles where main gave none, all
    the headline by reading and by the URL's slug. A bulleted line (a dump prints a headline inside a list's
    item so) is title-like when its dated byline's block alone lies between it and the body (`_dated_block`)
    and no bulleted line stands right above it (`_bulleted_above`: a menu's or a breadcrumb's item): on the
    dev pages 1 title where main gave none, the headline by reading and by the URL's slug (without the
    second test, a breadcrumb's last item above the dateline replaced a right title). A line the classifier
    found printed again below it with its caption's label is title-like when that label is a breadcrumb's trail
    or a kicker (`_named_below`): on the dev pages 3 titles where main gave none, each the headline by reading
    and by the URL's slug."""
    i = header[k]
    ln = lines[i]
    title_like = _title_like(ln, verdicts[i]) or (
        ln.words == 1 and _title_like(ln, verdicts[i], one_word=True)
        and any(ln.body in lines[j].body and _crumb_tail(lines[j].body, ln.body) for j in header if j != i)) or (
        ln.bullet and ln.words >= TITLE_MIN_WORDS and _title_like(ln, verdicts[i], bulleted=True)
        and not _bulleted_above(lines, header, k) and _dated_block(lines, verdicts, header, k, stoplist,
                                                                   day_first=day_first)) or (
        verdicts[i].cue == "caption" and ln.words >= TITLE_MIN_WORDS and _named_below(lines, header, k)
        and _title_like(ln, _UNCUED, bulleted=True))
    return k != repeat and title_like and ln.length < 200 \
        and not is_dateline(ln, day_first=day_first) and ln.body[-1:] != "." and byline_names(ln, stoplist) is None


_UNCUED = Verdict(BAD)
"""A verdict without a cue: `_title_like` asked of a line whose own cue says nothing of it (`_named_below`)."""
NAMED_KICKER_WORDS = 6
"""Most words a kicker printed before a headline's copy has (`_named_below`)."""


def _named_below(lines: list[Line], header: list[int], k: int) -> bool:
    """Whether the header line right below line `k` (past image marks) is `k` printed again after a breadcrumb's
    trail ("„Zentrum am Berg“ offiziell eröffnet" above "Sie sind hier: Startseite / ÖBFV / „Zentrum am Berg“
    offiziell eröffnet") or after a kicker of a few words none of them a cue ("• Getränke per Schiff ins
    Stadtzentrum" above "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum": a bulleted breadcrumb's
    last item). The classifier takes such a pair for a caption printed again with its label (`classify._pairs`),
    and the headline was refused for that cue; a caption's label is a word or two of the caption's vocabulary
    ("Enlarge", "Photo: Jane Doe"), which the cue and the kicker's length tell apart."""
    below = next((j for j in header[k + 1:] if not lines[j].markup), None)
    if below is None:
        return False
    body, again = lines[header[k]].body, lines[below].body
    if len(again) <= len(body) + 1 or not again.endswith(" " + body):
        return False
    prefix = again[:-len(body)].strip()
    if _BREADCRUMB_SEP.search(again[:-len(body)]) is not None:
        return True
    words = prefix.split()
    # (a kicker may end with a colon, "Auftragshoch bei FACC :"; a credit's label, "Foto: Jane Doe", is a cue)
    return 2 <= len(words) <= NAMED_KICKER_WORDS and cue_reason(prefix) is None \
        and not _not_headline(prefix.rstrip(" :"))


def _bulleted_above(lines: list[Line], header: list[int], k: int) -> bool:
    """Whether the header line above line `k` (past image marks) is bulleted: `k` is an item of a list (a menu's,
    a breadcrumb's last, "• Home" / "• Politik" / "• Niederlage für Johnson: …"), not a lone bulleted line."""
    above = next((i for i in reversed(header[:k]) if not lines[i].markup), None)
    return above is not None and lines[above].bullet


HEADER_SHAPED_SHARE = 0.5
"""The share of its content words a headline that reads as a dateline or a byline (`_header_shaped`)
must share with the body's beginning: twice a headline's (NAMES_BODY_SHARE). Such a line is as often
another story's teaser with a year in it as the page's headline."""


NAME_SHAPED_SHARE = 1.0
"""The share of its content words a headline that reads as a bare byline (`_name_shaped`) must share with
the body's beginning: all of them, since a byline names people the article rarely names."""


def _header_shaped(lines: list[Line], verdicts: list[Verdict], header: list[int], repeat: int | None,
                   stoplist: frozenset[str], *, day_first: bool | None) -> Iterator[int]:
    """Positions in `header` of headlines that `_headline_candidate` refuses for a dateline's or a
    byline's shape, the nearest the body first (at most the last 13 lines): a line of a headline's length
    that holds a year or a date word but states no publication date ("The owl is the bird of the year
    2021", "Airline sets new date for its membership"; a dateline opened by its word, "Updated 3 hours
    ago", is none; a short one, "Arbeitslosenquote & Arbeitslosenzahlen 2022", too, which `_title_like`
    alone refuses as a date with few words: on the dev pages 6 titles where main gave none, all the
    headline by reading and by the URL's slug), or one whose first words read as a name before a dash and
    a phrase of TITLE_MIN_WORDS words or more follows ("Energy Rising – a 33-day yoga challenge"; a line
    that is all names, "Will Smith", may be a kicker or a byline: `_name_shaped` seeks it, with more
    evidence)."""
    for k in range(len(header) - 1, max(-1, len(header) - 13), -1):
        i = header[k]
        ln = lines[i]
        if k == repeat or not _title_like(ln, verdicts[i], dated=True) or ln.length >= 200 or ln.body[-1:] == "." \
                or ln.words < TITLE_MIN_WORDS + 1 or _headline_candidate(lines, verdicts, header, k, repeat, stoplist,
                                                                      day_first=day_first):
            continue
        if is_dateline(ln, day_first=day_first):
            if publication_date(ln.body, day_first=day_first) is None and first_date(ln.body) is None \
                    and LEADING_DATELINE_WORD.match(ln.body) is None and byline_names(ln, stoplist) is None:
                yield k
            continue
        names = byline_names(ln, stoplist)
        if names and not BYLINE_PREFIX.match(ln.body) and _named_phrase(ln.body, names):
            yield k


def _name_shaped(lines: list[Line], verdicts: list[Verdict], header: list[int], repeat: int | None,
                 stoplist: frozenset[str], *, day_first: bool | None) -> Iterator[int]:
    """Positions in `header` of headlines that `_headline_candidate` refuses for a bare byline's shape, the
    nearest the body first (at most the last 13 lines): two or more capitalised words and nothing else
    ("Performant Python", "Managing Python Environments", "TRANSFORMATIONSLABOR ERNÄHRUNG", "Muffin
    Grundrezept"), no prefix ("By"), no dateline, no caption with a photo credit below it (`_credited`), and
    no two words of one stem (a tag list, "Bioenergie Bioenergieanlagen Strompreisbremse").

    Such a line is trusted as the headline only when the body's beginning holds every content word of it
    (NAME_SHAPED_SHARE), with two words of four letters or more, and then even when printed once (`_short_once`): a
    headline's words are the body's, while a byline's surname rarely is. On the dev pages this gave 15
    titles where main gave none, 12 of them the page's headline by reading (three wrong: a subheading of
    a blog post naming its subject, a portrait's caption credited with "Quelle:", a cookie dialog's
    heading). (`_header_shaped` seeks a name before a dash and a phrase, with half its words shared.)"""
    for k in range(len(header) - 1, max(-1, len(header) - 13), -1):
        i = header[k]
        ln = lines[i]
        # (most lines read as no name: `byline_names` is asked first, a cached look-up)
        if k == repeat or ln.words < 2 or not byline_names(ln, stoplist) or not _title_like(ln, verdicts[i]) \
                or ln.length >= 200 or ln.body[-1:] == "." or BYLINE_PREFIX.match(ln.body) \
                or is_dateline(ln, day_first=day_first):
            continue
        words = [w[:_STEM] for w in ln.body.lower().split() if len(w) >= 4]  # (`_content_words`' stems)
        if len(words) >= 2 and len(set(words)) == len(words) and not _credited(ln.body, lines, verdicts, i):
            yield k


def _named_phrase(text: str, names: list[str]) -> bool:
    """Whether a line is the one name `names` holds, a dash, and a phrase of TITLE_MIN_WORDS words or more
    ("Energy Rising – 33 Tage Yoga Challenge"): a headline naming its subject first, not a byline, whose
    name is followed by a role or a date of fewer words ("Jane Roe – Reporter")."""
    if len(names) != 1:
        return False
    m = re.match(rf"{re.escape(names[0])}\s+[-–—]\s+(.+)$", text)
    return m is not None and len(m.group(1).split()) >= TITLE_MIN_WORDS


TITLE_MIN_WORDS = 3
"""A headline printed once says something in at least this many words; a shorter line printed once
above the body is as often a menu item, a widget ("Zum Video") or a site's name. A short headline is
trusted when the header prints it more than once."""
DECK_MIN_WORDS = 5
"""A headline-shaped line of at least this many words right above a longer one is the headline and the
longer one its deck (subtitle); a kicker or a rubric above a headline is shorter."""


def _short_once(title: str, bodies: list[str]) -> bool:
    """Whether a headline candidate has fewer than TITLE_MIN_WORDS words and is printed only once (a
    script written without spaces has no words to count). A breadcrumb that ends with it prints it
    again: the breadcrumb's last part names the page ("Home > Press release: Efficient battery")."""
    if len(title.split()) >= TITLE_MIN_WORDS or _CJK.search(title):
        return False
    return bodies.count(title) + sum(1 for o in bodies if _crumb_tail(o, title)) < 2


_NOTE_AFTER = re.compile(OPTIONAL_SPACE_RUN + r"\([^()]*\)$")
"""A note in parentheses after a breadcrumb's last part: an issue's number or a date ("Title (2021/5)")."""


_NUMBERED_ITEM = re.compile(r"(\d{1,2})\.(?:\s+|$)")
"""An ordered list's item number as w3m prints it ("3. Kolumnen", or "2." alone for an item of no text)."""


def _numbered_crumb_above(lines: list[Line], header: list[int], k: int) -> bool:
    """Whether header line `k` is printed again right above it as the last item of a numbered breadcrumb:
    w3m prints an ordered list's items one a line ("1. Home" / "2. Kolumnen" / "3. Interabled Sex
    Education"), and the page's headline below it is the breadcrumb's last item ("Interabled Sex
    Education"). The item above must be numbered one less (an empty "2." counts), so an agenda's or a
    table of contents' item, printed far from its heading, is none. The breadcrumb names the page: the
    headline is trusted though the body's beginning names none of its words (on the dev pages 3 titles
    where main gave none, all the headline by reading and by the URL's slug)."""
    if k < 2:
        return False
    above, before = lines[header[k - 1]].body, lines[header[k - 2]].body
    m = _NUMBERED_ITEM.match(above)
    if m is None or above[m.end():] != lines[header[k]].body or int(m.group(1)) < 2:
        return False
    p = _NUMBERED_ITEM.match(before)
    return p is not None and int(p.group(1)) == int(m.group(1)) - 1


def _crumb_tail(line: str, title: str) -> bool:
    """Whether `line` is a breadcrumb that ends with `title` ("Home > News > Title", "Home » Label: Title"),
    a note in parentheses after it or not ("Home > Magazine > Title (2021/5)"). On the dev pages this
    trusted two right headlines of two words (a press release's, a blog post's); as the evidence that the
    line right above the body is the headline (`read_header`), one more, printed before an issue's
    number."""
    if _BREADCRUMB_SEP.search(line) is None:
        return False
    return any(len(o) > len(title) and o.endswith(" " + title) for o in (line, _NOTE_AFTER.sub("", line)))


SITE_TOP_LINES = 6
"""A line among a page's first few lines, above its menu, is the site's name or motto (`_site_banner`)."""
BANNER_GAP = 3
"""...when at least this many lines that are no byline, dateline or button (menu items, teasers) lie
between it and the body."""
_BUTTON_CUES = frozenset({"social", "comments", "markup", "advertising", "subscribe"})


def _site_banner(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int, *,
                 day_first: bool | None) -> bool:
    """Whether header line `k` is the site's name or motto: among the page's first SITE_TOP_LINES lines,
    with a menu (BANNER_GAP lines that are no byline, dateline or button) between it and the body. A
    headline that opens a page cut to its article has only its byline, dateline and buttons below it.
    (A byline's shape is read without the stoplist: any pair of capitalised words counts as one.)"""
    i = header[k]
    if sum(1 for ln in lines[:i] if ln.text) >= SITE_TOP_LINES:
        return False
    between = [j for j in header[k + 1:] if lines[j].body != lines[i].body]
    return sum(1 for j in between if verdicts[j].cue not in _BUTTON_CUES
               and not is_dateline(lines[j], day_first=day_first)
               and byline_names(lines[j], frozenset()) is None) >= BANNER_GAP


SUBHEADING_REACH = 16
"""How many text lines above a headline candidate are searched for the article's paragraphs (an image,
its caption and its credit may lie between a subheading and the paragraph above it)."""
PARAGRAPH_MIN_WORDS = 8
"""A kept line of prose this long is a paragraph, not a label or a button."""


def _below_paragraphs(lines: list[Line], verdicts: list[Verdict], i: int, start: int, body_words: frozenset[str],
                      stoplist: frozenset[str]) -> bool:
    """Whether line `i` lies inside the article: two or more of its paragraphs (kept lines of prose of
    PARAGRAPH_MIN_WORDS words or more, no caption or button, that name what the body says: `_names_body`)
    lie among the SUBHEADING_REACH text lines above it and the lines between it and the body's start
    `start`, one of them at least above it. The article runs above it, so it is a subheading (an
    interview's question, a section's heading) that a start found too far down made the nearest
    headline; a headline has its menu above it, and at most a standfirst below. On the dev pages this
    refused 4 wrong titles, all subheadings: 2 pages got none, 1 its headline above, 1 a glued line of
    tags, author and date (wrong too); no title was lost. (Counting the 8 lines above alone left a
    subheading below its photo's caption and credit; counting the 16 with captions lost a right headline
    below a gallery's captions, which name the article.)"""
    above = [j for j in range(i - 1, -1, -1) if lines[j].text][:SUBHEADING_REACH]
    paragraphs = [j for j in [*above, *range(i + 1, start)] if verdicts[j].cls == GOOD
                  and verdicts[j].cue not in _SKIP_CUES and lines[j].words >= PARAGRAPH_MIN_WORDS and prose(lines[j])
                  and _names_body(lines[j].body, body_words, stoplist)]
    return len(paragraphs) >= 2 and min(paragraphs) < i


def _sentence(title: str) -> bool:
    """Whether a headline candidate ends with a full stop: a sentence (a caption, a teaser's lede, an
    offer), since headlines end bare, or with "?", "!" or an ellipsis."""
    return title.endswith(".") and not title.endswith("..")


def _cut_caption(title: str, lines: list[Line], start: int) -> bool:
    """Whether the body's first paragraph is the line again with more words after it ("X" above "X -
    more of the caption"): an image's alt text or a slide's caption above its longer text."""
    return start < len(lines) and len(lines[start].body) > len(title) and lines[start].body.startswith(title)


BYLINE_BLOCK_LINES = 4
"""How many lines (byline, dateline, buttons) may lie between a headline and the line below them."""
CAPTION_BLOCK_LINES = 12
"""...and how many (a standfirst, share buttons, image marks) when that line is an image's caption (a
photo credit right below it): a lead image sits below the whole header."""
_META_CUES = frozenset({"social", "comments", "markup"})
_TIME_NOTE = re.compile(
    r"\d(?<!\d\d)\d*\s*(?:min(?:s|utes?|uten?|utos?|uti)?|std|h|hrs?|hours?|horas?|stunden?|heures?|ore|uur|days?|días?|"
    r"tagen?|jours?|giorni|минут[ау]?|хвилин[иа]?|час(?:а|ов)?|годин[иу]?)\b",
    re.IGNORECASE)
"""A number and a unit of time: a reading time ("Tiempo de lectura: 8 minutos", "5 min read") or an age
("Hace 13 horas", "vor 2 Stunden", "3 hours ago"), printed in the byline's block."""
TIME_NOTE_MAX_WORDS = 6
"""A reading time or an age is a few words; a longer line with a duration is a sentence or a headline."""


def _header_note(ln: Line, stoplist: frozenset[str], *, day_first: bool | None) -> bool:
    """Whether a line belongs to the byline's block: a dateline, a byline (by shape; a list of names is
    one even when its connective is a stopword: "Jane Roe, John Doe y Ann Poe"), or a reading time or an
    age."""
    if is_dateline(ln, day_first=day_first) or BYLINE_PREFIX.match(ln.body) or byline_names(ln, stoplist) is not None \
            or len(byline_names(ln, frozenset()) or ()) >= 2:
        return True
    return ln.words <= TIME_NOTE_MAX_WORDS and not prose(ln) and _TIME_NOTE.search(ln.body) is not None


def _filler(ln: Line) -> bool:
    """Whether a line between a caption and the byline's block can be no headline: a button or a label
    of a word or two, or a sentence (the standfirst)."""
    return ln.words < TITLE_MIN_WORDS or _sentence(ln.body)


def _headline_above_byline(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int,
                           body_words: frozenset[str], stoplist: frozenset[str], *, caption: bool = False,
                           day_first: bool | None) -> int | None:
    """The headline above a byline or dateline right above header line `k`, if one is there: a headline
    comes before its byline and dateline, so a line below them is a caption or a deck. Copies of line
    `k` (an alt text and its caption) lie between them too. When line `k` is an image's caption
    (`caption`), the block may lie farther up, past a standfirst and buttons (`_filler`), and hold a
    source's name of a word or two."""
    meta = False
    reach = CAPTION_BLOCK_LINES if caption else BYLINE_BLOCK_LINES
    candidate = lines[header[k]].body
    for j in range(k - 1, -1, -1):
        ln, v = lines[header[j]], verdicts[header[j]]
        if candidate in ln.body:
            continue  # a copy of the line (an alt text and its caption), alone or glued to a breadcrumb
        reach -= 1
        if reach < 0:
            return None
        if v.cue in _META_CUES or not ln.text or ln.markup:
            continue  # a button, an image
        if _header_note(ln, stoplist, day_first=day_first):
            meta = True
            continue
        if meta and _heads_block(ln, v, body_words, stoplist, caption=caption):
            return j
        if meta and caption and ln.words < TITLE_MIN_WORDS:
            continue  # a source's or agency's name in the byline's block ("ET Online|")
        if not meta and (_image_line(ln, v) or _label_field(ln) or caption and _filler(ln)):
            continue
        return None
    return None


ALT_TEXT_MIN_WORDS = 4
"""An image's alt text describes it in a phrase; a kicker or a rubric above a headline is shorter."""


def _headline_above_image(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int,
                          body_words: frozenset[str], stoplist: frozenset[str], *,
                          day_first: bool | None) -> int | None:
    """The headline above an image's alt text above header line `k`, an image's caption with its photo
    credit below it (`_credited`): the line right above `k` (past image marks) is a phrase of
    ALT_TEXT_MIN_WORDS words or more that is no header field (the alt text), and the line above that
    heads the article (`_heads_block`). A page prints its headline, then the lead image: its alt text,
    its caption and its credit."""
    above = [j for j in range(k - 1, -1, -1) if not lines[header[j]].markup][:2]
    if len(above) < 2:
        return None
    alt, j = lines[header[above[0]]], above[1]
    if alt.words < ALT_TEXT_MIN_WORDS or _header_note(alt, stoplist, day_first=day_first) \
            or verdicts[header[above[0]]].cue in _META_CUES:
        return None
    return j if _heads_block(lines[header[j]], verdicts[header[j]], body_words, stoplist, caption=False) else None


def _heads_block(ln: Line, v: Verdict, body_words: frozenset[str], stoplist: frozenset[str], *, caption: bool) -> bool:
    """Whether the line right above a byline's block is its headline: a headline's shape, three words or
    more, no sentence, and naming the body (`_names_body`). Above the block of an image's caption it
    may name less of it: one word, or none when its words are numbers and stopwords alone ("Where to
    Buy an RTX 3080"), since the caption below says the block is the header."""
    b = ln.body
    if not (_title_like(ln, v) and _headline_shape(b) and (len(b.split()) >= TITLE_MIN_WORDS or _CJK.search(b))
            and not _sentence(b)):
        return False
    if _names_body(b, body_words, stoplist):
        return True
    words = _content_words(b, stoplist)
    return caption and (not words or bool(words & body_words))


_LABEL_FIELD = re.compile(r"^[^\W\d_][^:：]{0,24}[:：]\s*\S*$")
"""A label and a word or none ("Source: dpa", "Share:", "来源：半月谈网"): a field of the byline's block."""


def _label_field(ln: Line) -> bool:
    """Whether a line is a labelled field of a word or none (a source, a share button's label): it lies
    between a dateline and the line below them as buttons do. (On a dev page a reporter's credit below
    the dateline, "Source:" and "Share:" was the title, the headline above the dateline refused.)"""
    return _LABEL_FIELD.match(ln.body) is not None


_GALLERY_COUNTER = re.compile(r"^\d+\s*(?:/|of|von|de|sur|di|из|з)\s*\d+$", re.IGNORECASE)
"""A slide's number in a gallery ("1/5", "3 of 12")."""
_IMAGE_CUES = frozenset({"caption", "related"})


def _image_line(ln: Line, v: Verdict) -> bool:
    """Whether a line below the byline's block belongs to the lead image or its links: a caption or a
    credit, a caption printed twice (alt text and caption), a link ("Read more", "Jump to recipe"), a
    gallery's counter. It lies between the header and a caption or a deck below it."""
    return v.cue in _IMAGE_CUES or cue_reason(ln.body) in _IMAGE_CUES or _GALLERY_COUNTER.match(ln.body) is not None


def _deck(bodies: list[str], k: int, header: list[int], lines: list[Line], verdicts: list[Verdict],
          body_words: frozenset[str], stoplist: frozenset[str], *, day_first: bool | None) -> int | None:
    """The position of the headline when header line `k` is a deck, else None: the line right above it
    (past share buttons, image marks and copies of the deck) is a headline of DECK_MIN_WORDS words or
    more, shorter than it, that names the body too, and neither is the other printed again or cut.

    News pages print the headline, then a longer subtitle; both name the article, so the subtitle nearest
    the body would be taken for the headline. A kicker above a headline is a rubric of a word or three.
    """
    b = bodies[k]
    h = next((j for j in range(k - 1, -1, -1) if not _button_or_copy(lines[header[j]], verdicts[header[j]], b)), None)
    if h is None:
        return None
    above = bodies[h]
    if len(above.split()) < DECK_MIN_WORDS or b.startswith(above) or above.startswith(b):
        return None
    if _word_count(above) >= _word_count(b) \
            and not (_page_repeats(above, b, lines) and _dated_below(header, k, lines, day_first=day_first)):
        return None
    i = header[h]
    deck = _title_like(lines[i], verdicts[i]) and _headline_shape(above) and not _sentence(above) \
        and not _glued_menu(above, lines) \
        and not DATELINE_WORDS.search(above) and publication_date(above, day_first=day_first) is None \
        and _names_body(above, body_words, stoplist)
    return h if deck else None


def _word_count(text: str) -> int:
    """The words of a line, a dash or a bar between them not counted ("Quest 2017 – Contest" is three words
    long), as a headline and its deck are compared by their lengths."""
    return sum(1 for w in text.split() if w.strip("–—-|"))


BUTTON_MAX_WORDS = 3
"""A button's label is a word or three ("Teilen auf XING"): in a bulleted row between a headline and its
deck, a line this short is a button whether or not its words are known."""


def _button_or_copy(ln: Line, v: Verdict, deck: str) -> bool:
    """Whether a line between a headline and its deck is a share button, an image mark or a copy of the
    deck (printed twice glued, for a share text): the deck still lies right below the headline."""
    return ln.markup or v.cue in _META_CUES or cue_reason(ln.body) == "social" or ln.body.startswith(deck) \
        or ln.bullet and ln.words <= BUTTON_MAX_WORDS


DECK_DATE_LINES = 2
"""How many header lines below a subtitle shorter than its headline may hold the dateline."""


def _dated_below(header: list[int], k: int, lines: list[Line], *, day_first: bool | None) -> bool:
    """Whether a dateline lies among the DECK_DATE_LINES lines below header line `k` (past image marks):
    the article's header, not a list of teasers, goes on below it."""
    below = [i for i in header[k + 1:] if not lines[i].markup][:DECK_DATE_LINES]
    return any(is_dateline(lines[i], day_first=day_first) for i in below)


def _page_repeats(above: str, b: str, lines: list[Line]) -> bool:
    """Whether the page prints line `above` more than once and line `b` once: a headline recurs in the
    page's lists, its share text and its breadcrumb, a subtitle is printed under it alone. With a
    dateline below the subtitle (`_dated_below`) this gave two dev pages their headline instead of
    the subtitle; without it, a list's teaser printed twice became the title of a page that had none."""
    counts = {above: 0, b: 0}
    for ln in lines:
        if ln.body in counts:
            counts[ln.body] += 1
    return counts[above] > 1 and counts[b] == 1


_SLASH_CREDIT = re.compile(r"^[^\W\d_][^/]{0,40}/[^/]{1,40}$")
"""A photographer and an agency (or two agencies) joined by a slash ("Jane Roe/AGENCY", "Jane
Roe/Agency.com"): the form a photo credit takes on any site."""
_CREDIT_MARK = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}\b|\w\.[a-z]{2,4}\b")
"""What makes a slashed line a credit and not a breadcrumb ("Politik/Ausland"): an agency's name in
capitals or a web address."""
_WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)
"""A line that is only a web address: an image's source printed under it."""
CREDIT_MAX_WORDS = 8
"""A photo credit names a photographer and an agency or two; a longer line is a sentence or a byline
with its note."""


def _photo_credit(ln: Line, v: Verdict) -> bool:
    """Whether a line is an image's credit: a caption's cue ("Foto:", "Image credit", "©", "Getty
    Images", "dpa/"), a photographer and an agency joined by a slash, or a bare web address. A text
    agency alone ("Reuters", "AFP") is a byline, not a credit, so it does not count."""
    if v.cue == "caption" or cue_reason(ln.body) == "caption" or "©" in ln.body:
        return True
    if ln.words > CREDIT_MAX_WORDS or ln.body[-1:] in ".!?":
        return False
    b = ln.body.strip("()[] ")
    return bool(_SLASH_CREDIT.match(b) and _CREDIT_MARK.search(b)) or bool(_WEB_ADDRESS.match(b))


def _credited(title: str, lines: list[Line], verdicts: list[Verdict], last: int) -> bool:
    """Whether a copy of a headline candidate up to line `last` is an image's caption by what is printed
    beside it (past image marks): a photo credit right below it, or a gallery's slide counter ("1/5")
    right above it. Then the headline is sought farther up, above the byline's block. That alone
    refuses nothing: a headline above a lead image that has no alt text has the image's credit right
    below it too (a rule refusing such lines lost ten right dev titles)."""
    for i in range(last + 1):
        if lines[i].body != title:
            continue
        j = i + 1
        while j < len(lines) and (lines[j].markup or not lines[j].text or lines[j].body == title):
            j += 1
        if j < len(lines) and _photo_credit(lines[j], verdicts[j]):
            return True
        j = i - 1
        while j >= 0 and (lines[j].markup or not lines[j].text):
            j -= 1
        if j >= 0 and _GALLERY_COUNTER.match(lines[j].body):
            return True
    return False


TEASER_LEDE_LINES = 1
"""How many lines (a teaser's lede) may lie between an item of a list of teasers and its link."""
TEASER_LINKS = 3
"""How many times a page prints a link ("Read more") that marks a list of teasers: a list has several
items, while a heading such as a table of contents' ("Inhaltsverzeichnis") is printed once or twice."""


def _teaser(title: str, lines: list[Line], last: int) -> bool:
    """Whether a line is an item of a list of teasers: the link below it ("Read more") is printed again
    below another line of the header, or the link right below it or below its lede is printed
    TEASER_LINKS times on the page. A headline has no link to its own article below it; a list of
    teasers goes on below the first one taken for the body (on two dev pages the title of a list's
    first teaser, above its lede, was taken for the headline)."""
    for i in range(last):
        if lines[i].body != title:
            continue
        for j in range(i + 1, min(len(lines), i + 2 + TEASER_LEDE_LINES)):
            link = lines[j].body
            if link == title or cue_reason(link) != "related" or len(link.split()) > 3:
                continue
            if j == i + 1 and j < last and any(lines[m].body == link and lines[m - 1].body != title
                                               for m in range(1, last) if m != j):
                return True
            if sum(1 for ln in lines if ln.body == link) >= TEASER_LINKS:
                return True
    return False


def _notice(lines: list[Line], i: int) -> bool:
    """Whether line `i` is one of a form's or an offer's notices: it ends with "!" and so does the line
    right above or below it, which is not a copy of it ("Prices are without guarantee!" below "Surcharges
    apply!"). A headline may exclaim, but its kicker, standfirst and byline do not."""
    if not lines[i].body.endswith("!"):
        return False
    return any(0 <= j < len(lines) and lines[j].body.endswith("!") and lines[i].body not in lines[j].body
               for j in (i - 1, i + 1))


def _keywords_above(lines: list[Line], header: list[int], k: int, stoplist: frozenset[str]) -> bool:
    """Whether the line right above header line `k` (past image marks) is shorter than it and every one
    of its content words, two or more, is one of line `k`'s: keywords of what line `k` says."""
    above = next((lines[i] for i in reversed(header[:k]) if not lines[i].markup), None)
    if above is None or len(above.body) >= len(lines[header[k]].body):
        return False
    words = _content_words(above.body, stoplist)
    return len(words) >= 2 and words <= _content_words(lines[header[k]].body, stoplist)


def _image_words(lines: list[Line], verdicts: list[Verdict], header: list[int], k: int, start: int,
                 stoplist: frozenset[str]) -> bool:
    """Whether header line `k` is an image's caption or its alt text: a caption with a photo credit below
    it (`_credited`) under a line of keywords it holds all of ("Jane Roe, son, John" above "Jane Roe with
    her son John" and the credit), or those keywords. A headline above a lead image has the credit below
    it too, but no line of its own words above it."""
    return any(0 < j < len(header) and _keywords_above(lines, header, j, stoplist)
               and _credited(lines[header[j]].body, lines, verdicts, start) for j in (k, k + 1))


def _alt_text(bodies: list[str], k: int, header: list[int], verdicts: list[Verdict]) -> bool:
    """Whether header line `k` is an image's alt text: printed again with a photo credit after it
    ("Demut hinter Masken" above "Demut hinter Masken Foto: X")."""
    b = bodies[k]
    return any(j != k and o.startswith(b) and len(o) > len(b) and verdicts[header[j]].cue == "caption"
               for j, o in enumerate(bodies))


def standfirst_repeat(lines: list[Line], head: Header, start: int) -> bool:
    """Whether the first body paragraph repeats the standfirst (then the body keeps it once)."""
    if not head.description or start >= len(lines):
        return False
    return _strip_end(lines[start].body) == _strip_end(head.description)


