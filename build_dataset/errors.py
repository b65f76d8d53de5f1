"""The project's error type: one line that names the file and what to do about it."""

from __future__ import annotations

import os
from pathlib import Path


def printable(name: Path | str) -> str:
    """A file name as text a terminal and a UTF-8 file can hold. Linux names are bytes; Python keeps the
    bytes of a name that is not UTF-8 as lone surrogates, which no UTF-8 writer accepts, so those bytes
    are shown as \\xNN escapes instead."""
    text = str(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


class BuildDatasetError(Exception):
    """An error a user can fix; the CLI prints it as one line and exits non-zero."""

    def __init__(self, message: str, *, path: Path | str | None = None, fix: str | None = None):
        self.path = printable(path) if path is not None else None
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
