"""`pipeline_version`: it tells apart builds by different code, data or libraries, and only those."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import tomllib
from hubserver import article, write_release

from build_dataset import __version__
from build_dataset.cli import speedups_state
from build_dataset.package import PIPELINE_KEY
from build_dataset.provenance import DEPENDENCIES, PACKAGE_DIR, fingerprint, package_files, pipeline_version
from build_dataset.publish.changelog import summary_lines
from build_dataset.publish.diff import diff_releases, render_diff

DEPS = [("ftfy", "6.3.1"), ("numpy", "2.4.6")]


def _copy_package(target: Path) -> Path:
    shutil.copytree(PACKAGE_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _fingerprint(root: Path, deps: list[tuple[str, str]] = DEPS) -> str:
    return fingerprint(package_files(root), deps, root)


def test_the_same_package_anywhere_has_the_same_fingerprint(tmp_path: Path) -> None:
    a = _copy_package(tmp_path / "a" / "build_dataset")
    b = _copy_package(tmp_path / "elsewhere" / "deeper" / "build_dataset")
    (b / "clean" / "__pycache__").mkdir(exist_ok=True)
    (b / "clean" / "__pycache__" / "page.cpython-311.pyc").write_bytes(b"compiled")  # not a source
    (b / "notes.txt").write_text("not code")
    assert _fingerprint(a) == _fingerprint(b)


def test_code_data_and_library_versions_each_change_it(tmp_path: Path) -> None:
    root = _copy_package(tmp_path / "build_dataset")
    before = _fingerprint(root)
    page = root / "clean" / "page.py"
    page.write_text(page.read_text(encoding="utf-8").replace("THRESHOLD", "THRESHOLD ", 1), encoding="utf-8")
    after_code = _fingerprint(root)
    model = root / "data" / "line_model.json"
    model.write_bytes(model.read_bytes() + b" ")
    after_data = _fingerprint(root)
    after_library = _fingerprint(root, [("ftfy", "6.3.2"), ("numpy", "2.4.6")])
    assert len({before, after_code, after_data, after_library}) == 4


def test_a_file_renamed_changes_it(tmp_path: Path) -> None:
    root = _copy_package(tmp_path / "build_dataset")
    before = _fingerprint(root)
    (root / "clean" / "dates.py").rename(root / "clean" / "dates2.py")
    assert _fingerprint(root) != before


def test_the_fingerprinted_libraries_are_the_pinned_ones() -> None:
    pinned = tomllib.loads((PACKAGE_DIR.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.match(r"[A-Za-z0-9._-]+", r)[0].lower() for r in pinned["dependencies"]}
    assert names == {d.lower() for d in DEPENDENCIES}


def test_the_installed_pipeline_version_is_the_package_version_plus_a_label() -> None:
    version = pipeline_version()
    release, label = version.split("+")
    assert release == __version__ and len(label) == 12 and int(label, 16) >= 0
    cli = subprocess.run([sys.executable, "-m", "build_dataset.cli", "--version"], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    first, second = cli.stdout.splitlines()
    assert first.split() == ["build-dataset", version]
    assert second == f"cleaner: {speedups_state()}"


def test_every_row_file_and_the_card_name_the_pipeline(seed_release: Path) -> None:
    version = pipeline_version()
    for config in ("data", "raw"):
        for shard in (seed_release / config).glob("*.parquet"):
            assert pq.ParquetFile(shard).schema_arrow.metadata[PIPELINE_KEY] == version.encode()
    rows = pq.read_table(seed_release / "data", columns=["pipeline_version"]).column(0).to_pylist()
    assert set(rows) == {version}
    assert f"built by `{version}`" in (seed_release / "README.md").read_text(encoding="utf-8")


def _stamp(release: Path, pipeline: str) -> None:
    """Give every shard of a release the file metadata a build writes, with this pipeline version."""
    for shard in release.glob("*/*.parquet"):
        table = pq.read_table(shard)
        pq.write_table(table.replace_schema_metadata({**table.schema.metadata, PIPELINE_KEY: pipeline.encode()}),
                       shard)


def test_a_new_pipeline_writing_the_same_rows_changes_no_article(tmp_path: Path) -> None:
    old_rows = [article(f"site/{n}.html", f"Body {n}.", pipeline_version="0.1.0+aaaa") for n in range(3)]
    new_rows = [article(f"site/{n}.html", f"Body {n}.", pipeline_version="0.1.0+bbbb") for n in range(3)]
    old, new = write_release(tmp_path / "old", "1.0.0", old_rows), write_release(tmp_path / "new", "1.0.1", new_rows)
    _stamp(old, "0.1.0+aaaa")
    _stamp(new, "0.1.0+bbbb")

    diff = diff_releases(old, new)
    assert diff.is_empty and diff.unchanged == 3 and diff.suggested_bump is None
    assert diff.pipeline_changed and (diff.old_pipeline, diff.new_pipeline) == ("0.1.0+aaaa", "0.1.0+bbbb")
    assert "pipeline: 0.1.0+aaaa -> 0.1.0+bbbb" in render_diff(diff)
    assert summary_lines(diff, "1.0.0", "1.0.1") == [
        "- No article changes since v1.0.0.",
        "- Built by build-dataset `0.1.0+bbbb`; v1.0.0 was built by `0.1.0+aaaa`."]


def test_the_same_pipeline_adds_no_line(tmp_path: Path) -> None:
    rows = [article("site/a.html", "Body.")]
    old, new = write_release(tmp_path / "old", "1.0.0", rows), write_release(tmp_path / "new", "1.0.1", rows)
    _stamp(old, "0.1.0+aaaa")
    _stamp(new, "0.1.0+aaaa")
    diff = diff_releases(old, new)
    assert not diff.pipeline_changed and "pipeline:" not in render_diff(diff)
    assert summary_lines(diff, "1.0.0", "1.0.1") == ["- No article changes since v1.0.0."]
