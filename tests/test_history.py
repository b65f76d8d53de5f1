"""Each build records what changed since the release it follows: CHANGELOG.md and the card's Versions.

The base is `--previous` (a folder or a Hub ref) or the release already in the output folder; the
build never writes history it cannot vouch for, and push refuses history that does not continue main.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hubserver import hub_session, ok

from build_dataset import pipeline
from build_dataset.errors import BuildDatasetError
from build_dataset.publish.changelog import history_base
from tests.conftest import CARD, IDENTITY, SEEDS, build_release
from tests.test_build import tree_digest

REPO = "OWNER/belarus-peace-talks-news"  # the repo_id of the project's dataset.yaml, which the seed card names


def rename_outlet(pages: Path, old: str, new: str) -> None:
    """A metadata fix in sources.yaml: one article changes, none is added or removed."""
    manifest = pages / "sources.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert f"outlet: {old}\n" in text
    manifest.write_text(text.replace(f"outlet: {old}\n", f"outlet: {new}\n"), encoding="utf-8")


def changelog(release: Path) -> str:
    return (release / "CHANGELOG.md").read_text(encoding="utf-8")


def test_rebuilding_in_place_is_byte_identical(seed_release: Path, tmp_path: Path) -> None:
    output = tmp_path / "release"
    shutil.copytree(seed_release, output)
    build_release(Path(__file__).parent.parent / "seeds", output)
    assert tree_digest(output) == tree_digest(seed_release)


def test_a_new_version_records_its_changes(seed_release: Path, seed_copy: Path, tmp_path: Path) -> None:
    output = tmp_path / "release"
    shutil.copytree(seed_release, output)
    assert "## v1.0.0\n\n- First release." in (output / "CHANGELOG.md").read_text()
    page = seed_copy / "003_0181b8d989cb49e5.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nA closing paragraph the outlet added later on.\n",
                    encoding="utf-8")
    summary = build_release(seed_copy, output, version="1.1.0")
    assert summary.warnings == []  # a new version may change data; only an unchanged version warns
    changelog = (output / "CHANGELOG.md").read_text()
    assert changelog.index("## v1.1.0") < changelog.index("## v1.0.0")
    assert "1 added, 1 removed, 0 changed articles since v1.0.0" in changelog
    card = (output / "README.md").read_text()
    assert "### Changes in v1.1.0" in card and 'revision="v1.1.0"' in card


def test_a_rebuilt_draft_or_a_bump_after_it_never_guesses_its_history(seed_release: Path, seed_copy: Path,
                                                                      tmp_path: Path) -> None:
    draft = tmp_path / "release"
    rename_outlet(seed_copy, "iPress", "iPress.ua")
    # `--previous` a folder, into an empty output: its history is carried and the entry computed against it.
    assert build_release(seed_copy, draft, version="1.1.0", previous=str(seed_release)).warnings == []
    assert "## v1.1.0\n\n- 0 added, 0 removed, 1 changed articles since v1.0.0" in changelog(draft)
    assert changelog(draft).endswith("## v1.0.0\n\n- First release.\n")

    # 1a: a fix, then the unpublished v1.1.0 rebuilt in place. The folder's v1.1.0 may be a draft or the
    # published version: the entry says the changes were not computed instead of "since v1.1.0".
    rename_outlet(seed_copy, "iPress.ua", "iPress.com")
    summary = build_release(seed_copy, draft, version="1.1.0")
    assert "since v1.1.0" not in changelog(draft)
    assert "## v1.1.0\n\n- Changes not computed: this build replaced a different v1.1.0" in changelog(draft)
    assert "### Changes in v1.1.0\n\n- Changes not computed:" in (draft / "README.md").read_text(encoding="utf-8")
    assert history_base(changelog(draft)).computed is False
    [warning] = summary.warnings
    assert "release/ already holds v1.1.0 with other data" in warning
    assert "if v1.1.0 is published, run `build-dataset version bump`" in warning
    assert f"if not, build again with `--previous {REPO}` (the Hub's main)" in warning

    # 1b: a bump built on that rebuild would diff against a v1.1.0 that may not be the published one.
    summary = build_release(seed_copy, draft, version="1.1.1")
    assert "## v1.1.1\n\n- Changes not computed: its base v1.1.0 had no computed history" in changelog(draft)
    assert any("has no computed history itself" in w for w in summary.warnings)

    # The way out the warnings give: build on the release before it.
    assert build_release(seed_copy, draft, version="1.1.0", previous=str(seed_release)).warnings == []
    assert changelog(draft).startswith("# Changelog\n\n## v1.1.0\n\n- 0 added, 0 removed, 1 changed articles "
                                       "since v1.0.0")
    assert "v1.1.1" not in changelog(draft) and "not computed" not in changelog(draft)


def test_a_wrong_previous_is_refused_before_any_page_is_read(seed_release: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def no_page_work(*args: object) -> None:
        raise AssertionError("pages were read")

    monkeypatch.setattr(pipeline, "_collect_sources", no_page_work)
    output = tmp_path / "release"
    with pytest.raises(BuildDatasetError, match="is neither a release folder nor OWNER/NAME@REVISION"):
        build_release(SEEDS, output, previous=str(tmp_path / "no" / "such-folder"))
    (tmp_path / "pages").mkdir()
    with pytest.raises(BuildDatasetError, match="has no data/\\*.parquet"):
        build_release(SEEDS, output, previous=str(tmp_path / "pages"))
    with pytest.raises(BuildDatasetError, match="is v1.0.0, newer than this build's v0.9.0.*version bump"):
        build_release(SEEDS, output, version="0.9.0", previous=str(seed_release))
    assert not output.exists()


def test_history_continues_the_hub_and_push_refuses_a_fresh_one(seed_release: Path, seed_copy: Path,
                                                                 tmp_path: Path) -> None:
    identity = tmp_path / "dataset.yaml"
    identity.write_text(IDENTITY.read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.1.0"),
                        encoding="utf-8")
    assert yaml.safe_load(identity.read_text(encoding="utf-8"))["version"] == "1.1.0"
    rename_outlet(seed_copy, "iPress", "iPress.ua")
    build = ("build", "--input", str(seed_copy), "--identity", str(identity), "--card", str(CARD))
    with hub_session(tmp_path) as session:
        ok(session.cli("push", str(seed_release), "--repo-id", REPO))
        missing = session.cli(*build, "--output", str(tmp_path / "x"), "--previous", "OWNER/no-such-repo")
        assert missing.returncode == 1 and missing.stderr.count("\n") == 1
        assert "dataset repo OWNER/no-such-repo not found" in missing.stderr and not (tmp_path / "x").exists()

        # `--previous OWNER/NAME` (main): a fresh folder carries the Hub's history.
        on_hub = tmp_path / "on-hub" / "release"
        ok(session.cli(*build, "--output", str(on_hub), "--previous", REPO))
        assert "## v1.1.0\n\n- 0 added, 0 removed, 1 changed articles since v1.0.0" in changelog(on_hub)
        assert changelog(on_hub).endswith("## v1.0.0\n\n- First release.\n")
        ok(session.cli("push", str(on_hub), "--repo-id", REPO))

        # 1c: the published v1.1.0 built again into an empty folder starts a history of its own; push
        # refuses it (not "bump": only the history differs) and says what to run.
        fresh = tmp_path / "fresh" / "release"
        build_release(seed_copy, fresh, version="1.1.0")
        assert "## v1.1.0\n\n- First release." in changelog(fresh)
        refused = session.cli("push", str(fresh), "--repo-id", REPO)
        assert refused.returncode == 1 and refused.stderr.count("\n") == 1
        assert f"starts afresh (\"First release\") but {REPO} is already at v1.1.0" in refused.stderr
        assert f"run `build-dataset build --previous {REPO}`" in refused.stderr and "bump" not in refused.stderr

        # The same data on top of the Hub's main keeps main's history: the published files, byte for byte.
        ok(session.cli(*build, "--output", str(fresh), "--previous", REPO))
        assert tree_digest(fresh) == tree_digest(on_hub)
        assert "already published with this content; nothing to do" in ok(session.cli("push", str(fresh),
                                                                                      "--repo-id", REPO))
