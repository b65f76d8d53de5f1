"""A huge page (up to the default --max-bytes of 20 MiB) costs time linear in its size and memory a small
multiple of it.

One 19 MB page once took 172 s and 2.9 GB: per-quote scans of the whole text and of every sentence end
and mention made quotes quadratic (and, on a page without sentence ends, per-quote reads back to the
sentence start), the Title Case check of entities copied the text up to each line, and
the MinHash of a long text held a num_perm x shingles matrix of 8-byte hashes. Timings are compared as
ratios within one run, never to a fixed number of seconds.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from datasketch import MinHash

from build_dataset.annotate import dedup
from build_dataset.annotate.dedup import minhash_signature, normalise
from build_dataset.annotate.entities import _in_headline, find_entities
from build_dataset.annotate.normalize import tokenize
from build_dataset.annotate.quotes import find_quotes
from build_dataset.assemble import process_document
from build_dataset.read import SourceFile, SourceText
from tests.timing import LINEAR_RATIO, seconds

SEEDS = Path(__file__).resolve().parents[1] / "seeds"





def _ratio(run, small: str, big: str) -> float:
    run(small)  # load models and catalogs outside the timing
    return seconds(lambda: run(big)) / seconds(lambda: run(small))


def _seed_dump(size: int) -> str:
    """The seed articles one after another until the text holds `size` characters, as a scrape of an
    archive page or a whole feed in one file looks."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    text = "\n".join(articles)
    return (text * (size // len(text) + 1))[:size]


def _quoted_paragraph(size: int) -> str:
    """One paragraph of attributed and follow-on quotes, with no line break: the worst case for a
    lookup that scans to the start of the paragraph."""
    unit = "“We are ready,” Putin said. He added: “Talks follow.” "
    return (unit * (size // len(unit) + 1))[:size]


def _quotes_in_one_sentence(size: int) -> str:
    """One sentence of quotes, with no sentence end and no line break: each quote without a speaker after
    it looks for one before it, back to the start of the sentence, which is the start of the page."""
    unit = "the man in the hat said ‘yes’ and “no” then "
    return (unit * (size // len(unit) + 1))[:size]


def _one_word_lines(size: int) -> str:
    """As many lines as can be, each checked for whether it reads as a heading; Cyrillic, whose
    characters take two bytes, doubles the cost of any copy of the text."""
    return "Я\n" * (size // 2)


@pytest.mark.parametrize("make", [_quoted_paragraph, _seed_dump])
def test_quotes_grow_linearly(make) -> None:
    small, big = make(40_000), make(160_000)
    entities = {t: find_entities(t, "en") for t in (small, big)}
    ratio = _ratio(lambda t: find_quotes(t, entities[t]), small, big)
    assert ratio < LINEAR_RATIO, f"4x the text took {ratio:.1f}x as long: quotes are no longer linear"


def test_quotes_grow_linearly_in_a_sentence_without_end() -> None:
    # small sizes: reading back to the sentence start for every quote took 15 s for 20k characters
    small, big = _quotes_in_one_sentence(5_000), _quotes_in_one_sentence(20_000)
    entities = {t: find_entities(t, "en") for t in (small, big)}
    ratio = _ratio(lambda t: find_quotes(t, entities[t]), small, big)
    assert ratio < LINEAR_RATIO, f"4x the sentence took {ratio:.1f}x as long: quotes are no longer linear"


def test_the_heading_check_grows_linearly_over_many_lines() -> None:
    # timed alone: a copy of the text per line is fast per byte, so through find_entities the quadratic
    # term hides behind tokenizing at sizes a test can afford
    small, big = _one_word_lines(150_000), _one_word_lines(600_000)
    tokens = {t: tokenize(t, "uk") for t in (small, big)}
    ratio = _ratio(lambda t: _in_headline(t, tokens[t]), small, big)
    assert ratio < LINEAR_RATIO, f"4x the lines took {ratio:.1f}x as long: the heading check is no longer linear"


def test_the_dedup_signature_of_a_long_text_needs_little_memory() -> None:
    text = normalise(_seed_dump(400_000))
    tracemalloc.start()
    try:
        minhash_signature(text, 128)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the word list and one batch of hashes; a matrix of 128 8-byte hashes per word would be ~200x
    assert peak < 40 * len(text), f"{peak / len(text):.0f} bytes per character"


def test_batched_signature_equals_one_batch() -> None:
    text = normalise(_seed_dump(300_000))
    words = text.split(" ")
    whole = MinHash(num_perm=128, seed=1)
    whole.update_batch([" ".join(words[i:i + 5]).encode("utf-8") for i in range(len(words) - 4)])
    assert len(words) > dedup.SHINGLE_BATCH  # several batches
    assert (minhash_signature(text, 128) == whole.hashvalues).all()


def _document(tmp_path: Path, text: str, name: str) -> tuple[SourceFile, SourceText]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    source = SourceFile(path=path, relative=name, sha256="0" * 64)
    return source, SourceText(text=text, encoding="utf-8")


def test_process_document_grows_linearly(tmp_path: Path) -> None:
    small = _document(tmp_path, _seed_dump(50_000), "small.txt")
    big = _document(tmp_path, _seed_dump(200_000), "big.txt")
    process_document(*small, None)  # load the models outside the timing
    ratio = seconds(lambda: process_document(*big, None)) / seconds(lambda: process_document(*small, None))
    assert ratio < LINEAR_RATIO, f"4x the page took {ratio:.1f}x as long: the per-page path is no longer linear"
