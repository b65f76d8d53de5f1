"""Audit one article from a release: the raw page with every removed span marked and its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
from rich.console import Group
from rich.table import Table
from rich.text import Text

from build_dataset import schema
from build_dataset.errors import BuildDatasetError
from build_dataset.package import config_files
from build_dataset.read import HTML_SUFFIXES

# One colour per reason family, so a glance tells navigation from captions from related rails.
REASON_STYLES = {
    "navigation": "blue", "social": "cyan", "related": "magenta", "caption": "yellow", "title": "bold green",
    "standfirst": "green", "byline": "green", "dateline": "green", "section": "green", "comments": "red",
    "footer": "bright_black", "advertising": "bright_red", "legal": "bright_black", "whitespace": "dim",
    "duplicate": "bright_magenta", "subscribe": "bright_cyan", "boilerplate": "bright_yellow", "markup": "dim",
}


def find_row(release_dir: Path, config: str, article_id: str) -> dict[str, Any]:
    """One row of a config by id, read with a filter so a large release is not loaded whole."""
    files = config_files(release_dir, config)
    if not files:
        raise BuildDatasetError(f"has no {config!r} Parquet files", path=release_dir,
                                fix="pass a release folder made by `build-dataset build`")
    table = ds.dataset([str(f) for f in files], format="parquet").to_table(filter=ds.field("id") == article_id)
    if table.num_rows == 0:
        raise BuildDatasetError(f"no article with id {article_id!r}", path=release_dir,
                                fix="list ids with: python -c \"import pyarrow.parquet as pq; "
                                    f"print(pq.read_table('{release_dir}/data', columns=['id']))\"")
    return table.to_pylist()[0]


def marked_raw(raw: str, removed: list[dict[str, Any]], hide: frozenset[str] = frozenset()) -> Text:
    """The raw text with removed spans struck through in their reason's colour, tagged `[reason]`.

    Spans whose reason is in `hide` are left out, each leaving only a line break (if it held one) or a
    space, so that the text around it stays apart: an HTML page with its tags hidden reads as text.
    """
    text = Text()
    position = 0
    last = "\n"  # the last character written, so a hidden span adds no gap after one
    for span in sorted(removed, key=lambda s: s["start"]):
        before = raw[position:span["start"]]
        text.append(before)
        last = before[-1:] or last
        position = max(position, span["end"])
        piece = raw[span["start"]:span["end"]]
        if span["reason"] in hide:
            gap = "\n" if "\n" in piece else " "
            if last not in ("\n", gap):
                text.append(gap)
                last = gap
            continue
        last = piece[-1:] or last
        style = REASON_STYLES.get(span["reason"], "bright_black")
        for line in piece.splitlines(keepends=True):
            content = line.rstrip()
            text.append(content, style=f"{style} strike")
            if content.strip():  # each removed line ends with its reason, before its newline
                text.append(f"[{span['reason']}]", style=f"reverse {style}")
            text.append(line[len(content):])
    text.append(raw[position:])
    return text


def metadata_table(row: dict[str, Any]) -> Table:
    table = Table(title="extracted metadata", show_header=False)
    for name in ("id", "source_file", "url", "outlet", "title", "description", "authors", "section",
                 "published", "published_source", "language", "language_score", "word_count", "quality_flags",
                 "duplicate_of"):
        if name in schema.column_names():
            table.add_row(name, str(row.get(name)))
    table.add_row("entities", str(len(row.get("entities") or [])))
    table.add_row("quotes", str(len(row.get("quotes") or [])))
    return table


def default_hidden(source_file: str) -> frozenset[str]:
    """What `inspect` hides unless told otherwise: the tags of an HTML page, which would bury its text."""
    return frozenset({"markup"}) if Path(source_file).suffix.lower() in HTML_SUFFIXES else frozenset()


def audit_view(release_dir: Path, article_id: str, hide: frozenset[str] | None = None) -> Group:
    """Everything `build-dataset inspect` shows for one article; spans of the reasons in `hide` are left
    out (by default `default_hidden`), and the legend says so."""
    raw = find_row(release_dir, schema.RAW_CONFIG, article_id)
    article = find_row(release_dir, schema.DEFAULT_CONFIG, article_id)
    hide = default_hidden(raw["source_file"]) if hide is None else hide
    legend = Text("removed: ")
    for reason in sorted({s["reason"] for s in raw["removed"]}):
        legend.append(f" {reason} ", style=f"reverse {REASON_STYLES.get(reason, 'bright_black')}")
    shown = [s for s in raw["removed"] if s["reason"] in hide]
    if shown:
        legend.append(f"   hidden: {', '.join(sorted({s['reason'] for s in shown}))} (show with --hide none)")
    return Group(metadata_table(article), legend, Text(""), marked_raw(raw["raw"], raw["removed"], hide))
