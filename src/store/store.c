/*
 * store.c: opening and closing the store, its transactions, and the one
 * mapping of SQLite results to lk_error. Opening refuses a file that is
 * not a leaklaw store, is corrupted or has a newer schema, and migrates
 * an older one forward in one transaction; it never rewrites or deletes
 * a file it refuses.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "store_int.h"

int lk_store__fail(lk_store *st, int rc, lk_error *err)
{
    const char *why = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    const char *file = st->path;
    st->last_rc = rc;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return lk_error_set_at(err, LK_ECONFLICT, file, 0, 0, NULL,
                               "the database is locked by another process "
                               "(waited %u ms); nothing was written",
                               st->busy_ms);
    case SQLITE_READONLY:
        return lk_error_set_at(err, LK_EIO, file, 0, 0, NULL,
                               "the database is read-only (%s); nothing "
                               "was written", why);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return lk_error_set_at(err, LK_EIO, file, 0, 0, NULL,
                               "not a leaklaw database, or corrupted (%s); "
                               "the file was left as it is", why);
    case SQLITE_NOMEM:
        return lk_error_set_oom(err);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
        return lk_error_set_at(err, LK_EIO, file, 0, 0, NULL,
                               "cannot use the database (%s)", why);
    default:
        return lk_error_set_at(err, LK_ERROR, file, 0, 0, NULL,
                               "database error (%s)", why);
    }
}

int lk_store__exec(lk_store *st, const char *sql, lk_error *err)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return lk_store__fail(st, rc, err);
    return 0;
}

int lk_store__prepare(lk_store *st, sqlite3_stmt **out, const char *sql,
                      lk_error *err)
{
    int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
    if (rc != SQLITE_OK) {
        int error = lk_store__fail(st, rc, err);
        sqlite3_finalize(*out);
        *out = NULL;
        return error;
    }
    return 0;
}

/* The integer result of one-row statement "sql" (a PRAGMA) in "*out". */
static int store_int(lk_store *st, const char *sql, long long *out,
                     lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int error, rc;
    error = lk_store__prepare(st, &stmt, sql, err);
    if (error < 0)
        goto out;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else if (rc == SQLITE_DONE)
        *out = 0;
    else
        error = lk_store__fail(st, rc, err);
out:
    sqlite3_finalize(stmt);
    return error;
}

/* The schema version, application id and number of schema objects, read
 * in one statement: one snapshot, even while another process migrates. */
static int store_header(lk_store *st, long long *version, long long *app,
                        long long *objects, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int error, rc;
    error = lk_store__prepare(
        st, &stmt,
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_schema)", err);
    if (error < 0)
        return error;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int64(stmt, 0);
        *app = sqlite3_column_int64(stmt, 1);
        *objects = sqlite3_column_int64(stmt, 2);
    } else {
        error = lk_store__fail(st, rc, err);
    }
    sqlite3_finalize(stmt);
    return error;
}

/*
 * Refuse a database that is not a leaklaw store (another application's
 * id, or tables but no id) or whose schema is newer than this library's.
 * "*version" gets its schema version.
 */
static int store_check(lk_store *st, long long *version, lk_error *err)
{
    long long app = 0, objects = 0;
    int error = store_header(st, version, &app, &objects, err);
    if (error < 0)
        return error;
    if (app != LK_STORE_APPLICATION_ID && (app != 0 || objects > 0 ||
                                           *version != 0))
        return lk_error_set_at(err, LK_EIO, st->path, 0, 0, NULL,
                               "not a leaklaw database (another "
                               "application's tables); the file was left "
                               "as it is");
    if (*version > LK_STORE_SCHEMA_VERSION)
        return lk_error_set_at(err, LK_ECONFLICT, st->path, 0, 0, NULL,
                               "the database has schema version %lld, newer "
                               "than this leaklaw knows (%d): use a newer "
                               "leaklaw; the file was left as it is",
                               *version, LK_STORE_SCHEMA_VERSION);
    return 0;
}

/*
 * Bring the schema from "version" to LK_STORE_SCHEMA_VERSION in one
 * write transaction, re-reading the version under the lock (another
 * process may have migrated in between).
 */
static int store_migrate(lk_store *st, long long version, lk_error *err)
{
    int error;
    if (version >= LK_STORE_SCHEMA_VERSION)
        return 0;
    if (st->readonly || sqlite3_db_readonly(st->db, "main") == 1)
        return lk_error_set_at(err, LK_EIO, st->path, 0, 0, NULL,
                               "the database has schema version %lld and "
                               "needs migrating to %d, but it is read-only",
                               version, LK_STORE_SCHEMA_VERSION);
    error = lk_store_begin(st, err);
    if (error < 0)
        return error;
    error = store_check(st, &version, err);
    if (error == 0)
        error = lk_store__migrate(st, (int)version, LK_STORE_SCHEMA_VERSION,
                                  err);
    if (error == 0)
        return lk_store_commit(st, err);
    lk_store_rollback(st);
    return error;
}

/* Connection settings, then the checks and the migration. */
static int store_setup(lk_store *st, lk_error *err)
{
    long long version = 0;
    int error;
    sqlite3_busy_timeout(st->db, (int)st->busy_ms);
    error = lk_store__exec(st, "PRAGMA foreign_keys=ON", err);
    if (error == 0)
        error = store_check(st, &version, err);
    if (error == 0 && !st->readonly &&
        sqlite3_db_readonly(st->db, "main") != 1)
        error = lk_store__exec(st, "PRAGMA journal_mode=WAL", err);
    if (error == 0)
        error = store_migrate(st, version, err);
    return error;
}

/*
 * The URI opening "path" immutable (percent-encoding what a URI
 * reserves): a WAL database in a folder we cannot write can only be read
 * that way, since its shared-memory file cannot be created.
 */
static char *store_immutable_uri(const char *path)
{
    size_t n = strlen(path), i, k = 0;
    char *uri = lk_malloc(3 * n + sizeof("file:?immutable=1"));
    if (uri == NULL)
        return NULL;
    memcpy(uri, "file:", 5);
    k = 5;
    for (i = 0; i < n; i++) {
        if (path[i] == '%' || path[i] == '?' || path[i] == '#') {
            snprintf(uri + k, 4, "%%%02x", (unsigned char)path[i]);
            k += 3;
        } else {
            uri[k++] = path[i];
        }
    }
    memcpy(uri + k, "?immutable=1", sizeof("?immutable=1"));
    return uri;
}

/* Open the connection of "st" read-only and immutable, then set it up. */
static int store_open_immutable(lk_store *st, lk_error *err)
{
    char *uri = store_immutable_uri(st->path);
    int rc, error;
    if (uri == NULL)
        return lk_error_set_oom(err);
    sqlite3_close_v2(st->db);
    st->db = NULL;
    rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
                         SQLITE_OPEN_URI, NULL);
    lk_free(uri);
    if (rc != SQLITE_OK)
        return lk_store__fail(st, rc, err);
    lk_error_clear(err);
    error = store_setup(st, err);
    return error;
}

int lk_store_open(lk_store **out, const char *path,
                  const lk_store_options *opts, lk_error *err)
{
    lk_store *st;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, rc, error = 0;
    st = lk_calloc(1, sizeof(*st));
    if (st == NULL)
        return lk_error_set_oom(err);
    st->path = lk_strdup(path ? path : ":memory:");
    if (st->path == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    st->busy_ms = opts && opts->busy_timeout_ms ? opts->busy_timeout_ms
                                                : LK_STORE_BUSY_TIMEOUT_MS;
    st->readonly = opts && (opts->flags & LK_STORE_READONLY);
    if (st->readonly)
        flags = SQLITE_OPEN_READONLY;
    rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
    if (rc != SQLITE_OK) {
        error = lk_store__fail(st, rc, err);
        goto out;
    }
    sqlite3_extended_result_codes(st->db, 0);
    error = store_setup(st, err);
    if (error < 0 && st->readonly && path != NULL &&
        (st->last_rc & 0xff) == SQLITE_READONLY)
        error = store_open_immutable(st, err);
out:
    if (error < 0) {
        lk_store_close(st);
        return error;
    }
    *out = st;
    return 0;
}

int lk_store__open_version(lk_store **out, const char *path, int version,
                           lk_error *err)
{
    lk_store *st = lk_calloc(1, sizeof(*st));
    long long from = 0;
    int rc, error = 0;
    if (st == NULL)
        return lk_error_set_oom(err);
    st->busy_ms = LK_STORE_BUSY_TIMEOUT_MS;
    st->path = lk_strdup(path);
    if (st->path == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    rc = sqlite3_open_v2(path, &st->db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
        error = lk_store__fail(st, rc, err);
    if (error == 0)
        error = store_int(st, "PRAGMA user_version", &from, err);
    if (error == 0)
        error = lk_store_begin(st, err);
    if (error == 0)
        error = lk_store__migrate(st, (int)from, version, err);
    if (error == 0)
        error = lk_store_commit(st, err);
out:
    if (error < 0) {
        lk_store_close(st);
        return error;
    }
    *out = st;
    return 0;
}

void lk_store_close(lk_store *st)
{
    if (st == NULL)
        return;
    if (st->in_tx)
        lk_store_rollback(st);
    sqlite3_close_v2(st->db); /* also for a handle whose open failed */
    lk_free(st->path);
    lk_free(st);
}

const char *lk_store_path(const lk_store *st)
{
    return st->path;
}

int lk_store_begin(lk_store *st, lk_error *err)
{
    int error;
    if (st->readonly)
        return lk_error_set_at(err, LK_EIO, st->path, 0, 0, NULL,
                               "the database was opened read-only");
    if (sqlite3_db_readonly(st->db, "main") == 1)
        return lk_error_set_at(err, LK_EIO, st->path, 0, 0, NULL,
                               "the database is read-only; nothing was "
                               "written");
    error = lk_store__exec(st, "BEGIN IMMEDIATE", err);
    if (error == 0) {
        st->in_tx = 1;
        /* temp tables of this import's ids (lk_store_case_put) */
        error = lk_store__exec(st, "CREATE TEMP TABLE IF NOT EXISTS "
                                   "put_ids(id TEXT PRIMARY KEY);"
                                   "DELETE FROM temp.put_ids", err);
        if (error < 0)
            lk_store_rollback(st);
    }
    return error;
}

int lk_store_commit(lk_store *st, lk_error *err)
{
    int error = lk_store__exec(st, "COMMIT", err);
    if (error < 0)
        lk_store_rollback(st);
    st->in_tx = 0;
    return error;
}

void lk_store_rollback(lk_store *st)
{
    if (sqlite3_get_autocommit(st->db) == 0)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_tx = 0;
}

void lk_store_text_free(char *text)
{
    lk_free(text);
}
