"""End to end: `build-dataset push` and `diff` against a local Hub, read back with the real clients.

See `hubserver.session` for how each command runs in its own process with its own HF_HOME and token.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hubserver import Session, article, hub_session, ok, write_release

REPO = "tester/news-corpus"

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


def commit_count(session: Session) -> int:
    return len(session.hub.repo(REPO).commits)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with hub_session(tmp_path) as session:
        yield session


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, Path]:
    return (write_release(tmp_path / "v1" / "release", "1.0.0", V1_ARTICLES),
            write_release(tmp_path / "v2" / "release", "1.1.0", V2_ARTICLES))


def test_push_two_versions_then_pin_and_diff(session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    out = ok(session.cli("push", str(v1), "--repo-id", REPO))
    assert "+ data/train-00000-of-00001.parquet" in out and "tag v1.0.0" in out
    assert f"created the new dataset repo {REPO}" in out
    # A dry run needs no token, plans only the changes, and changes nothing.
    before = commit_count(session)
    out = ok(session.cli("push", str(v2), "--repo-id", REPO, "--dry-run", env={"HF_TOKEN": ""}))
    assert "would push v1.1.0" in out and "tag v1.1.0" in out
    assert "~ data/train-00000-of-00001.parquet" in out and "- " not in out
    assert commit_count(session) == before and "v1.1.0" not in session.hub.repo(REPO).tags
    out = ok(session.cli("push", str(v2), "--repo-id", REPO))
    # Only what changed is uploaded, as one commit named after the version.
    assert "~ data/train-00000-of-00001.parquet" in out and "~ README.md" in out and "+ " not in out
    assert "created" not in out
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


def test_a_missing_tag_is_added_by_the_next_push(session: Session, releases: tuple[Path, Path]) -> None:
    v1, _ = releases
    session.hub.fail("create_tag")
    failed = session.cli("push", str(v1), "--repo-id", REPO)
    assert failed.returncode == 1 and "has the new files but not the tag yet" in failed.stderr
    before = commit_count(session)
    out = ok(session.cli("push", str(v1), "--repo-id", REPO))
    assert "files already match v1.0.0; tagged v1.0.0" in out
    assert commit_count(session) == before and list(session.hub.repo(REPO).tags) == ["v1.0.0"]


def test_private_repos_are_created_private(session: Session, releases: tuple[Path, Path]) -> None:
    v1, _ = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO, "--private"))
    assert session.hub.repo(REPO).private
    anonymous = ok(session.cli("push", str(v1), "--repo-id", REPO, "--dry-run", env={"HF_TOKEN": ""}))
    assert "does not exist yet (or is private to this token)" in anonymous


def test_same_release_twice_is_a_no_op_and_changed_data_needs_a_new_version(
        session: Session, releases: tuple[Path, Path], tmp_path: Path) -> None:
    v1, _ = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    before = commit_count(session)
    out = ok(session.cli("push", str(v1), "--repo-id", REPO))
    assert "already published" in out and commit_count(session) == before

    same_version = write_release(tmp_path / "v1-edited" / "release", "1.0.0", V2_ARTICLES)
    refused = session.cli("push", str(same_version), "--repo-id", REPO)
    assert refused.returncode != 0
    assert "tag v1.0.0 already exists" in refused.stderr and "version bump" in refused.stderr
    assert "(README.md differs; data/train-00000-of-00001.parquet differs; raw/" in refused.stderr
    assert commit_count(session) == before and session.hub.repo(REPO).tags["v1.0.0"]

    # A card re-rendered by a newer tool over the same data: the error says only the card differs.
    card_only = tmp_path / "v1-new-card"
    shutil.copytree(v1, card_only)
    with (card_only / "README.md").open("a", encoding="utf-8") as card:
        card.write("\nA sentence a newer build-dataset adds to the card.\n")
    refused = session.cli("push", str(card_only), "--repo-id", REPO)
    assert "tag v1.0.0 already exists on tester/news-corpus with different content (README.md differs);" \
        in refused.stderr


def test_a_repo_id_typo_is_pointed_out_first(session: Session, releases: tuple[Path, Path]) -> None:
    v1, _ = releases
    with (v1 / "README.md").open("a", encoding="utf-8") as card:
        card.write(f'\n```python\nload_dataset("{REPO}")\n```\n')
    refused = session.cli("push", str(v1), "--repo-id", "tester/news-corpsu", "--dry-run")
    assert refused.returncode == 1
    assert "; check --repo-id for a typo; if tester/news-corpsu is the repo you mean, set" in refused.stderr
    assert not session.hub.requests


def test_dry_run_and_diff_work_offline(session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    offline = {"HF_ENDPOINT": "http://127.0.0.1:9", "HF_TOKEN": ""}
    out = ok(session.cli("push", str(v2), "--repo-id", REPO, "--dry-run", env=offline))
    assert "cannot reach the Hub" in out and "planning a full upload" in out
    assert "+ data/train-00000-of-00001.parquet" in out and "+ raw/train-00000-of-00001.parquet" in out
    no_token = session.cli("push", str(v2), "--repo-id", REPO, env=offline)
    assert no_token.returncode == 1 and "no Hugging Face token found" in no_token.stderr
    out = ok(session.cli("diff", str(v1), str(v2), env=offline))
    assert "1 added, 0 removed, 1 changed" in out and EDITED.id in out and "text: text" in out
    assert not session.hub.requests


def push_without_retry_waits(session: Session, release: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`build-dataset push` in its own process, with huggingface_hub's retry pauses (1 s to 8 s between
    its five retries of an HTTP 500) skipped, so an outage that outlasts the retries is quick to test."""
    return session.python(f"""
        import time
        time.sleep = lambda seconds: None
        from build_dataset.cli import app
        app(["push", {str(release)!r}, "--repo-id", "{REPO}", *{list(args)!r}])
    """)


def test_a_failed_lfs_upload_is_one_line_and_leaves_the_remote_unchanged(
        session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    head = session.hub.repo(REPO).branches["main"]
    session.hub.fail("lfs_put", times=100)  # more than huggingface_hub's retries: the upload fails
    failed = push_without_retry_waits(session, v2)
    session.hub.fail("lfs_put", times=0)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
    # huggingface_hub logs its retries as they happen; the error is the one line after them
    message = failed.stderr.strip().splitlines()[-1]
    assert message == (f"error: push failed during the commit: the Hub answered HTTP 500; {REPO} is unchanged "
                       "at v1.0.0; run the same command again")
    repo = session.hub.repo(REPO)
    assert repo.branches["main"] == head and sorted(repo.tags) == ["v1.0.0"]

    ok(session.cli("push", str(v2), "--repo-id", REPO))
    assert sorted(session.hub.repo(REPO).tags) == ["v1.0.0", "v1.1.0"]


def test_a_dropped_connection_in_the_upload_is_reported_as_unreachable() -> None:
    """The Hub killed mid-upload: huggingface_hub's RuntimeError hides the transport error that says so."""
    import httpx2

    from build_dataset.publish.push import hub_failure_behind

    try:
        try:
            raise httpx2.RemoteProtocolError("Server disconnected without sending a response.")
        except httpx2.RemoteProtocolError as exc:
            raise RuntimeError("Error while uploading 'raw/train-00000-of-00001.parquet' to the Hub.") from exc
    except RuntimeError as wrapped:
        assert isinstance(hub_failure_behind(wrapped), httpx2.RemoteProtocolError)
    # The other upload thread then finds the shared client closed (huggingface_hub closes it on a
    # ConnectError): still an upload that broke off, with no commit made.
    closed = RuntimeError("Cannot send a request, as the client has been closed.")
    wrapped = RuntimeError("Error while uploading 'data/train-00000-of-00001.parquet' to the Hub.")
    wrapped.__cause__ = closed
    assert hub_failure_behind(wrapped) is closed
    assert hub_failure_behind(RuntimeError("a bug, not the network")) is None


def test_a_refused_token_says_to_log_in_not_to_retry(session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    before = commit_count(session)
    wrong = {"HF_TOKEN": "hf_NotTheRightToken000"}
    # The repo is public, so the wrong token reads it; the Hub hides it (HTTP 404) at the first write.
    refused = session.cli("push", str(v2), "--repo-id", REPO, env=wrong)
    created = session.cli("push", str(v1), "--repo-id", "tester/brand-new", env=wrong)
    for failed, answer in ((refused, "HTTP 404 (the token cannot write to"), (created, "HTTP 401 (the token was")):
        message = [line for line in failed.stderr.splitlines() if line.strip()]
        assert failed.returncode == 1 and len(message) == 1, failed.stderr
        assert answer in message[0] and "run the same command again" not in message[0]
        assert "`hf auth login` or set HF_TOKEN to a token with write access to tester" in message[0]
    assert f"{REPO} is unchanged at v1.0.0" in refused.stderr
    assert "tester/brand-new has no release yet" in created.stderr
    assert commit_count(session) == before and sorted(session.hub.repo(REPO).tags) == ["v1.0.0"]
    assert ("dataset", "tester/brand-new") not in session.hub.state.repos


def test_diff_of_a_branch_needs_the_hub_but_a_tag_can_come_from_the_cache(
        session: Session, releases: tuple[Path, Path]) -> None:
    v1, v2 = releases
    ok(session.cli("push", str(v1), "--repo-id", REPO))
    # Both are downloaded into this user's cache while the Hub is up.
    assert "0 added, 0 removed, 0 changed" in ok(session.cli("diff", REPO, str(v1)))
    assert "0 added, 0 removed, 0 changed" in ok(session.cli("diff", f"{REPO}@v1.0.0", str(v1)))
    offline = {"HF_ENDPOINT": "http://127.0.0.1:9"}
    stale = session.cli("diff", REPO, str(v2), env=offline)
    message = [line for line in stale.stderr.splitlines() if line.strip()]
    assert stale.returncode == 1 and len(message) == 1 and not stale.stdout, stale.stderr
    assert f"cannot read where {REPO}@main points now (ConnectError); main is a branch" in message[0]
    assert f"or diff a tag ({REPO}@vX.Y.Z)" in message[0]
    # A tag never moves, so the cached copy is the right one.
    assert "1 added, 0 removed, 1 changed" in ok(session.cli("diff", f"{REPO}@v1.0.0", str(v2), env=offline))
