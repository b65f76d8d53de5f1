"""Test helpers for the publish stage: a local Hub-compatible server, user sessions, small releases."""

from hubserver.releases import article, write_release
from hubserver.server import HubServer, running_hub
from hubserver.session import TOKEN, Session, hub_session, ok

__all__ = ["TOKEN", "HubServer", "Session", "article", "hub_session", "ok", "running_hub", "write_release"]
