"""`build-dataset diff`: articles added, removed and changed by id, with changed fields by group."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hubserver import article, write_release

from build_dataset.publish import PublishError, diff_releases
from build_dataset.publish.diff import field_group, render_diff
from build_dataset.publish.sources import fetch_release, is_fixed_revision, parse_repo_spec
from build_dataset.schema import Entity

BASE = [article(f"site/{n}.html", f"Body of page {n}.", title=f"Page {n}") for n in range(6)]


def edited(index: int, **changes: object) -> list:
    import dataclasses

    return [dataclasses.replace(a, **changes) if i == index else a for i, a in enumerate(BASE)]


def test_field_groups_follow_the_schema_split() -> None:
    assert field_group("text") == "text"
    assert {field_group(f) for f in ("entities", "quotes", "dates", "quality_flags", "duplicate_of",
                                     "cluster_id")} == {"annotations"}
    assert {field_group(f) for f in ("title", "published", "word_count", "removed")} == {"metadata"}


def test_added_removed_and_changed_by_group(tmp_path: Path) -> None:
    entity = Entity(text="Minsk", start=0, end=5, type="LOC", name="Minsk", wikidata="Q2280")
    new_articles = edited(1, entities=[entity], title="Page one, corrected")[:-1]  # drop the last
    new_articles.append(article("site/extra.html", "An extra page."))
    old = write_release(tmp_path / "old", "1.0.0", BASE)
    new = write_release(tmp_path / "new", "1.1.0", new_articles)

    diff = diff_releases(old, new)
    assert diff.added == (new_articles[-1].id,) and diff.removed == (BASE[-1].id,)
    assert [(a.id, a.groups) for a in diff.changed] == [
        (BASE[1].id, {"annotations": ["entities"], "metadata": ["title"]})]
    assert diff.group_counts == {"text": 0, "annotations": 1, "metadata": 1}
    assert diff.unchanged == 4 and diff.suggested_bump == "minor"
    assert (diff.old_version, diff.new_version) == ("1.0.0", "1.1.0")
    text = render_diff(diff)
    assert "1 added, 1 removed, 1 changed (text 0, annotations 1, metadata 1), 4 unchanged" in text
    assert f"{BASE[1].id}  annotations: entities; metadata: title" in text


def test_identical_releases_have_an_empty_diff(tmp_path: Path) -> None:
    old = write_release(tmp_path / "a", "1.0.0", BASE)
    new = write_release(tmp_path / "b", "1.0.1", list(reversed(BASE)))
    diff = diff_releases(old, new)
    assert diff.is_empty and diff.unchanged == len(BASE) and diff.suggested_bump is None


def test_many_row_groups_and_a_new_column_are_a_schema_change(tmp_path: Path) -> None:
    old = write_release(tmp_path / "old", "1.0.0", BASE)
    new = tmp_path / "new" / "data"
    new.mkdir(parents=True)
    table = pq.read_table(old / "data" / "train-00000-of-00001.parquet")
    table = table.append_column("sentiment", pa.array([0.5] * table.num_rows))
    pq.write_table(table, new / "train-00000-of-00001.parquet", row_group_size=2)
    assert pq.ParquetFile(new / "train-00000-of-00001.parquet").num_row_groups == 3

    diff = diff_releases(old, new.parent)
    assert diff.columns_added == ("sentiment",) and diff.suggested_bump == "major"
    assert not diff.changed and diff.unchanged == len(BASE)


def test_arguments_are_folders_or_repo_revisions(tmp_path: Path) -> None:
    assert parse_repo_spec("owner/name@v1.0.0") == ("owner/name", "v1.0.0")
    assert parse_repo_spec("owner/name") == ("owner/name", "main")
    assert parse_repo_spec("not a repo") is None
    # Only content that never changes may come from the HF cache when the Hub is down.
    assert is_fixed_revision("v1.0.0") and is_fixed_revision("0123456789abcdef0123456789abcdef01234567")
    assert not any(map(is_fixed_revision, ["main", "v1.0", "version-1", "dev", "0123abc"]))
    assert fetch_release(str(tmp_path)) == tmp_path
    with pytest.raises(PublishError, match="neither a release folder nor OWNER/NAME@REVISION"):
        fetch_release(str(tmp_path / "missing" / "deeper" / "path"))
    with pytest.raises(PublishError, match="has no data/\\*.parquet"):
        diff_releases(tmp_path, tmp_path)


def test_cli_json_is_complete_and_exit_status_is_zero(tmp_path: Path) -> None:
    old = write_release(tmp_path / "old", "1.0.0", BASE)
    new = write_release(tmp_path / "new", "1.0.1", edited(2, text="Body of page 2, fixed."))
    cli = str(Path(sys.executable).with_name("build-dataset"))
    done = subprocess.run([cli, "diff", str(old), str(new), "--json"], capture_output=True, text=True,
                          check=False, env={"HF_HUB_OFFLINE": "1", "PATH": ""})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["counts"] == {"added": 0, "removed": 0, "changed": 1, "unchanged": 5}
    assert report["changed"] == [{"id": BASE[2].id, "fields": ["text"], "groups": {"text": ["text"]}}]
    assert report["changed_by_group"] == {"text": 1, "annotations": 0, "metadata": 0}
    assert report["suggested_bump"] == "patch"
