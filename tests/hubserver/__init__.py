"""Test helpers for the publish stage: a local Hub-compatible server and small release folders."""

from hubserver.releases import article, write_release
from hubserver.server import HubServer, running_hub

__all__ = ["HubServer", "article", "running_hub", "write_release"]
