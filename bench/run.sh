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
    "$root/$build/libleaklaw_static.a" -ljansson -lyaml -lcrypto -lm \
    -o "$out/bench_assess"
"$out/bench_assess" "$root/data" "$root/data/cases/dnc-2016.json" 2000 |
    tee "$out/latency.txt"

# 2. Throughput: 10,000 cases, one process, one core.
if [ ! -f "$out/cases/bench-09999.json" ]; then
    python3 "$root/bench/gen_cases.py" "$root/data" "$out/cases" 10000
fi
cd "$out/cases"
hyperfine --warmup 1 --runs 5 --export-markdown "$out/throughput.md" \
    -n "leaklaw assess (no what-if), 10,000 cases" \
    "taskset -c 0 $ll assess --no-what-if --no-precedents --format csv bench-*.json > /dev/null" \
    -n "leaklaw assess (with what-if), 10,000 cases" \
    "taskset -c 0 $ll assess --no-precedents --format csv bench-*.json > /dev/null" \
    -n "leaklaw check, 10,000 cases" \
    "taskset -c 0 $ll check --quiet bench-*.json" \
    -n "jq (parse and print), 10,000 cases" \
    "taskset -c 0 jq -c . bench-*.json > /dev/null" \
    -n "python3 json.load, 10,000 cases" \
    "taskset -c 0 python3 -c 'import json,glob; [json.load(open(f)) for f in glob.glob(\"bench-*.json\")]'"
cat "$out/throughput.md"
