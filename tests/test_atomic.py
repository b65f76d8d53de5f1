"""A failed or interrupted build leaves the previous release exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import build_dataset.engines as engines
import build_dataset.pipeline as pipeline
from build_dataset.errors import ValidationError
from tests.conftest import SEEDS, build_release
from tests.test_build import tree_digest


@pytest.fixture
def previous(seed_release: Path, tmp_path: Path) -> Path:
    import shutil

    output = tmp_path / "release"
    shutil.copytree(seed_release, output)
    return output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


def test_a_build_that_fails_midway_leaves_the_old_release(previous: Path, monkeypatch) -> None:
    before = tree_digest(previous)
    real = engines.process_document
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(engines, "process_document", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_release(SEEDS, previous)
    assert tree_digest(previous) == before
    assert leftovers(previous) == []


def test_an_interrupted_build_leaves_the_old_release(previous: Path, monkeypatch) -> None:
    before = tree_digest(previous)

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.DuplicateIndex, "clusters", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_release(SEEDS, previous)
    assert tree_digest(previous) == before
    assert leftovers(previous) == []


def test_a_release_that_fails_validation_is_not_swapped_in(previous: Path, monkeypatch) -> None:
    before = tree_digest(previous)
    monkeypatch.setattr("build_dataset.validate.validate_release", lambda path: ["dataset_info: broken"])
    with pytest.raises(ValidationError, match="fails validation: dataset_info: broken"):
        build_release(SEEDS, previous)
    assert tree_digest(previous) == before
    assert leftovers(previous) == []


def test_a_successful_build_replaces_the_release_whole(previous: Path) -> None:
    before = tree_digest(previous)
    shard = previous / "data" / "train-00000-of-00001.parquet"
    shard.rename(shard.with_name("train-00000-of-00002.parquet"))  # as if an older build had sharded more
    build_release(SEEDS, previous)
    assert tree_digest(previous) == before
    assert leftovers(previous) == []
