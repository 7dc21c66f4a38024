#!/usr/bin/env bash
# Batch benchmark: 100,000 generated cases (bench/gen_cases.py) as one
# JSON Lines stream on standard input, assessed by
# "leaklaw assess --format jsonl" on 1 and 2 worker threads, and by
# "leaklaw assess --format csv" (one row a case) on 2, side by side with
# two peers doing less on the same stream: Python's json.loads of each
# line (parse only) and jq -c . (parse and print) (hyperfine). Then one
# worker beside the floor (bench/peers/lines.cpp): the SHA-256 and the
# simdjson parse of each line, on one thread.
# Writes bench/out/batch.md and bench/out/batch-floor.md and prints them.
# Usage: bench/batch.sh BUILD_DIR [N [BAD_SHARE]]
set -euo pipefail
build=${1:-build}
n=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"
export LEAKLAW_DATA=$root/data
ll=$root/$build/leaklaw
jsonl=$out/batch-$n.jsonl

# --bad SHARE (third argument, default 0): that share of the cases made
# inconsistent on purpose, to time the rejected path
bad=${3:-0}
[ "$bad" = 0 ] || jsonl=$out/batch-$n-bad$bad.jsonl
if [ ! -f "$jsonl" ]; then
    python3 "$root/bench/gen_cases.py" "$root/data" "$jsonl.part" "$n" \
        --jsonl --bad "$bad"
    mv "$jsonl.part" "$jsonl"
fi
echo "input: $(wc -l < "$jsonl") cases, $(du -h "$jsonl" | cut -f1)"
# the two runs must agree byte for byte before they are timed (with --bad,
# the inconsistent cases stay in the stream as rejected records, exit 3)
cmp <("$ll" assess --format jsonl --jobs 1 < "$jsonl" 2>/dev/null) \
    <("$ll" assess --format jsonl --jobs 2 < "$jsonl" 2>/dev/null)
echo "records: $("$ll" assess --format jsonl < "$jsonl" 2>/dev/null | wc -l)," \
    "rejected: $("$ll" assess --format jsonl < "$jsonl" 2>/dev/null |
    grep -c '^{"format":"leaklaw/assessment/1","rejected"' || true)"
# the floor: what every case costs before any validation or assessment,
# done by peers on one thread (bench/peers/lines.cpp): the SHA-256 of each
# line (the case_sha256 column), simdjson's parse of each line, and both
c++ -O2 -std=c++17 "$root/bench/peers/lines.cpp" -o "$out/lines" \
    $(pkg-config --cflags --libs simdjson) -lcrypto
hyperfine --warmup 1 --runs 3 --export-markdown "$out/batch-floor.md" \
    -n "assess --format csv --jobs 1, $n cases" \
    "$ll assess --format csv --jobs 1 < $jsonl > /dev/null 2>&1" \
    -n "SHA-256 of each line (OpenSSL), $n cases" \
    "$out/lines sha256 < $jsonl" \
    -n "simdjson DOM parse of each line, $n cases" \
    "$out/lines parse < $jsonl" \
    -n "SHA-256 and simdjson parse of each line, $n cases" \
    "$out/lines both < $jsonl"
hyperfine --warmup 1 --runs 3 -i --export-markdown "$out/batch.md" \
    -n "assess --format jsonl --jobs 1, $n cases" \
    "$ll assess --format jsonl --jobs 1 < $jsonl > /dev/null 2>&1" \
    -n "assess --format jsonl --jobs 2, $n cases" \
    "$ll assess --format jsonl --jobs 2 < $jsonl > /dev/null 2>&1" \
    -n "assess --format csv --jobs 2, $n cases" \
    "$ll assess --format csv --jobs 2 < $jsonl > /dev/null 2>&1" \
    -n "python3 json.loads of each line (parse only), $n cases" \
    "python3 -c 'import json, sys
for line in sys.stdin: json.loads(line)' < $jsonl" \
    -n "jq -c . (parse and print), $n cases" \
    "jq -c . < $jsonl > /dev/null"
# peak memory: flat in the input size
/usr/bin/time -o "$out/batch-rss.txt" -f "peak RSS, --jobs 2: %M KiB" \
    "$ll" assess --format jsonl --jobs 2 < "$jsonl" > /dev/null 2>&1 || true
cat "$out/batch-rss.txt"
cat "$out/batch.md"
cat "$out/batch-floor.md"
