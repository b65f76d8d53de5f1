"""The page-costs benchmark's cleaner without its header reader (benchmarks/page_costs.py): it must leave out
the header reader alone, and put it back."""

from __future__ import annotations

import importlib.util
import pathlib

from build_dataset.clean import clean_page

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "page_costs.py"
_spec = importlib.util.spec_from_file_location("page_costs", SCRIPT)
page_costs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_costs)


def test_without_the_header_reader_no_metadata_is_read_and_the_body_is_the_same() -> None:
    page = page_costs.SMALL_PAGE
    whole = clean_page(page)
    assert whole.title == "A headline about peace talks in Minsk"
    assert whole.authors == ["John Smith"]
    with page_costs.without_header():
        rest = clean_page(page)
    assert (rest.title, rest.authors, rest.published, rest.description, rest.section) == (None, [], None, None, None)
    assert not {r.reason for r in rest.removed} & {"title", "byline", "dateline", "standfirst"}
    # the body's start and the line model's verdicts are the same: the body only gains the header's lines
    assert whole.text in rest.text
    assert clean_page(page) == whole  # put back on leaving
