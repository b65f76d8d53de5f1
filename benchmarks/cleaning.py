"""Benchmark the cleaner: dev snippet P/R/F1 (with and without corpus evidence), seed gold, speed, memory.

The shipped line model was trained on the dev pages, so their score here is optimistic; the estimate
for sites the model never saw comes from `scripts/train_cleaner.py` (benchmarks/results/line_model.md).

    python benchmarks/cleaning.py [--dev ../shared/eval/dev] [--show 0]

The dev pages are cleaned into a temporary folder of .txt files that `score_snippets.py` (next to the
dev folder) scores. Corpus evidence groups the dev pages by the domain of their snippets.json URL,
which mirrors how the pipeline groups pages by the manifest's outlet. Speed is measured on one core
(process time) over all dev pages, the fastest of SPEED_PASSES passes; memory is the process's peak resident
set size and the largest Python allocation peak while cleaning the biggest page. The cleaner's share of
the whole per-article work (`engines.process_task`: read, clean, annotate, sign for duplicates) is
measured in the same run, on the same pages, so a maintainer sees what a faster cleaner would buy the
build, and each stage's share of the cleaner's time (`stage_shares`) shows where a faster cleaner must
save it.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import urlparse

from build_dataset.clean import clean_page, count_keys, furniture_keys
from build_dataset.cli import speedups_state

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev"
SEED_GOLD = REPO / "tests" / "data" / "seeds_gold.json"
SEED_DIRS = (REPO / "seeds", REPO.parent / "shared" / "seeds")
RESULTS = REPO / "benchmarks" / "results" / "cleaning.md"
SCORES: dict[str, str] = {}  # label -> score_snippets.py's table, for the results file
SPEED_PASSES = 3
"""The dev pages are cleaned this many times and the fastest pass gives the speed, as `timeit` and
`speed_ab.py` take theirs: on a shared machine a pass only runs slower than the code does, never faster, so
the fastest pass is the least disturbed measure of the code (one pass read anywhere from 244 to 305 pages/s
in runs minutes apart). Every pass is printed beside it."""


def _score(folder: pathlib.Path, dev: pathlib.Path, show: int) -> str:
    scorer = dev.parent / "score_snippets.py"
    cmd = [sys.executable, str(scorer), str(folder), "--dev", str(dev), "--show", str(show)]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _outlet_furniture(names: list[str], raws: dict[str, str], urls: dict[str, str]) -> dict[str, frozenset[str]]:
    """Furniture keys per page from the pages sharing its URL's domain (the benchmark's outlets)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[urlparse(urls.get(name, "")).netloc or name].append(name)
    out: dict[str, frozenset[str]] = {}
    for members in groups.values():
        counts, n = count_keys(raws[m] for m in members)
        keys = furniture_keys(counts, n)
        for m in members:
            out[m] = keys
    return out


def dev_benchmark(dev: pathlib.Path, show: int) -> list[tuple[str, str]]:
    """Scores and speed on the dev pages, as printable rows."""
    snippets = json.loads((dev / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(snippets)
    raws = {n: (dev / "raw" / n).read_text(encoding="utf-8") for n in names}
    rows: list[tuple[str, str]] = []
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clean_page("warm up the stoplists and regexes.\n")
    passes = []
    for _ in range(SPEED_PASSES):
        t0 = time.process_time()
        cleaned = {n: clean_page(raws[n]).text for n in names}
        passes.append(time.process_time() - t0)
    elapsed = min(passes)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    furniture = _outlet_furniture(names, raws, {n: snippets[n].get("url", "") for n in names})
    with_corpus = {n: clean_page(raws[n], furniture=furniture[n]).text for n in names}
    with tempfile.TemporaryDirectory() as tmp:
        for label, texts in (("without corpus evidence", cleaned), ("with corpus evidence", with_corpus)):
            folder = pathlib.Path(tmp) / label.replace(" ", "_")
            folder.mkdir()
            for n, t in texts.items():
                (folder / n).write_text(t, encoding="utf-8")
            print(f"## dev snippets, {label} ({sum(1 for k in furniture.values() if k)} pages have "
                  "outlet furniture)" if "with " in label else f"## dev snippets, {label}")
            table = _score(folder, dev, show)
            SCORES[label] = table
            print(table)
    biggest = max(names, key=lambda n: len(raws[n]))
    tracemalloc.start()
    clean_page(raws[biggest])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mb = sum(len(r.encode()) for r in raws.values()) / 1e6
    rows.append(("dev pages cleaned", f"{len(names)} ({mb:.1f} MB), 0 exceptions"))
    each = ", ".join(f"{len(names) / t:.0f}" for t in passes)
    rows.append(("speed, one core", f"{len(names) / elapsed:.0f} pages/s ({mb / elapsed:.1f} MB/s), the best of "
                                    f"{SPEED_PASSES} passes ({each}); cleaner code: {speedups_state()}"))
    rows.append(("peak RSS of the process", f"{max(rss_before, rss_after) / 1024:.0f} MB"))
    whole = per_article_seconds(dev / "raw", names)
    rows.append(("per-article work (read, clean, annotate, sign)",
                 f"{len(names) / whole:.0f} pages/s; the cleaner is {elapsed / whole:.0%} of it"))
    rows.append((f"peak allocation, biggest page ({len(raws[biggest]) // 1000} kB)", f"{peak / 1e6:.1f} MB"))
    rows.append(("where the cleaner's time goes (timed by stage)", stage_shares([raws[n] for n in names])))
    return rows


STAGES = {
    "split": ("split_lines",),
    "stoplist": ("language_words", "stoplist_for_words", "add_stop_density"),
    "classify": ("classify", "comments_start"),
    "features": ("lexicon", "line_features"),
    "markup": ("_mark_markup", "_mark_letterless_outside", "_mark_comment_thread"),
    "model": ("_apply_model",),
    "header": ("header_and_body", "_apply_header"),
    "partition": ("_drop_repeats", "partition_lines", "join_segments"),
    "repair": ("repair", "_field"),
}
"""The stages of `clean_page`, by the functions `build_dataset/clean/page.py` calls for each, as names of that
module (each one runs the C code where the extension was built): none of them calls another, so their times
add up, and what is left ("other") is `clean_page`'s own work between them."""


def stage_shares(raws: list[str]) -> str:
    """Each stage's share of `clean_page`'s process time over the pages, in one more pass: for it the functions
    of STAGES are wrapped in `page`'s namespace, where `clean_page` looks them up, with the clock read before
    and after each call. That is about twenty calls a page, so the shares are those of the code as it runs;
    under cProfile, which charges every Python call, the header's hundreds of small rules looked half of the
    cleaner (45 to 49%) where they take about a third."""
    from build_dataset.clean import page

    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, function: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            t0 = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - t0
        return call

    originals = {name: getattr(page, name) for names in STAGES.values() for name in names}
    for stage, names in STAGES.items():
        for name in names:
            setattr(page, name, timed(stage, originals[name]))
    try:
        t0 = time.process_time()
        for raw in raws:
            clean_page(raw)
        total = time.process_time() - t0
    finally:
        for name, function in originals.items():
            setattr(page, name, function)
    shares = {stage: spent[stage] / total for stage in STAGES} | {"other": 1 - sum(spent.values()) / total}
    return ", ".join(f"{stage} {share:.0%}" for stage, share in sorted(shares.items(), key=lambda x: -x[1]))


def per_article_seconds(raw_dir: pathlib.Path, names: list[str]) -> float:
    """Process time of the build's whole per-article step over the pages, after one warm-up page (the
    language detector and the entity catalog load on first use). Imported here, after the cleaner's
    memory was measured, so that figure is the cleaner's alone."""
    from build_dataset.engines import Task, process_task
    from build_dataset.errors import InputError
    from build_dataset.read import scan

    sources = [s for s in scan(raw_dir, [raw_dir / n for n in names]) if not isinstance(s, InputError)]
    process_task(Task(sources[0], None), {})
    t0 = time.process_time()
    for source in sources:
        process_task(Task(source, None), {})
    return time.process_time() - t0


def _norm(s: str) -> str:
    return " ".join(s.split())


def seed_benchmark() -> list[tuple[str, str]]:
    """Share of seed gold body lines kept, furniture lines removed and metadata fields right."""
    seed_dir = next((d for d in SEED_DIRS if d.is_dir()), None)
    if seed_dir is None or not SEED_GOLD.is_file():
        return [("seed gold", "skipped: seeds or gold file not found")]
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    body = body_ok = gone = gone_ok = fields = fields_ok = 0
    for g in gold.values():
        page = clean_page((seed_dir / g["file"]).read_text(encoding="utf-8"))
        text = _norm(page.text)
        lines = {_norm(x) for x in page.text.split("\n")}
        for line in g["body"]:
            body += 1
            body_ok += _norm(line) in text
        for r in g["removed"]:
            gone += 1
            gone_ok += _norm(r["text"]) not in lines
        got = {"title": page.title, "description": page.description, "authors": page.authors,
               "section": page.section,
               "published": page.published.isoformat() if page.published else None}
        for k, v in got.items():
            fields += 1
            fields_ok += v == g[k]
    return [
        ("seed gold: body lines kept", f"{body_ok}/{body}"),
        ("seed gold: furniture lines removed", f"{gone_ok}/{gone}"),
        ("seed gold: metadata fields right", f"{fields_ok}/{fields}"),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV, help="dev folder (raw/, snippets.json)")
    ap.add_argument("--show", type=int, default=0, help="list the N dev pages with the most errors")
    args = ap.parse_args()
    rows = seed_benchmark()
    if (args.dev / "snippets.json").is_file():
        rows += dev_benchmark(args.dev, args.show)
    else:
        print(f"dev set not found at {args.dev}: skipping the dev scores and speed")
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    write_results(rows)
    return 0


def write_results(rows: list[tuple[str, str]]) -> None:
    """The figures as markdown for the dataset card's "Collection and Processing" section."""
    lines = ["Measured with `python benchmarks/cleaning.py` (speed on one core, CPU time; the machine is shared, "
             "so compare ratios measured in one run).", ""]
    for label, table in SCORES.items():
        score_rows = [line.split() for line in table.splitlines()[1:3]]
        lines += [f"Dev pages (the line model's training pages), {label}:", "",
                  "| | precision | recall | F1 |", "|---|---|---|---|"]
        lines += [f"| {' '.join(r[:-3])} | {r[-3]} | {r[-2]} | {r[-1]} |" for r in score_rows]
        lines.append("")
    lines += ["| measure | value |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
