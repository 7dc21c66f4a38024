/*
 * assess.h (internal): the assessment record, shared with report.c.
 */
#ifndef LK_LIB_ASSESS_H
#define LK_LIB_ASSESS_H

#include "case.h"
#include "eval.h"
#include "leaklaw/assess.h"

#define LK_MAX_PRECEDENTS 3

typedef struct lk_change {
    int fact;   /* base fact id */
    lk_fval to; /* its new value */
} lk_change;

typedef struct lk_whatif {
    int lens;            /* target index of the lens */
    uint64_t possible;   /* the lens's outcomes after the change */
    int n;               /* 1 or 2 changes */
    lk_change ch[2];     /* the changes */
    int fills;           /* how many changes fill an unknown fact */
} lk_whatif;

typedef struct lk_precedent {
    size_t index;        /* case index in the library */
    int similarity;      /* 0..1000 (per mille) */
    uint64_t agree;      /* decisive elements of the same status */
    uint64_t differ;     /* decisive elements of another status */
    int ndiffer;         /* elements and key facts that differ */
} lk_precedent;

struct lk_assessment {
    const lk_law *law;          /* borrowed */
    const lk_case *c;           /* borrowed */
    const lk_library *lib;      /* borrowed, may be NULL */
    lk_facts facts;             /* the case's facts, derived ones filled */
    lk_eval ev;                 /* the evaluation */
    lk_whatif *wi;              /* what-if entries, ranked per lens */
    size_t nwi;                 /* number of entries */
    int whatif_done;            /* 1 if the what-if search ran */
    size_t wi_more;             /* entries of other facts cut by the cap */
    lk_precedent prec[LK_MAX_PRECEDENTS]; /* nearest precedents */
    int nprec;                  /* number of precedents */
};

struct lk_library {
    lk_case **cases;            /* owned */
    lk_assessment **as;         /* owned */
    size_t n;                   /* number of cases */
};

/* Internal bit of lk_assess_options.flags, never in the public header:
 * the what-if search re-evaluates every target for each change instead of
 * only those the change can reach (tests compare the two). */
#define LK_ASSESS__FULL_EVAL 0x80000000u

/* Name of the verdict (or status) of target "t" in "ev": a single
 * outcome's status, else "undetermined". Level in *level (or NULL). */
const char *lk_assess__status(const lk_law *law, const lk_eval *ev, int t,
                              const char **level);
/* Same, for an arbitrary possible-outcome mask of target "t". */
const char *lk_assess__status_of(const lk_law *law, int t, uint64_t possible,
                                 const char **level);
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
/* The nearest precedents of "a" in "lib" (precedent.c). Cannot fail. */
void lk_assess__precedents(lk_assessment *a, const lk_library *lib);
/* JSON pointer of base fact "id" in a case (e.g. "/access" for methods). */
const char *lk_assess__fact_pointer(int id);

#endif
