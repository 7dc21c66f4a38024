/*
 * report.h (internal): helpers shared by the three renderers.
 */
#ifndef LK_LIB_REPORT_H
#define LK_LIB_REPORT_H

#include "assess.h"
#include "buf.h"
#include "leaklaw/report.h"

/* The rules to cite for target "t": those that decided it (applies) and
 * those that still may apply. Fills "rules" (max "max"), "status" (1
 * applies, 2 may apply). Returns the count. */
int lk_report__because(const lk_assessment *a, int t, int *rules,
                       int *status, int max);

/* Case-local source ids cited for fact "id": the "cite" of the nearest
 * enclosing object of the case. Borrowed JSON array or NULL. For access
 * methods the cites of every access entry are merged into "merged". */
json_t *lk_report__fact_cites(const lk_assessment *a, int id,
                              json_t *merged);

/* The fact of change "ch" as text before ("from") and after ("to"). */
void lk_report__change_text(const lk_assessment *a, const lk_change *ch,
                            char *from, char *to, size_t size);

/* Markdown memo into "buf". */
int lk_report__md(lk_buf *buf, const lk_assessment *a);
/* HTML page into "buf". */
int lk_report__html(lk_buf *buf, const lk_assessment *a);

#endif
