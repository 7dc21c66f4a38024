#!/usr/bin/env python3
"""Generate N cases derived from the bundled library (ids renamed, some
facts varied with a fixed seed) for the throughput benchmarks.

Usage: bench/gen_cases.py DATADIR OUT N [--jsonl] [--bad SHARE]

OUT is a directory that gets one case file per case, or with --jsonl a
file that gets one compact JSON case per line (what
"leaklaw assess --format jsonl" reads on standard input).

Every varied fact is kept consistent with the rest of the case, as the
law's consistency checks (src/core/consistency.c) require: a disclosure
status "none" drops the disclosure date and channels, an actor of unknown
kind is never attributed with high confidence, and control is kept only
for a state-directed actor. So a benchmark measures assessment, not
rejection. --bad SHARE (0 to 1, default 0) then makes that share of the
cases inconsistent on purpose (one of the three contradictions above),
for measuring the rejected path."""
import argparse
import json
import os
import random

KINDS = ["state-organ", "state-directed", "non-state", "insider", "unknown"]
METHODS = ["phishing", "public-source", "open-exposure", "exploit",
           "insider-recruited"]


def value(obj, key):
    """The value of obj[key], through a {"value": ...} wrapper."""
    v = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(v, dict) and "value" in v:
        return v["value"]
    return v


def set_value(obj, key, v):
    """Set obj[key] to v, inside its {"value": ...} wrapper if it has one."""
    old = obj.get(key)
    if isinstance(old, dict) and "value" in old:
        old["value"] = v
    else:
        obj[key] = v


def confidence(actor):
    return value(actor.get("attribution") or {}, "confidence")


def vary_actor(c, rng):
    """Give the actor another kind, keeping attribution and control true."""
    actor = c.setdefault("actor", {})
    kinds = KINDS
    if confidence(actor) == "high":
        kinds = [k for k in KINDS if k != "unknown"]
    kind = rng.choice(kinds)
    set_value(actor, "kind", kind)
    control = value(actor, "control")
    if kind not in ("state-directed", "unknown") and control not in (
            None, "unknown"):
        set_value(actor, "control", "unknown")


def vary_disclosure(c, rng):
    """Give the disclosure another status; "none" has no date or channels."""
    disc = c.setdefault("disclosure", {})
    status = rng.choice(["published", "none", "unknown"])
    set_value(disc, "status", status)
    if status == "none":
        disc.pop("date", None)
        disc.pop("channels", None)


def make_bad(c, rng):
    """Make case "c" contradict itself in one of three ways."""
    actor = c.setdefault("actor", {})
    way = rng.randrange(3)
    if way == 0:
        disc = c.setdefault("disclosure", {})
        set_value(disc, "status", "none")
        disc["date"] = "2016-06-14"
    elif way == 1:
        set_value(actor, "kind", "unknown")
        actor.setdefault("attribution", {})
        set_value(actor["attribution"], "confidence", "high")
    else:
        set_value(actor, "kind", "non-state")
        set_value(actor, "control", "effective-control")


def generate(base, n, bad, seed=2016):
    """Yield n generated cases."""
    rng = random.Random(seed)
    for i in range(n):
        c = json.loads(json.dumps(base[i % len(base)]))
        c["id"] = f"bench-{i:05d}"
        c.pop("expected", None)
        if rng.random() < 0.5:
            vary_actor(c, rng)
        if rng.random() < 0.5:
            c["access"] = [{"method": rng.choice(METHODS)}]
        if rng.random() < 0.3:
            vary_disclosure(c, rng)
        if bad > 0 and rng.random() < bad:
            make_bad(c, rng)
        yield c


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--jsonl", action="store_true",
                    help="write OUT as one JSON case per line")
    ap.add_argument("--bad", type=float, default=0.0,
                    help="share of inconsistent cases (0 to 1)")
    args = ap.parse_args()
    cases = os.path.join(args.data, "cases")
    base = [json.load(open(os.path.join(cases, f)))
            for f in sorted(os.listdir(cases)) if f.endswith(".json")]
    if args.jsonl:
        with open(args.out, "w") as f:
            for c in generate(base, args.n, args.bad):
                f.write(json.dumps(c, separators=(",", ":")) + "\n")
        return
    os.makedirs(args.out, exist_ok=True)
    for c in generate(base, args.n, args.bad):
        with open(os.path.join(args.out, f"{c['id']}.json"), "w") as f:
            json.dump(c, f)


if __name__ == "__main__":
    main()
