/*
 * status.h (internal): the name of a target's result (its status, or the
 * law's open status) and the pointer a fact is reported under.
 */
#ifndef LK_CORE_STATUS_H
#define LK_CORE_STATUS_H

#include "eval.h"

/* Name of the verdict (or status) of target "t" in "ev": a single
 * outcome's status, else "undetermined". Level in *level (or NULL). */
const char *lk_assess__status(const lk_law *law, const lk_eval *ev, int t,
                              const char **level);
/* Same, for an arbitrary possible-outcome mask of target "t". */
const char *lk_assess__status_of(const lk_law *law, int t, uint64_t possible,
                                 const char **level);
/* JSON pointer of base fact "id" in a case (e.g. "/access" for methods). */
const char *lk_assess__fact_pointer(int id);

#endif
