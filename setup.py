"""The C extensions: each C file of the package is one module, `build_dataset/clean/_speedups.c` the one there is
(C versions of the cleaner's hottest loops; see its header). Everything else is in pyproject.toml.

The extensions are optional: without a C compiler the install goes on, and the cleaner runs the Python
references instead, with the same results, slower (`benchmarks/speed_ab.py` builds them the same way).
"""

from pathlib import Path

from setuptools import Extension, setup


def extensions(root: Path = Path(".")) -> list[Extension]:
    """One optional extension module for each C file under build_dataset/, named by its path."""
    return [Extension(".".join(c.relative_to(root).with_suffix("").parts), [str(c.relative_to(root))], optional=True)
            for c in sorted((root / "build_dataset").rglob("*.c"))]


if __name__ == "__main__":  # as pip's build backend runs it; benchmarks/speed_ab.py imports `extensions`
    setup(ext_modules=extensions())
