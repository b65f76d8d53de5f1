"""Multilingual keyword cues that mark a short line as page furniture, grouped by removal reason.

The phrases are the words sites use for their own furniture ("share", "read more", "comments",
"cookies", "all rights reserved", ...) in many languages; they name no site. A cue only counts on a
short line (see `cue_reason`): the same words inside an article paragraph are prose, not furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial

from build_dataset.clean.native import speedups, use_speedups
from build_dataset.clean.phrases import phrase_test

# Reason -> phrases. A phrase matches at the start of the lowercased line (after bullets and
# punctuation), so "share this:" and "teilen" match but "we share concerns" does not.
_LEADING: dict[str, tuple[str, ...]] = {
    "social": (
        "share", "share this", "share on", "tweet", "twittern", "pin it", "whatsapp", "telegram",
        "facebook", "twitter", "linkedin", "pinterest", "instagram", "youtube", "xing", "reddit",
        "email this", "e-mail", "email", "print", "drucken", "imprimer", "stampa", "imprimir",
        "teilen", "beitrag teilen", "artikel teilen", "diesen artikel teilen", "teile", "teilen mit",
        "teilen sie dies mit", "partager", "partagez", "compartir", "compartilhar", "condividi",
        "delen", "dela", "del", "udostępnij", "podziel się", "sdílet", "paylaş", "поделиться",
        "поділитися", "поширити", "follow us", "folgen sie uns", "folge uns", "suivez-nous",
        "síguenos", "seguici", "obserwuj nas", "подписывайтесь", "стежте за нами", "like this",
        "gefällt mir", "j'aime", "me gusta", "mi piace", "sei der erste", "be the first to like",
        "url zum kopieren", "copy link", "link kopieren", "copier le lien", "whatsapp teilen",
        "auf facebook teilen", "auf twitter teilen", "per e-mail", "per mail", "envoyer par e-mail",
        "flipboard", "google plus", "google+", "vk", "вконтакте", "однокласники", "одноклассники",
        "mit freunden teilen", "teile diesen beitrag", "teilen sie diesen", "diesen beitrag teilen",
        "jetzt teilen", "seite drucken", "drucken etc", "pinnen", "merken", "udostępnij na",
        "podziel się", "compartir en", "partager sur", "share on facebook", "share via", "useful",
        "empfehlen", "artikel empfehlen", "recommend", "send to a friend", "an freunde senden",
        "sharen mit", "teile diesen beitrag auf", "artikel gefallen", "dir hat der artikel gefallen",
        "nos siga", "siga-nos", "rezept drucken", "pdf version", "als pdf herunterladen",
        # the dataset's own languages: Russian, Ukrainian, Belarusian
        "поделитесь", "распечатать", "версия для печати", "читайте нас в", "мы в соцсетях",
        "поділіться", "надрукувати", "друкувати", "версія для друку", "читайте нас у", "ми в соцмережах",
        "підписуйтесь на нас", "підписуйтеся на нас", "падзяліцца", "падзяліцеся", "надрукаваць",
        "друкаваць", "чытайце нас у", "мы ў сацсетках", "падпісвайцеся на нас", "сачыце за намі",
        "присоединяйтесь к нам", "приєднуйтесь до нас", "далучайцеся да нас",
        "подписывайтесь на нас", "подпишитесь на нас", "подписывайтесь на наш", "подпишитесь на наш",
        "підпишіться на нас", "підпишіться на наш", "падпішыцеся на нас", "падпішыцеся на наш",
    ),
    "related": (
        "read more", "read also", "see also", "related", "related articles", "related posts",
        "related stories", "more stories", "more from", "more on this", "you may also like",
        "you might also like", "recommended", "most popular", "most read", "top stories",
        "trending", "latest articles", "latest news", "latest posts", "recent posts",
        "next post", "previous post", "next article", "previous article", "older post",
        "newer post", "lesen sie auch", "lies auch", "auch interessant", "mehr zum thema",
        "mehr zu", "weitere artikel", "weitere themen", "weiterlesen", "weiter lesen",
        "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "das könnte sie auch", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel",
        "verwandte themen", "neueste beiträge", "neueste artikel", "meistgelesen", "meist gelesen",
        "am meisten gelesen", "schon gelesen", "top-themen", "aktuelle news", "zum thema",
        "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag",
        "zurück zur übersicht", "lire aussi", "lire la suite", "à lire aussi", "à découvrir",
        "voir aussi", "sur le même sujet", "plus de sujets", "articles similaires",
        "leer más", "lee también", "te puede interesar", "temas relacionados", "noticias relacionadas",
        "leggi anche", "potrebbe interessarti", "articoli correlati", "leia também", "leia mais",
        "lees ook", "lees meer", "gerelateerde artikelen", "zobacz także", "zobacz też",
        "czytaj także", "czytaj też", "czytaj więcej", "przeczytaj także", "читайте также",
        "читайте також", "читати також", "читать далее", "читати далі", "по теме", "по темі",
        "похожие статьи", "схожі статті", "популярное", "популярне", "последние новости",
        "останні новини", "přečtěte si také", "související články", "läs också", "läs mer",
        "ilginizi çekebilir", "devamını oku", "ayrıca bakınız", "filed under", "tags", "tagged",
        "schlagworte", "schlagwörter", "themen", "kategorien", "categories", "category",
        "stichwörter", "mots-clés", "etiquetas", "tagi", "теги", "мітки",
        "weiterführende informationen", "weiterführende links", "weiterführende artikel",
        "weitere informationen", "weitere beiträge", "weitere nachrichten", "mehr aus",
        "mehr lesen", "auch lesen", "artikel zum thema", "beiträge zum thema", "mehr zum thema",
        "das könnte dich auch", "dir könnte auch gefallen", "ihnen könnte auch gefallen",
        "empfohlene artikel", "empfohlener redaktioneller inhalt", "vorschau auf den nächsten artikel",
        "relevantes aus", "zurück zur vorherigen seite", "zurück zur listenansicht", "zur übersicht",
        "articles en relation", "à écouter aussi", "à lire", "dans la même rubrique", "inne artykuły",
        "powiązane artykuły", "najnowsze", "más noticias", "otras noticias", "altre notizie",
        "more in", "more news", "more articles", "read next", "up next", "also read", "editor's picks",
        "popular posts", "popular articles", "you may have missed", "don't miss", "recommended for you",
        "jump to recipe", "print recipe", "zum rezept", "meist gesucht", "markiert mit", "serviceangebote",
        "weitere artikel werden geladen", "aktuelle beiträge", "letzte beiträge", "beliebteste beiträge",
        "neueste nachrichten", "top-artikel", "im überblick", "ähnliche themen", "passend dazu",
        "lesen sie hier", "lee también", "weitere inhalte", "themen in diesem artikel", "top themen",
        "top themen der redaktion", "informate más", "las más vistas", "visto ahora", "empfehlung",
        "weitere beiträge zu diesem artikel", "more on this story", "related content", "related links",
        "related topics", "read this next", "recommended reading", "related reading",
        "meistgelesene artikel", "meistgelesene", "meistdiskutierte artikel", "meistdiskutiert",
        "meistkommentiert", "viel gelesen", "beliebte beiträge", "beliebte artikel",
        "empfohlen für dich", "das thema könnte dich auch interessieren",
        "das könnte dir auch gefallen", "lesen sie auch die folgenden", "mehr kolumnen",
        "themen im artikel", "verwandte themenbereiche", "aktuelle dossiers", "explore further",
        "related coverage", "read the latest from", "keep reading", "continue reading",
        "latest stories", "popular now", "trending now", "vous aimerez aussi",
        "vous aimerez peut-être aussi", "en savoir plus", "veja também", "mirá también",
        "notas relacionadas", "artículos relacionados", "lo más leído", "las más leídas", "puedes ver",
        "ezek is érdekelhetnek",
        # labels of a teaser inside an article in Spanish, Portuguese, French, Italian and Polish ("Lea también: X")
        "lea también", "lea además", "lea más", "lee más", "lee además", "le puede interesar",
        "le podría interesar", "te podría interesar", "también te puede interesar", "también le puede interesar",
        "ver también", "relacionado", "relacionados", "relacionadas", "noticia relacionada", "leia mais",
        "saiba mais", "lire également", "à lire également", "à voir aussi", "voir également", "lisez aussi",
        "leggi pure", "vedi anche", "dowiedz się więcej", "czytaj również", "zobacz również", "przeczytaj też",
        "przeczytaj również", "polecamy", "sprawdź też", "sprawdź także", "więcej na ten temat", "czytaj dalej",
        "читать также", "смотрите также", "новости по теме", "материалы по теме", "другие новости",
        "похожие новости", "ещё по теме", "еще по теме", "самое читаемое", "самое популярное", "все новости",
        "лента новостей", "главное за день", "выбор редакции", "вам может быть интересно", "больше новостей",
        "дивіться також", "новини за темою", "матеріали за темою", "інші новини", "схожі новини",
        "ще за темою", "найпопулярніше", "найчитаніше", "всі новини", "усі новини", "стрічка новин",
        "головне за день", "вибір редакції", "вам може бути цікаво", "більше новин", "чытайце таксама",
        "чытаць таксама", "глядзіце таксама", "па тэме", "навіны па тэме", "матэрыялы па тэме",
        "іншыя навіны", "падобныя навіны", "самае папулярнае", "самае чытанае", "папулярнае", "усе навіны",
        "стужка навін", "галоўнае за дзень", "выбар рэдакцыі", "больш навін", "чытаць далей", "тэгі",
        "метки",
    ),
    "comments": (
        "leave a reply", "leave a comment", "post a comment", "add a comment", "comments",
        "comment", "no comments", "post with no comments", "reply", "cancel reply",
        "view the discussion thread", "join the discussion", "your email address will not",
        "required fields are marked", "notify me", "kommentare", "kommentar", "kommentieren",
        "kommentar schreiben", "kommentar verfassen", "kommentar hinzufügen", "schreibe einen kommentar",
        "hinterlasse eine antwort", "hinterlassen sie eine antwort", "hinterlasse einen kommentar",
        "antworten", "antwort abbrechen", "deine e-mail-adresse wird nicht", "ihre e-mail-adresse wird nicht",
        "erforderliche felder", "benachrichtige mich", "bitte loggen sie sich", "neueste kommentare",
        "commentaires", "laisser un commentaire", "répondre", "comentarios", "deja un comentario",
        "responder", "commenti", "lascia un commento", "rispondi", "komentarze", "dodaj komentarz",
        "odpowiedz", "комментарии", "оставить комментарий", "коментарі", "коментарів",
        "залишити коментар", "komentáře", "yorumlar", "yorum yap", "reacties", "reageer",
        "kommentarer", "vielen dank! ihr kommentar", "schreib einen kommentar", "kommentieren sie",
        "dejá tu comentario", "deja tu comentario", "dołącz do dyskusji", "skomentuj",
        "diskutieren sie mit", "diskussion", "leserkommentare", "zu den kommentaren", "comments are closed",
        "kommentare sind geschlossen", "be the first to comment", "sei der erste",
        "vos réactions", "bisher keine kommentare", "keine kommentare", "noch keine kommentare",
        "commentaires", "comentarios", "commenti", "komentarze",
        "комментировать", "добавить комментарий", "написать комментарий", "оставьте комментарий",
        "ответить", "обсуждение", "залиште коментар", "пакіньце каментар",
        "коментувати", "додати коментар", "написати коментар", "відповісти", "обговорення", "каментары",
        "каментарыі", "каментаваць", "дадаць каментар", "напісаць каментар", "адказаць", "абмеркаванне",
    ),
    "navigation": (
        "home", "startseite", "accueil", "inicio", "menu", "menü", "search", "suche", "suchen",
        "recherche", "buscar", "cerca", "szukaj", "поиск", "пошук", "login", "log in", "sign in",
        "anmelden", "einloggen", "registrieren", "sign up", "register", "logout", "abmelden",
        "zurück", "back", "zurück zur startseite", "skip to",
        "zum inhalt", "springe zum inhalt", "direkt zum inhalt", "aller au contenu", "toggle navigation",
        "navigation", "hauptmenü", "main menu", "close", "schließen", "fermer", "cerrar", "chiudi",
        "zamknij", "закрыть", "закрити", "mehr", "more", "plus", "más", "altro", "więcej", "ещё",
        "ще", "previous", "next", "vorherige", "nächste", "weiter", "page", "seite",
        "anterior", "siguiente", "précédent", "suivant", "precedente", "successivo", "poprzedni", "następny",
        "предыдущая", "следующая", "попередня", "наступна", "папярэдняя", "наступная",
        "bild anzeigen", "bild schließen", "jump to", "inhaltsverzeichnis", "table of contents",
        "listenansicht", "alle anzeigen",
        "view all", "show more", "load more", "mehr anzeigen", "mehr laden",
        "главная", "на главную", "меню", "войти", "регистрация", "выйти", "показать ещё", "показать еще",
        "загрузить ещё", "загрузить еще", "рубрики", "головна", "на головну", "увійти", "реєстрація",
        "вийти", "показати ще", "завантажити ще", "галоўная", "на галоўную", "мэню", "увайсці",
        "рэгістрацыя", "выйсці", "паказаць яшчэ", "загрузіць яшчэ", "рубрыкі", "закрыць", "яшчэ",
        "просмотров", "просмотра", "просмотры", "переглядів", "перегляди", "праглядаў", "прагляды",
    ),
    "advertising": (
        "anzeige", "advertisement", "advertising", "sponsored", "gesponsert", "werbung",
        "publicité", "publicidad", "pubblicità", "reklama", "реклама", "partner content",
        "promoted", "ad", "ads", "affiliate", "shop now", "jetzt kaufen", "jetzt bestellen",
        "affiliatelink", "affiliate-link", "affiliate link", "externer inhalt",
        "на правах рекламы", "партнерский материал", "партнёрский материал", "спецпроект",
        "на правах реклами", "партнерський матеріал", "спецпроєкт", "рэклама", "на правах рэкламы",
        "партнёрскі матэрыял", "спецпраект", "новости партнеров", "новини партнерів", "навіны партнёраў",
    ),
    "footer": (
        "back to top", "nach oben", "zurück nach oben", "nach oben scrollen", "scroll to top", "powered by",
        "source", "quelle", "quellen", "źródło", "источник", "джерело",
        "about the author", "about the authors", "the author", "author", "authors", "über den autor",
        "über die autorin", "über die autoren", "zum autor", "zur autorin", "der autor", "die autorin",
        "autor", "autorin", "autoren", "à propos de l'auteur", "l'auteur", "sobre el autor",
        "sobre la autora", "sull'autore", "o autorze", "об авторе", "про автора", "about us",
        "über uns", "wer wir sind", "qui sommes-nous", "quiénes somos", "chi siamo", "o nas", "о нас",
        "про нас", "author archives", "more by this author", "alle beiträge von", "mehr von",
        "weitere beiträge von", "all posts by", "view all posts by", "posts by",
        "редакция", "контакты", "о проекте", "об издании", "редакція", "контакти",
        "про проєкт", "про видання", "рэдакцыя", "кантакты", "пра нас", "пра праект", "крыніца",
    ),
    "legal": (
        "impressum", "datenschutz", "datenschutzerklärung", "privacy", "privacy policy",
        "terms of service", "terms of use", "terms and conditions", "nutzungsbedingungen", "agb",
        "mentions légales", "politique de confidentialité", "aviso legal", "política de privacidad",
        "note legali", "polityka prywatności", "политика конфиденциальности",
        "політика конфіденційності", "cookie", "cookies", "dmca", "disclaimer", "haftungsausschluss",
        "rechtliches", "kontakt", "contact", "contact us", "about",
        "mediadaten", "jobs", "karriere", "careers", "sitemap", "barrierefreiheit", "accessibility",
        "пользовательское соглашение", "правила использования", "условия использования",
        "угода користувача", "правила користування", "умови використання", "палітыка прыватнасці",
        "палітыка канфідэнцыяльнасці", "умовы выкарыстання", "пагадненне карыстальніка",
    ),
    "subscribe": (
        "subscribe", "newsletter", "abonnieren", "abonniere", "jetzt abonnieren", "abo",
        "s'abonner", "abonnez-vous", "suscríbete", "suscribirse", "iscriviti", "abbonati",
        "subskrybuj", "zapisz się", "подписаться", "підписатися", "sign up for", "get our",
        "gib deine e-mail-adresse ein", "enter your email", "bleiben sie auf dem laufenden",
        "mit unserem newsletter", "aktuelle ausgabe", "jetzt testen", "e-paper", "epaper",
        "subscribe now", "jetzt registrieren", "werden sie mitglied", "jetzt anmelden", "zum newsletter",
        "newsletter abonnieren", "sie wollen mehr", "jetzt unterstützen", "unterstützen sie",
        "support us", "donate", "spenden", "make your contribution", "become a member", "s'inscrire",
        "kostenlos registrieren", "schon registriert", "bereits registriert", "ingresar",
        "iniciar sesión", "inicia sesión",
        "подпишитесь", "подписка", "рассылка", "подписаться на рассылку", "поддержать", "поддержите",
        "підпишіться", "підписка", "розсилка", "підтримати", "підтримайте", "падпісацца", "падпішыцеся",
        "падпіска", "падтрымаць", "падтрымайце", "подписаться на новости", "підписатися на розсилку",
        "підписатися на новини", "падпісацца на рассылку", "падпісацца на навіны",
    ),
}

# Phrases that mark a line as furniture wherever they occur in it (still only on short lines).
_ANYWHERE: dict[str, tuple[str, ...]] = {
    "legal": (
        "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados",
        "alle rechten voorbehouden", "wszelkie prawa zastrzeżone", "все права защищены",
        "усі права захищені", "всі права захищені", "všechna práva vyhrazena", "tüm hakları saklıdır",
        "copyright", "©", "(c) 20", "uses cookies", "use cookies", "verwendet cookies",
        "nutzt cookies", "utilise des cookies", "utiliza cookies", "utilizza cookie",
        "używa plików cookie", "использует cookie", "використовує cookie", "materiał chroniony prawem",
        "diese website verwendet akismet", "this site uses akismet", "erstelle eine kostenlose website",
        "bloggen auf wordpress.com", "blog at wordpress.com", "create a free website",
        "усе правы абаронены", "ўсе правы абаронены", "при использовании материалов", "при цитировании",
        "при використанні матеріалів", "при цитуванні", "пры выкарыстанні матэрыялаў", "пры цытаванні",
        "использует файлы cookie", "используем файлы cookie", "використовує файли cookie",
        "використовуємо файли cookie", "выкарыстоўвае cookie", "выкарыстоўвае файлы cookie",
        "выкарыстоўваем файлы cookie",
    ),
    "caption": (
        "photo:", "photos:", "foto:", "fotos:", "bild:", "bilder:", "image:", "images:",
        "picture:", "credit:", "credits:", "crédit", "crédito", "фото:", "fot.", "zdjęcie:",
        "getty images", "/ getty", "via getty", "imago images", "/ imago", "shutterstock",
        "istockphoto", "/ reuters", "reuters/", "/ afp", "afp/", "/ ap", "ap photo", "dpa/",
        "/ dpa", "picture alliance", "picture-alliance", "keystone", "/ sputnik", "file photo",
        "symbolbild", "symbolfoto", "archivbild", "archivfoto", "quelle: pixabay", "pixabay",
        "unsplash", "imagen:", "imágenes:", "fotografía:", "/ efe", "efe/", "/ europa press", "fot:",
        "domena publiczna", "photo :",
        "фота:",
    ),
    "comments": (" says:", " sagt:", " dit :", " dice:", " пише:", " пишет:", " schreibt:"),
    # "Found a mistake? Select it and press Ctrl+Enter": the error-report prompt of Cyrillic news sites
    "footer": ("ctrl+enter", "ctrl + enter"),
    "social": ("teilen sie dies", "share this", "auf facebook", "on facebook", "auf twitter",
               "on twitter", "síguenos en", "folgen sie uns", "folge uns auf", "follow us on", "join us on",
               "suivez-nous sur", "seguici su", "a post shared by", "ein beitrag geteilt von",
               "подписывайтесь на наш", "підписуйтесь на наш", "підписуйтеся на наш", "падпісвайцеся на наш",
               "читайте нас в telegram", "читайте нас у telegram", "чытайце нас у telegram"),
    "subscribe": ("newsletter", "sign up for", "subscribe to", "abonnieren sie", "jetzt abonnieren",
                  "per e-mail erhalten", "by email", "in your inbox", "in ihr postfach", "ich willige",
                  "einverstanden, dass", "i agree to", "zum abo", "im abo", "abonnement", "subscription"),
}

_EDGE_JUNK = " \t•·□◦▪■▸►▶>»«›‹-–—*|:;,.!?()[]{}\"'“”„‘’"

LEADING_MAX = 60
"""Longest line (characters) a leading cue may mark: longer lines are prose that starts alike."""
ANYWHERE_MAX = 220
"""Longest line an anywhere cue may mark: notices and captions are short, paragraphs are not."""


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex matching any of the phrases, nested as a trie: Python's re tries alternatives one by
    one, so a flat alternation of hundreds of phrases is ten times slower than a trie of them."""
    trie: dict = {}
    for p in set(phrases):
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _reasons(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Phrase -> reason; a phrase listed under two reasons keeps the first."""
    out: dict[str, str] = {}
    for reason, phrases in groups.items():
        for p in phrases:
            out.setdefault(p, reason)
    return out


_LEADING_REASON = _reasons(_LEADING)
_ANYWHERE_REASON = _reasons(_ANYWHERE)
_LEADING_RE = re.compile(f"(?:{_alternation(tuple(_LEADING_REASON))})(?!\\w)")
_ANYWHERE_RE = re.compile(_alternation(tuple(_ANYWHERE_REASON)))


_HOLDS_ANYWHERE_PHRASE = phrase_test(_ANYWHERE_REASON)
"""Whether any anywhere phrase occurs in a line (`phrases.phrase_test`): most lines hold none, and then
the regex, which tries every phrase at every position, need not run (see `_anywhere_reason`)."""


_CONSENT_RE = re.compile(
    r"website|webseite|web site|site web|sitio web|browser|consent|zustimm|einwillig|datenschutz|privacy|"
    r"akzept|accept|we use|wir verwenden|nutzen wir|verwendet|utilise|utilizamos|usamos|utilizziamo|"
    r"używamy|korzystamy|wykorzystujemy|używa|používáme|gebruiken|используем|использует|сайт|"
    r"використовуємо|використовує|выкарыстоўваем|выкарыстоўвае|tracking|analytics"
)
_COOKIE_CATEGORY = (
    r"(?:notwendig|erforderlich|essenziell|necessar|nécessaire|necesari|niezbędn|funktional|"
    r"functional|fonctionnel|funcional|statisti|estadístic|analyse|analysis|analíti|analytique|analityczn|marketing|"
    r"performance|leistung|präferenz|preferen|préférence|drittanbieter|third.party|tiers|необходим|обязательн|"
    r"аналитическ|функциональн|маркетинг|необхідн|обов'язков|аналітичн|функціональн|неабходн|абавязков|аналітычн|"
    r"функцыянальн)"
)
_COOKIE_CATEGORY_RE = re.compile(
    rf"{_COOKIE_CATEGORY}\w*[ -](?:\w+[ -])?(?:\w+-)?(?:cookie|куки|кукі|файл)")
"""A category of cookies as a consent dialog lists it, the category right before the cookie ("Notwendige
Cookies", "Strictly Necessary Cookies", "Statistik-Cookies", "Необходимые файлы cookie"). The category words
elsewhere ("if necessary, bake the cookies", "the cookies are necessary") are no consent vocabulary, nor is
"essential" ("10 essential cookies for Christmas")."""
CONSENT_MAX = 1500
"""Longest line a cookie-consent notice is looked for in: such notices can be long paragraphs."""


COOKIE_NAMES = ("cookie", "куки", "кукі")
"""The cookie's name in notices (`consent_notice`): the English word in most languages (also "файлы cookie"),
transliterated in some Russian, Ukrainian and Belarusian ones ("файлы куки", "файли кукі")."""
_MAY_NAME_COOKIE: Callable[[str], bool] | None = partial(speedups.may_name_cookie, COOKIE_NAMES, CONSENT_MAX) \
    if speedups is not None and use_speedups else None
"""False for a line that names no cookie, for sure (`_speedups.may_name_cookie`, without lowering the line): on
the long lines the classifier asks, 52 against 70 us a dev page."""


def consent_notice(text: str) -> bool:
    """Whether a line is a cookie-consent or tracking notice: "cookie" next to consent vocabulary or a category of
    cookies (`_COOKIE_CATEGORY_RE`), which a recipe for cookies or an article quoting the word rarely has. On the
    dev pages the categories add 30 lines, all of them of consent dialogs; no snippet of an article's text there
    names a cookie."""
    if len(text) > CONSENT_MAX or _MAY_NAME_COOKIE is not None and not _MAY_NAME_COOKIE(text):
        return False
    low = text.lower()
    # COOKIE_NAMES, by three `in` tests, not `any` over a generator of them: this runs on every line the
    # classifier judges, and the generator cost three times what the tests do.
    return ("cookie" in low or "куки" in low or "кукі" in low) and (
        _CONSENT_RE.search(low) is not None or _COOKIE_CATEGORY_RE.search(low) is not None)


_LABEL_SEPARATORS = (":", "|", "»", "›", ">", "-", "–", "—", "/")
_DIGITS = "0123456789"
_CUE_EDGES = _EDGE_JUNK + _DIGITS
"""What is stripped around a leading cue: bullets, punctuation and counts ("Kommentare (3)")."""


def _leading_reason(core: str, m: re.Match[str]) -> str | None:
    """Reason of the leading cue `m` that `_LEADING_RE` matched at the start of `core` (the lowercased line
    stripped of _CUE_EDGES), when the line is that cue (or a label "cue: ...") and little else."""
    rest = core[m.end():]
    if not rest.strip(_CUE_EDGES) or rest.lstrip().startswith(_LABEL_SEPARATORS):
        return _LEADING_REASON[m.group(0)]
    # "teilen facebook", "more stories from x": a multiword phrase tolerates a couple of words more
    if " " in m.group(0) and len(rest.split()) <= 2:
        return _LEADING_REASON[m.group(0)]
    # "newsletter abonnieren", "drucken pinnen": a cue word followed by another cue
    rest = rest.strip(_CUE_EDGES)
    m2 = _LEADING_RE.match(rest)
    if m2 and not rest[m2.end():].strip(_CUE_EDGES):
        return _LEADING_REASON[m.group(0)]
    return None


COMPOUND_MAX_WORDS = 3
"""Most words a line that a cue's compound opens may have, the compound counted, to be a label of the cue's kind
("Cookie-Einstellungen Ablehnen Akzeptieren", "Home-Manager: Freizeit"); see `compound_phrase`."""


def compound_phrase(text: str) -> bool:
    """Whether a stripped line opens with a compound a leading cue's word opens ("Instagram-Star Esmeralda Merlot
    ist tot.", "Next-Gen HAMR Platters Promise 80TB Hard Drives") and goes on for more than COMPOUND_MAX_WORDS
    words (a form's empty field, "[      ]", no word): a headline or a caption, though `cue_reason` gives it the
    cue as it gives "Cookie-Einstellungen ändern" or "Abo-Shop". The header reader asks it (`metadata.
    _headline_shape`); the line model reads `cue_reason`'s cue as it is: read as no cue, the 22 such dev lines
    scored F1 0.9202 on sites never seen over five fold draws against 0.9212 (`scripts/train_cleaner.py`)."""
    if "-" not in text and "–" not in text:  # (most lines the header reader asks: no compound)
        return False
    core = text.lower().strip(_CUE_EDGES)
    m = _LEADING_RE.match(core)
    if m is None:
        return False
    rest = core[m.end():]
    if not (rest[:1] in "-–" and rest[1:2].isalnum()):
        return False
    return sum(1 for w in rest.split() if w.strip("[]")) > COMPOUND_MAX_WORDS


def whole_cue(text: str) -> bool:
    """Whether a stripped line is nothing but one leading cue phrase ("Share", "Kommentare (3)",
    "Поділитися"), bullets, counts and edge punctuation aside. On the labelled dev pages no line the
    article needs is one (344 such lines are all furniture), so such a line is furniture wherever it
    stands, even right above the first paragraph where a heading would be."""
    return text.lower().strip(_CUE_EDGES) in _LEADING_REASON


def labelled_teaser(text: str) -> bool:
    """Whether a stripped line is a "related" cue phrase used as a label in front of a teaser's title
    ("Read also: X", "Lesen Sie auch » X", "Чытайце таксама: X", "Tags: X, Y"): a link to another page,
    wherever it stands. On the dev pages 125 lines are such and the line model removes every one, the
    14 the snippets cover are all furniture; but a model trained on another draw of sites kept a
    Belarusian one (p 0.37), so the model may not overturn this."""
    core = text.lower().strip(_CUE_EDGES)
    m = _LEADING_RE.match(core)
    if m is None or _LEADING_REASON[m.group(0)] != "related":
        return False
    rest = core[m.end():].lstrip()
    return rest.startswith(_LABEL_SEPARATORS) and bool(rest.strip(_CUE_EDGES + "".join(_LABEL_SEPARATORS)))


def error_prompt(text: str) -> bool:
    """Whether a line holds the error-report prompt of Cyrillic news sites ("Нашли ошибку? Выделите её и
    нажмите Ctrl+Enter", the anywhere "footer" phrases): an instruction to the reader under the article,
    never its text, wherever it stands. The line model, fitted on pages cut after their article too, keeps
    a page's last line of prose, and on a page the scraper cut after the prompt it kept the prompt; no dev
    page holds one, so the model has never seen it."""
    return len(text) <= ANYWHERE_MAX and any(p in text.lower() for p in _ANYWHERE["footer"])


_CREDIT_LABELS = tuple(c for c in _ANYWHERE["caption"] if c.endswith(":"))
"""The caption cues that label a credit ("Photo:", "Bild:", "Фото:")."""
CREDIT_MAX_WORDS = 5
"""Words after a credit label that still make a name (of a photographer, an agency or both) and no caption."""


def labelled_credit(text: str) -> bool:
    """Whether a stripped line is only a photo credit: a credit label and a name ("Фото: Рейтер", "Bild:
    KEYSTONE", "Foto: Nicole Cronauge, Bistum Essen"), wherever it stands. On the dev pages 218 lines are
    such and the 12 the snippets cover are all furniture, but a retrained model kept a Cyrillic one
    between two paragraphs (p 0.36), so the model may not overturn this. A caption with a credit at its
    end ("The town hall on Tuesday. Photo: Jane Doe") is left to the model."""
    core = text.lower().strip(_CUE_EDGES)
    label = next((c for c in _CREDIT_LABELS if core.startswith(c)), None)
    return label is not None and 0 < len(core[len(label):].split()) <= CREDIT_MAX_WORDS


_CUE_TESTS = (speedups.phrase_set(tuple(_LEADING_REASON)), speedups.phrase_set(tuple(_ANYWHERE_REASON)), _CUE_EDGES,
              LEADING_MAX, ANYWHERE_MAX) if speedups is not None and use_speedups else None
"""The leading and anywhere phrase sets, the edge characters and the lengths `_speedups.may_name_cue` reads; None
where the extension is not run."""
_MAY_NAME_CUE: Callable[[str], bool] | None = None if _CUE_TESTS is None or speedups is None \
    else partial(speedups.may_name_cue, *_CUE_TESTS)
"""False for a line `cue_reason` finds no cue in, for sure: most lines it is asked about are new to it (one
in four is in its cache on the dev pages) and hold no cue, and for them the regex and the phrase test, each
called from Python, cost five times what the one C call does."""


@lru_cache(maxsize=65536)
def cue_reason(text: str) -> str | None:
    """The furniture reason a stripped line's keywords point to, or None.

    Cached because furniture lines repeat across pages of the same outlet.
    """
    if _MAY_NAME_CUE is not None and not _MAY_NAME_CUE(text):
        return None
    n = len(text)
    if n > ANYWHERE_MAX or n == 0:
        return None
    low = text.lower()
    if "ã©" in low:  # "é" read as Latin-1 holds a "©" that is no copyright sign
        low = low.replace("ã©", "é")
    if n <= LEADING_MAX or ":" in low[:40]:
        # the match is tried here, and the rest of the test only called for the few lines it matches
        core = low.strip(_CUE_EDGES)
        m = _LEADING_RE.match(core)
        if m:
            reason = _leading_reason(core, m)
            if reason:
                return reason
    return _anywhere_reason(low)


def _anywhere_reason(low: str) -> str | None:
    """Reason of the anywhere phrase `_ANYWHERE_RE` finds first in `low` (the leftmost, and the longest
    there), or None. The regex holds the phrases and nothing else, so it finds one exactly when the
    phrase test does; the test only rules out the lines holding none, the common case."""
    if not _HOLDS_ANYWHERE_PHRASE(low):
        return None
    m = _ANYWHERE_RE.search(low)
    return _ANYWHERE_REASON[m.group(0)] if m else None


def native_line_tests() -> tuple | None:
    """What `_speedups.shape_cue` reads to ask a line's keyword cue and consent notice as `cue_reason` and
    `consent_notice` do (the functions themselves, which it calls where its own tests leave a cue or a notice
    possible), or None where the extension is not run."""
    if _CUE_TESTS is None:
        return None
    return (*_CUE_TESTS, cue_reason, COOKIE_NAMES, CONSENT_MAX, consent_notice)
