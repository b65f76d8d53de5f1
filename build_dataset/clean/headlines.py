"""Which line of the header is the headline: its shape, the candidates near the body, what refuses one
(a caption, a menu item, a teaser, a notice) and the evidence that it heads this article.

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
(`metadata.header_and_body`), or above a later one when the first "paragraph" is the headline itself or notices
lie right above the header, if the headline found there names the body, no kept line above it tells of
the body and a dateline dates it (`metadata._header_below`); a headline with only its dated byline's block between
it and the body needs no shared word (`_dated_block`). An item of a list of teasers (a "Read more" link
below it or below its lede, as below other lines), the text of a list's item indented under its bullet
(a menu's teaser, a slider's caption) deeper than the body, the credit after an image's caption, an
image's caption or alt text when the alt text is keywords of the caption, captions that start with the
same label, a cell between two quantities, a field of a list of fields (a data sheet, a meeting's
minutes), a line of a block the header prints twice (a menu, an offer's box) and two fields printed side
by side are refused too; of a headline printed alone and again with its deck glued on after a space, the
headline alone is the title. A wrong title is worse than none: the slot a headline would fill still
anchors the byline and dateline, but its refused text is no title and stays where the line model put it.

The header reader that asks these questions is `metadata.read_header`; a deck below the headline
is read as the standfirst in `standfirsts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from build_dataset.clean.bylines import (
    byline_names,
)
from build_dataset.clean.classify import BAD, GOOD, Verdict
from build_dataset.clean.cues import compound_phrase, cue_reason
from build_dataset.clean.dates import (
    DATELINE_WORDS,
    LEADING_DATELINE_WORD,
    first_date,
    publication_date,
)
from build_dataset.clean.header_lines import (
    BYLINE_PREFIX,
    REPEATED,
    is_dateline,
    prose,
)
from build_dataset.clean.lines import _LATIN1_WORDS, OPTIONAL_SPACE_RUN, WORD_RE, Line
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.sections import _BREADCRUMB_SEP

TITLE_MIN_CHARS = 8
TITLE_MAX_CHARS = 300
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


LIST_INDENT = 4
"""w3m indents a list item's continuation and a nested block by this many spaces or more: an indented
line is an item of a list (of teasers, of a menu), not the standfirst printed under a headline."""


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
_IMAGE_CUES = frozenset({"caption", "advertising"})


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


_COMMENTS_QUOTE = re.compile(
    r"(?:\d++|one|two|three|eine?n?|zwei|drei|une?|un[oa])?\s*+"
    r"(?:thoughts?|responses?|comments?|repl(?:y|ies)|gedanken?|kommentare?|antworten|réflexions?|commentaires?"
    r"|réponses?|comentarios?|respuestas?|pensieri|commenti|komentarz[ey]?|комментари(?:й|я|ев)|коментар(?:і|ів)?)"
    r"\s++(?:on|to|zu|auf|sur|à|a|en|para|su|do|к|до)\s++[„“\"«‘‚»]\s*+(?P<title>.*\S)\s*+[“”\"»’‘«]",
    re.IGNORECASE)
r"""A comments' heading that quotes the post's title, as blog software prints it ("3 thoughts on “The
headline”", "Ein Gedanke zu „The headline“", "2 réflexions sur « The headline »", "5 комментариев к «…»").
(Its runs are possessive and the title greedy up to its last non-space: a lazy title before `\s*` took time
quadratic in a gap of w3m's padding.)"""
_QUOTE_ENDS = frozenset("“”\"»’‘«")


def comments_quote(lines: list[Line], start: int) -> str | None:
    """The title a comments' heading below the body's start quotes (`_COMMENTS_QUOTE`), None without one.
    The heading is written by the site's software from the post's title: where the header prints that
    text on a line of its own, that line is the headline. (Only lines ending with a closing quotation
    mark are matched: one test of a character for most lines.)"""
    for ln in lines[start:]:
        body = ln.body
        if body[-1:] in _QUOTE_ENDS:
            m = _COMMENTS_QUOTE.fullmatch(body)
            if m is not None:
                return m.group("title")
    return None

