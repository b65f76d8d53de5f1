/* C versions of the cleaner's hottest loops, each giving exactly what its Python reference gives.
 *
 * - `split_lines`: `lines.split_lines_python`, the `Line`s of a dump, field for field, from one pass over
 *   the raw text's code points instead of a dozen string-method calls a line.
 * - `line_columns`: the per-line numbers the line model's columns are made of (`features._line_columns_python`).
 * - `page_columns`: the line model's columns made of them and of the verdicts, all but the vocabulary and topic
 *   ones (`features._page_columns_python`), the same float32s.
 * - `word_values`: each distinct word's log-odds, stoplist membership and whether it is a content word
 *   (`features._word_values_python`).
 * - `partition`, `partition_lines`: the kept segments and merged removed spans of a page (`spans.partition_python`,
 *   of the pieces `spans.line_pieces` gathers).
 * - `slot_objects`: a list of instances of a dataclass with slots, each field's slot written directly (the
 *   classifier's verdicts).
 * - `number_words`: the numbering of a page's words in `features._page_words_python`.
 * - `markup_lines`, `letterless_lines`: the lines `page._mark_markup` removes as markup and those
 *   `page._mark_letterless_outside` makes sure of (`page._mark_markup_python`, `page._mark_letterless_outside_python`).
 * - `weights`: what each line adds to or takes from the article region (`classify._weights_python`).
 * - `revise`: jusText's context step (`classify._revise_python`); `short_lines_to_check`, `pair_candidates`: the
 *   lines the classifier's short-line cues and two-line patterns look at (`classify._short_lines_to_check_python`,
 *   `classify._pair_candidates_python`).
 * - `best_run`: the article's heaviest run of lines (`classify._best_run_python`).
 * - `neighbours`: the classes of each line's nearest neighbours (`classify._neighbours_both_python`).
 * - `language_words`: the words of a page's longer lines the stoplist vote reads (`lines.language_words_python`).
 * - `best_stoplist`: the stoplist a sample's words vote for (`stoplists.best_stoplist_python`).
 * - `vocabulary_columns`, `topic_columns`: the line model's columns read from a page's words
 *   (`features._vocabulary_columns_python`, `features._topic_columns_python`), the same floats: every sum
 *   is taken in the order numpy's bincount takes it, or is of whole numbers.
 * - `phrase_set`, `holds_phrase`: whether a text holds any of a set of phrases, the test the cleaner's
 *   Aho-Corasick automata make (`phrases.phrase_test`), with bitmaps of the phrases' first code points;
 *   `may_name_cue`, whether a line may hold a keyword cue (`cues.cue_reason`), by those tests.
 * - `short_shapes`: the page's short lines of a bare name's shape or an archive link's end
 *   (`bylines._short_shapes_python`); `statement_candidates`: the lines that may state the page's publication
 *   (`published._statement_candidates_python`); `first_word_lines`: the lines whose first word is one of a set
 *   (`lines.first_word_lines_python`).
 * - `long_classes`, `short_cues`, `prose_blocks`: the classifier's loops over the long lines' classes, the short
 *   lines' cues and the blocks of prose (`classify._long_classes_python`, `classify._short_cues_python`,
 *   `classify._prose_blocks_python`).
 * - `shape_cue`: why a line is furniture by its own look (`classify._shape_cue_python`), its keyword cue and
 *   consent notice asked of the Python rules only where those tests leave one possible.
 * - `char_class`, `holds_char`, `holds_pair`: whether a text holds a character of a class, or a pair of two (the
 *   repairs' tests for control characters and mojibake, `repair._has_control`, `repair._mojibake_hint`).
 * - `slashed_dates`: which orders a page's slashed dates show (`dates.slashed_order`'s loop).
 * - `apply_model`: the line model's call written into the verdicts (`page._apply_model_python`'s loop).
 * - `forest_leaves`: the leaf every line reaches in every tree of the line model (`linemodel.LineModel`), the
 *   walk `LineModel.probability_python` does with numpy a level at a time; the sum and the link stay numpy's.
 *
 * The Python modules hold the references and every rule followed here; tests/test_clean_speedups.py checks
 * each pair gives equal results on the seed pages, edge cases and generated hostile text. What is not a
 * plain scan of code points is left to Python objects handed in by `configure`: the `Line` class, the
 * regex of a form field a few lines with brackets need, `str.lower` on text beyond Latin-1 (its special
 * cases: the final sigma, the dotted capital I) and the Latin-1 word table lines.py builds and checks. A
 * short line's date and URL are searched here (`dated_in`, `urlish_in`: each the one regex of lines.py,
 * whose pattern `configure` compares with the one they were written for). The character classes are CPython's own: `str.strip` and `str.split` strip and split on
 * Py_UNICODE_ISSPACE, `re`'s \w is Py_UNICODE_ISALNUM or "_", its \d Py_UNICODE_ISDECIMAL (the test checks
 * all three on every code point), and `str.isascii`/`encode("latin-1")` keep a body in Latin-1 exactly
 * when its substring's kind is one byte a character.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <stdint.h>

#define TOKENS_FROM 70        /* lines.TOKENS_FROM, checked by `configure` */
#define STOP_SAMPLE_CHARS 300 /* lines.STOP_SAMPLE_CHARS, checked by `configure` */
#define CHAR_SAMPLE 200       /* lines.CHAR_SAMPLE, checked by `configure` */
#define WIDE_SAMPLE 400       /* the characters `split_lines_python` counts wide characters in */

#define FIELDS 21
#define BLOCK 32  /* lines that walk a tree of the line model side by side */
#define CONTEXT_COLUMNS 14  /* len(features.CONTEXT_FEATURES): `context_columns` refuses an `out` of another width */
static PyTypeObject *Line_type = NULL;  /* lines.Line */
static Py_ssize_t field_offset[FIELDS]; /* where each of its slots sits in an instance, in field order */
static int by_slots = 0;                /* Lines are made by writing those slots, else by calling Line */
static PyObject *line_fields = NULL;    /* the names of those slots (a tuple), while by_slots */
static PyObject *asked[16];             /* `line_get`'s names asked last, by their address, and their slots */
static int slot_of[16];
static PyObject *form_search = NULL;    /* _FORM_RE.search */
static PyObject *zero = NULL;           /* 0.0, every new line's stop_density (a float is immutable) */
/* The patterns `urlish_in` and `dated_in` search for, as lines.py writes them: `configure` refuses others. */
#define URLISH_PATTERN "https?://|www\\.|\\.(?:com|de|org|net|html?|php)\\b|@\\w+\\."
#define DATE_PATTERN "\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b(?:19|20)\\d{2}\\b"
static Py_UCS1 latin1_words[256];
static PyObject *str_lower = NULL;      /* str.lower */       /* lines._LATIN1_WORDS */

#define SET_SIZE 64
/* A set of characters read from one of lines.py's strings by `configure`: a table for Latin-1, a list ended
 * by a 0 for the others (few text characters are beyond Latin-1, so the list is rarely read). */
typedef struct {
    unsigned char latin1[256];
    Py_UCS4 others[SET_SIZE];
} CharSet;

static CharSet strong_bullets;  /* _STRONG_BULLETS */
static CharSet weak_bullets;    /* BULLETS less _STRONG_BULLETS */
static CharSet sentence_ends;   /* SENTENCE_END */
static CharSet sentence_marks;  /* SENTENCE_MARKS */
static CharSet separators;      /* _SEPARATORS, the one-character separators of _SEPARATED_ITEMS_RE */
static unsigned char ascii_word[128];  /* re's \w on ASCII */

static inline int
among(Py_UCS4 c, const CharSet *set)
{
    if (c < 256) {
        return set->latin1[c];
    }
    for (const Py_UCS4 *o = set->others; *o; o++) {
        if (*o == c) {
            return 1;
        }
    }
    return 0;
}

static inline int
lower_changes(Py_UCS4 c)  /* str.lower changes c (see lines._LOWER_CHANGES; the test checks every code point) */
{
    return c < 128 ? c >= 'A' && c <= 'Z' : Py_UNICODE_TOLOWER(c) != c;
}

static inline int
decimal(Py_UCS4 c)  /* re's \d */
{
    return c < 128 ? c >= '0' && c <= '9' : Py_UNICODE_ISDECIMAL(c);
}

static int
wide(Py_UCS4 c)
{
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

static inline int
word_char(Py_UCS4 c)  /* re's \w */
{
    return c < 128 ? ascii_word[c] : Py_UNICODE_ISALNUM(c);
}

/* `WORD_RE.findall(text[:end])` on a lowered text of any kind: runs of word characters. */
static PyObject *
words_of(PyObject *text, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *words = PyList_New(0);
    if (words == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < end) {
        if (!word_char(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t a = i;
        while (i < end && word_char(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        PyObject *w = PyUnicode_Substring(text, a, i);
        if (w == NULL || PyList_Append(words, w) < 0) {
            Py_XDECREF(w);
            Py_DECREF(words);
            return NULL;
        }
        Py_DECREF(w);
    }
    return words;
}

/* The lowered words of a Latin-1 body's first `end` characters, through `latin1_words`. */
static PyObject *
latin1_words_of(const Py_UCS1 *s, Py_ssize_t end)
{
    Py_UCS1 small[STOP_SAMPLE_CHARS];
    Py_UCS1 *buf = end <= STOP_SAMPLE_CHARS ? small : PyMem_Malloc(end);
    PyObject *words = buf == NULL ? PyErr_NoMemory() : PyList_New(0);
    if (words == NULL) {
        if (buf != small) {
            PyMem_Free(buf);
        }
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < end) {
        if (latin1_words[s[i]] == ' ') {
            i++;
            continue;
        }
        Py_ssize_t k = 0;
        while (i < end && latin1_words[s[i]] != ' ') {
            buf[k++] = latin1_words[s[i++]];
        }
        PyObject *w = PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, buf, k);
        if (w == NULL || PyList_Append(words, w) < 0) {
            Py_XDECREF(w);
            Py_CLEAR(words);
            break;
        }
        Py_DECREF(w);
    }
    if (buf != small) {
        PyMem_Free(buf);
    }
    return words;
}

static inline int
cjk(Py_UCS4 c)  /* metadata._CJK: kana, CJK ideographs, Hangul syllables */
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
}

/* Add the word text[a:b] to `found` as metadata._content_words_python does: a word of at least `min_chars`
 * characters, not all digits, not in `stoplist`, cut to its first `stem` characters; a stem holding a CJK
 * character is left out (the pairs of such characters stand for it). 0, or -1 with an error set. */
static int
add_content_word(PyObject *text, int kind, const void *data, Py_ssize_t a, Py_ssize_t b, PyObject *stoplist,
                 Py_ssize_t stem, Py_ssize_t min_chars, PyObject *found)
{
    if (b - a < min_chars) {
        return 0;
    }
    int digits = 1;
    for (Py_ssize_t i = a; i < b && digits; i++) {
        digits = Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i));
    }
    if (digits) {
        return 0;
    }
    PyObject *word = PyUnicode_Substring(text, a, b);
    if (word == NULL) {
        return -1;
    }
    int stop = PySet_Contains(stoplist, word);
    int r = stop;
    if (stop == 0) {
        Py_ssize_t end = b - a < stem ? b : a + stem;
        int wide_word = 0;
        for (Py_ssize_t i = a; i < end && !wide_word; i++) {
            wide_word = cjk(PyUnicode_READ(kind, data, i));
        }
        if (!wide_word) {
            PyObject *cut = end == b ? Py_NewRef(word) : PyUnicode_Substring(text, a, end);
            r = cut == NULL ? -1 : PySet_Add(found, cut);
            Py_XDECREF(cut);
        }
    }
    Py_DECREF(word);
    return r < 0 ? -1 : 0;
}

/* metadata._content_words_python(text, stoplist): the words of a text that can name a subject, cut to
 * `stem` characters, and the pairs of its CJK characters. A Latin-1 text is lowered through the
 * `latin1_words` table (as split_lines reads a line), any other by str.lower, and its words are the runs of
 * re's \w characters, as WORD_RE finds them. */
static PyObject *
content_words(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *text, *stoplist;
    Py_ssize_t stem, min_chars;
    if (!PyArg_ParseTuple(args, "UO!nn", &text, &PyFrozenSet_Type, &stoplist, &stem, &min_chars)) {
        return NULL;
    }
    if (str_lower == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "content_words: the module is not configured");
        return NULL;
    }
    if (stem < 1) {
        PyErr_SetString(PyExc_ValueError, "content_words: stem must be at least 1");
        return NULL;
    }
    PyObject *found = PySet_New(NULL), *low = NULL, *result = NULL;
    if (found == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
        if ((low = PyUnicode_New(n, 255)) == NULL) {
            goto done;
        }
        Py_UCS1 *t = PyUnicode_1BYTE_DATA(low);
        for (Py_ssize_t i = 0; i < n; i++) {
            t[i] = latin1_words[s[i]];
        }
    }
    else if ((low = PyObject_CallOneArg(str_lower, text)) == NULL) {
        goto done;
    }
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    Py_ssize_t size = PyUnicode_GET_LENGTH(low), i = 0;
    int latin = PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND;
    while (i < size) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (latin ? c == ' ' : !word_char(c)) {
            i++;
            continue;
        }
        Py_ssize_t a = i;
        while (i < size && (latin ? PyUnicode_READ(kind, data, i) != ' ' : word_char(PyUnicode_READ(kind, data, i)))) {
            i++;
        }
        if (add_content_word(low, kind, data, a, i, stoplist, stem, min_chars, found) < 0) {
            goto done;
        }
    }
    if (!latin) {  /* the pairs of CJK characters that follow each other among the text's CJK characters */
        Py_UCS4 before = 0;
        for (Py_ssize_t k = 0; k < size; k++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, k);
            if (!cjk(c)) {
                continue;
            }
            if (before) {
                Py_UCS4 pair[2] = {before, c};
                PyObject *p = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, pair, 2);
                int r = p == NULL ? -1 : PySet_Add(found, p);
                Py_XDECREF(p);
                if (r < 0) {
                    goto done;
                }
            }
            before = c;
        }
    }
    result = PyFrozenSet_New(found);
done:
    Py_XDECREF(low);
    Py_DECREF(found);
    return result;
}

/* `search(body) is not None`; -1 on error. */
static int
found(PyObject *search, PyObject *body)
{
    PyObject *r = PyObject_CallOneArg(search, body);
    if (r == NULL) {
        return -1;
    }
    int yes = r != Py_None;
    Py_DECREF(r);
    return yes;
}

/* lines.tokens_only: `not _BRACKET_TOKEN_RE.sub("", body).strip(" *|")`, with _BRACKET_TOKEN_RE
 * \[[^\]]{0,80}\]. What the substitution leaves must be only " ", "*" and "|": scanning from the left,
 * every other character must open a token, a "[" whose first "]" after it comes within 81 characters
 * (a "[" with none is left by the substitution, and is no such character). */
static int
tokens_only(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ' || c == '*' || c == '|') {
            i++;
            continue;
        }
        if (c != '[') {
            return 0;
        }
        Py_ssize_t j = i + 1;
        while (j < n && j <= i + 81 && PyUnicode_READ(kind, data, j) != ']') {
            j++;
        }
        if (j == n || j > i + 81) {
            return 0;
        }
        i = j + 1;
    }
    return 1;
}

/* Whether the ASCII string `word` is written at text[i:] (within its n characters). */
static int
written_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, const char *word)
{
    for (Py_ssize_t j = 0; word[j]; j++) {
        if (i + j >= n || PyUnicode_READ(kind, data, i + j) != (Py_UCS4)(unsigned char)word[j]) {
            return 0;
        }
    }
    return 1;
}

/* Whether re's \b holds at text[i] after a word character: text[i] is none (or the text ends there). */
static inline int
word_ends(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    return i >= n || !word_char(PyUnicode_READ(kind, data, i));
}

/* `_URLISH_RE.search(text) is not None` (URLISH_PATTERN): "http://", "https://" or "www." anywhere; a dot and
 * "com", "de", "org", "net", "htm", "html" or "php" ending a word ("html?" then \b: "htm" followed by "l" ends
 * no word); or "@", a run of word characters and a dot (\w+ takes the whole run, and no dot is one). */
static int
urlish_in(int kind, const void *data, Py_ssize_t n)
{
    static const char *endings[] = {"com", "de", "org", "net", "html", "htm", "php"};
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 'h' && (written_at(kind, data, n, i, "http://") || written_at(kind, data, n, i, "https://"))) {
            return 1;
        }
        if (c == 'w' && written_at(kind, data, n, i, "www.")) {
            return 1;
        }
        if (c == '.') {
            for (size_t e = 0; e < sizeof(endings) / sizeof(*endings); e++) {
                if (written_at(kind, data, n, i + 1, endings[e])
                        && word_ends(kind, data, n, i + 1 + (Py_ssize_t)strlen(endings[e]))) {
                    return 1;
                }
            }
        }
        if (c == '@') {
            Py_ssize_t j = i + 1;
            while (j < n && word_char(PyUnicode_READ(kind, data, j))) {
                j++;
            }
            if (j > i + 1 && j < n && PyUnicode_READ(kind, data, j) == '.') {
                return 1;
            }
        }
    }
    return 0;
}

/* The end of the run of digits (re's \d) from text[i]. */
static inline Py_ssize_t
digits_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    while (i < n && decimal(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    return i;
}

static inline int
date_separator(Py_UCS4 c)
{
    return c == '.' || c == '/' || c == '-';
}

/* `_DATE_RE.search(text) is not None` (DATE_PATTERN). Each branch opens with \b and a digit, so a match starts
 * at a digit with no word character before it, and takes the whole run of digits there: a run is followed by a
 * separator, a colon or \b, none of which a digit is, so a shorter count leaves a digit where one must be. Its
 * branches from such a run of k digits: k of 1 to 4, a separator, a run of 1 or 2, a separator and a run of 2
 * to 4 ending a word; k of 1 or 2, a colon and a run of 2 ending a word; "19" or "20" and two digits ending a
 * word (k is 4). */
static int
dated_in(int kind, const void *data, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!decimal(PyUnicode_READ(kind, data, i)) || (i > 0 && word_char(PyUnicode_READ(kind, data, i - 1)))) {
            continue;
        }
        Py_ssize_t a = digits_end(kind, data, n, i), k = a - i;
        if (k == 4 && word_ends(kind, data, n, a)) {
            Py_UCS4 c0 = PyUnicode_READ(kind, data, i), c1 = PyUnicode_READ(kind, data, i + 1);
            if ((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0')) {
                return 1;
            }
        }
        if (k <= 2 && a < n && PyUnicode_READ(kind, data, a) == ':') {
            Py_ssize_t b = digits_end(kind, data, n, a + 1);
            if (b - a - 1 == 2 && word_ends(kind, data, n, b)) {
                return 1;
            }
        }
        if (k <= 4 && a < n && date_separator(PyUnicode_READ(kind, data, a))) {
            Py_ssize_t b = digits_end(kind, data, n, a + 1);
            if (b - a - 1 >= 1 && b - a - 1 <= 2 && b < n && date_separator(PyUnicode_READ(kind, data, b))) {
                Py_ssize_t z = digits_end(kind, data, n, b + 1);
                if (z - b - 1 >= 2 && z - b - 1 <= 4 && word_ends(kind, data, n, z)) {
                    return 1;
                }
            }
        }
        i = a - 1;  /* (no match starts inside the run: a digit is before each of its other digits) */
    }
    return 0;
}

/* One Line from the stripped text raw[a:b] of the line raw[line_start:line_end]; NULL on error. */
static PyObject *
make_line(PyObject *raw, Py_ssize_t index, Py_ssize_t line_start, Py_ssize_t line_end, Py_ssize_t a,
          Py_ssize_t b)
{
    int rkind = PyUnicode_KIND(raw);
    const void *rdata = PyUnicode_DATA(raw);
    PyObject *text = NULL, *body = NULL, *head_words = NULL, *line = NULL;

    Py_UCS4 c = PyUnicode_READ(rkind, rdata, a);
    int bullet = 0;
    Py_ssize_t body_from = a;
    int strong = among(c, &strong_bullets);
    if (strong || among(c, &weak_bullets)) {
        Py_UCS4 next = b - a > 1 ? PyUnicode_READ(rkind, rdata, a + 1) : 0;
        if (c == 0xBB && b - a > 1 && next != ' ' && next != '\t'
                && PyUnicode_FindChar(raw, 0xAB, a + 1, b, 1) >= 0) {
            strong = 0;  /* a German quote, "»Wir brauchen Leute«": no bullet (lines.split_lines_python) */
            next = 'x';
        }
        if (b - a == 1 || next == ' ' || next == '\t' || strong) {
            bullet = 1;
            while (body_from < b) {  /* text.lstrip(BULLETS + " \t") */
                Py_UCS4 d = PyUnicode_READ(rkind, rdata, body_from);
                if (!(among(d, &strong_bullets) || among(d, &weak_bullets) || d == ' ' || d == '\t')) {
                    break;
                }
                body_from++;
            }
        }
    }
    text = PyUnicode_Substring(raw, a, b);
    if (text == NULL) {
        goto error;
    }
    if (body_from == a) {
        body = text;
        Py_INCREF(body);
    }
    else if ((body = PyUnicode_Substring(raw, body_from, b)) == NULL) {
        goto error;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(body);
    int kind = PyUnicode_KIND(body);
    const void *data = PyUnicode_DATA(body);
    int latin = kind == PyUnicode_1BYTE_KIND;
    Py_ssize_t length = n;
    Py_ssize_t sample = n < STOP_SAMPLE_CHARS ? n : STOP_SAMPLE_CHARS;
    if (latin) {
        head_words = latin1_words_of((const Py_UCS1 *)data, sample);
    }
    else {
        PyObject *start = PyUnicode_Substring(body, 0, sample);
        PyObject *low = start == NULL ? NULL : PyObject_CallOneArg(str_lower, start);
        Py_XDECREF(start);
        head_words = low == NULL ? NULL : words_of(low, PyUnicode_GET_LENGTH(low));
        Py_XDECREF(low);
        Py_ssize_t count = 0;
        for (Py_ssize_t i = 0; i < n && i < WIDE_SAMPLE; i++) {
            count += wide(PyUnicode_READ(kind, data, i));
        }
        if (count) {
            length += 2 * (n > WIDE_SAMPLE ? count * n / WIDE_SAMPLE : count);
        }
    }
    if (head_words == NULL) {
        goto error;
    }
    Py_UCS4 last = n ? PyUnicode_READ(kind, data, n - 1) : 0;
    int sentence_end = n && among(last, &sentence_ends);
    Py_ssize_t sentences = 0, words = 0, separated = 0;
    int urlish = 0, dated = 0, markup = 0;
    int has_bracket = 0, has_dot = 0, has_digit = 0, has_separator = 0;
    Py_ssize_t runs = 0;  /* len(body.split()), read on short lines only */
    int in_word = 0;
    int is_short = length < TOKENS_FROM;
    Py_ssize_t digits = 0, uppers = 0;  /* lines.char_counts */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 d = PyUnicode_READ(kind, data, i);
        if (i < CHAR_SAMPLE) {
            int digit = d >= '0' && d <= '9';
            digits += digit;
            uppers += !digit && lower_changes(d);
        }
        /* body.count(". ") + body.count("! ") + body.count("? ") + body.count("。"): no two overlap */
        if (d == 0x3002 || ((d == '.' || d == '!' || d == '?') && i + 1 < n
                            && PyUnicode_READ(kind, data, i + 1) == ' ')) {
            sentences++;
        }
        has_bracket |= d == '[';
        if (n < 300) {  /* the shape of a short line */
            if (is_short) {
                int space = Py_UNICODE_ISSPACE(d);
                runs += !space && !in_word;
                in_word = !space;
            }
            has_dot |= d == '.' || d == '@';
            has_digit |= n < 80 && decimal(d);
            has_separator |= d == ':' || among(d, &separators);
        }
    }
    if (n < 300 && has_separator) {
        /* len(_SEPARATED_ITEMS_RE.findall(body)), \s(?:\||·|•|/|»|›|>|::)\s, each search from the last match's end */
        for (Py_ssize_t i = 0; i + 2 < n; i++) {
            if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
                continue;
            }
            Py_UCS4 e = PyUnicode_READ(kind, data, i + 1);
            Py_ssize_t close = among(e, &separators) ? i + 2
                : e == ':' && PyUnicode_READ(kind, data, i + 2) == ':' ? i + 3 : n;
            if (close < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, close))) {
                separated++;
                i = close;
            }
        }
    }
    if (length >= TOKENS_FROM) {
        sentences += n && among(last, &sentence_marks);
        Py_ssize_t found_words = PyList_GET_SIZE(head_words);
        words = n <= STOP_SAMPLE_CHARS ? found_words : found_words * n / STOP_SAMPLE_CHARS;
    }
    else {
        sentences = 0;
        words = runs;
    }
    if (n < 300) {
        urlish = n < 200 && has_dot && urlish_in(kind, data, n);
        dated = n < 80 && has_digit && dated_in(kind, data, n);
    }
    if (has_bracket && !(markup = tokens_only(kind, data, n)) && (markup = found(form_search, body)) < 0) {
        goto error;
    }
    PyObject *tokens = length >= TOKENS_FROM ? head_words : Py_None;
    /* Line(*args): a dataclass's __init__ only stores each argument in its slot, done here directly */
    PyObject *args[FIELDS] = {
        PyLong_FromSsize_t(index), PyLong_FromSsize_t(a), PyLong_FromSsize_t(b), PyLong_FromSsize_t(line_start),
        PyLong_FromSsize_t(line_end), Py_NewRef(text), Py_NewRef(body), Py_NewRef(bullet ? Py_True : Py_False),
        PyLong_FromSsize_t(length), Py_NewRef(sentence_end ? Py_True : Py_False), PyLong_FromSsize_t(sentences),
        Py_NewRef(tokens), Py_NewRef(zero), Py_NewRef(head_words), PyLong_FromSsize_t(words),
        Py_NewRef(dated ? Py_True : Py_False), Py_NewRef(markup ? Py_True : Py_False),
        PyLong_FromSsize_t(separated), Py_NewRef(urlish ? Py_True : Py_False), PyLong_FromSsize_t(digits),
        PyLong_FromSsize_t(uppers),
    };
    int ok = 1;
    for (int k = 0; k < FIELDS; k++) {
        ok &= args[k] != NULL;
    }
    if (ok && by_slots) {
        line = Line_type->tp_alloc(Line_type, 0);
    }
    else if (ok) {
        line = PyObject_Vectorcall((PyObject *)Line_type, args, FIELDS, NULL);
    }
    for (int k = 0; k < FIELDS; k++) {
        if (line != NULL && by_slots) {
            *(PyObject **)((char *)line + field_offset[k]) = args[k];  /* the slot takes the reference */
        }
        else {
            Py_XDECREF(args[k]);
        }
    }
error:
    Py_XDECREF(text);
    Py_XDECREF(body);
    Py_XDECREF(head_words);
    return line;
}

static PyObject *
split_lines(PyObject *Py_UNUSED(module), PyObject *raw)
{
    if (Line_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "_speedups.configure was not called");
        return NULL;
    }
    if (!PyUnicode_Check(raw)) {
        PyErr_SetString(PyExc_TypeError, "split_lines expects a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(raw);
    const void *data = PyUnicode_DATA(raw);
    Py_ssize_t size = PyUnicode_GET_LENGTH(raw);
    PyObject *lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    Py_ssize_t index = 0, line_start = 0;
    while (line_start <= size) {
        Py_ssize_t line_end = PyUnicode_FindChar(raw, '\n', line_start, size, 1);  /* (memchr where it can) */
        if (line_end == -2) {
            Py_DECREF(lines);
            return NULL;
        }
        if (line_end == -1) {
            line_end = size;
        }
        Py_ssize_t a = line_start, b = line_end;
        while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a))) {
            a++;
        }
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1))) {
            b--;
        }
        if (a < b) {
            PyObject *line = make_line(raw, index, line_start, line_end, a, b);
            if (line == NULL || PyList_Append(lines, line) < 0) {
                Py_XDECREF(line);
                Py_DECREF(lines);
                return NULL;
            }
            Py_DECREF(line);
        }
        index++;
        line_start = line_end + 1;
    }
    return lines;
}

/* Fill `set` with the characters of `text`; -1 with an error set when those beyond Latin-1 do not fit. */
static int
read_set(PyObject *text, CharSet *set)
{
    memset(set, 0, sizeof(*set));
    Py_ssize_t others = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(text, i);
        if (c < 256) {
            set->latin1[c] = 1;
        }
        else if (others == SET_SIZE - 1) {
            PyErr_SetString(PyExc_ValueError, "a character set of _speedups holds at most 63 beyond Latin-1");
            return -1;
        }
        else {
            set->others[others++] = c;
        }
    }
    return 0;
}

/* The offsets of the slots of `type` named by `fields`, in their order, into `field_offset`; -1 with an
 * error set unless each is an object slot (a dataclass with slots=True has one per field): a TypeError
 * when a field is no such slot, a ValueError when there are not FIELDS of them. */
static int
read_fields(PyTypeObject *type, PyObject *fields)
{
    if (PyTuple_GET_SIZE(fields) != FIELDS) {
        PyErr_Format(PyExc_ValueError, "_speedups makes lines of %d fields, not %zd", FIELDS, PyTuple_GET_SIZE(fields));
        return -1;
    }
    for (int k = 0; k < FIELDS; k++) {
        PyObject *slot = PyObject_GetAttr((PyObject *)type, PyTuple_GET_ITEM(fields, k));
        if (slot == NULL) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "%s has no slot %R", type->tp_name, PyTuple_GET_ITEM(fields, k));
            }
            return -1;
        }
        int ok = Py_IS_TYPE(slot, &PyMemberDescr_Type)
            && ((PyMemberDescrObject *)slot)->d_member->type == T_OBJECT_EX
            && !(((PyMemberDescrObject *)slot)->d_member->flags & READONLY);
        if (ok) {
            field_offset[k] = ((PyMemberDescrObject *)slot)->d_member->offset;
        }
        Py_DECREF(slot);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "%R is no writable object slot of %s", PyTuple_GET_ITEM(fields, k),
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *
configure(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *line_type, *fields, *form, *sets[5];
    const char *url, *date;
    Py_buffer table;
    Py_ssize_t tokens_from, stop_sample_chars, char_sample;
    if (!PyArg_ParseTuple(args, "O!O!Ossy*UUUUUnnn", &PyType_Type, &line_type, &PyTuple_Type, &fields, &form, &url,
                          &date, &table, &sets[0], &sets[1], &sets[2], &sets[3], &sets[4], &tokens_from,
                          &stop_sample_chars, &char_sample)) {
        return NULL;
    }
    if (tokens_from != TOKENS_FROM || stop_sample_chars != STOP_SAMPLE_CHARS || char_sample != CHAR_SAMPLE
            || strcmp(url, URLISH_PATTERN) != 0 || strcmp(date, DATE_PATTERN) != 0) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_ValueError, "_speedups was built for other TOKENS_FROM, STOP_SAMPLE_CHARS, "
                        "CHAR_SAMPLE, _URLISH_RE or _DATE_RE than lines.py's: change them in _speedups.c too "
                        "(urlish_in, dated_in), and reinstall");
        return NULL;
    }
    by_slots = read_fields((PyTypeObject *)line_type, fields) == 0;
    Py_XSETREF(line_fields, by_slots ? Py_NewRef(fields) : NULL);
    memset(asked, 0, sizeof(asked));  /* (the names asked so far may be gone with the tuple) */
    if (!by_slots) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyBuffer_Release(&table);
            return NULL;
        }
        PyErr_Clear();  /* no plain slots (a Line compiled by mypyc): lines are made by calling Line */
    }
    if (table.len != 256) {
        PyBuffer_Release(&table);
        PyErr_SetString(PyExc_ValueError, "the Latin-1 word table must have 256 bytes");
        return NULL;
    }
    memcpy(latin1_words, table.buf, 256);
    PyBuffer_Release(&table);
    for (Py_UCS4 c = 0; c < 128; c++) {
        ascii_word[c] = Py_UNICODE_ISALNUM(c) || c == '_';
    }
    CharSet *targets[5] = {&strong_bullets, &weak_bullets, &sentence_ends, &sentence_marks, &separators};
    for (int k = 0; k < 5; k++) {
        if (read_set(sets[k], targets[k]) < 0) {
            return NULL;
        }
    }
    if (str_lower == NULL && (str_lower = PyObject_GetAttrString((PyObject *)&PyUnicode_Type, "lower")) == NULL) {
        return NULL;
    }
    if (zero == NULL && (zero = PyFloat_FromDouble(0.0)) == NULL) {
        return NULL;
    }
    Py_INCREF(line_type);
    Py_INCREF(form);
    Py_XSETREF(Line_type, (PyTypeObject *)line_type);
    Py_XSETREF(form_search, form);
    Py_RETURN_NONE;
}

/* A word's slot in `number_words`' table: the str, its number and the hash of its characters. */
typedef struct {
    PyObject *word;
    Py_ssize_t number;
    uint64_t hash;
} WordSlot;

/* FNV-1a over a compact str's kind, length and bytes: two equal str have equal kinds and bytes (CPython keeps a
 * str in the narrowest kind that holds it), so equal words hash alike, without the str's own (siphash) hash. */
static inline uint64_t
word_hash(PyObject *word)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word) * PyUnicode_KIND(word);
    const unsigned char *b = PyUnicode_DATA(word);
    uint64_t h = 1469598103934665603ULL ^ ((uint64_t)PyUnicode_KIND(word) << 32 ^ (uint64_t)n);
    for (Py_ssize_t i = 0; i < n; i++) {
        h = (h ^ b[i]) * 1099511628211ULL;
    }
    return h;
}

/* number_words(words, size) -> (distinct, first, ids): each distinct word of the lists in `words` (str) numbered
 * by the position of its first occurrence among all `size` of them, as `features._page_words_python` numbers
 * them with `dict.setdefault`: the words in order of first occurrence, their numbers and each occurrence's
 * number, the two as the bytes of int64 arrays. The words are matched in an open-addressing table of their
 * characters (str equality), which spares computing each occurrence's own hash and a number object each. */
static PyObject *
number_words(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *words;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &words, &size)) {
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "number_words: size must not be negative");
        return NULL;
    }
    Py_ssize_t capacity = 16;
    while (capacity < 2 * size) {
        capacity *= 2;
    }
    WordSlot *table = PyMem_Calloc(capacity, sizeof(WordSlot));
    PyObject *distinct = PyList_New(0);
    PyObject *ids = PyBytes_FromStringAndSize(NULL, size * (Py_ssize_t)sizeof(int64_t));
    PyObject *first = PyBytes_FromStringAndSize(NULL, size * (Py_ssize_t)sizeof(int64_t));
    PyObject *result = NULL;
    if (table == NULL || distinct == NULL || ids == NULL || first == NULL) {
        if (table == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    int64_t *id = (int64_t *)PyBytes_AS_STRING(ids), *firsts = (int64_t *)PyBytes_AS_STRING(first);
    Py_ssize_t pos = 0, found = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); k++) {
        PyObject *line = PyList_GET_ITEM(words, k);
        if (!PyList_Check(line)) {
            PyErr_SetString(PyExc_TypeError, "number_words: each line's words must be a list");
            goto done;
        }
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(line); j++, pos++) {
            if (pos == size) {
                PyErr_SetString(PyExc_ValueError, "number_words: more words than size");
                goto done;
            }
            PyObject *word = PyList_GET_ITEM(line, j);
            if (!PyUnicode_Check(word)) {
                PyErr_SetString(PyExc_TypeError, "number_words: a word must be a str");
                goto done;
            }
            uint64_t h = word_hash(word);
            Py_ssize_t at = (Py_ssize_t)(h & (uint64_t)(capacity - 1));
            Py_ssize_t n = PyUnicode_GET_LENGTH(word);
            int kind = PyUnicode_KIND(word);
            while (table[at].word != NULL) {
                PyObject *other = table[at].word;
                if (table[at].hash == h && (other == word || (PyUnicode_GET_LENGTH(other) == n
                        && PyUnicode_KIND(other) == kind
                        && memcmp(PyUnicode_DATA(other), PyUnicode_DATA(word), (size_t)(n * kind)) == 0))) {
                    break;
                }
                at = (at + 1) & (capacity - 1);
            }
            if (table[at].word != NULL) {
                id[pos] = table[at].number;
                continue;
            }
            if (PyList_Append(distinct, word) < 0) {
                goto done;
            }
            table[at] = (WordSlot){word, pos, h};  /* borrowed: `words` holds it for the call */
            id[pos] = pos;
            firsts[found++] = pos;
        }
    }
    if (pos != size) {
        PyErr_SetString(PyExc_ValueError, "number_words: fewer words than size");
        goto done;
    }
    if (_PyBytes_Resize(&first, found * (Py_ssize_t)sizeof(int64_t)) < 0) {
        goto done;  /* first was freed and set to NULL */
    }
    result = PyTuple_Pack(3, distinct, first, ids);
done:
    PyMem_Free(table);
    Py_XDECREF(distinct);
    Py_XDECREF(ids);
    Py_XDECREF(first);
    return result;
}

/* forest_leaves(rows, roots, feature, threshold, children, value, depth, out): for each line and tree of the
 * model's flat arrays (see `linemodel.LineModel`), the value of the leaf the line reaches, into `out`
 * (float64, lines x trees, C order). `rows` holds the float32 features a feature after another (the matrix
 * transposed, C order), so a line's value of feature f is rows[f * lines + line]; the thresholds are float32
 * and compared with them as float32, as numpy compares them. Every index is checked before the walk. */
static PyObject *
forest_leaves(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer rows, roots, feature, threshold, children, value, out;
    Py_ssize_t depth;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*nw*", &rows, &roots, &feature, &threshold, &children, &value, &depth,
                          &out)) {
        return NULL;  /* (a failed parse releases the buffers it took) */
    }
    PyObject *result = NULL;
    Py_ssize_t trees = roots.len / (Py_ssize_t)sizeof(Py_ssize_t);
    Py_ssize_t nodes = feature.len / (Py_ssize_t)sizeof(Py_ssize_t);
    Py_ssize_t lines = trees ? out.len / (Py_ssize_t)sizeof(double) / trees : 0;
    Py_ssize_t features = lines ? rows.len / (Py_ssize_t)sizeof(float) / lines : 0;
    if (threshold.len != nodes * (Py_ssize_t)sizeof(float) || value.len != nodes * (Py_ssize_t)sizeof(double)
            || children.len != 2 * nodes * (Py_ssize_t)sizeof(Py_ssize_t)
            || out.len != lines * trees * (Py_ssize_t)sizeof(double)
            || rows.len != features * lines * (Py_ssize_t)sizeof(float) || depth < 0) {
        PyErr_SetString(PyExc_ValueError, "forest_leaves: the arrays' sizes do not agree");
        goto done;
    }
    const Py_ssize_t *root = roots.buf, *feat = feature.buf, *child = children.buf;
    const float *x = rows.buf, *thr = threshold.buf;
    const double *val = value.buf;
    double *leaf = out.buf;
    for (Py_ssize_t i = 0; i < nodes; i++) {
        if (feat[i] < 0 || feat[i] >= (features ? features : 1) || child[2 * i] < 0 || child[2 * i] >= nodes
                || child[2 * i + 1] < 0 || child[2 * i + 1] >= nodes) {
            PyErr_SetString(PyExc_ValueError, "forest_leaves: a node's feature or child is out of range");
            goto done;
        }
    }
    for (Py_ssize_t t = 0; t < trees; t++) {
        if (root[t] < 0 || root[t] >= nodes) {
            PyErr_SetString(PyExc_ValueError, "forest_leaves: a root is out of range");
            goto done;
        }
    }
    /* A walk is a chain of dependent loads (node, its feature's value, the comparison, the child): BLOCK lines
     * walk a tree side by side, so the processor overlaps their chains. */
    for (Py_ssize_t t = 0; t < trees; t++) {
        for (Py_ssize_t first = 0; first < lines; first += BLOCK) {
            Py_ssize_t block = lines - first < BLOCK ? lines - first : BLOCK;
            Py_ssize_t node[BLOCK];
            for (Py_ssize_t j = 0; j < block; j++) {
                node[j] = root[t];
            }
            for (Py_ssize_t d = 0; d < depth; d++) {
                for (Py_ssize_t j = 0; j < block; j++) {
                    Py_ssize_t at = node[j];
                    node[j] = child[2 * at + (x[feat[at] * lines + first + j] > thr[at])];
                }
            }
            for (Py_ssize_t j = 0; j < block; j++) {
                leaf[(first + j) * trees + t] = val[node[j]];
            }
        }
    }
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&rows);
    PyBuffer_Release(&roots);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&children);
    PyBuffer_Release(&value);
    PyBuffer_Release(&out);
    return result;
}

/* features.context_columns: the second stage's columns from the first stage's probabilities, each value
 * computed by the operations numpy's are, in the same order (running sums added left to right, as cumsum adds),
 * so both give the same floats. A product is never fused into the sum that follows it (an FMA rounds once
 * where numpy rounds twice): GCC is told so for this function, other compilers by the standard pragma. */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("fp-contract=off")))
#endif
static PyObject *
context_columns(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer prob, len, out;
    double kept, pad;
    if (!PyArg_ParseTuple(args, "y*y*w*dd", &prob, &len, &out, &kept, &pad)) {
        return NULL;
    }
    PyObject *result = NULL;
    double *padded = NULL, *gain = NULL, *low = NULL, *furniture = NULL, *body = NULL, *sums = NULL;
    Py_ssize_t n = prob.len / (Py_ssize_t)sizeof(double);
    if (prob.len != n * (Py_ssize_t)sizeof(double) || len.len != prob.len
            || out.len != n * CONTEXT_COLUMNS * (Py_ssize_t)sizeof(float)) {
        PyErr_SetString(PyExc_ValueError, "context_columns: the arrays' sizes do not agree");
        goto done;
    }
    if (n == 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    const double *p = prob.buf, *length = len.buf;
    float *col = out.buf;  /* column k of line i at k * n + i: the (lines x columns) matrix in column-major order */
    padded = PyMem_Malloc((n + 6) * sizeof(double));
    gain = PyMem_Malloc((n + 1) * sizeof(double));
    low = PyMem_Malloc(n * sizeof(double));
    furniture = PyMem_Malloc((n + 1) * sizeof(double));
    body = PyMem_Malloc(n * sizeof(double));
    sums = PyMem_Malloc((n + 7) * sizeof(double));
    if (!padded || !gain || !low || !furniture || !body || !sums) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < 3; k++) {
        padded[k] = padded[n + 3 + k] = pad;
    }
    double top = p[0];
    Py_ssize_t count = 0;
    gain[0] = furniture[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        padded[i + 3] = p[i];
        double g = (p[i] - 0.5) * length[i];
        gain[i + 1] = gain[i] + g;
        double f = (1.0 - p[i]) * length[i];
        furniture[i + 1] = furniture[i] + f;
        body[i] = p[i] * length[i];
        low[i] = i == 0 ? gain[0] : (gain[i] < low[i - 1] ? gain[i] : low[i - 1]);  /* np.minimum.accumulate */
        top = p[i] > top ? p[i] : top;
        count += p[i] >= kept;
    }
    Py_ssize_t end = 0;  /* the first end of the largest gain (np.argmax) */
    double best = gain[1] - low[0];
    for (Py_ssize_t e = 1; e < n; e++) {
        double g = gain[e + 1] - low[e];
        if (g > best) {
            best = g;
            end = e;
        }
    }
    Py_ssize_t start = end;  /* the last start at that low point */
    while (gain[start] != low[end]) {
        start--;
    }
    double running = 0.0, total = 0.0;  /* np.cumsum(body): its last value, and each line's as it is reached */
    for (Py_ssize_t i = 0; i < n; i++) {
        total += body[i];
    }
    total += 1e-9;
    sums[0] = 0.0;  /* np.cumsum of the padded probabilities with a 0 in front: sums[k] adds padded[0..k-1] */
    for (Py_ssize_t k = 0; k < n + 6; k++) {
        sums[k + 1] = sums[k] + padded[k];
    }
    double share = (double)count / (double)n;
    double mass = best > 0.0 ? best : 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double window = (sums[i + 7] - sums[i]) / 7;
        int before = i < start, after = i > end;
        running += body[i];
        col[0 * n + i] = (float)p[i];
        col[1 * n + i] = (float)padded[i + 2];
        col[2 * n + i] = (float)padded[i + 1];
        col[3 * n + i] = (float)padded[i + 4];
        col[4 * n + i] = (float)padded[i + 5];
        col[5 * n + i] = (float)window;
        col[6 * n + i] = (float)!(before || after);
        col[7 * n + i] = (float)(before ? furniture[start] - furniture[i + 1 < n ? i + 1 : n]
                                 : after ? furniture[i] - furniture[end + 1] : 0.0);
        col[8 * n + i] = (float)(before ? start - i : after ? i - end : 0);
        col[9 * n + i] = (float)((running - body[i]) / total);
        col[10 * n + i] = (float)top;
        col[11 * n + i] = (float)share;
        col[12 * n + i] = (float)mass;
        col[13 * n + i] = (float)(p[i] - window);
    }
    result = Py_NewRef(Py_None);
done:
    PyMem_Free(sums);
    PyMem_Free(padded);
    PyMem_Free(gain);
    PyMem_Free(low);
    PyMem_Free(furniture);
    PyMem_Free(body);
    PyBuffer_Release(&prob);
    PyBuffer_Release(&len);
    PyBuffer_Release(&out);
    return result;
}

/* The words of a page as `features.PageWords` holds them: each occurrence's number (`ids`, int64) and the
 * words of each line (`sizes`, int64), checked to agree with each other and with the slots (`size`). */
typedef struct {
    Py_buffer ids, sizes;
    Py_ssize_t words, lines;
} Words;

static int
read_words(PyObject *ids, PyObject *sizes, Py_ssize_t size, Words *w)
{
    if (PyObject_GetBuffer(ids, &w->ids, PyBUF_C_CONTIGUOUS) < 0) {
        return -1;
    }
    if (PyObject_GetBuffer(sizes, &w->sizes, PyBUF_C_CONTIGUOUS) < 0) {
        PyBuffer_Release(&w->ids);
        return -1;
    }
    w->words = w->ids.len / (Py_ssize_t)sizeof(int64_t);
    w->lines = w->sizes.len / (Py_ssize_t)sizeof(int64_t);
    const int64_t *id = w->ids.buf, *n = w->sizes.buf;
    Py_ssize_t total = 0;
    for (Py_ssize_t k = 0; k < w->lines; k++) {
        total += n[k] < 0 ? w->words + 1 : n[k];
    }
    int ok = total == w->words && w->words <= size;
    for (Py_ssize_t j = 0; ok && j < w->words; j++) {
        ok = id[j] >= 0 && id[j] < size;
    }
    if (!ok) {
        PyBuffer_Release(&w->ids);
        PyBuffer_Release(&w->sizes);
        PyErr_SetString(PyExc_ValueError, "the word numbers, the words per line and the slots do not agree");
        return -1;
    }
    return 0;
}

static void
release_words(Words *w)
{
    PyBuffer_Release(&w->ids);
    PyBuffer_Release(&w->sizes);
}

/* vocabulary_columns(ids, sizes, table, furniture_word, out): `features._vocabulary_columns_python` into
 * `out` (float32, lines x 10, zeros), from each slot's log-odds in `table` (float64, NaN for a word the
 * vocabulary lacks). A line's sums run over its known words in page order from 0.0, as bincount sums. */
static PyObject *
vocabulary_columns(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *ids, *sizes;
    Py_buffer table, out;
    double furniture_word;
    if (!PyArg_ParseTuple(args, "OOy*dw*", &ids, &sizes, &table, &furniture_word, &out)) {
        return NULL;
    }
    Words w;
    PyObject *result = NULL;
    Py_ssize_t size = table.len / (Py_ssize_t)sizeof(double);
    if (read_words(ids, sizes, size, &w) < 0) {
        goto done;
    }
    if (out.len != w.lines * 10 * (Py_ssize_t)sizeof(float)) {
        PyErr_SetString(PyExc_ValueError, "vocabulary_columns: out must be lines x 10 float32");
        release_words(&w);
        goto done;
    }
    const int64_t *id = w.ids.buf, *per_line = w.sizes.buf;
    const double *value = table.buf;
    float *o = out.buf;
    Py_ssize_t j = 0;
    for (Py_ssize_t k = 0; k < w.lines; k++) {
        double sum = 0.0, negative = 0.0, top = 0.0, bottom = 0.0;
        Py_ssize_t known = 0, furniture = 0;
        for (int64_t end = j + per_line[k]; j < end; j++) {
            double v = value[id[j]];
            if (isnan(v)) {
                continue;
            }
            sum += v;
            negative += v <= 0.0 ? v : 0.0;  /* np.minimum(v, 0.0) */
            top = known && top >= v ? top : v;  /* np.maximum.reduceat keeps the first of equal values */
            bottom = known && bottom <= v ? bottom : v;
            furniture += v < furniture_word;
            known++;
        }
        float *row = o + 10 * k;
        row[0] = (float)(sum / (double)(known > 1 ? known : 1));
        if (known) {
            row[1] = (float)top;
            row[2] = (float)bottom;
        }
        row[3] = (float)negative;
        row[4] = (float)((double)known / (double)(per_line[k] > 1 ? per_line[k] : 1));
        row[5] = (float)furniture;
    }
    if (w.lines) {
        Py_ssize_t last = w.lines - 1;
        o[6] = o[8] = o[10 * last + 7] = o[10 * last + 9] = -1.0f;  /* past the page's edges */
        for (Py_ssize_t k = 1; k < w.lines; k++) {
            o[10 * k + 6] = o[10 * (k - 1) + 0];
            o[10 * k + 8] = o[10 * (k - 1) + 2];
            o[10 * (k - 1) + 7] = o[10 * k + 0];
            o[10 * (k - 1) + 9] = o[10 * k + 2];
        }
    }
    release_words(&w);
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&table);
    PyBuffer_Release(&out);
    return result;
}

/* topic_columns(ids, sizes, content, core, outside, window, out): `features._topic_columns_python` into `out`
 * (float64, lines x 3), from whether each slot is a content word (`content`, bytes of 0/1) and whether each
 * line is in the topic core and outside the article region (`core`, `outside`, bytes of 0/1). A line's
 * content words count once; every count and sum of counts is a whole number, exact in any order. */
static PyObject *
topic_columns(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *ids, *sizes;
    Py_buffer content, core, outside, out;
    Py_ssize_t window;
    if (!PyArg_ParseTuple(args, "OOy*y*y*nw*", &ids, &sizes, &content, &core, &outside, &window, &out)) {
        return NULL;
    }
    Words w;
    PyObject *result = NULL;
    Py_ssize_t size = content.len;
    int64_t *seen = NULL, *pairs = NULL, *starts = NULL;
    double *holding = NULL, *cosines = NULL, *running = NULL;
    if (read_words(ids, sizes, size, &w) < 0) {
        goto done;
    }
    Py_ssize_t n = w.lines;
    if (core.len != n || outside.len != n || out.len != n * 3 * (Py_ssize_t)sizeof(double) || window < 0) {
        PyErr_SetString(PyExc_ValueError, "topic_columns: core, outside and out must have a row for each line");
        goto release;
    }
    const int64_t *id = w.ids.buf, *per_line = w.sizes.buf;
    const unsigned char *is_content = content.buf, *groups[2] = {core.buf, outside.buf};
    double *o = out.buf;
    seen = PyMem_Malloc((size + 1) * sizeof(int64_t));
    pairs = PyMem_Malloc((w.words + 1) * sizeof(int64_t));  /* each line's distinct content words */
    starts = PyMem_Malloc((n + 1) * sizeof(int64_t));
    holding = PyMem_Malloc((size + 1) * sizeof(double));
    cosines = PyMem_Malloc((2 * n + 1) * sizeof(double));
    running = PyMem_Malloc((n + 1) * sizeof(double));
    if (!seen || !pairs || !starts || !holding || !cosines || !running) {
        PyErr_NoMemory();
        goto release;
    }
    for (Py_ssize_t v = 0; v < size; v++) {
        seen[v] = -1;
    }
    Py_ssize_t found = 0, j = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        starts[k] = found;
        for (int64_t end = j + per_line[k]; j < end; j++) {
            int64_t v = id[j];
            if (is_content[v] && seen[v] != k) {
                seen[v] = k;
                pairs[found++] = v;
            }
        }
    }
    starts[n] = found;
    for (Py_ssize_t k = 0; k < n; k++) {
        o[3 * k] = o[3 * k + 1] = -1.0;
        o[3 * k + 2] = -9.0;
    }
    if (found == 0) {  /* no content word on the page: -1, -1, -9 everywhere */
        result = Py_NewRef(Py_None);
        goto release;
    }
    for (int g = 0; g < 2; g++) {
        const unsigned char *group = groups[g];
        for (Py_ssize_t v = 0; v < size; v++) {
            holding[v] = 0.0;
        }
        for (Py_ssize_t k = 0; k < n; k++) {  /* the lines of the group holding each word */
            if (group[k]) {
                for (int64_t p = starts[k]; p < starts[k + 1]; p++) {
                    holding[pairs[p]] += 1.0;
                }
            }
        }
        double squares = 0.0;
        for (Py_ssize_t v = 0; v < size; v++) {
            squares += is_content[v] ? holding[v] * holding[v] : 0.0;
        }
        double norm = sqrt(squares);
        if (norm == 0.0) {
            norm = 1.0;
        }
        for (Py_ssize_t k = 0; k < n; k++) {
            int64_t words = starts[k + 1] - starts[k];
            double dot = 0.0;
            for (int64_t p = starts[k]; p < starts[k + 1]; p++) {
                dot += holding[pairs[p]];
            }
            dot -= (double)words * (group[k] ? 1.0 : 0.0);  /* leave the line out */
            cosines[g * n + k] = words ? dot / (sqrt((double)(words > 1 ? words : 1)) * norm) : -1.0;
        }
    }
    running[0] = 0.0;
    for (Py_ssize_t k = 0; k < n; k++) {
        double c = cosines[k];
        running[k + 1] = running[k] + (c >= 0.0 ? c : 0.0);  /* np.maximum(c, 0.0): no NaN here */
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        int64_t words = starts[k + 1] - starts[k];
        Py_ssize_t hi = k + window + 1 < n ? k + window + 1 : n, lo = k - window > 0 ? k - window : 0;
        o[3 * k] = cosines[k];
        o[3 * k + 1] = (running[hi] - running[lo]) / (double)(2 * window + 1);
        o[3 * k + 2] = words ? cosines[k] - cosines[n + k] : -9.0;
    }
    result = Py_NewRef(Py_None);
release:
    release_words(&w);
done:
    PyMem_Free(seen);
    PyMem_Free(pairs);
    PyMem_Free(starts);
    PyMem_Free(holding);
    PyMem_Free(cosines);
    PyMem_Free(running);
    PyBuffer_Release(&content);
    PyBuffer_Release(&core);
    PyBuffer_Release(&outside);
    PyBuffer_Release(&out);
    return result;
}

/* Each language's votes of `words` (how many its stoplist holds, as `index`, word -> tuple of language numbers,
 * says) into `votes` (zeros); -1 on error. `bits` (`size` bytes, a power of two; NULL for none) has the bit of
 * each word of the index set, at its hash's low bits: a word whose bit is clear is in no list and is not looked
 * up. The index holds some 150,000 words, far beyond the processor's caches, and most of a page's words are
 * in no stoplist: each such look-up, a few reads from memory, was most of the vote's time. */
static int
count_votes(PyObject *words, PyObject *index, Py_ssize_t languages, Py_ssize_t *votes, const unsigned char *bits,
            Py_ssize_t size)
{
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(words); j++) {
        PyObject *word = PyList_GET_ITEM(words, j);
        if (bits != NULL) {
            Py_hash_t h = PyObject_Hash(word);
            if (h == -1) {
                return -1;
            }
            size_t at = (size_t)h & ((size_t)size * 8 - 1);
            if (!(bits[at >> 3] & (1u << (at & 7)))) {
                continue;
            }
        }
        PyObject *listed = PyDict_GetItemWithError(index, word);
        if (listed == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            continue;
        }
        if (!PyTuple_Check(listed)) {
            PyErr_SetString(PyExc_TypeError, "best_stoplist: the index must map words to tuples");
            return -1;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(listed); i++) {
            Py_ssize_t language = PyLong_AsSsize_t(PyTuple_GET_ITEM(listed, i));
            if (language < 0 || language >= languages) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_ValueError, "best_stoplist: a language number is out of range");
                }
                return -1;
            }
            votes[language]++;
        }
    }
    return 0;
}

/* best_stoplist(words, index, weights[, bits]) -> (language, votes) or None: `stoplists.best_stoplist_python`,
 * the language whose votes (`count_votes`) divided by its weight (a float each) are the most, the first of
 * equals; None when no language has a vote. `bits`: the index's words' hash bits (`stoplists._index_bits`). */
static PyObject *
best_stoplist(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *words, *index, *weights;
    Py_buffer bits = {0};
    if (!PyArg_ParseTuple(args, "O!O!O!|y*", &PyList_Type, &words, &PyDict_Type, &index, &PyTuple_Type, &weights,
                          &bits)) {
        return NULL;
    }
    if (bits.buf != NULL && (bits.len < 1 || (bits.len & (bits.len - 1)) != 0)) {
        PyBuffer_Release(&bits);
        PyErr_SetString(PyExc_ValueError, "best_stoplist: the bits must be a power of two bytes");
        return NULL;
    }
    Py_ssize_t languages = PyTuple_GET_SIZE(weights);
    Py_ssize_t *votes = PyMem_Calloc(languages + 1, sizeof(Py_ssize_t));
    if (votes == NULL) {
        PyBuffer_Release(&bits);
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    if (count_votes(words, index, languages, votes, bits.buf, bits.len) < 0) {
        goto done;
    }
    Py_ssize_t best = -1;
    double top = 0.0;
    for (Py_ssize_t i = 0; i < languages; i++) {
        if (!votes[i]) {
            continue;
        }
        double weight = PyFloat_AsDouble(PyTuple_GET_ITEM(weights, i));
        if (weight == -1.0 && PyErr_Occurred()) {
            goto done;
        }
        double score = (double)votes[i] / weight;  /* Python's int / float: the int made a float first */
        if (best < 0 || score > top) {
            best = i;
            top = score;
        }
    }
    result = best < 0 ? Py_NewRef(Py_None) : Py_BuildValue("(nn)", best, votes[best]);
done:
    PyMem_Free(votes);
    PyBuffer_Release(&bits);
    return result;
}

/* neighbours(classes, bad, short, inline, neargood) -> (p1, n1, p2, n2): `classify._neighbours_both_python`.
 * For each line, the class of the nearest line before it (p) and after it (n) that is neither SHORT nor
 * INLINE (p2, n2) nor NEARGOOD either (p1, n1); BAD past the page's edges. */
static PyObject *
neighbours(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *classes, *bad;
    long short_, inline_, neargood;
    if (!PyArg_ParseTuple(args, "O!Olll", &PyList_Type, &classes, &bad, &short_, &inline_, &neargood)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(classes);
    PyObject *out[4] = {PyList_New(n), PyList_New(n), PyList_New(n), PyList_New(n)};  /* p1, n1, p2, n2 */
    if (!out[0] || !out[1] || !out[2] || !out[3]) {
        goto fail;
    }
    for (int backward = 0; backward < 2; backward++) {
        PyObject *last1 = bad, *last2 = bad;  /* borrowed: each a class in `classes`, or `bad` */
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_ssize_t k = backward ? n - 1 - i : i;
            PyList_SET_ITEM(out[backward], k, Py_NewRef(last1));
            PyList_SET_ITEM(out[2 + backward], k, Py_NewRef(last2));
            PyObject *item = PyList_GET_ITEM(classes, k);
            long c = PyLong_AsLong(item);
            if (c == -1 && PyErr_Occurred()) {
                goto fail;
            }
            if (c != short_ && c != inline_) {
                last2 = item;
                if (c != neargood) {
                    last1 = item;
                }
            }
        }
    }
    return Py_BuildValue("(NNNN)", out[0], out[1], out[2], out[3]);
fail:
    for (int j = 0; j < 4; j++) {
        Py_XDECREF(out[j]);
    }
    return NULL;
}

/* `getattr(line, name)` (a new reference): a Line's field read from its slot, as its member descriptor reads it,
 * where the Line class has the slots `configure` found and `name` is the very str naming one of them (the
 * field names and the names the functions here intern are the same interned str); by getattr otherwise. The
 * slot of the name asked last at each of a few places (filed by the name's address) is tried first: a loop
 * asks the same few names of every line. */
static PyObject *
line_get(PyObject *line, PyObject *name)
{
    if (by_slots && line_fields != NULL && Py_IS_TYPE(line, Line_type)) {
        size_t at = ((uintptr_t)name >> 4) & 15;
        int k = asked[at] == name ? slot_of[at] : -1;
        for (int j = 0; k < 0 && j < FIELDS; j++) {
            if (PyTuple_GET_ITEM(line_fields, j) == name) {
                k = j;
                asked[at] = name;  /* (held by `line_fields`; configure forgets them) */
                slot_of[at] = j;
            }
        }
        if (k >= 0) {
            PyObject *value = *(PyObject **)((char *)line + field_offset[k]);
            if (value != NULL) {
                return Py_NewRef(value);
            }
        }
    }
    return PyObject_GetAttr(line, name);
}

/* An attribute of a line as a C long (`length`, `index`) or truth (`sentence_end`); -1 with an error set. */
static long
attr_long(PyObject *line, PyObject *name)
{
    PyObject *v = line_get(line, name);
    if (v == NULL) {
        return -1;
    }
    long x = PyLong_AsLong(v);
    Py_DECREF(v);
    return x;
}

/* Whether a line's body starts with a lowercase letter (`body[:1].islower()`); -1 with an error set. */
static int
starts_lower(PyObject *line)
{
    static PyObject *body_name = NULL;
    if (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL) {
        return -1;
    }
    PyObject *body = line_get(line, body_name);
    if (body == NULL) {
        return -1;
    }
    int lower = PyUnicode_Check(body) && PyUnicode_GET_LENGTH(body) > 0
        && Py_UNICODE_ISLOWER(PyUnicode_READ_CHAR(body, 0));
    Py_DECREF(body);
    return lower;
}

/* weights(lines, bodies, cls, reason, original, boundary_reasons, inline_reasons, params) -> list of float:
 * `classify._weights_python`, params being (GOOD, SHORT, KEPT_SHORT_GAIN, GAIN_CAP, NEARGOOD_SHARE,
 * BOUNDARY_MAX_CHARS, BOUNDARY_COST, BAD_BASE, BAD_PER_CHAR, BAD_CAP). The Python gives a kept line's gain as
 * an int; here it is the same number as a float, which the sums and comparisons that read it treat alike. */
static PyObject *
weights(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines, *bodies, *cls, *reason, *original, *boundary, *inline_;
    long good, short_, gain_cap, boundary_max;
    double kept_short_gain, neargood_share, boundary_cost, bad_base, bad_per_char, bad_cap;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!OO(lldldldddd)", &PyList_Type, &lines, &PyList_Type, &bodies,
                          &PyList_Type, &cls, &PyList_Type, &reason, &PyList_Type, &original, &boundary, &inline_,
                          &good, &short_, &kept_short_gain, &gain_cap, &neargood_share, &boundary_max,
                          &boundary_cost, &bad_base, &bad_per_char, &bad_cap)) {
        return NULL;
    }
    static PyObject *length_name = NULL, *index_name = NULL, *end_name = NULL;
    if (length_name == NULL && ((length_name = PyUnicode_InternFromString("length")) == NULL
                                || (index_name = PyUnicode_InternFromString("index")) == NULL
                                || (end_name = PyUnicode_InternFromString("sentence_end")) == NULL)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    if (PyList_GET_SIZE(bodies) != n || PyList_GET_SIZE(cls) != n || PyList_GET_SIZE(reason) != n
            || PyList_GET_SIZE(original) != n) {
        PyErr_SetString(PyExc_ValueError, "weights: the lists must have a line each");
        return NULL;
    }
    PyObject *first_at = PyDict_New(), *out = PyList_New(n);
    if (first_at == NULL || out == NULL) {
        goto fail;
    }
    for (Py_ssize_t k = 0; k < n; k++) {  /* the earliest position of each body */
        PyObject *at = PyLong_FromSsize_t(k);
        PyObject *first = at == NULL ? NULL : PyDict_SetDefault(first_at, PyList_GET_ITEM(bodies, k), at);
        Py_XDECREF(at);
        if (first == NULL) {
            goto fail;
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        long c = PyLong_AsLong(PyList_GET_ITEM(cls, k));
        long length = attr_long(line, length_name);
        if ((c == -1 || length == -1) && PyErr_Occurred()) {
            goto fail;
        }
        double w;
        if (c == good) {
            long o = PyLong_AsLong(PyList_GET_ITEM(original, k));
            PyObject *first = PyDict_GetItemWithError(first_at, PyList_GET_ITEM(bodies, k));
            if ((o == -1 && PyErr_Occurred()) || first == NULL) {
                goto fail;
            }
            if (PyLong_AsSsize_t(first) != k) {
                w = 0.0;
            }
            else if (o == short_) {
                w = kept_short_gain;
            }
            else {
                long gain = length < gain_cap ? length : gain_cap;
                w = o == good ? (double)gain : (double)gain * neargood_share;
            }
            if (w == 0 && o == short_) {  /* `_wrapped`: part of a hard-wrapped paragraph */
                int wrapped = 0;
                for (int side = 0; side < 2 && !wrapped; side++) {
                    Py_ssize_t other = side ? k - 1 : k + 1;
                    if (other < 0 || other >= n) {
                        continue;
                    }
                    PyObject *above = side ? PyList_GET_ITEM(lines, other) : line;  /* runs on into the one below */
                    PyObject *below = side ? line : PyList_GET_ITEM(lines, other);
                    PyObject *ends = line_get(above, end_name);
                    int sentence_end = ends == NULL ? -1 : PyObject_IsTrue(ends);
                    Py_XDECREF(ends);
                    long above_index = attr_long(above, index_name), below_index = attr_long(below, index_name);
                    int lower = starts_lower(below);
                    if (sentence_end < 0 || lower < 0
                            || ((above_index == -1 || below_index == -1) && PyErr_Occurred())) {
                        goto fail;
                    }
                    wrapped = !sentence_end && below_index == above_index + 1 && lower;
                }
                if (wrapped) {
                    w = (double)length * neargood_share;
                }
            }
        }
        else {
            PyObject *why = PyList_GET_ITEM(reason, k);
            int at_boundary = PySet_Contains(boundary, why), inline_reason = 0;
            if (at_boundary < 0) {
                goto fail;
            }
            if (at_boundary && length <= boundary_max) {
                w = -boundary_cost;
            }
            else if ((inline_reason = PySet_Contains(inline_, why)) < 0) {
                goto fail;
            }
            else if (inline_reason) {
                w = -bad_base;
            }
            else {
                double cost = bad_base + bad_per_char * (double)length;
                w = -(bad_cap < cost ? bad_cap : cost);  /* min(cost, BAD_CAP) */
            }
        }
        PyObject *weight = PyFloat_FromDouble(w);
        if (weight == NULL) {
            goto fail;
        }
        PyList_SET_ITEM(out, k, weight);
    }
    Py_DECREF(first_at);
    return out;
fail:
    Py_XDECREF(first_at);
    Py_XDECREF(out);
    return NULL;
}

/* Append position k to a list of positions; -1 on error. */
static int
append_position(PyObject *out, Py_ssize_t k)
{
    PyObject *at = PyLong_FromSsize_t(k);
    int failed = at == NULL || PyList_Append(out, at) < 0;
    Py_XDECREF(at);
    return failed ? -1 : 0;
}

/* Whether `text` holds a character of re's [^\W_] (a letter or a digit), or with `digits` false of [^\W\d_]
 * (a letter). */
static int
holds_letter(PyObject *text, int digits)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (word_char(c) && c != '_' && (digits || !decimal(c))) {
            return 1;
        }
    }
    return 0;
}

/* `fullmatch(text) is None`, for a regex's fullmatch; -1 on error. */
static int
no_fullmatch(PyObject *fullmatch, PyObject *text)
{
    PyObject *m = PyObject_CallOneArg(fullmatch, text);
    if (m == NULL) {
        return -1;
    }
    int none = m == Py_None;
    Py_DECREF(m);
    return none;
}

/* `bool(predicate(text))`; -1 on error. */
static int
holds_for(PyObject *predicate, PyObject *text)
{
    PyObject *r = PyObject_CallOneArg(predicate, text);
    if (r == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(r);
    Py_DECREF(r);
    return truth;
}

/* `lines.text_field(text)` for a text holding a "[": a "[" whose first "]" after it closes 3 to 83 characters of
 * no newline, the last three of them spaces (`_TEXT_FIELD_RE`, \[[^\]\n]{0,80}? {3}\]). */
static int
text_field(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(kind, data, i) != '[') {
            continue;
        }
        Py_ssize_t j = i + 1;
        int newline = 0;
        while (j < n && j - i - 1 <= 83 && PyUnicode_READ(kind, data, j) != ']') {
            newline |= PyUnicode_READ(kind, data, j) == '\n';
            j++;
        }
        if (j < n && j - i - 1 >= 3 && j - i - 1 <= 83 && !newline && PyUnicode_READ(kind, data, j - 1) == ' '
                && PyUnicode_READ(kind, data, j - 2) == ' ' && PyUnicode_READ(kind, data, j - 3) == ' ') {
            return 1;
        }
    }
    return 0;
}

/* Whether line `line` is markup (`page._is_markup_python`, the test `page._mark_markup` makes of each
 * candidate); -1 on error. */
static int
is_markup(PyObject *line, PyObject *const *names, Py_ssize_t code_min_chars, Py_ssize_t prose_spaces,
          PyObject *emoticon, PyObject *bracketed_sentence, PyObject *program_code)
{
    PyObject *text = line_get(line, names[0]), *body = line_get(line, names[1]);
    int result = -1;
    if (text == NULL || body == NULL) {
        goto done;
    }
    if (!PyUnicode_Check(text) || !PyUnicode_Check(body)) {
        PyErr_SetString(PyExc_TypeError, "markup_lines: a line's text and body must be str");
        goto done;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), spaces = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    static PyObject *space = NULL;
    if (space == NULL && (space = PyUnicode_FromOrdinal(' ')) == NULL) {
        goto done;
    }
    int bracket = PyUnicode_FindChar(text, '[', 0, n, 1) >= 0;  /* a memchr on most lines */
    if (n >= code_min_chars && (spaces = PyUnicode_Count(text, space, 0, n)) < 0) {
        goto done;
    }
    int body_alnum = PyUnicode_GET_LENGTH(body) && Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(body, 0));
    int code_shaped = n >= code_min_chars && spaces * prose_spaces < n;
    result = 0;
    if (!body_alnum && !(n && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, 0))) && !holds_letter(text, 1)) {
        result = no_fullmatch(emoticon, text);  /* `symbols_only` */
        if (result != 0) {
            goto done;
        }
    }
    if (bracket) {
        PyObject *markup = line_get(line, names[2]);
        int truth = markup == NULL ? -1 : PyObject_IsTrue(markup);
        Py_XDECREF(markup);
        if (truth < 0) {
            result = -1;
            goto done;
        }
        if (truth && tokens_only(PyUnicode_KIND(body), PyUnicode_DATA(body), PyUnicode_GET_LENGTH(body))) {
            int sentence = holds_for(bracketed_sentence, body);
            if (sentence != 0) {
                result = sentence < 0 ? -1 : 0;
                if (result < 0) {
                    goto done;
                }
            }
            else {
                result = 1;
                goto done;
            }
        }
        if (text_field(text)) {
            result = 1;
            goto done;
        }
    }
    if (code_shaped) {
        result = holds_for(program_code, text);
    }
done:
    Py_XDECREF(text);
    Py_XDECREF(body);
    return result;
}

/* markup_lines(lines, code_min_chars, prose_spaces, emoticon, bracketed_sentence, program_code) -> list of int:
 * the positions of the lines `page._mark_markup_python` marks as markup: lines of symbols only (no letter or digit,
 * no smiley: `emoticon` is _EMOTICON_RE.fullmatch), lines of w3m's tokens only that read as no sentence
 * (`bracketed_sentence`), lines with a form's text field, and lines of program code (`program_code`, asked
 * only of long lines with few spaces). */
static PyObject *
markup_lines(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines, *emoticon, *bracketed_sentence, *program_code;
    Py_ssize_t code_min_chars, prose_spaces;
    if (!PyArg_ParseTuple(args, "O!nnOOO", &PyList_Type, &lines, &code_min_chars, &prose_spaces, &emoticon,
                          &bracketed_sentence, &program_code)) {
        return NULL;
    }
    static PyObject *names[3] = {NULL};
    static const char *attribute[3] = {"text", "body", "markup"};
    for (int a = 0; a < 3; a++) {
        if (names[a] == NULL && (names[a] = PyUnicode_InternFromString(attribute[a])) == NULL) {
            return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(lines); k++) {
        int markup = is_markup(PyList_GET_ITEM(lines, k), names, code_min_chars, prose_spaces, emoticon,
                               bracketed_sentence, program_code);
        if (markup < 0 || (markup > 0 && append_position(out, k) < 0)) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* letterless_lines(lines, first, last, emoticon) -> list of int: the positions of the lines outside [first, last]
 * that `page._mark_letterless_outside_python` makes sure of: no letter ([^\W\d_]) and no smiley (`emoticon` is
 * _EMOTICON_RE.fullmatch). */
static PyObject *
letterless_lines(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines, *emoticon;
    Py_ssize_t first, last;
    if (!PyArg_ParseTuple(args, "O!nnO", &PyList_Type, &lines, &first, &last, &emoticon)) {
        return NULL;
    }
    static PyObject *text_name = NULL, *body_name = NULL;
    if ((text_name == NULL && (text_name = PyUnicode_InternFromString("text")) == NULL)
            || (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL)) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (k >= first && k <= last) {
            continue;
        }
        PyObject *line = PyList_GET_ITEM(lines, k);
        PyObject *text = line_get(line, text_name), *body = line_get(line, body_name);
        int sure = -1;
        if (text != NULL && body != NULL && PyUnicode_Check(text) && PyUnicode_Check(body)) {
            sure = !(PyUnicode_GET_LENGTH(body) && Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(body, 0)))
                   && !(PyUnicode_GET_LENGTH(text) && Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(text, 0)))
                   && !holds_letter(text, 0);
            if (sure) {
                sure = no_fullmatch(emoticon, text);
            }
        }
        else if (text != NULL && body != NULL) {
            PyErr_SetString(PyExc_TypeError, "letterless_lines: a line's text and body must be str");
        }
        Py_XDECREF(text);
        Py_XDECREF(body);
        if (sure < 0 || (sure > 0 && append_position(out, k) < 0)) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* line_columns(lines, names, out): `features._line_columns_python`, the per-line numbers the line model's
 * columns are made of, as float64 rows of `out` (rows x lines, C order): one row for each attribute in
 * `names` (an int or a bool of each line), then four read from each line's body: whether it ends with ":",
 * whether its first character is lowercase and whether it is uppercase (`str.islower` and `str.isupper` of a
 * single character are Py_UNICODE_ISLOWER and Py_UNICODE_ISUPPER), and its length up to CHAR_SAMPLE. */
static PyObject *
line_columns(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines, *names;
    Py_buffer out;
    if (!PyArg_ParseTuple(args, "O!O!w*", &PyList_Type, &lines, &PyTuple_Type, &names, &out)) {
        return NULL;
    }
    static PyObject *body_name = NULL;
    PyObject *result = NULL;
    if (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines), attrs = PyTuple_GET_SIZE(names);
    if (out.len != (attrs + 4) * n * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "line_columns: out must hold len(names) + 4 rows of a float64 a line");
        goto done;
    }
    double *row = out.buf;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        for (Py_ssize_t a = 0; a < attrs; a++) {
            PyObject *v = line_get(line, PyTuple_GET_ITEM(names, a));
            if (v == NULL) {
                goto done;
            }
            double x = PyLong_Check(v) ? PyLong_AsDouble(v) : -1.0;
            if (!PyLong_Check(v)) {
                PyErr_Format(PyExc_TypeError, "line_columns: a line's %R must be an int or a bool",
                             PyTuple_GET_ITEM(names, a));
            }
            Py_DECREF(v);
            if (x == -1.0 && PyErr_Occurred()) {
                goto done;
            }
            row[a * n + k] = x;
        }
        PyObject *body = line_get(line, body_name);
        if (body == NULL) {
            goto done;
        }
        if (!PyUnicode_Check(body)) {
            Py_DECREF(body);
            PyErr_SetString(PyExc_TypeError, "line_columns: a line's body must be a str");
            goto done;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(body);
        Py_UCS4 first = length ? PyUnicode_READ_CHAR(body, 0) : 0;
        row[attrs * n + k] = length && PyUnicode_READ_CHAR(body, length - 1) == ':';
        row[(attrs + 1) * n + k] = length && Py_UNICODE_ISLOWER(first);
        row[(attrs + 2) * n + k] = length && Py_UNICODE_ISUPPER(first);
        row[(attrs + 3) * n + k] = (double)(length < CHAR_SAMPLE ? length : CHAR_SAMPLE);
        Py_DECREF(body);
    }
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&out);
    return result;
}

/* Whether a str is digits only (`str.isdigit`: Py_UNICODE_ISDIGIT of each character, and not empty). */
static int
all_digits(PyObject *word)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return n > 0;
}

/* word_values(words, vocabulary, stoplist, min_chars, values, stop, content): `features._word_values_python`, for
 * each of a page's distinct words its log-odds in `vocabulary` (a dict of floats; NaN for a word it lacks, and 0.0
 * for -0.0, as `+ 0.0` gives) into `values` (float64), whether `stoplist` (a set or frozenset) holds it into `stop`
 * (bool), and whether it is a content word (`min_chars` long or more, no stopword, not digits only) into `content`
 * (bool): what is read about a word, in one pass, without a call through `map` for each. */
static PyObject *
word_values(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *words, *vocabulary, *stoplist;
    Py_ssize_t min_chars;
    Py_buffer values, stop, contents;
    if (!PyArg_ParseTuple(args, "O!O!Onw*w*w*", &PyList_Type, &words, &PyDict_Type, &vocabulary, &stoplist,
                          &min_chars, &values, &stop, &contents)) {
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n = PyList_GET_SIZE(words);
    if (!PyAnySet_Check(stoplist)) {
        PyErr_SetString(PyExc_TypeError, "word_values: the stoplist must be a set or a frozenset");
        goto done;
    }
    if (values.len != n * (Py_ssize_t)sizeof(double) || stop.len != n || contents.len != n) {
        PyErr_SetString(PyExc_ValueError,
                        "word_values: values, stop and content must hold a float64, a bool and a bool a word");
        goto done;
    }
    double *value = values.buf;
    unsigned char *stopword = stop.buf, *content = contents.buf;
    int any_stop = PySet_GET_SIZE(stoplist) > 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        if (!PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "word_values: a word must be a str");
            goto done;
        }
        PyObject *v = PyDict_GetItemWithError(vocabulary, word);
        if (v == NULL) {
            if (PyErr_Occurred()) {
                goto done;
            }
            value[i] = Py_NAN;
        }
        else {
            double x = PyFloat_AsDouble(v);
            if (x == -1.0 && PyErr_Occurred()) {
                goto done;
            }
            value[i] = x + 0.0;
        }
        int in = any_stop ? PySet_Contains(stoplist, word) : 0;
        if (in < 0) {
            goto done;
        }
        stopword[i] = (unsigned char)in;
        content[i] = !in && PyUnicode_GET_LENGTH(word) >= min_chars && !all_digits(word);
    }
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&values);
    PyBuffer_Release(&stop);
    PyBuffer_Release(&contents);
    return result;
}

/* A piece of the raw text (`spans.line_pieces`): [a, z) and its label (borrowed from the caller's lists). */
typedef struct {
    Py_ssize_t a, z;
    PyObject *label;
} Piece;

typedef struct {
    Piece *items;
    Py_ssize_t n, size;
} Pieces;

static int
add_piece(Pieces *p, Py_ssize_t a, Py_ssize_t z, PyObject *label)
{
    if (p->n == p->size) {
        Py_ssize_t size = p->size ? 2 * p->size : 64;
        Piece *items = PyMem_Realloc(p->items, size * sizeof(Piece));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        p->items = items;
        p->size = size;
    }
    p->items[p->n++] = (Piece){a, z, label};
    return 0;
}

static inline int
same_label(PyObject *x, PyObject *y)  /* two str labels (checked where they are read) */
{
    return x == y || PyUnicode_Compare(x, y) == 0;
}

/* `spans.partition_python`'s merging: the pieces in raw order, the gaps between them whitespace, whitespace
 * between two spans of one reason joining them, into `out`. */
static int
merge_pieces(const Pieces *in, Py_ssize_t raw_length, PyObject *kept, PyObject *whitespace, Pieces *out)
{
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < in->n; i++) {
        Py_ssize_t a = in->items[i].a, z = in->items[i].z;
        PyObject *label = in->items[i].label;
        if (z > raw_length) {
            z = raw_length;
        }
        if (a > pos) {  /* whitespace before the piece: it joins whitespace before it */
            if (out->n && same_label(out->items[out->n - 1].label, whitespace)) {
                out->items[out->n - 1].z = a;
            }
            else if (add_piece(out, pos, a, whitespace) < 0) {
                return -1;
            }
        }
        if (z > a) {
            if (same_label(label, kept) || !out->n) {
                if (add_piece(out, a, z, label) < 0) {
                    return -1;
                }
            }
            else {
                Piece *last = &out->items[out->n - 1];
                if (same_label(last->label, label)) {
                    last->z = z;
                }
                else if (!same_label(label, whitespace) && same_label(last->label, whitespace) && out->n >= 2
                         && same_label(out->items[out->n - 2].label, label)) {
                    out->n--;
                    out->items[out->n - 1].z = z;
                }
                else if (add_piece(out, a, z, label) < 0) {
                    return -1;
                }
            }
        }
        if (z > pos) {
            pos = z;
        }
    }
    if (pos < raw_length) {
        if (out->n && same_label(out->items[out->n - 1].label, whitespace)) {
            out->items[out->n - 1].z = raw_length;
        }
        else if (add_piece(out, pos, raw_length, whitespace) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The kept segments, as (start, end) tuples, and the removed spans of merged pieces: each span made as the
 * dataclass's own __init__ makes one, by `span_new(span_type)` (object.__new__) and object.__setattr__ of its
 * three fields, which `spans.py` checks are all it has. */
static PyObject *
kept_and_removed(const Pieces *merged, PyObject *kept_label, PyObject *span_new, PyObject *span_type)
{
    static PyObject *field[3] = {NULL};
    static const char *names[3] = {"start", "end", "reason"};
    for (int f = 0; f < 3; f++) {
        if (field[f] == NULL && (field[f] = PyUnicode_InternFromString(names[f])) == NULL) {
            return NULL;
        }
    }
    PyObject *kept = PyList_New(0), *removed = PyList_New(0);
    if (kept == NULL || removed == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < merged->n; i++) {
        const Piece *p = &merged->items[i];
        if (same_label(p->label, kept_label)) {
            PyObject *segment = Py_BuildValue("(nn)", p->a, p->z);
            if (segment == NULL || PyList_Append(kept, segment) < 0) {
                Py_XDECREF(segment);
                goto fail;
            }
            Py_DECREF(segment);
            continue;
        }
        PyObject *span = PyObject_CallOneArg(span_new, span_type);
        if (span == NULL) {
            goto fail;
        }
        PyObject *values[3] = {PyLong_FromSsize_t(p->a), PyLong_FromSsize_t(p->z), Py_NewRef(p->label)};
        int failed = values[0] == NULL || values[1] == NULL;
        for (int f = 0; f < 3 && !failed; f++) {
            failed = PyObject_GenericSetAttr(span, field[f], values[f]) < 0;
        }
        for (int f = 0; f < 3; f++) {
            Py_XDECREF(values[f]);
        }
        if (failed || PyList_Append(removed, span) < 0) {
            Py_DECREF(span);
            goto fail;
        }
        Py_DECREF(span);
    }
    return Py_BuildValue("(NN)", kept, removed);
fail:
    Py_XDECREF(kept);
    Py_XDECREF(removed);
    return NULL;
}

/* Read (a, z, label) tuples of ints and a str into `pieces`; -1 with an error set. */
static int
read_pieces(PyObject *list, Pieces *pieces, const char *who)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *t = PyList_GET_ITEM(list, i);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 3 || !PyUnicode_Check(PyTuple_GET_ITEM(t, 2))) {
            PyErr_Format(PyExc_TypeError, "%s: a piece must be a tuple (start, end, label)", who);
            return -1;
        }
        Py_ssize_t a = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 0)), z = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 1));
        if (PyErr_Occurred() || add_piece(pieces, a, z, PyTuple_GET_ITEM(t, 2)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* partition(raw_length, pieces, kept, whitespace, span_new, span_type) -> (kept, removed): `spans.partition_python`. */
static PyObject *
partition(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_ssize_t raw_length;
    PyObject *list, *kept, *whitespace, *span_new, *span_type;
    if (!PyArg_ParseTuple(args, "nO!UUOO", &raw_length, &PyList_Type, &list, &kept, &whitespace, &span_new,
                          &span_type)) {
        return NULL;
    }
    Pieces in = {NULL, 0, 0}, out = {NULL, 0, 0};
    PyObject *result = NULL;
    if (read_pieces(list, &in, "partition") == 0 && merge_pieces(&in, raw_length, kept, whitespace, &out) == 0) {
        result = kept_and_removed(&out, kept, span_new, span_type);
    }
    PyMem_Free(in.items);
    PyMem_Free(out.items);
    return result;
}

/* partition_lines(raw_length, lines, reasons, split_pieces, kept, whitespace, span_new, span_type) -> (kept,
 * removed): `spans.partition_python(raw_length, spans.line_pieces(lines, reasons, splits))`, the pieces
 * gathered in C. `split_pieces` maps a line removed in parts to its pieces (`spans._split_pieces`). */
static PyObject *
partition_lines(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_ssize_t raw_length;
    PyObject *lines, *reasons, *split_pieces, *kept, *whitespace, *span_new, *span_type;
    if (!PyArg_ParseTuple(args, "nO!O!O!UUOO", &raw_length, &PyList_Type, &lines, &PyList_Type, &reasons,
                          &PyDict_Type, &split_pieces, &kept, &whitespace, &span_new, &span_type)) {
        return NULL;
    }
    if (PyList_GET_SIZE(reasons) != PyList_GET_SIZE(lines)) {
        PyErr_SetString(PyExc_ValueError, "partition_lines: a reason (or None) a line");
        return NULL;
    }
    static PyObject *names[4] = {NULL};  /* start, end, line_start, line_end */
    static const char *fields[4] = {"start", "end", "line_start", "line_end"};
    for (int f = 0; f < 4; f++) {
        if (names[f] == NULL && (names[f] = PyUnicode_InternFromString(fields[f])) == NULL) {
            return NULL;
        }
    }
    Pieces in = {NULL, 0, 0}, out = {NULL, 0, 0};
    PyObject *result = NULL, *run_reason = NULL;
    Py_ssize_t run_start = 0, run_end = 0, any_split = PyDict_GET_SIZE(split_pieces) > 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(lines); k++) {
        PyObject *reason = PyList_GET_ITEM(reasons, k), *parts = NULL;
        if (reason != Py_None && !PyUnicode_Check(reason)) {
            PyErr_SetString(PyExc_TypeError, "partition_lines: a reason must be a str or None");
            goto done;
        }
        if (any_split && reason != Py_None) {
            PyObject *key = PyLong_FromSsize_t(k);
            if (key == NULL) {
                goto done;
            }
            parts = PyDict_GetItemWithError(split_pieces, key);
            Py_DECREF(key);
            if (parts == NULL && PyErr_Occurred()) {
                goto done;
            }
        }
        PyObject *line = PyList_GET_ITEM(lines, k);
        Py_ssize_t at[4];
        for (int f = 0; f < 4; f++) {
            PyObject *v = line_get(line, names[f]);
            if (v == NULL) {
                goto done;
            }
            at[f] = PyLong_AsSsize_t(v);
            Py_DECREF(v);
            if (at[f] == -1 && PyErr_Occurred()) {
                goto done;
            }
        }
        if (reason != Py_None && run_reason != NULL && parts == NULL && same_label(reason, run_reason)) {
            run_end = at[3] + 1;
            continue;
        }
        if (run_reason != NULL) {
            if (add_piece(&in, run_start, run_end, run_reason) < 0) {
                goto done;
            }
            run_reason = NULL;
        }
        if (reason == Py_None) {
            if (add_piece(&in, at[0], at[1], kept) < 0) {
                goto done;
            }
        }
        else if (parts != NULL) {
            if (!PyList_Check(parts)) {
                PyErr_SetString(PyExc_TypeError, "partition_lines: a line's split pieces must be a list");
                goto done;
            }
            if (read_pieces(parts, &in, "partition_lines") < 0) {
                goto done;
            }
        }
        else {
            run_reason = reason;
            run_start = at[2];
            run_end = at[3] + 1;
        }
    }
    if (run_reason != NULL && add_piece(&in, run_start, run_end, run_reason) < 0) {
        goto done;
    }
    if (merge_pieces(&in, raw_length, kept, whitespace, &out) == 0) {
        result = kept_and_removed(&out, kept, span_new, span_type);
    }
done:
    PyMem_Free(in.items);
    PyMem_Free(out.items);
    return result;
}

#define MAX_SLOTS 16
/* slot_objects(type, fields, columns) -> list: `list(map(type, *columns))` for a dataclass with slots whose
 * __init__ only stores each argument in the slot of its field (`fields`, in order; the callers check the class
 * has no __post_init__): instance i holds columns[f][i] in slot f, written directly, as `split_lines` makes a
 * Line. Each field must be a writable object slot of `type`. */
static PyObject *
slot_objects(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyTypeObject *type;
    PyObject *fields, *columns;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyType_Type, &type, &PyTuple_Type, &fields, &PyTuple_Type, &columns)) {
        return NULL;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(fields);
    if (count > MAX_SLOTS || PyTuple_GET_SIZE(columns) != count) {
        PyErr_Format(PyExc_ValueError, "slot_objects: a column a field, at most %d", MAX_SLOTS);
        return NULL;
    }
    Py_ssize_t offset[MAX_SLOTS], n = -1;
    for (Py_ssize_t f = 0; f < count; f++) {
        PyObject *column = PyTuple_GET_ITEM(columns, f);
        if (!PyList_Check(column) || (n >= 0 && PyList_GET_SIZE(column) != n)) {
            PyErr_SetString(PyExc_ValueError, "slot_objects: the columns must be lists of one length");
            return NULL;
        }
        n = PyList_GET_SIZE(column);
        PyObject *slot = PyObject_GetAttr((PyObject *)type, PyTuple_GET_ITEM(fields, f));
        if (slot == NULL) {
            return NULL;
        }
        int ok = Py_IS_TYPE(slot, &PyMemberDescr_Type)
            && ((PyMemberDescrObject *)slot)->d_member->type == T_OBJECT_EX
            && !(((PyMemberDescrObject *)slot)->d_member->flags & READONLY)
            && ((PyMemberDescrObject *)slot)->d_common.d_type == type;
        if (ok) {
            offset[f] = ((PyMemberDescrObject *)slot)->d_member->offset;
        }
        Py_DECREF(slot);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "%R is no writable object slot of %s", PyTuple_GET_ITEM(fields, f),
                         type->tp_name);
            return NULL;
        }
    }
    PyObject *out = PyList_New(n < 0 ? 0 : n);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *obj = type->tp_alloc(type, 0);
        if (obj == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        for (Py_ssize_t f = 0; f < count; f++) {
            *(PyObject **)((char *)obj + offset[f]) = Py_NewRef(PyList_GET_ITEM(PyTuple_GET_ITEM(columns, f), i));
        }
        PyList_SET_ITEM(out, i, obj);
    }
    return out;
}

/* The ints of a layout tuple (`features._PAGE_LAYOUT`), each a column (or row) below `limit`. */
static int
layout_ints(PyObject *tuple, Py_ssize_t count, Py_ssize_t limit, Py_ssize_t *out, const char *what)
{
    if (!PyTuple_Check(tuple) || (count >= 0 && PyTuple_GET_SIZE(tuple) != count)) {
        PyErr_Format(PyExc_ValueError, "page_columns: the layout's %s must be a tuple of %zd ints", what, count);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        out[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(tuple, i));
        if (out[i] == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (out[i] < 0 || out[i] >= limit) {
            PyErr_Format(PyExc_ValueError, "page_columns: the layout's %s holds %zd, beyond the %zd there are",
                         what, out[i], limit);
            return -1;
        }
    }
    return 0;
}

/* `features._log1p` of one whole number: math.log1p's value read from its table below the table's end. */
static inline double
table_log1p(const double *table, Py_ssize_t size, double v)
{
    Py_ssize_t whole = (Py_ssize_t)v;  /* astype(np.intp) truncates */
    return whole >= 0 && whole < size ? table[whole] : log1p(v);
}

/* The order of `features._PAGE_ROWS` and `features._PAGE_COLUMNS`. */
enum { R_LENGTH, R_DIGITS, R_UPPERS, R_SAMPLE, R_START, R_INDEX, PAGE_ROWS };
enum {
    C_LOG_LENGTH, C_STOP_DENSITY, C_DIGIT_SHARE, C_UPPER_SHARE, C_REPEATS, C_CUE_ANY, C_ORIGINAL, C_VERDICT, C_CUES,
    C_POSITION, C_CHAR_POSITION, C_INSIDE, C_ABOVE, C_BELOW, C_LINES_TO_REGION, C_REGION_SHARE, C_AFTER_COMMENTS,
    C_BLANK_BEFORE, C_BLANK_AFTER, C_HAS_STOPLIST, C_PAGE_LINES, C_LOG_PAGE_CHARS, C_TEXT_BEFORE, C_TEXT_AFTER,
    C_LOG_TEXT_AFTER, C_LINES_SINCE_CUE, C_TEXT_SINCE_CUE, C_RUN_CHARS, C_RUN_LINES, C_NEIGHBOURS, PAGE_COLUMNS
};
#define NEIGHBOUR_COLUMNS 6
#define WINDOW_SERIES 8
#define MAX_WINDOWS 4
#define MAX_AS_READ 32
#define MAX_COPIED WINDOW_SERIES

/* Each line's body counted (`collections.Counter`): whether it is said more than once, into `repeats`. */
static int
repeated_bodies(PyObject *lines, unsigned char *repeats)
{
    static PyObject *body_name = NULL;
    if (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *first = PyDict_New();  /* body -> the line it is first on */
    if (first == NULL) {
        return -1;
    }
    int status = -1;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *body = line_get(PyList_GET_ITEM(lines, k), body_name);
        if (body == NULL) {
            goto done;
        }
        PyObject *where = PyLong_FromSsize_t(k);
        if (where == NULL) {
            Py_DECREF(body);
            goto done;
        }
        PyObject *seen = PyDict_SetDefault(first, body, where);  /* borrowed */
        Py_DECREF(body);
        if (seen == NULL) {
            Py_DECREF(where);
            goto done;
        }
        repeats[k] = 0;
        if (seen != where) {
            repeats[k] = repeats[PyLong_AsSsize_t(seen)] = 1;
        }
        Py_DECREF(where);
    }
    status = 0;
done:
    Py_DECREF(first);
    return status;
}

/* page_columns(layout, columns, lines, rows, verdicts, original, first, last, comments_start, total_chars,
 * stop_density): `features._page_columns_python` into `columns` (float32, one row a column of the feature
 * matrix: the matrix's transpose), from the lines' `_line_columns` rows (float64) and each verdict's `cls` and
 * `cue`. The floats are numpy's: each value is computed in float64 as the reference's array operation computes
 * it and rounded to float32 once; the sums of the text position (`_add_text_position`) are of whole numbers,
 * exact in any order, and the windows' running sums (`_cumulative`) are taken line after line as np.cumsum
 * takes them, their differences rounded to float32 before the division, which is float32's as numpy's is. */
static PyObject *
page_columns(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *layout, *lines, *verdicts, *original, *densities;
    Py_buffer out, rows_buffer;
    Py_ssize_t first, last, comments, total_chars;
    if (!PyArg_ParseTuple(args, "O!w*O!y*O!O!nnnnO", &PyTuple_Type, &layout, &out, &PyList_Type, &lines,
                          &rows_buffer, &PyList_Type, &verdicts, &PyList_Type, &original, &first, &last, &comments,
                          &total_chars, &densities)) {
        return NULL;
    }
    static PyObject *cls_name = NULL, *cue_name = NULL;
    PyObject *result = NULL, *row_tuple, *as_read_rows, *as_read_columns, *column_tuple, *neighbour_tuple,
             *window_tuple, *window_columns, *copied_series, *copied_columns, *cue_codes;
    Py_buffer block, table_buffer, density_buffer = {0};
    Py_ssize_t cues, other_cue, no_cue;
    long good;
    double short_log;
    double *work = NULL;
    unsigned char *flags = NULL;
    int have_layout = 0;
    if ((cls_name == NULL && (cls_name = PyUnicode_InternFromString("cls")) == NULL)
            || (cue_name == NULL && (cue_name = PyUnicode_InternFromString("cue")) == NULL)) {
        goto done;
    }
    if (!PyArg_ParseTuple(layout, "O!O!O!O!O!O!O!O!O!nO!nny*ly*d", &PyTuple_Type, &row_tuple, &PyTuple_Type,
                          &as_read_rows, &PyTuple_Type, &as_read_columns, &PyTuple_Type, &column_tuple, &PyTuple_Type,
                          &neighbour_tuple, &PyTuple_Type, &window_tuple, &PyTuple_Type, &window_columns,
                          &PyTuple_Type, &copied_series, &PyTuple_Type, &copied_columns, &cues, &PyDict_Type,
                          &cue_codes, &other_cue, &no_cue, &block, &good, &table_buffer, &short_log)) {
        goto done;
    }
    have_layout = 1;
    Py_ssize_t n = PyList_GET_SIZE(lines);
    if (PyList_GET_SIZE(verdicts) != n || PyList_GET_SIZE(original) != n) {
        PyErr_SetString(PyExc_ValueError, "page_columns: lines, verdicts and original must be as long");
        goto done;
    }
    if (n == 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    Py_ssize_t width = out.len / (n * (Py_ssize_t)sizeof(float));
    Py_ssize_t height = rows_buffer.len / (n * (Py_ssize_t)sizeof(double));
    if (out.len != width * n * (Py_ssize_t)sizeof(float) || rows_buffer.len != height * n * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "page_columns: columns and rows must hold a float32 and a float64 a line");
        goto done;
    }
    Py_ssize_t row[PAGE_ROWS], column[PAGE_COLUMNS], neighbour[NEIGHBOUR_COLUMNS], windows[MAX_WINDOWS],
               window_column[MAX_WINDOWS], read_row[MAX_AS_READ], read_column[MAX_AS_READ], series[MAX_COPIED],
               copied[MAX_COPIED];
    Py_ssize_t reads = PyTuple_GET_SIZE(as_read_rows), n_windows = PyTuple_GET_SIZE(window_tuple),
               n_copied = PyTuple_GET_SIZE(copied_series);
    if (reads > MAX_AS_READ || n_windows > MAX_WINDOWS || n_copied > MAX_COPIED) {
        PyErr_SetString(PyExc_ValueError, "page_columns: the layout has more columns read or windows than it can");
        goto done;
    }
    Py_ssize_t codes = block.len;  /* every cue code has its byte of whether it is a block cue */
    if (layout_ints(row_tuple, PAGE_ROWS, height, row, "rows") < 0
            || layout_ints(as_read_rows, reads, height, read_row, "rows read") < 0
            || layout_ints(as_read_columns, reads, width, read_column, "columns read") < 0
            || layout_ints(column_tuple, PAGE_COLUMNS, width, column, "columns") < 0
            || layout_ints(neighbour_tuple, NEIGHBOUR_COLUMNS, width, neighbour, "neighbour columns") < 0
            || layout_ints(window_tuple, n_windows, PY_SSIZE_T_MAX, windows, "windows") < 0
            || layout_ints(window_columns, n_windows, width, window_column, "window columns") < 0
            || layout_ints(copied_series, n_copied, WINDOW_SERIES, series, "window series") < 0
            || layout_ints(copied_columns, n_copied, width, copied, "window series' columns") < 0) {
        goto done;
    }
    if (column[C_CUES] + cues > width || column[C_NEIGHBOURS] + 4 * NEIGHBOUR_COLUMNS > width
            || cues + 2 > codes || other_cue < 0 || other_cue >= codes || no_cue < 0 || no_cue >= codes) {
        PyErr_SetString(PyExc_ValueError, "page_columns: the layout's blocks do not fit");
        goto done;
    }
    for (Py_ssize_t w = 0; w < n_windows; w++) {
        if (window_column[w] + WINDOW_SERIES > width) {
            PyErr_SetString(PyExc_ValueError, "page_columns: a window's columns do not fit");
            goto done;
        }
    }
    const double *density = NULL;
    if (densities != Py_None) {
        if (PyObject_GetBuffer(densities, &density_buffer, PyBUF_SIMPLE) < 0) {
            goto done;
        }
        if (density_buffer.len != n * (Py_ssize_t)sizeof(double)) {
            PyErr_SetString(PyExc_ValueError, "page_columns: stop_density must hold a float64 a line");
            goto done;
        }
        density = density_buffer.buf;
    }
    const unsigned char *is_block = block.buf;
    const double *table = table_buffer.buf;
    Py_ssize_t table_size = table_buffer.len / (Py_ssize_t)sizeof(double);
    const double *rows = rows_buffer.buf;
    float *x = out.buf;
#define ROW(r) (rows + row[r] * n)
#define COL(c) (x + (c) * n)
    /* per line: the text the rules found GOOD, the text above it, and the windows' running sums */
    work = PyMem_Malloc((size_t)n * (2 + WINDOW_SERIES) * sizeof(double));
    flags = PyMem_Malloc((size_t)n * 3);
    if (work == NULL || flags == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    double *text = work, *before = work + n, *running = work + 2 * n;
    unsigned char *repeats = flags, *kept = flags + n, *code = flags + 2 * n;
    if (codes > 256) {
        PyErr_SetString(PyExc_ValueError, "page_columns: more cue codes than a byte holds");
        goto done;
    }
    if (repeated_bodies(lines, repeats) < 0) {
        goto done;
    }
    const double *length = ROW(R_LENGTH);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *v = PyList_GET_ITEM(verdicts, k);
        PyObject *cls = PyObject_GetAttr(v, cls_name);
        if (cls == NULL) {
            goto done;
        }
        long c = PyLong_AsLong(cls);
        Py_DECREF(cls);
        if (c == -1 && PyErr_Occurred()) {
            goto done;
        }
        PyObject *cue = PyObject_GetAttr(v, cue_name);
        if (cue == NULL) {
            goto done;
        }
        PyObject *found = PyDict_GetItemWithError(cue_codes, cue);
        Py_DECREF(cue);
        Py_ssize_t cue_code = other_cue;
        if (found == NULL && PyErr_Occurred()) {
            goto done;
        }
        if (found != NULL && ((cue_code = PyLong_AsSsize_t(found)) < 0 || cue_code >= codes)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "page_columns: a cue's code is beyond the codes there are");
            }
            goto done;
        }
        long o = PyLong_AsLong(PyList_GET_ITEM(original, k));
        if (o == -1 && PyErr_Occurred()) {
            goto done;
        }
        code[k] = (unsigned char)cue_code;
        kept[k] = c == good;
        text[k] = o == good ? length[k] : 0.0;
        for (Py_ssize_t r = 0; r < reads; r++) {
            COL(read_column[r])[k] = (float)rows[read_row[r] * n + k];
        }
        COL(column[C_LOG_LENGTH])[k] = (float)table_log1p(table, table_size, length[k]);
        COL(column[C_STOP_DENSITY])[k] = density ? (float)density[k] : 0.0f;
        double sample = ROW(R_SAMPLE)[k] > 1.0 ? ROW(R_SAMPLE)[k] : 1.0;
        COL(column[C_DIGIT_SHARE])[k] = (float)(ROW(R_DIGITS)[k] / sample);
        COL(column[C_UPPER_SHARE])[k] = (float)(ROW(R_UPPERS)[k] / sample);
        COL(column[C_REPEATS])[k] = repeats[k];
        COL(column[C_CUE_ANY])[k] = cue_code != no_cue;
        COL(column[C_ORIGINAL])[k] = (float)o;
        COL(column[C_VERDICT])[k] = kept[k];
        for (Py_ssize_t i = 0; i < cues; i++) {
            COL(column[C_CUES] + i)[k] = cue_code == i;
        }
        COL(column[C_POSITION])[k] = (float)((double)k / (double)n);
        COL(column[C_CHAR_POSITION])[k] = (float)(ROW(R_START)[k] / (double)total_chars);
        int above = k < first, below = k > last;
        COL(column[C_INSIDE])[k] = !(above || below);
        COL(column[C_ABOVE])[k] = above;
        COL(column[C_BELOW])[k] = below;
        Py_ssize_t to_region = (first - k > 0 ? first - k : 0) + (k - last > 0 ? k - last : 0);
        COL(column[C_LINES_TO_REGION])[k] = (float)table_log1p(table, table_size, (double)to_region);
        COL(column[C_REGION_SHARE])[k] = (float)((double)(last - first + 1 > 0 ? last - first + 1 : 0) / (double)n);
        COL(column[C_AFTER_COMMENTS])[k] = k >= comments;
        const double *index = ROW(R_INDEX);
        COL(column[C_BLANK_BEFORE])[k] = k > 0 && index[k] - index[k - 1] > 1;
        COL(column[C_BLANK_AFTER])[k] = k < n - 1 && index[k + 1] - index[k] > 1;
        COL(column[C_HAS_STOPLIST])[k] = density != NULL;
        COL(column[C_PAGE_LINES])[k] = (float)log1p((double)n);
        COL(column[C_LOG_PAGE_CHARS])[k] = (float)log1p((double)total_chars);
    }
    /* `_add_text_position`: every sum is of whole numbers */
    double total = 0.0;
    for (Py_ssize_t k = 0; k < n; k++) {
        before[k] = total;
        total += text[k];
    }
    double share = total != 0.0 ? total : 1.0;
    Py_ssize_t cue_line = -1, run_start = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        double after = total - before[k] - text[k];
        COL(column[C_TEXT_BEFORE])[k] = (float)(before[k] / share);
        COL(column[C_TEXT_AFTER])[k] = (float)(after / share);
        COL(column[C_LOG_TEXT_AFTER])[k] = (float)table_log1p(table, table_size, after);
        COL(column[C_LINES_SINCE_CUE])[k] = (float)table_log1p(table, table_size, (double)(k - cue_line));
        COL(column[C_TEXT_SINCE_CUE])[k] = (float)table_log1p(table, table_size, before[k] - before[cue_line + 1]);
        if (is_block[code[k]]) {
            cue_line = k;
        }
        COL(column[C_RUN_CHARS])[k] = 0.0f;
        COL(column[C_RUN_LINES])[k] = 0.0f;
        if (!kept[k]) {
            run_start = k + 1;
        }
        else if (k == n - 1 || !kept[k + 1]) {  /* the run [run_start, k] ends here */
            double chars = 0.0;
            for (Py_ssize_t j = run_start; j <= k; j++) {
                chars += length[j];
            }
            float log_chars = (float)table_log1p(table, table_size, chars);
            for (Py_ssize_t j = run_start; j <= k; j++) {
                COL(column[C_RUN_CHARS])[j] = log_chars;
                COL(column[C_RUN_LINES])[j] = (float)(k - run_start + 1);
            }
        }
    }
    /* `_add_neighbours`: the lines one and two above and below, -1 past the page's edges */
    static const Py_ssize_t offsets[4] = {-1, 1, -2, 2};
    for (int side = 0; side < 4; side++) {
        for (int j = 0; j < NEIGHBOUR_COLUMNS; j++) {
            const float *own = COL(neighbour[j]);
            float *to = COL(column[C_NEIGHBOURS] + side * NEIGHBOUR_COLUMNS + j);
            for (Py_ssize_t k = 0; k < n; k++) {
                Py_ssize_t from = k + offsets[side];
                to[k] = from >= 0 && from < n ? own[from] : -1.0f;
            }
        }
    }
    /* `_add_windows`: running sums of the eight series line after line, from 0.0, as np.cumsum takes them */
    double sum[WINDOW_SERIES] = {0.0};
    const float *log_length = COL(column[C_LOG_LENGTH]), *verdict = COL(column[C_VERDICT]);
    for (Py_ssize_t k = 0; k < n; k++) {
        double value[WINDOW_SERIES] = {0.0};
        value[0] = text[k] * 1e-3;
        value[2] = log_length[k] < (float)short_log;  /* numpy compares a float32 column with a float as float32 */
        value[3] = verdict[k] == 0.0f;
        for (Py_ssize_t s = 0; s < n_copied; s++) {
            value[series[s]] = COL(copied[s])[k];
        }
        for (int s = 0; s < WINDOW_SERIES; s++) {
            sum[s] += value[s];
            running[k * WINDOW_SERIES + s] = sum[s];
        }
    }
    for (Py_ssize_t w = 0; w < n_windows; w++) {
        Py_ssize_t half = windows[w];
        float lines_in = (float)(2 * half + 1);
        for (Py_ssize_t k = 0; k < n; k++) {
            Py_ssize_t top = k - half - 1, bottom = k + half < n ? k + half : n - 1;
            for (int s = 0; s < WINDOW_SERIES; s++) {
                double below_sum = running[bottom * WINDOW_SERIES + s];
                double above_sum = top >= 0 ? running[top * WINDOW_SERIES + s] : 0.0;
                COL(window_column[w] + s)[k] = (float)(below_sum - above_sum) / lines_in;
            }
        }
    }
#undef ROW
#undef COL
    result = Py_NewRef(Py_None);
done:
    PyMem_Free(work);
    PyMem_Free(flags);
    if (density_buffer.obj != NULL) {
        PyBuffer_Release(&density_buffer);
    }
    if (have_layout) {
        PyBuffer_Release(&block);
        PyBuffer_Release(&table_buffer);
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&rows_buffer);
    return result;
}

/* A set of phrases to find in text (`phrases.phrase_test`): each phrase of four code points or more is filed
 * under a hash of its first four, each of two or three under a hash of its first two, and a bitmap of each
 * table's hashes rules out most positions of a text with one test (most pairs of letters start some phrase,
 * few runs of four do); the phrases of one code point are compared at every position. */
#define PREFIX_BITS 16
#define PREFIXES (1 << PREFIX_BITS)

typedef struct {
    int32_t *bucket;  /* the phrases filed under hash h are members[bucket[h], bucket[h + 1]) */
    int32_t *members;
    uint64_t bitmap[PREFIXES / 64];
    int used;
} PrefixTable;

typedef struct {
    Py_UCS4 *chars;      /* every phrase's code points, one after the other */
    Py_ssize_t *start;   /* phrase i is chars[start[i], start[i + 1]) */
    PrefixTable quads, pairs;
    Py_UCS4 *singles;    /* the phrases of one code point */
    Py_ssize_t n_singles;
} PhraseSet;

#define PHRASES_CAPSULE "build_dataset.clean._speedups.PhraseSet"

static inline uint32_t
prefix_hash(const Py_UCS4 *c, int length)  /* of 2 or 4 code points: products that do not wait on each other */
{
    static const uint32_t odd[4] = {0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du, 0x27D4EB2Fu};
    uint32_t h = c[0] * odd[0] + c[1] * odd[1];
    if (length == 4) {
        h += c[2] * odd[2] + c[3] * odd[3];
    }
    return h >> (32 - PREFIX_BITS);
}

static void
free_phrase_set(PhraseSet *set)
{
    if (set != NULL) {
        PyMem_Free(set->chars);
        PyMem_Free(set->start);
        PyMem_Free(set->quads.bucket);
        PyMem_Free(set->quads.members);
        PyMem_Free(set->pairs.bucket);
        PyMem_Free(set->pairs.members);
        PyMem_Free(set->singles);
        PyMem_Free(set);
    }
}

static void
phrase_capsule_destructor(PyObject *capsule)
{
    free_phrase_set(PyCapsule_GetPointer(capsule, PHRASES_CAPSULE));
}

/* File the phrases of lengths [low, high] under the hash of their first `prefix` code points. */
static int
fill_prefix_table(PhraseSet *set, Py_ssize_t count, PrefixTable *table, int prefix, Py_ssize_t low, Py_ssize_t high)
{
    table->bucket = PyMem_Calloc(PREFIXES + 1, sizeof(int32_t));
    table->members = PyMem_Malloc((count ? count : 1) * sizeof(int32_t));
    int32_t *fill = PyMem_Malloc(PREFIXES * sizeof(int32_t));
    if (table->bucket == NULL || table->members == NULL || fill == NULL) {
        PyMem_Free(fill);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {  /* a counting sort of the phrases by hash */
        Py_ssize_t length = set->start[i + 1] - set->start[i];
        if (length >= low && length <= high) {
            uint32_t h = prefix_hash(set->chars + set->start[i], prefix);
            table->bucket[h + 1]++;
            table->bitmap[h >> 6] |= (uint64_t)1 << (h & 63);
            table->used = 1;
        }
    }
    for (Py_ssize_t h = 0; h < PREFIXES; h++) {
        table->bucket[h + 1] += table->bucket[h];
    }
    memcpy(fill, table->bucket, PREFIXES * sizeof(int32_t));
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t length = set->start[i + 1] - set->start[i];
        if (length >= low && length <= high) {
            table->members[fill[prefix_hash(set->chars + set->start[i], prefix)]++] = (int32_t)i;
        }
    }
    PyMem_Free(fill);
    return 0;
}

/* phrase_set(phrases): the PhraseSet of a tuple of non-empty str, in a capsule for `holds_phrase`. */
static PyObject *
phrase_set(PyObject *Py_UNUSED(module), PyObject *phrases)
{
    if (!PyTuple_Check(phrases)) {
        PyErr_SetString(PyExc_TypeError, "phrase_set: the phrases must be a tuple of str");
        return NULL;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(phrases), total = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *p = PyTuple_GET_ITEM(phrases, i);
        if (!PyUnicode_Check(p) || PyUnicode_GET_LENGTH(p) == 0) {
            PyErr_SetString(PyExc_ValueError, "phrase_set: every phrase must be a str of one character or more");
            return NULL;
        }
        total += PyUnicode_GET_LENGTH(p);
    }
    if (count >= INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "phrase_set: too many phrases");
        return NULL;
    }
    PhraseSet *set = PyMem_Calloc(1, sizeof(PhraseSet));
    if (set == NULL) {
        return PyErr_NoMemory();
    }
    set->chars = PyMem_Malloc((total ? total : 1) * sizeof(Py_UCS4));
    set->start = PyMem_Malloc((count + 1) * sizeof(Py_ssize_t));
    set->singles = PyMem_Malloc((count ? count : 1) * sizeof(Py_UCS4));
    if (set->chars == NULL || set->start == NULL || set->singles == NULL) {
        free_phrase_set(set);
        return PyErr_NoMemory();
    }
    Py_ssize_t at = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *p = PyTuple_GET_ITEM(phrases, i);
        set->start[i] = at;
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(p); j++) {
            set->chars[at++] = PyUnicode_READ_CHAR(p, j);
        }
        if (at - set->start[i] == 1) {
            set->singles[set->n_singles++] = set->chars[at - 1];
        }
    }
    set->start[count] = at;
    if (fill_prefix_table(set, count, &set->quads, 4, 4, PY_SSIZE_T_MAX) < 0
            || fill_prefix_table(set, count, &set->pairs, 2, 2, 3) < 0) {
        free_phrase_set(set);
        return NULL;
    }
    PyObject *capsule = PyCapsule_New(set, PHRASES_CAPSULE, phrase_capsule_destructor);
    if (capsule == NULL) {
        free_phrase_set(set);
    }
    return capsule;
}

/* Whether a phrase of `table` filed under hash h starts at position i of the text. */
static inline int
phrase_at(const PhraseSet *set, const PrefixTable *table, uint32_t h, int kind, const void *data, Py_ssize_t n,
          Py_ssize_t i)
{
    if (!((table->bitmap[h >> 6] >> (h & 63)) & 1)) {
        return 0;
    }
    for (int32_t m = table->bucket[h]; m < table->bucket[h + 1]; m++) {
        Py_ssize_t p = table->members[m], a = set->start[p], length = set->start[p + 1] - a;
        if (length > n - i) {
            continue;
        }
        Py_ssize_t j = 0;
        while (j < length && PyUnicode_READ(kind, data, i + j) == set->chars[a + j]) {
            j++;
        }
        if (j == length) {
            return 1;
        }
    }
    return 0;
}

/* Whether the text [0, n) holds a phrase of `set`: a loop for each width of code points (the compiler keeps
 * each loop's reads plain), each position's run of four code points hashed once the fourth is read. */
#define HOLDS_ANY_LOOP(TYPE)                                                                                   \
    do {                                                                                                       \
        const TYPE *text = data;                                                                               \
        for (Py_ssize_t i = 0; i < n; i++) {                                                                   \
            Py_UCS4 c = text[i];                                                                               \
            window[0] = window[1];                                                                             \
            window[1] = window[2];                                                                             \
            window[2] = window[3];                                                                             \
            window[3] = c;                                                                                     \
            for (Py_ssize_t s = 0; s < singles; s++) {                                                         \
                if (c == set->singles[s]) {                                                                    \
                    return 1;                                                                                  \
                }                                                                                              \
            }                                                                                                  \
            if (pairs && i >= 1                                                                                \
                    && phrase_at(set, &set->pairs, prefix_hash(window + 2, 2), kind, data, n, i - 1)) {      \
                return 1;                                                                                      \
            }                                                                                                  \
            if (i >= 3) {                                                                                      \
                uint32_t h = prefix_hash(window, 4);                                                           \
                if ((set->quads.bitmap[h >> 6] >> (h & 63)) & 1                                                \
                        && phrase_at(set, &set->quads, h, kind, data, n, i - 3)) {                            \
                    return 1;                                                                                  \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
    } while (0)

static int
holds_any(const PhraseSet *set, int kind, const void *data, Py_ssize_t n)
{
    Py_UCS4 window[4] = {0};  /* the last four code points read, the latest last */
    const Py_ssize_t singles = set->n_singles;
    const int pairs = set->pairs.used;
    if (kind == PyUnicode_1BYTE_KIND) {
        HOLDS_ANY_LOOP(Py_UCS1);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        HOLDS_ANY_LOOP(Py_UCS2);
    }
    else {
        HOLDS_ANY_LOOP(Py_UCS4);
    }
    return 0;
}

/* Whether a phrase of `set` starts at position a of the text and ends by z. */
static int
starts_with_any(const PhraseSet *set, int kind, const void *data, Py_ssize_t a, Py_ssize_t z)
{
    if (a >= z) {
        return 0;
    }
    Py_UCS4 first[4] = {0};
    for (Py_ssize_t j = 0; j < 4 && a + j < z; j++) {
        first[j] = PyUnicode_READ(kind, data, a + j);
    }
    for (Py_ssize_t s = 0; s < set->n_singles; s++) {
        if (first[0] == set->singles[s]) {
            return 1;
        }
    }
    return (set->pairs.used && a + 1 < z && phrase_at(set, &set->pairs, prefix_hash(first, 2), kind, data, z, a))
           || (a + 3 < z && phrase_at(set, &set->quads, prefix_hash(first, 4), kind, data, z, a));
}

/* holds_phrase(set, text): whether `text` holds any phrase of `set` (a `phrase_set`) as a substring, as an
 * Aho-Corasick automaton of the phrases finds one (`phrases.phrase_test`'s reference). */
static PyObject *
holds_phrase(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "holds_phrase: takes a phrase set and a str");
        return NULL;
    }
    const PhraseSet *set = PyCapsule_GetPointer(args[0], PHRASES_CAPSULE);
    if (set == NULL) {
        return NULL;
    }
    PyObject *text = args[1];
    return PyBool_FromLong(holds_any(set, PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)));
}

/* Whether code point c is one of the str `chars`'s. */
static inline int
one_of(Py_UCS4 c, PyObject *chars)
{
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(chars); i++) {
        if (PyUnicode_READ(kind, data, i) == c) {
            return 1;
        }
    }
    return 0;
}

#define CUE_BUFFER 256  /* the longest Latin-1 text `cue_possible` lowers in a buffer of its own */

/* Whether a keyword cue is possible in `text` by `cues.cue_reason`'s own steps (see `may_name_cue`); -1 on error. */
static int
cue_possible(const PhraseSet *leading, const PhraseSet *anywhere, PyObject *edges, Py_ssize_t leading_max,
             Py_ssize_t anywhere_max, PyObject *text)
{
    static PyObject *lower_name = NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0 || n > anywhere_max) {
        return 0;
    }
    if (lower_name == NULL && (lower_name = PyUnicode_InternFromString("lower")) == NULL) {
        return -1;
    }
    /* text.lower(): a text of Latin-1 characters, which str.lower maps one to one, is lowered in a buffer */
    Py_UCS1 lowered[CUE_BUFFER];
    PyObject *low = NULL;
    int kind = PyUnicode_1BYTE_KIND, may = 0;
    const void *data = lowered;
    Py_ssize_t m = n;
    if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND && n <= CUE_BUFFER) {
        const Py_UCS1 *from = PyUnicode_1BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            lowered[i] = (Py_UCS1)Py_UNICODE_TOLOWER(from[i]);
        }
    }
    else if ((low = PyObject_CallMethodNoArgs(text, lower_name)) == NULL) {
        return -1;
    }
    else {
        kind = PyUnicode_KIND(low);
        data = PyUnicode_DATA(low);
        m = PyUnicode_GET_LENGTH(low);
    }
    for (Py_ssize_t i = 0; i + 1 < m; i++) {  /* "ã©" */
        if (PyUnicode_READ(kind, data, i) == 0xe3 && PyUnicode_READ(kind, data, i + 1) == 0xa9) {
            may = 1;
            goto done;
        }
    }
    int colon = 0;
    for (Py_ssize_t i = 0; n > leading_max && i < m && i < 40 && !colon; i++) {
        colon = PyUnicode_READ(kind, data, i) == ':';
    }
    if (n <= leading_max || colon) {
        Py_ssize_t a = 0, z = m;
        while (a < z && one_of(PyUnicode_READ(kind, data, a), edges)) {
            a++;
        }
        while (z > a && one_of(PyUnicode_READ(kind, data, z - 1), edges)) {
            z--;
        }
        if (starts_with_any(leading, kind, data, a, z)) {
            may = 1;
            goto done;
        }
    }
    may = holds_any(anywhere, kind, data, m);
done:
    Py_XDECREF(low);
    return may;
}

/* may_name_cue(leading, anywhere, edges, leading_max, anywhere_max, text): False when `cues.cue_reason(text)`
 * is None for sure (`cue_possible`), by its own steps: no reason for an empty text or one longer than anywhere_max; the text
 * lowercased (by str.lower); a leading cue only where the text is at most leading_max long or its first 40
 * lowered characters hold a ":", and only when a phrase of `leading` starts the lowered text stripped of the
 * characters of `edges` (the regex of those phrases matches there or nowhere); an anywhere cue only when a
 * phrase of `anywhere` is in it. A text whose lowering holds "ã©", which cue_reason rewrites, may always. */
static PyObject *
may_name_cue(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 6 || !PyUnicode_Check(args[2]) || !PyUnicode_Check(args[5])) {
        PyErr_SetString(PyExc_TypeError,
                        "may_name_cue: takes two phrase sets, a str of edge characters, two lengths and a str");
        return NULL;
    }
    const PhraseSet *leading = PyCapsule_GetPointer(args[0], PHRASES_CAPSULE);
    const PhraseSet *anywhere = leading ? PyCapsule_GetPointer(args[1], PHRASES_CAPSULE) : NULL;
    if (anywhere == NULL) {
        return NULL;
    }
    Py_ssize_t leading_max = PyLong_AsSsize_t(args[3]), anywhere_max = PyLong_AsSsize_t(args[4]);
    if ((leading_max == -1 || anywhere_max == -1) && PyErr_Occurred()) {
        return NULL;
    }
    int may = cue_possible(leading, anywhere, args[2], leading_max, anywhere_max, args[5]);
    return may < 0 ? NULL : PyBool_FromLong(may);
}

/* A sample line of `language_words`: its place on the page and its length. */
typedef struct {
    Py_ssize_t k, length;
} SampleLine;

static int
longer_first(const void *a, const void *b)  /* by length, longest first, then in page order: a stable sort */
{
    const SampleLine *x = a, *y = b;
    if (x->length != y->length) {
        return x->length < y->length ? 1 : -1;
    }
    return (x->k > y->k) - (x->k < y->k);
}

/* A Line's attribute, which must be an int (`length`); -1 with an exception set on error. */
static Py_ssize_t
int_attribute(PyObject *line, PyObject *name)
{
    PyObject *v = line_get(line, name);
    if (v == NULL) {
        return -1;
    }
    Py_ssize_t x = PyLong_Check(v) ? PyLong_AsSsize_t(v) : -1;
    if (!PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError, "a line's %U must be an int", name);
    }
    Py_DECREF(v);
    return x;
}

/* A Line's body, which must be a str (a new reference). */
static PyObject *
body_attribute(PyObject *line, PyObject *name)
{
    PyObject *body = line_get(line, name);
    if (body != NULL && !PyUnicode_Check(body)) {
        Py_DECREF(body);
        PyErr_SetString(PyExc_TypeError, "a line's body must be a str");
        return NULL;
    }
    return body;
}

/* The line `lines[indices[k]]` (a borrowed reference); NULL with an IndexError or TypeError set when the index
 * is no int or lies outside `lines`. */
static PyObject *
indexed_line(PyObject *lines, PyObject *indices, Py_ssize_t k)
{
    Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(indices, k));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (i < 0 || i >= PyList_GET_SIZE(lines)) {
        PyErr_SetString(PyExc_IndexError, "a line index lies outside the page");
        return NULL;
    }
    return PyList_GET_ITEM(lines, i);
}

/* Whether a body has a bare name's shape: it starts with an uppercase letter, as every word of it does
 * (`body[:1].isupper() and all(w[:1].isupper() for w in body.split())`: a one-character str is upper when
 * Py_UNICODE_ISUPPER says so, and `split` splits on Py_UNICODE_ISSPACE). */
static int
capitalised(PyObject *body)
{
    int kind = PyUnicode_KIND(body);
    const void *data = PyUnicode_DATA(body);
    Py_ssize_t n = PyUnicode_GET_LENGTH(body);
    if (n == 0 || !Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0))) {
        return 0;
    }
    int after_space = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int space = Py_UNICODE_ISSPACE(c);
        if (!space && after_space && !Py_UNICODE_ISUPPER(c)) {
            return 0;
        }
        after_space = space;
    }
    return 1;
}

/* `lines.first_word_lines_python`: the indices from `start` on of the lines whose first head word (`head_words[0]`,
 * lower case) is in the frozenset `words`. The rules that read a page's closing lines ("This entry was posted
 * in …", "More in …") ask it of every line below the headline: one set look-up a line here, where Python paid a
 * loop's iteration. */
static PyObject *
first_word_lines(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *head_words_name = NULL;
    PyObject *lines, *words;
    Py_ssize_t start;
    if (!PyArg_ParseTuple(args, "O!nO!", &PyList_Type, &lines, &start, &PyFrozenSet_Type, &words)) {
        return NULL;
    }
    if (head_words_name == NULL && (head_words_name = PyUnicode_InternFromString("head_words")) == NULL) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = start < 0 ? 0 : start; i < PyList_GET_SIZE(lines); i++) {
        PyObject *head = line_get(PyList_GET_ITEM(lines, i), head_words_name);
        if (head == NULL) {
            goto error;
        }
        int found = 0;
        if (PyList_Check(head) && PyList_GET_SIZE(head) > 0) {
            found = PySet_Contains(words, PyList_GET_ITEM(head, 0));
        }
        Py_DECREF(head);
        if (found < 0) {
            goto error;
        }
        if (found) {
            PyObject *k = PyLong_FromSsize_t(i);
            int failed = k == NULL || PyList_Append(out, k) < 0;
            Py_XDECREF(k);
            if (failed) {
                goto error;
            }
        }
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

#define STATEMENT_BUFFER 512  /* the longest Latin-1 text lowered in a buffer of its own (`statement_candidates`) */

/* `text.lower().rstrip(strip).endswith(endings)`, `endings` a tuple of str; -1 with an error set. A text
 * of Latin-1 characters, which str.lower maps one to one, is lowered in a buffer of its own. */
static int
lowered_ends_with(PyObject *text, PyObject *strip, PyObject *endings)
{
    static PyObject *lower_name = NULL;
    if (lower_name == NULL && (lower_name = PyUnicode_InternFromString("lower")) == NULL) {
        return -1;
    }
    Py_UCS4 buffer[STATEMENT_BUFFER];
    PyObject *low = NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND && n <= STATEMENT_BUFFER) {
        const Py_UCS1 *data = PyUnicode_1BYTE_DATA(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            buffer[i] = Py_UNICODE_TOLOWER(data[i]);
        }
    }
    else if ((low = PyObject_CallMethodNoArgs(text, lower_name)) == NULL) {
        return -1;
    }
    int kind = low ? PyUnicode_KIND(low) : 0;
    const void *data = low ? PyUnicode_DATA(low) : NULL;
    if (low) {
        n = PyUnicode_GET_LENGTH(low);
    }
#define LOWERED(i) (low ? PyUnicode_READ(kind, data, (i)) : buffer[(i)])
    while (n > 0 && one_of(LOWERED(n - 1), strip)) {
        n--;
    }
    int ends = 0;
    for (Py_ssize_t e = 0; e < PyTuple_GET_SIZE(endings) && !ends; e++) {
        PyObject *ending = PyTuple_GET_ITEM(endings, e);
        if (!PyUnicode_Check(ending)) {
            PyErr_SetString(PyExc_TypeError, "short_shapes: the endings must be str");
            Py_XDECREF(low);
            return -1;
        }
        Py_ssize_t m = PyUnicode_GET_LENGTH(ending);
        ends = m <= n;
        for (Py_ssize_t i = 0; ends && i < m; i++) {
            ends = LOWERED(n - m + i) == PyUnicode_READ_CHAR(ending, i);
        }
    }
#undef LOWERED
    Py_XDECREF(low);
    return ends;
}

/* short_shapes(lines, short_words, last_chars, strip, endings, link_words) -> (names, links): of the page's
 * non-blank lines (a non-empty `text`) of at most `short_words` words, those with a bare name's shape (two words
 * or more, no bullet, `capitalised`) and those that may be an author's archive link by their end (at most
 * `link_words` words, the body's last character among `last_chars`, and the lowered body stripped of `strip`
 * ending with one of `endings`: `lowered_ends_with`), as `bylines._short_shapes_python` finds them. */
static PyObject *
short_shapes(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *words_name = NULL, *bullet_name = NULL, *body_name = NULL, *text_name = NULL;
    PyObject *lines, *last_chars, *strip, *endings;
    Py_ssize_t short_words, link_words;
    if (!PyArg_ParseTuple(args, "O!nUUO!n", &PyList_Type, &lines, &short_words, &last_chars, &strip, &PyTuple_Type,
                          &endings, &link_words)) {
        return NULL;
    }
    if ((words_name == NULL && (words_name = PyUnicode_InternFromString("words")) == NULL)
            || (bullet_name == NULL && (bullet_name = PyUnicode_InternFromString("bullet")) == NULL)
            || (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL)
            || (text_name == NULL && (text_name = PyUnicode_InternFromString("text")) == NULL)) {
        return NULL;
    }
    PyObject *names = PyList_New(0), *links = PyList_New(0);
    if (names == NULL || links == NULL) {
        goto error;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(lines); k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        Py_ssize_t words = int_attribute(line, words_name);
        if (words < 0 && PyErr_Occurred()) {
            goto error;
        }
        if (words > short_words) {
            continue;
        }
        PyObject *text = body_attribute(line, text_name);
        if (text == NULL) {
            goto error;
        }
        Py_ssize_t blank = PyUnicode_GET_LENGTH(text) == 0;
        Py_DECREF(text);
        if (blank) {
            continue;
        }
        PyObject *body = body_attribute(line, body_name);
        if (body == NULL) {
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(body);
        int link = words <= link_words && n > 0 && one_of(PyUnicode_READ_CHAR(body, n - 1), last_chars)
            ? lowered_ends_with(body, strip, endings) : 0;
        int name = 0;
        if (link >= 0 && words >= 2 && capitalised(body)) {  /* no attribute read with an error set */
            PyObject *bullet = line_get(line, bullet_name);
            name = bullet == NULL ? -1 : !PyObject_IsTrue(bullet);
            Py_XDECREF(bullet);
        }
        Py_DECREF(body);
        if (name < 0 || link < 0) {
            goto error;
        }
        PyObject *index = (name || link) ? PyLong_FromSsize_t(k) : NULL;
        if ((name || link) && index == NULL) {
            goto error;
        }
        int failed = (name && PyList_Append(names, index) < 0) || (link && PyList_Append(links, index) < 0);
        Py_XDECREF(index);
        if (failed) {
            goto error;
        }
    }
    PyObject *result = PyTuple_Pack(2, names, links);
    Py_DECREF(names);
    Py_DECREF(links);
    return result;
error:
    Py_XDECREF(names);
    Py_XDECREF(links);
    return NULL;
}

/* statement_candidates(lines, indices, phrases, max_chars, max_words) -> list of int: of the lines at
 * `indices`, those of at most `max_chars` (their `length`) whose lowered body (str.lower) holds a phrase of
 * `phrases` (a `phrase_set`), or that have at most `max_words` words and a digit (re's \d): the lines
 * `published._publication_statement` reads (`published._statement_candidates_python`). */
static PyObject *
statement_candidates(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *words_name = NULL, *length_name = NULL, *body_name = NULL, *lower_name = NULL;
    PyObject *lines, *indices, *capsule;
    Py_ssize_t max_chars, max_words;
    if (!PyArg_ParseTuple(args, "O!O!Onn", &PyList_Type, &lines, &PyList_Type, &indices, &capsule, &max_chars,
                          &max_words)) {
        return NULL;
    }
    const PhraseSet *set = PyCapsule_GetPointer(capsule, PHRASES_CAPSULE);
    if (set == NULL) {
        return NULL;
    }
    if ((words_name == NULL && (words_name = PyUnicode_InternFromString("words")) == NULL)
            || (length_name == NULL && (length_name = PyUnicode_InternFromString("length")) == NULL)
            || (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL)
            || (lower_name == NULL && (lower_name = PyUnicode_InternFromString("lower")) == NULL)) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(indices); k++) {
        PyObject *line = indexed_line(lines, indices, k);
        if (line == NULL) {
            goto error;
        }
        Py_ssize_t length = int_attribute(line, length_name);
        if (length < 0 && PyErr_Occurred()) {
            goto error;
        }
        if (length > max_chars) {
            continue;
        }
        Py_ssize_t words = int_attribute(line, words_name);
        if (words < 0 && PyErr_Occurred()) {
            goto error;
        }
        PyObject *body = body_attribute(line, body_name);
        if (body == NULL) {
            goto error;
        }
        int kind = PyUnicode_KIND(body), take = 0;
        const void *data = PyUnicode_DATA(body);
        Py_ssize_t n = PyUnicode_GET_LENGTH(body);
        for (Py_ssize_t i = 0; words <= max_words && i < n && !take; i++) {
            take = decimal(PyUnicode_READ(kind, data, i));
        }
        Py_UCS1 lowered[STATEMENT_BUFFER];
        if (!take && kind == PyUnicode_1BYTE_KIND && n <= STATEMENT_BUFFER) {
            /* str.lower maps each Latin-1 character to one Latin-1 character: lowered here, in place of a new str */
            for (Py_ssize_t i = 0; i < n; i++) {
                lowered[i] = (Py_UCS1)Py_UNICODE_TOLOWER(((const Py_UCS1 *)data)[i]);
            }
            take = holds_any(set, PyUnicode_1BYTE_KIND, lowered, n);
        }
        else if (!take) {
            PyObject *low = PyObject_CallMethodNoArgs(body, lower_name);
            take = low == NULL ? -1 : holds_any(set, PyUnicode_KIND(low), PyUnicode_DATA(low), PyUnicode_GET_LENGTH(low));
            Py_XDECREF(low);
        }
        Py_DECREF(body);
        if (take < 0 || (take && PyList_Append(out, PyList_GET_ITEM(indices, k)) < 0)) {
            goto error;
        }
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* The lowered words of a line's body up to `end` characters and the length of the lowered body, as
 * `lines._lowered_words` gives them: its `tokens` when they are all of them, else read from the body (through
 * `latin1_words` for a body of Latin-1 characters, which lowering maps one to one; else lowered by str.lower). */
static PyObject *
lowered_words(PyObject *line, PyObject *body, PyObject *tokens_name, Py_ssize_t end, Py_ssize_t *size)
{
    PyObject *tokens = line_get(line, tokens_name);
    if (tokens == NULL) {
        return NULL;
    }
    if (tokens != Py_None && !PyList_Check(tokens)) {
        Py_DECREF(tokens);
        PyErr_SetString(PyExc_TypeError, "language_words: a line's tokens must be a list or None");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(body);
    if (end < 0) {
        end = 0;
    }
    if (PyUnicode_KIND(body) == PyUnicode_1BYTE_KIND) {
        *size = n;
        if (tokens != Py_None && n <= STOP_SAMPLE_CHARS && n < end) {
            return tokens;
        }
        Py_DECREF(tokens);
        return latin1_words_of(PyUnicode_1BYTE_DATA(body), end < n ? end : n);
    }
    PyObject *low = PyObject_CallOneArg(str_lower, body);
    if (low == NULL) {
        Py_DECREF(tokens);
        return NULL;
    }
    *size = PyUnicode_GET_LENGTH(low);
    PyObject *words;
    if (tokens != Py_None && n <= STOP_SAMPLE_CHARS && *size < end) {
        words = tokens;
    }
    else {
        Py_DECREF(tokens);
        words = words_of(low, end < *size ? end : *size);
    }
    Py_DECREF(low);
    return words;
}

/* language_words(lines, min_length, max_lines, prose_spaces, sample_chars, sample_words, fallback): the words
 * `lines.language_words_python` reads: from the lines at least `min_length` long with the spaces of prose,
 * longest first (`max_lines` of them; else the page's first `fallback` lines), each line's lowered words until
 * the sample's `sample_chars` characters or `sample_words` words run out. */
static PyObject *
language_words(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines;
    Py_ssize_t min_length, max_lines, prose_spaces, sample_chars, sample_words, fallback;
    if (!PyArg_ParseTuple(args, "O!nnnnnn", &PyList_Type, &lines, &min_length, &max_lines, &prose_spaces,
                          &sample_chars, &sample_words, &fallback)) {
        return NULL;
    }
    static PyObject *length_name = NULL, *body_name = NULL, *tokens_name = NULL;
    if ((length_name == NULL && (length_name = PyUnicode_InternFromString("length")) == NULL)
            || (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL)
            || (tokens_name == NULL && (tokens_name = PyUnicode_InternFromString("tokens")) == NULL)) {
        return NULL;
    }
    if (str_lower == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "language_words: the module is not configured");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines), chosen = 0;
    SampleLine *sample = PyMem_Malloc((n ? n : 1) * sizeof(SampleLine));
    PyObject *words = PyList_New(0), *result = NULL;
    if (sample == NULL || words == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {  /* `_sample_lines`: the longer lines of prose */
        PyObject *line = PyList_GET_ITEM(lines, k);
        Py_ssize_t length = int_attribute(line, length_name);
        if (length == -1 && PyErr_Occurred()) {
            goto done;
        }
        if (length < min_length) {
            continue;
        }
        PyObject *body = body_attribute(line, body_name);
        if (body == NULL) {
            goto done;
        }
        Py_ssize_t spaces = 0, size = PyUnicode_GET_LENGTH(body);
        int kind = PyUnicode_KIND(body);
        const void *data = PyUnicode_DATA(body);
        for (Py_ssize_t i = 0; i < size; i++) {
            spaces += PyUnicode_READ(kind, data, i) == ' ';
        }
        Py_DECREF(body);
        if (spaces * prose_spaces >= size) {
            sample[chosen++] = (SampleLine){k, length};
        }
    }
    qsort(sample, chosen, sizeof(SampleLine), longer_first);
    if (chosen > max_lines) {
        chosen = max_lines > 0 ? max_lines : 0;
    }
    if (chosen == 0) {
        for (Py_ssize_t k = 0; k < n && k < fallback; k++) {
            sample[chosen++] = (SampleLine){k, 0};
        }
    }
    Py_ssize_t room = sample_chars;  /* characters of the lowered sample left before its limit */
    for (Py_ssize_t s = 0; s < chosen; s++) {
        PyObject *line = PyList_GET_ITEM(lines, sample[s].k);
        PyObject *body = body_attribute(line, body_name);
        if (body == NULL) {
            goto done;
        }
        Py_ssize_t size = 0;
        PyObject *found = lowered_words(line, body, tokens_name, room, &size);
        Py_DECREF(body);
        if (found == NULL) {
            goto done;
        }
        int failed = PyList_SetSlice(words, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, found);
        Py_DECREF(found);
        if (failed < 0) {
            goto done;
        }
        if (size >= room || PyList_GET_SIZE(words) >= sample_words) {
            break;
        }
        room -= size + 1;
    }
    result = PyList_GetSlice(words, 0, sample_words > 0 ? sample_words : 0);
done:
    PyMem_Free(sample);
    Py_XDECREF(words);
    return result;
}

/* The code points of the Basic Multilingual Plane whose simple lowering (Py_UNICODE_TOLOWER) is a cookie name's
 * first: found once, by lowering each of them (half a millisecond), so a line is scanned for them with a few
 * comparisons a character; a character beyond the plane, rare in text, is lowered where it stands. */
#define MAX_NAME_STARTS 16
static Py_UCS4 name_starts[MAX_NAME_STARTS];
static Py_ssize_t n_name_starts = -1;
static unsigned char name_start_bits[0x10000 / 8];  /* the same code points, one bit each */
static PyObject *name_starts_of = NULL;  /* the names tuple they were found for */

static int
find_name_starts(PyObject *names)
{
    Py_XSETREF(name_starts_of, Py_NewRef(names));
    n_name_starts = 0;
    memset(name_start_bits, 0, sizeof(name_start_bits));
    for (Py_UCS4 c = 0; c <= 0xFFFF; c++) {
        Py_UCS4 low = Py_UNICODE_TOLOWER(c);
        for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(names); s++) {
            if (PyUnicode_READ_CHAR(PyTuple_GET_ITEM(names, s), 0) == low) {
                if (n_name_starts == MAX_NAME_STARTS) {
                    n_name_starts = -1;
                    PyErr_SetString(PyExc_ValueError, "shape_cue: the names start with too many characters");
                    return -1;
                }
                name_starts[n_name_starts++] = c;
                name_start_bits[c >> 3] |= (unsigned char)(1 << (c & 7));
                break;
            }
        }
    }
    return 0;
}

/* Whether a name of `names` starts at text[i], each character of the text lowered by its simple mapping. */
static int
name_at(PyObject *names, int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(names); s++) {
        PyObject *name = PyTuple_GET_ITEM(names, s);
        Py_ssize_t length = PyUnicode_GET_LENGTH(name), j = 0;
        while (j < length && i + j < n
               && Py_UNICODE_TOLOWER(PyUnicode_READ(kind, data, i + j)) == PyUnicode_READ_CHAR(name, j)) {
            j++;
        }
        if (j == length) {
            return 1;
        }
    }
    return 0;
}

/* Whether `text` may name a cookie as `cues.consent_notice` looks for one: it is at most max_length long and a
 * name of `names` (lowercase str) is in it, each character lowered by its simple mapping, which is str.lower's
 * but for the dotted capital I (lowered to an "i" and a combining dot, which no name's "i" is followed by) and
 * the sigma (in no name): a name found in text.lower() is found so. */
static int
may_name_cookie(PyObject *names, Py_ssize_t max_length, PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = PyTuple_GET_SIZE(names);
    if (n > max_length) {
        return 0;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND) {  /* the Latin-1 starts (found in ascending order) sought by memchr */
        const Py_UCS1 *from = data, *end = from + n;
        for (Py_ssize_t s = 0; s < n_name_starts && name_starts[s] < 256; s++) {
            for (const Py_UCS1 *at = from; (at = memchr(at, (int)name_starts[s], end - at)) != NULL; at++) {
                if (name_at(names, kind, data, n, at - from)) {
                    return 1;
                }
            }
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int start = c <= 0xFFFF && (name_start_bits[c >> 3] >> (c & 7)) & 1;
        for (Py_ssize_t s = 0; c > 0xFFFF && !start && s < count; s++) {
            start = Py_UNICODE_TOLOWER(c) == PyUnicode_READ_CHAR(PyTuple_GET_ITEM(names, s), 0);
        }
        if (start && name_at(names, kind, data, n, i)) {
            return 1;
        }
    }
    return 0;
}

/* may_name_cookie(names, max_length, text): False when `cues.consent_notice(text)` is False for sure (see the C
 * function of that name). */
static PyObject *
may_name_cookie_of(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyTuple_Check(args[0]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "may_name_cookie: takes a tuple of names, a length and a str");
        return NULL;
    }
    PyObject *names = args[0];
    Py_ssize_t max_length = PyLong_AsSsize_t(args[1]);
    if (max_length == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(names); s++) {
        PyObject *name = PyTuple_GET_ITEM(names, s);
        if (!PyUnicode_Check(name) || PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "may_name_cookie: every name must be a str of one character or more");
            return NULL;
        }
    }
    if ((n_name_starts < 0 || names != name_starts_of) && find_name_starts(names) < 0) {
        return NULL;
    }
    return PyBool_FromLong(may_name_cookie(names, max_length, args[2]));
}

/* shape_cue(config, line): `classify._shape_cue_python(line)`, with `config` = (leading, anywhere, edges,
 * leading_max, anywhere_max, cue_reason, names, consent_max, consent_notice, reasons): the keyword cue asked of
 * `cue_reason` only where `cue_possible` leaves one possible, the consent notice asked of `consent_notice`
 * only where `may_name_cookie` does, the letters and the shape read here; `reasons` are the str of "markup",
 * "legal", "dateline" and "navigation". */
static PyObject *
shape_cue_of(PyObject *config, PyObject *line)
{
    static PyObject *names_of[6] = {NULL};
    static const char *attribute[6] = {"markup", "text", "body", "dated", "sentences", "separated"};
    if (!PyTuple_Check(config) || PyTuple_GET_SIZE(config) != 10) {
        PyErr_SetString(PyExc_TypeError, "shape_cue: takes a configuration of ten items and a line");
        return NULL;
    }
    for (int a = 0; a < 6; a++) {
        if (names_of[a] == NULL && (names_of[a] = PyUnicode_InternFromString(attribute[a])) == NULL) {
            return NULL;
        }
    }
    /* the configuration read and checked once while the same tuple is handed in (each line's call hands it) */
    static PyObject *checked = NULL;
    static const PhraseSet *leading, *anywhere;
    static Py_ssize_t leading_max, anywhere_max, consent_max;
    PyObject *edges = PyTuple_GET_ITEM(config, 2), *cue_reason = PyTuple_GET_ITEM(config, 5),
             *names = PyTuple_GET_ITEM(config, 6), *consent_notice = PyTuple_GET_ITEM(config, 8),
             *reasons = PyTuple_GET_ITEM(config, 9);
    if (config != checked) {
        Py_CLEAR(checked);
        leading = PyCapsule_GetPointer(PyTuple_GET_ITEM(config, 0), PHRASES_CAPSULE);
        anywhere = leading ? PyCapsule_GetPointer(PyTuple_GET_ITEM(config, 1), PHRASES_CAPSULE) : NULL;
        if (anywhere == NULL) {
            return NULL;
        }
        leading_max = PyLong_AsSsize_t(PyTuple_GET_ITEM(config, 3));
        anywhere_max = PyLong_AsSsize_t(PyTuple_GET_ITEM(config, 4));
        consent_max = PyLong_AsSsize_t(PyTuple_GET_ITEM(config, 7));
        if (PyErr_Occurred()) {
            return NULL;
        }
        if (!PyUnicode_Check(edges) || !PyTuple_Check(names) || !PyTuple_Check(reasons)
                || PyTuple_GET_SIZE(reasons) != 4) {
            PyErr_SetString(PyExc_TypeError,
                            "shape_cue: the configuration's edges, names or reasons are of a wrong type");
            return NULL;
        }
        for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(names); s++) {
            PyObject *name = PyTuple_GET_ITEM(names, s);
            if (!PyUnicode_Check(name) || PyUnicode_GET_LENGTH(name) == 0) {
                PyErr_SetString(PyExc_ValueError, "shape_cue: every name must be a str of one character or more");
                return NULL;
            }
        }
        if ((n_name_starts < 0 || names != name_starts_of) && find_name_starts(names) < 0) {
            return NULL;
        }
        checked = Py_NewRef(config);  /* held: a tuple made later at its address is no checked one */
    }
    PyObject *value = line_get(line, names_of[0]);  /* markup */
    if (value == NULL) {
        return NULL;
    }
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (truth < 0) {
        return NULL;
    }
    if (truth) {
        return Py_NewRef(PyTuple_GET_ITEM(reasons, 0));
    }
    PyObject *text = line_get(line, names_of[1]);
    if (text == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        Py_DECREF(text);
        PyErr_SetString(PyExc_TypeError, "shape_cue: a line's text must be a str");
        return NULL;
    }
    int possible = cue_possible(leading, anywhere, edges, leading_max, anywhere_max, text);
    PyObject *cue = possible > 0 ? PyObject_CallOneArg(cue_reason, text) : NULL;
    Py_DECREF(text);
    if (possible < 0 || (possible > 0 && cue == NULL)) {
        return NULL;
    }
    if (cue != NULL) {
        truth = PyObject_IsTrue(cue);
        if (truth > 0) {
            return cue;
        }
        Py_DECREF(cue);
        if (truth < 0) {
            return NULL;
        }
    }
    PyObject *body = line_get(line, names_of[2]);
    if (body == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(body)) {
        Py_DECREF(body);
        PyErr_SetString(PyExc_TypeError, "shape_cue: a line's body must be a str");
        return NULL;
    }
    if (may_name_cookie(names, consent_max, body)) {
        PyObject *consent = PyObject_CallOneArg(consent_notice, body);
        truth = consent == NULL ? -1 : PyObject_IsTrue(consent);
        Py_XDECREF(consent);
        if (truth != 0) {
            Py_DECREF(body);
            return truth < 0 ? NULL : Py_NewRef(PyTuple_GET_ITEM(reasons, 1));
        }
    }
    /* not body[:1].isalpha() and no letter ([^\W\d_]) in body[:200] */
    Py_ssize_t n = PyUnicode_GET_LENGTH(body);
    int kind = PyUnicode_KIND(body), letter = n && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, PyUnicode_DATA(body), 0));
    for (Py_ssize_t i = 0; !letter && i < n && i < 200; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, PyUnicode_DATA(body), i);
        letter = word_char(c) && !decimal(c) && c != '_';
    }
    Py_DECREF(body);
    if (!letter) {
        value = line_get(line, names_of[3]);  /* dated */
        truth = value == NULL ? -1 : PyObject_IsTrue(value);
        Py_XDECREF(value);
        return truth < 0 ? NULL : Py_NewRef(PyTuple_GET_ITEM(reasons, truth ? 2 : 3));
    }
    Py_ssize_t sentences = -1, separated = -1;
    for (int a = 4; a < 6; a++) {
        value = line_get(line, names_of[a]);
        if (value == NULL) {
            return NULL;
        }
        Py_ssize_t x = PyLong_Check(value) ? PyLong_AsSsize_t(value) : -1;
        if (!PyLong_Check(value)) {
            PyErr_Format(PyExc_TypeError, "shape_cue: a line's %U must be an int", names_of[a]);
        }
        Py_DECREF(value);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        *(a == 4 ? &sentences : &separated) = x;
    }
    if (sentences == 0 && separated >= 2) {
        return Py_NewRef(PyTuple_GET_ITEM(reasons, 3));
    }
    Py_RETURN_NONE;
}

static PyObject *
shape_cue(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "shape_cue: takes a configuration of ten items and a line");
        return NULL;
    }
    return shape_cue_of(args[0], args[1]);
}

/* A line's truth-valued or float attribute (`bullet`, `stop_density`): -1 with an error set. */
static int
truth_attribute(PyObject *line, PyObject *name)
{
    PyObject *v = line_get(line, name);
    int truth = v == NULL ? -1 : PyObject_IsTrue(v);
    Py_XDECREF(v);
    return truth;
}

/* short_cues(config, lines, indices) -> list of (int, str): the lines at `indices` that have a shape cue
 * (`shape_cue`'s, with the same configuration) or, having none, hold a URL ("navigation", the last of the
 * configuration's reasons), with their cue: `classify._short_cues_python`. */
static PyObject *
short_cues(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *urlish_name = NULL;
    PyObject *config, *lines, *indices;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyTuple_Type, &config, &PyList_Type, &lines, &PyList_Type, &indices)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(config) != 10 || !PyTuple_Check(PyTuple_GET_ITEM(config, 9))
            || PyTuple_GET_SIZE(PyTuple_GET_ITEM(config, 9)) != 4) {
        PyErr_SetString(PyExc_TypeError, "short_cues: the configuration is shape_cue's");
        return NULL;
    }
    if (urlish_name == NULL && (urlish_name = PyUnicode_InternFromString("urlish")) == NULL) {
        return NULL;
    }
    PyObject *navigation = PyTuple_GET_ITEM(PyTuple_GET_ITEM(config, 9), 3);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(indices); k++) {
        PyObject *line = indexed_line(lines, indices, k);
        PyObject *cue = line == NULL ? NULL : shape_cue_of(config, line);
        int named = cue == NULL ? -1 : PyObject_IsTrue(cue);
        if (named == 0) {
            Py_DECREF(cue);
            cue = NULL;
            int urlish = truth_attribute(line, urlish_name);
            if (urlish < 0) {
                goto error;
            }
            if (urlish) {
                cue = Py_NewRef(navigation);
                named = 1;
            }
        }
        if (named < 0) {
            Py_XDECREF(cue);
            goto error;
        }
        if (named) {
            PyObject *pair = PyTuple_Pack(2, PyList_GET_ITEM(indices, k), cue);
            Py_DECREF(cue);
            if (pair == NULL || PyList_Append(out, pair) < 0) {
                Py_XDECREF(pair);
                goto error;
            }
            Py_DECREF(pair);
        }
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* prose_blocks(lines, ctx, min_sentences, (NEARGOOD, SHORT, INLINE)) -> list of int: the near-good lines of the
 * blocks (runs of NEARGOOD, SHORT and INLINE lines in `ctx`) that hold min_sentences or more near-good lines
 * ending like a sentence (`sentence_end`), in order: the lines `classify._prose_blocks_python` makes good. */
static PyObject *
prose_blocks(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *sentence_end_name = NULL;
    PyObject *lines, *ctx;
    Py_ssize_t min_sentences;
    long neargood, short_, inline_;
    if (!PyArg_ParseTuple(args, "O!O!n(lll)", &PyList_Type, &lines, &PyList_Type, &ctx, &min_sentences, &neargood,
                          &short_, &inline_)) {
        return NULL;
    }
    if (PyList_GET_SIZE(ctx) > PyList_GET_SIZE(lines)) {
        PyErr_SetString(PyExc_ValueError, "prose_blocks: more classes than lines");
        return NULL;
    }
    if (sentence_end_name == NULL && (sentence_end_name = PyUnicode_InternFromString("sentence_end")) == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(ctx);
    long *cls = PyMem_Malloc((n + 1) * sizeof(long));
    PyObject *out = cls == NULL ? PyErr_NoMemory() : PyList_New(0);
    if (out == NULL) {
        PyMem_Free(cls);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        cls[k] = PyLong_AsLong(PyList_GET_ITEM(ctx, k));
        if (cls[k] == -1 && PyErr_Occurred()) {
            goto error;
        }
    }
    Py_ssize_t first = 0, sentences = 0;  /* the open block's first line, its near-good lines' sentences */
    for (Py_ssize_t k = 0; k <= n; k++) {  /* k == n closes the last block */
        if (k < n && cls[k] == neargood) {
            int ends = truth_attribute(PyList_GET_ITEM(lines, k), sentence_end_name);
            if (ends < 0) {
                goto error;
            }
            sentences += ends;
        }
        else if (k == n || (cls[k] != short_ && cls[k] != inline_)) {
            for (Py_ssize_t j = first; sentences >= min_sentences && j < k; j++) {
                PyObject *index = cls[j] == neargood ? PyLong_FromSsize_t(j) : NULL;
                if (cls[j] == neargood && (index == NULL || PyList_Append(out, index) < 0)) {
                    Py_XDECREF(index);
                    goto error;
                }
                Py_XDECREF(index);
            }
            first = k + 1;
            sentences = 0;
        }
    }
    PyMem_Free(cls);
    return out;
error:
    PyMem_Free(cls);
    Py_DECREF(out);
    return NULL;
}

/* long_classes(config, lines, has_stoplist, params, consent_notice) -> (classes, reasons): each line's class
 * and furniture reason by `classify._long_class` for the lines of length_low or more (SHORT and None for the
 * others), as `classify._long_classes_python` gives them: a line of shape_max or fewer has its shape cue
 * asked (`shape_cue`, the configuration's), a longer one its consent notice (`consent_notice`, "legal", the
 * second of the configuration's reasons). `params` = (length_low, length_high, shape_max, stop_high, stop_low,
 * stop_sentence, sentence_words, GOOD, NEARGOOD, SHORT, BAD). */
static PyObject *
long_classes(PyObject *Py_UNUSED(module), PyObject *args)
{
    static PyObject *names_of[5] = {NULL};
    static const char *attribute[5] = {"length", "sentences", "stop_density", "words", "body"};
    PyObject *config, *lines, *consent_notice;
    int has_stoplist;
    Py_ssize_t length_low, length_high, shape_max, sentence_words;
    double stop_high, stop_low, stop_sentence;
    long good, neargood, short_, bad;
    if (!PyArg_ParseTuple(args, "O!O!p(nnndddnllll)O", &PyTuple_Type, &config, &PyList_Type, &lines, &has_stoplist,
                          &length_low, &length_high, &shape_max, &stop_high, &stop_low, &stop_sentence,
                          &sentence_words, &good, &neargood, &short_, &bad, &consent_notice)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(config) != 10 || !PyTuple_Check(PyTuple_GET_ITEM(config, 9))
            || PyTuple_GET_SIZE(PyTuple_GET_ITEM(config, 9)) != 4) {
        PyErr_SetString(PyExc_TypeError, "long_classes: the configuration is shape_cue's");
        return NULL;
    }
    for (int a = 0; a < 5; a++) {
        if (names_of[a] == NULL && (names_of[a] = PyUnicode_InternFromString(attribute[a])) == NULL) {
            return NULL;
        }
    }
    PyObject *legal = PyTuple_GET_ITEM(PyTuple_GET_ITEM(config, 9), 1);
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *classes = PyList_New(n), *reasons = PyList_New(n), *result = NULL;
    if (classes == NULL || reasons == NULL) {
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {  /* filled first, so an error leaves whole lists to free */
        PyList_SET_ITEM(classes, k, PyLong_FromLong(short_));
        PyList_SET_ITEM(reasons, k, Py_NewRef(Py_None));
        if (PyList_GET_ITEM(classes, k) == NULL) {
            goto done;
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *line = PyList_GET_ITEM(lines, k);
        Py_ssize_t length = int_attribute(line, names_of[0]);
        if (length < 0 && PyErr_Occurred()) {
            goto done;
        }
        if (length < length_low) {
            continue;
        }
        long cls;
        PyObject *reason = NULL;
        if (length <= shape_max) {
            PyObject *cue = shape_cue_of(config, line);
            int named = cue == NULL ? -1 : PyObject_IsTrue(cue);
            if (named != 0) {
                if (named < 0) {
                    Py_XDECREF(cue);
                    goto done;
                }
                reason = cue;
            }
            else {
                Py_DECREF(cue);
            }
        }
        else {
            PyObject *body = body_attribute(line, names_of[4]);
            PyObject *consent = body == NULL ? NULL : PyObject_CallOneArg(consent_notice, body);
            Py_XDECREF(body);
            int named = consent == NULL ? -1 : PyObject_IsTrue(consent);
            Py_XDECREF(consent);
            if (named < 0) {
                goto done;
            }
            if (named) {
                reason = Py_NewRef(legal);
            }
        }
        if (reason != NULL) {
            cls = bad;
        }
        else {
            Py_ssize_t sentences = int_attribute(line, names_of[1]);
            if (sentences < 0 && PyErr_Occurred()) {
                goto done;
            }
            if (!has_stoplist) {
                cls = sentences >= 1 ? (length >= length_high ? good : neargood)
                                     : (length >= length_high ? neargood : short_);
            }
            else {
                PyObject *density = line_get(line, names_of[2]);
                double d = density == NULL ? -1.0 : PyFloat_AsDouble(density);
                Py_XDECREF(density);
                if (d == -1.0 && PyErr_Occurred()) {
                    goto done;
                }
                Py_ssize_t words = 0;
                if (d < stop_low && d >= stop_sentence && sentences >= 1) {
                    words = int_attribute(line, names_of[3]);
                    if (words < 0 && PyErr_Occurred()) {
                        goto done;
                    }
                }
                cls = d >= stop_high ? (length >= length_high || sentences >= 2 ? good : neargood)
                    : d >= stop_low || (d >= stop_sentence && sentences >= 1 && words >= sentence_words) ? neargood
                    : bad;
            }
        }
        PyObject *value = PyLong_FromLong(cls);
        if (value == NULL) {
            Py_XDECREF(reason);
            goto done;
        }
        Py_SETREF(((PyListObject *)classes)->ob_item[k], value);
        if (reason != NULL) {
            Py_SETREF(((PyListObject *)reasons)->ob_item[k], reason);
        }
    }
    result = PyTuple_Pack(2, classes, reasons);
done:
    Py_XDECREF(classes);
    Py_XDECREF(reasons);
    return result;
}

/* best_run(weights, a, z) -> (first, last, sum): `classify._best_run_python`, Kadane's maximum-sum run of
 * weights[a:z] (a list of floats), summed in the same order; last < first when no run weighs more than 0. */
static PyObject *
best_run(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *weights;
    Py_ssize_t a, z;
    if (!PyArg_ParseTuple(args, "O!nn", &PyList_Type, &weights, &a, &z)) {
        return NULL;
    }
    if (a < 0 || z > PyList_GET_SIZE(weights)) {
        PyErr_SetString(PyExc_IndexError, "best_run: the run lies outside the weights");
        return NULL;
    }
    double best = 0.0, cur = 0.0;
    Py_ssize_t first = a, last = a - 1, cur_start = a;
    for (Py_ssize_t k = a; k < z; k++) {
        double w = PyFloat_AsDouble(PyList_GET_ITEM(weights, k));
        if (w == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (cur <= 0) {
            cur = w;
            cur_start = k;
        }
        else {
            cur += w;
        }
        if (cur > best) {
            best = cur;
            first = cur_start;
            last = k;
        }
    }
    return Py_BuildValue("(nnd)", first, last, best);
}

/* A set of characters (`char_class`): a table for Latin-1, the others sorted. */
typedef struct {
    unsigned char latin1[256];
    Py_UCS4 *others;
    Py_ssize_t n_others;
} CharClass;

#define CHAR_CLASS_CAPSULE "build_dataset.clean._speedups.CharClass"

static void
char_class_destructor(PyObject *capsule)
{
    CharClass *cls = PyCapsule_GetPointer(capsule, CHAR_CLASS_CAPSULE);
    if (cls != NULL) {
        PyMem_Free(cls->others);
        PyMem_Free(cls);
    }
}

static int
code_point_order(const void *a, const void *b)
{
    Py_UCS4 x = *(const Py_UCS4 *)a, y = *(const Py_UCS4 *)b;
    return (x > y) - (x < y);
}

/* char_class(chars): the characters of a str, in a capsule for `holds_char` and `holds_pair`. */
static PyObject *
char_class(PyObject *Py_UNUSED(module), PyObject *chars)
{
    if (!PyUnicode_Check(chars)) {
        PyErr_SetString(PyExc_TypeError, "char_class: takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    CharClass *cls = PyMem_Calloc(1, sizeof(CharClass));
    Py_UCS4 *others = cls == NULL ? NULL : PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS4));
    if (others == NULL) {
        PyMem_Free(cls);
        return PyErr_NoMemory();
    }
    cls->others = others;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, i);
        if (c < 256) {
            cls->latin1[c] = 1;
        }
        else {
            others[cls->n_others++] = c;
        }
    }
    qsort(others, cls->n_others, sizeof(Py_UCS4), code_point_order);
    PyObject *capsule = PyCapsule_New(cls, CHAR_CLASS_CAPSULE, char_class_destructor);
    if (capsule == NULL) {
        PyMem_Free(others);
        PyMem_Free(cls);
    }
    return capsule;
}

static inline int
in_class(const CharClass *cls, Py_UCS4 c)
{
    if (c < 256) {
        return cls->latin1[c];
    }
    Py_ssize_t lo = 0, hi = cls->n_others;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (cls->others[mid] < c) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    return lo < cls->n_others && cls->others[lo] == c;
}

/* holds_char(cls, text): whether a character of `text` is in `cls` (a `char_class`): `re.search` of the class. */
static PyObject *
holds_char(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "holds_char: takes a character class and a str");
        return NULL;
    }
    const CharClass *cls = PyCapsule_GetPointer(args[0], CHAR_CLASS_CAPSULE);
    if (cls == NULL) {
        return NULL;
    }
    PyObject *text = args[1];
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (cls->latin1[s[i]]) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (in_class(cls, PyUnicode_READ(kind, data, i))) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

/* holds_pair(first, second, text): whether a character of `first` is followed by one of `second` in `text` (two
 * `char_class`es): `re.search` of the two classes one after the other. */
static PyObject *
holds_pair(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "holds_pair: takes two character classes and a str");
        return NULL;
    }
    const CharClass *first = PyCapsule_GetPointer(args[0], CHAR_CLASS_CAPSULE);
    const CharClass *second = first ? PyCapsule_GetPointer(args[1], CHAR_CLASS_CAPSULE) : NULL;
    if (second == NULL) {
        return NULL;
    }
    PyObject *text = args[2];
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        if (in_class(first, PyUnicode_READ(kind, data, i)) && in_class(second, PyUnicode_READ(kind, data, i + 1))) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

/* The slashed date `dates._SLASHED` matches at position p of a text ((?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})
 * (?![\d/-]), \d being a decimal digit), tried as `re` tries it (each run of digits longest first, the year's
 * four digits before two): its end, and the values of its day and month groups, or 0 when none starts there. */
static Py_ssize_t
slashed_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t p, long *first, long *second)
{
#define DIGIT_AT(i) ((i) < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, (i))))
#define CHAR_AT(i) ((i) < n ? PyUnicode_READ(kind, data, (i)) : 0)
    if (p > 0 && (Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, p - 1)) || PyUnicode_READ(kind, data, p - 1) == '/')) {
        return 0;
    }
    for (int a = 2; a >= 1; a--) {
        if (!DIGIT_AT(p) || (a == 2 && !DIGIT_AT(p + 1)) || CHAR_AT(p + a) != '/') {
            continue;
        }
        Py_ssize_t q = p + a + 1;
        for (int b = 2; b >= 1; b--) {
            if (!DIGIT_AT(q) || (b == 2 && !DIGIT_AT(q + 1)) || CHAR_AT(q + b) != '/') {
                continue;
            }
            Py_ssize_t y = q + b + 1;
            for (int year = 4; year >= 2; year -= 2) {
                int digits = 1;
                for (int i = 0; i < year; i++) {
                    digits &= DIGIT_AT(y + i);
                }
                Py_UCS4 next = CHAR_AT(y + year);
                if (!digits || (y + year < n && (Py_UNICODE_ISDECIMAL(next) || next == '/' || next == '-'))) {
                    continue;
                }
                *first = Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, p));
                if (a == 2) {
                    *first = 10 * *first + Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, p + 1));
                }
                *second = Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, q));
                if (b == 2) {
                    *second = 10 * *second + Py_UNICODE_TODECIMAL(PyUnicode_READ(kind, data, q + 1));
                }
                return y + year;
            }
        }
    }
    return 0;
#undef DIGIT_AT
#undef CHAR_AT
}

/* slashed_dates(lines) -> (day_first, month_first): `dates.slashed_order`'s loop over the lines' bodies, whether
 * a slashed date writes its day first (a first number over 12, a second of 12 or less) and whether its month
 * first, each text's matches taken as `finditer` takes them. */
static PyObject *
slashed_dates(PyObject *Py_UNUSED(module), PyObject *lines)
{
    static PyObject *body_name = NULL;
    if (!PyList_Check(lines)) {
        PyErr_SetString(PyExc_TypeError, "slashed_dates: takes a list of lines");
        return NULL;
    }
    if (body_name == NULL && (body_name = PyUnicode_InternFromString("body")) == NULL) {
        return NULL;
    }
    int day_first = 0, month_first = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(lines); k++) {
        PyObject *body = line_get(PyList_GET_ITEM(lines, k), body_name);
        if (body == NULL) {
            return NULL;
        }
        if (!PyUnicode_Check(body)) {
            Py_DECREF(body);
            PyErr_SetString(PyExc_TypeError, "slashed_dates: a line's body must be a str");
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(body);
        int kind = PyUnicode_KIND(body);
        const void *data = PyUnicode_DATA(body);
        for (Py_ssize_t p = PyUnicode_FindChar(body, '/', 0, n, 1) >= 0 ? 0 : n; p < n;) {
            long a = 0, b = 0;
            Py_ssize_t end = slashed_at(kind, data, n, p, &a, &b);
            if (end) {
                day_first |= a > 12 && b <= 12;
                month_first |= b > 12 && a <= 12;
                p = end;
            }
            else {
                p++;
            }
        }
        Py_DECREF(body);
    }
    return Py_BuildValue("(OO)", day_first ? Py_True : Py_False, month_first ? Py_True : Py_False);
}

/* revise(lines, cls, ctx, classes) -> list of int: `classify._revise_python`, jusText's context step, with
 * `classes` = (GOOD, BAD, SHORT, NEARGOOD, INLINE): a short line right above good or near-good text that is no
 * bullet and at least 3 long becomes a heading (NEARGOOD in `ctx`, which is changed as the reference changes
 * it); short lines take the class of their neighbours, near-good runs that of the good text beside them. */
static PyObject *
revise(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lines, *cls_list, *ctx_list;
    long good, bad, short_, neargood, inline_;
    if (!PyArg_ParseTuple(args, "O!O!O!(lllll)", &PyList_Type, &lines, &PyList_Type, &cls_list, &PyList_Type,
                          &ctx_list, &good, &bad, &short_, &neargood, &inline_)) {
        return NULL;
    }
    static PyObject *bullet_name = NULL, *length_name = NULL;
    if ((bullet_name == NULL && (bullet_name = PyUnicode_InternFromString("bullet")) == NULL)
            || (length_name == NULL && (length_name = PyUnicode_InternFromString("length")) == NULL)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(cls_list);
    if (PyList_GET_SIZE(ctx_list) != n || PyList_GET_SIZE(lines) != n) {
        PyErr_SetString(PyExc_ValueError, "revise: lines, cls and ctx must be as long");
        return NULL;
    }
    long *work = PyMem_Malloc((size_t)(n ? n : 1) * 7 * sizeof(long));
    if (work == NULL) {
        return PyErr_NoMemory();
    }
    long *cls = work, *ctx = work + n, *p1 = work + 2 * n, *n1 = work + 3 * n, *p2 = work + 4 * n,
         *n2 = work + 5 * n, *revised = work + 6 * n;
    PyObject *result = NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        cls[k] = PyLong_AsLong(PyList_GET_ITEM(cls_list, k));
        ctx[k] = PyLong_AsLong(PyList_GET_ITEM(ctx_list, k));
        if ((cls[k] == -1 || ctx[k] == -1) && PyErr_Occurred()) {
            goto done;
        }
    }
    for (Py_ssize_t k = 0; k + 1 < n; k++) {  /* headings */
        if (cls[k] != short_ || (cls[k + 1] != good && cls[k + 1] != neargood)) {
            continue;
        }
        PyObject *line = PyList_GET_ITEM(lines, k);
        PyObject *bullet = line_get(line, bullet_name);
        int truth = bullet == NULL ? -1 : PyObject_IsTrue(bullet);
        Py_XDECREF(bullet);
        if (truth < 0) {
            goto done;
        }
        if (truth) {
            continue;
        }
        PyObject *length = line_get(line, length_name);
        if (length == NULL) {
            goto done;
        }
        int overflow = 0;
        long value_of = PyLong_Check(length) ? PyLong_AsLongAndOverflow(length, &overflow) : -1;
        if (!PyLong_Check(length)) {
            PyErr_SetString(PyExc_TypeError, "revise: a line's length must be an int");
        }
        Py_DECREF(length);
        if (value_of == -1 && PyErr_Occurred()) {
            goto done;
        }
        int at_least = overflow > 0 || (overflow == 0 && value_of >= 3);
        if (at_least) {
            ctx[k] = neargood;
            PyObject *value = PyLong_FromLong(neargood);
            if (value == NULL || PyList_SetItem(ctx_list, k, value) < 0) {
                goto done;
            }
        }
    }
    /* `_neighbours_both_python` of ctx */
    long last1 = bad, last2 = bad;
    for (Py_ssize_t k = 0; k < n; k++) {
        p1[k] = last1;
        p2[k] = last2;
        if (ctx[k] != short_ && ctx[k] != inline_) {
            last2 = ctx[k];
            if (ctx[k] != neargood) {
                last1 = ctx[k];
            }
        }
    }
    last1 = last2 = bad;
    for (Py_ssize_t k = n - 1; k >= 0; k--) {
        n1[k] = last1;
        n2[k] = last2;
        if (ctx[k] != short_ && ctx[k] != inline_) {
            last2 = ctx[k];
            if (ctx[k] != neargood) {
                last1 = ctx[k];
            }
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        revised[k] = ctx[k];
        if (ctx[k] != short_) {
            continue;
        }
        if (p1[k] == good && n1[k] == good) {
            revised[k] = good;
        }
        else if (p1[k] == bad && n1[k] == bad) {
            revised[k] = bad;
        }
        else {
            int has_bad = p2[k] == bad || n2[k] == bad, has_neargood = p2[k] == neargood || n2[k] == neargood;
            revised[k] = has_bad && has_neargood ? bad : good;
        }
    }
    /* each run of near-good and inline lines takes GOOD when good text is right beside it */
    Py_ssize_t end = 0;
    long kept = bad;
    for (Py_ssize_t k = 0; k < n; k++) {
        if (revised[k] != neargood) {
            continue;
        }
        if (k >= end) {
            Py_ssize_t a = k - 1;
            while (a >= 0 && revised[a] == inline_) {
                a--;
            }
            end = k + 1;
            while (end < n && (revised[end] == neargood || revised[end] == inline_)) {
                end++;
            }
            kept = (a >= 0 && revised[a] == good) || (end < n && revised[end] == good) ? good : bad;
        }
        revised[k] = kept;
    }
    result = PyList_New(n);
    for (Py_ssize_t k = 0; result != NULL && k < n; k++) {
        PyObject *value = PyLong_FromLong(revised[k] == inline_ ? bad : revised[k]);
        if (value == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, k, value);
    }
done:
    PyMem_Free(work);
    return result;
}

/* short_lines_to_check(ctx, classes) -> list of int: `classify._short_lines_to_check_python`, with `classes` =
 * (GOOD, BAD, SHORT, NEARGOOD): the SHORT lines between two anchors (BAD or GOOD lines, or the page's edges)
 * of which one is GOOD, and the SHORT lines right above a GOOD or NEARGOOD line between others. */
static PyObject *
short_lines_to_check(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *ctx_list;
    long good, bad, short_, neargood;
    if (!PyArg_ParseTuple(args, "O!(llll)", &PyList_Type, &ctx_list, &good, &bad, &short_, &neargood)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(ctx_list);
    long *ctx = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(long));
    PyObject *out = ctx == NULL ? PyErr_NoMemory() : PyList_New(0);
    if (out == NULL) {
        PyMem_Free(ctx);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        ctx[k] = PyLong_AsLong(PyList_GET_ITEM(ctx_list, k));
        if (ctx[k] == -1 && PyErr_Occurred()) {
            goto error;
        }
    }
    Py_ssize_t a = -1;  /* the anchor above the lines being read */
    while (a < n) {
        Py_ssize_t z = a + 1;
        while (z < n && ctx[z] != bad && ctx[z] != good) {
            z++;
        }
        if (z - a > 1) {
            int beside_good = (a >= 0 && ctx[a] == good) || (z < n && ctx[z] == good);
            for (Py_ssize_t k = a + 1; k < z; k++) {
                if (ctx[k] == short_ && (beside_good || (k + 1 < n && (ctx[k + 1] == good || ctx[k + 1] == neargood)))
                        && append_position(out, k) < 0) {
                    goto error;
                }
            }
        }
        a = z;
    }
    PyMem_Free(ctx);
    return out;
error:
    PyMem_Free(ctx);
    Py_DECREF(out);
    return NULL;
}

/* pair_candidates(bodies, caption_extra) -> list of int: the positions k of `classify._pairs`' candidates, a body
 * equal to the next one, or 20 to 399 characters long with the next one longer by at most caption_extra. */
static PyObject *
pair_candidates(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *bodies;
    Py_ssize_t extra;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &bodies, &extra)) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(bodies);
    for (Py_ssize_t k = 0; k + 1 < n; k++) {
        PyObject *a = PyList_GET_ITEM(bodies, k), *b = PyList_GET_ITEM(bodies, k + 1);
        if (!PyUnicode_Check(a) || !PyUnicode_Check(b)) {
            PyErr_SetString(PyExc_TypeError, "pair_candidates: the bodies must be str");
            Py_DECREF(out);
            return NULL;
        }
        Py_ssize_t la = PyUnicode_GET_LENGTH(a), grown = PyUnicode_GET_LENGTH(b) - la;
        int candidate = (0 < grown && grown <= extra && 20 <= la && la < 400);
        if (!candidate && grown == 0) {
            candidate = PyUnicode_Compare(a, b) == 0;  /* (str comparison cannot fail) */
        }
        if (candidate && append_position(out, k) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* apply_model(verdicts, probability, threshold, first, last, good, bad, places): `page._apply_model_python`'s
 * loop: a line the model keeps (its probability at least `threshold`, and no sure verdict) is made GOOD with no
 * reason; a GOOD line it drops is made BAD with its cue as the reason, else the place's name of `places`
 * (above the region [first, last], below it, inside it). */
static PyObject *
apply_model(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *verdicts, *good, *bad, *places;
    Py_buffer probability;
    double threshold;
    Py_ssize_t first, last;
    if (!PyArg_ParseTuple(args, "O!y*dnnO!O!O!", &PyList_Type, &verdicts, &probability, &threshold, &first, &last,
                          &PyLong_Type, &good, &PyLong_Type, &bad, &PyTuple_Type, &places)) {
        return NULL;
    }
    static PyObject *names[4] = {NULL};
    static const char *attribute[4] = {"cls", "reason", "cue", "sure"};
    PyObject *result = NULL;
    for (int a = 0; a < 4; a++) {
        if (names[a] == NULL && (names[a] = PyUnicode_InternFromString(attribute[a])) == NULL) {
            goto done;
        }
    }
    Py_ssize_t n = PyList_GET_SIZE(verdicts);
    if (probability.len != n * (Py_ssize_t)sizeof(double) || PyTuple_GET_SIZE(places) != 3) {
        PyErr_SetString(PyExc_ValueError, "apply_model: a float64 probability a verdict, and three places' names");
        goto done;
    }
    const double *p = probability.buf;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *v = PyList_GET_ITEM(verdicts, k);
        PyObject *sure = PyObject_GetAttr(v, names[3]), *cls = sure ? PyObject_GetAttr(v, names[0]) : NULL;
        int is_sure = sure ? PyObject_IsTrue(sure) : -1;
        int is_good = cls ? PyObject_RichCompareBool(cls, good, Py_EQ) : -1;
        Py_XDECREF(sure);
        Py_XDECREF(cls);
        if (is_sure < 0 || is_good < 0) {
            goto done;
        }
        int keep = p[k] >= threshold && !is_sure;
        if (keep && !is_good) {
            if (PyObject_SetAttr(v, names[0], good) < 0 || PyObject_SetAttr(v, names[1], Py_None) < 0) {
                goto done;
            }
        }
        else if (!keep && is_good) {
            PyObject *cue = PyObject_GetAttr(v, names[2]);
            int named = cue ? PyObject_IsTrue(cue) : -1;
            if (named < 0) {
                Py_XDECREF(cue);
                goto done;
            }
            PyObject *reason = named ? cue : PyTuple_GET_ITEM(places, k < first ? 0 : k > last ? 1 : 2);
            int failed = PyObject_SetAttr(v, names[0], bad) < 0 || PyObject_SetAttr(v, names[1], reason) < 0;
            Py_DECREF(cue);
            if (failed) {
                goto done;
            }
        }
    }
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&probability);
    return result;
}

static PyMethodDef methods[] = {
    {"apply_model", apply_model, METH_VARARGS, "The line model's call made on the verdicts (see page._apply_model)."},
    {"short_lines_to_check", short_lines_to_check, METH_VARARGS,
     "The short lines whose context could keep them (see classify._short_lines_to_check_python)."},
    {"pair_candidates", pair_candidates, METH_VARARGS, "The lines classify._pairs looks at (see classify.py)."},
    {"revise", revise, METH_VARARGS, "jusText's context step on a page's classes (see classify._revise_python)."},
    {"slashed_dates", slashed_dates, METH_O, "Which orders a page's slashed dates show (see dates.slashed_order)."},
    {"char_class", char_class, METH_O, "The characters of a str made ready for holds_char and holds_pair."},
    {"holds_char", (PyCFunction)(void (*)(void))holds_char, METH_FASTCALL,
     "Whether a str holds a character of a char_class (see repair.py)."},
    {"holds_pair", (PyCFunction)(void (*)(void))holds_pair, METH_FASTCALL,
     "Whether a str holds a character of one char_class followed by one of another (see repair.py)."},
    {"best_run", best_run, METH_VARARGS, "Kadane's maximum-sum run of a list of floats (see classify._best_run)."},
    {"may_name_cookie", (PyCFunction)(void (*)(void))may_name_cookie_of, METH_FASTCALL,
     "False when cues.consent_notice of a str is False for sure (see cues.py)."},
    {"prose_blocks", prose_blocks, METH_VARARGS,
     "The near-good lines of the blocks of prose the classifier promotes (see classify._prose_blocks_python)."},
    {"short_cues", short_cues, METH_VARARGS, "The short lines' cues the classifier looks up (see classify._short_cues_python)."},
    {"long_classes", long_classes, METH_VARARGS,
     "The classes of the lines long enough to be judged alone (see classify._long_classes_python)."},
    {"shape_cue", (PyCFunction)(void (*)(void))shape_cue, METH_FASTCALL,
     "Why a line is furniture by its own look (see classify._shape_cue_python)."},
    {"language_words", language_words, METH_VARARGS,
     "The words the stoplist vote reads from a page's lines (see lines.language_words_python)."},
    {"phrase_set", phrase_set, METH_O, "A tuple of phrases made ready for holds_phrase (see phrases.py)."},
    {"short_shapes", short_shapes, METH_VARARGS,
     "The short lines of a bare name's shape and of an archive link's end (see bylines._short_shapes_python)."},
    {"first_word_lines", first_word_lines, METH_VARARGS,
     "The lines from an index on whose first head word is in a frozenset (see lines.first_word_lines_python)."},
    {"statement_candidates", statement_candidates, METH_VARARGS,
     "The lines published._publication_statement reads (see published._statement_candidates_python)."},
    {"holds_phrase", (PyCFunction)(void (*)(void))holds_phrase, METH_FASTCALL,
     "Whether a str holds any phrase of a phrase_set (see phrases.py)."},
    {"may_name_cue", (PyCFunction)(void (*)(void))may_name_cue, METH_FASTCALL,
     "False when cues.cue_reason of a str is None for sure (see cues.py)."},
    {"slot_objects", slot_objects, METH_VARARGS,
     "slot_objects(type, fields, columns): list(map(type, *columns)) for a dataclass with slots, made directly."},
    {"partition", partition, METH_VARARGS,
     "partition(raw_length, pieces, kept, whitespace, span_new, span_type): spans.partition_python's result."},
    {"partition_lines", partition_lines, METH_VARARGS,
     "partition_lines(raw_length, lines, reasons, split_pieces, kept, whitespace, span_new, span_type): "
     "spans.partition_python of spans.line_pieces."},
    {"word_values", word_values, METH_VARARGS,
     "word_values(words, vocabulary, stoplist, values, stop): features._word_values_python's arrays, into values "
     "and stop."},
    {"page_columns", page_columns, METH_VARARGS,
     "The line model's columns but the vocabulary and topic ones (see features._page_columns_python)."},
    {"line_columns", line_columns, METH_VARARGS,
     "line_columns(lines, names, out): features._line_columns_python's rows, into out."},
    {"markup_lines", markup_lines, METH_VARARGS,
     "The lines page._mark_markup_python marks as markup (see page.py)."},
    {"letterless_lines", letterless_lines, METH_VARARGS,
     "The lines outside the region page._mark_letterless_outside_python makes sure of (see page.py)."},
    {"weights", weights, METH_VARARGS,
     "weights(lines, bodies, cls, reason, original, boundary_reasons, inline_reasons, params): "
     "classify._weights_python's weights."},
    {"neighbours", neighbours, METH_VARARGS,
     "neighbours(classes, bad, short, inline, neargood): classify._neighbours_both_python's four lists."},
    {"best_stoplist", best_stoplist, METH_VARARGS,
     "best_stoplist(words, index, weights[, bits]): the language with the most votes for its weight (see stoplists.py)."},
    {"vocabulary_columns", vocabulary_columns, METH_VARARGS,
     "vocabulary_columns(ids, sizes, table, furniture_word, out): features._vocabulary_columns_python's columns."},
    {"topic_columns", topic_columns, METH_VARARGS,
     "topic_columns(ids, sizes, content, core, outside, window, out): features._topic_columns_python's columns."},
    {"context_columns", context_columns, METH_VARARGS,
     "context_columns(probability, lengths, out, kept, pad): the second stage's columns (see features.context_columns)."},
    {"forest_leaves", forest_leaves, METH_VARARGS,
     "forest_leaves(rows, roots, feature, threshold, children, value, depth, out): the line model's leaf values."},
    {"number_words", number_words, METH_VARARGS,
     "number_words(words, size) -> (distinct, first, ids): the numbering of features._page_words_python."},
    {"content_words", content_words, METH_VARARGS,
     "content_words(text, stoplist, stem, min_chars): metadata._content_words_python's words."},
    {"split_lines", split_lines, METH_O, "The non-blank lines of a str as lines.Line objects (see lines.py)."},
    {"configure", configure, METH_VARARGS,
     "configure(Line, fields, form_search, urlish_pattern, date_pattern, latin1_words, strong_bullets, weak_bullets, "
     "sentence_ends, sentence_marks, separators, tokens_from, stop_sample_chars, char_sample): what split_lines reads "
     "and calls back."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_speedups", "C versions of the cleaner's hottest loops (see _speedups.c).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&module);
}
