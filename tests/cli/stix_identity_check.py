#!/usr/bin/env python3
"""data/stix/identity.json (how `leaklaw import stix` reads a STIX
identity's class and sectors) is checked when the law loads: a target
that is not a victim.target of the case format, a sector or class read
twice, a missing field or a misplaced '*' stops every command with one
line naming the file, line:column and JSON pointer (a broken data
directory: exit status 1, as for every law file). The bundled file loads
and reads every value of the STIX 2.1 industry-sector-ov and
identity-class-ov vocabularies (the OASIS schema in
tests/resources/stix/schemas)."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--leaklaw", required=True)
ap.add_argument("--root", required=True)
a = ap.parse_args()
leaklaw, root = a.leaklaw, a.root
bad = 0

bundled = json.load(open(os.path.join(root, "data", "stix", "identity.json")))
schema = json.load(open(os.path.join(root, "tests", "resources", "stix",
                                     "schemas", "sdos", "identity.json")))
for vocab, rows, key in (("industry-sector-ov", "sectors", "sector"),
                         ("identity-class-ov", "classes", "class")):
    have = {r[key] for r in bundled[rows]}
    for v in schema["definitions"][vocab]["enum"]:
        if v not in have:
            print("FAIL %s value %r has no row in data/stix/identity.json"
                  % (vocab, v))
            bad += 1

p = subprocess.run([leaklaw, "--data", os.path.join(root, "data"), "rules"],
                   capture_output=True, text=True)
if p.returncode != 0:
    print("FAIL bundled identity.json: %d %s" % (p.returncode, p.stderr))
    bad += 1


def set_key(rows, i, key, value):
    def f(doc):
        doc[rows][i][key] = value
    return f


def del_key(rows, i, key):
    def f(doc):
        del doc[rows][i][key]
    return f


def dup(rows, i):
    def f(doc):
        doc[rows].append(dict(doc[rows][i]))
    return f


n_sectors = len(bundled["sectors"])
MUTATIONS = [
    ("target army", set_key("sectors", 0, "target", "army"),
     "/sectors/0/target", "victim target"),
    ("target unknown", set_key("sectors", 0, "target", "unknown"),
     "/sectors/0/target", "victim target"),
    ("no target", del_key("sectors", 0, "target"), "/sectors/0",
     "missing required key 'target'"),
    ("no government", del_key("sectors", 2, "government"), "/sectors/2",
     "true or false"),
    ("no text", del_key("sectors", 2, "text"), "/sectors/2",
     "missing required key 'text'"),
    ("no company", del_key("sectors", 2, "company"), "/sectors/2",
     "'company' takes true or false"),
    ("company not boolean", set_key("sectors", 2, "company", "yes"),
     "/sectors/2/company", "'company' takes true or false"),
    ("sector twice", dup("sectors", 5), "/sectors/%d/sector" % n_sectors,
     "read twice"),
    ("class twice", dup("classes", 0),
     "/classes/%d/class" % len(bundled["classes"]), "read twice"),
    ("bad fallback", set_key("classes", 3, "fallback", "firm"),
     "/classes/3/fallback", "victim target"),
    ("star inside", set_key("sectors", 0, "sector", "gov*x"),
     "/sectors/0/sector", "'*' may only end"),
]
for name, mutate, pointer, words in MUTATIONS:
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(root, "data"), data)
        path = os.path.join(data, "stix", "identity.json")
        doc = json.load(open(path))
        mutate(doc)
        json.dump(doc, open(path, "w"), indent=1)
        for argv in (["rules"], ["import", "stix", os.path.join(
                root, "tests", "resources", "stix", "apt28-dnc.json")]):
            p = subprocess.run([leaklaw, "--data", data] + argv,
                               capture_output=True, text=True)
            ok = (p.returncode == 1 and p.stdout == "" and
                  len(p.stderr.splitlines()) == 1 and
                  re.match(re.escape("leaklaw: " + path) + r":\d+:\d+: " +
                           re.escape(pointer) + ": ", p.stderr)
                  and words in p.stderr)
            if not ok:
                print("FAIL %s (%s): exit %d, %r" % (name, argv[0],
                                                    p.returncode, p.stderr))
                bad += 1
print("%d failures" % bad)
sys.exit(1 if bad else 0)
