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

/* ---- the facts a case states, each with its own sources ------------ */

#define LK_CASE_STRING_MAX 65536 /* bytes of a case's longest string */
#define LK_CASE_POINTER_MAX 128 /* bytes of a fact's JSON pointer */
#define LK_CASE_MAX_CITES 1000  /* sources of one value: a case's longest
                                   list, so every one is kept */
#define LK_CASE_MAX_ITEMS 32    /* entries kept of a list value */
#define LK_CASE_TEXT_MAX 512    /* bytes of a value that is not a string */
#define LK_CASE_MAX_COUNTS 64   /* counts of an evidence summary (a case
                                   with more is invalid) */

/** What a stated value is. */
typedef enum lk_case_value_kind {
    LK_CASE_VALUE_NULL = 0,   /* explicitly unknown */
    LK_CASE_VALUE_STRING = 1,
    LK_CASE_VALUE_BOOL = 2,
    LK_CASE_VALUE_INTEGER = 3,
    LK_CASE_VALUE_LIST = 4    /* a list of names */
} lk_case_value_kind;

/** A fact the case states: one value of its sections of facts. */
typedef struct lk_case_fact_info {
    char pointer[LK_CASE_POINTER_MAX]; /* e.g. "/access/0/attack" */
    int disputed;                      /* 1: competing values */
    size_t nvalues;                    /* 1, or the competing values */
} lk_case_fact_info;

/**
 * One value of a stated fact with what supports it: the value's own
 * "cite" when the fact is given wrapped ({"value", "cite", "note"}) or is
 * one side of a dispute; else the "cite" of the nearest enclosing object,
 * else the case's. Strings are borrowed: valid until lk_case_free.
 */
typedef struct lk_case_value_info {
    lk_case_value_kind kind;
    const char *string;     /* LK_CASE_VALUE_STRING: the string */
    int boolean;            /* LK_CASE_VALUE_BOOL: 0 or 1 */
    long long integer;      /* LK_CASE_VALUE_INTEGER */
    size_t nitems;          /* LK_CASE_VALUE_LIST: entries of "items" */
    const char *items[LK_CASE_MAX_ITEMS];
    char text[LK_CASE_TEXT_MAX]; /* any kind but a string as text: "true",
                                    "19252", "a, b"; "unknown" for null */
    const char *note;       /* the value's own note, or NULL */
    int own_cites;          /* 1 if "cites" are the value's own */
    size_t ncites;          /* entries of "cites" */
    const char *cites[LK_CASE_MAX_CITES]; /* case source ids */
} lk_case_value_info;

/**
 * METHOD: number of facts "c" states: every value under actor, victim,
 * access, disclosure, content, context, effects and purpose (but "cite",
 * "x-" keys and explicit nulls), in file order. Cannot fail.
 */
LK_EXTERN(size_t) lk_case_fact_count(const lk_case *c);

/** METHOD: stated fact "i" (< lk_case_fact_count) in "out". Cannot fail. */
LK_EXTERN(void) lk_case_fact(const lk_case *c, size_t i,
                             lk_case_fact_info *out);

/**
 * METHOD: value "k" (< nvalues of lk_case_fact) of stated fact "i" in
 * "out". Cannot fail.
 */
LK_EXTERN(void) lk_case_fact_value(const lk_case *c, size_t i, size_t k,
                                   lk_case_value_info *out);

/**
 * Called by lk_case_fact_foreach for stated fact "i": "info" as
 * lk_case_fact gives it, "value" as lk_case_fact_value(c, i, 0) gives it
 * (both borrowed for the call). Nonzero stops the walk.
 */
typedef int (*lk_case_fact_cb)(size_t i, const lk_case_fact_info *info,
                               const lk_case_value_info *value,
                               void *payload);

/**
 * METHOD: call "cb" with "payload" for every stated fact of "c" in order,
 * in one walk of the case (lk_case_fact and lk_case_fact_value each walk
 * it up to fact "i", which costs a renderer of every fact the square of
 * their number). Returns the callback's nonzero value, or 0.
 */
LK_EXTERN(int) lk_case_fact_foreach(const lk_case *c, lk_case_fact_cb cb,
                                    void *payload);

/** METHOD: the index of the fact stated at "pointer", or -1. */
LK_EXTERN(int) lk_case_fact_find(const lk_case *c, const char *pointer);

/**
 * METHOD: the date the case's facts are current to: the latest "accessed"
 * or "date" of its /sources (ISO 8601, possibly partial), or NULL when
 * none has one. Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_facts_date(const lk_case *c);

/** An item of the case's /evidence. */
typedef struct lk_case_evidence_info {
    const char *kind;  /* e.g. "mail-verification", or NULL */
    const char *ref;   /* what was examined, or NULL */
    size_t ncounts;    /* entries of "count_name" and "count" */
    const char *count_name[LK_CASE_MAX_COUNTS]; /* the summary's counts */
    long long count[LK_CASE_MAX_COUNTS];        /* (messages, verdicts) */
    size_t ncites;     /* entries of "cites" */
    const char *cites[LK_CASE_MAX_CITES]; /* case source ids */
} lk_case_evidence_info;

/** METHOD: number of entries of /evidence. Cannot fail. */
LK_EXTERN(size_t) lk_case_evidence_count(const lk_case *c);

/**
 * METHOD: evidence item "i" in "out": its kind, ref, the integer counts
 * of its summary (top-level ones, then those of its "verdicts") and its
 * sources. Strings are borrowed: valid until lk_case_free. Cannot fail.
 */
LK_EXTERN(void) lk_case_evidence(const lk_case *c, size_t i,
                                 lk_case_evidence_info *out);

/** METHOD: number of notes of the case's "x-notes" (pointer: text). */
LK_EXTERN(size_t) lk_case_note_count(const lk_case *c);

/**
 * METHOD: note "i" of "x-notes": "*pointer" the fact it is about, and
 * its text (or "?" when not a string). Borrowed: valid until
 * lk_case_free.
 */
LK_EXTERN(const char *) lk_case_note(const lk_case *c, size_t i,
                                     const char **pointer);

/** METHOD: number of verdicts the case's "expected" states. */
LK_EXTERN(size_t) lk_case_expected_count(const lk_case *c);

/**
 * METHOD: expected verdict "i": "*lens" the lens id, the verdict as
 * return value. Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_expected(const lk_case *c, size_t i,
                                         const char **lens);

/**
 * METHOD: the "why" of the case's "expected", or NULL.
 * Borrowed: valid until lk_case_free.
 */
LK_EXTERN(const char *) lk_case_expected_why(const lk_case *c);

/** DESTRUCTOR: free "c". NULL is allowed. */
LK_EXTERN(void) lk_case_free(lk_case *c);

LK_END_DECL

#endif
