"""Card stage: render the release's README.md from the card's prose and figures computed from the data.

The prose lives in `dataset_card.md`; everything a reader could check (languages, sizes, counts,
field descriptions, measured scores) is filled in here from the written files or from the results
that the benchmark scripts save, so the card cannot drift from the data.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import yaml
from lingua import IsoCode639_1, Language

from build_dataset import schema
from build_dataset.assemble import count_words
from build_dataset.errors import InputError
from build_dataset.package import SPLIT, config_files, config_glob, iter_rows, read_batches
from build_dataset.publish.version import parse_version

REQUIRED_IDENTITY = ("version", "pretty_name", "license")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)(?::\s*([^}]+?))?\s*\}\}")


def load_identity(path: Path) -> dict[str, Any]:
    """The dataset's identity (`dataset.yaml`): its version, name and license."""
    try:
        identity = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("not found", path=path,
                         fix="run from the project folder or pass --identity") from None
    except yaml.YAMLError:
        raise InputError("is not valid YAML", path=path, fix="fix its syntax") from None
    missing = [k for k in REQUIRED_IDENTITY if not isinstance(identity, dict) or k not in identity]
    if missing:
        raise InputError(f"lacks {', '.join(missing)}", path=path, fix="add the missing keys")
    # The same rule as `version show/bump` and push, so a release the build writes is always publishable.
    identity["version"] = str(parse_version(str(identity["version"]), path=path))
    return identity


def size_category(n: int) -> str:
    """The Hub's size bucket for a row count."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
              (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B")]
    for bound, label in bounds:
        if n < bound:
            return label
    return "n>1B"


SHORT_QUOTE_WORDS = 2
"""Quoted spans this short are mostly quoted terms, names and titles ("first stage"), not quotations: the
card counts them so a reader knows how many of the quotes are such."""


@dataclass
class CorpusStats:
    """Figures computed in one streaming pass over the default config."""

    rows: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    words_by_language: Counter[str] = field(default_factory=Counter)
    word_counts: list[int] = field(default_factory=list)
    flags: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    removed_by_reason: Counter[str] = field(default_factory=Counter)
    removed_chars: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    linked_entities: int = 0
    quotes: int = 0
    attributed_quotes: int = 0
    short_quotes: int = 0
    published_known: int = 0
    pipelines: Counter[str] = field(default_factory=Counter)


def corpus_stats(release_dir: Path) -> CorpusStats:
    stats = CorpusStats()
    columns = ["language", "outlet", "word_count", "quality_flags", "duplicate_of", "removed", "repairs", "entities",
               "quotes", "published", "pipeline_version"]
    for row in iter_rows(config_files(release_dir, schema.DEFAULT_CONFIG), columns):
        stats.rows += 1
        language = row["language"] or "unknown"
        stats.languages[language] += 1
        stats.outlets[row["outlet"] or "unknown"] += 1
        stats.words_by_language[language] += row["word_count"]
        stats.word_counts.append(row["word_count"])
        stats.flags.update(row["quality_flags"])
        stats.repairs.update(row["repairs"])
        stats.duplicates += row["duplicate_of"] is not None
        for span in row["removed"]:
            stats.removed_by_reason[span["reason"]] += 1
            stats.removed_chars[span["reason"]] += span["end"] - span["start"]
        stats.entities += len(row["entities"])
        stats.linked_entities += sum(1 for e in row["entities"] if e["name"])
        stats.quotes += len(row["quotes"])
        stats.attributed_quotes += sum(1 for q in row["quotes"] if q["speaker"])
        stats.short_quotes += sum(1 for q in row["quotes"] if count_words(q["text"]) <= SHORT_QUOTE_WORDS)
        stats.published_known += row["published"] is not None
        stats.pipelines[row["pipeline_version"]] += 1
    return stats


def _table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def arrow_bytes(path: Path) -> int:
    """The size in Arrow memory of a Parquet file's rows, batched as `datasets` (5.x, its `parquet`
    builder) batches them when it prepares a split: each row group decoded on its own and cut into
    slices of the first row group's row count.

    The batching matters twice. Each batch counts its own offsets and validity bytes (a slice counts
    them from where it starts), so the sum depends on it: `ParquetFile.iter_batches()`, with batches of
    65,536 rows across row groups, gave another figure than `datasets` for a file of several row groups.
    And such a batch is a whole shard of up to 65,536 rows decoded at once (the raw config of 24,000
    real pages: ~0.5 GB), which was the build's peak memory; a row group at a time holds ~64 MB at most.
    """
    metadata = pq.read_metadata(path)
    if metadata.num_row_groups == 0:
        return 0
    batch_size = max(1, metadata.row_group(0).num_rows)
    return sum(batch.nbytes for group in read_batches([path]) for batch in group.to_batches(max_chunksize=batch_size))


def _split_info(release_dir: Path, config: str) -> dict[str, Any]:
    """A config's `dataset_info` entry. `num_bytes` is the size of its rows in Arrow memory as `datasets`
    sums the tables it writes when it prepares the split (`arrow_bytes`), so the card states what
    loading will take; the Parquet files' own uncompressed size is smaller (no offsets, dictionary pages)."""
    files = config_files(release_dir, config)
    num_examples = num_bytes = download = 0
    for path in files:
        num_examples += pq.ParquetFile(path).metadata.num_rows
        num_bytes += arrow_bytes(path)
        download += path.stat().st_size
    return {
        "config_name": config,
        "features": schema.features(config)._to_yaml_list(),
        "splits": [{"name": SPLIT, "num_bytes": num_bytes, "num_examples": num_examples}],
        "download_size": download,
        "dataset_size": num_bytes,
    }


def front_matter(release_dir: Path, identity: dict[str, Any], stats: CorpusStats) -> dict[str, Any]:
    """The card's YAML metadata, every value taken from the identity file or the written files."""
    languages = sorted(k for k in stats.languages if k != "unknown")
    return {
        "pretty_name": identity["pretty_name"],
        "version": identity["version"],
        "license": identity["license"],
        **({"license_name": identity["license_name"]} if identity.get("license_name") else {}),
        **({"license_link": identity["license_link"]} if identity.get("license_link") else {}),
        "language": languages,
        "multilinguality": "multilingual" if len(languages) > 1 else "monolingual",
        "size_categories": [size_category(stats.rows)],
        "task_categories": list(identity.get("task_categories", [])),
        "tags": list(identity.get("tags", [])),
        "source_datasets": ["original"],
        "annotations_creators": ["machine-generated"],
        "language_creators": ["found"],
        "configs": [
            {"config_name": schema.DEFAULT_CONFIG, "default": True,
             "data_files": [{"split": SPLIT, "path": config_glob(schema.DEFAULT_CONFIG)}]},
            {"config_name": schema.RAW_CONFIG,
             "data_files": [{"split": SPLIT, "path": config_glob(schema.RAW_CONFIG)}]},
        ],
        "dataset_info": [_split_info(release_dir, c) for c in (schema.DEFAULT_CONFIG, schema.RAW_CONFIG)],
    }


def _fields_table(record: type) -> str:
    return _table(["field", "type", "description"],
                  [[f"`{name}`", f"`{kind}`", doc] for name, kind, doc in schema.descriptions(record)])


def _words_table(stats: CorpusStats) -> str:
    if not stats.word_counts:
        return "No articles."
    counts = stats.word_counts
    return _table(["articles", "words", "mean", "median", "min", "max"],
                  [[stats.rows, sum(counts), round(statistics.fmean(counts)), round(statistics.median(counts)),
                    min(counts), max(counts)]])


def _counter_table(title: str, counter: Counter[str], total: int, words: Counter[str] | None = None,
                   meanings: dict[str, str] | None = None) -> str:
    header = [title, "articles", "share"] + (["words"] if words is not None else []) + \
        (["meaning"] if meanings is not None else [])
    rows = []
    for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        row = [key, n, f"{n / total:.0%}" if total else "-"]
        if words is not None:
            row.append(words[key])
        if meanings is not None:
            row.append(meanings.get(key, ""))
        rows.append(row)
    return _table(header, rows) if rows else "None."


def _removed_table(stats: CorpusStats) -> str:
    """Spans and characters removed per reason, most characters first, with what each reason means."""
    rows = [[reason, spans, stats.removed_chars[reason], schema.REMOVAL_REASONS.get(reason, "")]
            for reason, spans in sorted(stats.removed_by_reason.items(),
                                        key=lambda kv: (-stats.removed_chars[kv[0]], kv[0]))]
    return _table(["reason", "spans", "characters", "meaning"], rows) if rows else "None."


def language_names(codes: Counter[str]) -> str:
    """The languages of a release in words, most articles first ("English (4) and Ukrainian (1)")."""
    names = []
    for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
        try:
            name = Language.from_iso_code_639_1(IsoCode639_1.from_str(code)).name.title()
        except ValueError:
            name = "an undetected language" if code == "unknown" else code
        names.append(f"{name} ({n})")
    if len(names) < 2:
        return "".join(names) or "no language"
    return ", ".join(names[:-1]) + " and " + names[-1]


def placeholders(release_dir: Path, identity: dict[str, Any], stats: CorpusStats,
                 versions: str) -> dict[str, str]:
    """The values the card's `{{ name }}` placeholders take."""
    return {
        "version": identity["version"],
        "pretty_name": identity["pretty_name"],
        "repo_id": identity.get("repo_id", "OWNER/NAME"),
        "rows": str(stats.rows),
        "first_data_file": next((p.relative_to(release_dir).as_posix()
                                 for p in config_files(release_dir, schema.DEFAULT_CONFIG)), ""),
        "fields_table": _fields_table(schema.Article),
        "raw_fields_table": _fields_table(schema.RawArticle),
        "language_table": _counter_table("language", stats.languages, stats.rows, stats.words_by_language),
        "outlet_table": _counter_table("outlet", stats.outlets, stats.rows),
        "words_table": _words_table(stats),
        "languages": language_names(stats.languages),
        "flags_table": _counter_table("quality flag", stats.flags, stats.rows, meanings=schema.QUALITY_FLAGS),
        "removed_table": _removed_table(stats),
        "repairs_table": _counter_table("repair", stats.repairs, stats.rows, meanings=schema.REPAIRS),
        "duplicates": str(stats.duplicates),
        "published_known": str(stats.published_known),
        "entities": str(stats.entities),
        "linked_entities": str(stats.linked_entities),
        "quotes": str(stats.quotes),
        "attributed_quotes": str(stats.attributed_quotes),
        "short_quotes": str(stats.short_quotes),
        "versions": versions,
        "pipeline_versions": _pipelines(stats.pipelines),
    }


def _pipelines(pipelines: Counter[str]) -> str:
    """The `pipeline_version`s of the rows, as card prose: one for a plain build, several when workers ran
    other code or libraries (a Ray cluster with mixed nodes)."""
    if len(pipelines) == 1:
        return f"`{next(iter(pipelines))}`"
    return ", ".join(f"`{p}` ({n} rows)" for p, n in sorted(pipelines.items())) or "none (no rows)"


def render(template: str, values: dict[str, str], *, root: Path) -> str:
    """Fill `{{ name }}` and `{{ include: path }}` placeholders; an unknown name is an error."""

    def fill(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(2)
        if name == "include":
            path = root / arg.strip()
            if not path.is_file():
                return f"_Not measured yet: run the script that writes `{arg.strip()}`._"
            return path.read_text(encoding="utf-8").strip()
        if name not in values:
            raise InputError(f"unknown placeholder {{{{ {name} }}}}", path="dataset_card.md",
                             fix=f"use one of {', '.join(sorted(values))}")
        return values[name]

    return _PLACEHOLDER.sub(fill, template)


def write_card(release_dir: Path, *, identity: dict[str, Any], template: Path, versions: str = "") -> Path:
    """Write `README.md` (front matter + rendered prose) into a release folder."""
    try:
        prose = template.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("not found", path=template, fix="run from the project folder or pass --card") from None
    stats = corpus_stats(release_dir)
    meta = yaml.safe_dump(front_matter(release_dir, identity, stats), sort_keys=False, allow_unicode=True,
                          width=1000)
    body = render(prose, placeholders(release_dir, identity, stats, versions), root=template.parent)
    path = release_dir / "README.md"
    path.write_text(f"---\n{meta}---\n\n{body.strip()}\n", encoding="utf-8")
    return path
