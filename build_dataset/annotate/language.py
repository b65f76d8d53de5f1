"""Language identification of the clean body with lingua (models ship inside the wheel)."""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import LanguageDetector, LanguageDetectorBuilder

# lingua's cost grows linearly with the text, and it is the slowest step of the build; a thousand
# characters (several sentences) decide the language of a news article as well as the whole of it
# does. Mixed-language bodies are the `mixed_language` quality flag's job, not this field's.
SAMPLE_CHARS = 1000
_LINE_RE = re.compile(r"[^\n]+")
_LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().build()


def language_sample(text: str) -> str:
    """The first SAMPLE_CHARS characters of the text's lines that hold a letter, joined by newlines.

    A page may start with lines lingua can do nothing with (a rule of symbols, a table of figures, a
    list of dates): the first characters of the text would then hold no word and give no language.
    The lines are read lazily, so the cost stays that of the sample, whatever the text's length.
    """
    parts: list[str] = []
    room = SAMPLE_CHARS
    for match in _LINE_RE.finditer(text):
        line = match.group()
        if _LETTER_RE.search(line) is not None:
            parts.append(line[:room])
            room -= len(line) + 1
            if room <= 0:
                break
    return "\n".join(parts)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code of the text's language and lingua's confidence, or (None, None) for no text."""
    sample = language_sample(text)
    if not sample.strip():
        return None, None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None, None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(float(best.value), 4)
