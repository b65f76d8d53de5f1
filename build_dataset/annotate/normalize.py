"""Split text into word tokens with offsets and reduce each to a lemma-like key that survives grammar.

Ukrainian and Russian inflect names (путіним, Лукашенком, Білорусі, Києва, москвою), English adds
possessives (Ukraine’s) and diacritics vary (António/Antonio). Catalog aliases and article text go
through the same `token_key`, so an alias written once in the nominative matches every case form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import pymorphy3

# Letters and digits, with inner apostrophes (Ukrainian м'янма, English Ukraine’s). Hyphens split tokens so
# that "Putin-Lukashenko" yields two names while "Rostov-on-Don" still matches as a token sequence.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"['’ʼ]s$", re.IGNORECASE)
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_UK_LETTERS = set("іїєґ")
_BE_LETTERS = set("ўэы")
_RU_LETTERS = set("ыэъё")

# pymorphy3 sometimes prefers a common noun (Києві -> кий "cue"); for names, a parse tagged as a proper
# noun is the one we want.
_PROPER_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})

# Belarusian has no pymorphy3 dictionary; stripping the common case endings (and the soft sign) from both
# text and aliases is crude but symmetric, which is all matching needs.
_BE_ENDINGS = tuple(sorted(
    ["амі", "ямі", "ымі", "імі", "ою", "ай", "ей", "ой", "ом", "ам", "ем", "ым", "ім", "ах", "ях", "ых", "іх",
     "ага", "ога", "аму", "ому", "ую", "ая", "ае", "ы", "і", "у", "ю", "е", "а", "я", "о", "ь"],
    key=len, reverse=True))


class Token(NamedTuple):
    """A word of the text: where it is, how it is written and its matching key (a tuple: tokenising is hot)."""

    start: int
    end: int  # possessive 's excluded, so a mention of "Ukraine’s" ends after "Ukraine"
    surface: str
    key: str


@lru_cache(maxsize=4)
def morph_analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyzer of a language, loaded once (loading takes a quarter of a second)."""
    return pymorphy3.MorphAnalyzer(lang=lang)


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    """Lemma of a lower-cased Cyrillic word, preferring proper-noun readings (cached: pymorphy3 is slow)."""
    parses = morph_analyzer(lang).parse(word)
    if not parses:
        return word
    for parse in parses:
        if _PROPER_TAGS & parse.tag.grammemes:
            return parse.normal_form
    return parses[0].normal_form


@lru_cache(maxsize=100_000)
def name_tags(word: str, lang: str | None) -> frozenset[str]:
    """The proper-noun tags (Name, Surn, Patr, Geox, Orgn) any reading of a lower-cased word carries.

    Used to type names the catalog lacks; Belarusian words are looked up in the Ukrainian dictionary,
    which shares most given names. Latin words carry none.
    """
    if not CYRILLIC_RE.search(word):
        return frozenset()
    which = cyrillic_language(word, lang)
    analyzer = morph_analyzer("ru" if which == "ru" else "uk")
    return frozenset(g for parse in analyzer.parse(word) for g in parse.tag.grammemes if g in _PROPER_TAGS)


@lru_cache(maxsize=200_000)
def _be_stem(word: str) -> str:
    for ending in _BE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def cyrillic_language(word: str, hint: str | None) -> str:
    """Which Cyrillic normaliser to use for a word: the article's language, else its letters decide."""
    if hint in ("uk", "ru", "be"):
        return hint
    letters = set(word)
    if letters & _UK_LETTERS and not letters & _BE_LETTERS:
        return "uk"
    if "ў" in letters or ("і" in letters and letters & _BE_LETTERS):
        return "be"
    if letters & _RU_LETTERS:
        return "ru"
    return "uk"


@lru_cache(maxsize=500_000)
def token_key(word: str, lang: str | None) -> str:
    """The matching key of one word: lemma for Cyrillic, lower-cased accent-free form for Latin."""
    lower = word.lower().replace("’", "'").replace("ʼ", "'")
    if CYRILLIC_RE.search(lower):
        which = cyrillic_language(lower, lang)
        if which == "be":
            return _be_stem(lower)
        return _lemma(lower, which).replace("ё", "е")
    return _strip_accents(lower)


@lru_cache(maxsize=500_000)
def _word_and_key(word: str, lang: str | None) -> tuple[str, str]:
    """The word without an English possessive, and its key."""
    if not CYRILLIC_RE.search(word):
        possessive = _POSSESSIVE_RE.search(word)
        if possessive and len(word) > 2:
            word = word[: possessive.start()]
    return word, token_key(word, lang)


def tokenize(text: str, lang: str | None = None) -> list[Token]:
    """Word tokens of `text` with offsets and matching keys (English possessives split off)."""
    tokens: list[Token] = []
    for match in TOKEN_RE.finditer(text):
        start = match.start()
        word, key = _word_and_key(match.group(), lang)
        tokens.append(Token(start, start + len(word), word, key))
    return tokens


def alias_keys(alias: str) -> set[str]:
    """Every key sequence an alias can take: one per normaliser, since the article language decides."""
    words = [m.group() for m in TOKEN_RE.finditer(alias)]
    if not words:
        return set()
    if not any(CYRILLIC_RE.search(w) for w in words):
        return {" ".join(_word_and_key(w, None)[1] for w in words)}
    return {" ".join(_word_and_key(w, lang)[1] for w in words) for lang in ("uk", "ru", "be")}
