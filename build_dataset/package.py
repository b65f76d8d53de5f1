"""Package stage: stream records into deterministic, Hub-friendly Parquet shards.

Files are zstd-compressed, written with content-defined chunking (so the Hub's dedup storage uploads
only the pages that changed between versions) and a page index (so readers can skip pages), in row
groups of at most ~100 MB uncompressed. Nothing here depends on time or on filesystem order: the
same records in the same order give byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from build_dataset import schema

SPLIT = "train"
CONFIG_DIRS = {schema.DEFAULT_CONFIG: "data", schema.RAW_CONFIG: "raw"}
ROW_GROUP_BYTES = 64 * 1024 * 1024
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


def _estimated_bytes(row: dict[str, Any]) -> int:
    """A cheap, deterministic stand-in for a row's uncompressed size: its JSON length."""
    return len(json.dumps(row, default=str, ensure_ascii=False).encode())


@dataclass
class WrittenShard:
    path: Path
    num_rows: int
    num_bytes: int


class ShardWriter:
    """Writes one config's rows, already sorted by id, into `train-XXXXX-of-YYYYY.parquet` shards."""

    def __init__(self, release_dir: Path, config: str, *, dataset_version: str, pipeline_version: str,
                 row_group_bytes: int = ROW_GROUP_BYTES, shard_bytes: int = SHARD_BYTES):
        self.folder = release_dir / CONFIG_DIRS[config]
        self.folder.mkdir(parents=True, exist_ok=True)
        self.schema = file_schema(config, dataset_version=dataset_version, pipeline_version=pipeline_version)
        self.row_group_bytes = row_group_bytes
        self.shard_bytes = shard_bytes
        self._buffer: list[dict[str, Any]] = []
        self._buffer_bytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._shard_rows = 0
        self._shard_bytes = 0
        self._parts: list[WrittenShard] = []
        self._last_id: str | None = None

    def write(self, row: dict[str, Any]) -> None:
        if self._last_id is not None and row["id"] <= self._last_id:
            raise ValueError(f"rows must come sorted by unique id: {row['id']} after {self._last_id}")
        self._last_id = row["id"]
        self._buffer.append(row)
        self._buffer_bytes += _estimated_bytes(row)
        if self._buffer_bytes >= self.row_group_bytes:
            self._flush_row_group()

    def write_table(self, table: pa.Table) -> None:
        """Write rows that are already an Arrow table (the second pass reads them back as one)."""
        for row in table.to_pylist():
            self.write(row)

    def _open_shard(self) -> pq.ParquetWriter:
        path = self.folder / f"{SPLIT}-{len(self._parts):05d}.parquet.partial"
        self._parts.append(WrittenShard(path=path, num_rows=0, num_bytes=0))
        return pq.ParquetWriter(
            path, self.schema, compression="zstd", compression_level=9,
            use_content_defined_chunking=True, write_page_index=True, write_statistics=True,
            sorting_columns=[pq.SortingColumn(0)],
        )

    def _flush_row_group(self) -> None:
        if not self._buffer:
            return
        if self._writer is None:
            self._writer = self._open_shard()
        table = pa.Table.from_pylist(self._buffer, schema=self.schema)
        self._writer.write_table(table, row_group_size=len(self._buffer))
        shard = self._parts[-1]
        shard.num_rows += table.num_rows
        shard.num_bytes += table.nbytes
        self._buffer, self._buffer_bytes = [], 0
        if shard.num_bytes >= self.shard_bytes:
            self._writer.close()
            self._writer = None

    def close(self) -> list[WrittenShard]:
        """Finish the last shard and give every shard its final `-of-N` name."""
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
    """Row groups of Parquet files one at a time, so a pass over the corpus holds one in memory."""
    for path in paths:
        parquet = pq.ParquetFile(path)
        for index in range(parquet.num_row_groups):
            yield parquet.read_row_group(index, columns=columns)


def config_files(release_dir: Path, config: str) -> list[Path]:
    """A config's Parquet files in a release, in shard order."""
    return sorted((release_dir / CONFIG_DIRS[config]).glob(f"{SPLIT}-*.parquet"))
