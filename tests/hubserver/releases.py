"""Small release folders in the exact `build-dataset build` layout, written directly from records.

The publish tests need releases that differ in one known way (one article edited, one added), which is
clearer to state as records than as edited HTML pages, and they must not depend on every stage of the
build line working. The files still follow `build_dataset.schema` and pass `validate_release`: each
article's word count, removed spans and the card's YAML are what the build's own functions give.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from build_dataset import schema
from build_dataset.assemble import count_words
from build_dataset.card import corpus_stats, front_matter
from build_dataset.schema import Article, RawArticle, RemovedSpan

VERSION_KEY = b"dataset_version"
CONFIG_DIRS = {schema.DEFAULT_CONFIG: "data", schema.RAW_CONFIG: "raw"}


def article(source_file: str, text: str, *, title: str | None = None, **fields: object) -> Article:
    """An article whose id is derived from its source file name (stable across edits of its text); its
    raw page is a menu line, removed, then the text."""
    digest = hashlib.sha256(source_file.encode()).hexdigest()
    fields = {"language": "en", "removed": [RemovedSpan(start=0, end=5, reason="navigation")],
              "pipeline_version": "test", **fields}
    return Article(id=digest[:16], source_file=source_file, source_sha256=digest, url=None, outlet=None,
                   outlet_info=None, retrieved=None, license_note=None, title=title, description=None,
                   section=None, text=text, word_count=count_words(text), cluster_id=digest[:16],
                   **fields)  # type: ignore[arg-type]


def _raw(a: Article) -> RawArticle:
    raw = f"Menu\n{a.text}"
    return RawArticle(id=a.id, source_file=a.source_file, raw=raw, encoding="utf-8", removed=list(a.removed))


def _write_config(path: Path, config: str, rows: list[object], version: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    arrow = schema.features(config).arrow_schema
    arrow = arrow.with_metadata({**(arrow.metadata or {}), VERSION_KEY: version.encode()})
    table = pa.Table.from_pylist([schema.to_row(r) for r in rows], schema=arrow)
    pq.write_table(table, path, compression="zstd")


def write_release(out: Path, version: str, articles: list[Article]) -> Path:
    """Write `out/` with both configs' Parquet (sorted by id) and a card whose YAML declares them."""
    articles = sorted(articles, key=lambda a: a.id)
    _write_config(out / CONFIG_DIRS[schema.DEFAULT_CONFIG] / "train-00000-of-00001.parquet",
                  schema.DEFAULT_CONFIG, list(articles), version)
    _write_config(out / CONFIG_DIRS[schema.RAW_CONFIG] / "train-00000-of-00001.parquet",
                  schema.RAW_CONFIG, [_raw(a) for a in articles], version)
    identity = {"pretty_name": "Publish test corpus", "version": version, "license": "other",
                "task_categories": ["text-classification"], "tags": ["news"]}
    meta = front_matter(out, identity, corpus_stats(out))
    card = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n# Test corpus v{version}\n"
    (out / "README.md").write_text(card, encoding="utf-8")
    return out
