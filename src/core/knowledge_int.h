/*
 * knowledge_int.h (internal): the loaded positions, propositions and
 * reactions of knowledge.c, and the checks of knowledge_check.c that
 * validate each file as it is read.
 */
#ifndef LK_LIB_KNOWLEDGE_INT_H
#define LK_LIB_KNOWLEDGE_INT_H

#include <jansson.h>

#include "doc.h"
#include "leaklaw/knowledge.h"

#define LK_KNOWLEDGE_MAX_ORGS 16 /* organisations that may be a party */

typedef struct lk_kpos {
    const lk_doc *doc;   /* its file */
    json_t *obj;         /* the position (borrowed from doc) */
    json_t *quotes;      /* its "quotes" array */
    size_t nconfirmed;   /* confirmed quotations */
    lk_stance stance[LK_KNOWLEDGE_MAX_PROPS];
} lk_kpos;

typedef struct lk_kreact {
    const char *case_id; /* the incident's case id */
    json_t *obj;         /* the reaction */
} lk_kreact;

struct lk_knowledge {
    lk_doc **docs;       /* every file read, owned */
    size_t ndocs;
    json_t *props;       /* the "propositions" array */
    size_t nprops;
    json_t *orgs;        /* the "organisations" array, or NULL */
    json_t *topics;      /* vocabulary: quotation topics */
    json_t *kinds;       /* vocabulary: kinds of State reaction */
    json_t *invokes;     /* vocabulary: legal notions a reaction invokes */
    lk_kpos *pos;
    size_t npos, cappos;
    lk_kreact *react;
    size_t nreact, capreact;
};

/* Check the propositions file "doc" and keep its arrays in "k". */
int lk_knowledge__check_props(lk_knowledge *k, const lk_doc *doc,
                              lk_error *err);

/* Check the position file "doc" and fill "out" (its stances resolved). */
int lk_knowledge__check_position(const lk_knowledge *k, const lk_doc *doc,
                                 lk_kpos *out, lk_error *err);

/* Check the practice file "doc"; "cases" is DATADIR/cases, where the
 * incident's case must exist. */
int lk_knowledge__check_practice(const lk_knowledge *k, const lk_doc *doc,
                                 const char *cases, lk_error *err);

#endif
