"""The header reader's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

import re
from re import _parser

from hypothesis import given, settings
from hypothesis import strategies as st

from build_dataset.clean.bylines import SIGN_OFF_RUN, _body_ends
from build_dataset.clean.classify import BAD, GOOD, NEARGOOD, SHORT, Verdict
from build_dataset.clean.header_lines import _PREFIX_INITIALS, _PREFIX_WORDS, BARE_PREFIX, BYLINE_PREFIX
from build_dataset.clean.headlines import _deck_after, _glued_or_decked, _glued_to, _related_lines


def _first_letters(items: _parser.SubPattern | list) -> tuple[set[str], bool]:
    """The literal characters a match of a parsed pattern may start with, and whether it may match the
    empty string (a pattern of literals, groups, branches and repeats, as the byline prefixes are)."""
    first: set[str] = set()
    for op, av in items:
        if op is _parser.AT:
            continue
        if op is _parser.LITERAL:
            return first | {chr(av)}, False
        if op is _parser.SUBPATTERN:
            inner, empty = _first_letters(av[-1])
        elif op is _parser.BRANCH:
            parts = [_first_letters(branch) for branch in av[1]]
            inner, empty = set().union(*(p for p, _ in parts)), any(e for _, e in parts)
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            inner, empty = _first_letters(av[2])
            empty = empty or av[0] == 0
        else:  # a class, a category (\s): whatever it holds, the lookahead must name it
            raise AssertionError(f"a prefix's pattern starts with {op}")
        first |= inner
        if not empty:
            return first, False
    return first, True


def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(re.sub(r"^\^\(\?=\[[^\]]*\]\)", "^", pattern.pattern), pattern.flags)


def test_every_prefix_starts_with_a_letter_of_the_lookahead() -> None:
    words, empty = _first_letters(_parser.parse(f"(?:{_PREFIX_WORDS})", re.IGNORECASE))
    assert not empty and words <= set(_PREFIX_INITIALS)
    for pattern in (BYLINE_PREFIX, BARE_PREFIX):
        plain = _without_lookahead(pattern)
        assert plain.pattern != pattern.pattern
        lookahead = pattern.pattern[len("^(?=["):pattern.pattern.index("])")]
        letters, empty = _first_letters(_parser.parse(plain.pattern, plain.flags))
        assert not empty and letters <= set(lookahead)


_PREFIXES = ["By", "bY", "Von", "Autor:", "Autorin", "AUTHOR", "Text und Interview:", "Eine Kolumne von", "Автор",
             "\u212aolumne von", "\u1c84екст", "Über den Autor", "zum Autor", "About the author", "Posted by"]


@settings(max_examples=300)
@given(st.sampled_from(["", *_PREFIXES]), st.sampled_from(["", " ", ": ", " : ", "  "]),
       st.text(alphabet="aBz ÉК\u212a\u1c84.:-", max_size=12))
def test_prefix_regexes_match_as_without_their_lookahead(prefix: str, gap: str, rest: str) -> None:
    for text in (prefix + gap + rest, rest, prefix + gap):
        for pattern in (BYLINE_PREFIX, BARE_PREFIX):
            got, want = pattern.match(text), _without_lookahead(pattern).match(text)
            assert (got and got.group(0)) == (want and want.group(0))


_NAME_PARTS = ["Jane Roe", "John Doe", ",", ", ", " & ", " and ", " And ", " und ", " et ", " y ", " e ", " i ", " и ",
               " та ", " і ", " й ", "Ana", "Yves", "Иван", "Тарас", "\u00a0", "  ", "-"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAME_PARTS), max_size=8))
def test_name_split_splits_as_without_its_lookahead(parts: list[str]) -> None:
    from build_dataset.clean.bylines import _NAME_SPLIT

    text = "".join(parts)
    assert _NAME_SPLIT.split(text) == _without_lookahead(_NAME_SPLIT).split(text)


@settings(max_examples=300)
@given(st.text(alphabet="ab@ .-_1Jr", max_size=30))
def test_contacts_are_removed_as_by_the_plain_substitution(text: str) -> None:
    from build_dataset.clean.bylines import _CONTACT, _without_contact

    for by in ("", " "):
        assert _without_contact(text, by) == _CONTACT.sub(by, text)


_DATE_PARTS = ["3", "12", "2021", "21", "1999", ".", "/", "-", " ", ". ", "Mai ", "May ", "march ", ", ", "10:30",
               "T", "de ", "th", "2022-02-24", "19. Dezember 202219. Dezember 2022", " - "]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=10), st.sampled_from([True, False, None]))
def test_dates_read_as_with_every_form(parts: list[str], day_first: bool | None) -> None:
    from build_dataset.clean import dates

    text = "".join(parts)
    low = text.lower()
    forms = dates._FORMS[day_first]
    want = next((read(m) for pattern, read in forms if (m := pattern.search(low))), None)
    assert dates.parse_date(text, day_first=day_first) == want
    first = min((m for pattern, _ in dates._FORMS[None] if (m := pattern.search(low))), key=lambda m: m.start(),
                default=None)
    got = dates.first_date(text)
    assert (got and got.span()) == (first and first.span())
    found = sorted(((m.start(), m.end(), read(m)) for pattern, read in forms for m in pattern.finditer(low)),
                   key=lambda x: x[0])
    if not any(dates._RANGE_DASH.fullmatch(low, a[1], b[0]) for a, b in zip(found, found[1:], strict=False)):
        assert dates.publication_date(text, day_first=day_first) == min(
            (d for _, _, d in found if d is not None), default=None)
    else:  # a period's two ends
        assert dates.publication_date(text, day_first=day_first) is None


def _plain_content_words(text: str, stoplist: frozenset[str]) -> set[str]:
    """`headlines._content_words` as written before its Latin-1 path and its cache."""
    from build_dataset.clean.headlines import _CJK, _STEM
    from build_dataset.clean.lines import WORD_RE

    low = text.lower()
    words = {w[:_STEM] for w in WORD_RE.findall(low) if len(w) >= 4 and not w.isdigit() and w not in stoplist}
    if _CJK.search(low):
        chars = [c for c in low if _CJK.match(c)]
        words = {w for w in words if not _CJK.search(w)} | {a + b for a, b in zip(chars, chars[1:], strict=False)}
    return words


_WORDY = st.text(alphabet=st.sampled_from(list("aBcDéÉßÿµªº_0123 .,-'\u00a0\u00b2Жжİı痴漢がカ한")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_WORDY)
def test_content_words_equal_the_plain_ones(text: str) -> None:
    from build_dataset.clean.headlines import _content_words

    stoplist = frozenset({"über", "ssss", "dddd"})
    assert _content_words(text, stoplist) == _plain_content_words(text, stoplist)
    assert _content_words("Über die Straße: ÉTÉ 2023, µ-Wellen", stoplist) \
        == _plain_content_words("Über die Straße: ÉTÉ 2023, µ-Wellen", stoplist)


def _plain_body_ends(verdicts: list[Verdict], start: int) -> set[int]:
    """`_body_ends` as first written: the kept lines from `start` on, listed, and their last run sought."""
    good = [k for k in range(start, len(verdicts)) if verdicts[k].cls == GOOD]
    if not good:
        return set()
    return {good[-1], next((good[j] for j in range(len(good) - 1, SIGN_OFF_RUN - 2, -1)
                            if good[j] - good[j - SIGN_OFF_RUN + 1] == SIGN_OFF_RUN - 1), good[-1])}


@settings(max_examples=500)
@given(st.lists(st.sampled_from([GOOD, BAD, SHORT, NEARGOOD]), max_size=30), st.integers(0, 32))
def test_body_ends_read_from_the_end_equal_the_plain_ones(classes: list[int], start: int) -> None:
    verdicts = [Verdict(c) for c in classes]
    assert _body_ends(verdicts, start) == _plain_body_ends(verdicts, start)


_HEADER_TEXTS = st.lists(st.text(alphabet="ab .:", max_size=40), min_size=1, max_size=12)
"""A header's lines, of few letters, so that lines often start or end others."""


@settings(max_examples=500)
@given(_HEADER_TEXTS, st.integers(0, 11))
def test_related_lines_equal_the_plain_count(bodies: list[str], k: int) -> None:
    b = bodies[k % len(bodies)]
    plain = sum(1 for o in bodies if o == b or (len(o) > len(b) and (o.endswith(b) or o.startswith(b)))
                or (len(o) >= 12 and b.startswith(o)))
    cut = tuple(o for o in bodies if len(o) >= 12)
    assert _related_lines(b, bodies, "\n".join(bodies), cut) == plain


@settings(max_examples=500)
@given(_HEADER_TEXTS, st.integers(0, 11), st.text(alphabet="aB .:", max_size=40))
def test_glued_or_decked_equals_the_plain_test(bodies: list[str], k: int, extra: str) -> None:
    b = bodies[k % len(bodies)]
    bodies = [*bodies, b + extra, extra + b]
    for line in (b, b + extra, extra + b):
        long_bodies = tuple(o for o in bodies if len(o) >= 20)
        plain = any(_glued_to(line, o) or _deck_after(line, o) for o in long_bodies
                    if line.startswith(o) or line.endswith(o))
        assert _glued_or_decked(line, long_bodies) == plain


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", "x", "A headline"]), max_size=80), st.integers(min_value=0, max_value=90))
def test_header_lines_are_the_last_non_blank_lines_above(texts: list[str], start: int) -> None:
    """`header_lines`, read from the body's start up, gives the plain list's last HEADER_LINES non-blank lines."""
    from build_dataset.clean.header_lines import HEADER_LINES, header_lines
    from build_dataset.clean.lines import split_lines_python

    made = split_lines_python("x\n" * len(texts))
    for ln, text in zip(made, texts, strict=True):
        ln.text = text  # (blank lines are not made by split_lines, but the rules allow for them)
    start = min(start, len(made))
    assert header_lines(made, start) == [i for i in range(start) if made[i].text][-HEADER_LINES:]
