"""Score annotations against hand-made gold: precision, recall and F1 of mentions, links and speakers.

Shared by benchmarks/annotation.py (which prints the table) and the tests (which hold the annotator to
the seed gold), so both measure the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from build_dataset.schema import Entity, Quote


@dataclass(frozen=True)
class Score:
    """Counts behind a precision/recall pair."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)


def mention_score(predicted: Sequence[Entity], gold: Sequence[Mapping[str, Any]], typed: bool = False
                  ) -> Score:
    """Exact-span matches (and the same type, when `typed`)."""
    def key(start: int, end: int, type_: str) -> tuple[Any, ...]:
        return (start, end, type_) if typed else (start, end)
    pred = {key(e.start, e.end, e.type) for e in predicted}
    want = {key(g["start"], g["end"], g["type"]) for g in gold}
    return Score(len(pred & want), len(pred), len(want))


def link_score(predicted: Sequence[Entity], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Linked mentions with the right span and the right canonical name."""
    pred = {(e.start, e.end, e.name) for e in predicted if e.name}
    want = {(g["start"], g["end"], g["name"]) for g in gold if g["name"]}
    return Score(len(pred & want), len(pred), len(want))


def _same_speaker(quote: Quote, gold: Mapping[str, Any]) -> bool:
    if gold["speaker_name"] is not None or quote.speaker_name is not None:
        return quote.speaker_name == gold["speaker_name"]
    return (quote.speaker or "").casefold() == (gold["speaker"] or "").casefold()


def speaker_score(predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Quotes (matched by span) whose speaker is right: same canonical name, else same words."""
    by_span = {(q.start, q.end): q for q in predicted}
    correct = sum(1 for g in gold if g["speaker"] is not None and (g["start"], g["end"]) in by_span
                  and _same_speaker(by_span[(g["start"], g["end"])], g))
    return Score(correct, sum(1 for q in predicted if q.speaker is not None),
                 sum(1 for g in gold if g["speaker"] is not None))


def quote_span_score(predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]]) -> Score:
    """Quotations found with the exact span."""
    pred = {(q.start, q.end) for q in predicted}
    want = {(g["start"], g["end"]) for g in gold}
    return Score(len(pred & want), len(pred), len(want))


def total(scores: Iterable[Score]) -> Score:
    """Micro-average: the sum of the counts."""
    result = Score(0, 0, 0)
    for score in scores:
        result = result + score
    return result
