"""Language identification of the clean body with lingua (models ship inside the wheel)."""

from __future__ import annotations

from functools import lru_cache

from lingua import LanguageDetector, LanguageDetectorBuilder

# lingua's cost grows linearly with the text, and it is the slowest step of the build; a thousand
# characters (several sentences) decide the language of a news article as well as the whole of it
# does. Mixed-language bodies are the `mixed_language` quality flag's job, not this field's.
SAMPLE_CHARS = 1000


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().build()


def detect_language(text: str) -> tuple[str | None, float | None]:
    """ISO 639-1 code of the text's language and lingua's confidence, or (None, None) for no text."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return None, None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None, None
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), round(float(best.value), 4)
