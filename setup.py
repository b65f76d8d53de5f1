"""The one C extension: `build_dataset.clean._speedups`, the per-line loop of the cleaner (see its header).

Everything else is in pyproject.toml. The extension is optional: without a C compiler the install goes on and
`lines.split_lines_python` runs instead, with the same result, slower.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("build_dataset.clean._speedups", ["build_dataset/clean/_speedups.c"], optional=True)])
