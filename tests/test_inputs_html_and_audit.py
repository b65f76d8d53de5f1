"""HTML files fill the same record as text dumps; `inspect` shows every removal with its reason."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from build_dataset.cli import app
from tests.conftest import build_release
from tests.test_clean_html import HTML


def test_an_html_file_builds_with_its_metadata(tmp_path: Path) -> None:
    source = tmp_path / "input"
    source.mkdir()
    (source / "budget.html").write_text(HTML, encoding="utf-8")
    build_release(source, tmp_path / "out")
    row = pq.read_table(tmp_path / "out" / "data").to_pylist()[0]
    assert row["source_file"] == "budget.html"
    assert row["title"] == "Budget approved" and row["authors"] == ["Jane Doe"]
    assert row["published"] == dt.date(2021, 3, 3) and row["published_source"] == "html"
    assert row["url"] == "https://gazette.example/budget"
    assert row["text"].startswith("The city council approved") and "All rights reserved" not in row["text"]


def test_a_manifest_date_wins_over_the_page(tmp_path: Path) -> None:
    source = tmp_path / "input"
    source.mkdir()
    (source / "budget.html").write_text(HTML, encoding="utf-8")
    (source / "sources.yaml").write_text("files:\n  budget.html: {published: 2021-03-04, url: https://x.example/b}\n")
    build_release(source, tmp_path / "out")
    row = pq.read_table(tmp_path / "out" / "data").to_pylist()[0]
    assert row["published"] == dt.date(2021, 3, 4) and row["published_source"] == "manifest"
    assert row["url"] == "https://x.example/b"


def test_inspect_marks_each_removal_with_its_reason(seed_release: Path) -> None:
    rows = pq.read_table(seed_release / "data", columns=["id", "source_file"]).to_pylist()
    article_id = next(r["id"] for r in rows if r["source_file"].startswith("000_"))
    result = CliRunner().invoke(app, ["inspect", str(seed_release), article_id], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    teaser = re.findall(r"Lukashenko outlines how Belarus could enter Ukraine conflict\[(\w+)\]", result.output)
    assert len(teaser) == 3  # the related rail: the teaser title twice, then READ MORE, each tagged
    assert re.search(r"FILE PHOTO\. ©\s+Sputnik / Pavel Bednyakov\[caption\]", result.output)
    assert "Leave a Reply[comments]" in result.output
    assert "│ section          │ Russia & FSU" in result.output


def test_inspect_keeps_the_pages_lines_whole_in_a_narrow_terminal(seed_release: Path) -> None:
    rows = pq.read_table(seed_release / "raw", columns=["id", "raw"]).to_pylist()
    row = max(rows, key=lambda r: max(map(len, r["raw"].splitlines())))
    longest = max(row["raw"].splitlines(), key=len).strip()
    assert len(longest) > 200
    result = CliRunner().invoke(app, ["inspect", str(seed_release), row["id"], "--hide", "none"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert longest in result.output


def test_inspect_of_an_unknown_id_is_one_line(seed_release: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["inspect", str(seed_release), "0000000000000000"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "no article with id '0000000000000000'" in result.output
    shutil.rmtree(tmp_path)


def test_inspect_hides_the_tags_of_an_html_page_unless_asked(tmp_path: Path) -> None:
    source = tmp_path / "input"
    source.mkdir()
    (source / "budget.html").write_text(HTML, encoding="utf-8")
    build_release(source, tmp_path / "out")
    article_id = pq.read_table(tmp_path / "out" / "data", columns=["id"]).column("id")[0].as_py()
    env = {"COLUMNS": "250"}
    shown = CliRunner().invoke(app, ["inspect", str(tmp_path / "out"), article_id], env=env)
    assert shown.exit_code == 0, shown.output
    assert "<p>" not in shown.output and "hidden: markup (show with --hide none)" in shown.output
    assert "Home[navigation]" in shown.output and "The city council approved" in shown.output
    everything = CliRunner().invoke(app, ["inspect", str(tmp_path / "out"), article_id, "--hide", "none"], env=env)
    assert "<p>[markup]" in everything.output and "hidden:" not in everything.output
    fewer = CliRunner().invoke(app, ["inspect", str(tmp_path / "out"), article_id, "--hide", "markup",
                                     "--hide", "navigation"], env=env)
    assert "Home" not in fewer.output.split("hidden:")[1] and "hidden: markup, navigation" in fewer.output
