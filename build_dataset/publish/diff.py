"""Compare two releases article by article: which ids were added, removed, and which fields changed.

Releases are streamed one row group at a time and each article is kept only as a compact row hash
(8 bytes per column), so two large corpora can be compared without holding either in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from build_dataset.package import CHUNK_ROWS, PIPELINE_KEY, read_batches
from build_dataset.publish.errors import PublishError
from build_dataset.publish.release import DATA_GLOB, release_version
from build_dataset.publish.version import Part

ID_COLUMN = "id"
PROVENANCE_FIELDS = frozenset({"pipeline_version"})
"""Columns that say what built a row, not what it holds: a new build-dataset that writes the same rows
changes no article. The diff reports the two pipeline versions on their own line instead."""
TEXT_FIELDS = frozenset({"text"})
ANNOTATION_FIELDS = frozenset({"entities", "quotes", "dates", "quality_flags", "duplicate_of", "cluster_id"})
GROUPS = ("text", "annotations", "metadata")
_DIGEST = 8


def field_group(name: str) -> str:
    """The group a changed field is reported under: text, annotations, or metadata (everything else)."""
    if name in TEXT_FIELDS:
        return "text"
    if name in ANNOTATION_FIELDS:
        return "annotations"
    return "metadata"


@dataclass(frozen=True)
class ChangedArticle:
    """An id present in both releases whose row differs, with the fields that differ."""

    id: str
    fields: tuple[str, ...]

    @property
    def groups(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for name in self.fields:
            grouped.setdefault(field_group(name), []).append(name)
        return {group: grouped[group] for group in GROUPS if group in grouped}


@dataclass(frozen=True)
class ReleaseDiff:
    """The article-level difference between two releases of the default config."""

    old: str
    new: str
    old_version: str | None = None
    new_version: str | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ChangedArticle, ...] = ()
    unchanged: int = 0
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    field_counts: dict[str, int] = field(default_factory=dict)
    old_pipeline: str | None = None
    new_pipeline: str | None = None

    @property
    def pipeline_changed(self) -> bool:
        """Whether the two releases were built by different code, data or libraries (both known)."""
        return bool(self.old_pipeline and self.new_pipeline and self.old_pipeline != self.new_pipeline)

    @property
    def group_counts(self) -> dict[str, int]:
        """How many changed articles touch each group (one article may count in several)."""
        counts = Counter(group for article in self.changed for group in article.groups)
        return {group: counts.get(group, 0) for group in GROUPS}

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)

    @property
    def suggested_bump(self) -> Part | None:
        """The versioning rule applied: schema change -> major, added/removed -> minor, fixes -> patch."""
        if self.columns_added or self.columns_removed:
            return "major"
        if self.added or self.removed:
            return "minor"
        return "patch" if self.changed else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for `diff --json` and for tools."""
        return {
            "old": self.old, "new": self.new,
            "old_version": self.old_version, "new_version": self.new_version,
            "old_pipeline": self.old_pipeline, "new_pipeline": self.new_pipeline,
            "counts": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed),
                       "unchanged": self.unchanged},
            "changed_by_group": self.group_counts,
            "changed_by_field": dict(sorted(self.field_counts.items())),
            "columns_added": list(self.columns_added), "columns_removed": list(self.columns_removed),
            "suggested_bump": self.suggested_bump,
            "added": list(self.added), "removed": list(self.removed),
            "changed": [{"id": a.id, "fields": list(a.fields), "groups": a.groups} for a in self.changed],
        }


def _digest(value: Any) -> bytes:
    encoded = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.blake2b(encoded, digest_size=_DIGEST).digest()


def row_hashes(release_dir: Path) -> tuple[tuple[str, ...], dict[str, bytes]]:
    """(columns, id -> row hash) of a release's default config; the hash is one digest per column
    (`id` and the PROVENANCE_FIELDS are not hashed)."""
    shards = sorted(release_dir.glob(DATA_GLOB))
    if not shards:
        raise PublishError(f"has no {DATA_GLOB}", path=release_dir, fix="pass a release folder or OWNER/NAME@REV")
    columns: tuple[str, ...] | None = None
    hashes: dict[str, bytes] = {}
    for shard in shards:
        parquet = pq.ParquetFile(shard)
        names = tuple(sorted(n for n in parquet.schema_arrow.names if n != ID_COLUMN and n not in PROVENANCE_FIELDS))
        if columns is None:
            columns = names
        elif names != columns:
            raise PublishError("shards have different columns", path=shard, fix="rebuild the release")
        # a few hundred rows at a time as Python objects: a whole row group would take several times its
        # Arrow size
        for table in read_batches([shard]):
            for chunk in table.to_batches(max_chunksize=CHUNK_ROWS):
                ids = chunk.column(ID_COLUMN).to_pylist()
                per_column = [[_digest(v) for v in chunk.column(name).to_pylist()] for name in names]
                for row, article_id in enumerate(ids):
                    hashes[article_id] = b"".join(column[row] for column in per_column)
    return columns or (), hashes


def _split(row: bytes, columns: tuple[str, ...]) -> dict[str, bytes]:
    return {name: row[i * _DIGEST:(i + 1) * _DIGEST] for i, name in enumerate(columns)}


def pipeline_of(release_dir: Path) -> str | None:
    """The pipeline version the first data shard's file metadata records (every shard of a build records
    the same), None for a release without one."""
    shards = sorted(release_dir.glob(DATA_GLOB))
    if not shards:
        return None
    value = (pq.ParquetFile(shards[0]).schema_arrow.metadata or {}).get(PIPELINE_KEY)
    return value.decode("utf-8", "replace") if value else None


def _version(release_dir: Path) -> str | None:
    try:
        return str(release_version(release_dir))
    except PublishError:
        return None


def diff_releases(old_dir: Path, new_dir: Path, *, old_label: str | None = None,
                  new_label: str | None = None) -> ReleaseDiff:
    """Diff two local release folders (remote ones are downloaded first, see `sources.fetch_release`)."""
    old_columns, old_rows = row_hashes(old_dir)
    new_columns, new_rows = row_hashes(new_dir)
    shared = tuple(c for c in new_columns if c in old_columns)
    added = tuple(sorted(set(new_rows) - set(old_rows)))
    removed = tuple(sorted(set(old_rows) - set(new_rows)))
    changed, unchanged, field_counts = [], 0, Counter[str]()
    schema_changed = old_columns != new_columns
    for article_id in sorted(set(old_rows) & set(new_rows)):
        old_row, new_row = old_rows[article_id], new_rows[article_id]
        if not schema_changed and old_row == new_row:
            unchanged += 1
            continue
        old_fields, new_fields = _split(old_row, old_columns), _split(new_row, new_columns)
        fields = tuple(name for name in shared if old_fields[name] != new_fields[name])
        if fields:
            changed.append(ChangedArticle(article_id, fields))
            field_counts.update(fields)
        else:
            unchanged += 1
    return ReleaseDiff(
        old=old_label or str(old_dir), new=new_label or str(new_dir),
        old_version=_version(old_dir), new_version=_version(new_dir),
        added=added, removed=removed, changed=tuple(changed), unchanged=unchanged,
        columns_added=tuple(c for c in new_columns if c not in old_columns),
        columns_removed=tuple(c for c in old_columns if c not in new_columns),
        field_counts=dict(field_counts),
        old_pipeline=pipeline_of(old_dir), new_pipeline=pipeline_of(new_dir),
    )


def render_diff(diff: ReleaseDiff, *, limit: int = 50) -> str:
    """A human summary: counts, then ids (at most `limit` per list) with the changed fields by group."""
    versions = f" (v{diff.old_version} -> v{diff.new_version})" if diff.old_version and diff.new_version else ""
    groups = ", ".join(f"{g} {n}" for g, n in diff.group_counts.items())
    lines = [f"{diff.old} -> {diff.new}{versions}",
             f"articles: {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed "
             f"({groups}), {diff.unchanged} unchanged"]
    if diff.pipeline_changed:
        lines.append(f"pipeline: {diff.old_pipeline} -> {diff.new_pipeline}")
    if diff.columns_added or diff.columns_removed:
        lines.append(f"columns: added {list(diff.columns_added)}, removed {list(diff.columns_removed)}")
    if diff.field_counts:
        lines.append("fields: " + ", ".join(f"{k} {v}" for k, v in sorted(diff.field_counts.items())))

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  {item}" for item in items[:limit])
            if len(items) > limit:
                lines.append(f"  ... and {len(items) - limit} more (use --json for all)")

    section("added", list(diff.added))
    section("removed", list(diff.removed))
    section("changed", [f"{a.id}  " + "; ".join(f"{g}: {', '.join(f)}" for g, f in a.groups.items())
                        for a in diff.changed])
    if diff.suggested_bump:
        lines.append(f"versioning rule suggests a {diff.suggested_bump} bump")
    return "\n".join(lines)
