#!/usr/bin/env python3
"""Write a large, valid STIX 2.1 bundle built from the bundled ATT&CK
patterns (data/attack), so the importer can be tested and timed on a big
bundle without a download.

Usage: tests/cli/gen_stix_bundle.py ROOT OUT GROUPS [--malformed]

ROOT is the source tree; OUT the bundle written; GROUPS the number of
intrusion sets. The bundle holds every attack pattern of
data/attack/enterprise-attack-patterns.json that is not revoked (as STIX
2.1), ten countries (a location and a government identity located there
each), four security vendors, and per group: an intrusion set, a campaign
attributed to it, a victim organisation, a report by a vendor, and the
relationships between them (attributed-to, located-at, uses, targets).
Group i is attributed to a government identity (i % 3 == 0: actor kind
state-organ, State of that government), located in a country (i % 3 == 1:
the State, kind unknown) or neither (i % 3 == 2). expected(i) says what
the importer must make of group i.

--malformed writes the same bundle with its end broken: the objects
array is not closed, so a parser reads the whole array before failing at
the last bytes."""
import json
import os
import random
import sys
import uuid

COUNTRIES = ["US", "RU", "CN", "IR", "KP", "GB", "FR", "DE", "IL", "UA"]
VENDORS = ["Vendor Alpha", "Vendor Beta", "Vendor Gamma", "Vendor Delta"]
SECTORS = [["government-national"], ["non-profit"], ["defense"],
           ["technology"]]
# 'defense' names the defence industry as much as the armed forces: no
# target (data/stix/identity.json)
TARGETS = {"government-national": "government", "non-profit": "ngo",
           "defense": None, "technology": "company"}
STAMP = "2024-01-01T00:00:00.000Z"


class Ids:
    """Deterministic STIX ids (UUID v4 form) from a seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def new(self, kind):
        u = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return f"{kind}--{u}"


def sdo(kind, oid, **fields):
    o = {"type": kind, "spec_version": "2.1", "id": oid, "created": STAMP,
         "modified": STAMP}
    o.update(fields)
    return o


def patterns(root):
    """The attack patterns of the bundled ATT&CK, as STIX 2.1 objects."""
    path = os.path.join(root, "data", "attack",
                        "enterprise-attack-patterns.json")
    with open(path) as f:
        bundle = json.load(f)
    out = []
    for o in bundle["objects"]:
        if o.get("type") != "attack-pattern" or o.get("revoked"):
            continue
        if o.get("x_mitre_deprecated"):
            continue
        ext = [r for r in o.get("external_references", [])
               if r.get("source_name") == "mitre-attack"]
        if not ext:
            continue
        p = sdo("attack-pattern", o["id"], name=o["name"],
                external_references=ext)
        p["created"], p["modified"] = o["created"], o["modified"]
        out.append(p)
    return out


def confidence_level(c):
    """The STIX 2.1 None/Low/Med/High scale, as the importer maps it."""
    if c == 0:
        return "none"
    return "low" if c < 30 else "moderate" if c < 70 else "high"


def group_plan(i, npat):
    """The choices for group i (shared by the writer and expected())."""
    rng = random.Random(i)
    actor = COUNTRIES[i % len(COUNTRIES)]
    victim = COUNTRIES[(i + 3) % len(COUNTRIES)]
    uses = rng.sample(range(npat), 5)
    return {"actor": actor, "victim": victim, "uses": uses,
            "sector": SECTORS[i % len(SECTORS)],
            "confidence": (i * 37) % 101, "vendor": i % len(VENDORS),
            "mode": i % 3}


def expected(i, pats):
    """What the importer must map for group i."""
    p = group_plan(i, len(pats))
    ids = sorted(pats[k]["external_references"][0]["external_id"]
                 for k in p["uses"])
    return {"name": f"Group {i:05d}",
            "kind": "state-organ" if p["mode"] == 0 else None,
            "state": p["actor"] if p["mode"] < 2 else None,
            "confidence": confidence_level(p["confidence"]),
            "victim_state": p["victim"],
            "target": TARGETS[p["sector"][0]],
            "attack": ids}


def shared(ids):
    """Countries (location and government) and vendors."""
    objs, gov, loc, vendors = [], {}, {}, []
    for c in COUNTRIES:
        loc[c] = ids.new("location")
        gov[c] = ids.new("identity")
        objs.append(sdo("location", loc[c], name=f"Country {c}", country=c))
        objs.append(sdo("identity", gov[c], name=f"Government of {c}",
                        identity_class="organization",
                        sectors=["government-national"]))
        objs.append(rel(ids, "located-at", gov[c], loc[c]))
    for v in VENDORS:
        vid = ids.new("identity")
        vendors.append(vid)
        objs.append(sdo("identity", vid, name=v,
                        identity_class="organization",
                        sectors=["technology"]))
    return objs, gov, loc, vendors


def rel(ids, kind, src, dst):
    return sdo("relationship", ids.new("relationship"),
               relationship_type=kind, source_ref=src, target_ref=dst)


def group(ids, i, pats, gov, loc, vendors):
    """The objects of group i."""
    p = group_plan(i, len(pats))
    iset, camp = ids.new("intrusion-set"), ids.new("campaign")
    victim, report = ids.new("identity"), ids.new("report")
    year = 2010 + i % 14
    objs = [
        sdo("intrusion-set", iset, name=f"Group {i:05d}",
            aliases=[f"G{i}"]),
        sdo("campaign", camp, name=f"Operation {i:05d}",
            first_seen=f"{year}-03-01T00:00:00Z"),
        sdo("identity", victim, name=f"Victim {i:05d}",
            identity_class="organization", sectors=p["sector"]),
        sdo("report", report, name=f"Report on Group {i:05d}",
            published=f"{year}-09-01T00:00:00Z",
            created_by_ref=vendors[p["vendor"]],
            confidence=p["confidence"], object_refs=[iset, camp],
            report_types=["threat-actor"]),
        rel(ids, "attributed-to", camp, iset),
        rel(ids, "targets", camp, victim),
        rel(ids, "targets", camp, loc[p["victim"]]),
    ]
    if p["mode"] == 0:
        objs.append(rel(ids, "attributed-to", iset, gov[p["actor"]]))
    elif p["mode"] == 1:
        objs.append(rel(ids, "located-at", iset, loc[p["actor"]]))
    for k, n in enumerate(p["uses"]):
        src = iset if k < 3 else camp
        objs.append(rel(ids, "uses", src, pats[n]["id"]))
    return objs


def bundle_objects(root, groups):
    ids = Ids(2016)
    pats = patterns(root)
    objs, gov, loc, vendors = shared(ids)
    objs = pats + objs
    for i in range(groups):
        objs.extend(group(ids, i, pats, gov, loc, vendors))
    return objs, pats


def write(root, out, groups, malformed=False):
    """Write the bundle (one object a line); returns the attack patterns."""
    objs, pats = bundle_objects(root, groups)
    with open(out, "w") as f:
        f.write('{"type": "bundle", "id": "bundle--'
                + str(uuid.UUID(int=groups, version=4)) + '", "objects": [\n')
        for k, o in enumerate(objs):
            f.write(json.dumps(o, separators=(",", ":")))
            f.write(",\n" if k + 1 < len(objs) else "\n")
        # broken: the array and the bundle are never closed, and a stray
        # value follows the last object
        f.write('  "end"' if malformed else "]}\n")
    return pats


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    write(args[0], args[1], int(args[2]), "--malformed" in sys.argv)


if __name__ == "__main__":
    main()
