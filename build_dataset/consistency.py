"""Check that a release's rows agree with their own text, with the raw config and with the card.

A release edited after the build (a shard rewritten with pyarrow, a table in README.md retouched) keeps
its schema, ids and counts, so the structural checks in `validate` pass it. What gives it away is
what the build derived: offsets and surface strings into `text`, `word_count`, the raw page's removed
spans, and the card's figures. Each is recomputed here with the function that made it (never a copy of
its logic), streaming a row group at a time so that memory stays at one row group of each config.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from build_dataset import schema
from build_dataset.assemble import count_words
from build_dataset.card import corpus_stats, front_matter, placeholders
from build_dataset.package import CHUNK_ROWS, config_files, read_batches

MAX_ROW_PROBLEMS = 5
"""Rows are checked until this many problems are found: the first few name the damage, and a release
damaged everywhere should not print a million lines (or take a full pass) to say so."""

REBUILD = "the data was edited after the build; rebuild the release"
CARD_REBUILD = "the data and the card disagree (edited after the build); rebuild the release"

DERIVED_COUNTS: dict[str, typing.Callable[[str], int]] = {"word_count": count_words}
"""Default-config columns that are a function of `text`, with the function the build computed them with."""

CARD_TABLES = ("language_table", "outlet_table", "words_table", "flags_table", "removed_table", "repairs_table",
               "fields_table", "raw_fields_table")
"""The card's placeholders that render as Markdown tables (see `card.placeholders`): each is found in
README.md by its header line, so a card whose prose leaves a table out is not held to it."""

Row = dict[str, Any]


def _spans_columns(record: type) -> dict[str, type]:
    """The list columns of `record` whose items are spans (a dataclass with `start` and `end`)."""
    hints = typing.get_type_hints(record)
    found = {}
    for f in dataclasses.fields(record):
        if typing.get_origin(hints[f.name]) is not list:
            continue
        (item,) = typing.get_args(hints[f.name])
        if dataclasses.is_dataclass(item) and {"start", "end"} <= {g.name for g in dataclasses.fields(item)}:
            found[f.name] = item
    return found


# Every span in the default config indexes `text` except the removed spans, which index the raw page
# (schema.RemovedSpan) and are checked against it in the raw config.
TEXT_SPANS = [c for c, item in _spans_columns(schema.Article).items() if item is not schema.RemovedSpan]
RAW_SPANS = [c for c, item in _spans_columns(schema.RawArticle).items() if item is schema.RemovedSpan]
SHARED = [c for c in schema.column_names(schema.RAW_CONFIG)
          if c != "id" and c in schema.column_names(schema.DEFAULT_CONFIG)]
"""Columns the raw and default rows of one article both hold, which must be equal."""


def _rows(release_dir: Path, config: str, columns: list[str],
          measured: tuple[str, ...] = ()) -> Iterator[tuple[str, Row]]:
    """(shard name, row) over a config, a row group read at a time and converted a few hundred rows at
    a time, as `package.iter_rows` does, but naming the shard each row comes from. A `measured` column
    comes as its length in characters (`<column>_length`), never made a Python string."""
    for path in config_files(release_dir, config):
        name = path.relative_to(release_dir).as_posix()
        for group in read_batches([path], columns):
            for column in measured:
                group = group.append_column(f"{column}_length", pc.utf8_length(group[column])).drop([column])
            for chunk in group.to_batches(max_chunksize=CHUNK_ROWS):
                for row in chunk.to_pylist():
                    yield name, row


def text_problems(row: Row) -> list[str]:
    """What in a default-config row disagrees with its `text`: spans outside it or whose surface
    string is not the text they cover, a speaker the text never names, a count the text does not give."""
    text = row["text"]
    problems = []
    for column, count in DERIVED_COUNTS.items():
        if row[column] != count(text):
            problems.append(f"{column} is {row[column]} but its text gives {count(text)}")
    for column in TEXT_SPANS:
        for i, span in enumerate(row[column]):
            start, end = span["start"], span["end"]
            where = f"{column}[{i}] [{start}:{end}]"
            if not 0 <= start <= end <= len(text):
                problems.append(f"{where} lies outside text ({len(text)} characters)")
            elif "text" in span and text[start:end] != span["text"]:
                problems.append(f"{where} covers {text[start:end][:40]!r} in text, not {span['text'][:40]!r}")
            elif span.get("speaker") is not None and span["speaker"] not in text:
                problems.append(f"{where} speaker {span['speaker'][:40]!r} is not in text")
    return problems


def raw_problems(row: Row) -> list[str]:
    """Removed spans of a raw-config row that do not lie in its page in order without overlapping;
    the row holds the page's length (`raw_length`), not the page."""
    problems = []
    length = row["raw_length"]
    for column in RAW_SPANS:
        previous_end = 0
        for i, span in enumerate(row[column]):
            start, end = span["start"], span["end"]
            where = f"{column}[{i}] [{start}:{end}]"
            if not 0 <= start <= end <= length:
                problems.append(f"{where} lies outside raw ({length} characters)")
            elif start < previous_end:
                problems.append(f"{where} starts before the span before it ends ({previous_end}): spans must be "
                                "sorted and must not overlap")
            previous_end = max(previous_end, end)
    return problems


def _paired(default: Iterator[tuple[str, Row]],
            raw: Iterator[tuple[str, Row]]) -> Iterator[tuple[tuple[str, Row] | None, tuple[str, Row] | None]]:
    """The rows of both configs side by side by id (both are sorted by id); a row alone gets None."""
    left, right = next(default, None), next(raw, None)
    while left is not None or right is not None:
        if right is None or (left is not None and left[1]["id"] < right[1]["id"]):
            yield left, None
            left = next(default, None)
        elif left is None or right[1]["id"] < left[1]["id"]:
            yield None, right
            right = next(raw, None)
        else:
            yield left, right
            left, right = next(default, None), next(raw, None)


def row_problems(release_dir: Path, limit: int = MAX_ROW_PROBLEMS) -> list[str]:
    """The first `limit` rows' disagreements, each naming the shard, the row id and the column."""
    default_columns = ["id", "text", *DERIVED_COUNTS, *TEXT_SPANS, *SHARED]
    raw_columns = ["id", "raw", *RAW_SPANS, *SHARED]
    pairs = _paired(_rows(release_dir, schema.DEFAULT_CONFIG, list(dict.fromkeys(default_columns))),
                    _rows(release_dir, schema.RAW_CONFIG, list(dict.fromkeys(raw_columns)), measured=("raw",)))
    problems: list[str] = []
    for left, right in pairs:
        if left is not None:
            problems += [f"{left[0]}: row {left[1]['id']}: {p}; {REBUILD}" for p in text_problems(left[1])]
        if right is not None:
            problems += [f"{right[0]}: row {right[1]['id']}: {p}; {REBUILD}" for p in raw_problems(right[1])]
        if left is not None and right is not None:
            problems += [f"{right[0]}: row {right[1]['id']}: {column} differs from the row in {left[0]}; {REBUILD}"
                         for column in SHARED if left[1][column] != right[1][column]]
        if len(problems) >= limit:
            return problems[:limit]
    return problems


def _first_difference(card: Any, rows: Any, path: str) -> tuple[str, Any, Any] | None:
    """The first leaf (as `a.b[0].c`) where two parsed YAML values differ, with both values."""
    if isinstance(card, dict) and isinstance(rows, dict):
        for key in list(dict.fromkeys([*rows, *card])):
            found = _first_difference(card.get(key), rows.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(card, list) and isinstance(rows, list) and len(card) == len(rows):
        for i, (a, b) in enumerate(zip(card, rows, strict=True)):
            found = _first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if card == rows else (path, card, rows)


def _tables(markdown: str) -> dict[str, list[str]]:
    """The Markdown tables of a document (runs of lines starting with `|`), grouped by header line."""
    tables: dict[str, list[str]] = {}
    block: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            tables.setdefault(block[0], []).append("\n".join(block))
        block = []
    return tables


def _table_problem(name: str, rendered: str, found: list[str]) -> str | None:
    """How a card table differs from the one the rows render, naming its first differing line."""
    if rendered in found:
        return None
    wanted, written = rendered.splitlines(), found[0].splitlines()
    line = next((i for i, (a, b) in enumerate(zip(wanted, written, strict=False)) if a != b),
                min(len(wanted), len(written)))
    said = written[line] if line < len(written) else "nothing"
    gives = wanted[line] if line < len(wanted) else "nothing"
    return f"README.md: the card's {name} says `{said}` where the rows give `{gives}`; {CARD_REBUILD}"


def card_problems(release_dir: Path, meta: dict[str, Any]) -> list[str]:
    """Where README.md states other figures than card.py computes from the rows: its YAML metadata
    (languages, size, dataset_info) and the tables it renders. The card's identity (name, version,
    license) is taken from the card itself, since only the figures come from the rows."""
    identity = {**meta, "version": str(meta.get("version"))}
    stats = corpus_stats(release_dir)
    problems = []
    expected = front_matter(release_dir, identity, stats)
    found = _first_difference({k: meta.get(k) for k in expected}, expected, "")
    if found:
        path, said, gives = found
        problems.append(f"README.md: the card's YAML {path.lstrip('.')} is {said!r} where the rows give "
                        f"{gives!r}; {CARD_REBUILD}")
    values = placeholders(release_dir, identity, stats, versions="")
    tables = _tables((release_dir / "README.md").read_text(encoding="utf-8"))
    for name in CARD_TABLES:
        header = values[name].splitlines()[0]
        if header.startswith("|") and header in tables:
            problem = _table_problem(name.replace("_", " "), values[name], tables[header])
            problems += [problem] if problem else []
    return problems
