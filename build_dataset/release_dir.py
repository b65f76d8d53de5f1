"""The output folder's life: what a build may replace, its staging folder, the leftovers of a killed
build, and the swap that puts a new release in place.

A build writes into a hidden staging folder beside the output and swaps it in only once it validates,
so a reader never sees a half-written release and a failed build never damages the previous one. This
module holds every rule about that folder, so the pipeline only says when to apply them.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import hashlib
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from build_dataset import schema
from build_dataset.errors import BuildTerminated, InputError
from build_dataset.package import CONFIG_DIRS
from build_dataset.validate import read_front_matter

# The files a release holds beside its config folders (see `_not_a_release`).
RELEASE_FILES = frozenset({"README.md", "CHANGELOG.md"})


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Raise BuildTerminated on SIGTERM while the build runs.

    SIGTERM's default action ends the process at once, leaving the staging folder behind and the pool
    workers running. A handler the caller installed (or SIG_IGN) is theirs and is left alone, and only
    the main thread may set handlers, so a build in another thread keeps the default.
    """
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise BuildTerminated

    signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


# Staging and retired folders are named `.{output}.building-{host}-{pid}-{random}` (or `.old-`), so that a
# later build can tell one whose owner was killed outright (SIGKILL, power loss: no handler runs) from
# one that a build still running, here or on another machine sharing the folder, is writing.
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
_LEFTOVER_KINDS = ("building", "old")


def _leftover_prefix(output: Path, kind: str) -> str:
    """The name of a staging ("building") or retired ("old") folder of `output`, up to its owner."""
    return f".{output.name}.{kind}-"


def make_leftover(output: Path, kind: str) -> Path:
    """A new staging or retired folder beside `output`, named after this process."""
    return Path(tempfile.mkdtemp(dir=output.parent, prefix=f"{_leftover_prefix(output, kind)}{_HOST}-{os.getpid()}-"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def sweep_leftovers(output: Path) -> list[str]:
    """Remove the staging and retired folders beside `output` that a killed build of this machine left,
    and return a warning for each removed and each whose owner cannot be known to be gone."""
    warnings: list[str] = []
    for kind in _LEFTOVER_KINDS:
        prefix = _leftover_prefix(output, kind)
        for path in sorted(output.parent.glob(glob.escape(prefix) + "*")):
            if kind == "old" and (path / output.name).is_dir() and not output.exists():
                raise InputError(f"the previous release is in {path / output.name} (a build was killed while "
                                 "swapping it)", path=output, fix=f"move it back to {output} and build again")
            owner = re.fullmatch(r"([0-9a-f]{8})-(\d+)-[a-z0-9_]+", path.name[len(prefix):])
            ours = owner is not None and owner[1] == _HOST
            if ours and not _alive(int(owner[2])):
                shutil.rmtree(path, ignore_errors=True)
                warnings.append(f"{path}: removed, left by a build (pid {owner[2]}) that was killed")
            elif not ours:
                warnings.append(f"{path}: left by another build; remove it if no build into "
                                f"{output} is running")
    return warnings


_GLOB_CHARACTERS = "[]*?"
"""`datasets` resolves a local folder's data files by glob, so a release path holding one of these
matches nothing (or other folders) when loaded."""


def check_output(input_dir: Path, output: Path) -> None:
    """Refuse an output the build must not replace: under a file, tangled with the input, or holding
    anything but a previous release. Both paths are resolved."""
    blocker = next((p for p in output.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise InputError(f"{blocker} is a file, so the output cannot be a folder in it", path=output,
                         fix="choose another --output")
    if output == input_dir:
        tangle = "the output is the input folder, so the build would replace the pages it reads"
    elif output in input_dir.parents:
        tangle = f"the output contains the input folder {input_dir}, so the build would replace it"
    elif input_dir in output.parents:
        tangle = f"the output is inside the input folder {input_dir}, so later builds would read the release as pages"
    else:
        tangle = None
    if tangle is not None:
        raise InputError(tangle, path=output, fix="choose an --output outside the input folder")
    if any(c in str(output) for c in _GLOB_CHARACTERS):
        raise InputError("the output path holds a glob character ([, ], * or ?), which load_dataset would read "
                         "as a pattern, so nobody could load the release", path=output,
                         fix="choose an --output path without them")
    if output.exists():
        reason = "it is a file" if not output.is_dir() else _not_a_release(output)
        if reason is not None:
            raise InputError(f"the output is not a release folder, so the build will not replace it ({reason})",
                             path=output, fix="choose another --output, or remove it yourself if it may go")


def _not_a_release(folder: Path) -> str | None:
    """Why `folder` is not a release this tool wrote, or None when it is one or is empty.

    A release holds README.md (a card whose front matter declares our configs), maybe CHANGELOG.md, and
    one folder of Parquet shards per config, nothing else: anything more would be lost in the swap.
    """
    names = sorted(os.listdir(folder))
    if not names:
        return None
    config_dirs = set(CONFIG_DIRS.values())
    for name in names:
        path = folder / name
        if name in RELEASE_FILES and path.is_file():
            continue
        if name in config_dirs and path.is_dir() and all(p.is_file() and p.suffix == ".parquet"
                                                         for p in path.iterdir()):
            continue
        return f"it holds {name}, which a release does not"
    try:
        configs = read_front_matter(folder / "README.md").get("configs")
    except (OSError, ValueError, yaml.YAMLError):
        return "it has no README.md with a dataset card's front matter"
    declared = {c.get("config_name") for c in configs if isinstance(c, dict)} if isinstance(configs, list) else set()
    if not set(schema.CONFIG_RECORDS) <= declared:
        return f"its card does not declare the configs {', '.join(schema.CONFIG_RECORDS)}"
    return None


def swap_into_place(staging: Path, output: Path) -> None:
    """Replace `output` by `staging` so that no reader sees a half-written release.

    Where the system can, the two folders trade places in one step, so `output` never goes missing;
    elsewhere the old release is renamed away first and put back if the second rename fails.
    """
    if not output.exists():
        os.replace(staging, output)
    elif _exchange(staging, output):
        shutil.rmtree(staging)  # now the old release
    else:
        retired = make_leftover(output, "old")
        os.replace(output, retired / output.name)
        try:
            os.replace(staging, output)
        except BaseException:
            os.replace(retired / output.name, output)
            raise
        shutil.rmtree(retired)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where that is unavailable
    (another system, an old C library or kernel, a filesystem without it)."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
