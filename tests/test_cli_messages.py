"""What the CLI prints is the text as it is: file names and fixes with square brackets, known option values."""

from __future__ import annotations

import shutil
import socket
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from build_dataset.cli import app
from build_dataset.publish.push import _size
from build_dataset.schema import REMOVAL_REASONS
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


def test_a_ray_address_nothing_answers_on_is_refused_before_any_page_is_read(tmp_path: Path, monkeypatch) -> None:
    """The page is empty: reading it first would report that instead, after the corpus pass."""
    pytest.importorskip("ray")
    with socket.create_server(("127.0.0.1", 0)) as server:
        address = f"127.0.0.1:{server.getsockname()[1]}"  # closed again: nothing listens there
    monkeypatch.setenv("RAY_ADDRESS", address)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")
    result = run_build(tmp_path / "pages", tmp_path / "out", "--engine", "ray")
    assert result.exit_code == 1, result.output
    assert f"error: RAY_ADDRESS: no Ray cluster answers at {address}" in result.output
    assert "is empty" not in result.output
    assert not (tmp_path / "out").exists()


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


@pytest.fixture(scope="module")
def article_id(seed_release: Path) -> str:
    return pq.read_table(seed_release / "data", columns=["id"]).column("id")[0].as_py()


def test_inspect_refuses_an_unknown_removal_reason(seed_release: Path, article_id: str) -> None:
    result = runner.invoke(app, ["inspect", str(seed_release), article_id, "--hide", "bogus"])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [result.output.strip()], result.output
    assert result.output.startswith("error: --hide: 'bogus' is not a removal reason; use one of: none, ")
    assert all(reason in result.output for reason in REMOVAL_REASONS)


def test_inspect_takes_known_reasons_and_none(seed_release: Path, article_id: str) -> None:
    for hide in (["navigation", "--hide", "footer"], ["none"]):
        result = runner.invoke(app, ["inspect", str(seed_release), article_id, "--hide", *hide])
        assert result.exit_code == 0, result.output


def test_version_show_prints_the_dataset_version(tmp_path: Path) -> None:
    identity = tmp_path / "dataset.yaml"
    identity.write_text("name: x\nversion: 2.3.4  # the one place\n", encoding="utf-8")
    result = runner.invoke(app, ["version", "show", "--identity", str(identity)])
    assert result.exit_code == 0, result.output
    assert result.output == "2.3.4\n"


def test_sizes_are_labelled_in_binary_units() -> None:
    assert [_size(n) for n in (512, 46_445, 3 * 1024**2, 5 * 1024**3)] == [
        "512 B", "45.4 KiB", "3.0 MiB", "5.0 GiB"]
