/*
 * compare.c: lk_report_compare: one case assessed under several profiles
 * (national readings of the law), the verdict of each lens side by side,
 * and for each verdict that differs from the first profile's, the
 * targets whose result changed and the rules that make the change (a
 * rule that gives a reason under one profile and not under the other).
 * Markdown and HTML through the writer, JSON and CSV. Deterministic.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/report.h"

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "report_int.h"
#include "writer.h"

#define CMP_MAX_LENSES 16 /* lenses compared */

/* The verdict of lens target "t" under "a". */
static const char *cmp_status(const lk_assessment *a, size_t t)
{
    lk_target_result r;
    lk_explain_target(a, t, &r);
    return r.status;
}

/* 1 if the results of target "t" under "a" and "b" differ. */
static int cmp_differs(const lk_assessment *a, const lk_assessment *b,
                       size_t t)
{
    lk_target_result x, y;
    lk_explain_target(a, t, &x);
    lk_explain_target(b, t, &y);
    return strcmp(x.status, y.status) != 0 ||
           strcmp(x.level ? x.level : "", y.level ? y.level : "") != 0 ||
           x.score_min != y.score_min || x.score_max != y.score_max;
}

/* 1 if a rule with the id of rule "rule" of "from" is a reason of target
 * "t" under "a" (applying or maybe). */
static int cmp_reason_in(const lk_assessment *a, size_t t,
                         const lk_law *from, size_t rule)
{
    lk_reason rs[LK_REPORT_MAX_REASONS];
    const lk_law *law = lk_assessment_law(a);
    size_t n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS), i;
    const char *id = lk_law_rule(from, rule)->id;
    for (i = 0; i < n; i++)
        if (!strcmp(lk_law_rule(law, rs[i].rule)->id, id))
            return 1;
    return 0;
}

/* Lists (when "w" is not NULL) each reason of "t" under "a" that is not
 * one under "b", after "verb"; returns how many. */
static size_t cmp_new_reasons(lk_writer *w, const lk_assessment *a,
                              const lk_assessment *b, size_t t,
                              const char *verb)
{
    lk_reason rs[LK_REPORT_MAX_REASONS];
    const lk_law *law = lk_assessment_law(a);
    size_t n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS), i, k = 0;
    for (i = 0; i < n; i++) {
        const lk_rule_info *r = lk_law_rule(law, rs[i].rule);
        if (cmp_reason_in(b, t, law, rs[i].rule))
            continue;
        if (w != NULL) {
            lk_writer_item(w);
            lk_writer_text(w, verb);
            lk_writer_code(w, r->id);
            lk_writer_text(w, rs[i].applies ? ": " : " (may apply): ");
            lk_writer_data(w, r->text);
        }
        k++;
    }
    return k;
}

/* The targets that changed between "base" and "a", with the rules that
 * make the difference. */
static void cmp_why(lk_writer *w, const lk_assessment *base,
                    const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t t, n = lk_law_target_count(law);
    for (t = 0; t < n; t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        if (!cmp_differs(base, a, t))
            continue;
        lk_writer_item(w);
        lk_writer_text(w, ti->title);
        lk_writer_text(w, " (");
        lk_writer_code(w, ti->id);
        lk_writer_textf(w, "): %s under %s, %s under %s",
                        cmp_status(base, t),
                        lk_law_profile(lk_assessment_law(base)),
                        cmp_status(a, t), lk_law_profile(law));
        if (cmp_new_reasons(w, a, base, t, "only under this profile: ") +
                cmp_new_reasons(w, base, a, t, "only under the first: ") ==
            0) {
            lk_writer_item(w);
            lk_writer_text(w, "the same rules, on the profile's standards "
                              "or parameters");
        }
    }
}

/* The lens targets of the law of "a" (in model order) into "out". */
static size_t cmp_lenses(const lk_assessment *a, size_t *out)
{
    return lk_report__lenses(lk_assessment_law(a), out, CMP_MAX_LENSES);
}

static void cmp_table(lk_writer *w, const lk_assessment *const *as, size_t n)
{
    size_t lens[CMP_MAX_LENSES], nl = cmp_lenses(as[0], lens), l, p;
    const lk_law *law = lk_assessment_law(as[0]);
    lk_writer_table(w, (int)(n + 1));
    lk_writer_row(w);
    lk_writer_cell_text(w, "Lens");
    for (p = 0; p < n; p++) {
        lk_writer_cell(w);
        lk_writer_code(w, lk_law_profile(lk_assessment_law(as[p])));
    }
    for (l = 0; l < nl; l++) {
        lk_writer_row(w);
        lk_writer_cell_text(w, lk_law_target(law, lens[l])->title);
        for (p = 0; p < n; p++) {
            const char *s = cmp_status(as[p], lens[l]);
            lk_writer_cell(w);
            if (p > 0 && strcmp(s, cmp_status(as[0], lens[l])))
                lk_writer_strong(w, 1);
            lk_writer_text(w, lk_report__label(lk_assessment_law(as[p]),
                                               LK_TARGET_LENS, s));
            if (p > 0 && strcmp(s, cmp_status(as[0], lens[l])))
                lk_writer_strong(w, 0);
        }
    }
    lk_writer_close(w);
}

/* The section explaining every difference from the first profile. */
static void cmp_differences(lk_writer *w, const lk_assessment *const *as,
                            size_t n)
{
    size_t lens[CMP_MAX_LENSES], nl = cmp_lenses(as[0], lens), l, p, k = 0;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "What makes each difference");
    lk_writer_end(w);
    for (p = 1; p < n; p++) {
        const lk_law *law = lk_assessment_law(as[p]);
        size_t diff = 0;
        for (l = 0; l < nl; l++)
            diff += strcmp(cmp_status(as[p], lens[l]),
                           cmp_status(as[0], lens[l])) != 0;
        if (diff == 0)
            continue;
        k++;
        lk_writer_heading(w, 3);
        lk_writer_data(w, lk_law_profile_title(law));
        lk_writer_end(w);
        lk_writer_para(w);
        lk_writer_textf(w, "%zu lens verdict(s) differ from ", diff);
        lk_writer_code(w, lk_law_profile(lk_assessment_law(as[0])));
        lk_writer_text(w, ". What changed, target by target:");
        lk_writer_end(w);
        cmp_why(w, as[0], as[p]);
    }
    if (k == 0) {
        lk_writer_para(w);
        lk_writer_text(w, "No profile changes a verdict of this case.");
        lk_writer_end(w);
    }
}

static void cmp_document(lk_writer *w, const lk_assessment *const *as,
                         size_t n)
{
    const lk_case *c = lk_assessment_case(as[0]);
    size_t p;
    lk_writer_heading(w, 1);
    lk_writer_text(w, "Verdicts under every profile: ");
    lk_writer_data(w, lk_case_title(c));
    lk_writer_end(w);
    lk_writer_para(w);
    lk_writer_text(w, "Case ");
    lk_writer_code(w, lk_case_id(c));
    lk_writer_textf(w, ", assessed under %zu profiles (each a reading of "
                       "the law; a national profile encodes what that "
                       "State's published position says and cites it):", n);
    lk_writer_end(w);
    for (p = 0; p < n; p++) {
        lk_writer_item(w);
        lk_writer_code(w, lk_law_profile(lk_assessment_law(as[p])));
        lk_writer_text(w, ": ");
        lk_writer_data(w, lk_law_profile_title(lk_assessment_law(as[p])));
    }
    cmp_table(w, as, n);
    cmp_differences(w, as, n);
    lk_writer_close(w);
}

static int cmp_json(lk_buf *b, const lk_assessment *const *as, size_t n)
{
    size_t lens[CMP_MAX_LENSES], nl = cmp_lenses(as[0], lens), l, p;
    const lk_law *law0 = lk_assessment_law(as[0]);
    json_t *doc, *profs = json_array();
    char *text;
    for (p = 0; p < n; p++) {
        json_t *v = json_object();
        for (l = 0; l < nl; l++)
            json_object_set_new(v, lk_law_target(law0, lens[l])->id,
                                json_string(cmp_status(as[p], lens[l])));
        json_array_append_new(
            profs, json_pack("{s:s, s:s, s:s, s:o}", "profile",
                             lk_law_profile(lk_assessment_law(as[p])),
                             "title",
                             lk_law_profile_title(lk_assessment_law(as[p])),
                             "rules_sha256",
                             lk_law_sha256(lk_assessment_law(as[p])),
                             "verdicts", v));
    }
    doc = json_pack("{s:s, s:s, s:s, s:o}", "format",
                    "leaklaw/profile-comparison/1", "case",
                    lk_case_id(lk_assessment_case(as[0])), "case_sha256",
                    lk_case_sha256(lk_assessment_case(as[0])), "profiles",
                    profs);
    text = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(doc);
    if (text == NULL)
        return LK_ENOMEM;
    lk_buf_puts(b, text);
    lk_buf_puts(b, "\n");
    lk_free(text); /* jansson allocates with lk_malloc */
    return b->error;
}

/* CSV: case, profile, then one column per lens. */
static int cmp_csv(lk_buf *b, const lk_assessment *const *as, size_t n,
                   unsigned flags)
{
    size_t lens[CMP_MAX_LENSES], nl = cmp_lenses(as[0], lens), l, p;
    const lk_law *law0 = lk_assessment_law(as[0]);
    if (flags & LK_REPORT_CSV_HEADER) {
        lk_csv_cells(b, "case", 0);
        lk_csv_cells(b, "profile", 0);
        for (l = 0; l < nl; l++)
            lk_csv_cells(b, lk_law_target(law0, lens[l])->id, l + 1 == nl);
    }
    for (p = 0; p < n; p++) {
        lk_csv_cells(b, lk_case_id(lk_assessment_case(as[p])), 0);
        lk_csv_cells(b, lk_law_profile(lk_assessment_law(as[p])), 0);
        for (l = 0; l < nl; l++)
            lk_csv_cells(b, cmp_status(as[p], lens[l]), l + 1 == nl);
    }
    return b->error;
}

int lk_report_compare(char **out, size_t *len,
                      const lk_assessment *const *as, size_t n,
                      lk_report_format format, unsigned flags, lk_error *err)
{
    lk_writer w;
    lk_buf b;
    int error = 0;
    *out = NULL;
    if (len != NULL)
        *len = 0;
    if (n == 0)
        return lk_error_set(err, LK_EINVALID, "no assessment to compare");
    lk_buf_init(&b, 0);
    switch (format) {
    case LK_REPORT_TEXT:
    case LK_REPORT_MD:
    case LK_REPORT_HTML:
        lk_writer_init(&w, &b, format == LK_REPORT_HTML);
        if (format == LK_REPORT_HTML)
            lk_report__page_head(&b, "Verdicts under every profile");
        cmp_document(&w, as, n);
        if (format == LK_REPORT_HTML)
            lk_buf_puts(&b, "</body>\n</html>\n");
        break;
    case LK_REPORT_JSON: error = cmp_json(&b, as, n); break;
    case LK_REPORT_CSV: error = cmp_csv(&b, as, n, flags); break;
    default:
        lk_buf_dispose(&b);
        return lk_error_set(err, LK_EINVALID, "no such comparison format");
    }
    if (error == 0)
        error = b.error;
    if (error < 0) {
        lk_buf_dispose(&b);
        return error == LK_ETOOBIG
                   ? lk_error_set(err, error, "the comparison is too large")
                   : lk_error_set_oom(err);
    }
    if (len != NULL)
        *len = b.len;
    *out = lk_buf_detach(&b, NULL);
    return 0;
}
