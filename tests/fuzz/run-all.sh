#!/usr/bin/env bash
# Run every fuzz target for SECONDS each, one after the other, on a copy of
# its seed corpus (new inputs go to tests/fuzz/corpus-<name>/, ignored by
# git). Usage: tests/fuzz/run-all.sh BUILD_DIR SECONDS [TARGET...]
set -euo pipefail
build=$1 seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$here"/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi
export LEAKLAW_DATA=${LEAKLAW_DATA:-$here/../../data}
for t in "${targets[@]}"; do
    work="$here/corpus-$t"
    mkdir -p "$work"
    echo "== $t: ${seconds}s"
    "$build/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$here/crash-$t-" "$work" "$here/corpus/$t" 2>&1 |
        grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' || true
    if ls "$here"/crash-"$t"-* >/dev/null 2>&1; then
        echo "$t: crash found, see $here/crash-$t-*"
        exit 1
    fi
done
