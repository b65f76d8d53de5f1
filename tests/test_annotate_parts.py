"""Quotes, dates, outlets, quality flags, duplicates and the unlinked-mentions report, on small examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from build_dataset.annotate.dates import find_dates
from build_dataset.annotate.dedup import find_duplicates
from build_dataset.annotate.entities import find_entities
from build_dataset.annotate.language import SAMPLE_CHARS, detect_language, language_sample
from build_dataset.annotate.outlets import lookup_outlet, outlet_from_page
from build_dataset.annotate.quality import VERY_SHORT_WORDS, quality_flags
from build_dataset.annotate.quotes import find_quotes
from build_dataset.assemble import count_words
from build_dataset.entities_report import linked_entities, unlinked_mentions
from build_dataset.schema import QUALITY_FLAGS, Entity, arrow_schema


def speakers(text: str, language: str) -> list[tuple[str, str | None, str | None]]:
    quotes = find_quotes(text, find_entities(text, language))
    return [(q.text, q.speaker, q.speaker_name) for q in quotes]


# --- quotes ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "language", "expected"), [
    ("“We are ready,” Putin said.", "en", [("We are ready,", "Putin", "Vladimir Putin")]),
    ("Lukashenko said: “Belarus will not fight.”", "en",
     [("Belarus will not fight.", "Lukashenko", "Alexander Lukashenko")]),
    ("\"Ми готові\", - сказав Лукашенко.", "uk", [("Ми готові", "Лукашенко", "Alexander Lukashenko")]),
    ("«Мы готовы к переговорам», — заявил Песков журналистам.", "ru",
     [("Мы готовы к переговорам", "Песков", "Dmitry Peskov")]),
    ("„Мы гатовыя“, — сказаў Лукашэнка.", "be", [("Мы гатовыя", "Лукашэнка", "Alexander Lukashenko")]),
    # the verb opens the next sentence
    ("\"Жодних поступок не буде\". Про це заявив Зеленський.", "uk",
     [("Жодних поступок не буде", "Зеленський", "Volodymyr Zelensky")]),
    # a role speaker resolved to the person just named; a follow-on quote keeps the speaker
    ("Kuleba spoke in Kyiv.\n\n“War ends,” Kyiv’s top diplomat said. “Talks follow.”", "en",
     [("War ends,", "Kyiv’s top diplomat", "Dmytro Kuleba"), ("Talks follow.", "Kyiv’s top diplomat",
                                                              "Dmytro Kuleba")]),
    # no attribution verb: no speaker; a name in quotation marks is not a quotation
    ("Russia called it a “special operation” led by the «Вагнер» group.", "en",
     [("special operation", None, None)]),
    ("\"The crisis was resolved,\" according to the provided summaries.", "en",
     [("The crisis was resolved,", "the provided summaries", None)]),
])
def test_quote_speakers(text: str, language: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert speakers(text, language) == expected


def test_unattributed_quote_in_another_sentence_does_not_inherit() -> None:
    text = "“We are ready,” Putin said. Later the talks stalled over a “buffer zone” plan."
    assert speakers(text, "en")[1] == ("buffer zone", None, None)


# --- dates ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on Dec. 26 it began", None, [("Dec. 26", "--12-26")]),
    ("on Dec. 26 it began", dt.date(2022, 12, 28), [("Dec. 26", "2022-12-26")]),
    ("on Dec. 26 it began", dt.date(2023, 1, 3), [("Dec. 26", "2022-12-26")]),
    ("Published 28 February 2022", None, [("28 February 2022", "2022-02-28")]),
    ("Feb. 28, 2022 and March 2014", None, [("Feb. 28, 2022", "2022-02-28"), ("March 2014", "2014-03")]),
    ("вторгнення з 24 лютого 2022 року", None, [("24 лютого 2022 року", "2022-02-24")]),
    ("з 24 лютого", None, [("24 лютого", "--02-24")]),
    ("с 5 марта", dt.date(2022, 3, 10), [("5 марта", "2022-03-05")]),
    ("з 3 снежня", None, [("3 снежня", "--12-03")]),
    ("2022-02-24 and 24.02.2022", None, [("2022-02-24", "2022-02-24"), ("24.02.2022", "2022-02-24")]),
    ("annexed in 2014, a 675-mile border, S-400 systems", None, [("2014", "2014")]),
    ("he may take part on Sunday", dt.date(2023, 6, 25), []),
    ("In October troops moved", dt.date(2022, 12, 28), [("October", "2022-10")]),
    ("In October troops moved", None, []),
    ("у жовтні війська", dt.date(2022, 12, 28), [("жовтні", "2022-10")]),
    ("31 February is not a date", None, []),
])
def test_dates(text: str, published: dt.date | None, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, published)] == expected


# --- outlets --------------------------------------------------------------------------------------------
def test_outlet_lookup_by_url_name_and_page() -> None:
    assert lookup_outlet(None, "https://www.rt.com/russia/578000-lukashenko/").country == "RU"
    assert lookup_outlet("teleSUR", None).domain == "telesurenglish.net"
    assert lookup_outlet("Some Blog", "https://example.org/x") is None
    assert lookup_outlet(None, None) is None
    assert outlet_from_page("Facebook iPress Telegram iPress Twitter iPress search menu") == "iPress"
    # A template that looks like an outlet's is no evidence: only a page naming its outlet tells it.
    assert outlet_from_page("Why this matters: ...\nKey Takeaways\n• x") is None
    assert outlet_from_page("Russia & FSU\n\nLukashenko may take part") is None


def test_every_ownership_claim_has_a_source() -> None:
    from build_dataset.annotate.outlets import load_outlets

    for outlet in load_outlets():
        assert (outlet.info.ownership is None) == (outlet.info.ownership_source is None), outlet.name


# --- quality flags --------------------------------------------------------------------------------------
LONG_EN = " ".join(["The delegation met in Minsk to discuss the ceasefire terms."] * 8)


def test_quality_flags() -> None:
    assert quality_flags(LONG_EN, "en") == []
    assert quality_flags("Short text.", "en") == ["very_short"]
    assert "truncated" in quality_flags(LONG_EN + " And then the", "en")
    assert "truncated" in quality_flags(LONG_EN + " And then...", "en")
    assert "machine_text_trace" in quality_flags(LONG_EN + " As an AI language model, I cannot.", "en")
    assert "machine_text_trace" in quality_flags("Як мовна модель, я не можу цього сказати.", "uk")
    ukrainian = "\n\n".join(["Делегації зустрілися в Мінську, щоб обговорити умови перемир'я та обмін."] * 3)
    assert "mixed_language" in quality_flags(ukrainian + "\n\n" + LONG_EN, "uk")
    russian = "Делегации встретились в Минске, чтобы обсудить условия перемирия и обмен пленными."
    assert "mixed_language" in quality_flags(ukrainian + "\n\n" + russian * 3, "uk")
    assert "mixed_language" not in quality_flags(ukrainian, "uk")
    assert "glued_sentences" in quality_flags(LONG_EN + " It ended.Then it began.", "en")
    assert "repeated_paragraph" in quality_flags("A long enough paragraph here.\n\nA long enough paragraph here.",
                                                 "en")


def test_very_short_counts_words_as_word_count_does() -> None:
    # dev page a9d40d33fe91b067: a Japanese article of word_count 56 was flagged very_short, since its
    # whitespace-separated tokens are whole paragraphs
    japanese = "\n".join(["今日は東京で会議が開かれ、首相が新しい計画を発表しました。"] * 30)
    assert len(japanese.split()) < VERY_SHORT_WORDS <= count_words(japanese)
    assert "very_short" not in quality_flags(japanese, "ja")
    assert "very_short" in quality_flags("今日は東京で会議が開かれました。", "ja")


# --- language ---------------------------------------------------------------------------------------------
GERMAN = ("Die Regierung hat am Montag beschlossen, dass die neuen Regeln ab Januar für alle Unternehmen "
          "gelten, und der Minister sagte, dass die Kontrollen verschärft werden sollen.")


def test_language_is_taken_from_lines_with_letters() -> None:
    # 35 dev articles had no language: their first 1,000 characters were a w3m rule of "━"
    for head in ["━" * 1023, "\n".join(["12.03.2021 | 14:30 | 2.345,67"] * 60)]:
        text = head + "\n\n" + GERMAN * 3
        assert detect_language(text)[0] == "de"
        assert language_sample(text).startswith(GERMAN[:40])
    assert detect_language("━" * 5000) == (None, None)


def test_language_sample_is_bounded() -> None:
    text = ("━" * 100 + "\n") * 10_000 + (GERMAN + "\n") * 100_000
    sample = language_sample(text)
    assert len(sample) <= SAMPLE_CHARS + 1 and sample.startswith(GERMAN[:40])
    assert language_sample(GERMAN * 20) == (GERMAN * 20)[:SAMPLE_CHARS]


def test_every_quality_flag_is_documented() -> None:
    ukrainian = "\n\n".join(["Делегації зустрілися в Мінську, щоб обговорити умови перемир'я та обмін."] * 3)
    raised = set(quality_flags("As an AI language model.It went\n\nAs an AI language model.It went", "en"))
    raised |= set(quality_flags(ukrainian + "\n\n" + LONG_EN, "uk"))
    assert raised == set(QUALITY_FLAGS)


# --- duplicates -----------------------------------------------------------------------------------------
STORY = ("Belarusian President Alexander Lukashenko said on Tuesday that Minsk was ready to host a new round "
         "of talks between Russia and Ukraine, adding that both delegations had been invited and that the "
         "venue near the border had been prepared for the meeting, which officials expect to last two days "
         "and to cover a ceasefire, humanitarian corridors and an exchange of prisoners of war. The Kremlin "
         "spokesman told reporters in Moscow that the Russian side would send a delegation led by a senior "
         "aide, while Kyiv has not yet confirmed its participation and insisted on preconditions. Analysts "
         "in Warsaw and Vilnius warned that the offer came as troops gathered near the northern border, and "
         "European diplomats said they would watch the talks closely before deciding on further sanctions "
         "against Minsk for its support of the invasion that began a year ago.")


def test_exact_and_near_duplicates_cluster_under_the_smallest_id() -> None:
    near = STORY.replace("on Tuesday", "on Wednesday") + "Reporting by our correspondent."
    other = "Kyiv rejected the offer and said talks could only resume after the withdrawal of troops." * 3
    result = find_duplicates(iter([("c", STORY), ("a", STORY.upper()), ("b", near), ("d", other)]))
    assert result == {"a": (None, "a"), "b": ("a", "a"), "c": ("a", "a"), "d": (None, "d")}


def test_duplicates_do_not_depend_on_input_order() -> None:
    near = STORY.replace("on Tuesday", "on Wednesday")
    items = [("k", STORY), ("b", near), ("z", STORY.upper()), ("m", "An unrelated short note about weather.")]
    assert find_duplicates(items) == find_duplicates(list(reversed(items)))
    assert find_duplicates(items)["k"] == ("b", "b")


def test_duplicates_threshold_is_configurable() -> None:
    half = STORY[: len(STORY) // 2] + " ".join(f"word{i}" for i in range(60))
    assert find_duplicates([("x", STORY), ("y", half)], threshold=0.9)["y"] == (None, "y")
    assert find_duplicates([("x", STORY), ("y", half)], threshold=0.2)["y"] == ("x", "x")


def test_duplicate_ids_are_an_error() -> None:
    with pytest.raises(ValueError):
        find_duplicates([("x", "one"), ("x", "two")])


# --- unlinked mentions report ---------------------------------------------------------------------------
def test_unlinked_mentions_report(tmp_path: Path) -> None:
    entity_type = arrow_schema().field("entities").type

    def mention(text: str, name: str | None, type_: str = "PERSON") -> dict[str, object]:
        return Entity(text=text, start=0, end=len(text), type=type_, name=name, wikidata=None).__dict__

    rows = [[mention("Jens Stoltenberg", None), mention("Putin", "Vladimir Putin")],
            [mention("Jens Stoltenberg", None), mention("Bolshoi Theatre", None, "ORG")], []]
    (tmp_path / "data").mkdir()
    pq.write_table(pa.table({"entities": pa.array(rows, type=entity_type)}),
                   tmp_path / "data" / "train-00000-of-00001.parquet")
    assert unlinked_mentions(tmp_path) == [("Jens Stoltenberg", "PERSON", 2), ("Bolshoi Theatre", "ORG", 1)]
    assert linked_entities(tmp_path) == [("Vladimir Putin", "PERSON", 1)]


def test_languages_that_capitalise_nouns_get_only_catalog_mentions() -> None:
    from build_dataset.annotate.entities import find_entities

    german = "Die Menschen sagen, dass Sie im Jahr 2020 nach Minsk reisten."
    assert [(e.text, e.name) for e in find_entities(german, "de")] == [("Minsk", "Minsk")]
    english = "The delegation met Jack Smith in Minsk."
    assert ("Jack Smith", None) in [(e.text, e.name) for e in find_entities(english, "en")]
