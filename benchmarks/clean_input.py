"""Benchmark the cleaner on input that is already clean: how many article paragraphs does it drop?

    python benchmarks/clean_input.py [--pages 200] [--seed 7]

The cleaner is built for page dumps full of furniture, and a line model fitted on dumps alone learns that a page's last
lines are its footer. A user may also feed it text a scraper already cleaned. This script makes pages
with no furniture at all out of the seed gold's body paragraphs (tests/data/seeds_gold.json: English
and Ukrainian article text the cleaner must keep): each page is one seed's headline and a random run of
its paragraphs, with short lines a body may hold between some of them ("Yes", "Q:", "Table 1": an
interview's or a table's cells), drawn with a fixed seed. Every paragraph of such a page is body, so
each one the cleaner drops is lost text (a paragraph counts as kept when the body holds it after the
cleaner's character repairs, whitespace folded). It prints how many were dropped, by where the paragraph stood
(last on the page or not), and the same pages again with a footer line below, as real dumps end; the
table goes to benchmarks/results/clean_input.md.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random

from build_dataset.clean import clean_page
from build_dataset.clean.repair import repair

REPO = pathlib.Path(__file__).resolve().parents[1]
SEED_GOLD = REPO / "tests" / "data" / "seeds_gold.json"
RESULTS = REPO / "benchmarks" / "results" / "clean_input.md"
SHORT_LINES = ("Yes", "No", "Q:", "A:", "Step 2", "Table 1", "2021", "***", "Editor's note", "Update")
"""Short lines an article's body may hold between paragraphs: cells, an interview's labels, a rule."""
FOOTER = "© 2024 Example Media. All rights reserved."
MIN_PARAGRAPH_CHARS = 80
"""Body lines this long are paragraphs (shorter gold body lines are subheadings or list items)."""


def make_pages(gold: dict, n: int, seed: int) -> list[tuple[str, list[str]]]:
    """`n` furniture-free pages as (headline, blocks) with the paragraphs among the blocks."""
    rng = random.Random(seed)
    articles = [(g["title"] or "Untitled", [b for b in g["body"] if len(b) >= MIN_PARAGRAPH_CHARS])
                for g in gold.values()]
    articles = [(t, body) for t, body in articles if len(body) >= 2]
    pages = []
    for _ in range(n):
        title, body = rng.choice(articles)
        start = rng.randrange(len(body) - 1)
        run = body[start:start + rng.randint(2, 6)]
        blocks: list[str] = []
        for paragraph in run:
            if blocks and rng.random() < 0.4:
                blocks += rng.sample(SHORT_LINES, rng.randint(1, 2))
            blocks.append(paragraph)
        pages.append((title, blocks))
    return pages


def _fold(text: str) -> str:
    """Whitespace folded: the body keeps a paragraph's words, not its line breaks."""
    return " ".join(text.split())


def dropped(pages: list[tuple[str, list[str]]], footer: bool) -> tuple[int, int, int, int]:
    """Paragraphs dropped and kept in all, and of those that end their page's body."""
    lost = total = lost_last = total_last = 0
    for title, blocks in pages:
        raw = "\n\n".join([title, *blocks, *([FOOTER] if footer else [])]) + "\n"
        text = _fold(clean_page(raw).text)
        paragraphs = [b for b in blocks if b not in SHORT_LINES]
        for i, paragraph in enumerate(paragraphs):
            gone = _fold(repair(paragraph)[0]) not in text
            lost += gone
            total += 1
            if i == len(paragraphs) - 1:
                lost_last += gone
                total_last += 1
    return lost, total, lost_last, total_last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    pages = make_pages(gold, args.pages, args.seed)
    print(f"{args.pages} furniture-free pages from the seed gold's paragraphs (seed {args.seed})")
    print(f"{'':24s}{'dropped':>10s}{'last on page':>16s}{'elsewhere':>12s}")
    rows = []
    for label, footer in (("no footer", False), ("with a footer line", True)):
        lost, total, lost_last, total_last = dropped(pages, footer)
        cells = (f"{lost}/{total}", f"{lost_last}/{total_last}", f"{lost - lost_last}/{total - total_last}")
        print(f"{label:24s}{cells[0]:>10s}{cells[1]:>16s}{cells[2]:>12s}")
        rows.append(f"| {label} | {' | '.join(cells)} |")
    RESULTS.write_text(
        f"Measured with `python benchmarks/clean_input.py --pages {args.pages} --seed {args.seed}`: pages with no "
        "furniture made of the seed gold's body paragraphs (English and Ukrainian), short lines such as \"Yes\" "
        "or \"Q:\" between some of them. Every paragraph is body: a dropped one is lost text.\n\n"
        "| page ends | paragraphs dropped | last on their page | elsewhere |\n|---|---|---|---|\n"
        + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
