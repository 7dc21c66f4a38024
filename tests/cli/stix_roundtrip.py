#!/usr/bin/env python3
"""import -> export -> import keeps every mapped fact.

Imports each STIX bundle of tests/resources/stix as draft cases, exports
the drafts as a STIX 2.1 bundle, imports that bundle again and compares
the facts the importer maps (actor kind and State, attribution confidence,
ATT&CK ids, victim State and target). Prints 'N passed, N failed'."""
import argparse, json, os, subprocess, sys, tempfile


def value(x):
    return x.get("value") if isinstance(x, dict) and "value" in x else x


def facts(case):
    actor, victim = case.get("actor", {}), case.get("victim", {})
    return {
        "actor.kind": value(actor.get("kind")),
        "actor.state": value(actor.get("state")),
        "confidence": value(actor.get("attribution", {}).get("confidence")),
        "attack": sorted(str(value(a.get("attack")))
                         for a in case.get("access", [])),
        "victim.state": value(victim.get("state")),
        "victim.target": value(victim.get("target")),
    }


def drafts(text):
    text = text.strip()
    if text.startswith("{\n") or "\n" not in text:
        return [json.loads(text)]
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    ll = os.path.abspath(a.leaklaw)
    res = os.path.join(a.root, "tests/resources/stix")
    ok = bad = 0
    for name in ("apt28-dnc.json", "apt1.json", "poisonivy.json"):
        p1 = subprocess.run([ll, "import", "stix", os.path.join(res, name)],
                            capture_output=True, text=True)
        first = drafts(p1.stdout)
        with tempfile.TemporaryDirectory() as d:
            files = []
            for i, c in enumerate(first):
                f = os.path.join(d, "case-%d.json" % i)
                json.dump(c, open(f, "w"))
                files.append(f)
            bundle = os.path.join(d, "bundle.json")
            p2 = subprocess.run([ll, "export", "stix", "--date", "2024-01-01"]
                                + files, capture_output=True, text=True)
            open(bundle, "w").write(p2.stdout)
            p3 = subprocess.run([ll, "import", "stix", bundle],
                                capture_output=True, text=True)
        second = drafts(p3.stdout) if p3.returncode == 0 else []
        a1 = sorted((json.dumps(facts(c), sort_keys=True) for c in first))
        a2 = sorted((json.dumps(facts(c), sort_keys=True) for c in second))
        if p1.returncode or p2.returncode or p3.returncode or a1 != a2:
            bad += 1
            print("FAIL %s: exit %d %d %d\n  first:  %s\n  second: %s" %
                  (name, p1.returncode, p2.returncode, p3.returncode, a1, a2))
        else:
            ok += 1
            print("ok   %s: %d draft(s) round-trip" % (name, len(first)))
    print("%d passed, %d failed" % (ok, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
