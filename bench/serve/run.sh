#!/bin/sh
# bench/serve/run.sh BUILD [SECONDS [N]]: leaklaw serve under wrk on
# loopback, POST /v1/assess at 64 connections (2 wrk threads); prints
# requests/s, p50 and p99 latency, errors and the server's resident
# memory before and after each run:
#   1. the server as started by default (a 64 MiB cache of assessments):
#      the same small case posted again and again, the same for the
#      largest library case (every answer after the first is a cache
#      hit), then N distinct generated cases in turn (bench/gen_cases.py,
#      5,000 by default: more than the cache keeps, so every answer is
#      assessed; the hits are counted);
#   2. the server with --cache-mb 0: the two cases assessed on every
#      request, with and without the what-if search and precedents.
# Release build; see bench/README.md ("Server") for the figures.
set -eu
build=${1:-build}
secs=${2:-30}
ncases=${3:-5000}
root=$(cd "$(dirname "$0")/../.." && pwd)
port=18731
small=tests/resources/cases/principles/p-ransom-ministry.json
dnc=data/cases/dnc-2016.json
cases=$root/bench/out/serve-cases-$ncases.jsonl
mkdir -p "$root/bench/out"
[ -f "$cases" ] ||
    python3 "$root/bench/gen_cases.py" "$root/data" "$cases" "$ncases" --jsonl
pid=
start() {
    "$root/$build/leaklaw" --data "$root/data" serve \
        --listen 127.0.0.1:$port "$@" 2>/dev/null &
    pid=$!
    sleep 1
}
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
trap stop EXIT
rss() { awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status; }
same() { # PATH CASE
    echo "== POST $1 $2 ($(wc -c < "$root/$2") bytes), the same bytes each time"
    echo "rss_before $(rss)"
    LK_PATH="$1" LK_CASE="$root/$2" wrk -t2 -c64 -d"${secs}s" \
        --latency -s "$root/bench/serve/post.lua" "http://127.0.0.1:$port" |
        grep -E '^(requests/s|p50_ms|p99_ms|errors|non2xx)'
    echo "rss_after $(rss)"
}
echo "### default server (--cache-mb 64)"
start
same /v1/assess $small
same /v1/assess $dnc
echo "== POST /v1/assess, $ncases distinct generated cases in turn"
echo "rss_before $(rss)"
LK_PATH=/v1/assess LK_CASES="$cases" wrk -t2 -c64 -d"${secs}s" \
    --latency -s "$root/bench/serve/distinct.lua" "http://127.0.0.1:$port" |
    grep -E '^(requests/s|p50_ms|p99_ms|errors|non2xx|cache_hits|distinct)'
echo "rss_after $(rss)"
stop
echo "### --cache-mb 0 (every request assessed)"
start --cache-mb 0
for path in /v1/assess "/v1/assess?what_if=0&precedents=0"; do
    same "$path" $small
    same "$path" $dnc
done
