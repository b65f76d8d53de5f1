"""Clean an HTML page with trafilatura: its extraction is the body, its metadata the page's.

The body of an HTML page is not a substring of the markup, so the partition over the html string is
the honest minimum: one span over the whole markup, reason "markup", since every character of it
was transformed rather than cut. The text gets the same repairs as a dump's.
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura

from build_dataset.clean.model import CleanedPage
from build_dataset.clean.repair import normalise_characters, repair
from build_dataset.schema import RemovedSpan

_AUTHOR_SPLIT = re.compile(r"\s*;\s*")


def _field(value: str | None) -> str | None:
    if not value:
        return None
    value, _ = normalise_characters(value)
    value = " ".join(value.split())
    return value or None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def clean_html(html: str) -> CleanedPage:
    """Body, title, authors, date, url, description and section of an HTML page via trafilatura."""
    removed = [RemovedSpan(start=0, end=len(html), reason="markup")] if html else []
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    ) if html.strip() else None
    if not extracted:
        return CleanedPage(text="", removed=removed)
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    title = _field(doc.get("title"))
    # trafilatura writes one block per line and may start with the headline: the body, like a dump's,
    # gets paragraphs separated by blank lines and no headline
    blocks = [b for b in (doc.get("text") or "").split("\n") if b.strip()]
    if blocks and title and _field(blocks[0]) == title:
        blocks = blocks[1:]
    text, repairs = repair("\n\n".join(blocks))
    authors = [a for a in (_field(x) for x in _AUTHOR_SPLIT.split(doc.get("author") or "")) if a]
    categories = doc.get("categories") or []
    return CleanedPage(
        text=text,
        title=title,
        description=_field(doc.get("description")),
        authors=authors,
        published=_iso_date(doc.get("date")),
        section=_field(categories[0]) if categories else None,
        url=_field(doc.get("url")),
        removed=removed,
        repairs=repairs,
    )
