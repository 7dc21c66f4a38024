/*
 * report_html.c: the HTML report: the Markdown memo rendered to HTML by a
 * converter for the small Markdown subset the memo uses, plus an SVG chart
 * of the case on intent x intrusiveness with the intervention2 lens's
 * verdict regions shaded. One self-contained file: inline CSS, no script,
 * no external resource.
 */
#include <stdio.h>
#include <string.h>

#include "report_int.h"

static void html_esc(lk_buf *b, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': lk_buf_puts(b, "&amp;"); break;
        case '<': lk_buf_puts(b, "&lt;"); break;
        case '>': lk_buf_puts(b, "&gt;"); break;
        case '"': lk_buf_puts(b, "&quot;"); break;
        default: lk_buf_put(b, s + i, 1);
        }
    }
}

/* Inline Markdown of the memo: **bold**, *em*, `code`, <url>, \| */
static void html_inline(lk_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    int strong = 0, em = 0;
    while (i < n) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '|') {
            lk_buf_puts(b, "|");
            i += 2;
        } else if (s[i] == '`') {
            const char *end = memchr(s + i + 1, '`', n - i - 1);
            size_t len = end ? (size_t)(end - s) - i - 1 : n - i - 1;
            lk_buf_puts(b, "<code>");
            html_esc(b, s + i + 1, len);
            lk_buf_puts(b, "</code>");
            i += len + 2;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            lk_buf_puts(b, strong ? "</strong>" : "<strong>");
            strong = !strong;
            i += 2;
        } else if (s[i] == '*') {
            lk_buf_puts(b, em ? "</em>" : "<em>");
            em = !em;
            i++;
        } else if (s[i] == '<' && n - i > 8 &&
                   (!strncmp(s + i + 1, "http://", 7) ||
                    !strncmp(s + i + 1, "https://", 8)) &&
                   memchr(s + i, '>', n - i)) {
            const char *end = memchr(s + i, '>', n - i);
            size_t len = (size_t)(end - s) - i - 1;
            lk_buf_puts(b, "<a href=\"");
            html_esc(b, s + i + 1, len);
            lk_buf_puts(b, "\">");
            html_esc(b, s + i + 1, len);
            lk_buf_puts(b, "</a>");
            i += len + 2;
        } else {
            html_esc(b, s + i, 1);
            i++;
        }
    }
    if (em)
        lk_buf_puts(b, "</em>");
    if (strong)
        lk_buf_puts(b, "</strong>");
}

/* Render one table row "| a | b |" as <tr> of "cell" elements. */
static void html_row(lk_buf *b, const char *s, size_t n, const char *cell)
{
    size_t i = 0, start;
    lk_buf_puts(b, "<tr>");
    if (n && s[0] == '|')
        i = 1;
    while (i < n) {
        start = i;
        while (i < n && !(s[i] == '|' && s[i - 1] != '\\'))
            i++;
        while (start < i && s[start] == ' ')
            start++;
        {
            size_t end = i;
            while (end > start && s[end - 1] == ' ')
                end--;
            if (i >= n && end == start)
                break;
            lk_buf_printf(b, "<%s>", cell);
            html_inline(b, s + start, end - start);
            lk_buf_printf(b, "</%s>", cell);
        }
        i++;
    }
    lk_buf_puts(b, "</tr>\n");
}

static void html_markdown(lk_buf *b, const char *md)
{
    const char *line = md;
    int in_list = 0, in_table = 0, in_para = 0, table_row = 0;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        int is_table = n > 0 && line[0] == '|';
        int is_item = n > 1 && line[0] == '-' && line[1] == ' ';
        if (in_list && !is_item) {
            lk_buf_puts(b, "</ul>\n");
            in_list = 0;
        }
        if (in_table && !is_table) {
            lk_buf_puts(b, "</table>\n");
            in_table = 0;
        }
        if (in_para && (n == 0 || is_table || is_item || line[0] == '#')) {
            lk_buf_puts(b, "</p>\n");
            in_para = 0;
        }
        if (n == 0) {
            /* blank */
        } else if (line[0] == '#') {
            size_t h = 0;
            while (h < n && line[h] == '#')
                h++;
            lk_buf_printf(b, "<h%zu>", h);
            html_inline(b, line + h + 1, n - h - 1);
            lk_buf_printf(b, "</h%zu>\n", h);
        } else if (is_table) {
            if (!in_table) {
                lk_buf_puts(b, "<table>\n");
                in_table = 1;
                table_row = 0;
            }
            if (strncmp(line, "|---", 4) != 0)
                html_row(b, line, n, table_row == 0 ? "th" : "td");
            table_row++;
        } else if (is_item) {
            if (!in_list) {
                lk_buf_puts(b, "<ul>\n");
                in_list = 1;
            }
            lk_buf_puts(b, "<li>");
            html_inline(b, line + 2, n - 2);
            lk_buf_puts(b, "</li>\n");
        } else {
            if (!in_para) {
                lk_buf_puts(b, "<p>");
                in_para = 1;
            } else {
                lk_buf_puts(b, " ");
            }
            html_inline(b, line, n);
        }
        line += n + (nl != NULL);
    }
    if (in_list)
        lk_buf_puts(b, "</ul>\n");
    if (in_table)
        lk_buf_puts(b, "</table>\n");
    if (in_para)
        lk_buf_puts(b, "</p>\n");
}

static const char *html_color(const char *verdict)
{
    if (!strcmp(verdict, "breach"))
        return "#c0392b";
    if (!strcmp(verdict, "likely-breach"))
        return "#e67e22";
    if (!strcmp(verdict, "unlikely-breach"))
        return "#f1c40f";
    if (!strcmp(verdict, "no-breach"))
        return "#27ae60";
    return "#bdc3c7";
}

/* The chart: x = intent score, y = intrusiveness; each cell is shaded by
 * the verdict the intervention2 rules give with the case's other facts. */
static int html_chart(lk_buf *b, const lk_assessment *a)
{
    static const char *const verdicts[] = {"breach", "likely-breach",
                                           "undetermined", "unlikely-breach",
                                           "no-breach"};
    const lk_law *law = a->law;
    int lens = lk_law__target_find(law, "intervention2");
    int score = lk_law__target_find(law, "intent-indicators");
    int lo = 0, hi = 0, k, s, lvl, error;
    const int W = 640, H = 300, X0 = 70, Y0 = 20, PW = 540, PH = 210;
    double cw, ch = PH / 3.0;
    lk_eval ev;
    lk_facts f;

    if (lens < 0 || score < 0 || law->targets[score].kind != LK_TK_SCORE)
        return 0;
    for (k = 0; k < law->targets[score].nrules; k++) {
        int w = law->rules[law->targets[score].rules[k]].weight;
        if (w > 0)
            hi += w;
        else
            lo += w;
    }
    if (hi <= lo)
        return 0;
    error = lk_eval__init(&ev, law, NULL);
    if (error < 0)
        return error;
    cw = (double)PW / (hi - lo + 1);
    lk_buf_printf(b,
                  "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
                  "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                  "role=\"img\" aria-label=\"Case on intent and "
                  "intrusiveness\">\n",
                  W, H, W, H);
    for (lvl = 0; lvl < 3; lvl++) {
        for (s = lo; s <= hi; s++) {
            const char *v;
            f = a->facts;
            f.f[LK_F_ACCESS_LEVEL].known = 1;
            f.f[LK_F_ACCESS_LEVEL].partial = 0;
            f.f[LK_F_ACCESS_LEVEL].v = lvl;
            ev.force_score = score;
            ev.force_value = s;
            lk_eval__run(&ev, law, &f);
            v = lk_assess__status(law, &ev, lens, NULL);
            lk_buf_printf(b,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.45\">"
                          "<title>intent %d, %s: %s</title></rect>\n",
                          X0 + (s - lo) * cw, Y0 + (2 - lvl) * ch, cw + 0.2,
                          ch + 0.2, html_color(v), s, lk_enum_level[lvl], v);
        }
        lk_buf_printf(b,
                      "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" "
                      "text-anchor=\"end\">%s</text>\n",
                      X0 - 6, Y0 + (2 - lvl) * ch + ch / 2 + 4,
                      lk_enum_level[lvl]);
    }
    for (s = lo; s <= hi; s++)
        lk_buf_printf(b,
                      "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                      "text-anchor=\"middle\">%d</text>\n",
                      X0 + (s - lo + 0.5) * cw, Y0 + PH + 14, s);
    lk_buf_printf(b,
                  "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                  "text-anchor=\"middle\">intent score (%s)</text>\n"
                  "<text x=\"14\" y=\"%d\" font-size=\"12\" "
                  "transform=\"rotate(-90 14 %d)\" "
                  "text-anchor=\"middle\">intrusiveness</text>\n",
                  X0 + PW / 2, Y0 + PH + 32, law->targets[score].title,
                  Y0 + PH / 2, Y0 + PH / 2);
    {
        /* the case: a point, or a bar/column where facts are unknown */
        const lk_fval *al = &a->facts.f[LK_F_ACCESS_LEVEL];
        double x1 = X0 + (a->ev.t[score].smin - lo + 0.5) * cw;
        double x2 = X0 + (a->ev.t[score].smax - lo + 0.5) * cw;
        double y1 = al->known ? Y0 + (2 - al->v) * ch + ch / 2 : Y0 + 4;
        double y2 = al->known ? y1 : Y0 + PH - 4;
        lk_buf_printf(b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"%.1f\" rx=\"8\" fill=\"none\" "
                      "stroke=\"#111\" stroke-width=\"2.5\"%s/>\n"
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#111\">"
                      "<title>this case</title></circle>\n",
                      x1 - 8, y1 - 8, x2 - x1 + 16, y2 - y1 + 16,
                      (x1 != x2 || y1 != y2) ? " stroke-dasharray=\"5 3\""
                                             : "",
                      (x1 + x2) / 2, (y1 + y2) / 2);
    }
    for (k = 0; k < 5; k++)
        lk_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                      "fill=\"%s\" fill-opacity=\"0.6\"/><text x=\"%d\" "
                      "y=\"%d\" font-size=\"11\">%s</text>\n",
                      X0 + k * 110, H - 18, html_color(verdicts[k]),
                      X0 + k * 110 + 16, H - 8, verdicts[k]);
    lk_buf_printf(b, "</svg><figcaption>The case (black) on intent and "
                     "intrusiveness. Regions: the verdict of the %s lens "
                     "for each intent score and intrusiveness level, all "
                     "other facts as in the case. A dashed frame spans "
                     "the values unknown facts leave open.</figcaption>"
                     "</figure>\n",
                  law->targets[lens].title);
    lk_eval__dispose(&ev);
    return 0;
}

int lk_report__html(lk_buf *b, const lk_assessment *a)
{
    lk_buf md;
    const char *split;
    int error;
    lk_buf_init(&md, 0);
    error = lk_report__md(&md, a);
    if (error < 0) {
        lk_buf_dispose(&md);
        return error;
    }
    lk_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>");
    html_esc(b, lk_case_title(a->c), strlen(lk_case_title(a->c)));
    lk_buf_puts(b,
                " (leaklaw)</title>\n<style>\n"
                "body{font:15px/1.5 Georgia,serif;max-width:58rem;"
                "margin:2rem auto;padding:0 1rem;color:#111}\n"
                "h1,h2,h3{font-family:Helvetica,Arial,sans-serif}\n"
                "table{border-collapse:collapse;margin:.5rem 0}\n"
                "td,th{border:1px solid #bbb;padding:.25rem .5rem;"
                "vertical-align:top;text-align:left}\n"
                "code{font-size:90%;background:#f3f3f3;padding:0 .2rem}\n"
                "figure{margin:1rem 0}figcaption{font-size:90%;color:#444}\n"
                "@media print{body{margin:0}}\n"
                "</style>\n</head>\n<body>\n");
    /* the chart goes right after the short answer */
    split = md.ptr ? strstr(md.ptr, "\n## 3.") : NULL;
    if (split != NULL) {
        char *head = md.ptr;
        size_t n = (size_t)(split - md.ptr);
        char save = head[n];
        head[n] = '\0';
        html_markdown(b, head);
        head[n] = save;
        error = html_chart(b, a);
        html_markdown(b, split + 1);
    } else if (md.ptr) {
        html_markdown(b, md.ptr);
    }
    lk_buf_puts(b, "</body>\n</html>\n");
    lk_buf_dispose(&md);
    return error < 0 ? error : b->error;
}
