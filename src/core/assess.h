/*
 * assess.h (internal): the assessment record, shared with report.c.
 */
#ifndef LK_LIB_ASSESS_H
#define LK_LIB_ASSESS_H

#include "case.h"
#include "eval.h"
#include "leaklaw/assess.h"

#include "assessment.h"
#include "precedent.h"
#include "status.h"

/* Every single change the what-if search tries from "base" (see
 * assess.c), in "*out" (owned: lk_free) and their number in "*n".
 * @return 0 or LK_ENOMEM. */
int lk_assess__candidates(const lk_facts *base, lk_change **out, int *n,
                          lk_error *err);
/* The verdict code of a lens: its single outcome, or 63 (open) when
 * several outcomes remain possible. */
int lk_assess__vcode(uint64_t possible);
/* Run the what-if search on "a" (its facts and evaluation as they are),
 * keeping "max" entries per lens and verdict; "full" re-evaluates every
 * target for each change. Replaces earlier entries. @return 0, LK_ENOMEM */
int lk_assess__whatif(lk_assessment *a, unsigned max, int full,
                      lk_error *err);

#endif
