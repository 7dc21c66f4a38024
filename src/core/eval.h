/*
 * eval.h (internal): three-valued evaluation of the compiled law over one
 * fact vector. Every condition is true, false or unknown (Kleene logic);
 * a target's result is the set of outcomes still possible, so a result
 * is determined exactly when one outcome remains.
 */
#ifndef LK_LIB_EVAL_H
#define LK_LIB_EVAL_H

#include "law.h"

enum { LK_TV_FALSE = 0, LK_TV_TRUE = 1, LK_TV_UNKNOWN = 2 };

/* More than one bit set (no popcount instruction needed). */
#define LK_MANY(x) (((x) & ((x) - 1)) != 0)
/* Exactly one bit set. */
#define LK_ONE(x) ((x) != 0 && !LK_MANY(x))

typedef struct lk_tres {
    uint64_t possible; /* outcomes still possible (bit per outcome) */
    uint32_t unknown;  /* base facts whose value could change it */
    int conflict[2];   /* two rules of equal priority that disagree, -1 */
    int smin, smax;    /* scores: lowest and highest possible value */
} lk_tres;

typedef struct lk_eval {
    lk_tres t[LK_MAX_TARGETS]; /* per target */
    uint8_t *tv;               /* per rule: effective truth value */
    uint32_t *unk;             /* per rule: unknown facts if tv unknown */
    size_t nrules;             /* size of the arrays */
    int force_score;           /* score target to pin, -1 for none */
    int force_value;           /* the value it is pinned to */
} lk_eval;

/* Allocate the per-rule arrays for "law". Owned: lk_eval__dispose. */
int lk_eval__init(lk_eval *ev, const lk_law *law, lk_error *err);
void lk_eval__dispose(lk_eval *ev);

/* Evaluate every target of "law" over "facts" (derived facts filled). */
void lk_eval__run(lk_eval *ev, const lk_law *law, const lk_facts *facts);

/*
 * Evaluate "facts" that differ from those of the evaluation "base" only in
 * the base facts of "changed" (a fact bit mask): targets that cannot
 * depend on them keep base's results (their per-rule values are not
 * recomputed and must not be read), and so do the indicators of a score
 * that cannot. "base" must come from lk_eval__run (every per-rule value
 * set). Used by the what-if search.
 */
void lk_eval__run_from(lk_eval *ev, const lk_law *law, const lk_facts *facts,
                       const lk_eval *base, uint32_t changed);

/* An evaluation over facts changed in "changed" only, from the facts of
 * another (the per-rule values of its lk_eval). */
typedef struct lk_eval_alt {
    uint32_t changed;     /* the base facts changed in it */
    const uint8_t *tv;    /* its per-rule truth values */
    const uint32_t *unk;  /* its per-rule unknown facts */
} lk_eval_alt;

/*
 * Decide only the targets of "todo" (a bit per target), lowest first, over
 * "facts"; every other entry of ev->t is left as it is, and those the
 * targets of "todo" read must already hold their results over "facts".
 * Per-rule values are recomputed for the targets of "todo" only. "base"
 * and "changed" are as for lk_eval__run_from ("base" may be NULL; then
 * every rule is evaluated): a rule that no exception defeats and that
 * cannot depend on "changed" keeps base's value. The "nalt" entries of
 * "alt" are evaluations over facts that differ from "facts" only in facts
 * of "changed" outside their own changes (the what-if search: the single
 * changes a pair is made of). A rule no exception defeats whose changed
 * facts are all among an alternative's changes takes that alternative's
 * value: the rule's value depends only on its facts (lk_rule.deps), the
 * same in both. The alternative's values of such rules must be set: its
 * evaluation decided their targets.
 */
void lk_eval__run_some(lk_eval *ev, const lk_law *law, const lk_facts *facts,
                       uint64_t todo, const lk_eval *base, uint32_t changed,
                       const lk_eval_alt *alt, int nalt);

/*
 * The value (LK_TV_*) of condition "ci" of "law" over "facts" when it is a
 * test of one fact (LK_C_IN, LK_C_HAS, LK_C_EMPTY, LK_C_KNOWN,
 * LK_C_RANGE, LK_C_SAME): the very test the rule engine makes. Used by the
 * what-if search to tell apart the values of a fact that the law treats
 * alike.
 */
int lk_eval__fact_test(const lk_law *law, const lk_facts *facts, int ci);


#endif
