#!/usr/bin/env bash
# install_test.sh: `make install` into a temporary prefix from a copy of
# the source tree, delete the copy and its build, then use what was
# installed: the leaklaw binary (its data found beside it, no
# $LEAKLAW_DATA), and libleaklaw through pkg-config, linked shared and
# static. Usage: install_test.sh SOURCE_DIR [REFERENCE_LEAKLAW]
set -euo pipefail

src=$(cd "$1" && pwd)
ref=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
unset LEAKLAW_DATA MAKEFLAGS MFLAGS MAKELEVEL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/leaklaw-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
log=$tmp/log
prefix=$tmp/prefix

fail() {
    echo "FAIL: $*"
    if [ -s "$log" ]; then
        echo "--- last lines of the log:"
        tail -n 40 "$log"
    fi
    exit 1
}

# 1. A copy of the source tree: the files git knows (tracked or new, not
# ignored), else everything but build directories and .git.
mkdir "$tmp/src"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do
            if [ -f "$f" ]; then printf '%s\0' "$f"; fi
        done | tar --null -T - -cf -) | tar -C "$tmp/src" -xf -
else
    tar -C "$src" --exclude=./.git --exclude='./build*' -cf - . |
        tar -C "$tmp/src" -xf -
fi
[ -f "$tmp/src/CMakeLists.txt" ] || fail "copy of $src is empty"
echo "copied $src"

# 2. make install: a Release build without tests. DEB_PACKAGES is emptied
# so that the test never calls apt-get (the packages are checked by the
# `make test` that runs it).
make --no-print-directory -C "$tmp/src" install PREFIX="$prefix" \
    BUILD="$tmp/build" DEB_PACKAGES= >"$log" 2>&1 ||
    fail "make install PREFIX=$prefix"
echo "installed into $prefix"
for f in bin/leaklaw include/leaklaw/leaklaw.h share/man/man1/leaklaw.1 \
    share/leaklaw/sources.json share/leaklaw/attack/LICENSE.txt \
    share/doc/leaklaw/LICENSE; do
    [ -f "$prefix/$f" ] || fail "$f is not installed"
done
pc=$(find "$prefix" -name leaklaw.pc -path '*/lib*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || fail "leaklaw.pc is not installed under lib*/pkgconfig"
libdir=$(dirname "$(dirname "$pc")")
for f in libleaklaw.a libleaklaw.so libleaklaw.so.0; do
    [ -e "$libdir/$f" ] || fail "$libdir/$f is not installed"
done
readelf -d "$libdir/libleaklaw.so.0" | grep -q 'SONAME.*\[libleaklaw\.so\.0\]' ||
    fail "libleaklaw.so.0 has no SONAME libleaklaw.so.0"

# 3. Nothing of the build is left: the installed files must stand alone.
rm -rf "$tmp/src" "$tmp/build"
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
data=$prefix/share/leaklaw
ll=$prefix/bin/leaklaw

# 4. The binary: its version, and the DNC memo from the installed data.
export PKG_CONFIG_PATH=$libdir/pkgconfig
version=$(pkg-config --modversion leaklaw) || fail "pkg-config leaklaw"
[ "$("$ll" --version)" = "leaklaw $version" ] ||
    fail "leaklaw --version is not 'leaklaw $version'"
"$ll" assess --format md "$data/cases/dnc-2016.json" >memo.md 2>"$log" ||
    fail "installed leaklaw assess (data not found beside the binary?)"
grep -q '^# Memorandum: DNC hack-and-leak' memo.md ||
    fail "no memo from the installed leaklaw"
grep -q '^### 4.[0-9]* Intervention 2.0 (de lege ferenda): Breach' memo.md ||
    fail "the memo lacks the Intervention 2.0 verdict"
if [ -n "$ref" ]; then
    "$ref" --data "$src/data" assess --format md \
        "$src/data/cases/dnc-2016.json" >ref.md 2>"$log" ||
        fail "reference leaklaw $ref"
    cmp -s memo.md ref.md ||
        fail "the installed leaklaw's memo differs from the build tree's"
fi
echo "leaklaw $version: memo from $data"

# $LEAKLAW_DATA and --data still take precedence over the installed data.
if LEAKLAW_DATA=$tmp/nowhere "$ll" rules >/dev/null 2>"$log"; then
    fail "LEAKLAW_DATA=$tmp/nowhere was ignored"
fi
if LEAKLAW_DATA=$tmp/nowhere "$ll" --data "$data" rules >/dev/null 2>"$log"
then :; else fail "--data does not override LEAKLAW_DATA"; fi

# 5. A program of our own against libleaklaw, found by pkg-config.
model=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["name"], d["version"])' "$data/rules/model.json")
expect=$(printf 'version %s\nrules %s' "$version" "$model")
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror \
    $(pkg-config --cflags leaklaw) "$here/consumer.c" -o consumer \
    $(pkg-config --libs leaklaw) -Wl,-rpath,"$libdir" >"$log" 2>&1 ||
    fail "compiling against pkg-config --cflags --libs leaklaw"
readelf -d consumer | grep -q 'NEEDED.*\[libleaklaw\.so\.0\]' ||
    fail "the program is not linked to libleaklaw.so.0"
[ "$(./consumer "$data" 2>"$log")" = "$expect" ] ||
    fail "the shared-linked program printed something else"
echo "shared: $model"

# Fully static (Debian ships libjansson.a, libyaml.a and libcrypto.a). The
# linker warns that libcrypto's dlopen, getaddrinfo and gethostbyname need
# glibc's shared libraries at run time: paths of libcrypto that leaklaw
# does not take.
# shellcheck disable=SC2046
"$cc" -std=c99 -static $(pkg-config --cflags leaklaw) "$here/consumer.c" \
    -o consumer-static $(pkg-config --static --libs leaklaw) >"$log" 2>&1 ||
    fail "linking with pkg-config --static --libs leaklaw"
if readelf -d consumer-static 2>/dev/null | grep -q NEEDED; then
    fail "the static program needs shared libraries"
fi
[ "$(./consumer-static "$data" 2>"$log")" = "$expect" ] ||
    fail "the static program printed something else"
echo "static: $model"

# 6. The installed tree can move: the data is found relative to the binary.
mv "$prefix" "$tmp/moved"
"$tmp/moved/bin/leaklaw" assess --format md \
    "$tmp/moved/share/leaklaw/cases/dnc-2016.json" >moved.md 2>"$log" ||
    fail "leaklaw moved to $tmp/moved does not find its data"
cmp -s memo.md moved.md || fail "the moved leaklaw's memo differs"
echo "moved: ok"
echo "ok: install"
