/*
 * practice.c: lk_report_practice: the State-practice report. Per
 * proposition, which positions affirm, deny or are silent (with their
 * quotations) and since when; the proposition x party matrix; State
 * reactions to the library's incidents and the legal notions they
 * invoke; the positions read. Text (Markdown) and HTML through the
 * writer (HTML adds an SVG timeline), JSON and CSV. Deterministic.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/knowledge.h"
#include "leaklaw/report.h"

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "report_int.h"
#include "writer.h"

/* Begin a table whose header row holds the "n" titles "cols". */
static void pr_table(lk_writer *w, const char *const *cols, int n)
{
    int i;
    lk_writer_table(w, n);
    lk_writer_row(w);
    for (i = 0; i < n; i++)
        lk_writer_cell_text(w, cols[i]);
}

/* A cell holding untrusted text "s". */
static void pr_cell_data(lk_writer *w, const char *s)
{
    lk_writer_cell(w);
    lk_writer_data(w, s);
}

/* The symbol of a stance in the matrix. */
static const char *const pr_marks[] = {"?", "-", "A", "D"};

/* Counts of the stances on proposition "q" in "n" (indexed by value);
 * the earliest affirming position in *first (or -1). */
static void pr_count(const lk_knowledge *k, size_t q, size_t n[4], int *first)
{
    size_t p, np = lk_knowledge_position_count(k);
    lk_stance s;
    memset(n, 0, 4 * sizeof(n[0]));
    *first = -1;
    for (p = 0; p < np; p++) {
        lk_knowledge_stance(k, p, q, &s);
        n[s.value]++;
        if (s.value == LK_STANCE_AFFIRMED && *first < 0)
            *first = (int)p; /* positions are in date order */
    }
}

/* The parties of the positions with stance "v" on "q", comma-separated. */
static void pr_parties(lk_writer *w, const lk_knowledge *k, size_t q,
                       lk_stance_value v)
{
    size_t p, np = lk_knowledge_position_count(k), n = 0;
    lk_position_info pi;
    lk_stance s;
    for (p = 0; p < np; p++) {
        lk_knowledge_stance(k, p, q, &s);
        if (s.value != v)
            continue;
        lk_knowledge_position(k, p, &pi);
        lk_writer_text(w, n++ ? ", " : "");
        lk_writer_data(w, pi.name);
    }
    if (n == 0)
        lk_writer_text(w, "none");
}

/* One row per position that affirms or denies "q", with its quotation. */
static void pr_quotes_table(lk_writer *w, const lk_knowledge *k, size_t q)
{
    size_t p, np = lk_knowledge_position_count(k);
    lk_position_info pi;
    lk_quote_info qi;
    lk_stance s;
    static const char *const cols[] = {"Party", "Date", "Says", "Quotation"};
    pr_table(w, cols, 4);
    for (p = 0; p < np; p++) {
        lk_knowledge_stance(k, p, q, &s);
        if (s.value < LK_STANCE_AFFIRMED)
            continue;
        lk_knowledge_position(k, p, &pi);
        lk_knowledge_quote(k, p, (size_t)s.quote, &qi);
        lk_writer_row(w);
        pr_cell_data(w, pi.name);
        pr_cell_data(w, pi.date);
        lk_writer_cell_text(w, lk_stance_name(s.value));
        lk_writer_cell(w);
        lk_writer_text(w, "\"");
        lk_writer_data(w, qi.text);
        lk_writer_text(w, "\" (");
        lk_writer_data(w, pi.title);
        lk_writer_text(w, ", ");
        lk_writer_data(w, qi.pinpoint);
        lk_writer_text(w, qi.confirmed ? ")" : "; unconfirmed)");
    }
    lk_writer_close(w);
}

static void pr_propositions(lk_writer *w, const lk_knowledge *k)
{
    size_t q, nq = lk_knowledge_proposition_count(k), n[4];
    lk_proposition_info qi;
    lk_position_info pi;
    int first;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Propositions");
    lk_writer_end(w);
    for (q = 0; q < nq; q++) {
        lk_knowledge_proposition(k, q, &qi);
        pr_count(k, q, n, &first);
        lk_writer_heading(w, 3);
        lk_writer_data(w, qi.text);
        lk_writer_end(w);
        lk_writer_para(w);
        lk_writer_code(w, qi.id);
        lk_writer_textf(w, ": affirmed by %zu, denied by %zu, silent %zu, "
                           "not read %zu (of %zu positions).",
                        n[LK_STANCE_AFFIRMED], n[LK_STANCE_DENIED],
                        n[LK_STANCE_SILENT], n[LK_STANCE_UNKNOWN],
                        lk_knowledge_position_count(k));
        if (first >= 0) {
            lk_knowledge_position(k, (size_t)first, &pi);
            lk_writer_text(w, " First affirmed: ");
            lk_writer_data(w, pi.name);
            lk_writer_text(w, ", ");
            lk_writer_data(w, pi.date);
            lk_writer_text(w, ".");
        }
        lk_writer_end(w);
        if (n[LK_STANCE_AFFIRMED] + n[LK_STANCE_DENIED])
            pr_quotes_table(w, k, q);
        lk_writer_para(w);
        lk_writer_text(w, "Silent: ");
        pr_parties(w, k, q, LK_STANCE_SILENT);
        lk_writer_text(w, ". Not read: ");
        pr_parties(w, k, q, LK_STANCE_UNKNOWN);
        lk_writer_text(w, ".");
        lk_writer_end(w);
    }
}

/* The proposition x party matrix: A affirmed, D denied, - silent,
 * ? not read. */
static void pr_matrix(lk_writer *w, const lk_knowledge *k)
{
    size_t p, q, np = lk_knowledge_position_count(k);
    size_t nq = lk_knowledge_proposition_count(k);
    lk_proposition_info qi;
    lk_position_info pi;
    lk_stance s;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Matrix");
    lk_writer_end(w);
    lk_writer_para(w);
    lk_writer_text(w, "A affirmed, D denied, - silent (the whole text "
                      "read), ? not read.");
    lk_writer_end(w);
    lk_writer_table(w, (int)(nq + 2));
    lk_writer_row(w);
    lk_writer_cell_text(w, "Party");
    lk_writer_cell_text(w, "Date");
    for (q = 0; q < nq; q++) {
        lk_knowledge_proposition(k, q, &qi);
        lk_writer_cell(w);
        lk_writer_code(w, qi.id);
    }
    for (p = 0; p < np; p++) {
        lk_knowledge_position(k, p, &pi);
        lk_writer_row(w);
        pr_cell_data(w, pi.name);
        pr_cell_data(w, pi.date);
        for (q = 0; q < nq; q++) {
            lk_knowledge_stance(k, p, q, &s);
            lk_writer_cell_text(w, pr_marks[s.value]);
        }
    }
    lk_writer_close(w);
}

/* 1 if reaction "r" invokes "notion". */
static int pr_invokes(const lk_reaction_info *r, const char *notion)
{
    size_t i;
    for (i = 0; i < r->ninvokes; i++)
        if (!strcmp(r->invokes[i], notion))
            return 1;
    return 0;
}

/* The reaction's "what" cell: title, summary, quotation. */
static void pr_reaction_what(lk_writer *w, const lk_reaction_info *r)
{
    lk_writer_data(w, r->title);
    lk_writer_text(w, ": ");
    lk_writer_data(w, r->summary);
    if (*r->quote) {
        lk_writer_text(w, " \"");
        lk_writer_data(w, r->quote);
        lk_writer_text(w, r->quote_confirmed ? "\"" : "\" (unconfirmed)");
    }
    if (*r->invokes_quote) {
        lk_writer_text(w, " Invoking: \"");
        lk_writer_data(w, r->invokes_quote);
        lk_writer_text(w, "\"");
    }
    if (!r->confirmed)
        lk_writer_text(w, " [unconfirmed]");
}

/* Counts of the reactions to incident "id": kinds into the text "kinds",
 * those invoking non-intervention and sovereignty; the total. */
static size_t pr_incident_counts(const lk_knowledge *k, const char *id,
                                 size_t *inter, size_t *sov)
{
    size_t i, n = 0;
    lk_reaction_info r;
    *inter = *sov = 0;
    for (i = 0; i < lk_knowledge_reaction_count(k); i++) {
        lk_knowledge_reaction(k, i, &r);
        if (strcmp(r.case_id, id) != 0)
            continue;
        n++;
        *inter += pr_invokes(&r, "intervention");
        *sov += pr_invokes(&r, "sovereignty");
    }
    return n;
}

/* One incident of the leak operations: its reactions in brief, with every
 * sentence that invokes a legal notion. */
static void pr_leak_incident(lk_writer *w, const lk_knowledge *k,
                             const lk_practice_incident *inc)
{
    size_t i, inter, sov, n = pr_incident_counts(k, inc->id, &inter, &sov);
    size_t seen = 0;
    lk_reaction_info r;
    lk_writer_item(w);
    lk_writer_data(w, inc->title);
    lk_writer_text(w, " (");
    lk_writer_code(w, inc->id);
    if (n == 0) {
        lk_writer_text(w, "): no State reaction recorded.");
        return;
    }
    lk_writer_textf(w, "): %zu reaction(s)", n);
    for (i = 0; i < lk_knowledge_reaction_count(k); i++) {
        lk_knowledge_reaction(k, i, &r);
        if (strcmp(r.case_id, inc->id) != 0)
            continue;
        lk_writer_text(w, seen++ ? "; " : ": ");
        lk_writer_data(w, r.party);
        lk_writer_text(w, " ");
        lk_writer_text(w, r.kind);
        lk_writer_text(w, " ");
        lk_writer_data(w, r.date);
        if (*r.invokes_quote) {
            lk_writer_text(w, " (\"");
            lk_writer_data(w, r.invokes_quote);
            lk_writer_text(w, "\")");
        }
    }
    lk_writer_textf(w, ". Invoking non-intervention: %zu; sovereignty: %zu.",
                    inter, sov);
}

/* The leak operations of the library (a disclosure took place) and what
 * States did and said about each. */
static void pr_leaks(lk_writer *w, const lk_knowledge *k,
                     const lk_practice_incident *inc, size_t ninc)
{
    size_t i, leaks = 0, inter, sov, answered = 0;
    for (i = 0; i < ninc; i++)
        leaks += inc[i].disclosed == 1;
    if (leaks == 0)
        return;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Leak operations: what States did and said");
    lk_writer_end(w);
    for (i = 0; i < ninc; i++)
        if (inc[i].disclosed == 1 &&
            pr_incident_counts(k, inc[i].id, &inter, &sov) > 0)
            answered++;
    lk_writer_para(w);
    lk_writer_textf(w, "%zu incidents of the library disclosed material; "
                       "State reactions are recorded for %zu of them.",
                    leaks, answered);
    lk_writer_end(w);
    for (i = 0; i < ninc; i++)
        if (inc[i].disclosed == 1)
            pr_leak_incident(w, k, &inc[i]);
    lk_writer_close(w);
}

static void pr_reactions(lk_writer *w, const lk_knowledge *k)
{
    static const char *const cols[] = {"Date",  "Incident", "Party",
                                       "Kind",  "Invokes",  "What"};
    size_t i, j, n = lk_knowledge_reaction_count(k), inter = 0, sov = 0;
    lk_reaction_info r;
    for (i = 0; i < n; i++) {
        lk_knowledge_reaction(k, i, &r);
        inter += pr_invokes(&r, "intervention");
        sov += pr_invokes(&r, "sovereignty");
    }
    lk_writer_heading(w, 2);
    lk_writer_text(w, "What States did: reactions to the library's incidents");
    lk_writer_end(w);
    lk_writer_para(w);
    lk_writer_textf(w, "%zu reactions; %zu invoke non-intervention, %zu "
                       "sovereignty.", n, inter, sov);
    lk_writer_end(w);
    if (n == 0)
        return;
    pr_table(w, cols, 6);
    for (i = 0; i < n; i++) {
        lk_knowledge_reaction(k, i, &r);
        lk_writer_row(w);
        pr_cell_data(w, r.date);
        lk_writer_cell(w);
        lk_writer_code(w, r.case_id);
        pr_cell_data(w, r.party);
        if (*r.against) {
            lk_writer_text(w, " against ");
            lk_writer_data(w, r.against);
        }
        lk_writer_cell_text(w, r.kind);
        lk_writer_cell(w);
        for (j = 0; j < r.ninvokes; j++) {
            lk_writer_text(w, j ? ", " : "");
            lk_writer_data(w, r.invokes[j]);
        }
        lk_writer_cell(w);
        pr_reaction_what(w, &r);
    }
    lk_writer_close(w);
}

static void pr_positions(lk_writer *w, const lk_knowledge *k)
{
    static const char *const cols[] = {
        "Party", "Document", "Date", "Read", "Quotations confirmed",
        "Official text"};
    size_t p, np = lk_knowledge_position_count(k);
    lk_position_info pi;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Positions");
    lk_writer_end(w);
    pr_table(w, cols, 6);
    for (p = 0; p < np; p++) {
        lk_knowledge_position(k, p, &pi);
        lk_writer_row(w);
        pr_cell_data(w, pi.name);
        pr_cell_data(w, pi.title);
        pr_cell_data(w, pi.date);
        lk_writer_cell_text(w, pi.status);
        lk_writer_cell(w);
        lk_writer_textf(w, "%zu of %zu", pi.nconfirmed, pi.nquotes);
        lk_writer_cell(w);
        if (*pi.url)
            lk_writer_link(w, pi.url);
        else
            lk_writer_text(w, "not known");
    }
    lk_writer_close(w);
}

/* The opening: the article's question and what is known. */
static void pr_intro(lk_writer *w, const lk_knowledge *k)
{
    size_t p, np = lk_knowledge_position_count(k), read[3] = {0, 0, 0};
    lk_position_info pi;
    for (p = 0; p < np; p++) {
        lk_knowledge_position(k, p, &pi);
        read[!strcmp(pi.status, "seen") ? 0 : !strcmp(pi.status, "partial")
                                                  ? 1 : 2]++;
    }
    lk_writer_heading(w, 1);
    lk_writer_text(w, "State practice on non-intervention in cyberspace");
    lk_writer_end(w);
    lk_writer_para(w);
    lk_writer_text(w, "The article asks whether there is enough State "
                      "practice to determine whether such leaks are "
                      "prohibited (\"currently, there simply is not enough "
                      "State practice to make a clear determination on the "
                      "matter\"). What the bundled positions and reactions "
                      "show, proposition by proposition:");
    lk_writer_end(w);
    lk_writer_para(w);
    lk_writer_textf(w, "%zu positions: %zu read in full, %zu in part, %zu "
                       "not reached. %zu State reactions to incidents of "
                       "the library. A stance is only as firm as its "
                       "quotation: unconfirmed ones are marked.",
                    np, read[0], read[1], read[2],
                    lk_knowledge_reaction_count(k));
    lk_writer_end(w);
}

void lk_report__page_head(lk_buf *b, const char *title)
{
    lk_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>");
    lk_buf_puts(b, title);
    lk_buf_puts(b, " (leaklaw)</title>\n<style>\n"
                   "body{font:15px/1.5 Georgia,serif;max-width:64rem;"
                   "margin:2rem auto;padding:0 1rem;color:#111}\n"
                   "h1,h2,h3{font-family:Helvetica,Arial,sans-serif}\n"
                   "table{border-collapse:collapse;margin:.5rem 0}\n"
                   "td,th{border:1px solid #bbb;padding:.25rem .5rem;"
                   "vertical-align:top;text-align:left}\n"
                   "code{font-size:90%;background:#f3f3f3;padding:0 .2rem}\n"
                   "@media print{body{margin:0}}\n"
                   "</style>\n</head>\n<body>\n");
}

/* Markdown or HTML (with the timeline after the opening). */
static int pr_document(lk_buf *b, const lk_knowledge *k,
                       const lk_practice_incident *inc, size_t ninc, int html)
{
    lk_writer w;
    lk_writer_init(&w, b, html);
    if (html)
        lk_report__page_head(b, "State practice");
    pr_intro(&w, k);
    if (html)
        lk_report__practice_timeline(b, k);
    pr_propositions(&w, k);
    pr_matrix(&w, k);
    pr_leaks(&w, k, inc, ninc);
    pr_reactions(&w, k);
    pr_positions(&w, k);
    lk_writer_close(&w);
    if (html)
        lk_buf_puts(b, "</body>\n</html>\n");
    return b->error;
}

int lk_report_practice(char **out, size_t *len, const lk_knowledge *k,
                       lk_report_format format, lk_error *err)
{
    return lk_report_practice_ext(out, len, k, NULL, 0, format, err);
}

int lk_report_practice_ext(char **out, size_t *len, const lk_knowledge *k,
                           const lk_practice_incident *inc, size_t ninc,
                           lk_report_format format, lk_error *err)
{
    lk_buf b;
    int error;
    *out = NULL;
    if (len != NULL)
        *len = 0;
    lk_buf_init(&b, 0);
    switch (format) {
    case LK_REPORT_TEXT:
    case LK_REPORT_MD: error = pr_document(&b, k, inc, ninc, 0); break;
    case LK_REPORT_HTML: error = pr_document(&b, k, inc, ninc, 1); break;
    case LK_REPORT_JSON:
        error = lk_report__practice_json(&b, k, inc, ninc);
        break;
    case LK_REPORT_CSV: error = lk_report__practice_csv(&b, k); break;
    default:
        lk_buf_dispose(&b);
        return lk_error_set(err, LK_EINVALID, "no such practice format");
    }
    if (error == 0)
        error = b.error;
    if (error < 0) {
        lk_buf_dispose(&b);
        return error == LK_ETOOBIG
                   ? lk_error_set(err, error, "the report is too large")
                   : lk_error_set_oom(err);
    }
    if (len != NULL)
        *len = b.len;
    *out = lk_buf_detach(&b, NULL);
    return 0;
}

/* The library's incidents: id, title and whether the case states a
 * disclosure ("/disclosure/status" other than "none"; -1 unstated).
 * NULL with *n 0 when there is no library. */
static int pr_incidents(lk_practice_incident **out, size_t *n,
                        const lk_library *lib, lk_error *err)
{
    size_t i, count = lib ? lk_library_count(lib) : 0;
    lk_case_value_info v;
    *out = NULL;
    *n = 0;
    if (count == 0)
        return 0;
    *out = lk_calloc(count, sizeof(**out));
    if (*out == NULL)
        return lk_error_set_oom(err);
    for (i = 0; i < count; i++) {
        const lk_case *c = lk_library_case(lib, i);
        int f = lk_case_fact_find(c, "/disclosure/status");
        (*out)[i].id = lk_case_id(c);
        (*out)[i].title = lk_case_title(c);
        (*out)[i].disclosed = -1;
        if (f < 0)
            continue;
        lk_case_fact_value(c, (size_t)f, 0, &v);
        if (v.kind == LK_CASE_VALUE_STRING)
            (*out)[i].disclosed = strcmp(v.string, "none") != 0;
    }
    *n = count;
    return 0;
}

int lk_report_practice_library(char **out, size_t *len, const lk_knowledge *k,
                               const lk_library *lib, lk_report_format format,
                               lk_error *err)
{
    lk_practice_incident *inc = NULL;
    size_t ninc = 0;
    int error = pr_incidents(&inc, &ninc, lib, err);
    if (error == 0)
        error = lk_report_practice_ext(out, len, k, inc, ninc, format, err);
    lk_free(inc);
    return error;
}
