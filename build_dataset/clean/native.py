"""The C extension `_speedups` (build_dataset/clean/_speedups.c), where the install built it, and whether the
cleaner runs it.

Each function of it gives what a Python reference beside its caller gives (tests/test_clean_speedups.py), at
a fraction of the cost; an install without a C compiler, or BUILD_DATASET_PURE_PYTHON set, runs the
references. `lines` configures the module with the `Line` class it makes on import.
"""

from __future__ import annotations

import os
from types import ModuleType

PURE_PYTHON = "BUILD_DATASET_PURE_PYTHON"
"""Set (to anything not empty), the cleaner runs its Python references even where the C extension was built."""


def _load() -> ModuleType | None:
    try:
        from build_dataset.clean import _speedups
    except ImportError:  # not built: no C compiler at install
        return None
    return _speedups


speedups = _load()
"""The C versions of the cleaner's hottest loops, or None where they were not built."""
use_speedups = speedups is not None and not os.environ.get(PURE_PYTHON)
"""Whether the cleaner runs them."""
