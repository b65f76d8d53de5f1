"""What a push decides from file listings alone: which files to send, and which pushes to refuse."""

from __future__ import annotations

import pytest

from build_dataset.publish import PublishError, push_release
from build_dataset.publish.changelog import HistoryBase
from build_dataset.publish.plan import RemoteFile, check_publishable, plan_upload
from build_dataset.publish.release import LocalFile
from build_dataset.publish.version import Version

V1 = Version(1, 0, 0)


def local(path: str, content: str) -> LocalFile:
    return LocalFile(path, len(content), f"sha-{content}", f"git-{content}")


def remote_lfs(path: str, content: str) -> RemoteFile:
    return RemoteFile(path, len(content), f"git-pointer-{content}", sha256=f"sha-{content}")


def remote_regular(path: str, content: str) -> RemoteFile:
    return RemoteFile(path, len(content), f"git-{content}")


LOCAL = {f.path: f for f in [local("README.md", "card2"), local("data/train-00000-of-00002.parquet", "d0"),
                             local("data/train-00001-of-00002.parquet", "d1")]}


def test_lfs_files_compare_by_sha256_and_regular_files_by_git_blob_id() -> None:
    remote = {f.path: f for f in [remote_regular("README.md", "card1"), remote_regular(".gitattributes", "ga"),
                                  remote_lfs("data/train-00000-of-00002.parquet", "d0"),
                                  remote_lfs("data/train-00000-of-00001.parquet", "old"),
                                  remote_lfs("raw/train-00000-of-00001.parquet", "raw"),
                                  remote_regular("notes.txt", "n")]}
    plan = plan_upload(LOCAL, remote, "v1.1.0")
    assert [f.path for f in plan.added] == ["data/train-00001-of-00002.parquet"]
    assert [local.path for local, _ in plan.changed] == ["README.md"]
    assert plan.unchanged == ("data/train-00000-of-00002.parquet",)
    # Stale shards in a folder the release writes are removed; files the release does not own stay,
    # and so does raw/, which this release does not have at all.
    assert [f.path for f in plan.removed] == ["data/train-00000-of-00001.parquet"]
    assert plan.kept == (".gitattributes", "notes.txt", "raw/train-00000-of-00001.parquet")


def test_identical_listing_is_an_empty_plan() -> None:
    remote = {p: remote_lfs(p, f.sha256.removeprefix("sha-")) for p, f in LOCAL.items()}
    assert plan_upload(LOCAL, remote, "v1.0.0").is_empty


def test_changed_files_under_the_remote_version_are_refused() -> None:
    plan = plan_upload(LOCAL, {}, "v1.0.0")
    with pytest.raises(PublishError, match="keeps its version 1.0.0.*version bump"):
        check_publishable(plan, V1, "o/n", remote_version=V1, tag_plan=None)


def test_an_existing_tag_is_never_moved() -> None:
    plan = plan_upload(LOCAL, {}, "v1.0.0")
    with pytest.raises(PublishError, match="tag v1.0.0 already exists on o/n with different content"):
        check_publishable(plan, V1, "o/n", remote_version=Version(1, 1, 0), tag_plan=plan)
    same = plan_upload(LOCAL, {p: remote_lfs(p, f.sha256[4:]) for p, f in LOCAL.items()}, "v1.0.0")
    assert check_publishable(plan, V1, "o/n", remote_version=Version(1, 1, 0), tag_plan=same) is True


def test_going_back_in_versions_is_refused_and_new_versions_pass() -> None:
    plan = plan_upload(LOCAL, {}, "v1.0.0")
    with pytest.raises(PublishError, match="already at v1.1.0, newer"):
        check_publishable(plan, V1, "o/n", remote_version=Version(1, 1, 0), tag_plan=None)
    assert check_publishable(plan, Version(1, 1, 0), "o/n", remote_version=V1, tag_plan=None) is False
    assert check_publishable(plan, V1, "o/n", remote_version=None, tag_plan=None) is False


def test_a_malformed_repo_id_is_refused_before_any_work(tmp_path) -> None:
    with pytest.raises(PublishError, match="'just-a-name' is not OWNER/NAME"):
        push_release(tmp_path, "just-a-name", dry_run=True)


def test_a_card_that_loads_from_another_repo_is_refused_before_any_work(tmp_path) -> None:
    (tmp_path / "README.md").write_text('---\nversion: 1.0.0\n---\n\n```python\nload_dataset("OWNER/corpus")\n```\n',
                                        encoding="utf-8")
    with pytest.raises(PublishError, match="snippets load 'OWNER/corpus', not 'me/corpus'") as raised:
        push_release(tmp_path, "me/corpus", dry_run=True)
    assert "set `repo_id: me/corpus` in dataset.yaml and rebuild" in str(raised.value)


def history(version: str, since: str | None, computed: bool = True) -> HistoryBase:
    return HistoryBase(version, since, computed)


def test_a_release_built_on_an_older_version_than_main_is_refused() -> None:
    # Finding 4: built on v1.1.0 while main moved to v1.1.1 from another copy; pushing would undo v1.1.1.
    plan = plan_upload(LOCAL, {}, "v1.2.0")
    with pytest.raises(PublishError) as raised:
        check_publishable(plan, Version(1, 2, 0), "o/n", remote_version=Version(1, 1, 1), tag_plan=None,
                          history=history("1.2.0", "1.1.0"))
    assert str(raised.value) == ("this release was built on v1.1.0 but o/n is at v1.1.1; run `build-dataset build "
                                 "--previous o/n` so the history continues o/n's main, then push")
    assert check_publishable(plan, Version(1, 2, 0), "o/n", remote_version=Version(1, 1, 1), tag_plan=None,
                             history=history("1.2.0", "1.1.1")) is False


def test_a_fresh_history_over_a_published_version_is_refused_before_the_tag_check() -> None:
    # Finding 1c: a fresh-folder build of the published v1.1.0 differs from its tag only in its history;
    # the fix is `build --previous`, which gives the published files back, not a bump.
    plan = plan_upload(LOCAL, {}, "v1.1.0")
    with pytest.raises(PublishError, match=r"starts afresh \(\"First release\"\) but o/n is already at v1.1.0; "
                                           r"run `build-dataset build --previous o/n`"):
        check_publishable(plan, Version(1, 1, 0), "o/n", remote_version=Version(1, 1, 0), tag_plan=plan,
                          history=history("1.1.0", None))
    assert check_publishable(plan, V1, "o/n", remote_version=None, tag_plan=None, history=history("1.0.0", None)) \
        is False


def test_history_that_was_not_computed_is_refused() -> None:
    # Findings 1a/1b: a rebuild over a different v1.1.0, or a bump built on such a rebuild.
    plan = plan_upload(LOCAL, {}, "v1.1.1")
    with pytest.raises(PublishError, match="were not computed.*--previous o/n"):
        check_publishable(plan, Version(1, 1, 1), "o/n", remote_version=Version(1, 1, 0), tag_plan=None,
                          history=history("1.1.1", None, computed=False))
    with pytest.raises(PublishError, match="newest entry is not for v1.1.1"):
        check_publishable(plan, Version(1, 1, 1), "o/n", remote_version=Version(1, 1, 0), tag_plan=None,
                          history=history("1.1.0", "1.0.0"))


def test_a_history_the_repo_lacks_is_refused() -> None:
    plan = plan_upload(LOCAL, {}, "v1.1.0")
    with pytest.raises(PublishError, match="built on v1.0.0 but o/n has no release; check --repo-id"):
        check_publishable(plan, Version(1, 1, 0), "o/n", remote_version=None, tag_plan=None,
                          history=history("1.1.0", "1.0.0"))


def test_what_main_already_holds_is_not_held_to_the_chain() -> None:
    same = plan_upload(LOCAL, {p: remote_lfs(p, f.sha256[4:]) for p, f in LOCAL.items()}, "v1.1.0")
    bad = history("1.1.0", None, computed=False)
    # Already published under its tag: nothing to do, whatever the history says.
    assert check_publishable(same, Version(1, 1, 0), "o/n", remote_version=Version(1, 2, 0), tag_plan=same,
                             history=bad) is True
    # main holds the files but the tag is missing (a failed tagging step): the re-run only tags.
    assert check_publishable(same, Version(1, 1, 0), "o/n", remote_version=Version(1, 1, 0), tag_plan=None,
                             history=history("1.1.0", "1.0.0")) is False
    # A release without CHANGELOG.md claims no history: only the version rules apply.
    plan = plan_upload(LOCAL, {}, "v1.1.0")
    assert check_publishable(plan, Version(1, 1, 0), "o/n", remote_version=Version(1, 0, 1), tag_plan=None) is False
