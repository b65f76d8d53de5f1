"""What the CLI prints is the text as it is: file names and fixes with square brackets."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from typer.testing import CliRunner

from build_dataset.cli import app
from tests.conftest import CARD, IDENTITY, SEEDS

runner = CliRunner()
SEED_PAGE = sorted(SEEDS.glob("*.txt"))[0]


def run_build(input_dir: Path, output: Path, *extra: str):
    return runner.invoke(app, ["build", "--input", str(input_dir), "--output", str(output),
                               "--identity", str(IDENTITY), "--card", str(CARD), *extra])


def test_an_error_names_a_file_with_brackets_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page[ray].txt").write_bytes(b"")
    result = run_build(tmp_path / "pages", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert f"error: {tmp_path / 'pages' / 'page[ray].txt'}: is empty" in result.output


def test_the_ray_install_hint_keeps_its_extra(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as if Ray were not installed
    (tmp_path / "pages").mkdir()
    shutil.copy(SEED_PAGE, tmp_path / "pages")
    result = run_build(tmp_path / "pages", tmp_path / "out", "--engine", "ray")
    assert result.exit_code == 1, result.output
    assert 'install it with: pip install -e ".[ray]"' in result.output


def test_skipped_files_and_release_folders_are_named_as_they_are(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    shutil.copy(SEED_PAGE, tmp_path / "pages" / "a.txt")
    (tmp_path / "pages" / "draft[bold].txt").write_bytes(b"")
    result = run_build(tmp_path / "pages", tmp_path / "out", "--skip-bad")
    assert result.exit_code == 0, result.output
    assert f"skipped: {tmp_path / 'pages' / 'draft[bold].txt'}: is empty" in result.output

    renamed = tmp_path / "release[v1]"
    (tmp_path / "out").rename(renamed)
    validated = runner.invoke(app, ["validate", "--no-load", str(renamed)])
    assert validated.exit_code == 0, validated.output
    assert validated.output.strip() == f"{renamed}: valid"
