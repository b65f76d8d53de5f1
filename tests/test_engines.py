"""Every engine gives the same release, byte for byte: scheduling never changes the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from build_dataset import engines
from tests.conftest import SEEDS, build_release
from tests.test_build import tree_digest


@pytest.mark.parametrize("engine", ["pool", "ray"])
def test_engine_output_is_identical_to_the_local_build(engine: str, seed_release: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows of one or two tasks, so the five seeds cross several of them and order must hold across.
    monkeypatch.setattr(engines, "POOL_CHUNK", 1)
    monkeypatch.setattr(engines, "POOL_AHEAD", 1)
    monkeypatch.setattr(engines, "RAY_WINDOW", 2)
    output = tmp_path / engine
    summary = build_release(SEEDS, output, engine=engine, workers=2)
    assert summary.articles_written == 5
    assert tree_digest(output) == tree_digest(seed_release)


def _double(number: int) -> int:
    return 2 * number


class RecordedTasks:
    """Stands for the build's tasks: counts how many the engine has read so far."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.read = 0

    def __iter__(self) -> Iterator[int]:
        for number in range(self.count):
            self.read += 1
            yield number


def test_the_pool_reads_tasks_only_as_results_are_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """A million-page build must not submit a million futures: at most POOL_AHEAD chunks per worker
    are read and not yet handed back, and the results still come in input order."""
    monkeypatch.setattr(engines, "_pool_task", _double)
    tasks = RecordedTasks(3000)
    bound = engines.POOL_CHUNK * engines.POOL_AHEAD * 2
    results = []
    for result in engines.run_pool(tasks, {}, workers=2):  # type: ignore[arg-type]
        results.append(result)
        assert tasks.read - len(results) <= bound, f"{tasks.read} tasks read for {len(results)} results"
    assert results == [2 * number for number in range(3000)]
