"""Quality flags of one article: cheap, deterministic warnings a dataset user may want to filter on.

Flags (sorted in the output):
- machine_text_trace: a phrase that betrays generated text ("according to the provided summaries",
  "as an AI language model", "як мовна модель", ...), matched case-insensitively.
- truncated: the body ends mid-sentence (no terminal punctuation) or with an ellipsis.
- very_short: fewer than VERY_SHORT_WORDS (50) words, counted as `word_count` counts them (runs of
  word characters, so a CJK article is not short for having few spaces); too little text to be a news
  article body.
- mixed_language: at least MIXED_SHARE of the body's letters sit in paragraphs whose script or
  Cyrillic orthography says another language than the article's (Latin paragraphs in a Ukrainian
  article, Russian-only letters ы/э/ъ/ё in a Ukrainian one, ...). Script, not lingua: it is cheap and
  it does not guess on short paragraphs.
- glued_sentences: a sentence runs into the next without a space ("spotlight.During"), a trace of lost
  markup; offsets of entities are fine, but sentence splitters will stumble.
- repeated_paragraph: the same paragraph (of at least five words) occurs twice.
"""

from __future__ import annotations

import re

import ahocorasick

VERY_SHORT_WORDS = 50
MIXED_SHARE = 0.2
_MIN_PARAGRAPH_LETTERS = 20
_SAMPLE_CHARS = 200  # the start of a paragraph tells its script as well as the whole of it

MACHINE_TRACES = (
    "according to the provided summaries", "the provided summaries", "based on the provided",
    "in the provided text", "as an ai language model", "as a language model", "as an ai model",
    "i cannot browse", "i can't browse", "i am unable to browse", "my knowledge cutoff",
    "as of my last update", "as of my knowledge cutoff", "i don't have access to real-time",
    "i do not have access to real-time", "regenerate response", "i hope this helps",
    # Ukrainian
    "як мовна модель", "як модель штучного інтелекту", "надані резюме", "наданих резюме",
    "я не можу переглядати",
    # Russian
    "как языковая модель", "как модель искусственного интеллекта", "предоставленных резюме",
    "я не могу просматривать", "у меня нет доступа к интернету",
    # Belarusian
    "як моўная мадэль", "як мадэль штучнага інтэлекту",
)
_TRACES = ahocorasick.Automaton()
for _trace in MACHINE_TRACES:
    _TRACES.add_word(_trace, _trace)
_TRACES.make_automaton()
_WORD_RE = re.compile(r"\w+")
_GLUED_RE = re.compile(r"[a-zа-яіїєґўё]{2}[.!?][A-ZА-ЯІЇЄҐЎЁ][a-zа-яіїєґўё]")
_TERMINAL = tuple(".!?…\"”»’)'")
_LETTER_RE = re.compile(r"[^\W\d_]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = set("їєґ")
_RU_ONLY = set("ыэъё")
_BE_ONLY = set("ў")


def _paragraph_language(paragraph: str) -> str | None:
    """'latin', 'uk', 'ru', 'be', 'cyrillic' (undecided) or None when too few letters to tell."""
    lower = paragraph[:_SAMPLE_CHARS].lower()
    letters = len(_LETTER_RE.findall(lower))
    if letters < _MIN_PARAGRAPH_LETTERS:
        return None
    if len(_CYRILLIC_RE.findall(lower)) < letters / 2:
        return "latin"
    present = set(lower)
    if present & _BE_ONLY or ("і" in present and present & {"ы", "э"}):
        return "be"
    if present & _UK_ONLY or ("і" in present and not present & _RU_ONLY):
        return "uk"
    if present & _RU_ONLY:
        return "ru"
    return "cyrillic"


def _differs(paragraph_language: str | None, language: str | None) -> bool:
    if paragraph_language is None or language is None:
        return False
    if language in ("uk", "ru", "be"):
        return paragraph_language == "latin" or paragraph_language not in (language, "cyrillic")
    return paragraph_language != "latin"


def is_mixed_language(text: str, language: str | None) -> bool:
    """True when a sizeable share of the body is in paragraphs of another language (see module doc)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    total = sum(len(p) for p in paragraphs)
    if not total or language is None:
        return False
    # Fast exit: a Latin-script article without Cyrillic letters has no foreign paragraph by script.
    if language not in ("uk", "ru", "be") and not _CYRILLIC_RE.search(text):
        return False
    foreign = sum(len(p) for p in paragraphs if _differs(_paragraph_language(p), language))
    return foreign / total >= MIXED_SHARE


def is_truncated(text: str) -> bool:
    """True when the body ends mid-sentence or with an ellipsis."""
    tail = text.rstrip()
    if not tail:
        return False
    if tail.endswith(("...", "…")):
        return True
    return not tail.endswith(_TERMINAL)


def has_machine_trace(text: str) -> bool:
    """True when the text holds a phrase of MACHINE_TRACES (one Aho-Corasick pass, any letter case)."""
    return next(_TRACES.iter(text.lower().replace("’", "'")), None) is not None


def _count_words(text: str) -> int:
    """The project's one word count, the one `word_count` holds (`assemble.count_words`).

    Imported at call time: `assemble` imports the annotate stage, so a module-level import would be
    circular.
    """
    from build_dataset.assemble import count_words

    return count_words(text)


def quality_flags(text: str, language: str | None) -> list[str]:
    """The sorted quality flags of a clean body."""
    flags = set()
    if has_machine_trace(text):
        flags.add("machine_text_trace")
    if is_truncated(text):
        flags.add("truncated")
    if _count_words(text) < VERY_SHORT_WORDS:
        flags.add("very_short")
    if is_mixed_language(text, language):
        flags.add("mixed_language")
    if _GLUED_RE.search(text):
        flags.add("glued_sentences")
    paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 5]
    if len(paragraphs) != len(set(paragraphs)):
        flags.add("repeated_paragraph")
    return sorted(flags)
