"""Read what a Hub dataset repo holds: its files at a revision, its tags and its dataset version."""

from __future__ import annotations

from dataclasses import dataclass

import httpx2
import pyarrow.parquet as pq
import yaml
from huggingface_hub import HfApi, HfFileSystem
from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError
from huggingface_hub.hf_api import RepoFile

from build_dataset.publish.errors import PublishError
from build_dataset.publish.plan import RemoteFile
from build_dataset.publish.release import VERSION_KEY
from build_dataset.publish.version import Version, parse_version

REPO_TYPE = "dataset"
# Network failures as huggingface_hub 2.x raises them (it speaks HTTP through httpx2); HTTP error
# answers are HfHubHTTPError, which is an OSError too, so callers must catch that one first.
UNREACHABLE = (httpx2.TransportError, OSError)


@dataclass(frozen=True)
class RemoteState:
    """The parts of a remote repo that a push compares against."""

    exists: bool
    head: str | None = None
    files: dict[str, RemoteFile] | None = None
    tags: dict[str, str] | None = None
    version: Version | None = None


class HubUnreachable(PublishError):
    """The Hub did not answer at all (no network, wrong HF_ENDPOINT)."""


def list_files(api: HfApi, repo_id: str, revision: str) -> dict[str, RemoteFile]:
    """Every file at a revision, with the hashes the Hub reports (LFS sha256, git blob id)."""
    files = {}
    for item in api.list_repo_tree(repo_id, repo_type=REPO_TYPE, revision=revision, recursive=True):
        if isinstance(item, RepoFile):
            sha256 = item.lfs.sha256 if item.lfs is not None else None
            files[item.path] = RemoteFile(item.path, item.size, item.blob_id, sha256)
    return files


def version_from_card(card: str) -> Version | None:
    """The dataset version a card's YAML front matter states, if any (`version` or `dataset_version`)."""
    if not card.startswith("---"):
        return None
    front, _, _ = card[3:].partition("\n---")
    try:
        data = yaml.safe_load(front) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    for holder in (data, data.get("dataset_info") if isinstance(data.get("dataset_info"), dict) else {}):
        for key in ("version", "dataset_version"):
            if isinstance(holder.get(key), str | int | float):
                try:
                    return parse_version(str(holder[key]))
                except PublishError:
                    continue
    return None


def remote_version(api: HfApi, repo_id: str, revision: str, files: dict[str, RemoteFile]) -> Version | None:
    """The version published at a revision: the card's front matter, else a data shard's footer.

    The footer is read through HfFileSystem with range requests, so no shard is downloaded whole.
    """
    if "README.md" in files:
        path = api.hf_hub_download(repo_id, "README.md", repo_type=REPO_TYPE, revision=revision)
        with open(path, encoding="utf-8") as handle:
            found = version_from_card(handle.read())
        if found is not None:
            return found
    shards = sorted(p for p in files if p.startswith("data/") and p.endswith(".parquet"))
    if not shards:
        return None
    fs = HfFileSystem(endpoint=api.endpoint, token=api.token)
    with fs.open(f"datasets/{repo_id}@{revision}/{shards[0]}", "rb") as handle:
        value = (pq.read_schema(handle).metadata or {}).get(VERSION_KEY)
    return parse_version(value.decode()) if value else None


def fetch_remote_state(api: HfApi, repo_id: str) -> RemoteState:
    """What the repo's main branch and tags hold now; `exists=False` when the repo is missing."""
    try:
        info = api.repo_info(repo_id, repo_type=REPO_TYPE)
    except RepositoryNotFoundError:
        return RemoteState(exists=False)
    except HfHubHTTPError as err:
        raise PublishError(f"the Hub refused to describe {repo_id}: {_status(err)}",
                           fix="check the repo id and your token (`hf auth login` or HF_TOKEN)") from None
    except UNREACHABLE as err:
        raise HubUnreachable(f"cannot reach the Hub at {api.endpoint} ({type(err).__name__})",
                             fix="check the network or HF_ENDPOINT") from None
    head = info.sha or "main"
    try:
        files = list_files(api, repo_id, head)
        refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        version = remote_version(api, repo_id, head, files)
    except HfHubHTTPError as err:
        raise PublishError(f"the Hub failed to list {repo_id}: {_status(err)}", fix="try again later") from None
    except UNREACHABLE as err:
        raise HubUnreachable(f"cannot reach the Hub at {api.endpoint} ({type(err).__name__})",
                             fix="check the network or HF_ENDPOINT") from None
    tags = {tag.name: tag.target_commit for tag in refs.tags}
    return RemoteState(True, head, files, tags, version)


def files_at(api: HfApi, repo_id: str, revision: str) -> dict[str, RemoteFile]:
    """The files at a tag or commit, or a one-line error when it does not exist."""
    try:
        return list_files(api, repo_id, revision)
    except RevisionNotFoundError:
        raise PublishError(f"{repo_id} has no revision {revision}",
                           fix="check the tag or commit (tags look like v1.0.0)") from None
    except HfHubHTTPError as err:
        raise PublishError(f"the Hub failed to list {repo_id}@{revision}: {_status(err)}",
                           fix="try again later") from None
    except UNREACHABLE as err:
        raise HubUnreachable(f"cannot reach the Hub at {api.endpoint} ({type(err).__name__})",
                             fix="check the network or HF_ENDPOINT") from None


def _status(err: HfHubHTTPError) -> str:
    response = getattr(err, "response", None)
    code = getattr(response, "status_code", None)
    return f"HTTP {code}" if code else type(err).__name__
