/*
 * csv.c: one CSV row per assessment, for researchers coding datasets:
 * the case, the verdict of every lens, the status and level of every
 * element and the status of every flag in the order of the law's model,
 * then the profile, the hashes of the rules and the case, and the
 * case's States and dates.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "report_int.h"

/* The case's facts that close the row: column name, JSON pointer. */
static const char *const csv_facts[][2] = {
    {"actor_state", "/actor/state"},
    {"victim_state", "/victim/state"},
    {"disclosure_date", "/disclosure/date"},
    {"process_date", "/context/process_date"},
};
#define CSV_NFACTS (sizeof(csv_facts) / sizeof(csv_facts[0]))

/* Columns: every lens, then every element and flag, in model order. */
static int csv_column(const lk_target_info *ti, int pass)
{
    if (pass == 0)
        return ti->kind == LK_TARGET_LENS;
    return ti->kind == LK_TARGET_ELEMENT || ti->kind == LK_TARGET_FLAG;
}

/* 1 if target "ti" has a level column: an element the model grades. */
static int csv_graded(const lk_target_info *ti)
{
    return ti->kind == LK_TARGET_ELEMENT && ti->levels && ti->levels[0];
}

static void csv_header(lk_buf *b, const lk_law *law)
{
    size_t t, n = lk_law_target_count(law), k;
    int pass;
    lk_buf_puts(b, "case,title");
    for (pass = 0; pass < 2; pass++) {
        for (t = 0; t < n; t++) {
            const lk_target_info *ti = lk_law_target(law, t);
            if (!csv_column(ti, pass))
                continue;
            lk_buf_printf(b, ",%s", ti->id);
            if (csv_graded(ti))
                lk_buf_printf(b, ",%s_level", ti->id);
        }
    }
    lk_buf_puts(b, ",profile,rules_sha256,case_sha256");
    for (k = 0; k < CSV_NFACTS; k++)
        lk_buf_printf(b, ",%s", csv_facts[k][0]);
    lk_buf_puts(b, "\n");
}

int lk_report_csv_header(char **out, size_t *len, const lk_law *law,
                         lk_error *err)
{
    lk_buf b;
    lk_buf_init(&b, 0);
    csv_header(&b, law);
    if (b.error != 0) {
        lk_buf_dispose(&b);
        return lk_error_set_oom(err);
    }
    *out = lk_buf_detach(&b, len);
    return *out != NULL ? 0 : lk_error_set_oom(err);
}

/* The fact index (lk_explain_fact_info) of each of csv_facts, or -1:
 * found once, not for every row. */
static long csv_fact_index[CSV_NFACTS];
static pthread_once_t csv_fact_once = PTHREAD_ONCE_INIT;

/* Fill csv_fact_index (once, by pthread_once). */
static void csv_fact_find(void)
{
    size_t k, f, nf = lk_explain_fact_count();
    for (k = 0; k < CSV_NFACTS; k++) {
        csv_fact_index[k] = -1;
        for (f = 0; f < nf; f++) {
            lk_fact_info fi;
            lk_explain_fact_info(f, &fi);
            if (strcmp(fi.pointer, csv_facts[k][1]) == 0) {
                csv_fact_index[k] = (long)f;
                break;
            }
        }
    }
}

/* The cell of fact "k" of csv_facts: its value, "disputed", or empty
 * when unknown. */
static void csv_fact(lk_buf *b, const lk_assessment *a, size_t k, int last)
{
    lk_fact_view fv;
    pthread_once(&csv_fact_once, csv_fact_find);
    if (csv_fact_index[k] < 0) {
        lk_csv_cells(b, "", last);
        return;
    }
    lk_explain_fact(a, (size_t)csv_fact_index[k], &fv);
    lk_csv_cells(b, fv.known ? fv.value : fv.disputed ? "disputed" : "", last);
}

int lk_report__csv(lk_buf *b, const lk_assessment *a, unsigned flags)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    size_t t, n = lk_law_target_count(law), k;
    int pass;
    if (flags & LK_REPORT_CSV_HEADER)
        csv_header(b, law);
    lk_csv_cells(b, lk_case_id(c), 0);
    lk_csv_cells(b, lk_case_title(c), 0);
    for (pass = 0; pass < 2; pass++) {
        for (t = 0; t < n; t++) {
            const lk_target_info *ti = lk_law_target(law, t);
            lk_target_result r;
            if (!csv_column(ti, pass))
                continue;
            lk_explain_target(a, t, &r);
            lk_csv_cells(b, r.status, 0);
            if (csv_graded(ti))
                lk_csv_cells(b, r.level ? r.level : "", 0);
        }
    }
    lk_csv_cells(b, lk_law_profile(law), 0);
    lk_csv_cells(b, lk_law_sha256(law), 0);
    lk_csv_cells(b, lk_case_sha256(c), 0);
    for (k = 0; k < CSV_NFACTS; k++)
        csv_fact(b, a, k, k + 1 == CSV_NFACTS);
    return b->error;
}
