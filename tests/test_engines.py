"""Every engine gives the same release, byte for byte: scheduling never changes the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS, build_release
from tests.test_build import tree_digest


@pytest.mark.parametrize("engine", ["pool", "ray"])
def test_engine_output_is_identical_to_the_local_build(engine: str, seed_release: Path, tmp_path: Path) -> None:
    output = tmp_path / engine
    summary = build_release(SEEDS, output, engine=engine, workers=2)
    assert summary.articles_written == 5
    assert tree_digest(output) == tree_digest(seed_release)
