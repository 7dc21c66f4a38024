#!/usr/bin/env python3
"""leaklaw cases check: the bundled library matches its expected verdicts
(exit 0), and a library where one case expects another verdict, or states
none, fails (exit 1) naming the case, the lens and both verdicts."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(leaklaw, datadir, *args):
    p = subprocess.run([leaklaw, "--data", datadir, "cases", "check"] +
                       list(args), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    data = os.path.join(a.root, "data")
    rc, out, err = run(a.leaklaw, data)
    if rc != 0:
        fail("bundled library: exit %d\n%s%s" % (rc, out, err))
    n = len([f for f in os.listdir(os.path.join(data, "cases"))
             if f.endswith(".json")])
    if out.strip() != "%d cases, %d as expected, 0 differ" % (n, n):
        fail("bundled library summary: " + out)
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "data")
        shutil.copytree(data, copy)
        path = os.path.join(copy, "cases", "dnc-2016.json")
        case = json.load(open(path))
        got = case["expected"]["leak-norm"]
        other = "no-breach" if got != "no-breach" else "breach"
        case["expected"]["leak-norm"] = other
        json.dump(case, open(path, "w"))
        path = os.path.join(copy, "cases", "snowden-2013.json")
        case = json.load(open(path))
        del case["expected"]
        json.dump(case, open(path, "w"))
        rc, out, err = run(a.leaklaw, copy)
        if rc != 1:
            fail("altered library: exit %d, expected 1\n%s%s" % (rc, out, err))
        want = "dnc-2016: leak-norm: expected %s, assessed %s" % (other, got)
        for line in (want, "snowden-2013: states no expected verdicts",
                     "%d cases, %d as expected, 2 differ" % (n, n - 2)):
            if line not in out.splitlines():
                fail("missing line %r in\n%s" % (line, out))
        rc, out, err = run(a.leaklaw, copy, "--format", "json")
        doc = json.loads(out)
        if rc != 1 or doc["differ"] != 2 or doc["total"] != n:
            fail("json: exit %d, %s" % (rc, out[:300]))
        bad = sorted(c["case"] for c in doc["cases"] if not c["matches"])
        if bad != ["dnc-2016", "snowden-2013"]:
            fail("json: failing cases %s" % bad)
    print("ok")


if __name__ == "__main__":
    main()
