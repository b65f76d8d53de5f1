"""The build replaces only a previous release, refuses bad options before any work, and leaves nothing
behind when it is terminated or was killed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import build_dataset.pipeline as pipeline
import build_dataset.release_dir as release_dir
from build_dataset.cli import app
from build_dataset.errors import InputError
from tests.conftest import CARD, IDENTITY, ROOT, SEEDS, build_release
from tests.test_build import tree_digest


@pytest.fixture
def previous(seed_release: Path, tmp_path: Path) -> Path:
    output = tmp_path / "release"
    shutil.copytree(seed_release, output)
    return output


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the build gets as far as reading pages: refusals must come first."""
    def work(*args, **kwargs):
        raise AssertionError("the build started working before refusing")

    monkeypatch.setattr(pipeline, "_build_into", work)


def refusal(input_dir: Path, output: Path, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        build_release(input_dir, output, **kwargs)
    return str(caught.value)


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith("."))


# --- what --output may replace ---------------------------------------------------------------------------
def test_a_folder_that_is_not_a_release_is_refused(tmp_path: Path, no_work: None) -> None:
    mydocs = tmp_path / "mydocs"
    mydocs.mkdir()
    (mydocs / "thesis.txt").write_text("precious")
    message = refusal(SEEDS, mydocs)
    assert message.startswith(f"{mydocs}: the output is not a release folder")
    assert "it holds thesis.txt" in message and "choose another --output" in message
    assert (mydocs / "thesis.txt").read_text() == "precious"


def test_a_file_is_refused(tmp_path: Path, no_work: None) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("precious")
    assert "(it is a file)" in refusal(SEEDS, notes)
    assert notes.read_text() == "precious"


def test_a_project_folder_with_a_plain_readme_is_refused(tmp_path: Path, no_work: None) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "README.md").write_text("# My project\n")
    assert "no README.md with a dataset card's front matter" in refusal(SEEDS, project)
    assert (project / "README.md").read_text() == "# My project\n"


@pytest.mark.parametrize("extra", ["notes.txt", "data/notes.txt", ".git/HEAD"])
def test_a_release_holding_anything_more_is_refused(previous: Path, extra: str, no_work: None) -> None:
    (previous / extra).parent.mkdir(exist_ok=True)
    (previous / extra).write_text("mine")
    before = tree_digest(previous)
    assert "which a release does not" in refusal(SEEDS, previous)
    assert tree_digest(previous) == before


def test_the_input_folder_is_refused_as_output(seed_copy: Path, no_work: None) -> None:
    before = tree_digest(seed_copy)
    assert "the output is the input folder" in refusal(seed_copy, seed_copy)
    assert tree_digest(seed_copy) == before


def test_a_folder_containing_the_input_is_refused(seed_copy: Path, no_work: None) -> None:
    """`--output .` in the project: the release would replace dataset.yaml and seeds/."""
    assert "the output contains the input folder" in refusal(seed_copy, seed_copy.parent)


def test_a_folder_inside_the_input_is_refused(seed_copy: Path, no_work: None) -> None:
    assert "the output is inside the input folder" in refusal(seed_copy, seed_copy / "release")
    assert not (seed_copy / "release").exists()


def test_an_output_under_a_file_is_one_line_error(tmp_path: Path, no_work: None) -> None:
    blocker = tmp_path / "hostname"
    blocker.write_text("vm\n")
    assert f"{blocker} is a file" in refusal(SEEDS, blocker / "x")


@pytest.mark.parametrize("name", ["out[v1]", "out*", "out?"])
def test_an_output_path_with_a_glob_character_is_refused(name: str, tmp_path: Path, no_work: None) -> None:
    message = refusal(SEEDS, tmp_path / name / "release")
    assert "holds a glob character" in message and "choose an --output path without them" in message


def test_an_empty_folder_is_built_into(seed_release: Path, tmp_path: Path) -> None:
    """A previous release is replaced too: see test_atomic.py."""
    empty = tmp_path / "empty"
    empty.mkdir()
    build_release(SEEDS, empty)
    assert tree_digest(empty) == tree_digest(seed_release)
    assert siblings(empty) == []


# --- options checked before any work --------------------------------------------------------------------
@pytest.mark.parametrize("threshold", [0, -1, 1.5, float("nan")])
def test_a_dup_threshold_outside_0_1_is_refused_at_once(threshold: float, tmp_path: Path, no_work: None) -> None:
    assert refusal(SEEDS, tmp_path / "out", dup_threshold=threshold).startswith("--dup-threshold: must be above 0")
    assert list(tmp_path.iterdir()) == []


def test_the_cli_prints_refusals_as_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("precious")
    for options in (["--output", str(notes)], ["--output", str(notes / "x")],
                    ["--output", str(tmp_path / "out"), "--dup-threshold", "1.5"]):
        result = CliRunner().invoke(app, ["build", "--input", str(SEEDS), "--identity", str(IDENTITY),
                                          "--card", str(CARD), *options], env={"COLUMNS": "1000"})
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and result.output.startswith("error: "), result.output
    assert notes.read_text() == "precious"


# --- SIGTERM and killed builds --------------------------------------------------------------------------
# The build runs in a child process whose per-page work announces itself in a marker file and then
# waits forever, so the test terminates it at a known point without sleeping.
STALL = """
import os, sys, threading
from pathlib import Path
import build_dataset.engines as engines
from build_dataset.cli import app

marker = Path(sys.argv[1])

def stall(task, furniture):
    marker.with_suffix(".tmp").write_text(str(os.getpid()))
    marker.with_suffix(".tmp").rename(marker)
    threading.Event().wait()

engines.process_task = stall
sys.argv = ["build-dataset", "build", *sys.argv[2:]]
app()
"""


def wait_for(marker: Path, process: subprocess.Popen) -> int:
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never reached the page work"
        time.sleep(0.05)
    return int(marker.read_text())


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z")


@pytest.mark.parametrize("engine", ["local", "pool"])
def test_sigterm_cleans_up_like_ctrl_c(engine: str, previous: Path, tmp_path: Path) -> None:
    before = tree_digest(previous)
    marker = tmp_path / "working"
    process = subprocess.Popen(
        [sys.executable, "-c", STALL, str(marker), "--input", str(SEEDS), "--output", str(previous),
         "--identity", str(IDENTITY), "--card", str(CARD), "--engine", engine, "--workers", "2"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    try:
        worker = wait_for(marker, process)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)  # a surviving pool worker would hold the pipes open
        assert process.returncode == 143, stderr  # 128 + SIGTERM, as the shell reports a kill
        assert "interrupted: nothing was replaced" in stderr
        if engine == "pool":
            assert worker != process.pid and gone(worker)
    finally:  # a failed test must not leave the build or its workers running
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert tree_digest(previous) == before
    assert siblings(previous) == []


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_pool_workers_die_with_a_build_killed_outright(previous: Path, tmp_path: Path) -> None:
    marker = tmp_path / "working"
    process = subprocess.Popen(
        [sys.executable, "-c", STALL, str(marker), "--input", str(SEEDS), "--output", str(previous),
         "--identity", str(IDENTITY), "--card", str(CARD), "--engine", "pool", "--workers", "2"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        worker = wait_for(marker, process)
        process.kill()  # the build alone, as the OOM killer would: no handler of the build runs
        process.wait()
        deadline = time.monotonic() + 60  # a liveness bound, not a speed measure
        while not gone(worker):
            assert time.monotonic() < deadline, f"pool worker {worker} outlived the killed build"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_a_killed_builds_staging_is_removed_by_the_next_build(previous: Path) -> None:
    dead = previous.parent / f".release.building-{release_dir._HOST}-{dead_pid()}-abc_12"
    retired = previous.parent / f".release.old-{release_dir._HOST}-{dead_pid()}-xyz"
    running = previous.parent / f".release.building-{release_dir._HOST}-{os.getpid()}-def"
    unknown = previous.parent / ".release.building-k2j3h4"
    for folder in (dead, retired, running, unknown):
        (folder / "data").mkdir(parents=True)
    summary = build_release(SEEDS, previous)
    assert siblings(previous) == [running.name, unknown.name]
    assert f"{dead}: removed, left by a build" in "\n".join(summary.warnings)
    assert f"{unknown}: left by another build; remove it if no build into {previous} is running" in summary.warnings


def test_a_release_left_only_in_a_retired_folder_is_reported(previous: Path, no_work: None) -> None:
    """A kill between the two renames of the fallback swap leaves the release only under .old-."""
    retired = previous.parent / f".release.old-{release_dir._HOST}-{dead_pid()}-xyz"
    retired.mkdir()
    previous.rename(retired / "release")
    assert f"the previous release is in {retired / 'release'}" in refusal(SEEDS, previous)
    assert (retired / "release" / "README.md").is_file()


# --- the swap ---------------------------------------------------------------------------------------------
def new_and_old(tmp_path: Path) -> tuple[Path, Path]:
    """A staging folder holding `new` and an output holding `old`, side by side."""
    staging, output = tmp_path / ".release.building-x", tmp_path / "release"
    staging.mkdir()
    (staging / "new").write_text("new")
    output.mkdir()
    (output / "old").write_text("old")
    return staging, output


def test_the_swap_exchanges_in_one_step_where_it_can(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staging, output = new_and_old(tmp_path)
    if not release_dir._exchange(staging, output):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")
    release_dir._exchange(staging, output)  # back as they were

    def no_rename(*args):
        raise AssertionError("the output went missing between two renames")

    monkeypatch.setattr(release_dir.os, "replace", no_rename)
    release_dir.swap_into_place(staging, output)
    assert [p.name for p in output.iterdir()] == ["new"]
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


def test_the_two_rename_swap_where_exchange_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staging, output = new_and_old(tmp_path)
    monkeypatch.setattr(release_dir, "_exchange", lambda first, second: False)
    release_dir.swap_into_place(staging, output)
    assert [p.name for p in output.iterdir()] == ["new"]
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


def test_the_two_rename_swap_puts_the_old_release_back_if_the_second_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staging, output = tmp_path / ".release.building-x", tmp_path / "release"
    staging.mkdir()
    output.mkdir()
    (output / "old").write_text("old")
    monkeypatch.setattr(release_dir, "_exchange", lambda first, second: False)
    real = os.replace

    def interrupted(source, target):
        if Path(source) == staging:
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(release_dir.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        release_dir.swap_into_place(staging, output)
    assert [p.name for p in output.iterdir()] == ["old"]
