/*
 * search.c: full-text search (FTS5) over the stored cases and the
 * bundle of this connection (bundled cases and positions), and adding a
 * position to the bundle. The user's words are quoted one by one, so no
 * FTS5 query syntax from the command line is ever interpreted.
 */
#include <ctype.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "store_int.h"

/* Longest search text accepted, in bytes. */
#define SEARCH_TEXT_MAX 4096

/*
 * The FTS5 query of "text": each whitespace-separated word as a quoted
 * string (double quotes doubled), "*" kept after a word that ends in
 * one (a prefix match); the words joined by spaces (all must match).
 */
static int search_query(lk_buf *q, const char *text, lk_error *err)
{
    const char *p = text, *w;
    size_t n, k, words = 0;
    lk_buf_init(q, 4 * SEARCH_TEXT_MAX);
    if (strlen(text) > SEARCH_TEXT_MAX)
        return lk_error_set(err, LK_EINVALID, "the search text is longer "
                                              "than %d bytes",
                            SEARCH_TEXT_MAX);
    while (*p != '\0') {
        int prefix = 0;
        while (isspace((unsigned char)*p))
            p++;
        for (w = p; *p != '\0' && !isspace((unsigned char)*p); p++)
            ;
        n = (size_t)(p - w);
        while (n > 0 && w[n - 1] == '*') {
            prefix = 1;
            n--;
        }
        if (n == 0)
            continue;
        lk_buf_puts(q, words++ ? " \"" : "\"");
        for (k = 0; k < n; k++)
            lk_buf_put(q, w[k] == '"' ? "\"\"" : &w[k], w[k] == '"' ? 2 : 1);
        lk_buf_puts(q, prefix ? "\"*" : "\"");
    }
    if (q->error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (q->error != 0)
        return lk_error_set(err, q->error, "the search text is too long");
    if (words == 0)
        return lk_error_set(err, LK_EINVALID, "no word to search for");
    return 0;
}

/* Pass each row of the search "stmt" to "cb". */
static int search_rows(lk_store *st, sqlite3_stmt *stmt, lk_store_hit_cb cb,
                       void *payload, lk_error *err)
{
    lk_store_hit hit;
    int rc;
    for (rc = sqlite3_step(stmt); rc == SQLITE_ROW; rc = sqlite3_step(stmt)) {
        hit.kind = (const char *)sqlite3_column_text(stmt, 0);
        hit.id = (const char *)sqlite3_column_text(stmt, 1);
        hit.title = (const char *)sqlite3_column_text(stmt, 2);
        hit.snippet = (const char *)sqlite3_column_text(stmt, 3);
        hit.rank = sqlite3_column_double(stmt, 4);
        hit.origin = (const char *)sqlite3_column_text(stmt, 5);
        if (hit.kind == NULL || hit.id == NULL || hit.title == NULL ||
            hit.origin == NULL)
            return lk_error_set_oom(err);
        if (hit.snippet == NULL)
            hit.snippet = "";
        if (cb(&hit, payload) != 0)
            return 0;
    }
    if (rc != SQLITE_DONE)
        return lk_store__fail(st, rc, err);
    return 0;
}

int lk_store_search(lk_store *st, const char *text, size_t max,
                    lk_store_hit_cb cb, void *payload, lk_error *err)
{
    static const char sql[] =
        "SELECT 'case', c.id, c.title,"
        "  snippet(cases_fts, -1, '[', ']', '...', 12),"
        "  bm25(cases_fts), 'store'"
        " FROM cases_fts JOIN main.cases c ON c.n = cases_fts.rowid"
        " WHERE cases_fts MATCH ?1"
        " UNION ALL"
        " SELECT kind, id, title,"
        "  snippet(bundle_fts, -1, '[', ']', '...', 12),"
        "  bm25(bundle_fts), 'bundled'"
        " FROM temp.bundle_fts WHERE bundle_fts MATCH ?1"
        "  AND NOT (kind = 'case' AND id IN (SELECT id FROM main.cases))"
        " ORDER BY 5, 1, 2 LIMIT ?2";
    sqlite3_stmt *stmt = NULL;
    lk_buf q;
    int error, rc;
    if (max == 0 || max > LK_STORE_SEARCH_MAX)
        max = LK_STORE_SEARCH_MAX;
    error = search_query(&q, text, err);
    if (error == 0)
        error = lk_store__bundle_ready(st, err);
    if (error == 0)
        error = lk_store__prepare(st, &stmt, sql, err);
    if (error < 0)
        goto out;
    rc = sqlite3_bind_text(stmt, 1, q.ptr, (int)q.len, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 2, (sqlite3_int64)max);
    if (rc != SQLITE_OK)
        error = lk_store__fail(st, rc, err);
    else
        error = search_rows(st, stmt, cb, payload, err);
out:
    sqlite3_finalize(stmt);
    lk_buf_dispose(&q);
    return error;
}

/* Insert position "p" (file "text") into the bundle's two tables. */
static int search_position_put(lk_store *st, const lk_store_position *p,
                               const char *text, size_t len, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    char sha[65];
    int error, rc;
    lk_sha256_hex(text, len, sha);
    error = lk_store__prepare(
        st, &stmt,
        "INSERT INTO temp.bundle(kind, id, title, sha256, text)"
        " VALUES ('position', ?1, ?2, ?3, ?4)", err);
    if (error < 0)
        return error;
    rc = sqlite3_bind_text(stmt, 1, p->id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 2, *p->title ? p->title : p->name, -1,
                               SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 3, sha, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 4, text, (int)len, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    stmt = NULL;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return lk_error_set(err, LK_EEXISTS, "position id '%s' appears "
                                             "twice", p->id);
    if (rc != SQLITE_DONE)
        return lk_store__fail(st, rc, err);
    error = lk_store__prepare(
        st, &stmt,
        "INSERT INTO temp.bundle_fts(kind, id, title, summary, facts,"
        " sources) VALUES ('position', ?1, ?2, ?3, ?4, '')", err);
    if (error < 0)
        return error;
    rc = sqlite3_bind_text(stmt, 1, p->id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 2, p->title, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 3, p->name, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 4, p->quotes, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
    sqlite3_finalize(stmt);
    return error;
}

int lk_store_bundle_position(lk_store *st, const char *name,
                             const char *text, size_t len, lk_error *err)
{
    lk_store_position p;
    int error;
    if (len > (size_t)0x7fffffff)
        return lk_error_set_at(err, LK_ETOOBIG, name, 0, 0, NULL,
                               "the position is too big to index");
    error = lk_store__position_read(&p, name, text, len, err);
    if (error != 0)
        return error > 0 ? 0 : error;
    error = lk_store__bundle_ready(st, err);
    if (error == 0)
        error = search_position_put(st, &p, text, len, err);
    lk_store__position_dispose(&p);
    return error;
}
