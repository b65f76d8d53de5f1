"""Whether a text holds any of a set of phrases: the first test of the cleaner's keyword rules.

Most lines hold none of a rule's phrases, and then its regex, which tries every phrase at every position,
need not run. The reference is an Aho-Corasick automaton (pyahocorasick), which reads a text once whatever
the number of phrases, but spends about 25 ns a character doing so (1.6 µs on a line of 52 characters, a
quarter of that to set up the scan). `_speedups.holds_phrase` gives the same answer with a bitmap of the
phrases' first two characters: a position whose pair starts no phrase is ruled out by one bit test, and
the few that remain compare the phrases filed under the pair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

import ahocorasick

from build_dataset.clean.native import speedups, use_speedups


def automaton_test(phrases: Iterable[str]) -> Callable[[str], bool]:
    """Whether a text holds one of `phrases`, by the automaton: the reference of `phrase_test`. No text holds
    one of no phrases (an automaton of none refuses to search)."""
    automaton = ahocorasick.Automaton()
    for p in phrases:
        automaton.add_word(p, p)
    if not len(automaton):
        return lambda text: False
    automaton.make_automaton()

    def holds(text: str) -> bool:
        return next(automaton.iter(text), None) is not None

    return holds


def phrase_test(phrases: Iterable[str]) -> Callable[[str], bool]:
    """A test of whether a text holds one of `phrases` (non-empty str) as a substring, in C where the extension
    was built, else by an automaton (`automaton_test`). Phrases and texts are compared code point by code
    point, as given: a caller lowercases both."""
    phrases = tuple(phrases)
    if not all(isinstance(p, str) and p for p in phrases):
        raise ValueError("every phrase must be a str of one character or more")
    if speedups is None or not use_speedups:
        return automaton_test(phrases)
    return partial(speedups.holds_phrase, speedups.phrase_set(phrases))
