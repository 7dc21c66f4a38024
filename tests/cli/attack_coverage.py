#!/usr/bin/env python3
"""The intrusiveness table (data/rules/intrusiveness.json "attack") maps
every current Initial Access (TA0001) and Credential Access (TA0006)
technique and sub-technique of the bundled MITRE ATT&CK to an access
method, each row with its reason, and no Reconnaissance (TA0043)
technique: reconnaissance says nothing about how material was obtained."""
import json
import sys

root = sys.argv[1]
bundle = json.load(open(f"{root}/data/attack/enterprise-attack-patterns.json"))
table = json.load(open(f"{root}/data/rules/intrusiveness.json"))
rows = {r["id"]: r for r in table["attack"]}
want = {"initial-access": set(), "credential-access": set(),
        "reconnaissance": set()}
names = {}
for obj in bundle["objects"]:
    if obj.get("type") != "attack-pattern":
        continue
    ids = [r["external_id"] for r in obj.get("external_references", [])
           if r.get("source_name") == "mitre-attack"]
    names[ids[0]] = obj["name"]
    if obj.get("revoked") or obj.get("x_mitre_deprecated"):
        continue
    for p in obj.get("kill_chain_phases", []):
        if p.get("kill_chain_name") == "mitre-attack" and p["phase_name"] in want:
            want[p["phase_name"]].add(ids[0])
bad = []
for phase in ("initial-access", "credential-access"):
    for tid in sorted(want[phase] - rows.keys()):
        bad.append(f"{tid} ({phase}) has no row")
for tid in sorted(want["reconnaissance"] & rows.keys()):
    bad.append(f"{tid} is reconnaissance: it must not be mapped")
for tid, r in sorted(rows.items()):
    if r.get("method") in (None, "unknown"):
        bad.append(f"{tid}: no access method")
    if not r.get("text", "").strip():
        bad.append(f"{tid}: no text saying why")
    if r.get("name") != names.get(tid):
        bad.append(f"{tid}: name {r.get('name')!r} is not ATT&CK's "
                   f"{names.get(tid)!r}")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print(f"ok: {len(want['initial-access'])} initial-access and "
      f"{len(want['credential-access'])} credential-access techniques mapped "
      f"({len(want['initial-access'] | want['credential-access'])} distinct, "
      f"{len(rows)} rows), none of {len(want['reconnaissance'])} "
      "reconnaissance techniques")
