#!/usr/bin/env bash
# bench/mail: DKIM verification of one corpus, side by side (hyperfine):
# leaklaw with 1 and 2 workers, dkimpy (Debian python3-dkim) and mailauth
# (npm), all with the same keys and no DNS. Peak memory of leaklaw on the
# corpus and on the corpus twice over. Usage: bench/mail/run.sh BUILD [N]
set -euo pipefail
build=${1:-build}
n=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/bench/out/mail
ll=$root/$build/leaklaw
mkdir -p "$out"
if [ ! -f "$out/corpus.mbox" ] || [ "$(grep -c '^From ' "$out/corpus.mbox")" != "$n" ]; then
    /usr/bin/python3 "$here/gen.py" "$out" "$n"
fi
if [ ! -d "$here/node_modules/mailauth" ]; then
    (cd "$here" && npm install --no-audit --no-fund --silent)
fi
keys=$out/keys.txt
mbox=$out/corpus.mbox
at=2016-10-08
echo "corpus: $n messages, $(du -m "$mbox" | cut -f1) MB"
for j in 1 2; do
    "$ll" mail verify --keys "$keys" --at $at --jobs $j --format md "$mbox" |
        grep '^| verified |'
done
/usr/bin/python3 "$here/dkimpy_verify.py" "$keys" "$mbox"
node "$here/mailauth_verify.mjs" "$keys" "$mbox"
hyperfine --warmup 1 --runs 5 --export-markdown "$out/hyperfine.md" \
    -n "leaklaw (1 worker)" \
    "$ll mail verify --keys $keys --at $at --jobs 1 $mbox > /dev/null" \
    -n "leaklaw (2 workers)" \
    "$ll mail verify --keys $keys --at $at --jobs 2 $mbox > /dev/null" \
    -n "dkimpy" "/usr/bin/python3 $here/dkimpy_verify.py $keys $mbox" \
    -n "mailauth" "node $here/mailauth_verify.mjs $keys $mbox"
cat "$out/hyperfine.md"
# peak memory: the same corpus once and twice over
cat "$mbox" "$mbox" > "$out/corpus2.mbox"
for f in "$mbox" "$out/corpus2.mbox"; do
    /usr/bin/time -f "peak RSS %M KB, %e s: $(basename "$f")" \
        "$ll" mail verify --keys "$keys" --at $at --jobs 2 "$f" > /dev/null
done
rm -f "$out/corpus2.mbox"
