"""End to end: `build-dataset push` and `diff` against a local Hub, read back with the real clients.

Every command runs in a fresh process whose HF_ENDPOINT points at the local server, with its own
HF_HOME and a known HF_TOKEN, so `huggingface_hub` and `datasets` read those settings at import, as
they do for a user, and so every byte they print can be checked for the token.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hubserver import HubServer, article, running_hub, write_release

TOKEN = "hf_TestTokenThatMustNeverBePrinted0123"
REPO = "tester/news-corpus"
CLI = str(Path(sys.executable).with_name("build-dataset"))

V1_ARTICLES = [
    article("outlet-a/peace-talks.html", "Delegations met in Minsk on Monday. Talks lasted four hours.",
            title="Talks in Minsk"),
    article("outlet-b/border.html", "The border crossing reopened after two days.", title="Border reopens"),
    article("outlet-c/statement.html", "The ministry issued a short statement.", title="Statement"),
]
EDITED = article("outlet-b/border.html", "The border crossing reopened after three days of closure.",
                 title="Border reopens")
ADDED = article("outlet-d/new-page.html", "A new round of talks is planned for next week.", title="New round")
V2_ARTICLES = [V1_ARTICLES[0], EDITED, V1_ARTICLES[2], ADDED]


class Session:
    """Runs commands as a user would, against one local Hub, and keeps everything they printed."""

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

    def cli(self, *args: str, **kwargs: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return self.run(CLI, *args, **kwargs)

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-c", textwrap.dedent(code))

    def commits(self) -> int:
        return len(self.hub.repo(REPO).commits)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with running_hub(token=TOKEN) as hub:
        session = Session(hub, tmp_path / "hf-home")
        yield session
        # The token never leaks: not in anything a command printed, nor in any file under HF_HOME.
        assert not [o for o in session.outputs if TOKEN in o]
        for path in (tmp_path / "hf-home").rglob("*"):
            assert not path.is_file() or TOKEN.encode() not in path.read_bytes(), path
        assert all(TOKEN not in request for request in hub.requests)


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, Path]:
    return (write_release(tmp_path / "v1" / "release", "1.0.0", V1_ARTICLES),
            write_release(tmp_path / "v2" / "release", "1.1.0", V2_ARTICLES))


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_push_two_versions_then_pin_and_diff(session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    out = ok(session.cli("push", str(v1), "--repo-id", REPO))
    assert "+ data/train-00000-of-00001.parquet" in out and "tag v1.0.0" in out
    out = ok(session.cli("push", str(v2), "--repo-id", REPO))
    # Only what changed is uploaded, as one commit named after the version.
    assert "~ data/train-00000-of-00001.parquet" in out and "~ README.md" in out and "+ " not in out
    repo = session.hub.repo(REPO)
    assert sorted(repo.tags) == ["v1.0.0", "v1.1.0"]
    assert repo.commits[repo.branches["main"]].title == "Release v1.1.0"

    loaded = json.loads(ok(session.python(f"""
        import json
        from datasets import load_dataset
        old = load_dataset("{REPO}", revision="v1.0.0", split="train")
        new = load_dataset("{REPO}", split="train")
        raw = load_dataset("{REPO}", "raw", revision="v1.0.0", split="train")
        print(json.dumps({{"old": dict(zip(old["id"], old["text"])), "new": dict(zip(new["id"], new["text"])),
                          "raw": raw.num_rows}}))
    """)).splitlines()[-1])
    assert loaded["old"] == {a.id: a.text for a in V1_ARTICLES}
    assert loaded["new"] == {a.id: a.text for a in V2_ARTICLES}
    assert loaded["raw"] == len(V1_ARTICLES)

    report = json.loads(ok(session.cli("diff", f"{REPO}@v1.0.0", f"{REPO}@v1.1.0", "--json")))
    assert report["added"] == [ADDED.id] and report["removed"] == []
    assert report["changed"] == [{"id": EDITED.id, "fields": ["text", "word_count"],
                                  "groups": {"text": ["text"], "metadata": ["word_count"]}}]
    assert report["counts"] == {"added": 1, "removed": 0, "changed": 1, "unchanged": 2}
    assert (report["old_version"], report["new_version"], report["suggested_bump"]) == ("1.0.0", "1.1.0", "minor")


def test_failed_commit_leaves_remote_at_previous_version(session: Session,
                                                          releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    head = session.hub.repo(REPO).branches["main"]
    session.hub.fail("commit")
    failed = session.cli("push", str(v2), "--repo-id", REPO)
    assert failed.returncode != 0
    message = [line for line in failed.stderr.splitlines() if line.strip()]
    assert len(message) == 1, failed.stderr
    assert "HTTP 500" in message[0] and f"{REPO} is unchanged at v1.0.0" in message[0]
    assert "run the same command again" in message[0]
    repo = session.hub.repo(REPO)
    assert repo.branches["main"] == head and sorted(repo.tags) == ["v1.0.0"]

    ok(session.cli("push", str(v2), "--repo-id", REPO))
    assert sorted(session.hub.repo(REPO).tags) == ["v1.0.0", "v1.1.0"]


def test_same_release_twice_is_a_no_op_and_changed_data_needs_a_new_version(
        session: Session, releases: tuple[Path, Path], tmp_path: Path) -> None:
    v1, _ = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    commits = session.commits()
    out = ok(session.cli("push", str(v1), "--repo-id", REPO))
    assert "already published" in out and session.commits() == commits

    same_version = write_release(tmp_path / "v1-edited" / "release", "1.0.0", V2_ARTICLES)
    refused = session.cli("push", str(same_version), "--repo-id", REPO)
    assert refused.returncode != 0
    assert "tag v1.0.0 already exists" in refused.stderr and "version bump" in refused.stderr
    assert session.commits() == commits and session.hub.repo(REPO).tags["v1.0.0"]


def test_dry_run_needs_no_token_and_plans_only_the_changes(session: Session,
                                                            releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    commits = session.commits()
    out = ok(session.cli("push", str(v2), "--repo-id", REPO, "--dry-run", env={"HF_TOKEN": ""}))
    assert "would push v1.1.0" in out and "tag v1.1.0" in out
    assert "~ data/train-00000-of-00001.parquet" in out and "- " not in out
    assert session.commits() == commits and "v1.1.0" not in session.hub.repo(REPO).tags


def test_dry_run_and_diff_work_offline(session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    offline = {"HF_ENDPOINT": "http://127.0.0.1:9", "HF_TOKEN": ""}
    out = ok(session.cli("push", str(v2), "--repo-id", REPO, "--dry-run", env=offline))
    assert "cannot reach the Hub" in out and "planning a full upload" in out
    assert "+ data/train-00000-of-00001.parquet" in out and "+ raw/train-00000-of-00001.parquet" in out
    out = ok(session.cli("diff", str(v1), str(v2), env=offline))
    assert "1 added, 0 removed, 1 changed" in out and EDITED.id in out and "text: text" in out
    assert not session.hub.requests
