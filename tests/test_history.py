"""Each build records what changed since the release it replaces: CHANGELOG.md and the card's Versions."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import build_release
from tests.test_build import tree_digest


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


def test_changed_data_under_the_same_version_is_flagged(seed_release: Path, seed_copy: Path,
                                                         tmp_path: Path) -> None:
    output = tmp_path / "release"
    shutil.copytree(seed_release, output)
    (seed_copy / "sources.yaml").write_text(
        (seed_copy / "sources.yaml").read_text().replace("outlet: iPress", "outlet: iPress.ua"))
    summary = build_release(seed_copy, output)
    assert any("the version is still 1.0.0" in w for w in summary.warnings)
    assert "0 added, 0 removed, 1 changed articles since v1.0.0" in (output / "CHANGELOG.md").read_text()
