"""The cleaner's modules type-check: mypyc compiles only type-correct code, and `benchmarks/compiled_ab.py`
measures what compiling them buys. The check is the one mypyc runs before it compiles, with the same modules
and settings, so an annotation that stops holding fails here rather than in the benchmark."""

from __future__ import annotations

import importlib.util
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))  # compiled_ab imports speed_ab, as it does run as a script
_spec = importlib.util.spec_from_file_location("compiled_ab", REPO / "benchmarks" / "compiled_ab.py")
compiled_ab = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled_ab)


def test_the_modules_mypyc_compiles_type_check(tmp_path: pathlib.Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text(compiled_ab.MYPY_CONFIG, encoding="utf-8")
    modules = [str(p) for p in sorted((REPO / "build_dataset" / "clean").glob("*.py"))
               if p.name not in compiled_ab.NOT_COMPILED]
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(config),
                           "--cache-dir", str(tmp_path / "cache"), *modules],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
