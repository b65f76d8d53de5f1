"""Read a publication date out of a dateline such as "Published 28 February 2022" or "06.07.2018".

Month names come in many languages (and their genitive and abbreviated forms), numeric dates in the
usual orders. A dateline is short, but may give two dates ("Published 3 May | Updated 5 May", "Last
updated 4 Jun 2020, originally created 17 Jun 2019"): the publication is the earliest of them.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

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
# its fourth digit, not at a word boundary
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:del?\s+)?(\d{{4}})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
# year first, with dashes (ISO), slashes or dots ("2022/02/24", "2022.02.24"); a time may follow: "2022-02-24T10:15"
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\b|(?=t\d))")
_NUMERIC = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)")

_DATELINE_WORD_ALT = (
    r"published|posted|updated|update|last updated|modified|veröffentlicht|aktualisiert|"
    r"erstellt|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano|"
    r"zaktualizowano|опубликовано|обновлено|опубліковано|оновлено|апублікавана|абноўлена|дата|"
    r"gepostet|datum|date|"
    r"yayınlanma|güncelleme|publiceerd|gepubliceerd|"
    r"publiziert|erschienen|geschrieben|zuletzt bearbeitet|publiée?|modifié|postado|atualizado|"
    r"publicada|actualizada|modificado|pubblicata|aggiornata|aktualizacja|data publikacji|"
    r"опубликован|обновлен|опублікований|оновлений|publikováno|aktualizováno|bijgewerkt"
)
DATELINE_WORDS = re.compile(rf"\b(?:{_DATELINE_WORD_ALT})\b", re.IGNORECASE)
"""A word that says a line's date is the page's publication or update date, in the languages the
month names cover."""
LEADING_DATELINE_WORD = re.compile(rf"^\W*(?:{_DATELINE_WORD_ALT})\b", re.IGNORECASE)
"""A dateline word opening a line ("Published: ...", "PUBLISHED: ... | UPDATED: ..."): the line is a
dateline however many words its times and second date add."""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(m: re.Match[str]) -> dt.date | None:
    a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    # dots are written day first everywhere; slashes month first only in the US, so only when
    # the day could not be first
    if sep == "/" and b > 12 >= a:
        return _date(year, a, b)
    return _date(year, b, a)


_FORMS = (
    (_ISO, lambda m: _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))),
    (_DAY_MONTH_YEAR, lambda m: _date(int(m.group(3)), _MONTH_OF[m.group(2)], int(m.group(1)))),
    (_MONTH_DAY_YEAR, lambda m: _date(int(m.group(3)), _MONTH_OF[m.group(1)], int(m.group(2)))),
    (_NUMERIC, _numeric),
)
"""Each way of writing a full date, the likeliest first, with how to read its match."""


def parse_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) written in `text`, or None."""
    low = text.lower()
    for pattern, read in _FORMS:
        m = pattern.search(low)
        if m:
            return read(m)
    return None


_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
"""What joins the two ends of a period ("14 Oct 2014 - 10 Aug 2017")."""


def publication_date(dateline: str) -> dt.date | None:
    """The publication date a dateline gives: the earliest full date written in it (an update or a
    print date comes later), or None. Two dates joined by a dash are a period (an event's, an archive's
    captures), not a publication: then None."""
    low = dateline.lower()
    matches = sorted(((m.start(), m.end(), read(m)) for pattern, read in _FORMS for m in pattern.finditer(low)),
                     key=lambda x: x[0])
    if any(_RANGE_DASH.fullmatch(low, a[1], b[0]) for a, b in pairwise(matches)):
        return None
    return min((d for _, _, d in matches if d is not None), default=None)
