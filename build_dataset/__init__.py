"""build-dataset: scraped news pages in, a clean, annotated, versioned Hub dataset out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("build-dataset")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
