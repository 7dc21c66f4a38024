#!/usr/bin/env python3
"""Derive data/attack/techniques.tsv (id, name) from MITRE's ATT&CK
Enterprise STIX bundle. Run: scripts/attack-index.py BUNDLE > OUT.
Revoked and deprecated techniques are kept: old case files may cite them."""
import json
import sys

bundle = json.load(open(sys.argv[1]))
rows = {}
for obj in bundle.get("objects", []):
    if obj.get("type") != "attack-pattern":
        continue
    for ref in obj.get("external_references", []):
        if ref.get("source_name") == "mitre-attack" and ref.get("external_id"):
            rows[ref["external_id"]] = obj.get("name", "").replace("\t", " ")
print("# MITRE ATT&CK Enterprise technique ids, derived from "
      "enterprise-attack-patterns.json (see LICENSE.txt)")
for k in sorted(rows):
    print(f"{k}\t{rows[k]}")
