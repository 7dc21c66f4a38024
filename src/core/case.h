/*
 * case.h (internal): the validated case and its fact extraction.
 */
#ifndef LK_LIB_CASE_H
#define LK_LIB_CASE_H

#include <jansson.h>

#include "doc.h"
#include "case_value.h"
#include "facts.h"
#include "leaklaw/case.h"

struct lk_case {
    lk_doc *doc;       /* the parsed file, kept for positions */
    const char *id;    /* borrowed from doc->root */
    const char *title; /* borrowed from doc->root, or id */
    char sha256[65];   /* hex digest of the file's bytes */
    lk_facts base;     /* the facts it states (lk_case__base_facts), read
                          once: the tree is not changed after parsing */
};


/* The case's JSON tree. Borrowed: valid until lk_case_free. */
json_t *lk_case__json(const lk_case *c);

/*
 * Fill "facts" with the facts the case states directly. access[].attack
 * entries without a method are left for the law to map (see
 * lk_law__derive), and facts its evidence proves are the law's too
 * (lk_law__evidence_facts). Cannot fail: the case was validated. Read
 * once, when the case is parsed: this copies them.
 */
void lk_case__base_facts(const lk_case *c, lk_facts *facts);

/*
 * The counts of an evidence summary as lk_case_evidence reports them: its
 * integer members, then those of its "verdicts". Returns how many there
 * are, and adds them to "out" (when not NULL) up to LK_CASE_MAX_COUNTS;
 * the validator refuses a summary with more.
 */
size_t lk_case__summary_counts(json_t *summary, lk_case_evidence_info *out);

/*
 * The value at the fact's "pointer" ("/actor/kind", at most 3 object keys)
 * as the case gives it (wrapped, disputed or plain), or NULL: what
 * lk_case__base_facts reads. Borrowed: valid until lk_case_free.
 */
json_t *lk_case__fact_json(const lk_case *c, const char *pointer);

/* Report a diagnostic at "pointer" of the case's file. */
int lk_case__diag(const lk_case *c, lk_diag_cb cb, void *payload,
                  lk_error *err, const char *pointer, const char *fmt, ...)
    LK_PRINTF(6, 7);

#endif
