"""Run `build-dataset` and Python snippets as a user would, against one local Hub, and check for leaks.

Every command runs in a fresh process whose HF_ENDPOINT points at the local server, with its own
HF_HOME and a known HF_TOKEN, so `huggingface_hub` and `datasets` read those settings at import, as
they do for a user, and so every byte they print can be checked for the token.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hubserver.server import HubServer, running_hub

TOKEN = "hf_TestTokenThatMustNeverBePrinted0123"
CLI = str(Path(sys.executable).with_name("build-dataset"))


class Session:
    """One user's shell: their environment, the commands they ran, and everything those printed."""

    def __init__(self, hub: HubServer, home: Path) -> None:
        self.hub = hub
        self.outputs: list[str] = []
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGINGFACE"))}
        self.env |= {
            "HF_ENDPOINT": hub.endpoint, "HF_TOKEN": TOKEN, "HF_HOME": str(home),
            "HF_HUB_CACHE": str(home / "hub"), "HF_DATASETS_CACHE": str(home / "datasets"),
            "HF_HUB_DISABLE_XET": "1", "HF_HUB_DISABLE_TELEMETRY": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1",
            "HF_DATASETS_DISABLE_PROGRESS_BARS": "1", "HF_HUB_DISABLE_UPDATE_CHECK": "1",
        }

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, capture_output=True, text=True, env={**self.env, **(env or {})},
                              timeout=180, check=False)
        self.outputs += [done.stdout, done.stderr]
        return done

    def cli(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return self.run(CLI, *args, env=env)

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-c", textwrap.dedent(code))


@contextmanager
def hub_session(tmp_path: Path) -> Iterator[Session]:
    """A local Hub and a user session on it; on exit, asserts the token leaked nowhere."""
    home = tmp_path / "hf-home"
    with running_hub(token=TOKEN) as hub:
        session = Session(hub, home)
        yield session
        assert not [output for output in session.outputs if TOKEN in output], "token printed"
        for path in home.rglob("*"):
            assert not path.is_file() or TOKEN.encode() not in path.read_bytes(), f"token in {path}"
        assert all(TOKEN not in request for request in hub.requests), "token in a request line"
        assert not hub.unrouted, f"the clients called routes the local Hub lacks: {hub.unrouted}"


def ok(done: subprocess.CompletedProcess[str]) -> str:
    """The stdout of a command that must have succeeded (its stderr is the failure message)."""
    assert done.returncode == 0, done.stderr
    return done.stdout
