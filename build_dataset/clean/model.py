"""The record the clean stage returns for one page (the contract the pipeline reads)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from build_dataset.schema import RemovedSpan


@dataclass(frozen=True, kw_only=True)
class CleanedPage:
    """What the cleaner returns for one page, like `ftfy.fix_and_explain`: the result and its reasons.

    `removed` spans index the raw text the cleaner was given; together with the body they partition it
    exactly, so every removal can be audited and undone.
    """

    text: str
    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    section: str | None = None
    url: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
