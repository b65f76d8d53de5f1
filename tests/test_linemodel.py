"""The learned line model: tree evaluation, the packaged model file, the features it reads, its labels, and
the guard that the features have not drifted from those the model was trained with.

The trees are evaluated with numpy from the exported JSON; a forest built by hand here pins down the
semantics (`x <= threshold` goes left, a leaf keeps its rows, the logistic link). The training
script's label mapping and score are checked on small pages made here.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from build_dataset.clean import clean_page
from build_dataset.clean.classify import BAD, GOOD, Verdict
from build_dataset.clean.features import CONTEXT_FEATURES, FEATURES, context_columns, vocabulary_features
from build_dataset.clean.linemodel import MODEL_FILE, THRESHOLD, from_dict, load_model
from build_dataset.clean.page import analyse, model_keeps
from build_dataset.errors import BuildDatasetError
from scripts.train_cleaner import (
    RETRAIN,
    SEED_FEATURES,
    SEEDS,
    compare_with_shipped,
    feature_drift,
    language_table,
    line_labels,
    read_seed_features,
    seed_features_digest,
    site_folds,
    snippet_score,
)

# Tree 0: x0 <= 1.0 ? (x1 <= 5.0 ? 0.5 : -0.25) : 2.0.  Tree 1: a single leaf worth -1.0.
FOREST = {
    "features": ["a", "b"],
    "vocabulary": {"share": -2.0, "the": 1.0},
    "baseline": 0.1,
    "trees": [
        {"feature": [0, 1, 0, 0, 0], "threshold": [1.0, 5.0, 0.0, 0.0, 0.0], "left": [1, 3, 0, 0, 0],
         "right": [2, 4, 0, 0, 0], "leaf": [0, 0, 1, 1, 1], "value": [0.0, 0.0, 2.0, 0.5, -0.25]},
        {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "leaf": [1], "value": [-1.0]},
    ],
}

# The second stage over ("a", "b", *CONTEXT_FEATURES):
# ctx_in_main (column 8) <= 0.5 ? -3.0 : (ctx_p (column 2) <= 0.5 ? 0.0 : 1.0)
CONTEXT = {
    "features": ["a", "b", *CONTEXT_FEATURES],
    "baseline": 0.0,
    "trees": [
        {"feature": [8, 0, 2, 0, 0], "threshold": [0.5, 0.0, 0.5, 0.0, 0.0], "left": [1, 0, 3, 0, 0],
         "right": [2, 0, 4, 0, 0], "leaf": [0, 1, 0, 1, 1], "value": [0.0, -3.0, 0.0, 0.0, 1.0]},
    ],
}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_forest_follows_thresholds_and_sums_leaves() -> None:
    model = from_dict(FOREST)
    x = np.array([[1.0, 5.0], [0.0, 6.0], [1.5, 0.0]], dtype=np.float32)  # equal to a threshold goes left
    expected = [_sigmoid(0.1 + 0.5 - 1.0), _sigmoid(0.1 - 0.25 - 1.0), _sigmoid(0.1 + 2.0 - 1.0)]
    assert model.probability(x) == pytest.approx(expected)
    assert model.depth == 2
    assert model.probability(np.zeros((0, 2), dtype=np.float32)).shape == (0,)


def test_context_columns_place_each_line_against_the_main_block() -> None:
    p = np.array([0.1, 0.2, 0.9, 0.8, 0.2, 0.9, 0.1, 0.3, 0.9])
    lengths = np.array([10, 10, 100, 50, 10, 20, 30, 10, 5])
    # (p - 0.5) x length: -4 -3 40 15 -3 8 -12 -2 2; the largest run is lines 2 to 5 (60), not 2 to 8 (48)
    cols = context_columns(p, lengths)
    col = {f: cols[:, k].tolist() for k, f in enumerate(CONTEXT_FEATURES)}
    assert cols.dtype == np.float32 and cols.shape == (9, len(CONTEXT_FEATURES))
    assert col["ctx_in_main"] == [0, 0, 1, 1, 1, 1, 0, 0, 0]
    assert col["ctx_lines_to_main"] == [2, 1, 0, 0, 0, 0, 1, 2, 3]
    # the furniture text (length x (1 - p)) of the lines between: line 1's 8 above, lines 6 and 7's 27 + 7 below
    assert col["ctx_furniture_between"] == pytest.approx([8, 0, 0, 0, 0, 0, 0, 27, 34])
    assert col["ctx_main_mass"] == pytest.approx([60] * 9)
    assert col["ctx_p"] == pytest.approx(p.tolist())
    assert col["ctx_prev_p"][:2] == pytest.approx([0.5, 0.1])
    assert col["ctx_next2_p"][-3:] == pytest.approx([0.9, 0.5, 0.5])
    assert col["ctx_w3_p"][0] == pytest.approx((3 * 0.5 + 0.1 + 0.2 + 0.9 + 0.8) / 7)
    assert col["ctx_p_minus_w3"][0] == pytest.approx(0.1 - col["ctx_w3_p"][0])
    # body text (p x length) above the line, of 163.5 on the page
    assert col["ctx_body_above"][:3] == pytest.approx([0, 1 / 163.5, 3 / 163.5])
    assert col["ctx_page_max_p"] == pytest.approx([0.9] * 9)
    assert col["ctx_page_kept_share"] == pytest.approx([4 / 9] * 9)
    assert context_columns(np.zeros(0), np.zeros(0)).shape == (0, len(CONTEXT_FEATURES))


def test_the_second_stage_reads_the_first_stages_probabilities() -> None:
    alone, both = from_dict(FOREST), from_dict({**FOREST, "context": CONTEXT})
    x = np.array([[1.0, 5.0], [0.0, 6.0], [1.5, 0.0], [5.0, 0.0], [0.0, 6.0], [5.0, 0.0]], dtype=np.float32)
    lengths = np.array([100, 10, 200, 10, 100, 10])
    # 0.40, 0.24, 0.75, 0.75, 0.24, 0.75: the main block is lines 2 and 3 (50 + 2.5; with line 5, 29)
    first = alone.probability(x)
    assert both.context is not None and alone.context is None
    assert np.array_equal(alone.body_probability(x, lengths), first)
    outside, inside = _sigmoid(-3.0), _sigmoid(1.0)
    assert both.body_probability(x, lengths) == pytest.approx([outside, outside, inside, inside, outside, outside])
    assert both.body_probability(np.zeros((0, 2), dtype=np.float32), np.zeros(0)).shape == (0,)


def test_packaged_model_matches_the_features_the_code_computes() -> None:
    model = load_model(FEATURES)
    assert model.features == FEATURES
    assert model.context is not None and model.context.features == (*FEATURES, *CONTEXT_FEATURES)
    assert len(model.context.roots) > 10 and not model.context.vocabulary
    assert len(model.roots) > 10 and model.vocabulary
    assert all(w == w.lower() for w in model.vocabulary)


def test_a_model_trained_on_other_features_is_refused() -> None:
    with pytest.raises(BuildDatasetError, match="retrain"):
        load_model(("not", "these", "features"))


def test_vocabulary_features_summarise_the_known_words() -> None:
    cols = vocabulary_features([["share", "the", "news"], ["nothing", "known"], []], {"share": -2.0, "the": 1.0})
    # mean, max, min, sum of the negative ones, share known, furniture words; then the neighbours' mean and min
    assert cols[0].tolist() == pytest.approx([-0.5, 1.0, -2.0, -2.0, 2 / 3, 1.0, -1.0, 0.0, -1.0, 0.0])
    assert cols[1].tolist() == pytest.approx([0.0] * 6 + [-0.5, 0.0, -2.0, 0.0])
    assert cols[2].tolist() == [0.0] * 6 + [0.0, -1.0, 0.0, -1.0]
    assert vocabulary_features([], {"the": 1.0}).shape == (0, 10)


PAGE = "\n".join([
    "* Home", "* News", "* Sport", "",
    "Talks resume in Geneva",
    "",
    "The delegations met on Monday for the first time since the spring, and both sides said that the "
    "talks had been useful, although neither would say when the next round would take place.",
    "",
    "Officials from both countries said they had agreed to keep the channel open and to exchange lists "
    "of prisoners before the end of the month, which diplomats described as a modest but real step.",
    "",
    "Share on Facebook", "Share on Twitter",
])


def test_feature_matrix_shape_edges_and_cues() -> None:
    a = analyse(PAGE)
    x = a.features
    assert x.shape == (len(a.lines), len(FEATURES))
    col = {f: i for i, f in enumerate(FEATURES)}
    assert x[0, col["prev_log_length"]] == -1.0 and x[-1, col["next_log_length"]] == -1.0
    assert np.all(np.diff(x[:, col["position"]]) > 0)
    assert x[:, [col[f] for f in FEATURES if f.startswith("cue_") and f != "cue_any"]].sum(axis=1).max() <= 1
    social = [k for k, ln in enumerate(a.lines) if ln.text.startswith("Share")]
    assert all(x[k, col["cue_social"]] == 1.0 for k in social)


def test_text_position_reads_the_text_around_a_line_and_the_last_furniture_cue() -> None:
    a = analyse(PAGE)
    x = a.features
    col = {f: i for i, f in enumerate(FEATURES)}
    paragraphs = [k for k, ln in enumerate(a.lines) if ln.length > 150]
    first, second = paragraphs
    assert x[first, col["text_before"]] == 0.0 and x[second, col["text_after"]] == 0.0
    assert x[first, col["text_after"]] == pytest.approx(a.lines[second].length / (a.lines[first].length
                                                                                  + a.lines[second].length))
    # no furniture cue above the article: counted from the page's top
    assert x[first, col["lines_since_cue"]] == pytest.approx(math.log1p(first + 1))
    last = len(a.lines) - 1  # the second share button: one line after the first
    assert x[last, col["lines_since_cue"]] == pytest.approx(math.log1p(1))
    assert x[last, col["text_since_cue"]] == 0.0
    assert x[first, col["run_lines"]] >= 2 and x[last, col["run_lines"]] == 0.0


TOPIC_PAGE = "\n\n".join([
    "• Home", "• Support our newsletter today", "• Donate to independent journalism",
    "The city council approved the water budget on Tuesday after a long debate about reservoirs, pipes "
    "and the price residents pay for water in the eastern districts of the city.",
    "Support independent journalism: donate today and receive our newsletter every morning.",
    "The water budget raises the price of water by four percent, and the council said the reservoirs "
    "need new pipes before the summer, when the eastern districts run short of water.",
    "Opposition members said the water price should not rise while the council keeps its reservoirs "
    "audit secret, and residents of the eastern districts asked for a public hearing.",
    "Photo: water reservoirs of the eastern districts",
    "• Newsletter", "• Donate", "• Support us",
])


def test_topic_columns_tell_the_articles_words_from_the_furnitures() -> None:
    """A donation appeal inside the article region shares its words with the menus around it, a paragraph
    with the article's other paragraphs; a line's own words are no evidence for itself, and a line with a
    cue (the caption) has its own columns hidden."""
    a = analyse(TOPIC_PAGE)
    col = {f: i for i, f in enumerate(FEATURES)}
    row = {ln.text[:12]: a.features[k] for k, ln in enumerate(a.lines)}
    appeal, paragraph = row["Support inde"], row["The water bu"]
    assert paragraph[col["topic_core"]] > appeal[col["topic_core"]]
    assert paragraph[col["topic_contrast"]] > 0 > appeal[col["topic_contrast"]]
    assert row["• Home"][col["topic_core"]] == -1.0  # no content word
    caption = row["Photo: water"]
    assert (caption[col["topic_core"]], caption[col["topic_contrast"]]) == (-1.0, -9.0)
    # leave-one-out: a page of one paragraph has no other text to agree with it
    alone = analyse("The city council approved the water budget on Tuesday after a long debate about reservoirs.")
    assert alone.features[0, col["topic_core"]] == 0.0


def test_a_page_without_body_has_features_too() -> None:
    a = analyse("* Home\n* News\n* Sport\n")
    assert a.features.shape == (3, len(FEATURES)) and not np.isnan(a.features).any()


def test_model_keeps_the_article_and_drops_menus_and_share_buttons() -> None:
    page = clean_page(PAGE)
    assert "The delegations met on Monday" in page.text
    assert "exchange lists of prisoners" in page.text
    assert "Share on" not in page.text and "Sport" not in page.text


def test_sure_verdicts_are_never_overturned() -> None:
    verdicts = [Verdict(GOOD), Verdict(BAD, "related", sure=True), Verdict(BAD, "navigation")]
    assert model_keeps(verdicts, np.array([0.9, 0.99, 0.99])) == [True, False, True]
    assert model_keeps(verdicts, np.array([THRESHOLD - 0.01, 0.0, THRESHOLD])) == [False, False, True]


def test_snippets_label_every_line_they_cover_and_conflicts_are_dropped() -> None:
    raw = "Menu\nFirst line of the story\ncontinues here.\nShared line\n"
    a = analyse(raw, vocabulary={})
    texts = [ln.text for ln in a.lines]
    page = {"with": ["of the story continues", "Shared line"], "without": ["Menu", "Shared"]}
    labels = line_labels(a, page)
    assert {texts[k]: v for k, v in labels.items()} == {
        "Menu": 0, "First line of the story": 1, "continues here.": 1,
    }


def test_snippet_score_counts_like_the_scorer() -> None:
    pages = {"p": {"_raw": "a b c d", "with": ["a b", "c", "zzz"], "without": ["d"]}}
    p, r, f = snippet_score(pages, {"p": "a b d"})
    assert (p, r) == (0.5, 0.5) and f == pytest.approx(0.5)


def test_language_table_gives_big_languages_their_own_row_and_pools_the_rest(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import scripts.train_cleaner as train

    monkeypatch.setattr(train, "LANGUAGE_MIN_PAGES", 2)
    pages = {n: {"_raw": "a b", "with": ["a"], "without": ["b"]} for n in ("d1", "d2", "r1", "x1")}
    languages = {"d1": "de", "d2": "de", "r1": "ru", "x1": "unknown"}
    kept = {"d1": "a", "d2": "a b", "r1": "b", "x1": "a"}
    table = language_table(pages, languages, kept, Counter({"en": 4, "uk": 1}))
    assert "uk 0, ru 1, be 0, en 0." in table[0] and "few uk, ru, be, en pages" in table[0]
    assert "holds uk 1, ru 0, be 0, en 4 pages: cleaning in ru, be is not measured at all." in table[0]
    assert table[4:] == ["| de | 2 | 0.667 | 1.000 | 0.800 |",
                         "| other (1 language: ru) | 1 | 0.000 | 0.000 | 0.000 |",
                         "| no long line to tell | 1 | 1.000 | 1.000 | 1.000 |"]


def test_huge_pages_are_evaluated_in_chunks_with_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    import build_dataset.clean.linemodel as linemodel

    model = from_dict({**FOREST, "context": CONTEXT})
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 7, size=(1000, 2)).astype(np.float32)
    lengths = rng.integers(1, 300, size=1000)
    whole, both = model.probability(x), model.body_probability(x, lengths)
    monkeypatch.setattr(linemodel, "CHUNK_ROWS", 64)
    assert np.array_equal(model.probability(x), whole)
    assert np.array_equal(model.body_probability(x, lengths), both)  # the context is read from the whole page
    assert 0 < np.count_nonzero(both > 0.5) < 1000


def test_site_folds_keep_each_site_whole_balanced_and_independent_of_input_order() -> None:
    sites = ["a.de"] * 4 + ["b.de"] * 2 + [f"s{i}.com" for i in range(9)]
    folds = site_folds(sites, 3)
    assert sorted(i for _, test in folds for i in test) == list(range(len(sites)))
    for train, test in folds:
        assert not {sites[i] for i in train} & {sites[i] for i in test}
    assert sorted(len(test) for _, test in folds) == [5, 5, 5]
    shuffled = sites[::-1]
    fold_of = {sites[i]: k for k, (_, test) in enumerate(site_folds(sites, 3)) for i in test}
    assert fold_of == {shuffled[i]: k for k, (_, test) in enumerate(site_folds(shuffled, 3)) for i in test}


def test_another_draw_splits_the_sites_otherwise_as_reproducibly() -> None:
    sites = [f"s{i}.com" for i in range(30)]

    def fold_of(draw: str) -> dict[str, int]:
        return {sites[i]: k for k, (_, test) in enumerate(site_folds(sites, 3, draw)) for i in test}

    assert fold_of("") == {sites[i]: k for k, (_, test) in enumerate(site_folds(sites, 3)) for i in test}
    assert fold_of("a") == fold_of("a") != fold_of("")
    assert sorted(map(len, (test for _, test in site_folds(sites, 3, "a")))) == [10, 10, 10]


def test_the_seed_pages_have_the_features_the_shipped_model_was_trained_with() -> None:
    """The guard against drift: a change to the features or the rules they read, made after the model was
    trained, changes the seed pages' features, and the model would read numbers it never learned on."""
    recorded = read_seed_features()
    shipped = json.loads(resources.files("build_dataset.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    training = shipped.get("training", {})
    assert training.get("seed_features_sha256") == seed_features_digest(recorded), (
        f"{SEED_FEATURES.name} was not written with the shipped {MODEL_FILE}: {RETRAIN}")
    now = {p.name: analyse(p.read_text(encoding="utf-8")).features for p in sorted(SEEDS.glob("*.txt"))}
    drift = feature_drift(recorded, now)
    assert not drift, ("The line model was trained on other features than the code now computes for the seed "
                       f"pages; {RETRAIN} (it rewrites {MODEL_FILE}, {SEED_FEATURES.name} and line_model.md):\n"
                       + "\n".join(drift))


def test_the_drift_guard_names_the_changed_columns_and_lets_last_bits_pass() -> None:
    recorded = {"p.txt": np.ones((4, len(FEATURES)), dtype=np.float32)}
    assert feature_drift(recorded, {"p.txt": np.nextafter(recorded["p.txt"], np.float32(2))}) == []
    changed = recorded["p.txt"].copy()
    changed[1:3, FEATURES.index("w3_good_chars")] = 1.01
    assert feature_drift(recorded, {"p.txt": changed}) == ["p.txt: w3_good_chars (2 of 4 lines)"]
    assert feature_drift(recorded, {"p.txt": changed[:3]}) == ["p.txt: 3 lines now, 4 then"]
    assert feature_drift(recorded, {}) == ["p.txt: no longer among the seeds"]


def test_check_says_whether_the_model_came_out_again_and_why_not(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    record = {"dev_sha256": "d", "matrix_sha256": "m", "context_matrix_sha256": "c", "seed_features_sha256": "s",
              "commit": "abc", "modified": False, "numpy": "2.4.6", "scikit-learn": "1.7.2", "machine": "x86_64"}
    shipped = {**FOREST, "context": CONTEXT, "training": record}
    path = tmp_path / "line_model.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    seeds = read_seed_features()
    assert compare_with_shipped(path, json.loads(json.dumps(shipped)), seeds) == 0
    assert "reproduced" in capsys.readouterr().out

    other_trees = {**shipped, "baseline": 0.2}
    assert compare_with_shipped(path, other_trees, seeds) == 1
    assert "on the same training matrix: the library versions or the platform" in capsys.readouterr().out

    other_matrix = {**other_trees, "training": {**record, "matrix_sha256": "n"}}
    assert compare_with_shipped(path, other_matrix, seeds) == 1
    out = capsys.readouterr().out
    assert "the training matrix (features, rules or labels) differs" in out and "same training matrix" not in out
    assert RETRAIN in out

    other_context = {**shipped, "context": {**CONTEXT, "baseline": 0.5},
                     "training": {**record, "context_matrix_sha256": "d"}}
    assert compare_with_shipped(path, other_context, seeds) == 1
    out = capsys.readouterr().out
    assert "the second stage's training matrix differs" in out and "second stage differs" in out
    assert "the training matrix (features" not in out and "2 of 2 trees identical" in out

    path.write_text(json.dumps(FOREST), encoding="utf-8")
    assert compare_with_shipped(path, other_matrix, seeds) == 1
    assert "records nothing of its training" in capsys.readouterr().out
