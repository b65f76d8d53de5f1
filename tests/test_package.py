"""Parquet shards: row groups and shards cut by size, sorted unique ids, the same bytes every time."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from build_dataset import schema
from build_dataset.package import ShardWriter, read_batches


def rows(n: int) -> list[dict]:
    return [{"id": f"{i:016x}", "source_file": f"p{i}.txt", "raw": "word " * 400, "encoding": "utf-8",
             "removed": [{"start": 0, "end": 4, "reason": "navigation"}]} for i in range(n)]


def write(folder: Path, n: int, **sizes) -> list:
    writer = ShardWriter(folder, schema.RAW_CONFIG, dataset_version="1.2.3", pipeline_version="0.1.0", **sizes)
    for row in rows(n):
        writer.write(row)
    return writer.close()


def digest(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_row_groups_and_shards_are_cut_by_size(tmp_path: Path) -> None:
    shards = write(tmp_path, 2000, row_group_bytes=200_000, shard_bytes=1_000_000)
    assert len(shards) > 1
    assert [s.path.name for s in shards] == [f"train-{i:05d}-of-{len(shards):05d}.parquet" for i in range(len(shards))]
    assert sum(s.num_rows for s in shards) == 2000
    for shard in shards:
        meta = pq.ParquetFile(shard.path).metadata
        assert meta.num_row_groups > 1
        assert all(meta.row_group(i).total_byte_size < 600_000 for i in range(meta.num_row_groups))
    ids = [r["id"] for batch in read_batches([s.path for s in shards], ["id"]) for r in batch.to_pylist()]
    assert ids == [r["id"] for r in rows(2000)]


def test_same_rows_give_the_same_bytes(tmp_path: Path) -> None:
    first = write(tmp_path / "a", 700, row_group_bytes=100_000)
    second = write(tmp_path / "b", 700, row_group_bytes=100_000)
    assert digest([s.path for s in first]) == digest([s.path for s in second])


def test_batches_and_rows_write_the_same_file(tmp_path: Path) -> None:
    by_rows = write(tmp_path / "rows", 600, row_group_bytes=100_000)
    writer = ShardWriter(tmp_path / "batches", schema.RAW_CONFIG, dataset_version="1.2.3", pipeline_version="0.1.0",
                         row_group_bytes=100_000)
    for batch in read_batches([s.path for s in by_rows]):
        writer.write_batch(batch)
    assert digest([s.path for s in writer.close()]) == digest([s.path for s in by_rows])


def test_unsorted_or_repeated_ids_are_refused(tmp_path: Path) -> None:
    writer = ShardWriter(tmp_path, schema.RAW_CONFIG, dataset_version="1.0.0", pipeline_version="0.1.0")
    first, second = rows(2)
    writer.write(second)
    with pytest.raises(ValueError, match="sorted by unique id"):
        writer.write(first)
    with pytest.raises(ValueError, match="sorted by unique id"):
        writer.write(second)


def test_an_empty_corpus_still_writes_one_valid_file(tmp_path: Path) -> None:
    (shard,) = write(tmp_path, 0)
    assert pq.read_table(shard.path).num_rows == 0
    assert pq.read_schema(shard.path).remove_metadata().equals(schema.arrow_schema(schema.RAW_CONFIG))


def test_to_row_is_asdict_without_its_deep_copies() -> None:
    """The fast conversion gives `dataclasses.asdict`'s dict for a record with every kind of field, and
    the lists in it are new ones (a writer may keep the row while the record changes)."""
    import dataclasses
    import datetime as dt

    from hubserver import article

    record = article(
        "site/a.html", "Lukashenko met Zelensky in Minsk on 3 May.", title="Talks",
        published=dt.date(2024, 5, 3), authors=["A. Writer", "B. Writer"], quality_flags=["very_short"],
        language_score=0.93,
        entities=[schema.Entity(text="Minsk", start=31, end=36, type="LOC", name="Minsk", wikidata="Q2280")],
        quotes=[schema.Quote(text="peace", start=0, end=5, speaker=None, speaker_name=None)],
        dates=[schema.DateMention(text="3 May", start=40, end=45, value="--05-03")],
        removed=[schema.RemovedSpan(start=0, end=5, reason="navigation"),
                 schema.RemovedSpan(start=5, end=9, reason="social")])
    record = dataclasses.replace(record, outlet_info=schema.OutletInfo(
        domain="a.by", country="BY", language="be", ownership=None, ownership_source=None))
    row = schema.to_row(record)
    assert row == dataclasses.asdict(record)
    assert isinstance(row["entities"][0], dict) and isinstance(row["outlet_info"], dict)
    assert row["authors"] is not record.authors and row["removed"] is not record.removed
