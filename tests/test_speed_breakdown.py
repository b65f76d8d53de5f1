"""The speed breakdown's parsing and grouping of callgrind's table (benchmarks/speed_breakdown.py)."""

from __future__ import annotations

import importlib.util
import pathlib
import re
import subprocess
import sys

import pytest

from build_dataset.clean.native import use_speedups

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "speed_breakdown.py"
sys.path.insert(0, str(SCRIPT.parent))  # as when run as a script: it imports speed_ab beside it
_spec = importlib.util.spec_from_file_location("speed_breakdown", SCRIPT)
speed_breakdown = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speed_breakdown)

TABLE = """\
--------------------------------------------------------------------------------
Ir                      file:function
--------------------------------------------------------------------------------
1,111,179,152 (10.42%)  /tmp/Python-3.11.7/Python/ceval.c:_PyEval_EvalFrameDefault'2 [/lib/libpython3.11.so.1.0]
  580,828,567 ( 5.45%)  /tmp/Python-3.11.7/Python/ceval.c:_PyEval_EvalFrameDefault [/lib/libpython3.11.so.1.0]
  332,905,853 ( 3.12%)  ???:PyArray_TakeFrom [/venv/numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so]
  289,046,033 ( 2.71%)  /tmp/Python-3.11.7/./Modules/_sre/sre_lib.h:sre_ucs1_match [/lib/libpython3.11.so.1.0]
  203,691,815 ( 1.91%)  /tmp/Python-3.11.7/Objects/dictobject.c:unicodekeys_lookup_unicode [/lib/libpython3.11.so.1.0]
  149,890,632 ( 1.41%)  /tmp/Python-3.11.7/Objects/unicodeobject.c:unicode_lower
   60,779,336 ( 0.57%)  /project/src/trienode.c:automaton_search_iter_next
   40,000,000 ( 0.40%)  /tmp/Python-3.11.7/Objects/longobject.c:PyLong_FromSsize_t [/lib/libpython3.11.so.1.0]
   30,000,000 ( 0.30%)  /w/clean/_speedups.c:make_line [/w/clean/_speedups.cpython-311-x86_64-linux-gnu.so]
"""


def test_the_table_is_read_per_function_with_recursion_levels_summed() -> None:
    counts = speed_breakdown.parse_annotate(TABLE)
    assert counts["ceval.c:_PyEval_EvalFrameDefault libpython3.11.so.1.0"] == 1_111_179_152 + 580_828_567
    assert len(counts) == 8
    assert sum(counts.values()) == 2_798_321_388


def test_functions_fall_in_their_groups() -> None:
    groups = {f.split(":")[1].split(" ")[0]: speed_breakdown.group_of(f) for f in speed_breakdown.parse_annotate(TABLE)}
    assert groups["_PyEval_EvalFrameDefault"] == speed_breakdown.INTERPRETER
    assert groups["sre_ucs1_match"].startswith("regular expressions")
    assert groups["PyArray_TakeFrom"].startswith("numpy")
    # a dictionary's look-up of a str key is word look-up, not a string method, though its name says unicode
    assert groups["unicodekeys_lookup_unicode"].startswith("dictionaries")
    assert groups["unicode_lower"].startswith("string methods")
    assert groups["automaton_search_iter_next"].startswith("keyword automaton")
    assert groups["PyLong_FromSsize_t"] == speed_breakdown.OTHER
    # the cleaner's own C code is work compiling its Python would keep, not "other C"
    assert groups["make_line"].startswith("the cleaner's C speedups")


C_SHARE = SCRIPT.parent / "c_share.py"


@pytest.mark.skipif(not use_speedups, reason="the C extension is not built here")
def test_c_share_clocks_the_c_functions_the_cleaner_calls(tmp_path: pathlib.Path) -> None:
    """benchmarks/c_share.py finds the C functions wherever the cleaner's modules hold them: on made-up pages the
    line splitter and the forests' walk are clocked, and the time inside C is a share of the page's."""
    for k in range(3):
        (tmp_path / f"{k}.txt").write_text(
            f"Home\nNews\nHeadline number {k} about the talks\n\nThe delegations met in Minsk on Monday and agreed "
            "to meet again next week, officials said.\n\nThe talks lasted five hours.\n\nShare\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(C_SHARE), "--dev", str(tmp_path), "--passes", "1"],
                          capture_output=True, text=True, check=True)
    share = re.search(r"ms of it inside them \((\d+)%\)", done.stdout)
    assert share is not None and 0 < int(share.group(1)) < 100, done.stdout
    assert re.search(r"^\s+split_lines\s+\d", done.stdout, re.MULTILINE), done.stdout
    assert re.search(r"^\s+forest_leaves\s+\d", done.stdout, re.MULTILINE), done.stdout
