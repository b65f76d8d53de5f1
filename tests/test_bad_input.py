"""Each kind of bad input: a one-line error naming the file and the fix, a non-zero exit, nothing lost."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from build_dataset.cli import app
from build_dataset.errors import InputError
from build_dataset.read import (
    ManifestEntry,
    decode,
    discover,
    provenance_warnings,
    read_manifest,
    scan,
    sha256_of,
)
from tests.conftest import CARD, IDENTITY, build_release

runner = CliRunner()


def run_build(input_dir: Path, output: Path, *extra: str):
    return runner.invoke(app, ["build", "--input", str(input_dir), "--output", str(output),
                               "--identity", str(IDENTITY), "--card", str(CARD), *extra])


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty.txt: is empty; delete it or re-scrape the page"),
        ("blank.txt", b"  \n\n \t\n", "blank.txt: holds only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.txt: looks binary"),
    ],
)
def test_unusable_file_stops_the_build_with_its_name(seed_copy: Path, tmp_path: Path, name: str,
                                                     content: bytes, expected: str) -> None:
    (seed_copy / name).write_bytes(content)
    line = one_line_error(run_build(seed_copy, tmp_path / "out"))
    assert expected in line
    assert not (tmp_path / "out").exists()


def test_a_page_whose_name_is_not_utf8_is_refused_with_its_name_escaped(seed_copy: Path, tmp_path: Path) -> None:
    """Linux names are bytes: such a name cannot be stored in the dataset's text column (it crashed the
    Parquet writer with a traceback), nor printed as it is."""
    (seed_copy / os.fsdecode(b"caf\xe9.txt")).write_text("A page.\n" * 3)
    (seed_copy / os.fsdecode(b"pic\xff.jpg")).write_bytes(b"not a page")
    line = one_line_error(run_build(seed_copy, tmp_path / "out"))
    assert line == (f"error: {seed_copy}/caf\\xe9.txt: its name is not UTF-8 (the dataset records each page's "
                    "name as text); rename it, or its folder, in UTF-8")
    assert not (tmp_path / "out").exists()

    skipped = run_build(seed_copy, tmp_path / "out", "--skip-bad")
    assert skipped.exit_code == 0, skipped.output
    assert "caf\\xe9.txt: its name is not UTF-8" in skipped.output
    assert "warning: pic\\xff.jpg: not a .txt/.html page, ignored" in skipped.output


def test_skip_bad_builds_the_rest_and_reports_the_skipped_file(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "empty.txt").write_bytes(b"")
    result = run_build(seed_copy, tmp_path / "out", "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "skipped: " in result.output and "empty.txt: is empty" in result.output
    assert (tmp_path / "out" / "README.md").is_file()


def test_skip_bad_keeps_scanning_after_an_empty_and_an_oversized_file(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "002_b_empty.txt").write_bytes(b"")
    (seed_copy / "002_c_huge.txt").write_text("word " * 3000)
    summary = build_release(seed_copy, tmp_path / "out", skip_bad=True, max_bytes=10_000)
    assert summary.files_read == summary.articles_written == 5
    assert [line.split(": ", 1)[1] for line in summary.skipped] == [
        "is empty; delete it or re-scrape the page",
        "is 15,000 bytes, over the 10,000-byte limit; check it is a single page, or raise --max-bytes"]
    assert [Path(line.split(": ", 1)[0]).name for line in summary.skipped] == ["002_b_empty.txt", "002_c_huge.txt"]


@pytest.mark.parametrize("files", [{}, {"notes.md": "# notes", ".hidden.txt": "a page, but hidden"}])
def test_folder_without_pages_is_refused_naming_the_input(tmp_path: Path, files: dict[str, str]) -> None:
    source = tmp_path / "nopages"
    source.mkdir()
    for name, text in files.items():
        (source / name).write_text(text)
    line = one_line_error(run_build(source, tmp_path / "out"))
    assert line == (f"error: {source}: holds no page to build (pages are .txt/.text/.html/.htm files); "
                    "point --input at the folder of scraped pages")
    assert not (tmp_path / "out").exists()


def test_folder_whose_every_page_is_skipped_is_refused_naming_the_input(seed_copy: Path, tmp_path: Path) -> None:
    line = one_line_error(run_build(seed_copy, tmp_path / "out", "--max-bytes", "2000", "--skip-bad"))
    assert line == (f"error: {seed_copy}: every page in it was skipped as unusable (the first, "
                    "000_5abb4180c74f61c7.txt, is 2,689 bytes, over the 2,000-byte limit); "
                    "check it is a single page, or raise --max-bytes")


def test_folder_whose_every_page_fails_to_decode_is_refused_naming_the_input(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (pages / "b.txt").write_text("   \n\t\n")
    line = one_line_error(run_build(pages, tmp_path / "out", "--skip-bad"))
    assert line.startswith(f"error: {pages}: every page in it was skipped as unusable (the first, ")
    assert not (tmp_path / "out").exists()


def test_huge_file_is_refused(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "huge.txt").write_text("word " * 3000)
    line = one_line_error(run_build(seed_copy, tmp_path / "out", "--max-bytes", "10000"))
    assert "huge.txt: is 15,000 bytes, over the 10,000-byte limit" in line


def test_symlink_to_a_file_outside_the_input_is_refused(seed_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("not for publishing")
    (seed_copy / "host.txt").symlink_to(secret)
    line = one_line_error(run_build(seed_copy, tmp_path / "out"))
    assert line == (f"error: {seed_copy / 'host.txt'}: is a symlink to {secret}, which points outside the input "
                    "folder; copy the file into the input folder, or remove the link")


def test_skip_bad_skips_and_lists_symlinks_leading_outside_or_nowhere(seed_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.txt").write_text("a page kept elsewhere")
    (seed_copy / "host.txt").symlink_to(elsewhere / "page.txt")
    (seed_copy / "linked").symlink_to(elsewhere)
    (seed_copy / "gone.txt").symlink_to(tmp_path / "missing.txt")
    summary = build_release(seed_copy, tmp_path / "out", skip_bad=True)
    assert summary.articles_written == 5
    assert summary.skipped == [
        f"{seed_copy / 'gone.txt'}: is a broken or looping symlink (to {tmp_path / 'missing.txt'}); "
        "fix the link or remove it",
        f"{seed_copy / 'host.txt'}: is a symlink to {elsewhere / 'page.txt'}, which points outside the input "
        "folder; copy the file into the input folder, or remove the link",
        f"{seed_copy / 'linked'}: is a symlink to {elsewhere}, which points outside the input folder; "
        "copy the folder into the input folder, or remove the link"]


def test_symlinks_inside_the_input_are_followed_and_loops_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.txt").write_text("a page")
    (tmp_path / "a" / "alias.txt").symlink_to("page.txt")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "self").symlink_to(".")
    scanned = {(Path(s.path).relative_to(tmp_path).as_posix() if isinstance(s, InputError) else s.relative):
               s.args[0] if isinstance(s, InputError) else s.sha256 for s in scan(tmp_path, discover(tmp_path)[0])}
    page = sha256_of(tmp_path / "a" / "page.txt")
    assert scanned == {
        "a/alias.txt": page, "a/page.txt": page, "b/alias.txt": page, "b/page.txt": page,
        "a/up": f"is a symlink to {tmp_path}, a folder that holds the link (a loop)",
        "b/up": f"is a symlink to {tmp_path}, a folder that holds the link (a loop)",
        "self": f"is a symlink to {tmp_path}, a folder that holds the link (a loop)"}


def test_cp1251_file_is_decoded_right(tmp_path: Path) -> None:
    source = tmp_path / "input"
    source.mkdir()
    seed = (Path(__file__).parent.parent / "seeds" / "002_9413dedc7ca43396.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in seed.splitlines() if len(line) > 150][:4]
    paragraph = paragraphs[0]
    (source / "page.txt").write_bytes(("Новини\n\n" + "\n\n".join(paragraphs) + "\n").encode("cp1251"))
    build_release(source, tmp_path / "out")
    import pyarrow.parquet as pq

    raw = pq.read_table(tmp_path / "out" / "raw").to_pylist()[0]
    assert raw["encoding"] == "cp1251"
    assert paragraph in raw["raw"]
    text = pq.read_table(tmp_path / "out" / "data").column("text").to_pylist()[0]
    assert paragraphs[1] in text and paragraphs[2] in text


MIXED = ("Лукашенко заявив, що росія готова до миру.\r\n"
         "Le chlorothalonil sera interdit en Suisse dès l'année prochaine.\r\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded_not_called_binary(codec: str) -> None:
    decoded = decode(MIXED.encode(codec), path=Path("page.txt"))
    assert decoded.text == MIXED.replace("\r\n", "\n")
    assert decoded.encoding == codec


def test_binary_with_nuls_in_every_other_byte_is_still_binary() -> None:
    rng = random.Random(0)
    shorts = bytes(b for _ in range(4096) for b in (rng.randrange(1, 256), 0))  # 16-bit numbers < 256
    with pytest.raises(InputError, match=r"^p\.txt: looks binary"):
        decode(shorts, path=Path("p.txt"))


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ("files:\n  a.txt: [unclosed\n", "sources.yaml: is not valid YAML at line"),
        ("- just\n- a list\n", "sources.yaml: has no 'files:' mapping"),
        ("files:\n  ../outside.txt: {url: null}\n", "entry '../outside.txt' points outside the input folder"),
        ("files:\n  /etc/passwd: {url: null}\n", "entry '/etc/passwd' points outside the input folder"),
        ("files:\n  missing.txt: {url: null}\n", "entry 'missing.txt' names a file that does not exist"),
        ("files:\n  000_5abb4180c74f61c7.txt: {published: yesterday}\n", "has published: 'yesterday', not a date"),
        ("files:\n  000_5abb4180c74f61c7.txt: {published: 2024-13-45}\n",
         "entry '000_5abb4180c74f61c7.txt' has published: '2024-13-45', not a date; write dates as YYYY-MM-DD"),
        ("files:\n  000_5abb4180c74f61c7.txt: {author: x}\n", "has unknown field(s) author"),
        ("files:\n  000_5abb4180c74f61c7.txt: {url: 12}\n",
         "entry '000_5abb4180c74f61c7.txt' has url: 12, a number, not text; "
         'give url one quoted text (url: "...") or leave it null'),
        ("files:\n  000_5abb4180c74f61c7.txt: {outlet: [a, b]}\n", "has outlet: ['a', 'b'], a list, not text"),
        ("files:\n  000_5abb4180c74f61c7.txt: {license: yes}\n", "has license: True, a boolean, not text"),
        ("files:\n  000_5abb4180c74f61c7.txt: {outlet: 2024-01-30}\n", "has outlet: 2024-01-30, a date, not text"),
        ("files:\n  000_5abb4180c74f61c7.txt: {retrieved: 20240130}\n", "has retrieved: 20240130, not a date"),
        # YAML loaders keep the last of two equal keys and drop the first without a word
        ("files:\n  000_5abb4180c74f61c7.txt: {url: a}\n  000_5abb4180c74f61c7.txt: {url: b}\n",
         "sources.yaml: gives '000_5abb4180c74f61c7.txt' twice, at lines 2 and 3; keep one of them"),
        ("files:\n  000_5abb4180c74f61c7.txt:\n    url: a\n    url: b\n", "gives 'url' twice, at lines 3 and 4"),
        ("files:\n  000_5abb4180c74f61c7.txt: {url: a, url: b}\n", "gives 'url' twice, on line 2; keep one of them"),
        ("files:\n  000_5abb4180c74f61c7.txt: {url: a}\n  ./000_5abb4180c74f61c7.txt: {url: b}\n",
         "entries '000_5abb4180c74f61c7.txt' and './000_5abb4180c74f61c7.txt' name the same file; keep one of them"),
    ],
)
def test_malformed_manifest_is_refused(seed_copy: Path, tmp_path: Path, manifest: str, expected: str) -> None:
    (seed_copy / "sources.yaml").write_text(manifest)
    line = one_line_error(run_build(seed_copy, tmp_path / "out"))
    assert expected in line
    assert "sources.yaml" in line


def test_a_manifest_in_another_encoding_is_called_that_not_bad_yaml(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "sources.yaml").write_bytes("files:\n  000_5abb4180c74f61c7.txt: {outlet: Белсат}\n".encode("cp1251"))
    line = one_line_error(run_build(seed_copy, tmp_path / "out"))
    assert line.endswith("sources.yaml: is not UTF-8 (byte 0xc1 at offset 44); save it as UTF-8")


def test_manifest_fields_keep_their_types(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("page")
    (tmp_path / "sources.yaml").write_text(
        "files:\n  a.txt: {url: ' https://x.org/1 ', outlet: null, retrieved: 2024-01-31T10:00:00,\n"
        "          published: '2024-01-30', license: ''}\n")
    assert read_manifest(tmp_path) == {"a.txt": ManifestEntry(
        url="https://x.org/1", retrieved=dt.date(2024, 1, 31), published=dt.date(2024, 1, 30))}


def test_duplicate_content_is_kept_as_a_duplicate_naming_both_files(seed_copy: Path, tmp_path: Path) -> None:
    shutil.copy(seed_copy / "003_0181b8d989cb49e5.txt", seed_copy / "copy.txt")
    result = run_build(seed_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning: copy.txt: same bytes as 003_0181b8d989cb49e5.txt; kept with duplicate_of=" in result.output
    import pyarrow.parquet as pq

    rows = {r["source_file"]: r for r in pq.read_table(tmp_path / "out" / "data").to_pylist()}
    original, copy = rows["003_0181b8d989cb49e5.txt"], rows["copy.txt"]
    assert copy["id"] != original["id"] and copy["source_sha256"] == original["source_sha256"]
    canonical = min(copy["id"], original["id"])
    assert copy["cluster_id"] == original["cluster_id"] == canonical
    assert {copy["duplicate_of"], original["duplicate_of"]} == {None, canonical}


def test_file_without_manifest_entry_builds_with_null_provenance_and_a_warning(
        seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "sub").mkdir()
    shutil.move(seed_copy / "003_0181b8d989cb49e5.txt", seed_copy / "sub" / "page.txt")
    manifest = (seed_copy / "sources.yaml").read_text()
    start = manifest.index("  003_0181b8d989cb49e5.txt:")
    end = manifest.index("  004_fef684c0eb460aad.txt:")
    (seed_copy / "sources.yaml").write_text(manifest[:start] + manifest[end:])
    result = run_build(seed_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "sub/page.txt: no manifest entry" in result.output
    import pyarrow.parquet as pq

    rows = {r["source_file"]: r for r in pq.read_table(tmp_path / "out" / "data").to_pylist()}
    assert rows["sub/page.txt"]["url"] is None and rows["sub/page.txt"]["license_note"] is None
    assert rows["002_9413dedc7ca43396.txt"]["outlet"] == "iPress"


def test_input_that_is_not_a_folder(tmp_path: Path) -> None:
    line = one_line_error(run_build(tmp_path / "nope", tmp_path / "out"))
    assert "nope: is not a folder" in line


def test_folder_without_manifest_builds_with_one_warning(seed_copy: Path, tmp_path: Path) -> None:
    (seed_copy / "sources.yaml").unlink()
    result = run_build(seed_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: input: no sources.yaml, so all 5 files build with null provenance "
                        "(see seeds/sources.yaml for the format)"]


@pytest.mark.parametrize(
    ("manifest", "pages", "expected"),
    [
        (None, ["a.txt", "b.txt"], "input: no sources.yaml, so all 2 files build with null provenance"),
        ("", ["a.txt"], "input: sources.yaml has no entries, so its only file builds with null provenance"),
        ("# to do\n\n", ["a.txt", "b.txt"], "input: sources.yaml has no entries, so all 2 files build"),
        ("files: {}\n", ["a.txt", "b.txt"], "input: sources.yaml has no entries, so all 2 files build"),
        ("files: {a.txt: {url: null}}\n", ["a.txt", "b.txt"], "b.txt: no manifest entry, provenance left null"),
    ],
)
def test_pages_without_provenance_are_warned_about_with_the_manifest_as_it_is(
        tmp_path: Path, manifest: str | None, pages: list[str], expected: str) -> None:
    source = tmp_path / "input"
    source.mkdir()
    for name in pages:
        (source / name).write_text("page")
    if manifest is not None:
        (source / "sources.yaml").write_text(manifest)
    [warning] = provenance_warnings(source, read_manifest(source), pages)
    assert warning.startswith(expected)
