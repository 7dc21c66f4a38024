/*
 * store_int.h: what the files of src/store/ share: the connection
 * struct, the mapping of SQLite results to lk_error, the migrations and
 * the position reader. Nothing outside src/store/ sees sqlite3.h.
 */
#ifndef LK_STORE_STORE_INT_H
#define LK_STORE_STORE_INT_H

#include <sqlite3.h>

#include "leaklaw/store.h"

/* 'LKLW': PRAGMA application_id of every leaklaw store. */
#define LK_STORE_APPLICATION_ID 0x4c4b4c57

/* Longest text of one searchable field built from a case, in bytes. */
#define LK_STORE_FIELD_MAX ((size_t)1 << 20)

/* Most positions' quotations indexed from one file. */
#define LK_STORE_POSITION_QUOTES_MAX 10000

struct lk_store {
    sqlite3 *db;          /* the connection */
    char *path;           /* file name, ":memory:" for none */
    unsigned busy_ms;     /* busy timeout, milliseconds */
    int in_tx;            /* 1 inside lk_store_begin/commit */
    int readonly;         /* 1 opened with LK_STORE_READONLY */
    int bundle_ready;     /* 1 once the temp tables of the bundle exist */
    int last_rc;          /* SQLite result of the last failure */
};

/*
 * Fill "err" for SQLite result "rc" of "st" (the connection's message
 * copied before any other call), naming the file; returns the lk_status:
 * LK_ECONFLICT for a lock held past the timeout, LK_EIO for read-only,
 * I/O, a corrupted file or not a database, LK_ENOMEM, else LK_ERROR.
 * Records "rc" in "st->last_rc".
 */
int lk_store__fail(lk_store *st, int rc, lk_error *err);

/* Run the SQL "sql" (several statements allowed) on "st". */
int lk_store__exec(lk_store *st, const char *sql, lk_error *err);

/* Prepare "sql" into "*out"; on failure "err" is set. */
int lk_store__prepare(lk_store *st, sqlite3_stmt **out, const char *sql,
                      lk_error *err);

/* Number of migrations: the schema version they lead to. */
int lk_store__migration_count(void);

/*
 * Apply the migrations after the schema version "from" up to "to" on
 * the open transaction of "st", setting PRAGMA user_version. Used by
 * lk_store_open and by the tests (to build every earlier version).
 */
int lk_store__migrate(lk_store *st, int from, int to, lk_error *err);

/*
 * Tests only: open (creating) the file "path" and migrate it from its
 * version to "version" (<= LK_STORE_SCHEMA_VERSION), without the checks
 * of lk_store_open, to build a database of an earlier schema.
 * Owned by caller: release with lk_store_close.
 */
int lk_store__open_version(lk_store **out, const char *path, int version,
                           lk_error *err);

/*
 * Create the temp tables of the bundle (cases and positions added to
 * one connection only) if they do not exist yet.
 */
int lk_store__bundle_ready(lk_store *st, lk_error *err);

/* A position read for the search: each string owned by the struct. */
typedef struct lk_store_position {
    char *id;      /* position id */
    char *title;   /* document title, or "" */
    char *name;    /* the party's name, or "" */
    char *quotes;  /* every quotation's text, one per line */
} lk_store_position;

/*
 * Read position JSON "text" ("len" bytes, named "name"): returns 0 with
 * "*out" filled, 1 when the file is JSON of another format (nothing
 * filled), LK_EINVALID (with line and column), LK_ETOOBIG or LK_ENOMEM.
 */
int lk_store__position_read(lk_store_position *out, const char *name,
                            const char *text, size_t len, lk_error *err);

/* Free the strings of "p". Cannot fail. */
void lk_store__position_dispose(lk_store_position *p);

#endif
