"""A release edited after the build, as the publishing audit did (pyarrow, schema metadata kept): the
rows must agree with their text, the raw config and the card, or validate and push refuse it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from build_dataset import consistency
from build_dataset.cli import app
from build_dataset.consistency import CARD_REBUILD, REBUILD, card_problems, row_problems
from build_dataset.validate import read_front_matter, validate_release

DATA_SHARD = "data/train-00000-of-00001.parquet"
RAW_SHARD = "raw/train-00000-of-00001.parquet"
EDITED = "340787a1658129f8"  # the article the audit edited: it has entities, quotes and dates
REPO_ID = "OWNER/belarus-peace-talks-news"  # the seed card's repo, so that push gets as far as validating

Row = dict[str, Any]


@pytest.fixture
def release(seed_release: Path, tmp_path: Path) -> Path:
    """A private copy of the seed release to edit."""
    target = tmp_path / "release"
    shutil.copytree(seed_release, target)
    return target


def edit_rows(shard: Path, change: Callable[[Row], None], ids: tuple[str, ...] = (EDITED,)) -> None:
    """Rewrite a shard with `change` applied to the rows of `ids` (all rows when empty), keeping its
    schema and metadata: an edit that the structural checks cannot see."""
    table = pq.read_table(shard)
    rows = table.to_pylist()
    for row in rows:
        if not ids or row["id"] in ids:
            change(row)
    pq.write_table(table.from_pylist(rows, schema=table.schema), shard)


def first_with(release: Path, column: str) -> str:
    """The id of the first article whose `column` holds an item."""
    rows = pq.read_table(release / DATA_SHARD, columns=["id", column]).to_pylist()
    return next(row["id"] for row in rows if row[column])


def row_problem(release: Path, start: str) -> str:
    """The one row problem starting with `start`; fails listing them all when there is none."""
    problems = row_problems(release)
    found = [p for p in problems if p.startswith(start)]
    assert len(found) == 1, problems
    assert found[0].endswith(f"; {REBUILD}"), found[0]
    return found[0]


def test_a_clean_build_agrees_with_itself_and_its_card(seed_release: Path) -> None:
    assert row_problems(seed_release) == []
    assert card_problems(seed_release, read_front_matter(seed_release / "README.md")) == []
    assert validate_release(seed_release, load=False) == []


def replace_opening(row: Row) -> None:
    """The audit's edit: the first 200 characters of the text become "REPLACED "."""
    row["text"] = "REPLACED " + row["text"][200:]


def test_the_audits_text_edit_is_refused_naming_the_shard_row_and_columns(release: Path) -> None:
    edit_rows(release / DATA_SHARD, replace_opening)
    problems = validate_release(release, load=False)
    where = f"{DATA_SHARD}: row {EDITED}: "
    assert any(p.startswith(f"{where}word_count is 310 but its text gives ") for p in problems), problems
    assert any(p.startswith(f"{where}entities[0] ") for p in problems), problems
    assert any(p.startswith("README.md: ") and p.endswith(CARD_REBUILD) for p in problems), problems


def test_a_word_count_the_text_does_not_give_is_a_problem(release: Path) -> None:
    edit_rows(release / DATA_SHARD, lambda row: row.update(word_count=row["word_count"] + 1))
    assert row_problem(release, f"{DATA_SHARD}: row {EDITED}: word_count ").startswith(
        f"{DATA_SHARD}: row {EDITED}: word_count is 311 but its text gives 310")


@pytest.mark.parametrize("column", consistency.TEXT_SPANS)
def test_a_surface_string_that_is_not_the_text_it_covers_is_a_problem(release: Path, column: str) -> None:
    article = first_with(release, column)
    edit_rows(release / DATA_SHARD, lambda row: row[column][0].update(text="EDITED"), ids=(article,))
    problem = row_problem(release, f"{DATA_SHARD}: row {article}: {column}[0] ")
    assert "in text, not 'EDITED'" in problem


@pytest.mark.parametrize("column", consistency.TEXT_SPANS)
def test_a_span_past_the_end_of_the_text_is_a_problem(release: Path, column: str) -> None:
    article = first_with(release, column)
    edit_rows(release / DATA_SHARD, lambda row: row[column][-1].update(end=len(row["text"]) + 5), ids=(article,))
    problem = row_problem(release, f"{DATA_SHARD}: row {article}: {column}[")
    assert "lies outside text" in problem


def test_a_speaker_the_text_never_names_is_a_problem(release: Path) -> None:
    def rename(row: Row) -> None:
        next(q for q in row["quotes"] if q["speaker"]).update(speaker="Nobody Named Here")

    article = first_with(release, "quotes")
    edit_rows(release / DATA_SHARD, rename, ids=(article,))
    assert "speaker 'Nobody Named Here' is not in text" in row_problem(release, f"{DATA_SHARD}: row {article}: quotes[")


def edit_removed(release: Path, change: Callable[[list[Row], Row], None]) -> None:
    """Apply the same edit to the article's removed spans in both configs, so that only it is wrong."""
    edit_rows(release / RAW_SHARD, lambda row: change(row["removed"], row))
    raw = pq.read_table(release / RAW_SHARD).to_pylist()
    removed = next(row["removed"] for row in raw if row["id"] == EDITED)
    edit_rows(release / DATA_SHARD, lambda row: row.update(removed=removed))


def test_a_removed_span_outside_the_raw_page_is_a_problem(release: Path) -> None:
    edit_removed(release, lambda spans, row: spans[-1].update(end=len(row["raw"]) + 1))
    assert "lies outside raw" in row_problem(release, f"{RAW_SHARD}: row {EDITED}: removed[")


def test_removed_spans_out_of_order_or_overlapping_are_a_problem(release: Path) -> None:
    edit_removed(release, lambda spans, row: spans.reverse())
    assert "must be sorted and must not overlap" in row_problem(release, f"{RAW_SHARD}: row {EDITED}: removed[1] ")
    assert validate_release(release, load=False)


@pytest.mark.parametrize("column", consistency.SHARED)
def test_a_raw_row_that_disagrees_with_its_default_row_is_a_problem(release: Path, column: str) -> None:
    def change(row: Row) -> None:
        row[column] = row[column][:-1] if isinstance(row[column], list) else row[column] + ".bak"

    edit_rows(release / RAW_SHARD, change, ids=(first_with(release, column),))
    problem = row_problem(release, f"{RAW_SHARD}: row {first_with(release, column)}: {column} ")
    assert f"differs from the row in {DATA_SHARD}" in problem


def test_only_the_first_few_problems_are_reported(release: Path) -> None:
    edit_rows(release / DATA_SHARD, lambda row: row.update(word_count=0), ids=())
    edit_rows(release / RAW_SHARD, lambda row: row.update(source_file="moved"), ids=())
    assert len(row_problems(release, limit=3)) == 3


def test_rows_pair_up_across_row_groups_of_different_sizes(release: Path) -> None:
    """Both configs are read a row group at a time; their boundaries need not line up."""
    for shard, size in ((DATA_SHARD, 2), (RAW_SHARD, 3)):
        pq.write_table(pq.read_table(release / shard), release / shard, row_group_size=size)
    assert pq.ParquetFile(release / DATA_SHARD).num_row_groups == 3
    assert row_problems(release) == []


def test_a_retouched_card_table_is_a_problem(release: Path) -> None:
    readme = release / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("| en | 4 | 80% | 1791 |", "| en | 4 | 80% | 2000 |"),
                      encoding="utf-8")
    [problem] = card_problems(release, read_front_matter(readme))
    assert problem == ("README.md: the card's language table says `| en | 4 | 80% | 2000 |` where the rows give "
                       f"`| en | 4 | 80% | 1791 |`; {CARD_REBUILD}")


def test_a_card_whose_figures_the_rows_no_longer_give_is_a_problem(release: Path) -> None:
    edit_rows(release / DATA_SHARD, lambda row: row.update(outlet="Edited Outlet"))
    problems = card_problems(release, read_front_matter(release / "README.md"))
    assert any(p.startswith("README.md: the card's YAML dataset_info[0].splits[0].num_bytes is ") for p in problems)
    assert any(p.startswith("README.md: the card's outlet table says `| unknown | 4 | 80% |` where the rows give "
                            "`| unknown | 3 | 60% |`") for p in problems), problems
    assert all(p.endswith(CARD_REBUILD) for p in problems)


def test_a_table_the_card_leaves_out_is_not_required(release: Path) -> None:
    """The prose template is the maintainer's: a card without the outlet table is still consistent."""
    readme = release / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("| outlet | articles | share |\n|---|---|---|\n| unknown | 4 | 80% |\n"
                                   "| iPress | 1 | 20% |\n", ""), encoding="utf-8")
    assert "| outlet |" not in readme.read_text(encoding="utf-8")
    assert card_problems(release, read_front_matter(readme)) == []


def test_validate_and_push_refuse_the_audits_edit_in_one_line(release: Path) -> None:
    edit_rows(release / DATA_SHARD, replace_opening)
    validated = CliRunner().invoke(app, ["validate", str(release), "--no-load"])
    assert validated.exit_code == 1, validated.output
    assert validated.output.startswith(f"invalid: {DATA_SHARD}: row {EDITED}: word_count is 310 "), validated.output
    pushed = CliRunner().invoke(app, ["push", str(release), "--repo-id", REPO_ID, "--dry-run"])
    assert pushed.exit_code == 1, pushed.output
    assert pushed.output.splitlines() == [pushed.output.strip()], pushed.output
    assert f"release is not valid: {DATA_SHARD}: row {EDITED}: word_count is 310 " in pushed.output
