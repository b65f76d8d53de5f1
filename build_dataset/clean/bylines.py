"""Read the byline: the names of the people or agencies credited with writing the article.

A byline is a few capitalised words per name below the headline ("Jane Roe", "By Jane Roe and John
Doe", "Von ...", "Автор: ..."), or the names after a prefix word inside the dateline ("12 May 2021 by
Jane Roe | 3 Comments"), or a prefixed byline a few lines below the body's start, or one that signs
the article off right by its end ("Autor: Jane Roe", "Text: Jane Roe"). Names with furniture
or common words, a name the photo caption beside it prints, a lower-case handle, a "By" line among
teasers and a bare name that its neighbours show to be a list's item, a button, a heading or a credit,
or that its own line, the lines above it or the page show to be a headline cut at a dash, a subheading
below the body's paragraphs, the story's subject or, in a language that capitalises nouns, an adjective
and a noun (`pseudo_byline`) are refused: an empty `authors` is better than a wrong one. A prefixed
byline below a bare one wins over it (`prefixed_byline_wins`), its prefix on its line or alone above it.
A byline printed one name a line under its prefix or an author box's heading ("By" / "Jane Roe" / "and"
/ "John Doe", "About the author" / "Jane Roe") is read as a prefixed one (`stacked_byline`), in the
header, beside its dateline, below the body's start and at its end; so is the byline inside a dateline
the header read, whatever took the headline's slot (`byline_beside_dateline`), and one opening a long
line of fields (`byline_with_fields`). A handle, an e-mail address, a portrait's mark or an agency's
abbreviation beside the names is no part of them; a name glued to what follows ("Roe/June") is none.
Below the body's start a prefixed byline is read farther down when only furniture lies between
(BYLINE_PAST_FURNITURE: a lead image, its caption, buttons), and an author box far below the article
when its heading is the page's only one (`_author_box`). Beside the dateline a bare name is read past
its copy (`name_above_dateline`), past a first name the stoplist holds (`first_name_above_dateline`)
and below the dateline when its surname is no common word (`not_names`); inside the dateline a bare
name printed as one of its fields is read when no other byline was found (`name_in_dateline`). Where the
dump glued a byline to the dateline's fields ("2.03.2018von Jane Roe", "AuthorJane Roe4 Kommentare",
"Por Jane Roe04 de mayo 2022"), the glue ends the prefix and the name (`_INLINE_PREFIX`, `_HANDLE_DIGITS`).
Where the page prints no prefixed byline naming others (`_other_byline`: copies of the same names are the
article's byline twice), a byline the readers above passed by is read last: among the header's lines above
the body (`_lone_header_byline`), between the last paragraph and the furniture after it
(`_signed_before_furniture`), beside a dateline below the body's start (`_dated_byline_below`), above the
author's archive link (`_byline_with_archive`), or a bare name above the writer's role (`_name_with_role`).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from build_dataset.clean.classify import GOOD, Verdict
from build_dataset.clean.cues import cue_reason
from build_dataset.clean.dates import DATELINE_WORDS, holds_digit, parse_date, publication_date
from build_dataset.clean.features import FEATURES, FURNITURE_WORD
from build_dataset.clean.header_lines import (
    BARE_PREFIX,
    BYLINE_PREFIX,
    REPEATED,
    STANDFIRST_MAX_CHARS,
    STANDFIRST_MIN_CHARS,
    Header,
    header_lines,
    is_dateline,
    prose,
)
from build_dataset.clean.linemodel import load_model
from build_dataset.clean.lines import OPTIONAL_SPACE_RUN, SPACE_RUN, WORD_RE, Line
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.stoplists import language_of

_NAME_SPLIT = re.compile(r"(?=[\s,&Aaueyiитій])" + OPTIONAL_SPACE_RUN
                         + r"(?:,|&|\b[Aa]nd\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b|\bта\b|\bі\b|\bй\b)\s*")
"""What separates the names of a byline: a comma, an ampersand or a joining word, spaces around it. (The
lookahead names every character a separator may start with, spaces and each joiner's first letter, case
kept: a place that starts otherwise is ruled out at the cost of one test, where the twelve joiners would
each be tried.)"""


_NAME_END = re.compile(r"(?:\b(?:Jr|Sr|Jun|Sen)|\s[A-Z])\.$")
"""A byline's last word that ends with a full stop and is no sentence's end: "By Perry Bacon Jr.", "Von
Anna K."."""
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def not_names(ln: Line, names: list[str], *, dated_below: bool = False, dated_above: bool = False,
              under_prefix: bool = False) -> bool:
    """Whether a byline-shaped line's names are not all a person's or an agency's (`_not_a_name`).

    A name printed twice ("Jane Roe Jane Roe") is an image's alt text and its caption as often as a
    byline widget's name and its link: it counts as a byline only with a prefix ("Par Jane Roe Jane
    Roe") or with the dateline right below it (`dated_below`), as a byline's block prints them. Names
    `under_prefix` (its prefix alone on the line above: `under_bare_prefix`) have a prefix too. A bare
    name right above the dateline may hold a common word (a first name: "Marie", "Stefan") when it also
    holds one the vocabulary lacks (a surname) and no compound of common words (a role); on the dev pages
    this gave 3 pages their authors, all right by reading ("FOCUS-Online-Experte Robin Tschöpe" was the
    role's compound). A bare name right below the dateline (`dated_above`) is held to that test too, and
    its last word (the surname) must be one the vocabulary lacks: a brand's desk or product below a date
    ends with a common word ("Emotion Redaktion", "Axios Future"), a person's name rarely does. (On the
    dev pages this gave 3 pages their authors, all right by reading, and refused those two; a right
    "Nathanael Johnson" above a dateline would have been refused, so the dateline below keeps the
    looser test.)"""
    prefixed = under_prefix or bool(BYLINE_PREFIX.match(ln.body))
    if not prefixed and not dated_below and REPEATED.match(_byline_text(ln.body)):
        return True
    if (dated_below or dated_above) and not prefixed:  # the dateline beside says the line is the byline's block
        return any(_not_a_name(n, prefixed=True) or _common_words(n) or any(map(_known_compound, n.split()))
                   or not dated_below and _common_words(n.split()[-1]) for n in names)
    return any(_not_a_name(n, prefixed=prefixed) for n in names)


def name_above_dateline(lines: list[Line], below: list[int], i: int, *, day_first: bool | None) -> bool:
    """Whether the header's line below line `i` (the first of `below`, the header's next lines) is a
    dateline, past a copy of line `i`'s text: a byline's widget prints the name twice, as a link and as
    its text ("Jane Roe" / "Jane Roe" / "June 8, 2015"), and the dateline below says both are the byline's
    block. (On the dev pages the copy gave 1 page its author, right by reading.)"""
    if below and lines[below[0]].body == lines[i].body:
        below = below[1:]
    return bool(below) and is_dateline(lines[below[0]], day_first=day_first)


def first_name_above_dateline(lines: list[Line], below: list[int], i: int, stoplist: frozenset[str], *,
                              day_first: bool | None) -> list[str] | None:
    """The names of a bare byline right above the dateline (`name_above_dateline`) that the page's
    stoplist refused (`byline_names`) for a first name it holds ("Maciej Gajewski" / "05 maja 2021"):
    read when the line model's vocabulary lacks each of the line's stopwords and the names pass a dated
    name's test (`not_names`: a word the vocabulary lacks, no furniture word, no role's compound). The
    stoplists hold common first names, and the vocabulary the words seen on many sites: a stopword it
    holds is a function word or a noun, a field's label ("Ort Saarbrücken" / "Datum 28.01.2022", a press
    release's place). (On the dev pages this gave 1 page its author, right by reading; the label was
    refused.)"""
    if not _first_names_only(lines[i], lines, stoplist) \
            or not name_above_dateline(lines, below, i, day_first=day_first):
        return None
    names = byline_names(lines[i], frozenset())
    return names if names and not not_names(lines[i], names, dated_below=True) else None


def first_name_below_dateline(lines: list[Line], i: int, stoplist: frozenset[str]) -> list[str] | None:
    """The names of a bare byline right below the dateline the header read that `byline_names` refused: for a
    first name the page's stoplist holds ("21.02.2023 18:05" / "Олена Петренко", read as
    `first_name_above_dateline` reads one above it), or for the writer's role after a comma ("Иван Петров,
    специальный корреспондент", "Jane Roe, staff writer": `_ROLE`). The names are held to a name below the
    dateline's test (`not_names`: its surname a word the vocabulary lacks). The Ukrainian, Russian and
    Belarusian stoplists hold the common first names ("олена", "иван"), so a byline of these sites printed below
    its date was kept as the body's first line."""
    ln = lines[i]
    text, comma, role = ln.body.partition(",")
    if comma and _ROLE.fullmatch(role.strip()) and len(role.split()) <= ROLE_MAX_WORDS:
        text = text.strip()
    elif comma:
        return None
    words = text.split()
    stopwords = [w for w in words if w.lower() in stoplist]
    if not (stopwords or comma) or not all(_first_name(w, lines) for w in stopwords):
        return None
    names = _byline_names(text, text, len(text), len(words), frozenset(), False)
    return list(names) if names and not not_names(ln, list(names), dated_above=True) else None


def _first_names_only(ln: Line, lines: list[Line], stoplist: frozenset[str]) -> bool:
    """Whether a line holds a stopword and each of them is a first name (`first_name_above_dateline`): the
    line model's vocabulary lacks it, and the page prints it nowhere in lower case (`_printed_lower`). The
    vocabulary, learned on the dev pages, holds the function words of German and English but few of
    Ukrainian, Russian or Belarusian ones; a function word capitalised at a line's start ("За", "На") is
    printed in lower case in the body, a first name is not."""
    stopwords = [w for w in ln.body.split() if w.lower() in stoplist]
    return bool(stopwords) and all(_first_name(w, lines) for w in stopwords)


def _first_name(word: str, lines: list[Line]) -> bool:
    """Whether a stopword of the page is a first name (`_first_names_only`): the line model's vocabulary lacks
    it, and the page prints it nowhere in lower case."""
    return word.lower() not in _vocabulary() and not _printed_lower(lines, word)


def person_name(ln: Line, stoplist: frozenset[str]) -> bool:
    """Whether a line is one person's name ("Michał Kolanko"): a bare byline's shape, read without the page's
    stoplist, which holds common first names; a stopword the line model's vocabulary holds is a function
    word ("Ein Albtraum"), and the line no name. (A byline widget prints the name twice, as a link and as
    its text, right above the body, where the header reader trusts a headline printed again.)"""
    names = byline_names(ln, frozenset())
    if names is None or len(names) != 1:
        return False
    vocabulary = _vocabulary()
    return not any(w in vocabulary for w in ln.body.lower().split() if w in stoplist)


def _known_compound(word: str) -> bool:
    """Whether a hyphenated word is made of common words only: a role or a desk ("FOCUS-Online-Experte",
    "Online-Redaktion"), not a double name ("Schmoll-Trautmann")."""
    parts = word.lower().split("-")
    return len(parts) > 1 and all(p in _vocabulary() for p in parts)


NAMED_AGAIN_MAX_CHARS = 160
"""Longest byline that is read for its names printed twice (`REPEATED`) or again after a prefix
(`_named_again`): twice a byline's names (`_byline_names` takes 80 characters at most), so that a line of
fields or of long gaps is not read again from each of its words (REPEATED reads a line once per length)."""


def _byline_text(body: str) -> str:
    """The part of a byline-shaped line that holds the names: after the prefix and the author's portrait
    (`_AVATAR`), in the first copy of a byline printed twice, before the next field (`_FIELD_AFTER`) or the
    names printed again (`_named_again`), before a separator or a gap of spaces (the next field printed beside
    it: "Text von Jane Roe     Illustration von John Doe"), with no handle or e-mail address (`_CONTACT`)."""
    m = BYLINE_PREFIX.match(body)
    # the byline printed twice, glued ("Author: Jane RoeAuthor: Jane Roe")
    twice = REPEATED.match(body) if m and len(body) <= NAMED_AGAIN_MAX_CHARS and body.find(body[:4], 4) > 0 else None
    if twice:
        m = BYLINE_PREFIX.match(twice.group("x")) or m
    text = _glued_role(_FIELD_AFTER.split(_OUTLET.split(_AVATAR.sub("", m.group("names")))[0])[0]) if m else body
    if m and len(text) <= NAMED_AGAIN_MAX_CHARS:
        text = _named_again(text) or text
    return _without_contact(_NAMES_END.split(text)[0], "").strip(" ,;:")


def _named_again(text: str) -> str | None:
    """The names a prefixed byline's text opens with when it ends with a prefix and the same names: the dump
    glued a link to the author's page or feed to the byline ("Jane RoeRSS-Newsfeed neuer Artikel von Jane
    Roe", "Jane Roe Twitter Account von Jane Roe"); None when it does not."""
    at = 0
    while (at := text.find(" ", at) + 1) > 0:
        if text[at:at + 1].isspace():
            continue
        again = BYLINE_PREFIX.match(text[at:])  # (its "^" holds at a string's start only)
        if again is not None and len(names := again.group("names").strip()) > 3 and text.startswith(names):
            return names
    return None


_FIELD_AFTER = re.compile(r",\s*[^\W\d_]+\s*:\s|:\s|/(?=\s*[^\W\d_]*\.?\s*\d)")
"""Where a prefixed byline's names end in the next field the dump printed beside them: a label and its colon
("Author: Jane Roe, Datum: 03.03.19", "von Jane Roe: Foto: © Agency") or a date after a slash ("By Jane
Roe/June 12, 2020 9:49 am"). No name holds a colon, nor a slash before a date. (A bare name before a colon
is a speaker or a headline's subject, "Jane Roe: Wir schaffen das", so only a prefixed byline is cut.)"""


_GLUED_ROLE = re.compile(r"(?<=[a-zß-ÿ]{3})(?=[A-ZÀ-Þ][a-zß-ÿ]+(?:\s+[A-ZÀ-Þ][a-zß-ÿ]+)+$)")
"""Where a capitalised phrase is glued to the name before it, running to the line's end: a role the page
printed in an element of its own ("Jane RoeStaff Writer")."""


def _glued_role(text: str) -> str:
    """A prefixed byline's text without the role the dump glued to the name (`_GLUED_ROLE`), when the role's
    words are all common words ("Staff Writer", "Senior Reporter"): a surname's capital inside it
    ("McDonald", "DeSantis") follows fewer letters, and a surname is seldom a common word."""
    m = _GLUED_ROLE.search(text)
    return text[:m.start()] if m and _common_words(text[m.start():]) else text


_NAMES_END = re.compile(rf"{SPACE_RUN}(?:(?:[|·•]|-|–)\s+|(?<=\s\s\s))")
r"""Where a byline's names end (`_byline_text` keeps the text before it): one of `_CUT`'s separators, or a gap of
three spaces or more (the next field printed beside the names). The whole run of spaces is taken, from its
first character (`SPACE_RUN`), and the gap is told by the three characters before the run's end."""


_OUTLET = re.compile(SPACE_RUN + r"[Ff]or\s+(?=[^\W\d_])")
"""Where a prefixed byline's names end in the outlet they wrote for ("By Jane Roe And John Doe For The
Mail On Sunday", "By Jane Roe for Agency"): the outlet is no author. (A title-case byline capitalises
its joiner too: `_NAME_SPLIT` splits at "And".)"""


_AVATAR = re.compile(r"^\[[^\]\s]*\]\s+")
"""A w3m image mark between a byline's prefix and the names: the author's portrait ("Von [ef7] Jane Roe")."""


_CONTACT = re.compile(r"(?<=\w)@\w+(?![.\w-])|" + SPACE_RUN + r"[a-z0-9][\w.+-]*@[\w-]+(?:\.[\w-]+)+")
"""An author's handle glued to the name ("By Jane Roe@JaneRoe") or an e-mail address after it ("Por
Juana Pérez jperez@example.com"): the byline's contact, not a part of the name. An address glued to the
name ("Juana Pérez Ruizjuana.perez@...") starts with a capital and is left: the name's end is unknown."""


def _without_contact(text: str, by: str) -> str:
    """`text` with its handles and e-mail addresses (`_CONTACT`) replaced by `by`. Both hold an "@", which
    most lines do not: asked first, it spares them the search."""
    return _CONTACT.sub(by, text) if "@" in text else text


_SLASH_AGENCY = re.compile(r"(?<=[^\W\d_])/(?:[A-Z]{2,5}|[a-z]{2,4})(?:-[A-Z0-9]{1,3})?$")
"""A news agency's abbreviation glued to a prefixed byline's name by a slash ("Von Jane Roe/dpa", "Autor:"
/ "Jane Roe/SP-X"): no part of the name. (A bare name so glued is a photo's credit as often: it is left.
A month after the slash, "Jane Roe/June 12", has lower-case letters after its capital.)"""


DOTTED_BYLINE_WORDS = 4
"""How many words a prefixed byline ending with a full stop has at most ("By Jane Roe.", "Von Jane Roe
und John Doe." is too long): a sentence opening with "By" or "Von" is longer."""


def byline_names(ln: Line, stoplist: frozenset[str], *, under_prefix: bool = False) -> list[str] | None:
    """Author names if the line has a byline's shape ("By A and B", or just "Firstname Lastname").

    Shape only: such a line is header whether or not its names are real (`not_names`; one whose names are
    refused is removed under its own reason, `Header.unnamed`). A name printed twice, glued or spaced, is
    read once. Names `under_prefix` (its prefix alone on the line above:
    "By" / "James Roe") are read as a prefixed byline's: the page's stoplist holds common first names.
    A prefixed line may be long when its names are short (`_byline_text`: "Posted by Jane Roe, John Doe
    and Jan Kowalski - the Example Team"), and may end with a full stop when short (`DOTTED_BYLINE_WORDS`:
    "By Jane Roe."). (Read once for a line's text and shape: `_byline_names`.)"""
    names = _byline_names(ln.text, ln.body, ln.length, ln.words, stoplist, under_prefix)
    return None if names is None else list(names)


@lru_cache(maxsize=4096)
def _byline_names(line_text: str, body: str, length: int, words: int, stoplist: frozenset[str],
                  under_prefix: bool) -> tuple[str, ...] | None:
    """`byline_names` of a line of this text, body, length and word count, cached as `cue_reason` is: a
    page's header readings ask of the same lines again (4 asks in 9 on the dev pages), and a site's pages
    print the same lines. The names come as a tuple, which no caller can change in the cache."""
    if body[-1:] in ("!", "?") or length > 80 and not BYLINE_PREFIX.match(body):
        return None
    prefixed = under_prefix or bool(BYLINE_PREFIX.match(body))
    text = _byline_text(body)
    if len(text) > 80:
        return None
    dotted = prefixed and body[-1:] == "." and not _NAME_END.search(body) and words <= DOTTED_BYLINE_WORDS
    if body[-1:] == "." and not (prefixed and _NAME_END.search(body) or dotted):
        return None  # a sentence, unless a prefixed byline ends with a name's suffix or initial
    if dotted:
        text = text.removesuffix(".")
    if prefixed:
        text = _SLASH_AGENCY.sub("", text)
    # most lines without a prefix hold a stopword: told before the names are split out
    if not prefixed and any(w.lower() in stoplist for w in text.split()):
        return None
    repeated = REPEATED.match(text)
    names = _split_names(repeated.group("x") if repeated else text, prefixed=prefixed)
    if names is None:
        return None
    if not prefixed and (cue_reason(line_text) or len(names) > 1 and "," not in text):
        return None
    return tuple(names)


def _split_names(text: str, *, prefixed: bool) -> list[str] | None:
    """The names of a byline's text, each one to four capitalised words (two or more without a prefix:
    a single capitalised word is any menu item; with one, a surname's particles in lower case between
    them, `_inner_particle`); None when a part has no name's shape."""
    names = [n.strip() for n in _NAME_SPLIT.split(text) if n.strip()]
    # a short word after the first name is a degree or a suffix ("Jane Roe, PhD", "John Doe, Jr."), or,
    # after a comma at the end, an agency's abbreviation ("Von Jane Roe, dpa", "By Jane Roe, CNN"), or an
    # outlet, a role or a place that opens with a digit or a word in lower case ("By Jane Roe, 7 News
    # Example", "Par Jane Roe, envoyée spéciale à Kiev"): no name starts so
    agency = prefixed and len(names) > 1 and text.rstrip().endswith(", " + names[-1]) and (
        _AGENCY.fullmatch(names[-1]) is not None or not names[-1][:1].isupper())
    names = names[:1] + [n for n in names[1:-1 if agency else None] if not _degree(n)]
    if not names:
        return None
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 4 or not all(_NAME_WORD.match(w) and (w[0].isupper() or prefixed and
                                                                        _inner_particle(words, k))
                                               for k, w in enumerate(words)):
            return None
        if not prefixed and len(words) < 2:
            return None
    return names


NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "van", "von",
                            "der", "den", "ter", "ten", "zu"})
"""Lower-case words inside a surname ("Jose de la Cruz", "Justus von Daniels", "Rafael van der Vaart")."""


def _inner_particle(words: list[str], k: int) -> bool:
    """Whether word `k` of a name is a particle between its first and last word, both capitalised."""
    return 0 < k < len(words) - 1 and words[k] in NAME_PARTICLES and words[-1][0].isupper()


_AGENCY = re.compile(r"[a-z]{2,4}|[A-Z]{2,4}")
"""A news agency's or an outlet's abbreviation after the writer's name, in lower case as German-language
pages print it ("dpa", "afp", "apa", "kna") or in capitals ("By Jane Roe, CNN", "Von Jane Roe und John Doe,
NDR"): the outlet the writers write for, no writer, and the names stand without it. (On the dev pages the
lower case gave one page its author, right; the capitals one more, and took "NDR" off one list of names.)"""


DEGREE_MAX_CHARS = 4
"""A degree or a suffix after a name is this short ("PhD", "M.D.", "Jr.")."""


def _degree(part: str) -> bool:
    """Whether a part of a list of names is a degree or a suffix ("Jane Roe, PhD", "John Doe, Jr."):
    one short word with a dot or a capital inside. An agency's capitals ("AFP", "CNN") are a name."""
    return " " not in part and len(part) <= DEGREE_MAX_CHARS and ("." in part or (
        any(c.islower() for c in part) and any(c.isupper() for c in part[1:])))


_INLINE_PREFIX = re.compile(
    r"(?:^|(?<=[\s|·•,;(\d]))(?:(?:by|von|par|por|door|av|af|autor(?:in)?|author|auteur|posted by|written by|"
    r"автор|аўтар)\s*:?\s+(?=[^\W\d_])|(?:von|autor|author)(?=(?-i:[A-ZÀ-Þ][a-zà-ÿ])))",
    re.IGNORECASE,
)
"""A byline's prefix word inside a line of header fields ("12/04/2020 by Jane Roe 24 Comments",
"por Jane Roe 4 mayo, 2022", "Published 3 May 2021 | Author: Jane Roe | News"), also where the dump
glued it to the date before it ("2.03.2018von Jane Roe") or glued "von" or "Author" to the name after
it ("Veröffentlicht vonJane Roe 28. Februar 2016", "28. Juli 2019AuthorJane Roe4 Kommentare"): the page
printed them as separate elements."""


_HANDLE_DIGITS = re.compile(r"\d+[^\W\d_]")
"""Digits inside a word ("Bo2man"): a handle's. Digits glued to a name and followed by a space or a
date's punctuation ("Jane Roe04 de mayo 2022", "Jane Roe4 Kommentare") are the next field's, glued by
the dump: the name ends before them."""


_FIELD_END = re.compile(rf"{SPACE_RUN}[|·•/–—-]\s+|{OPTIONAL_SPACE_RUN}[|·•()\[\]]|\d")
"""Where a name ends in a line of fields: a separator, a bracket or a digit (a date, a count)."""


def dateline_names(text: str) -> list[str] | None:
    """Author names a dateline holds after a byline's prefix word ("8 March 2020 · by Jane Roe · in
    News"): the capitalised words that follow it, up to a separator, a digit, a lower-case word or a
    capitalised preposition ("by Jane Roe in News", "By Jane Roe On 12 May", `_AFTER_NAME`), a field's
    label ("Categories:") or a month's name ("by Jane Roe March 5, 2020"), or a dateline's label ("by Jane
    Roe Last updated Nov 8"). A "von" inside a name is no prefix (`_particle`), and a capitalised word
    glued to what follows ("Roe/June") leaves the name's end unknown: no names."""
    m = next((m for m in _INLINE_PREFIX.finditer(text) if not _particle(text, m)), None)
    if m is None:
        return None
    words: list[str] = []
    rest = _without_contact(text[m.end():], " ")
    field = _FIELD_END.split(rest, maxsplit=1)[0]
    after = rest[len(field):].lstrip()  # what follows the field: a digit opens a date
    candidates = field.split()
    if field[-1:].isalpha() and rest[len(field):][:1].isdigit() and (
            _HANDLE_DIGITS.match(rest[len(field):]) or len(candidates) < 2 or _CAMEL.search(candidates[-1])):
        return None  # a digit inside a word ("Bo2man am 29.12.2010"): a handle, its end unknown
    for n, w in enumerate(candidates):
        if w.lower() in _NAME_JOINERS or w in ("&", ","):
            words.append(w)
            continue
        core = w.rstrip(",;")
        if core[:1].isupper() and not _NAME_WORD.match(core.rstrip(":")):
            return None  # a name glued to the next field ("by Jane Roe/June 12, 2020"): its end is unknown
        if not (_NAME_WORD.match(core) and core[0].isupper()) or core.lower() in _AFTER_NAME \
                or DATELINE_WORDS.match(" ".join(candidates[n:])) or _month_of_date(core, candidates[n + 1:], after):
            break
        words.append(w)
        if core != w and not w.endswith(","):  # a semicolon ends the names; a comma may list more
            break
    while words and (words[-1].lower() in _NAME_JOINERS or words[-1] in ("&", ",")):
        words.pop()
    if not words:
        return None
    names = _split_names(" ".join(words).strip(" ,;:"), prefixed=True)
    if names is None or any(_not_a_name(n, prefixed=True) for n in names):
        return None
    if (not m.group()[-1:].isspace() or text[:m.start()][-1:].isdigit()) and any(map(_common_words, names)):
        return None  # a prefix glued to its neighbour names a person: not a desk ("2022Author Redaktion")
    return names[:1] + [n for n in names[1:] if not _role(n)]


def _role(part: str) -> bool:
    """Whether a part after a byline's first name is the author's role or place, not another author: one
    word of common words ("von Jane Roe, Online-Redaktion", "Von Jane Roe, Berlin"). A second author's
    name has two words or more, an agency's a word the vocabulary lacks."""
    return " " not in part and _common_words(part)


_PREFIX_PARTICLES = frozenset({"von", "af", "av"})
"""Prefix words that are also the particle of a noble name ("Christoph von Ritter", "Ebba af Ekenstam")."""


def _particle(text: str, m: re.Match[str]) -> bool:
    """Whether the prefix word `m` found in a line of fields is a name's particle: a field of the shape
    "Firstname von Surname" ("Christoph von Ritter 24. April 2020", where a byline would read "Ritter"),
    one capitalised word that is no dateline's label before it, one after it. ("Ein Artikel von Jane
    Roe", "Veröffentlicht von Jane", "Beitrag von Jane Roe" hold the prefix.)"""
    before = _FIELD_SEP.split(text[:m.start()])[-1].split()
    after = text[m.end():].split()
    return m.group().split()[0].lower() in _PREFIX_PARTICLES and len(before) == 1 \
        and _NAME_WORD.match(before[0]) is not None and before[0][0].isupper() \
        and DATELINE_WORDS.fullmatch(before[0]) is None and (len(after) < 2 or not after[1][:1].isupper())


_FIELD_SEP = re.compile(r"[|·•,;]")
"""What separates the fields of a dateline."""


def byline_with_fields(ln: Line, *, day_first: bool | None) -> list[str] | None:
    """The names of a line that opens with a byline's prefix and goes on with the dateline's fields
    ("von Jane Roe Erstellt am 01.01.23 um 08:35, geändert am ...", too many words for a dateline): the
    names after the prefix (`dateline_names`) when the line states a publication date, each holding a
    word the vocabulary lacks (a heading "Von Kopf bis Fuß" holds common words and no date). (On the dev
    pages it gave 2 pages their authors, both right: "Sonia Mevißen", and "Ela" of "By Ela on 31. October,
    2023 | 18 Comments. This post may contain affiliate links", the blog's author by her short name.)"""
    if not BYLINE_PREFIX.match(ln.body) or publication_date(ln.body, day_first=day_first) is None:
        return None
    names = dateline_names(ln.body)
    return names if names and not any(map(_common_words, names)) else None


def _month_of_date(word: str, following: list[str], after: str) -> bool:
    """Whether a capitalised word after a byline's name is the month of a date ("by Jane Roe March 5,
    2020"): a month's name followed by a number. First names are months too ("Von Jan Kupitz | Oct 24",
    "By April Lee"): followed by a surname, they are the name. (The date tried is the word between two
    numbers, which no page's order of slashed dates changes: `day_first` is None.)"""
    if parse_date(f"1 {word} 2000", day_first=None) is None:
        return False
    nxt = following[0] if following else after
    return not nxt or nxt[:1].isdigit()


_AFTER_NAME = frozenset({"on", "in", "at", "am", "um", "im", "vom", "le", "la", "el", "en", "em", "il", "op", "dans"})
"""Prepositions and articles that, capitalised, follow a byline's name in a line of fields ("By Jane
Roe On 12 May 2021", "von Jane Roe In News", "Von Jane Roe Vom 3. Februar 2022"): they open the next
field, not a surname. (The page's
stoplist cannot say so: it holds common first names too.)"""


_NAME_JOINERS = frozenset({"and", "und", "et", "y", "e", "i", "и", "та", "і", "й"})
"""The words `_NAME_SPLIT` splits a list of names at."""


BYLINE_BELOW = 6
"""How many lines below the body's first line a prefixed byline is still read ("By Jane Roe"): a
standfirst, a lead image and its caption may come before the byline, and the first of them is then
taken for the body's start. Farther down a "By" line is a teaser's or a comment's."""


BYLINE_PAST_FURNITURE = 12
"""How many lines below the body's first line a prefixed byline is read when no paragraph lies between
(`_paragraph`): a lead image's mark, its alt text and caption, share buttons, a reading time and the
dateline may fill the lines above the byline's block ("Lesezeit: 1 Min." / "In Pocket speichern" / ... /
"Von" / "Jane Roe", 10 lines down). A paragraph between says the body has begun, and a "By" line below it
is a teaser's."""


def byline_below(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str]) -> int | None:
    """The line right below the body's start that is a prefixed byline with real names ("By Jane Roe",
    "Von Jane Roe", or "Auteur" above "Jane Roe": `_prefixed`), if there is exactly one such line in twice
    the distance (BYLINE_BELOW, or BYLINE_PAST_FURNITURE below the body's first line when no paragraph
    lies between): a list of teasers prints a byline under each of its headlines, and then none of them
    is the article's. (The farther reach gave 2 dev pages their authors, both right by reading: a byline
    below a lead image, its caption, the date and a magazine's name, one below an image's marks, its
    caption printed twice and the author's name printed bare.) A line with a date holds its names before
    the date's fields (`_signed_names`: "Por Jane Roe04 de mayo 2022 a las 09:01 hrs.", 1 dev page, right)."""
    found = None
    reach = BYLINE_BELOW
    through_paragraph = False  # a paragraph lies between the body's first line and this one
    seen = 0
    for i in range(start, len(lines)):
        if not lines[i].text:
            continue
        seen += 1
        if seen > 2 * reach or found is None and seen > BYLINE_PAST_FURNITURE:
            break
        ln = lines[i]
        if not is_prefixed(lines, i) or verdicts[i].cue == "caption":
            through_paragraph = through_paragraph or i > start and _paragraph(ln, verdicts[i])
            continue
        under = under_bare_prefix(lines, i)
        names = byline_names(ln, stoplist, under_prefix=under) if under else _signed_names(ln, stoplist)
        if not names:
            through_paragraph = through_paragraph or i > start and _paragraph(ln, verdicts[i])
            continue
        if found is not None:
            return None
        far = seen > BYLINE_BELOW
        if (not far or not through_paragraph) and (stacked_byline(lines, i, stoplist)[0] if under
                                                   else real_prefixed_names(ln, names)):
            found = i
            reach = BYLINE_PAST_FURNITURE if far else BYLINE_BELOW
        else:
            return None
    return found


def _paragraph(ln: Line, verdict: Verdict) -> bool:
    """Whether a line is a paragraph of the body: prose of a standfirst's length or more that the line
    model keeps, no caption."""
    return verdict.cls == GOOD and verdict.cue != "caption" and prose(ln) and ln.length >= STANDFIRST_MIN_CHARS


def is_prefixed(lines: list[Line], i: int) -> bool:
    """Whether line `i` is a prefixed byline: the prefix on the line ("By Jane Roe"), or alone on the
    line above it ("Auteur" / "Jane Roe": `under_bare_prefix`)."""
    return bool(BYLINE_PREFIX.match(lines[i].body)) or under_bare_prefix(lines, i)


def under_bare_prefix(lines: list[Line], i: int) -> bool:
    """Whether a byline's prefix stands alone on the non-blank line above line `i` ("By" / "Jane Roe",
    "Von:" / "Jane Roe", "Autor" / "Jane Roe", `_bare_prefix_above`), and line `i` has none of its own."""
    return _bare_prefix_above(lines, i) is not None and not BYLINE_PREFIX.match(lines[i].body)


def _bare_prefix_above(lines: list[Line], i: int) -> int | None:
    """The line above line `i` that is a byline's prefix alone, past blank lines and an image's mark (an
    author box's portrait between its heading and the name: "About the author" / "[portrait]" / "Jane
    Roe"); None when the nearest such line is no prefix."""
    j = i - 1
    while j >= 0 and (not lines[j].text or lines[j].markup):
        j -= 1
    return j if j >= 0 and BARE_PREFIX.match(lines[j].body) else None


def real_prefixed_names(ln: Line, names: list[str], *, under_prefix: bool = False) -> bool:
    """Whether a prefixed byline's names are real (`not_names`) and no heading's common words
    (`_common_words`: "Von Risiken und Nebenwirkungen")."""
    return not not_names(ln, names, under_prefix=under_prefix) and not any(map(_common_words, names))


_HANDLE = re.compile(r"^@\w+$")
"""An author's social media handle printed on a line of its own in a byline's block ("@janeroe")."""


def stacked_byline(lines: list[Line], i: int, stoplist: frozenset[str]) -> tuple[list[str], list[int]]:
    """The names of a byline printed one name a line under its prefix, which stands alone on the line
    above line `i` ("By" / "Jane Roe" / "and" / "John Doe", "By" / "Jane Roe" / "@janeroe" / "John Doe"),
    and the lines they take (the prefix and the authors' handles included); none when line `i` has no
    such prefix or no real names.

    A page's layout puts the prefix, each name and each joiner in an element of its own, and the dump
    prints each on its own line. The prefix says the names are a byline, so they are read as a prefixed
    byline's (`byline_names`: "James", "April" are stopwords), with no furniture word or function word
    (`_names_under_prefix`). A name below the first counts only after a joiner ("and", "&") or the first
    author's handle. Some name must hold a word the line model's vocabulary lacks (`_common_words`), and
    so must each one after a handle: under "Von" or "Autor" a line of common words is a heading or a role
    ("Redaktion", "Senior Reporter"), and a first name alone is not told from one; after a joiner, a
    name of common words ("David Brand") is the list's as the other's is. (On the dev pages such bylines
    gave 8 pages their authors, all right by reading: 2 in the header's byline slot, 3 beside the
    dateline, 3 signing the article off; "By" / "The Planetary Press", a site's own account above the
    writer's "Written by" line, is refused by its lower-case "the", and "Von" / "Presse Augsburg",
    labelled wrong, by the page's copyright notice.)"""
    prefix = _bare_prefix_above(lines, i)
    names = _names_under_prefix(lines, i, stoplist) if under_bare_prefix(lines, i) else None
    if prefix is None or not names:
        return [], []
    used = [prefix, i]
    real = not any(map(_common_words, names))
    while below := _nearest(lines, used[-1], 1, 2):
        link = below[0]
        joined = lines[link].body.lower() in _NAME_JOINERS | {"&", ","}
        handle = _HANDLE.match(lines[link].body) is not None
        more = _names_under_prefix(lines, below[1], stoplist) if len(below) == 2 and (joined or handle) else None
        if not more or handle and any(map(_common_words, more)):
            if handle:
                used.append(link)  # the last author's handle
            break
        names += [n for n in more if n not in names]
        used += below
        real = real or not any(map(_common_words, more))
    return (names, used) if real else ([], [])


STACK_LINES = 7
"""How many lines a byline printed one name a line takes at most: its prefix and three names, with a
joiner or a handle between each two."""


def _stack_taking(lines: list[Line], i: int, stoplist: frozenset[str]) -> tuple[list[str], list[int]]:
    """The byline printed one name a line (`stacked_byline`) that line `i` is part of: its prefix, a
    name, a joiner or a handle; none when line `i` is part of no such byline."""
    for j in (i, *_nearest(lines, i, -1, STACK_LINES - 1)):
        if under_bare_prefix(lines, j) or BARE_PREFIX.match(lines[j].body):
            first = _nearest(lines, j, 1, 1) if BARE_PREFIX.match(lines[j].body) else [j]
            names, taken = stacked_byline(lines, first[0], stoplist) if first else ([], [])
            return (names, taken) if i in taken else ([], [])
    return [], []


def _names_under_prefix(lines: list[Line], i: int, stoplist: frozenset[str]) -> list[str] | None:
    """Line `i`'s names read as a prefixed byline's (`byline_names`), when they hold no furniture word
    (`not_names`) and no function word (`_function_word`), and the page's copyright notice holds none of
    them (`_copyright_holder`)."""
    names = byline_names(lines[i], stoplist, under_prefix=True)
    if not names or not_names(lines[i], names, under_prefix=True) \
            or any(_function_word(lines, w, stoplist) for n in names for w in n.split()) \
            or any(_copyright_holder(lines, n) for n in names):
        return None
    return names


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
"""A copyright notice's mark."""


def _copyright_holder(lines: list[Line], name: str) -> bool:
    """Whether a line of the page with a copyright mark holds the name ("© Presse Augsburg Medien GmbH"
    below "Von" / "Presse Augsburg"): the site's own account, which a hand label of the first sample
    read as no author. (Bylines with the prefix on their line that name a copyright's holder were kept
    as they are: most of them are an outlet's or a blog's own writer, labelled right.)"""
    return any(name in ln.body and _COPYRIGHT.search(ln.body) for ln in lines if ln.text)


def _function_word(lines: list[Line], word: str, stoplist: frozenset[str]) -> bool:
    """Whether a capitalised word of a name is a function word: a stopword the page also prints in lower
    case ("The" of "The Planetary Press", a site's own account, where the page says "the"). The English
    stoplist holds first names too ("James", "April", "David"), which a page prints capitalised only."""
    low = word.lower()
    return low in stoplist and _printed_word(lines, low)


def _common_words(name: str) -> bool:
    """Whether every word of a name is in the line model's vocabulary: "Von Risiken und Nebenwirkungen"
    is a heading, while a person's name has a surname the vocabulary rarely holds. (Below the body's
    start a prefix is the only sign of a byline, so the name's words must add one.)"""
    vocabulary = _vocabulary()
    return all(w in vocabulary for w in WORD_RE.findall(name.lower()))


_WIRE_BRACKETS = re.compile(r"^(?P<place>[^()\n]{2,60}?)\s?\((?P<agency>[^()\n]{2,24})\)\s*[-–—]\s")
_WIRE_SLASHES = re.compile(r"^(?P<place>[^()/\n]{2,60}?)\s/(?P<agency>[^/\n]{2,24})/\s*[.:–—-]?\s")
"""A news agency's dateline opening an article: the place, a date after a comma, then the agency in brackets
and a dash ("LOS ANGELES (Reuters) - ", "Hamburg (dpa/lno) – ") or between slashes ("МОСКВА, 7 декабря. /ТАСС/. ")."""
WIRE_AGENCIES = frozenset({
    "reuters", "xinhua", "interfax", "ukrinform", "укрінформ", "укринформ", "belta", "белта", "бэлта", "sputnik",
    "kyodo", "yonhap", "anadolu", "bloomberg", "риа новости", "ria novosti", "уніан", "униан", "unian",
})
"""Agencies whose name is a capitalised word, which a place's name in brackets is too ("Rostow (Russland) - "):
an agency of capitals or of a few lower-case letters (AP, AFP, SID, ТАСС; dpa, epd) is told by its shape."""
_WIRE_PLACE_PARTICLES = frozenset({"de", "del", "la", "le", "am", "an", "im", "upon", "on", "sur"})


def wire_credit(text: str) -> list[str] | None:
    """The agency of a news agency's dateline opening an article's paragraph (`_WIRE_BRACKETS`, `_WIRE_SLASHES`):
    the place is one to five words, each capitalised but a particle ("Palma de Mallorca"), a date after a comma
    ("МОСКВА, 7 декабря."); the agency is one of WIRE_AGENCIES, two to five capitals, or two to four lower-case
    letters with a capital after them at most ("epdÖ"); a regional service after a slash is left out ("dpa/lno"
    gives "dpa"). None when the paragraph opens otherwise: an agency's copy credits it there and nowhere else."""
    m = _WIRE_BRACKETS.match(text) or _WIRE_SLASHES.match(text)
    if m is None:
        return None
    place, _, date = m.group("place").partition(",")
    words = place.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper() or (date and not holds_digit(date)) or any(
            not (w[:1].isupper() or w in _WIRE_PLACE_PARTICLES) or not all(c.isalpha() or c in "-./'’" for c in w)
            for w in words):
        return None
    agency = m.group("agency").strip().split("/")[0].strip()
    lower = agency[:-1] if len(agency) > 2 and agency[-1].isupper() and agency[:-1].islower() else agency
    if agency.lower() in WIRE_AGENCIES or agency.isalpha() and (
            agency.isupper() and 2 <= len(agency) <= 5 or lower.islower() and 2 <= len(lower) <= 4):
        return [agency]
    return None


def read_byline_below(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                       head: Header) -> None:
    """The authors of a prefixed byline just below the body's start (`byline_below`), or else of one
    that signs the article off at its end (`_sign_off`), or else of an author box farther below it
    (`_author_box`); its line is removed as the byline."""
    i = byline_below(lines, verdicts, start, stoplist)
    named = _PageBylines(lines, verdicts, start, stoplist)
    if i is None:
        i = _sign_off(lines, verdicts, start, stoplist, named)
    if i is None:
        i = _author_box(lines, verdicts, start, stoplist, named)
    if i is None:
        i = _signed_before_furniture(lines, verdicts, start, stoplist, named)
    if i is None:
        i = _dated_byline_below(lines, verdicts, start, stoplist, named)
    if i is None:
        i = _lone_header_byline(lines, verdicts, start, stoplist, named)
    if i is None:
        i = _byline_with_archive(lines, verdicts, stoplist, named)
    if i is not None:
        head.authors, taken = _byline_at(lines, i, stoplist)
        head.reasons.update(dict.fromkeys(taken, "byline"))
        return
    role = _name_with_role(lines, verdicts, stoplist, named)
    if role is not None:
        head.authors, taken = role
        head.reasons.update(dict.fromkeys(taken, "byline"))


def byline_beside_dateline(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                           head: Header) -> None:
    """The authors of the byline inside a dateline the header read (`dateline_names`: "By Jane Roe -
    January 10, 2020", when exactly one of its datelines holds one), else of a prefixed byline with
    real names on the line right above or right below the one dateline it read above the body's start,
    when the header gave no authors: a byline's block prints the two together ("By Jane Roe" / "Feb 21,
    2020") whatever the headline rules took for the headline's slot (an alt text, a kicker, a line below
    the block), and the header's loop reads a dateline's byline only below that slot. The byline may be
    printed one name a line under its prefix (`stacked_byline`): the line beside the dateline is then its
    last name or its prefix. (On the dev pages the dateline's byline gave 21 pages their authors, all
    right by reading once "Last updated", "Vom" and a role after a comma ended the names and a "von"
    between two names was read as a particle; the stacked one beside the dateline 3, all right.)"""
    if head.authors:
        return
    held = [names for i, r in sorted(head.reasons.items())
            if r == "dateline" and (names := dateline_names(lines[i].body))]
    if len(held) == 1:  # a byline inside a dateline the header read ("By Jane Roe - January 10, 2020")
        head.authors = held[0]
        return
    dated = [i for i, r in head.reasons.items() if r == "dateline" and i < start]
    if len(dated) != 1:
        return
    for i in (*_nearest(lines, dated[0], -1, 1), *_nearest(lines, dated[0], 1, 1)):
        if i >= start or i in head.reasons or verdicts[i].cue == "caption":
            continue
        stacked, taken = _stack_taking(lines, i, stoplist)
        if stacked and all(k < start and k not in head.reasons for k in taken):
            head.authors = stacked
            head.reasons.update(dict.fromkeys(taken, "byline"))
            return
        if not BYLINE_PREFIX.match(lines[i].body):
            continue
        names = byline_names(lines[i], stoplist)
        if names and real_prefixed_names(lines[i], names):
            head.authors = names
            head.reasons[i] = "byline"
            return


def name_in_dateline(lines: list[Line], stoplist: frozenset[str], head: Header) -> None:
    """The authors of a bare name printed as a field of a dateline the header read ("Jane Roe | 3 May
    2021", `name_field`), when exactly one of its datelines holds one and no other byline was found: a
    prefixed byline below the body's start names the writer where the dateline's name is an editor's
    ("Jane Roe2022-12-07T10:10:52+01:0025. Dezember 2022|" above "Von John Doe")."""
    named = [names for i, r in sorted(head.reasons.items())
             if r == "dateline" and (names := name_field(lines, i, stoplist))]
    if len(named) == 1:
        head.authors = named[0]


_DATE_GLUE = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][^\W\d_]+\.?\s*\d)")
"""Where a capitalised word may be glued to the name before it: a month's name before a date's number
("Jane RoeNovember 6, 2023"); `name_field` splits there only when the word is a month's."""
_FIELD_BREAK = re.compile(rf"{SPACE_RUN}[/–—-]\s+|[|·•,;()]|\d[\d.:/-]*")
"""What ends a field of a dateline: a separator, a bracket or a number (a date, a time, a count), the
number glued to the word before it or not ("Jane Roe3.11.2023")."""
_CAMEL = re.compile(r"[^\W\d_](?<![^\W\d_]{2})[^\W\d_]{3,}[A-Z]|[a-z][A-Z][a-z]+[A-Z]")
"""A word of two glued together ("AvatarJane", "ProfilbildJane"): no name's word. (A surname's
particle glued to its capital is short: "McDonald", "DeSantis", "MacArthur".)"""


def name_field(lines: list[Line], i: int, stoplist: frozenset[str]) -> list[str] | None:
    """The names of a dateline's fields that are a bare name ("Jane Roe | 3 May 2021", "12.05.2021 - Jane Roe", "Jane
    Roe3.11.2023", where the dump glued the name to the date; "Jane Q. Roe, London, John Doe 3.5.2021", two writers
    and a place, gives both): a dateline with no byline prefix prints the authors' names beside the date, as a
    byline's block does. (It gave one field's names alone before session 39, and none for two: the one dev page
    with two, a newspaper's two writers, now has both.) A field holds no stopword of
    the page but a first name (`_first_name`), no dateline's label, no word of two glued together (`_CAMEL`: an
    avatar's alt text glued to the name), no word in capitals (an abbreviation: "NTV Vergleichsrechner Siegel") and
    no word the page prints in lower case (`_printed_lower`: "Aktuelle Meldung"); it passes the test of a bare name
    below a dateline (`not_names`: no furniture word, a surname the line model's vocabulary lacks), no word after
    its first is a common word ("Austrian Federal Chancellery"), and its surname is printed nowhere on the page
    without the rest of the name: a topic's two nouns beside a date ("Ehrenamt Jugendverbände 23.01.2020") are words
    the body prints apart."""
    ln = lines[i]
    if BYLINE_PREFIX.match(ln.body) or _INLINE_PREFIX.search(ln.body):
        return None  # (a prefixed byline's names are read by `dateline_names`)
    text = _without_contact(ln.body, " ")
    text = _DATE_GLUE.sub(lambda m: _month_break(text, m.start()), text)
    found = []
    for field in _FIELD_BREAK.split(text):
        field = field.strip(" .:")
        words = field.split()
        if len(words) < 2 or DATELINE_WORDS.search(field) \
                or any(w.lower() in stoplist and not _first_name(w, lines) for w in words) \
                or any(_CAMEL.search(w) for w in words):
            continue
        names = _split_names(field, prefixed=False)
        if names and not not_names(ln, names, dated_above=True) and not any(
                _surname_apart(lines, n) or any(_common_words(w) and not _initial(w) for w in n.split()[1:])
                for n in names) \
                and not any(w.isupper() and not _initial(w) or _printed_lower(lines, w) for w in words):
            found.append(names)
    return [n for names in found for n in names] if found else None


def _initial(word: str) -> bool:
    """Whether a word is a name's initial ("Q.", "J"): no abbreviation in capitals and no common word, so
    a field holding a middle initial ("Jane Q. Roe") is a name `name_field` must see, or a dateline naming
    two writers ("Jane Q. Roe, London, John Doe 3.5.2021") would give the second alone."""
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


_ADDRESS_MARKS = ("://", "www.", "@")
"""What makes a word of the dump (a run of non-space characters) a URL or an e-mail address."""


def _without_addresses(text: str) -> str:
    """`text` without its URLs and e-mail addresses (the words holding one of `_ADDRESS_MARKS`). (Split, not a
    regex: a pattern opening with a run of non-space characters would try a long run from each of them.)"""
    return " ".join(w for w in text.split() if not any(m in w for m in _ADDRESS_MARKS))


def _printed_lower(lines: list[Line], word: str) -> bool:
    """Whether the page prints a capitalised word in lower case too: an adjective or a common noun
    ("Aktuelle Meldung" where the body says "aktuelle"), not a name. Inside a URL or an e-mail address it
    does not count: addresses print names in lower case ("/author/jane-roe/", "jane.roe@example.org"), and an
    author's page or address is printed beside the byline as often as anywhere."""
    low = word.lower()
    return any(low in ln.body and low in WORD_RE.findall(_without_addresses(ln.body)) for ln in lines if ln.text)


def _printed_word(lines: list[Line], word: str) -> bool:
    """Whether a line of the page holds `word` as a word of its own (`WORD_RE`). A line that holds it is
    tokenised, one without it as a substring is not: tokenising the page's every line took a millisecond."""
    return any(word in ln.body and word in WORD_RE.findall(ln.body) for ln in lines if ln.text)


def _month_break(text: str, k: int) -> str:
    """A separator where a month's name is glued to the word before it (`_DATE_GLUE`), else nothing."""
    word = re.match(r"[^\W\d_]+", text[k:])
    return " | " if word and parse_date(f"1 {word.group()} 2000", day_first=None) else ""


def _surname_apart(lines: list[Line], name: str) -> bool:
    """Whether a line of the page prints a name's last word without the name: the words are a topic's,
    not a person's."""
    last = name.split()[-1]
    pattern = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)")
    return any(last in ln.body and pattern.search(ln.body) and name not in ln.body for ln in lines if ln.text)


def prefixed_byline_wins(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                         below_slot: int | None, head: Header) -> None:
    """The authors of a prefixed byline with real names below a byline slot whose names came with no
    prefix: the one the header holds below the slot (line `below_slot`), else one just below the body's
    start (`byline_below`). Two capitalised words are any label's shape, while a prefix says the line
    credits the writers ("Pressestelle Partei" under the headline, "von Jane Roe, John Doe" three lines
    below it); the same name under both changes nothing."""
    i = below_slot if below_slot is not None else byline_below(lines, verdicts, start, stoplist)
    if i is not None:
        names, taken = _byline_at(lines, i, stoplist)
        head.authors = names or head.authors
        head.reasons.update(dict.fromkeys(taken, "byline"))


def _byline_at(lines: list[Line], i: int, stoplist: frozenset[str]) -> tuple[list[str], list[int]]:
    """The names of the prefixed byline at line `i` and the lines it takes, to be removed as the byline:
    the line, and its prefix when that stands alone on the line above it, with the names, joiners and
    handles printed below it one a line (`stacked_byline`)."""
    names, taken = stacked_byline(lines, i, stoplist)
    if names:
        return names, taken
    above = _bare_prefix_above(lines, i)
    prefix = [] if BYLINE_PREFIX.match(lines[i].body) or above is None else [above]
    return _signed_names(lines[i], stoplist) or [], [*prefix, i]


SIGN_OFF_LINES = 5
"""How many lines from the body's last line a byline that signs the article off may stand ("Autor:
Jane Roe", "Text: Jane Roe", "Auteur : Jane Roe" after the last paragraph, or an author box right
below it). On the dev pages such lines stood one to five lines from it; farther down they were a
teaser's, a comment's or a photo credit's."""


SIGN_OFF_RUN = 3
"""Kept lines in a row that make a run of the article's paragraphs, whose last line a sign-off may follow."""


def _sign_off(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
              named: _PageBylines) -> int | None:
    """A prefixed byline with real names within SIGN_OFF_LINES lines of the body's last line, when it is
    the only prefixed byline below the body's start: a list of teasers or comments prints a "By" line
    under each entry, and then none of them is the article's; the same names printed twice near the end
    ("Text: Jane Roe" / "Autor: Jane Roe") are the article's. A byline past a rail's heading ("Related")
    below the article's paragraphs is a teaser's. (The lines near the end are tried first: most pages have
    no byline there, and the rest of the page is then not read.)"""
    ends = named.ends
    near = sorted({i for end in ends
                   for i in range(max(start + 1, end - SIGN_OFF_LINES), min(len(lines), end + SIGN_OFF_LINES + 1))
                   if _prefixed_names(lines, i, verdicts[i], stoplist)})
    if len({tuple(named.names.get(k) or (k,)) for k in near}) != 1:
        return None  # none, or bylines naming others: a list's (the same names twice: the article's, signed twice)
    i = near[0]
    if not _real_signed(lines, i, stoplist) or _other_byline(named, start + 1, i) \
            or any(verdicts[k].cue == "related" for k in range(min(ends), i)):
        return None  # (past a rail's heading, "Related" / a teaser's title / "By Jane Roe", a teaser's byline)
    return i


def _real_signed(lines: list[Line], i: int, stoplist: frozenset[str]) -> list[str] | None:
    """The names of the prefixed byline at line `i` (its prefix on the line or alone above it) when they
    are real: no furniture word (`not_names`), not common words alone, and, with the prefix on the line,
    no stopword."""
    under = under_bare_prefix(lines, i)
    names = stacked_byline(lines, i, stoplist)[0] if under else _signed_names(lines[i], stoplist) or []
    if not names or not_names(lines[i], names, under_prefix=under) or any(map(_common_words, names)) \
            or not under and any(_phrase_by_stopwords(n, stoplist) for n in names):
        return None  # stopwords make the names a phrase (`_phrase_by_stopwords`: "POR ESO INFORMAR ES"); under a
        # bare prefix one the page prints in lower case does (`stacked_byline`): "Dr.", "Thomas" are stopwords
    return names


def _phrase_by_stopwords(name: str, stoplist: frozenset[str]) -> bool:
    """Whether a prefixed byline's names read as a phrase by their stopwords: a stopword in capitals ("POR ESO
    INFORMAR ES"), or more stopwords than other words. A stopword in title case among fewer other words is
    a name's: jusText's stoplists are a language's most frequent words, first names and surnames among them
    ("Text: Klausmartin Friedrich", "Author: Julia Franz")."""
    words = name.split()
    stops = [w for w in words if w.lower() in stoplist]
    return any(w.isupper() for w in stops) or 2 * len(stops) > len(words)


def _other_byline(named: _PageBylines, lo: int, i: int) -> bool:
    """Whether a line from line `lo` on, other than line `i`, is a prefixed byline (`named`: the page's
    bylines) that names others than line `i` does: a teaser's or a comment's byline, which says the page's
    bylines are a list's. The same names printed again are the article's byline twice (at its head and its
    foot, or a field list of the article printed above and below its teasers: "Author Jane Roe"). (On the
    dev pages the copies gave 1 page its sign-off, right by reading.)"""
    own = named.names.get(i)
    return any(k >= lo and k != i and names != own for k, names in named.names.items())


SHORT_WORDS = 4
"""How many words a bare name's line has at most."""


class _PageBylines:
    """The names of every prefixed byline of a page (`_line_names`), by line: read once, and only when a
    rule asks whether the page prints another byline (most pages are never asked)."""

    def __init__(self, lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str]) -> None:
        self.lines, self.verdicts, self.start, self.stoplist = lines, verdicts, start, stoplist

    @cached_property
    def ends(self) -> set[int]:
        """The body's last lines below line `start` (`_body_ends`), found once a reading for the three rules
        that read near them (`_sign_off`, `_author_box`, `_dated_byline_below`): no rule changes the verdicts."""
        return _body_ends(self.verdicts, self.start)

    @cached_property
    def box_reach(self) -> dict[int, list[int]]:
        """The AUTHOR_BOX_LINES non-blank lines below each of the body's last lines (`ends`), where an author
        box or a dated byline is sought: listed once for both rules (`_author_box`, `_dated_byline_below`)."""
        return {end: _nearest(self.lines, end, 1, AUTHOR_BOX_LINES) for end in self.ends}

    @cached_property
    def shapes(self) -> tuple[list[int], list[int]]:
        """The page's short lines of a bare name's shape and those that may be an author's archive link by
        their end (`short_shapes`): the few that `_name_with_role` and `_byline_with_archive` read further,
        found in one pass (the two rules' own loops over the page's short lines were a fortieth of the cleaner)."""
        return short_shapes(self.lines)

    @cached_property
    def names(self) -> dict[int, list[str]]:
        lines = self.lines
        found = set()
        for k, ln in enumerate(lines):
            if not ln.text:
                continue
            if BYLINE_PREFIX.match(ln.body):
                found.add(k)
            elif BARE_PREFIX.match(ln.body):  # the lines `under_bare_prefix`: marks, then the names' line
                j = k + 1
                while j < len(lines) and (not lines[j].text or lines[j].markup):
                    found.update([j] if lines[j].text else [])
                    j += 1
                found.update([j] if j < len(lines) else [])
        return {k: names for k in sorted(found) if (names := _line_names(lines, k, self.verdicts[k], self.stoplist))}


_END_CUES = frozenset({"comments", "related", "subscribe", "social"})
"""The cues of the furniture that follows an article: its comments, its teasers, a newsletter's form,
share buttons."""


def _signed_before_furniture(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                             named: _PageBylines) -> int | None:
    """A prefixed byline with real names (`_real_signed`) between a paragraph of the body and the furniture
    that follows the article (`_END_CUES`: "... last paragraph." / "Von Jane Roe" / "Newsletter abonnieren",
    "posted by Jane Roe at 12:53" / "Comments (35)"), when the page prints no other byline (`_other_byline`):
    the article signed off where it ends, however many kept teasers or comments follow it, which put the
    body's last line (`_body_ends`) too far down for `_sign_off`. (On the dev pages it gave 2 pages their
    authors, both right by reading.)"""
    texts = [k for k in range(start, len(lines)) if lines[k].text]
    for above, i, below in zip(texts, texts[1:], texts[2:], strict=False):
        if verdicts[below].cue in _END_CUES and _paragraph(lines[above], verdicts[above]) \
                and _byline_line(lines, verdicts, i, stoplist) and _real_signed(lines, i, stoplist) \
                and not _other_byline(named, start + 1, i):
            return i
    return None


def _dated_byline_below(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                        named: _PageBylines) -> int | None:
    """A prefixed byline with real names (`_real_signed`) beside a dateline within AUTHOR_BOX_LINES lines
    below the article's last paragraph (`_body_ends`: "von Jane Roe" / "18.10.2019 16:06 Uhr", "Datum:
    19.11.2021" / "Autor: Jane Roe"), when the page prints no other byline (`_other_byline`): the article's
    byline block printed below it, past its tags and teasers, or the byline below the dateline a misplaced
    body's start left behind. (On the dev pages it gave 5 pages their authors, all right by reading;
    a list's sentence opening with "von" beside a date, "von Wertpapieren ... März 2015).", was refused
    as a sentence, `_byline_line`.)"""
    reach = named.box_reach
    last = max((below or [end])[-1] for end, below in reach.items()) if reach else start
    dated = [j for j in range(start + 1, min(last + 2, len(lines))) if lines[j].dated]  # (a dateline's date)
    beside = sorted({i for j in dated for i in (_unmarked(lines, j, -1), _unmarked(lines, j, 1))
                     if i is not None and start < i <= last and is_prefixed(lines, i)
                     and is_dateline(lines[j], day_first=None)})
    for i in beside:
        if _byline_line(lines, verdicts, i, stoplist) and _real_signed(lines, i, stoplist) \
                and not _other_byline(named, start + 1, i):
            return i
    return None


def _byline_line(lines: list[Line], verdicts: list[Verdict], i: int, stoplist: frozenset[str]) -> bool:
    """Whether line `i` is a prefixed byline (`_prefixed_names`) that is no sentence (a line of more than
    DOTTED_BYLINE_WORDS words that ends like one: "von Wertpapieren des öffentlichen Sektors (PSPP, Start
    März 2015).") and no item of a list (`_list_item`: a menu's "• By Jane"), read where no header or
    paragraph around it says it is a byline."""
    sentence = prose(lines[i]) and lines[i].words > DOTTED_BYLINE_WORDS
    return not sentence and _prefixed_names(lines, i, verdicts[i], stoplist) \
        and not _list_item(lines, i, day_first=None)


def _unmarked(lines: list[Line], i: int, step: int) -> int | None:
    """The nearest non-blank line above (step -1) or below (step 1) line `i` that is no image's or
    bullet's mark alone."""
    j = _neighbour(lines, i, step)
    while j is not None and lines[j].markup:
        j = _neighbour(lines, j, step)
    return j


_ROLE = re.compile(
    r"(?:(?:senior|chief|political|deputy|executive|managing|staff|contributing|freie[rnm]?|stellvertretende[rn]?|"
    r"leitende[rn]?|[\w-]+-|специальн\w*|собственн\w*|спеціальн\w*|власн\w*|спецыяльн\w*|уласн\w*)?\s*)?"
    r"(?:editor|reporter|correspondent|writer|journalist(?:in)?|columnist|contributor|"
    r"chefredakteur(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|kolumnist(?:in)?|volontär(?:in)?|"
    r"periodista|redactor(?:a)?|corresponsal|rédacteur|rédactrice|journaliste|chroniqueu(?:r|se)|giornalista|"
    r"redaktor(?:ka)?|dziennikar(?:z|ka)|"
    r"корреспондент(?:ка)?|журналист(?:ка)?|обозреватель|редактор|колумнист(?:ка)?|"
    r"кореспондент(?:ка)?|журналіст(?:ка)?|оглядач(?:ка)?|редакторка|колумніст(?:ка)?|"
    r"карэспандэнт(?:ка)?|аглядальні(?:к|ца)|рэдактар(?:ка)?)"
    r"(?:\s+(?:[\w&-]+\s+){0,3}[\w&-]+)?",
    re.IGNORECASE,
)
"""A line that is a writer's role ("Political Editor", "Chefredakteur", "Redakteur für Wirtschaft und Umwelt",
"Periodista Judicial", "специальный корреспондент"): a role word, maybe a rank before it and a few words of beat
after it."""


ROLE_MAX_WORDS = 6
"""How many words a writer's role line has at most."""


def _name_with_role(lines: list[Line], verdicts: list[Verdict], stoplist: frozenset[str],
                    named: _PageBylines) -> tuple[list[str], list[int]] | None:
    """A bare name with the writer's role on the line below it ("Jane Roe" / "Political Editor", "Jane Roe" /
    "Redakteur für Wirtschaft und Umwelt"), a byline's block or an author box, when the page prints one
    such name (copies of it aside) and no prefixed byline naming another (`_line_names`). The name must
    pass a dated name's test (`not_names`: no furniture word, a surname the vocabulary lacks), and no
    caption beside it may print it (`caption_name`). (On the dev pages it gave 2 pages their authors, both
    right by reading; a list of speakers, each with a role, has two names and is refused.)"""
    found: list[tuple[list[str], int]] = []
    for i in named.shapes[0]:  # (the lines of a name's shape: most lines have none)
        ln = lines[i]
        j = _unmarked(lines, i, 1)
        if j is None or lines[j].words > ROLE_MAX_WORDS or not _ROLE.fullmatch(lines[j].body):
            continue
        names = byline_names(ln, stoplist)
        if names and not not_names(ln, names, dated_above=True) and not caption_name(lines, verdicts, i, names):
            found.append((names, i))
    if not found or any(names != found[0][0] for names, _ in found):
        return None
    names, i = found[0]
    if any(other != names for other in named.names.values()):
        return None
    return names, [i]


_ARCHIVE = re.compile(r"\W*(?:alle artikel|alle beiträge|view author archive|view all posts|all posts|all articles|"
                      r"full bio|tous les articles|ver más artículos)\W*", re.IGNORECASE)
"""An author's archive link, which an author box prints below the writer's name and note ("Alle Artikel",
"View author archive")."""
_ARCHIVE_ENDINGS = ("artikel", "beiträge", "archive", "posts", "articles", "bio", "artículos")
_ARCHIVE_LAST = frozenset("lLeEsSoO .:»›→>…")
"""The last characters an archive link's line may end with (its last word's, or a mark after it)."""
_ARCHIVE_LAST_CHARS = "".join(sorted(_ARCHIVE_LAST))
_ARCHIVE_STRIP = " .:»›→>…"
"""The marks an archive link's line may end with after its last word."""
ARCHIVE_MAX_WORDS = 3
"""How many words an author's archive link has at most."""


def _byline_with_archive(lines: list[Line], verdicts: list[Verdict], stoplist: frozenset[str],
                         named: _PageBylines) -> int | None:
    """A prefixed byline with real names (`_real_signed`) with the author's archive link (`_ARCHIVE`) on one
    of the two lines below it ("Von Jane Roe" / her note / "Alle Artikel", "By Jane Roe" / "View author
    archive"): an author box, read when the page prints no other byline (`_other_byline`). (On the dev
    pages it gave 2 pages their authors, both right by reading.)"""
    for i in named.shapes[1]:  # (the lines that end as a link does: few short lines do)
        if not _ARCHIVE.fullmatch(lines[i].body):
            continue
        for k in _nearest(lines, i, -1, 2):
            if _byline_line(lines, verdicts, k, stoplist) and _real_signed(lines, k, stoplist) \
                    and not _other_byline(named, 0, k):
                return k
    return None


def short_shapes(lines: list[Line]) -> tuple[list[int], list[int]]:
    """`_short_shapes_python`, in C where the extension was built (`_speedups.short_shapes`)."""
    if speedups is None or not use_speedups:
        return _short_shapes_python(lines)
    names, links = speedups.short_shapes(lines, SHORT_WORDS, _ARCHIVE_LAST_CHARS, _ARCHIVE_STRIP, _ARCHIVE_ENDINGS,
                                         ARCHIVE_MAX_WORDS)
    return names, links


def _short_shapes_python(lines: list[Line]) -> tuple[list[int], list[int]]:
    """Of the page's non-blank lines of SHORT_WORDS words or fewer, those with a bare name's shape (two words
    or more, no bullet, every word capitalised: "Jane Roe", `_name_with_role`) and those that may be an
    author's archive link by their end (ARCHIVE_MAX_WORDS words at most, a last character of `_ARCHIVE_LAST`, and
    the last word one of `_ARCHIVE_ENDINGS`: `_byline_with_archive`)."""
    short = [k for k, ln in enumerate(lines) if ln.text and ln.words <= SHORT_WORDS]
    names = [i for i in short if lines[i].words >= 2 and not lines[i].bullet and lines[i].body[:1].isupper()
             and all(w[:1].isupper() for w in lines[i].body.split())]
    links = [i for i in short if lines[i].words <= ARCHIVE_MAX_WORDS and lines[i].body[-1:] in _ARCHIVE_LAST
             and lines[i].body.lower().rstrip(_ARCHIVE_STRIP).endswith(_ARCHIVE_ENDINGS)]
    return names, links


def _lone_header_byline(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                        named: _PageBylines) -> int | None:
    """A prefixed byline with real names (`_real_signed`) among the header's lines above the body's start
    (HEADER_LINES) that the header's reader passed by, when the page prints no other byline (`_other_byline`):
    a blog's byline line above the headline ("By Jane Roe 10. Februar 2019 in Fashion"), or one above the
    slot the headline's rules took lower down (an alt text, a lead image's credit). It is no list's item and
    no sentence (`_byline_line`: a menu's "• By Jane" links her products), and holds no word in capitals
    (`_CAPITALS`). (On the dev pages it gave 8 pages their authors, all right by reading; "Published by
    BBNTEAM" above a body that opens "By Aaron Humes:" was refused by its capitals, a menu's "• By Pamela"
    and "• Author: Jane Roe" as list items.)"""
    found, bare = None, False  # bare: the line above is a byline's prefix alone (`under_bare_prefix`)
    for k in header_lines(lines, start):
        if lines[k].markup:
            continue
        if (bare or BYLINE_PREFIX.match(lines[k].body)) and _prefixed_names(lines, k, verdicts[k], stoplist):
            found = k
            break
        bare = BARE_PREFIX.match(lines[k].body) is not None
    if found is None or not _byline_line(lines, verdicts, found, stoplist):
        return None
    names = _real_signed(lines, found, stoplist)
    if not names or any(_CAPITALS.fullmatch(w) for n in names for w in n.split()) or _other_byline(named, 0, found):
        return None
    return found


_CAPITALS = re.compile(r"[A-ZÀ-Þ]{3,}")
"""A word in capitals: a team's, a desk's or an agency's abbreviation ("BBNTEAM"), no person's name."""


def _body_ends(verdicts: list[Verdict], start: int) -> set[int]:
    """The body's last kept line, and the last line of its last run of paragraphs (SIGN_OFF_RUN kept
    lines in a row), when a short kept line (a promotion, a notice) follows the article farther down; none
    when the line model keeps no line from line `start` on. (Read from the page's end up: both lines lie
    near it, where the first run's top is found the scan stops; tests/test_clean_header_fast_paths.py
    checks it against the plain reading, the kept lines listed from `start` on.)"""
    last, streak = None, 0  # streak: kept lines in a row from line k up
    for k in range(len(verdicts) - 1, start - 1, -1):
        if verdicts[k].cls != GOOD:
            streak = 0
            continue
        if last is None:
            last = k
        streak += 1
        if streak == SIGN_OFF_RUN:
            return {last, k + SIGN_OFF_RUN - 1}
    return set() if last is None else {last}


_AUTHOR_HEADING = re.compile(r"^(?:autor(?:in|en)?|authors?|auteurs?|about the authors?|"
                             r"über (?:den|die) autor(?:in|en)?(?:\s*/\s*die autorin)?|zu[mr] autor(?:in)?)\s*:?$",
                             re.IGNORECASE)
"""An author box's heading: a word or phrase that names the lines below it the author's ("Autor",
"About the author", "Über die Autorin"), not a preposition alone ("By", "Von") as a teaser prints."""


AUTHOR_BOX_LINES = 30
"""How many lines below the article's last paragraph an author box's heading may stand: tags, share
buttons and their counts, a source's line and a list of teasers may come between."""


def _author_box(lines: list[Line], verdicts: list[Verdict], start: int, stoplist: frozenset[str],
                named: _PageBylines) -> int | None:
    """The names' line of an author box below the article ("About The Author" / portrait / "Jane Roe",
    "Autor" / "Jane Roe") within AUTHOR_BOX_LINES lines of its last paragraph (`_body_ends`), farther down
    than a sign-off (`_sign_off`): its heading is the page's only one (`_AUTHOR_HEADING`: a blog's list
    of authors or a comment's author badge is printed more than once, or under a menu's heading), no
    prefixed byline lies between the body's start and it (another's byline: a teaser's), and its names
    are the box's alone, no list's first item (the line below it has no other name's shape, or one that
    holds the name: "Email Jane Roe"). (On the dev pages it gave 4 pages their authors, all right by
    reading, and on 5 pages that had authors it read the same names; a blog's list of authors under
    "Autoren" and a comment's "Autor" badge, printed on each of the author's replies, were refused.)"""
    near = {k for below in named.box_reach.values() for k in below if _AUTHOR_HEADING.match(lines[k].body)}
    if not near:  # (most pages: the whole page is not read)
        return None
    headings = [k for k in range(len(lines)) if lines[k].text and _AUTHOR_HEADING.match(lines[k].body)]
    if len(headings) != 1 or headings[0] not in near:
        return None
    h = headings[0]
    first = next((k for k in range(h + 1, len(lines)) if lines[k].text and not lines[k].markup), None)
    if first is None:
        return None
    names, taken = stacked_byline(lines, first, stoplist)
    if not names or any(_prefixed_names(lines, k, verdicts[k], stoplist) for k in range(start + 1, h)):
        return None
    after = _nearest(lines, taken[-1], 1, 1)
    other = byline_names(lines[after[0]], frozenset()) if after else None
    return first if not other or all(any(n in o for n in names) for o in other) else None


def _prefixed_names(lines: list[Line], i: int, verdict: Verdict, stoplist: frozenset[str]) -> bool:
    """Whether line `i` is a prefixed byline ("By Jane Roe", "Autor: Jane Roe", "Autor" / "Jane Roe")
    with names' shape, and no caption ("Foto: ...")."""
    return bool(_line_names(lines, i, verdict, stoplist))


def _line_names(lines: list[Line], i: int, verdict: Verdict, stoplist: frozenset[str]) -> list[str] | None:
    """The names of line `i` when it is a prefixed byline with names' shape and no caption
    (`_prefixed_names`)."""
    if verdict.cue == "caption":
        return None
    if BYLINE_PREFIX.match(lines[i].body):  # (asked first: a prefix on the line is no bare one above it)
        return _signed_names(lines[i], stoplist)
    return byline_names(lines[i], stoplist, under_prefix=True) if _bare_prefix_above(lines, i) is not None else None


def _signed_names(ln: Line, stoplist: frozenset[str]) -> list[str] | None:
    """The names of a line with a byline's prefix: the whole rest of the line (`byline_names`), or, on a
    line with a date or a time, the names before the fields that follow them ("Posted by Jane Roe at 5:11
    AM", `dateline_names`). (Without the date or time a sentence opening with "Von" gave its next noun:
    "Von Informationskampagnen über ..."; with it, 2 dev pages gained their blog's sign-off, both right.)"""
    return byline_names(ln, stoplist) or (dateline_names(ln.body) if BYLINE_PREFIX.match(ln.body) and ln.dated
                                          else None)


def caption_name(lines: list[Line], verdicts: list[Verdict], i: int, names: list[str]) -> bool:
    """Whether a name with no prefix is printed in the photo caption or credit right above or below
    it ("Jane Roe" above "Jane Roe at the summit. Photo: Agency"; "Photo by Jane Roe on Stock"): it is
    the picture's subject or its photographer, not the article's author."""
    for j in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)):
        other = lines[j].body if j is not None else ""
        photo = j is not None and (verdicts[j].cue == "caption" or _PHOTO_WORD.search(other))
        if photo and other != lines[i].body and any(n in other for n in names):
            return True
    return False


def pseudo_byline(lines: list[Line], i: int, *, day_first: bool | None, verdicts: list[Verdict] | None = None,
                  headline: int | None = None, stoplist: frozenset[str] = frozenset()) -> bool:
    """Whether a line of a byline's shape with no prefix is known by what stands beside it to be no
    byline: an item of a list (`_list_item`: a menu's link, an icon's alt text among share buttons), a
    heading the next line opens with as its label (`_label_of_next`: "Radical Dips" above "Radical Dips:
    six flavours ..."), a credit's name under its label (`_credit_below_label`: "©", "Verified by"), a
    rubric a breadcrumb above prints as one of its parts (`_breadcrumb_part`), a headline's words cut at
    a dash whose rest is a phrase (`_cut_from_phrase`), a subheading below the body's paragraphs
    (`_below_paragraphs`, read from line `headline`, the first headline's, with the lines' `verdicts`) or an
    adjective and a noun in
    a language that capitalises nouns (`_adjective_and_noun`).
    Two capitalised words are any menu item's, heading's or credit's shape; on the dev pages these were
    "Vorschau Kioskausgabe" (a link), "Icon Briefumschlag" (a button) and "Radical Dips" (a heading), and
    later "Schwache Profile – ..." (a headline), "Dringlicher Appell" (a kicker) and a subheading deep in
    a blog's post."""
    return _list_item(lines, i, day_first=day_first) or _label_of_next(lines, i) or _credit_below_label(lines, i) \
        or _breadcrumb_part(lines, i, day_first=day_first) or _cut_from_phrase(lines[i].body) \
        or _below_paragraphs(lines, verdicts, i, headline) or _adjective_and_noun(lines, i, stoplist) \
        or _named_above(lines, i, headline, day_first=day_first)


_CUT = re.compile(rf"{SPACE_RUN}(?:[|·•]|-|–)\s+")
"""The separators `_byline_text` cuts a line's names at."""


def _cut_from_phrase(text: str) -> bool:
    """Whether a line's names were cut at a dash from a phrase that goes on in lower case ("Schwache
    Profile – günstige Lawinensituation"): the line is a headline of the shape "Topic – what of it". A
    byline's block goes on after a dash with a date, a time, an outlet or a role, none of them a lower-case
    phrase without a digit."""
    parts = _CUT.split(text, maxsplit=1)
    if len(parts) < 2 or text[len(parts[0]):].lstrip()[:1] not in ("-", "–"):
        return False
    rest = parts[1].strip()
    return rest[:1].islower() and not any(c.isdigit() for c in rest)


PARAGRAPHS_ABOVE = 2
"""How many paragraphs of prose between the headline and a name-shaped line make it a line of the body
(a subheading, a list's item), not the byline: a standfirst is one paragraph; a paragraph longer than a
standfirst counts as both."""


def _below_paragraphs(lines: list[Line], verdicts: list[Verdict] | None, i: int, headline: int | None) -> bool:
    """Whether the article's paragraphs stand between the headline (line `headline`) and line `i`: a byline
    comes above the body, or right below the standfirst, so a name-shaped line below PARAGRAPHS_ABOVE
    paragraphs of prose the line model keeps as body is a subheading of the body ("Militärische PsyOp -
    Werkzeuge"). (The header reader reaches into the body when the body's start was put too low.) A
    caption and a teaser's title are prose too, and lie above bylines: they are not kept as body."""
    if headline is None or verdicts is None:
        return False
    weight = sum(1 + (lines[k].length > STANDFIRST_MAX_CHARS) for k in range(headline + 1, i)
                 if lines[k].text and verdicts[k].cls == GOOD and verdicts[k].cue != "caption" and prose(lines[k])
                 and lines[k].length >= STANDFIRST_MIN_CHARS)
    return weight >= PARAGRAPHS_ABOVE


def _named_above(lines: list[Line], i: int, headline: int | None, *, day_first: bool | None) -> bool:
    """Whether the headline or a line between it and line `i` names line `i`'s text inside a phrase
    ("«Certificate» for Roe Analytical: ready to grow" above "Roe Analytical"): the name is the story's
    subject, printed again as an image's alt text or a teaser's label, not its author. A dateline or a
    prefixed byline that names it ("04.02.2022 | 15:33 | Jane Roe", "By Jane Roe") is the byline's block."""
    if headline is None:
        return False
    name = _byline_text(lines[i].body)
    return any(name in ln.body and ln.body != lines[i].body and any(w[0].islower() for w in WORD_RE.findall(ln.body))
               and not is_dateline(ln, day_first=day_first) and not _INLINE_PREFIX.search(ln.body)
               for ln in lines[headline:i] if ln.text)


NOUN_CAPITALISING = frozenset({"German", "Luxembourgish"})
"""Languages that capitalise every noun: an adjective and a noun at a line's start have a name's shape."""


_INFLECTED = re.compile(r"(?P<stem>\w{3,}?)(?:e|er|es|en|em)")
"""A word with an adjective's ending ("schwach-e", "dringlich-er", "unstillbar-es")."""
_ADJECTIVE_STEM = re.compile(r"\w+(?:isch|lich|bar|ig|iert|haft|sam|los)")
"""A stem that a derivational suffix makes an adjective ("militär-isch", "fermentiert", "unstill-bar"):
no given name ends so."""
_ENDINGS = ("e", "er", "es", "en", "em")


def _adjective_and_noun(lines: list[Line], i: int, stoplist: frozenset[str]) -> bool:
    """Whether a name-shaped line on a page in a language that capitalises nouns opens with an inflected
    adjective ("Gelbe Gebiete", "Dringlicher Appell", "Fermentiertes Gemüse"): its stem is an adjective's
    by its suffix (`_ADJECTIVE_STEM`), or the page prints the word with one of the adjective's endings in
    lower case ("mit dringlichem Appell"), which no one's name is. A heading, a kicker or a menu's item,
    not a byline."""
    if language_of(stoplist) not in NOUN_CAPITALISING:
        return False
    words = _byline_text(lines[i].body).split()
    m = _INFLECTED.fullmatch(words[0].lower()) if len(words) >= 2 else None
    if m is None:
        return False
    stem = m.group("stem")
    if _ADJECTIVE_STEM.fullmatch(stem):
        return True
    forms = {stem + ending for ending in _ENDINGS}
    # (a form holds the stem: a line without it is not tokenised)
    return any(w in forms for ln in lines if ln.text and stem in ln.body for w in WORD_RE.findall(ln.body)
               if w[0].islower())


_CRUMB_SEP = re.compile(SPACE_RUN + r"(?:>>?|»|›|/|\||::|→)\s+")
"""The separators of a breadcrumb's parts ("Home >> Recipes >> Cake Recipes >> Headline")."""


def _breadcrumb_part(lines: list[Line], i: int, *, day_first: bool | None) -> bool:
    """Whether a line above line `i` is a breadcrumb with line `i`'s text as one of its parts: the text is
    a rubric of the site ("Cake Recipes" in the header's fields below "Home >> Recipes >> Cake Recipes
    >> ..."), not the author's name, which a breadcrumb does not print. A dateline's fields are the byline's
    block, which may name the author ("04.02.2022 | 15:33 Uhr | Jane Roe")."""
    text = lines[i].body
    return any(text in ln.body and text in (parts := _CRUMB_SEP.split(ln.body)) and len(parts) > 1
               and not is_dateline(ln, day_first=day_first) for ln in lines[:i])


LIST_REACH = 2
"""How many non-blank lines either side of a bulleted line are read for another item of its list: a
list's item may have a line of its own text below it (a teaser's link, "Zur Zeitung")."""


def _list_item(lines: list[Line], i: int, *, day_first: bool | None) -> bool:
    """Whether line `i` is an item of a bulleted list: it is bulleted, and so is a line with letters
    within LIST_REACH lines of it, none of them a dateline, or a line right beside it opens with its first word
    ("Icon Twitter", "Icon Briefumschlag", "Icon WhatsApp") and does not print its whole text. A byline
    printed as a list's item stands alone, or above its dateline."""
    near = [*_nearest(lines, i, -1, LIST_REACH), *_nearest(lines, i, 1, LIST_REACH)]
    if lines[i].bullet and not any(is_dateline(lines[j], day_first=day_first) for j in near) \
            and any(lines[j].bullet and any(c.isalpha() for c in lines[j].body) for j in near):
        return True  # (a header's fields printed as a list, "• Jane Roe • 21.05.2019 • Beauty", hold a date)
    first = lines[i].body.split()[0]
    beside = [*_nearest(lines, i, -1, 1), *_nearest(lines, i, 1, 1)]
    return any(lines[j].body.split()[:1] == [first] and lines[i].body not in lines[j].body for j in beside)


def _label_of_next(lines: list[Line], i: int) -> bool:
    """Whether the next non-blank line opens with line `i`'s text and a colon: the line is a heading or
    a caption's label printed above its text again, not a byline (a byline's name opens an author's
    note below it without a colon: "Jane Roe is a reporter ...")."""
    below = _nearest(lines, i, 1, 1)
    return bool(below) and lines[below[0]].body.startswith(lines[i].body + ":")


_CREDIT_LABEL = re.compile(
    r"[©Ⓒ]|(?:(?:medically|fact)[- ]?)?(?:reviewed|verified|checked|edited|photos?|photographed|illustrations?|"
    r"illustrated|translated|images?|fotos?|bilder?|geprüft|überprüft|übersetzt|fotografiert)"
    r"(?:\s+(?:by|von|par|por))?\s*:?",
    re.IGNORECASE,
)
"""A line that labels the name below it as another role's than the author's: a copyright sign, a
photo's, a review's or a translation's credit ("©", "Verified by", "Fotos:")."""


def _credit_below_label(lines: list[Line], i: int) -> bool:
    """Whether the non-blank line right above line `i` is a credit's label (`_CREDIT_LABEL`): the name
    is the photographer's, the reviewer's or the translator's."""
    above = _nearest(lines, i, -1, 1)
    return bool(above) and _CREDIT_LABEL.fullmatch(lines[above[0]].body.strip()) is not None


def _nearest(lines: list[Line], i: int, step: int, n: int) -> list[int]:
    """The `n` nearest non-blank lines above (step -1) or below (step 1) line `i`, nearest first."""
    found: list[int] = []
    j = i + step
    while 0 <= j < len(lines) and len(found) < n:
        if lines[j].text:
            found.append(j)
        j += step
    return found


_PHOTO_WORD = re.compile(r"\b(?:foto|photo|photograph|bild|image|credit|fotografía)", re.IGNORECASE)
"""A photo's caption or credit, in the languages of the pages ("Foto: X", "Photo by X"). A bare "©"
does not count: a byline's portrait prints "Jane Roe © Jane Roe" above the author's name."""


def _neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The nearest non-blank line above (step -1) or below (step 1) line `i`."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].text:
        j += step
    return j if 0 <= j < len(lines) else None


def _not_a_name(name: str, *, prefixed: bool) -> bool:
    """Whether capitalised words that have a byline's shape are a menu item, a credit or a caption
    instead ("Creative Commons License", "Online Kredit", "Egan Bernal Egan Bernal").

    The line model's vocabulary holds the words seen on many sites: page furniture ("license",
    "newsletter") and the common words of each language ("Kredit", "History"). A person's surname is
    rarely one of them. So a name with a furniture word is refused, and so is a name with no byline
    prefix ("By", "Von") that holds a known word at all: without the prefix only its shape says it is a
    name, and menu items share that shape.
    """
    if REPEATED.match(name) or cue_reason(name) or any(c.isdigit() for c in name):
        return True
    vocabulary = _vocabulary()
    known = [vocabulary[w] for w in WORD_RE.findall(name.lower()) if len(w) > 2 and w in vocabulary]
    return any(score < FURNITURE_WORD for score in known) or (not prefixed and bool(known))


def _vocabulary() -> dict[str, float]:
    """The line model's learned word log-odds (loaded once, with the model)."""
    return load_model(FEATURES).vocabulary
