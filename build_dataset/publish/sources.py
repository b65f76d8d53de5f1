"""Turn a diff argument into a local release folder: a path as is, `OWNER/NAME@REVISION` from the Hub."""

from __future__ import annotations

import re
from pathlib import Path

from huggingface_hub import snapshot_download
from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

from build_dataset.publish.errors import PublishError
from build_dataset.publish.remote import REPO_TYPE, UNREACHABLE

_REPO_SPEC = re.compile(r"(?P<repo>[\w.-]+/[\w.-]+)(?:@(?P<revision>[^\s]+))?")
# Only what the diff reads: the default config's shards.
DIFF_PATTERNS = ["data/*.parquet"]


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
        folder = snapshot_download(repo_id, repo_type=REPO_TYPE, revision=revision, allow_patterns=patterns)
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
