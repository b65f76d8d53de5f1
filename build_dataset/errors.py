"""The project's error type: one line that names the file and what to do about it."""

from __future__ import annotations

from pathlib import Path


class BuildDatasetError(Exception):
    """An error a user can fix; the CLI prints it as one line and exits non-zero."""

    def __init__(self, message: str, *, path: Path | str | None = None, fix: str | None = None):
        self.path = str(path) if path is not None else None
        self.fix = fix
        super().__init__(message)

    def __str__(self) -> str:
        parts = [f"{self.path}: " if self.path else "", self.args[0]]
        if self.fix:
            parts.append(f"; {self.fix}")
        return "".join(parts)


class InputError(BuildDatasetError):
    """A source file or the manifest cannot be used as it is."""


class ValidationError(BuildDatasetError):
    """A release folder does not hold what a consumer relies on."""


class BuildTerminated(KeyboardInterrupt):
    """SIGTERM during a build, raised in the main thread so the build unwinds as on Ctrl-C: the staging
    folder is removed, pool workers are stopped and nothing is replaced."""
