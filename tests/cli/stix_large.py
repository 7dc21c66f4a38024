#!/usr/bin/env python3
"""leaklaw import stix on large bundles, written by gen_stix_bundle.py from
the bundled ATT&CK (no download):

1. a valid STIX 2.1 bundle of GROUPS intrusion sets with their campaigns,
   reports, victims and relationships: exit 0, one draft per intrusion
   set in bundle order, each with the actor kind and State, attribution
   confidence, victim State and target and ATT&CK ids the generator
   planned, nothing on stderr;
2. a huge malformed bundle (the objects array broken at its very end):
   exit 65, one line on stderr locating the error (FILE:LINE:COLUMN),
   nothing on stdout;
3. names and urls longer than a case's longest string (64 KiB): the
   draft is valid, the name cut at a character to 65,536 bytes and the
   overlong url left out (the importer called such a draft "a bug of the
   importer" and exited 1).
Prints 'N passed, N failed'."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_stix_bundle as gen  # noqa: E402


def value(x):
    return x.get("value") if isinstance(x, dict) and "value" in x else x


def got(case):
    actor, victim = case.get("actor", {}), case.get("victim", {})
    return {"name": actor.get("name"), "kind": value(actor.get("kind")),
            "state": value(actor.get("state")),
            "confidence": value(actor.get("attribution", {})
                                .get("confidence")),
            "victim_state": value(victim.get("state")),
            "target": value(victim.get("target")),
            "attack": sorted(value(a.get("attack"))
                             for a in case.get("access", []))}


def check_valid(ll, root, tmp, groups):
    path = os.path.join(tmp, "large.json")
    pats = gen.write(root, path, groups)
    r = subprocess.run([ll, "import", "stix", path], capture_output=True)
    fails = []
    if r.returncode != 0:
        return [f"valid bundle: exit {r.returncode}: {r.stderr[-500:]!r}"]
    if r.stderr:
        fails.append(f"valid bundle: stderr {r.stderr[:300]!r}")
    lines = r.stdout.decode().splitlines()
    if len(lines) != groups:
        fails.append(f"valid bundle: {len(lines)} drafts, expected {groups}")
    for i, line in enumerate(lines[:groups]):
        g, e = got(json.loads(line)), gen.expected(i, pats)
        if g != e:
            fails.append(f"group {i}: got {g}, expected {e}")
            if len(fails) > 5:
                break
    return fails


def check_malformed(ll, root, tmp, groups):
    path = os.path.join(tmp, "malformed.json")
    gen.write(root, path, groups, malformed=True)
    with open(path) as f:
        nlines = sum(1 for _ in f)
    r = subprocess.run([ll, "import", "stix", path], capture_output=True)
    err = r.stderr.decode()
    fails = []
    if r.returncode != 65:
        fails.append(f"malformed bundle: exit {r.returncode}, expected 65")
    if r.stdout:
        fails.append(f"malformed bundle: {len(r.stdout)} bytes on stdout")
    if len(err.splitlines()) != 1:
        fails.append(f"malformed bundle: stderr not one line: {err[:300]!r}")
    if not err.startswith(f"leaklaw: {path}:{nlines}:"):
        fails.append(f"malformed bundle: error not at its last line "
                     f"{nlines}: {err[:300]!r}")
    return fails


def check_long_text(ll, root, tmp):
    path = os.path.join(tmp, "long.json")
    # 65,531 + 2 x 10 bytes: the limit of 65,536 falls inside an accent
    name = "A" * 65531 + "\u00e9" * 10
    bundle = {"type": "bundle", "id": "bundle--" + "0" * 8 + "-0000-4000-8000-"
              + "0" * 12, "objects": [{
                  "type": "intrusion-set", "spec_version": "2.1",
                  "id": "intrusion-set--11111111-1111-4111-8111-111111111111",
                  "created": "2020-01-01T00:00:00.000Z",
                  "modified": "2020-01-01T00:00:00.000Z", "name": name,
                  "external_references": [
                      {"source_name": "long", "url": "https://example.org/"
                       + "a" * 70000},
                      {"source_name": "ok", "url": "https://example.org/ok"}]}]}
    with open(path, "w") as f:
        json.dump(bundle, f)
    r = subprocess.run([ll, "import", "stix", path], capture_output=True)
    if r.returncode != 0:
        return [f"long name: exit {r.returncode}: {r.stderr[-300:]!r}"]
    case = json.loads(r.stdout)
    fails = []
    want = "A" * 65531 + "\u00e9" * 2  # 65,535 bytes: backed up
    if case.get("title") != want or value(case["actor"].get("name")) != want:
        fails.append("long name: not cut at a character within 65,536 "
                     "bytes")
    urls = [s.get("url") for s in case.get("sources", [])]
    if urls != ["https://example.org/ok"]:
        fails.append(f"long url: sources' urls {str(urls)[:100]}")
    draft = os.path.join(tmp, "draft.json")
    with open(draft, "wb") as f:
        f.write(r.stdout)
    c = subprocess.run([ll, "check", draft], capture_output=True)
    if c.returncode != 0:
        fails.append(f"long name: the draft fails check: {c.stderr[:300]!r}")
    return fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--malformed-groups", type=int, default=5000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [check_valid(a.leaklaw, a.root, tmp, a.groups),
                   check_malformed(a.leaklaw, a.root, tmp,
                                   a.malformed_groups),
                   check_long_text(a.leaklaw, a.root, tmp)]
    failed = [f for r in results for f in r]
    for f in failed:
        print("FAIL:", f)
    nf = sum(1 for r in results if r)
    print(f"{len(results) - nf} passed, {nf} failed")
    sys.exit(1 if nf else 0)


if __name__ == "__main__":
    main()
