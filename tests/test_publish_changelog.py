"""CHANGELOG.md entries and the card's "Versions" section, written from a release diff."""

from __future__ import annotations

from pathlib import Path

from build_dataset.publish import changelog_entry, render_versions_section, update_changelog
from build_dataset.publish.changelog import HistoryBase, history_base
from build_dataset.publish.diff import ChangedArticle, ReleaseDiff

DIFF = ReleaseDiff(old="release-1.0.0", new="release", old_version="1.0.0", new_version="1.1.0",
                   added=("bbbb",), removed=(), unchanged=3,
                   changed=(ChangedArticle("aaaa", ("text", "word_count")), ChangedArticle("cccc", ("entities",))),
                   field_counts={"text": 1, "word_count": 1, "entities": 1})


def test_entry_names_counts_ids_and_fields_by_group() -> None:
    assert changelog_entry(DIFF, "1.1.0", "1.0.0") == (
        "## v1.1.0\n"
        "\n"
        "- 1 added, 0 removed, 2 changed articles since v1.0.0 (3 unchanged).\n"
        "- Added: `bbbb`.\n"
        "- Changed text (text) in 1 article: `aaaa`.\n"
        "- Changed annotations (entities) in 1 article: `cccc`.\n"
        "- Changed metadata (word_count) in 1 article: `aaaa`.\n"
    )
    assert changelog_entry(None, "1.0.0", None) == "## v1.0.0\n\n- First release.\n"


def test_update_puts_the_newest_first_and_replaces_a_rebuilt_version(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    update_changelog(path, changelog_entry(None, "1.0.0", None))
    update_changelog(path, "## v1.1.0\n\n- draft\n")
    update_changelog(path, changelog_entry(DIFF, "1.1.0", "1.0.0"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n\n## v1.1.0\n")
    assert text.count("## v1.1.0") == 1 and "draft" not in text
    assert text.endswith("## v1.0.0\n\n- First release.\n")
    before = text
    update_changelog(path, changelog_entry(DIFF, "1.1.0", "1.0.0"))
    assert path.read_text(encoding="utf-8") == before  # rebuilding gives the same bytes


def test_versions_section_says_how_to_pin() -> None:
    section = render_versions_section(DIFF, "1.1.0", "1.0.0")
    assert section.startswith("## Versions\n")
    assert 'load_dataset("OWNER/NAME", revision="v1.1.0")' in section
    assert "### Changes in v1.1.0" in section and "- Added: `bbbb`." in section
    assert "- First release." in render_versions_section(None, "1.0.0", None)


def test_a_hand_written_preamble_stays_on_top(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\nNotable changes to the dataset.\n", encoding="utf-8")
    update_changelog(path, changelog_entry(None, "1.0.0", None))
    assert path.read_text(encoding="utf-8") == (
        "# Changelog\n\nNotable changes to the dataset.\n\n## v1.0.0\n\n- First release.\n")


def test_the_base_an_entry_names_is_read_back_by_history_base(tmp_path: Path) -> None:
    # The reader parses what the writer wrote, for every kind of first bullet.
    assert history_base(changelog_entry(None, "1.0.0", None)) == HistoryBase("1.0.0", None)
    assert history_base(changelog_entry(DIFF, "1.1.0", "1.0.0")) == HistoryBase("1.1.0", "1.0.0")
    unchanged = ReleaseDiff(old="a", new="b", old_version="1.1.0", new_version="1.1.1", added=(), removed=(),
                            unchanged=3, changed=(), field_counts={})
    assert history_base(changelog_entry(unchanged, "1.1.1", "1.1.0")) == HistoryBase("1.1.1", "1.1.0")
    assert history_base(changelog_entry(None, "1.1.1", "1.1.0")) == HistoryBase("1.1.1", computed=False)
    # Only the newest entry counts, below a preamble too.
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\nNotes since v0.9.0.\n", encoding="utf-8")
    update_changelog(path, changelog_entry(None, "1.0.0", None))
    update_changelog(path, changelog_entry(DIFF, "1.1.0", "1.0.0"))
    assert history_base(path.read_text(encoding="utf-8")) == HistoryBase("1.1.0", "1.0.0")
    # What the tool did not write names no base it can vouch for.
    assert history_base("# Changelog\n\n## v1.1.0\n\n- Fixed a typo.\n").computed is False
    assert history_base("# Changelog\n") == HistoryBase(None, computed=False)


def test_an_entry_never_says_a_version_changed_since_itself() -> None:
    entry = changelog_entry(None, "1.1.0", "1.1.0")
    assert "since v1.1.0" not in entry and "replaced a different v1.1.0" in entry
    section = render_versions_section(None, "1.1.0", "1.1.0")
    assert "since v1.1.0" not in section and "- Changes not computed:" in section
