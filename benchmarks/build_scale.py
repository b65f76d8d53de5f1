"""Measure the whole build's throughput and peak memory at growing corpus sizes.

    python benchmarks/build_scale.py [--sizes 1000 4000 12000] [--engine local|pool|ray] [--workers 2]
                                     [--pages ../shared/eval/dev/raw]

Each size is one `build` in a fresh process. The pages are real: the dev pages (../shared/eval/dev/raw,
multilingual news scraped from many sites) copied as often as the size needs, each copy with its own
trailing line so its bytes are distinct, and each copy named as its own outlet in a manifest so the
corpus-furniture pass runs. Without ../shared the pages are made from the seeds instead (the words of
every long line shuffled), which are en/uk only and load far fewer language models: the results file
says which source it used.

Memory is measured on the whole process tree, because `--engine pool` and `ray` do the work in other
processes: every 0.2 s the resident memory (VmRSS) of the build and all its descendants (pool workers,
Ray's processes, the validate step) is summed, and the largest sum is the "peak tree" figure. Pages
shared between processes count once per process, so it is an upper bound. "Peak process" is the
largest single process, from the kernel's `ru_maxrss` of the build and the descendants it waited for
(Ray's workers are not among them; the sampled largest process covers them). A fresh process that only
detects the language of the pages shows how much of that is lingua's models, which every process that
annotates loads for itself. Seconds are for one machine and one run; never compare them across
machines. Results go to benchmarks/results/build.md, one table per engine and worker count.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "build.md"
DEFAULT_PAGES = ROOT.parent / "shared" / "eval" / "dev" / "raw"
SAMPLE_SECONDS = 0.2
HEADING = "**Engine:** "  # not a Markdown heading: the card includes the file inside its own sections


@dataclass(frozen=True)
class Run:
    """One build's measurements."""

    articles: int
    seconds: float
    peak_tree_mib: float
    peak_process_mib: float
    max_processes: int


# ---- corpora --------------------------------------------------------------------------------------


def _vary(line: str, rng: random.Random) -> str:
    """A long line with its inner words shuffled: as long and wordy as the original, but unique, so the
    corpus-furniture pass finds no false furniture; short lines (menus, buttons) repeat as real ones do."""
    words = line.split(" ")
    if len(words) < 12:
        return line
    inner = words[1:-1]
    rng.shuffle(inner)
    return " ".join([words[0], *inner, words[-1]])


def make_seed_corpus(folder: Path, size: int, outlets: int = 5) -> None:
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


def make_real_corpus(folder: Path, size: int, pages: list[Path]) -> None:
    """`size` pages: the real pages in order, copy after copy, each copy's bytes made distinct by a
    trailing line and each copy its own outlet (one page per site in an outlet, so the furniture pass
    runs without finding the copies' bodies as furniture). Copies are near-duplicates, as mirrors are."""
    lines = ["files:"]
    for index in range(size):
        copy, page = divmod(index, len(pages))
        name = f"c{copy:03d}/{pages[page].name}"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(pages[page].read_bytes() + f"\nbenchmark copy {copy}\n".encode())
        lines.append(f"  {name}: {{outlet: outlet{copy}}}")
    (folder / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---- measuring --------------------------------------------------------------------------------------


def _parents() -> dict[int, list[int]]:
    """Children of every process, from /proc (no psutil needed)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # the command name may hold spaces and ")"
        children.setdefault(parent, []).append(int(entry))
    return children


def _rss_kib(pid: int) -> int:
    try:
        match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


def _tree(root: int) -> list[int]:
    children, todo, tree = _parents(), [root], []
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


class TreeSampler(threading.Thread):
    """Samples the summed and the largest resident memory of a process and all its descendants."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.done = threading.Event()
        self.peak_tree = self.peak_process = self.max_processes = 0

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            sizes = [_rss_kib(pid) for pid in _tree(self.root)]
            self.peak_tree = max(self.peak_tree, sum(sizes))
            self.peak_process = max(self.peak_process, max(sizes))
            self.max_processes = max(self.max_processes, sum(1 for size in sizes if size))


def measure(corpus: Path, output: Path, engine: str, workers: int) -> tuple[float, int, TreeSampler]:
    """Seconds, ru_maxrss (KiB) and the tree sampler of one build in a fresh process. `os.wait4` gives
    this child's own rusage (the largest of it and the descendants it waited for)."""
    command = [sys.executable, "-m", "build_dataset.cli", "build", "--input", str(corpus),
               "--output", str(output), "--identity", str(ROOT / "dataset.yaml"),
               "--card", str(ROOT / "dataset_card.md"), "--engine", engine]
    if engine != "local":
        command += ["--workers", str(workers)]
    log = output.with_suffix(".log")
    with log.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"build failed ({process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss, sampler


_DETECTOR_PROBE = """
import json, re, sys
from pathlib import Path
def rss():
    return int(re.search(r"^VmRSS:\\s+(\\d+) kB", Path("/proc/self/status").read_text(), re.M).group(1)) / 1024
out = {"python": rss()}
from build_dataset.annotate.language import detect_language
out["imported"] = rss()
detect_language("The minister said on Tuesday that the new budget would be published next week.")
out["one English sentence"] = rss()
for path in sys.argv[1:]:
    detect_language(Path(path).read_text(encoding="utf-8", errors="replace"))
out["every page"] = rss()
print(json.dumps(out))
"""


def detector_memory(pages: list[Path]) -> dict[str, float]:
    """Resident MiB of a fresh process as lingua's detector (the one the build uses) meets languages."""
    result = subprocess.run([sys.executable, "-c", _DETECTOR_PROBE, *map(str, pages)],
                            check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(result.stdout)


# ---- reporting --------------------------------------------------------------------------------------


def _display(path: Path) -> str:
    try:
        return "../" + str(path.resolve().relative_to(ROOT.parent))
    except ValueError:
        return str(path)


def source_description(pages: list[Path] | None, source: Path) -> str:
    if pages is None:
        return ("pages made from the 5 en/uk seeds (words of long lines shuffled), 5 outlets; "
                f"{_display(source)} was absent")
    return (f"the {len(pages)} real dev pages of {_display(source)} (multilingual), copied as often as the "
            "size needs, each copy with its own trailing line and named as its own outlet")


def section(title: str, source: str, runs: list[Run], detector: dict[str, float]) -> str:
    base = runs[0].peak_tree_mib
    lines = [f"{HEADING}{title}", "", f"Pages: {source}.", "",
             "| articles | seconds | articles/s | peak tree (MiB) | peak process (MiB) | processes "
             "| tree vs smallest |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {r.articles} | {r.seconds:.1f} | {r.articles / r.seconds:.1f} | {r.peak_tree_mib:.0f} | "
              f"{r.peak_process_mib:.0f} | {r.max_processes} | {r.peak_tree_mib / base:.2f}x |" for r in runs]
    probe = ", ".join(f"{stage} {mib:.0f}" for stage, mib in detector.items())
    lines += ["", f"Language detector alone, fresh process, resident MiB: {probe}. Every process that "
              "annotates (the build itself with `local`, each worker with `pool` and `ray`) holds its own.", ""]
    return "\n".join(lines)


PREAMBLE = """Measured with `python benchmarks/build_scale.py` on one 2-core machine. Each size is one
`build` in a fresh process. "Peak tree" is the largest sum, sampled every 0.2 s, of the resident memory
of the build and all its descendant processes (pool workers, Ray's processes, the validate step): an
upper bound, since memory shared between processes counts once per process. "Peak process" is the
largest single process (`ru_maxrss` of the build and the workers it waited for, or the largest sampled
process for Ray, whose workers it does not wait for). "Processes" is the most seen at once. Other work
shares the machine, so seconds vary with its load from run to run: compare memory, not seconds.
"""


def write_results(title: str, text: str) -> None:
    """Replace this engine's section of the results file and keep the others."""
    sections: dict[str, str] = {}
    if RESULTS.exists():
        for chunk in RESULTS.read_text(encoding="utf-8").split("\n" + HEADING)[1:]:
            sections[HEADING + chunk.split("\n", 1)[0]] = HEADING + chunk.rstrip("\n") + "\n"
    sections[text.split("\n", 1)[0]] = text
    order = sorted(sections, key=lambda heading: ("local" not in heading, "pool" not in heading, heading))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(PREAMBLE + "\n" + "\n".join(sections[h] for h in order), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 12000])
    parser.add_argument("--engine", default="local", choices=["local", "pool", "ray"])
    parser.add_argument("--workers", type=int, default=2, help="pool or ray workers (local uses none)")
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="a folder of real .txt pages")
    args = parser.parse_args()
    pages = sorted(args.pages.glob("*.txt")) if args.pages.is_dir() else None
    source = source_description(pages, args.pages)
    title = f"`--engine {args.engine}`" + (f" `--workers {args.workers}`" if args.engine != "local" else "")
    print(f"{title}; pages: {source}", flush=True)
    detector = detector_memory(pages if pages is not None else sorted((ROOT / "seeds").glob("*.txt")))
    print(f"detector alone (MiB): {detector}", flush=True)
    runs: list[Run] = []
    for size in sorted(args.sizes):
        with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
            corpus = Path(tmp) / "input"
            corpus.mkdir()
            make_seed_corpus(corpus, size) if pages is None else make_real_corpus(corpus, size, pages)
            seconds, maxrss_kib, sampler = measure(corpus, Path(tmp) / "release", args.engine, args.workers)
        run = Run(size, seconds, sampler.peak_tree / 1024, max(maxrss_kib, sampler.peak_process) / 1024,
                  sampler.max_processes)
        runs.append(run)
        print(f"{size:>8} articles {seconds:8.1f} s {size / seconds:7.1f}/s  tree {run.peak_tree_mib:6.0f} MiB  "
              f"process {run.peak_process_mib:6.0f} MiB (ru_maxrss {maxrss_kib / 1024:.0f})  "
              f"{run.max_processes} processes", flush=True)
        write_results(title, section(title, source, runs, detector))  # each size as it ends: a long run may be cut
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
