"""Clean stage: split a scraped page into its article body, its metadata and explained removals.

Public API:

- `clean_page(raw, furniture=...)` cleans a text dump (w3m/lynx style, one block per line);
- `clean_html(html)` cleans an HTML page through trafilatura;
- `line_key(line)`, `page_keys(raw)`, `count_keys(pages)` and `furniture_keys(counts, n_pages)` give the
  corpus-level furniture evidence the pipeline collects per outlet, on at most `SAMPLE_PAGES` of its pages
  (`sample_pages`), and passes back to `clean_page`.

Two steps decide which lines are body. Rules (`classify`: jusText's line classes, keyword cues,
two-line patterns, the densest run of text) give each line a verdict and a reason; then a small
gradient-boosted tree model (`linemodel`, trained by `scripts/train_cleaner.py` on labelled pages and
shipped as `data/line_model.json`) reads those verdicts together with each line's shape, position,
neighbours and words (`features`) and has the last word, except over structural evidence the rules
are sure of (a teaser printed twice, the outlet's corpus furniture, markup, figures outside the
article). The rules name the reasons; a paragraph the body already holds is then removed as a
duplicate.

The removed spans and the kept body partition the raw text exactly. Removal reasons:

- navigation: menus, breadcrumbs, section labels, link lists, anything non-prose above the article;
- social: share, like and follow buttons;
- related: teasers of other articles ("read more", rails printing each title twice, tag lists);
- caption: photo captions and credits;
- title, standfirst, byline, dateline: the article's header (their content goes to the metadata);
- comments: comment forms, counts and threads;
- footer: anything non-article below the article, author and "about us" boxes;
- advertising: ads and sponsored labels; subscribe: newsletter and subscription prompts;
- legal: copyright, cookie, privacy and imprint notices, contact links;
- markup: w3m renderings of images, buttons and form fields ("[logo]", "[ ]", "[Submit]"), lines of
  symbols only (the `━━━` of a rule, "* * *"), bullets, program code printed as text; in HTML input,
  the tags, comments and script and style contents;
- furniture: lines the outlet prints on many pages of this build (corpus evidence);
- boilerplate: other long non-prose lines inside the article region (low stopword density); in HTML
  input, text left out between kept text with nothing else to name it;
- whitespace: blank lines, indentation and line breaks around removed or kept text;
- duplicate: a teaser's title printed again, or a line of 70 characters or more the body already
  holds (the first copy is kept).
"""

from __future__ import annotations

from build_dataset.clean.furniture import count_keys, furniture_keys, page_keys, sample_pages
from build_dataset.clean.html import clean_html
from build_dataset.clean.lines import line_key
from build_dataset.clean.model import CleanedPage
from build_dataset.clean.page import clean_page

__all__ = ["CleanedPage", "clean_html", "clean_page", "count_keys", "furniture_keys", "line_key", "page_keys",
           "sample_pages"]
