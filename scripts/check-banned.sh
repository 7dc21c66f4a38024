#!/usr/bin/env bash
# STYLE rule 9: banned C calls and raw allocation in library, CLI and
# server code. Exits 1 and lists the offending lines if any.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
hits=$(grep -rnE '\b(sprintf|vsprintf|strcpy|strcat|atoi|atol|gets|strtok)[[:space:]]*\(' \
    "$root/src" 2>/dev/null)
raw=$(grep -rnE '(^|[^_a-z])(malloc|calloc|realloc|free|strdup)[[:space:]]*\(' \
    "$root/src" 2>/dev/null | grep -v "src/util/alloc.c:")
if [ -n "$hits$raw" ]; then
    echo "banned calls (STYLE rule 9):"
    [ -n "$hits" ] && echo "$hits"
    [ -n "$raw" ] && echo "$raw"
    exit 1
fi
echo "ok: no banned calls in src/"
