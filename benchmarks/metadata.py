"""Benchmark the header metadata (`title`, `section`, `authors`) on hand-labelled dev pages.

    python benchmarks/metadata.py [RELEASE] [--baseline RELEASE --baseline-label NAME] [--dev ../shared/eval/dev/raw]

RELEASE is a release folder built from the dev pages; without it, one is built from the dev pages into
a temporary folder with this checkout's code. `--baseline` measures a second release (a build of an
older commit) beside it. The labels (benchmarks/metadata_labels.json) are random samples of the values
a build of main gave (at 602f0be; for titles also a second sample at ce589e8), each read against its
raw page and marked right or wrong (and, for sections, "a rubric of the site but not evidently the
article's"). For each field it prints:

- coverage: the share of all dev pages with a value;
- precision: the share of the sampled pages still having a value whose value is right (a value the
  labels do not know counts as unlabelled, not as right);
- the same precision on each half of the sample, split by site: the fixes were developed on "dev" only;
- lost (title): of the sampled pages whose labelled title is right, how many no longer have a right
  one (null or another value), overall and per half: what refusing wrong titles cost.

The line model's vocabulary, which the authors rule reads, was learned on the dev pages, so the
authors figures may be optimistic for other sites. The results go to benchmarks/results/metadata.md.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
LABELS = REPO / "benchmarks" / "metadata_labels.json"
RESULTS = REPO / "benchmarks" / "results" / "metadata.md"
FIELDS = ("section", "authors", "title")
HALVES = ("dev", "held_out")


def build(dev: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    """A release of the dev pages built with this checkout's code (run from the repo for dataset.yaml)."""
    cmd = [sys.executable, "-c", "from build_dataset.cli import app; app()", "build", "--input", str(dev),
           "--output", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build of {dev} failed: {done.stderr.strip()}")
    return out


def read_release(release: pathlib.Path) -> dict[str, dict]:
    """Raw file name -> the row's metadata, from the default config's Parquet files."""
    rows: dict[str, dict] = {}
    for f in sorted((release / "data").rglob("*.parquet")):
        table = pq.read_table(f, columns=["source_file", *FIELDS]).to_pylist()
        for row in table:
            rows[pathlib.PurePath(row["source_file"]).name] = row
    return rows


def _right(value, item: dict, also: dict[str, dict], accept: set[str]) -> bool | None:
    """Whether a page's value is right: the labelled value, or one of the extra labels; None if unknown."""
    if value == item["value"]:
        return item["label"] in accept
    extra = also.get(item["file"])
    if extra is not None and extra["value"] == value:
        return extra["label"] in accept
    return None


def measure(rows: dict[str, dict], labels: dict) -> dict[str, dict]:
    """Coverage and precision (overall, per half, and lenient for sections) of each field."""
    out: dict[str, dict] = {}
    for field in FIELDS:
        items = labels["fields"][field]
        also = {x["file"]: x for x in labels["also"].get(field, [])}
        figures = {"coverage": (sum(1 for r in rows.values() if r[field]), len(rows))}
        for name, accept in (("precision", {"R"}), ("lenient", {"R", "M"})):
            if name == "lenient" and field != "section":
                continue
            for half in (None, *HALVES):
                chosen = [x for x in items if half is None or x["half"] == half]
                verdicts = [_right(rows[x["file"]][field] or None, x, also, accept)
                            for x in chosen if rows[x["file"]][field]]
                known = [v for v in verdicts if v is not None]
                key = name if half is None else f"{name} {half}"
                figures[key] = (sum(known), len(known))
                figures.setdefault("unlabelled", len(verdicts) - len(known))
        if field == "title":
            for half in (None, *HALVES):
                right = [x for x in items if x["label"] == "R" and (half is None or x["half"] == half)]
                lost = sum(1 for x in right if not _right(rows[x["file"]][field] or None, x, also, {"R"}))
                figures["lost" if half is None else f"lost {half}"] = (lost, len(right))
        out[field] = figures
    return out


def _share(pair: tuple[int, int]) -> str:
    right, n = pair
    return f"{right / n:.0%} ({right}/{n})" if n else "n/a"


def table(current: dict[str, dict], baseline: dict[str, dict] | None, baseline_label: str) -> str:
    """The figures as a Markdown table, the baseline's beside the current ones when given."""
    head = "| field | measure | this build |" + (f" {baseline_label} |" if baseline else "")
    lines = [head, "|---|---|---|" + ("---|" if baseline else "")]
    for field in FIELDS:
        for key in current[field]:
            if key == "unlabelled":
                continue
            cells = [_share(current[field][key])] + ([_share(baseline[field][key])] if baseline else [])
            lines.append(f"| {field} | {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", nargs="?", type=pathlib.Path)
    parser.add_argument("--baseline", type=pathlib.Path)
    parser.add_argument("--baseline-label", default="baseline", help="the baseline column's heading")
    parser.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        release = args.release or build(args.dev, pathlib.Path(tmp) / "release")
        current = measure(read_release(release), labels)
    baseline = measure(read_release(args.baseline), labels) if args.baseline else None
    sizes = ", ".join(f"{len(labels['fields'][f])} {f}" for f in FIELDS)
    text = (
        f"Measured with `python benchmarks/metadata.py` on the {sum(1 for _ in args.dev.glob('*.txt'))} dev pages, "
        f"against hand labels of random samples of the values builds of main gave ({sizes}: a build at 602f0be, "
        "and for titles 100 more from a build at ce589e8; benchmarks/metadata_labels.json). Coverage: pages "
        "with a value. Precision: of the sampled pages still having a value, the share whose value is right; "
        "\"dev\" and \"held_out\" split the sample by site (the rules were developed on \"dev\" only). Lenient "
        "(section): a rubric of the site counts even when it is not evidently the article's. Lost (title): of the "
        "sampled pages whose labelled title is right, those left with no right title. The authors rule reads the "
        "line model's vocabulary, learned on these pages.\n\n"
        + table(current, baseline, args.baseline_label) + "\n"
    )
    unlabelled = {f: current[f]["unlabelled"] for f in FIELDS if current[f]["unlabelled"]}
    if unlabelled:
        text += f"\nValues on sampled pages that no label covers (left out of precision): {unlabelled}\n"
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
