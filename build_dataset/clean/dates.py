"""Read a publication date out of a dateline such as "Published 28 February 2022" or "06.07.2018".

Month names come in many languages (and their genitive and abbreviated forms), a weekday may stand
between the day and the month, numeric dates come in the usual orders (a dashed one only when its order
is plain: the locale decides it, and a dump does not say its locale). A dateline is short, but may
give two dates ("Published 3 May | Updated 5 May", "Last updated 4 Jun 2020, originally created 17 Jun
2019"): the publication is the earliest of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.phrases import phrase_test

if TYPE_CHECKING:
    from build_dataset.clean.lines import Line

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari", "styczeń", "stycznia", "sty", "январь", "января", "янв", "січень", "січня",
        "leden", "ledna", "ocak", "januári", "tammikuu", "студзень", "студзеня", "січ", "студз"),
    2: ("february", "feb", "februar", "feber", "février", "févr", "fevr", "febrero", "febbraio",
        "fevereiro", "februari", "luty", "lutego", "lut", "февраль", "февраля", "фев", "лютий", "лютого",
        "únor", "února", "şubat", "helmikuu", "люты", "лютага", "февр", "лют"),
    3: ("march", "mar", "märz", "mars", "marzo", "março", "maart", "marzec", "marca", "март", "марта",
        "березень", "березня", "březen", "března", "mart", "maaliskuu", "mär", "сакавік", "сакавіка", "мар",
        "бер", "сак"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi",
        "апрель", "апреля", "квітень", "квітня", "duben", "dubna", "nisan", "huhtikuu", "красавік", "красавіка",
        "апр", "квіт", "крас"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "май", "мая", "травень",
        "травня", "květen", "května", "mayıs", "toukokuu", "траўня", "трав"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze",
        "июнь", "июня", "червень", "червня", "červen", "června", "haziran", "kesäkuu", "чэрвень", "чэрвеня",
        "июн", "черв", "чэрв"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca",
        "lip", "июль", "июля", "липень", "липня", "červenec", "července", "temmuz", "heinäkuu", "ліпень", "ліпеня",
        "июл", "лип", "ліп"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia", "sie",
        "август", "августа", "серпень", "серпня", "srpen", "srpna", "ağustos", "elokuu", "жнівень", "жніўня",
        "авг", "серп", "жн"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro",
        "wrzesień", "września", "wrz", "сентябрь", "сентября", "вересень", "вересня", "září", "eylül",
        "syyskuu", "верасень", "верасня", "сен", "сент", "вер"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
         "październik", "października", "paź", "октябрь", "октября", "жовтень", "жовтня", "říjen",
         "října", "ekim", "lokakuu", "кастрычнік", "кастрычніка", "окт", "жовт", "кастр"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis",
         "ноябрь", "ноября", "листопад", "листопада", "kasım", "marraskuu", "лістапад", "лістапада", "ноя",
         "нояб", "лист", "ліст"),
    12: ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "grudzień", "grudnia", "gru", "декабрь", "декабря", "грудень", "грудня", "prosinec",
         "prosince", "aralık", "joulukuu", "снежань", "снежня", "дек", "груд", "снеж"),
}
_MONTH_OF = {name: month for month, names in _MONTHS.items() for name in names}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTH_OF), key=len, reverse=True))
# a year may be glued to the next word ("15. April 2016Saturday", "2.03.2018by Jane Roe"): it ends at
# its fourth digit, not at a word boundary; a day may be glued to the word before it ("Jane Roe3.11.2023",
# "Autor11. Dezember 2012"), so it starts after any non-digit
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}\.?\s*(?:de\s+)?(?:" + _MONTH_ALT + r")\b))"
"""Where a four-digit year ends: before a non-digit, or before the next date's day when a dump glues a
post's date to its copy or to an update's ("19. Dezember 202219. Dezember 2022")."""
_WEEKDAY_ALT = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag"
)
"""Weekday names a blog's date block may print between the day and the month ("31 Donnerstag Okt 2019":
the day in large type, the weekday under it, then the month and year)."""
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:(?:{_WEEKDAY_ALT})\.?,?\s+)?(?:de\s+)?({_MONTH_ALT})\.?,?\s+"
    rf"(?:del?\s+)?(\d{{4}}){_YEAR_END}"
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){_YEAR_END}")
# year first, with dashes (ISO), slashes or dots ("2022/02/24", "2022.02.24"); a time may follow: "2022-02-24T10:15"
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\b|(?=t\d))")
# day first with dots, a space allowed after each ("4. 2. 2022"), or with slashes
_NUMERIC_DOTS = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d|:\d)")
_NUMERIC_SLASHES = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# day and month first with dashes, a four-digit year ("Data: 28-04-2021, 09:29", "07-30-2008"); not a
# product's or a phone's number ("20-20-20", "0800-12-2020" has no one- or two-digit start)
_NUMERIC_DASHES = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])")
# a year of two digits only with dots, a month of two digits, and standing alone ("19.10.19, 18:56",
# "Erstellt am 01.01.23 um 08:35") or glued to a time ("28.09.1912:44" is 28.09.19 at 12:44), not a
# version's or a section's number ("1.10.19.2", "3.2.11a", "2.1.12")
_NUMERIC_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})\.(\d{2})(?:(?![\d.]|[^\W\d_])|(?=\d{1,2}:\d\d(?!\d)))")
# a two-digit year with slashes ("11/08/23 5:19pm", "am 26/10/13, 03:48 pm"), not a product's numbers
# ("12/24/48-Volt") nor a longer fraction or path
_SLASHES_SHORT_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/-])")
SHORT_YEAR_PIVOT = 70
"""A two-digit year below it is of this century ("01.01.23" is 2023), from it of the last ("12.03.98")."""

_DATELINE_WORD_ALT = (
    r"published|posted|updated|update|last updated|modified|veröffentlicht|aktualisiert|"
    r"erstellt|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano|"
    r"zaktualizowano|опубликовано|обновлено|опубліковано|оновлено|апублікавана|абноўлена|дата|"
    r"gepostet|datum|date|"
    r"yayınlanma|güncelleme|publiceerd|gepubliceerd|"
    r"publiziert|erschienen|geschrieben|zuletzt bearbeitet|publiée?|modifié|postado|atualizado|"
    r"publicada|actualizada|modificado|pubblicata|aggiornata|aktualizacja|data publikacji|"
    r"опубликован|обновлен|опублікований|оновлений|publikováno|aktualizováno|bijgewerkt|publikacja"
)
_DATELINE_INITIALS = "".join(sorted({word[0] for word in _DATELINE_WORD_ALT.split("|")}))
DATELINE_WORDS = re.compile(rf"(?<![^\W\d])(?=[{_DATELINE_INITIALS}])(?:{_DATELINE_WORD_ALT})\b", re.IGNORECASE)
"""A word that says a line's date is the page's publication or update date, in the languages the
month names cover. It may be glued to the digits before it: a dump glues an update's label to the
publication's year ("sabado 07 de mayo del 2022Actualizado 07 May 2022 | 13:43 h"). (The header's
rules search every line they ask about for one: the lookahead for a word's first letter rules out
most places in a line at the cost of one test, where the sixty words would each be tried.)"""
_EVENT_WORD_ALT = (
    r"deadline|event|events|(?<!press )(?<!news )(?<!media )release|due|expires|expiry|closing date|registration|"
    r"premiere|launch|"
    r"veranstaltung|veranstaltungen|beginn|anmeldung|kinostart|"
    r"date limite|échéance|événement|evenement|sortie|inscriptions?|"
    r"fecha límite|fecha limite|plazo|evento|eventos|estreno|lanzamiento|inscripción|inscripciones|"
    r"scadenza|uscita|iscrizioni|iscrizione|termine|"
    r"wydarzenie|premiera|zgłoszenia|zapisy|"
    r"срок|дедлайн|событие|мероприятие|премьера|регистрация|термін|подія|прем'єра|реєстрація|тэрмін|падзея|"
    r"termín|uzávěrka|událost|premiéra|son başvuru|etkinlik|inschrijving|termijn|uiterste|"
    r"prazo|estreia|lançamento|inscrições"
)
EVENT_WORDS = re.compile(
    rf"(?<![^\W\d])(?:{_EVENT_WORD_ALT})\b|(?<![^\W\d])[^\W\d_]*(?:frist|termin|schluss)(?:e|en)?\b",
    re.IGNORECASE)
"""A word that names what a date is of when it is no publication's: a deadline, an event, a release, a
registration, a premiere (German compounds end so: "Anmeldeschluss", "Bewerbungsfrist",
"Veranstaltungstermin", a court's "Beschluss"), in the languages of the dateline words. "Release date:
14.11.2019" holds a dateline word ("date") and still gives another event's date; a press release's
("Press release: 3 May 2021") is its publication."""
LEADING_DATELINE_WORD = re.compile(rf"^\W*(?:{_DATELINE_WORD_ALT})\b", re.IGNORECASE)
"""A dateline word opening a line ("Published: ...", "PUBLISHED: ... | UPDATED: ..."): the line is a
dateline however many words its times and second date add."""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _slashes(m: re.Match[str]) -> dt.date | None:
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    # slashes are written month first only in the US, so only when the day could not be first
    if b > 12 >= a:
        return _date(year, a, b)
    return _date(year, b, a)


def _dashes(m: re.Match[str]) -> dt.date | None:
    """A dashed day-month-year or month-day-year date, only when its order is plain: day first is usual
    in Europe (Dutch, Polish, Spanish, Portuguese pages: "28-04-2021"), month first in the US ("07-30-2008"),
    and a dump of either can be English. So the date is read when one part cannot be a month (over
    12) or both parts are equal; "03-05-2022" is May 3 or March 5, and is not read (the dev pages left
    undated print four: "28-04-2021" and "07-30-2008" plain, "03-05-2022" and "03-10-2004" not)."""
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12 >= b or a == b:
        return _date(year, b, a)
    if b > 12 >= a:
        return _date(year, a, b)
    return None


def _slashes_short_year(m: re.Match[str], day_first: bool | None) -> dt.date | None:
    """A slashed date of a two-digit year ("03/04/21"): day first in Europe, month first in the US, and
    the two-digit year says nothing of the order either. It is read when its own parts say the order
    (one over 12, or both equal), else in the page's order (`day_first`, from `slashed_order`: True day
    first, False month first); with none known (None) it is no date."""
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year += 2000 if year < SHORT_YEAR_PIVOT else 1900
    if a > 12 >= b or a == b:
        return _date(year, b, a)
    if b > 12 >= a:
        return _date(year, a, b)
    if day_first is None:
        return None
    return _date(year, b, a) if day_first else _date(year, a, b)


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/-])")
"""Any slashed date, of a two- or four-digit year: the page's plain ones tell its order."""


DAY_FIRST_LANGUAGES = frozenset({
    "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Russian", "Ukrainian",
    "Belarusian", "Belarusian_Taraskievica", "Czech", "Turkish", "Finnish",
})
"""Languages (named as jusText's stoplists are) whose pages write a numeric date day first; English
pages write it both ways (the UK day first, the US month first)."""


def slashed_order(texts: Iterable[str], language: str | None) -> bool | None:
    """The order of a page's slashed dates: the one its slashed dates of a plain order show ("25/12/21"
    day first, "12/25/21" month first; None when both are there), else its language's (day first in
    DAY_FIRST_LANGUAGES), else None: an English page with only ambiguous dates cannot say."""
    day_first = month_first = False
    for text in texts:
        if "/" not in text:
            continue
        for m in _SLASHED.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= a > 12 >= b
            month_first |= b > 12 >= a
    return _order(day_first, month_first, language)


def _order(day_first: bool, month_first: bool, language: str | None) -> bool | None:
    """`slashed_order`'s answer, from whether the page's slashed dates show each order."""
    if day_first or month_first:
        return None if day_first and month_first else day_first
    return True if language in DAY_FIRST_LANGUAGES else None


def lines_slashed_order(lines: list[Line], language: str | None) -> bool | None:
    """`slashed_order` of the lines' bodies, read in C where the extension was built (`_speedups.slashed_dates`,
    which tries the regex's runs of digits at each position as `re` does, without a call a line)."""
    if speedups is None or not use_speedups:
        return slashed_order((ln.body for ln in lines), language)
    day_first, month_first = speedups.slashed_dates(lines)
    return _order(day_first, month_first, language)


def _short_year(m: re.Match[str]) -> dt.date | None:
    year = int(m.group(3))
    return _date(year + (2000 if year < SHORT_YEAR_PIVOT else 1900), int(m.group(2)), int(m.group(1)))


_Reader = Callable[[re.Match[str]], dt.date | None]
"""How a date is read out of its pattern's match."""


def _forms(day_first: bool | None) -> tuple[tuple[re.Pattern[str], _Reader], ...]:
    """Each way of writing a full date, the likeliest first, with how to read its match in a page whose
    slashed dates are written in order `day_first` (`slashed_order`)."""
    return (
        (_ISO, lambda m: _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))),
        (_DAY_MONTH_YEAR, lambda m: _date(int(m.group(3)), _MONTH_OF[m.group(2)], int(m.group(1)))),
        (_MONTH_DAY_YEAR, lambda m: _date(int(m.group(3)), _MONTH_OF[m.group(1)], int(m.group(2)))),
        (_NUMERIC_DOTS, lambda m: _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))),
        (_NUMERIC_SLASHES, _slashes),
        (_NUMERIC_DASHES, _dashes),
        (_NUMERIC_SHORT_YEAR, _short_year),
        (_SLASHES_SHORT_YEAR, lambda m: _slashes_short_year(m, day_first)),
    )


_FORMS = {day_first: _forms(day_first) for day_first in (True, False, None)}
"""The ways of writing a full date (`_forms`) for each order a page's slashed dates may have: only a
slashed date of a two-digit year reads differently, and the three tables are built once."""
_DIGIT = re.compile(r"\d")
"""Every way of writing a full date holds a digit (the day or the year, `_forms`), and most lines the
header's rules read for a date hold none (four in five on the dev pages): one search for a digit rules
out all eight patterns at once. (No character lowercases to a digit or from one, so the raw text is
searched.)"""
_SHORT_YEAR_FORMS = {day_first: tuple(form for form in forms if form[0] in (_NUMERIC_SHORT_YEAR, _SLASHES_SHORT_YEAR))
                     for day_first, forms in _FORMS.items()}
"""The ways of writing a full date with a two-digit year, in `_FORMS`' order: every other way writes a
year of four digits, and a line with a digit but no four in a row (a time, a count, "5 min read") can
write a date only so. (A form that cannot match left out changes no first match and no match found.)"""
_FOUR_DIGITS = re.compile(r"\d{4}")


def _forms_for(text: str, day_first: bool | None) -> tuple[tuple[re.Pattern[str], _Reader], ...]:
    """The ways of writing a full date that `text`, which holds a digit, may hold (`_SHORT_YEAR_FORMS`)."""
    return _FORMS[day_first] if _FOUR_DIGITS.search(text) else _SHORT_YEAR_FORMS[day_first]


def holds_digit(text: str) -> bool:
    """Whether `text` holds a digit: a line without one writes no full date (`_DIGIT`), so every test of a
    rule that asks for a date may be skipped on it."""
    return _DIGIT.search(text) is not None


def parse_date(text: str, *, day_first: bool | None) -> dt.date | None:
    """The first full date (day, month and year) written in `text`, or None. `day_first` is the order
    of the page's slashed dates (`slashed_order`), which an ambiguous slashed date of a two-digit year
    ("11/08/23") is read in; None when the page does not say (such a date is then no date)."""
    if _DIGIT.search(text) is None:
        return None
    low = text.lower()
    for pattern, read in _forms_for(text, day_first):
        m = pattern.search(low)
        if m:
            return read(m)
    return None


_MONTH_WORD = re.compile(rf"\b(?:{_MONTH_ALT})\b", re.IGNORECASE)
_CAMEL_GLUE = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
"""Where a dump glued a capitalised word to the word before it ("Jane RoeNovember 6, 2023")."""
_DATE_OR_TIME = re.compile(r"\d{1,2}:\d{2}|\d{1,4}\s?[./|-]\s?\d{1,2}\s?[./|-]\s?\d{2}")
"""A time, or a numeric date of any order and separator ("29.11.2022", "2022-11-29", "26 | 01 | 2022")."""


def states_date(text: str) -> bool:
    """Whether `text` writes a date or a time, not a year alone: a full date (`parse_date`, in either order of
    slashed dates), a time or a numeric date, a month's name, or a publication or update word. A line the header
    reader reads as a dateline for its year alone ("Olympia 2022", a teaser's headline, an edition's "DIE ZEIT
    43/2019") writes none: it is removed, but not as a dateline (`page._apply_header`)."""
    if DATELINE_WORDS.search(text) or _DATE_OR_TIME.search(text) or _MONTH_WORD.search(_CAMEL_GLUE.sub(" ", text)):
        return True
    return parse_date(text, day_first=True) is not None or parse_date(text, day_first=False) is not None


_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
"""What joins the two ends of a period ("14 Oct 2014 - 10 Aug 2017")."""


@lru_cache(maxsize=4096)
def publication_date(dateline: str, *, day_first: bool | None) -> dt.date | None:
    """The publication date a dateline gives: the earliest full date written in it (an update or a
    print date comes later), or None. Two dates joined by a dash are a period (an event's, an archive's
    captures), not a publication: then None. `day_first`: the page's order of slashed dates, as for
    `parse_date`. (Cached as `cues.cue_reason` is: the header's rules and readings ask of the same lines again,
    one ask in five on the dev pages, and its eight patterns cost more than the look-up.)"""
    if _DIGIT.search(dateline) is None:
        return None
    low = dateline.lower()
    matches = sorted(((m.start(), m.end(), read(m)) for pattern, read in _forms_for(dateline, day_first)
                      for m in pattern.finditer(low)),
                     key=lambda x: x[0])
    if any(_RANGE_DASH.fullmatch(low, a[1], b[0]) for a, b in pairwise(matches)):
        return None
    return min((d for _, _, d in matches if d is not None), default=None)


_PUBLICATION_WORD_ALT = (
    r"published|posted|submitted|veröffentlicht|veröffentlichung|publiziert|erschienen|gepostet|erstellt|"
    r"publié|publiée|mis en ligne|mise en ligne|publicado|publicada|postado|pubblicato|pubblicata|opublikowano|"
    r"opublikowany|опубликовано|опубликован|опубликована|опубліковано|опублікований|опублікована|"
    r"апублікавана|апублікаваны|gepubliceerd|publikováno|yayınlanma|publikacja|data publikacji"
)
PUBLICATION_WORDS = re.compile(rf"\b(?:{_PUBLICATION_WORD_ALT})\b", re.IGNORECASE)
"""A word that says a date is the page's publication (or creation), never its update: a line that
states it is read wherever it stands near the article. The Polish label of a publication date counts
too ("Publikacja: 04.05.2021", a dev page was left undated for want of it); the German "Erscheinungsdatum"
does not: a book review gives the book's so (of three dev pages it would date, one wrongly)."""


PUBLICATION_PHRASES = tuple(
    sorted({w for word in _PUBLICATION_WORD_ALT.split("|") for w in (word, word.replace("ı", "i"))}))
"""The publication words as a lowercased line may hold them (a dotless "ı" also as "i", which an upper-case
"I" lowercases to): `PUBLICATION_WORDS` can match only where one of them is."""
_HOLDS_PUBLICATION_WORD = phrase_test(PUBLICATION_PHRASES)
"""Whether a lowercased line holds a publication word, in one scan (`phrases.phrase_test`): the regex tries
every word at every position, six microseconds a line, and the page's every line is asked (`states_publication`)."""


def may_state_publication(text: str) -> bool:
    """Whether a line holds a publication word's letters (`PUBLICATION_PHRASES`), standing alone or not: the
    first test of `states_publication`, false of most lines."""
    return _HOLDS_PUBLICATION_WORD(text.lower())


def states_publication(text: str) -> bool:
    """Whether a line holds a publication word (`PUBLICATION_WORDS`). Most lines hold none of the words
    at all, which the phrase test tells first; the regex then checks the word stands alone."""
    return may_state_publication(text) and PUBLICATION_WORDS.search(text) is not None


SELF_REFERENCE = re.compile(
    r"\b(?:beitrag|eintrag|artikel|post|entry|article|story|billet|artículo|articulo|entrada|articolo|"
    r"wpis|artykuł|статья|запись|стаття|допис|запіс|артыкул|artigo|matéria)\b",
    re.IGNORECASE,
)
"""A word by which a page names itself ("This entry was posted ...", "Dieser Beitrag wurde am ...
veröffentlicht"): with a publication word it makes a sentence a statement of the page's own date, not
a report of another text's publication."""
LEADING_PUBLICATION_WORD = re.compile(rf"^\W*(?:{_PUBLICATION_WORD_ALT})\b", re.IGNORECASE)
"""A publication word opening a line ("Published 9 August 2012", "Veröffentlicht am: 6. August 2009")."""


def first_date(text: str) -> re.Match[str] | None:
    """The match of the full date written first in `text` (of whatever form), or None."""
    if _DIGIT.search(text) is None:
        return None
    low = text.lower()
    # where a date stands does not depend on the order it is read in: any table's patterns do
    return min((m for pattern, _ in _forms_for(text, None) if (m := pattern.search(low))), key=lambda m: m.start(),
               default=None)


STATED_GAP = re.compile(r"[^\w\d]*(?:[^\W\d]+[^\w\d]+){0,3}")
"""What may stand between a publication word and its date: up to three words without a digit and their
punctuation ("Erstellt am 01.01.23", "Publiziert: 03.04.2020", "Veröffentlicht am Mittwoch, den 27. November
2019", "Posted by admin on 3 May 2020")."""


def publication_word_before_date(text: str) -> bool:
    """Whether a publication word is followed by a full date with only STATED_GAP between: the line says
    when it was published in so many words, however long the byline, times and update around it make
    it ("von Jane Roe Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35" has nineteen)."""
    for m in PUBLICATION_WORDS.finditer(text):
        gap = STATED_GAP.match(text, m.end())
        date = first_date(text[m.end():])
        if date is not None and gap is not None and m.end() + date.start() <= gap.end():
            return True
    return False
