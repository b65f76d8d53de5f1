"""The one place where the dataset's records, column names, types and descriptions are defined.

Every stage fills an `Article`; the `datasets.Features`, the pyarrow schemas of both configs and the
card's field table are all derived from the dataclasses below, so a new field is one edit here.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
from datasets import Features, List, Value

DEFAULT_CONFIG = "default"
RAW_CONFIG = "raw"

REMOVAL_REASONS: dict[str, str] = {
    "navigation": "menus, breadcrumbs, buttons and links above the article (or short lines in it)",
    "footer": "what follows the article: site links, contact lines, error-report prompts",
    "boilerplate": "furniture inside the article region with no cue phrase, removed by the line model",
    "related": "related-article rails, read-more teasers and tag lists",
    "duplicate": "a line printed again: a teaser's or related link's title, or a paragraph the body already holds",
    "furniture": "a line that recurs across many pages of the same outlet in this build",
    "title": "the headline (kept in `title`) and its repeats",
    "standfirst": "the standfirst (kept in `description`)",
    "byline": "the byline (its names kept in `authors`)",
    "dateline": "publication and update dates and times (the date kept in `published`)",
    "caption": "photo captions and credits",
    "social": "share and follow buttons",
    "subscribe": "newsletter, subscription and donation prompts",
    "comments": "reader comments and comment widgets",
    "advertising": "advertisements and sponsored-content labels",
    "legal": "copyright, cookie and privacy notices",
    "markup": "renderings of images, buttons and form fields, rules and other lines of symbols only, "
              "bullets, and program code printed as text; in HTML, tags, scripts and styles",
    "whitespace": "blank lines and the spaces around kept lines",
}
"""Every reason a removed span can give, with what it means: the validator holds each release to this
list and the card prints it, so a reason no reader has been told about cannot ship."""

QUALITY_FLAGS: dict[str, str] = {
    "machine_text_trace": "holds a phrase that betrays machine-written text",
    "truncated": "the body ends mid-sentence or with an ellipsis",
    "very_short": "fewer than 50 words",
    "mixed_language": "a fifth or more of the letters sit in paragraphs of another script or language",
    "glued_sentences": "a sentence runs into the next without a space, a trace of lost markup",
    "repeated_paragraph": "the same paragraph of five or more words occurs twice",
}
"""Every quality flag, with what it means (see `annotate/quality.py`); held and printed like the reasons."""

REPAIRS: dict[str, str] = {
    "mojibake": "text decoded with the wrong codec restored by ftfy (\"Ã©\" to \"é\")",
    "nbsp": "no-break spaces made plain spaces",
    "zero_width": "zero-width spaces, word joiners, byte-order marks and soft hyphens dropped",
    "control": "control characters dropped",
    "tab": "tabs made spaces",
    "nfc": "characters composed to Unicode NFC",
    "spaces": "runs of spaces collapsed to one",
}
"""Every character repair the cleaner can make to the kept text (see `clean/repair.py`), with what it
does: these change characters inside kept lines, which `removed` spans cannot show."""


def _doc(text: str, default: Any = dataclasses.MISSING, factory: Any = dataclasses.MISSING) -> Any:
    """A dataclass field carrying the one-line description that the card renders."""
    if factory is not dataclasses.MISSING:
        return field(default_factory=factory, metadata={"doc": text})
    if default is not dataclasses.MISSING:
        return field(default=default, metadata={"doc": text})
    return field(metadata={"doc": text})


@dataclass(frozen=True, kw_only=True)
class RemovedSpan:
    """A piece of the raw text that is not in the clean body, and why."""

    start: int = _doc("Character offset in the raw text where the removed span starts.")
    end: int = _doc("Character offset in the raw text where the removed span ends (exclusive).")
    reason: str = _doc(f"Why it was removed: one of {', '.join(REMOVAL_REASONS)} (the card's table of "
                       "removed spans says what each means).")


@dataclass(frozen=True, kw_only=True)
class Entity:
    """A named-entity mention in the clean text, linked to the catalog when it can be."""

    text: str = _doc("The mention as written.")
    start: int = _doc("Character offset of the mention in `text`.")
    end: int = _doc("End offset (exclusive) of the mention in `text`.")
    type: str = _doc("PERSON, ORG, LOC (GPE folded in), EVENT or MISC.")
    name: str | None = _doc("Canonical English name of the linked entity, or null when unlinked.")
    wikidata: str | None = _doc("Wikidata QID of the linked entity, or null when none was verified.")


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A quoted span in the clean text and who said it: a direct quotation, or a quoted term or title."""

    text: str = _doc("The quoted words, without the quotation marks.")
    start: int = _doc("Character offset of the quotation in `text`.")
    end: int = _doc("End offset (exclusive) of the quotation in `text`.")
    speaker: str | None = _doc("The speaker as the text names them, or null when no attribution is found.")
    speaker_name: str | None = _doc("Canonical name of the speaker when it is a linked entity, else null.")


@dataclass(frozen=True, kw_only=True)
class DateMention:
    """A date mentioned in the clean text, normalised."""

    text: str = _doc("The date as written.")
    start: int = _doc("Character offset of the mention in `text`.")
    end: int = _doc("End offset (exclusive) of the mention in `text`.")
    value: str = _doc("ISO 8601 value: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown.")


@dataclass(frozen=True, kw_only=True)
class OutletInfo:
    """What the outlet catalog knows about a publisher."""

    domain: str | None = _doc("The outlet's web domain.")
    country: str | None = _doc("ISO 3166-1 alpha-2 country the outlet is based in.")
    language: str | None = _doc("Main publication language (ISO 639-1).")
    ownership: str | None = _doc("Who owns or funds the outlet, as stated by the public source.")
    ownership_source: str | None = _doc("URL of the public source for the ownership claim.")


@dataclass(kw_only=True)
class Article:
    """One article: cleaned body, metadata, annotations and provenance back to the source bytes."""

    id: str = _doc("Stable id: the first 16 hex digits of the sha256 of the source bytes (of that sha256 "
                   "and `source_file` for a second file with the same bytes).")
    source_file: str = _doc("Path of the source file relative to the input folder (POSIX separators).")
    source_sha256: str = _doc("sha256 of the exact source bytes.")
    url: str | None = _doc("URL the page was scraped from (manifest, or the page itself), or null.")
    outlet: str | None = _doc("Name of the publishing outlet, or null when it cannot be told.")
    outlet_info: OutletInfo | None = _doc("Outlet catalog entry (domain, country, language, ownership), "
                                          "or null when the outlet is not in the catalog.")
    retrieved: dt.date | None = _doc("Date the page was scraped (manifest), or null.")
    license_note: str | None = _doc("What the manifest says about the text's license, or null.")
    title: str | None = _doc("Headline, or null when the page has none or no line is clearly it.")
    description: str | None = _doc("Standfirst (the summary under the headline), or null.")
    authors: list[str] = _doc("Authors named in the byline.", factory=list)
    section: str | None = _doc("Section or rubric of the site the article is filed under, or null.")
    published: dt.date | None = _doc("Publication date, or null when unknown.", default=None)
    published_source: str | None = _doc("Where `published` comes from: manifest, text, html, or null.",
                                        default=None)
    language: str | None = _doc("ISO 639-1 code of the body's language (lingua, on its first 1,000 "
                                "characters), or null.", default=None)
    language_score: float | None = _doc("lingua's confidence in `language`, 0 to 1.", default=None)
    text: str = _doc("The clean article body: kept lines that were adjacent in the page separated by a "
                     "newline, others (a blank or a removed line between them) by a blank line.", default="")
    word_count: int = _doc("Number of words in `text` (Unicode word characters).", default=0)
    removed: list[RemovedSpan] = _doc("Spans of the raw text left out of `text`, each with its reason.",
                                      factory=list)
    repairs: list[str] = _doc(f"Character repairs made to the kept text, in the order made: any of "
                              f"{', '.join(REPAIRS)} (the card's table of repairs says what each does).",
                              factory=list)
    entities: list[Entity] = _doc("Named-entity mentions in `text`, linked across languages.", factory=list)
    quotes: list[Quote] = _doc("Spans between quotation marks in `text`: direct quotations with their "
                               "speakers when an attribution is found, and quoted terms and titles.", factory=list)
    dates: list[DateMention] = _doc("Date mentions in `text`, normalised to ISO 8601.", factory=list)
    duplicate_of: str | None = _doc("Id of the article this one duplicates (exactly or nearly), or null.",
                                    default=None)
    cluster_id: str | None = _doc("Id of the duplicate cluster (its smallest member id); an article "
                                  "alone is its own cluster.", default=None)
    quality_flags: list[str] = _doc(f"Quality warnings, sorted: any of {', '.join(QUALITY_FLAGS)} (the card's "
                                    "table of flags says what each means).", factory=list)
    pipeline_version: str = _doc("build-dataset's version plus a fingerprint of its code, shipped data and "
                                 "library and Python versions (`0.1.0+3f9c2a1b7d04`): the same page and "
                                 "pipeline_version give the same row.", default="")


@dataclass(kw_only=True)
class RawArticle:
    """The audit record of the `raw` config: the text before cleaning and what was removed from it."""

    id: str = _doc("Same id as in the default config.")
    source_file: str = _doc("Path of the source file relative to the input folder.")
    raw: str = _doc("The decoded source text (newlines normalised to \\n) that `removed` spans index.")
    encoding: str = _doc("Encoding the source bytes were decoded from.")
    removed: list[RemovedSpan] = _doc("Spans of `raw` left out of the clean text, each with its reason.",
                                      factory=list)
    repairs: list[str] = _doc("Character repairs made to the kept text (as in the default config).",
                              factory=list)


CONFIG_RECORDS: dict[str, type] = {DEFAULT_CONFIG: Article, RAW_CONFIG: RawArticle}


def _unwrap_optional(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _feature_for(tp: Any) -> Any:
    """Map a Python type hint to its `datasets` feature (which fixes the Arrow type too)."""
    tp = _unwrap_optional(tp)
    if tp is str:
        return Value("string")
    if tp is int:
        return Value("int64")
    if tp is float:
        return Value("float64")
    if tp is bool:
        return Value("bool")
    if tp is dt.date:
        return Value("date32")
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return List(_feature_for(item))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return {f.name: _feature_for(hints[f.name]) for f in dataclasses.fields(tp)}
    raise TypeError(f"no dataset feature for type {tp!r}")


def features(config: str = DEFAULT_CONFIG) -> Features:
    """The `datasets.Features` of a config, derived from its record dataclass."""
    record = CONFIG_RECORDS[config]
    hints = typing.get_type_hints(record)
    return Features({f.name: _feature_for(hints[f.name]) for f in dataclasses.fields(record)})


def arrow_schema(config: str = DEFAULT_CONFIG) -> pa.Schema:
    """The pyarrow schema of a config's Parquet files (without key-value metadata)."""
    return features(config).arrow_schema.remove_metadata()


def descriptions(record: type = Article, prefix: str = "") -> list[tuple[str, str, str]]:
    """(column, type, description) rows for the card, nested fields as `parent.child`."""
    rows: list[tuple[str, str, str]] = []
    hints = typing.get_type_hints(record)
    for f in dataclasses.fields(record):
        name = f"{prefix}{f.name}"
        arrow_type = str(arrow_schema_for_hint(hints[f.name]))
        rows.append((name, arrow_type, f.metadata.get("doc", "")))
        inner = _unwrap_optional(hints[f.name])
        if typing.get_origin(inner) is list:
            inner = typing.get_args(inner)[0]
        if dataclasses.is_dataclass(inner):
            rows.extend(descriptions(inner, prefix=f"{name}."))
    return rows


def arrow_schema_for_hint(tp: Any) -> pa.DataType:
    """The Arrow type of one field, used to show types in the card."""
    return Features({"x": _feature_for(tp)}).arrow_schema.field("x").type


def to_row(record: Any) -> dict[str, Any]:
    """A record as a plain dict that pyarrow can take (nested dataclasses become dicts).

    The same dict as `dataclasses.asdict`, which costs about 1 ms per record: it deep-copies every
    value through `copy.deepcopy`, and an article holds hundreds of spans. The build's main process
    converts every record of every worker, so that was serial work paid per article. Strings, numbers
    and dates are immutable, so they are taken as they are; anything else is still deep-copied.
    """
    return _plain(record)


_IMMUTABLE = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in _IMMUTABLE:
        return value
    if cls is list:
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(cls):
        return {name: _plain(getattr(value, name)) for name in _field_names(cls)}
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if cls is tuple:
        return tuple(_plain(v) for v in value)
    return copy.deepcopy(value)


def column_names(config: str = DEFAULT_CONFIG) -> list[str]:
    """The columns of a config, in file order."""
    return [f.name for f in dataclasses.fields(CONFIG_RECORDS[config])]
