#!/usr/bin/env python3
"""The ATT&CK index data/attack/techniques.tsv must be exactly what
scripts/attack-index.py derives from the bundled MITRE file."""
import subprocess
import sys

root = sys.argv[1]
want = subprocess.run([sys.executable, f"{root}/scripts/attack-index.py",
                       f"{root}/data/attack/enterprise-attack-patterns.json"],
                      capture_output=True, text=True, check=True).stdout
got = open(f"{root}/data/attack/techniques.tsv", encoding="utf-8").read()
if got != want:
    print("data/attack/techniques.tsv is out of date: run "
          "scripts/attack-index.py data/attack/enterprise-attack-patterns.json"
          " > data/attack/techniques.tsv")
    sys.exit(1)
print(f"ok: {sum(1 for l in want.splitlines() if not l.startswith('#'))} "
      "techniques")
