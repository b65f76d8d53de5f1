"""The whole line on the seeds: a release that `datasets` loads offline, identical on every rebuild."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from build_dataset import schema
from build_dataset.package import VERSION_KEY
from build_dataset.validate import read_front_matter, validate_release
from tests.conftest import DATA, build_release

GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_release_layout_is_a_hub_dataset_repo(seed_release: Path) -> None:
    assert sorted(tree_digest(seed_release)) == [
        "CHANGELOG.md", "README.md", "data/train-00000-of-00001.parquet", "raw/train-00000-of-00001.parquet"]


def test_load_dataset_in_a_fresh_offline_process(seed_release: Path, tmp_path: Path) -> None:
    script = (
        "import json, sys; from datasets import load_dataset\n"
        "d = load_dataset(sys.argv[1], split='train'); r = load_dataset(sys.argv[1], 'raw', split='train')\n"
        "print(json.dumps({'rows': d.num_rows, 'cols': d.column_names, 'raw_rows': r.num_rows,"
        " 'raw_cols': r.column_names, 'published': [str(x) for x in d['published']],"
        " 'num_bytes': [d.info.splits['train'].num_bytes, r.info.splits['train'].num_bytes]}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    done = subprocess.run([sys.executable, "-c", script, str(seed_release)], capture_output=True, text=True,
                          env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["rows"] == 5 and result["raw_rows"] == 5
    assert result["cols"] == schema.column_names(schema.DEFAULT_CONFIG)
    assert result["raw_cols"] == schema.column_names(schema.RAW_CONFIG)
    assert "2022-02-28" in result["published"]
    infos = {i["config_name"]: i for i in read_front_matter(seed_release / "README.md")["dataset_info"]}
    # the sizes the card declares are the ones `datasets` computes when it prepares each split
    assert result["num_bytes"] == [infos["default"]["splits"][0]["num_bytes"], infos["raw"]["splits"][0]["num_bytes"]]


def test_rows_are_the_seeds_sorted_by_stable_id(seed_release: Path) -> None:
    table = pq.read_table(seed_release / "data")
    ids = table.column("id").to_pylist()
    assert ids == sorted(ids)
    by_file = dict(zip(table.column("source_file").to_pylist(), table.column("source_sha256").to_pylist(),
                       strict=True))
    for name, digest in by_file.items():
        assert hashlib.sha256((Path(__file__).parent.parent / "seeds" / name).read_bytes()).hexdigest() == digest
    assert sorted(Path(n).stem for n in by_file) == sorted(GOLD)


def test_removed_spans_index_the_raw_config(seed_release: Path) -> None:
    raw = {r["id"]: r for r in pq.read_table(seed_release / "raw").to_pylist()}
    for row in pq.read_table(seed_release / "data").to_pylist():
        text = raw[row["id"]]["raw"]
        assert row["removed"] == raw[row["id"]]["removed"]
        for span in row["removed"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert span["reason"]


def test_version_is_in_card_and_parquet_metadata(seed_release: Path) -> None:
    import yaml

    version = yaml.safe_load((Path(__file__).parent.parent / "dataset.yaml").read_text())["version"]
    meta = read_front_matter(seed_release / "README.md")
    assert str(meta["version"]) == version
    for path in seed_release.rglob("*.parquet"):
        assert pq.read_schema(path).metadata[VERSION_KEY].decode() == version
        parquet = pq.ParquetFile(path)
        assert parquet.metadata.row_group(0).column(0).compression == "ZSTD"


def test_two_builds_are_byte_identical(seed_release: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_release(Path(__file__).parent.parent / "seeds", again)
    assert tree_digest(again) == tree_digest(seed_release)


def test_card_yaml_matches_the_data(seed_release: Path) -> None:
    meta = read_front_matter(seed_release / "README.md")
    table = pq.read_table(seed_release / "data")
    languages = sorted({x for x in table.column("language").to_pylist() if x})
    assert meta["language"] == languages
    assert meta["multilinguality"] == ("multilingual" if len(languages) > 1 else "monolingual")
    assert meta["size_categories"] == ["n<1K"]
    assert meta["license"] == "other"
    infos = {i["config_name"]: i for i in meta["dataset_info"]}
    assert infos["default"]["splits"][0]["num_examples"] == table.num_rows == 5
    assert infos["raw"]["splits"][0]["num_examples"] == 5
    assert infos["default"]["features"] == schema.features()._to_yaml_list()
    assert [c["config_name"] for c in meta["configs"]] == ["default", "raw"]
    body = (seed_release / "README.md").read_text(encoding="utf-8")
    for section in ("## Dataset Details", "## Uses", "## Dataset Structure", "### Curation Rationale",
                    "### Source Data", "### Annotations", "#### Personal and Sensitive Information",
                    "## Bias, Risks, and Limitations", "## Citation", "## Dataset Card Authors",
                    "## Dataset Card Contact"):
        assert section in body
    assert "{{" not in body.split("```bibtex")[0]
    for name, _, description in schema.descriptions():
        assert f"`{name}`" in body and description in body
    assert "This release holds articles in English (4) and Ukrainian (1)." in body
    quotes = [q["text"] for row in table.column("quotes").to_pylist() for q in row]
    short = sum(1 for q in quotes if len(re.findall(r"\w+", q)) <= 2)
    assert 0 < short < len(quotes)
    assert f"{len(quotes)} quotes" in body and f"; {short} of two words or fewer" in body
    removed = {span["reason"] for row in table.column("removed").to_pylist() for span in row}
    repairs = {r for row in table.column("repairs").to_pylist() for r in row}
    assert removed and repairs
    for reason in removed:
        assert f"| {reason} |" in body and schema.REMOVAL_REASONS[reason] in body
    for repair in repairs:
        assert f"| {repair} |" in body and schema.REPAIRS[repair] in body


def test_validate_reports_what_a_consumer_would_hit(seed_release: Path, tmp_path: Path) -> None:
    import shutil

    assert validate_release(seed_release) == []
    broken = tmp_path / "broken"
    shutil.copytree(seed_release, broken)
    readme = broken / "README.md"
    readme.write_text(readme.read_text().replace("num_examples: 5", "num_examples: 6", 1))
    assert any("declares 6 rows, files hold 5" in p for p in validate_release(broken, load=False))
    (broken / "raw" / "train-00000-of-00001.parquet").unlink()
    assert any("'raw' paths" in p and "match no file" in p for p in validate_release(broken, load=False))


def test_validate_rejects_a_removal_reason_the_card_does_not_explain(seed_release: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(seed_release, broken)
    path = broken / "data" / "train-00000-of-00001.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[0]["removed"][0]["reason"] = "misc"
    rows[1]["quality_flags"] = ["odd"]
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)
    problems = validate_release(broken, load=False)
    assert any("removed.reason holds 'misc'" in p for p in problems), problems
    assert any("quality_flags holds 'odd'" in p for p in problems), problems


def test_release_rows_hold_the_seed_gold(seed_release: Path) -> None:
    rows = {Path(r["source_file"]).stem: r for r in pq.read_table(seed_release / "data").to_pylist()}
    for name, gold in GOLD.items():
        row = rows[name]
        assert row["title"] == gold["title"], name
        assert row["description"] == gold["description"], name
        assert row["authors"] == gold["authors"], name
        assert row["language"] == gold["language"], name
        assert (str(row["published"]) if row["published"] else None) == gold["published"], name
        for line in gold["body"]:  # the cleaner turns no-break spaces into spaces, as it should
            assert squeeze(line) in squeeze(row["text"]), (name, line)
        text_lines = {line.strip() for line in row["text"].splitlines()}
        body = set(gold["body"])
        for removed in gold["removed"]:
            if removed["text"].strip() not in body:
                assert removed["text"].strip() not in text_lines, (name, removed)
    assert rows["001_efc0912535813c17"]["published_source"] == "text"
    assert rows["002_9413dedc7ca43396"]["outlet"] == "iPress"


# Run before the load script: fails it whenever the interpreter gets to finalize. Finalizing is where
# Arrow I/O threads still freeing Python buffers abort the process, at random (about 1 run in 10); this
# makes a script that finalizes fail on every run.
_FAIL_IF_FINALIZED = """
import atexit, os, sys
def _finalized():
    sys.stderr.write("the load check let the interpreter finalize\\n")
    sys.stderr.flush()
    os._exit(3)
atexit.register(_finalized)
"""


def test_large_releases_are_load_checked_by_streaming(seed_release: Path, monkeypatch) -> None:
    """The streaming check reads a first row, and its process ends right after printing the result."""
    import build_dataset.validate as validate

    monkeypatch.setattr(validate, "FULL_LOAD_LIMIT", 0)
    monkeypatch.setattr(validate, "_LOAD_SCRIPT", _FAIL_IF_FINALIZED + validate._LOAD_SCRIPT)
    assert validate.check_loads(seed_release, "default", 5) == []
    assert validate.check_loads(seed_release, "raw", 5) == []


def test_an_outlets_repeated_lines_are_removed_as_furniture(tmp_path: Path) -> None:
    """Six pages of one outlet share a line that looks like prose: the build removes it as the outlet's
    furniture, from a sample of its pages, while each page keeps its own paragraph."""
    boiler = "The Town Gazette is an independent newspaper funded by its readers since the year 1921."
    corpus = tmp_path / "input"
    corpus.mkdir()
    manifest = ["files:"]
    for i in range(6):
        story = (f"Story {'ABCDEF'[i]} tells how the council met on a cold evening and argued at length about "
                 f"the budget, the schools and the roads of the {'ABCDEF'[i]} district, until the mayor spoke.")
        (corpus / f"p{i}.txt").write_text(f"{story}\n\n{boiler}\n\n{story.replace('Story', 'Then')}\n",
                                          encoding="utf-8")
        manifest.append(f"  p{i}.txt: {{outlet: Town Gazette}}")
    (corpus / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    build_release(corpus, tmp_path / "release")
    data = pq.read_table(tmp_path / "release" / "data").to_pylist()
    raw = {r["id"]: r for r in pq.read_table(tmp_path / "release" / "raw").to_pylist()}
    assert len(data) == 6
    for row in data:
        assert "Story" in row["text"] and boiler not in row["text"]
        source = raw[row["id"]]["raw"]
        at = source.index(boiler)
        assert [s["reason"] for s in raw[row["id"]]["removed"] if s["start"] <= at < s["end"]] == ["furniture"]
