"""Load the entity catalog (data/entities.yaml) and compile its aliases into one Aho-Corasick automaton.

Aliases are reduced to token keys (normalize.alias_keys) and joined with spaces; the article is reduced
the same way, so one pass of the automaton finds every alias in every case form, at a cost that does
not grow with the size of the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick
import yaml

from build_dataset.annotate.normalize import CYRILLIC_RE, TOKEN_RE, alias_keys, morph_analyzer, token_key

TYPES = ("PERSON", "ORG", "LOC", "EVENT", "MISC")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class CatalogEntity:
    """One entry of the catalog."""

    name: str
    type: str
    wikidata: str | None
    context: frozenset[str]  # token keys anywhere in the article that license an ambiguous alias
    near: frozenset[str]  # token keys within NEAR_TOKENS of the mention that make this entity win


@dataclass(frozen=True)
class Candidate:
    """An alias that a key sequence may stand for, with the letter case it demands of the text."""

    entity: int  # index into Catalog.entities
    case: tuple[str, ...]  # per token: "upper" (acronym), "title" (capitalised) or "any"
    ambiguous: bool


@dataclass(frozen=True)
class Catalog:
    """The compiled catalog: entities, the automaton over alias keys, and words that are never names."""

    entities: tuple[CatalogEntity, ...]
    automaton: Any  # ahocorasick.Automaton: " key key " -> (n_tokens, tuple[Candidate, ...])
    not_entities: frozenset[str]  # token keys of capitalised words that are not names on their own
    forms: dict[str, dict[str, str]]  # language -> inflected form of a catalog noun -> its key


def _case_shape(alias: str) -> tuple[str, ...]:
    shape = []
    for m in TOKEN_RE.finditer(alias):
        word = m.group()
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            shape.append("upper")
        elif letters and letters[0].isupper():
            shape.append("title")
        else:
            shape.append("any")
    return tuple(shape)


def _validate(item: dict[str, Any]) -> None:
    if item.get("type") not in TYPES:
        raise ValueError(f"catalog entity {item.get('name')!r}: type must be one of {TYPES}")
    qid = item.get("wikidata")
    if qid is not None and not _QID_RE.match(str(qid)):
        raise ValueError(f"catalog entity {item['name']!r}: wikidata must be a QID like Q184 or null")


def _words(values: Any, where: str) -> list[str]:
    """A YAML list of words; bare On/Yes/No would parse as booleans, so they must be quoted."""
    for value in values or []:
        if not isinstance(value, str):
            raise ValueError(f"{where}: {value!r} is not a string (quote it in the YAML)")
    return list(values or [])


def compile_catalog(data: dict[str, Any]) -> Catalog:
    """Build a Catalog from the parsed YAML (separate from loading so tests can pass small catalogs)."""
    entities: list[CatalogEntity] = []
    table: dict[str, tuple[int, list[Candidate]]] = {}
    for index, item in enumerate(data.get("entities", [])):
        _validate(item)
        ambiguous = {a for a in item.get("ambiguous", []) or []}
        context = frozenset(token_key(w, None) for phrase in item.get("context", []) or []
                            for w in TOKEN_RE.findall(str(phrase)))
        near = frozenset(token_key(w, lang) for phrase in item.get("near", []) or []
                         for w in TOKEN_RE.findall(str(phrase)) for lang in ("uk", "ru", "be"))
        entities.append(CatalogEntity(item["name"], item["type"], item.get("wikidata"), context, near))
        aliases = [item["name"]]
        for language, per_language in (item.get("aliases") or {}).items():
            aliases.extend(_words(per_language, f"{item['name']} aliases.{language}"))
        for alias in dict.fromkeys(str(a) for a in aliases):
            candidate = Candidate(index, _case_shape(alias), alias in ambiguous)
            for key in alias_keys(alias):
                n_tokens, candidates = table.setdefault(key, (len(key.split(" ")), []))
                if candidate not in candidates:
                    candidates.append(candidate)
    forms = _inflection_tables(data)
    automaton = ahocorasick.Automaton()
    for key, (n_tokens, candidates) in table.items():
        automaton.add_word(f" {key} ", (n_tokens, tuple(candidates)))
    automaton.make_automaton()
    not_entities = frozenset(token_key(w, lang if lang != "en" else None)
                             for lang, words in (data.get("not_entities") or {}).items()
                             for w in _words(words, f"not_entities.{lang}"))
    return Catalog(tuple(entities), automaton, not_entities, forms)


def _inflection_tables(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Every case form of every Cyrillic noun in the aliases, mapped to the key the alias word has.

    Listing the catalog's own names' paradigms makes matching independent of which reading pymorphy3
    ranks first for an inflected word in running text.
    """
    tables: dict[str, dict[str, str]] = {"uk": {}, "ru": {}}
    words = sorted({w for item in data.get("entities", []) for per_language in (item.get("aliases") or {}).values()
                    for alias in per_language or [] for w in TOKEN_RE.findall(str(alias))
                    if CYRILLIC_RE.search(w)})
    for lang, table in tables.items():
        morph = morph_analyzer(lang)
        for word in words:
            key = token_key(word, lang)
            for parse in morph.parse(word.lower()):
                if parse.tag.POS != "NOUN" or parse.normal_form != key.replace("е", "е"):
                    continue
                for form in parse.lexeme:
                    table.setdefault(form.word.replace("ё", "е"), key)
    return tables


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog, compiled once per process."""
    text = resources.files("build_dataset").joinpath("data/entities.yaml").read_text(encoding="utf-8")
    return compile_catalog(yaml.safe_load(text))
