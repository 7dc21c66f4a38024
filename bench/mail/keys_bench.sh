#!/bin/sh
# keys_bench.sh LEAKLAW: time loading a key archive of 100,000 records
# (2048-bit RSA keys, 5,000 domains) and verifying one unsigned message
# with it; the records are parsed only when a signature names them.
set -eu
ll=${1:-build/leaklaw}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
openssl genrsa -out "$dir/k.pem" 2048 2>/dev/null
p=$(openssl rsa -in "$dir/k.pem" -pubout -outform DER 2>/dev/null | base64 -w0)
awk -v p="$p" 'BEGIN { for (i = 0; i < 100000; i++)
    printf "s%d._domainkey.d%d.example v=DKIM1; k=rsa; p=%s\n", i, i % 5000, p }' \
    > "$dir/keys.txt"
printf 'From: a@example.org\n\nbody\n' > "$dir/one.eml"
if command -v hyperfine >/dev/null; then
    hyperfine -w 2 -r 10 \
        "$ll mail verify --keys $dir/keys.txt --at 2020-01-01 $dir/one.eml"
else
    time "$ll" mail verify --keys "$dir/keys.txt" --at 2020-01-01 \
        "$dir/one.eml" >/dev/null
fi
