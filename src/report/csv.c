/*
 * csv.c: one CSV row per assessment, for researchers coding datasets:
 * the case, then the verdict of every lens and the status of every
 * element and flag, in the order of the law's model.
 */
#include <stdio.h>

#include "csv.h"
#include "report_int.h"

/* Columns: every lens, then every element and flag, in model order. */
static int csv_column(const lk_target_info *ti, int pass)
{
    if (pass == 0)
        return ti->kind == LK_TARGET_LENS;
    return ti->kind == LK_TARGET_ELEMENT || ti->kind == LK_TARGET_FLAG;
}

static void csv_header(lk_buf *b, const lk_law *law)
{
    size_t t, n = lk_law_target_count(law);
    int pass;
    lk_buf_puts(b, "case,title");
    for (pass = 0; pass < 2; pass++)
        for (t = 0; t < n; t++)
            if (csv_column(lk_law_target(law, t), pass))
                lk_buf_printf(b, ",%s", lk_law_target(law, t)->id);
    lk_buf_puts(b, "\n");
}

int lk_report__csv(lk_buf *b, const lk_assessment *a, unsigned flags)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    size_t t, n = lk_law_target_count(law), last = 0;
    int pass;
    if (flags & LK_REPORT_CSV_HEADER)
        csv_header(b, law);
    for (t = 0; t < n; t++)
        if (csv_column(lk_law_target(law, t), 1))
            last = t;
    lk_csv_cells(b, lk_case_id(c), 0);
    lk_csv_cells(b, lk_case_title(c), 0);
    for (pass = 0; pass < 2; pass++) {
        for (t = 0; t < n; t++) {
            lk_target_result r;
            char cell[256];
            if (!csv_column(lk_law_target(law, t), pass))
                continue;
            lk_explain_target(a, t, &r);
            snprintf(cell, sizeof(cell), "%s%s%s%s", r.status,
                     r.level ? " (" : "", r.level ? r.level : "",
                     r.level ? ")" : "");
            lk_csv_cells(b, cell, pass == 1 && t == last);
        }
    }
    return b->error;
}
