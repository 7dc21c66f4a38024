/*
 * leaklaw/store.h: the embedded store, one SQLite database file holding
 * imported cases (searchable with FTS5) and saved assessments (the
 * verdict history of each case). The bundled library and positions can
 * be added to a connection's search without being written to the file.
 * The schema is versioned and migrated forward when a store is opened.
 */
#ifndef LEAKLAW_STORE_H
#define LEAKLAW_STORE_H

#include "case.h"
#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

/** An open store: one connection to one database file. */
typedef struct lk_store lk_store;

/** The schema version this library writes (PRAGMA user_version). */
#define LK_STORE_SCHEMA_VERSION 3

/** Default wait for another process's write lock, in milliseconds. */
#define LK_STORE_BUSY_TIMEOUT_MS 5000

/** Most search hits reported by one lk_store_search. */
#define LK_STORE_SEARCH_MAX 1000

/** Most lens verdicts kept for one saved assessment. */
#define LK_STORE_MAX_LENSES 8

/** Bit flags of lk_store_options.flags. */
#define LK_STORE_READONLY 0x1u /* never write, never create, never migrate */

/** Options of lk_store_open. */
typedef struct lk_store_options {
    unsigned int version;         /* LK_STORE_OPTIONS_VERSION */
    unsigned int flags;           /* LK_STORE_* bits */
    unsigned int busy_timeout_ms; /* 0: LK_STORE_BUSY_TIMEOUT_MS */
} lk_store_options;

#define LK_STORE_OPTIONS_VERSION 1
#define LK_STORE_OPTIONS_INIT {LK_STORE_OPTIONS_VERSION, 0, 0}

/**
 * CONSTRUCTOR: open (creating it if needed) the store at "path" and
 * migrate its schema to LK_STORE_SCHEMA_VERSION in one transaction. The
 * connection uses WAL mode, foreign keys and a busy timeout. A file that
 * is not a leaklaw store, is corrupted or has a newer schema is refused
 * and left as it is.
 *
 * @param out  [out] the store
 * @param path database file; NULL for a private in-memory store
 * @param opts options, or NULL for the defaults
 * @param err  error detail (its file is "path")
 * A store opened with LK_STORE_READONLY whose folder cannot be written
 * (so a WAL database's shared-memory file cannot be made) is read as an
 * immutable file.
 *
 * @return 0; LK_ECONFLICT (a newer schema, or locked past the timeout);
 *         LK_EIO (not a leaklaw database, corrupted, cannot be opened,
 *         or read-only when a migration is needed); LK_ENOMEM.
 *         Owned by caller: release with lk_store_close.
 */
LK_EXTERN(int) lk_store_open(lk_store **out, const char *path,
                             const lk_store_options *opts, lk_error *err);

/** DESTRUCTOR: close "st", rolling back an open transaction. NULL ok. */
LK_EXTERN(void) lk_store_close(lk_store *st);

/**
 * METHOD: the file name of "st" (":memory:" for an in-memory store).
 * Borrowed: valid until lk_store_close.
 */
LK_EXTERN(const char *) lk_store_path(const lk_store *st);

/**
 * METHOD: begin a write transaction, taking the write lock now (waiting
 * up to the busy timeout for another process). Every write between
 * lk_store_begin and lk_store_commit lands together or not at all.
 *
 * @return 0; LK_ECONFLICT (locked); LK_EIO (read-only); LK_ERROR.
 */
LK_EXTERN(int) lk_store_begin(lk_store *st, lk_error *err);

/** METHOD: commit the open transaction. @return as lk_store_begin. */
LK_EXTERN(int) lk_store_commit(lk_store *st, lk_error *err);

/** METHOD: roll back the open transaction, if any. Cannot fail. */
LK_EXTERN(void) lk_store_rollback(lk_store *st);

/**
 * METHOD: write validated case "c" into the store, replacing a stored
 * case of the same id; "text" ("len" bytes) is the file as read, kept
 * for lk_store_case_get. Must be called inside lk_store_begin/commit.
 *
 * @return 0; LK_EEXISTS (the id was already put in this transaction);
 *         LK_EIO, LK_ECONFLICT, LK_EINVALID (see lk_store_open); LK_ENOMEM.
 */
LK_EXTERN(int) lk_store_case_put(lk_store *st, const lk_case *c,
                                 const char *text, size_t len,
                                 lk_error *err);

/**
 * METHOD: add case "c" of the bundled library to this connection's
 * listing and search, without writing the file. A stored case of the
 * same id hides it.
 *
 * @return 0; LK_EEXISTS (a bundled case of that id is already added);
 *         LK_ENOMEM; LK_ERROR.
 */
LK_EXTERN(int) lk_store_bundle_case(lk_store *st, const lk_case *c,
                                    const char *text, size_t len,
                                    lk_error *err);

/**
 * METHOD: add the national position "text" ("len" bytes of a
 * leaklaw/position/1 JSON file named "name") to this connection's search:
 * its title, party name and the text of each quotation. A JSON file of
 * another format is skipped (returns 0, adds nothing).
 *
 * @return 0; LK_EINVALID (not JSON, or a position without an id, with
 *         line and column); LK_ENOMEM; LK_ERROR.
 */
LK_EXTERN(int) lk_store_bundle_position(lk_store *st, const char *name,
                                        const char *text, size_t len,
                                        lk_error *err);

/** A case listed by lk_store_cases_foreach. Strings are borrowed. */
typedef struct lk_store_case_info {
    const char *id;          /* case id */
    const char *title;       /* title, or the id */
    const char *origin;      /* "store" or "bundled" */
    const char *sha256;      /* hex SHA-256 of the file's bytes */
    const char *imported_at; /* ISO 8601 UTC, NULL for a bundled case */
} lk_store_case_info;

/** Callback of the foreach functions: non-zero stops the walk. */
typedef int (*lk_store_case_cb)(const lk_store_case_info *info,
                                void *payload);

/**
 * METHOD: call "cb" for every case, stored and bundled (a stored case
 * hides a bundled one of the same id), sorted by id. "info" is valid for
 * the call only.
 *
 * @return 0 (also when "cb" stopped the walk); errors of lk_store_open.
 */
LK_EXTERN(int) lk_store_cases_foreach(lk_store *st, lk_store_case_cb cb,
                                      void *payload, lk_error *err);

/**
 * METHOD: the file text of case "id" (stored first, else bundled).
 *
 * @param text_out [out] NUL-terminated text. Owned by caller: release
 *                 with lk_store_text_free.
 * @param len_out  [out] its length, may be NULL
 * @param origin_out [out] "store" or "bundled" (static), may be NULL
 * @return 0; LK_ENOTFOUND; LK_ENOMEM; errors of lk_store_open.
 */
LK_EXTERN(int) lk_store_case_get(lk_store *st, const char *id,
                                 char **text_out, size_t *len_out,
                                 const char **origin_out, lk_error *err);

/** DESTRUCTOR: free a text returned by the store. NULL is allowed. */
LK_EXTERN(void) lk_store_text_free(char *text);

/** A search hit. Strings are borrowed for the callback's duration. */
typedef struct lk_store_hit {
    const char *kind;    /* "case" or "position" */
    const char *id;      /* case or position id */
    const char *title;   /* title */
    const char *snippet; /* matched text, the terms in [brackets] */
    const char *origin;  /* "store" or "bundled" */
    double rank;         /* FTS5 bm25: lower is better */
} lk_store_hit;

typedef int (*lk_store_hit_cb)(const lk_store_hit *hit, void *payload);

/**
 * METHOD: full-text search of titles, summaries, facts and sources of
 * every case, and of the bundled positions. "text" is a list of words,
 * all of which must match (a word ending in '*' matches as a prefix);
 * no query syntax is interpreted. At most "max" hits (0 or more than
 * LK_STORE_SEARCH_MAX: LK_STORE_SEARCH_MAX), best first.
 *
 * @return 0; LK_EINVALID (no word to search for); errors of lk_store_open.
 */
LK_EXTERN(int) lk_store_search(lk_store *st, const char *text, size_t max,
                               lk_store_hit_cb cb, void *payload,
                               lk_error *err);

/** One lens verdict of a saved assessment. */
typedef struct lk_store_verdict {
    const char *lens;    /* lens id, e.g. "classic" */
    const char *verdict; /* e.g. "breach" */
} lk_store_verdict;

/**
 * A saved assessment. To save, the caller fills every field but "seq";
 * the history returns them filled, borrowed for the callback's duration.
 */
typedef struct lk_store_record {
    long long seq;             /* order of saving (history only) */
    const char *case_id;       /* the case's id */
    const char *case_sha256;   /* SHA-256 of the case file's bytes */
    const char *rules_name;    /* the law's name */
    const char *rules_version; /* the law's version */
    const char *rules_sha256;  /* SHA-256 of the law's data */
    const char *profile;       /* the profile assessed under */
    const char *saved_at;      /* ISO 8601 UTC, e.g. 2026-11-30T18:00:00Z */
    const char *assessment;    /* the assessment JSON, or NULL */
    size_t nverdicts;          /* entries of "verdicts" */
    lk_store_verdict verdicts[LK_STORE_MAX_LENSES]; /* in the law's order */
} lk_store_record;

/**
 * METHOD: save "rec". Inside lk_store_begin/commit it joins that
 * transaction, otherwise it is its own transaction.
 *
 * @return 0; LK_EINVALID (more than LK_STORE_MAX_LENSES verdicts);
 *         errors of lk_store_begin.
 */
LK_EXTERN(int) lk_store_record_save(lk_store *st, const lk_store_record *rec,
                                    lk_error *err);

typedef int (*lk_store_record_cb)(const lk_store_record *rec, void *payload);

/**
 * METHOD: call "cb" for every saved assessment of case "case_id", oldest
 * first (the "assessment" field is NULL here).
 *
 * @return 0; LK_ENOTFOUND (none saved); errors of lk_store_open.
 */
LK_EXTERN(int) lk_store_history_foreach(lk_store *st, const char *case_id,
                                        lk_store_record_cb cb, void *payload,
                                        lk_error *err);

LK_END_DECL

#endif
