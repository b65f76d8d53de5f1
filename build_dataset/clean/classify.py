"""Decide for every line of a dump whether it is article body, and if not, why.

The approach is jusText's, moved from HTML blocks to dump lines, plus position:

1. Each line gets a context-free class from its shape: GOOD (long, many stopwords, sentences),
   NEARGOOD, SHORT (headings, list items, labels) or BAD (keyword cues, menus, w3m markup, corpus
   furniture, low stopword density). Patterns that need two lines are found first: a related rail
   prints each teaser title twice, a caption is often printed twice with the credit added. Near-good
   lines that form a block of sentences are good (an article in short paragraphs).
2. Context revises SHORT and NEARGOOD lines (jusText's smoothing): a short line between good ones is
   body, a short line just above good text is its heading. Images and captions are transparent:
   they neither join nor separate the paragraphs around them.
3. Position: the article is the densest contiguous run of text. A maximum-sum subarray over line
   weights (text gains, furniture costs, a comments heading costs a lot) finds it, above the
   comments when there are any; another run below weighing 30% as much is article too (a story split
   by a gallery), and so is any run of some weight above it (pages put the article before their
   longest furniture). Runs take in the kept heading right above them and a couple of kept sentences
   below; in the span of the runs, cue-less prose, table rows and short sentences stay even when
   context voted them out.
   Lines outside the runs are removed even when they look like prose (teasers, comments, author
   boxes), named by their cue or as navigation (above the article) and footer (below it).

Short lines whose context is furniture on both sides end up removed whatever they say, so their
keyword cues are only looked up when the context could keep them: that is most of the speed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from types import MemberDescriptorType

from build_dataset.clean.cues import (
    consent_notice,
    cue_reason,
    error_prompt,
    labelled_credit,
    labelled_teaser,
    native_line_tests,
    whole_cue,
)
from build_dataset.clean.lines import Line, line_key
from build_dataset.clean.native import speedups, use_speedups

_LETTER_RE = re.compile(r"[^\W\d_]")
BAD, SHORT, NEARGOOD, GOOD = 0, 1, 2, 3
INLINE = -1
"""Class used only while looking for neighbours: furniture that sits inside articles (images,
captions) and so neither separates nor joins the paragraphs around it."""
INLINE_REASONS = frozenset({"markup", "caption"})
CAPTION_EXTRA = 50
"""Longest credit or label a repeated caption adds; a longer addition is a glued standfirst."""

LENGTH_LOW = 70
"""Shorter lines are never judged on their own (jusText's length_low)."""
LENGTH_HIGH = 170
"""Longer lines with enough stopwords are body on their own (jusText's length_high)."""
STOP_LOW = 0.30
STOP_HIGH = 0.32
"""jusText's stopword density thresholds; prose is well above, menus and name lists below."""
BOUNDARY_REASONS = frozenset({"comments", "related", "footer"})
"""Cues that open a block after the article: crossing one costs the region a lot."""
BOUNDARY_COST = 300.0
BOUNDARY_MAX_CHARS = 40
"""Only a heading-like cue ("Related articles", "3 comments") opens a block; "Read more: <title>"
is one teaser inside the article and costs like any other furniture line."""
SECOND_RUN_SHARE = 0.3
SECOND_RUN_MIN = 300.0
"""Another run of text below the best one is article too when it weighs this share of the best run,
and this much: what follows an article is mostly teasers, bios and comments, so the bar is high."""
ABOVE_RUN_MIN = 150.0
"""A run of text above the best one needs only this weight, whatever the best run weighs: pages put
the article first and their longest furniture (teaser rails, author boxes, forms, comments) after it,
so a short article paragraph above a long block of furniture is the article."""
MIN_TEXT_BEFORE_COMMENTS = 400
COMMENTS_OUTWEIGH = 3.0
"""A run below the comments cue that weighs this many times the best run above it is the article (the
cue was a comment count in the header or a quote box): a real thread is cut into small runs by its
"Reply" and "X says:" lines, so it never outweighs the article like that."""
KEPT_INSIDE = frozenset({BAD, NEARGOOD})
"""Context-free classes of cue-less lines that stay when they sit inside the article's run: a
near-good sentence between paragraphs or a table row (few stopwords) is article text there, and a
researcher must never lose an article paragraph. Cue-less short lines are left to context, since
a run also spans the menus and teaser lists it bridges, except short sentences (see below)."""
SHORT_SENTENCE_WORDS = 3
"""A cue-less short line of this many words ending in . ! ? or : is a sentence of the article when it
sits inside the article's run ("Das Innenleben sieht so aus:"), not a menu item or a teaser title."""
"""Body characters that must come before a comments cue for it to end the search for the article."""


@dataclass(slots=True)
class Verdict:
    """The classifier's decision on one line."""

    cls: int
    reason: str | None = None  # why a BAD line is furniture; None for undecided or body
    cue: str | None = None     # the reason the line's own shape or words gave, before context
    sure: bool = False         # evidence the line model may not overturn: a pair pattern, corpus furniture, a
                               # line that is one cue phrase and nothing else (and, set by `page`, markup,
                               # letterless lines outside the article region and the comment thread below it)


def slotted(cls: type, names: tuple[str, ...]) -> bool:
    """Whether each of `names` is a plain slot of `cls` (a member descriptor in its own namespace) and `cls`
    has no __post_init__: then its dataclass __init__ only stores each argument in its slot, which the C
    loops may do directly. (A class compiled by mypyc keeps its fields otherwise.)"""
    return not hasattr(cls, "__post_init__") and all(isinstance(vars(cls).get(n), MemberDescriptorType) for n in names)


_VERDICT_FIELDS = tuple(f.name for f in fields(Verdict))
_NATIVE_VERDICTS = speedups is not None and use_speedups and slotted(Verdict, _VERDICT_FIELDS)


def _verdicts(cls: list[int], reason: list[str | None], cue: list[str | None], sure: list[bool]) -> list[Verdict]:
    """`list(map(Verdict, cls, reason, cue, sure))`: made in C where the extension was built
    (`_speedups.slot_objects`, which stores each value in its slot as the dataclass's __init__ does, a tenth
    of the cost of calling it for every line)."""
    if _NATIVE_VERDICTS:
        assert speedups is not None
        return speedups.slot_objects(Verdict, _VERDICT_FIELDS, (cls, reason, cue, sure))  # type: ignore[no-any-return]
    return list(map(Verdict, cls, reason, cue, sure))


def _pairs(lines: list[Line], bodies: list[str], cls: list[int], reason: list[str | None],
           sure: list[bool]) -> None:
    """Two-line patterns: teaser titles printed twice, captions printed twice with a credit.

    Only pairs whose bodies are equal or differ by a short addition can match, so those are picked
    out first in one comprehension, in page order: a pair's decision reads the one before it.
    """
    pairs = _pair_candidates_python(bodies) if speedups is None or not use_speedups \
        else speedups.pair_candidates(bodies, CAPTION_EXTRA)
    for k in pairs:
        la = lines[k]
        a, b = bodies[k], bodies[k + 1]
        if a == b:
            if la.markup:
                continue  # and it has no label: the second copy adds nothing
            if la.length < LENGTH_HIGH and (not la.sentence_end or la.words <= 20):
                cls[k], reason[k], sure[k] = BAD, "related", True
                cls[k + 1], reason[k + 1], sure[k + 1] = BAD, "related", True
            elif la.length >= LENGTH_HIGH:
                cls[k + 1], reason[k + 1], sure[k + 1] = BAD, "duplicate", True
        elif (label := _pair_label(a, b)) is not None:
            # The label says what the pair is: "READ MORE: X" after "X" is a teaser, "X | Photo: Y" a caption.
            why = cue_reason(label.strip(" :|-–—")) or "caption"
            if why not in ("related", "caption"):
                why = "caption"
            if reason[k] != "related":
                cls[k], reason[k], sure[k] = BAD, why, True
            cls[k + 1], reason[k + 1], sure[k + 1] = BAD, why, True


def _pair_candidates_python(bodies: list[str]) -> list[int]:
    """The positions of the pairs `_pairs` looks at: the reference of `_speedups.pair_candidates`."""
    lens = list(map(len, bodies))
    return [k for k in range(len(bodies) - 1)
            if bodies[k] == bodies[k + 1] or 0 < lens[k + 1] - lens[k] <= CAPTION_EXTRA and 20 <= lens[k] < 400]


def _pair_label(a: str, b: str) -> str | None:
    """The credit or label a line printed twice gains the second time ("X" then "X Photo: Y", "Enlarge
    X", "READ MORE: X"), or None when `b` is not `a` plus a label; a label must hold letters."""
    extra = len(b) - len(a)
    if not 0 < extra <= CAPTION_EXTRA:
        return None
    if b.startswith(a):
        rest = b[len(a):]
    elif b.endswith(a):
        rest = b[:extra]
    else:
        return None
    return rest if any(c.isalpha() for c in rest) else None


def _shape_cue_python(ln: Line) -> str | None:
    """Why a line is furniture by its own look: w3m markup, a keyword cue, a menu, no words. The reference of
    `_speedups.shape_cue`, which asks `cue_reason` and `consent_notice` only of the lines its own tests leave a
    cue or a notice possible in (one in thirteen and one in three hundred on the dev pages)."""
    if ln.markup:  # only ever set on a line holding "["
        return "markup"
    cue = cue_reason(ln.text)
    if cue:
        return cue
    body = ln.body
    if consent_notice(body):
        return "legal"
    # a first character that is a letter is one the regex finds: letters are neither digits nor "_"
    if not body[:1].isalpha() and not _LETTER_RE.search(body, 0, 200):
        return "dateline" if ln.dated else "navigation"
    if ln.sentences == 0 and ln.separated >= 2:
        return "navigation"
    return None


_LINE_TESTS = native_line_tests()
_SHAPE_CONFIG = None if _LINE_TESTS is None or speedups is None \
    else (*_LINE_TESTS, ("markup", "legal", "dateline", "navigation"))
"""What `_speedups.shape_cue` and the loops that ask it (`short_cues`, `long_classes`) read; None where the
extension is not run."""
_shape_cue: Callable[[Line], str | None] = _shape_cue_python if _SHAPE_CONFIG is None or speedups is None \
    else partial(speedups.shape_cue, _SHAPE_CONFIG)

SHAPE_MAX_CHARS = 220
"""Longest line of LENGTH_LOW or more whose shape cue is asked (`_long_class`); a longer one is asked only
whether it is a consent notice."""
STOP_SENTENCE = 0.15
SENTENCE_WORDS = 8
"""A line of SENTENCE_WORDS words or more with a sentence's end is near-good from a stopword share of
STOP_SENTENCE (below STOP_LOW)."""


def _long_class(ln: Line, has_stoplist: bool) -> tuple[int, str | None]:
    """The class (and furniture reason) of a line long enough to be judged alone."""
    if ln.length <= SHAPE_MAX_CHARS:
        cue = _shape_cue(ln)
        if cue:
            return BAD, cue
    elif consent_notice(ln.body):  # shorter lines had it checked by `_shape_cue`
        return BAD, "legal"
    if not has_stoplist:
        if ln.sentences >= 1:
            return (GOOD if ln.length >= LENGTH_HIGH else NEARGOOD), None
        return (NEARGOOD if ln.length >= LENGTH_HIGH else SHORT), None
    d = ln.stop_density
    if d >= STOP_HIGH:
        return (GOOD if ln.length >= LENGTH_HIGH or ln.sentences >= 2 else NEARGOOD), None
    if d >= STOP_LOW or (d >= STOP_SENTENCE and ln.sentences >= 1 and ln.words >= SENTENCE_WORDS):
        return NEARGOOD, None
    return BAD, None


def _long_classes_python(lines: list[Line], has_stoplist: bool) -> tuple[list[int], list[str | None]]:
    """Each line's class and reason by `_long_class` when it is LENGTH_LOW long or more, else SHORT and none:
    the reference of `_speedups.long_classes`."""
    cls = [SHORT] * len(lines)
    reason: list[str | None] = [None] * len(lines)
    for k, ln in enumerate(lines):
        if ln.length >= LENGTH_LOW:
            cls[k], reason[k] = _long_class(ln, has_stoplist)
    return cls, reason


def _long_classes(lines: list[Line], has_stoplist: bool) -> tuple[list[int], list[str | None]]:
    """`_long_classes_python`, in C where the extension was built (one loop over the lines, each shape cue
    asked there)."""
    if _SHAPE_CONFIG is None or speedups is None or not use_speedups:
        return _long_classes_python(lines, has_stoplist)
    cls, reason = speedups.long_classes(
        _SHAPE_CONFIG, lines, has_stoplist,
        (LENGTH_LOW, LENGTH_HIGH, SHAPE_MAX_CHARS, STOP_HIGH, STOP_LOW, STOP_SENTENCE, SENTENCE_WORDS, GOOD,
         NEARGOOD, SHORT, BAD), consent_notice)
    return cls, reason


def _neighbours(classes: list[int], ignore_neargood: bool) -> tuple[list[int], list[int]]:
    """For each position, the class of the nearest preceding and following line that is not SHORT
    or INLINE (nor NEARGOOD when ignored); BAD at the page's edges."""
    skip = (SHORT, INLINE, NEARGOOD) if ignore_neargood else (SHORT, INLINE)
    # one forward and one backward sweep that append rather than index: this runs four times a page
    prev: list[int] = []
    last = BAD
    for c in classes:
        prev.append(last)
        if c not in skip:
            last = c
    nxt: list[int] = []
    last = BAD
    for c in reversed(classes):
        nxt.append(last)
        if c not in skip:
            last = c
    nxt.reverse()
    return prev, nxt


def _neighbours_both(classes: list[int]) -> tuple[list[int], list[int], list[int], list[int]]:
    """`_neighbours(classes, True) + _neighbours(classes, False)`: in C where the extension was built
    (`_speedups.neighbours`), else `_neighbours_both_python`."""
    if speedups is None or not use_speedups:
        return _neighbours_both_python(classes)
    return speedups.neighbours(classes, BAD, SHORT, INLINE, NEARGOOD)  # type: ignore[no-any-return]


def _neighbours_both_python(classes: list[int]) -> tuple[list[int], list[int], list[int], list[int]]:
    """`_neighbours(classes, True) + _neighbours(classes, False)` in one forward and one backward sweep:
    a line that is neither SHORT nor INLINE is the neighbour of the sweep that keeps NEARGOOD, and of
    the other one too unless it is NEARGOOD."""
    p1: list[int] = []
    p2: list[int] = []
    last1 = last2 = BAD
    for c in classes:
        p1.append(last1)
        p2.append(last2)
        if c != SHORT and c != INLINE:
            last2 = c
            if c != NEARGOOD:
                last1 = c
    n1: list[int] = []
    n2: list[int] = []
    last1 = last2 = BAD
    for c in reversed(classes):
        n1.append(last1)
        n2.append(last2)
        if c != SHORT and c != INLINE:
            last2 = c
            if c != NEARGOOD:
                last1 = c
    n1.reverse()
    n2.reverse()
    return p1, n1, p2, n2


def _context_classes(cls: list[int], reason: list[str | None]) -> list[int]:
    return [INLINE if c == BAD and r in INLINE_REASONS else c for c, r in zip(cls, reason, strict=True)]


PROSE_BLOCK_SENTENCES = 2
"""Near-good lines ending like sentences that make a block of prose when nothing but short lines,
images and captions separates them."""


def _promote_prose_blocks(lines: list[Line], cls: list[int], ctx: list[int]) -> None:
    """Near-good lines in a block with at least PROSE_BLOCK_SENTENCES sentence lines become good (in
    both `cls` and the context classes `ctx`).

    jusText keeps a near-good line only next to a good one, so an article written in short
    paragraphs (recipe steps, a diary, an interview) with no long line loses all of them; several
    sentences in a row are prose wherever they are, while menus and teaser lists do not end like
    sentences.
    """
    if ctx.count(NEARGOOD) < PROSE_BLOCK_SENTENCES:
        return  # no block can hold enough sentence lines
    for j in _prose_blocks(lines, ctx):
        cls[j] = ctx[j] = GOOD


def _prose_blocks_python(lines: list[Line], ctx: list[int]) -> list[int]:
    """The near-good lines of the blocks (runs of NEARGOOD, SHORT and INLINE lines in `ctx`) with at least
    PROSE_BLOCK_SENTENCES near-good lines ending like a sentence, in order: the reference of
    `_speedups.prose_blocks`."""
    promoted: list[int] = []
    block: list[int] = []
    sentences = 0
    for k, c in enumerate(ctx + [BAD]):  # the sentinel closes the last block
        if c == NEARGOOD:
            block.append(k)
            sentences += lines[k].sentence_end
        elif c != SHORT and c != INLINE:
            if sentences >= PROSE_BLOCK_SENTENCES:
                promoted += block
            block = []
            sentences = 0
    return promoted


def _prose_blocks(lines: list[Line], ctx: list[int]) -> list[int]:
    """`_prose_blocks_python`, in C where the extension was built (`_speedups.prose_blocks`)."""
    if speedups is None or not use_speedups:
        return _prose_blocks_python(lines, ctx)
    promoted: list[int] = speedups.prose_blocks(lines, ctx, PROSE_BLOCK_SENTENCES, (NEARGOOD, SHORT, INLINE))
    return promoted


def _kept_inside(ln: Line, original: int) -> bool:
    """Whether a cue-less line context voted out stays because it sits in the article's span."""
    return original in KEPT_INSIDE and bool(_LETTER_RE.search(ln.body)) or _short_sentence(ln)


def _short_sentence(ln: Line) -> bool:
    """Whether a short line reads as a sentence: a few words ending in sentence punctuation."""
    return ln.body[-1:] in ".!?:" and len(ln.body.split()) >= SHORT_SENTENCE_WORDS and not ln.urlish


def _check_short_lines(lines: list[Line], cls: list[int], reason: list[str | None], ctx: list[int]) -> None:
    """Look up the cues of short lines whose context could make them body (SHORT lines have no reason
    yet: every reason given so far came with BAD). A line found to be furniture gets its context
    class in `ctx` too."""
    for k, cue in _short_cues(lines, _short_lines_to_check(ctx)):
        cls[k] = BAD
        reason[k] = cue
        ctx[k] = INLINE if cue in INLINE_REASONS else BAD


def _short_cues_python(lines: list[Line], todo: list[int]) -> list[tuple[int, str]]:
    """The lines at `todo` that have a shape cue, or a URL ("navigation"), with it: the reference of
    `_speedups.short_cues`."""
    found = []
    for k in todo:
        ln = lines[k]
        cue = _shape_cue(ln) or ("navigation" if ln.urlish else None)
        if cue:
            found.append((k, cue))
    return found


def _short_cues(lines: list[Line], todo: list[int]) -> list[tuple[int, str]]:
    """`_short_cues_python`, in C where the extension was built (a hundred lines a page, each shape cue asked
    there)."""
    if _SHAPE_CONFIG is None or speedups is None or not use_speedups:
        return _short_cues_python(lines, todo)
    found: list[tuple[int, str]] = speedups.short_cues(_SHAPE_CONFIG, lines, todo)
    return found


def _short_lines_to_check(ctx: list[int]) -> list[int]:
    """`_short_lines_to_check_python`, in C where the extension was built (`_speedups.short_lines_to_check`)."""
    if speedups is None or not use_speedups:
        return _short_lines_to_check_python(ctx)
    todo: list[int] = speedups.short_lines_to_check(ctx, (GOOD, BAD, SHORT, NEARGOOD))
    return todo


def _short_lines_to_check_python(ctx: list[int]) -> list[int]:
    """Positions of the SHORT lines (the same in `ctx` as in the classes it was made from) that a GOOD
    line comes before or after (`_neighbours` ignoring near-good lines), or that stand right above a
    good or near-good line (a heading): the lines whose context could keep them.

    The neighbours are the lines around a line that are BAD or GOOD, the same for every line between
    two of them: those anchors are listed in one pass and each gap between two is decided at once,
    rather than both neighbours being swept out for every line. (A line's test reads the anchors and the
    line below it, which no lookup of a line above it changes: all the lines can be found before any is
    looked up.)"""
    n = len(ctx)
    anchors = [k for k, c in enumerate(ctx) if c in (BAD, GOOD)]
    todo: list[int] = []
    for a, z in zip([-1, *anchors], [*anchors, n], strict=True):
        if z - a > 1:  # lines between the anchors
            if a >= 0 and ctx[a] == GOOD or z < n and ctx[z] == GOOD:
                todo += [k for k in range(a + 1, z) if ctx[k] == SHORT]
            else:
                todo += [k for k in range(a + 1, z) if ctx[k] == SHORT and k + 1 < n and ctx[k + 1] in (GOOD, NEARGOOD)]
    return todo


def _revise(lines: list[Line], cls: list[int], ctx: list[int]) -> list[int]:
    """`_revise_python`, in C where the extension was built (`_speedups.revise`)."""
    if speedups is None or not use_speedups:
        return _revise_python(lines, cls, ctx)
    revised: list[int] = speedups.revise(lines, cls, ctx, (GOOD, BAD, SHORT, NEARGOOD, INLINE))
    return revised


def _revise_python(lines: list[Line], cls: list[int], ctx: list[int]) -> list[int]:
    """jusText's context step: headings, short and near-good lines take the class of their context.
    Returns the revised classes, each GOOD or BAD; `ctx` holds the context classes of `cls`."""
    for k in [k for k in range(len(cls) - 1) if cls[k] == SHORT and cls[k + 1] in (GOOD, NEARGOOD)]:
        if not lines[k].bullet and lines[k].length >= 3:
            ctx[k] = NEARGOOD  # a heading: a short line right above good text
    p1, n1, p2, n2 = _neighbours_both(ctx)
    revised = ctx[:]
    for k in [k for k, c in enumerate(ctx) if c == SHORT]:
        if p1[k] == GOOD and n1[k] == GOOD:
            revised[k] = GOOD
        elif p1[k] == BAD and n1[k] == BAD:
            revised[k] = BAD
        else:
            revised[k] = BAD if BAD in (p2[k], n2[k]) and NEARGOOD in (p2[k], n2[k]) else GOOD
    # No SHORT line is left, so a near-good line's neighbours are the lines around its run of near-good
    # and inline lines: each run is walked once, from its first near-good line.
    n = len(revised)
    end = 0
    for k in [k for k, c in enumerate(revised) if c == NEARGOOD]:
        if k >= end:
            a = k - 1
            while a >= 0 and revised[a] == INLINE:
                a -= 1
            end = k + 1
            while end < n and revised[end] in (NEARGOOD, INLINE):
                end += 1
            kept = GOOD if (a >= 0 and revised[a] == GOOD) or (end < n and revised[end] == GOOD) else BAD
        revised[k] = kept
    return [BAD if c == INLINE else c for c in revised]


KEPT_SHORT_GAIN = 0.0
WIDEN_BELOW = 2
"""Kept sentence-like lines right below a run that join it (sign-offs, a last short line)."""
NEARGOOD_SHARE = 0.5
"""Near-good lines kept by context count this share of their length."""
GAIN_CAP = 600
"""A line adds at most this much text: one huge line (a sidebar's feed) must not outweigh an article."""
BAD_BASE = 2.0
BAD_PER_CHAR = 0.1
BAD_CAP = 30.0
"""A furniture line costs a little plus a share of its length: a menu of many short items is a gap
an article can bridge, like a caption or a share bar between two paragraphs."""


def _weights(lines: list[Line], bodies: list[str], cls: list[int], reason: list[str | None],
             original: list[int]) -> list[float]:
    """`_weights_python` in C where the extension was built (`_speedups.weights`)."""
    if speedups is None or not use_speedups:
        return _weights_python(lines, bodies, cls, reason, original)
    return speedups.weights(  # type: ignore[no-any-return]
        lines, bodies, cls, reason, original, BOUNDARY_REASONS, INLINE_REASONS,
        (GOOD, SHORT, KEPT_SHORT_GAIN, GAIN_CAP, NEARGOOD_SHARE, BOUNDARY_MAX_CHARS, BOUNDARY_COST, BAD_BASE,
         BAD_PER_CHAR, BAD_CAP))


def _weights_python(lines: list[Line], bodies: list[str], cls: list[int], reason: list[str | None],
                    original: list[int]) -> list[float]:
    """How much each line adds to (text) or takes from (furniture) the article region around it.

    Short lines kept by context add nothing (a long menu after the article must not extend it) unless
    they are hard-wrapped prose (see `_wrapped`), and a line printed again (pingbacks, teasers, a
    sidebar repeated) adds only once: only its first position in the page counts.
    """
    first_at = dict(zip(reversed(bodies), range(len(bodies) - 1, -1, -1), strict=True))  # the earliest position wins
    weights: list[float] = []
    append = weights.append
    for k, ln in enumerate(lines):
        if cls[k] == GOOD:
            o = original[k]
            if first_at[bodies[k]] != k:
                w = 0.0
            elif o == SHORT:
                w = KEPT_SHORT_GAIN
            else:
                gain = min(ln.length, GAIN_CAP)
                w = gain if o == GOOD else gain * NEARGOOD_SHARE
            if w == 0 and o == SHORT and _wrapped(lines, k):
                w = ln.length * NEARGOOD_SHARE
        elif reason[k] in BOUNDARY_REASONS and ln.length <= BOUNDARY_MAX_CHARS:
            w = -BOUNDARY_COST
        elif reason[k] in INLINE_REASONS:
            w = -BAD_BASE
        else:
            w = -min(BAD_BASE + BAD_PER_CHAR * ln.length, BAD_CAP)
        append(w)
    return weights


def _wrapped(lines: list[Line], k: int) -> bool:
    """Whether a short line is part of a hard-wrapped paragraph (preformatted posts, mail archives):
    it runs on into the next line, or the previous one runs on into it (no sentence end, then a
    lowercase start on the very next line). Such lines are prose and weigh like near-good text."""
    ln = lines[k]
    if k + 1 < len(lines):
        nxt = lines[k + 1]
        if not ln.sentence_end and nxt.index == ln.index + 1 and nxt.body[:1].islower():
            return True
    if k > 0:
        prev = lines[k - 1]
        if not prev.sentence_end and prev.index == ln.index - 1 and ln.body[:1].islower():
            return True
    return False


def comments_start(lines: list[Line], verdicts: list[Verdict], original: list[int]) -> int:
    """Position of the first comments cue ("27 comments", "Leave a reply") after some body text,
    or len(lines): a comment thread can hold more prose than the article, but comes after it."""
    return _comments_start(lines, [v.cue for v in verdicts], original)


def _comments_start(lines: list[Line], cues: list[str | None], original: list[int]) -> int:
    """`comments_start` over the lines' cues; most pages have no comments cue at all."""
    if "comments" not in cues:
        return len(lines)
    text = 0
    for k, ln in enumerate(lines):
        if original[k] == GOOD:
            text += ln.length
        elif cues[k] == "comments" and text >= MIN_TEXT_BEFORE_COMMENTS:
            return k
    return len(lines)


def _region(weights: list[float], stop: int) -> list[tuple[int, int]]:
    """[first, last] position pairs of the article's runs: the maximum-weight contiguous run of lines,
    plus any other run below it carrying at least SECOND_RUN_SHARE of its weight (an article split by
    a big ad or gallery block) and any run above it weighing ABOVE_RUN_MIN.

    Runs are sought above the comments (which start at `stop`) first, in the whole page only if nothing
    is found there or a run below the comments cue far outweighs what is found there.
    """
    n = len(weights)
    first, last, best = _best_run(weights, 0, stop)
    if stop < n:
        f, la, score = _best_run(weights, stop, n)
        if last < first or score > COMMENTS_OUTWEIGH * best:
            stop = n
            first, last, best = _best_run(weights, 0, stop)
    if last < first:
        return []
    runs = [(first, last)]
    todo = [(0, first), (last + 1, stop)]
    while todo:
        a, z = todo.pop()
        f, la, score = _best_run(weights, a, z)
        least = ABOVE_RUN_MIN if la < first else max(SECOND_RUN_MIN, SECOND_RUN_SHARE * best)
        if la >= f and score >= least:
            runs.append((f, la))
            todo += [(a, f), (la + 1, z)]
    return sorted(runs)


def _best_run(weights: list[float], a: int, z: int) -> tuple[int, int, float]:
    """`_best_run_python`, in C where the extension was built (`_speedups.best_run`)."""
    if speedups is None or not use_speedups:
        return _best_run_python(weights, a, z)
    run: tuple[int, int, float] = speedups.best_run(weights, a, z)
    return run


def _best_run_python(weights: list[float], a: int, z: int) -> tuple[int, int, float]:
    """Kadane's maximum-sum subarray of weights[a:z]: (first, last, sum); last < first if none."""
    best = cur = 0.0
    best_span = (a, a - 1)
    cur_start = a
    for k in range(a, z):
        w = weights[k]
        if cur <= 0:
            cur = w
            cur_start = k
        else:
            cur += w
        if cur > best:
            best = cur
            best_span = (cur_start, k)
    return best_span[0], best_span[1], best


def _widen_up(first: int, cls: list[int]) -> int:
    """A run grows over the lines context kept right above it (a heading, a one-line lede, which weigh
    nothing)."""
    while first > 0 and cls[first - 1] == GOOD:
        first -= 1
    return first


def _widen_down(last: int, cls: list[int], lines: list[Line]) -> int:
    """A run grows over a couple of kept sentences below it (a closing line), but not over a kept menu."""
    for _ in range(WIDEN_BELOW):
        if last + 1 >= len(cls) or cls[last + 1] != GOOD or not lines[last + 1].sentence_end:
            break
        last += 1
    return last


def classify(
    lines: list[Line], furniture: frozenset[str], has_stoplist: bool
) -> tuple[list[Verdict], list[int], int, int]:
    """Verdicts, context-free classes, and the article region as positions [first, last] in `lines`.

    `last < first` when the page has no article text at all. After this every verdict is GOOD (body)
    or BAD with a reason.

    The steps work on plain lists (class, reason, sure) and the verdicts are made once at the end:
    a line's verdict is rewritten several times on the way, and list slots are cheaper than objects.
    """
    n = len(lines)
    bodies = [ln.body for ln in lines]
    cls, reason = _long_classes(lines, has_stoplist)
    sure = [False] * n
    if furniture:
        for k, ln in enumerate(lines):
            if line_key(ln.text) in furniture:
                cls[k], reason[k], sure[k] = BAD, "furniture", True
    _pairs(lines, bodies, cls, reason, sure)
    if GOOD not in cls:
        # a short page of short paragraphs: its near-good lines are the best evidence there is
        cls = [GOOD if c == NEARGOOD else c for c in cls]
    ctx = _context_classes(cls, reason)
    _promote_prose_blocks(lines, cls, ctx)
    _check_short_lines(lines, cls, reason, ctx)
    cue = reason[:]
    for k in [k for k, r in enumerate(reason) if r is not None]:
        text = lines[k].text
        if cls[k] == BAD and (whole_cue(text) or reason[k] == "related" and labelled_teaser(text)
                              or reason[k] == "caption" and labelled_credit(text)
                              or reason[k] == "footer" and error_prompt(text)):
            # a line that is only "Share" or "Comments" is no heading the model may keep, nor is "Read also: X",
            # "Photo: X" or "Found a mistake? … press Ctrl+Enter"
            sure[k] = True
    original = cls
    cls = _revise(lines, original, ctx)
    runs = _region(_weights(lines, bodies, cls, reason, original), _comments_start(lines, cue, original))
    # only the outer edges of the runs matter below: widening moves each edge on its own
    first = _widen_up(runs[0][0], cls) if runs else 0
    last = _widen_down(runs[-1][1], cls, lines) if runs else -1
    # Lines outside [first, last] are removed, named by their cue or their side. Inside, the article's
    # runs and the gaps between them (a gallery, an ad block), what context kept stays, and cue-less
    # prose, table rows and short sentences are kept too; a line with a reason is BAD already there.
    below = max(first, last + 1)
    cls[:first] = [BAD] * first
    reason[:first] = [r or "navigation" for r in reason[:first]]
    cls[below:] = [BAD] * (n - below)
    reason[below:] = [r or "footer" for r in reason[below:]]
    for k in [k for k in range(first, last + 1) if reason[k] is None]:
        if cls[k] == BAD:
            if _kept_inside(lines[k], original[k]):
                cls[k] = GOOD
            else:
                reason[k] = "navigation" if lines[k].length < LENGTH_LOW else "boilerplate"
    return _verdicts(cls, reason, cue, sure), original, first, last
