#!/usr/bin/env python3
"""leaklaw import stix on the whole of MITRE ATT&CK Enterprise
(tests/resources/attack-2020: mitre/cti at 88d38c6, 9,715 objects, 108
groups), checked against an independent reading of the same bundle:

1. exit 0; one draft per intrusion set that is not revoked, in bundle
   order, each titled and named after its group;
2. each draft's access facts are exactly the ATT&CK ids of the attack
   patterns the group `uses`, leaving out revoked patterns and revoked
   relationships, each citing the pattern's object;
3. --report names every revoked group with the group that replaces it
   (its revoked-by relationship), and every `uses` of a group to a
   revoked pattern;
4. every draft passes `leaklaw check`.
Prints 'N passed, N failed'."""
import argparse
import json
import lzma
import os
import subprocess
import sys
import tempfile

BUNDLE = "tests/resources/attack-2020/enterprise-attack.json.xz"


def attack_id(o):
    for r in o.get("external_references", []):
        if r.get("source_name") == "mitre-attack":
            return r.get("external_id")
    return None


def expected(bundle):
    objs = bundle["objects"]
    by_id = {o["id"]: o for o in objs}
    groups = [o for o in objs if o["type"] == "intrusion-set"]
    uses, replaced, stale = {}, {}, []
    for r in objs:
        if r["type"] != "relationship":
            continue
        src, dst = by_id.get(r["source_ref"]), by_id.get(r["target_ref"])
        if r["relationship_type"] == "revoked-by":
            replaced[r["source_ref"]] = dst["name"]
            continue
        if (r["relationship_type"] != "uses" or src is None or
                src["type"] != "intrusion-set" or src.get("revoked") or
                dst is None or dst["type"] != "attack-pattern"):
            continue
        if dst.get("revoked"):
            stale.append((src["name"], dst["name"]))
        elif not r.get("revoked"):
            uses.setdefault(src["id"], set()).add(attack_id(dst))
    live = [g for g in groups if not g.get("revoked")]
    revoked = [(g["name"], replaced.get(g["id"])) for g in groups
               if g.get("revoked")]
    return live, uses, revoked, stale


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    with lzma.open(os.path.join(a.root, BUNDLE), "rb") as f:
        text = f.read()
    bundle = json.loads(text)
    live, uses, revoked, stale = expected(bundle)
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "enterprise-attack.json")
        with open(path, "wb") as f:
            f.write(text)
        r = subprocess.run([a.leaklaw, "import", "stix", "--report=json",
                            path], capture_output=True)
        if r.returncode != 0:
            print(f"FAIL: exit {r.returncode}: {r.stderr[-500:]!r}")
            print("0 passed, 1 failed")
            sys.exit(1)
        drafts = [json.loads(line) for line in r.stdout.decode().splitlines()]
        report = json.loads(r.stderr)["not_mapped"]

        # 1. one draft per live group, in bundle order
        names = [d["actor"]["name"] for d in drafts]
        want = [g["name"] for g in live]
        ok1 = names == want and all(d["title"] == d["actor"]["name"]
                                    for d in drafts)
        if not ok1:
            fails.append((1, f"{len(names)} drafts, expected {len(want)}: "
                             f"{sorted(set(names) ^ set(want))[:5]}"))

        # 2. access: exactly the live patterns each group uses
        bad = []
        for d, g in zip(drafts, live):
            got = {x["attack"] for x in d.get("access", [])}
            if got != uses.get(g["id"], set()):
                bad.append(f"{g['name']}: got {sorted(got)[:8]}, "
                           f"expected {sorted(uses.get(g['id'], set()))[:8]}")
            src = {s["id"]: s for s in d.get("sources", [])}
            for x in d.get("access", []):
                if not x.get("cite") or any(
                        not src.get(c, {}).get("pinpoint", "")
                        .startswith("attack-pattern--") for c in x["cite"]):
                    bad.append(f"{g['name']}: {x['attack']} cites {x}")
        if bad:
            fails.append((2, "access: " + "; ".join(bad[:5])))

        # 3. the report names revoked groups and stale uses
        msgs = [n.get("message", "") for n in report]
        for name, by in revoked:
            m = (f"intrusion-set '{name}' is revoked by its creator "
                 f"(replaced by '{by}'): no draft")
            if m not in msgs:
                fails.append((3, f"report lacks {m!r}"))
        for group, pat in stale:
            if not any(f"attack-pattern '{pat}' is revoked" in m and
                       f"relationship from '{group}' ignored" in m
                       for m in msgs):
                fails.append((3, f"report lacks {group} -> revoked {pat}"))

        # 4. every draft passes leaklaw check
        files = []
        for d in drafts:
            p = os.path.join(tmp, d["id"] + ".json")
            with open(p, "w") as f:
                json.dump(d, f)
            files.append(p)
        c = subprocess.run([a.leaklaw, "check"] + files, capture_output=True)
        if c.returncode != 0:
            fails.append((4, f"check: exit {c.returncode}: "
                             f"{c.stdout[-300:]!r} {c.stderr[-300:]!r}"))
    print(f"{len(drafts)} drafts from {len(bundle['objects'])} objects; "
          f"{len(revoked)} revoked groups, {len(stale)} uses of revoked "
          f"patterns")
    for n, f in fails:
        print(f"FAIL ({n}):", f)
    nf = len({n for n, _ in fails})
    print(f"{4 - nf} passed, {nf} failed")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
