"""Decide what a push must do, from local and remote file listings alone (pure, so easy to test).

A file is unchanged when its content hash equals the remote's: sha256 for LFS files (the LFS oid),
the git blob id for regular files. Files the release does not own (e.g. the Hub's `.gitattributes`)
are never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from build_dataset.publish.changelog import HistoryBase
from build_dataset.publish.errors import PublishError
from build_dataset.publish.release import LocalFile
from build_dataset.publish.version import Version

# Top-level files a release writes; stale copies of these on the remote are removed.
RELEASE_TOP_LEVEL_FILES = frozenset({"README.md", "CHANGELOG.md"})


@dataclass(frozen=True)
class RemoteFile:
    """A file in the remote tree; `sha256` is set for LFS files only."""

    path: str
    size: int
    git_oid: str
    sha256: str | None = None


@dataclass(frozen=True)
class UploadPlan:
    """What one commit changes on the remote, and the tag that marks it."""

    tag: str
    added: tuple[LocalFile, ...] = ()
    changed: tuple[tuple[LocalFile, RemoteFile], ...] = ()
    removed: tuple[RemoteFile, ...] = ()
    unchanged: tuple[str, ...] = ()
    kept: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        """True when the remote already holds exactly the release's files."""
        return not (self.added or self.changed or self.removed)

    @property
    def upload_bytes(self) -> int:
        return sum(f.size for f in self.added) + sum(local.size for local, _ in self.changed)


def same_content(local: LocalFile, remote: RemoteFile) -> bool:
    """Whether the remote file holds the local bytes, by the hash the Hub reports for it."""
    if remote.sha256 is not None:
        return remote.sha256 == local.sha256
    return remote.git_oid == local.git_oid


def owned_by_release(path: str, local: dict[str, LocalFile]) -> bool:
    """A remote path the release manages: a release top-level file, or inside a folder the release has."""
    parts = PurePosixPath(path).parts
    if len(parts) == 1:
        return path in RELEASE_TOP_LEVEL_FILES
    release_folders = {PurePosixPath(p).parts[0] for p in local if len(PurePosixPath(p).parts) > 1}
    return parts[0] in release_folders


def plan_upload(local: dict[str, LocalFile], remote: dict[str, RemoteFile], tag: str) -> UploadPlan:
    """Compare listings: new and changed local files are uploaded, stale release files deleted."""
    added, changed, unchanged = [], [], []
    for path in sorted(local):
        if path not in remote:
            added.append(local[path])
        elif same_content(local[path], remote[path]):
            unchanged.append(path)
        else:
            changed.append((local[path], remote[path]))
    stale = [remote[p] for p in sorted(remote) if p not in local]
    removed = tuple(f for f in stale if owned_by_release(f.path, local))
    kept = tuple(f.path for f in stale if not owned_by_release(f.path, local))
    return UploadPlan(tag, tuple(added), tuple(changed), removed, tuple(unchanged), kept)


def check_publishable(plan: UploadPlan, version: Version, repo_id: str, *, remote_version: Version | None,
                      tag_plan: UploadPlan | None, history: HistoryBase | None = None) -> bool:
    """Refuse pushes that would break the promise that a version tag names one fixed content, or that
    would publish a history that does not continue the one on the Hub (see `check_history`).

    `tag_plan` is the plan against the files at the existing tag `v{version}` (None when there is no
    such tag); `history` is what the release's CHANGELOG.md says it was built on (None: no CHANGELOG.md).
    Returns True when the release is already published under its tag (nothing to do).
    """
    if tag_plan is not None and tag_plan.is_empty:
        return True
    if history is not None and not plan.is_empty:
        check_history(history, version, repo_id, remote_version)
    if tag_plan is not None:
        raise PublishError(
            f"tag {plan.tag} already exists on {repo_id} with different content ({_differences(tag_plan)})",
            fix="bump the version (`build-dataset version bump patch`), rebuild and push again")
    if remote_version is not None and version < remote_version:
        raise PublishError(f"{repo_id} is already at v{remote_version}, newer than this release's v{version}",
                           fix="build the release from the current dataset.yaml version")
    if not plan.is_empty and remote_version == version:
        raise PublishError(
            f"the release changes files on {repo_id} but keeps its version {version}",
            fix="bump the version (`build-dataset version bump major|minor|patch`), rebuild and push again")
    return False


SHOWN_FILES = 5
"""How many differing files an error names: enough to see whether only the card differs."""


def _differences(tag_plan: UploadPlan) -> str:
    """The files that differ from the tag's, a few by name: after a tool upgrade that only re-renders the
    card, "README.md differs" says at once that the data files are the tag's."""
    names = [*(f"{local.path} differs" for local, _ in tag_plan.changed),
             *(f"{f.path} is not at the tag" for f in tag_plan.added),
             *(f"{f.path} is only at the tag" for f in tag_plan.removed)]
    more = f"; and {len(names) - SHOWN_FILES} more" if len(names) > SHOWN_FILES else ""
    return "; ".join(names[:SHOWN_FILES]) + more


def check_history(history: HistoryBase, version: Version, repo_id: str, remote_version: Version | None) -> None:
    """Refuse a release whose CHANGELOG was not computed against what the Hub's main holds now.

    A release that moves main to a new version must have been built on main's version (or be a first
    release of an empty repo): otherwise its CHANGELOG and card describe changes since some other
    version, and its data may undo what main published since (a fix made from another copy). Only the
    version is compared; the build is trusted to have diffed against that version's data, which is
    what `build --previous OWNER/NAME` guarantees. Called only when the push would change main's files:
    a release whose files main already holds is main's own history.
    """
    fix = f"run `build-dataset build --previous {repo_id}` so the history continues {repo_id}'s main, then push"
    if history.version != str(version):
        raise PublishError(f"CHANGELOG.md's newest entry is not for v{version}", fix=fix)
    if not history.computed:
        raise PublishError(f"this release's changes since the previous version were not computed "
                           f"(CHANGELOG.md: v{version} has no base)", fix=fix)
    if history.since is None:
        if remote_version is not None:
            raise PublishError(f"this release's history starts afresh (\"First release\") but {repo_id} is "
                               f"already at v{remote_version}", fix=fix)
        return
    if remote_version is None:
        raise PublishError(f"this release was built on v{history.since} but {repo_id} has no release",
                           fix=f"check --repo-id; to start {repo_id} afresh, build into an empty folder "
                               "without --previous")
    if remote_version != version and history.since != str(remote_version):
        raise PublishError(f"this release was built on v{history.since} but {repo_id} is at v{remote_version}",
                           fix=fix)
