"""The publish stage's error: one line that says what went wrong and what to do."""

from __future__ import annotations

from build_dataset.errors import BuildDatasetError


class PublishError(BuildDatasetError):
    """Publishing, diffing or bumping cannot go on; the message names the fix."""
