"""Linear-time checks as ratios of timings taken in one run, never against seconds (shared machines)."""

from __future__ import annotations

import time
from collections.abc import Callable

LINEAR_RATIO = 12
"""Four times the input may take at most this many times as long: about 4 when the work is linear, 16
when it is quadratic."""


def seconds(run: Callable[[], object]) -> float:
    """The best of two timings of `run()`, at least 5 ms so that a tiny case does not make a ratio."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return max(best, 0.005)
