"""The URL slug check of benchmarks/metadata.py: which pages it counts and which titles agree with their path."""

from __future__ import annotations

import importlib.util
import json
import pathlib

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "metadata.py"
_spec = importlib.util.spec_from_file_location("metadata_benchmark", SCRIPT)
metadata_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(metadata_benchmark)


def test_the_slug_check_counts_wordy_paths_and_titles_sharing_half_their_words() -> None:
    urls = {
        "a.txt": "https://example.org/news/parliament-passes-water-budget",
        "b.txt": "https://example.org/2021/05/straße-gesperrt-nach-unfall/",
        "c.txt": "https://example.org/article/123456",  # too few words: not counted
        "d.txt": "https://example.org/politik/ausland/wahl-ergebnis-heute",
        "e.txt": "hard::example.org-page.html",  # no path
    }
    rows = {
        "a.txt": {"title": "Parliament passes the water budget"},  # 4 of 5 words in the path
        "b.txt": {"title": "Straße gesperrt"},  # folded to ASCII: "strasse", "gesperrt"
        "c.txt": {"title": "Anything"},
        "d.txt": {"title": "Menu"},  # a word the path lacks
        "e.txt": {"title": None},
    }
    assert metadata_benchmark.measure_slug(rows, urls) == {
        "URL slug: titled": (3, 3), "URL slug: title agrees": (2, 3)}
    rows["d.txt"]["title"] = None
    assert metadata_benchmark.measure_slug(rows, urls)["URL slug: titled"] == (2, 3)


def test_urls_are_read_from_the_snippets_beside_the_raw_folder(tmp_path: pathlib.Path) -> None:
    (tmp_path / "raw").mkdir()
    assert metadata_benchmark.read_urls(tmp_path / "raw") == {}
    (tmp_path / "snippets.json").write_text(json.dumps({
        "a.txt": {"url": "https://x.org/a-b-c"}, "b": {"url": "https://x.org/d"}}), encoding="utf-8")
    assert metadata_benchmark.read_urls(tmp_path / "raw") == {"a.txt": "https://x.org/a-b-c",
                                                             "b.txt": "https://x.org/d"}


def test_the_cards_table_leaves_out_the_rule_changes_samples_alone() -> None:
    current = {field: {"coverage": (8, 10), "precision": (3, 4), "changed sample (fix 2): fixed": (1, 1),
                       "added sample: precision": (2, 2), "unlabelled": 0}
               for field in metadata_benchmark.FIELDS}
    current["published"] = {"coverage": (6, 10), "undated sample: now right": (1, 2)}
    whole = metadata_benchmark.table(current, None, "")
    card = metadata_benchmark.table(current, None, "", rule_changes=False)
    assert "changed sample" in whole and "added sample" in whole
    assert "sample" not in card.replace("undated sample", "")
    assert card.count("| coverage |") == len(metadata_benchmark.FIELDS) + 1
    assert "| published | undated sample: now right | 50% (1/2) |" in card
    assert "unlabelled" not in card


def test_the_card_includes_the_cards_part_of_the_metadata_figures() -> None:
    card = (SCRIPT.parents[1] / "dataset_card.md").read_text(encoding="utf-8")
    assert "{{ include: benchmarks/results/metadata_card.md }}" in card
    assert "results/metadata.md }}" not in card


def test_the_cards_text_says_how_it_was_measured_and_where_the_whole_record_is() -> None:
    current = {field: {"coverage": (8, 10), "changed sample (fix 2): fixed": (1, 1)}
               for field in (*metadata_benchmark.FIELDS, "published")}
    labels = {"fields": {field: [{}] * 3 for field in metadata_benchmark.FIELDS}}
    text = metadata_benchmark.card_text(current, labels, {"text": [{}] * 4, "null": [{}] * 2}, 10)
    assert text.startswith("Measured with `python benchmarks/metadata.py` on the 10 dev pages")
    assert "(3 section, 3 authors, 3 title, 3 description; for `published`, 6 pages" in text
    assert "`benchmarks/results/metadata.md`" in text
    assert text.rstrip().endswith("| published | coverage | 80% (8/10) |")
    assert "changed sample" not in text


def test_the_unfilled_sample_counts_what_a_build_leaves_out_and_what_it_now_gets_right_or_wrong() -> None:
    sample = [
        {"file": "a.txt", "half": "dev", "title": "Peace talks resume in Minsk"},
        {"file": "b.txt", "half": "dev", "title": None},  # the page prints no headline
        {"file": "c.txt", "half": "held_out", "title": "Border reopens"},
        {"file": "d.txt", "half": "held_out", "title": None},
    ]
    rows = {"a.txt": {"title": "Peace talks  resume in Minsk"},  # the same line, its spaces folded: right
            "b.txt": {"title": "Menu"}, "c.txt": {"title": None}, "d.txt": {"title": None}}
    figures = metadata_benchmark.measure_unfilled(rows, sample, "title")
    assert figures["untitled sample: stated"] == (2, 4)
    assert figures["untitled sample: now right"] == (1, 4)
    assert figures["untitled sample: now wrong"] == (1, 4)
    assert figures["untitled sample: missed"] == (1, 2)
    assert figures["untitled sample: missed held_out"] == (1, 1)
    assert figures["untitled sample: now wrong dev"] == (1, 2)
    assert figures["untitled sample: stated, still without"] == (1, 2)  # c and d: the estimate's base
    assert "untitled sample: stated, still without dev" not in figures

    sample = [{"file": "a.txt", "half": "dev", "authors": ["Jane Roe", "John Doe"]},
              {"file": "b.txt", "half": "dev", "authors": ["Jan Kowalski"]}]
    rows = {"a.txt": {"authors": ["Jane Roe", "John Doe"]}, "b.txt": {"authors": ["Jan"]}}
    figures = metadata_benchmark.measure_unfilled(rows, sample, "authors")
    assert figures["unattributed sample: now right"] == (1, 2)
    assert figures["unattributed sample: now wrong"] == (1, 2)
    assert figures["unattributed sample: missed"] == (1, 2)
    assert "unattributed sample: stated held_out" not in figures  # no page of that half drawn
    rows["b.txt"]["authors"] = []  # a build's empty list is no value
    assert metadata_benchmark.measure_unfilled(rows, sample, "authors")["unattributed sample: now wrong"] == (0, 2)


def test_the_cards_text_counts_the_pages_sampled_among_those_left_without_a_value() -> None:
    current = {field: {"coverage": (8, 10)} for field in (*metadata_benchmark.FIELDS, "published")}
    labels = {"fields": {field: [{}] * 3 for field in metadata_benchmark.FIELDS},
              "unfilled": {"about": "how they were drawn", "title": [{}] * 4, "authors": [{}] * 5,
                           "section": [{}] * 6}}
    text = metadata_benchmark.card_text(current, labels, {"text": [{}] * 4, "null": [{}] * 2}, 10)
    assert "2 left undated; and of the pages builds left without a value, 4 left without a title, 5 left " \
           "without authors, 6 left without a section)" in text
    assert "Untitled, unattributed, undescribed and unsectioned samples:" in text
    assert "pages this build leaves without" not in text  # no figures of the samples: no estimate
    current["title"]["untitled sample: stated, still without"] = (3, 4)
    current["authors"]["unattributed sample: stated, still without"] = (0, 5)
    text = metadata_benchmark.card_text(current, labels, {"text": [{}] * 4, "null": [{}] * 2}, 10)
    assert "(of the 2 pages this build leaves without authors, about 0 print them; of the 2 pages this build " \
           "leaves without a title, about 2 print one)" in text
