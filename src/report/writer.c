/*
 * writer.c: the report's document model printed as Markdown or HTML.
 * Markdown: one blank line between blocks, tables as pipes with a rule
 * under the header row, '|' escaped and line breaks folded in text.
 * HTML: the same structure as elements, text escaped.
 */
#include "writer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum { WRITER_NONE, WRITER_HEADING, WRITER_PARA, WRITER_ITEM, WRITER_ROW };

void lk_writer_init(lk_writer *w, lk_buf *b, int html)
{
    memset(w, 0, sizeof(*w));
    w->b = b;
    w->html = html;
}

/* Markdown: a blank line before a new block (none at the very start). */
static void writer_gap(lk_writer *w)
{
    const lk_buf *b = w->b;
    if (w->html || b->len == 0)
        return;
    if (b->len >= 2 && b->ptr[b->len - 1] == '\n' && b->ptr[b->len - 2] == '\n')
        return;
    lk_buf_puts(w->b, "\n");
}

static void writer_close_list(lk_writer *w)
{
    if (w->in_list && w->html)
        lk_buf_puts(w->b, "</ul>\n");
    w->in_list = 0;
}

static void writer_close_table(lk_writer *w)
{
    if (w->in_table && w->html)
        lk_buf_puts(w->b, "</table>\n");
    w->in_table = 0;
}

void lk_writer_end(lk_writer *w)
{
    if (w->strong)
        lk_writer_strong(w, 0);
    if (w->em)
        lk_writer_em(w, 0);
    switch (w->block) {
    case WRITER_HEADING:
        if (w->html)
            lk_buf_printf(w->b, "</h%d>", w->level);
        lk_buf_puts(w->b, "\n");
        break;
    case WRITER_PARA:
        lk_buf_puts(w->b, w->html ? "</p>\n" : "\n");
        break;
    case WRITER_ITEM:
        lk_buf_puts(w->b, w->html ? "</li>\n" : "\n");
        break;
    case WRITER_ROW: {
        const char *cell = w->rows == 0 ? "th" : "td";
        int k;
        if (w->in_cell && w->html)
            lk_buf_printf(w->b, "</%s>", cell);
        else if (w->in_cell && w->b->len > w->cell_at + 2)
            lk_buf_puts(w->b, " ");
        if (w->html) {
            lk_buf_puts(w->b, "</tr>\n");
        } else {
            lk_buf_puts(w->b, "|\n");
            if (w->rows == 0) {
                for (k = 0; k < w->ncols; k++)
                    lk_buf_puts(w->b, "|---");
                lk_buf_puts(w->b, "|\n");
            }
        }
        w->rows++;
        w->in_cell = 0;
        break;
    }
    default: break;
    }
    w->block = WRITER_NONE;
}

void lk_writer_close(lk_writer *w)
{
    lk_writer_end(w);
    writer_close_list(w);
    writer_close_table(w);
}

void lk_writer_heading(lk_writer *w, int level)
{
    lk_writer_close(w);
    writer_gap(w);
    w->block = WRITER_HEADING;
    w->level = level;
    if (w->html) {
        lk_buf_printf(w->b, "<h%d>", level);
    } else {
        for (; level > 0; level--)
            lk_buf_puts(w->b, "#");
        lk_buf_puts(w->b, " ");
    }
}

void lk_writer_para(lk_writer *w)
{
    lk_writer_close(w);
    writer_gap(w);
    w->block = WRITER_PARA;
    if (w->html)
        lk_buf_puts(w->b, "<p>");
}

void lk_writer_item(lk_writer *w)
{
    lk_writer_end(w);
    writer_close_table(w);
    if (!w->in_list) {
        writer_gap(w);
        if (w->html)
            lk_buf_puts(w->b, "<ul>\n");
        w->in_list = 1;
    }
    w->block = WRITER_ITEM;
    lk_buf_puts(w->b, w->html ? "<li>" : "- ");
}

void lk_writer_table(lk_writer *w, int ncols)
{
    lk_writer_close(w);
    writer_gap(w);
    if (w->html)
        lk_buf_puts(w->b, "<table>\n");
    w->in_table = 1;
    w->rows = 0;
    w->ncols = ncols;
}

void lk_writer_row(lk_writer *w)
{
    lk_writer_end(w);
    w->block = WRITER_ROW;
    w->cells = 0;
    w->in_cell = 0;
    if (w->html)
        lk_buf_puts(w->b, "<tr>");
}

void lk_writer_cell(lk_writer *w)
{
    const char *cell = w->rows == 0 ? "th" : "td";
    if (w->strong)
        lk_writer_strong(w, 0);
    if (w->em)
        lk_writer_em(w, 0);
    if (w->html) {
        if (w->in_cell)
            lk_buf_printf(w->b, "</%s>", cell);
        lk_buf_printf(w->b, "<%s>", cell);
    } else {
        if (w->in_cell && w->b->len > w->cell_at + 2)
            lk_buf_puts(w->b, " ");
        w->cell_at = w->b->len;
        lk_buf_puts(w->b, "| ");
    }
    w->in_cell = 1;
    w->cells++;
}

void lk_writer_cell_text(lk_writer *w, const char *s)
{
    lk_writer_cell(w);
    lk_writer_text(w, s);
}

/* Text escaped for HTML, line breaks folded. */
static void writer_html_text(lk_buf *b, const char *s, size_t n)
{
    size_t i, start = 0;
    for (i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\n':
        case '\r': rep = " "; break;
        default: continue;
        }
        lk_buf_put(b, s + start, i - start);
        lk_buf_puts(b, rep);
        start = i + 1;
    }
    lk_buf_put(b, s + start, n - start);
}

/* Text for Markdown: line breaks folded, '|' escaped (tables). */
static void writer_md_text(lk_buf *b, const char *s, size_t n)
{
    size_t i, start = 0;
    for (i = 0; i < n; i++) {
        const char *rep;
        if (s[i] == '|')
            rep = "\\|";
        else if (s[i] == '\n' || s[i] == '\r')
            rep = " ";
        else
            continue;
        lk_buf_put(b, s + start, i - start);
        lk_buf_puts(b, rep);
        start = i + 1;
    }
    lk_buf_put(b, s + start, n - start);
}

void lk_writer_text(lk_writer *w, const char *s)
{
    if (s == NULL)
        return;
    if (w->html)
        writer_html_text(w->b, s, strlen(s));
    else
        writer_md_text(w->b, s, strlen(s));
}

/* Text for Markdown with every markup character escaped. */
static void writer_md_data(lk_buf *b, const char *s, size_t n)
{
    size_t i, start = 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r') {
            lk_buf_put(b, s + start, i - start);
            lk_buf_puts(b, " ");
            start = i + 1;
        } else if (strchr("*_`[]<>#\\|", s[i]) != NULL && s[i] != '\0') {
            lk_buf_put(b, s + start, i - start);
            lk_buf_put(b, "\\", 1);
            start = i; /* the character itself follows */
        }
    }
    lk_buf_put(b, s + start, n - start);
}

void lk_writer_data(lk_writer *w, const char *s)
{
    if (s == NULL)
        return;
    if (w->html)
        writer_html_text(w->b, s, strlen(s));
    else
        writer_md_data(w->b, s, strlen(s));
}

void lk_writer_textf(lk_writer *w, const char *fmt, ...)
{
    lk_buf text;
    va_list ap;
    lk_buf_init(&text, w->b->max);
    va_start(ap, fmt);
    lk_buf_vprintf(&text, fmt, ap);
    va_end(ap);
    if (text.error && w->b->error == 0)
        w->b->error = text.error; /* never a silently shortened text */
    lk_writer_text(w, text.ptr);
    lk_buf_dispose(&text);
}

void lk_writer_strong(lk_writer *w, int on)
{
    w->strong = on;
    if (w->html)
        lk_buf_puts(w->b, on ? "<strong>" : "</strong>");
    else
        lk_buf_puts(w->b, "**");
}

void lk_writer_em(lk_writer *w, int on)
{
    w->em = on;
    if (w->html)
        lk_buf_puts(w->b, on ? "<em>" : "</em>");
    else
        lk_buf_puts(w->b, "*");
}

/* "n" backticks into "b". */
static void writer_ticks(lk_buf *b, size_t n)
{
    while (n-- > 0)
        lk_buf_put(b, "`", 1);
}

void lk_writer_code(lk_writer *w, const char *s)
{
    size_t i, run = 0, longest = 0, n = strlen(s);
    int pad;
    if (w->html) {
        lk_buf_puts(w->b, "<code>");
        writer_html_text(w->b, s, n);
        lk_buf_puts(w->b, "</code>");
        return;
    }
    /* a code span ends at the first run of as many backticks as opened
     * it: open with one more than the longest run inside, so a backtick
     * of the text cannot end it and let what follows be read as markup;
     * a space each side when the text starts or ends with a backtick (or
     * with spaces, which CommonMark would strip) */
    for (i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    pad = n > 0 && (s[0] == '`' || s[n - 1] == '`' ||
                    (s[0] == ' ' && s[n - 1] == ' '));
    writer_ticks(w->b, longest + 1);
    if (pad)
        lk_buf_put(w->b, " ", 1);
    writer_md_text(w->b, s, n);
    if (pad)
        lk_buf_put(w->b, " ", 1);
    writer_ticks(w->b, longest + 1);
}

/* 1 if "url" is a web address (http, https). */
static int writer_web_url(const char *url)
{
    return strncasecmp(url, "https://", 8) == 0 ||
           strncasecmp(url, "http://", 7) == 0;
}

/* 1 if "url" may be written as an HTML link: a web address or a relative
 * one (the catalogue's "docs/method.md"). A source's url is the case's
 * text: "javascript:..." made a link would run in the reader's browser
 * when followed. Any ':' before the first '/', '?' or '#' makes a scheme,
 * so spaces or tabs in one ("java\tscript:", which browsers read as
 * "javascript:") do not hide it. */
static int writer_link_url(const char *url)
{
    return writer_web_url(url) ||
           (url[0] != '\0' && url[strcspn(url, ":/?#")] != ':');
}

/* 1 if "url" may be a Markdown autolink: a web address with none of the
 * characters that end one or let what follows be read as markup (space,
 * '<', '>', '|', '\\', control characters). */
static int writer_md_autolink(const char *url)
{
    const unsigned char *p;
    if (!writer_web_url(url))
        return 0;
    for (p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f || strchr("<>|\\", *p) != NULL)
            return 0;
    return 1;
}

void lk_writer_link(lk_writer *w, const char *url)
{
    if (!w->html) {
        /* anything else is text, every markup character escaped: a
         * relative address in <...> could be read as an HTML tag */
        if (writer_md_autolink(url)) {
            lk_buf_puts(w->b, "<");
            lk_buf_puts(w->b, url);
            lk_buf_puts(w->b, ">");
        } else {
            writer_md_data(w->b, url, strlen(url));
        }
        return;
    }
    if (!writer_link_url(url)) {
        lk_writer_code(w, url);
        return;
    }
    lk_buf_puts(w->b, "<a href=\"");
    writer_html_text(w->b, url, strlen(url));
    lk_buf_puts(w->b, "\">");
    writer_html_text(w->b, url, strlen(url));
    lk_buf_puts(w->b, "</a>");
}
