"""Pick the page's stopword list cheaply: the jusText stoplist with the most hits among its words.

Stopword density is the strongest language-independent sign of prose (menus and link lists hold
nouns, sentences hold function words), but it needs the right list. Detecting the language with a
full model per page would cost more than the rest of the cleaner, so the lists vote instead: one
combined lookup from word to the languages whose list holds it, counted over a sample of words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import justext

from build_dataset.clean.native import speedups, use_speedups

WORD_RE = re.compile(r"\w+")
SAMPLE_WORDS = 400
"""Words sampled from the page's longer lines to vote on the language: plenty, and bounded."""
SAMPLE_CHARS = 4000
MAX_LANGUAGES_PER_WORD = 12
MIN_HIT_RATE = 0.08
"""Below this share of stopwords no list fits (Chinese, Japanese, code): stopwords are not used."""


@lru_cache(maxsize=1)
def _combined() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], tuple[frozenset[str], ...]]:
    """Language names, word -> indices of the languages listing it, and each language's list."""
    names = tuple(sorted(justext.get_stoplists()))
    lists = tuple(frozenset(w.lower() for w in justext.get_stoplist(n)) for n in names)
    index: dict[str, list[int]] = {}
    for i, words in enumerate(lists):
        for w in words:
            index.setdefault(w, []).append(i)
    # words listed by very many languages ("a", "de", "la") cannot tell them apart: not counted
    return names, {w: tuple(ix) for w, ix in index.items() if len(ix) <= MAX_LANGUAGES_PER_WORD}, lists


def pick_stoplist(sample_text: str) -> tuple[str | None, frozenset[str]]:
    """The language name and stoplist that best cover the sample's words, or (None, empty).

    Votes are divided by the fourth root of a list's size, so a 4,000-word list does not win
    over a 400-word one only by being long.
    """
    return stoplist_for_words(WORD_RE.findall(sample_text.lower(), 0, SAMPLE_CHARS)[:SAMPLE_WORDS])


def stoplist_for_words(words: list[str]) -> tuple[str | None, frozenset[str]]:
    """`pick_stoplist` on the sample's lowercased words (at most SAMPLE_WORDS from its first SAMPLE_CHARS
    characters), for callers that have them already (see `lines.language_words`)."""
    if not words:
        return None, frozenset()
    names, index, lists = _combined()
    found = _best(words, index, _weights())
    if found is None or found[1] / len(words) < MIN_HIT_RATE:
        return None, frozenset()
    return names[found[0]], lists[found[0]]


@lru_cache(maxsize=1)
def _weights() -> tuple[float, ...]:
    """What each language's votes are divided by: the fourth root of its list's size."""
    return tuple(len(words) ** 0.25 for words in _combined()[2])


def best_stoplist_python(words: list[str], index: dict[str, tuple[int, ...]],
                         weights: tuple[float, ...]) -> tuple[int, int] | None:
    """The language whose votes (`stoplist_votes_python`) divided by its weight are the most (the first of
    equals), and its votes; None when no language has a vote. Only a language with votes can pass
    MIN_HIT_RATE, and any of them outranks all without votes. The reference of `_speedups.best_stoplist`,
    which counts and chooses in one call."""
    votes = stoplist_votes_python(words, index, len(weights))
    voted = [i for i, v in enumerate(votes) if v]
    if not voted:
        return None
    best = max(voted, key=lambda i: (votes[i] / weights[i], -i))
    return best, votes[best]


def stoplist_votes_python(words: list[str], index: dict[str, tuple[int, ...]], languages: int) -> list[int]:
    """For each language, how many of `words` its stoplist holds (`index`: word -> the languages listing it)."""
    votes = [0] * languages
    # a sample repeats its function words many times: each distinct word is looked up once
    for w, count in Counter(words).items():
        for i in index.get(w, ()):
            votes[i] += count
    return votes


def _best(words: list[str], index: dict[str, tuple[int, ...]], weights: tuple[float, ...]) -> tuple[int, int] | None:
    if speedups is None or not use_speedups:
        return best_stoplist_python(words, index, weights)
    best: tuple[int, int] | None = speedups.best_stoplist(words, index, weights, _index_bits())
    return best


INDEX_BITS = 1 << 21
"""Bits of `_index_bits`: about 14 a word of the index, so a word in no list finds its bit set 7% of the time."""


@lru_cache(maxsize=1)
def _index_bits() -> bytes:
    """The bit at the low bits of each index word's hash set (a filter of Bloom's with one hash), for
    `_speedups.best_stoplist` to skip the look-up of a word in no stoplist: the index's 150,000 words are far
    beyond the processor's caches, each look-up of an absent word read memory a few times, and six words
    in ten of a page's sample are in no list. Built in the process that reads it: str hashes are salted a
    process (PYTHONHASHSEED)."""
    bits = bytearray(INDEX_BITS // 8)
    for word in _combined()[1]:
        at = hash(word) & (INDEX_BITS - 1)
        bits[at >> 3] |= 1 << (at & 7)
    return bytes(bits)


@lru_cache(maxsize=1)
def _language_names() -> dict[frozenset[str], str]:
    """Each stoplist -> its language's name (a set's hash is computed once and kept: a look-up is cheap)."""
    names, _, lists = _combined()
    return {words: name for name, words in zip(names, lists, strict=True)}


def language_of(stoplist: frozenset[str]) -> str | None:
    """The name of the language whose list `stoplist` is (as `stoplist_for_words` gave it), or None:
    a reader of the page's dates needs its language's customs."""
    return _language_names().get(stoplist)
