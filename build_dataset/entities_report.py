"""Report a release's entity mentions: linked ones by entity, unlinked ones by surface form.

The unlinked report is the maintainer's to-do list for data/entities.yaml: a name that recurs unlinked
is a missing entry or a missing alias (see docs/entities.md). The linked report shows what the catalog
found and under how many spellings. Both read only the `entities` column, one row group at a time, so
they run over a million-article release in little memory.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from build_dataset.package import read_batches


def _mentions(batch: pa.Table, *, linked: bool) -> Counter[tuple[str, str]]:
    """(key, type) counts of one row group's mentions: the canonical name when linked, else the text."""
    mentions = pc.list_flatten(batch.column("entities").combine_chunks())
    if len(mentions) == 0:
        return Counter()
    chosen = pc.is_valid(mentions.field("name")) if linked else pc.is_null(mentions.field("name"))
    keys = pc.filter(mentions.field("name" if linked else "text"), chosen).to_pylist()
    types = pc.filter(mentions.field("type"), chosen).to_pylist()
    return Counter(zip(keys, types, strict=True))


def _count(release_dir: Path, *, linked: bool) -> list[tuple[str, str, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for path in sorted((Path(release_dir) / "data").glob("*.parquet")):
        parquet = pq.ParquetFile(path)
        if "entities" not in parquet.schema_arrow.names:
            continue
        for table in read_batches([path], columns=["entities"]):
            counts.update(_mentions(table, linked=linked))
    return sorted(((text, type_, n) for (text, type_), n in counts.items()),
                  key=lambda row: (-row[2], row[0], row[1]))


def unlinked_mentions(release_dir: Path) -> list[tuple[str, str, int]]:
    """(mention, type, count) of unlinked entity mentions in release_dir/data/*.parquet.

    Sorted by count (descending), then mention and type, so the output is deterministic.
    """
    return _count(release_dir, linked=False)


def linked_entities(release_dir: Path) -> list[tuple[str, str, int]]:
    """(canonical name, type, mentions) of the catalog entities found in a release, most mentioned first."""
    return _count(release_dir, linked=True)


def render_unlinked(rows: list[tuple[str, str, int]], limit: int | None = None, *,
                    heading: str = "mention", empty: str = "no unlinked mentions") -> str:
    """The report as aligned text lines: count, type, mention (or entity)."""
    shown = rows if limit is None else rows[:limit]
    lines = [f"{count:>8}  {type_:<6}  {text}" for text, type_, count in shown]
    return "\n".join([f"   count  type    {heading}", *lines]) if lines else empty
