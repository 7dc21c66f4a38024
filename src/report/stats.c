/*
 * stats.c: lk_stats: verdict counts of a JSON Lines stream of assessments
 * per lens, overall and by victim State, actor State and year of
 * disclosure, rendered as text tables, CSV or an HTML page with an
 * inline SVG bar chart.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/batch.h"

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "error.h"
#include "jsonfast.h"

#define STATS_KEY_MAX 64 /* bytes kept of a group key, lens or verdict */

/* The groupings counted, in the order they are shown. */
static const char *const stats_groups[] = {"all", "victim-state",
                                           "actor-state", "year"};
#define STATS_GROUPS 4

/* One count: records of group "group" with key "key" whose lens "lens"
 * has verdict "verdict". */
typedef struct stats_cell {
    int group;
    char key[STATS_KEY_MAX];
    char lens[STATS_KEY_MAX];
    char verdict[STATS_KEY_MAX];
    unsigned long count;
} stats_cell;

struct lk_stats {
    stats_cell *cells;
    size_t n, cap;
    unsigned long records, rejected, skipped;
};

int lk_stats_new(lk_stats **out, lk_error *err)
{
    *out = lk_calloc(1, sizeof(**out));
    return *out == NULL ? lk_error_set_oom(err) : 0;
}

void lk_stats_free(lk_stats *s)
{
    if (s == NULL)
        return;
    lk_free(s->cells);
    lk_free(s);
}

void lk_stats_counts(const lk_stats *s, unsigned long *records,
                     unsigned long *rejected, unsigned long *skipped)
{
    if (records != NULL)
        *records = s->records;
    if (rejected != NULL)
        *rejected = s->rejected;
    if (skipped != NULL)
        *skipped = s->skipped;
}

/* Add one to the cell (group, key, lens, verdict). */
static int stats_bump(lk_stats *s, int group, const char *key,
                      const char *lens, const char *verdict)
{
    size_t i;
    stats_cell *c;
    for (i = 0; i < s->n; i++) {
        c = &s->cells[i];
        if (c->group == group && strcmp(c->key, key) == 0 &&
            strcmp(c->lens, lens) == 0 && strcmp(c->verdict, verdict) == 0) {
            c->count++;
            return 0;
        }
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        stats_cell *cells = lk_realloc(s->cells, cap * sizeof(*cells));
        if (cells == NULL)
            return LK_ENOMEM;
        s->cells = cells;
        s->cap = cap;
    }
    c = &s->cells[s->n++];
    memset(c, 0, sizeof(*c));
    c->group = group;
    snprintf(c->key, sizeof(c->key), "%s", key);
    snprintf(c->lens, sizeof(c->lens), "%s", lens);
    snprintf(c->verdict, sizeof(c->verdict), "%s", verdict);
    c->count = 1;
    return 0;
}

/* The value of fact "ptr" of record "rec" as text into "out": its value,
 * "disputed", or "unknown". */
static void stats_fact(const json_t *rec, const char *ptr, char *out,
                       size_t size)
{
    const json_t *f = json_object_get(json_object_get(rec, "facts"), ptr);
    const json_t *v = json_object_get(f, "value");
    snprintf(out, size, "unknown");
    if (json_is_string(v) && json_string_length(v) > 0)
        snprintf(out, size, "%s", json_string_value(v));
    else if (json_object_get(f, "disputed") != NULL)
        snprintf(out, size, "disputed");
}

/* Count record "rec"; LK_EINVALID when it is not an assessment. */
static int stats_record(lk_stats *s, const json_t *rec)
{
    const json_t *lenses = json_object_get(rec, "lenses");
    const char *lens;
    json_t *l;
    char keys[STATS_GROUPS][STATS_KEY_MAX];
    int g;
    if (json_object_get(rec, "rejected") != NULL) {
        s->records++;
        s->rejected++;
        return 0;
    }
    if (!json_is_object(lenses))
        return LK_EINVALID;
    snprintf(keys[0], sizeof(keys[0]), "all");
    stats_fact(rec, "/victim/state", keys[1], sizeof(keys[1]));
    stats_fact(rec, "/actor/state", keys[2], sizeof(keys[2]));
    stats_fact(rec, "/disclosure/date", keys[3], sizeof(keys[3]));
    if (isdigit((unsigned char)keys[3][0]) && strlen(keys[3]) >= 4 &&
        isdigit((unsigned char)keys[3][3]))
        keys[3][4] = '\0';
    else if (strcmp(keys[3], "disputed") != 0)
        snprintf(keys[3], sizeof(keys[3]), "unknown");
    json_object_foreach((json_t *)lenses, lens, l) {
        const char *v = json_string_value(json_object_get(l, "verdict"));
        if (v == NULL)
            return LK_EINVALID;
    }
    s->records++;
    json_object_foreach((json_t *)lenses, lens, l) {
        const char *v = json_string_value(json_object_get(l, "verdict"));
        for (g = 0; g < STATS_GROUPS; g++)
            if (stats_bump(s, g, keys[g], lens, v) < 0)
                return LK_ENOMEM;
    }
    return 0;
}

/* Count line "n" ("text", "len" bytes) of "source". */
static int stats_line(lk_stats *s, const char *text, size_t len,
                      const char *source, unsigned long n, lk_diag_cb cb,
                      void *payload, lk_error *err)
{
    json_error_t jerr;
    json_t *rec;
    lk_error d;
    int error = LK_EINVALID;
    rec = lk_jsonfast_loadb(text, len, 0, &jerr);
    if (rec != NULL)
        error = stats_record(s, rec);
    json_decref(rec);
    if (error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (error == 0)
        return 0;
    s->skipped++;
    if (cb != NULL) {
        lk_error_clear(&d);
        lk_error_set_at(&d, LK_EINVALID, source, (unsigned)n, 0, NULL, "%s",
                        rec == NULL ? jerr.text
                                    : "not an assessment record");
        cb(&d, payload);
    }
    return 0;
}

int lk_stats_read_jsonl(lk_stats *s, FILE *in, const char *source,
                        lk_diag_cb cb, void *payload, lk_error *err)
{
    lk_buf line;
    unsigned long n = 0;
    int c, status = 0;
    char ch;
    lk_buf_init(&line, LK_BATCH_LINE_MAX);
    for (;;) {
        c = getc_unlocked(in);
        if (c != EOF && c != '\n') {
            ch = (char)c;
            lk_buf_put(&line, &ch, 1);
            continue;
        }
        if (c == EOF && line.len == 0 && line.error == 0)
            break;
        n++;
        if (line.error == LK_ENOMEM)
            status = lk_error_set_oom(err);
        else if (line.len > 0 || line.error != 0)
            status = stats_line(s, line.error ? "" : line.ptr, line.len,
                                source, n, cb, payload, err);
        line.len = 0;
        line.error = 0;
        if (status != 0 || c == EOF)
            break;
    }
    if (status == 0 && ferror(in))
        status = lk_error_set(err, LK_EIO, "%s: read error", source);
    lk_buf_dispose(&line);
    return status;
}

/* The distinct values of a field of the cells, sorted. */
typedef struct stats_list {
    const char **v;
    size_t n;
} stats_list;

/* qsort comparison of two strings. */
static int stats_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Gather the distinct lenses (which == 0), verdicts (1) or keys of group
 * "group" (2), sorted. */
static int stats_distinct(const lk_stats *s, int which, int group,
                          stats_list *out)
{
    size_t i, j;
    out->n = 0;
    out->v = lk_calloc(s->n + 1, sizeof(*out->v));
    if (out->v == NULL)
        return LK_ENOMEM;
    for (i = 0; i < s->n; i++) {
        const stats_cell *c = &s->cells[i];
        const char *x = which == 0 ? c->lens
                        : which == 1 ? c->verdict : c->key;
        if (which == 2 && c->group != group)
            continue;
        for (j = 0; j < out->n && strcmp(out->v[j], x) != 0; j++)
            ;
        if (j == out->n)
            out->v[out->n++] = x;
    }
    qsort(out->v, out->n, sizeof(*out->v), stats_cmp);
    return 0;
}

/* The count of (group, key, lens, verdict). */
static unsigned long stats_get(const lk_stats *s, int group, const char *key,
                               const char *lens, const char *verdict)
{
    size_t i;
    for (i = 0; i < s->n; i++) {
        const stats_cell *c = &s->cells[i];
        if (c->group == group && strcmp(c->key, key) == 0 &&
            strcmp(c->lens, lens) == 0 && strcmp(c->verdict, verdict) == 0)
            return c->count;
    }
    return 0;
}

/* Append "t" escaped for HTML. */
static void stats_html_text(lk_buf *b, const char *t)
{
    for (; *t != '\0'; t++) {
        if (*t == '<')
            lk_buf_puts(b, "&lt;");
        else if (*t == '>')
            lk_buf_puts(b, "&gt;");
        else if (*t == '&')
            lk_buf_puts(b, "&amp;");
        else if (*t == '"')
            lk_buf_puts(b, "&quot;");
        else
            lk_buf_put(b, t, 1);
    }
}

/* Headings of the groups in text and HTML. */
static const char *const stats_titles[] = {
    "All assessments", "By victim State", "By actor State",
    "By year of disclosure"};

/* Text: one aligned table a group, a column a verdict. */
static void stats_text(lk_buf *b, const lk_stats *s, const stats_list *lenses,
                       const stats_list *verdicts, const stats_list *keys)
{
    size_t g, k, l, v, kw = 5, lw = 5;
    for (l = 0; l < lenses->n; l++)
        lw = strlen(lenses->v[l]) > lw ? strlen(lenses->v[l]) : lw;
    for (g = 0; g < STATS_GROUPS; g++) {
        kw = strlen(stats_groups[g]) > kw ? strlen(stats_groups[g]) : kw;
        for (k = 0; k < keys[g].n; k++)
            kw = strlen(keys[g].v[k]) > kw ? strlen(keys[g].v[k]) : kw;
    }
    lk_buf_printf(b, "%lu assessments, %lu rejected\n", s->records,
                  s->rejected);
    for (g = 0; g < STATS_GROUPS; g++) {
        lk_buf_printf(b, "\n%s\n%-*s  %-*s", stats_titles[g], (int)kw,
                      g == 0 ? "" : stats_groups[g], (int)lw, "lens");
        for (v = 0; v < verdicts->n; v++)
            lk_buf_printf(b, "  %s", verdicts->v[v]);
        lk_buf_puts(b, "\n");
        for (k = 0; k < keys[g].n; k++)
            for (l = 0; l < lenses->n; l++) {
                lk_buf_printf(b, "%-*s  %-*s", (int)kw,
                              g == 0 ? "" : keys[g].v[k], (int)lw,
                              lenses->v[l]);
                for (v = 0; v < verdicts->n; v++)
                    lk_buf_printf(b, "  %*lu", (int)strlen(verdicts->v[v]),
                                  stats_get(s, (int)g, keys[g].v[k],
                                            lenses->v[l], verdicts->v[v]));
                lk_buf_puts(b, "\n");
            }
    }
}

/* CSV: group,key,lens,verdict,count for every non-zero count. */
static void stats_csv(lk_buf *b, const lk_stats *s, const stats_list *lenses,
                      const stats_list *verdicts, const stats_list *keys)
{
    size_t g, k, l, v;
    char n[32];
    lk_csv_cells(b, "group", 0);
    lk_csv_cells(b, "key", 0);
    lk_csv_cells(b, "lens", 0);
    lk_csv_cells(b, "verdict", 0);
    lk_csv_cells(b, "count", 1);
    for (g = 0; g < STATS_GROUPS; g++)
        for (k = 0; k < keys[g].n; k++)
            for (l = 0; l < lenses->n; l++)
                for (v = 0; v < verdicts->n; v++) {
                    unsigned long c = stats_get(s, (int)g, keys[g].v[k],
                                                lenses->v[l], verdicts->v[v]);
                    if (c == 0)
                        continue;
                    snprintf(n, sizeof(n), "%lu", c);
                    lk_csv_cells(b, stats_groups[g], 0);
                    lk_csv_cells(b, keys[g].v[k], 0);
                    lk_csv_cells(b, lenses->v[l], 0);
                    lk_csv_cells(b, verdicts->v[v], 0);
                    lk_csv_cells(b, n, 1);
                }
}

/* HTML: the verdicts of every lens as an SVG bar chart, then a table a
 * group. No script, no external resource. */
static void stats_html(lk_buf *b, const lk_stats *s, const stats_list *lenses,
                       const stats_list *verdicts, const stats_list *keys)
{
    size_t g, k, l, v, bars = lenses->n * verdicts->n, y = 0;
    unsigned long max = 1, c;
    for (l = 0; l < lenses->n; l++)
        for (v = 0; v < verdicts->n; v++) {
            c = stats_get(s, 0, "all", lenses->v[l], verdicts->v[v]);
            max = c > max ? c : max;
        }
    lk_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<title>leaklaw: verdict statistics</title>\n<style>\n"
                   "body{font-family:sans-serif;max-width:60em;margin:2em "
                   "auto;padding:0 1em}\ntable{border-collapse:collapse;"
                   "margin:1em 0}\nth,td{border:1px solid #999;padding:"
                   ".2em .5em}\ntd.n{text-align:right}\n</style>\n</head>\n"
                   "<body>\n<h1>Verdict statistics</h1>\n");
    lk_buf_printf(b, "<p>%lu assessments, %lu rejected.</p>\n", s->records,
                  s->rejected);
    lk_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "width=\"640\" height=\"%zu\" role=\"img\" "
                     "aria-label=\"Verdicts by lens\">\n",
                  bars * 22 + lenses->n * 8 + 10);
    for (l = 0; l < lenses->n; l++, y += 8)
        for (v = 0; v < verdicts->n; v++, y += 22) {
            c = stats_get(s, 0, "all", lenses->v[l], verdicts->v[v]);
            lk_buf_printf(b, "<text x=\"0\" y=\"%zu\" font-size=\"12\">",
                          y + 15);
            stats_html_text(b, lenses->v[l]);
            lk_buf_puts(b, ": ");
            stats_html_text(b, verdicts->v[v]);
            lk_buf_printf(b, "</text><rect x=\"240\" y=\"%zu\" width=\"%lu\" "
                             "height=\"18\" fill=\"#4a6fa5\"/>"
                             "<text x=\"%lu\" y=\"%zu\" font-size=\"12\">"
                             "%lu</text>\n",
                          y + 2, c * 340 / max, 245 + c * 340 / max, y + 15,
                          c);
        }
    lk_buf_puts(b, "</svg>\n");
    for (g = 0; g < STATS_GROUPS; g++) {
        lk_buf_printf(b, "<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>lens"
                         "</th>",
                      stats_titles[g], g == 0 ? "" : stats_groups[g]);
        for (v = 0; v < verdicts->n; v++) {
            lk_buf_puts(b, "<th>");
            stats_html_text(b, verdicts->v[v]);
            lk_buf_puts(b, "</th>");
        }
        lk_buf_puts(b, "</tr>\n");
        for (k = 0; k < keys[g].n; k++)
            for (l = 0; l < lenses->n; l++) {
                lk_buf_puts(b, "<tr><td>");
                stats_html_text(b, g == 0 ? "" : keys[g].v[k]);
                lk_buf_puts(b, "</td><td>");
                stats_html_text(b, lenses->v[l]);
                lk_buf_puts(b, "</td>");
                for (v = 0; v < verdicts->n; v++)
                    lk_buf_printf(b, "<td class=\"n\">%lu</td>",
                                  stats_get(s, (int)g, keys[g].v[k],
                                            lenses->v[l], verdicts->v[v]));
                lk_buf_puts(b, "</tr>\n");
            }
        lk_buf_puts(b, "</table>\n");
    }
    lk_buf_puts(b, "</body>\n</html>\n");
}

int lk_stats_render(char **out, size_t *len, const lk_stats *s,
                    lk_stats_format format, lk_error *err)
{
    stats_list lenses = {NULL, 0}, verdicts = {NULL, 0};
    stats_list keys[STATS_GROUPS];
    lk_buf b;
    int g, error;
    memset(keys, 0, sizeof(keys));
    lk_buf_init(&b, 0);
    *out = NULL;
    error = stats_distinct(s, 0, 0, &lenses);
    if (error == 0)
        error = stats_distinct(s, 1, 0, &verdicts);
    for (g = 0; g < STATS_GROUPS && error == 0; g++)
        error = stats_distinct(s, 2, g, &keys[g]);
    if (error == 0 && format == LK_STATS_CSV)
        stats_csv(&b, s, &lenses, &verdicts, keys);
    else if (error == 0 && format == LK_STATS_HTML)
        stats_html(&b, s, &lenses, &verdicts, keys);
    else if (error == 0)
        stats_text(&b, s, &lenses, &verdicts, keys);
    if (error == 0 && b.error != 0)
        error = b.error;
    if (error == 0 && b.ptr == NULL)
        error = lk_buf_puts(&b, "");
    if (error == 0)
        *out = lk_buf_detach(&b, len);
    lk_buf_dispose(&b);
    lk_free(lenses.v);
    lk_free(verdicts.v);
    for (g = 0; g < STATS_GROUPS; g++)
        lk_free(keys[g].v);
    return error == 0 ? 0 : lk_error_set_oom(err);
}
