"""The build: stream every source through the stages into a staging folder, validate, then swap.

Passes over the corpus, none of which holds it in memory:
0. hash every file (ids fix the output order) and, for outlets with enough pages, count their lines
   to find the furniture they repeat on every page;
1. clean, annotate and sign (MinHash) each article in id order wherever the engine runs it, writing the
   `raw` config and a staging file, and indexing the signatures (512 bytes per article);
2. link duplicates from the index, then write the default config with them filled in.
The release is built beside the output and swapped in only after it validates, so a failed or
interrupted build leaves the previous release untouched.
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa

from build_dataset import engines, schema
from build_dataset.annotate.dedup import DuplicateIndex
from build_dataset.assemble import outlet_key
from build_dataset.card import load_identity, write_card
from build_dataset.clean import count_keys, furniture_keys, sample_pages
from build_dataset.engines import Task
from build_dataset.errors import BuildDatasetError, BuildTerminated, InputError, ValidationError, printable
from build_dataset.package import ShardWriter, read_batches
from build_dataset.provenance import pipeline_version
from build_dataset.publish.changelog import (
    changelog_entry,
    history_base,
    render_versions_section,
    update_changelog,
)
from build_dataset.publish.diff import diff_releases
from build_dataset.publish.errors import PublishError
from build_dataset.publish.release import release_version
from build_dataset.publish.sources import DIFF_PATTERNS, fetch_release
from build_dataset.publish.version import parse_version
from build_dataset.read import (
    DEFAULT_MAX_BYTES,
    ManifestEntry,
    SourceFile,
    discover,
    nothing_to_build,
    provenance_warnings,
    read_manifest,
    read_text,
    scan,
)
from build_dataset.release_dir import (
    check_output,
    make_leftover,
    sigterm_interrupts,
    swap_into_place,
    sweep_leftovers,
    umask,
)

# What a build reads of its base release: the data it diffs against and the history it carries forward.
BASE_PATTERNS = [*DIFF_PATTERNS, "CHANGELOG.md", "README.md"]
# An outlet needs this many pages in a build before lines it repeats count as its furniture.
MIN_PAGES_FOR_FURNITURE = 5

Progress = Callable[[str, int, int], None]


@dataclass
class BuildSummary:
    """What a build did, for the CLI's summary table and for tests."""

    output: Path
    version: str
    files_read: int = 0
    articles_written: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _collect_sources(input_dir: Path, max_bytes: int, skip_bad: bool, summary: BuildSummary) -> list[SourceFile]:
    """All usable source files, sorted by id; a file repeating another's bytes is kept as its duplicate."""
    sources: list[SourceFile] = []
    by_hash: dict[str, SourceFile] = {}
    refused: list[InputError] = []
    pages, ignored = discover(input_dir)
    for path in ignored:
        summary.warnings.append(f"{printable(path.relative_to(input_dir).as_posix())}: not a .txt/.html page, ignored")
    for source in scan(input_dir, pages, max_bytes=max_bytes):
        if isinstance(source, InputError):
            if not skip_bad:
                raise source
            refused.append(source)
            summary.skipped.append(str(source))
            continue
        first = by_hash.get(source.sha256)
        if first is None:
            by_hash[source.sha256] = source
        else:
            source = replace(source, copy_of=first)
            summary.warnings.append(f"{source.relative}: same bytes as {first.relative}; kept with "
                                    f"duplicate_of={first.id} (remove one copy if it was a mistake)")
        sources.append(source)
    if not sources:
        raise nothing_to_build(input_dir, refused)
    sources.sort(key=lambda s: s.id)
    return sources


def corpus_furniture(sources: list[SourceFile], manifest: dict[str, ManifestEntry],
                     progress: Progress) -> dict[str, frozenset[str]]:
    """Per outlet, the line keys that recur on so many of its pages that they are page furniture,
    judged on a bounded sample of each big outlet's pages (`sample_pages`)."""
    groups: dict[str, list[SourceFile]] = defaultdict(list)
    for source in sources:
        key = outlet_key(manifest.get(source.relative))
        if key is not None and not source.is_html:
            groups[key].append(source)
    samples = {k: sample_pages(v, key=lambda s: s.sha256) for k, v in sorted(groups.items())
               if len(v) >= MIN_PAGES_FOR_FURNITURE}
    total = sum(map(len, samples.values()))
    done = 0

    def texts(members: list[SourceFile]) -> Iterator[str]:
        nonlocal done
        for source in members:
            try:
                yield read_text(source).text
            except InputError:
                continue  # reported by the main pass
            done += 1
            progress("furniture", done, total)

    furniture: dict[str, frozenset[str]] = {}
    for key, members in samples.items():
        counts, n = count_keys(texts(members))
        furniture[key] = furniture_keys(counts, n)
    return furniture


def _build_into(staging: Path, input_dir: Path, *, identity: dict, card_template: Path, max_bytes: int,
                skip_bad: bool, dup_threshold: float, base: BaseRelease | None, progress: Progress,
                summary: BuildSummary, engine: str, workers: int) -> None:
    manifest = read_manifest(input_dir)
    sources = _collect_sources(input_dir, max_bytes, skip_bad, summary)
    summary.files_read = len(sources)
    summary.warnings.extend(provenance_warnings(input_dir, manifest, [s.relative for s in sources]))
    furniture = corpus_furniture(sources, manifest, progress)

    work = staging / ".work"
    work.mkdir()
    version = identity["version"]
    staged = ShardWriter(work, schema.DEFAULT_CONFIG, dataset_version=version, pipeline_version=pipeline_version())
    raw = ShardWriter(staging, schema.RAW_CONFIG, dataset_version=version, pipeline_version=pipeline_version())
    tasks = [Task(source=source, entry=manifest.get(source.relative)) for source in sources]
    refused: list[InputError] = []
    index = DuplicateIndex(dup_threshold)
    for done, outcome in enumerate(engines.run(engine, tasks, furniture, workers), start=1):
        if isinstance(outcome, InputError):
            if not skip_bad:
                raise outcome
            refused.append(outcome)
            summary.skipped.append(str(outcome))
            continue
        article, raw_article, signature = outcome
        staged.write(schema.to_row(article))
        raw.write(schema.to_row(raw_article))
        index.add(article.id, signature)
        progress("clean+annotate", done, len(sources))
    staged_files = [s.path for s in staged.close()]
    raw.close()
    if len(refused) == len(sources):
        raise nothing_to_build(input_dir, refused)

    duplicates = index.clusters()
    for source in sources:  # identical bytes are duplicates whatever the cleaner made of them
        if source.copy_of is None:
            continue
        cluster = duplicates.get(source.copy_of.id, (None, source.copy_of.id))[1]
        if duplicates.get(source.id, (None, source.id))[1] != cluster:
            duplicates[source.id] = (cluster, cluster)
    final = ShardWriter(staging, schema.DEFAULT_CONFIG, dataset_version=version, pipeline_version=pipeline_version())
    for batch in read_batches(staged_files):
        ids = batch.column("id").to_pylist()
        marks = [duplicates.get(i, (None, i)) for i in ids]
        batch = batch.set_column(batch.schema.get_field_index("duplicate_of"), "duplicate_of",
                                 pa.array([m[0] for m in marks], pa.string()))
        batch = batch.set_column(batch.schema.get_field_index("cluster_id"), "cluster_id",
                                 pa.array([m[1] for m in marks], pa.string()))
        final.write_batch(batch)
        summary.articles_written += batch.num_rows
        summary.duplicates += sum(1 for m in marks if m[0] is not None)
    final.close()
    shutil.rmtree(work)
    write_card(staging, identity=identity, template=card_template,
               versions=write_history(base, staging, identity, summary))


def _versions_text(readme: Path) -> str | None:
    """The "Versions" section of a release's card, kept verbatim when a version is rebuilt unchanged."""
    text = readme.read_text(encoding="utf-8")
    start = text.find("\n## Versions\n")
    if start < 0:
        return None
    end = text.find("\n## ", start + 1)
    return text[start + 1: end if end >= 0 else len(text)].rstrip("\n") + "\n"


@dataclass(frozen=True)
class BaseRelease:
    """The release a build's history continues: its folder, and how to name it in a warning."""

    folder: Path
    label: str


def resolve_base(previous: str | None, output_dir: Path, version: str) -> BaseRelease | None:
    """The release the new history is computed against: `--previous` (a folder or `OWNER/NAME[@REV]`,
    fetched as `build-dataset diff` fetches it), else the release already in the output folder.

    Resolved before any page is read, so a wrong or unreachable `--previous` costs no time.
    """
    if previous is None:
        if not (output_dir / "README.md").is_file():
            return None
        base = BaseRelease(output_dir, f"{output_dir.name}/")
    else:
        base = BaseRelease(fetch_release(previous, patterns=BASE_PATTERNS), previous)
    base_version = release_version(base.folder)
    if base_version > parse_version(version):
        raise PublishError(f"the base release {base.label} is v{base_version}, newer than this build's v{version}",
                           path="--previous" if previous else None,
                           fix="run `build-dataset version bump` so the new version follows it")
    return base


def write_history(base: BaseRelease | None, staging: Path, identity: dict, summary: BuildSummary) -> str:
    """Write CHANGELOG.md into the new release and return the card's "Versions" section.

    The history is carried forward from `base` and the new entry is the diff against it. The build
    cannot know whether the base is the published version, so it never guesses:
    - the base holds this same version with the same data: its history is kept verbatim, so that a
      rebuild (in place, or into a fresh folder with `--previous OWNER/NAME`) stays byte-identical;
    - the base holds this same version with other data: it is a draft or a published version, and a
      diff against it would say "vX changed since vX". The entry says instead that the changes were not
      computed, and a warning tells the two cases apart (bump if published, else `--previous` the
      release before it);
    - the base's own newest entry was not computed: it may not be the published version either, so
      neither is this entry (otherwise a bump after a dirty rebuild records "no changes").
    `push` refuses an entry that was not computed, so none of these reaches the Hub.
    """
    version, repo_id = identity["version"], identity.get("repo_id", "OWNER/NAME")
    changelog = staging / "CHANGELOG.md"
    if base is None:
        update_changelog(changelog, changelog_entry(None, version, None))
        return render_versions_section(None, version, None, repo_id=repo_id)
    if (base.folder / "CHANGELOG.md").is_file():
        shutil.copyfile(base.folder / "CHANGELOG.md", changelog)
    base_version = str(release_version(base.folder))
    diff = diff_releases(base.folder, staging, old_label=f"v{base_version}", new_label=f"v{version}")
    if base_version == version:
        kept = _versions_text(base.folder / "README.md")
        if diff.is_empty and kept is not None and changelog.is_file():
            return kept
        summary.warnings.append(
            f"{base.label} already holds v{version} with "
            f"{'other data' if not diff.is_empty else 'no history'}, so the changes since the version before it "
            f"were not computed and push will refuse this release: if v{version} is published, run `build-dataset "
            f"version bump` and build again; if not, build again with `--previous {repo_id}` (the Hub's main) "
            "or `--previous` a folder holding the release before it")
        diff = None
    elif changelog.is_file() and not history_base(changelog.read_text(encoding="utf-8")).computed:
        summary.warnings.append(
            f"the base {base.label} (v{base_version}) has no computed history itself, so it may not be the "
            f"published v{base_version}: the changes were not computed and push will refuse this release; "
            f"build again with `--previous {repo_id}` (the Hub's main)")
        diff = None
    update_changelog(changelog, changelog_entry(diff, version, base_version))
    return render_versions_section(diff, version, base_version, repo_id=repo_id)


def _check_options(dup_threshold: float, engine: str, workers: int) -> None:
    """Options that would otherwise fail only after the long passes over the corpus."""
    if not 0 < dup_threshold <= 1:
        raise InputError(f"must be above 0 and at most 1, not {dup_threshold}", path="--dup-threshold",
                         fix="0.8 marks articles sharing 80% of their word 5-grams")
    if engine not in engines.ENGINES:
        raise InputError(f"unknown engine {engine!r}", path="--engine", fix=f"use one of {', '.join(engines.ENGINES)}")
    if workers < 1:
        raise InputError(f"must be at least 1, not {workers}", path="--workers", fix="use 1 or more")
    if engine == "ray":
        engines.check_ray()


def build(input_dir: Path, output_dir: Path, *, version: str | None = None,
          identity_path: Path = Path("dataset.yaml"), card_template: Path = Path("dataset_card.md"),
          max_bytes: int = DEFAULT_MAX_BYTES, skip_bad: bool = False, dup_threshold: float = 0.8,
          engine: str = "local", workers: int = 1, previous: str | None = None,
          progress: Progress = _no_progress) -> BuildSummary:
    """Build a release folder from a folder of scraped pages; the previous release survives any failure.

    Everything that can be refused without reading the pages is checked first, so a mistake costs
    no time and the output is replaced only when it is missing, empty or a previous release.
    `previous` names the release whose history this one continues (see `resolve_base`).
    """
    from build_dataset.validate import validate_release

    _check_options(dup_threshold, engine, workers)
    identity = load_identity(identity_path)
    if version is not None:
        identity["version"] = version
    summary = BuildSummary(output=output_dir, version=identity["version"])
    output_dir = output_dir.resolve()
    check_output(input_dir.resolve(), output_dir)
    try:
        output_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create the output's folder: {error.strerror}", path=output_dir,
                         fix="choose another --output") from None
    base = resolve_base(previous, output_dir, identity["version"])
    summary.warnings.extend(sweep_leftovers(output_dir))
    with sigterm_interrupts():
        staging = make_leftover(output_dir, "building")
        try:
            os.chmod(staging, 0o777 & ~umask())  # mkdtemp makes it private; a release is an ordinary folder
            _build_into(staging, input_dir.resolve(), identity=identity, card_template=card_template,
                        max_bytes=max_bytes, skip_bad=skip_bad, dup_threshold=dup_threshold, base=base,
                        progress=progress, summary=summary, engine=engine, workers=workers)
            progress("validate", 0, 1)
            problems = validate_release(staging)
            if problems:
                raise ValidationError(f"the new release fails validation: {problems[0]}"
                                      + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
                                      path=output_dir, fix="nothing was replaced; report this as a bug")
            swap_into_place(staging, output_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return summary


__all__ = ["BuildDatasetError", "BuildSummary", "BuildTerminated", "build", "swap_into_place"]
