"""Validate a release folder offline: everything a consumer of the Hub repo relies on.

Checks the card's YAML, that every declared config resolves to files, that the declared counts and
schemas are the written ones, that ids are unique and shared by both configs, that every removal
reason, quality flag and repair is one the card explains, that the rows agree with their text, with the
raw config and with the card's figures (`consistency`: what an edit after the build breaks), and finally that
`datasets.load_dataset` reads both configs with the Hub switched off, in a fresh process so that the
check sees exactly what a consumer's process would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

from build_dataset import schema
from build_dataset.consistency import card_problems, row_problems
from build_dataset.package import VERSION_KEY, config_files

REQUIRED_KEYS = ("pretty_name", "version", "license", "language", "multilinguality", "size_categories",
                 "task_categories", "tags", "source_datasets", "annotations_creators", "language_creators",
                 "configs", "dataset_info")
# Above this many Parquet bytes the load check streams the first rows instead of converting the whole
# config to a throwaway Arrow cache: that copy costs disk and time in proportion to the corpus, while
# the counts and schemas it would confirm are already checked above from the Parquet footers.
FULL_LOAD_LIMIT = 32 * 1024 * 1024
_VOCABULARIES: dict[tuple[str, str | None], dict[str, str]] = {
    ("removed", "reason"): schema.REMOVAL_REASONS,
    ("quality_flags", None): schema.QUALITY_FLAGS,
    ("repairs", None): schema.REPAIRS,
}
"""List columns (and the struct field in them) whose values must come from a documented vocabulary."""


def read_front_matter(readme: Path) -> dict[str, Any]:
    """The YAML block at the top of a card; raises ValueError when there is none or it does not parse."""
    text = readme.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError("README.md does not start with a YAML block")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("README.md's YAML block is not closed")
    data = yaml.safe_load(text[4:end])
    if not isinstance(data, dict):
        raise ValueError("README.md's YAML block is not a mapping")
    return data


def _check_files(release_dir: Path, meta: dict[str, Any]) -> tuple[list[str], dict[str, list[str]]]:
    problems: list[str] = []
    ids_by_config: dict[str, list[str]] = {}
    infos = {i.get("config_name"): i for i in meta.get("dataset_info", []) if isinstance(i, dict)}
    declared = {c.get("config_name"): c for c in meta.get("configs", []) if isinstance(c, dict)}
    for config in schema.CONFIG_RECORDS:
        if config not in declared:
            problems.append(f"configs: no {config!r} config")
            continue
        patterns = [f["path"] for f in declared[config].get("data_files", [])]
        matched = sorted({p for pattern in patterns for p in release_dir.glob(pattern)})
        if not matched:
            problems.append(f"configs: {config!r} paths {patterns} match no file")
            continue
        if matched != config_files(release_dir, config):
            problems.append(f"configs: {config!r} paths {patterns} match other files than the config's shards")
        shard_problems, ids = _check_shards(release_dir, matched, config, meta.get("version"))
        problems += shard_problems
        if ids is None:
            continue
        ids_by_config[config] = ids
        rows = len(ids)
        splits = infos.get(config, {}).get("splits", [])
        declared_rows = sum(s.get("num_examples", 0) for s in splits)
        if config not in infos:
            problems.append(f"dataset_info: no entry for {config!r}")
        elif declared_rows != rows:
            problems.append(f"dataset_info: {config!r} declares {declared_rows} rows, files hold {rows}")
        elif infos[config].get("features") != schema.features(config)._to_yaml_list():
            problems.append(f"dataset_info: {config!r} features differ from build_dataset.schema")
        if len(set(ids)) != len(ids):
            problems.append(f"{config!r}: ids are not unique")
        if ids != sorted(ids):
            problems.append(f"{config!r}: rows are not sorted by id")
    default, raw = ids_by_config.get(schema.DEFAULT_CONFIG), ids_by_config.get(schema.RAW_CONFIG)
    if default is not None and raw is not None and default != raw:
        problems.append("the default and raw configs hold different ids")
    return problems, ids_by_config


def _check_shards(release_dir: Path, paths: list[Path], config: str,
                  card_version: object) -> tuple[list[str], list[str] | None]:
    """The problems of a config's shards, and their ids in order. No ids when a shard cannot be read: the
    counts and ids of a truncated or overwritten file mean nothing, so that file is the problem to fix."""
    problems: list[str] = []
    ids: list[str] = []
    for path in paths:
        name = path.relative_to(release_dir)
        try:
            shard_problems, shard_ids = _check_shard(path, config, card_version)
        except (pa.ArrowException, OSError) as error:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0].rstrip(".")
            return [*problems, f"{name}: is not a readable Parquet file: {reason}; rebuild the release"], None
        problems += [f"{name}: {problem}" for problem in shard_problems]
        ids += shard_ids
    return problems, ids


def _check_shard(path: Path, config: str, card_version: object) -> tuple[list[str], list[str]]:
    """The problems of one Parquet shard of `config`, and its ids; raises Arrow's errors (or OSError) when
    the file cannot be read as Parquet."""
    parquet = pq.ParquetFile(path)
    problems = []
    if not parquet.schema_arrow.remove_metadata().equals(schema.arrow_schema(config)):
        problems.append("schema differs from build_dataset.schema")
    version = (parquet.schema_arrow.metadata or {}).get(VERSION_KEY, b"").decode()
    if version != str(card_version):
        problems.append(f"dataset_version {version!r} is not the card's {card_version!r}")
    problems += [f"{column} holds {', '.join(map(repr, sorted(values)))}, which build_dataset.schema does not "
                 "explain" for column, values in _unknown_values(parquet)]
    return problems, parquet.read(columns=["id"]).column("id").to_pylist()


def _unknown_values(parquet: pq.ParquetFile) -> list[tuple[str, set[str]]]:
    """Values of the vocabulary columns that their vocabulary lacks, read a row group at a time."""
    unknown: list[tuple[str, set[str]]] = []
    names = set(parquet.schema_arrow.names)
    for (column, child), vocabulary in _VOCABULARIES.items():
        if column not in names:
            continue
        found: set[str] = set()
        for i in range(parquet.num_row_groups):
            values = pc.list_flatten(parquet.read_row_group(i, columns=[column]).column(column))
            if child is not None:
                values = pc.struct_field(values, child)
            found.update(v for v in pc.unique(values).to_pylist() if v not in vocabulary)
        if found:
            unknown.append((f"{column}.{child}" if child else column, found))
    return unknown


# The script ends with os._exit, after flushing its result, so that the interpreter never finalizes.
# Arrow reads Parquet through the Python file `datasets` opens, on its own I/O threads, and a read can
# still be finishing when the script is done (a streaming read stops after the first row with the
# scan's next ranges in flight). Such a thread needs the GIL to free the Python buffer it read into; a
# finalizing interpreter ends a thread that asks for the GIL, the thread unwinds through a C++
# destructor, and the C++ runtime aborts the process ("terminate called without an active exception",
# rc -6, about 1 run in 10). Nothing the check needs runs at exit: the cache is the caller's temp dir.
_LOAD_SCRIPT = """
import json, os, sys, traceback
from datasets import load_dataset
release, config, stream = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
status = 0
try:
    if stream:
        ds = load_dataset(release, config, split="train", streaming=True)
        first = next(iter(ds), None)
        print(json.dumps({"columns": sorted(ds.features), "rows": None if first is None else -1}))
    else:
        ds = load_dataset(release, config, split="train")
        print(json.dumps({"columns": sorted(ds.column_names), "rows": ds.num_rows}))
except BaseException:
    traceback.print_exc()
    status = 1
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
"""


def check_loads(release_dir: Path, config: str, expected_rows: int) -> list[str]:
    """Load one config with `datasets` in a fresh, offline process with a throwaway cache."""
    size = sum(p.stat().st_size for p in config_files(release_dir, config))
    stream = size > FULL_LOAD_LIMIT
    with tempfile.TemporaryDirectory(prefix="build-dataset-validate-") as cache:
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": cache,
               "HF_DATASETS_CACHE": str(Path(cache) / "datasets"), "HF_HUB_DISABLE_PROGRESS_BARS": "1",
               "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
        done = subprocess.run([sys.executable, "-c", _LOAD_SCRIPT, str(release_dir), config, str(int(stream))],
                              capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no error output"])[-1]
        return [f"load_dataset(release, {config!r}) fails offline: {last}"]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    problems = []
    if result["columns"] != sorted(schema.column_names(config)):
        problems.append(f"load_dataset(release, {config!r}) gives columns {result['columns']}")
    if not stream and result["rows"] != expected_rows:
        problems.append(f"load_dataset(release, {config!r}) gives {result['rows']} rows, not {expected_rows}")
    return problems


def validate_release(release_dir: Path, *, load: bool = True) -> list[str]:
    """Every problem a consumer would meet in `release_dir`; an empty list means it is good to publish."""
    readme = release_dir / "README.md"
    if not readme.is_file():
        return [f"{readme}: missing"]
    try:
        meta = read_front_matter(readme)
    except (ValueError, yaml.YAMLError) as error:
        return [f"{readme}: {str(error).splitlines()[0]}"]
    problems = [f"README.md: YAML lacks {key!r}" for key in REQUIRED_KEYS if key not in meta]
    file_problems, ids = _check_files(release_dir, meta)
    problems += file_problems
    if not problems:  # the rows and figures of files with the wrong schema or ids mean nothing
        problems += row_problems(release_dir) + card_problems(release_dir, meta)
    if load and not problems:
        for config in schema.CONFIG_RECORDS:
            problems += check_loads(release_dir, config, len(ids.get(config, [])))
    return problems
