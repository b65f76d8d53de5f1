"""Benchmark the header metadata (`title`, `description`, `section`, `authors`, `published`) on hand-labelled dev pages.

    python benchmarks/metadata.py [RELEASE] [--baseline RELEASE --baseline-label NAME] [--dev ../shared/eval/dev/raw]

RELEASE is a release folder built from the dev pages; without it, one is built from the dev pages into
a temporary folder with this checkout's code. `--baseline` measures a second release (a build of an
older commit) beside it. The labels (benchmarks/metadata_labels.json) are random samples of the values
a build of main gave (at 602f0be; for titles also a second sample at ce589e8; for sections also every
value a build at cf1e412 gave, and every value the second and third section fixes changed; for descriptions every
value a build at 29ac707 gave on the dev half and a random sample of those it gave on the held_out
half), each read against its
raw page and marked right or wrong (and, for sections, "a rubric of the site but not evidently the
article's"). For each field it prints:

- coverage: the share of all dev pages with a value;
- precision: the share of the sampled pages still having a value whose value is right (a value the
  labels do not know counts as unlabelled, not as right);
- the same precision on each half of the sample, split by site: the fixes were developed on "dev" only;
- lost (title, section, description): of the sampled pages whose labelled value is right, how many no
  longer have a right one (null or another value), overall and per half: what refusing wrong values cost;
- added sample (authors): precision on a random sample of the values the byline fix added (labels
  "added"), which the first sample, drawn from main's values, cannot measure; added sample 2: the same
  for every value the third byline fix added or changed (labels "added_2");
- changed sample (title, fix 4): of the pages whose title the fourth title fix changed (labels
  "title_fix_4"), how many changes fixed a wrong or missing title and how many broke a right one;
  changed sample (title, fix 5): the same for the fifth title fix (labels "title_fix_5"), changed
  sample (title, fix 6) for the sixth (labels "title_fix_6"), changed sample (title, fix 7) for the
  seventh (labels "title_fix_7"), changed sample (title, fix 8) for the eighth (labels "title_fix_8"),
  changed sample (title, fix 9) for the ninth (labels "title_fix_9"), changed sample (title, fix 10)
  for the tenth (labels "title_fix_10"), changed sample (title, fix 11) for the eleventh (labels
  "title_fix_11"), changed sample (title, fix 12) for the twelfth (labels "title_fix_12"), changed
  sample (title, fix 13) for the thirteenth (labels "title_fix_13"), changed sample (title, fix 14)
  for the fourteenth (labels "title_fix_14"), changed sample (title, fix 15) for the fifteenth
  (labels "title_fix_15"), changed sample (title, fix 16) for the sixteenth (labels "title_fix_16") and
  changed sample (title, fix 17) for the seventeenth (labels "title_fix_17"), changed sample (title,
  fix 18) for the eighteenth (labels "title_fix_18"), changed sample (title, fix 19) for the
  nineteenth (labels "title_fix_19"), changed sample (title, fix 20) for the twentieth (labels
  "title_fix_20"), changed sample (title, fix 21) for the twenty-first (labels "title_fix_21"),
  changed sample (title, fix 22) for the twenty-second (labels "title_fix_22"), changed sample
  (title, fix 23) for the twenty-third (labels "title_fix_23"), changed sample (title, fix 24)
  for the twenty-fourth (labels "title_fix_24"), changed sample (title, fix 25) for the
  twenty-fifth (labels "title_fix_25"), changed sample (title, fix 26) for the twenty-sixth
  (labels "title_fix_26"), changed sample (title, fix 27) for the twenty-seventh (labels
  "title_fix_27"), changed sample (title, fix 28) for the twenty-eighth (labels "title_fix_28") and
  changed sample (title, fix 29) for the twenty-ninth (labels "title_fix_29") and changed sample (title,
  fix 30) for the thirtieth (labels "title_fix_30"; a
  title neither of a page's labels covers is looked up in the other title fixes' "changed" labels, as a
  later fix may give a page of an earlier fix's list a new title);
  changed sample (authors, meta3): the same for every page whose authors session meta3 changed
  (labels "meta3" -> "authors"); changed sample (authors, fix 4): the same for every page whose authors
  the fourth byline fix changed (labels "authors_fix_4" -> "changed"), changed sample (authors, fix 5)
  for the fifth (labels "authors_fix_5" -> "changed"), changed sample (authors, fix 6) for the sixth
  (labels "authors_fix_6" -> "changed"), changed sample (authors, fix 7) for the seventh (labels
  "authors_fix_7" -> "changed"), changed sample (authors, fix 8) for the eighth (labels
  "authors_fix_8" -> "changed"), changed sample (authors, fix 9) for the ninth (labels
  "authors_fix_9" -> "changed"), changed sample (authors, fix 10) for the tenth (labels
  "authors_fix_10" -> "changed"), changed sample (authors, fix 11) for the eleventh (labels
  "authors_fix_11" -> "changed"), changed sample (authors, fix 12) for the twelfth (labels
  "authors_fix_12" -> "changed"), changed sample (authors, fix 13) for the thirteenth (labels
  "authors_fix_13" -> "changed") and changed sample (authors, fix 14) for the fourteenth (labels
  "authors_fix_14" -> "changed"; a value neither of a page's labels covers is looked up in the authors
  'also' labels, for every authors changed sample); changed sample (section, fix 2):
  the same for every page whose section the second section fix changed (labels "section_fix_2"; a value
  not evidently the article's, M, counts as wrong), whose labels of the new values also count in
  section precision, changed sample (section, fix 3) for the third (labels "section_fix_3"), changed
  sample (section, fix 4) for the fourth (labels "section_fix_4"), changed sample (section, fix 5)
  for the fifth (labels "section_fix_5"), changed sample (section, fix 6) for the sixth (labels
  "section_fix_6"), changed sample (section, fix 7) for the seventh (labels "section_fix_7"), changed
  sample (section, fix 8) for the eighth (labels "section_fix_8") and changed sample (section, fix 9) for
  the ninth (labels "section_fix_9");
  changed sample (description, fix 2): of every page whose description the second standfirst fix
  changed (labels "description_fix_2"; each change gave a description where main gave none), the
  precision of the values they have now, and fixed and broke as for titles; changed sample
  (description, fix 3) the same for the third standfirst fix (labels "description_fix_3").

- untitled sample (title), unattributed sample (authors), undescribed sample (description) and
  unsectioned sample (section): of a random sample of the pages a build left without the field's value
  (labels "unfilled" -> the field: each page read whole, with the headline, the credited authors, the
  standfirst or the rubric it prints, or none), the share that print one
  ("stated"), how many now have the right value or a wrong one, and of those that print one, how many
  are still missed; and of the sampled pages the build still leaves without a value, the share that print
  one ("stated, still without", overall only: the base of the card's estimate of the pages missed): what a
  build leaves out, which precision and coverage cannot tell;
- URL slug (title): of the dev pages whose URL's path holds SLUG_MIN_WORDS words or more (the URLs of
  `snippets.json` beside the raw folder), the share that have a title, and of those the share whose title
  shares at least half its words with the path. It needs no labels and covers every such page, so it
  compares builds where the samples are thin; it is no precision (a right headline may name its subject
  in other words than its path, and a path may name a section), and no rule may read a URL.

`published` (the date read from the text) has its own labels (benchmarks/date_labels.json): a random
sample of the pages a build of main dated from their text and one of the pages it left undated, each
with the publication date the page states (or none). A date is right when it is that date. It prints:

- coverage: the share of all dev pages dated from their text;
- precision: of the sampled dated pages still having a date, the share whose date is right, overall
  and per half;
- lost: of the sampled dated pages whose date was right, how many no longer have it;
- undated sample: of the sampled undated pages, how many now have the right date, a wrong date, and
  how many that state their date are still missed;
- changed sample (meta3): of every page whose date session meta3 changed (date labels "meta3"), how
  many changes fixed a wrong or missing date and how many broke a right one.

The line model's vocabulary, which the authors rule reads, was learned on the dev pages, so the
authors figures may be optimistic for other sites. The results go to benchmarks/results/metadata.md, and
the dataset card's part of them (the same figures without the rule changes' samples, `card_text`) to
benchmarks/results/metadata_card.md.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata

import pyarrow.parquet as pq

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev" / "raw"
LABELS = REPO / "benchmarks" / "metadata_labels.json"
DATE_LABELS = REPO / "benchmarks" / "date_labels.json"
RESULTS = REPO / "benchmarks" / "results" / "metadata.md"
CARD_RESULTS = REPO / "benchmarks" / "results" / "metadata_card.md"
"""The figures a dataset card gives (`card_text`): the fields' coverage, precision, lost values and the pages left
without a value, without the record of each rule change's samples that RESULTS keeps for the people changing the
rules."""
RULE_CHANGE_ROWS = ("changed sample", "added sample")
"""Measures (row keys) of the samples drawn to judge one change of the rules: left out of CARD_RESULTS."""
FIELDS = ("section", "authors", "title", "description")
HALVES = ("dev", "held_out")
TITLE_FIXES = ("title_fix_4", "title_fix_5", "title_fix_6", "title_fix_7", "title_fix_8", "title_fix_9",
               "title_fix_10", "title_fix_11", "title_fix_12",
               "title_fix_13", "title_fix_14", "title_fix_15",
               "title_fix_16", "title_fix_17", "title_fix_18", "title_fix_19", "title_fix_20",
               "title_fix_21", "title_fix_22", "title_fix_23", "title_fix_24",
               "title_fix_25", "title_fix_26", "title_fix_27", "title_fix_28", "title_fix_29",
               "title_fix_30")
"""The label groups of title fixes that list every page whose title the fix changed ("changed") and
the fix's new values on sampled pages ("also")."""
AUTHORS_FIXES = ("authors_fix_4", "authors_fix_5", "authors_fix_6", "authors_fix_7", "authors_fix_8",
                 "authors_fix_9", "authors_fix_10", "authors_fix_11", "authors_fix_12", "authors_fix_13",
                 "authors_fix_14")
"""The label groups of byline fixes that list every page whose authors the fix changed ("changed")."""
DESCRIPTION_FIXES = ("description_fix_2", "description_fix_3")
"""The label groups of standfirst fixes that list every page whose description the fix changed ("changed")."""
SECTION_FIXES = ("section_fix_2", "section_fix_3", "section_fix_4", "section_fix_5", "section_fix_6",
                 "section_fix_7", "section_fix_8", "section_fix_9")
"""The label groups of section fixes that list every page whose section the fix changed ("changed"): their
labels of the new values also count in precision."""


def build(dev: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    """A release of the dev pages built with this checkout's code (run from the repo for dataset.yaml)."""
    cmd = [sys.executable, "-c", "from build_dataset.cli import app; app()", "build", "--input", str(dev),
           "--output", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"build of {dev} failed: {done.stderr.strip()}")
    return out


def read_release(release: pathlib.Path) -> dict[str, dict]:
    """Raw file name -> the row's metadata, from the default config's Parquet files."""
    rows: dict[str, dict] = {}
    for f in sorted((release / "data").rglob("*.parquet")):
        table = pq.read_table(f, columns=["source_file", *FIELDS, "published", "published_source"]).to_pylist()
        for row in table:
            if row["published_source"] != "text":  # a manifest's or an HTML page's date is not read here
                row["published"] = None
            row["published"] = row["published"].isoformat() if row["published"] else None
            rows[pathlib.PurePath(row["source_file"]).name] = row
    return rows


def _key(value):
    """A value as a dict key: an authors list becomes a tuple."""
    return tuple(value) if isinstance(value, list) else value


def _right(value, item: dict, also: dict[str, dict], accept: set[str]) -> bool | None:
    """Whether a page's value is right: the labelled value, or one of the extra labels; None if unknown."""
    if value == item["value"]:
        return item["label"] in accept
    extra = also.get(item["file"], {}).get(_key(value))
    return None if extra is None else extra in accept


def measure(rows: dict[str, dict], labels: dict) -> dict[str, dict]:
    """Coverage and precision (overall, per half, and lenient for sections) of each field."""
    out: dict[str, dict] = {}
    for field in FIELDS:
        items = labels["fields"][field]
        also: dict[str, dict[str, str]] = {}  # file -> value -> label: a page may have several extra labels
        extra = [x for fix in TITLE_FIXES for x in labels.get(fix, {}).get("also", [])] if field == "title" else []
        if field == "section":  # a section fix's labels of the values it gives
            extra = [{"file": x["file"], "value": x["after"], "label": x["after_label"]}
                     for fix in SECTION_FIXES for x in labels.get(fix, {}).get("changed", []) if x["after"]]
        for x in [*labels["also"].get(field, []), *extra]:
            also.setdefault(x["file"], {})[_key(x["value"])] = x["label"]
        figures = {"coverage": (sum(1 for r in rows.values() if r[field]), len(rows))}
        for name, accept in (("precision", {"R"}), ("lenient", {"R", "M"})):
            if name == "lenient" and field != "section":
                continue
            for half in (None, *HALVES):
                chosen = [x for x in items if half is None or x["half"] == half]
                verdicts = [_right(rows[x["file"]][field] or None, x, also, accept)
                            for x in chosen if rows[x["file"]][field]]
                known = [v for v in verdicts if v is not None]
                key = name if half is None else f"{name} {half}"
                figures[key] = (sum(known), len(known))
                figures.setdefault("unlabelled", len(verdicts) - len(known))
        for key, sample in (("added", "added sample"), ("added_2", "added sample 2")):
            for half in (None, *HALVES):
                # the values a later fix added (`added`, `added_2`): precision on them alone
                chosen = [x for x in labels.get(key, {}).get(field, []) if half is None or x["half"] == half]
                if not chosen:
                    continue
                verdicts = [_right(rows[x["file"]][field], x, also, {"R"}) for x in chosen if rows[x["file"]][field]]
                known = [v for v in verdicts if v is not None]
                figures[f"{sample}: precision" + ("" if half is None else f" {half}")] = (sum(known), len(known))
        if field == "title":
            # a later fix may give a page of an earlier fix's list a new title: its label is the later fix's
            later: dict[str, dict[str, str]] = {}
            for x in (x for fix in TITLE_FIXES for x in labels.get(fix, {}).get("changed", []) if x["after"]):
                later.setdefault(x["file"], {})[x["after"]] = x["after_label"]
            for fix in TITLE_FIXES:
                figures.update(measure_changed(rows, labels.get(fix, {}).get("changed", []),
                                               name=f"fix {fix.rsplit('_', 1)[1]}", also=later))
        if field == "section":
            for fix in SECTION_FIXES:
                figures.update(measure_changed(rows, labels.get(fix, {}).get("changed", []), field,
                                               name=f"fix {fix.rsplit('_', 1)[1]}"))
        if field == "description":
            for fix in DESCRIPTION_FIXES:
                name = f"fix {fix.rsplit('_', 1)[1]}"
                changed = labels.get(fix, {}).get("changed", [])
                figures.update(measure_added(rows, changed, field, name))
                figures.update(measure_changed(rows, changed, field, name=name))
        if field == "authors":
            figures.update(measure_changed(rows, labels.get("meta3", {}).get("authors", []), field, "meta3", also))
            for fix in AUTHORS_FIXES:
                figures.update(measure_changed(rows, labels.get(fix, {}).get("changed", []), field,
                                               name=f"fix {fix.rsplit('_', 1)[1]}", also=also))
        if field in UNFILLED:
            figures.update(measure_unfilled(rows, labels.get("unfilled", {}).get(field, []), field))
        if field in ("title", "section", "description"):
            for half in (None, *HALVES):
                right = [x for x in items if x["label"] == "R" and (half is None or x["half"] == half)]
                lost = sum(1 for x in right if not _right(rows[x["file"]][field] or None, x, also, {"R"}))
                figures["lost" if half is None else f"lost {half}"] = (lost, len(right))
        out[field] = figures
    return out


UNFILLED = {"section": "unsectioned sample", "authors": "unattributed sample", "title": "untitled sample",
            "description": "undescribed sample"}
"""The fields with a sample of the pages a build left without a value (labels "unfilled"), and its rows' name."""
UNFILLED_WHAT = {"section": ("a section", "one"), "authors": ("authors", "them"), "title": ("a title", "one"),
                 "description": ("a description", "one")}
"""How the card names a field's missing value, and the pronoun for it ("without a title, ... print one")."""


def _same(field: str, value, stated) -> bool:
    """Whether a build's value is the labelled one: a text with its runs of whitespace folded (the label copies
    a line of the dump), authors as the same names in the same order."""
    if isinstance(value, str) and isinstance(stated, str):
        return " ".join(value.split()) == " ".join(stated.split())
    return _key(value) == _key(stated)


def measure_unfilled(rows: dict[str, dict], sample: list[dict], field: str) -> dict[str, tuple[int, int]]:
    """What became of a sample of pages a build left without a value (labels "unfilled" -> field: each with
    the value the page prints, `field`'s key, or None when it prints none), overall and per half: the share that
    print one (stated), that now have it (now right) or another value (now wrong), and of those that print one,
    how many are still without it (missed)."""
    figures: dict[str, tuple[int, int]] = {}
    name = UNFILLED[field]
    for half in (None, *HALVES):
        chosen = [x for x in sample if half is None or x["half"] == half]
        if not chosen:
            continue
        suffix = "" if half is None else f" {half}"
        values = [(rows[x["file"]][field] or None, x[field]) for x in chosen]
        stated = [(v, t) for v, t in values if t is not None]
        figures[f"{name}: stated{suffix}"] = (len(stated), len(chosen))
        figures[f"{name}: now right{suffix}"] = (sum(1 for v, t in stated if _same(field, v, t)), len(chosen))
        figures[f"{name}: now wrong{suffix}"] = (sum(1 for v, t in values if v is not None and not _same(field, v, t)),
                                                len(chosen))
        figures[f"{name}: missed{suffix}"] = (sum(1 for v, t in stated if not _same(field, v, t)), len(stated))
        if half is None:  # of the sampled pages this build still leaves without a value, those that print one
            still = [t for v, t in values if v is None]
            figures[f"{name}: stated, still without"] = (sum(1 for t in still if t is not None), len(still))
    return figures


def measure_changed(rows: dict[str, dict], changed: list[dict], field: str = "title",
                    name: str = "fix 4", also: dict[str, dict[str, str]] | None = None) -> dict[str, tuple[int, int]]:
    """What became of the values a fix changed (labels "title_fix_4" -> "changed" for titles, "meta3" ->
    "authors" and "authors_fix_4" to "authors_fix_14" -> "changed" for
    authors, "section_fix_2" to "section_fix_9" -> "changed" for sections, "description_fix_2" and
    "description_fix_3" -> "changed" for descriptions: every page whose value it changed, its value before
    and after, each labelled): fixed is a wrong value (W, or for sections M: not evidently the article's) now
    refused or made right, or a missing one now right; broke is a right value now lost or wrong, or a missing
    one now wrong (W or M). A value neither label covers is looked up in `also` (file -> value -> label: the
    field's 'also' labels, given for authors, where a later fix gave a page of an earlier fix's list a new
    value), and counts as neither when that has none either. Main's build gives 0 and 0."""
    figures: dict[str, tuple[int, int]] = {}
    for half in (None, *HALVES):
        chosen = [x for x in changed if half is None or x["half"] == half]
        fixed = broke = 0
        for x in chosen:
            value = _key(rows[x["file"]][field] or None)
            now = {_key(x["before"]): x["before_label"], _key(x["after"]): x["after_label"]}.get(
                value, (also or {}).get(x["file"], {}).get(value, "?"))
            if value is None:
                now = None
            fixed += (x["before_label"] != "R" and now == "R") or (x["before_label"] in ("W", "M") and now is None)
            broke += (x["before_label"] == "R" and now != "R") or (x["before_label"] is None and now in ("W", "M"))
        suffix = "" if half is None else f" {half}"
        figures[f"changed sample ({name}): fixed{suffix}"] = (fixed, len(chosen))
        figures[f"changed sample ({name}): broke{suffix}"] = (broke, len(chosen))
    return figures


def measure_added(rows: dict[str, dict], changed: list[dict], field: str, name: str) -> dict[str, tuple[int, int]]:
    """Precision (overall and per half) of the values on the pages a fix changed (labels such as
    "description_fix_2" -> "changed"): of those pages still having a value that one of the page's two
    labels covers, the share whose value is labelled right. A value neither label covers is left out."""
    figures: dict[str, tuple[int, int]] = {}
    for half in (None, *HALVES):
        known = []
        for x in changed:
            value = _key(rows[x["file"]][field] or None)
            if (half is None or x["half"] == half) and value is not None:
                label = {_key(x["before"]): x["before_label"], _key(x["after"]): x["after_label"]}.get(value)
                if label is not None:
                    known.append(label == "R")
        figures[f"changed sample ({name}): precision" + ("" if half is None else f" {half}")] = (sum(known), len(known))
    return figures


def measure_published(rows: dict[str, dict], labels: dict) -> dict[str, tuple[int, int]]:
    """Coverage, precision and lost (overall and per half) of `published` on the dated sample, and what
    became of the undated sample: a date is right when it is the labelled publication date."""
    figures = {"coverage": (sum(1 for r in rows.values() if r["published"]), len(rows))}
    for half in (None, *HALVES):
        chosen = [x for x in labels["text"] if half is None or x["half"] == half]
        dated = [x for x in chosen if rows[x["file"]]["published"]]
        right = sum(1 for x in dated if rows[x["file"]]["published"] == x["published"])
        figures["precision" if half is None else f"precision {half}"] = (right, len(dated))
    for half in (None, *HALVES):
        was_right = [x for x in labels["text"] if x["label"] == "R" and (half is None or x["half"] == half)]
        lost = sum(1 for x in was_right if rows[x["file"]]["published"] != x["published"])
        figures["lost" if half is None else f"lost {half}"] = (lost, len(was_right))
    for half in (None, *HALVES):
        chosen = [x for x in labels["null"] if half is None or x["half"] == half]
        suffix = "" if half is None else f" {half}"
        values = [(rows[x["file"]]["published"], x["published"]) for x in chosen]
        figures[f"undated sample: now right{suffix}"] = (sum(1 for v, t in values if v and v == t), len(chosen))
        figures[f"undated sample: now wrong{suffix}"] = (sum(1 for v, t in values if v and v != t), len(chosen))
        stated = [(v, t) for v, t in values if t]
        figures[f"undated sample: missed{suffix}"] = (sum(1 for v, t in stated if v != t), len(stated))
    # every date the meta3 fixes changed (labels "meta3" -> "changed"), read before and after: fixed is a
    # wrong date now refused or made right, or a missing one now right; broke the reverse
    for half in (None, *HALVES):
        chosen = [x for x in labels.get("meta3", {}).get("changed", []) if half is None or x["half"] == half]
        fixed = broke = 0
        for x in chosen:
            before, now, truth = x["before"], rows[x["file"]]["published"], x["published"]
            fixed += (before is not None and before != truth and (now is None or now == truth)) \
                or (before is None and now is not None and now == truth)
            broke += (before is not None and before == truth and now != truth) \
                or (now is not None and now != truth and now != before)
        suffix = "" if half is None else f" {half}"
        figures[f"changed sample (meta3): fixed{suffix}"] = (fixed, len(chosen))
        figures[f"changed sample (meta3): broke{suffix}"] = (broke, len(chosen))
    # samples of the dates the second, third and fourth date fixes added: precision on them, as on the dated sample
    for key, name in (("added", "added sample"), ("added_2", "added sample 2"), ("added_3", "added sample 3")):
        for half in (None, *HALVES):
            chosen = [x for x in labels.get(key, []) if half is None or x["half"] == half]
            dated = [x for x in chosen if rows[x["file"]]["published"]]
            right = sum(1 for x in dated if rows[x["file"]]["published"] == x["published"])
            figures[f"{name}: precision" + ("" if half is None else f" {half}")] = (right, len(dated))
    return figures


SLUG_MIN_WORDS = 3
"""Words a URL's path must hold for its page to count in the slug check: fewer are an ID or a section."""


def _path_words(text: str) -> list[str]:
    """The words of three letters or more of a title or a URL's path, lower-cased and folded to ASCII as
    paths write them ("Straße" -> "strasse", "é" -> "e"; "ü" -> "u", where a path may write "ue")."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in re.findall(r"[a-z0-9]+", folded) if len(w) >= 3 and not w.isdigit()]


def measure_slug(rows: dict[str, dict], urls: dict[str, str]) -> dict[str, tuple[int, int]]:
    """The URL slug check of the titles (see the module's docstring)."""
    pages: dict[str, set[str]] = {}
    for name in rows:
        parts = urls.get(name, "").split("/", 3)  # scheme, "", host, path
        words = _path_words(parts[3]) if len(parts) == 4 else []
        if len(words) >= SLUG_MIN_WORDS:
            pages[name] = set(words)
    titled = [name for name in pages if rows[name]["title"]]
    agree = 0
    for name in titled:
        words = _path_words(rows[name]["title"])
        agree += bool(words) and 2 * sum(w in pages[name] for w in words) >= len(words)
    return {"URL slug: titled": (len(titled), len(pages)), "URL slug: title agrees": (agree, len(titled))}


def read_urls(dev: pathlib.Path) -> dict[str, str]:
    """Raw file name -> the page's URL, from the snippets file beside the raw folder (empty without it)."""
    snippets = dev.parent / "snippets.json"
    if not snippets.exists():
        return {}
    data = json.loads(snippets.read_text(encoding="utf-8"))
    return {(name if name.endswith(".txt") else f"{name}.txt"): item["url"] for name, item in data.items()}


def _share(pair: tuple[int, int]) -> str:
    right, n = pair
    return f"{right / n:.0%} ({right}/{n})" if n else "n/a"


def table(current: dict[str, dict], baseline: dict[str, dict] | None, baseline_label: str, *,
          rule_changes: bool = True) -> str:
    """The figures as a Markdown table, the baseline's beside the current ones when given; without the rows of
    each rule change's samples (RULE_CHANGE_ROWS) unless `rule_changes`."""
    head = "| field | measure | this build |" + (f" {baseline_label} |" if baseline else "")
    lines = [head, "|---|---|---|" + ("---|" if baseline else "")]
    for field in (*FIELDS, "published"):
        for key in current[field]:
            if key == "unlabelled" or not rule_changes and key.startswith(RULE_CHANGE_ROWS):
                continue
            cells = [_share(current[field][key])] + ([_share(baseline[field][key])] if baseline else [])
            lines.append(f"| {field} | {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _unfilled_estimate(current: dict[str, dict]) -> str:
    """How many of the pages this build left without a field's value print one: the share that print one of the
    sampled pages this build still leaves without it, times those pages (" (of the 200 pages ... about 195 print
    one ...)"), or nothing without the samples."""
    parts = []
    for field, name in UNFILLED.items():
        stated, n = current[field].get(f"{name}: stated, still without", (0, 0))
        if n:
            with_value, pages = current[field]["coverage"]
            what, pronoun = UNFILLED_WHAT[field]
            parts.append(f"of the {pages - with_value} pages this build leaves without {what}, about "
                         f"{round((pages - with_value) * stated / n)} print {pronoun}")
    return (" (" + "; ".join(parts) + ")") if parts else ""


def card_text(current: dict[str, dict], labels: dict, date_labels: dict, pages: int) -> str:
    """The dataset card's account of the metadata's quality: how it was measured, in a paragraph, and the table
    without the rule changes' samples (`table`); RESULTS holds the whole record."""
    sizes = ", ".join(f"{len(labels['fields'][f])} {f}" for f in FIELDS)
    dated = len(date_labels["text"]) + len(date_labels["null"])
    left = [f"{len(sample)} left without {UNFILLED_WHAT[field][0]}"
            for field, sample in labels.get("unfilled", {}).items() if field in UNFILLED]
    unfilled = f"; and of the pages builds left without a value, {', '.join(left)}" if left else ""
    return (
        f"Measured with `python benchmarks/metadata.py` on the {pages} dev pages (real web pages of many sites and "
        f"languages, not this dataset's articles), against hand labels of random samples of the values builds gave "
        f"({sizes}; for `published`, {dated} pages, {len(date_labels['text'])} dated from their text and "
        f"{len(date_labels['null'])} left undated{unfilled}). Coverage: pages with a value. Precision: of the "
        "sampled pages "
        "still having a value, the share whose value is right. Lost: of the sampled pages whose labelled value was "
        "right, those now left with no right value. Lenient (section): a rubric of the site counts as right even "
        "when it is not evidently the article's. \"dev\" and \"held_out\" split the samples by site: the rules "
        "were developed reading the \"dev\" half, so \"held_out\" is the better guess for new sites. Undated "
        "sample (published): of pages left undated once, those now dated rightly or wrongly, and of those stating "
        "their date, the ones still missed. Untitled, unattributed, undescribed and unsectioned samples: of pages left "
        "without a value, read whole, the share that print one (stated), those now given it (now right) or "
        "another value (now wrong), and of those that print one, the ones still missed; of the sampled pages this "
        "build still leaves without one, those that print one (stated, still without): what a build leaves out"
        f"{_unfilled_estimate(current)}. "
        "URL slug (title): of the dev pages whose URL's path holds three words "
        "or more, those with a title, and of those the titles sharing half their words with the path (no precision: "
        "a right headline may name its subject in other words). The record of how each change to the rules moved "
        "these figures (a sample of the pages each change touched, read before and after) is "
        "`benchmarks/results/metadata.md` in build-dataset's repository.\n\n"
        + table(current, None, "", rule_changes=False) + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", nargs="?", type=pathlib.Path)
    parser.add_argument("--baseline", type=pathlib.Path)
    parser.add_argument("--baseline-label", default="baseline", help="the baseline column's heading")
    parser.add_argument("--dev", type=pathlib.Path, default=DEFAULT_DEV)
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    date_labels = json.loads(DATE_LABELS.read_text(encoding="utf-8"))

    urls = read_urls(args.dev)

    def figures(release: pathlib.Path) -> dict[str, dict]:
        rows = read_release(release)
        measured = {**measure(rows, labels), "published": measure_published(rows, date_labels)}
        if urls:
            measured["title"].update(measure_slug(rows, urls))
        return measured

    with tempfile.TemporaryDirectory() as tmp:
        current = figures(args.release or build(args.dev, pathlib.Path(tmp) / "release"))
    baseline = figures(args.baseline) if args.baseline else None
    sizes = ", ".join(f"{len(labels['fields'][f])} {f}" for f in FIELDS)
    text = (
        f"Measured with `python benchmarks/metadata.py` on the {sum(1 for _ in args.dev.glob('*.txt'))} dev pages, "
        f"against hand labels of random samples of the values builds of main gave ({sizes}: a build at 602f0be, "
        "for titles 100 more from a build at ce589e8 and 88 more of the dev half from builds of the second "
        "title fix, and for sections every other value a build at cf1e412 gave, 134 more; for descriptions "
        "every value a build at 29ac707 gave on the dev half (58) and 40 of the 73 it gave on the held_out half, "
        "drawn at random (seed 15); "
        "benchmarks/metadata_labels.json). Coverage: pages "
        "with a value. Precision: of the sampled pages still having a value, the share whose value is right; "
        "\"dev\" and \"held_out\" split the sample by site (the rules were developed on \"dev\" only). Lenient "
        "(section): a rubric of the site counts even when it is not evidently the article's. Lost (title, section, "
        "description): of the sampled pages whose labelled value is right, those left with no right value. Added "
        "sample (authors): "
        f"{len(labels.get('added', {}).get('authors', []))} of the values the byline fix added (a byline in the "
        "dateline, just below the body's start), sampled at random per half: their precision. Added sample 2 "
        f"(authors): all {len(labels.get('added_2', {}).get('authors', []))} values a build of the third byline fix "
        "gave that main at 2ed6287 did not (a byline between a trusted headline and a widget below it, a byline "
        "signing the article off), labelled the same way; for sections all "
        f"{len(labels.get('added_2', {}).get('section', []))} values the same build gave on pages main left "
        "without one (the header read from its trusted headline, a dateline's field), labelled like the first "
        "sample. The authors rule reads "
        "the line model's vocabulary, learned on these pages. Changed sample (title, fix 4): "
        f"{len(labels.get('title_fix_4', {}).get('changed', []))} pages, every one whose title the fourth title "
        "fix changed against main at 2ed6287, read before and after: fixed (a wrong title refused or made right, a "
        "missing one made right) and broke (a right title lost or made wrong, a missing one made wrong); its labels "
        "of the new values also count in precision. The held_out pages were read while that fix was developed. "
        f"Changed sample (title, fix 5): {len(labels.get('title_fix_5', {}).get('changed', []))} pages, every one "
        "whose title the fifth title fix changed against main at 105df2f, read and counted the same way (its target "
        "titles were read on both halves too). "
        f"Changed sample (title, fix 6): {len(labels.get('title_fix_6', {}).get('changed', []))} pages, every one "
        "whose title the sixth title fix (a list's item indented under its bullet, an image's caption below its "
        "keywords and those keywords, one of two notices ending with '!' refused; the headline above an image's alt "
        "text and caption, and above share buttons over its deck) changed against main at 3d5803c, read and counted "
        "the same way (a before value the samples label keeps their label; its target titles were read on both "
        "halves, and its held_out values to label them). "
        f"Changed sample (title, fix 7): {len(labels.get('title_fix_7', {}).get('changed', []))} pages, every one "
        "whose title the seventh title fix (below a lone line kept above the header: the line's copy is no next "
        "paragraph, the article's own teaser cut with an ellipsis is no lede, and the header's date must be printed "
        "near; an image's file name, a link to the previous post, a tag list's label and a caption's credit or agency "
        "refused by shape; a subheading below the article's paragraphs refused) changed against main at 0063859, read "
        "and counted the same way (its target titles were read on both halves, and its held_out values to label them). "
        f"Changed sample (title, fix 8): {len(labels.get('title_fix_8', {}).get('changed', []))} pages, every one "
        "whose title the eighth title fix (when no line is trusted, a headline that reads as a dateline, holding a "
        "year or a date word but no publication date, or as a byline, a name before a dash and a phrase, is sought "
        "too, and must share half its words with the body) changed against main at 166282c, read and counted the "
        "same way "
        "(its target titles were read on both halves, in a survey of the pages main left without a title). "
        f"Changed sample (title, fix 9): {len(labels.get('title_fix_9', {}).get('changed', []))} pages, every one "
        "whose title the ninth title fix (the header sought above a later paragraph when the first one is the "
        "headline itself or notices kept right above the header, the headline naming the body, no kept line above "
        "it telling of the body and a dateline dating it; a headline of twelve words or fewer with only its dated "
        "byline's block between it and the body trusted without shared words) changed against main at 4b9c2a1, read "
        "and counted the same way (its target titles were read on both halves, in a survey of the pages main left "
        "without a title). "
        f"Changed sample (title, fix 10): {len(labels.get('title_fix_10', {}).get('changed', []))} page(s), every "
        "one whose title the tenth title fix (a body holding CJK characters compared with a headline by its words "
        "of every script, not by its CJK character pairs alone) changed against main at 422325d, read and counted "
        "the same way. "
        f"Changed sample (title, fix 11): {len(labels.get('title_fix_11', {}).get('changed', []))} pages, every "
        "one whose title the eleventh title fix (when no line is trusted, a headline that reads as a bare byline, "
        "capitalised words alone, trusted when the body's beginning holds every content word of it, two at least, "
        "none two of one stem and no photo credit below it) changed against main at 416ae44, read and counted the "
        "same way (every change gave a title where main gave none; its rule was made reading untitled pages of "
        "both halves, so its held_out figures are not independent). "
        f"Changed sample (title, fix 12): {len(labels.get('title_fix_12', {}).get('changed', []))} pages, every "
        "one whose title the twelfth title fix (a line ending with a German closing quotation mark ends like prose "
        "when a sentence's end stands before the mark, so a first paragraph ending so starts the body) changed "
        "against main at 343f3e7, read and counted the same way (every change gave a title where main gave none). "
        f"Changed sample (title, fix 13): {len(labels.get('title_fix_13', {}).get('changed', []))} pages, every "
        "one whose title the thirteenth title fix (a headline that reads as a dateline for a year is sought among "
        "lines of six words or fewer too) changed against main at 655b033, read and counted the same way (every "
        "change gave a title where main gave none). "
        f"Changed sample (title, fix 14): {len(labels.get('title_fix_14', {}).get('changed', []))} pages, every "
        "one whose title the fourteenth title fix (a headline read past a label in brackets of words alone that "
        "opens or ends it) changed against main at d46807d, read and counted the same way (every change gave a "
        "title where main gave none). "
        f"Changed sample (title, fix 15): {len(labels.get('title_fix_15', {}).get('changed', []))} pages, every "
        "one whose title the fifteenth title fix (a headline of one word that a breadcrumb in the header ends "
        "with) changed against main at 5c6c9ac, read and counted the same way (every change gave a title where "
        "main gave none). "
        f"Changed sample (title, fix 16): {len(labels.get('title_fix_16', {}).get('changed', []))} pages, every "
        "one whose title the sixteenth title fix (a line opening with a German quote, '»…«', is no bulleted item) "
        "changed against main at 6e33c03, read and counted the same way (two gave a title where main gave none, one "
        "replaced the standfirst taken for the title with the headline). "
        f"Changed sample (title, fix 17): {len(labels.get('title_fix_17', {}).get('changed', []))} pages, every "
        "one whose title the seventeenth title fix (a headline of two words printed once trusted above its dated "
        "byline block when it shares a word with the body) changed against main at 46934ca, read and counted the "
        "same way (every change gave a title where main gave none). "
        f"Changed sample (title, fix 18): {len(labels.get('title_fix_18', {}).get('changed', []))} page(s), every "
        "one whose title the eighteenth title fix (a line opening like a credit, 'X von Y', refused as a headline "
        "only with eight words or fewer) changed against main at 52f4e42, read and counted the same way (it gave a "
        "title where main gave none). "
        f"Changed sample (title, fix 19): {len(labels.get('title_fix_19', {}).get('changed', []))} pages, every "
        "one whose title the nineteenth title fix (a headline right below the last item of a numbered breadcrumb "
        "trusted without shared words) changed against main at 62b9af8, read and counted the same way (every "
        "change gave a title where main gave none). "
        f"Changed sample (title, fix 20): {len(labels.get('title_fix_20', {}).get('changed', []))} pages, every "
        "one whose title the twentieth title fix (a headline and its deck compared by their words, a dash between "
        "a headline's parts not counted; a figure's caption label, 'Abb.:', 'Figure 2:', no headline's shape; a "
        "menu printed again as one line, each of its words a line of its own on the page, no headline) changed "
        "against main at ead3097, read and counted the same way (each replaced a wrong title with the headline). "
        f"Changed sample (title, fix 21): {len(labels.get('title_fix_21', {}).get('changed', []))} pages, every "
        "one whose title the twenty-first title fix (a caption opening with its label, 'Media caption', no "
        "headline's shape; a person's name printed twice right above the body, a byline widget, not trusted for "
        "being printed again) changed against main at 3cb6f77, read and counted the same way (one wrong title "
        "refused, one replaced with the headline). "
        f"Changed sample (title, fix 22): {len(labels.get('title_fix_22', {}).get('changed', []))} page(s), every "
        "one whose title the twenty-second title fix (a lone bulleted headline above its dated byline's block, no "
        "bulleted line right above it) changed against main at 2e57387, read and counted the same way (it gave a "
        "title where main gave none). "
        f"Changed sample (title, fix 23): {len(labels.get('title_fix_23', {}).get('changed', []))} pages, every "
        "one whose title the twenty-third title fix (a rail's heading, 'Entdecke weitere …', 'Alle Artikel zu …', "
        "and an advertisement's marker, 'CONTINUA DEPOIS DA PUBLICIDADE', no headline's shape; nor a link to the "
        "previous post opening with '« ') changed against main at 9c40b8a, read and counted the same way (each "
        "refused a wrong title; two pages then took another wrong line, one has none). "
        f"Changed sample (title, fix 24): {len(labels.get('title_fix_24', {}).get('changed', []))} pages, every "
        "one whose title the twenty-fourth title fix (a headline printed again right below it after a breadcrumb's "
        "trail or a kicker, which the classifier took for a caption and its label, is a headline candidate; a "
        "trail of slashes is no standfirst) changed against main at fe5b042, read and counted the same way (each "
        "gave a title where main gave none). "
        f"Changed sample (title, fix 25): {len(labels.get('title_fix_25', {}).get('changed', []))} pages, every "
        "one whose title the twenty-fifth title fix (a headline opening with a compound a cue's word opens, 'Next-Gen "
        "…', and going on for words is no label of that cue) changed against main at 4af8b7f, read and counted the "
        "same way (each gave a title where main gave none). "
        f"Changed sample (title, fix 26): {len(labels.get('title_fix_26', {}).get('changed', []))} pages, every "
        "one whose title the twenty-sixth title fix (share buttons not counted among the header lines nearest the "
        "body that a headline is sought in) changed against main at 0362bb2, read and counted the same way (each "
        "gave a title where main gave none: four headlines and one deck). "
        f"Changed sample (title, fix 27): {len(labels.get('title_fix_27', {}).get('changed', []))} page(s), every "
        "one whose title the twenty-seventh title fix (the kicker before a headline's copy may end with a colon) "
        "changed against main at d9976bd, read and counted the same way (it gave a title where main gave none). "
        f"Changed sample (title, fix 28): {len(labels.get('title_fix_28', {}).get('changed', []))} pages, every "
        "one whose title the twenty-eighth title fix (a run of four or more bare bullets, a panel of icon buttons, "
        "counted as one of the header lines nearest the body that a headline is sought in) changed against main at "
        "b9898ec, read and counted the same way (each gave a title where main gave none). "
        f"Changed sample (title, fix 29): {len(labels.get('title_fix_29', {}).get('changed', []))} pages, every "
        "one whose title the twenty-ninth title fix (when no line is trusted, a line that a breadcrumb a few lines "
        "above it ends with, spaced, glued or numbered) changed against main with the fifth section fix, read and "
        "counted the same way (each gave a title where main gave none). "
        f"Changed sample (title, fix 30): {len(labels.get('title_fix_30', {}).get('changed', []))} pages, every "
        "one whose title the thirtieth title fix (the title a comments' heading quotes, '3 thoughts on “X”', "
        "printed in the header) changed against main with the twenty-ninth, read and counted the same way (each gave "
        "a title where main gave none). "
        "URL slug (title): of the dev pages whose URL's path holds three words or more, those with a title, and "
        "of those the titles that share at least half their words with the path; it needs no labels and is no "
        "precision (a right headline may name its subject in other words than its path, a path may name a "
        "section), a comparison between builds over every such page. "
        "Untitled sample (title) and unattributed sample (authors): "
        f"{' and '.join(str(len(labels.get('unfilled', {}).get(k, []))) for k in ('title', 'authors'))} pages "
        "that a build of main at 401ca90 left without a title and without authors, drawn at random per half "
        "(`random.Random(2039)` and `random.Random(2040)`, the odd half's seed one more), each read whole "
        "with its URL: the headline or the credited authors it prints, or none; undescribed sample (description) "
        "and unsectioned sample (section): "
        f"{' and '.join(str(len(labels.get('unfilled', {}).get(k, []))) for k in ('description', 'section'))} "
        "pages that a build of main at 57f6bfb left without a description and without a section "
        "(`random.Random(2041)` and `random.Random(2043)`, the same way), read for the standfirst or the rubric "
        "they print, or none; for each, the share that print one "
        "(stated), those now given it (now right) or another value (now wrong), and of those that print one, "
        "the ones still missed, and of those still left without a value, the share that print one (stated, still "
        "without). "
        f"Changed sample (authors, meta3): {len(labels.get('meta3', {}).get('authors', []))} pages, every one whose "
        "authors session meta3's byline fixes changed against main at 43ac1f6, read before and after, counted the "
        "same way. "
        f"Changed sample (authors, fix 4): {len(labels.get('authors_fix_4', {}).get('changed', []))} pages, every "
        "one whose authors the fourth byline fix (a bare name refused as a headline cut at a dash, a subheading "
        "below the body's paragraphs, the story's subject or a German adjective and noun; a prefix alone above "
        "the names) changed against main at ea4396a, read before and after and counted the same way; three of "
        "its held_out values were named in its brief, so its held_out figures are optimistic. "
        f"Changed sample (authors, fix 5): {len(labels.get('authors_fix_5', {}).get('changed', []))} pages, every "
        "one whose authors the fifth byline fix (a byline printed one name a line under its prefix or an author "
        "box's heading; the byline inside a dateline the header read whatever the headline slot; a long line of "
        "fields or a sign-off opened by a prefix; phrases crediting the writing; handles, addresses, portraits, "
        "particles and an agency's abbreviation around the names; a bare name above the dateline with a common "
        "first name) changed against main at 6bff891, read before and after and counted the same way (every "
        "change gave authors where main gave none); its rules were made reading pages of both halves, so its "
        "held_out figures are not independent. "
        f"Changed sample (authors, fix 6): {len(labels.get('authors_fix_6', {}).get('changed', []))} pages, every "
        "one whose authors the sixth byline fix (a prefixed byline past furniture farther below the body's start; "
        "an author box far below the article under a heading the page prints once; a bare name beside the "
        "dateline past its copy, past a first name the stoplist holds, or below the dateline with a surname the "
        "vocabulary lacks) changed against main at a0c1938, read before and after and counted the same way (every "
        "change gave authors where main gave none); its rules were made reading pages of both halves, so its "
        "held_out figures are not independent. "
        f"Changed sample (authors, fix 7): {len(labels.get('authors_fix_7', {}).get('changed', []))} pages, every "
        "one whose authors the seventh byline fix (a bare name as a field of a dateline the header read, glued to "
        "the date or not; a byline the dump glued to the dateline's fields; a title-case byline's 'And' and "
        "'For', a short byline ending with a full stop, a long one with short names, a role glued to the name; "
        "an outlet, role or place after a comma and an agency glued by a slash are no name) "
        "changed against main at d21b94f, read before and after and counted the same way (every change gave "
        "authors where main gave none); a value a changed sample's own labels do not cover is read from the "
        "authors 'also' labels (meta3's 455718fe0ebb9040 now has its byline); its rules were made reading pages "
        "of both halves, so its held_out figures are not independent. "
        f"Changed sample (authors, fix 8): {len(labels.get('authors_fix_8', {}).get('changed', []))} pages, every "
        "one whose authors the eighth byline fix (read only when the page prints no prefixed byline naming others: "
        "a prefixed byline among the header's lines the header's reader passed by; one between the last paragraph "
        "and the furniture after it; one beside a dateline down to 30 lines below the body; one above the "
        "author's archive link; a bare name above the writer's role; a sign-off whose names the page prints "
        "again; 'Artikel von' as a prefix) changed against main at 4b9c2a1, read before and after and counted the "
        "same way (20 changes gave authors where main gave none, 1 replaced a wrong value with the byline); its "
        "rules were made reading pages of both halves, so its held_out figures are not independent. "
        f"Changed sample (authors, fix 9): {len(labels.get('authors_fix_9', {}).get('changed', []))} pages, every "
        "one whose authors the ninth byline fix (a prefixed byline's names end where the next field starts: a "
        "label and its colon, a date after a slash, the byline printed again glued, a link naming the author "
        "again) changed against main at ead3097, read before and after and counted the same way (every change "
        "gave authors where main gave none); its rules were made reading pages of both halves, so its held_out "
        "figures are not independent. "
        f"Changed sample (authors, fix 10): {len(labels.get('authors_fix_10', {}).get('changed', []))} page(s), "
        "every one whose authors the tenth byline fix (a bare name right below the dateline read though the "
        "page's stoplist holds its first name, as one above the dateline was) changed against main at e4a7766, "
        "read before and after and counted the same way (it gave authors where main gave none). "
        f"Changed sample (authors, fix 11): {len(labels.get('authors_fix_11', {}).get('changed', []))} pages, "
        "every one whose authors the eleventh byline fix (a prefixed byline's names refused for their stopwords "
        "only when one is in capitals or they outnumber the other words, as stoplists hold names; two "
        "prefixed bylines near the article's end naming the same writer sign it off; none past a rail's heading) "
        "changed against main at 0666a2c, read before and after and counted the same way (every change gave "
        "authors where main gave none). "
        f"Changed sample (authors, fix 12): {len(labels.get('authors_fix_12', {}).get('changed', []))} pages, "
        "every one whose authors the twelfth byline fix (an outlet's or an agency's abbreviation in capitals "
        "after a comma ending a prefixed byline is no name) changed against main at 41dd5af, read before and "
        "after and counted the same way (one gave authors where main gave none, one took the outlet off a list "
        "of writers). "
        f"Changed sample (authors, fix 13): {len(labels.get('authors_fix_13', {}).get('changed', []))} pages, "
        "every one whose authors the thirteenth byline fix (a word printed in lower case only inside a URL or an "
        "e-mail address is no common word; a dateline's two bare names both given) changed against main at "
        "0378bae, read before and after and counted the same way (each gave authors where main gave none). "
        f"Changed sample (authors, fix 14): {len(labels.get('authors_fix_14', {}).get('changed', []))} pages, "
        "every one whose authors the fourteenth byline fix (a news agency's dateline opening one of the body's "
        "first two paragraphs gives the agency when no byline names anyone) changed against main at 78feca3, read "
        "before and after and counted the same way (each gave authors where main gave none). "
        f"Changed sample (section, fix 2): {len(labels.get('section_fix_2', {}).get('changed', []))} pages, every "
        "one whose section the second section fix (a breadcrumb within four lines above the headline, numbered or "
        "split at separators) changed against main at de691d1, read before and after and counted the same way (a "
        "section not evidently the article's, M, counts as wrong); its labels of the new values also count in "
        "section precision. The held_out pages were read only to label it. "
        f"Changed sample (section, fix 3): {len(labels.get('section_fix_3', {}).get('changed', []))} pages, every "
        "one whose section the third section fix (a lone short line above the headline that the page prints below "
        "it as an item of a menu of short rubrics, or above the headlines of two other stories' teasers) changed "
        "against main at dc7defa, read before and after and counted the same way (every change gave a section where "
        "main gave none); its rules were made reading the lost sections of both halves, so its held_out figures are "
        "not independent. "
        f"Changed sample (section, fix 4): {len(labels.get('section_fix_4', {}).get('changed', []))} pages, every "
        "one whose section the fourth section fix (a breadcrumb whose separators are glued to its parts, read when it "
        "opens with the front page's link) changed against main at 11ff737, read before and after and counted the "
        "same way (every change gave a section where main gave none). "
        f"Changed sample (section, fix 5): {len(labels.get('section_fix_5', {}).get('changed', []))} pages, every "
        "one whose section the fifth section fix (a line labelling the article's category, 'in Sport', 'Kategorie: "
        "News', right above the headline or in the byline's block below it) changed against main with the fourth, "
        "read before and after and counted the same way (every change gave a section where main gave none). "
        f"Changed sample (section, fix 6): {len(labels.get('section_fix_6', {}).get('changed', []))} pages, every "
        "one whose section the sixth section fix (the one category a blog post's filing line names, 'This entry was "
        "posted in X', 'Veröffentlicht in X') changed against main with the thirtieth title fix, read before and "
        "after and counted the same way (every change gave a section where main gave none). "
        f"Changed sample (section, fix 7): {len(labels.get('section_fix_7', {}).get('changed', []))} pages, every "
        "one whose section the seventh section fix (the rubric a rail's heading below the article names, 'More in "
        "Politics', 'Mehr aus Sport', when the menu prints it) changed against main with the sixth, read before and "
        "after and counted the same way (every change gave a section where main gave none). "
        f"Changed sample (section, fix 8): {len(labels.get('section_fix_8', {}).get('changed', []))} pages, every "
        "one whose section the eighth section fix (a counter of digits alone between the rubric and the headline "
        "passed over) changed against main at 716dc70, read before and after and counted the same way (every change "
        "gave a section where main gave none). "
        f"Changed sample (section, fix 9): {len(labels.get('section_fix_9', {}).get('changed', []))} page(s), every "
        "one whose section the ninth section fix (a hashtag's '#' allowed before a one-word rubric) changed against "
        "main at cd41766, read before and after and counted the same way (it gave a section where main gave none). "
        f"Changed sample (description, fix 2): {len(labels.get('description_fix_2', {}).get('changed', []))} pages, "
        "every one whose description the second standfirst fix (the body's first paragraph printed right under the "
        "headline and above a dateline or a byline of real names is the standfirst; the body keeps it) changed against "
        "main at 4290137, each read on its raw page and URL (R the article's standfirst, subtitle, deck or summary as "
        "printed in its header; W anything else): precision of the values those pages have now, and fixed and broke "
        "counted as for titles (every change gave a description where main gave none, so 'fixed' is the right ones "
        "added). The rule was made from the dev half; the held_out pages were read only to label it. "
        f"Changed sample (description, fix 3): {len(labels.get('description_fix_3', {}).get('changed', []))} pages, "
        "every one whose description the third standfirst fix (the body's first paragraph under the headline is the "
        "standfirst also past an image's caption and credit or a row of buttons before the byline, above share buttons "
        "with the article going on below them, and at up to 400 characters when the article goes on below the byline; "
        "a kept deck right under the headline and above the body; the body keeps them all) changed against main at "
        "4b9c2a1, read and counted the same way (every change gave a description where main gave none); its rules "
        "were made reading pages of both halves, so its held_out figures are not independent.\n\n"
        f"Published (the date read from the text; benchmarks/date_labels.json): {len(date_labels['text'])} pages "
        f"a build of main at 410487e dated from their text and {len(date_labels['null'])} it left undated, sampled "
        "at random, each read for the publication date it states. Right: the labelled date. Precision: of the sampled "
        "dated pages still having a date, the share whose date is right. Lost: of those whose date was right, the "
        "ones no longer having it. Undated sample: of its pages, those now dated rightly or wrongly, and of those "
        f"stating their date, the ones still missed. Added sample: {len(date_labels.get('added', []))} pages that a "
        "build of the second date fix (99e46ef) dated from their text and main at d522a0f left undated, sampled at "
        "random per half and labelled the same way: the precision of the dates that fix added. Added sample 2: "
        f"{len(date_labels.get('added_2', []))} pages that a build of the third date fix dated from their text and "
        "main at 92593d3 left undated, 12 per half, labelled the same way (three 'null' labels were corrected then: "
        "their pages state a date in a form the first labelling missed). Added sample 3: "
        f"{len(date_labels.get('added_3', []))} pages that a build of the fourth date fix dated from their text and "
        "main at 2ed6287 left undated (all of them: fewer than the 20 per half drawn), labelled the same way. "
        f"Changed sample (meta3): {len(date_labels.get('meta3', {}).get('changed', []))} pages, every one whose date "
        "session meta3's date fixes changed against main at 43ac1f6, read for the date they state: fixed and broke "
        "as for titles.\n\n"
        + table(current, baseline, args.baseline_label) + "\n"
    )
    unlabelled = {f: current[f]["unlabelled"] for f in FIELDS if current[f]["unlabelled"]}
    if unlabelled:
        text += f"\nValues on sampled pages that no label covers (left out of precision): {unlabelled}\n"
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    CARD_RESULTS.write_text(card_text(current, labels, date_labels, sum(1 for _ in args.dev.glob("*.txt"))),
                            encoding="utf-8")


if __name__ == "__main__":
    main()
