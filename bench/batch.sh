#!/usr/bin/env bash
# Batch benchmark: 100,000 generated cases (bench/gen_cases.py) as one
# JSON Lines stream on standard input, assessed by
# "leaklaw assess --format jsonl" on 1 and 2 worker threads (hyperfine).
# Writes bench/out/batch.md and prints it. Usage: bench/batch.sh BUILD_DIR [N]
set -euo pipefail
build=${1:-build}
n=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"
export LEAKLAW_DATA=$root/data
ll=$root/$build/leaklaw
jsonl=$out/batch-$n.jsonl

if [ ! -f "$jsonl" ]; then
    tmp=$(mktemp -d "$out/batch-cases.XXXXXX")
    python3 "$root/bench/gen_cases.py" "$root/data" "$tmp" "$n"
    python3 - "$tmp" "$jsonl.part" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
with open(dst, "w") as out:
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name)) as f:
            out.write(json.dumps(json.load(f), separators=(",", ":")) + "\n")
PY
    mv "$jsonl.part" "$jsonl"
    rm -rf "$tmp"
fi
echo "input: $(wc -l < "$jsonl") cases, $(du -h "$jsonl" | cut -f1)"
# the two runs must agree byte for byte before they are timed
cmp <("$ll" assess --format jsonl --jobs 1 < "$jsonl") \
    <("$ll" assess --format jsonl --jobs 2 < "$jsonl")
hyperfine --warmup 1 --runs 3 --export-markdown "$out/batch.md" \
    -n "assess --format jsonl --jobs 1, $n cases" \
    "$ll assess --format jsonl --jobs 1 < $jsonl > /dev/null" \
    -n "assess --format jsonl --jobs 2, $n cases" \
    "$ll assess --format jsonl --jobs 2 < $jsonl > /dev/null"
# peak memory: flat in the input size
/usr/bin/time -f "peak RSS, --jobs 2: %M KiB" \
    "$ll" assess --format jsonl --jobs 2 < "$jsonl" > /dev/null
cat "$out/batch.md"
