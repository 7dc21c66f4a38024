/*
 * practice_out.c: the State-practice report as JSON
 * (leaklaw/practice-report/1, docs/formats.md) and CSV (one row per
 * stance and per reaction), and the SVG timeline of the HTML report.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/knowledge.h"

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "report_int.h"

/* jansson's string, or null for "". */
static json_t *po_str(const char *s)
{
    return *s ? json_string(s) : json_null();
}

/* The quotation "q" of position "p" as an object. */
static json_t *po_quote(const lk_knowledge *k, size_t p, size_t q)
{
    lk_quote_info qi;
    lk_knowledge_quote(k, p, q, &qi);
    return json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", qi.id, "pinpoint",
                     qi.pinpoint, "text", qi.text, "status",
                     qi.confirmed ? "confirmed" : "unconfirmed", "seen_at",
                     po_str(qi.seen_at));
}

/* Proposition "q": its stances grouped by value. */
static json_t *po_proposition(const lk_knowledge *k, size_t q)
{
    static const char *const groups[] = {"unknown", "silent", "affirmed",
                                         "denied"};
    size_t p, np = lk_knowledge_position_count(k), g;
    lk_proposition_info qi;
    lk_position_info pi;
    json_t *o, *e, *since = json_null();
    lk_stance s;
    lk_knowledge_proposition(k, q, &qi);
    o = json_pack("{s:s, s:s}", "id", qi.id, "text", qi.text);
    for (g = 0; o && g < 4; g++)
        json_object_set_new(o, groups[g], json_array());
    for (p = 0; o && p < np; p++) {
        lk_knowledge_stance(k, p, q, &s);
        lk_knowledge_position(k, p, &pi);
        e = json_pack("{s:s, s:s, s:s, s:s}", "party", pi.party, "name",
                      pi.name, "position", pi.id, "date", pi.date);
        if (e && s.quote >= 0)
            json_object_set_new(e, "quote", po_quote(k, p, (size_t)s.quote));
        json_array_append_new(json_object_get(o, groups[s.value]), e);
        if (s.value == LK_STANCE_AFFIRMED && json_is_null(since))
            since = json_string(pi.date);
    }
    if (o)
        json_object_set_new(o, "since", since);
    return o;
}

static json_t *po_position(const lk_knowledge *k, size_t p)
{
    lk_position_info pi;
    json_t *o, *qs = json_array();
    size_t q;
    lk_knowledge_position(k, p, &pi);
    for (q = 0; q < pi.nquotes; q++)
        json_array_append_new(qs, po_quote(k, p, q));
    o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:o}", "id",
                  pi.id, "party", pi.party, "name", pi.name, "kind", pi.kind,
                  "title", pi.title, "date", pi.date, "url", po_str(pi.url),
                  "status", pi.status, "quotes", qs);
    return o;
}

static json_t *po_reaction(const lk_knowledge *k, size_t i)
{
    lk_reaction_info r;
    json_t *inv = json_array();
    size_t j;
    lk_knowledge_reaction(k, i, &r);
    for (j = 0; j < r.ninvokes; j++)
        json_array_append_new(inv, json_string(r.invokes[j]));
    return json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o, "
        "s:o, s:s}",
        "case", r.case_id, "id", r.id, "party", r.party, "date", r.date,
        "kind", r.kind, "against", po_str(r.against), "title", r.title,
        "summary", r.summary, "quote", po_str(r.quote), "quote_status",
        *r.quote ? json_string(r.quote_confirmed ? "confirmed"
                                                 : "unconfirmed")
                 : json_null(),
        "invokes", inv, "invokes_quote", po_str(r.invokes_quote), "url",
        po_str(r.url), "seen_at", po_str(r.seen_at), "status",
        r.confirmed ? "confirmed" : "unconfirmed");
}

/* The incidents with their disclosure and number of reactions. */
static json_t *po_incidents(const lk_knowledge *k,
                            const lk_practice_incident *inc, size_t ninc)
{
    json_t *a = json_array();
    size_t i, j, n;
    lk_reaction_info r;
    for (i = 0; a && i < ninc; i++) {
        for (j = n = 0; j < lk_knowledge_reaction_count(k); j++) {
            lk_knowledge_reaction(k, j, &r);
            n += strcmp(r.case_id, inc[i].id) == 0;
        }
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:o, s:I}", "case", inc[i].id, "title",
                         inc[i].title,
                         "disclosed", inc[i].disclosed < 0
                                          ? json_null()
                                          : json_boolean(inc[i].disclosed),
                         "reactions", (json_int_t)n));
    }
    return a;
}

int lk_report__practice_json(lk_buf *b, const lk_knowledge *k,
                             const lk_practice_incident *inc, size_t ninc)
{
    json_t *doc = json_pack("{s:s, s:[], s:[], s:[]}", "format",
                            "leaklaw/practice-report/1", "propositions",
                            "positions", "reactions");
    size_t i;
    char *text;
    if (doc == NULL)
        return LK_ENOMEM;
    for (i = 0; i < lk_knowledge_proposition_count(k); i++)
        json_array_append_new(json_object_get(doc, "propositions"),
                              po_proposition(k, i));
    for (i = 0; i < lk_knowledge_position_count(k); i++)
        json_array_append_new(json_object_get(doc, "positions"),
                              po_position(k, i));
    for (i = 0; i < lk_knowledge_reaction_count(k); i++)
        json_array_append_new(json_object_get(doc, "reactions"),
                              po_reaction(k, i));
    if (ninc > 0)
        json_object_set_new(doc, "incidents", po_incidents(k, inc, ninc));
    text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    if (text == NULL)
        return LK_ENOMEM;
    lk_buf_puts(b, text);
    lk_buf_puts(b, "\n");
    lk_free(text); /* jansson allocates with lk_malloc */
    return b->error;
}

/* One CSV row of eleven cells. */
static void po_row(lk_buf *b, const char *const cells[11])
{
    int i;
    for (i = 0; i < 11; i++)
        lk_csv_cells(b, cells[i], i == 10);
}

int lk_report__practice_csv(lk_buf *b, const lk_knowledge *k)
{
    static const char *const head[11] = {
        "record", "party", "date", "subject", "value", "source",
        "pinpoint", "quote", "quote_status", "invokes", "url"};
    size_t p, q, i;
    lk_position_info pi;
    lk_proposition_info qi;
    lk_quote_info qt;
    lk_reaction_info r;
    lk_stance s;
    po_row(b, head);
    for (p = 0; p < lk_knowledge_position_count(k); p++) {
        lk_knowledge_position(k, p, &pi);
        for (q = 0; q < lk_knowledge_proposition_count(k); q++) {
            const char *row[11];
            lk_knowledge_proposition(k, q, &qi);
            lk_knowledge_stance(k, p, q, &s);
            memset(&qt, 0, sizeof(qt));
            if (s.quote >= 0)
                lk_knowledge_quote(k, p, (size_t)s.quote, &qt);
            row[0] = "stance", row[1] = pi.party, row[2] = pi.date;
            row[3] = qi.id, row[4] = lk_stance_name(s.value);
            row[5] = pi.id, row[6] = qt.pinpoint, row[7] = qt.text;
            row[8] = s.quote < 0 ? "" : qt.confirmed ? "confirmed"
                                                     : "unconfirmed";
            row[9] = "", row[10] = pi.url;
            po_row(b, row);
        }
    }
    for (i = 0; i < lk_knowledge_reaction_count(k); i++) {
        const char *row[11];
        char inv[256] = "";
        size_t j;
        lk_knowledge_reaction(k, i, &r);
        for (j = 0; j < r.ninvokes; j++)
            snprintf(inv + strlen(inv), sizeof(inv) - strlen(inv), "%s%s",
                     j ? ";" : "", r.invokes[j]);
        row[0] = "reaction", row[1] = r.party, row[2] = r.date;
        row[3] = r.case_id, row[4] = r.kind, row[5] = r.id, row[6] = "";
        row[7] = r.quote;
        row[8] = *r.quote ? (r.quote_confirmed ? "confirmed" : "unconfirmed")
                          : "";
        row[9] = inv, row[10] = r.url;
        po_row(b, row);
    }
    return b->error;
}

/* The number of "n" digits at "s" (validated dates: digits only). */
static int po_digits(const char *s, size_t n)
{
    int v = 0;
    for (; n > 0 && *s >= '0' && *s <= '9'; n--, s++)
        v = v * 10 + (*s - '0');
    return v;
}

/* A date as a fraction of years ("2016-10-07" -> 2016.77). */
static double po_year(const char *d)
{
    double y = po_digits(d, 4);
    if (strlen(d) >= 7)
        y += (po_digits(d + 5, 2) - 1) / 12.0;
    if (strlen(d) >= 10)
        y += (po_digits(d + 8, 2) - 1) / 365.0;
    return y;
}

/* Append "t" escaped for XML. */
static void po_xml(lk_buf *b, const char *t)
{
    for (; *t; t++) {
        switch (*t) {
        case '<': lk_buf_puts(b, "&lt;"); break;
        case '>': lk_buf_puts(b, "&gt;"); break;
        case '&': lk_buf_puts(b, "&amp;"); break;
        case '"': lk_buf_puts(b, "&quot;"); break;
        default: lk_buf_put(b, t, 1);
        }
    }
}

#define PO_W 900.0   /* timeline width */
#define PO_LEFT 40.0 /* left margin */
#define PO_LANES 12  /* label lanes per band */

/* One mark at "x" in band "band" (0 positions, 1 reactions), its label
 * in the first lane free at that x; "title" is its tooltip. */
static void po_mark(lk_buf *b, double x, int band, const char *label,
                    const char *title, double lanes[PO_LANES])
{
    int l;
    double y;
    for (l = 0; l < PO_LANES - 1 && lanes[l] > x; l++)
        ;
    lanes[l] = x + 6.5 * (double)strlen(label) + 10.0;
    y = 50.0 + band * 200.0 + l * 14.0;
    lk_buf_puts(b, "<g><title>");
    po_xml(b, title);
    lk_buf_puts(b, "</title>");
    if (band)
        lk_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" "
                         "height=\"7\" fill=\"#c0392b\"/>", x - 3.5,
                      y - 3.5);
    else
        lk_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
                         "fill=\"#2c6fbb\"/>", x, y);
    lk_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">",
                  x + 6.0, y + 4.0);
    po_xml(b, label);
    lk_buf_puts(b, "</text></g>\n");
}

/* The first and last year of every dated position and reaction. */
static void po_span(const lk_knowledge *k, int *y0, int *y1)
{
    lk_position_info pi;
    lk_reaction_info r;
    size_t i;
    int y;
    *y0 = 9999, *y1 = 0;
    for (i = 0; i < lk_knowledge_position_count(k); i++) {
        lk_knowledge_position(k, i, &pi);
        y = po_digits(pi.date, 4);
        *y0 = y < *y0 ? y : *y0, *y1 = y > *y1 ? y : *y1;
    }
    for (i = 0; i < lk_knowledge_reaction_count(k); i++) {
        lk_knowledge_reaction(k, i, &r);
        y = po_digits(r.date, 4);
        *y0 = y < *y0 ? y : *y0, *y1 = y > *y1 ? y : *y1;
    }
}

int lk_report__practice_timeline(lk_buf *b, const lk_knowledge *k)
{
    double lanes[PO_LANES], scale;
    char title[1024];
    lk_position_info pi;
    lk_reaction_info r;
    size_t i;
    int y0, y1, y;
    po_span(k, &y0, &y1);
    if (y1 == 0)
        return 0;
    scale = (PO_W - PO_LEFT - 120.0) / (double)(y1 + 1 - y0);
    lk_buf_printf(b, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "width=\"%.0f\" height=\"440\" viewBox=\"0 0 %.0f 440\" "
                     "role=\"img\" aria-label=\"Timeline of national positions "
                     "and State reactions\">\n", PO_W, PO_W);
    for (y = y0; y <= y1 + 1; y++)
        lk_buf_printf(b, "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" "
                         "y2=\"420\" stroke=\"#ddd\"/><text x=\"%.1f\" "
                         "y=\"435\" font-size=\"11\">%d</text>\n",
                      PO_LEFT + (y - y0) * scale, PO_LEFT + (y - y0) * scale,
                      PO_LEFT + (y - y0) * scale - 12.0, y);
    lk_buf_puts(b, "<text x=\"4\" y=\"20\" font-size=\"12\">National "
                   "positions</text><text x=\"4\" y=\"220\" "
                   "font-size=\"12\">State reactions to incidents</text>\n");
    for (i = 0; i < PO_LANES; i++)
        lanes[i] = 0.0;
    for (i = 0; i < lk_knowledge_position_count(k); i++) {
        lk_knowledge_position(k, i, &pi);
        snprintf(title, sizeof(title), "%s, %s (%s)", pi.name, pi.title,
                 pi.date);
        po_mark(b, PO_LEFT + (po_year(pi.date) - y0) * scale, 0, pi.party,
                title, lanes);
    }
    for (i = 0; i < PO_LANES; i++)
        lanes[i] = 0.0;
    for (i = 0; i < lk_knowledge_reaction_count(k); i++) {
        lk_knowledge_reaction(k, i, &r);
        snprintf(title, sizeof(title), "%s %s, %s: %s (%s)", r.party, r.kind,
                 r.case_id, r.title, r.date);
        po_mark(b, PO_LEFT + (po_year(r.date) - y0) * scale, 1, r.party,
                title, lanes);
    }
    lk_buf_puts(b, "</svg><figcaption>Positions (circles) and State "
                   "reactions to the library's incidents (squares) by "
                   "date.</figcaption></figure>\n");
    return b->error;
}
