"""Lines nobody can read as article text: rules of symbols, w3m's image and button tokens, program code,
figures outside the article, a bullet left of a headline."""

from __future__ import annotations

import numpy as np
import pytest

from build_dataset.clean import clean_page
from build_dataset.clean.lines import split_lines, text_field, tokens_only
from build_dataset.clean.page import analyse, letterless, model_keeps, program_code, symbols_only
from build_dataset.clean.spans import line_pieces, partition

PARAGRAPH = ("The council met on Tuesday to discuss the budget, and the mayor said that the plan would be "
             "published next week after a public consultation with the residents of every district. ")
ARTICLE = [PARAGRAPH * 2, "The opposition said the consultation came too late and asked for a vote. " * 3,
           PARAGRAPH.replace("Tuesday", "Friday") * 2]

RULES = ["━" * 1023, "* * *", "-----", "═" * 40, "|", "[ ]", "─────┼─────"]
"""w3m prints <hr> as a line of `━` as wide as the page; the rest are section breaks, table borders
and empty form fields that dumps hold."""

MINIFIED_JS = (  # from the dev page 40f4743c7e899828.txt, where 130 KB of it were kept as the body
    'function(e){if(4===this.readyState){_=n(e)-d;var r=0===this.status&&!1!==f.onLine,o="2"===this.status.'
    'toString()[0],u=void 0;return u=o?a:!1===f.onLine?l:i,void t(r,o,this.status+"::"+_,u,h)}};try{h.send()}'
    'catch(e){return void t(!0,!1,e.toString(),c,h)}}n.d(t,"c",function(){return i}),n.d(t,"b",function(){'
    'return a}),n.d(t,"f",function(){return u}),n.d(t,"g",function(){return c}),n.d(t,"e",function(){return s})'
)

NOT_CODE = [
    # lines of code in programming articles (dev pages a925134e3b95836a, c3646525652c2a1c, da496fac79d78f3c):
    # article text, whose snippets the dev gold keeps
    "http_response_len = len(http_response)",
    "cert = /etc/stunnel/langly_stunnel_cert.pem",
    "failed = int(results.find_element_by_class_name('failed').text)",
    # prose dense in parentheses (dev page 340a8dcba026425e)
    "Auf dem Podium diskutierten: Rebecca Bertram (Heinrich Böll Stiftung), Isabelle Buscke (Verband deutscher "
    "Verbraucherzentralen), Hans Joachim Schellnhuber (PIK), Patrizia Nanz (IASS) und Ottmar Edenhofer (MCC).",
    # a long URL: few spaces, a few "=", but not code punctuation enough
    "http://www.gerichtsentscheidungen.berlin-brandenburg.de/jportal/portal/t/279b/bs/10/page/sammlung.psml?"
    "pid=Dokumentanzeige&showdoccase=1&js_peid=Trefferliste&documentnumber=1&numberofresults=1&fromdoctodoc=yes",
]

CJK_AND_THAI = [
    # Chinese from the dev page 27f92a389534fbda.txt: no spaces, ASCII brackets and semicolons of its own
    "与Music & Movement结束合约后，与母亲合资成立了天一娱乐有限公司（Tangy Music Entertainment LP Singapore），开始独立"
    '制作阶段。2006年12月3日，参与台北简单生活节演出。2007年5月将国语唱片发行权签于亚神音乐旗下^ [26]  ；6月'
    '担任张震岳专辑《OK》'
    '主打歌《思念是一种病》的女合声^ [27]  ；7月6日及7月8日分别参与白色海洋音乐祭与贡老挝际海洋音乐祭演出；10'
    '月19日发行由她自己'
    "制作的专辑《Goodbye & Hello》^ [28]  ；12月与戴佩妮一起于台北新舞台举办共同售票演唱会^ [29]  。",
    '作为创作人，蔡健雅善于反省，善于学习，写歌很随性，生活中的点滴感触都会用歌的方式表现出来，对她来说，音乐'
    '就是生活，她在自己的'
    '生活中很自由，写出的歌曲明朗清新，又带着都市里“咖啡”般熨贴人心的精巧（金鹰网评）^ [13-14]  。作为歌手，'
    '蔡健雅充分展示了她'
    '的音乐才华，更让歌迷充分感受到她在歌唱技巧上的进步与诚意（新华网评）^ [63]  ，她的唱腔随意，歌声冷静内敛'
    '，音乐有一种感动人'
    "的温度，听她的歌，能感到一份独有的淡雅气场（新浪娱乐评）^ [28]  。",
    # Japanese from the dev page 9b16671a3eec5e1c.txt, its readings put in ASCII parentheses, as some sites
    # print them: a parenthesis every few characters and no space
    ("・会社（かいしゃ）や学校（がっこう）に遅（おく）れるなど、都合（つごう）もあるかも知（し）れないけど一旦（いったん）"
     "忘（わす）れましょう。" * 4).replace("（", "(").replace("）", ")"),
    # Thai (the dev pages hold only a menu item "• ไทย"): no spaces between words, numbers in parentheses
    "กรุงเทพมหานคร(กทม.)ประกาศมาตรการใหม่เพื่อลดฝุ่นละอองขนาดเล็ก(PM2.5)โดยให้หน่วยงานราชการทำงานที่บ้าน(WFH)"
    "ในวันที่ค่าฝุ่นสูงเกินมาตรฐาน(50ไมโครกรัม)และขอความร่วมมือจากภาคเอกชน(บริษัทขนาดใหญ่)ให้ลดการใช้รถยนต์ส่วนตัว"
    "ในช่วงเวลาเร่งด่วน(เช้า=7โมง;เย็น=5โมง)อย่างต่อเนื่อง",
]


A_LA_CARTE_HEAD = (  # the first 988 characters of the dev page ac3dd073c5ba9d75
    'Zum MenüZur SucheZum Inhalt\n'
    'A la Carte\n'
    'A la Carte Professional\n'
    '\n'
    '  • Essen\n'
    '  • Kochen\n'
    '  • Restaurants\n'
    '  • Reisen\n'
    '  • Portrait\n'
    '  • Trinken\n'
    '  • Service\n'
    '\n'
    '\n'
    '\n'
    '  • Suche\n'
    '  • Home\n'
    '\n'
    '  • A la Carte › News & Stories › Reisen › Der historische Purzelbaum (2021/5)\n'
    '  • ‹ Zurück\n'
    '\n'
    '[Seiler_Leipzig]\n'
    '\n'
    '  • 25. November 2021 16:11 Uhr\n'
    '  •\n'
    '  • Share\n'
    '  • › Versenden\n'
    '  • › Drucken\n'
    '\n'
    'Der historische Purzelbaum\n'
    '\n'
    'Auf dem Weg durch zwei bedeutende deutsche Städte mit einem Übergewicht an Vergangenheit und einer inter'
    'essanten kulinarischen Zukunft: Kunst & Essen in Leipzig und Dresden.\n'
    '\n'
    '\n'
    '\n'
    'Text von Christian Seiler     Illustration von Markus Roost\n'
    '\n'
    '\n'
    '\n'
    'Als ich das vorletzte Mal in Leipzig war, widerfuhr mir etwas Merkwürdiges. Es war während einer Buchmes'
    'se – und allein, dass ich erkläre, warum ich in Leipzig war, erzählt einiges über unser Verhältnis zu Le'
    'ipzig, weil sich kaum jemand vorstellen kann, man könne Leipzig besuchen, ohne einen plausiblen Grund da'
    'für zu haben.\n'
    '\n'
    'Die Leipziger Buchmesse ist bekan'
)
"""A page whose headline line "  • A la Carte › News & Stories › ..." is split into title and standfirst."""


def _page(*middle: str) -> str:
    return "\n\n".join(["Menu", "Home | World | Politics", middle[0], ARTICLE[0], *middle[1:], ARTICLE[1],
                        middle[0], ARTICLE[2], "© 2024 News"])


def _removed_as(raw: str, line: str) -> set[str]:
    """The reasons of the removed spans that hold `line` as a whole line."""
    page = clean_page(raw)
    return {s.reason for s in page.removed if line in (x.strip() for x in raw[s.start:s.end].split("\n"))}


@pytest.mark.parametrize("rule", RULES)
def test_a_line_of_symbols_is_markup_even_inside_the_article(rule: str) -> None:
    raw = _page(rule, rule)
    page = clean_page(raw)
    assert rule not in page.text
    assert all(any(c.isalnum() for c in line) for line in page.text.split("\n") if line.strip())
    assert _removed_as(raw, rule) == {"markup"}
    assert ARTICLE[1].strip() in page.text


@pytest.mark.parametrize("rule", RULES)
def test_symbols_only(rule: str) -> None:
    assert symbols_only(rule)
    assert not symbols_only(rule + " 1") and not symbols_only("• ไทย") and not symbols_only("━━ a ━━")


@pytest.mark.parametrize("smiley", ["=)", ":)", ";-)", ":(", "^^", "^_^"])
def test_a_smiley_is_no_line_of_symbols(smiley: str) -> None:
    # dev page 7705b4da25d54328: a post that ends with a line "=)", which the gold keeps
    assert not symbols_only(smiley)


def test_minified_script_is_markup() -> None:
    assert program_code(MINIFIED_JS)
    raw = _page("Share", MINIFIED_JS, MINIFIED_JS.replace("n.d(t,", "r.e(n,"))
    page = clean_page(raw)
    assert "function(" not in page.text and "readyState" not in page.text
    assert _removed_as(raw, MINIFIED_JS) == {"markup"}
    assert all(part.strip() in page.text for part in ARTICLE)


@pytest.mark.parametrize("line", NOT_CODE + CJK_AND_THAI)
def test_code_in_articles_prose_and_cjk_and_thai_are_not_code(line: str) -> None:
    assert not program_code(line)


def test_a_bullet_left_of_a_split_headline_is_markup_not_whitespace() -> None:
    # dev page ac3dd073c5ba9d75: "  • A la Carte › News & Stories › ..." read as a headline glued to a
    # breadcrumb; the bullet before the split parts was left in a "whitespace" span
    raw = "Menu\n\n  • A la Carte › News & Stories › Reisen\nBody text.\n"
    lines = split_lines(raw)
    head = lines[1]
    title_end = raw.index(" ›")
    splits = {1: [(raw.index("A la"), title_end, "title"), (title_end, head.end, "standfirst")]}
    kept, removed = partition(len(raw), line_pieces(lines, ["navigation", "title", None], splits))
    assert [raw[a:z] for a, z in kept] == ["Body text."]
    assert [(raw[s.start:s.end], s.reason) for s in removed] == [
        ("Menu\n", "navigation"), ("\n  ", "whitespace"), ("• ", "markup"), ("A la Carte", "title"),
        (" › News & Stories › Reisen", "standfirst"), ("\n", "whitespace"), ("\n", "whitespace"),
    ]


def test_no_whitespace_span_holds_text_on_a_page_with_a_split_headline() -> None:
    page = clean_page(A_LA_CARTE_HEAD)
    spans = [(A_LA_CARTE_HEAD[s.start:s.end], s.reason) for s in page.removed]
    assert [text for text, reason in spans if reason == "whitespace" and text.strip()] == []
    # the site's name ("A la Carte") is no longer trusted as the headline, so the breadcrumb is not split
    # here; the split itself is held by the test above
    assert page.text.startswith("Auf dem Weg")


TOKENS = ["[csm_200109-neujahrBP-0B3031]", "• [twitter_31]", "[logo] [Submit]",
          "[Abbildung 8: Vorgehen bei Ereignissen]"]
"""What w3m prints for images (their file names or alt texts), buttons and icons: found kept in dev pages'
bodies by the line model, which the dev snippets hardly ever taught about them."""
NOT_TOKENS = ["[1] Smith, J. (2020). The budget.", "Orthographe [ ]", "[ ]✓Przyprawa w Mini kostkach",
              "Die Stadt [Leipzig] ist schön"]


FIELDS = ["Passwort [                    ]", "[                    ]Ihr Benutzername", "[10.000              ]Euro",
          "Veuillez laisser ce champ vide : [          ]"]
"""Lines of login, newsletter and calculator forms that the line model kept in dev pages' bodies."""
CHECKLISTS = ["• [ ] 1/4 xícara (chá) de açúcar", "[ ]✓Przyprawa w Mini kostkach", "Der Preis [ca. 30 Euro] ist hoch"]
"""A checkbox is no text field: recipes print their ingredients as checklists, which the dev gold keeps."""


@pytest.mark.parametrize("line", TOKENS + FIELDS)
def test_a_line_of_tokens_or_with_a_text_field_is_markup_whatever_the_model_says(line: str) -> None:
    raw = _page("Share", line)
    a = analyse(raw)
    keeps = model_keeps(a.verdicts, np.ones(len(a.lines)))  # a model that keeps every line
    k = next(k for k, ln in enumerate(a.lines) if ln.text == line)
    assert not keeps[k] and a.verdicts[k].reason == "markup"
    assert sum(keeps) >= len(ARTICLE)  # the article's paragraphs are still the model's to keep
    page = clean_page(raw)
    assert line not in page.text and _removed_as(raw, line) == {"markup"}
    assert all(part.strip() in page.text for part in ARTICLE)


def test_an_editors_note_in_brackets_is_left_to_the_model() -> None:
    note = "[This story was updated on 3 May with the minister's comment.]"
    a = analyse(_page("Share", note))
    keeps = model_keeps(a.verdicts, np.ones(len(a.lines)))  # a model that keeps every line
    k = next(k for k, ln in enumerate(a.lines) if ln.text == note)
    assert tokens_only(a.lines[k].body) and keeps[k]


@pytest.mark.parametrize("line", TOKENS)
def test_tokens_only(line: str) -> None:
    assert tokens_only(split_lines(line)[0].body)


@pytest.mark.parametrize("line", NOT_TOKENS)
def test_text_beside_a_token_is_no_line_of_tokens(line: str) -> None:
    assert not tokens_only(split_lines(line)[0].body)


FIGURES = ["58", "17  18  19  20  21", "20.12.2022", "0800 433 88 77", "-0,4%", "•  1"]
"""Lines without a letter that dev pages printed around their articles: counters, calendar rows, a teaser's
stamp, a phone number, a share price, a pagination item."""


def test_a_line_without_a_letter_outside_the_article_is_furniture_whatever_the_model_says() -> None:
    table = ["2019  1,234  5.6%", "2020  1,456  6.1%"]  # figures inside the article: the model's call
    raw = "\n\n".join(["Menu", *FIGURES, "=)", ARTICLE[0], ARTICLE[1], *table, ARTICLE[2], *FIGURES, "=)"])
    a = analyse(raw)
    keeps = model_keeps(a.verdicts, np.ones(len(a.lines)))
    outside = [k for k in range(len(a.lines)) if not a.first <= k <= a.last]
    assert {a.lines[k].text for k in outside} >= set(FIGURES) | {"=)"}
    assert [a.lines[k].text for k in outside if keeps[k]] == ["=)", "=)"]  # a smiley is read
    assert all(keeps[k] for k, ln in enumerate(a.lines) if ln.text in table)


@pytest.mark.parametrize("line", FIGURES)
def test_letterless(line: str) -> None:
    assert letterless(line)


@pytest.mark.parametrize("line", ["=)", ":-)", "No. 5", "5 Fragen", "١٢ فبراير"])
def test_a_smiley_or_a_word_is_not_letterless(line: str) -> None:
    assert not letterless(line)


@pytest.mark.parametrize("line", FIELDS)
def test_text_field(line: str) -> None:
    assert text_field(line)


@pytest.mark.parametrize("line", CHECKLISTS + NOT_TOKENS[:1])
def test_a_checkbox_or_a_bracket_in_prose_is_no_text_field(line: str) -> None:
    assert not text_field(line)
