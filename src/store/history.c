/*
 * history.c: saved assessments (assess --save) and the history of a
 * case's verdicts: one row of "assessments" per save with the hashes of
 * the case and the law, one row of "verdicts" per lens.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "store_int.h"

/* Insert the assessment row of "rec"; its seq in "*seq". */
static int history_insert(lk_store *st, const lk_store_record *rec,
                          long long *seq, lk_error *err)
{
    static const char sql[] =
        "INSERT INTO assessments(case_id, case_sha256, rules_sha256,"
        "  profile, saved_at, assessment, rules_name, rules_version)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    const char *v[8];
    sqlite3_stmt *stmt = NULL;
    int error, rc = SQLITE_OK, i;
    v[0] = rec->case_id;
    v[1] = rec->case_sha256;
    v[2] = rec->rules_sha256;
    v[3] = rec->profile;
    v[4] = rec->saved_at;
    v[5] = rec->assessment;
    v[6] = rec->rules_name;
    v[7] = rec->rules_version;
    error = lk_store__prepare(st, &stmt, sql, err);
    if (error < 0)
        return error;
    for (i = 0; i < 8 && rc == SQLITE_OK; i++)
        rc = v[i] != NULL || i == 5
                 ? sqlite3_bind_text(stmt, i + 1, v[i], -1, SQLITE_STATIC)
                 : sqlite3_bind_text(stmt, i + 1, "", 0, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
    *seq = sqlite3_last_insert_rowid(st->db);
    sqlite3_finalize(stmt);
    return error;
}

/* Insert the verdicts of "rec" for assessment "seq". */
static int history_verdicts(lk_store *st, const lk_store_record *rec,
                            long long seq, lk_error *err)
{
    sqlite3_stmt *stmt = NULL;
    size_t i;
    int error, rc = SQLITE_DONE;
    error = lk_store__prepare(st, &stmt, "INSERT INTO verdicts(seq, "
                                         "position, lens, verdict) VALUES "
                                         "(?1, ?2, ?3, ?4)", err);
    for (i = 0; i < rec->nverdicts && error == 0; i++) {
        rc = sqlite3_bind_int64(stmt, 1, seq);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_text(stmt, 3, rec->verdicts[i].lens, -1,
                                   SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_text(stmt, 4, rec->verdicts[i].verdict, -1,
                                   SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        if (rc != SQLITE_DONE)
            error = lk_store__fail(st, rc, err);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return error;
}

int lk_store_record_save(lk_store *st, const lk_store_record *rec,
                         lk_error *err)
{
    long long seq = 0;
    int own = !st->in_tx, error;
    if (rec->nverdicts > LK_STORE_MAX_LENSES)
        return lk_error_set(err, LK_EINVALID, "more than %d verdicts",
                            LK_STORE_MAX_LENSES);
    if (own) {
        error = lk_store_begin(st, err);
        if (error < 0)
            return error;
    }
    error = history_insert(st, rec, &seq, err);
    if (error == 0)
        error = history_verdicts(st, rec, seq, err);
    if (own && error == 0)
        return lk_store_commit(st, err);
    if (own)
        lk_store_rollback(st);
    return error;
}

/* Fill "rec" from the current row of the history statement; its
 * verdicts from the row's "lens=verdict" list (unit separator 0x1f). */
static void history_row(lk_store_record *rec, sqlite3_stmt *stmt,
                        char *lenses)
{
    char *p = lenses, *sep, *eq;
    memset(rec, 0, sizeof(*rec));
    rec->seq = sqlite3_column_int64(stmt, 0);
    rec->case_id = (const char *)sqlite3_column_text(stmt, 1);
    rec->case_sha256 = (const char *)sqlite3_column_text(stmt, 2);
    rec->rules_name = (const char *)sqlite3_column_text(stmt, 3);
    rec->rules_version = (const char *)sqlite3_column_text(stmt, 4);
    rec->rules_sha256 = (const char *)sqlite3_column_text(stmt, 5);
    rec->profile = (const char *)sqlite3_column_text(stmt, 6);
    rec->saved_at = (const char *)sqlite3_column_text(stmt, 7);
    while (p != NULL && *p != '\0' && rec->nverdicts < LK_STORE_MAX_LENSES) {
        sep = strchr(p, '\x1f');
        if (sep != NULL)
            *sep = '\0';
        eq = strchr(p, '=');
        if (eq != NULL) {
            *eq = '\0';
            rec->verdicts[rec->nverdicts].lens = p;
            rec->verdicts[rec->nverdicts].verdict = eq + 1;
            rec->nverdicts++;
        }
        p = sep ? sep + 1 : NULL;
    }
}

int lk_store_history_foreach(lk_store *st, const char *case_id,
                             lk_store_record_cb cb, void *payload,
                             lk_error *err)
{
    static const char sql[] =
        "SELECT a.seq, a.case_id, a.case_sha256, a.rules_name,"
        "  a.rules_version, a.rules_sha256, a.profile, a.saved_at,"
        "  (SELECT group_concat(lens || '=' || verdict, char(31)) FROM"
        "    (SELECT lens, verdict FROM verdicts v WHERE v.seq = a.seq"
        "     ORDER BY position))"
        " FROM assessments a WHERE a.case_id = ?1 ORDER BY a.seq";
    sqlite3_stmt *stmt = NULL;
    lk_store_record rec;
    int error, rc, rows = 0;
    error = lk_store__prepare(st, &stmt, sql, err);
    if (error < 0)
        return error;
    rc = sqlite3_bind_text(stmt, 1, case_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    for (; rc == SQLITE_ROW; rc = sqlite3_step(stmt)) {
        /* the list is copied: history_row cuts it in place */
        const unsigned char *l = sqlite3_column_text(stmt, 8);
        char lenses[LK_STORE_MAX_LENSES * 80];
        snprintf(lenses, sizeof(lenses), "%s", l ? (const char *)l : "");
        history_row(&rec, stmt, lenses);
        rows++;
        if (rec.case_id == NULL || rec.saved_at == NULL) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (cb(&rec, payload) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        error = lk_store__fail(st, rc, err);
    else if (rows == 0)
        error = lk_error_set(err, LK_ENOTFOUND, "no saved assessment of "
                                                "case '%s'", case_id);
    sqlite3_finalize(stmt);
    return error;
}
