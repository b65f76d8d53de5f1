"""The cleaner against the hand-made gold of the five seed articles (tests/data/seeds_gold.json).

Every gold body line is kept in the text, every removed line is absent from it as a line, and the
header metadata is exactly right. "ambiguous" lines may go either way.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from build_dataset.clean import clean_page

DATA = pathlib.Path(__file__).parent / "data"
GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
SEED_DIRS = (DATA.parent.parent / "seeds", DATA.parents[2] / "shared" / "seeds")
SEED_DIR = next((d for d in SEED_DIRS if d.is_dir()), None)

pytestmark = pytest.mark.skipif(SEED_DIR is None, reason="seed texts not found")


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module", params=sorted(GOLD), ids=lambda k: k[:3])
def seed(request: pytest.FixtureRequest) -> tuple[dict, str, object]:
    gold = GOLD[request.param]
    raw = (SEED_DIR / gold["file"]).read_text(encoding="utf-8")
    return gold, raw, clean_page(raw)


def test_body_lines_are_kept(seed) -> None:
    gold, _, page = seed
    text = _norm(page.text)
    missing = [line for line in gold["body"] if _norm(line) not in text]
    assert not missing


def test_removed_lines_are_gone(seed) -> None:
    gold, _, page = seed
    kept_lines = {_norm(line) for line in page.text.split("\n")}
    ambiguous = {_norm(a) for a in gold["ambiguous"]}
    left = [r for r in gold["removed"] if _norm(r["text"]) in kept_lines and _norm(r["text"]) not in ambiguous]
    assert not left


def test_removed_lines_have_spans_with_a_reason(seed) -> None:
    gold, raw, page = seed
    lines = raw.split("\n")
    offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    for r in gold["removed"]:
        start = offsets[r["line"] - 1] + lines[r["line"] - 1].index(r["text"][:20].strip())
        assert any(s.start <= start < s.end and s.reason != "whitespace" for s in page.removed), r


def test_removed_lines_carry_the_gold_reason(seed) -> None:
    gold, raw, page = seed
    lines = raw.split("\n")
    offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    for r in gold["removed"]:
        start = offsets[r["line"] - 1]
        end = start + len(lines[r["line"] - 1])
        reasons = {s.reason for s in page.removed if s.start < end and s.end > start}
        assert r["reason"] in reasons, (r, reasons)


@pytest.mark.parametrize("field", ["title", "description", "authors", "section"])
def test_metadata(seed, field: str) -> None:
    gold, _, page = seed
    assert getattr(page, field) == gold[field]


def test_published(seed) -> None:
    gold, _, page = seed
    assert (page.published.isoformat() if page.published else None) == gold["published"]


def test_header_reasons() -> None:
    """The header of seed 004: title, standfirst, byline and datelines named as such."""
    gold = GOLD["004_fef684c0eb460aad"]
    raw = (SEED_DIR / gold["file"]).read_text(encoding="utf-8")
    page = clean_page(raw)
    reasons = {raw[s.start:s.end].strip().split("\n")[0]: s.reason for s in page.removed}
    assert reasons["Hadeel Hashem"] == "byline"
    assert reasons["Updated On"] == "dateline"
    assert reasons[gold["title"]] == "title"
    assert reasons[gold["description"]] == "standfirst"
