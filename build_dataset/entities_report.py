"""Report entity mentions a release could not link to the catalog, most frequent first.

This is the maintainer's to-do list for data/entities.yaml: a name that recurs unlinked is a missing
entry or a missing alias (see docs/entities.md). Reads only the `entities` column, one row group at a
time, so it runs over a million-article release in little memory.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def _unlinked_in(batch: pa.Table) -> Counter[tuple[str, str]]:
    mentions = pc.list_flatten(batch.column("entities").combine_chunks())
    if len(mentions) == 0:
        return Counter()
    unlinked = pc.is_null(mentions.field("name"))
    texts = pc.filter(mentions.field("text"), unlinked).to_pylist()
    types = pc.filter(mentions.field("type"), unlinked).to_pylist()
    return Counter(zip(texts, types, strict=True))


def unlinked_mentions(release_dir: Path) -> list[tuple[str, str, int]]:
    """(mention, type, count) of unlinked entity mentions in release_dir/data/*.parquet.

    Sorted by count (descending), then mention and type, so the output is deterministic.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for path in sorted((Path(release_dir) / "data").glob("*.parquet")):
        parquet = pq.ParquetFile(path)
        if "entities" not in parquet.schema_arrow.names:
            continue
        for index in range(parquet.num_row_groups):
            counts.update(_unlinked_in(parquet.read_row_group(index, columns=["entities"])))
    return sorted(((text, type_, n) for (text, type_), n in counts.items()),
                  key=lambda row: (-row[2], row[0], row[1]))


def render_unlinked(rows: list[tuple[str, str, int]], limit: int | None = None) -> str:
    """The report as aligned text lines: count, type, mention."""
    shown = rows if limit is None else rows[:limit]
    lines = [f"{count:>8}  {type_:<6}  {text}" for text, type_, count in shown]
    return "\n".join(["   count  type    mention", *lines]) if lines else "no unlinked mentions"
