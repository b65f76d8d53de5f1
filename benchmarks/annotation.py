"""Annotation benchmark: P/R/F1 of entity mentions, links and quote speakers on the seed gold, and speed.

Run before a change that could move the numbers:

    /work/venv/bin/python benchmarks/annotation.py

Quality is measured on tests/data/annotations_gold.json (hand-annotated, over the gold clean text of the
five seeds). Speed is annotate_article on one core over seed-like articles (the five seeds, many passes,
after one warm-up pass that fills the lemma caches, as a long run does); the cold first pass and lingua
language detection, which is not part of annotate_article, are reported separately.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

from build_dataset.annotate import annotate_article, normalize
from build_dataset.annotate.dedup import find_duplicates
from build_dataset.annotate.language import detect_language
from build_dataset.annotate.scoring import (
    link_score,
    mention_score,
    quote_span_score,
    speaker_score,
    total,
)
from build_dataset.schema import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.json"
ANNOTATIONS_GOLD = ROOT / "tests" / "data" / "annotations_gold.json"
SPEED_ARTICLES = 2000


def seed_articles() -> list[Article]:
    """The five seeds as the annotator receives them: gold clean text, title, language."""
    seeds = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    return [Article(id=key, source_file=seed["file"], source_sha256="", url=None, outlet=None,
                    outlet_info=None, retrieved=None, license_note=None, title=seed["title"],
                    description=seed.get("description"),
                    section=seed.get("section"), language=seed["language"], text="\n\n".join(seed["body"]))
            for key, seed in sorted(seeds.items())]


RESULTS = ROOT / "benchmarks" / "results" / "annotation.md"
REPORT: list[str] = []  # the same figures as markdown, for the dataset card


def score_table(title: str, pairs: list[tuple[Article, dict]]) -> None:
    """Print P/R/F1 of mentions, links, quote spans and quote speakers over (annotated, gold) pairs."""
    rows: dict[str, list] = {"mentions (span)": [], "mentions (span+type)": [], "links": [],
                             "quote spans": [], "quote speakers": []}
    for article, want in pairs:
        rows["mentions (span)"].append(mention_score(article.entities, want["entities"]))
        rows["mentions (span+type)"].append(mention_score(article.entities, want["entities"], typed=True))
        rows["links"].append(link_score(article.entities, want["entities"]))
        rows["quote spans"].append(quote_span_score(article.quotes, want["quotes"]))
        rows["quote speakers"].append(speaker_score(article.quotes, want["quotes"]))
    print(title)
    print(f"{'measure':<22}{'P':>7}{'R':>7}{'F1':>7}{'correct':>9}{'pred':>6}{'gold':>6}")
    REPORT.extend([f"{title[0].upper()}{title[1:]}:", "",
                   "| measure | precision | recall | F1 | correct | predicted | gold |",
                   "|---|---|---|---|---|---|---|"])
    for name, scores in rows.items():
        s = total(scores)
        print(f"{name:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.correct:>9}{s.predicted:>6}"
              f"{s.gold:>6}")
        REPORT.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.correct} | {s.predicted} "
                      f"| {s.gold} |")
    print()
    REPORT.append("")


def heldout_articles(heldout: dict[str, dict]) -> list[Article]:
    """The held-out texts of the gold file as articles."""
    return [Article(id=key, source_file=key, source_sha256="", url=None, outlet=None, outlet_info=None,
                    retrieved=None, license_note=None, title=None, description=None, section=None,
                    language=item["language"],
                    text=item["text"]) for key, item in sorted(heldout.items())]


def main() -> None:
    data = json.loads(ANNOTATIONS_GOLD.read_text(encoding="utf-8"))
    gold = data["articles"]
    articles = seed_articles()
    started = time.process_time()
    annotated = [annotate_article(a) for a in articles]
    cold = time.process_time() - started
    score_table("seed gold (the gold clean text of the 5 seeds, not the released text; the catalog was built from "
                "them, so this measures matching, not coverage)",
                [(a, gold[a.id]) for a in annotated])
    heldout = data.get("heldout", {})
    if heldout:
        score_table(f"held-out gold ({len(heldout)} short texts, en/uk/ru/be, written after the catalog; "
                    "fixes followed its first run)",
                    [(annotate_article(a), heldout[a.id]) for a in heldout_articles(heldout)])
    for key, title in (("heldout2", "second held-out gold ({n} short texts; fixes followed its first run, "
                                    "see _about_heldout2)"),
                       ("heldout3", "third held-out gold ({n} short texts; fixes followed its first run, "
                                    "see _about_heldout3)")):
        extra = data.get(key, {})
        if extra:
            score_table(title.format(n=len(extra)),
                        [(annotate_article(a), extra[a.id]) for a in heldout_articles(extra)])
    # CPU time of this process: the machine is shared, and the figure is meant per core.
    started = time.process_time()
    for i in range(SPEED_ARTICLES):
        annotate_article(articles[i % len(articles)])
    warm = time.process_time() - started
    started = time.process_time()
    for i in range(50):
        detect_language(articles[i % len(articles)].text)
    lingua = time.process_time() - started
    words = sum(a.word_count or len(a.text.split()) for a in articles) / len(articles)
    print(f"annotate_article, one core (CPU time), warm caches: {SPEED_ARTICLES / warm:,.0f} articles/s "
          f"({SPEED_ARTICLES} seed-like articles, {words:.0f} words each on average)")
    print(f"annotate_article, cold first pass (catalog, pymorphy3 loads): {len(articles) / cold:,.1f} articles/s")
    fresh = fresh_vocabulary_speed(articles)
    print(f"annotate_article, one core (CPU time), word caches emptied before every article (new "
          f"vocabulary each time, a pessimistic bound): {fresh:,.0f} articles/s")
    print(f"lingua detect_language (not part of annotate_article): {50 / lingua:,.0f} articles/s")
    dedup = dedup_speed(articles)
    print(dedup)
    REPORT.extend([
        "Speed on one core (CPU time; the machine is shared, so compare ratios measured in one run):", "",
        f"- annotate_article, warm caches: {SPEED_ARTICLES / warm:,.0f} articles/s ({words:.0f} words each)",
        f"- annotate_article, new vocabulary every article (pessimistic): {fresh:,.0f} articles/s",
        f"- lingua language detection: {50 / lingua:,.0f} articles/s",
        f"- {dedup}",
    ])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("Measured with `python benchmarks/annotation.py`.\n\n" + "\n".join(REPORT) + "\n",
                       encoding="utf-8")


def fresh_vocabulary_speed(articles: list[Article], count: int = 100) -> float:
    """Articles/s when no word was seen before: every pymorphy3 lookup is paid again."""
    caches = (normalize.token_key, normalize._word_and_key, normalize._lemma, normalize._be_stem,
              normalize.name_tags)
    elapsed = 0.0
    for i in range(count):
        for cache in caches:
            cache.cache_clear()
        started = time.process_time()
        annotate_article(articles[i % len(articles)])
        elapsed += time.process_time() - started
    return count / elapsed


def dedup_speed(articles: list[Article], count: int = 3000) -> str:
    """find_duplicates over seed-like texts (each seed with every 7th word changed per copy)."""
    def items() -> Iterator[tuple[str, str]]:
        for i in range(count):
            words = articles[i % len(articles)].text.split()
            words[i % 7::7] = [f"w{i}"] * len(words[i % 7::7])
            yield f"{i:07d}", " ".join(words)
    started = time.process_time()
    find_duplicates(items())
    elapsed = time.process_time() - started
    return f"find_duplicates, one core (CPU time): {count / elapsed:,.0f} articles/s ({count} seed-like texts)"


if __name__ == "__main__":
    main()
