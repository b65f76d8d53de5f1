"""Find named-entity mentions in an article: catalog links first, then unlinked proper-noun runs.

Linking runs the catalog's Aho-Corasick automaton over the article's token keys (one pass, cost
independent of the catalog size); the longest match wins, so "Minsk agreements" beats "Minsk".
Ambiguous aliases ("Wagner") link only when the article holds one of their entity's context words.
Capitalised runs the catalog does not know are kept with a guessed type and no name, so the
unlinked-mentions report can show maintainers what to add.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from build_dataset.annotate.catalog import Candidate, Catalog, load_catalog
from build_dataset.annotate.normalize import Token, cyrillic_language, name_tags, tokenize
from build_dataset.schema import Entity

# Between two tokens of one name: a space, a hyphen (Rostov-on-Don) or the dot of an initialism (U.N.).
# A possessive inside a name ("Luhansk People’s Republic") is a gap too, for catalog aliases only.
_NAME_GAP_RE = re.compile(r"^(?:[ \u00a0]|-|\.|\. )$")
_ALIAS_GAP_RE = re.compile(r"^(?:[ \u00a0]|-|\.|\. |['’]s )$")
_INITIALISM_RE = re.compile(r"^(?:\w\.)+\w$")
NEAR_TOKENS = 4
_SENTENCE_BREAK_RE = re.compile(r"[.!?…\n•:;]")
_CONNECTORS = frozenset({"of", "the"})

# Words (token keys: lemmas for Cyrillic) before an unknown capitalised run that say a person follows.
_PERSON_CUES = frozenset({
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chief", "head",
    "leader", "mr", "mrs", "ms", "dr", "general", "gen", "commander", "ambassador", "chairman", "official",
    "diplomat", "envoy", "mayor", "governor", "senator", "premier", "negotiator", "секретарь",
    "adviser", "advisor", "aide", "prosecutor", "journalist", "opposition", "activist",
    "генсек", "генсеком", "речниця", "переговірник", "радник", "помічник",
    "президент", "міністр", "прем'єр", "речник", "голова", "посол", "генерал", "лідер", "пан", "пані",
    "министр", "премьер", "пресс-секретарь", "глава", "господин", "госпожа", "лидер",
    "прэзідэнт", "кіраўнік", "спадар", "спадарыня",
})
_ORG_WORDS = frozenset({
    "committee", "council", "ministry", "agency", "party", "organization", "organisation", "union", "bank",
    "group", "news", "service", "services", "duma", "parliament", "court", "army", "forces", "corporation",
    "company", "inc", "ltd", "university", "office", "institute", "foundation", "fund", "commission",
    "assembly", "times", "post", "press", "tv", "radio", "network", "club", "association", "theatre",
    "theater", "museum",
    "комітет", "рада", "міністерство", "агентство", "партія", "служба", "суд", "армія", "банк",
    "комитет", "совет", "министерство", "партия", "армия", "камітэт", "міністэрства",
})
_PLACE_PREPOSITIONS = frozenset({
    "in", "at", "from", "near", "outside", "across", "into", "у", "в", "з", "із", "до", "біля", "під", "во", "из",
    "от", "ў", "каля", "ля", "ад",
})
_ATTRIBUTION_AFTER_RE = re.compile(
    r"^,?\s+(?:said|says|told|wrote|added|noted|stressed|claimed|заявив|заявила|сказав|сказала|написав|"
    r"написала|заявил|заявила|сказал|сказала|написал|заявіў|заявіла|сказаў|сказала|адказала|адказаў)\b")
_LOC_WORDS = frozenset({
    "peninsula", "sea", "river", "region", "oblast", "city", "island", "mountains", "lake", "ocean", "bay",
    "province", "district", "republic", "republics", "street", "square", "palace", "airport", "bridge",
    "cathedral", "station", "port", "strait", "valley", "desert",
    "область", "місто", "море", "річка", "півострів", "город", "река", "полуостров", "вобласць",
})


def _contiguous(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    return all(_ALIAS_GAP_RE.match(text[tokens[i].end:tokens[i + 1].start]) or
               tokens[i].end == tokens[i + 1].start for i in range(first, last))


def _case_ok(tokens: Sequence[Token], first: int, shape: tuple[str, ...]) -> bool:
    for offset, want in enumerate(shape):
        if want == "any":
            continue
        word = tokens[first + offset].surface
        if want == "upper" and not word.isupper():
            return False
        if want == "title" and not word[:1].isupper():
            return False
    return True


def _choose(candidates: Sequence[Candidate], catalog: Catalog, article_keys: frozenset[str],
            nearby: set[str]) -> int | None:
    """The entity a match stands for.

    In order: an entity whose `near` words sit next to the mention ("republics of Donetsk"), a plain
    alias, an ambiguous alias whose entity's `context` words occur in the article; else unlinked.
    """
    close = [c.entity for c in candidates if catalog.entities[c.entity].near & nearby]
    if close:
        return min(close)
    plain = [c.entity for c in candidates if not c.ambiguous]
    if plain:
        return min(plain)
    scored = sorted((-len(catalog.entities[c.entity].context & article_keys), c.entity) for c in candidates)
    if scored and scored[0][0] < 0:
        return scored[0][1]
    return None


def _catalog_form_keys(tokens: Sequence[Token], catalog: Catalog, language: str | None) -> list[str] | None:
    """Keys from the catalog's own inflection tables, where they differ from the lemmatiser's guess.

    pymorphy3's first reading of a capitalised Ukrainian word is often an adjective (Мінську ->
    мінський, Ростові -> ростовий); the inflected forms of the catalog's names, listed when the catalog
    is compiled, say it is the city. None when no token differs.
    """
    keys = []
    changed = False
    for token in tokens:
        key = token.key
        if not token.surface.isascii():
            lower = token.surface.lower()
            table = catalog.forms.get(cyrillic_language(lower, language))
            if table is not None and lower in table:
                key = table[lower]
                changed = changed or key != token.key
        keys.append(key)
    return keys if changed else None


def _matches(joined: str, keys: Sequence[str], automaton: object) -> list[tuple[int, int, tuple]]:
    """(first token, n_tokens, candidates) of every automaton hit over one key sequence."""
    token_at: dict[int, int] = {}
    position = 0
    for index, key in enumerate(keys):
        token_at[position] = index
        position += len(key) + 1
    hits = []
    for end, (n_tokens, candidates) in automaton.iter(joined):  # type: ignore[attr-defined]
        first = _first_token(token_at, joined, end, n_tokens)
        if first is not None:
            hits.append((first, n_tokens, candidates))
    return hits


def _linked_spans(text: str, tokens: Sequence[Token], catalog: Catalog, language: str | None
                  ) -> list[tuple[int, int, int | None]]:
    """(first token, last token exclusive, entity index or None if ambiguous) of catalog matches."""
    if not tokens:
        return []
    keys = [t.key for t in tokens]
    hits = _matches(" " + " ".join(keys) + " ", keys, catalog.automaton)
    form_keys = _catalog_form_keys(tokens, catalog, language)
    if form_keys is not None:
        hits.extend(_matches(" " + " ".join(form_keys) + " ", form_keys, catalog.automaton))
    article_keys = frozenset(keys)
    found: list[tuple[int, int, int | None]] = []
    for first, n_tokens, candidates in hits:
        last = first + n_tokens
        if not _contiguous(text, tokens, first, last - 1):
            continue
        fitting = [c for c in candidates if _case_ok(tokens, first, c.case)]
        if not fitting:
            continue
        nearby = set(keys[max(0, first - NEAR_TOKENS):first]) | set(keys[last:last + NEAR_TOKENS])
        found.append((first, last, _choose(fitting, catalog, article_keys, nearby)))
    # Longest match first, then leftmost; drop anything overlapping a match already taken.
    found = sorted(set(found), key=lambda m: (-(m[1] - m[0]), m[0], m[2] is None, m[2] or 0))
    taken = [False] * len(tokens)
    chosen = []
    for first, last, entity in found:
        if any(taken[first:last]):
            continue
        for i in range(first, last):
            taken[i] = True
        chosen.append((first, last, entity))
    return sorted(chosen)


def _first_token(token_at: dict[int, int], joined: str, end: int, n_tokens: int) -> int | None:
    """Token index where a match ending at `end` (the closing space) begins."""
    # Walk back over n_tokens keys: each key is preceded by one space.
    position = end
    for _ in range(n_tokens):
        position = joined.rfind(" ", 0, position)
        if position < 0:
            return None
    return token_at.get(position)


_OPENING_QUOTES = ("“", "\"", "«", "„")
_CLOSING_QUOTES = "”\"»“"


def _quoted_name(text: str, token: Token) -> bool:
    """True when the token opens a short quoted span, which is a name («Интерфакс»), not a sentence."""
    closing = re.search(f"[{_CLOSING_QUOTES}]", text[token.start:token.start + 40])
    return closing is not None and len(text[token.start:token.start + closing.start()].split()) <= 3


def _sentence_starts(text: str, tokens: Sequence[Token]) -> list[bool]:
    starts = [True] * len(tokens)
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1].end:tokens[i].start]
        if gap == " ":
            starts[i] = False
            continue
        starts[i] = bool(_SENTENCE_BREAK_RE.search(gap)) or (
            gap.strip() in _OPENING_QUOTES and not _quoted_name(text, tokens[i]))
    return starts


def _capitalised(token: Token) -> bool:
    first = token.surface[0]
    return first.isupper()


def _guess_type(text: str, tokens: Sequence[Token], first: int, last: int, language: str | None) -> str:
    """A type for a name the catalog lacks, from the words in and around it.

    Organisation or place words inside the name decide first; then a title before it ("negotiator
    Rustem Umerov"), the Ukrainian/Russian dictionaries' own name tags (Андрій: Name, Стамбуле: Geox),
    an attribution verb after it (Umerov told) and a preposition of place before it (in Vilnius).
    A name in quotation marks in Cyrillic text is an organisation by the local convention («Интерфакс»).
    """
    keys = {tokens[i].key for i in range(first, last)}
    if keys & _ORG_WORDS:
        return "ORG"
    if last - first == 1 and sum(c.isupper() for c in tokens[first].surface) >= 2:
        return "ORG"  # an acronym the catalog lacks (МЗС, BelTA) is most often an organisation
    if keys & _LOC_WORDS:
        return "LOC"
    before = tokens[first - 1].key if first > 0 else ""
    if before in _PERSON_CUES:
        return "PERSON"
    tags: set[str] = set()
    for i in range(first, last):
        tags |= name_tags(tokens[i].surface.lower(), language)
    if tags & {"Name", "Surn", "Patr"}:
        return "PERSON"
    if "Geox" in tags:
        return "LOC"
    if "Orgn" in tags:
        return "ORG"
    after = text[tokens[last - 1].end:tokens[last - 1].end + 30]
    if _ATTRIBUTION_AFTER_RE.match(after):
        return "PERSON"
    if before in _PLACE_PREPOSITIONS and first > 0 and text[tokens[first - 1].end:tokens[first].start] == " ":
        return "LOC"
    gap = text[tokens[first - 1].end:tokens[first].start] if first > 0 else ""
    if gap.strip() in _OPENING_QUOTES and not tokens[first].surface.isascii():
        return "ORG"
    return "MISC"


def _in_headline(text: str, tokens: Sequence[Token]) -> list[bool]:
    """Per token: whether its line is a Title Case heading (most longer words capitalised, at most 15
    words, no sentence-final punctuation)."""
    flags = [False] * len(tokens)
    start = 0
    while start < len(tokens):
        line_end = text.find("\n", tokens[start].start)
        line_end = len(text) if line_end < 0 else line_end
        end = start
        while end < len(tokens) and tokens[end].start < line_end:
            end += 1
        longer = [t for t in tokens[start:end] if len(t.surface) > 3 and t.surface[0].isalpha()]
        # the line from its first token on: slicing from the text's start would copy the page per line
        ends_sentence = text[tokens[start].start:line_end].rstrip().endswith(
            (".", "!", "?", "…", "\"", "”", "»"))
        if len(longer) >= 2 and sum(t.surface[0].isupper() for t in longer) >= 0.6 * len(longer) and \
                end - start <= 15 and not ends_sentence:
            for i in range(start, end):
                flags[i] = True
        start = end
    return flags


def _unlinked_runs(text: str, tokens: Sequence[Token], taken: Sequence[bool], catalog: Catalog,
                   language: str | None) -> list[tuple[int, int]]:
    """Capitalised token runs that no catalog alias covers (see module docstring for the rules)."""
    starts = _sentence_starts(text, tokens)

    flags = [not taken[i] and _capitalised(t) and t.key not in catalog.not_entities and not t.surface.isdigit()
             for i, t in enumerate(tokens)]
    headline = _in_headline(text, tokens)
    mid_sentence_caps = {t.key for i, t in enumerate(tokens) if flags[i] and not starts[i] and not headline[i]}
    # In a Title Case line ("Russia Ready for Talks With Ukraine") a capital proves nothing: only words
    # seen capitalised in running text count there.
    flags = [f and (not headline[i] or tokens[i].key in mid_sentence_caps) for i, f in enumerate(flags)]
    candidate = flags.__getitem__
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not candidate(i):
            i += 1
            continue
        first = last = i
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end:tokens[j].start]
            if not (_NAME_GAP_RE.match(gap) or gap == ""):
                break
            if candidate(j) and not starts[j]:
                last = j
                j += 1
                continue
            # "Servant of the People": connectors inside a name, only if a capitalised word follows.
            k = j
            while k < len(tokens) and tokens[k].surface in _CONNECTORS and k - j < 2:
                k += 1
            if k > j and k < len(tokens) and candidate(k) and not starts[k]:
                last = k
                j = k + 1
                continue
            break
        if starts[first] and tokens[first].key not in mid_sentence_caps and not (
                first < last and "Name" in name_tags(tokens[first].surface.lower(), language)):
            # A capital at sentence start proves nothing unless the word recurs capitalised, or is a
            # given name ahead of another capitalised word (Святлана Ціханоўская).
            first += 1
        while first <= last and tokens[first].surface in _CONNECTORS:
            first += 1
        if first <= last:
            runs.append((first, last + 1))
        i = last + 1
    return runs


# Languages that capitalise every noun: there a capital letter is no evidence of a name, so only
# catalog matches are emitted (German "Menschen", "Jahr" and the formal "Sie" would flood the report).
NOUN_CAPITALISING = frozenset({"de", "lb"})


def find_entities(text: str, language: str | None, catalog: Catalog | None = None) -> list[Entity]:
    """All entity mentions in `text`, sorted by offset: linked ones carry name and QID, others null."""
    catalog = catalog or load_catalog()
    tokens = tokenize(text, language)
    taken = [False] * len(tokens)
    entities: list[Entity] = []
    for first, last, index in _linked_spans(text, tokens, catalog, language):
        start, end = tokens[first].start, tokens[last - 1].end
        if text[end:end + 1] == "." and _INITIALISM_RE.match(text[start:end]):
            end += 1  # "U.N." keeps its last dot
        for i in range(first, last):
            taken[i] = True
        if index is None:
            entities.append(Entity(text=text[start:end], start=start, end=end, type="MISC", name=None,
                                   wikidata=None))
            continue
        entity = catalog.entities[index]
        entities.append(Entity(text=text[start:end], start=start, end=end, type=entity.type,
                               name=entity.name, wikidata=entity.wikidata))
    surnames: dict[str, str] = {}  # last word of a multi-word unlinked name -> its type
    unlinked = [] if language in NOUN_CAPITALISING else _unlinked_runs(text, tokens, taken, catalog, language)
    for first, last in unlinked:
        start, end = tokens[first].start, tokens[last - 1].end
        type_ = _guess_type(text, tokens, first, last, language)
        if last - first == 1 and type_ == "MISC":
            type_ = surnames.get(tokens[first].key, type_)  # "Khrenin" after "Viktor Khrenin"
        elif last - first > 1 and type_ == "PERSON":
            surnames.setdefault(tokens[last - 1].key, type_)
        entities.append(Entity(text=text[start:end], start=start, end=end, type=type_, name=None,
                               wikidata=None))
    return sorted(entities, key=lambda e: (e.start, e.end))
