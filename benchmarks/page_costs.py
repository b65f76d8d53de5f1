"""How the cleaner's time is spread over the pages: a fixed cost a page and a cost a line, or a few slow pages?

    python benchmarks/page_costs.py [--dev ../shared/eval/dev/raw] [--passes 3] [--rounds 4]

Cleans every dev page `--passes` times with `clean_page` and keeps each page's fastest time, its header reader's
time (`metadata.header_and_body`, as `clean_page` calls it) beside it. Prints the mean time a page, the
least-squares line through the pages' times against their lines (a fixed cost a page and a cost a line; the
header reader's and the rest's apart), the share of all the time the slowest pages take (and of the header
reader's, the pages where it is slowest), and the time of a page of six lines. A speed goal is met by cutting
the cost everywhere when no few pages hold the time, and by cutting the fixed cost when small pages are many.
Prints only; the machine's load moves every figure but the shares.
"""

from __future__ import annotations

import argparse
import contextlib
import pathlib
import statistics
import time
from collections.abc import Iterator

import numpy as np

import build_dataset.clean.page as page
from build_dataset.clean import clean_page
from build_dataset.clean.classify import Verdict
from build_dataset.clean.lines import Line, split_lines
from build_dataset.clean.metadata import Header, body_start

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
SHARES = (0.01, 0.05, 0.10, 0.25)
"""The slowest pages whose share of the time is printed, as shares of the pages."""
SMALL_PAGE = "\n".join([
    "Menu", "Home", "A headline about peace talks in Minsk", "By John Smith",
    "The talks resumed on Monday in Minsk, where delegations met for hours and agreed on little.", "Share"])
"""A page of six lines: what a page costs with next to no lines."""


def page_times(raws: list[str], passes: int) -> tuple[np.ndarray, np.ndarray]:
    """Each page's fastest `clean_page` time over `passes` passes, and its header reader's time in that pass
    (seconds)."""
    inner = page.header_and_body
    spent = [0.0]

    def clocked(*args: object, **kwargs: object) -> object:
        t0 = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    total = np.full(len(raws), np.inf)
    header = np.zeros(len(raws))
    page.header_and_body = clocked
    try:
        for _ in range(passes):
            for k, raw in enumerate(raws):
                spent[0] = 0.0
                t0 = time.perf_counter()
                clean_page(raw)
                took = time.perf_counter() - t0
                if took < total[k]:
                    total[k], header[k] = took, spent[0]
    finally:
        page.header_and_body = inner
    return total, header


@contextlib.contextmanager
def without_header() -> Iterator[None]:
    """`clean_page` without its header reader while inside: the body's start is found as `header_and_body`
    finds it first (`metadata.body_start`), and an empty Header is read above it, so no metadata line is
    removed and no field filled; everything else runs as it does."""
    inner = page.header_and_body

    def start_only(lines: list[Line], verdicts: list[Verdict], original: list[int], first: int, last: int,
                   stoplist: frozenset[str]) -> tuple[int, Header]:
        return body_start(lines, verdicts, original, first, last), Header()

    page.header_and_body = start_only
    try:
        yield
    finally:
        page.header_and_body = inner


def pages_per_second(raws: list[str]) -> float:
    """The best of two passes of `clean_page` over `raws`, in pages a second of process time: as `speed_ab.py`'s
    TIMING times a revision (that one is a script run in another checkout, so it cannot import this)."""
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        for raw in raws:
            clean_page(raw)
        best = min(best, time.process_time() - t0)
    return len(raws) / best


def with_and_without_header(raws: list[str], rounds: int) -> tuple[list[float], list[float]]:
    """Pages a second of the whole cleaner and of the cleaner without its header reader, in alternating rounds
    (the machine's load moves both alike)."""
    whole, rest = [], []
    for _ in range(rounds):
        whole.append(pages_per_second(raws))
        with without_header():
            rest.append(pages_per_second(raws))
    return whole, rest


def slowest_share(times: np.ndarray, share: float) -> float:
    """The share of all of `times` that its slowest `share` of entries hold."""
    ordered = np.sort(times)[::-1]
    return float(ordered[:max(1, int(len(times) * share))].sum() / times.sum())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=4, help="alternating rounds with and without the header reader")
    args = ap.parse_args()
    raws = [p.read_text(encoding="utf-8") for p in sorted(args.dev.glob("*.txt"))]
    if not raws:
        raise SystemExit(f"{args.dev}: no .txt pages; pass --dev with the dev pages' raw folder")
    for raw in raws[:50]:  # warm up: the model, the stoplists, the caches
        clean_page(raw)
    total, header = page_times(raws, args.passes)
    lines = np.array([len(split_lines(raw)) for raw in raws], dtype=float)
    per_line, fixed = np.polyfit(lines, total, 1)
    small = min(_timed(SMALL_PAGE) for _ in range(200))
    print(f"{len(raws)} pages, {lines.mean():.0f} lines a page: {total.mean() * 1000:.3f} ms a page "
          f"({len(raws) / total.sum():.0f} pages/s), the header reader {header.sum() / total.sum():.0%} of it")
    print(f"least squares: {fixed * 1000:.3f} ms a page + {per_line * 1e6:.1f} us a line")
    for name, part in (("the header reader", header), ("the rest", total - header)):
        slope, intercept = np.polyfit(lines, part, 1)
        print(f"  {name}: {intercept * 1000:.3f} ms a page + {slope * 1e6:.1f} us a line")
    print(f"a page of {len(split_lines(SMALL_PAGE))} lines: {small * 1000:.3f} ms")
    for share in SHARES:
        print(f"the slowest {share:.0%} of the pages: {slowest_share(total, share):.0%} of the time; "
              f"of the header reader's, {slowest_share(header, share):.0%}")
    if args.rounds > 0:
        whole, rest = with_and_without_header(raws, args.rounds)
        print(f"whole cleaner: {' '.join(f'{x:.0f}' for x in whole)} pages/s, median {statistics.median(whole):.0f}")
        print(f"without the header reader: {' '.join(f'{x:.0f}' for x in rest)} pages/s, median "
              f"{statistics.median(rest):.0f} ({statistics.median(rest) / statistics.median(whole):.2f}x): "
              "the rest of the cleaner alone")
    return 0


def _timed(raw: str) -> float:
    t0 = time.perf_counter()
    clean_page(raw)
    return time.perf_counter() - t0


if __name__ == "__main__":
    raise SystemExit(main())
