"""A release whose Parquet file is damaged: one line naming the file and the fix, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from build_dataset import validate
from build_dataset.cli import app
from build_dataset.validate import validate_release

DATA_SHARD = "data/train-00000-of-00001.parquet"
REPO_ID = "OWNER/belarus-peace-talks-news"  # the seed card's repo, so that push gets as far as validating


@pytest.fixture
def damaged_release(seed_release: Path, tmp_path: Path) -> Path:
    """A copy of the seed release whose default-config shard lost its second half (and its footer)."""
    release = tmp_path / "release"
    shutil.copytree(seed_release, release)
    shard = release / DATA_SHARD
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    return release


def test_a_truncated_shard_is_one_problem_naming_it(damaged_release: Path) -> None:
    problems = validate_release(damaged_release, load=False)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{DATA_SHARD}: is not a readable Parquet file: ")
    assert problems[0].endswith("; rebuild the release")


def test_validate_command_reports_the_damaged_file_in_one_line(damaged_release: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(damaged_release)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [result.output.strip()], result.output
    assert result.output.startswith(f"invalid: {DATA_SHARD}: is not a readable Parquet file: ")
    assert "Traceback" not in result.output


def test_push_dry_run_refuses_the_damaged_release_in_one_line(damaged_release: Path) -> None:
    result = CliRunner().invoke(app, ["push", str(damaged_release), "--repo-id", REPO_ID, "--dry-run"])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [result.output.strip()], result.output
    assert f"release is not valid: {DATA_SHARD}: is not a readable Parquet file: " in result.output


@pytest.mark.parametrize("stream", [False, True])
def test_the_load_check_fails_on_a_damaged_shard(damaged_release: Path, monkeypatch, stream: bool) -> None:
    """The load check ends its process early (see validate._LOAD_SCRIPT) but still fails on bad data."""
    if stream:
        monkeypatch.setattr(validate, "FULL_LOAD_LIMIT", 0)
    [problem] = validate.check_loads(damaged_release, "default", 5)
    assert problem.startswith("load_dataset(release, 'default') fails offline: ")
    assert "terminate called" not in problem
