#!/usr/bin/env bash
# STYLE rule 1a: a file of src/<folder>/ includes headers of its own
# folder, of src/util/ and of include/leaklaw/ only (never "../"), and
# third-party headers only where the layer owns that dependency (sqlite3.h
# in src/store only). Public headers include only each other and no
# third-party header. Exits 1 listing every violation.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
bad=0
# third-party header -> folders allowed to include it
owner() {
    case "$1" in
    yaml.h) echo "core" ;;
    sqlite3.h) echo "store" ;;
    microhttpd.h) echo "server" ;;
    openssl/*) echo "util mail" ;;
    zlib.h|lzma.h|zstd.h) echo "mail" ;;
    jansson.h) echo "util core report interop store server" ;;
    *) echo "*" ;;
    esac
}
for f in src/*/*.[ch]; do
    dir=$(basename "$(dirname "$f")")
    while IFS= read -r line; do
        inc=$(printf '%s' "$line" | sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]+["<]([^">]+)[">].*/\1/')
        case "$line" in
        *'"'*)
            case "$inc" in
            leaklaw/*) [ -f "include/$inc" ] && continue ;;
            ../*|*/*) ;;
            *) [ -f "src/$dir/$inc" ] || [ -f "src/util/$inc" ] && continue ;;
            esac
            echo "$f: includes \"$inc\" (own folder, src/util and include/leaklaw only)"
            bad=1 ;;
        *)
            allowed=$(owner "$inc")
            [ "$allowed" = "*" ] && continue
            case " $allowed " in *" $dir "*) continue ;; esac
            echo "$f: includes <$inc>, a dependency of: $allowed"
            bad=1 ;;
        esac
    done < <(grep -E '^[[:space:]]*#[[:space:]]*include' "$f")
done
for f in include/leaklaw/*.h; do
    # the public API never exposes a third-party header (sqlite3.h stays
    # inside src/store, microhttpd.h inside src/server, ...)
    while IFS= read -r inc; do
        [ "$(owner "$inc")" = "*" ] && continue
        echo "$f: a public header includes <$inc>"
        bad=1
    done < <(grep -E '^[[:space:]]*#[[:space:]]*include[[:space:]]+<' "$f" |
             sed -E 's/.*<([^>]+)>.*/\1/')
    grep -E '^[[:space:]]*#[[:space:]]*include[[:space:]]+"' "$f" |
    sed -E 's/.*"([^"]+)".*/\1/' | while IFS= read -r inc; do
        [ -f "include/leaklaw/$inc" ] && continue
        echo "$f: a public header includes \"$inc\""
        exit 1
    done || bad=1
done
[ $bad -eq 0 ] && echo "ok: every include keeps to its layer"
exit $bad
