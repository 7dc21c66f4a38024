#!/usr/bin/env bash
# The store (issue #9 §6): import 10,000 generated cases into a fresh
# database, then `cases search` latency on it; beside sqlite3's own CLI
# doing the same inserts (the same rows, same schema, FTS5 triggers
# included, one transaction) and the same FTS5 query. Writes the tables
# to bench/out/store-*.md. Usage: bench/store.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"
export LEAKLAW_DATA=$root/data
ll=$root/$build/leaklaw
cases=$out/cases
if [ ! -f "$cases/bench-09999.json" ]; then
    python3 "$root/bench/gen_cases.py" "$root/data" "$cases" 10000
fi
db=$out/store.db
peer=$out/store-peer.db
rm -f "$db" "$db"-wal "$db"-shm

# The rows leaklaw writes, as SQL for the sqlite3 CLI: the schema leaklaw
# created (tables, FTS5 table, triggers), then the same INSERTs.
"$ll" --db "$db" cases import "$cases" > /dev/null
test "$(sqlite3 "$db" 'SELECT count(*) FROM cases')" = 10000
{
    echo "PRAGMA journal_mode=WAL;"
    sqlite3 "$db" "SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL
        AND name NOT LIKE 'cases_fts_%' AND name NOT LIKE 'sqlite_%'
        ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1
        ELSE 2 END, rowid"
    echo "BEGIN IMMEDIATE;"
    sqlite3 "$db" "SELECT 'INSERT INTO cases(id, title, summary, facts,
        sources, sha256, text, imported_at) VALUES (' || quote(id) || ', ' ||
        quote(title) || ', ' || quote(summary) || ', ' || quote(facts) ||
        ', ' || quote(sources) || ', ' || quote(sha256) || ', ' ||
        quote(text) || ', ' || quote(imported_at) || ');' FROM cases
        ORDER BY n"
    echo "COMMIT;"
} > "$out/store-inserts.sql"

hyperfine --warmup 1 --runs 5 --export-markdown "$out/store-import.md" \
    --prepare "rm -f $db $db-wal $db-shm" \
    --prepare "rm -f $peer $peer-wal $peer-shm" \
    -n "leaklaw cases import (read, validate twice, index), 10,000 files" \
    "taskset -c 0 $ll --db $db cases import $cases > /dev/null" \
    -n "sqlite3 CLI, the same 10,000 INSERTs from one SQL file" \
    "taskset -c 0 sqlite3 $peer < $out/store-inserts.sql > /dev/null" \
    --prepare true \
    -n "leaklaw check (one validation pass, for the breakdown)" \
    "taskset -c 0 $ll check --quiet $cases/*.json"

# leaklaw's own query, the words quoted as leaklaw quotes them
q() {
    echo "SELECT c.id, c.title, snippet(cases_fts, -1, '[', ']', '...', 12),
        bm25(cases_fts) FROM cases_fts JOIN cases c ON c.n = cases_fts.rowid
        WHERE cases_fts MATCH '$1' ORDER BY 4 LIMIT 20;" > "$2"
}
q '"election"' "$out/store-q1.sql"
q '"guacamaya" "sedena"' "$out/store-q2.sql"
hyperfine --warmup 3 --runs 30 --export-markdown "$out/store-search.md" \
    -n "leaklaw cases search election (common word)" \
    "taskset -c 0 $ll --db $db cases search election > /dev/null" \
    -n "sqlite3 CLI, the same query (election)" \
    "taskset -c 0 sqlite3 $peer < $out/store-q1.sql > /dev/null" \
    -n "leaklaw cases search guacamaya sedena (rare words)" \
    "taskset -c 0 $ll --db $db cases search guacamaya sedena > /dev/null" \
    -n "sqlite3 CLI, the same query (guacamaya sedena)" \
    "taskset -c 0 sqlite3 $peer < $out/store-q2.sql > /dev/null" \
    -n "leaklaw cases list (10,000 stored + bundled)" \
    "taskset -c 0 $ll --db $db cases list > /dev/null" \
    -n "leaklaw cases search election, no store (the bundle only)" \
    "taskset -c 0 $ll --db $out/none/x.db cases search election > /dev/null"
test "$(sqlite3 "$db" 'SELECT count(*) FROM cases')" = 10000
ls -l "$db" "$peer" | awk '{print $5, $9}' > "$out/store-size.txt"
cat "$out/store-import.md" "$out/store-search.md" "$out/store-size.txt"
