"""Compare the cleaner's speed at another git revision with this checkout's, in alternating runs.

    python benchmarks/speed_ab.py REV [--rounds 4] [--dev ../shared/eval/dev/raw]
    python benchmarks/speed_ab.py REV --instructions [--every 3]   # needs valgrind

The machine is shared and its speed drifts from minute to minute, so a pages/s figure measured today is
no comparison with one from last week: this runs `clean_page` over the dev pages in fresh processes,
REV's package and this checkout's by turns, and prints each one's pages/s (process time, best of two
passes per run), their medians and the ratio. REV's `build_dataset` is taken with `git archive` and its C
extensions compiled in place (as setup.py builds them); this checkout's are the ones its install built. The
installed libraries are this environment's for both.

Timers on a shared machine still scatter by 10% from round to round. `--instructions` counts instead the
instructions `clean_page` executes (valgrind's callgrind; every third page, the default, takes about six
minutes in all): the same count for the same code and pages whatever else the machine does. Each tree is
counted twice, over the pages and over one line only, and the difference is the pages' work, without the
start-up and imports. Instructions are not seconds (a cache miss costs more than an addition), but
between two versions of the same pure-Python code their ratio is the ratio of the work done.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
TIMING = r"""
import pathlib, sys, time
from build_dataset.clean import clean_page
raws = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
clean_page("warm up the stoplists and regexes.\n")
best = float("inf")
for _ in range(2):
    t0 = time.process_time()
    for raw in raws:
        clean_page(raw)
    best = min(best, time.process_time() - t0)
print(len(raws) / best)
"""

COUNTED = r"""
import pathlib, sys
from build_dataset.clean import clean_page
every = int(sys.argv[2])
paths = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))[::every] if every else []
raws = [p.read_text(encoding="utf-8") for p in paths]
clean_page("warm up the stoplists and regexes.\n")
for raw in raws:
    clean_page(raw)
"""


BUILD = r"""
import importlib.util, sys
from setuptools import Distribution
from setuptools.command.build_ext import build_ext
spec = importlib.util.spec_from_file_location("setup_script", sys.argv[1])
setup_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(setup_script)
extensions = setup_script.extensions()
if extensions:
    command = build_ext(Distribution({"ext_modules": extensions}))
    command.inplace = True
    command.ensure_finalized()
    command.run()
"""
"""Builds, in the folder it runs in, the C extensions setup.py would build there, in place."""


def build_extensions(tree: pathlib.Path) -> None:
    """Compile the C extensions of the revision extracted in `tree`, as `pip install` would: without them its
    cleaner would run its Python references. The rule is this checkout's setup.py's (each C file is a module)."""
    subprocess.run([sys.executable, "-c", BUILD, str(REPO / "setup.py")], cwd=tree, capture_output=True, check=True)


def instructions(tree: pathlib.Path, dev: pathlib.Path, every: int) -> int:
    """Instructions a fresh process whose `build_dataset` is the one in `tree` executes cleaning every
    `every`-th dev page (0: none, the start-up alone), counted by callgrind."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
                               sys.executable, "-c", COUNTED, str(dev), str(every)],
                              cwd=tree, env=env, capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", done.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(m.group(1))


def pages_per_second(tree: pathlib.Path, dev: pathlib.Path) -> float:
    """One run in a fresh process whose `build_dataset` is the one in `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", TIMING, str(dev)], cwd=tree, env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the git revision to compare with this checkout")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV, help="folder of text dumps")
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions with valgrind instead of timing (noise-free, one run each)")
    ap.add_argument("--every", type=int, default=3, help="with --instructions: count every n-th page")
    args = ap.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        print("speed_ab: --instructions needs valgrind (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        other = pathlib.Path(tmp)
        archive = subprocess.run(["git", "archive", args.rev, "build_dataset"], cwd=REPO, capture_output=True,
                                 check=True).stdout
        archive_path = other / "rev.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(other, filter="data")
        build_extensions(other)
        if args.instructions:
            work = {label: instructions(tree, args.dev, args.every) - instructions(tree, args.dev, 0)
                    for label, tree in ((args.rev, other), ("this checkout", REPO))}
            pages = len(sorted(args.dev.glob("*.txt"))[::args.every])
            for label, count in work.items():
                print(f"{label:>14}: {count / 1e9:.2f} G instructions over {pages} pages, "
                      f"{count / pages / 1e6:.1f} M a page")
            print(f"this checkout / {args.rev}: {work['this checkout'] / work[args.rev]:.3f} of the instructions")
            return 0
        runs: dict[str, list[float]] = {args.rev: [], "this checkout": []}
        for _ in range(args.rounds):
            runs[args.rev].append(pages_per_second(other, args.dev))
            runs["this checkout"].append(pages_per_second(REPO, args.dev))
    for label, values in runs.items():
        print(f"{label:>14}: {' '.join(f'{v:.0f}' for v in values)} pages/s, median {statistics.median(values):.0f}")
    ratio = statistics.median(runs["this checkout"]) / statistics.median(runs[args.rev])
    print(f"this checkout / {args.rev}: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
