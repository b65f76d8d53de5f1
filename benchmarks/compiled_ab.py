"""What compiling the cleaner buys: this checkout's cleaner compiled by mypyc against the same code interpreted.

    pip install -e ".[compile]"      # mypy, whose mypyc compiles type-annotated Python to C extensions
    python benchmarks/compiled_ab.py [--rounds 4] [--dev ../shared/eval/dev/raw]

The cleaner runs below its speed target, and the question is whether a compiler for the Python as it is
would close the gap, or only a cleaner written anew for a native engine would. This copies the package
to a temporary folder, compiles every module of `build_dataset/clean` there with mypyc (all but
`html.py`, which wraps trafilatura, and the package's `__init__`; both copies get the C extensions that
`pip install` builds, `_speedups`), then runs `clean_page` over the dev
pages in fresh processes, the interpreted and the compiled package by turns (`speed_ab.py`'s method:
process time, best of two passes a run), and prints each one's pages/s, their medians and the ratio.
Each run also hashes every field of every page's result, so the two are shown to give the same output.
Nothing in the repo is compiled or changed; compiling takes about a minute.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile

from speed_ab import build_extensions  # benchmarks/ is on sys.path

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
NOT_COMPILED = ("__init__.py", "html.py")
MYPY_CONFIG = "[mypy]\nignore_missing_imports = True\nfollow_imports = silent\n"
"""Third-party libraries without type information are taken as `Any`, and the modules not compiled are read
for their types only: mypyc then checks and compiles the cleaner's modules alone."""

RUN = r"""
import dataclasses, hashlib, pathlib, sys, time
import build_dataset.clean.lines
from build_dataset.clean import clean_page
compiled = build_dataset.clean.lines.__file__.endswith(".so")
raws = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
clean_page("warm up the stoplists and regexes.\n")
digest = hashlib.sha256()
best = float("inf")
for _ in range(2):
    t0 = time.process_time()
    results = [clean_page(raw) for raw in raws]
    best = min(best, time.process_time() - t0)
for c in results:
    digest.update(repr(dataclasses.astuple(c)).encode())
print(len(raws) / best, compiled, digest.hexdigest())
"""


def compile_cleaner(tree: pathlib.Path) -> None:
    """Compile `tree`'s copy of the cleaner in place: mypyc writes each module's extension beside its
    source, and Python imports an extension before a source file of the same name."""
    (tree / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
    modules = [str(p.relative_to(tree)) for p in sorted((tree / "build_dataset" / "clean").glob("*.py"))
               if p.name not in NOT_COMPILED]
    done = subprocess.run([sys.executable, "-m", "mypyc", *modules], cwd=tree, capture_output=True, text=True)
    if done.returncode != 0:
        errors = [line for line in done.stdout.splitlines() if ": error:" in line]
        raise SystemExit("compiled_ab: mypyc could not compile the cleaner; fix its type errors first:\n"
                         + "\n".join(errors or done.stderr.splitlines()[-20:]))


def run(tree: pathlib.Path, dev: pathlib.Path) -> tuple[float, bool, str]:
    """Pages/s, whether the compiled modules were the ones imported, and the hash of the output, from
    one fresh process whose `build_dataset` is `tree`'s."""
    done = subprocess.run([sys.executable, "-c", RUN, str(dev)], cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                          capture_output=True, text=True)
    if done.returncode != 0:  # compiled code checks the declared types as it runs: an annotation that is too narrow
        raise SystemExit(f"compiled_ab: the package in {tree.name} failed on the dev pages:\n{done.stderr[-3000:]}")
    speed, compiled, digest = done.stdout.split()
    return float(speed), compiled == "True", digest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV, help="folder of text dumps")
    args = ap.parse_args()
    args.dev = args.dev.resolve()  # the runs' working folder is the copied tree, not this one
    if importlib.util.find_spec("mypyc") is None:
        print('compiled_ab: mypyc is not installed; run pip install -e ".[compile]"', file=sys.stderr)
        return 2
    if not any(args.dev.glob("*.txt")):
        print(f"compiled_ab: {args.dev} holds no .txt pages; pass the dev pages' folder with --dev", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"interpreted": pathlib.Path(tmp) / "interpreted", "compiled": pathlib.Path(tmp) / "compiled"}
        for tree in trees.values():
            shutil.copytree(REPO / "build_dataset", tree / "build_dataset",
                            ignore=shutil.ignore_patterns("__pycache__", "*.so"))
            build_extensions(tree)  # the C extensions (_speedups) in both: only the Python is compared
        compile_cleaner(trees["compiled"])
        runs: dict[str, list[float]] = {label: [] for label in trees}
        outputs: dict[str, set[str]] = {label: set() for label in trees}
        for _ in range(args.rounds):
            for label, tree in trees.items():
                speed, compiled, digest = run(tree, args.dev)
                if compiled != (label == "compiled"):
                    raise SystemExit(f"compiled_ab: the {label} run imported the wrong modules")
                runs[label].append(speed)
                outputs[label].add(digest)
    for label, values in runs.items():
        print(f"{label:>11}: {' '.join(f'{v:.0f}' for v in values)} pages/s, median {statistics.median(values):.0f}")
    print(f"compiled / interpreted: {statistics.median(runs['compiled']) / statistics.median(runs['interpreted']):.2f}")
    same = len(outputs["compiled"] | outputs["interpreted"]) == 1
    print(f"output: {'identical' if same else 'DIFFERENT'} on every page (sha256 of every field of every result)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
