"""Where the cleaner's instructions go, by the C code that runs them: what compiling its Python could save.

    python benchmarks/speed_breakdown.py [--every 10] [--dev ../shared/eval/dev/raw]   # needs valgrind

The cleaner is pure Python, and the usual way to make such code several times faster is to compile it
(Cython, mypyc). Compiled code with C types drops the interpreter's own work (the bytecode loop, frames,
calls) and much of the "other C" (boxing ints and floats, iterating lists and tuples, builtins). It
does not drop the work done in C on the strings and arrays themselves: regular expressions, string
methods, numpy, the memory of the strings and lists made, the dictionary and set look-ups of words.
This script counts, with valgrind's callgrind, the instructions `clean_page` executes on every n-th dev
page (start-up and imports subtracted, as in `speed_ab.py --instructions`), groups them by the C
function that executed them (`GROUPS`) and prints each group's share, and the most compiling the Python
as it is could buy: 1 / (1 - share of the interpreter and other C), an upper bound, since compiled code
still calls the same C functions. The table goes to benchmarks/results/speed_breakdown.md.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

from speed_ab import COUNTED  # the same run speed_ab.py --instructions counts (benchmarks/ is on sys.path)

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
RESULTS = REPO / "benchmarks" / "results" / "speed_breakdown.md"
INTERPRETER = "interpreter (bytecode loop, frames, calls, attribute look-ups)"
GROUPS: tuple[tuple[str, str], ...] = (
    ("the cleaner's C speedups (build_dataset/clean/_speedups.c)", r"_speedups"),
    (INTERPRETER,
     r"ceval\.c|frame\.c|call\.c|pycore_call|vectorcall|getargs|_PyType_Lookup|EvalFrame|_PyFrame"),
    ("regular expressions (_sre)", r"sre"),
    ("dictionaries, sets, hashing (word look-ups)", r"dictobject|setobject|pyhash"),
    ("string methods (lower, split, count, find, encode, character classes)",
     r"unicode|fastsearch|split\.h|codecs\.h|stringlib|bytes|find_max_char"),
    ("numpy (the line model's trees, the feature matrix)", r"_multiarray_umath|numpy"),
    ("memory (allocation, reference counts, garbage collector)",
     r"malloc|obmalloc|dealloc|NewReference|memset|memmove|memcpy|gcmodule|traverse|_Free|free"),
    ("keyword automaton (pyahocorasick)", r"trienode|Automaton|ahocorasick"),
)
"""Each C function's group: the first pattern that matches "file:function" as callgrind_annotate names it."""
OTHER = "other C (ints, floats, tuples, lists, iterators, builtins)"


def _counts(out_file: pathlib.Path) -> Counter[str]:
    """Instructions per C function in a callgrind output file."""
    return parse_annotate(subprocess.run(["callgrind_annotate", "--threshold=100", str(out_file)],
                                         capture_output=True, text=True, check=True).stdout)


def parse_annotate(text: str) -> Counter[str]:
    """Instructions per "file:function object" from callgrind_annotate's per-function table (lines such as
    "1,234 ( 5.00%)  /path/ceval.c:_PyEval_EvalFrameDefault'2 [/path/libpython3.11.so.1.0]")."""
    counts: Counter[str] = Counter()
    for m in re.finditer(r"^\s*([\d,]+) \([^)]*\)\s+(\S+):(\S+)(.*)$", text, flags=re.MULTILINE):
        # "file:function [object]", the function without callgrind's "'2" recursion suffix
        path, function, binary = m.group(2), m.group(3).split("'")[0], m.group(4).strip(" []")
        counts[f"{path.rsplit('/', 1)[-1]}:{function} {binary.rsplit('/', 1)[-1]}"] += int(m.group(1).replace(",", ""))
    return counts


def _callgrind(dev: pathlib.Path, every: int, tmp: pathlib.Path) -> Counter[str]:
    out = tmp / f"callgrind.{every}"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", COUNTED,
                    str(dev), str(every)], cwd=REPO, capture_output=True, text=True, check=True)
    return _counts(out)


def group_of(function: str) -> str:
    return next((label for label, pattern in GROUPS if re.search(pattern, function)), OTHER)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV, help="folder of text dumps")
    ap.add_argument("--every", type=int, default=10, help="count every n-th page")
    args = ap.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("speed_breakdown: needs valgrind and callgrind_annotate (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    pages = len(sorted(args.dev.glob("*.txt"))[::args.every])
    if not pages:
        print(f"speed_breakdown: no .txt pages in {args.dev}; pass --dev", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = _callgrind(args.dev, args.every, pathlib.Path(tmp))
        work.subtract(_callgrind(args.dev, 0, pathlib.Path(tmp)))
    groups: Counter[str] = Counter()
    for function, count in work.items():
        groups[group_of(function)] += count
    total = sum(groups.values())
    lines = [f"Measured with `python benchmarks/speed_breakdown.py --every {args.every}`: instructions `clean_page` "
             f"executes on {pages} dev pages (every {args.every}th), start-up subtracted: {total / 1e9:.2f} G, "
             f"{total / pages / 1e6:.1f} M a page, by the C code that executed them.", "",
             "| executed in | share |", "|---|---|"]
    lines += [f"| {label} | {count / total:.1%} |" for label, count in groups.most_common()]
    removable = (groups[INTERPRETER] + groups[OTHER]) / total
    lines += ["", f"Compiled code with C types could at most remove the interpreter's work and the other C, "
              f"{removable:.0%} of the instructions: {1 / (1 - removable):.2f}x the speed, an upper bound."]
    print("\n".join(lines))
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
