"""`build-dataset version bump`: the one `version:` line of dataset.yaml moves, nothing else does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hubserver import article, write_release
from huggingface_hub import HfApi

from build_dataset.card import load_identity
from build_dataset.errors import BuildDatasetError
from build_dataset.publish import PublishError, bump_version, push_release
from build_dataset.publish.version import Version, bumped, parse_version, read_version

IDENTITY = """\
# The dataset's identity. `version` is the one place the dataset's semver lives.
# Versioning rule: schema change -> major; articles added or removed -> minor; fixes -> patch.
version: 1.4.2  # bumped by `build-dataset version bump`
pretty_name: Some corpus
tags: [news, version]
nested:
  version: 9.9.9
"""


@pytest.mark.parametrize(("part", "new"), [("major", "2.0.0"), ("minor", "1.5.0"), ("patch", "1.4.3")])
def test_bump_edits_only_the_version_line(tmp_path: Path, part: str, new: str) -> None:
    identity = tmp_path / "dataset.yaml"
    identity.write_text(IDENTITY, encoding="utf-8")
    old, bumped_to = bump_version(identity, part)  # type: ignore[arg-type]
    assert (str(old), str(bumped_to)) == ("1.4.2", new)
    assert identity.read_text(encoding="utf-8") == IDENTITY.replace("version: 1.4.2", f"version: {new}")
    assert read_version(identity) == parse_version(new)


def test_quoted_versions_keep_their_quotes(tmp_path: Path) -> None:
    identity = tmp_path / "dataset.yaml"
    identity.write_text('version: "0.9.0"\n', encoding="utf-8")
    bump_version(identity, "minor")
    assert identity.read_text(encoding="utf-8") == 'version: "0.10.0"\n'


def test_versions_compare_in_semver_order() -> None:
    assert parse_version("1.10.0") > parse_version("1.9.3")
    assert parse_version("2.0.0") == Version(2, 0, 0) and Version(2, 0, 0).tag == "v2.0.0"
    assert bumped(Version(1, 2, 3), "major") == Version(2, 0, 0)


@pytest.mark.parametrize("bad", ["1.0", "1.0.0-rc1", "01.0.0", "latest"])
def test_non_semver_is_refused(bad: str) -> None:
    with pytest.raises(PublishError, match="is not a version"):
        parse_version(bad)


def test_a_leading_v_is_refused_with_the_spelling_to_write() -> None:
    with pytest.raises(PublishError, match=r"starts with a v; write `version: 1\.2\.0`"):
        parse_version("v1.2.0")


def _push_dry_run(release: Path) -> object:
    """What push makes of a release's version (offline dry run: the version is read before the Hub)."""
    return push_release(release, "owner/name", dry_run=True, api=HfApi(endpoint="http://127.0.0.1:9"),
                        validate=lambda _: [])


@pytest.mark.parametrize(("written", "accepted"), [("1.2.0", True), ("v1.2.0", False), ("01.2.0", False),
                                                   ("1.2", False)])
def test_build_version_commands_and_push_agree_on_a_version(tmp_path: Path, written: str,
                                                            accepted: bool) -> None:
    """One rule for the build's identity check, `version show/bump` and push: none accepts what another
    refuses (the build used to take 01.2.0 that push refused, and show/bump took v1.2.0 the build refused)."""
    identity = tmp_path / "dataset.yaml"
    identity.write_text(f"version: {written}\npretty_name: Corpus\nlicense: other\n", encoding="utf-8")
    release = write_release(tmp_path / "release", written, [article("a.html", "Some text.")])
    checks = {"build": lambda: load_identity(identity), "show": lambda: read_version(identity),
              "bump": lambda: bump_version(identity, "patch"), "push": lambda: _push_dry_run(release)}
    for name, check in checks.items():
        if accepted:
            check()
            continue
        with pytest.raises(BuildDatasetError) as refused:
            check()
        assert "is not a version like 1.2.3" in str(refused.value) or "starts with a v" in str(refused.value), name
        if name != "push":  # the release folder's version comes from its Parquet footer, not dataset.yaml
            assert str(refused.value).startswith(f"{identity}: version {written!r}"), name
    if accepted:  # and the build sees what the bump wrote
        assert load_identity(identity)["version"] == "1.2.1"


def test_missing_file_and_unknown_part_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="not found"):
        bump_version(tmp_path / "missing.yaml", "patch")
    identity = tmp_path / "dataset.yaml"
    identity.write_text(IDENTITY, encoding="utf-8")
    with pytest.raises(PublishError, match="use major, minor or patch"):
        bump_version(identity, "huge")  # type: ignore[arg-type]
    assert identity.read_text(encoding="utf-8") == IDENTITY


def test_cli_prints_old_to_new(tmp_path: Path) -> None:
    identity = tmp_path / "dataset.yaml"
    identity.write_text(IDENTITY, encoding="utf-8")
    cli = str(Path(sys.executable).with_name("build-dataset"))
    done = subprocess.run([cli, "version", "bump", "minor", "--identity", str(identity)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1.4.2 -> 1.5.0"
