"""Linear-time checks as ratios of timings taken in one run, never against seconds (shared machines)."""

from __future__ import annotations

import time
from collections.abc import Callable

LINEAR_RATIO = 12
"""Four times the input may take at most this many times as long: about 4 when the work is linear, 16
when it is quadratic."""


def seconds(run: Callable[[], object]) -> float:
    """The best of three timings of `run()` in this process's CPU time, at least 5 ms so that a tiny case
    does not make a ratio.

    CPU time, not wall time: on a machine whose cores other jobs share, a run that waits for a core counts
    the wait in wall time, and one such wait in the bigger case's runs made a linear scan look quadratic
    (16x for 4x the page while four other builds ran)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return max(best, 0.005)
