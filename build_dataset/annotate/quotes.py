"""Find direct quotations and attribute each to its speaker from attribution verbs in four languages.

A quotation is the text between a pair of quotation marks in one paragraph (“…”, "…", «…», „…“, ‘…’).
Its speaker is looked for, in order: after the quote in the same sentence ("…,” Putin said; "…", -
сказав Лукашенко; "…," according to X), at the start of the next sentence when that sentence opens with
the verb ("…". Про це заявив Лукашенко), and before the quote in its sentence (Ryabikhin stressed the
“…”). A PERSON (else ORG) entity next to the verb is the speaker; otherwise the short phrase there is
("Kyiv’s top diplomat", "he"). Pronoun and role speakers are resolved to the nearest preceding PERSON
mention in the same or the previous paragraph, the way a reader does; a quote with no attribution of its
own continues the previous quote's speaker when it sits in the same paragraph or is a paragraph alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from build_dataset.schema import Entity, Quote

_QUOTE_RES = (
    re.compile(r"“([^”“\n]+)”"),
    re.compile(r"«([^»«\n]+)»"),
    re.compile(r"„([^“”„\n]+)[“”]"),
    re.compile(r"\"([^\"\n]+)\""),
    re.compile(r"(?<!\w)‘([^’‘\n]+)’(?!\w)"),
)

_VERBS = {
    # Words that are also common nouns or infinitives ("member states", "notes", "to say") stay out.
    "en": ["said", "says", "saying", "told", "tells", "wrote", "writes", "claimed", "claiming", "stated",
           "added", "adds", "noted", "noting", "stressed", "insisted", "declared", "announced", "warned",
           "argued", "explained", "described",
           "accused", "accusing", "asserted", "remarked", "quoted", "according to", "tweeted", "posted"],
    "uk": ["заявив", "заявила", "заявили", "заявляє", "сказав", "сказала", "сказали", "каже", "написав",
           "написала", "написали", "пише", "передає", "повідомив", "повідомила", "повідомили", "зазначив",
           "зазначила", "наголосив", "наголосила", "додав", "додала", "цитує", "за словами", "стверджує",
           "підкреслив", "повідомляє", "повідомляють", "говорив", "говорила", "казав", "казала", "заявляв",
           "заявляла"],
    "ru": ["заявил", "заявила", "заявили", "заявляет", "сказал", "сказала", "сказали", "говорит", "написал",
           "написала", "написали", "пишет", "передает", "передаёт", "сообщил", "сообщила", "сообщили",
           "отметил", "отметила", "подчеркнул", "подчеркнула", "добавил", "добавила", "по словам",
           "утверждает", "сообщает", "сообщают", "передают", "говорил", "говорила", "заявлял", "заявляла",
           "сообщило", "заявило"],
    "be": ["сказаў", "сказала", "сказалі", "заявіў", "заявіла", "заявілі", "напісаў", "напісала",
           "паведаміў", "паведаміла", "адзначыў", "адзначыла", "падкрэсліў", "дадаў", "дадала", "перадае",
           "паводле слоў", "піша", "кажа", "паведамляе", "казаў", "казала", "гаварыў", "гаварыла"],
}
_ALL_VERBS = sorted({v for verbs in _VERBS.values() for v in verbs}, key=len, reverse=True)
_VERB_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in _ALL_VERBS) + r")(?!\w)",
                      re.IGNORECASE)
# A verb phrase whose speaker follows it rather than precedes it.
_SPEAKER_AFTER = re.compile(r"^(?:according to|за словами|по словам|паводле слоў)$", re.IGNORECASE)

_PRONOUNS = frozenset({"he", "she", "they", "він", "вона", "вони", "он", "она", "они", "ён", "яна", "яны"})
_ROLE_WORDS = frozenset({
    "diplomat", "minister", "official", "chief", "president", "leader", "spokesman", "spokeswoman",
    "spokesperson", "head", "envoy", "premier", "secretary", "commander", "general",
    "дипломат", "міністр", "посадовець", "президент", "лідер", "речник", "очільник", "голова",
    "министр", "чиновник", "глава", "пресс-секретарь", "кіраўнік", "прэзідэнт",
})
_AUXILIARIES = re.compile(
    r"(?:\s+(?:was|were|is|has|had|have|also|then|later|as|quoted|reportedly|once|again|further))+\s*$",
    re.IGNORECASE)
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "col", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc"})
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”»’]?(?=\s)")
_MAX_SPEAKER_WORDS = 5
# Where a speaker phrase after its verb ends: punctuation, or a preposition ("написав президент у
# Telegram" -> "президент").
_PHRASE_END_RE = re.compile(r"[,.;:!?()\n]|\s(?:in|at|on|to|during|after|before|while|from|with|у|в|на|під|"
                            r"до|з|із|во|при|ў|па|за)\s", re.IGNORECASE)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of marks, outermost pairs first, no overlaps.

    A pair is left out when its first or last quoted character lies inside a pair already taken, marks
    included. Those characters are looked up in a mask of the taken pairs rather than compared with
    every taken pair, so a page with many quotations costs linear time, not quadratic.
    """
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(text) + 1)
    for pattern in _QUOTE_RES:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if taken[start] or taken[end - 1]:
                continue
            if text[start:end].strip():
                spans.append((start, end))
                taken[start - 1:end + 1] = b"\x01" * (end - start + 2)
    return sorted(spans)


class _Layout:
    """Where a text's paragraphs, sentences, quotations and entity mentions are, for lookups by offset.

    Finding a quote's speaker asks, for each quote, for the paragraph around it, the sentence ends and
    the next quotation after it and the mentions inside a clause. Sorted offsets answer each of those by
    bisection; scanning the whole text or every mention per quote made a long page quadratic.
    """

    def __init__(self, text: str, quotes: Sequence[tuple[int, int]], sentence_ends: list[int],
                 entities: Sequence[Entity]) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.quote_starts = [s for s, _ in quotes]
        self.sentence_ends = sentence_ends
        # stable: mentions at one offset keep their order (find_entities sorts by start, then end)
        self.entities = sorted(entities, key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.people = [e for e in self.entities if e.type == "PERSON" and e.name]
        self.people_starts = [e.start for e in self.people]

    def paragraph_of(self, position: int) -> tuple[int, int]:
        """(start, end) of the paragraph (line) holding `position`."""
        i = bisect_left(self.newlines, position)
        start = self.newlines[i - 1] + 1 if i > 0 else 0
        return start, (self.newlines[i] if i < len(self.newlines) else len(self.text))

    def next_opening(self, after: int, default: int) -> int:
        """The opening mark of the first quotation starting after `after`, or `default` if earlier."""
        i = bisect_right(self.quote_starts, after)
        return min(self.quote_starts[i] - 1, default) if i < len(self.quote_starts) else default

    def sentence_end_after(self, position: int, default: int) -> int:
        """The first sentence end after `position`, or `default` if that comes earlier."""
        i = bisect_right(self.sentence_ends, position)
        return min(self.sentence_ends[i], default) if i < len(self.sentence_ends) else default

    def sentence_start(self, position: int, default: int) -> int:
        """The last sentence end at or before `position`, or `default` if that comes later."""
        i = bisect_right(self.sentence_ends, position)
        return max(self.sentence_ends[i - 1], default) if i > 0 else default

    def sentence_ends_between(self, low: int, high: int) -> int:
        """How many sentences end in (low, high]."""
        return max(0, bisect_right(self.sentence_ends, high) - bisect_right(self.sentence_ends, low))

    def entities_within(self, start: int, end: int) -> list[Entity]:
        """Mentions inside [start, end), in order."""
        first, stop = bisect_left(self.entity_starts, start), bisect_right(self.entity_starts, end)
        return [e for e in self.entities[first:stop] if e.end <= end]

    def last_person_before(self, low: int, position: int) -> Entity | None:
        """The last named PERSON mention starting in [low, position)."""
        i = bisect_left(self.people_starts, position) - 1
        return self.people[i] if i >= 0 and self.people_starts[i] >= low else None


def _sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences end (a terminal mark followed by space, not after an abbreviation)."""
    ends = []
    for match in _SENTENCE_END_RE.finditer(text):
        before = text[max(0, match.start() - 6):match.start()]
        word = re.findall(r"[^\W\d_]+$", before)
        if word and (len(word[0]) == 1 or word[0].lower() in _ABBREVIATIONS):
            continue
        ends.append(match.end())
    return ends


def _entity_in(layout: _Layout, start: int, end: int, last: bool) -> Entity | None:
    """The PERSON (else ORG) mention inside [start, end): the last one, or the first one."""
    within = layout.entities_within(start, end)
    for wanted in ("PERSON", "ORG"):
        inside = [e for e in within if e.type == wanted]
        if inside:
            return inside[-1] if last else inside[0]
    return None


def _phrase(text: str, start: int, end: int, take_last: bool) -> tuple[int, int] | None:
    """A short speaker phrase in [start, end): trimmed of punctuation, auxiliaries, clause lead-ins."""
    segment = text[start:end]
    if take_last:
        cut = max(segment.rfind(","), segment.rfind(";"), segment.rfind("—"), segment.rfind("–"),
                  segment.rfind("”"), segment.rfind("\""), segment.rfind("»"))
        offset = cut + 1 if cut >= 0 else 0
        segment = segment[offset:]
        trimmed = _AUXILIARIES.sub("", segment)
        segment = trimmed
        start += offset
    else:
        stop = _PHRASE_END_RE.search(segment)
        segment = segment[: stop.start()] if stop else segment
    stripped = segment.strip(" \u00a0-–—,")
    if not stripped:
        return None
    words = stripped.split()
    if not take_last and words[0].lower() in _PRONOUNS:
        stripped = words[0]  # "сказаў ён журналістам" -> "ён"
    stripped = re.sub(r"^(?:and|but|while|that|which|who|as|і|та|а|и|но)\s+", "", stripped,
                      flags=re.IGNORECASE)
    if not stripped or len(stripped.split()) > _MAX_SPEAKER_WORDS:
        return None
    begin = text.index(stripped, start)
    return begin, begin + len(stripped)


def _speaker_after_verb(layout: _Layout, verb: re.Match[str], limit: int
                        ) -> tuple[int, int, Entity | None] | None:
    text = layout.text
    stop = re.search(r"[,.;:!?\n]", text[verb.end():limit])
    clause_end = verb.end() + stop.start() if stop else limit
    pronoun = re.match(r"\s+([^\W\d_]+)", text[verb.end():clause_end])
    if pronoun and pronoun.group(1).lower() in _PRONOUNS:  # "сказаў ён падчас сустрэчы з Пуціным"
        return verb.end() + pronoun.start(1), verb.end() + pronoun.end(1), None
    entity = _entity_in(layout, verb.end(), clause_end, last=False)
    if entity is not None:
        return entity.start, entity.end, entity
    span = _phrase(text, verb.end(), clause_end, take_last=False)
    return (span[0], span[1], None) if span else None


def _speaker_before_verb(layout: _Layout, segment_start: int, verb: re.Match[str]
                         ) -> tuple[int, int, Entity | None] | None:
    entity = _entity_in(layout, segment_start, verb.start(), last=True)
    if entity is not None:
        return entity.start, entity.end, entity
    span = _phrase(layout.text, segment_start, verb.start(), take_last=True)
    return (span[0], span[1], None) if span else None


def _attribute(layout: _Layout, verb: re.Match[str], segment_start: int, limit: int
               ) -> tuple[int, int, Entity | None] | None:
    if _SPEAKER_AFTER.match(verb.group()):
        return _speaker_after_verb(layout, verb, limit)
    found = _speaker_before_verb(layout, segment_start, verb)
    return found or _speaker_after_verb(layout, verb, limit)


def _find_speaker(layout: _Layout, start: int, end: int) -> tuple[int, int, Entity | None] | None:
    text = layout.text
    para_start, para_end = layout.paragraph_of(start)
    close = end + 1  # after the closing mark
    next_open = layout.next_opening(end, para_end)
    after_limit = layout.sentence_end_after(close, next_open)
    # 1. After the quote, same sentence: "…,” Putin said. / "…", - сказав Лукашенко.
    verb = _VERB_RE.search(text, close, after_limit)
    if verb is not None and text[close:after_limit][:1] not in (".", "!", "?"):
        found = _attribute(layout, verb, close, after_limit)
        if found:
            return found
    # 2. The next sentence opens with the verb: "…". Про це заявив Лукашенко.
    if after_limit < next_open:
        following_end = layout.sentence_end_after(after_limit, next_open)
        verb = _VERB_RE.search(text, after_limit, following_end)
        if verb is not None and len(text[after_limit:verb.start()].split()) <= 3:
            found = _speaker_after_verb(layout, verb, following_end)
            if found:
                return found
    # 3. Before the quote in its sentence: Ryabikhin stressed the “…”.
    sentence_start = layout.sentence_start(start - 1, para_start)
    verbs = list(_VERB_RE.finditer(text, sentence_start, start - 1))
    if verbs:
        return _attribute(layout, verbs[-1], sentence_start, start - 1)
    return None


def _resolve(layout: _Layout, speaker: str, start: int) -> Entity | None:
    """A pronoun or role speaker's nearest preceding PERSON in this or the previous paragraph."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", speaker)}
    if not words & (_PRONOUNS | _ROLE_WORDS):
        return None
    para_start, _ = layout.paragraph_of(start)
    window_start = layout.paragraph_of(max(0, para_start - 2))[0]
    return layout.last_person_before(window_start, start)


def _continues(layout: _Layout, previous: tuple[Quote, int], start: int, end: int) -> bool:
    """Whether an unattributed quote goes on with the previous speaker's words.

    It does when it opens its sentence right after the sentence of the previous attributed quote
    ("…,” Kuleba said. “…”), or when it is a paragraph of its own right after that quote's paragraph.
    """
    text = layout.text
    quote, previous_para = previous
    para_start, para_end = layout.paragraph_of(start)
    if previous_para == para_start:
        sentence_start = layout.sentence_start(start - 1, para_start)
        if text[sentence_start:start - 1].strip():
            return False
        return layout.sentence_ends_between(quote.end, sentence_start) <= 1
    alone = not text[para_start:start - 1].strip() and not text[end + 1:para_end].strip(" .")
    return alone and layout.paragraph_of(max(0, para_start - 2))[0] == previous_para


def find_quotes(text: str, entities: Sequence[Entity]) -> list[Quote]:
    """Quotations in `text` (offsets of the words inside the marks) with speakers where attributable."""
    spans = _quote_spans(text)
    layout = _Layout(text, spans, _sentence_bounds(text), entities)
    quotes: list[Quote] = []
    previous: tuple[Quote, int] | None = None  # last attributed quote and its paragraph start
    names = {(e.start, e.end) for e in entities}
    for start, end in spans:
        if (start, end) in names:
            continue  # a name in quotation marks (ЧВК «Вагнер») is not a quotation
        found = _find_speaker(layout, start, end)
        speaker: str | None = None
        speaker_name: str | None = None
        para_start, _ = layout.paragraph_of(start)
        if found is not None:
            s_start, s_end, entity = found
            speaker = text[s_start:s_end]
            if entity is None:
                entity = _resolve(layout, speaker, s_start)
            speaker_name = entity.name if entity is not None else None
        elif previous is not None and _continues(layout, previous, start, end):
            speaker, speaker_name = previous[0].speaker, previous[0].speaker_name
        quote = Quote(text=text[start:end], start=start, end=end, speaker=speaker, speaker_name=speaker_name)
        quotes.append(quote)
        if speaker is not None:
            previous = (quote, para_start)
    return quotes
