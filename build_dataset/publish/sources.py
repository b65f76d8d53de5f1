"""Turn a diff argument into a local release folder: a path as is, `OWNER/NAME@REVISION` from the Hub.

A commit or a version tag names fixed content (push never moves a tag), so a cached copy of it is still
right when the Hub cannot be reached. A branch moves: it is resolved on the Hub first, and when that
fails the diff stops, rather than let `snapshot_download` fall back silently to whatever the cache last
saw of the branch (a stale `main` gives a wrong added/removed count and a wrong suggested bump).
"""

from __future__ import annotations

import re
from pathlib import Path

from huggingface_hub import HfApi, snapshot_download
from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

from build_dataset.publish.errors import PublishError
from build_dataset.publish.remote import REPO_TYPE, UNREACHABLE
from build_dataset.publish.version import parse_version

_REPO_SPEC = re.compile(r"(?P<repo>[\w.-]+/[\w.-]+)(?:@(?P<revision>[^\s]+))?")
# Only what the diff reads: the default config's shards.
DIFF_PATTERNS = ["data/*.parquet"]
_COMMIT = re.compile(r"[0-9a-f]{40}")


def parse_repo_spec(spec: str) -> tuple[str, str] | None:
    """(repo_id, revision) for `OWNER/NAME[@REVISION]`, or None when `spec` is not of that form."""
    match = _REPO_SPEC.fullmatch(spec)
    return (match["repo"], match["revision"] or "main") if match else None


def fetch_release(spec: str, patterns: list[str] = DIFF_PATTERNS) -> Path:
    """A local folder holding the release `spec` names; Hub revisions are downloaded into the HF cache."""
    if Path(spec).is_dir():
        return Path(spec)
    parsed = parse_repo_spec(spec)
    if parsed is None:
        raise PublishError(f"{spec!r} is neither a release folder nor OWNER/NAME@REVISION",
                           fix="pass e.g. release/ or OWNER/NAME@v1.0.0")
    repo_id, revision = parsed
    try:
        pinned = revision if is_fixed_revision(revision) else _branch_head(repo_id, revision)
        folder = snapshot_download(repo_id, repo_type=REPO_TYPE, revision=pinned, allow_patterns=patterns)
    except RevisionNotFoundError:
        raise PublishError(f"{repo_id} has no revision {revision}", fix="check the tag (e.g. v1.0.0)") from None
    except RepositoryNotFoundError:
        raise PublishError(f"dataset repo {repo_id} not found", fix="check the repo id, or log in if private") \
            from None
    except HfHubHTTPError as err:
        raise PublishError(f"cannot download {spec}: {type(err).__name__}", fix="try again later") from None
    except UNREACHABLE as err:
        raise PublishError(f"cannot download {spec}: the Hub is unreachable ({type(err).__name__})",
                           fix="check the network or HF_ENDPOINT") from None
    return Path(folder)


def is_fixed_revision(revision: str) -> bool:
    """A commit id or a version tag `vX.Y.Z`: content that never changes, so the HF cache may serve it."""
    if _COMMIT.fullmatch(revision):
        return True
    if not revision.startswith("v"):
        return False
    try:
        parse_version(revision[1:])
    except PublishError:
        return False
    return True


def _branch_head(repo_id: str, branch: str) -> str:
    """The commit a branch points at now, asked of the Hub: a cached answer could be out of date."""
    try:
        sha = HfApi().repo_info(repo_id, repo_type=REPO_TYPE, revision=branch).sha
    except (RepositoryNotFoundError, RevisionNotFoundError):
        raise
    except (HfHubHTTPError, *UNREACHABLE) as err:
        status = getattr(getattr(err, "response", None), "status_code", None)
        reason = f"HTTP {status}" if status else type(err).__name__
        raise PublishError(f"cannot read where {repo_id}@{branch} points now ({reason}); {branch} is a branch, "
                           "so a cached copy could be out of date",
                           fix=f"check the network or HF_ENDPOINT, or diff a tag ({repo_id}@vX.Y.Z), "
                           "which the cache can serve") from None
    assert sha is not None, "the Hub names the commit of every revision it finds"
    return sha
