"""Corpus-level furniture: line keys that recur on many pages of one outlet in a build.

A menu, a newsletter box or a legal notice is printed on every page of a site, an article paragraph on
one. The pipeline counts, per outlet, on how many pages each `line_key` occurs (`page_keys` gives one
page's keys) and passes the keys `furniture_keys` selects back to `clean_page`.

An outlet with many pages is judged on a sample of them (`sample_pages`): furniture is on a large share
of its pages, which a few thousand pages measure as well as all of them, while counting every page
would hold every paragraph of the outlet in memory (about 300 bytes a key, some fifty keys a page:
gigabytes for a million-page outlet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from build_dataset.clean.lines import line_key

MIN_PAGES = 3
"""A key must occur on at least this many pages: two pages can share a line by chance or syndication."""
MIN_SHARE = 0.3
"""...and on at least this share of the outlet's pages: furniture is on most of them."""
MAX_KEY_CHARS = 400
"""Longer lines are never counted: furniture is short, and long keys only cost memory."""
SAMPLE_PAGES = 2000
"""At most this many pages of an outlet are counted: the share of pages a line is on is then measured to
about a percentage point (the binomial standard error at MIN_SHARE and 2,000 pages is 1.0%), and
memory stays bounded however big the outlet."""

T = TypeVar("T")


def page_keys(raw: str) -> set[str]:
    """The distinct non-empty line keys of one page, as the pipeline should count them."""
    keys = set()
    for line in raw.split("\n"):
        if line.strip() and len(line) <= MAX_KEY_CHARS:
            key = line_key(line)
            if key:
                keys.add(key)
    return keys


def furniture_keys(
    pages_with_key: Mapping[str, int] | Counter[str],
    n_pages: int,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
) -> frozenset[str]:
    """Keys that occur on at least `min_pages` pages and on `min_share` of the outlet's `n_pages`.

    `pages_with_key` maps a key to the number of pages of the outlet it occurs on (count each page's
    `page_keys` once). With fewer than `min_pages` pages an outlet has no corpus evidence.
    """
    if n_pages < min_pages:
        return frozenset()
    need = max(min_pages, min_share * n_pages)
    return frozenset(k for k, n in pages_with_key.items() if n >= need and k)


def count_keys(pages: Iterable[str]) -> tuple[Counter[str], int]:
    """Pages-per-key counts and the number of pages, for raw texts of one outlet."""
    counts: Counter[str] = Counter()
    n = 0
    for raw in pages:
        counts.update(page_keys(raw))
        n += 1
    return counts, n


def sample_pages(pages: Sequence[T], key: Callable[[T], str], size: int = SAMPLE_PAGES) -> list[T]:
    """At most `size` of an outlet's pages, the same ones whatever order they come in: those with the
    smallest `key` (the content hash, so the sample is spread over the outlet's pages and stable
    across rebuilds, changing only where pages are added or removed)."""
    if len(pages) <= size:
        return list(pages)
    return sorted(pages, key=key)[:size]
