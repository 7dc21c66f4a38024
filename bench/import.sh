#!/usr/bin/env bash
# STIX import benchmark: "leaklaw import stix" beside Python's json.load
# (parse only) on the same bundles (hyperfine, 5 runs):
#   - data/attack/enterprise-attack-patterns.json (the bundled ATT&CK
#     patterns, 2.8 MB: parsed and indexed, then refused with exit 65, as
#     it holds no intrusion set, campaign or threat actor);
#   - the whole of MITRE ATT&CK Enterprise as of mitre/cti 88d38c6
#     (tests/resources/attack-2020, 12 MB once decompressed, 9,715
#     objects, 106 groups that are not revoked: 106 drafts);
#   - a generated STIX 2.1 bundle of N intrusion sets with their
#     campaigns, reports, victims and relationships
#     (tests/cli/gen_stix_bundle.py, from data/attack, no download;
#     1,000 by default, the most one import turns into drafts).
# Writes bench/out/import.md and prints it.
# Usage: bench/import.sh BUILD_DIR [N]
set -euo pipefail
build=${1:-build}
n=${2:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/out
mkdir -p "$out"
export LEAKLAW_DATA=$root/data
ll=$root/$build/leaklaw
attack=$root/data/attack/enterprise-attack-patterns.json
big=$out/stix-$n.json
[ -f "$big" ] || python3 "$root/tests/cli/gen_stix_bundle.py" "$root" "$big" "$n"
full=$out/enterprise-attack-2020.json
[ -f "$full" ] || python3 -c 'import lzma,sys; open(sys.argv[2],"wb").write(lzma.open(sys.argv[1]).read())' \
    "$root/tests/resources/attack-2020/enterprise-attack.json.xz" "$full"
for f in "$attack" "$full" "$big"; do
    echo "$(basename "$f"): $(du -h "$f" | cut -f1)," \
        "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["objects"]))' "$f") objects," \
        "$("$ll" import stix "$f" 2>/dev/null | wc -l) drafts"
done
hyperfine -i --warmup 1 --runs 5 --export-markdown "$out/import.md" \
    -n "leaklaw import stix, ATT&CK patterns" \
    "$ll import stix $attack > /dev/null" \
    -n "python3 json.load, ATT&CK patterns" \
    "python3 -c 'import json; json.load(open(\"$attack\"))'" \
    -n "leaklaw import stix, ATT&CK Enterprise (full)" \
    "$ll import stix $full > /dev/null" \
    -n "python3 json.load, ATT&CK Enterprise (full)" \
    "python3 -c 'import json; json.load(open(\"$full\"))'" \
    -n "leaklaw import stix, $n groups" \
    "$ll import stix $big > /dev/null" \
    -n "python3 json.load, $n groups" \
    "python3 -c 'import json; json.load(open(\"$big\"))'"
cat "$out/import.md"
