"""Semantic versions of the dataset: parse, compare, bump, and edit `dataset.yaml` in place.

`parse_version` is the one version rule of the whole tool: the build checks dataset.yaml with it, and
`version show/bump`, push and diff read versions with it, so a version the build accepts is never
refused later. The rule is strict MAJOR.MINOR.PATCH without leading zeros and without the tag's `v`:
the version is written verbatim into the card and the Parquet metadata, and `v` belongs to the tag.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, NamedTuple

from build_dataset.publish.errors import PublishError

Part = Literal["major", "minor", "patch"]
_SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
# The `version:` line, keeping whatever quoting and trailing comment it has, so an edit is one-line.
_VERSION_LINE = re.compile(r"^(?P<head>version:\s*)(?P<q>['\"]?)(?P<value>[^'\"\s#]+)(?P=q)(?P<tail>.*)$",
                           re.MULTILINE)


class Version(NamedTuple):
    """A dataset version; tuple order is semver order, so versions compare with < and >."""

    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def tag(self) -> str:
        """The git tag a consumer pins with `revision=`."""
        return f"v{self}"


def parse_version(text: str, *, path: Path | None = None) -> Version:
    """Parse `1.2.3`; anything else is a user error, reported against `path` (dataset.yaml) when given.

    A leading `v` gets its own fix because it is the likeliest slip: tags are written `v1.2.3`.
    """
    value = text.strip()
    match = _SEMVER.fullmatch(value)
    if match is not None:
        return Version(*(int(part) for part in match.groups()))
    if value[:1] in ("v", "V") and _SEMVER.fullmatch(value[1:]):
        raise PublishError(f"version {text!r} starts with a v", path=path,
                           fix=f"write `version: {value[1:]}` (push adds the v to the tag: {value.lower()})")
    raise PublishError(f"version {text!r} is not a version like 1.2.3", path=path,
                       fix="write MAJOR.MINOR.PATCH, numbers without leading zeros (e.g. 1.2.0)")


def bumped(version: Version, part: Part) -> Version:
    """The next version: schema change -> major, articles added/removed -> minor, fixes -> patch."""
    if part == "major":
        return Version(version.major + 1, 0, 0)
    if part == "minor":
        return Version(version.major, version.minor + 1, 0)
    if part == "patch":
        return Version(version.major, version.minor, version.patch + 1)
    raise PublishError(f"unknown version part {part!r}", fix="use major, minor or patch")


def read_version(identity_path: Path) -> Version:
    """The version in `dataset.yaml`, the one place it lives."""
    match = _VERSION_LINE.search(_read(identity_path))
    if match is None:
        raise PublishError("has no `version:` line", path=identity_path, fix="add `version: 1.0.0`")
    return parse_version(match["value"], path=identity_path)


def bump_version(identity_path: Path, part: Part) -> tuple[Version, Version]:
    """Bump the `version:` line of `dataset.yaml` in place (comments and layout kept); return (old, new)."""
    text = _read(identity_path)
    matches = list(_VERSION_LINE.finditer(text))
    if len(matches) != 1:
        raise PublishError(f"has {len(matches)} top-level `version:` lines, expected one", path=identity_path,
                           fix="keep exactly one `version: X.Y.Z` line")
    match = matches[0]
    old = parse_version(match["value"], path=identity_path)
    new = bumped(old, part)
    line = f"{match['head']}{match['q']}{new}{match['q']}{match['tail']}"
    identity_path.write_text(text[: match.start()] + line + text[match.end():], encoding="utf-8")
    return old, new


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PublishError("not found", path=path, fix="run from the project folder or pass --identity") from None
