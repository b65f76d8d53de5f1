"""Read the section: the site's rubric the article is filed under, from a breadcrumb or a rubric above
the headline, a labelled category, or the post's filing line below it.

The line right above the first headline is header either way (removed as navigation); it names the
article's rubric only when it is a breadcrumb's last part, the item above the headline in a list of
links that ends with it, or a short line the page also prints on its own further up (in its menu) or,
below the headline, in a menu of short rubrics or above the teasers of two other stories. The menu's
last item, a field line's last field, a button and the site's name are refused. A
breadcrumb a few lines above the headline (a kicker, a dateline or an image between them) has the last
word: a numbered list of links or a line split at separators that opens with the front page or ends with
the headline names the article's place on the site, and a short line above the headline that is one of
its parent parts is no section. A line that labels the category ("in Sport", "Kategorie: News") right
above the headline or in the byline's block below it names it too (`labelled_rubric`). Without any of
these, a field of the dateline below the headline names the rubric when the menu prints it too, and
else the line blog software prints to say where the post is filed ("This entry was posted in News."),
when it names one category that is no default, and else a rail's heading below the article that names
the menu's rubric its teasers come from ("More in Politics"; both `closing_rubric`).
"""

from __future__ import annotations

import re

from build_dataset.clean.cues import cue_reason
from build_dataset.clean.dates import DATELINE_WORDS
from build_dataset.clean.header_lines import BYLINE_PREFIX, REPEATED
from build_dataset.clean.lines import SPACE_RUN, Line, first_word_lines

_RUBRIC = re.compile(r"^#?[^\W\d_]{3,}(?:[ '’&+-]+[^\W\d_]+)*$|^[^\W\d_]+(?:[ '’&+-]+[^\W\d_]+)+$")
"""A rubric is words of letters joined by spaces, "&" or hyphens ("Politik", "Umwelt & Klima",
"VR-Brillen-Tests"), and at least three letters when it is one word, a hashtag's "#" before it or not
("#GameTechie"): a digit ("0", "4 min", "vor 2
Stunden"), a colon ("Foto: X"), a dot ("example.de", "Prof. Dr."), a bracket or a lone symbol ("<>")
marks a counter, a stamp, a credit or a URL, and a two-letter word is a language switch ("ES")."""


_BREADCRUMB_SEP = re.compile(SPACE_RUN + r"(?:>|»|›|/|\||::|→)\s+")
_LEVEL_SEP = re.compile(SPACE_RUN + r"(?:>|»|›|\||::|→)\s+")
"""A breadcrumb's separators but the slash: a line that has one of them splits at them only, and a
slash between its separators joins two words of one rubric ("Home » Elektro / Photovoltaik »")."""


_SEPARATOR_MARK = re.compile(r"[>»›/|:→]")
"""A character every breadcrumb separator holds."""


def crumbs(text: str) -> list[str]:
    """The parts of a line split at a breadcrumb's separators (`_LEVEL_SEP` when it has one). Most lines
    the header's rules split hold no separator's character at all (`_SEPARATOR_MARK`), which one scan
    of a character class tells: they are one part, with no search for a separator and no split. A line
    without a spaced separator splits at glued ones only when it opens with the front page's link
    (`glued_crumbs`)."""
    if _SEPARATOR_MARK.search(text) is None:
        part = text.strip()
        return [part] if part else []
    sep = _LEVEL_SEP if _LEVEL_SEP.search(text) else _BREADCRUMB_SEP
    parts = [p.strip() for p in sep.split(text) if p.strip()]
    return parts if len(parts) >= 2 else glued_crumbs(text) or parts


_GLUED_SEP = re.compile(r"(?<=\S)(?:>|»|›)(?=\S)")
"""A breadcrumb's separator printed without spaces around it ("Home›Technik›Freizeit›News"), as a site
whose links hold no spaces is dumped: read only in a line that opens with the front page, since "»" and
"›" open a German or a French quote too."""


def glued_crumbs(text: str, *, from_home: bool = True) -> list[str] | None:
    """The parts of a breadcrumb whose separators are glued to its parts (`_GLUED_SEP`), its first part the
    front page's link after a lead-in at most ("Sie sind hier:Home»Newsarchiv»The headline" -> "Home",
    "Newsarchiv", "The headline"); None for any other line. Without `from_home` any first part will do:
    the caller has other evidence that the line is a breadcrumb (its last part printed as the headline)."""
    parts = [p.strip() for p in _GLUED_SEP.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    home = _after_lead_in(parts[0])
    return [home, *parts[1:]] if home.casefold() in HOME_WORDS or not from_home else None


def _after_lead_in(part: str) -> str:
    """A breadcrumb's first part without the lead-in a page prints before it ("You are here: Home",
    "Sie sind hier:Home" -> "Home")."""
    return part.rpartition(":")[2].strip()


def _is_headline(part: str, title: str | None) -> bool:
    """Whether a breadcrumb's part is the headline it ends with, whole, cut to its first words or without
    the kicker the headline is printed with ("Kicker: The headline"; half the headline at least), in any
    case."""
    if not title:
        return False
    part, title = part.rstrip(".… ").casefold(), title.casefold()
    return part == title or (len(part.split()) >= 2 and title.startswith(part)) \
        or (2 * len(part) >= len(title) and part in title)


def rubric_slot(ln: Line, title: str | None) -> str | None:
    """What stands where a rubric would, by shape: a breadcrumb's last part ("News > Ukraine" ->
    "Ukraine") or a short line. The line is header either way (removed as navigation); whether it names
    the article's rubric is `section_of`'s call."""
    parts = crumbs(ln.body)
    if len(parts) >= 2:
        # a breadcrumb ends with the headline, whole or cut to its first words
        parts = [p for p in parts if not _is_headline(p, title)]
        return parts[-1] if parts and len(parts[-1]) <= RUBRIC_MAX_CHARS else None
    if ln.words <= 4 and ln.length <= 40 and not ln.sentence_end and not ln.dated:
        return ln.body
    return None


MENU_RUN = 3
"""Bulleted items in a row, the line included, that make a line above the headline a menu's last item:
a breadcrumb printed as a list holds the headline too, and an article's own rubrics (its category, a
"Home" item above it) are one or two items; a menu of the site's rubrics, a table of contents or a row
of share buttons is longer."""


_SEPARATOR_END = re.compile(r"(?:^|\s)(?:>|»|›|/|→)$")
"""A list item ending with a breadcrumb's separator ("Home ›"): the list is a breadcrumb, not a menu."""


def section_of(lines: list[Line], i: int, slot: str, headline: int, trusted: bool) -> str | None:
    """The section, when the rubric slot's text (`rubric_slot` of line `i`) names the article's rubric.

    `headline` is the line index of the headline's slot below it, `trusted` whether its text was taken
    as the title. A breadcrumb names the article's place on the site, unless it is a line of header
    fields (`_field_line`) or an item of a menu (`_menu_tail`). So does a list of links that ends with
    the headline (a breadcrumb printed as a list).

    A lone short line right above the headline does not, by itself: it is as often the menu's last
    item, a kicker, a credit, a button or the site's name. It is read only above a headline whose text
    is trusted (above an untrusted slot it is as often a teaser's or a widget's line), when it is no
    menu's last item (`_menu_tail`), and when it is printed as a line of its own above it too: the
    site's rubric is also an item of its menu or of a breadcrumb list, and those come before the
    article; a kicker is printed once, or again below the article with its own story or among the tags.
    A rubric that opens the page (a dump cut to the article) has no menu above it to recur in. A menu
    printed only below the article (the footer's, a category list) or the teasers of other stories of
    the rubric name it too (`_printed_below`).
    """
    ln = lines[i]
    labelled = labelled_rubric(slot)
    if labelled is not None:  # a teaser's category above a copy of the headline in a rail is no rubric of it
        head = lines[headline]
        return labelled if trusted and not (ln.bullet or head.bullet) and _indent(ln) <= _indent(head) else None
    if slot != ln.body:  # a breadcrumb's last rubric
        if not _crumb_rubric(slot) or _field_line(ln, lines[headline].body) or _menu_tail(lines, i):
            return None
        return slot
    if not _rubric(slot):
        return None
    if _list_breadcrumb(lines, i, headline):
        return slot
    if not trusted or _menu_tail(lines, i):
        return None
    if i == 0 or _printed_above(lines, i, slot, lines[headline].body):
        return slot
    if _printed_below(lines, headline, slot):
        return slot
    return None


_CATEGORY_LABEL = re.compile(
    r"^(?:in|(?i:posted in|filed under|categor(?:y|ies)|kategorien?|rubrik|ressort|rubrique|cat[ée]gorie"
    r"|categor[ií]a|secci[óo]n))(?: ?:)?\s+")
"""A label saying that what follows is the article's category ("in Sport", "Kategorie: Umwelt", "Filed under
Politics"); the bare "in" in lower case only ("In English" is a language switch)."""


def labelled_rubric(slot: str) -> str | None:
    """The rubric a line above the headline labels as the article's category (`_CATEGORY_LABEL`): one
    rubric-shaped name after the label ("in Sport" -> "Sport"). The label says what a lone short line
    leaves open (a menu's last item, a kicker), so no menu need print it too; a list of several
    categories ("in Business, Press Release") names none of them evidently."""
    m = _CATEGORY_LABEL.match(slot)
    if m is None:
        return None
    rest = slot[m.end():].strip()
    return rest if _rubric(rest) else None


def _printed_above(lines: list[Line], i: int, slot: str, headline: str) -> bool:
    """Whether a line above line `i` is the rubric `slot` on its own (a menu's item) or the rubric
    followed by the headline (a breadcrumb printed without separators: "Home News The headline")."""
    crumb = f"{slot} {headline}"
    return any(other.body == slot or other.body.endswith(crumb) for other in lines[:i])


def _printed_below(lines: list[Line], headline: int, slot: str) -> bool:
    """Whether the page prints the rubric `slot` below the headline (line `headline`) where only a rubric
    of the site stands: as an item of a menu of rubrics (`_rubric_menu_item`: the footer's menu, a
    category list) or as the kicker of several teasers of other stories (`_teaser_rubric`). A kicker is
    printed again below only with its own story, or among the tags, which hold topics as often as
    rubrics; and a line whose words the headline holds is a topic kicker ("Burgenland" above
    "Burgenland: the best wines"), whatever the page prints below."""
    if slot.casefold() in lines[headline].body.casefold():
        return False
    below = range(headline + 1, len(lines))
    return any(_rubric_menu_item(lines, k) for k in below if lines[k].body == slot) \
        or _teaser_rubric(lines, headline, slot)


def _short_item(ln: Line) -> bool:
    """Whether a list's item is shaped like a rubric's link: a few words, no sentence."""
    return ln.words <= 4 and ln.length <= 40 and not ln.sentence_end and not ln.dated


def _rubric_menu_item(lines: list[Line], k: int) -> bool:
    """Whether line `k` is an item of a menu of rubrics: a bulleted list of MENU_RUN items or more in a
    row whose items are all short (`_short_item`). A list of the latest stories, which may hold the
    article's own short headline, has long items; two items are a pair of links, no menu. A list of
    tags printed as a row of short items looks the same, and its topics may be kickers: the one such
    list of the dev pages that held a line above the headline had a blank line after that item, which
    ends the row."""
    if not lines[k].bullet:
        return False
    first, last = _list_span(lines, k)
    items = [ln for ln in lines[first:last + 1] if ln.bullet]
    return len(items) >= MENU_RUN and all(_short_item(ln) for ln in items)


TEASER_RUBRICS = 2
"""Teasers of other stories below the article that a line must stand above to be a rubric of the site."""


def _teaser_rubric(lines: list[Line], headline: int, slot: str) -> bool:
    """Whether the page prints `slot` on its own line, without a bullet, right above the headlines of
    TEASER_RUBRICS other stories or more below the article (related stories of the same rubric): a
    kicker belongs to one story, a rubric labels many. The teasers' headlines are longer than a rubric
    (a placeholder repeated above a widget's heading is no rubric), and neither are this one nor hold the
    rubric's text (an image's credit repeated above its captions, which name it)."""
    title, key = lines[headline].body, slot.casefold()
    stories = {lines[k + 1].body for k in range(headline + 1, len(lines) - 1)
               if lines[k].body == slot and not lines[k].bullet and lines[k + 1].body != title
               and not _short_item(lines[k + 1]) and key not in lines[k + 1].body.casefold()}
    return len(stories) >= TEASER_RUBRICS and not _glued_rubrics(lines, headline, slot)


def _glued_rubrics(lines: list[Line], headline: int, slot: str) -> bool:
    """Whether a short line below the headline holds `slot` with more words before or after it ("Know
    How News Test" beside "News Test"): the teasers' kickers are each story's list of categories, which
    w3m prints joined by spaces, and `slot` is one such list rather than one rubric."""
    return any(_short_item(ln) and ln.body != slot and (ln.body.endswith(f" {slot}") or ln.body.startswith(f"{slot} "))
               for ln in lines[headline + 1:])


def _gap(lines: list[Line], k: int) -> bool:
    """Whether a blank line separates line `k` from the line above it: a list's items follow each other
    with none between them."""
    return k == 0 or lines[k].index - lines[k - 1].index > 1


LIST_END_LINES = 2
"""How many lines below the headline's item are read for the list going on: a menu that holds the
headline goes on with its next item or a sub-item, after the headline printed again at most."""


def _list_breadcrumb(lines: list[Line], i: int, headline: int) -> bool:
    """Whether line `i` is an item of a list of links that ends with the headline ("• Home", "• News",
    "• The headline"): a breadcrumb printed as a list, whose item above the headline is the article's
    rubric. Its items share a bullet; a menu that holds the headline among its items goes on after it
    (within LIST_END_LINES lines, with no blank line)."""
    ln, head = lines[i], lines[headline]
    if headline != i + 1 or not (ln.bullet and head.bullet) or ln.text[0] != head.text[0] or _gap(lines, headline):
        return False
    for k in range(headline + 1, min(len(lines), headline + 1 + LIST_END_LINES)):
        if _gap(lines, k):
            return True
        if lines[k].bullet:
            return False
    return True


def _indent(ln: Line) -> int:
    return ln.start - ln.line_start


def _menu_tail(lines: list[Line], i: int) -> bool:
    """Whether line `i` is an item of a list of MENU_RUN or more bulleted items in a row (no blank line
    between them): the site's menu, a table of contents or share buttons end right above the headline
    (or hold it), and their item there is no rubric of the article. Items ending with a breadcrumb's
    separator ("Home ›") make a breadcrumb instead.

    A line without a bullet indented deeper than line `i` belongs to the item above it (a widget's text
    inside a menu's item, a ranking's entries under "Top 20"): it goes on the list rather than ending it,
    and is no item itself."""
    if not lines[i].bullet:
        return False
    first, last = _list_span(lines, i)
    if any(ln.bullet and _SEPARATOR_END.search(ln.body) for ln in lines[first:i]):
        return False
    return sum(ln.bullet for ln in lines[first:last + 1]) >= MENU_RUN


def _list_span(lines: list[Line], i: int) -> tuple[int, int]:
    """The first and last line of the list of links that line `i` is an item of: bulleted lines in a row
    (no blank line between them). A line without a bullet indented deeper than line `i` belongs to the
    item above it and goes on the list."""
    deeper = _indent(lines[i])

    def in_list(k: int) -> bool:
        return lines[k].bullet or _indent(lines[k]) > deeper

    first = last = i
    while first > 0 and not _gap(lines, first) and in_list(first - 1):
        first -= 1
    while last + 1 < len(lines) and not _gap(lines, last + 1) and in_list(last + 1):
        last += 1
    return first, last


_FIELD_LABEL = re.compile(r"^[^\W\d][^:]{0,30}:\s")
"""A part of a line that is a label and its value ("Categories: X", "Tags: A, B"): a field, which no
breadcrumb's part is."""


def _field_line(ln: Line, headline: str) -> bool:
    """Whether a line split by separators is a line of header fields rather than a breadcrumb: a part
    after the first is a label and its value ("Posted by X | Categories: Y | Leave a comment"; a
    breadcrumb's lead-in, "You are here:", opens it). Its last field is a button or a tag as often as a
    rubric. The headline a breadcrumb ends with (`headline`, whole or cut) may hold a colon of its own."""
    parts = crumbs(ln.body)
    return any(_FIELD_LABEL.match(p) for p in parts[1:]
               if not (headline.startswith(p.rstrip(".… ")) or p.startswith(headline) or _is_headline(p, headline)))


RUBRIC_MAX_CHARS = 40
"""The longest rubric's name: the length `rubric_slot` and `breadcrumb_above` take a rubric to at most."""


def _rubric(text: str) -> bool:
    """Whether a short line above the headline can name a rubric of the site: words shaped like one
    (`_RUBRIC`), capitalised, and neither a furniture cue ("Menu", "Login", "Previous Next"), a byline
    ("By X", "Von X"), a dateline, a URL nor a text printed twice.

    The line right above the headline is as often the last item of the site's menu, a kicker or a
    credit as it is the rubric; these signals refuse what cannot be one on any site, in any language.
    Furniture words of the line model's vocabulary are not used here: "News", "Blog" and "Meldungen"
    are furniture in a paragraph and rubrics above a headline. A rubric is short (RUBRIC_MAX_CHARS): a
    longer text is refused before any pattern reads it (`REPEATED` takes time quadratic in a gap of w3m's
    padding, and the rules that read a category after a label or in a filing line hand any length here).
    """
    if len(text) > RUBRIC_MAX_CHARS or not _RUBRIC.match(text) or text[0].islower() or REPEATED.match(text):
        return False
    return not (cue_reason(text) or BYLINE_PREFIX.match(text) or DATELINE_WORDS.search(text))


def _crumb_rubric(part: str) -> bool:
    """Whether a breadcrumb's part names a rubric: a rubric's shape (`_rubric`), its words joined by a
    slash too ("Elektro / Photovoltaik")."""
    return all(_rubric(p) for p in part.split(" / "))


def dateline_section(lines: list[Line], i: int, headline: int) -> str | None:
    """The section a dateline names among its fields ("13 Oct 2022 | Environment", "By Jane Roe | in
    Politics"): a field after the first that has a rubric's shape (`_rubric`) and that the page also
    prints on its own line above the headline, as an item of its menu. Only the menu tells a rubric from
    a tag, a place or a source in a line of fields, and only one field may be such: a list of tags names
    several of the menu's rubrics, and none of them is evidently the article's."""
    parts = [_FIELD_PREFIX.sub("", p.strip()) for p in _BREADCRUMB_SEP.split(lines[i].body)[1:] if p.strip()]
    headline_text = lines[headline].body
    found = [p for p in parts if _rubric(p) and _printed_above(lines, headline, p, headline_text)]
    return found[0] if len(found) == 1 else None


_FIELD_PREFIX = re.compile(r"^(?:posted in|filed under|in|kategorie|category|rubrik|ressort)\s*:?\s+", re.IGNORECASE)
"""A field's label before a rubric ("in Politics", "Kategorie: Umwelt"): not part of its name."""


BREADCRUMB_REACH = 4
"""Lines above the headline searched for a breadcrumb: a kicker, a dateline or a byline may stand between
the two ("Home » News » The headline", "Posted in News", the headline)."""

HOME_WORDS = frozenset({
    "home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "portada", "início",
    "inizio", "strona główna", "главная", "головна", "галоўная", "úvod", "hlavná stránka",
    "domů", "főoldal", "forside", "hem", "etusivu", "anasayfa", "ana sayfa", "naslovna", "pradžia",
    "sākums", "avaleht", "startpagina", "voorpagina",
})
"""A breadcrumb's first item, the link to the site's front page, in the languages of the corpus and
their neighbours: it tells a breadcrumb printed as a numbered list from any other list of links."""

_ORDERED_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")


def ordered_items(lines: list[Line], j: int) -> list[str] | None:
    """The items of the numbered list ("1. Home", "2. News", ...) whose last item is line `j`, numbered
    from 1 with no blank line between them: a breadcrumb printed as an ordered list, if it opens with the
    front page or ends with the headline (`breadcrumb_above`). Separators printed as items ("2. >") or
    after them ("2. Energy>") are left out."""
    m = _ORDERED_ITEM.match(lines[j].text)
    if m is None:
        return None
    number = int(m.group(1))
    below = _ORDERED_ITEM.match(lines[j + 1].text) if j + 1 < len(lines) and not _gap(lines, j + 1) else None
    if below is not None and int(below.group(1)) == number + 1:
        return None  # not the list's last item
    items, k = [m.group(2).strip()], j
    while number > 1:
        if _gap(lines, k):
            return None
        k -= 1
        m = _ORDERED_ITEM.match(lines[k].text)
        if m is None or int(m.group(1)) != number - 1:
            return None
        number -= 1
        items.insert(0, m.group(2).strip())
    return [p.rstrip(_SEPARATORS).rstrip() for p in items if p.strip(_SEPARATORS)]


_SEPARATORS = ">»›/|→ "


def breadcrumb_above(lines: list[Line], headline: int, title: str | None,
                     trusted: bool) -> tuple[list[str], str | None] | None:
    """The nearest breadcrumb within BREADCRUMB_REACH lines above the headline's line `headline`, and
    the rubric it names; None when there is none.

    A breadcrumb is a line split at separators or a numbered list of links, that ends with the headline
    (whole or cut: "Home » News » The headline") or opens with a link to the front page (`HOME_WORDS`):
    a line of fields (a dateline, "Posted by X | Categories: Y"), a menu's row or a list of teasers does
    neither (a numbered list that ends with the headline but opens with no front page is a breadcrumb only
    when its parts between are all shaped like rubrics: a list of the most read stories may hold the
    article last). Its rubric is its last part but the headline, the front page and a part of no rubric's shape
    (`_crumb_rubric`; the breadcrumb then names none: its last part may be the article's own short name,
    "Home > Loans > Leasing or buying"). A breadcrumb that does not end with the headline is read only
    above a trusted headline. The parts are returned too: a short line above the headline that is one of
    them but not the rubric is a parent rubric."""
    for j in range(headline, max(-1, headline - 1 - BREADCRUMB_REACH), -1):
        if lines[j].body == title:
            continue  # the headline's own line, unless a breadcrumb ending with it holds it
        ordered = ordered_items(lines, j)
        if ordered is not None:
            parts = ordered
        else:
            parts = crumbs(lines[j].body)
            if len(parts) < 2 or _field_line(lines[j], title or "") or _menu_tail(lines, j):
                continue
        if not parts:
            continue
        ends = _is_headline(parts[-1], title)
        home = _after_lead_in(parts[0]).casefold() in HOME_WORDS
        if not (ends or home):
            continue
        if ordered and not home and not all(_crumb_rubric(p) for p in parts[1:-1]):
            continue  # a list of teasers that holds this article's headline last: its items are headlines
        if not (ends or trusted):
            return None
        # a numbered breadcrumb's first item is the front page, by its name or the site's ("1. GIGA")
        rubrics = parts[1 if ordered else 0:len(parts) - ends]
        last = rubrics[-1] if rubrics and rubrics[-1].casefold() not in HOME_WORDS else None
        if last and not ends and _names_headline(last, title):
            last = None  # the article's own short name, not a rubric
        return parts, (last if last and len(last) <= RUBRIC_MAX_CHARS and _crumb_rubric(last) else None)
    return None


def _names_headline(part: str, title: str | None) -> bool:
    """Whether a breadcrumb's last part is the article's short name: two of its words or more are the
    headline's ("Leasing or buying" above "Leasing, financing or buying: what is cheaper?")."""
    words = {w.casefold() for w in re.findall(r"\w+", title or "")}
    return sum(w.casefold() in words for w in re.findall(r"\w+", part)) >= 2


_FILED_IN = re.compile(
    r"(?:this (?:entry|post|article) was (?:posted|filed) (?:in|under)|posted in|filed under"
    r"|dies(?:er|es) (?:eintrag|beitrag|artikel) wurde(?: am \S+)?(?: von \S+)?(?: veröffentlicht)? (?:in|unter)"
    r"|veröffentlicht in|publié dans|classé dans|publicado en|pubblicato in)\s*+:?\s*+(?=[^\W\d_])",
    re.IGNORECASE)
r"""The phrase of the line blog software prints below a post to say where it is filed ("This entry was posted
in News. Bookmark the permalink.", "Dieser Eintrag wurde veröffentlicht in Politik und verschlagwortet mit
…", "Posted in Datenschutz by …", "Veröffentlicht in Aktuelle Meldungen"), up to the rubric's first letter:
the rubric runs to `_FILED_END`. (Its runs of spaces are possessive, `\s*+`, and the rubric is cut by a
search: a lazy rubric before `\s+` took time quadratic in a gap of w3m's padding.)"""
_FILED_END = re.compile(
    r"[,.:|]|" + SPACE_RUN + r"(?:and tagged|tagged|und (?:getaggt|verschlagwortet|gekennzeichnet|mit)|abgelegt"
    r"|veröffentlicht|by|von|on|am|et|y|e)\b", re.IGNORECASE)
"""Where a filing line's rubric ends: a full stop, a list's comma, a field's colon or bar, or the tags, the
author or the date after it."""
_FILED_OPENINGS = frozenset({"this", "posted", "filed", "dieser", "dieses", "veröffentlicht", "publié", "classé",
                             "publicado", "pubblicato"})
"""The first words of `_FILED_IN`'s phrases (a line's `head_words`, lower case): most lines are ruled out by
their first word, with no regex tried."""
NO_CATEGORY = frozenset({"uncategorized", "uncategorised", "unkategorisiert", "allgemein", "non classé",
                         "sin categoría", "senza categoria", "general", "bez kategorii"})
"""The category blog software files a post under when its writer chose none: no rubric of the site. (Session
40 had read 'Allgemein', the German default, as a site's rubric above a headline, `section_fix_3`; as the
filing line's only category it says no more than that nothing was chosen.)"""


_MORE_IN = re.compile(
    r"(?:more (?:stories |news )?in|also in|latest in|mehr aus(?: dem ressort| der rubrik| der kategorie)?"
    r"|weitere (?:artikel|beiträge|nachrichten|meldungen) aus(?: dem ressort| der rubrik| der kategorie)?"
    r"|más de|plus de|altro da|altri articoli in)(?:\s*+:)?\s++(?P<rubric>.*[^\s:»›>→])[\s:»›>→]*+",
    re.IGNORECASE)
"""A rail's heading that names the rubric its teasers come from ("More in Politics", "Mehr aus Sport",
"Weitere Meldungen aus der Rubrik Schwangerschaft:", "Más de Ambiente", "Also in Food & Drink"). "More
from" is left out: it names an author or an outlet as often ("More from Jane Roe", "More from The
Guardian")."""
_MORE_OPENINGS = frozenset({"more", "also", "latest", "mehr", "weitere", "más", "plus", "altro", "altri"})
"""The first words of `_MORE_IN`'s phrases (a line's `head_words`, lower case)."""
_OPENINGS = _FILED_OPENINGS | _MORE_OPENINGS


def _filed_rubric(rest: str) -> str | None:
    """The rubric of a filing line's text after its phrase (`_FILED_IN`): up to `_FILED_END`, when what
    follows it is nothing, a full stop at the end or before a space (not a domain's), a bar, or the tags,
    author or date; None for a list of categories (a comma), a field's colon, a default category
    (`NO_CATEGORY`) or a text of no rubric's shape (`_rubric`)."""
    end = _FILED_END.search(rest)
    rubric, after = (rest, "") if end is None else (rest[:end.start()], rest[end.start():])
    if after[:1] in (",", ":") or after[:1] == "." and after[1:2] not in ("", " ") and not after[1:2].isspace():
        return None
    rubric = rubric.strip()
    return rubric if rubric.casefold() not in NO_CATEGORY and _rubric(rubric) else None


def closing_rubric(lines: list[Line], first: int, start: int, *, rails: bool) -> str | None:
    """The rubric the lines from line `first` on name (the headline's line, so that a filing line in the
    byline's block counts, or the body's start), read in one pass over them (most are ruled out by their
    first word):

    - the first filing line (`_FILED_IN`) gives its category, unless it names several (the post is filed
      under several categories, none evidently the article's), a default category (`NO_CATEGORY`) or one of
      no rubric's shape (`_rubric`). The first is the post's own: it closes the post, and a teaser's below it
      comes later;
    - else, when `rails`, a rail's heading below the body's start (`_MORE_IN`) gives the rubric it names,
      when the page also prints it on a line of its own (an item of its menu: "Más de 300 personas" names
      no rubric, and a menu tells a rubric from a place or a topic) and no rail's heading names another (a
      page that lists several rubrics' latest stories says none of them is the article's)."""
    filed: str | None = None
    filing_seen = False
    named: set[str] = set()
    for i in first_word_lines(lines, first, _OPENINGS):
        c, body = lines[i].head_words[0], lines[i].body
        if not filing_seen and c in _FILED_OPENINGS and (m := _FILED_IN.match(body)) is not None:
            filing_seen = True
            filed = _filed_rubric(body[m.end():])
        if rails and i >= start and c in _MORE_OPENINGS and (m := _MORE_IN.fullmatch(body)) is not None:
            named.add(m.group("rubric"))
    if filed is not None or len(named) != 1:
        return filed
    rubric = named.pop()
    if not _rubric(rubric) or rubric.casefold() in NO_CATEGORY:
        return None
    return rubric if any(ln.body == rubric for ln in lines) else None
