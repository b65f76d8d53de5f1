"""Clean one text dump: lines -> verdicts -> header metadata -> partition -> repaired body text."""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from itertools import chain

import numpy as np

from build_dataset.clean.classify import BAD, GOOD, LENGTH_LOW, Verdict, classify, comments_start
from build_dataset.clean.dates import states_date
from build_dataset.clean.features import FEATURES, add_stop_density, lexicon, line_features
from build_dataset.clean.linemodel import THRESHOLD, load_model
from build_dataset.clean.lines import (
    PROSE_SPACES,
    Line,
    language_words,
    split_lines,
    text_field,
    tokens_only,
)
from build_dataset.clean.metadata import Header, header_and_body
from build_dataset.clean.model import CleanedPage
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.repair import fix_mojibake, normalise_characters, repair
from build_dataset.clean.spans import join_segments, partition_lines
from build_dataset.clean.standfirsts import standfirst_repeat
from build_dataset.clean.stoplists import stoplist_for_words


def _apply_header(lines: list[Line], verdicts: list[Verdict], head: Header, start: int) -> None:
    """Header lines become removed spans with their reasons; headline repeats elsewhere too."""
    for i, reason in head.reasons.items():
        own = verdicts[i].reason
        if (reason == "byline" and i in head.unnamed) or (reason == "dateline" and not states_date(lines[i].body)):
            # the byline's slot, its names refused, or a line read as a dateline for a year alone: header, no
            # byline or dateline (the schema's reasons say the names or the date are kept)
            reason = own if verdicts[i].cls != GOOD and own else "navigation"
        verdicts[i] = Verdict(BAD, reason, verdicts[i].cue)
    if standfirst_repeat(lines, head, start):
        # the standfirst printed again as the first paragraph: the body keeps that copy
        verdicts[start] = Verdict(GOOD, None, verdicts[start].cue)
    if head.title:
        for k in range(start, len(lines)):
            if lines[k].body == head.title and verdicts[k].cls == GOOD:
                verdicts[k] = Verdict(BAD, "title", verdicts[k].cue)


_LETTER_OR_DIGIT_RE = re.compile(r"[^\W_]")
_LETTER_RE = re.compile(r"[^\W\d_]")
CODE_MIN_CHARS = 200
"""Shortest line tested for program code: minified scripts run to hundreds of characters a line, while
a line of code in a programming article (which is article text) is rarely this long."""
CODE_PUNCTUATION = ";{}=()"
CODE_SHARE = 25
"""A line is code when at least one character in CODE_SHARE is CODE_PUNCTUATION: minified JavaScript
has one in ten or more, prose with many parentheses one in forty."""
CODE_ASCII_SHARE = 0.9
"""Code is (almost) all ASCII. CJK and Thai prose has no spaces either, and some sites print readings
or notes in ASCII parentheses, so a line with more than a tenth of non-ASCII characters is never code."""


_EMOTICON_RE = re.compile(r"[:;=][-'^]?[()|/*\]\[]|\^_?\^")
"""A smiley ("=)", ";-)", "^^"): symbols a reader does read, the one line of symbols a post may end with."""


def symbols_only(text: str) -> bool:
    """Whether a line holds no letter and no digit (a rule of `━` or `-`, `* * *`, `|`, an empty form
    field), and is no smiley: nothing a reader could read, so never article body, whatever its
    neighbours are."""
    # a line starting with a letter or digit is decided by its first character, the common case
    return (not text[:1].isalnum() and _LETTER_OR_DIGIT_RE.search(text) is None
            and _EMOTICON_RE.fullmatch(text) is None)


def program_code(text: str) -> bool:
    """Whether a line is program code printed as text (a minified script): long, with few spaces for its
    length (see `lines.PROSE_SPACES`), almost all ASCII, and dense in code punctuation."""
    n = len(text)
    if n < CODE_MIN_CHARS or text.count(" ") * PROSE_SPACES >= n:
        return False
    if len(text.encode("ascii", "ignore")) < CODE_ASCII_SHARE * n:
        return False
    return sum(map(text.count, CODE_PUNCTUATION)) * CODE_SHARE >= n


_BRACKETED_SENTENCE = re.compile(r"^\[[^\[\]]*[.!?…]\]$")
BRACKETED_SENTENCE_WORDS = 4
"""Words of a bracketed line that reads as a sentence ("[This story was updated on 3 May.]"): an editor's
note is printed so, as is an image's long alt text; such a line is left to the line model, which reads
its words. On the dev pages 2 lines are such (a figure's caption, a teaser; the model removes both), and
the 1,416 lines of tokens it kept are not."""


def _bracketed_sentence(body: str) -> bool:
    return _BRACKETED_SENTENCE.match(body) is not None and len(body.split()) >= BRACKETED_SENTENCE_WORDS


def _mark_markup(lines: list[Line], verdicts: list[Verdict]) -> None:
    """Lines of symbols only, lines of w3m's image and button tokens only (`lines.tokens_only`), lines
    holding a form's text field (`lines.text_field`) and lines of program code are removed as "markup",
    and the line model may not overturn that (`Verdict.sure`).
    This runs after the features are computed, so the model reads what it was trained on.

    The model is trained on the lines the dev snippets cover, and they hardly ever cover an image's
    token or a form: left to it, 1,416 lines such as "[csm_200109-neujahrBP-0B3031]" or "• [twitter_31]"
    and 85 such as "Passwort [          ]" stayed in the dev pages' bodies, none of them a line the gold
    keeps. The lines are found in C where the extension was built (`_speedups.markup_lines`), which asks the
    regexes of smileys and bracketed sentences and `program_code` only of the few lines its own tests leave."""
    marked = _mark_markup_python(lines) if speedups is None or not use_speedups else speedups.markup_lines(
        lines, CODE_MIN_CHARS, PROSE_SPACES, _EMOTICON_RE.fullmatch, _bracketed_sentence, program_code)
    for k in marked:
        verdicts[k] = Verdict(BAD, "markup", "markup", sure=True)


def _mark_markup_python(lines: list[Line]) -> list[int]:
    """The positions of the lines `_mark_markup` marks: the reference of `_speedups.markup_lines`."""
    marked = []
    for k in _markup_candidates(lines):
        ln = lines[k]
        text = ln.text
        if (not ln.body[:1].isalnum() and symbols_only(text)) \
                or ("[" in text and (ln.markup and tokens_only(ln.body) and not _bracketed_sentence(ln.body)
                                     or text_field(text))) \
                or (len(text) >= CODE_MIN_CHARS and program_code(text)):
            marked.append(k)
    return marked


def _markup_candidates(lines: list[Line]) -> list[int]:
    r"""The lines `_mark_markup_python` must look at. Most lines are ruled out by their shape: a body (the text
    after its bullet) starting with a letter or a digit is no line of symbols (str.isalnum implies the regex's
    [^\W_]), a line of tokens (which has `Line.markup` set) or with a text field holds a "[", and a short line
    or one with the spaces of prose is no code (`program_code`'s first test)."""
    return [k for k, ln in enumerate(lines) if not ln.body[:1].isalnum() or "[" in ln.text
            or len(ln.text) >= CODE_MIN_CHARS and ln.text.count(" ") * PROSE_SPACES < len(ln.text)]


def letterless(text: str) -> bool:
    """Whether a line holds no letter and is no smiley: a count, a score, a price, a date or a time, a
    phone number, a row of page numbers, or symbols."""
    return not text[:1].isalpha() and _LETTER_RE.search(text) is None and _EMOTICON_RE.fullmatch(text) is None


def _mark_letterless_outside(lines: list[Line], verdicts: list[Verdict], first: int, last: int) -> None:
    """Outside the article's region [first, last] a line without a letter is furniture (a like counter, a
    calendar row, a stamp of a teaser), and the line model may not overturn that: it kept 530 such lines
    of the dev pages, of which the gold keeps one, a smiley. Inside the region a line of figures may be a
    table's row the article needs, so it is left to the model. The lines keep the reason `classify`
    gave them (navigation above the region, footer below, or their cue)."""
    sure = _letterless_outside_python(lines, first, last) if speedups is None or not use_speedups \
        else speedups.letterless_lines(lines, first, last, _EMOTICON_RE.fullmatch)
    for k in sure:
        verdicts[k].sure = True


def _letterless_outside_python(lines: list[Line], first: int, last: int) -> list[int]:
    """The positions of the lines `_mark_letterless_outside` makes sure of: the reference of
    `_speedups.letterless_lines`."""
    n = len(lines)
    # A line whose body (the text after its bullet) starts with a letter holds one: most lines are ruled out
    # so, without a call (their text may start with a bullet, which `letterless` would have to search past).
    return [k for k in chain(range(min(first, n)), range(max(last + 1, 0), n))
            if not lines[k].body[:1].isalpha() and letterless(lines[k].text)]


_DIGITS_RE = re.compile(r"\d+")


def _zero_count(text: str) -> bool:
    """Whether a comments cue counts none ("0 Kommentare", "Kommentare (0)", "komentarze 0"): its only
    number is a 0."""
    return _DIGITS_RE.findall(text) == ["0"]


def _opens_thread(text: str) -> bool:
    """Whether a comments cue can open a thread: it counts some comments (`_zero_count`) and says nothing
    after a colon. A commenter's line ends with its verb ("1. Peter sagt:", "Karl says:"), while the
    same verb with words after it is a line of the article quoting someone ("Der Optimist sagt: Alles
    wird gut", "… Präsident Bolsonaro sagt: Die …"): on the dev pages three such lines were the first
    comments cue of their page."""
    head, colon, tail = text.rpartition(":")
    return not _zero_count(text) and not (colon and tail.strip())


def _mark_comment_thread(lines: list[Line], verdicts: list[Verdict], original: list[int], comments: int,
                         last: int) -> None:
    """Below the article region and at or after the comments cue (`classify.comments_start`: "3 Comments",
    "Leave a Reply" after the article's text) the page holds the reader's comments, their form and what
    the page prints after them, and the line model may not overturn that (`Verdict.sure`). A line of prose
    there (one the rules found GOOD on its own shape: a comment) and one without a cue of its own is
    removed as "comments"; a line with a cue keeps its reason (a share button, a legal footer).

    The model was fitted on pages cut after their article too (`scripts/train_cleaner.py`, `cut_copy`),
    so it keeps prose that ends a page, and nearly every labelled dev page ends with a footer that tells
    it a thread is over: on a page that ends with its last comment, it kept the comment. On the dev pages
    with a comments cue it kept 688 lines there, on 89 pages, nearly all comments, signatures ("05.11.23 -
    14:41 von Herbert G. zu") and archive links ("August (11)"). The dev snippets label 3 of them body,
    replies on two blogs (dev recall 0.980 -> 0.978); site-CV (`scripts/train_cleaner.py`) is unchanged
    within 0.002.

    A cue that counts no comments ("komentarze 0") or goes on after a colon opens no thread
    (`_opens_thread`): on one dev page the first stands in the header of an article the rules' region
    missed (the region is a teaser list above it), and the model kept the article below it."""
    start = max(comments, last + 1)
    if start >= len(lines) or not _opens_thread(lines[comments].text):
        return
    for k in range(start, len(verdicts)):
        v = verdicts[k]
        if original[k] == GOOD or v.cue is None:
            verdicts[k] = Verdict(BAD, "comments", v.cue, sure=True)
        else:
            v.cls, v.reason, v.sure = BAD, v.reason or v.cue, True


REPEAT_MIN_LENGTH = LENGTH_LOW
"""Kept lines this long are said once in an article; a shorter one may well come again (a table's
"Yes", a list's "Step 2", a speaker's name in an interview)."""


def _drop_repeats(lines: list[Line], verdicts: list[Verdict]) -> None:
    """A kept line of REPEAT_MIN_LENGTH or more that the body already holds is removed as "duplicate";
    its first copy stays. Pages print a paragraph again for their furniture: a pull quote, a teaser rail
    shown twice, a caption beside its alt text, a server warning on every image. On the dev pages 503
    such lines were kept on 108 pages, and a researcher counting mentions must count the article's
    once. (The first copy keeps every word, so nothing the article says is lost.)"""
    seen: set[str] = set()
    for k, ln in enumerate(lines):
        v = verdicts[k]
        if v.cls == GOOD and ln.length >= REPEAT_MIN_LENGTH:
            if ln.body in seen:
                verdicts[k] = Verdict(BAD, "duplicate", v.cue)
            else:
                seen.add(ln.body)


def _field(value: str | None) -> str | None:
    """Metadata gets the character repairs the body gets."""
    if value is None:
        return None
    value, _ = normalise_characters(fix_mojibake(value)[0])
    return " ".join(value.split()) or None


@dataclass
class Analysis:
    """A page's lines, the rule-based verdicts on them and their features: what the line model reads."""

    lines: list[Line]
    stoplist: frozenset[str]
    verdicts: list[Verdict]
    original: list[int]
    first: int
    last: int
    features: np.ndarray


def analyse(raw: str, furniture: frozenset[str] = frozenset(), vocabulary: dict[str, float] | None = None) -> Analysis:
    """Lines, rule-based verdicts and the feature matrix of a dump (shared by cleaning and training).

    `vocabulary` defaults to the packaged model's; training passes the one learned without the page.
    """
    lines = split_lines(raw)
    _, stoplist = stoplist_for_words(language_words(lines))
    words = lexicon(lines, load_model(FEATURES).vocabulary if vocabulary is None else vocabulary, stoplist)
    add_stop_density(lines, words)
    verdicts, original, first, last = classify(lines, furniture, bool(stoplist))
    comments = comments_start(lines, verdicts, original)
    features = line_features(lines, verdicts, original, first, last, comments, words)
    _mark_markup(lines, verdicts)
    _mark_letterless_outside(lines, verdicts, first, last)
    _mark_comment_thread(lines, verdicts, original, comments, last)
    return Analysis(lines, stoplist, verdicts, original, first, last, features)


def model_keeps(verdicts: list[Verdict], probability: np.ndarray, threshold: float = THRESHOLD) -> list[bool]:
    """Which lines are body: the line model's call, except that lines the rules removed on structural
    evidence (a teaser printed twice, a caption repeated with its credit, the outlet's corpus furniture,
    a line that is one cue phrase and nothing else, a line of symbols, of w3m's image and button tokens,
    with a form's text field or of program code, a line without a letter outside the article region, the
    comment thread below it: see `Verdict.sure`) stay removed."""
    return [p >= threshold and not v.sure for v, p in zip(verdicts, probability.tolist(), strict=True)]


def _apply_model(a: Analysis, probability: np.ndarray | None = None) -> None:
    """The line model has the last word on which lines are body; the rules name the reasons.

    A line the model removes keeps the cue its own words gave ("subscribe", "legal"), or is named by
    where it sits: navigation above the article region, footer below it, boilerplate inside it.
    `probability` is the packaged model's for each line unless given: `scripts/train_cleaner.py` gives a
    model's that never saw the page's site, to score the whole cleaner on unseen sites.
    """
    if probability is None:
        probability = load_model(FEATURES).body_probability(a.features, np.array([ln.length for ln in a.lines]))
    if speedups is None or not use_speedups:
        _apply_model_python(a, probability)
    else:
        speedups.apply_model(a.verdicts, np.ascontiguousarray(probability, dtype=np.float64), THRESHOLD, a.first,
                             a.last, GOOD, BAD, ("navigation", "footer", "boilerplate"))


def _apply_model_python(a: Analysis, probability: np.ndarray) -> None:
    """`_apply_model`'s verdicts from the model's probabilities: the reference of `_speedups.apply_model`."""
    keeps = model_keeps(a.verdicts, probability)
    for k, (v, body) in enumerate(zip(a.verdicts, keeps, strict=True)):
        if body and v.cls != GOOD:
            v.cls, v.reason = GOOD, None
        elif not body and v.cls == GOOD:
            v.cls = BAD
            v.reason = v.cue or ("navigation" if k < a.first else "footer" if k > a.last else "boilerplate")


def clean_page(raw: str, *, furniture: frozenset[str] = frozenset()) -> CleanedPage:
    """Split a text dump into its article body, metadata and the removed spans with their reasons.

    `furniture` holds `line_key`s that recur across many pages of the same outlet in this build
    (see `furniture_keys`); lines with those keys are removed as "furniture".

    The cyclic garbage collector is off while a page is cleaned: a page allocates tens of thousands of
    containers (lines, verdicts, token lists), which start a young collection every 700, and each one
    walks the containers made since, none of them garbage: cleaning makes no reference cycles (none
    over every tenth dev page), so reference counting frees all its garbage anyway. Switched back on at
    the end, the collector finds the page's count over its threshold and runs at the next allocation,
    so nothing accumulates across pages. A caller that turned the collector off keeps it off.
    """
    if not gc.isenabled():
        return _clean_page(raw, furniture)
    gc.disable()
    try:
        return _clean_page(raw, furniture)
    finally:
        gc.enable()


def _clean_page(raw: str, furniture: frozenset[str]) -> CleanedPage:
    return clean_analysed(raw, analyse(raw, furniture))


def clean_analysed(raw: str, a: Analysis, probability: np.ndarray | None = None) -> CleanedPage:
    """`clean_page` of a page already analysed (`analyse`): the line model's verdicts, from the packaged model
    or from `probability` (`scripts/train_cleaner.py` gives a model's that never saw the page's site, to score
    the whole cleaner on unseen sites), then the rest (`finish_page`)."""
    _apply_model(a, probability)
    return finish_page(raw, a)


def finish_page(raw: str, a: Analysis) -> CleanedPage:
    """`clean_page` after the line model gave its verdicts (`_apply_model`): the header read above the body, the
    repeated lines dropped, the raw text partitioned into the kept and the removed, the kept text repaired."""
    lines, stoplist, verdicts, original, first, last = a.lines, a.stoplist, a.verdicts, a.original, a.first, a.last
    head = Header()
    if last >= first:
        start, head = header_and_body(lines, verdicts, original, first, last, stoplist)
        _apply_header(lines, verdicts, head, start)
    _drop_repeats(lines, verdicts)
    reasons = [None if v.cls == GOOD else (v.reason or "navigation") for v in verdicts]
    kept, removed = partition_lines(len(raw), lines, reasons, head.splits)
    text, repairs = repair(join_segments(raw, kept))
    return CleanedPage(
        text=text,
        title=_field(head.title),
        description=_field(head.description),
        authors=[a for a in map(_field, head.authors) if a],
        published=head.published,
        section=_field(head.section),
        removed=removed,
        repairs=repairs,
    )
