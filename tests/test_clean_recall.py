"""Small crafted pages where the article is easy to lose: it is short, made of short lines, wrapped, or
sits next to a bigger block of furniture. Each must keep every article line (recall comes first)."""

from __future__ import annotations

from build_dataset.clean import clean_page

MENU = "\n".join(f"• {w}" for w in ("Home", "News", "Sport", "Culture", "Travel", "Contact"))
ARTICLE = ("The small harbour town reopened its ferry pier on Saturday after two years of repairs, and the "
           "first boat to the island left at seven in the morning with more than a hundred passengers.")
ABOUT = ("Our magazine was founded in 1998 by a group of journalists who wanted to write about the coast. "
         "Since then we have published thousands of stories about the towns, the people and the sea. "
         "We are independent and financed by our readers, and every contribution helps us to keep going. ")


def _kept(raw: str, lines: list[str]) -> None:
    text = clean_page(raw).text
    missing = [line for line in lines if line not in text]
    assert not missing


def test_short_article_above_a_longer_block_of_furniture() -> None:
    teasers = [ABOUT.replace("magazine", f"sister magazine {i}") for i in range(3)]
    raw = "\n\n".join([MENU, "Ferry pier reopens", ARTICLE, "Share", "Related articles", *teasers, MENU])
    _kept(raw, [ARTICLE])


def test_recipe_steps_in_short_sentences() -> None:
    intro = ("These lemon biscuits are quick to make and keep for a week in a tin, which makes them a good "
             "recipe for a rainy afternoon with children who like to help in the kitchen.")
    steps = ["Mix the soft butter and the sugar in a bowl until the mixture is light and pale.",
             "Add the egg, the lemon zest and the flour, and knead everything to a smooth dough.",
             "Roll small balls, press them flat on the tray and bake them for twelve minutes.",
             "Let the biscuits cool on a rack before you dip them in the lemon icing and serve."]
    raw = "\n\n".join([intro, MENU, "Lemon biscuits", "Ingredients", "• 200 g flour", "• 1 egg",
                       "Method", *steps, MENU])
    _kept(raw, steps)


def test_comment_count_in_the_header_does_not_hide_the_article() -> None:
    blurb = ABOUT + ABOUT.split(". ")[0] + "."
    body = [ARTICLE.replace("Saturday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday", "Easter")]
    raw = "\n\n".join([MENU, blurb, "Ferry pier reopens", "By Jane Doe", "0 Comments", *body, MENU])
    _kept(raw, body)


def test_hard_wrapped_paragraphs() -> None:
    wrapped = ["Decorators let you change the behaviour of a function without",
               "touching its code: the decorator receives the function and",
               "returns a new one that wraps it, so logging, caching and timing",
               "can be added in one line above the definition."]
    intro = ("Python has a few tools for programs that change programs, and this week I want to show the "
             "one that most people meet first, with a short example that you can try at home.")
    raw = "\n\n".join([MENU, "Meta-programming with decorators", intro, "\n".join(wrapped),
                       "\n".join(w.replace("function", "method") for w in wrapped), MENU])
    _kept(raw, wrapped)


def test_article_language_wins_over_a_foreign_header() -> None:
    warning = "Warning: Declaration of Walker_Page::start_lvl() should be compatible with the parent in line 12"
    german = [f"Der Stadtrat hat am Dienstag den {i}. Teil des neuen Haushalts beschlossen, und die "
              "Bürgermeisterin sagte, dass das Geld vor allem in die Schulen und in die Sanierung der "
              "Bibliothek fließen wird, die seit Jahren auf eine Renovierung wartet." for i in range(1, 25)]
    raw = "\n\n".join([warning] * 40 + [MENU, "Haushalt beschlossen", *german, MENU])
    _kept(raw, german)


def test_a_long_first_paragraph_is_no_standfirst() -> None:
    first = " ".join([ARTICLE] * 2)
    raw = "\n\n".join([MENU, "Ferry pier reopens", "Posted on 12 March 2024 by Jane", first, "By Jane Doe",
                       "Link: the ferry timetable", MENU])
    page = clean_page(raw)
    assert first in page.text
    assert page.description is None


def test_short_sentence_inside_the_article() -> None:
    lead = "Here is how the new timetable works:"
    raw = "\n\n".join([MENU, "Ferry pier reopens", ARTICLE, "[pier-photo]", lead,
                       ARTICLE.replace("Saturday", "Monday"), ARTICLE.replace("seven", "nine"), MENU])
    _kept(raw, [lead])
