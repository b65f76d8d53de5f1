"""Shared fixtures: the project's paths and one seed release built once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
IDENTITY = ROOT / "dataset.yaml"
CARD = ROOT / "dataset_card.md"
DATA = Path(__file__).resolve().parent / "data"

# No test may reach the network: the Hub clients must work from local files alone.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


def build_release(input_dir: Path, output: Path, **kwargs):
    """Build a release with the project's identity and card, as `build-dataset build` does."""
    from build_dataset.pipeline import build

    return build(input_dir, output, identity_path=IDENTITY, card_template=CARD, **kwargs)


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once; tests must not modify it (copy it first)."""
    output = tmp_path_factory.mktemp("seed-release") / "release"
    build_release(SEEDS, output)
    return output


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the seeds folder."""
    target = tmp_path / "input"
    shutil.copytree(SEEDS, target)
    return target
