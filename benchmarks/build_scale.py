"""Measure the whole build's throughput and peak memory at growing corpus sizes.

    python benchmarks/build_scale.py [--sizes 1000 4000 12000] [--engine local] [--workers 2]

Each size builds a synthetic corpus made from the seeds (the words of every long line shuffled, so each
page is unique while its menus and buttons repeat, spread over five outlets so the corpus-furniture
pass runs too) in a fresh process, and reports
articles per second and the process's peak resident memory. The build streams, so memory should stay
nearly flat as the corpus grows tenfold: the last column is the ratio to the smallest size, measured in
one run (never compare seconds across machines). Results go to benchmarks/results/build.md as well.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "build.md"


def _vary(line: str, rng: random.Random) -> str:
    """A long line with its inner words shuffled: as long and wordy as the original, but unique, so the
    corpus-furniture pass finds no false furniture; short lines (menus, buttons) repeat as real ones do."""
    words = line.split(" ")
    if len(words) < 12:
        return line
    inner = words[1:-1]
    rng.shuffle(inner)
    return " ".join([words[0], *inner, words[-1]])


def make_corpus(folder: Path, size: int, outlets: int = 5) -> None:
    """`size` unique pages derived from the seeds, with a manifest naming `outlets` outlets."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    lines = ["files:"]
    for index in range(size):
        seed = seeds[index % len(seeds)].read_text(encoding="utf-8")
        rng = random.Random(index)
        page = "\n".join(_vary(line, rng) for line in seed.split("\n"))
        name = f"p{index // 1000:03d}/page{index:07d}.txt"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(page, encoding="utf-8")
        lines.append(f"  {name}: {{outlet: outlet{index % outlets}}}")
    (folder / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(size: int, engine: str, workers: int) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one build in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
        corpus = Path(tmp) / "input"
        corpus.mkdir()
        make_corpus(corpus, size)
        command = [sys.executable, "-m", "build_dataset.cli", "build", "--input", str(corpus),
                   "--output", str(Path(tmp) / "release"), "--identity", str(ROOT / "dataset.yaml"),
                   "--card", str(ROOT / "dataset_card.md"), "--engine", engine, "--workers", str(workers)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: sizes run from small to large, so it is this one.
    return seconds, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 12000])
    parser.add_argument("--engine", default="local")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = []
    for size in sorted(args.sizes):
        seconds, peak = measure(size, args.engine, args.workers)
        rows.append((size, seconds, size / seconds, peak))
        print(f"{size:>8} articles  {seconds:8.1f} s  {size / seconds:8.1f} articles/s  {peak:8.0f} MiB peak",
              flush=True)
    base = rows[0][3]
    table = ["| articles | seconds | articles/s | peak RSS (MiB) | RSS vs smallest |", "|---|---|---|---|---|"]
    table += [f"| {n} | {s:.1f} | {r:.1f} | {m:.0f} | {m / base:.2f}x |" for n, s, r, m in rows]
    text = "\n".join(table)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(f"Measured with `python benchmarks/build_scale.py --sizes {' '.join(map(str, args.sizes))} "
                       f"--engine {args.engine} --workers {args.workers}` (whole build, one machine):\n\n"
                       f"{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
