"""Memory the build needs must not grow with the corpus beyond a few hundred bytes per article.

Arrow's allocations are counted on a proxy of the default memory pool (its own peak, whatever else
the process holds), so these tests measure bytes, never time.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from build_dataset import schema
from build_dataset.card import _split_info
from build_dataset.package import CONFIG_DIRS, SPLIT, file_schema

ROWS = 240
ROWS_PER_GROUP = 20
PAGE_CHARS = 20_000  # a real scraped page's raw text is about this long


# Proxy pools are kept for the whole session: a buffer allocated through one frees itself through it,
# and Arrow may keep such a buffer after the code that made it returns (freeing the pool first crashes).
_PROXIES: list[pa.MemoryPool] = []


@contextmanager
def arrow_peak() -> Iterator[pa.MemoryPool]:
    """A pool that counts, as its `max_memory()`, the peak Arrow allocation of the code run inside.

    Arrow decodes with one thread meanwhile: with several, how many columns are decoded at once depends
    on how the threads are scheduled, and on a loaded machine the peak varied from 1.6 to 2.4 MB over
    runs of the same code (one thread: the same 1,645,888 bytes every run)."""
    default = pa.default_memory_pool()
    pool = pa.proxy_memory_pool(default)
    _PROXIES.append(pool)
    threads = pa.cpu_count()
    pa.set_memory_pool(pool)
    pa.set_cpu_count(1)
    try:
        yield pool
    finally:
        pa.set_cpu_count(threads)
        pa.set_memory_pool(default)


def _raw_release(folder: Path) -> Path:
    """A release's raw config: one shard of ROWS pages in row groups of about ROWS_PER_GROUP (uneven, as
    the build's ShardWriter cuts ~64 MB row groups), some pages with removed spans and repairs."""
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz     "
    rows = [schema.to_row(schema.RawArticle(
        id=f"{i:016x}", source_file=f"p/{i}.txt", encoding="utf_8",
        raw="".join(rng.choices(letters, k=PAGE_CHARS)),
        removed=[schema.RemovedSpan(start=s, end=s + 5, reason="navigation") for s in range(0, 50 * (i % 4), 50)],
        repairs=["mojibake"] * (i % 3)))
        for i in range(ROWS)]
    table = pa.Table.from_pylist(rows, schema=file_schema(schema.RAW_CONFIG, dataset_version="1.0.0",
                                                          pipeline_version="0"))
    path = folder / CONFIG_DIRS[schema.RAW_CONFIG] / f"{SPLIT}-00000-of-00001.parquet"
    path.parent.mkdir(parents=True)
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        start = 0
        for size in [ROWS_PER_GROUP, ROWS_PER_GROUP * 3 // 2, ROWS_PER_GROUP // 2] * ROWS:
            if start >= ROWS:
                break
            part = table.slice(start, size)
            writer.write_table(part, row_group_size=part.num_rows)
            start += size
    return path


def test_card_sizes_a_config_one_row_group_at_a_time(tmp_path: Path) -> None:
    # `iter_batches()` decoded a whole shard (up to 65,536 rows) as one batch: the build's peak memory
    # grew with the corpus in the card step and again when validation re-computed the card.
    path = _raw_release(tmp_path)
    parquet = pq.ParquetFile(path)
    whole = parquet.read().nbytes
    largest_group = max(parquet.read_row_group(i).nbytes for i in range(parquet.num_row_groups))
    with arrow_peak() as pool:
        _split_info(tmp_path, schema.RAW_CONFIG)
    assert pool.max_memory() < 4 * largest_group < whole / 2


def test_card_size_is_what_datasets_computes_for_many_row_groups(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    path = _raw_release(tmp_path / "release")
    loaded = datasets.load_dataset("parquet", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache"))
    info = _split_info(tmp_path / "release", schema.RAW_CONFIG)
    assert info["splits"][0]["num_bytes"] == loaded.info.splits["train"].num_bytes
