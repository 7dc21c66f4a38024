#!/usr/bin/env python3
"""Derive data/attack/techniques.tsv (id, name, tactics, status) from
MITRE's ATT&CK Enterprise STIX bundle. Run: scripts/attack-index.py BUNDLE
> OUT. Revoked and deprecated techniques are kept (status column): old case
files may cite them. The bundle holds no tactic objects: the Enterprise
tactics' ids and names are listed here."""
import json
import sys

TACTICS = {
    "reconnaissance": ("TA0043", "Reconnaissance"),
    "resource-development": ("TA0042", "Resource Development"),
    "initial-access": ("TA0001", "Initial Access"),
    "execution": ("TA0002", "Execution"),
    "persistence": ("TA0003", "Persistence"),
    "privilege-escalation": ("TA0004", "Privilege Escalation"),
    "defense-evasion": ("TA0005", "Defense Evasion"),
    "credential-access": ("TA0006", "Credential Access"),
    "discovery": ("TA0007", "Discovery"),
    "lateral-movement": ("TA0008", "Lateral Movement"),
    "collection": ("TA0009", "Collection"),
    "command-and-control": ("TA0011", "Command and Control"),
    "exfiltration": ("TA0010", "Exfiltration"),
    "impact": ("TA0040", "Impact"),
}

bundle = json.load(open(sys.argv[1]))
rows = {}
for obj in bundle.get("objects", []):
    if obj.get("type") != "attack-pattern":
        continue
    tactics = []
    for p in obj.get("kill_chain_phases", []):
        if p.get("kill_chain_name") == "mitre-attack":
            tid, tname = TACTICS[p["phase_name"]]
            tactics.append(f"{tid} {tname}")
    status = ("revoked" if obj.get("revoked") else
              "deprecated" if obj.get("x_mitre_deprecated") else "")
    for ref in obj.get("external_references", []):
        if ref.get("source_name") == "mitre-attack" and ref.get("external_id"):
            rows[ref["external_id"]] = (obj.get("name", "").replace("\t", " "),
                                        ";".join(tactics), status)
print("# MITRE ATT&CK Enterprise technique ids, derived from "
      "enterprise-attack-patterns.json (see LICENSE.txt)")
print("# id\tname\ttactics\tstatus")
for k in sorted(rows):
    print(k + "\t" + "\t".join(rows[k]).rstrip("\t"))
