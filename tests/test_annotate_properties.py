"""Properties of the annotators on arbitrary text: no crash, offsets that index the text, sorted output."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from build_dataset.annotate import annotate_article
from build_dataset.schema import Article

WORDS = ["Putin", "путіним", "Лукашэнка", "Kiev’s", "Minsk", "agreements", "said", "“", "”", "\"", "«", "»",
         "заявив", "U.N.", "Dec.", "26", "лютого", "2022", "Wagner", "he", ",", ".", "\n\n", "—", "-", "X",
         "the", "of", "Servant", "People", "…", "'s", "Мінську", "москвою", "ЧВК", "S-400", "May",
         "\u2009", "\u3000", "\u00a0"]


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=60),
       language=st.sampled_from(["en", "uk", "ru", "be", None]),
       published=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_annotations_index_the_text(words: list[str], language: str | None, published: dt.date | None) -> None:
    text = " ".join(words)
    article = Article(id="x", source_file="x", source_sha256="", url=None, outlet=None, outlet_info=None,
                      retrieved=None, license_note=None, title=None, description=None, section=None,
                      language=language, published=published, text=text)
    result = annotate_article(article)
    for items in (result.entities, result.quotes, result.dates):
        assert [(i.start, i.end) for i in items] == sorted((i.start, i.end) for i in items)
        for item in items:
            assert 0 <= item.start < item.end <= len(text)
            assert text[item.start:item.end] == item.text
    for entity in result.entities:
        assert entity.type in ("PERSON", "ORG", "LOC", "EVENT", "MISC")
        assert entity.wikidata is None or entity.name is not None
    assert result.quality_flags == sorted(set(result.quality_flags))
    assert annotate_article(article) == result


def test_a_verb_followed_only_by_an_odd_space_names_no_speaker() -> None:
    """A thin, em or ideographic space is all that sits between the verb and the clause's end: the
    phrase there holds no word (it once raised IndexError and failed the build)."""
    for space in ("\u2009", "\u2003", "\u3000", "\u200a"):
        text = f"“We are ready” said {space}. Talks follow."
        article = Article(id="x", source_file="x", source_sha256="", url=None, outlet=None, outlet_info=None,
                          retrieved=None, license_note=None, title=None, description=None, section=None,
                          language="en", published=None, text=text)
        quotes = annotate_article(article).quotes
        assert [q.text for q in quotes] == ["We are ready"] and quotes[0].speaker is None
