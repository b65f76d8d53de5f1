"""Property tests: whatever the input, the kept body and the removed spans partition the raw text."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_dataset.clean import clean_page
from build_dataset.clean.repair import repair
from build_dataset.clean.spans import complement, join_segments
from build_dataset.schema import REMOVAL_REASONS, REPAIRS
from tests.test_clean_symbols import A_LA_CARTE_HEAD

_LINE = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=string.ascii_letters + " .,", min_size=60, max_size=400),
    st.sampled_from([
        "", " ", "\t", "\u00a0", "\u200b", "• Home", "Share", "Leave a Reply", "© 2024 All rights reserved",
        "Photo: Reuters", "Мирні ініціативи Трампа тонуть у хаосі.", "北京时间今天上午，会议在北京召开。",
        "مرحبا بالعالم، هذا نص عربي.", "\x00\x01\x1b[31m", "Ã©tÃ© trÃ¨s chaud", "e\u0301te",
        "The quick brown fox jumps over the lazy dog, and then it runs back to the forest again.",
    ]),
)
_PAGE = st.lists(_LINE, max_size=40).map("\n".join)


def assert_partition(raw: str) -> None:
    page = clean_page(raw)
    spans = page.removed
    pos = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(raw), span
        assert span.start >= pos, "spans overlap or are unsorted"
        assert span.reason in REMOVAL_REASONS, span
        assert span.reason != "whitespace" or not raw[span.start:span.end].strip(), "a whitespace span holds text"
        pos = span.end
    kept = complement(len(raw), spans)
    for a, z in kept:
        assert raw[a:z].strip() == raw[a:z], "kept segments are stripped lines"
        assert "\n" not in raw[a:z]
    text, repairs = repair(join_segments(raw, kept))
    assert text == page.text
    assert repairs == page.repairs and set(repairs) <= set(REPAIRS)
    assert "\n\n\n" not in page.text and page.text == page.text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
@example("")
@example("\n\n\n")
@example("   \t  \n \u00a0 ")
@example("x" * 200_000)
@example(("word " * 50_000).strip())
@example("\x00\x07\x1f\x7f" * 100)
@example("Title\n\nTitle\n\n" + "A sentence that is long enough to be kept as the body of an article. " * 5)
@example(A_LA_CARTE_HEAD)
def test_partition_holds(raw: str) -> None:
    assert_partition(raw)


@given(st.text(max_size=3000))
@settings(max_examples=100, deadline=None)
def test_partition_holds_on_any_text(raw: str) -> None:
    assert_partition(raw)


def test_partition_holds_on_a_10_mb_page() -> None:
    paragraph = ("The council met on Tuesday to discuss the budget, and the mayor said that the plan would "
                 "be published next week after a public consultation. ")
    block = "\n\n".join([paragraph * 3, "• Home", "Share", "Related stories", paragraph * 2, "© 2024 News"])
    raw = "\n\n".join([block] * (10_000_000 // len(block) + 1))
    assert len(raw) >= 10_000_000
    assert_partition(raw)


def test_every_repair_is_documented_and_named_once() -> None:
    text = "Ã©tÃ© trÃ¨s chaud\u00a0and\u200bsoft\u00adhyphen\x07\tcafe\u0301  and  more"
    fixed, repairs = repair(text)
    assert sorted(repairs) == sorted(REPAIRS)
    assert fixed == "été très chaud andsofthyphen café and more"
