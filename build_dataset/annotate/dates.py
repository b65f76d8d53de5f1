"""Find calendar dates in English, Ukrainian, Russian and Belarusian text and normalise them to ISO 8601.

Handled: day-month-year ("28 February 2022", "Feb. 28, 2022", "24 лютого 2022 року"), day-month
("Dec. 26", "24 лютого"), month-year ("February 2022", "лютого 2022"), numeric (2022-02-24, 24.02.2022),
a month after a preposition ("In October", "у жовтні") and a bare year after a preposition or before
"року/года" ("in 2014", "the 2022 invasion"). A date without a year takes the publication year when it is
known (the year - previous, same or next - that puts it nearest the publication date): otherwise it
stays partial, "--12-26"; a month alone is only emitted when the publication date is known and one
year is clearly nearest. Weekdays ("on Sunday") are not resolved: doing that honestly needs the exact
publication day and the tense.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import ahocorasick

from build_dataset.schema import DateMention

_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "січень", "січня", "січні", "январь", "января", "январе", "студзень", "студзеня",
        "студзені"),
    2: ("february", "feb", "лютий", "лютого", "лютому", "февраль", "февраля", "феврале", "люты", "лютага",
        "лютым"),
    3: ("march", "mar", "березень", "березня", "березні", "март", "марта", "марте", "сакавік", "сакавіка",
        "сакавіку"),
    4: ("april", "apr", "квітень", "квітня", "квітні", "апрель", "апреля", "апреле", "красавік",
        "красавіка", "красавіку"),
    5: ("may", "травень", "травня", "травні", "май", "мая", "мае", "маі"),
    6: ("june", "jun", "червень", "червня", "червні", "июнь", "июня", "июне", "чэрвень", "чэрвеня",
        "чэрвені"),
    7: ("july", "jul", "липень", "липня", "липні", "июль", "июля", "июле", "ліпень", "ліпеня", "ліпені"),
    8: ("august", "aug", "серпень", "серпня", "серпні", "август", "августа", "августе", "жнівень",
        "жніўня", "жніўні"),
    9: ("september", "sep", "sept", "вересень", "вересня", "вересні", "сентябрь", "сентября", "сентябре",
        "верасень", "верасня", "верасні"),
    10: ("october", "oct", "жовтень", "жовтня", "жовтні", "октябрь", "октября", "октябре", "кастрычнік",
         "кастрычніка", "кастрычніку"),
    11: ("november", "nov", "листопад", "листопада", "листопаді", "ноябрь", "ноября", "ноябре", "лістапад",
         "лістапада", "лістападзе"),
    12: ("december", "dec", "грудень", "грудня", "грудні", "декабрь", "декабря", "декабре", "снежань",
         "снежня", "снежні"),
}
_MONTH_OF = {form: number for number, forms in _MONTH_FORMS.items() for form in forms}
# A month without a year is resolved only when one reading is clearly nearest the publication date
# ("In October" in a December article); "in June" in a December article could be either way.
_MONTH_ONLY_DAYS = 150
_NEEDS_MONTH = frozenset({2, 3, 4, 5, 6, 7})  # indexes in _PATTERNS of the patterns with a month name
_ABBREVIATED = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_MONTH = ("(?P<month>" + "|".join(sorted(set(_MONTH_OF) - _ABBREVIATED, key=len, reverse=True)) + "|(?:"
          + "|".join(sorted(_ABBREVIATED, key=len, reverse=True)) + r")\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_YEAR_WORD = r"(?:\s+(?:року|р\.|года|г\.|году|годзе|год))?"
_LEAD = r"(?:in|since|by|until|till|from|last|this|early|late|mid-|у|в|з|із|до|від|с|по|ў|да|ад)"

# Patterns without a month name run only near digits; the rest only near a month name.
_PATTERNS = (
    re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\w-])"),
    re.compile(rf"(?<![\w.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}(?!\d)"),
    re.compile(rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_YEAR_WORD}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<![\w.]){_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY}(?![\w:.]\d|\d)", re.IGNORECASE),
    re.compile(rf"(?<!\w){_MONTH},?\s+{_YEAR}{_YEAR_WORD}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w){_LEAD}\s+(?P<bare>{_MONTH})(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w)(?:{_LEAD}|the|of|року|году)\s+(?P<bare>{_YEAR})(?![\w-]|\s*(?:miles?|km|people))",
               re.IGNORECASE),
    re.compile(rf"(?<![\w-])(?P<bare>{_YEAR}){_YEAR_WORD.replace('?', '')}(?!\w)", re.IGNORECASE),
)


def _valid(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year, so 29 February is allowed without a year
    except ValueError:
        return False
    return True


def _year_for(month: int, day: int, published: dt.date | None, within_days: int = 183) -> int | None:
    """The year that puts month/day nearest to the publication date (news speaks of the recent past and
    the near future), or None when there is no publication date or nothing is within `within_days`."""
    if published is None:
        return None
    best = min((abs((dt.date(year, month, min(day, 28)) - published).days), year)
               for year in (published.year - 1, published.year, published.year + 1))
    return best[1] if best[0] <= within_days else None


def _month_number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    return _MONTH_OF.get(raw.lower().rstrip("."))


def _english_month_ok(raw: str) -> bool:
    """English month names must be capitalised ("may take part" is not a date); "May" needs a number."""
    if not raw.isascii() or not raw.isalpha():
        return True
    return raw[:1].isupper()


def _value(match: re.Match[str], published: dt.date | None) -> tuple[str | None, tuple[int, int]]:
    groups = match.groupdict()
    span = match.span()
    if groups.get("bare") is not None:
        span = match.span("bare")
        if groups.get("month"):
            raw = groups["month"]
            month = _month_number(raw)
            if not _english_month_ok(raw) or month is None:
                return None, span
            year = _year_for(month, 15, published, within_days=_MONTH_ONLY_DAYS)
            if year is None:
                return None, span
            return f"{year:04d}-{month:02d}", span
        return groups["year"], span
    month_raw = groups.get("month")
    month = _month_number(month_raw) if month_raw else None
    if month is None or not 1 <= month <= 12 or (month_raw and not _english_month_ok(month_raw)):
        return None, span
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if day is None:
        return (f"{year:04d}-{month:02d}" if year else None), span
    if not _valid(month, day):
        return None, span
    if year is None:
        year = _year_for(month, day, published)
        if year is None:
            return f"--{month:02d}-{day:02d}", span
    try:
        dt.date(year, month, day)
    except ValueError:
        return None, span
    return f"{year:04d}-{month:02d}-{day:02d}", span


_DIGITS_RE = re.compile(r"\d+")
_WINDOW = 40  # characters around an anchor: more than the longest date pattern reaches


@lru_cache(maxsize=1)
def _month_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form in _MONTH_OF:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    return automaton


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Ranges of text around numbers: the date patterns only run near numbers or month names.

    Python's re tries a 150-word alternation at every position; anchoring cuts the cost ~20 times.
    """
    return _merge([(m.start(), m.end()) for m in _DIGITS_RE.finditer(text)], len(text))


def _month_windows(text: str) -> list[tuple[int, int]]:
    """Ranges of text around month names (whole words only: "summary" holds "mar")."""
    anchors = []
    lower = text.lower()
    for end, length in _month_automaton().iter(lower):
        start = end + 1 - length
        if (start and lower[start - 1].isalpha()) or lower[end + 1:end + 2].isalpha():
            continue
        anchors.append((start, end + 1))
    return _merge(anchors, len(text))


def _merge(anchors: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(anchors):
        lo, hi = max(0, start - _WINDOW), min(size, end + _WINDOW)
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ranges


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Date mentions in `text`, longest match first where patterns overlap, sorted by offset."""
    found: list[tuple[int, int, str]] = []
    digit_windows = _digit_windows(text)
    month_windows = _month_windows(text)
    for index, pattern in enumerate(_PATTERNS):
        windows = month_windows if index in _NEEDS_MONTH else digit_windows
        for match in (m for lo, hi in windows for m in pattern.finditer(text, lo, hi)):
            value, (start, end) = _value(match, published)
            if value is None:
                continue
            if any(start < e and s < end for s, e, _ in found):
                continue
            found.append((start, end, value))
    return [DateMention(text=text[s:e], start=s, end=e, value=v) for s, e, v in sorted(found)]
