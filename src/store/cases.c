/*
 * cases.c: cases in the store (written by lk_store_case_put) and in the
 * bundle (the library shipped in data/cases, added to one connection's
 * temp tables by lk_store_bundle_case): their searchable text, listing
 * and file text. A stored case hides a bundled one of the same id.
 */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "store_int.h"

/* The searchable text of a case: title, summary, facts, sources. */
typedef struct cases_fields {
    lk_buf facts;   /* every stated value and its note, a line each */
    lk_buf sources; /* every source: title publisher url quote, a line */
} cases_fields;

/* Append "s" and a space to "b" when "s" is neither NULL nor empty. */
static void cases_word(lk_buf *b, const char *s)
{
    if (s != NULL && *s != '\0') {
        lk_buf_puts(b, s);
        lk_buf_puts(b, " ");
    }
}

/* Build the facts and sources text of "c" into "f" (initialised here). */
static int cases_fields_build(cases_fields *f, const lk_case *c,
                              lk_error *err)
{
    size_t i, k, n = lk_case_fact_count(c);
    lk_buf_init(&f->facts, LK_STORE_FIELD_MAX);
    lk_buf_init(&f->sources, LK_STORE_FIELD_MAX);
    for (i = 0; i < n; i++) {
        lk_case_fact_info fi;
        lk_case_fact(c, i, &fi);
        for (k = 0; k < fi.nvalues; k++) {
            lk_case_value_info v;
            lk_case_fact_value(c, i, k, &v);
            cases_word(&f->facts, v.kind == LK_CASE_VALUE_STRING ? v.string
                                                                  : v.text);
            cases_word(&f->facts, v.note);
            lk_buf_puts(&f->facts, "\n");
        }
    }
    n = lk_case_source_count(c);
    for (i = 0; i < n; i++) {
        lk_case_source_info s;
        lk_case_source(c, i, &s);
        cases_word(&f->sources, s.title);
        cases_word(&f->sources, s.publisher);
        cases_word(&f->sources, s.url);
        cases_word(&f->sources, s.quote);
        lk_buf_puts(&f->sources, "\n");
    }
    if (f->facts.error == LK_ENOMEM || f->sources.error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (f->facts.error || f->sources.error)
        return lk_error_set(err, LK_ETOOBIG, "%s: more than %zu bytes of "
                                             "facts or sources to index",
                            lk_case_id(c), LK_STORE_FIELD_MAX);
    return 0;
}

static void cases_fields_dispose(cases_fields *f)
{
    lk_buf_dispose(&f->facts);
    lk_buf_dispose(&f->sources);
}

/* Bind "n" bytes of "s" (-1: to its NUL) to parameter "i" of "stmt", if
 * the statement has that parameter. */
static int cases_bind(sqlite3_stmt *stmt, int i, const char *s, int n)
{
    if (i > sqlite3_bind_parameter_count(stmt))
        return SQLITE_OK;
    return sqlite3_bind_text(stmt, i, s ? s : "", s ? n : 0, SQLITE_STATIC);
}

/*
 * Bind the fields of "c" to "stmt" (those it has of ?1 id, ?2 title, ?3
 * summary, ?4 facts, ?5 sources, ?6 sha256, ?7 text), then run it once.
 * A second row of the same id is LK_EEXISTS.
 */
static int cases_run(lk_store *st, sqlite3_stmt *stmt, const lk_case *c,
                     const char *text, size_t len, lk_error *err)
{
    cases_fields f;
    int error, rc;
    error = cases_fields_build(&f, c, err);
    if (error < 0)
        goto out;
    if (len > (size_t)0x7fffffff) {
        error = lk_error_set(err, LK_ETOOBIG, "%s: the case is too big to "
                                              "store", lk_case_id(c));
        goto out;
    }
    rc = cases_bind(stmt, 1, lk_case_id(c), -1);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 2, lk_case_title(c), -1);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 3, lk_case_summary(c), -1);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 4, f.facts.ptr, (int)f.facts.len);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 5, f.sources.ptr, (int)f.sources.len);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 6, lk_case_sha256(c), -1);
    if (rc == SQLITE_OK)
        rc = cases_bind(stmt, 7, text, (int)len);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        error = lk_error_set(err, LK_EEXISTS, "case id '%s' appears twice",
                             lk_case_id(c));
    else if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
out:
    cases_fields_dispose(&f);
    return error;
}

/* Record "id" as put in this transaction; LK_EEXISTS the second time. */
static int cases_once(lk_store *st, const char *id, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int error, rc;
    error = lk_store__prepare(st, &stmt, "INSERT OR IGNORE INTO "
                                         "temp.put_ids(id) VALUES (?1)", err);
    if (error < 0)
        return error;
    rc = sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
    else if (sqlite3_changes(st->db) == 0)
        error = lk_error_set(err, LK_EEXISTS, "case id '%s' is imported "
                                              "twice", id);
    sqlite3_finalize(stmt);
    return error;
}

int lk_store_case_put(lk_store *st, const lk_case *c, const char *text,
                      size_t len, lk_error *err)
{
    static const char sql[] =
        "INSERT INTO cases(id, title, summary, facts, sources, sha256, text,"
        "  imported_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
        "  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
        " ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
        "  summary = excluded.summary, facts = excluded.facts,"
        "  sources = excluded.sources, sha256 = excluded.sha256,"
        "  text = excluded.text, imported_at = excluded.imported_at";
    sqlite3_stmt *stmt = NULL;
    int error;
    if (!st->in_tx)
        return lk_error_set(err, LK_ERROR, "lk_store_case_put outside a "
                                           "transaction");
    error = cases_once(st, lk_case_id(c), err);
    if (error == 0)
        error = lk_store__prepare(st, &stmt, sql, err);
    if (error == 0)
        error = cases_run(st, stmt, c, text, len, err);
    sqlite3_finalize(stmt);
    return error;
}

int lk_store__bundle_ready(lk_store *st, lk_error *err)
{
    int error;
    if (st->bundle_ready)
        return 0;
    error = lk_store__exec(
        st,
        "CREATE TEMP TABLE IF NOT EXISTS bundle ("
        "  kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL,"
        "  sha256 TEXT NOT NULL, text TEXT NOT NULL,"
        "  PRIMARY KEY (kind, id));"
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bundle_fts USING fts5("
        "  kind UNINDEXED, id UNINDEXED, title, summary, facts, sources,"
        "  tokenize='porter unicode61 remove_diacritics 2');",
        err);
    st->bundle_ready = error == 0;
    return error;
}

int lk_store_bundle_case(lk_store *st, const lk_case *c, const char *text,
                         size_t len, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int error = lk_store__bundle_ready(st, err);
    if (error == 0)
        error = lk_store__prepare(
            st, &stmt,
            "INSERT INTO temp.bundle(kind, id, title, sha256, text)"
            " VALUES ('case', ?1, ?2, ?6, ?7)", err);
    if (error == 0)
        error = cases_run(st, stmt, c, text, len, err);
    sqlite3_finalize(stmt);
    stmt = NULL;
    if (error == 0)
        error = lk_store__prepare(
            st, &stmt,
            "INSERT INTO temp.bundle_fts(kind, id, title, summary, facts,"
            " sources) VALUES ('case', ?1, ?2, ?3, ?4, ?5)", err);
    if (error == 0)
        error = cases_run(st, stmt, c, text, len, err);
    sqlite3_finalize(stmt);
    return error;
}

int lk_store_cases_foreach(lk_store *st, lk_store_case_cb cb, void *payload,
                           lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    lk_store_case_info info;
    int error, rc;
    error = lk_store__bundle_ready(st, err);
    if (error == 0)
        error = lk_store__prepare(
            st, &stmt,
            "SELECT id, title, 'store', sha256, imported_at FROM main.cases"
            " UNION ALL"
            " SELECT id, title, 'bundled', sha256, NULL FROM temp.bundle"
            " WHERE kind = 'case' AND id NOT IN (SELECT id FROM main.cases)"
            " ORDER BY 1", err);
    if (error < 0)
        return error;
    for (rc = sqlite3_step(stmt); rc == SQLITE_ROW; rc = sqlite3_step(stmt)) {
        info.id = (const char *)sqlite3_column_text(stmt, 0);
        info.title = (const char *)sqlite3_column_text(stmt, 1);
        info.origin = (const char *)sqlite3_column_text(stmt, 2);
        info.sha256 = (const char *)sqlite3_column_text(stmt, 3);
        info.imported_at = (const char *)sqlite3_column_text(stmt, 4);
        if (info.id == NULL || info.title == NULL || info.origin == NULL ||
            info.sha256 == NULL) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (cb(&info, payload) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
    sqlite3_finalize(stmt);
    return error;
}

/* Copy column "i" of the current row of "stmt" into a heap string. */
static int cases_column_dup(char **out, size_t *len, sqlite3_stmt *stmt,
                            int i, lk_error *err)
{
    const unsigned char *s = sqlite3_column_text(stmt, i);
    size_t n = (size_t)sqlite3_column_bytes(stmt, i);
    if (s == NULL)
        return lk_error_set_oom(err);
    *out = lk_strndup((const char *)s, n);
    if (*out == NULL)
        return lk_error_set_oom(err);
    if (len != NULL)
        *len = n;
    return 0;
}

int lk_store_case_get(lk_store *st, const char *id, char **text_out,
                      size_t *len_out, const char **origin_out, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int error, rc;
    error = lk_store__bundle_ready(st, err);
    if (error == 0)
        error = lk_store__prepare(
            st, &stmt,
            "SELECT text, 1 FROM main.cases WHERE id = ?1"
            " UNION ALL"
            " SELECT text, 0 FROM temp.bundle WHERE kind = 'case'"
            " AND id = ?1 ORDER BY 2 DESC LIMIT 1", err);
    if (error < 0)
        return error;
    rc = sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        error = cases_column_dup(text_out, len_out, stmt, 0, err);
        if (error == 0 && origin_out != NULL)
            *origin_out = sqlite3_column_int(stmt, 1) ? "store" : "bundled";
    } else if (rc == SQLITE_DONE) {
        error = lk_error_set(err, LK_ENOTFOUND, "no case '%s' in the store "
                                                "or the bundled library", id);
    } else {
        error = lk_store__fail(st, rc, err);
    }
    sqlite3_finalize(stmt);
    return error;
}
