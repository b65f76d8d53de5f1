"""Clean one text dump: lines -> verdicts -> header metadata -> partition -> repaired body text."""

from __future__ import annotations

from build_dataset.clean.classify import BAD, GOOD, Verdict, classify
from build_dataset.clean.lines import Line, add_stop_density, language_words, split_lines
from build_dataset.clean.metadata import Header, body_start, read_header, standfirst_repeat
from build_dataset.clean.model import CleanedPage
from build_dataset.clean.repair import fix_mojibake, normalise_characters, repair
from build_dataset.clean.spans import join_segments, line_pieces, partition
from build_dataset.clean.stoplists import stoplist_for_words


def _apply_header(lines: list[Line], verdicts: list[Verdict], head: Header, start: int) -> None:
    """Header lines become removed spans with their reasons; headline repeats elsewhere too."""
    for i, reason in head.reasons.items():
        verdicts[i] = Verdict(BAD, reason, verdicts[i].cue)
    if standfirst_repeat(lines, head, start):
        # the standfirst printed again as the first paragraph: the body keeps that copy
        verdicts[start] = Verdict(GOOD, None, verdicts[start].cue)
    if head.title:
        for k in range(start, len(lines)):
            if lines[k].body == head.title and verdicts[k].cls == GOOD:
                verdicts[k] = Verdict(BAD, "title", verdicts[k].cue)


def _field(value: str | None) -> str | None:
    """Metadata gets the character repairs the body gets."""
    if value is None:
        return None
    value, _ = normalise_characters(fix_mojibake(value)[0])
    return " ".join(value.split()) or None


def clean_page(raw: str, *, furniture: frozenset[str] = frozenset()) -> CleanedPage:
    """Split a text dump into its article body, metadata and the removed spans with their reasons.

    `furniture` holds `line_key`s that recur across many pages of the same outlet in this build
    (see `furniture_keys`); lines with those keys are removed as "furniture".
    """
    lines = split_lines(raw)
    _, stoplist = stoplist_for_words(language_words(lines))
    add_stop_density(lines, stoplist)
    verdicts, original, first, last = classify(lines, furniture, bool(stoplist))
    head = Header()
    if last >= first:
        start = body_start(lines, verdicts, original, first, last)
        head = read_header(lines, verdicts, start, stoplist)
        _apply_header(lines, verdicts, head, start)
    reasons = [None if v.cls == GOOD else (v.reason or "navigation") for v in verdicts]
    kept, removed = partition(len(raw), line_pieces(lines, reasons, head.splits))
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
