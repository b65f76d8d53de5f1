"""The cleaner's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from build_dataset.clean.lines import language_sample, language_words, split_lines
from build_dataset.clean.repair import _CONTROL_RE, _MOJIBAKE_HINT_RE, _NBSP_RE, _ZERO_WIDTH_RE, normalise_characters
from build_dataset.clean.stoplists import SAMPLE_CHARS, SAMPLE_WORDS, WORD_RE, pick_stoplist, stoplist_for_words

_TRICKY = [
    "ΟΔΟΣ ΣΑΣ. " * 60, "İstanbul İİİ " * 50, "a" * 5000, "word. " * 700, "Σ" * 3999, "ΣΑ end", "ΑΣ.Β ΑΣ' x",
    "Die Regierung hat am Montag beschlossen, dass die neuen Regeln ab Januar gelten.",
    "The government said on Monday that the new rules would apply from January onwards.",
    "• Home", "北京时间今天上午，会议在北京召开。" * 10, "",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(max_size=400)), max_size=40))
def test_language_words_equal_the_sample_words(parts: list[str]) -> None:
    lines = split_lines("\n".join(parts))
    words = WORD_RE.findall(language_sample(lines).lower(), 0, SAMPLE_CHARS)[:SAMPLE_WORDS]
    assert language_words(lines) == words
    assert stoplist_for_words(words) == pick_stoplist(language_sample(lines))


_ODD = "ab \t\n\u00a0\u2007\u202f\u200b\u2060\ufeff\u00ad\x00\x1f\x7f\x9féÃ©â€™\ufffd"
_HINT_AS_ONE_REGEX = re.compile(_MOJIBAKE_HINT_RE.pattern + "|\ufffd")


def _normalise_without_precheck(text: str) -> tuple[str, list[str]]:
    repairs = []
    for name, rx, by in (("nbsp", _NBSP_RE, " "), ("zero_width", _ZERO_WIDTH_RE, ""), ("control", _CONTROL_RE, "")):
        if rx.search(text):
            text = rx.sub(by, text)
            repairs.append(name)
    return text, repairs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ODD), max_size=60))
def test_repair_prechecks_change_nothing(text: str) -> None:
    fixed, names = normalise_characters(text)
    plain, plain_names = _normalise_without_precheck(text)
    assert fixed.replace("\t", " ") == unicodedata.normalize("NFC", plain.replace("\t", " "))
    assert [n for n in names if n not in ("tab", "nfc")] == plain_names
    hinted = "\ufffd" in text or bool(_MOJIBAKE_HINT_RE.search(text))
    assert hinted == bool(_HINT_AS_ONE_REGEX.search(text))
