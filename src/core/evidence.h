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

#endif
