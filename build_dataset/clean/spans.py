"""Turn per-line decisions into the exact partition of the raw text: kept segments and removed spans.

Every character of the raw text is either in a kept segment (the stripped text of a body line) or in
exactly one removed span. Spans are merged so an audit reads as runs ("navigation" over a whole menu,
blank lines inside it included) rather than as one span per line.
"""

from __future__ import annotations

from dataclasses import fields

from build_dataset.clean.lines import Line
from build_dataset.clean.native import speedups, use_speedups
from build_dataset.schema import RemovedSpan

KEPT = ""
WHITESPACE = "whitespace"
MARKUP = "markup"


def line_pieces(lines: list[Line], reasons: list[str | None],
                splits: dict[int, list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """(start, end, label) pieces in raw order: a kept line's stripped text (label KEPT), a run of
    lines removed for one reason with their newlines, or the parts of a line removed in parts.
    What lies between pieces (indentation, blank lines) is whitespace."""
    pieces: list[tuple[int, int, str]] = []
    run_reason = None
    run_start = run_end = 0
    for k, line in enumerate(lines):
        reason = reasons[k]
        if reason is not None and reason == run_reason and k not in splits:
            run_end = line.line_end + 1
            continue
        if run_reason is not None:
            pieces.append((run_start, run_end, run_reason))
            run_reason = None
        if reason is None:
            pieces.append((line.start, line.end, KEPT))
        elif k in splits:
            pieces.extend(_split_pieces(line, sorted(splits[k])))
        else:
            run_reason, run_start, run_end = reason, line.line_start, line.line_end + 1
    if run_reason is not None:
        pieces.append((run_start, run_end, run_reason))
    return pieces


def _split_pieces(line: Line, parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The parts of a line removed in parts, plus what the parts leave out of the line's text that is
    not whitespace (the bullet before a glued headline, "• " in "• Title › Section") as "markup":
    the gaps between pieces become "whitespace" spans, which must hold only whitespace."""
    pieces: list[tuple[int, int, str]] = []
    pos = line.start
    for a, z, label in parts:
        if a > pos and line.text[pos - line.start:a - line.start].strip():
            pieces.append((pos, a, MARKUP))
        pieces.append((a, z, label))
        pos = max(pos, z)
    if pos < line.end and line.text[pos - line.start:].strip():
        pieces.append((pos, line.end, MARKUP))
    return pieces


_NATIVE_SPANS = (speedups is not None and use_speedups
                 and [f.name for f in fields(RemovedSpan)] == ["start", "end", "reason"]
                 and not hasattr(RemovedSpan, "__post_init__") and "__slots__" not in vars(RemovedSpan))
"""Whether the C loops make the spans: a RemovedSpan is then made as its dataclass __init__ makes it,
`object.__new__` and `object.__setattr__` of its three fields, which holds only while they are all it has."""


def partition(raw_length: int, pieces: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Kept segments and merged removed spans from labelled pieces in raw order; gaps between the
    pieces (blank lines) are whitespace, and whitespace between two spans of one reason joins them.
    In C where the extension was built (`_speedups.partition`), else `partition_python`."""
    if _NATIVE_SPANS:
        assert speedups is not None
        return speedups.partition(raw_length, pieces, KEPT, WHITESPACE, object.__new__,  # type: ignore[no-any-return]
                                  RemovedSpan)
    return partition_python(raw_length, pieces)


def partition_lines(raw_length: int, lines: list[Line], reasons: list[str | None],
                    splits: dict[int, list[tuple[int, int, str]]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """`partition(raw_length, line_pieces(lines, reasons, splits))`: in C where the extension was built
    (`_speedups.partition_lines`, which gathers the pieces without making a tuple of each), only the parts of
    the lines removed in parts (`_split_pieces`) made here."""
    if _NATIVE_SPANS:
        assert speedups is not None
        split_pieces = {k: _split_pieces(lines[k], sorted(parts)) for k, parts in splits.items() if 0 <= k < len(lines)}
        return speedups.partition_lines(raw_length, lines, reasons, split_pieces,  # type: ignore[no-any-return]
                                        KEPT, WHITESPACE, object.__new__, RemovedSpan)
    return partition_python(raw_length, line_pieces(lines, reasons, splits))


def partition_python(raw_length: int,
                     pieces: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """`partition` in Python: the reference for `_speedups.partition` and `_speedups.partition_lines`."""
    out: list[list] = []
    pos = 0
    # `_push` written out: two calls per piece cost more than the merging itself
    for a, z, label in pieces:
        if z > raw_length:
            z = raw_length
        if a > pos:  # whitespace before the piece: it joins whitespace before it
            if out and out[-1][2] == WHITESPACE:
                out[-1][1] = a
            else:
                out.append([pos, a, WHITESPACE])
        if z > a:
            if label == KEPT or not out:
                out.append([a, z, label])
            else:
                last = out[-1]
                if last[2] == label:
                    last[1] = z
                elif label != WHITESPACE and last[2] == WHITESPACE and len(out) >= 2 and out[-2][2] == label:
                    out.pop()
                    out[-1][1] = z
                else:
                    out.append([a, z, label])
        if z > pos:
            pos = z
    if pos < raw_length:
        _push(out, pos, raw_length, WHITESPACE)
    kept = [(a, z) for a, z, label in out if label == KEPT]
    removed = [RemovedSpan(start=a, end=z, reason=label) for a, z, label in out if label != KEPT]
    return kept, removed


def _push(out: list[list], a: int, z: int, label: str) -> None:
    last = out[-1] if out else None
    if last is not None and last[2] == label and label != KEPT:
        last[1] = z
    elif label != KEPT and label != WHITESPACE and last is not None and len(out) >= 2 and last[2] == WHITESPACE \
            and out[-2][2] == label:
        out.pop()
        out[-1][1] = z
    else:
        out.append([a, z, label])


def join_segments(raw: str, kept: list[tuple[int, int]]) -> str:
    """Kept segments joined: by a newline when only one line break separates them in the raw text,
    by a blank line when more (a blank line, a removed line) does: paragraphs stay paragraphs."""
    parts: list[str] = []
    prev_end = None
    for a, z in kept:
        if prev_end is not None:
            gap = raw[prev_end:a]
            parts.append("\n" if gap.count("\n") == 1 and not gap.strip() else "\n\n")
        parts.append(raw[a:z])
        prev_end = z
    return "".join(parts)


def complement(raw_length: int, removed: list[RemovedSpan]) -> list[tuple[int, int]]:
    """The kept segments a list of removed spans implies: what an auditor recomputes."""
    kept: list[tuple[int, int]] = []
    pos = 0
    for span in removed:
        if span.start > pos:
            kept.append((pos, span.start))
        pos = span.end
    if pos < raw_length:
        kept.append((pos, raw_length))
    return kept
