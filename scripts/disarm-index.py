#!/usr/bin/env python3
"""Derive data/disarm/techniques.tsv (id, name, tactics, status) from the
DISARM Red Framework STIX bundle (influence-operation techniques, CC BY-SA
4.0, see data/disarm/LICENSE.md). Run: scripts/disarm-index.py BUNDLE > OUT.
Its technique ids are Tnnnn like ATT&CK's: the two catalogues are kept in
separate files."""
import json
import sys

bundle = json.load(open(sys.argv[1]))
tactics = {}
for obj in bundle.get("objects", []):
    if obj.get("type") == "x-mitre-tactic":
        ext = [r["external_id"] for r in obj.get("external_references", [])
               if r.get("source_name") == "DISARM"]
        tactics[obj["x_mitre_shortname"]] = f"{ext[0]} {obj['name']}"
rows = {}
for obj in bundle.get("objects", []):
    if obj.get("type") != "attack-pattern":
        continue
    tac = [tactics[p["phase_name"]] for p in obj.get("kill_chain_phases", [])]
    status = ("revoked" if obj.get("revoked") else
              "deprecated" if obj.get("x_mitre_deprecated") else "")
    for ref in obj.get("external_references", []):
        if ref.get("external_id", "").startswith("T"):
            rows[ref["external_id"]] = (obj.get("name", "").replace("\t", " "),
                                        ";".join(tac), status)
print("# DISARM Red Framework technique ids, derived from DISARM.json "
      "(see LICENSE.md)")
print("# id\tname\ttactics\tstatus")
for k in sorted(rows):
    print(k + "\t" + "\t".join(rows[k]).rstrip("\t"))
