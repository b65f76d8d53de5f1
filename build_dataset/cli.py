"""Command line: a thin typer layer over the library; every command is a library call."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from build_dataset.errors import BuildDatasetError, BuildTerminated
from build_dataset.provenance import pipeline_version

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn scraped news pages into a clean, annotated, versioned Hub dataset.")
# Markup off: what these consoles print is file names, paths, titles and fixes such as
# `pip install -e ".[ray]"`, whose square brackets rich would otherwise take for tags and drop.
# The few styled labels are Text objects (see `_report`).
console = Console(stderr=True, markup=False)
out = Console(markup=False)

F = TypeVar("F", bound=Callable[..., Any])


def _report(label: str, style: str, message: object) -> None:
    """One line on stderr: a styled label, then the message exactly as it is."""
    console.print(Text.assemble((label, style), " ", str(message)), highlight=False, soft_wrap=True)


def one_line_errors(command: F) -> F:
    """Turn the project's errors into one line on stderr and exit status 1, without a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BuildDatasetError as error:
            _report("error:", "bold red", error)
            raise typer.Exit(1) from None
        except KeyboardInterrupt as error:
            _report("interrupted:", "bold red", "nothing was replaced")
            # the shell's codes: 128 + SIGINT (Ctrl-C) or 128 + SIGTERM (`kill`)
            raise typer.Exit(143 if isinstance(error, BuildTerminated) else 130) from None

    return wrapper  # type: ignore[return-value]


def _show_version(value: bool) -> None:
    if value:
        out.print(f"build-dataset {pipeline_version()}")
        out.print(f"cleaner: {speedups_state()}", highlight=False)
        raise typer.Exit()


def speedups_state() -> str:
    """Whether the cleaner runs its C speedups: an install without a C compiler runs the Python references,
    with the same output at about two thirds of the speed, and a maintainer should know which."""
    from build_dataset.clean import native

    if native.use_speedups:
        return "C speedups (build_dataset/clean/_speedups.c)"
    if native.speedups is not None:
        return f"Python only ({native.PURE_PYTHON} is set; same output, slower)"
    return ("Python only: the C speedups were not built at install (install gcc and the Python headers, then "
            "pip install -e . again); same output, slower")


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the tool's version and exit.")] = False,
) -> None:
    """Turn scraped news pages into a clean, annotated, versioned Hub dataset."""


@app.command()
@one_line_errors
def build(
    input_dir: Annotated[Path, typer.Option("--input", help="Folder of scraped pages (searched recursively).")]
    = Path("seeds"),
    output: Annotated[Path, typer.Option("--output", help="Release folder to (re)write.")] = Path("release"),
    identity: Annotated[Path, typer.Option(help="The dataset's identity file (version, name, license).")]
    = Path("dataset.yaml"),
    card: Annotated[Path, typer.Option(help="The card's prose template.")] = Path("dataset_card.md"),
    max_bytes: Annotated[int, typer.Option(help="Refuse source files larger than this.")] = 20 * 1024 * 1024,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Skip unusable files with a warning "
                                           "instead of stopping.")] = False,
    dup_threshold: Annotated[float, typer.Option(help="Jaccard similarity (word 5-grams) above which two "
                                                 "articles are near duplicates.")] = 0.8,
    engine: Annotated[str, typer.Option(help="Where the per-article work runs: local (this process), pool "
                                        "(local processes) or ray (Ray Data, local or RAY_ADDRESS).")] = "local",
    workers: Annotated[int, typer.Option(help="Processes for the pool and ray engines.")] = 2,
    previous: Annotated[str | None, typer.Option(
        "--previous", metavar="REF",
        help="The release this one follows, a folder or OWNER/NAME[@REVISION] (e.g. the Hub's main): its "
             "CHANGELOG is carried forward and the new entry is computed against it. Default: the release "
             "already in --output.")] = None,
) -> None:
    """Build a release folder (Parquet + card) from a folder of scraped pages, then validate it."""
    from build_dataset.pipeline import build as run_build

    columns = (TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        summary = run_build(input_dir, output, identity_path=identity, card_template=card, max_bytes=max_bytes,
                            skip_bad=skip_bad, dup_threshold=dup_threshold, engine=engine, workers=workers,
                            previous=previous, progress=progress)
    table = Table(title=f"build-dataset {pipeline_version()}: dataset v{summary.version} in {output}")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("files read", str(summary.files_read))
    table.add_row("articles written", str(summary.articles_written))
    table.add_row("duplicates marked", str(summary.duplicates))
    table.add_row("files skipped", str(len(summary.skipped)))
    table.add_row("warnings", str(len(summary.warnings)))
    out.print(table)
    for line in summary.skipped:
        _report("skipped:", "yellow", line)
    for line in summary.warnings[:20]:
        _report("warning:", "yellow", line)
    if len(summary.warnings) > 20:
        _report("...", "yellow", f"and {len(summary.warnings) - 20} more warnings")


@app.command()
@one_line_errors
def validate(
    release: Annotated[Path, typer.Argument(help="Release folder to check.")],
    no_load: Annotated[bool, typer.Option("--no-load", help="Skip the load_dataset check.")] = False,
) -> None:
    """Check offline that a release folder holds all a consumer relies on."""
    from build_dataset.validate import validate_release

    problems = validate_release(release, load=not no_load)
    for problem in problems:
        _report("invalid:", "red", problem)
    if problems:
        raise typer.Exit(1)
    out.print(f"{release}: valid", highlight=False, soft_wrap=True)


@app.command()
@one_line_errors
def inspect(
    release: Annotated[Path, typer.Argument(help="Release folder.")],
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The article's id.")],
    hide: Annotated[list[str] | None, typer.Option(
        "--hide", metavar="REASON",
        help="Leave out removed spans of this reason (repeatable); 'none' shows every span. "
             "Default: markup for HTML pages, nothing for text dumps.")] = None,
) -> None:
    """Show an article's raw page with the removed spans marked and their reasons, and its metadata."""
    from build_dataset.audit import audit_view

    # soft wrap: the page's lines reach a pipe or a terminal as they are in the raw text, never cut at
    # the terminal's width, so the output can be saved, grepped and diffed against the page
    out.print(audit_view(release, article_id, _hidden_reasons(hide)), soft_wrap=True)


def _hidden_reasons(hide: list[str] | None) -> frozenset[str] | None:
    """The reasons `--hide` names (None: inspect's default); a misspelt reason would hide nothing, silently."""
    from build_dataset.schema import REMOVAL_REASONS

    if not hide:
        return None
    for reason in hide:
        if reason != "none" and reason not in REMOVAL_REASONS:
            raise BuildDatasetError(f"{reason!r} is not a removal reason", path="--hide",
                                    fix=f"use one of: none, {', '.join(sorted(REMOVAL_REASONS))}")
    return frozenset(hide) - {"none"}


@app.command()
@one_line_errors
def entities(
    release: Annotated[Path, typer.Argument(help="Release folder.")],
    unlinked: Annotated[bool, typer.Option("--unlinked", help="List mentions not linked to the catalog.")] = False,
    limit: Annotated[int, typer.Option(help="Show at most this many rows (0: all).")] = 100,
) -> None:
    """Entities of a release by mentions; with --unlinked, the mentions the catalog lacks."""
    from build_dataset.entities_report import linked_entities, render_unlinked, unlinked_mentions

    if unlinked:
        typer.echo(render_unlinked(unlinked_mentions(release), limit=limit or None))
    else:
        typer.echo(render_unlinked(linked_entities(release), limit=limit or None, heading="entity",
                                   empty="no linked entities"))


# --- publish stage (build_dataset/publish): push, diff, version bump --------------------------------------
@app.command()
@one_line_errors
def push(
    release: Annotated[Path, typer.Argument(help="Release folder to publish.")],
    repo_id: Annotated[str, typer.Option("--repo-id", help="Dataset repo on the Hub, OWNER/NAME.")],
    private: Annotated[bool, typer.Option("--private", help="Create the repo private when missing.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan only; needs no token.")] = False,
) -> None:
    """Validate a release and publish it as one commit tagged v{version}, uploading only what changed."""
    from build_dataset.publish.push import push_release, render_report

    report = push_release(release, repo_id, private=private, dry_run=dry_run)
    typer.echo(render_report(report, dry_run=dry_run))


@app.command()
@one_line_errors
def diff(
    old: Annotated[str, typer.Argument(help="Old release: a folder or OWNER/NAME@REVISION.")],
    new: Annotated[str, typer.Argument(help="New release: a folder or OWNER/NAME@REVISION.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """List articles added, removed and changed (with the changed fields) between two releases."""
    import json

    from build_dataset.publish.diff import diff_releases, render_diff
    from build_dataset.publish.sources import fetch_release

    result = diff_releases(fetch_release(old), fetch_release(new), old_label=old, new_label=new)
    typer.echo(json.dumps(result.to_dict(), indent=2) if as_json else render_diff(result))


version_app = typer.Typer(no_args_is_help=True, help="Show or bump the dataset version in dataset.yaml.")
app.add_typer(version_app, name="version")


@version_app.command("show")
@one_line_errors
def version_show(
    identity: Annotated[Path, typer.Option(help="The dataset's identity file.")] = Path("dataset.yaml"),
) -> None:
    """Print the dataset version in dataset.yaml."""
    from build_dataset.publish.version import read_version

    typer.echo(str(read_version(identity)))


@version_app.command("bump")
@one_line_errors
def version_bump(
    part: Annotated[str, typer.Argument(help="major (schema change), minor (articles added/removed) "
                                             "or patch (fixes).")],
    identity: Annotated[Path, typer.Option(help="The dataset's identity file.")] = Path("dataset.yaml"),
) -> None:
    """Bump the `version:` line of dataset.yaml in place and print old -> new."""
    from build_dataset.publish.version import bump_version

    old, new = bump_version(identity, part)  # type: ignore[arg-type]  # bump_version rejects other parts
    typer.echo(f"{old} -> {new}")


if __name__ == "__main__":  # `python -m build_dataset.cli`, as the benchmarks run it
    app()
