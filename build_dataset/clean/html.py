"""Clean an HTML page: trafilatura's body and metadata, and a reason for every character it leaves out.

trafilatura decides what the body is and reads the metadata, but does not say what it left out. To give
an HTML page the same audit as a text dump, `partition_html` scans the page with the stdlib
`html.parser` into regions that tile the raw string: markup (tags, comments, declarations, script and
style contents) and text nodes. The text nodes are aligned in document order, with a cursor that only
moves forward, against trafilatura's body with whitespace and invisible characters folded away. The
nodes found there are kept; every other one is removed with a reason taken from its ancestors (a `nav`,
a `footer`, a class naming comments or sharing, ...), else from its own words (`cue_reason`), else from
where it stands relative to the kept text. The body gets the same repairs as a dump's.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

import trafilatura

from build_dataset.clean.cues import consent_notice, cue_reason
from build_dataset.clean.lines import OPTIONAL_SPACE_RUN
from build_dataset.clean.model import CleanedPage
from build_dataset.clean.repair import normalise_characters, repair
from build_dataset.clean.spans import KEPT, WHITESPACE, partition
from build_dataset.schema import RemovedSpan

_AUTHOR_SPLIT = re.compile(OPTIONAL_SPACE_RUN + r";\s*")


def _field(value: str | None) -> str | None:
    if not value:
        return None
    value, _ = normalise_characters(value)
    value = " ".join(value.split())
    return value or None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def clean_html(html: str) -> CleanedPage:
    """Body, title, authors, date, url, description and section of an HTML page via trafilatura, and
    the removed spans that account for the rest of the markup."""
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    ) if html.strip() else None
    if not extracted:
        return CleanedPage(text="", removed=partition_html(html, "")[1])
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    title = _field(doc.get("title"))
    description = _field(doc.get("description"))
    # trafilatura writes one block per line and may start with the headline: the body, like a dump's,
    # gets paragraphs separated by blank lines and no headline
    blocks = [b for b in (doc.get("text") or "").split("\n") if b.strip()]
    if blocks and title and _field(blocks[0]) == title:
        blocks = blocks[1:]
    body = "\n\n".join(blocks)
    text, repairs = repair(body)
    authors = [a for a in (_field(x) for x in _AUTHOR_SPLIT.split(doc.get("author") or "")) if a]
    categories = doc.get("categories") or []
    return CleanedPage(
        text=text,
        title=title,
        description=description,
        authors=authors,
        published=_iso_date(doc.get("date")),
        section=_field(categories[0]) if categories else None,
        url=_field(doc.get("url")),
        removed=partition_html(html, body, title, description)[1],
        repairs=repairs,
    )


def partition_html(html: str, body: str, title: str | None = None,
                   description: str | None = None) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Kept segments (text nodes found in `body`, the extracted text before repairs) and removed spans
    (markup, and text nodes left out, each with its reason) that together tile `html` exactly. The
    page's `title` and `description`, when known, name the headline and standfirst where they are
    printed."""
    if not html:
        return [], []
    try:
        regions = _Scanner(html).scan()
    except Exception:
        # html.parser raises on a few inputs (and may on others in future versions): the page still
        # gets an account, the honest minimum of one span over all of it, rather than a crash
        return [], [RemovedSpan(start=0, end=len(html), reason="markup")]
    candidates = [r for r in regions if r.text is not None and r.context not in _NEVER_BODY]
    keys = [_fold(r.text) for r in candidates]
    target, block_starts = _folded_body(body)
    for region, key, kept in zip(candidates, keys, _align(keys, target, block_starts), strict=True):
        region.key, region.kept = key, kept
    kept_at = [k for k, r in enumerate(regions) if r.kept]
    first, last = (kept_at[0], kept_at[-1]) if kept_at else (len(regions), -1)
    header = (_fold(title) if title else "", _fold(description) if description else "")
    pieces: list[tuple[int, int, str]] = []
    for k, r in enumerate(regions):
        if r.text is None:
            pieces.append((r.start, r.end, "markup"))
            continue
        raw = html[r.start:r.end]
        a, z = r.start + len(raw) - len(raw.lstrip()), r.start + len(raw.rstrip())
        if a >= z or not r.text.strip():
            pieces.append((r.start, r.end, WHITESPACE))
        elif r.kept:
            pieces.append((a, z, KEPT))
        else:
            where = "navigation" if k < first else "footer" if k > last else "boilerplate"
            pieces.append((a, z, _removal_reason(r, raw, header, where)))
    return partition(len(html), pieces)


# --- scanning: html.parser events -> regions that tile the page ----------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                   "param", "source", "track", "wbr"})
_NEVER_BODY = frozenset({"markup", "title"})
"""Contexts whose text is never article body: script, style and template contents, the `<title>`."""

_STRONG_TAGS = {"title": "title", "script": "markup", "style": "markup", "template": "markup",
                "aside": "related", "figure": "caption", "figcaption": "caption"}
_WEAK_TAGS = {"nav": "navigation", "menu": "navigation", "header": "navigation", "footer": "footer",
              "form": "navigation", "button": "navigation", "select": "navigation", "label": "navigation",
              "textarea": "navigation", "time": "dateline"}
"""An element's own reason. Strong ones name the whole region (a comment thread, an aside); weak ones
yield to a strong ancestor: a button inside the comments is comments, a `time` in a related rail is
related. Among reasons of one strength the nearest ancestor wins."""

# (reason, class/id substrings, class/id whole tokens, strong), tried in this order
_NAME_RULES: tuple[tuple[str, tuple[str, ...], frozenset[str], bool], ...] = (
    ("comments", ("comment", "disqus"), frozenset(), True),
    ("social", ("share", "social"), frozenset(), True),
    ("related", ("related", "recommend"), frozenset(), True),
    ("legal", ("cookie", "consent", "gdpr"), frozenset(), True),
    ("advertising", ("advert", "sponsor"), frozenset({"ad", "ads", "adslot", "adunit", "adsense", "dfp"}), True),
    ("caption", ("caption",), frozenset(), True),
    ("subscribe", ("newsletter", "subscribe", "paywall"), frozenset(), True),
    ("byline", ("byline", "author"), frozenset(), False),
    ("dateline", (), frozenset({"date", "dateline", "pubdate", "timestamp", "published"}), False),
    ("navigation", ("breadcrumb", "navbar", "navigation", "menu"), frozenset({"nav"}), False),
    ("footer", ("footer",), frozenset(), False),
)
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")


def _element_reason(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str | None, bool]:
    """The reason an element gives the text inside it, and whether it is strong."""
    if tag in _STRONG_TAGS:
        return _STRONG_TAGS[tag], True
    names = " ".join(v for k, v in attrs if (k == "class" or k == "id") and v)
    return _named_reason(tag, names) if names else (_WEAK_TAGS.get(tag), False)


@lru_cache(maxsize=4096)
def _named_reason(tag: str, names: str) -> tuple[str | None, bool]:
    """Cached because a page repeats its class names hundreds of times."""
    # the root's classes describe the page ("single-author", "has-ads"), not any part of it
    if tag not in ("html", "body"):
        low = _CAMEL.sub(r"\1 \2", names).lower()
        tokens = set(_TOKEN_SPLIT.split(low))
        for reason, parts, whole, strong in _NAME_RULES:
            if any(p in low for p in parts) or not tokens.isdisjoint(whole):
                return reason, strong
    return _WEAK_TAGS.get(tag), False


@dataclass(slots=True)
class _Region:
    """A stretch of the page: markup (`text` None) or one text node with what its ancestors say."""

    start: int
    end: int
    text: str | None = None
    context: str | None = None
    in_h1: bool = False
    key: str = ""
    kept: bool = False


@dataclass(slots=True)
class _Open:
    tag: str
    context: str | None
    strong: bool
    in_h1: bool


_RETRIES = 64
"""How often the scanner restarts the parser after a start tag it gave up on: each restart copies the
rest of the page, so a bound keeps the scan linear on pages built to defeat it."""


class _Scanner(HTMLParser):
    """Regions of a page in order. html.parser reports each construct to a handler, then moves its
    position past it with `updatepos`; the span between two positions is one region, so regions tile
    the page whatever the parser skips or makes of broken markup."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._html = html
        self._n = len(html)
        self.regions: list[_Region] = []
        self._end = 0
        self._events: list[_Region | None] = []  # reported since the last position update; None: markup
        self._stack: list[_Open] = []
        self._open: Counter[str] = Counter()

    def scan(self) -> list[_Region]:
        html, n = self._html, len(self._html)
        # fed at once and never closed: in html.parser 3.11 `close()` retries what the feed could not
        # finish by searching to the end of the page at every "<", quadratic on broken pages
        self.feed(html)
        retries = 0
        while self._end < n:  # the parser stopped at something it could not finish
            at = self._end
            close = html.find(">", at + 1)
            if self.cdata_elem is None and not html.startswith("<", at):
                # text held back in case it ends in half an entity
                self._region(at, n, _Region(at, n, unescape(html[at:]), *self._context()))
            elif self.cdata_elem is None and html[at + 1:at + 2].isalpha() and close > 0 and retries < _RETRIES:
                # a start tag the parser's heuristics gave up on (a quote left open) but a ">" closes:
                # read it as text up to that ">", as `close()` would, and go on
                retries += 1
                self._region(at, close + 1, _Region(at, close + 1, unescape(html[at:close + 1]), *self._context()))
                self.rawdata = html[close + 1:]
                self.feed("")
            else:
                # an unclosed comment, declaration or tag, or the contents of an unclosed script, runs
                # to the end of the page, as HTML5 (and html.parser from CPython 3.13.4) reads it
                self._region(at, n, None)
        return self.regions

    def updatepos(self, i: int, j: int) -> int:
        # html.parser holds the page from where it last stopped in `rawdata`, whole while it parses,
        # and calls this with offsets into it to move past each construct: the page offset of `j` is
        # where that rest starts plus `j`. (The line and column it keeps for `getpos` are not needed.)
        if i < j:
            end = self._n - len(self.rawdata) + j
            if end > self._end:
                events, self._events = self._events, []
                self._region(self._end, end, events[0] if len(events) == 1 else None)
        return j

    def _region(self, start: int, end: int, text: _Region | None) -> None:
        end = min(end, self._n)
        if text is None:
            last = self.regions[-1] if self.regions else None
            if last is not None and last.text is None:
                last.end = end
            else:
                self.regions.append(_Region(start, end))
        else:
            text.start, text.end = start, end
            self.regions.append(text)
        self._end = end

    def _context(self) -> tuple[str | None, bool]:
        top = self._stack[-1] if self._stack else None
        return (top.context, top.in_h1) if top else (None, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._events.append(None)
        if tag in _VOID:
            return
        parent = self._stack[-1] if self._stack else _Open("", None, False, False)
        own, strong = _element_reason(tag, attrs)
        if tag == "title" and self._open["svg"]:  # an icon's name ("Facebook"), not the page's title
            own, strong = None, False
        if own is not None and (strong or not parent.strong):
            opened = _Open(tag, own, strong, parent.in_h1 or tag == "h1")
        else:
            opened = _Open(tag, parent.context, parent.strong, parent.in_h1 or tag == "h1")
        self._stack.append(opened)
        self._open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._events.append(None)

    def handle_endtag(self, tag: str) -> None:
        self._events.append(None)
        if self._open[tag] <= 0:  # a stray end tag closes nothing
            return
        while self._stack:
            closed = self._stack.pop()
            self._open[closed.tag] -= 1
            if closed.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self._events.append(_Region(0, 0, data, *self._context()))

    def handle_comment(self, data: str) -> None:
        self._events.append(None)

    def handle_decl(self, decl: str) -> None:
        self._events.append(None)

    def handle_pi(self, data: str) -> None:
        self._events.append(None)

    def unknown_decl(self, data: str) -> None:
        self._events.append(None)

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<![", i):
            # 3.11 raises on "<![foo" and reads CDATA sections, which HTML has only inside SVG and
            # MathML: like HTML5, read every "<![" as a bogus comment up to the next ">"
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)


# --- aligning text nodes with trafilatura's body ---------------------------------------------------

def _fold(text: str) -> str:
    """Text as compared with the body: no whitespace or invisible characters, NFC."""
    key = "".join(text.split())
    if not key.isprintable():
        key = "".join(filter(str.isprintable, key))
    if not key.isascii():
        key = unicodedata.normalize("NFC", key)
    return key


_MARKERS = "-*•|#>"
"""What trafilatura writes before a list item or a table row."""


def _folded_body(body: str) -> tuple[str, list[int]]:
    """The folded body and where its blocks start in it (after any list or table marker)."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for line in body.split("\n"):
        folded = _fold(line)
        if not folded:
            continue
        starts.append(pos)
        marker = len(folded) - len(folded.lstrip(_MARKERS))
        if marker:
            starts.append(pos + marker)
        parts.append(folded)
        pos += len(folded)
    return "".join(parts), starts


LONG_KEY = 20
"""Folded length from which a text node is distinctive enough to anchor the alignment."""
SHORT_SLACK = 24
"""How far past the cursor a short node may be found (list markers, cell bars, a dropped inline)."""
WINDOW = 2048
"""How far around the cursor a long node is looked for before the block starts are consulted."""
_PREFIX = 12


def _align(keys: list[str], target: str, block_starts: list[int]) -> list[bool]:
    """Which nodes (folded texts in document order) the folded body holds, found in order.

    A long node found where the last one ended is sure. Anything else is provisional until the next
    sure match: a short node ("Home", "and") is looked for only just past the cursor, and a long node
    found further on (the body skipped something, or the node is a copy of a later passage). A long
    node found before the cursor shows the provisional matches past it were wrong, and they are given
    back: menu words that happened to match the start of the body, a code sample matched to its second
    printing. Every search is bounded, so the whole is linear in the page.
    """
    kept = [False] * len(keys)
    index: dict[str, list[int]] = {}
    for p in block_starts:
        index.setdefault(target[p:p + _PREFIX], []).append(p)
    cursor = sure = 0  # where the last match ended; where the last sure one ended
    provisional: list[tuple[int, int]] = []  # (node, end in target) of matches since the last sure one
    for k, key in enumerate(keys):
        if not key:
            continue
        if len(key) < LONG_KEY:
            p = target.find(key, cursor, cursor + len(key) + SHORT_SLACK)
            if p >= 0:
                kept[k] = True
                cursor = p + len(key)
                provisional.append((k, cursor))
            continue
        p = _find_long(key, target, cursor, sure, index)
        if p < 0:
            continue
        while provisional and provisional[-1][1] > p:
            kept[provisional.pop()[0]] = False
        before = provisional[-1][1] if provisional else sure
        kept[k] = True
        cursor = p + len(key)
        if p <= before + SHORT_SLACK:
            provisional.clear()
            sure = cursor
        else:
            provisional.append((k, cursor))
    return kept


def _find_long(key: str, target: str, cursor: int, sure: int, index: dict[str, list[int]]) -> int:
    """Where a long node is in the folded body: at the cursor, else first in a window from the last
    sure match, else at a block start past it; -1 when nowhere."""
    if target.startswith(key, cursor):
        return cursor
    p = target.find(key, max(sure, cursor - WINDOW), cursor + len(key) + WINDOW)
    if p >= 0:
        return p
    starts = index.get(key[:_PREFIX], [])
    first = bisect_left(starts, sure)
    for q in starts[first:first + 4]:
        if target.startswith(key, q):
            return q
    return -1


# --- why a text node was left out ------------------------------------------------------------------

def _removal_reason(region: _Region, raw: str, header: tuple[str, str], where: str) -> str:
    """The headline or standfirst, else what the ancestors say, else the node's own cue, else where
    it stands."""
    if raw.startswith("<"):  # the parser's reading of a broken tag
        return "markup"
    if region.context in _NEVER_BODY:
        return region.context
    key, (title, description) = region.key, header
    if key and title and (key == title or (region.in_h1 and key in title)):
        return "title"
    if key and key == description:
        return "standfirst"
    if region.context:
        return region.context
    line = " ".join(region.text.split())
    return cue_reason(line) or ("legal" if consent_notice(line) else None) or where
