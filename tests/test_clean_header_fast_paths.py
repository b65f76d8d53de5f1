"""The header reader's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

import re
from re import _parser

from hypothesis import given, settings
from hypothesis import strategies as st

from build_dataset.clean.header_lines import _PREFIX_INITIALS, _PREFIX_WORDS, BARE_PREFIX, BYLINE_PREFIX


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
