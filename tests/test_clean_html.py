"""HTML pages go through trafilatura: its body and metadata, and every removal from the markup with a reason."""

from __future__ import annotations

import datetime as dt
import re

from build_dataset.clean import clean_html
from build_dataset.clean.html import partition_html
from build_dataset.clean.spans import complement
from build_dataset.schema import RemovedSpan

HTML = """<html><head><title>Budget approved | Town Gazette</title><meta name="author" content="Jane Doe">
<meta name="description" content="The council votes for schools.">
<meta property="article:published_time" content="2021-03-03T10:00:00Z">
<link rel="canonical" href="https://gazette.example/budget"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Budget approved</h1><p>The city council approved the new budget on Tuesday evening after a long
debate, and the mayor said that the money would go to schools.</p>
<p>Opposition members criticised the plan because it raises local taxes for the second year in a row.</p></article>
<footer>&copy; 2024 Town Gazette. All rights reserved.</footer></body></html>"""

PARAGRAPHS = (
    "The city council approved the new budget on Tuesday evening after a long\ndebate, and the mayor said that the "
    "money would go to schools.",
    "Opposition members criticised the plan because it raises local taxes for the second year in a row.",
)

# A blog post with one of each kind of furniture, marked up the way blog platforms do.
BLOG = """<!DOCTYPE html>
<html class='v2'><head><title>Project Insider: Release 3.6 is out</title>
<!--[if IE]><script src="retrofit.js"></script><![endif]-->
<style>h2 { font-size: 1em; }</style></head>
<body class='single-author has-ads'>
<div class='navbar section' id='navbar'><a href='/'>Home</a> | <a href='/archive'>Archive</a></div>
<h2 class='date-header'><span>Friday, December 23, 2016</span></h2>
<article><h3 class='post-title'>Release 3.6 is out</h3>
<p class='standfirst'>The newest major release brings many new features.</p>
<div class='post-body'>
<p>Release 3.6 is the newest major release of the language, and it contains many new features and
optimizations. &nbsp;See <a href="/whatsnew">the What&#8217;s New document</a> for more information.</p>
<figure><img src='chart.png'><figcaption>Downloads per day since the beta</figcaption></figure>
<div class='AdSlot'>Advertisement</div>
<p>We hope you enjoy the new release, and thank you to all who have contributed and reviewed code.</p>
</div>
<div class='post-footer'><span class='post-author'>Posted by <b>Ned Deily</b></span>
<time datetime='2016-12-23'>5:11 AM</time>
<div class='share-buttons'><a>Email This</a><a><svg><title>Twitter</title></svg> Share</a></div></div>
</article>
<div id='comments'><h4>3 comments:</h4><p>Great news, I have been waiting for this release for a long time!</p></div>
<aside><h2>Related Links</h2><ul><li><a href='#'>Developer's Guide</a></li></ul></aside>
<div id='cookie-notice'>This site uses cookies to analyze traffic. <button>OK</button></div>
<footer><p>Powered by <a href='#'>Blogger</a>.</p></footer>
<script>if (a < b && c > d) { document.write("<p>not text</p>"); }</script>
</body></html>"""

BLOG_BODY = (
    "Release 3.6 is the newest major release of the language, and it contains many new features and optimizations."
    "\u00a0See the What’s New document for more information.\n"
    "We hope you enjoy the new release, and thank you to all who have contributed and reviewed code."
)


def assert_tiles(html: str, kept: list[tuple[int, int]], removed: list[RemovedSpan]) -> None:
    """Kept segments and removed spans cover every character of the page once, in order."""
    pieces = sorted([(a, z, "") for a, z in kept] + [(s.start, s.end, s.reason) for s in removed])
    position = 0
    for start, end, reason in pieces:
        assert start == position and end > start, (start, end, reason, position)
        position = end
    assert position == len(html)
    assert all(s.reason for s in removed)
    assert [s.start for s in removed] == sorted(s.start for s in removed)


def reasons_over(html: str, removed: list[RemovedSpan], text: str, where: str | None = None) -> set[str]:
    """The reasons of the removed spans that overlap `text` where it first occurs in the page, or in
    the first occurrence of `where`."""
    start = html.index(where) + where.index(text) if where else html.index(text)
    end = start + len(text)
    return {s.reason for s in removed if s.start < end and s.end > start}


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


def test_the_menu_is_removed_as_navigation() -> None:
    removed = clean_html(HTML).removed
    assert reasons_over(HTML, removed, "Home") == {"navigation"}
    assert reasons_over(HTML, removed, "Politics") == {"navigation"}


def test_the_footer_is_removed_as_footer() -> None:
    removed = clean_html(HTML).removed
    assert reasons_over(HTML, removed, "&copy; 2024 Town Gazette. All rights reserved.") == {"footer"}


def test_the_headline_and_the_title_element_are_removed_as_title() -> None:
    removed = clean_html(HTML).removed
    assert reasons_over(HTML, removed, "Budget approved | Town Gazette") == {"title"}
    assert reasons_over(HTML, removed, "Budget approved", where="<h1>Budget approved</h1>") == {"title"}


def test_the_article_paragraphs_are_in_no_removed_span() -> None:
    removed = clean_html(HTML).removed
    for paragraph in PARAGRAPHS:
        assert reasons_over(HTML, removed, paragraph) == set()


def test_what_is_kept_is_the_body() -> None:
    page = clean_html(HTML)
    kept = [HTML[a:z] for a, z in complement(len(HTML), page.removed)]
    assert " ".join(kept).split() == page.text.split()


def test_tags_are_markup() -> None:
    removed = clean_html(HTML).removed
    markup = [(s.start, s.end) for s in removed if s.reason == "markup"]
    for tag in re.finditer(r"<[^>]*>", HTML):
        assert any(a <= tag.start() and tag.end() <= z for a, z in markup), tag.group()
    assert all(HTML[a:z].lstrip().startswith("<") for a, z in markup)


def test_the_html_is_partitioned_exactly() -> None:
    page = clean_html(HTML)
    assert_tiles(HTML, complement(len(HTML), page.removed), page.removed)
    assert_tiles(HTML, *partition_html(HTML, page.text, page.title))


def test_each_kind_of_furniture_gets_its_reason() -> None:
    kept, removed = partition_html(BLOG, BLOG_BODY, "Release 3.6 is out", "The newest major release brings many "
                                   "new features.")
    assert_tiles(BLOG, kept, removed)
    expected = {
        "Project Insider: Release 3.6 is out": "title",  # the <title> element
        "The newest major release brings many new features.": "standfirst",
        "Home": "navigation", "Archive": "navigation",  # class "navbar"
        "Friday, December 23, 2016": "dateline",  # class "date-header"
        "Downloads per day since the beta": "caption",
        "Advertisement": "advertising",  # class "AdSlot": the token "ad"
        "Posted by": "byline", "Ned Deily": "byline",
        "5:11 AM": "dateline",
        "Email This": "social", "Twitter": "social", "Share": "social",  # an icon's <title> is no title
        "3 comments:": "comments", "Great news, I have been waiting": "comments",
        "Related Links": "related", "Developer's Guide": "related",
        "This site uses cookies to analyze traffic.": "legal", "OK": "legal",  # a button, inside the notice
        "Powered by": "footer", "Blogger": "footer",
        'if (a < b && c > d) { document.write("<p>not text</p>"); }': "markup",
        '<!--[if IE]><script src="retrofit.js"></script><![endif]-->': "markup",
    }
    for text, reason in expected.items():
        assert reasons_over(BLOG, removed, text) == {reason}, text
    assert reasons_over(BLOG, removed, "Release 3.6 is out", where="'post-title'>Release 3.6 is out<") == {"title"}
    for paragraph in ("Release 3.6 is the newest major release", "optimizations. &nbsp;See",
                      "the What&#8217;s New document", "We hope you enjoy the new release"):
        assert reasons_over(BLOG, removed, paragraph) == set(), paragraph
    kept_text = " ".join(BLOG[a:z] for a, z in kept)
    assert "We hope you enjoy" in kept_text and "the What&#8217;s New document" in kept_text


def test_without_a_telling_ancestor_a_removal_is_named_by_its_words_then_its_place() -> None:
    html = ("<div>Sections</div><div>Share</div><p>The council met on Tuesday to approve the budget for schools.</p>"
            "<div>An unrelated sentence that the extractor left out of the body.</div>"
            "<p>Opposition members criticised the plan because it raises taxes.</p><div>Last words</div>")
    body = ("The council met on Tuesday to approve the budget for schools.\n\n"
            "Opposition members criticised the plan because it raises taxes.")
    kept, removed = partition_html(html, body)
    assert_tiles(html, kept, removed)
    assert reasons_over(html, removed, "Share") == {"social"}  # its own cue
    assert reasons_over(html, removed, "Sections") == {"navigation"}  # above the body
    assert reasons_over(html, removed, "An unrelated sentence") == {"boilerplate"}  # inside it
    assert reasons_over(html, removed, "Last words") == {"footer"}  # below it


def test_a_menu_word_that_starts_the_body_does_not_take_its_place() -> None:
    paragraph = "Homes are getting more expensive in the city, the council said on Tuesday."
    html = f"<nav><a>Home</a></nav><p>{paragraph}</p>"
    kept, removed = partition_html(html, paragraph)
    assert reasons_over(html, removed, "Home") == {"navigation"}
    assert [html[a:z] for a, z in kept] == [paragraph]


def test_a_passage_printed_again_later_does_not_derail_the_alignment() -> None:
    # the extractor left out the first printing of the code sample; it is found only further on
    html = ("<p>Open the file and enter the code in the listing below.</p>"
            "<figure><pre>fn main() { println!(\"Hello, world!\"); }</pre></figure>"
            "<p>Save the file and go back to your terminal window to compile it.</p>"
            "<p>Here is the program again, with each line explained below.</p>"
            "<pre>fn main() { println!(\"Hello, world!\"); }</pre>")
    body = ("Open the file and enter the code in the listing below.\n"
            "Save the file and go back to your terminal window to compile it.\n"
            "Here is the program again, with each line explained below.\n"
            "fn main() { println!(\"Hello, world!\"); }")
    kept, removed = partition_html(html, body)
    assert reasons_over(html, removed, "fn main()") == {"caption"}
    assert len(kept) == 4 and html[kept[1][0]:].startswith("Save the file")


def test_entities_and_inline_tags_are_matched_through() -> None:
    html = "<p>Caf&eacute; owners &amp; <b>bakers</b> met in Z&uuml;rich on&nbsp;Monday to talk about rents.</p>"
    kept, removed = partition_html(html, "Café owners & bakers met in Zürich on Monday to talk about rents.")
    assert_tiles(html, kept, removed)
    assert {s.reason for s in removed} == {"markup", "whitespace"}


def test_empty_and_bodiless_pages() -> None:
    assert clean_html("").text == "" and clean_html("").removed == []
    page = clean_html("<html></html>")
    assert page.text == "" and page.removed[0].end == len("<html></html>")
    assert [(s.start, s.end, s.reason) for s in page.removed] == [(0, len("<html></html>"), "markup")]


def test_broken_markup_is_read_as_a_browser_reads_it() -> None:
    body = "The council approved the budget on Tuesday evening."
    cases = {
        f"<p>{body}</p><!-- a comment never closed <p>hidden</p>": "<!-- a comment never closed <p>hidden</p>",
        f"<p>{body}</p><script>var a = '<p>never closed</p>';": "<script>var a = '<p>never closed</p>';",
        f"<p>{body}</p><![foo]>": "<![foo]>",  # html.parser 3.11 raises on an unknown marked section
        f"</div></span><p>{body}</p></b>": "</b>",  # stray end tags
    }
    for html, markup in cases.items():
        kept, removed = partition_html(html, body)
        assert_tiles(html, kept, removed)
        assert [html[a:z] for a, z in kept] == [body], html
        assert reasons_over(html, removed, markup) == {"markup"}, html
