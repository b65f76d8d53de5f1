"""The pipeline version every record carries: the package version plus a fingerprint of what shaped it.

The package version alone (`0.1.0`) stays the same while the cleaner, the shipped line model or a
pinned library changes, so two releases built by different code looked alike. The fingerprint hashes
the package's own files (code and shipped data), the installed versions of the libraries it declares
and Python's version, which is everything a build's output depends on besides its input: two builds
with the same `pipeline_version` and the same pages write the same rows.

It is a PEP 440 local version label (`0.1.0+3f9c2a1b7d04`), so tools that parse versions still read
the release part.
"""

from __future__ import annotations

import hashlib
import platform
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from build_dataset import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
SHAPING_SUFFIXES = frozenset({".py", ".c", ".json", ".yaml"})
"""The package files that shape the output: its modules, the C source of its speedups (which give what the
Python references give, but a change to them is a change of the code) and the data it ships (line model,
catalogues)."""
FINGERPRINT_CHARS = 12


def package_files(root: Path = PACKAGE_DIR) -> list[Path]:
    """The package's code and data files, in a fixed order (compiled caches are not sources)."""
    files = (p for p in root.rglob("*") if p.suffix in SHAPING_SUFFIXES and p.is_file())
    return sorted((p for p in files if "__pycache__" not in p.relative_to(root).parts),
                  key=lambda p: p.relative_to(root).as_posix())


DEPENDENCIES = (
    "charset-normalizer", "datasets", "datasketch", "ftfy", "huggingface_hub", "justext",
    "lingua-language-detector", "lxml_html_clean", "numpy", "pyahocorasick", "pyarrow", "pymorphy3",
    "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "pyyaml", "rich", "trafilatura", "typer",
)
"""The runtime dependencies `pyproject.toml` pins (a test holds the two lists equal). They are listed here
rather than read from the installed package's metadata because a Ray worker runs this code without the
package installed: it must compute the same fingerprint as the driver."""


def dependency_versions(names: tuple[str, ...] = DEPENDENCIES) -> list[tuple[str, str]]:
    """(name, installed version) of each dependency; one that is not installed is recorded as "missing"
    rather than failing, since the build then fails on its own import with a clearer message."""
    out = []
    for name in names:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            out.append((name, "missing"))
    return out


def fingerprint(files: list[Path], dependencies: list[tuple[str, str]], root: Path = PACKAGE_DIR) -> str:
    """Hex digest over each file's path and bytes and each dependency's name and version.

    Paths are hashed relative to `root` with "/" separators, and every item is length-prefixed, so the
    same package gives the same digest wherever and however it is installed.
    """
    h = hashlib.sha256()
    for path in files:
        name = path.relative_to(root).as_posix().encode()
        data = path.read_bytes()
        h.update(b"f%d:%s%d:" % (len(name), name, len(data)))
        h.update(data)
    for name, version in dependencies:
        item = f"{name}=={version}".encode()
        h.update(b"d%d:%s" % (len(item), item))
    return h.hexdigest()


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """`<package version>+<fingerprint>`, computed once per process (a few milliseconds)."""
    # Python's own version too: its Unicode tables decide `str.lower`, `\w` and NFC, which the cleaner reads
    shaping = [*dependency_versions(), ("python", platform.python_version())]
    return f"{__version__}+{fingerprint(package_files(), shaping)[:FINGERPRINT_CHARS]}"
