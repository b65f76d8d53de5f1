"""Assemble one article record from its source file, the manifest and the stages' results.

`process_document` is the whole per-article line (clean, then annotate) as one pure function of its
inputs, so the same code runs in the local build and, unchanged, in a Ray Data `map`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlparse

from build_dataset.annotate import annotate_article
from build_dataset.annotate.language import detect_language
from build_dataset.clean import CleanedPage, clean_html, clean_page
from build_dataset.provenance import pipeline_version
from build_dataset.read import ManifestEntry, SourceFile, SourceText
from build_dataset.schema import Article, RawArticle

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Words as runs of Unicode word characters, so every script counts the same way."""
    return sum(1 for _ in _WORD.finditer(text))


def outlet_key(entry: ManifestEntry | None) -> str | None:
    """The group a page shares furniture with: its outlet, or failing that its URL's domain."""
    if entry is None:
        return None
    if entry.outlet:
        return entry.outlet.casefold()
    if entry.url:
        host = urlparse(entry.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _published(entry: ManifestEntry | None, page: CleanedPage, is_html: bool):
    if entry is not None and entry.published is not None:
        return entry.published, "manifest"
    if page.published is not None:
        return page.published, "html" if is_html else "text"
    return None, None


def clean_source(source: SourceFile, text: SourceText, furniture: frozenset[str] = frozenset()) -> CleanedPage:
    """Run the cleaner that fits the file: trafilatura for HTML, our line cleaner for text dumps."""
    return clean_html(text.text) if source.is_html else clean_page(text.text, furniture=furniture)


def assemble(source: SourceFile, text: SourceText, entry: ManifestEntry | None, page: CleanedPage) -> Article:
    """The article record before annotation: provenance, metadata and the clean body."""
    published, published_source = _published(entry, page, source.is_html)
    language, score = detect_language(page.text)
    return Article(
        id=source.id,
        source_file=source.relative,
        source_sha256=source.sha256,
        url=(entry.url if entry and entry.url else page.url),
        outlet=entry.outlet if entry else None,
        outlet_info=None,
        retrieved=entry.retrieved if entry else None,
        license_note=entry.license if entry else None,
        title=page.title,
        description=page.description,
        authors=list(page.authors),
        section=page.section,
        published=published,
        published_source=published_source,
        language=language,
        language_score=score,
        text=page.text,
        word_count=count_words(page.text),
        removed=list(page.removed),
        repairs=list(page.repairs),
        pipeline_version=pipeline_version(),
    )


def raw_record(source: SourceFile, text: SourceText, page: CleanedPage) -> RawArticle:
    """The audit record: the decoded source and the spans the cleaner removed from it."""
    return RawArticle(id=source.id, source_file=source.relative, raw=text.text, encoding=text.encoding,
                      removed=list(page.removed), repairs=list(page.repairs))


def process_document(source: SourceFile, text: SourceText, entry: ManifestEntry | None,
                     furniture: frozenset[str] = frozenset()) -> tuple[Article, RawArticle]:
    """Clean and annotate one document; duplicates are marked later, over the whole corpus."""
    page = clean_source(source, text, furniture)
    article = annotate_article(assemble(source, text, entry, page))
    if article.cluster_id is None:
        article = replace(article, cluster_id=article.id)
    return article, raw_record(source, text, page)
