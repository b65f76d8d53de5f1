"""Property tests: whatever the markup, kept text nodes and removed spans tile the HTML, in time linear in
its size and without a crash."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_dataset.clean import clean_html
from build_dataset.clean import html as html_cleaner
from build_dataset.clean.html import partition_html
from build_dataset.clean.spans import complement
from build_dataset.schema import REMOVAL_REASONS
from tests.test_clean_html import BLOG, assert_tiles
from tests.timing import LINEAR_RATIO, seconds

_TEXT = st.sampled_from([
    "The council approved the budget on Tuesday evening after a long debate.", "Home", "and", " ", "\n", "\t",
    "Share", "© 2024 All rights reserved", "Мирні ініціативи тонуть у хаосі.", "北京时间今天上午，会议在北京召开。",
    "مرحبا بالعالم", "e\u0301te", "\u00a0", "\u200b", "\x00\x01\x1b", "a < b", "a > b", "x = 'y'", "Ã©tÃ©",
])
_MARKUP = st.sampled_from([
    "<p>", "</p>", "<div class='comments'>", "<div id=\"share-bar\">", "</div>", "<nav>", "</nav>", "<footer>",
    "<aside>", "<figure><figcaption>", "<h1>", "</h1>", "<title>", "</title>", "<br>", "<br/>", "<img src=x>",
    "<b>", "</b>", "<a href='/x?a=1&b=2'>", "</a>", "<script>", "</script>", "<style>", "</style>",
    "<script>var s = '<p>';",
    "<!--", "-->", "<!-- a comment -->", "<!DOCTYPE html>", "<!doctype", "<![CDATA[x]]>", "<![if IE]>", "<![foo",
    "<?xml version='1.0'?>", "<?php", "<", ">", "</", "</>", "<a", "<a b='", "<a b=\"x\" c", "<p/ x>", "</p x>",
    "&amp;", "&lt;", "&#x41;", "&#65", "&bogus;", "&", "&#", "&#x", "&nbsp;", "<textarea>", "<template>", "<time>",
    "<div class='ad'>", "<span class=\"byline author\">", "</body></html>", "<html><body class='has-ads'>",
])
_PAGE = st.lists(st.one_of(_TEXT, _MARKUP, st.text(max_size=30)), max_size=60).map("".join)


def _body_of(html: str, seed: int) -> str:
    """Some of the page's own text, as an extractor would give it: the alignment has something to find."""
    rng = random.Random(seed)
    words = html.replace("<", " ").replace(">", " ").split()
    return " ".join(w for w in words if rng.random() < 0.6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE, st.integers(0, 3))
@example("", 0)
@example("no tags at all, just words", 0)
@example("<!-- only a comment -->", 0)
@example("<!-- an unclosed comment <p>with text</p>", 0)
@example("<script><script>var a = 1;</script>after</script>", 0)
@example("<p>unclosed <b>tags <i>everywhere <div>", 0)
@example("<script>never closed <p>text</p>", 0)
@example("&amp;&lt;&#x41;&bogus;&#65&", 0)
@example("<![foo bar]><p>Word</p>", 0)
@example("<a b='unclosed quote>text</a> <p>more text</p>", 0)
@example("<p>" + "é" * 100_000 + "</p>", 0)
@example("word " * 100_000, 1)
@example("<div>" * 5_000 + "deep" + "</div>" * 5_000, 0)
def test_the_partition_holds(html: str, seed: int) -> None:
    body = _body_of(html, seed) if seed else ""
    kept, removed = partition_html(html, body, "Title")
    assert_tiles(html, kept, removed)
    for a, z in kept:
        assert html[a:z] == html[a:z].strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
@example(BLOG)
@example("<html><head><title>T</title></head><body><p>" + "A sentence of the body. " * 20 + "</p></body></html>")
def test_clean_html_accounts_for_every_character(html: str) -> None:
    page = clean_html(html)
    assert_tiles(html, complement(len(html), page.removed), page.removed)
    assert {span.reason for span in page.removed} <= set(REMOVAL_REASONS)


def test_a_parser_failure_falls_back_to_one_markup_span(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: html_cleaner._Scanner) -> list:
        raise AssertionError("we should not get here!")  # what html.parser raises on some input

    monkeypatch.setattr(html_cleaner._Scanner, "scan", fail)
    kept, removed = partition_html("<p>Text</p>", "Text")
    assert kept == [] and [(s.start, s.end, s.reason) for s in removed] == [(0, 11, "markup")]


def _news_page(size: int) -> str:
    """A news page of about `size` characters: menus, an article, a rail and a long comment thread."""
    rng = random.Random(0)
    words = ("the", "council", "approved", "a", "new", "budget", "after", "long", "debate", "and", "schools")

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
    article = "".join(f"<p>{sentence(20)} <a>{sentence(4)}</a> &amp; {sentence(9)}</p>\n" for _ in range(40))
    head = ("<!DOCTYPE html><html><head><title>Budget approved</title><script>var a = '<p>' < 2;</script></head>"
            f"<body><nav><ul>{menu}</ul></nav><article><h1>Budget approved</h1>{article}</article>"
            "<section id='comments'>")
    parts = [head]
    length = len(head)
    while length < size:
        parts.append(f"<div class='comment'><span class='author'>user</span> <time>2 hours ago</time>"
                     f"<p>{sentence(30)}</p><a class='reply'>Reply</a></div>\n")
        length += len(parts[-1])
    return "".join(parts) + "</section><footer>&copy; 2024 Town Gazette</footer></body></html>"






def test_a_5_mb_page_is_partitioned() -> None:
    page = _news_page(5_000_000)
    assert_tiles(page, *partition_html(page, "", "Budget approved"))


def test_the_scan_and_the_alignment_grow_linearly() -> None:
    small, big = _news_page(250_000), _news_page(1_000_000)
    ratio = seconds(lambda: partition_html(big, "", "Budget approved")) / seconds(
        lambda: partition_html(small, "", "Budget approved"))
    assert ratio < LINEAR_RATIO, f"4x the page took {ratio:.1f}x as long: the scan is no longer linear"


@pytest.mark.parametrize("unit", ["<!--", "<a b='", "</a", "<![x", "<", "<a/", "<!-- >", "<p>", "<div><p>x"])
def test_broken_markup_repeated_stays_linear(unit: str) -> None:
    # html.parser's close() in CPython 3.11 retries an unfinished construct by searching to the end of
    # the page, at every "<": quadratic on these, which the scanner must not inherit
    small, big = unit * (50_000 // len(unit)), unit * (200_000 // len(unit))
    assert_tiles(big, *partition_html(big, ""))
    ratio = seconds(lambda: partition_html(big, "")) / seconds(lambda: partition_html(small, ""))
    assert ratio < LINEAR_RATIO, f"4x the markup took {ratio:.1f}x as long"
