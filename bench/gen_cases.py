#!/usr/bin/env python3
"""Write N case files derived from the bundled library (ids renamed, some
facts varied with a fixed seed) into OUTDIR, for the throughput benchmark.
Usage: bench/gen_cases.py DATADIR OUTDIR N"""
import json
import os
import random
import sys

data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(2016)
base = [json.load(open(os.path.join(data, "cases", f)))
        for f in sorted(os.listdir(os.path.join(data, "cases")))
        if f.endswith(".json")]
os.makedirs(out, exist_ok=True)
kinds = ["state-organ", "state-directed", "non-state", "insider", "unknown"]
methods = ["phishing", "public-source", "open-exposure", "exploit",
           "insider-recruited"]
for i in range(n):
    c = json.loads(json.dumps(base[i % len(base)]))
    c["id"] = f"bench-{i:05d}"
    c.pop("expected", None)
    if rng.random() < 0.5:
        c.setdefault("actor", {})["kind"] = rng.choice(kinds)
    if rng.random() < 0.5:
        c["access"] = [{"method": rng.choice(methods)}]
    if rng.random() < 0.3:
        c.setdefault("disclosure", {})["status"] = rng.choice(
            ["published", "none", "unknown"])
    # keep each variant consistent, as `leaklaw check` requires: nothing
    # disclosed has no date or channels; an unknown actor is not held
    # with high confidence
    d = c.get("disclosure", {})
    if d.get("status") == "none":
        for k in ("date", "channels"):
            d.pop(k, None)
    a = c.get("actor", {})
    if a.get("kind") == "unknown" and \
            a.get("attribution", {}).get("confidence") == "high":
        a["attribution"]["confidence"] = "moderate"
    with open(os.path.join(out, f"{c['id']}.json"), "w") as f:
        json.dump(c, f)
