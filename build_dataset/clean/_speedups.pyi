"""Types of the C extension `_speedups` (build_dataset/clean/_speedups.c): C versions of the cleaner's hottest loops."""

from collections.abc import Callable

from build_dataset.clean.lines import Line

def configure(line: type[Line], fields: tuple[str, ...], form_search: Callable[[str], object],
              urlish_pattern: str, date_pattern: str, latin1_words: bytes,
              strong_bullets: str, weak_bullets: str, sentence_ends: str, sentence_marks: str,
              separators: str, tokens_from: int, stop_sample_chars: int, char_sample: int) -> None: ...
def split_lines(raw: str) -> list[Line]: ...
def number_words(words: list[list[str]], size: int) -> tuple[list[str], bytes, bytes]: ...
