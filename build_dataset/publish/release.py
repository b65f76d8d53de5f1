"""What a local release folder holds, described the way the Hub describes a repo's files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from build_dataset.publish.errors import PublishError
from build_dataset.publish.version import Version, parse_version

VERSION_KEY = b"dataset_version"
DATA_GLOB = "data/*.parquet"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class LocalFile:
    """A file of the release: the Hub reports LFS files by sha256 and regular ones by git blob id."""

    path: str
    size: int
    sha256: str
    git_oid: str


def hash_file(path: Path) -> tuple[str, str]:
    """(sha256, git blob id) of a file in one streaming pass, so big shards are never held in memory."""
    size = path.stat().st_size
    sha256 = hashlib.sha256()
    git = hashlib.sha1(b"blob %d\0" % size)
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha256.update(chunk)
            git.update(chunk)
    return sha256.hexdigest(), git.hexdigest()


def scan_release(release_dir: Path) -> dict[str, LocalFile]:
    """Every publishable file of the release by its POSIX path in the repo (hidden files are skipped)."""
    if not release_dir.is_dir():
        raise PublishError("is not a release folder", path=release_dir, fix="run `build-dataset build` first")
    files: dict[str, LocalFile] = {}
    for path in sorted(release_dir.rglob("*")):
        relative = path.relative_to(release_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        sha256, git_oid = hash_file(path)
        files[relative.as_posix()] = LocalFile(relative.as_posix(), path.stat().st_size, sha256, git_oid)
    return files


def parquet_version(path: Path) -> Version | None:
    """The `dataset_version` a Parquet file carries in its footer (read without loading the data)."""
    metadata = pq.read_schema(path).metadata or {}
    value = metadata.get(VERSION_KEY)
    return parse_version(value.decode()) if value else None


def release_version(release_dir: Path) -> Version:
    """The release's version, from the Parquet metadata of its default config (all shards must agree)."""
    shards = sorted(release_dir.glob(DATA_GLOB))
    if not shards:
        raise PublishError(f"has no {DATA_GLOB}", path=release_dir, fix="run `build-dataset build` first")
    versions = {parquet_version(shard) for shard in shards}
    if None in versions or len(versions) != 1:
        shown = ", ".join(sorted(str(v) for v in versions))
        raise PublishError(f"shards disagree on or lack dataset_version ({shown})", path=release_dir,
                           fix="rebuild the release")
    (version,) = versions
    assert version is not None
    return version
