/*
 * schema.c: the store's schema as an ordered list of forward migrations.
 * Migration N takes a database from schema version N-1 to N; a new
 * version appends one entry and never edits an earlier one (the tests
 * build every earlier version from this list and migrate it). The
 * tables are described in docs/formats.md ("The store").
 */
#include <stdio.h>

#include "error.h"
#include "static_assert.h"
#include "store_int.h"

/* Version 1: cases with their searchable fields; saved assessments. */
static const char schema_v1[] =
    "PRAGMA application_id = 1280003159;" /* LK_STORE_APPLICATION_ID */
    "CREATE TABLE cases ("
    "  n INTEGER PRIMARY KEY,"          /* stable rowid for the index */
    "  id TEXT NOT NULL UNIQUE,"        /* the case id */
    "  title TEXT NOT NULL,"
    "  summary TEXT NOT NULL DEFAULT '',"
    "  facts TEXT NOT NULL DEFAULT '',"  /* every stated value, one a line */
    "  sources TEXT NOT NULL DEFAULT ''," /* every source's text, one a line */
    "  sha256 TEXT NOT NULL,"           /* of the file's bytes */
    "  text TEXT NOT NULL,"             /* the file as imported */
    "  imported_at TEXT NOT NULL);"     /* ISO 8601 UTC */
    "CREATE TABLE assessments ("
    "  seq INTEGER PRIMARY KEY,"        /* order of saving */
    "  case_id TEXT NOT NULL,"
    "  case_sha256 TEXT NOT NULL,"
    "  rules_sha256 TEXT NOT NULL,"
    "  profile TEXT NOT NULL,"
    "  saved_at TEXT NOT NULL,"
    "  assessment TEXT);"               /* leaklaw/assessment/1 JSON */
    "CREATE INDEX assessments_case ON assessments(case_id, seq);";

/* Version 2: the law's name and version beside its hash, and one row per
 * lens verdict (backfilled from the saved JSON). */
static const char schema_v2[] =
    "ALTER TABLE assessments ADD COLUMN rules_name TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE assessments ADD COLUMN rules_version TEXT NOT NULL "
    "  DEFAULT '';"
    "UPDATE assessments SET"
    "  rules_name = coalesce(json_extract(assessment, '$.rules.name'), ''),"
    "  rules_version = coalesce(json_extract(assessment, '$.rules.version'),"
    "    '')"
    "  WHERE json_valid(assessment);"
    "CREATE TABLE verdicts ("
    "  seq INTEGER NOT NULL REFERENCES assessments(seq) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"      /* the lens's place in the law */
    "  lens TEXT NOT NULL,"
    "  verdict TEXT NOT NULL,"
    "  PRIMARY KEY (seq, lens));"
    "INSERT INTO verdicts(seq, position, lens, verdict)"
    "  SELECT a.seq, j.id, j.key, json_extract(j.value, '$.verdict')"
    "  FROM assessments a, json_each(a.assessment, '$.lenses') j"
    "  WHERE json_valid(a.assessment)"
    "    AND json_extract(j.value, '$.verdict') IS NOT NULL;";

/* Version 3: full-text search of the cases (FTS5, external content kept
 * in step by triggers). */
static const char schema_v3[] =
    "CREATE VIRTUAL TABLE cases_fts USING fts5(title, summary, facts,"
    "  sources, content='cases', content_rowid='n',"
    "  tokenize='porter unicode61 remove_diacritics 2');"
    "CREATE TRIGGER cases_ai AFTER INSERT ON cases BEGIN"
    "  INSERT INTO cases_fts(rowid, title, summary, facts, sources)"
    "  VALUES (new.n, new.title, new.summary, new.facts, new.sources);"
    "END;"
    "CREATE TRIGGER cases_ad AFTER DELETE ON cases BEGIN"
    "  INSERT INTO cases_fts(cases_fts, rowid, title, summary, facts,"
    "    sources)"
    "  VALUES ('delete', old.n, old.title, old.summary, old.facts,"
    "    old.sources);"
    "END;"
    "CREATE TRIGGER cases_au AFTER UPDATE ON cases BEGIN"
    "  INSERT INTO cases_fts(cases_fts, rowid, title, summary, facts,"
    "    sources)"
    "  VALUES ('delete', old.n, old.title, old.summary, old.facts,"
    "    old.sources);"
    "  INSERT INTO cases_fts(rowid, title, summary, facts, sources)"
    "  VALUES (new.n, new.title, new.summary, new.facts, new.sources);"
    "END;"
    "INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');";

/* The migrations, in order: entry i leads to version i + 1. */
static const char *const schema_migrations[] = {schema_v1, schema_v2,
                                                 schema_v3};

#define SCHEMA_COUNT \
    ((int)(sizeof(schema_migrations) / sizeof(schema_migrations[0])))

/* The public header's version is where the list leads. */
LK_STATIC_ASSERT(schema_version_matches,
                 SCHEMA_COUNT == LK_STORE_SCHEMA_VERSION);

int lk_store__migration_count(void)
{
    return SCHEMA_COUNT;
}

int lk_store__migrate(lk_store *st, int from, int to, lk_error *err)
{
    char pragma[64];
    int v, error = 0;
    if (from < 0 || to > SCHEMA_COUNT || from > to)
        return lk_error_set(err, LK_ERROR, "no migration from schema "
                                           "version %d to %d", from, to);
    for (v = from; v < to && error == 0; v++) {
        error = lk_store__exec(st, schema_migrations[v], err);
        snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
        if (error == 0)
            error = lk_store__exec(st, pragma, err);
    }
    return error;
}
