/*
 * evidence.h (internal): loading the evidence file (leaklaw/evidence/1):
 * what kinds of case evidence prove about a fact. Evaluation:
 * lk_law__evidence_value in law.h.
 */
#ifndef LK_LIB_EVIDENCE_H
#define LK_LIB_EVIDENCE_H

#include "law.h"

/* Read the evidence file "doc" into "law" (after the model and the
 * catalogue). LK_EINVALID. */
int lk_evidence__load(lk_law *law, const lk_doc *doc, lk_error *err);

/* Most a count of an evidence summary may be: far above any corpus, and
 * low enough to keep the sums of counts in range. */
#define LK_EVIDENCE_COUNT_MAX ((json_int_t)1000000000000000) /* 10^15 */

/* Report through "cb" each count of case "c"'s evidence items of a kind
 * the law reads (each member of the summary's counts object) that is not
 * an integer from 0 to LK_EVIDENCE_COUNT_MAX: such a count would decide
 * a fact wrongly. "n": diagnostics reported before (the first fills
 * "err"). Returns the number reported. */
int lk_evidence__check_case(const lk_law *law, const struct lk_case *c,
                            lk_diag_cb cb, void *payload, lk_error *err,
                            int n);

#endif
