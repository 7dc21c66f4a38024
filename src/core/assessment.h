/*
 * assessment.h (internal): the assessment record and the case library,
 * shared by the modules that build and read them (assess, precedent,
 * explain). Types only.
 */
#ifndef LK_CORE_ASSESSMENT_H
#define LK_CORE_ASSESSMENT_H

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
    unsigned mult;       /* the entries it stands for: itself and those of
                            the candidates alike its own, not tried (the
                            search's merged values; 1 when none) */
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
    size_t cap;                 /* room in "cases" and "as" */
};

/* Internal bit of lk_assess_options.flags, never in the public header:
 * the what-if search re-evaluates every target for each change instead of
 * only those the change can reach, and tries every candidate, also those
 * alike an earlier-ranked one (tests compare the two). */
#define LK_ASSESS__FULL_EVAL 0x80000000u

#endif
