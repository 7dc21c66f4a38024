#!/usr/bin/env python3
"""Bad knowledge files (positions, propositions, State practice): each
mutation of the test knowledge (tests/resources/knowledge) makes
`leaklaw practice` exit 65 with one line naming the file, line:column and
JSON pointer, and print nothing on stdout. The bundled data loads."""
import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

POS = "positions/test-organisation-2024.json"
NZ = "positions/new-zealand-2020.json"
PRA = "practice/dnc-2016.json"
PROPS = "positions/propositions.json"


def setp(doc, ptr, value):
    parts = ptr.lstrip("/").split("/")
    for p in parts[:-1]:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]
    last = parts[-1]
    if value is KeyError:
        del doc[int(last) if isinstance(doc, list) else last]
    elif isinstance(doc, list):
        doc[int(last)] = value
    else:
        doc[last] = value


# (file, pointer, new value or KeyError to delete, pointer in the error,
#  words of the message)
MUTATIONS = [
    (POS, "/format", "leaklaw/position/2", "/format", "expected format"),
    (POS, "/colour", "red", "/colour", "unknown key"),
    (POS, "/date", "2024-13", "/date", "expected a date"),
    (POS, "/date", "24 May 2024", "/date", "expected a date"),
    (POS, "/party", "ZQ", "/party", "unknown party"),
    (NZ, "/kind", "organisation", "/kind", "ISO 3166-1"),
    (POS, "/status", "skimmed", "/status", "unknown value"),
    (POS, "/quotes/0/seen_at", KeyError, "/quotes/0", "needs seen_at"),
    (POS, "/quotes/0/topics/0", "gossip", "/quotes/0/topics/0",
     "unknown topic"),
    (POS, "/quotes/1/id", "to-1", "/quotes/1", "duplicate quotation"),
    (POS, "/quotes/0/text", "", "/quotes/0/text", "non-empty string"),
    (POS, "/propositions/sovereignty-is-a-rule/quote", KeyError,
     "/propositions/sovereignty-is-a-rule", "needs the quotation"),
    (POS, "/propositions/sovereignty-is-a-rule/quote", "to-9",
     "/propositions/sovereignty-is-a-rule/quote", "no quotation"),
    (NZ, "/propositions/sovereignty-is-a-rule/value", "silent",
     "/propositions/sovereignty-is-a-rule", "silent only when"),
    (POS, "/propositions/due-diligence-is-binding/quote", "to-1",
     "/propositions/due-diligence-is-binding/quote", "only for affirmed"),
    (POS, "/propositions/due-diligence-is-binding", KeyError,
     "/propositions", "missing proposition"),
    (POS, "/propositions/cyber-is-special", {"value": "unknown"},
     "/propositions/cyber-is-special", "unknown proposition"),
    (PROPS, "/organisations/0/code", "AU", "/organisations/0",
     "must not be an ISO"),
    (NZ, "/party", "EU", "/kind", "ISO 3166-1"),
    (POS, "/party", "NZ", "/kind", "an organisation"),
    (PROPS, "/propositions/1/id", "non-intervention-applies-in-cyberspace",
     "/propositions/1", "duplicate proposition"),
    (PRA, "/case", "no-such-case", "/case", "no case"),
    (PRA, "/reactions/0/kind", "cheer", "/reactions/0/kind",
     "unknown value"),
    (PRA, "/reactions/0/invokes/0", "morality", "/reactions/0/invokes/0",
     "unknown legal notion"),
    (PRA, "/reactions/0/quote_status", None, "/reactions/0/quote_status",
     "quote_status"),
    (PRA, "/reactions/1/url", None, "/reactions/1", "needs its url"),
    (PRA, "/reactions/1/against", "Mordor", "/reactions/1/against",
     "unknown party"),
]


def run(leaklaw, data):
    return subprocess.run([leaklaw, "--data", data, "practice"],
                          capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    src = os.path.join(a.root, "tests", "resources", "knowledge")
    bad = 0
    p = run(a.leaklaw, os.path.join(a.root, "data"))
    if p.returncode not in (0, 1) or (p.returncode == 1 and
                                      "no positions" not in p.stderr):
        print("FAIL bundled data: exit %d %s" % (p.returncode, p.stderr))
        bad += 1
    for rel, ptr, value, where, words in MUTATIONS:
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "k")
            shutil.copytree(src, data)
            path = os.path.join(data, rel)
            doc = json.load(open(path))
            setp(doc, ptr, value)
            json.dump(doc, open(path, "w"), indent=2)
            p = run(a.leaklaw, data)
            lines = p.stderr.strip().splitlines()
            pat = "leaklaw: " + re.escape(path) + r":\d+:\d+: " + re.escape(where) + ": "
            if (p.returncode != 65 or p.stdout or len(lines) != 1 or
                    not re.match(pat, lines[0]) or words not in lines[0]):
                print("FAIL %s %s=%r: exit %d, stderr %r, stdout %d bytes" %
                      (rel, ptr, value, p.returncode, p.stderr, len(p.stdout)))
                bad += 1
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "k")
        shutil.copytree(src, data)
        with open(os.path.join(data, POS), "w") as f:
            f.write('{"format": "leaklaw/position/1",\n  "id": }')
        p = run(a.leaklaw, data)
        if p.returncode != 65 or ":2:" not in p.stderr or p.stdout:
            print("FAIL syntax error: exit %d %r" % (p.returncode, p.stderr))
            bad += 1
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "k")
        shutil.copytree(src, data)
        os.unlink(os.path.join(data, PROPS))
        p = run(a.leaklaw, data)
        if p.returncode != 65 or "without propositions.json" not in p.stderr:
            print("FAIL positions without propositions: exit %d %r" %
                  (p.returncode, p.stderr))
            bad += 1
    print("%d mutations, %d failures" % (len(MUTATIONS) + 2, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
