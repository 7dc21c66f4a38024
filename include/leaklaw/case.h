/*
 * leaklaw/case.h: case files (format "leaklaw/case/1", JSON or YAML).
 * A case holds the facts of one incident; any fact may be missing, and a
 * missing fact is unknown. Parsing validates the file exactly against the
 * format (DESIGN §3.1) and reports every problem with file, line, column
 * and JSON pointer.
 */
#ifndef LEAKLAW_CASE_H
#define LEAKLAW_CASE_H

#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

/** An opaque, immutable, validated case. */
typedef struct lk_case lk_case;

/** Largest number of diagnostics reported for one file. */
#define LK_CASE_MAX_DIAGS 100

/**
 * CONSTRUCTOR: read and validate the case file at "path".
 *
 * Every validation problem is passed to "cb" (which may be NULL) as one
 * diagnostic with file, line, column and pointer; the first one is also
 * copied into "err".
 *
 * @param out     [out] the case
 * @param path    file to read (".yaml"/".yml" is YAML, otherwise sniffed)
 * @param cb      diagnostic callback, or NULL
 * @param payload passed to cb
 * @param err     error detail, may be NULL
 * @return 0; LK_EINVALID if the file is not a valid case; LK_EIO if it
 *         cannot be read; LK_ENOMEM. On error "*out" is untouched.
 *         Owned by caller: release with lk_case_free.
 */
LK_EXTERN(int) lk_case_load(lk_case **out, const char *path, lk_diag_cb cb,
                            void *payload, lk_error *err);

/**
 * CONSTRUCTOR: as lk_case_load, from "len" bytes of "data" named "name".
 * "data" is copied. Owned by caller: release with lk_case_free.
 */
LK_EXTERN(int) lk_case_parse(lk_case **out, const char *name,
                             const char *data, size_t len, lk_diag_cb cb,
                             void *payload, lk_error *err);

/**
 * METHOD: the case id. Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_id(const lk_case *c);

/**
 * METHOD: the case title, or the id when it has none.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_title(const lk_case *c);

/**
 * METHOD: lowercase hex SHA-256 of the file's bytes as read.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_sha256(const lk_case *c);

/**
 * METHOD: the file name the case was read from.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_path(const lk_case *c);

/**
 * METHOD: check that every object of "c" that states facts (actor,
 * actor.attribution, victim, each access entry, disclosure, content,
 * context, effects, purpose) cites a source, directly or through the
 * case's top-level "cite". Each object without one is a diagnostic.
 *
 * @return 0 or LK_EINVALID ("err" holds the first diagnostic).
 */
LK_EXTERN(int) lk_case_check_citations(const lk_case *c, lk_diag_cb cb,
                                       void *payload, lk_error *err);

/**
 * METHOD: the case's summary, or NULL when it has none.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_summary(const lk_case *c);

/** A source of fact listed in a case's /sources. */
typedef struct lk_case_source_info {
    const char *id;    /* id the case's "cite" arrays use */
    const char *title; /* title, or NULL */
    const char *url;   /* address, or NULL */
    const char *date;  /* ISO 8601 date, or NULL */
    /* appended; each NULL when the case does not give it: */
    const char *kind;      /* treaty, judgment, ..., press, other */
    const char *publisher; /* who published it */
    const char *pinpoint;  /* page, paragraph or section relied on */
    const char *quote;     /* the words relied on, verbatim */
    const char *accessed;  /* YYYY-MM-DD the address was read */
    const char *archived;  /* address of an archived copy */
    const char *status;    /* "confirmed" or "unconfirmed" */
} lk_case_source_info;

/** METHOD: number of entries of /sources. Cannot fail. */
LK_EXTERN(size_t) lk_case_source_count(const lk_case *c);

/**
 * METHOD: source "i" (< lk_case_source_count) in "out"; its strings are
 * borrowed: valid until lk_case_free. Cannot fail.
 */
LK_EXTERN(void) lk_case_source(const lk_case *c, size_t i,
                               lk_case_source_info *out);

/** METHOD: number of points the case marks as unconfirmed (x-unconfirmed). */
LK_EXTERN(size_t) lk_case_unconfirmed_count(const lk_case *c);

/**
 * METHOD: unconfirmed point "i", or "?" when it is not a string.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_unconfirmed(const lk_case *c, size_t i);

/** DESTRUCTOR: free "c". NULL is allowed. */
LK_EXTERN(void) lk_case_free(lk_case *c);

LK_END_DECL

#endif
