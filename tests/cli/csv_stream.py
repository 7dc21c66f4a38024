#!/usr/bin/env python3
"""leaklaw assess --format csv reading JSON Lines from standard input (the
batch on every core) against the same cases assessed file by file:

1. the same header and, case for case in input order, the same row but
   for case_sha256, which is the SHA-256 of the case's line;
2. the same rows with --jobs 1 and --jobs 2;
3. a bad line: no row for it, one line on stderr naming it, exit 3, the
   other rows written; with --strict, exit 65 and nothing written;
4. no case at all: the header alone;
5. more cases than the batch has slots (so every slot, and the arena its
   case's tree is built in, is used again), one of them with a tree far
   larger than an arena keeps: on --jobs 2 the rows of the cases assessed
   file by file, case for case.
Prints 'N passed, N failed'."""
import argparse
import csv
import glob
import hashlib
import io
import json
import os
import subprocess
import sys


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    ll = os.path.abspath(a.leaklaw)
    files = sorted(glob.glob(os.path.join(a.root, "data/cases/*.json")))
    lines = [json.dumps(json.load(open(f, encoding="utf-8")),
                        ensure_ascii=False, separators=(",", ":"))
             for f in files]
    stream = ("\n".join(lines) + "\n").encode()
    fails = []

    ref = subprocess.run([ll, "assess", "--format", "csv"] + files,
                         capture_output=True, cwd=a.root)
    got = {}
    for jobs in ("1", "2"):
        r = subprocess.run([ll, "assess", "--format", "csv", "--jobs", jobs],
                           input=stream, capture_output=True, cwd=a.root)
        if r.returncode != 0 or r.stderr:
            fails.append((1, f"--jobs {jobs}: exit {r.returncode} "
                             f"{r.stderr[:300]!r}"))
        got[jobs] = r.stdout
    want, have = rows(ref.stdout.decode()), rows(got["1"].decode())
    if ref.returncode != 0 or len(want) != len(files) + 1:
        fails.append((1, f"file by file: exit {ref.returncode}, "
                         f"{len(want)} rows"))
    elif want[0] != have[0] or len(have) != len(want):
        fails.append((1, f"header or row count differ: {len(have)} rows"))
    else:
        k = want[0].index("case_sha256")
        for i, (w, h) in enumerate(zip(want[1:], have[1:])):
            sha = hashlib.sha256(lines[i].encode()).hexdigest()
            if w[:k] + w[k + 1:] != h[:k] + h[k + 1:] or h[k] != sha:
                fails.append((1, f"row {i + 1} ({w[0]}) differs"))
                break
    if got["1"] != got["2"]:
        fails.append((2, "--jobs 1 and --jobs 2 differ"))

    bad = "\n".join(lines[:2] + ["{\"format\": oops}"] + lines[2:4]) + "\n"
    r = subprocess.run([ll, "assess", "--format", "csv"], input=bad.encode(),
                       capture_output=True, cwd=a.root)
    out, err = rows(r.stdout.decode()), r.stderr.decode()
    ids = [row[0] for row in out[1:]]
    want_ids = [json.loads(x)["id"] for x in lines[:4]]
    if (r.returncode != 3 or ids != want_ids or len(err.splitlines()) != 1
            or not err.startswith("leaklaw: <stdin>:3:")):
        fails.append((3, f"bad line: exit {r.returncode}, ids {ids}, "
                         f"stderr {err[:200]!r}"))
    r = subprocess.run([ll, "assess", "--format", "csv", "--strict"],
                       input=bad.encode(), capture_output=True, cwd=a.root)
    if r.returncode != 65 or r.stdout:
        fails.append((3, f"--strict: exit {r.returncode}, "
                         f"{len(r.stdout)} bytes written"))

    r = subprocess.run([ll, "assess", "--format", "csv"], input=b"",
                       capture_output=True, cwd=a.root)
    if r.returncode != 0 or rows(r.stdout.decode()) != want[:1]:
        fails.append((4, f"no case: exit {r.returncode}, "
                         f"{r.stdout[:200]!r}"))

    # 8 rounds of the library (2 workers: 2 queues of 128 slots), the
    # third case of round 3 with 20,000 more strings under an x- key, which
    # the assessment does not read
    big = json.loads(lines[2])
    big["x-filler"] = {f"part{j}": [f"filler string {j}.{i}"
                                    for i in range(1000)]
                       for j in range(20)}
    many = [line for _ in range(8) for line in lines]
    many[2 * len(lines) + 2] = json.dumps(big, separators=(",", ":"))
    r = subprocess.run([ll, "assess", "--format", "csv", "--jobs", "2"],
                       input=("\n".join(many) + "\n").encode(),
                       capture_output=True, cwd=a.root)
    have = rows(r.stdout.decode())
    if r.returncode != 0 or len(have) != len(many) + 1 or len(want) < 2:
        fails.append((5, f"many cases: exit {r.returncode}, "
                         f"{len(have)} rows {r.stderr[:200]!r}"))
    else:
        k = want[0].index("case_sha256")
        for i, h in enumerate(have[1:]):
            w = want[1 + i % len(lines)]
            sha = hashlib.sha256(many[i].encode()).hexdigest()
            if w[:k] + w[k + 1:] != h[:k] + h[k + 1:] or h[k] != sha:
                fails.append((5, f"many cases: row {i + 1} ({w[0]}) "
                                 "differs"))
                break

    for n, f in fails:
        print(f"FAIL ({n}):", f)
    nf = len({n for n, _ in fails})
    print(f"{5 - nf} passed, {nf} failed")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
