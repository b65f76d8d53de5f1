"""Entity linking: inflected forms, lower-case outlets, transliterations, context, unlinked names, catalog."""

from __future__ import annotations

import pytest
import yaml

from build_dataset.annotate.catalog import compile_catalog, load_catalog
from build_dataset.annotate.entities import find_entities


def linked(text: str, language: str | None) -> list[tuple[str, str | None]]:
    return [(e.text, e.name) for e in find_entities(text, language)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    # Ukrainian inflection and the lower case Ukrainian outlets use for Russia, Putin, the Kremlin, Moscow
    ("Байден готовий поговорити з путіним, а кремль і москва мовчать.", "uk",
     [("Байден", "Joe Biden"), ("путіним", "Vladimir Putin"), ("кремль", "Kremlin"), ("москва", "Moscow")]),
    ("Зустріч із Лукашенком у Білорусі, загрози з боку Києва та росії.", "uk",
     [("Лукашенком", "Alexander Lukashenko"), ("Білорусі", "Belarus"), ("Києва", "Kyiv"), ("росії", "Russia")]),
    ("Переговори у Мінську та Ростові-на-Дону.", "uk", [("Мінську", "Minsk"), ("Ростові-на-Дону", "Rostov-on-Don")]),
    # Russian
    ("Лукашенко встретился с Владимиром Путиным в Минске, сообщает ТАСС.", "ru",
     [("Лукашенко", "Alexander Lukashenko"), ("Владимиром Путиным", "Vladimir Putin"), ("Минске", "Minsk"),
      ("ТАСС", "TASS")]),
    # Belarusian, no dictionary: suffix rules
    ("Аляксандр Лукашэнка сустрэўся з Пуціным у Мінску і Кіеве.", "be",
     [("Аляксандр Лукашэнка", "Alexander Lukashenko"), ("Пуціным", "Vladimir Putin"), ("Мінску", "Minsk"),
      ("Кіеве", "Kyiv")]),
    # English transliteration variants and possessives
    ("Kiev’s envoy met Prigozhyn and Lukashenka; Ukraine's allies and Kyiv agreed.", "en",
     [("Kiev", "Kyiv"), ("Prigozhyn", "Yevgeny Prigozhin"), ("Lukashenka", "Alexander Lukashenko"),
      ("Ukraine", "Ukraine"), ("Kyiv", "Kyiv")]),
])
def test_links_survive_grammar_and_spelling(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert [m for m in linked(text, language) if m[1] is not None] == expected


def test_longest_match_wins_minsk_agreements_over_minsk() -> None:
    assert linked("Kyiv says the Minsk agreements are dead.", "en") == [
        ("Kyiv", "Kyiv"), ("Minsk agreements", "Minsk agreements")]
    assert linked("Київ вважає Мінські угоди мертвими.", "uk")[1] == ("Мінські угоди", "Minsk agreements")


def test_wagner_group_or_composer_by_context() -> None:
    group = find_entities("Wagner fighters and their chief Prigozhin left Rostov. Wagner is in Belarus.", "en")
    assert [(e.text, e.name) for e in group if e.text == "Wagner"] == [("Wagner", "Wagner Group")] * 2
    opera = find_entities("The opera house staged a new production. Wagner wrote it for Bayreuth.", "en")
    assert ("Wagner", "Richard Wagner") in [(e.text, e.name) for e in opera]
    alone = find_entities("People spoke about it. Wagner was mentioned.", "en")
    assert [(e.text, e.name, e.type) for e in alone if e.text == "Wagner"] == [("Wagner", None, "MISC")]


def test_donetsk_city_or_republic_by_nearby_words() -> None:
    assert linked("Shelling hit Donetsk overnight.", "en") == [("Donetsk", "Donetsk")]
    assert linked("Moscow recognised the republics of Donetsk and Lugansk.", "en")[1:] == [
        ("Donetsk", "Donetsk People's Republic"), ("Lugansk", "Luhansk People's Republic")]


def test_union_state_in_lower_case_ukrainian() -> None:
    assert ("союзної держави", "Union State") in linked('росія та Білорусь є частиною "союзної держави".', "uk")


def test_capitalised_aliases_need_capitals() -> None:
    assert linked("We ate turkey and may go to the us embassy.", "en") == []
    assert linked("Ідеться про захід у школі.", "uk") == []  # захід "event", not Захід "the West"


def test_initialisms_keep_their_dots() -> None:
    entity = find_entities("He met the U.N. chief.", "en")[0]
    assert (entity.text, entity.name) == ("U.N.", "United Nations")


def test_unlinked_mentions_with_guessed_types() -> None:
    text = ("NATO Secretary General Jens Stoltenberg met officials of the Bolshoi Theatre and Pyotr "
            "Ivanov in Kyiv. Mr. Stoltenberg smiled.")
    found = {(e.text, e.type, e.name) for e in find_entities(text, "en")}
    assert ("Jens Stoltenberg", "PERSON", None) in found
    assert ("Bolshoi Theatre", "ORG", None) in found
    assert ("Pyotr Ivanov", "MISC", None) in found
    assert ("Stoltenberg", "PERSON", None) in found
    assert ("NATO", "ORG", "NATO") in found


def test_sentence_initial_capitals_only_count_when_they_recur() -> None:
    found = [e.text for e in find_entities("Yesterday it rained. Nothing happened in Minsk.", "en")]
    assert found == ["Minsk"]
    recurring = [e.text for e in find_entities("Arakhamov spoke first. Then Arakhamov left.", "en")]
    assert recurring == ["Arakhamov", "Arakhamov"]


def test_catalog_is_one_edit_to_extend() -> None:
    data = yaml.safe_load("""
entities:
  - name: Svetlana Tikhanovskaya
    type: PERSON
    wikidata: null
    aliases:
      en: [Sviatlana Tsikhanouskaya, Tsikhanouskaya]
      ru: [Светлана Тихановская, Тихановская]
      be: [Святлана Ціханоўская, Ціханоўская]
""")
    catalog = compile_catalog(data)
    assert [e.name for e in find_entities("Встреча с Тихановской прошла в Вильнюсе.", "ru", catalog)] == [
        "Svetlana Tikhanovskaya", None]
    assert [e.name for e in find_entities("Ціханоўскай няма.", "be", catalog)] == ["Svetlana Tikhanovskaya"]


@pytest.mark.parametrize("bad", [
    "entities:\n  - {name: X, type: GPE, wikidata: null}\n",
    "entities:\n  - {name: X, type: LOC, wikidata: '184'}\n",
    "entities:\n  - {name: X, type: LOC, wikidata: null, aliases: {en: [On]}}\n",
])
def test_catalog_rejects_bad_entries(bad: str) -> None:
    with pytest.raises(ValueError):
        compile_catalog(yaml.safe_load(bad))


def test_packaged_catalog_qids_are_well_formed_and_names_unique() -> None:
    catalog = load_catalog()
    names = [e.name for e in catalog.entities]
    assert len(names) == len(set(names))
    assert {e.wikidata for e in catalog.entities if e.name in ("Vladimir Putin", "Belarus", "Kyiv")} == {
        "Q7747", "Q184", "Q1899"}


def test_title_case_headings_are_no_evidence_of_names() -> None:
    text = "Russia Ready for Talks With Ukraine\n\nNegotiations between Russia and Ukraine have started."
    assert [(e.text, e.name) for e in find_entities(text, "en")] == [
        ("Russia", "Russia"), ("Ukraine", "Ukraine"), ("Russia", "Russia"), ("Ukraine", "Ukraine")]
