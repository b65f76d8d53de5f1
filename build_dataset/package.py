"""Package stage: stream records into deterministic, Hub-friendly Parquet shards.

Files are zstd-compressed, written with content-defined chunking (so the Hub's dedup storage uploads
only the pages that changed between versions) and a page index (so readers can skip pages), in row
groups of at most ~100 MB uncompressed. Nothing here depends on time or on filesystem order: the
same records in the same order give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from build_dataset import schema

SPLIT = "train"
CONFIG_DIRS = {schema.DEFAULT_CONFIG: "data", schema.RAW_CONFIG: "raw"}
ROW_GROUP_BYTES = 64 * 1024 * 1024  # uncompressed Arrow bytes: the Hub asks for at most ~100 MB
CHUNK_ROWS = 256  # rows are turned into compact Arrow batches this many at a time
SHARD_BYTES = 512 * 1024 * 1024
VERSION_KEY = b"dataset_version"
PIPELINE_KEY = b"pipeline_version"


def config_glob(config: str) -> str:
    """The `data_files` pattern of a config, as the card's `configs:` declares it."""
    return f"{CONFIG_DIRS[config]}/{SPLIT}-*.parquet"


def file_schema(config: str, *, dataset_version: str, pipeline_version: str) -> pa.Schema:
    """The config's Arrow schema with the metadata every file carries.

    The `huggingface` key lets `datasets` restore the exact features (dates, nested lists) without
    the card; the version keys let a reader of a lone file know what it belongs to.
    """
    features_schema = schema.features(config).arrow_schema
    metadata = dict(features_schema.metadata or {})
    metadata[VERSION_KEY] = dataset_version.encode()
    metadata[PIPELINE_KEY] = pipeline_version.encode()
    return features_schema.with_metadata(metadata)


@dataclass
class WrittenShard:
    path: Path
    num_rows: int
    num_bytes: int


class ShardWriter:
    """Writes one config's rows, already sorted by id, into `train-XXXXX-of-YYYYY.parquet` shards.

    Rows wait as Arrow record batches (compact, unlike Python dicts) until a row group's worth of
    uncompressed bytes has gathered, so memory stays at about one row group whatever the corpus size.
    Boundaries depend only on the rows, never on timing: the same rows give the same files.
    """

    def __init__(self, release_dir: Path, config: str, *, dataset_version: str, pipeline_version: str,
                 row_group_bytes: int = ROW_GROUP_BYTES, shard_bytes: int = SHARD_BYTES):
        self.folder = release_dir / CONFIG_DIRS[config]
        self.folder.mkdir(parents=True, exist_ok=True)
        self.schema = file_schema(config, dataset_version=dataset_version, pipeline_version=pipeline_version)
        self.row_group_bytes = row_group_bytes
        self.shard_bytes = shard_bytes
        self._rows: list[dict[str, Any]] = []
        self._batches: list[pa.RecordBatch] = []
        self._batch_bytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._parts: list[WrittenShard] = []
        self._last_id: str | None = None

    def _check_order(self, first: str, last: str) -> None:
        if self._last_id is not None and first <= self._last_id:
            raise ValueError(f"rows must come sorted by unique id: {first} after {self._last_id}")
        self._last_id = last

    def write(self, row: dict[str, Any]) -> None:
        self._check_order(row["id"], row["id"])
        self._rows.append(row)
        if len(self._rows) >= CHUNK_ROWS:
            self._seal_rows()

    def write_batch(self, batch: pa.RecordBatch | pa.Table) -> None:
        """Write rows that are already Arrow (the second pass reads them back as such)."""
        if batch.num_rows == 0:
            return
        self._seal_rows()
        ids = batch.column("id")
        self._check_order(ids[0].as_py(), ids[-1].as_py())
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        for piece in table.cast(self.schema).to_batches(max_chunksize=CHUNK_ROWS):
            self._add_batch(piece)

    def _seal_rows(self) -> None:
        if self._rows:
            rows, self._rows = self._rows, []
            self._add_batch(pa.RecordBatch.from_pylist(rows, schema=self.schema))

    def _add_batch(self, batch: pa.RecordBatch) -> None:
        self._batches.append(batch)
        self._batch_bytes += batch.nbytes
        if self._batch_bytes >= self.row_group_bytes:
            self._flush_row_group()

    def _open_shard(self) -> pq.ParquetWriter:
        path = self.folder / f"{SPLIT}-{len(self._parts):05d}.parquet.partial"
        self._parts.append(WrittenShard(path=path, num_rows=0, num_bytes=0))
        return pq.ParquetWriter(
            path, self.schema, compression="zstd", compression_level=9,
            use_content_defined_chunking=True, write_page_index=True, write_statistics=True,
            sorting_columns=[pq.SortingColumn(0)],
        )

    def _flush_row_group(self) -> None:
        if not self._batches:
            return
        if self._writer is None:
            self._writer = self._open_shard()
        table = pa.Table.from_batches(self._batches, schema=self.schema)
        self._writer.write_table(table, row_group_size=table.num_rows)
        shard = self._parts[-1]
        shard.num_rows += table.num_rows
        shard.num_bytes += table.nbytes
        self._batches, self._batch_bytes = [], 0
        if shard.num_bytes >= self.shard_bytes:
            self._writer.close()
            self._writer = None

    def close(self) -> list[WrittenShard]:
        """Finish the last shard and give every shard its final `-of-N` name."""
        self._seal_rows()
        self._flush_row_group()
        if self._writer is not None:
            self._writer.close()
        if not self._parts:  # an empty corpus still gets one (empty) file, so the config resolves
            self._writer = self._open_shard()
            self._writer.write_table(self.schema.empty_table())
            self._writer.close()
        total = len(self._parts)
        for index, shard in enumerate(self._parts):
            final = self.folder / f"{SPLIT}-{index:05d}-of-{total:05d}.parquet"
            shard.path.rename(final)
            shard.path = final
        return self._parts


def read_batches(paths: Iterable[Path], columns: list[str] | None = None) -> Iterator[pa.Table]:
    """Row groups of Parquet files one at a time, so a pass over the corpus holds one in memory.

    Arrow's allocator (mimalloc) keeps the pages of freed buffers for reuse, and a row group's buffers
    are freed while the next one is decoded into new ones, so without a nudge a pass sits well above
    the one row group it holds: the freed pages are given back before each next row group (on the raw
    config of 23,736 dev pages, 8 row groups: peak RSS 594 -> 416 MiB, same figure computed)."""
    pool = pa.default_memory_pool()
    for path in paths:
        parquet = pq.ParquetFile(path)
        for index in range(parquet.num_row_groups):
            yield parquet.read_row_group(index, columns=columns)
            pool.release_unused()


def iter_rows(paths: Iterable[Path], columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Rows as dicts, converted a few hundred at a time: a whole row group of nested lists as Python
    objects would take several times its Arrow size."""
    for batch in read_batches(paths, columns):
        for chunk in batch.to_batches(max_chunksize=CHUNK_ROWS):
            yield from chunk.to_pylist()


def config_files(release_dir: Path, config: str) -> list[Path]:
    """A config's Parquet files in a release, in shard order."""
    return sorted((release_dir / CONFIG_DIRS[config]).glob(f"{SPLIT}-*.parquet"))
