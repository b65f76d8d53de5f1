"""How much of the cleaner's time is spent inside its C extension: the floor that native code already sets.

    python benchmarks/c_share.py [--dev ../shared/eval/dev/raw] [--passes 3]

Cleans every dev page `--passes` times with `clean_page` and keeps the fastest pass, then as many times with every
function of `build_dataset/clean/_speedups.c` wrapped in a clock, wherever the cleaner's modules hold it (as a
module attribute or inside a `functools.partial`), and prints the milliseconds a page spent in each and in all,
in the fastest of those passes.
A speed goal of N pages a second allows 1000 / N ms a page: the C functions' share of that is what is left for
the Python around them. The clocks are `time.perf_counter`, read in user space: the process time
(`time.process_time`, which `benchmarks/cleaning.py` reads) costs a system call a reading, which, around
thousands of short C calls a page, would inflate the wrapped pass by a third. The wrapped pass is timed too.
"""

from __future__ import annotations

import argparse
import functools
import pathlib
import sys
import time
from collections import Counter
from collections.abc import Callable

from build_dataset.clean import clean_page
from build_dataset.clean.native import speedups, use_speedups

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"


def _pass(raws: list[str]) -> float:
    t0 = time.perf_counter()
    for raw in raws:
        clean_page(raw)
    return time.perf_counter() - t0


def wrap_speedups(spent: Counter[str]) -> int:
    """Replace every reference the cleaner's modules hold to a `_speedups` function with one that adds its time
    to `spent[name]`; the number of references replaced."""
    assert speedups is not None
    builtin = type(len)
    functions = {name: f for name in dir(speedups)
                 if not name.startswith("_") and isinstance(f := getattr(speedups, name), builtin)}

    def clocked(name: str, f: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            t0 = time.perf_counter()
            try:
                return f(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
        return call

    names = {id(f): name for name, f in functions.items()}
    replaced = 0
    for module in [m for n, m in sys.modules.items() if n.startswith("build_dataset")]:
        for attribute, value in list(vars(module).items()):
            if id(value) in names:
                setattr(module, attribute, clocked(names[id(value)], value))
                replaced += 1
            elif isinstance(value, functools.partial) and id(value.func) in names:
                setattr(module, attribute,
                        functools.partial(clocked(names[id(value.func)], value.func), *value.args, **value.keywords))
                replaced += 1
    for name, f in functions.items():  # calls through the module (`speedups.split_lines(...)`)
        setattr(speedups, name, clocked(name, f))
    return replaced


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    if speedups is None or not use_speedups:
        raise SystemExit("the C extension is not built or not used here: nothing to measure")
    raws = [p.read_text(encoding="utf-8") for p in sorted(args.dev.glob("*.txt"))]
    if not raws:
        raise SystemExit(f"{args.dev}: no .txt pages; pass --dev with the dev pages' raw folder")
    _pass(raws[:50])  # warm up: the model, the stoplists, the caches
    best = min(_pass(raws) for _ in range(args.passes))
    spent: Counter[str] = Counter()
    replaced = wrap_speedups(spent)
    runs = []
    for _ in range(args.passes):  # the fastest wrapped pass and its clocks: the machine's load moves every pass
        spent.clear()
        runs.append((_pass(raws), Counter(spent)))
    wrapped, spent = min(runs, key=lambda run: run[0])
    in_c = sum(spent.values())
    n = len(raws)
    print(f"clean_page: {best / n * 1000:.3f} ms a page ({n / best:.0f} pages/s), the best of {args.passes} passes")
    print(f"with {replaced} references to the C functions clocked: {wrapped / n * 1000:.3f} ms a page, "
          f"{in_c / n * 1000:.3f} ms of it inside them ({in_c / wrapped:.0%})")
    for name, seconds in spent.most_common(12):
        print(f"  {name:24} {seconds / n * 1000:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
