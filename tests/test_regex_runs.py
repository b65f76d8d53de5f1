"""The regexes of the cleaner and the annotators stay linear on long runs of one kind of character, and match
as they were written.

A search for a pattern that opens with `\\s+` (or `\\d+`, or a run of letters) and needs more after it tries
the run at every character of a long run and reads to its end each time: quadratic. w3m pads tables with
hundreds of spaces, and a byline line of 12,000 spaces took one second to clean; a run of 16,000 dots glued to a
digit took the quote finder 4 s (80,000 took 100 s in its sentence splitter). Such patterns now open with
a guard (`lines.SPACE_RUN`, a lookbehind after the run's first character) that matches only from the run's
first character. These tests check that each guarded pattern finds, splits and replaces exactly what its
plain form did (`PLAIN`), that no pattern of the two packages opens with an unguarded run unless it is only
ever matched at a fixed place (`ANCHORED`), and that cleaning a page and finding its quotes with such runs cost
time linear in them.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import build_dataset.annotate as annotate_package
import build_dataset.clean as clean_package
from build_dataset.annotate import quotes
from build_dataset.annotate.entities import find_entities
from build_dataset.clean import bylines, headlines, html, published, sections
from build_dataset.clean.page import clean_page
from tests.timing import LINEAR_RATIO, seconds

try:  # Python 3.11 and newer
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

PLAIN: dict[str, tuple[re.Pattern[str], str]] = {
    "bylines._NAME_SPLIT": (bylines._NAME_SPLIT, r"(?=[\s,&Aaueyiитій])"
                            r"\s*(?:,|&|\b[Aa]nd\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b|\bта\b|\bі\b|\bй\b)\s*"),
    "bylines._NAMES_END": (bylines._NAMES_END, r"\s+[|·•]\s+|\s+-\s+|\s+–\s+|\s{3,}"),
    "bylines._OUTLET": (bylines._OUTLET, r"\s+[Ff]or\s+(?=[^\W\d_])"),
    "bylines._CONTACT": (bylines._CONTACT, r"(?<=\w)@\w+(?![.\w-])|\s+[a-z0-9][\w.+-]*@[\w-]+(?:\.[\w-]+)+"),
    "bylines._FIELD_END": (bylines._FIELD_END, r"\s+[|·•/–—-]\s+|\s*[|·•()\[\]]|\d"),
    "bylines._FIELD_BREAK": (bylines._FIELD_BREAK, r"\s+[/–—-]\s+|[|·•,;()]|\d[\d.:/-]*"),
    "bylines._CAMEL": (bylines._CAMEL, r"[^\W\d_]{4,}[A-Z]|[a-z][A-Z][a-z]+[A-Z]"),
    "bylines._CUT": (bylines._CUT, r"\s+[|·•]\s+|\s+-\s+|\s+–\s+"),
    "bylines._CRUMB_SEP": (bylines._CRUMB_SEP, r"\s+(?:>>?|»|›|/|\||::|→)\s+"),
    "headlines._NOTE_AFTER": (headlines._NOTE_AFTER, r"\s*\([^()]*\)$"),
    "headlines._TIME_NOTE": (headlines._TIME_NOTE, r"\d+\s*(?:min(?:s|utes?|uten?|utos?|uti)?|std|h|hrs?|hours?|"
                            r"horas?|stunden?|heures?|ore|uur|days?|días?|tagen?|jours?|giorni|минут[ау]?|хвилин[иа]?|"
                            r"час(?:а|ов)?|годин[иу]?)\b"),
    "published._SENTENCE_STOP": (published._SENTENCE_STOP, r"[^\W\d_]{2,}[.!?…]$"),
    "sections._BREADCRUMB_SEP": (sections._BREADCRUMB_SEP, r"\s+(?:>|»|›|/|\||::|→)\s+"),
    "sections._LEVEL_SEP": (sections._LEVEL_SEP, r"\s+(?:>|»|›|\||::|→)\s+"),
    "html._AUTHOR_SPLIT": (html._AUTHOR_SPLIT, r"\s*;\s*"),
    "quotes._AUXILIARIES": (quotes._AUXILIARIES, r"(?:\s+(?:was|were|is|has|had|have|also|then|later|as|quoted|"
                            r"reportedly|once|again|further))+\s*$"),
    "quotes._SENTENCE_END_RE": (quotes._SENTENCE_END_RE, r"[.!?…]+[\"”»’]?(?=\s)"),
    "quotes._PHRASE_EDGES_RE": (quotes._PHRASE_EDGES_RE, r"^[\s\-–—,]+|[\s\-–—,]+$"),
}
"""Each guarded pattern and the plain form it was written as, whose matches it must give."""

ANCHORED = {
    "bylines._HANDLE_DIGITS": "matched at the end of a name's field",
    "bylines._ARCHIVE": "fullmatch of a short line",
    "bylines._INFLECTED": "fullmatch of a word",
    "bylines._ADJECTIVE_STEM": "fullmatch of a stem",
    "bylines._ROLE": "fullmatch of a line of a few words",
    "dates._RANGE_DASH": "fullmatch of the gap between two dates",
    "dates.STATED_GAP": "matched right after a publication word",
    "headlines._COMMENTS_QUOTE": "fullmatch of a line ending with a closing quotation mark",
    "headlines._NOT_HEADLINE_START": "matched at a line's start (its alternatives were ^-anchored)",
    "published._LEAD_DATE_END": "matched right after a date",
    "quotes._PRONOUN_RE": "matched right after a speech verb",
}
"""Patterns that open with a run but are only matched at one place, never searched: linear as they are."""

# text made of the characters these patterns turn on, with long runs of them
_PIECES = st.sampled_from([" ", "  ", "\t", "\u00a0", " " * 5, "|", "·", "•", "/", "-", "–", "—", ">", ">>", "»", "›",
                           "→", "::", ":", ";", ",", "&", "(", ")", "[", "]", "@", ".", "!", "?", "…", "1", "12",
                           "a", "A", "Jane", "Roe", "and", "And", "und", "et", "y", "e", "i", "и", "та", "і", "й",
                           "For", "for", "min", "hours", "Ж", "x@y.de", "jane.roe@example.com", "AvatarJane",
                           "...", "!!", "…", "”", "’", "\"", "»", "was", "has also", "\u2009", "\u3000", "\n"])
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@pytest.mark.parametrize("name", sorted(PLAIN))
@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_guarded_patterns_match_as_their_plain_forms(name: str, text: str) -> None:
    guarded, plain_pattern = PLAIN[name]
    plain = re.compile(plain_pattern, guarded.flags)
    assert guarded.split(text) == plain.split(text)
    assert guarded.split(text, maxsplit=1) == plain.split(text, maxsplit=1)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert guarded.sub("#", text) == plain.sub("#", text)


def _text_patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern compiled at the top of a module of the cleaner or the annotators, by module and name."""
    found: dict[str, re.Pattern[str]] = {}
    for package in (clean_package, annotate_package):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    found.setdefault(f"{info.name}.{attr}", value)
    return found


def _opening_runs(items: list, more_after: bool = False) -> list[str]:
    """The unguarded runs the branches of a parsed pattern open with, when more must match after them
    (`more_after`: something that may fail follows the items given; what may match nothing cannot fail)."""
    i = 0
    while i < len(items) and items[i][0] == sre_constants.ASSERT:  # a lookahead reads no character
        i += 1
    if i == len(items):
        return []
    op, arg = items[i]
    more = more_after or any(not (kind in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and rest[0] == 0)
                             for kind, rest in items[i + 1:])
    if op == sre_constants.BRANCH:
        return [run for branch in arg[1] for run in _opening_runs(list(branch), more)]
    if op == sre_constants.SUBPATTERN:
        return _opening_runs(list(arg[3]), more)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        if arg[1] == sre_constants.MAXREPEAT:
            return [str(arg[2])] if more else []
        return _opening_runs(list(arg[2]), True)  # an optional group: what it opens with opens the pattern
    return []


def test_no_pattern_searches_from_inside_a_run() -> None:
    parsed = {name: list(sre_parse.parse(p.pattern, p.flags)) for name, p in _text_patterns().items()}
    offenders = {name: runs for name, items in parsed.items()
                 if name not in ANCHORED and (runs := _opening_runs(items))}
    assert not offenders, ("these patterns open with a run of characters and need more after it: a search tries "
                           "them at every character of a long run (quadratic). Guard them as lines.SPACE_RUN does: "
                           f"{offenders}")


def test_the_lint_sees_an_unguarded_run() -> None:
    # (the check above is no check if it cannot see one)
    assert _opening_runs(list(sre_parse.parse(r"\s+>\s+")))
    assert _opening_runs(list(sre_parse.parse(r"x|(?:\s*;)")))
    assert not _opening_runs(list(sre_parse.parse(sections._BREADCRUMB_SEP.pattern)))
    assert _opening_runs(list(sre_parse.parse(r"\s+x*$")))
    assert not _opening_runs(list(sre_parse.parse(r"\w+")))  # a run alone takes the whole run at once
    assert not _opening_runs(list(sre_parse.parse(r"\w+(?:'\w+)*")))  # ... and so does one with what may be empty


def _pages(gap: int, line: str) -> Iterator[str]:
    """Pages with `line` below the headline, its gaps `gap` spaces long, each page's line another: the header's
    rules cache their answers by a line's text, and a page cleaned again would time the caches."""
    body = ("This is a sentence of the article body that goes on. " * 5 + "\n") * 5
    for n in itertools.count():
        yield f"Some Headline Here Today\n{line.format(gap=' ' * gap)}{'x' * (n % 7)}{n // 7 or ''}\n{body}"


@pytest.mark.parametrize("line", ["By Jane{gap}Roe", "Von Jane Roe,{gap}John Doe", "Posted by Jane{gap}Roe at 5:11 AM",
                                  "in Sport{gap}x", "Kategorie: Umwelt{gap}Klima"])
def test_cleaning_is_linear_in_a_byline_of_long_gaps(line: str) -> None:
    # (before the guards, 16,000 spaces in such a line took 1.7 to 2.3 s to clean, 4,000 took 0.11 to 0.2 s)
    small, big = _pages(4_000, line), _pages(16_000, line)
    clean_page(next(small))
    ratio = seconds(lambda: clean_page(next(big))) / seconds(lambda: clean_page(next(small)))
    assert ratio < LINEAR_RATIO, f"4x the gap took {ratio:.1f}x as long: a regex reads the gap once per space"


def _closing_pages(gap: int, line: str, headline: str) -> Iterator[str]:
    """Pages with `line` below the article (where a filing line, a rail's heading or the comments' heading
    stands), its gaps `gap` spaces long, each page's line another, and the menu's "News" at the end."""
    body = ("This is a sentence of the article body that goes on. " * 5 + "\n") * 5
    for n in itertools.count():
        yield f"{headline}\n{body}\n{line.format(gap=' ' * gap, n=n)}\n\n• News\n"


TRUSTED = "The article body goes on"
"""A headline the body names: the section's rules below the article are asked."""
UNTRUSTED = "Some Headline Here Today"
"""A headline the body does not name: the comments' heading is asked for the title."""


@pytest.mark.parametrize(("line", "headline"), [
    ("Posted in News{gap}x{n}", TRUSTED), ("Posted in News {gap}by{gap}Jane{n}", TRUSTED),
    ("More in News{gap}x{n}", TRUSTED), ("More in {gap}x{gap}:{n}", TRUSTED),
    ("3 thoughts on “a{gap}b{n}”", UNTRUSTED), ("3 thoughts on “{gap}{n}”", UNTRUSTED),
])
def test_cleaning_is_linear_in_a_closing_line_of_long_gaps(line: str, headline: str) -> None:
    # (as first written, the filing line's pattern took 25.8 s on a gap of 16,000 spaces and 2.1 s on 4,000, the
    # rail's 1.4 s and 0.09 s: a lazy name before a run of spaces, and `sections._rubric` on a long text)
    small, big = _closing_pages(4_000, line, headline), _closing_pages(16_000, line, headline)
    clean_page(next(small))
    ratio = seconds(lambda: clean_page(next(big))) / seconds(lambda: clean_page(next(small)))
    assert ratio < LINEAR_RATIO, f"4x the gap took {ratio:.1f}x as long: a regex reads the gap once per space"


def _quoted_pages(run: int) -> Iterator[tuple[str, list]]:
    """Articles with quotes and a table of contents' line of `run` dots glued to its page number, each another,
    with their entity mentions (found before any timing)."""
    body = ("“We are ready,” Putin said. The minister said the talks would go on. " * 4 + "\n\n") * 3
    pages = [f"{body}Contents {'.' * run}{n + 5}\n\n{body}" for n in range(4)]
    return iter([(page, find_entities(page, "en")) for page in pages])


def test_quotes_are_linear_in_a_run_of_dots() -> None:
    # (before the guards, 16,000 dots took 4.2 s and 4,000 took 0.27 s: the sentence splitter read the run once a dot)
    small, big = _quoted_pages(4_000), _quoted_pages(16_000)
    quotes.find_quotes(*next(small))
    ratio = seconds(lambda: quotes.find_quotes(*next(big))) / seconds(lambda: quotes.find_quotes(*next(small)))
    assert ratio < LINEAR_RATIO, f"4x the dots took {ratio:.1f}x as long: a regex reads the run once per dot"
