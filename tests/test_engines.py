"""Every engine gives the same release, byte for byte: scheduling never changes the data."""

from __future__ import annotations

import signal
import socket
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_dataset import engines
from build_dataset.errors import BuildDatasetError
from tests.conftest import SEEDS, build_release
from tests.test_build import tree_digest


@pytest.mark.parametrize("engine", ["pool", "ray"])
def test_engine_output_is_identical_to_the_local_build(engine: str, seed_release: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       request: pytest.FixtureRequest) -> None:
    if engine == "ray":
        request.getfixturevalue("local_ray")
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


class RayStandIn(types.ModuleType):
    """Stands for the `ray` module where only how the engine joins Ray matters: records `ray.init`'s
    options and, as the real one does, replaces the process's SIGTERM handler with its own."""

    class Stop(Exception):
        """Raised where the real engine would go on to build datasets."""

    def __init__(self, init_error: Exception | None = None) -> None:
        super().__init__("ray")
        self.inits: list[dict] = []
        self.init_error = init_error
        self.exceptions = types.SimpleNamespace(RayError=type("RayError", (Exception,), {}))

    def is_initialized(self) -> bool:
        return False

    def init(self, **options: object) -> None:
        self.inits.append(options)
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(signum))
        if self.init_error is not None:
            raise self.init_error

    def shutdown(self) -> None:
        pass

    @property
    def data(self) -> None:
        raise self.Stop


@pytest.fixture
def fake_ray(monkeypatch: pytest.MonkeyPatch) -> Iterator[RayStandIn]:
    """`import ray` gives a RayStandIn; the SIGTERM handler it installs does not outlive the test."""
    stand_in = RayStandIn()
    monkeypatch.setitem(sys.modules, "ray", stand_in)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    handler = signal.getsignal(signal.SIGTERM)
    yield stand_in
    signal.signal(signal.SIGTERM, handler)


@pytest.fixture
def listening_address() -> Iterator[str]:
    """An address something answers on, as a cluster's head would."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield f"127.0.0.1:{server.getsockname()[1]}"


def _start_ray_engine(workers: int = 3) -> None:
    with pytest.raises(RayStandIn.Stop):
        list(engines.run_ray([], {}, workers))


def test_without_ray_address_the_engine_starts_a_local_ray_of_workers_cpus(fake_ray: RayStandIn) -> None:
    """Not `ray.init()` bare: that joins whatever cluster `ray start` last started on this machine."""
    _start_ray_engine(workers=3)
    assert fake_ray.inits[0]["address"] == "local"
    assert fake_ray.inits[0]["num_cpus"] == 3


def test_with_ray_address_the_engine_joins_the_cluster_and_sends_it_the_code(
        fake_ray: RayStandIn, listening_address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray refuses num_cpus when it joins a cluster, and the cluster's workers must run this code (a node
    may not have build_dataset installed, or another version of it)."""
    monkeypatch.setenv("RAY_ADDRESS", listening_address)
    _start_ray_engine()
    options = fake_ray.inits[0]
    assert "num_cpus" not in options
    assert "address" not in options  # Ray reads RAY_ADDRESS itself, and only then finds a local token
    assert options["runtime_env"]["py_modules"] == [str(Path(engines.__file__).parent)]


def test_joining_ray_keeps_the_builds_sigterm_handler(fake_ray: RayStandIn) -> None:
    """`ray.init` installs a handler that exits at once (status 15, no message): the build's own must
    stay, so that `kill` during a Ray build exits 143 and removes the staging folder like a local one."""

    def build_handler(signum: int, frame: object) -> None:
        raise AssertionError("not called")

    signal.signal(signal.SIGTERM, build_handler)
    _start_ray_engine()
    assert signal.getsignal(signal.SIGTERM) is build_handler


def test_an_address_nothing_answers_on_is_one_line_at_once(fake_ray: RayStandIn,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray itself retries such an address for many minutes, a warning every few seconds."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        address = f"127.0.0.1:{server.getsockname()[1]}"  # closed again below: nothing listens there
    monkeypatch.setenv("RAY_ADDRESS", address)
    with pytest.raises(BuildDatasetError) as refused:
        list(engines.run_ray([], {}, 2))
    assert refused.value.path == "RAY_ADDRESS"
    assert f"no Ray cluster answers at {address}" in str(refused.value)
    assert "ray start --head" in str(refused.value)
    assert fake_ray.inits == []


def test_a_cluster_refusing_the_token_says_how_to_give_it(fake_ray: RayStandIn, listening_address: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray 2.60's clusters want a token by default, and a driver given RAY_ADDRESS sends none unless told."""
    monkeypatch.setenv("RAY_ADDRESS", listening_address)
    try:
        raise RuntimeError("Failed to connect to GCS. ... RPC error: InvalidAuthToken: Authentication token is missing")
    except RuntimeError as cause:
        fake_ray.init_error = ConnectionError(f"Failed to connect to Ray cluster at {listening_address}")
        fake_ray.init_error.__cause__ = cause
    with pytest.raises(BuildDatasetError) as refused:
        list(engines.run_ray([], {}, 2))
    assert "\n" not in str(refused.value)
    assert "RAY_AUTH_MODE=token" in str(refused.value)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray for the tests that need a real one: the engine uses a Ray it finds running."""
    ray = pytest.importorskip("ray")
    handler = signal.getsignal(signal.SIGTERM)
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()
    signal.signal(signal.SIGTERM, handler)


def test_a_worker_that_cannot_do_the_work_is_one_line_naming_its_error(local_ray: None) -> None:
    """A task the worker cannot even read (here no source at all; on a cluster, a node missing a
    dependency) fails the build with the worker's own error in one line, not Ray's nested tracebacks."""
    with pytest.raises(BuildDatasetError) as failed:
        list(engines.run_ray([engines.Task(source=None, entry=None)], {}, 2))  # type: ignore[arg-type]
    assert "\n" not in str(failed.value)
    assert "a Ray worker failed: AttributeError: 'NoneType' object has no attribute 'path'" in str(failed.value)


def test_a_ray_worker_fetches_the_furniture_once_per_build() -> None:
    """`ray.get` unpickles the whole furniture on every call: 35 ms for 1,000 outlets, per article."""
    fetched: list[str] = []

    def getter(key: str):
        def get() -> dict[str, frozenset[str]]:
            fetched.append(key)
            return {"outlet": frozenset({key})}
        return get

    for _ in range(3):
        assert engines._worker_furniture("build-1", getter("build-1")) == {"outlet": frozenset({"build-1"})}
    assert engines._worker_furniture("build-2", getter("build-2")) == {"outlet": frozenset({"build-2"})}
    assert fetched == ["build-1", "build-2"]
