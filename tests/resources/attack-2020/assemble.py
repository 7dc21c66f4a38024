#!/usr/bin/env python3
"""Assemble enterprise-attack.json.xz from the per-object files of a
mitre/cti commit (git directory given), in path order, as one STIX 2.0
bundle. Usage: assemble.py GIT_DIR COMMIT OUT.json.xz

mitre/cti keeps every object of ATT&CK Enterprise twice: in the
collection enterprise-attack/enterprise-attack.json and as one bundle per
object under enterprise-attack/<type>/. The per-object files hold the
same objects; this joins them without changing any object. The bundle's
own id is not MITRE's (a fixed placeholder)."""
import json
import lzma
import subprocess
import sys


def main():
    git_dir, commit, out = sys.argv[1:4]
    names = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only",
         commit, "enterprise-attack/"], check=True, capture_output=True,
        text=True).stdout.split("\n")
    names = sorted(n for n in names if n.endswith(".json") and
                   n.count("/") == 2)
    batch = "".join(f"{commit}:{n}\n" for n in names).encode()
    raw = subprocess.run(["git", "--git-dir", git_dir, "cat-file",
                          "--batch"], input=batch, check=True,
                         capture_output=True).stdout
    objects, i = [], 0
    while i < len(raw):
        nl = raw.index(b"\n", i)
        size = int(raw[i:nl].split()[2])
        bundle = json.loads(raw[nl + 1:nl + 1 + size])
        if bundle.get("type") != "bundle":
            sys.exit("not a bundle")
        objects.extend(bundle["objects"])
        i = nl + 1 + size + 1
    ids = [o["id"] for o in objects]
    if len(ids) != len(set(ids)):
        sys.exit("an id is used twice")
    doc = {"type": "bundle",
           "id": "bundle--00000000-0000-4000-8000-000000000000",
           "spec_version": "2.0", "objects": objects}
    with lzma.open(out, "wt", preset=9) as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"{len(objects)} objects from {len(names)} files")


if __name__ == "__main__":
    main()
