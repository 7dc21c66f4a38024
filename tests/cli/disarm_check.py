#!/usr/bin/env python3
"""The DISARM index data/disarm/techniques.tsv must be exactly what
scripts/disarm-index.py derives from the bundled DISARM file."""
import subprocess
import sys

root = sys.argv[1]
want = subprocess.run([sys.executable, f"{root}/scripts/disarm-index.py",
                       f"{root}/data/disarm/DISARM.json"],
                      capture_output=True, text=True, check=True).stdout
got = open(f"{root}/data/disarm/techniques.tsv", encoding="utf-8").read()
if got != want:
    print("data/disarm/techniques.tsv is out of date: run "
          "scripts/disarm-index.py data/disarm/DISARM.json"
          " > data/disarm/techniques.tsv")
    sys.exit(1)
print(f"ok: {sum(1 for l in want.splitlines() if not l.startswith('#'))} "
      "techniques")
