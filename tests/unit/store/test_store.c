/*
 * test_store.c: the store through its API: a database of every earlier
 * schema version (built from the migration list, with data of that
 * version) opens migrated to the current one with its data kept and
 * searchable, and one that fails part way is rolled back whole; newer
 * schemas, other applications' databases and corrupted files are
 * refused and left byte for byte as they were; an import with a repeated
 * id writes nothing; saves and their history.
 */
#include <unistd.h>

#include "helpers.h"
#include "store_int.h"

/* A fresh temporary database path in "buf". */
static const char *tmp_db(char *buf, size_t n)
{
    static unsigned counter;
    snprintf(buf, n, "/tmp/lk-test-store-%ld-%u.db", (long)getpid(),
             counter++);
    unlink(buf);
    return buf;
}

/* Remove "path" and its WAL files. */
static void rm_db(const char *path)
{
    char buf[512];
    unlink(path);
    snprintf(buf, sizeof(buf), "%s-wal", path);
    unlink(buf);
    snprintf(buf, sizeof(buf), "%s-shm", path);
    unlink(buf);
}

/* Data written at each schema version, in that version's tables. */
static const char *const seed_sql[] = {
    "",
    "INSERT INTO cases(id, title, summary, facts, sources, sha256, text,"
    " imported_at) VALUES ('seed-case', 'Seed title', 'a leak of mails',"
    " 'phishing', 'Some Source', 'aa', '{}', '2026-01-01T00:00:00Z');"
    "INSERT INTO assessments(case_id, case_sha256, rules_sha256, profile,"
    " saved_at, assessment) VALUES ('seed-case', 'aa', 'bb', 'default',"
    " '2026-01-01T00:00:00Z', '{\"rules\": {\"name\": \"r\", \"version\":"
    " \"1\"}, \"lenses\": {\"classic\": {\"verdict\": \"breach\"},"
    " \"leak-norm\": {\"verdict\": \"no-breach\"}}}');",
    "INSERT INTO cases(id, title, summary, facts, sources, sha256, text,"
    " imported_at) VALUES ('seed-case', 'Seed title', 'a leak of mails',"
    " 'phishing', 'Some Source', 'aa', '{}', '2026-01-01T00:00:00Z');"
    "INSERT INTO assessments(seq, case_id, case_sha256, rules_sha256,"
    " profile, saved_at, assessment, rules_name, rules_version) VALUES (1,"
    " 'seed-case', 'aa', 'bb', 'default', '2026-01-01T00:00:00Z', NULL,"
    " 'r', '1');"
    "INSERT INTO verdicts VALUES (1, 0, 'classic', 'breach');"
    "INSERT INTO verdicts VALUES (1, 1, 'leak-norm', 'no-breach');",
};

static int count_hit(const lk_store_hit *h, void *payload)
{
    if (strcmp(h->id, "seed-case") == 0)
        (*(int *)payload)++;
    return 0;
}

static int check_record(const lk_store_record *rec, void *payload)
{
    assert_string_equal(rec->rules_name, "r");
    assert_string_equal(rec->rules_version, "1");
    assert_int_equal(rec->nverdicts, 2);
    assert_string_equal(rec->verdicts[0].lens, "classic");
    assert_string_equal(rec->verdicts[0].verdict, "breach");
    assert_string_equal(rec->verdicts[1].verdict, "no-breach");
    (*(int *)payload)++;
    return 0;
}

/* Every earlier version, with its data, migrates to the current one. */
static void test_migrate_every_version(void **state)
{
    int v;
    (void)state;
    assert_int_equal(lk_store__migration_count(), LK_STORE_SCHEMA_VERSION);
    assert_int_equal((int)(sizeof(seed_sql) / sizeof(seed_sql[0])),
                     LK_STORE_SCHEMA_VERSION);
    for (v = 0; v < LK_STORE_SCHEMA_VERSION; v++) {
        char path[256];
        lk_store *st = NULL;
        lk_error err;
        sqlite3_stmt *stmt = NULL;
        int hits = 0, saves = 0;
        tmp_db(path, sizeof(path));
        assert_int_equal(lk_store__open_version(&st, path, v, &err), 0);
        assert_int_equal(lk_store__exec(st, seed_sql[v], &err), 0);
        lk_store_close(st);
        st = NULL;
        assert_int_equal(lk_store_open(&st, path, NULL, &err), 0);
        assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA user_version",
                                            -1, &stmt, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(stmt, 0),
                         LK_STORE_SCHEMA_VERSION);
        sqlite3_finalize(stmt);
        if (v > 0) {
            assert_int_equal(lk_store_search(st, "phishing", 0, count_hit,
                                             &hits, &err), 0);
            assert_int_equal(hits, 1);
            assert_int_equal(lk_store_history_foreach(st, "seed-case",
                                                      check_record, &saves,
                                                      &err), 0);
            assert_int_equal(saves, 1);
        }
        lk_store_close(st);
        rm_db(path);
    }
}

/* A migration that fails part way is rolled back whole: the version and
 * the data stay as they were. */
static void test_migration_fails_whole(void **state)
{
    char path[256];
    lk_store *st = NULL;
    lk_error err;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    (void)state;
    tmp_db(path, sizeof(path));
    assert_int_equal(lk_store__open_version(&st, path, 2, &err), 0);
    assert_int_equal(lk_store__exec(st, seed_sql[2], &err), 0);
    /* what migration 3 creates, already there: it must fail */
    assert_int_equal(lk_store__exec(st, "CREATE TABLE cases_fts(x)", &err),
                     0);
    lk_store_close(st);
    st = NULL;
    lk_error_clear(&err);
    assert_true(lk_store_open(&st, path, NULL, &err) < 0);
    assert_null(st);
    assert_string_equal(err.file, path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM"
                                            " pragma_user_version), (SELECT "
                                            "count(*) FROM cases), (SELECT "
                                            "count(*) FROM verdicts)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(stmt, 0), 2);
    assert_int_equal(sqlite3_column_int(stmt, 1), 1);
    assert_int_equal(sqlite3_column_int(stmt, 2), 2);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    rm_db(path);
}

/* The bytes of "path" in a heap string (caller frees), length in "*n". */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    assert_non_null(f);
    buf = malloc(1 << 20);
    assert_non_null(buf);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

/* Newer schema, a foreign database, garbage: refused, left as they were. */
static void test_refused_untouched(void **state)
{
    static const char *const setup[] = {
        "PRAGMA user_version = 99; PRAGMA application_id = 1280003159;"
        " CREATE TABLE future(x);",
        "CREATE TABLE other_app(x); INSERT INTO other_app VALUES (1);",
        NULL, /* garbage */
    };
    static const int codes[] = {LK_ECONFLICT, LK_EIO, LK_EIO};
    size_t i;
    (void)state;
    for (i = 0; i < 3; i++) {
        char path[256], *before, *after;
        size_t nb, na;
        lk_store *st = NULL;
        lk_error err;
        tmp_db(path, sizeof(path));
        if (setup[i] != NULL) {
            sqlite3 *db = NULL;
            assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
            assert_int_equal(sqlite3_exec(db, setup[i], NULL, NULL, NULL),
                             SQLITE_OK);
            sqlite3_close(db);
        } else {
            FILE *f = fopen(path, "wb");
            assert_non_null(f);
            for (nb = 0; nb < 8192; nb++)
                fputc((int)((nb * 7919) & 0xff), f);
            fclose(f);
        }
        before = slurp(path, &nb);
        lk_error_clear(&err);
        assert_int_equal(lk_store_open(&st, path, NULL, &err), codes[i]);
        assert_null(st);
        assert_string_equal(err.file, path);
        after = slurp(path, &na);
        assert_int_equal(na, nb);
        assert_memory_equal(before, after, nb);
        free(before);
        free(after);
        rm_db(path);
    }
}

/* One id twice in a transaction: LK_EEXISTS, and the rollback keeps the
 * store as it was; saves land with their verdicts in order. */
static void test_import_and_save(void **state)
{
    char path[256], res[512];
    lk_store *st = NULL;
    lk_case *c = NULL;
    lk_error err;
    lk_store_record rec;
    int saves = 0;
    (void)state;
    tmp_db(path, sizeof(path));
    assert_int_equal(lk_case_load(&c, test_res(res, sizeof(res),
                                               "cases/partial.yaml"),
                                  NULL, NULL, &err), 0);
    assert_int_equal(lk_store_open(&st, path, NULL, &err), 0);
    assert_int_equal(lk_store_begin(st, &err), 0);
    assert_int_equal(lk_store_case_put(st, c, "x", 1, &err), 0);
    assert_int_equal(lk_store_case_put(st, c, "x", 1, &err), LK_EEXISTS);
    lk_store_rollback(st);
    assert_int_equal(lk_store_case_get(st, lk_case_id(c), NULL, NULL, NULL,
                                       &err), LK_ENOTFOUND);
    memset(&rec, 0, sizeof(rec));
    rec.case_id = "seed-case";
    rec.case_sha256 = "aa";
    rec.rules_name = "r";
    rec.rules_version = "1";
    rec.rules_sha256 = "bb";
    rec.profile = "default";
    rec.saved_at = "2026-01-01T00:00:00Z";
    rec.nverdicts = 2;
    rec.verdicts[0].lens = "classic";
    rec.verdicts[0].verdict = "breach";
    rec.verdicts[1].lens = "leak-norm";
    rec.verdicts[1].verdict = "no-breach";
    assert_int_equal(lk_store_record_save(st, &rec, &err), 0);
    assert_int_equal(lk_store_history_foreach(st, "seed-case", check_record,
                                              &saves, &err), 0);
    assert_int_equal(saves, 1);
    assert_int_equal(lk_store_history_foreach(st, "none", check_record,
                                              &saves, &err), LK_ENOTFOUND);
    lk_store_close(st);
    lk_case_free(c);
    rm_db(path);
}

/* Search words are quoted: query syntax is never interpreted. */
static void test_search_words(void **state)
{
    lk_store *st = NULL;
    lk_error err;
    int hits = 0;
    (void)state;
    assert_int_equal(lk_store_open(&st, NULL, NULL, &err), 0);
    assert_int_equal(lk_store_search(st, "AND OR ( \" NEAR*", 0, count_hit,
                                     &hits, &err), 0);
    assert_int_equal(lk_store_search(st, "  * ", 0, count_hit, &hits, &err),
                     LK_EINVALID);
    assert_int_equal(hits, 0);
    lk_store_close(st);
}

/* Positions: another format is skipped, bad JSON has a location. */
static void test_position_read(void **state)
{
    static const char pos[] =
        "{\"format\": \"leaklaw/position/1\", \"id\": \"nz-2020\","
        " \"title\": \"T\", \"name\": \"New Zealand\", \"quotes\":"
        " [{\"text\": \"coercion\"}, {\"text\": 3}]}";
    lk_store_position p;
    lk_error err;
    (void)state;
    assert_int_equal(lk_store__position_read(&p, "p.json", pos,
                                             sizeof(pos) - 1, &err), 0);
    assert_string_equal(p.id, "nz-2020");
    assert_string_equal(p.name, "New Zealand");
    assert_string_equal(p.quotes, "coercion\n\n");
    lk_store__position_dispose(&p);
    assert_int_equal(lk_store__position_read(&p, "p.json", "{\"format\":1}",
                                             12, &err), 1);
    lk_error_clear(&err);
    assert_int_equal(lk_store__position_read(&p, "p.json", "{\n  x", 5,
                                             &err), LK_EINVALID);
    assert_int_equal(err.line, 2);
    assert_int_equal(lk_store__position_read(
                         &p, "p.json",
                         "{\"format\": \"leaklaw/position/1\"}", 32, &err),
                     LK_EINVALID);
    assert_string_equal(err.pointer, "/id");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_migrate_every_version),
        cmocka_unit_test(test_migration_fails_whole),
        cmocka_unit_test(test_refused_untouched),
        cmocka_unit_test(test_import_and_save),
        cmocka_unit_test(test_search_words),
        cmocka_unit_test(test_position_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
