#!/bin/sh
# bench/serve/run.sh BUILD [SECONDS]: leaklaw serve under wrk on loopback,
# POST /v1/assess at 64 connections (2 wrk threads), for a small case and
# for the largest library case; prints requests/s, p50 and p99 latency,
# errors and the server's resident memory before and after each run.
# Release build; see bench/README.md ("Server") for the figures.
set -eu
build=${1:-build}
secs=${2:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
port=18731
"$root/$build/leaklaw" --data "$root/data" serve --listen 127.0.0.1:$port 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep 1
rss() { awk '/VmRSS/ {print $2 " kB"}' /proc/$pid/status; }
for path in /v1/assess "/v1/assess?what_if=0&precedents=0"; do
for case in tests/resources/cases/principles/p-ransom-ministry.json \
            data/cases/dnc-2016.json; do
    echo "== POST $path $case ($(wc -c < "$root/$case") bytes)"
    echo "rss_before $(rss)"
    LK_PATH="$path" LK_CASE="$root/$case" wrk -t2 -c64 -d"${secs}s" \
        --latency -s "$root/bench/serve/post.lua" "http://127.0.0.1:$port" |
        grep -E '^(requests/s|p50_ms|p99_ms|errors|non2xx)'
    echo "rss_after $(rss)"
done
done
