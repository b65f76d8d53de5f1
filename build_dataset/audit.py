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


def marked_raw(raw: str, removed: list[dict[str, Any]]) -> Text:
    """The raw text with removed spans struck through in their reason's colour, tagged `[reason]`."""
    text = Text()
    position = 0
    for span in sorted(removed, key=lambda s: s["start"]):
        text.append(raw[position:span["start"]])
        style = REASON_STYLES.get(span["reason"], "bright_black")
        for line in raw[span["start"]:span["end"]].splitlines(keepends=True):
            content = line.rstrip()
            text.append(content, style=f"{style} strike")
            if content.strip():  # each removed line ends with its reason, before its newline
                text.append(f"[{span['reason']}]", style=f"reverse {style}")
            text.append(line[len(content):])
        position = max(position, span["end"])
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


def audit_view(release_dir: Path, article_id: str) -> Group:
    """Everything `build-dataset inspect` shows for one article."""
    raw = find_row(release_dir, schema.RAW_CONFIG, article_id)
    article = find_row(release_dir, schema.DEFAULT_CONFIG, article_id)
    legend = Text("removed: ")
    for reason in sorted({s["reason"] for s in raw["removed"]}):
        legend.append(f" {reason} ", style=f"reverse {REASON_STYLES.get(reason, 'bright_black')}")
    return Group(metadata_table(article), legend, Text(""), marked_raw(raw["raw"], raw["removed"]))
