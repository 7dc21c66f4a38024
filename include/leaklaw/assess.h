/*
 * leaklaw/assess.h: assessing a case under a law. An assessment holds,
 * for one case, the value of every element, the verdict of every lens
 * (classic, intervention2, leak-norm), the flags, the facts whose absence
 * keeps a verdict open ("missing"), the smallest changes of fact that
 * would change a verdict ("what-if") and the nearest precedents of a
 * library of real incidents. It is rendered by leaklaw/report.h.
 */
#ifndef LEAKLAW_ASSESS_H
#define LEAKLAW_ASSESS_H

#include "case.h"
#include "common.h"
#include "errors.h"
#include "law.h"

LK_BEGIN_DECL

/** An opaque assessment. */
typedef struct lk_assessment lk_assessment;

/** A library of assessed precedent cases. */
typedef struct lk_library lk_library;

/** Bit flags of lk_assess_options.flags. */
#define LK_ASSESS_NO_WHATIF 0x1u     /* skip the what-if search */
#define LK_ASSESS_NO_PRECEDENTS 0x2u /* skip precedents */

/** Options of lk_assess. */
typedef struct lk_assess_options {
    unsigned int version;      /* LK_ASSESS_OPTIONS_VERSION */
    unsigned int flags;        /* LK_ASSESS_* bits */
    const lk_library *library; /* precedents, or NULL for none */
    unsigned int max_what_if;  /* kept per lens and verdict, 0: 5 */
} lk_assess_options;

#define LK_ASSESS_OPTIONS_VERSION 1
#define LK_ASSESS_OPTIONS_INIT {LK_ASSESS_OPTIONS_VERSION, 0, NULL, 0}

/**
 * CONSTRUCTOR: assess case "c" under "law".
 *
 * The assessment borrows "law", "c" and the library: they must outlive
 * it. Deterministic: the same case and law give the same assessment.
 *
 * @param out  [out] the assessment
 * @param law  the law
 * @param c    the case
 * @param opts options, or NULL for the defaults
 * @param err  error detail
 * @return 0; LK_EINVALID if the case names an ATT&CK technique the law
 *         does not know (with its pointer); LK_ENOMEM.
 *         Owned by caller: release with lk_assessment_free.
 */
LK_EXTERN(int) lk_assess(lk_assessment **out, const lk_law *law,
                         const lk_case *c, const lk_assess_options *opts,
                         lk_error *err);

/** DESTRUCTOR: free "a". NULL is allowed. */
LK_EXTERN(void) lk_assessment_free(lk_assessment *a);

/**
 * METHOD: the verdict of lens "lens" ("classic", "intervention2",
 * "leak-norm"): "breach", "likely-breach", "undetermined",
 * "unlikely-breach" or "no-breach"; NULL for an unknown lens.
 * Borrowed: a static string.
 */
LK_EXTERN(const char *) lk_assessment_verdict(const lk_assessment *a,
                                              const char *lens);

/**
 * METHOD: the status of element or flag "id" ("met", "not-met",
 * "undetermined"; flags "raised", "not-raised", "undetermined"), and its
 * level in "*level" (NULL when none). NULL for an unknown id.
 * Borrowed: static strings or strings of the law.
 */
LK_EXTERN(const char *) lk_assessment_status(const lk_assessment *a,
                                             const char *id,
                                             const char **level);

/**
 * METHOD: 1 if rule "rule_id" applied (its condition held and no
 * exception defeated it), 0 otherwise.
 */
LK_EXTERN(int) lk_assessment_rule_applied(const lk_assessment *a,
                                          const char *rule_id);

/**
 * CONSTRUCTOR: load and assess every case file (*.json, *.yaml, *.yml)
 * in "dir", sorted by name, as a library of precedents.
 *
 * @return 0; LK_EINVALID (a case is invalid, with its location); LK_EIO;
 *         LK_ENOMEM. Owned by caller: release with lk_library_free.
 */
LK_EXTERN(int) lk_library_load(lk_library **out, const lk_law *law,
                               const char *dir, lk_error *err);

/**
 * CONSTRUCTOR: an empty library, to fill with lk_library_add_text (cases
 * from a store, say). Owned by caller: release with lk_library_free.
 * @return 0 or LK_ENOMEM.
 */
LK_EXTERN(int) lk_library_new(lk_library **out, lk_error *err);

/**
 * METHOD: parse "len" bytes of "text" named "name" as a case, assess it
 * under "law" (no what-if, no precedents) and add it to "lib".
 * @return 0; LK_EINVALID (the case, with its location); LK_ETOOBIG (more
 *         than 10,000 cases); LK_ENOMEM.
 */
LK_EXTERN(int) lk_library_add_text(lk_library *lib, const lk_law *law,
                                   const char *name, const char *text,
                                   size_t len, lk_error *err);

/** METHOD: number of cases in the library. */
LK_EXTERN(size_t) lk_library_count(const lk_library *lib);

/** METHOD: case "i". Borrowed: valid until lk_library_free. */
LK_EXTERN(const lk_case *) lk_library_case(const lk_library *lib, size_t i);

/** METHOD: assessment of case "i". Borrowed: valid until lk_library_free. */
LK_EXTERN(const lk_assessment *) lk_library_assessment(
    const lk_library *lib, size_t i);

/** DESTRUCTOR: free "lib". NULL is allowed. */
LK_EXTERN(void) lk_library_free(lk_library *lib);

#define LK_LIBRARY_MAX_LENSES 8 /* lenses counted by lk_library_stats */

/** Leave-one-out statistics of a library's precedents. */
typedef struct lk_library_stats {
    size_t ncases;    /* cases of the library */
    size_t compared;  /* cases that have a nearest precedent */
    size_t nlenses;   /* lenses of the law, in model order */
    size_t lens[LK_LIBRARY_MAX_LENSES];  /* their target indexes */
    size_t agree[LK_LIBRARY_MAX_LENSES]; /* cases whose nearest precedent
                                            has the same verdict */
    size_t *nearest;  /* per case: its nearest precedent, (size_t)-1: none */
    size_t *chosen;   /* per case: how often it is another's nearest */
} lk_library_stats;

/**
 * Leave-one-out over "lib": each case is compared with the library minus
 * itself (the precedents of lk_assess, docs/method.md) and its nearest
 * precedent's verdict under each lens compared with its own.
 *
 * @param out [out] the statistics; release with lk_library_stats_dispose
 * @return 0; LK_ENOMEM.
 */
LK_EXTERN(int) lk_library_stats_init(lk_library_stats *out,
                                     const lk_law *law,
                                     const lk_library *lib, lk_error *err);

/** Free the arrays of "s" (not "s" itself). NULL is allowed. */
LK_EXTERN(void) lk_library_stats_dispose(lk_library_stats *s);

LK_END_DECL

#endif
