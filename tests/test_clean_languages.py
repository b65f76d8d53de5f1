"""News pages in the dataset's own languages (Belarusian, Russian, Ukrainian), made for these tests: the
dev pages hold one Russian page and no Belarusian or Ukrainian one, so these pin what the cleaner's
cues, byline and dateline reading must do in each. Every page has the same shape: a menu, headline,
byline, dateline, a share button, three paragraphs with a caption and a teaser between them, then an
error-report prompt, a follow prompt, related links, a view counter, comments and legal notices."""

from __future__ import annotations

import datetime as dt

import pytest

from build_dataset.clean import clean_page
from build_dataset.clean.bylines import dateline_names
from build_dataset.clean.cues import cue_reason
from build_dataset.clean.dates import parse_date

PAGES = {
    "be": {
        "body": [
            "Урад Беларусі ў аўторак абвясціў, што новы бюджэт на наступны год будзе прыняты да канца месяца, а "
            "большая частка сродкаў пойдзе на школы, дарогі і рамонт бальніц у рэгіёнах.",
            "Прадстаўнікі апазіцыі раскрытыкавалі план, бо ён павышае мясцовыя падаткі другі год запар, а ўлады "
            "дагэтуль не апублікавалі справаздачу пра выдаткі за мінулы год.",
            "Паводле слоў міністра фінансаў, бюджэт набудзе сілу ў студзені, а грамадскія слуханні наконт "
            "павышэння падаткаў адбудуцца ў канцы месяца ў гарадской ратушы.",
        ],
        "title": "Бюджэт на наступны год будзе прыняты да канца месяца",
        "byline": ("Аўтар: Ян Каваль", ["Ян Каваль"]),
        "dateline": ("24 лютага 2022, 10:15", dt.date(2022, 2, 24)),
        "menu": ["Галоўная", "Палітыка", "Эканоміка", "Грамадства", "Пошук", "Кантакты"],
        "furniture": {
            "social": ["Падзяліцца", "Падпісвайцеся на наш Telegram-канал"],
            "related": ["Чытайце таксама: Улады абяцаюць новыя дарогі ў рэгіёнах", "Па тэме", "Іншыя навіны"],
            "navigation": ["Паказаць яшчэ", "1 234 прагляды"],
            "footer": ["Заўважылі памылку? Вылучыце яе і націсніце Ctrl+Enter"],
            "caption": ["Фота: Рэйтэр"],
            "comments": ["Каментары (3)", "Дадаць каментар"],
            "legal": ["© 2024 Навіны. Усе правы абаронены.", "Пры выкарыстанні матэрыялаў спасылка абавязковая.",
                      "Палітыка прыватнасці"],
        },
    },
    "ru": {
        "body": [
            "Правительство в среду объявило, что новый бюджет на следующий год будет принят до конца месяца, а "
            "большая часть средств пойдёт на школы, дороги и ремонт больниц в регионах.",
            "Представители оппозиции раскритиковали план, потому что он повышает местные налоги второй год подряд, "
            "а власти до сих пор не опубликовали отчёт о расходах за прошлый год.",
            "По словам министра финансов, бюджет вступит в силу в январе, а общественные слушания о повышении "
            "налогов пройдут в конце месяца в городской ратуше.",
        ],
        "title": "Бюджет на следующий год примут до конца месяца",
        "byline": ("Текст: Иван Ковалев и Анна Петрова", ["Иван Ковалев", "Анна Петрова"]),
        "dateline": ("24 февраля 2022, 10:15", dt.date(2022, 2, 24)),
        "menu": ["Главная", "Политика", "Экономика", "Общество", "Поиск", "Контакты"],
        "furniture": {
            "social": ["Поделиться", "Подписывайтесь на наш Telegram-канал"],
            "related": ["Читайте также: Власти обещают новые дороги в регионах", "Новости по теме",
                        "Другие новости"],
            "navigation": ["Показать ещё", "1 234 просмотра"],
            "footer": ["Заметили ошибку? Выделите её и нажмите Ctrl+Enter"],
            "caption": ["Фото: Рейтер"],
            "comments": ["Комментарии (3)", "Добавить комментарий"],
            "legal": ["© 2024 Новости. Все права защищены.", "При использовании материалов ссылка обязательна.",
                      "Политика конфиденциальности"],
        },
    },
    "uk": {
        "body": [
            "Уряд у середу оголосив, що новий бюджет на наступний рік буде ухвалено до кінця місяця, а більша "
            "частина коштів піде на школи, дороги та ремонт лікарень у регіонах.",
            "Представники опозиції розкритикували план, бо він підвищує місцеві податки другий рік поспіль, а "
            "влада досі не оприлюднила звіт про видатки за минулий рік.",
            "За словами міністра фінансів, бюджет набуде чинності в січні, а громадські слухання щодо "
            "підвищення податків відбудуться наприкінці місяця в міській ратуші.",
        ],
        "title": "Бюджет на наступний рік ухвалять до кінця місяця",
        "byline": ("Авторка: Олена Коваль", ["Олена Коваль"]),
        "dateline": ("24 лютого 2022, 10:15", dt.date(2022, 2, 24)),
        "menu": ["Головна", "Політика", "Економіка", "Суспільство", "Пошук", "Контакти"],
        "furniture": {
            "social": ["Поділитися", "Підписуйтесь на наш Telegram-канал"],
            "related": ["Читайте також: Влада обіцяє нові дороги в регіонах", "Новини за темою", "Інші новини"],
            "navigation": ["Показати ще", "1 234 перегляди"],
            "footer": ["Помітили помилку? Виділіть її та натисніть Ctrl+Enter"],
            "caption": ["Фото: Рейтер"],
            "comments": ["Коментарі (3)", "Додати коментар"],
            "legal": ["© 2024 Новини. Усі права захищені.", "При використанні матеріалів посилання обов'язкове.",
                      "Політика конфіденційності"],
        },
    },
}


def _raw(page: dict) -> str:
    f, body = page["furniture"], page["body"]
    blocks = ["\n".join(f"• {item}" for item in page["menu"]), page["title"], page["byline"][0],
              page["dateline"][0], f["social"][0], body[0], f["caption"][0], body[1], f["related"][0], body[2],
              f["footer"][0], f["social"][1], "\n".join(f["related"][1:] + f["navigation"]),
              "\n".join(f["comments"]), "\n".join(f["legal"])]
    return "\n\n".join(blocks) + "\n"


def _reason_at(raw: str, removed, needle: str) -> str | None:
    at = raw.index(needle)
    return next((s.reason for s in removed if s.start <= at < s.end), None)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_body_is_kept_whole_and_alone(language: str) -> None:
    page = PAGES[language]
    cleaned = clean_page(_raw(page))
    assert cleaned.text.split("\n\n") == page["body"]


@pytest.mark.parametrize("language", sorted(PAGES))
def test_each_piece_of_furniture_is_removed_for_its_own_reason(language: str) -> None:
    page = PAGES[language]
    raw = _raw(page)
    cleaned = clean_page(raw)
    for reason, lines in page["furniture"].items():
        for line in lines:
            assert _reason_at(raw, cleaned.removed, line) == reason, line
    for item in page["menu"]:
        assert _reason_at(raw, cleaned.removed, f"• {item}") == "navigation", item


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_header_is_read(language: str) -> None:
    page = PAGES[language]
    cleaned = clean_page(_raw(page))
    assert cleaned.title == page["title"]
    assert cleaned.authors == page["byline"][1]
    assert cleaned.published == page["dateline"][1]


@pytest.mark.parametrize(("line", "reason"), [
    ("Заметили ошибку? Выделите её и нажмите Ctrl+Enter", "footer"),
    ("Помітили помилку? Виділіть її та натисніть Ctrl+Enter", "footer"),
    ("Заўважылі памылку? Вылучыце яе і націсніце Ctrl+Enter", "footer"),
    ("1 234 просмотра", "navigation"),
    ("Переглядів: 1234", "navigation"),
    ("Новини партнерів", "advertising"),
    ("Навіны партнёраў", "advertising"),
    ("Оставьте комментарий", "comments"),
    ("Пакіньце каментар", "comments"),
    ("Присоединяйтесь к нам в Telegram", "social"),
    ("Чытайце нас у Telegram", "social"),
    ("Подписывайтесь на нас в Telegram", "social"),
    ("Підпишіться на наш Telegram", "social"),
    ("Падпішыцеся на нас у Viber", "social"),
    ("Стужка навін", "related"),
    ("Самое читаемое", "related"),
    ("Угода користувача", "legal"),
    ("Падпісацца на рассылку", "subscribe"),
])
def test_cues_of_cyrillic_news_sites(line: str, reason: str) -> None:
    assert cue_reason(line) == reason


@pytest.mark.parametrize("line", ["Урад абвясціў пра новы бюджэт.", "Читайте внимательно условия договора.",
                                  "Комментарий эксперта оказался неожиданным для всех участников рынка."])
def test_prose_that_starts_like_a_cue_is_no_cue(line: str) -> None:
    assert cue_reason(line) is None


@pytest.mark.parametrize("dateline", [
    "24.02.2022, 10:15", "10:15, 24 лютого 2022", "24 февраля 2022 г.", "24 лютага 2022 г.",
    "Опубліковано 24.02.2022 о 10:15", "Апублікавана: 24 лютага 2022", "2022-02-24T10:15:00+02:00",
])
def test_datelines_of_cyrillic_news_sites(dateline: str) -> None:
    assert parse_date(dateline, day_first=None) == dt.date(2022, 2, 24)


@pytest.mark.parametrize(("fields", "authors"), [
    ("24.02.2022 | Автор: Іван Петренко | Політика", ["Іван Петренко"]),
    ("24 февраля 2022 г. Автор: Иван Ковалев", ["Иван Ковалев"]),
    ("24 лютага 2022, аўтар: Ян Каваль", ["Ян Каваль"]),
])
def test_a_byline_inside_a_cyrillic_dateline_is_read(fields: str, authors: list[str]) -> None:
    assert dateline_names(fields) == authors


STANDFIRSTS = {
    "be": "Урад паабяцаў, што большая частка сродкаў пойдзе на школы і бальніцы ў рэгіёнах краіны.",
    "ru": "Правительство пообещало, что большая часть средств пойдёт на школы и больницы в регионах.",
    "uk": "Уряд пообіцяв, що більша частина коштів піде на школи та лікарні в регіонах країни.",
}


@pytest.mark.parametrize("order", ["headline first", "standfirst first"])
@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_headline_glued_to_the_standfirst_is_split_either_way(language: str, order: str) -> None:
    """The headline printed alone, then again with the standfirst glued on with no separator: both are
    header, the first paragraph is the body's first, and the byline and dateline below still count."""
    page, standfirst = PAGES[language], STANDFIRSTS[language]
    glued = page["title"] + standfirst if order == "headline first" else standfirst + page["title"]
    raw = "\n\n".join(["\n".join(f"• {item}" for item in page["menu"]), page["title"], glued, page["byline"][0],
                       page["dateline"][0], *page["body"]]) + "\n"
    cleaned = clean_page(raw)
    assert cleaned.text.split("\n\n") == page["body"]
    assert (cleaned.title, cleaned.description) == (page["title"], standfirst)
    assert cleaned.authors == page["byline"][1] and cleaned.published == page["dateline"][1]


def test_a_headline_printed_twice_and_glued_is_the_headline_once() -> None:
    title = "El Nacional recibirá cartas abiertas con las denuncias de los venezolanos"
    body = PAGES["ru"]["body"]
    cleaned = clean_page("\n\n".join(["• Inicio", title + title, title, *body]) + "\n")
    assert cleaned.title == title and cleaned.description is None
    assert cleaned.text.split("\n\n") == body


BARE_BYLINES = {"be": "Алена Каваль", "ru": "Иван Ковалев", "uk": "Олена Коваль"}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_bare_byline_below_the_dateline_is_read_though_the_stoplist_holds_its_first_name(language: str) -> None:
    """These sites print the writer's name alone right below the date; the stoplists of the three languages
    hold the common first names ("олена", "иван"), which kept the name from reading as a byline, and it was
    the body's first line."""
    page = PAGES[language]
    name = BARE_BYLINES[language]
    raw = "\n\n".join([page["title"], page["dateline"][0], name, *page["body"], *page["furniture"]["legal"]]) + "\n"
    cleaned = clean_page(raw)
    assert cleaned.authors == [name]
    assert name not in cleaned.text


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_error_prompt_ending_a_page_cut_after_it_is_removed(language: str) -> None:
    """A scraper that drops the footer may cut a page right after the error-report prompt; the line model,
    fitted on pages cut after their article too, kept it there as the last paragraph."""
    page = PAGES[language]
    prompt = page["furniture"]["footer"][0]
    cleaned = clean_page("\n\n".join([page["title"], page["dateline"][0], *page["body"], prompt]) + "\n")
    assert prompt not in cleaned.text
    assert all(p in cleaned.text for p in page["body"])


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_bare_name_beside_the_date_is_read_though_the_stoplist_holds_its_first_name(language: str) -> None:
    """A dateline printing the writer's name beside the date ("Олена Коваль — 24 лютого 2022, 10:15") names the
    author; a first name the stoplist holds used to refuse the field. A capitalised stopword the page prints in
    lower case elsewhere is a function word, and no name's ("За Україну" is no writer)."""
    page = PAGES[language]
    name = BARE_BYLINES[language]
    dateline = f"{name} — {page['dateline'][0]}"
    raw = "\n\n".join([page["title"], dateline, *page["body"], *page["furniture"]["legal"]]) + "\n"
    assert clean_page(raw).authors == [name]
    assert " на " in page["body"][0]  # a stopword the body prints in lower case
    raw = "\n\n".join([page["title"], page["dateline"][0], "На Коваль", *page["body"]]) + "\n"
    assert clean_page(raw).authors == []


ROLES = {"be": "спецыяльны карэспандэнт", "ru": "специальный корреспондент", "uk": "власна кореспондентка"}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_bare_byline_with_the_writer_s_role_below_the_dateline_is_read(language: str) -> None:
    """"Иван Ковалев, специальный корреспондент" right below the date: the names before the comma are the
    author, the role after it no name (it used to refuse the line, which stayed in the body)."""
    page = PAGES[language]
    byline = f"{BARE_BYLINES[language]}, {ROLES[language]}"
    raw = "\n\n".join([page["title"], page["dateline"][0], byline, *page["body"]]) + "\n"
    cleaned = clean_page(raw)
    assert cleaned.authors == [BARE_BYLINES[language]]
    assert byline not in cleaned.text
