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
_AUXILIARY_WORDS = r"(?:was|were|is|has|had|have|also|then|later|as|quoted|reportedly|once|again|further)"
_AUXILIARIES = re.compile(rf"\s(?<!\s\s)\s*{_AUXILIARY_WORDS}(?:\s+{_AUXILIARY_WORDS})*\s*$", re.IGNORECASE)
"""Auxiliaries ending a phrase ("Putin was", "he has also"). Each run of marks or spaces a pattern of this module
opens with is matched from its first character only (a lookbehind after it: `build_dataset.clean.lines.SPACE_RUN`
says why), with the same matches: a search tried inside a long run reads to its end each time, quadratic in the
run (a page with 16,000 dots glued to a digit took 4 s to find its quotes)."""
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "gen", "col", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc"})
_SENTENCE_END_RE = re.compile(r"[.!?…](?<![.!?…]{2})[.!?…]*[\"”»’]?(?=\s)")
_MAX_SPEAKER_WORDS = 5
# Where a speaker phrase after its verb ends: punctuation, or a preposition ("написав президент у
# Telegram" -> "президент").
_PHRASE_END_RE = re.compile(r"[,.;:!?()\n]|\s(?:in|at|on|to|during|after|before|while|from|with|у|в|на|під|"
                            r"до|з|із|во|при|ў|па|за)\s", re.IGNORECASE)
# The marks a speaker phrase before its verb starts after (the ones `_phrase` looks for with rfind).
_PHRASE_CUT_RE = re.compile(r"[,;—–”\"»]")
_CLAUSE_END_RE = re.compile(r"[,.;:!?\n]")
_PRONOUN_RE = re.compile(r"\s+([^\W\d_]+)")
_NON_SPACE_RE = re.compile(r"\S")
_NOT_SPACE_OR_DOT_RE = re.compile(r"[^ .]")
# How far from its verb a speaker phrase is first looked for; the window grows fourfold until it decides.
_PHRASE_WINDOW = 64


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

    The questions that read the text between a sentence's start and a quote (the last verb there,
    whether any word is there, the clause after a verb) are answered once per sentence or verb and
    remembered: in a long sentence with many quotations, reading from the sentence start again for
    every quote made a page without sentence ends quadratic (a 19 MB page without line breaks spent
    52 s in quotes).
    """

    def __init__(self, text: str, quotes: Sequence[tuple[int, int]], sentence_ends: list[int],
                 entities: Sequence[Entity]) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.quote_starts = [s for s, _ in quotes]
        self.sentence_ends = sentence_ends
        # stable: mentions at one offset keep their order (find_entities sorts by start, then end)
        self.entities = sorted(entities, key=lambda e: e.start)
        self.people = [e for e in self.entities if e.type == "PERSON" and e.name]
        self.people_starts = [e.start for e in self.people]
        self.by_type: dict[str, tuple[list[Entity], list[int]]] = {}
        for entity in self.entities:
            mentions, starts = self.by_type.setdefault(entity.type, ([], []))
            mentions.append(entity)
            starts.append(entity.start)
        self._verbs_from, self._verbs_to, self._last_verb = -1, -1, None
        self._first_non_space: dict[int, int] = {}
        self._clause_stops: dict[int, tuple[int, int | None]] = {}
        self.phrases_before: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.phrases_after: dict[int, tuple[int, tuple[int, int] | None]] = {}

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

    def mention_within(self, kind: str, start: int, end: int, last: bool) -> Entity | None:
        """The last (else first) mention of type `kind` inside [start, end).

        Only mentions that overlap an end of the range are stepped over, so a long sentence full of
        names costs a bisection, not a list of its mentions per quote.
        """
        mentions, starts = self.by_type.get(kind, ((), ()))
        if last:
            i = bisect_right(starts, end) - 1
            while i >= 0 and starts[i] >= start:
                if mentions[i].end <= end:
                    return mentions[i]
                i -= 1
        else:
            i = bisect_left(starts, start)
            while i < len(starts) and starts[i] <= end:
                if mentions[i].end <= end:
                    return mentions[i]
                i += 1
        return None

    def last_verb(self, start: int, end: int) -> re.Match[str] | None:
        """The last attribution verb in [start, end), where `end` is a quotation's opening mark.

        The quotes of one sentence ask with the same `start` and growing `end`, so the scan resumes
        where the previous one stopped: no verb contains a quotation mark, so a scan resumed at one
        finds what a scan from `start` would.
        """
        if start != self._verbs_from or end < self._verbs_to:
            self._verbs_from, self._verbs_to, self._last_verb = start, start, None
        for verb in _VERB_RE.finditer(self.text, self._verbs_to, end):
            self._last_verb = verb
        self._verbs_to = end
        return self._last_verb

    def has_words(self, start: int, end: int) -> bool:
        """Whether [start, end) holds anything but whitespace (`text[start:end].strip()`, uncopied)."""
        first = self._first_non_space.get(start)
        if first is None:
            found = _NON_SPACE_RE.search(self.text, start)
            first = self._first_non_space[start] = found.start() if found else len(self.text)
        return first < end

    def clause_end(self, start: int, limit: int) -> int:
        """The first clause-ending mark in [start, limit), else `limit`.

        A verb shared by several quotes of a sentence is asked with growing limits: what was read
        after it is remembered, not read again.
        """
        scanned, found = self._clause_stops.get(start, (start, None))
        if found is None and scanned < limit:
            stop = _CLAUSE_END_RE.search(self.text, scanned, limit)
            found = stop.start() if stop else None
            self._clause_stops[start] = (limit, found)
        return found if found is not None and found < limit else limit

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
    for wanted in ("PERSON", "ORG"):
        found = layout.mention_within(wanted, start, end, last)
        if found is not None:
            return found
    return None


_PHRASE_EDGES_RE = re.compile(r"^[\s\-–—,]+|[\s\-–—,](?<![\s\-–—,]{2})[\s\-–—,]*$")
"""Spaces of every kind (thin, em, ideographic: cleaning keeps them), dashes and commas at a phrase's ends."""


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
    stripped = _PHRASE_EDGES_RE.sub("", segment)
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


def _solid_words(words: Sequence[str]) -> int:
    """How many of `words` are more than dashes, so that stripping a phrase's ends cannot remove them."""
    return sum(1 for word in words if word.strip("-–—"))


def _phrase_before(layout: _Layout, start: int, end: int) -> tuple[int, int] | None:
    """`_phrase(text, start, end, take_last=True)`, reading back from `end` only as far as decides it.

    A window [low, end) gives the whole segment's answer when it reaches `start`, when it holds a
    phrase cut (the phrase starts after the last one), or when, after the trailing auxiliaries, it
    holds more whole words than a speaker has (both answers are then None). Reading from the sentence
    start for every quote made a long sentence quadratic; a verb shared by several quotes is answered
    once.
    """
    key = (start, end)
    if key not in layout.phrases_before:
        text = layout.text
        width = _PHRASE_WINDOW
        while True:
            low = max(start, end - width)
            if low == start or _PHRASE_CUT_RE.search(text, low, end):
                break
            trimmed = _AUXILIARIES.search(text, low, end)
            # the first word may be cut by the window
            words = text[low:trimmed.start() if trimmed else end].split()[1:]
            if _solid_words(words) > _MAX_SPEAKER_WORDS + 1:
                break
            width *= 4
        layout.phrases_before[key] = _phrase(text, low, end, take_last=True)
    return layout.phrases_before[key]


def _phrase_after(layout: _Layout, start: int, end: int) -> tuple[int, int] | None:
    """`_phrase(text, start, end, take_last=False)`, reading on from `start` only as far as decides it.

    A window [start, high) gives the whole clause's answer when it reaches `end`, when it holds the
    phrase's end mark, or when it holds more whole words than a speaker has (the answer is then the
    leading pronoun or None). The last two depend on the window alone, so they are remembered for the
    verb at `start` and serve every later quote that shares it with a longer clause.
    """
    remembered = layout.phrases_after.get(start)
    if remembered is not None and remembered[0] <= end:
        return remembered[1]
    text = layout.text
    width = _PHRASE_WINDOW
    while True:
        high = min(end, start + width)
        # the last word may be cut by the window
        decided = (_PHRASE_END_RE.search(text, start, high) is not None
                   or _solid_words(text[start:high].split()[:-1]) > _MAX_SPEAKER_WORDS + 1)
        if decided or high == end:
            break
        width *= 4
    span = _phrase(text, start, high, take_last=False)
    if decided:
        layout.phrases_after[start] = (high, span)
    return span


def _speaker_after_verb(layout: _Layout, verb: re.Match[str], limit: int
                        ) -> tuple[int, int, Entity | None] | None:
    clause_end = layout.clause_end(verb.end(), limit)
    pronoun = _PRONOUN_RE.match(layout.text, verb.end(), clause_end)
    if pronoun and pronoun.group(1).lower() in _PRONOUNS:  # "сказаў ён падчас сустрэчы з Пуціным"
        return pronoun.start(1), pronoun.end(1), None
    entity = _entity_in(layout, verb.end(), clause_end, last=False)
    if entity is not None:
        return entity.start, entity.end, entity
    span = _phrase_after(layout, verb.end(), clause_end)
    return (span[0], span[1], None) if span else None


def _speaker_before_verb(layout: _Layout, segment_start: int, verb: re.Match[str]
                         ) -> tuple[int, int, Entity | None] | None:
    entity = _entity_in(layout, segment_start, verb.start(), last=True)
    if entity is not None:
        return entity.start, entity.end, entity
    span = _phrase_before(layout, segment_start, verb.start())
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
    verb = layout.last_verb(sentence_start, start - 1)
    if verb is not None:
        return _attribute(layout, verb, sentence_start, start - 1)
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
    quote, previous_para = previous
    para_start, para_end = layout.paragraph_of(start)
    if previous_para == para_start:
        sentence_start = layout.sentence_start(start - 1, para_start)
        if layout.has_words(sentence_start, start - 1):
            return False
        return layout.sentence_ends_between(quote.end, sentence_start) <= 1
    # searched, not sliced: a slice to the paragraph's edges per quote made a long paragraph quadratic
    alone = (not layout.has_words(para_start, start - 1)
             and _NOT_SPACE_OR_DOT_RE.search(layout.text, end + 1, para_end) is None)
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
