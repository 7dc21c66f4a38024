#!/usr/bin/env bash
# Benchmarks (hyperfine, side by side on the same input). Writes the tables
# to bench/out/ and prints them. Usage: bench/run.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"
export LEAKLAW_DATA=$root/data
ll=$root/$build/leaklaw

# 1. In-process latency: law load, one assessment, one what-if.
cc -O2 -I"$root/include" "$root/bench/bench_assess.c" \
    "$root/$build/libleaklaw.a" -ljansson -lyaml -lcrypto -lm \
    -o "$out/bench_assess"
: > "$out/latency.txt"
for c in "$root"/data/cases/*.json "$root"/tests/resources/cases/partial.yaml; do
    echo "# $(basename "$c")" >> "$out/latency.txt"
    taskset -c 0 "$out/bench_assess" "$root/data" "$c" 500 >> "$out/latency.txt"
done
grep -A3 "dnc-2016\|partial" "$out/latency.txt"
echo "slowest what-if (median, us):"
grep "with what-if" "$out/latency.txt" | awk '{print $5}' | sort -n | tail -1

# 2. Throughput: 10,000 cases, one process, one core.
if [ ! -f "$out/cases/bench-09999.json" ]; then
    python3 "$root/bench/gen_cases.py" "$root/data" "$out/cases" 10000
fi
cd "$out/cases"
hyperfine --warmup 1 --runs 10 --export-markdown "$out/throughput.md" \
    -n "leaklaw assess (no what-if), 10,000 cases" \
    "taskset -c 0 $ll assess --no-what-if --no-precedents --format csv bench-*.json > /dev/null" \
    -n "leaklaw assess (with what-if, JSON Lines), 10,000 cases" \
    "taskset -c 0 $ll assess --no-precedents bench-*.json > /dev/null" \
    -n "leaklaw check, 10,000 cases" \
    "taskset -c 0 $ll check --quiet bench-*.json" \
    -n "jq (parse and print), 10,000 cases" \
    "taskset -c 0 jq -c . bench-*.json > /dev/null" \
    -n "python3 json.load, 10,000 cases" \
    "taskset -c 0 python3 -c 'import json,glob; [json.load(open(f)) for f in glob.glob(\"bench-*.json\")]'"
cat "$out/throughput.md"

# 3. Peak memory of the 10,000-case batch (flat: one case at a time).
/usr/bin/time -f "peak RSS %M KiB, 10,000 cases (csv)" \
    "$ll" assess --format csv bench-*.json > /dev/null
/usr/bin/time -f "peak RSS %M KiB, 1,000 cases (csv)" \
    "$ll" assess --format csv bench-00*.json > /dev/null
/usr/bin/time -f "peak RSS %M KiB, 10,000 cases (JSON Lines, what-if)" \
    "$ll" assess --no-precedents bench-*.json > /dev/null

# 3. DKIM verification of a 20,000-message corpus beside dkimpy and mailauth.
"$root/bench/mail/run.sh" "$build"

# 4. The store: importing 10,000 cases and searching them, beside sqlite3.
"$root/bench/store.sh" "$build"
