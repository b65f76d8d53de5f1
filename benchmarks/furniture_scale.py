"""Measure the corpus-furniture pass on one big outlet: time and peak memory as its page count grows.

    python benchmarks/furniture_scale.py [--sizes 2000 8000 32000]

The pass counts, per outlet, on how many pages each line occurs (`pipeline.corpus_furniture`). An outlet
is judged on at most `SAMPLE_PAGES` of its pages, so past that size its time and memory should stay
flat however many pages it has. Each size is a synthetic corpus of one outlet made from the seeds (see
`build_scale.make_corpus`: every long line unique, menus and buttons repeated), measured in a fresh
process. Memory is the peak of what the pass allocates, traced by `tracemalloc` in a second run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scale import make_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "furniture.md"
FOOTER = "\nThe Outlet Gazette is published by Outlet Media Group. All rights reserved.\n"
"""A line every page of the outlet ends with: the furniture the pass must find."""
PASS = """
import sys, time, tracemalloc
from pathlib import Path
from build_dataset.pipeline import BuildSummary, _collect_sources, corpus_furniture
from build_dataset.read import read_manifest
folder = Path(sys.argv[1])
sources = _collect_sources(folder, 20 * 2**20, False, BuildSummary(output=folder, version=""))
manifest = read_manifest(folder)
counted = []
start = time.process_time()
keys = corpus_furniture(sources, manifest, lambda stage, done, total: counted.append(done))
seconds = time.process_time() - start
tracemalloc.start()
corpus_furniture(sources, manifest, lambda stage, done, total: None)
peak = tracemalloc.get_traced_memory()[1]
print(seconds, peak / 2**20, max(counted, default=0), sum(map(len, keys.values())))
"""


def measure(size: int) -> tuple[float, float, int, int]:
    """CPU seconds of the pass, the peak of the Python memory it allocates (MiB, traced in a second run),
    pages counted and furniture keys found, for one outlet of `size` pages (the files are found and
    hashed before, as in a build)."""
    with tempfile.TemporaryDirectory(prefix="furniture-scale-") as tmp:
        make_corpus(Path(tmp), size, outlets=1)
        for page in Path(tmp).rglob("*.txt"):
            with page.open("a", encoding="utf-8") as f:
                f.write(FOOTER)
        done = subprocess.run([sys.executable, "-c", PASS, tmp], check=True, capture_output=True, text=True)
    seconds, grown, counted, keys = done.stdout.split()
    return float(seconds), float(grown), int(counted), int(keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 32000])
    args = parser.parse_args()
    rows = []
    for size in sorted(args.sizes):
        seconds, peak, counted, keys = measure(size)
        rows.append((size, seconds, peak, counted, keys))
        print(f"{size:>8} pages  {seconds:7.1f} s  {peak:7.1f} MiB  {counted} counted  {keys} keys", flush=True)
    table = ["| pages of the outlet | CPU seconds | peak allocated (MiB) | pages counted | furniture keys |",
             "|---|---|---|---|---|"]
    table += [f"| {n} | {s:.1f} | {m:.1f} | {c} | {k} |" for n, s, m, c, k in rows]
    text = "\n".join(table)
    print(text)
    RESULTS.write_text(f"Measured with `python benchmarks/furniture_scale.py --sizes {' '.join(map(str, args.sizes))}`"
                       f" (the corpus-furniture pass alone, one outlet, one machine):\n\n{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
