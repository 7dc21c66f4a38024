/*
 * explain.h: reading an assessment. What each target of the law (score,
 * element, lens, flag) came to and why, the facts relied on and those
 * missing, the what-if changes, the precedents and the chart grid. The
 * renderers, the command-line tool and the server read assessments only
 * through these functions; nothing here allocates.
 */
#ifndef LEAKLAW_EXPLAIN_H
#define LEAKLAW_EXPLAIN_H

#include "assess.h"
#include "case.h"
#include "common.h"
#include "errors.h"
#include "law.h"

LK_BEGIN_DECL

#define LK_EXPLAIN_MAX_FACTS 32    /* facts of the case vocabulary */
#define LK_EXPLAIN_MAX_CITES 32    /* law sources kept for a caveat or a
                                      vocabulary */
#define LK_EXPLAIN_MAX_FACT_CITES LK_CASE_MAX_CITES /* case sources of one
                                      fact: every one */
#define LK_EXPLAIN_VALUE_MAX 512   /* bytes of one fact value as text */
#define LK_EXPLAIN_MAX_LEVELS 16   /* levels on the chart's y axis */
#define LK_EXPLAIN_MAX_SCORES 64   /* score values on the chart's x axis */

/** The law an assessment applied. Borrowed: valid while "a" lives. */
LK_EXTERN(const lk_law *) lk_assessment_law(const lk_assessment *a);

/** The case an assessment assessed. Borrowed: valid while "a" lives. */
LK_EXTERN(const lk_case *) lk_assessment_case(const lk_assessment *a);

/* ---- targets ------------------------------------------------------- */

/** What one target of the law came to. */
typedef struct lk_target_result {
    const char *status;   /* status id; the law's open status if undetermined */
    const char *level;    /* level when one outcome remains and is graded */
    int undetermined;     /* 1 if the status is not determined */
    int several;          /* 1 if several outcomes (status or level) remain */
    int score_min;        /* scores: lowest possible value */
    int score_max;        /* scores: highest possible value */
    int choice[2];        /* rules of an interpretive choice, or -1, -1 */
    size_t nunknown;      /* number of entries of "unknown" */
    int unknown[LK_EXPLAIN_MAX_FACTS]; /* facts (lk_explain_fact_info) that
                                           could change it, when several */
} lk_target_result;

/**
 * METHOD: the result of target "t" (< lk_law_target_count) in "out".
 * Cannot fail.
 */
LK_EXTERN(void) lk_explain_target(const lk_assessment *a, size_t t,
                                  lk_target_result *out);

/** One rule given as a reason for a target's result. */
typedef struct lk_reason {
    size_t rule; /* index for lk_law_rule */
    int applies; /* 1 applies; 0 may apply (it depends on unknown facts) */
} lk_reason;

/**
 * METHOD: the rules that decided target "t" (those that apply at the
 * deciding priority) and, while its result is open, those that may still
 * apply; for a score, its indicators that apply or may apply.
 * @param out [out] at most "max" reasons, highest priority first
 * @return the number written. Cannot fail.
 */
LK_EXTERN(size_t) lk_explain_reasons(const lk_assessment *a, size_t t,
                                     lk_reason *out, size_t max);

/** METHOD: rule "rule" applies (1), does not (0) or may (-1). */
LK_EXTERN(int) lk_explain_rule_state(const lk_assessment *a, size_t rule);

/* ---- rules (of the law) -------------------------------------------- */

/**
 * The rules of target "t", highest priority first (for a score: its
 * indicators), as indexes for lk_law_rule.
 * @return the number written to "out" (at most "max"). Cannot fail.
 */
LK_EXTERN(size_t) lk_explain_target_rules(const lk_law *law, size_t t,
                                          size_t *out, size_t max);

/**
 * The case facts rule "rule" reads, derived facts expanded into the facts
 * they come from, in vocabulary order.
 * @return the number written to "out" (at most "max"). Cannot fail.
 */
LK_EXTERN(size_t) lk_explain_rule_facts(const lk_law *law, size_t rule,
                                        int *out, size_t max);

/**
 * The targets (elements, scores, lenses, flags) rule "rule" reads, in
 * model order. @return the number written (at most "max"). Cannot fail.
 */
LK_EXTERN(size_t) lk_explain_rule_targets(const lk_law *law, size_t rule,
                                          size_t *out, size_t max);

/** The signed weight of score indicator "rule"; 0 for other rules. */
LK_EXTERN(int) lk_explain_rule_weight(const lk_law *law, size_t rule);

/* ---- facts --------------------------------------------------------- */

/** A fact of the case vocabulary. */
typedef struct lk_fact_info {
    const char *pointer; /* JSON pointer in a case, e.g. "/actor/kind" */
    const char *label;   /* short English label */
    int derived;         /* 1 if computed from other facts, never stated */
} lk_fact_info;

/** Number of facts of the vocabulary: stated ones, then derived ones. */
LK_EXTERN(size_t) lk_explain_fact_count(void);

/** Fact "f" (< lk_explain_fact_count) in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_fact_info(size_t f, lk_fact_info *out);

/** The value of one fact in an assessed case. */
typedef struct lk_fact_view {
    int known;                         /* 0: unknown */
    char value[LK_EXPLAIN_VALUE_MAX];  /* the value as text, "unknown" */
    size_t ncites;                     /* entries of "cites" */
    const char *cites[LK_EXPLAIN_MAX_FACT_CITES]; /* case source ids supporting
                                               it (borrowed from the case):
                                               a wrapped fact's own "cite",
                                               a disputed one's sides', else
                                               its object's */
    int from_evidence;                 /* 1: derived from an evidence item */
    size_t evidence;                   /* that item's index in /evidence
                                          (also when evidence_text is set) */
    /* the attribution's confidence stated in an agency's words: */
    const char *phrase;      /* the words of the case, e.g. "Highly likely"
                                (borrowed from the case), or NULL when the
                                case states a level or nothing */
    const char *vocabulary;  /* the vocabulary of those words, e.g. "UK PHIA
                                probability yardstick" (" / "-joined when
                                several use them), or NULL */
    size_t nvocabulary_cites; /* entries of "vocabulary_cites" */
    const char *vocabulary_cites[LK_EXPLAIN_MAX_CITES]; /* law source ids:
                                the vocabulary's, then the calibration's */
    /* what the law's evidence rules read into the case's evidence: */
    const char *evidence_rule; /* id of the rule of rules/evidence.json that
                                  applied to item "evidence", whether it
                                  gave the value (from_evidence) or left the
                                  fact unknown; NULL if none did */
    const char *evidence_text; /* that rule's text: what the evidence shows
                                  and what it does not, or NULL */
    size_t nevidence_cites;    /* entries of "evidence_cites" */
    const char *evidence_cites[LK_EXPLAIN_MAX_CITES]; /* the rule's law
                                  source ids */
    int disputed;                      /* 1: the case states competing
                                          values (lk_case_fact_value) */
} lk_fact_view;

/** METHOD: fact "f" of the assessed case in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_fact(const lk_assessment *a, size_t f,
                                lk_fact_view *out);

/* ---- what-if ------------------------------------------------------- */

/** One change of fact. */
typedef struct lk_change_view {
    int fact;                       /* lk_explain_fact_info index */
    char from[LK_EXPLAIN_VALUE_MAX]; /* the value now */
    char to[LK_EXPLAIN_VALUE_MAX];   /* the value supposed */
} lk_change_view;

/** A change of one or two facts that changes a lens's verdict. */
typedef struct lk_whatif_view {
    size_t lens;               /* target index of the lens */
    const char *verdict;       /* the verdict it would give */
    size_t nchanges;           /* 1 or 2 */
    lk_change_view change[2];  /* the changes */
} lk_whatif_view;

/** METHOD: 1 if the what-if search ran for "a". */
LK_EXTERN(int) lk_explain_whatif_done(const lk_assessment *a);

/** METHOD: number of what-if entries, ranked per lens. */
LK_EXTERN(size_t) lk_explain_whatif_count(const lk_assessment *a);

/** METHOD: what-if entry "i" in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_whatif(const lk_assessment *a, size_t i,
                                  lk_whatif_view *out);

/**
 * METHOD: how many further changes (of other facts than those listed for
 * the same lens and verdict) also change a verdict but were left out by
 * the cap of entries per lens and verdict (lk_assess_options.max_what_if).
 * The search covers every single change and every pair of changes of two
 * facts (docs/method.md): when lk_explain_whatif_count is 0 no such
 * change changes any verdict.
 */
LK_EXTERN(size_t) lk_explain_whatif_more(const lk_assessment *a);

/* ---- precedents ---------------------------------------------------- */

#define LK_EXPLAIN_MAX_POINTS 64 /* decisive elements of one precedent */

/** A decisive element compared between a case and a precedent. */
typedef struct lk_precedent_point {
    size_t element;         /* target index of the element */
    const char *status;     /* its status in the case assessed */
    const char *precedent;  /* its status in the precedent */
} lk_precedent_point;

/**
 * A precedent from the case library. The similarity compares the
 * decisive elements (those the lenses' rules read) the case has decided
 * and the key facts it knows; what the precedent leaves undetermined or
 * unknown earns no credit (docs/method.md).
 */
typedef struct lk_precedent_view {
    const lk_case *c;                 /* the precedent (borrowed) */
    const lk_assessment *assessment;  /* its assessment (borrowed) */
    int similarity;                   /* 0..1000, per mille */
    size_t nagrees;                   /* entries of "agrees" */
    lk_precedent_point agrees[LK_EXPLAIN_MAX_POINTS]; /* decisive elements
                                         of the same status, model order */
    size_t ndiffers;                  /* entries of "differs" */
    lk_precedent_point differs[LK_EXPLAIN_MAX_POINTS]; /* decisive elements
                                         decided otherwise, model order */
} lk_precedent_view;

/** METHOD: number of precedents found (0 without a library). */
LK_EXTERN(size_t) lk_explain_precedent_count(const lk_assessment *a);

/** METHOD: precedent "i", nearest first, in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_precedent(const lk_assessment *a, size_t i,
                                     lk_precedent_view *out);

/* ---- the law's commentary ------------------------------------------ */

/** A caveat of the model, or a standard of proof of the profile. */
typedef struct lk_note_view {
    const char *subject;  /* standards: the element id; caveats: "" */
    const char *name;     /* standards: e.g. "clear and convincing"; "" */
    const char *text;     /* the caveat or the explanation */
    size_t ncites;        /* entries of "cites" */
    const char *cites[LK_EXPLAIN_MAX_CITES]; /* source ids */
} lk_note_view;

/** Number of caveats of the model. */
LK_EXTERN(size_t) lk_explain_caveat_count(const lk_law *law);
/** Caveat "i" in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_caveat(const lk_law *law, size_t i,
                                  lk_note_view *out);
/** Number of standards of proof of the profile. */
LK_EXTERN(size_t) lk_explain_standard_count(const lk_law *law);
/** Standard "i" in "out". Cannot fail. */
LK_EXTERN(void) lk_explain_standard(const lk_law *law, size_t i,
                                    lk_note_view *out);

/** The profile's title. Borrowed: valid until lk_law_free. */
LK_EXTERN(const char *) lk_law_profile_title(const lk_law *law);

/**
 * The profile's own sources in "out" (the profile's id as subject, its
 * title as name, no text). Cannot fail.
 */
LK_EXTERN(void) lk_explain_profile(const lk_law *law, lk_note_view *out);

/* ---- chart --------------------------------------------------------- */

/** The chart's grid: the lens's verdict for each score value and level. */
typedef struct lk_chart_grid {
    size_t lens;          /* target index of the lens drawn */
    size_t score;         /* target index of the score on the x axis */
    int x_min, x_max;     /* the score's range */
    size_t nlevels;       /* levels on the y axis, lowest first */
    const char *levels[LK_EXPLAIN_MAX_LEVELS]; /* their names */
    const char *y_title;  /* the y axis's title */
    const char *cell[LK_EXPLAIN_MAX_LEVELS][LK_EXPLAIN_MAX_SCORES];
                          /* verdict at [level][score - x_min] */
    int case_min, case_max; /* the case's possible scores */
    int case_level;       /* the case's level, or -1 when unknown */
} lk_chart_grid;

/**
 * METHOD: the grid of the chart the law's model defines, with the case's
 * other facts as they are.
 * @param out [out] the grid
 * @return 0, LK_ENOTFOUND when the model defines no chart, LK_ETOOBIG
 *         when the grid does not fit, LK_ENOMEM.
 */
LK_EXTERN(int) lk_explain_chart(lk_chart_grid *out, const lk_assessment *a,
                                lk_error *err);

/* ---- expected verdicts -------------------------------------------- */

/** A verdict the case file expects of a lens, and the one it got. */
typedef struct lk_expected_view {
    const char *lens;     /* the lens id */
    const char *expected; /* the verdict the case's "expected" states */
    const char *got;      /* the lens's verdict in the assessment */
    int matches;          /* 1 if they are the same */
} lk_expected_view;

/** METHOD: number of verdicts the assessed case expects. */
LK_EXTERN(size_t) lk_explain_expected_count(const lk_assessment *a);

/**
 * METHOD: expected verdict "i", in the order of the case file, in "out";
 * its strings are borrowed: valid while "a" lives. Cannot fail.
 */
LK_EXTERN(void) lk_explain_expected(const lk_assessment *a, size_t i,
                                    lk_expected_view *out);

LK_END_DECL

#endif
