#!/usr/bin/env python3
"""Precedents read the store when one is given (--db): a case imported
into it is the nearest precedent of its twin, and it is absent without
--db; cases check and stats keep to the bundled library (a stored case
has no expected verdicts)."""
import json
import os
import subprocess
import sys
import tempfile

import argparse
_ap = argparse.ArgumentParser()
_ap.add_argument("--leaklaw", required=True)
_ap.add_argument("--root", required=True)
_a = _ap.parse_args()
leaklaw, root = os.path.abspath(_a.leaklaw), _a.root
bad = 0


def run(*args):
    return subprocess.run([leaklaw] + list(args), cwd=root,
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "l.db")
    case = json.load(open(os.path.join(root, "data/cases/dnc-2016.json")))
    case["id"] = "stored-dnc-twin"
    case["title"] = "Stored twin of the DNC case"
    del case["expected"]
    path = os.path.join(tmp, "twin.json")
    json.dump(case, open(path, "w"))
    p = run("--db", db, "cases", "import", path)
    if p.returncode != 0:
        print("FAIL import: " + p.stderr)
        sys.exit(1)
    a = json.loads(run("--db", db, "assess", "--format", "json",
                       "data/cases/dnc-2016.json").stdout)
    first = a["precedents"][0]["case"]
    if first != "stored-dnc-twin":
        print("FAIL with --db the stored twin is not the nearest: " + first)
        bad += 1
    a = json.loads(run("assess", "--format", "json",
                       "data/cases/dnc-2016.json").stdout)
    if any(x["case"] == "stored-dnc-twin" for x in a["precedents"]):
        print("FAIL without --db the store is read")
        bad += 1
    n = len([f for f in os.listdir(os.path.join(root, "data/cases"))
             if f.endswith(".json")])
    s = json.loads(run("--db", db, "cases", "stats", "--format",
                       "json").stdout)
    if s["cases"] != n:
        print("FAIL cases stats with --db: %d cases, expected the bundled "
              "%d" % (s["cases"], n))
        bad += 1
    p = run("--db", db, "cases", "check")
    if p.returncode != 0:
        print("FAIL cases check with --db reads the store: " + p.stdout)
        bad += 1
print("%d failures" % bad)
sys.exit(1 if bad else 0)
