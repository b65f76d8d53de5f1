"""Decide for every line of a dump whether it is article body, and if not, why.

The approach is jusText's, moved from HTML blocks to dump lines, plus position:

1. Each line gets a context-free class from its shape: GOOD (long, many stopwords, sentences),
   NEARGOOD, SHORT (headings, list items, labels) or BAD (keyword cues, menus, w3m markup, corpus
   furniture, low stopword density). Patterns that need two lines are found first: a related rail
   prints each teaser title twice, a caption is often printed twice with the credit added.
2. Context revises SHORT and NEARGOOD lines: a short line between good ones is body (jusText's
   smoothing), a short line just above a good one is a heading.
3. Position: the article is the densest contiguous run of text. A maximum-sum subarray over line
   weights (text gains, furniture costs) finds it; lines outside it are removed even when they look
   like prose (teasers, comments, author boxes), named by their cue or as navigation (above) and
   footer (below).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_dataset.clean.cues import cue_reason
from build_dataset.clean.lines import Line, line_key

BAD, SHORT, NEARGOOD, GOOD = 0, 1, 2, 3

LENGTH_LOW = 70
"""Shorter lines are never judged on their own (jusText's length_low)."""
LENGTH_HIGH = 200
"""Longer lines with enough stopwords are body on their own (jusText's length_high)."""
STOP_LOW = 0.30
STOP_HIGH = 0.32
"""jusText's stopword density thresholds; prose is well above, menus and name lists below."""
NO_STOPLIST_SENTENCES = 1
"""Without a stoplist (CJK, unknown language) a line needs this many sentence marks to be prose."""
BOUNDARY_REASONS = frozenset({"comments", "related"})
"""Cues that open a block after the article: crossing one costs the region a lot."""


@dataclass(slots=True)
class Verdict:
    """The classifier's decision on one line."""

    cls: int
    reason: str | None = None  # why a BAD line is furniture; None for undecided or body
    cue: str | None = None     # the reason the line's own shape or words gave, before context


def _pairs(lines: list[Line], nonblank: list[int], verdicts: list[Verdict]) -> None:
    """Two-line patterns: teaser titles printed twice, captions printed twice with a credit."""
    for a, b in zip(nonblank, nonblank[1:], strict=False):
        la, lb = lines[a], lines[b]
        if la.body == lb.body:
            if la.length < LENGTH_HIGH and (not la.sentence_end or la.words <= 20):
                verdicts[a] = Verdict(BAD, "related")
                verdicts[b] = Verdict(BAD, "related")
            elif la.length >= LENGTH_HIGH:
                verdicts[b] = Verdict(BAD, "duplicate")
        elif (
            len(la.body) >= 20
            and lb.body.startswith(la.body)
            and len(lb.body) - len(la.body) <= 80
            and any(c.isalpha() for c in lb.body[len(la.body):])
            and la.length < 400
        ):
            verdicts[a] = Verdict(BAD, "caption")
            verdicts[b] = Verdict(BAD, "caption")


def _context_free(ln: Line, furniture: frozenset[str], has_stoplist: bool) -> Verdict:
    """The class a line gets from its own shape and words."""
    if ln.markup:
        return Verdict(BAD, "markup")
    if furniture and line_key(ln.text) in furniture:
        return Verdict(BAD, "furniture")
    cue = cue_reason(ln.text)
    if cue:
        return Verdict(BAD, cue)
    body = ln.body
    if not any(c.isalpha() for c in body[:200]):
        return Verdict(BAD, "dateline" if ln.dated else "navigation")
    if ln.separated >= 2 and ln.sentences == 0:
        return Verdict(BAD, "navigation")
    if ln.length < LENGTH_LOW:
        if ln.urlish:
            return Verdict(BAD, "navigation")
        return Verdict(SHORT)
    if not has_stoplist:
        if ln.sentences >= NO_STOPLIST_SENTENCES:
            return Verdict(GOOD if ln.length >= LENGTH_HIGH else NEARGOOD)
        return Verdict(NEARGOOD if ln.length >= LENGTH_HIGH else SHORT)
    d = ln.stop_density
    if d >= STOP_HIGH:
        return Verdict(GOOD if ln.length >= LENGTH_HIGH or ln.sentences >= 2 else NEARGOOD)
    if d >= STOP_LOW:
        return Verdict(NEARGOOD)
    if d >= 0.15 and ln.sentences >= 1 and ln.words >= 8:
        return Verdict(NEARGOOD)
    return Verdict(BAD)


def _neighbour(verdicts: list[Verdict], order: list[int], k: int, step: int, ignore_neargood: bool) -> int:
    """Class of the nearest line in `order` from position k in direction step that is not SHORT."""
    k += step
    while 0 <= k < len(order):
        c = verdicts[order[k]].cls
        if c in (BAD, GOOD) or (c == NEARGOOD and not ignore_neargood):
            return c
        k += step
    return BAD


def _revise(lines: list[Line], nonblank: list[int], verdicts: list[Verdict]) -> None:
    """jusText's context step: headings, short and near-good lines take the class of their context."""
    # headings: a short line right above good text is its heading
    for k, i in enumerate(nonblank):
        v = verdicts[i]
        if v.cls == SHORT and v.reason is None and not lines[i].bullet and k + 1 < len(nonblank):
            nxt = verdicts[nonblank[k + 1]]
            if nxt.cls in (GOOD, NEARGOOD) and lines[i].length >= 3:
                v.cls = NEARGOOD
    short = [k for k, i in enumerate(nonblank) if verdicts[i].cls == SHORT]
    new: dict[int, int] = {}
    for k in short:
        prev = _neighbour(verdicts, nonblank, k, -1, True)
        nxt = _neighbour(verdicts, nonblank, k, 1, True)
        if prev == GOOD and nxt == GOOD:
            new[k] = GOOD
        elif prev == BAD and nxt == BAD:
            new[k] = BAD
        else:
            prev = _neighbour(verdicts, nonblank, k, -1, False)
            nxt = _neighbour(verdicts, nonblank, k, 1, False)
            new[k] = BAD if BAD in (prev, nxt) and NEARGOOD in (prev, nxt) else GOOD
    for k, c in new.items():
        verdicts[nonblank[k]].cls = c
    for k, i in enumerate(nonblank):
        v = verdicts[i]
        if v.cls == NEARGOOD:
            prev = _neighbour(verdicts, nonblank, k, -1, True)
            nxt = _neighbour(verdicts, nonblank, k, 1, True)
            v.cls = GOOD if GOOD in (prev, nxt) else BAD


def _weight(ln: Line, v: Verdict, original: int) -> float:
    """How much a line adds to (text) or takes from (furniture) the article region around it."""
    if v.cls == GOOD:
        gain = min(ln.length, 1500)
        return gain if original == GOOD else gain * 0.5
    if v.reason in BOUNDARY_REASONS:
        return -300.0
    return -min(40.0 + ln.length, 250.0)


def _region(lines: list[Line], nonblank: list[int], verdicts: list[Verdict], original: list[int]) -> tuple[int, int]:
    """Positions in `nonblank` [first, last] of the maximum-weight contiguous run: the article."""
    best = cur = 0.0
    best_span = (0, -1)
    cur_start = 0
    for k, i in enumerate(nonblank):
        w = _weight(lines[i], verdicts[i], original[i])
        if cur <= 0:
            cur = w
            cur_start = k
        else:
            cur += w
        if cur > best:
            best = cur
            best_span = (cur_start, k)
    return best_span


def classify(
    lines: list[Line], furniture: frozenset[str], has_stoplist: bool
) -> tuple[list[Verdict], list[int], int, int]:
    """Verdicts, context-free classes, and the article region as line indices [first, last].

    `last < first` when the page has no article text at all.

    Blank lines keep cls BAD with reason "whitespace"; lines outside the region are BAD with a reason.
    """
    verdicts = [Verdict(BAD, "whitespace") for _ in lines]
    nonblank = [ln.index for ln in lines if ln.text]
    for i in nonblank:
        verdicts[i] = _context_free(lines[i], furniture, has_stoplist)
    _pairs(lines, nonblank, verdicts)
    for v in verdicts:
        v.cue = v.reason
    original = [v.cls for v in verdicts]
    _revise(lines, nonblank, verdicts)
    first, last = _region(lines, nonblank, verdicts, original)
    if last < first:
        for i in nonblank:
            if verdicts[i].cls != BAD or verdicts[i].reason is None:
                verdicts[i] = Verdict(BAD, verdicts[i].reason or "navigation")
        return verdicts, original, 0, -1
    for k, i in enumerate(nonblank):
        v = verdicts[i]
        if k < first or k > last:
            if v.cls != BAD or v.reason is None:
                v.cls = BAD
                v.reason = v.reason or ("navigation" if k < first else "footer")
        elif v.cls == BAD and v.reason is None:
            v.reason = "navigation" if lines[i].length < LENGTH_LOW else "boilerplate"
    return verdicts, original, nonblank[first], nonblank[last]


def repeated_texts(lines: list[Line]) -> Counter[str]:
    """How often each non-blank line body occurs on the page."""
    return Counter(ln.body for ln in lines if ln.text)
