/*
 * report_int.h: what the renderers of src/report share. They read an
 * assessment only through the public explain API (leaklaw/explain.h).
 */
#ifndef LK_REPORT_INT_H
#define LK_REPORT_INT_H

#include "buf.h"
#include "leaklaw/explain.h"
#include "leaklaw/knowledge.h"
#include "leaklaw/report.h"
#include "writer.h"

#define LK_REPORT_MAX_REASONS 128 /* rules listed for one target */

/* Hook called by the memo after its short answer (the HTML chart). */
typedef int (*lk_memo_hook)(lk_writer *w, const lk_assessment *a);

/* The memo into "w"; "after_answer" may be NULL; "opts" gives its date,
 * author and classification. Returns w's buffer error (LK_ENOMEM,
 * LK_ETOOBIG) or 0. */
int lk_report__memo(lk_writer *w, const lk_assessment *a,
                    lk_memo_hook after_answer, const lk_report_options *opts);

/* The JSON document (leaklaw/assessment/1) into "b"; LK_REPORT_COMPACT
 * in "flags" puts it on one line. 0, LK_ENOMEM or LK_ETOOBIG. */
int lk_report__json(lk_buf *b, const lk_assessment *a, unsigned flags);

/* The HTML page into "b", the memo's with "opts". 0, LK_ENOMEM or
 * LK_ETOOBIG. */
int lk_report__html(lk_buf *b, const lk_assessment *a,
                    const lk_report_options *opts);

/* The CSV row of "a" into "b", after the header if LK_REPORT_CSV_HEADER
 * is in "flags". */
int lk_report__csv(lk_buf *b, const lk_assessment *a, unsigned flags);

/* The chart of the law's model as an SVG figure into "b"; nothing when
 * the model defines none. 0, or LK_ENOMEM. */
int lk_report__chart(lk_buf *b, const lk_assessment *a);

/* The State-practice report of "k" as JSON, as CSV, and its HTML
 * timeline (an SVG figure). 0, LK_ENOMEM or LK_ETOOBIG. */
int lk_report__practice_json(lk_buf *b, const lk_knowledge *k,
                             const lk_practice_incident *inc, size_t ninc);
int lk_report__practice_csv(lk_buf *b, const lk_knowledge *k);
int lk_report__practice_timeline(lk_buf *b, const lk_knowledge *k);

/* The head of a standalone HTML page titled "title" (trusted text, not
 * escaped), up to and including <body>. */
void lk_report__page_head(lk_buf *b, const char *title);

/* The label of status "id" of a target of "kind" (e.g. "Likely breach"). */
const char *lk_report__label(const lk_law *law, lk_target_kind kind,
                             const char *id);

/* The chart colour of status "id" of a lens ("#rrggbb"). */
const char *lk_report__color(const lk_law *law, const char *id);

/* The lens ids of "law" in model order: the index of each in "out". */
size_t lk_report__lenses(const lk_law *law, size_t *out, size_t max);

#endif
