"""Markdown for what changed between versions: CHANGELOG.md entries and the card's "Versions" section.

Entries carry no dates, so that the same inputs and version give byte-identical release files. Each
entry's first bullet names the version it was computed against (its base); `history_base` reads that
back for `push`, which refuses a release whose base is not what the Hub's main holds. The writer and
the reader live here together so that the wording and its parsing cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_dataset.publish.diff import ReleaseDiff

CHANGELOG_TITLE = "# Changelog"
_ENTRY_HEADING = re.compile(r"^## v(?P<version>\S+)", re.MULTILINE)
_MAX_IDS = 20
FIRST_RELEASE = "- First release."
# The first bullet of an entry whose changes the build could not vouch for (see pipeline.write_history).
NOT_COMPUTED = "- Changes not computed: "
_SINCE = re.compile(r"\bsince v(?P<version>\d+\.\d+\.\d+)\b")


@dataclass(frozen=True)
class HistoryBase:
    """What a release's newest CHANGELOG entry says it was built on.

    `since` is the version the entry's changes were computed against, None for a first release;
    `computed` is False when the entry names no base the tool can vouch for (a "Changes not computed"
    entry, a hand-written one, or no entry at all).
    """

    version: str | None
    since: str | None = None
    computed: bool = True


def _ids(ids: list[str]) -> str:
    shown = ", ".join(f"`{i}`" for i in ids[:_MAX_IDS])
    return shown + (f" and {len(ids) - _MAX_IDS} more" if len(ids) > _MAX_IDS else "")


def _not_computed(base: str, version: str | None) -> str:
    """The bullet for a build whose base cannot vouch for the changes: never "vX changed since vX"."""
    if base == version:
        return (f"{NOT_COMPUTED}this build replaced a different v{base}, so what changed since the version "
                "before it is unknown.")
    return f"{NOT_COMPUTED}its base v{base} had no computed history, so it may not be the published v{base}."


def summary_lines(diff: ReleaseDiff | None, previous_version: str | None, version: str | None = None) -> list[str]:
    """Bullet points describing `diff`; a first release (no previous version) says so, and no diff
    against a previous version means the changes were not computed (see `_not_computed`)."""
    if previous_version is None:
        return [FIRST_RELEASE]
    if diff is None:
        return [_not_computed(previous_version, version)]
    pipeline = ([f"- Built by build-dataset `{diff.new_pipeline}`; v{previous_version} was built by "
                 f"`{diff.old_pipeline}`."] if diff.pipeline_changed else [])
    if diff.is_empty:
        return [f"- No article changes since v{previous_version}.", *pipeline]
    lines = [f"- {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed articles "
             f"since v{previous_version} ({diff.unchanged} unchanged).", *pipeline]
    if diff.columns_added or diff.columns_removed:
        lines.append(f"- Schema: columns added {list(diff.columns_added)}, removed {list(diff.columns_removed)}.")
    if diff.added:
        lines.append(f"- Added: {_ids(list(diff.added))}.")
    if diff.removed:
        lines.append(f"- Removed: {_ids(list(diff.removed))}.")
    for group, count in diff.group_counts.items():
        if count:
            ids = [a.id for a in diff.changed if group in a.groups]
            fields = sorted({f for a in diff.changed for f in a.groups.get(group, [])})
            lines.append(f"- Changed {group} ({', '.join(fields)}) in {count} article"
                         f"{'s' if count != 1 else ''}: {_ids(ids)}.")
    return lines


def changelog_entry(diff: ReleaseDiff | None, version: str, previous_version: str | None) -> str:
    """One CHANGELOG.md entry (markdown, ends with a newline) for `version`."""
    return "\n".join([f"## v{version}", "", *summary_lines(diff, previous_version, version)]) + "\n"


def history_base(changelog: str) -> HistoryBase:
    """The base the newest entry of a CHANGELOG.md names, read from the first bullet `summary_lines` wrote."""
    _, entries = _split_entries(changelog)
    if not entries:
        return HistoryBase(None, computed=False)
    version = _version_of(entries[0])
    bullets = [line for line in entries[0].splitlines() if line.startswith("- ")]
    first = bullets[0] if bullets else ""
    if first == FIRST_RELEASE:
        return HistoryBase(version)
    since = _SINCE.search(first)
    if since is None or first.startswith(NOT_COMPUTED):
        return HistoryBase(version, computed=False)
    return HistoryBase(version, since["version"])


def release_history(release_dir: Path) -> HistoryBase | None:
    """The history base of a release folder; None when it has no CHANGELOG.md (it claims no history)."""
    path = release_dir / "CHANGELOG.md"
    return history_base(path.read_text(encoding="utf-8")) if path.is_file() else None


def update_changelog(path: Path, entry: str) -> None:
    """Put `entry` at the top of the changelog, replacing an older entry for the same version.

    Rebuilding a version therefore rewrites its entry instead of stacking duplicates.
    """
    heading = _ENTRY_HEADING.search(entry)
    if heading is None:
        raise ValueError("a changelog entry starts with '## vX.Y.Z'")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    body = text.split("\n", 1)[1] if text.startswith(CHANGELOG_TITLE) else text
    preamble, entries = _split_entries(body)
    kept = [e for e in entries if _version_of(e) != heading["version"]]
    blocks = [*([preamble.strip() + "\n"] if preamble.strip() else []), entry.strip() + "\n",
              *(e.strip() + "\n" for e in kept)]
    path.write_text(CHANGELOG_TITLE + "\n\n" + "\n".join(blocks), encoding="utf-8")


def _split_entries(body: str) -> tuple[str, list[str]]:
    """(text before the first entry, the entries); a hand-written preamble is kept in place."""
    starts = [m.start() for m in _ENTRY_HEADING.finditer(body)]
    if not starts:
        return body, []
    ends = [*starts[1:], len(body)]
    return body[: starts[0]], [body[a:b] for a, b in zip(starts, ends, strict=True)]


def _version_of(entry: str) -> str | None:
    match = _ENTRY_HEADING.search(entry)
    return match["version"] if match else None


def render_versions_section(diff: ReleaseDiff | None, version: str, previous_version: str | None, *,
                            repo_id: str = "OWNER/NAME") -> str:
    """The card's "Versions" section: how to pin this version and what changed since the last one."""
    lines = [
        "## Versions",
        "",
        f"This is version **{version}** of the dataset, published under the git tag `v{version}`. "
        "Versions follow semantic versioning: a schema change bumps the major version, articles added or "
        "removed bump the minor version, and fixes bump the patch version. Pin a version for reproducible "
        "work:",
        "",
        "```python",
        "from datasets import load_dataset",
        "",
        f'ds = load_dataset("{repo_id}", revision="v{version}")',
        "```",
        "",
        f"### Changes in v{version}",
        "",
        *summary_lines(diff, previous_version, version),
        "",
        "The full history is in `CHANGELOG.md`.",
    ]
    return "\n".join(lines) + "\n"
