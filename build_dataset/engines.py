"""Engines that run the per-document work over the corpus: in this process, a local pool, or Ray Data.

What a step does to one document (`process_task`) is kept apart from how documents are scheduled,
as datatrove does: every engine maps the same function and yields results in input order, so the
output, sorted by id, is byte-identical whichever engine made it. Scaling out uses an existing
distributed engine (Ray Data), never a home-made one.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import re
import signal
import socket
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from build_dataset.annotate.dedup import Signature, text_signature
from build_dataset.assemble import outlet_key, process_document
from build_dataset.errors import BuildDatasetError, InputError
from build_dataset.read import ManifestEntry, SourceFile, read_text
from build_dataset.schema import Article, RawArticle

ENGINES = ("local", "pool", "ray")

# The pool sends tasks to its workers in chunks of POOL_CHUNK (one message each) and keeps
# POOL_AHEAD chunks per worker in flight: enough that a worker never waits for the build to hand it
# work, few enough that a million-page build holds a few hundred tasks, not a future for every page.
POOL_CHUNK = 16
POOL_AHEAD = 4
# Ray Data gets the tasks a window at a time (one dataset each), so the driver never pickles the whole
# corpus into one list and one object-store copy; blocks of RAY_BLOCK tasks keep every worker busy
# until the end of a window.
RAY_WINDOW = 4096
RAY_BLOCK = 64
# Seconds to wait for a cluster's address to accept a connection before saying nothing answers there.
RAY_CONNECT_TIMEOUT = 10

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Task:
    """One document to process and what the build knows about it."""

    source: SourceFile
    entry: ManifestEntry | None


Outcome = tuple[Article, RawArticle, Signature] | InputError
"""A document's records and its duplicate-detection signature, or why it could not be read."""
Furniture = dict[str, frozenset[str]]


def process_task(task: Task, furniture: Furniture) -> Outcome:
    """Read, clean and annotate one document and sign it for duplicate detection; an unreadable file
    comes back as its error, not raised, so that the build decides (stop, or skip with --skip-bad)
    wherever the work ran."""
    try:
        text = read_text(task.source)
    except InputError as error:
        return error
    page_furniture = furniture.get(outlet_key(task.entry) or "", frozenset())
    article, raw = process_document(task.source, text, task.entry, page_furniture)
    return article, raw, text_signature(article.text)


def run_local(tasks: Iterable[Task], furniture: Furniture) -> Iterator[Outcome]:
    for task in tasks:
        yield process_task(task, furniture)


_POOL_FURNITURE: Furniture = {}


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _init_pool(furniture: Furniture, build_pid: int) -> None:
    """Receive the furniture, die on SIGTERM, and die with the build.

    A forked worker inherits the build's SIGTERM handler, which is meant for the main process only (the
    build stops its workers itself). A build killed outright (SIGKILL, the OOM killer) runs no code at
    all, so on Linux the kernel is asked to kill the worker when its parent dies. The build may already
    be gone by the time that request is made, so the worker then looks for it once itself.
    """
    global _POOL_FURNITURE
    _POOL_FURNITURE = furniture
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        try:
            os.kill(build_pid, 0)
        except ProcessLookupError:
            os._exit(1)


def _pool_task(task: Task) -> Outcome:
    return process_task(task, _POOL_FURNITURE)


def run_pool(tasks: Iterable[Task], furniture: Furniture, workers: int) -> Iterator[Outcome]:
    """A local process pool, results in input order; the furniture crosses to each worker once."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_pool,
                               initargs=(furniture, os.getpid()))
    try:
        yield from bounded_map(pool, _pool_task, tasks, chunk=POOL_CHUNK, in_flight=POOL_AHEAD * workers)
    except BaseException:  # an error, Ctrl-C, SIGTERM, or the build abandoning the results
        _stop_pool(pool)
        raise
    pool.shutdown()


def _apply(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def bounded_map(executor: Executor, function: Callable[[T], R], items: Iterable[T], chunk: int,
                in_flight: int) -> Iterator[R]:
    """`executor.map(function, items, chunksize=chunk)` that reads `items` only as results are taken.

    `Executor.map` submits every chunk before it returns its first result, so it holds a task and a
    future for every item at once (a million of them for a million pages). Here at most `in_flight`
    chunks are submitted and not yet handed back; a new one is read and sent each time the oldest has
    been consumed, and results come back in input order.
    """
    chunks = _chunks(items, chunk)
    pending: deque[Future[list[R]]] = deque(executor.submit(_apply, function, c) for c in islice(chunks, in_flight))
    while pending:
        yield from pending.popleft().result()
        pending.extend(executor.submit(_apply, function, c) for c in islice(chunks, 1))


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Drop the queued work and kill the workers now.

    `shutdown` alone waits for every task already sent, which may be the whole corpus, and a build
    that stops must not leave workers running. The workers hold nothing to flush: results come back to
    the build, which writes every file. Before Python 3.14 (`terminate_workers`) the pool's private
    `_processes` is the only handle on them.
    """
    workers = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join()


def check_ray() -> None:
    """What `--engine ray` needs that can be known before any page is read: Ray installed, and an answer
    from the cluster RAY_ADDRESS names. The build asks at once, so a typo in the address fails in a
    moment instead of after the corpus is hashed and its furniture counted."""
    _import_ray()
    address = _cluster_address()
    if address:
        _check_reachable(address)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise BuildDatasetError("the ray engine needs Ray Data", path="--engine ray",
                                fix='install it with: pip install -e ".[ray]"') from None
    return ray


def _cluster_address() -> str | None:
    """The cluster RAY_ADDRESS names, or None for a local Ray ("local" or unset)."""
    address = os.environ.get("RAY_ADDRESS")
    return address if address and address != "local" else None


def _connect(ray: Any, workers: int) -> None:
    """Join the cluster RAY_ADDRESS names, else start a local Ray of `workers` CPUs.

    - Without an address `ray.init()` would join whatever cluster `ray start` last started on this
      machine, and refuse `num_cpus` there, so the local case is asked for by name.
    - A cluster's nodes have their own Python: they are sent this package (`py_modules`), so that every
      worker runs the build's own code, the one that makes its output byte-identical to a local build,
      and a node needs only the dependencies.
    - `ray.init` replaces the process's SIGTERM handler with one that exits at once; the build's own
      (`release_dir.sigterm_interrupts`) is put back, so a `kill` still removes the staging folder and
      exits as a local build does.
    """
    address = _cluster_address()
    if address:
        _check_reachable(address)
        options: dict[str, Any] = {"runtime_env": {"py_modules": [str(Path(__file__).parent)]}}
    else:
        options = {"address": "local", "num_cpus": workers}
    build_handler = signal.getsignal(signal.SIGTERM)
    try:
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False, **options)
    except ConnectionError as error:
        raise _cannot_join(address or "local", error) from None
    finally:
        if build_handler is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, build_handler)


def _check_reachable(address: str) -> None:
    """Refuse an address nothing listens on before Ray is asked to join it.

    Ray retries such an address for many minutes, printing a warning every few seconds, before it gives
    up; a refused or unreachable port is known in a moment.
    """
    host, _, port = address.split("://")[-1].rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a form only Ray knows: Ray judges it
    try:
        socket.create_connection((host, int(port)), timeout=RAY_CONNECT_TIMEOUT).close()
    except OSError as error:
        raise BuildDatasetError(f"no Ray cluster answers at {address} ({error.strerror or error})",
                                path="RAY_ADDRESS", fix=_JOIN_FIX) from None


_JOIN_FIX = ("start one with `ray start --head` and set RAY_ADDRESS to the address it prints, "
             "or unset RAY_ADDRESS to build on a local Ray")


def _cannot_join(address: str, error: ConnectionError) -> BuildDatasetError:
    """One line for a cluster that answers but cannot be joined; a token is the common reason."""
    if "InvalidAuthToken" in str(error.__cause__):
        return BuildDatasetError(f"the Ray cluster at {address} refused this machine's token",
                                 path="RAY_ADDRESS",
                                 fix="set RAY_AUTH_MODE=token and give the cluster's token in ~/.ray/auth_token "
                                     "or RAY_AUTH_TOKEN (see README, Building on a Ray cluster)")
    return BuildDatasetError(f"cannot join the Ray cluster at {address}: {error}", path="RAY_ADDRESS",
                             fix=_JOIN_FIX)


# The first "Name: message" line of a worker's traceback is the error the worker itself raised.
_RAISED = re.compile(r"^(\w[\w.]*(?:Error|Exception)): (.*)$", re.MULTILINE)


def _worker_failed(error: Exception) -> BuildDatasetError:
    """One line for work that failed inside Ray, instead of its worker's traceback.

    What `process_task` refuses comes back as a value, so what reaches here is a worker that could not
    run the work at all: most often a node without the build's dependencies. Ray hands the worker's
    error back only as the text of its traceback (wrapped in Ray Data's UserCodeException), so the
    first error raised is read from there; the full traceback stays in Ray's logs.
    """
    raised = _RAISED.search(str(error))
    what = f"{raised[1]}: {raised[2]}" if raised else f"{type(error).__name__}: {str(error).strip()[:200]}"
    return BuildDatasetError(f"a Ray worker failed: {what}", path="--engine ray",
                             fix="every node needs build-dataset's dependencies in the Python that runs `ray start` "
                                 "(see README, Building on a Ray cluster); the worker's traceback is in Ray's logs "
                                 "(session_latest/logs under Ray's temp dir)")


_RAY_FURNITURE: tuple[str, Furniture] | None = None


def _worker_furniture(key: str, get: Callable[[], Furniture]) -> Furniture:
    """The build's furniture in a Ray worker process, fetched once per build and worker.

    `ray.get` unpickles the whole object on every call: for 1,000 outlets of 100 furniture lines (4.6 MB)
    that is 35 ms, as much as cleaning and annotating the article itself, paid again for each article.
    Ray reuses its worker processes, so one fetch per process and build is kept (the ref tells builds
    apart by the hex of its object ref: keeping the ref itself would pin the object in a cluster's store
    after the build)."""
    global _RAY_FURNITURE
    if _RAY_FURNITURE is None or _RAY_FURNITURE[0] != key:
        _RAY_FURNITURE = (key, get())
    return _RAY_FURNITURE[1]


def run_ray(tasks: Iterable[Task], furniture: Furniture, workers: int) -> Iterator[Outcome]:
    """Ray Data: the same function as a `map` over datasets of tasks, a window at a time (RAY_WINDOW),
    results streamed back in order.

    On a laptop Ray starts a local cluster; with RAY_ADDRESS set it joins an existing one. The source
    paths must then be readable from every node (a shared filesystem), as with any Ray Data job.
    """
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        _connect(ray, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        furniture_ref = ray.put(furniture)
        furniture_key = furniture_ref.hex()

        def work(row: dict[str, Any]) -> dict[str, Any]:
            task = pickle.loads(row["task"])
            furniture = _worker_furniture(furniture_key, lambda: ray.get(furniture_ref))
            return {"outcome": pickle.dumps(process_task(task, furniture))}

        for window in _chunks(tasks, RAY_WINDOW):
            items = [{"task": pickle.dumps(task)} for task in window]
            dataset = ray.data.from_items(items, override_num_blocks=-(-len(items) // RAY_BLOCK))
            for row in dataset.map(work).iter_rows():
                yield pickle.loads(row["outcome"])
    except ray.exceptions.RayError as error:
        raise _worker_failed(error) from None
    finally:
        if started_here:
            ray.shutdown()


def run(engine: str, tasks: Iterable[Task], furniture: Furniture, workers: int = 1) -> Iterator[Outcome]:
    """Results of every task, in task order, from the chosen engine."""
    if engine == "local" or (engine == "pool" and workers <= 1):
        return run_local(tasks, furniture)
    if engine == "pool":
        return run_pool(tasks, furniture, workers)
    if engine == "ray":
        return run_ray(tasks, furniture, workers)
    raise BuildDatasetError(f"unknown engine {engine!r}", path="--engine", fix=f"use one of {', '.join(ENGINES)}")
