#!/usr/bin/env python3
"""data/disarm/reading.json is checked when the law loads: a reading of a
technique not in the DISARM index, of a fact a reading may not set, or
with a value of the wrong type stops every command with the file,
line:column and pointer. The bundled file loads."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import argparse
_ap = argparse.ArgumentParser()
_ap.add_argument("--leaklaw", required=True)
_ap.add_argument("--root", required=True)
_a = _ap.parse_args()
leaklaw, root = _a.leaklaw, _a.root
bad = 0
MUTATIONS = [
    ("technique", "T9999", "not a technique of the DISARM index"),
    ("fact", "/actor/kind", "may not set"),
    ("value", "forged", "not a value of /disclosure/authenticity"),
    ("text", "", "non-empty string"),
]
p = subprocess.run([leaklaw, "--data", os.path.join(root, "data"), "techniques",
                    "T0089.001"], capture_output=True, text=True)
if p.returncode != 0 or "import:" not in p.stdout:
    print("FAIL bundled reading.json: %d %s" % (p.returncode, p.stderr))
    bad += 1
for key, value, words in MUTATIONS:
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(root, "data"), data)
        path = os.path.join(data, "disarm", "reading.json")
        doc = json.load(open(path))
        doc["readings"][0][key] = value
        json.dump(doc, open(path, "w"), indent=1)
        p = subprocess.run([leaklaw, "--data", data, "rules"],
                           capture_output=True, text=True)
        ok = (p.returncode != 0 and p.stdout == "" and
              re.search(re.escape(path) + r":\d+:\d+: /readings/0", p.stderr)
              and words in p.stderr)
        if not ok:
            print("FAIL %s=%r: exit %d, %r" % (key, value, p.returncode,
                                                 p.stderr))
            bad += 1
print("%d failures" % bad)
sys.exit(1 if bad else 0)
