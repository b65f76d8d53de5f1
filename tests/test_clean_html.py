"""HTML pages go through trafilatura: its body and metadata, one honest span over the markup."""

from __future__ import annotations

import datetime as dt

from build_dataset.clean import clean_html

HTML = """<html><head><title>Budget approved | Town Gazette</title><meta name="author" content="Jane Doe">
<meta name="description" content="The council votes for schools.">
<meta property="article:published_time" content="2021-03-03T10:00:00Z">
<link rel="canonical" href="https://gazette.example/budget"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Budget approved</h1><p>The city council approved the new budget on Tuesday evening after a long
debate, and the mayor said that the money would go to schools.</p>
<p>Opposition members criticised the plan because it raises local taxes for the second year in a row.</p></article>
<footer>&copy; 2024 Town Gazette. All rights reserved.</footer></body></html>"""


def test_body_and_metadata() -> None:
    page = clean_html(HTML)
    assert page.text.startswith("The city council approved")
    assert "\n\nOpposition members" in page.text
    assert "Home" not in page.text and "All rights reserved" not in page.text
    assert page.title == "Budget approved"
    assert page.authors == ["Jane Doe"]
    assert page.description == "The council votes for schools."
    assert page.published == dt.date(2021, 3, 3)
    assert page.url == "https://gazette.example/budget"


def test_one_markup_span_covers_the_html() -> None:
    page = clean_html(HTML)
    assert [(s.start, s.end, s.reason) for s in page.removed] == [(0, len(HTML), "markup")]


def test_empty_and_bodiless_pages() -> None:
    assert clean_html("").text == "" and clean_html("").removed == []
    page = clean_html("<html></html>")
    assert page.text == "" and page.removed[0].end == len("<html></html>")
