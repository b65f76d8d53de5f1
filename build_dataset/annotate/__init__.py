"""Annotate stage: language, entities, quotes, dates, outlets and quality flags of one article."""

from __future__ import annotations

import dataclasses

from build_dataset.annotate.dates import find_dates
from build_dataset.annotate.entities import find_entities
from build_dataset.annotate.outlets import find_outlet, lookup_outlet, outlet_from_page
from build_dataset.annotate.quality import quality_flags
from build_dataset.annotate.quotes import find_quotes
from build_dataset.schema import Article

__all__ = ["annotate_article", "find_dates", "find_entities", "find_quotes", "lookup_outlet",
           "outlet_from_page", "quality_flags"]


def annotate_article(article: Article) -> Article:
    """A copy of `article` with entities, quotes, dates, outlet_info and quality_flags filled.

    Reads text, title, section, language, published, outlet and url; leaves published and
    published_source as given. When no outlet name is given and the URL is not in the outlet catalog,
    the page's own furniture (section, title, body) may still name the outlet (outlets.outlet_from_page;
    the pipeline can also call it on the raw page, whose navigation often names the outlet).
    """
    text = article.text
    entities = find_entities(text, article.language)
    outlet_info = lookup_outlet(article.outlet, article.url)
    if outlet_info is None and article.outlet is None:
        page = "\n".join(part for part in (article.section, article.title, text) if part)
        named = outlet_from_page(page)
        outlet = find_outlet(named, None) if named else None
        outlet_info = outlet.info if outlet else None
    return dataclasses.replace(
        article,
        entities=entities,
        quotes=find_quotes(text, entities),
        dates=find_dates(text, article.published),
        outlet_info=outlet_info,
        quality_flags=quality_flags(text, article.language),
    )
