"""Corpus-level furniture: line keys that recur on many pages of one outlet in a build.

A menu, a newsletter box or a legal notice is printed on every page of a site, an article paragraph on
one. The pipeline counts, per outlet, on how many pages each `line_key` occurs (`page_keys` gives one
page's keys) and passes the keys `furniture_keys` selects back to `clean_page`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from build_dataset.clean.lines import line_key

MIN_PAGES = 3
"""A key must occur on at least this many pages: two pages can share a line by chance or syndication."""
MIN_SHARE = 0.3
"""...and on at least this share of the outlet's pages: furniture is on most of them."""
MAX_KEY_CHARS = 400
"""Longer lines are never counted: furniture is short, and long keys only cost memory."""


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
