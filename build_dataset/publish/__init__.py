"""Publish stage: push release folders to the Hugging Face Hub as tagged versions, diff them, bump versions.

The public surface is small on purpose; the CLI commands are thin wrappers over these functions.
"""

from build_dataset.publish.changelog import changelog_entry, render_versions_section, update_changelog
from build_dataset.publish.diff import ReleaseDiff, diff_releases
from build_dataset.publish.errors import PublishError
from build_dataset.publish.push import PushReport, push_release
from build_dataset.publish.version import bump_version

__all__ = [
    "PublishError",
    "PushReport",
    "ReleaseDiff",
    "bump_version",
    "changelog_entry",
    "diff_releases",
    "push_release",
    "render_versions_section",
    "update_changelog",
]
