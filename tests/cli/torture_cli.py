#!/usr/bin/env python3
"""Allocation-failure torture of the leaklaw command (LK_DEBUG_ALLOC builds).

For each command (check, assess in every format, rules, rules --format
json, explain, mail verify in every format, assess / mail verify with
-o, the JSON Lines and CSV batch, and import stix with its report), LK_ALLOC_FAIL_AFTER=N makes the Nth allocation of the run fail. The
run must then either succeed with exactly the output of an undisturbed
run, or exit 1 with "out of memory" on stderr, with nothing but leaklaw
diagnostics there (no sanitizer report, no crash) and, with -o, no output
file at all (nothing half-written).

Which N: LK_ALLOC_FAIL_AFTER=count gives a command's total T. The first
--head allocations are tried one by one for the first command that loads
the law and for every mail command (the law's loading is the same for
every command), then --stride samples spread over 1..T, then each of the
last --tail allocations (rendering and writing, which differ per command).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

MAIL = ["mail", "verify", "--keys", "tests/resources/mail/keys/rfc8463.keys",
        "--at", "2018-06-10"]
MAIL_CORPUS = ["tests/resources/mail/mailauth/signed.eml",
               "tests/resources/mail/dkimpy/message.mbox"]
CASE = "data/cases/dnc-2016.json"
# what a command reads on standard input, by name
STDIN = {"assess-csv-stream": "tests/resources/batch/cases-good.jsonl"}

# Known bugs in code this test does not own, reported to its owners: a
# failure whose description contains the text is listed as "known", not
# counted. Remove an entry once its bug is fixed.
KNOWN = [
]


def commands(rule_id):
    """(name, argv, writes_file, loads_law) for every command tortured."""
    out = []
    for fmt in ["json", "md", "html", "csv"]:
        out.append(("assess-" + fmt, ["assess", "--format", fmt, CASE],
                    False, True))
    out.append(("assess-o", ["assess", "--format", "html", "-o", "@OUT@",
                             CASE], True, True))
    out.append(("check", ["check", "--strict", CASE], False, True))
    out.append(("assess-jsonl-dir", ["assess", "--format", "jsonl", "--jobs",
                                     "2", "tests/resources/cases/article"],
                False, True))
    out.append(("assess-csv-stream", ["assess", "--format", "csv", "-o",
                                      "@OUT@"], True, True))
    out.append(("import-stix", ["import", "stix", "--report",
                                "tests/resources/stix/revoked.json"],
                False, True))
    out.append(("import-sectors", ["import", "stix", "--report",
                                   "tests/resources/stix/sectors-public.json"],
                False, True))
    out.append(("rules", ["rules"], False, True))
    out.append(("rules-json", ["rules", "--format", "json"], False, True))
    out.append(("explain", ["explain", rule_id], False, True))
    out.append(("practice-json", ["practice", "--format", "json"], False,
                True))
    out.append(("practice-html", ["practice", "--format", "html"], False,
                True))
    out.append(("compare", ["compare", "--profile", "new-zealand-2020",
                            CASE], False, True))
    out.append(("cases-check", ["cases", "check"], False, True))
    for fmt in ["jsonl", "csv", "md", "html"]:
        out.append(("mail-" + fmt, MAIL + ["--format", fmt] + MAIL_CORPUS,
                    False, False))
    out.append(("mail-o", MAIL + ["--format", "md", "-o", "@OUT@"] +
                MAIL_CORPUS, True, False))
    # the store, read with no database file: the bundle in memory
    nodb = ["--db", "/nonexistent/leaklaw-torture.db"]
    out.append(("cases-list", nodb + ["cases", "list", "--format", "json"],
                False, True))
    out.append(("cases-search", nodb + ["cases", "search", "election"],
                False, True))
    out.append(("cases-show", nodb + ["cases", "show", "dnc-2016"], False,
                True))
    return out


def run(leaklaw, root, argv, env, n, tmpdir, tag):
    """Run once with LK_ALLOC_FAIL_AFTER=n (standard input from STDIN[tag]
    or nothing); returns (rc, stdout, stderr, file bytes or None)."""
    path = os.path.join(tmpdir, "%s-%s.out" % (tag, n))
    if os.path.exists(path):
        os.unlink(path)
    args = [leaklaw] + [path if a == "@OUT@" else a for a in argv]
    e = dict(env)
    e["LK_ALLOC_FAIL_AFTER"] = str(n)
    stdin = b""
    if tag in STDIN:
        with open(os.path.join(root, STDIN[tag]), "rb") as f:
            stdin = f.read()
    p = subprocess.run(args, cwd=root, env=e, capture_output=True,
                       input=stdin, timeout=120)
    data = None
    if os.path.exists(path):
        with open(path, "rb") as f:
            data = f.read()
        os.unlink(path)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), data


def samples(total, head, stride, tail):
    ns = set(range(1, min(head, total) + 1))
    if stride > 0:
        step = max(1, total // stride)
        ns.update(range(1, total + 1, step))
    ns.update(range(max(1, total - tail + 1), total + 1))
    return sorted(ns)


def check_one(cmd, n, ref, leaklaw, root, env, tmpdir):
    """None if the run at n is acceptable, else a description."""
    name, argv, writes, _ = cmd
    rc, out, err, data = run(leaklaw, root, argv, env, n, tmpdir, name)
    lines = [l for l in err.split("\n") if l]
    if rc == 0:
        if out != ref[0] or data != ref[1]:
            return "exit 0 but the output differs from an undisturbed run"
        return None
    if rc != 1:
        return "exit %d: %s" % (rc, err[-2000:])
    if not any("out of memory" in l for l in lines):
        return "exit 1 without 'out of memory': %s" % err[-2000:]
    if any(not l.startswith("leaklaw: ") for l in lines):
        return "unexpected stderr: %s" % err[-4000:]
    if writes and data is not None:
        return "exit 1 but -o left a file (%d bytes)" % len(data)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--head", type=int, default=200)
    ap.add_argument("--stride", type=int, default=16)
    ap.add_argument("--tail", type=int, default=32)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default=None, help="command name to run")
    a = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("LEAKLAW_DATA", os.path.join(a.root, "data"))
    env.pop("LK_ALLOC_FAIL_AFTER", None)
    leaklaw = os.path.abspath(a.leaklaw)
    rules = subprocess.run([leaklaw, "rules", "--format", "json"], cwd=a.root,
                           env=env, capture_output=True, check=True)
    rule_id = json.loads(rules.stdout)["list"][0]["id"]
    failures = 0
    runs = 0
    law_head_done = False
    with tempfile.TemporaryDirectory(prefix="lk-torture-") as tmpdir, \
            concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for cmd in commands(rule_id):
            name, argv, writes, loads_law = cmd
            if a.only and name != a.only:
                continue
            rc, out, err, data = run(leaklaw, a.root, argv, env, "count",
                                     tmpdir, name)
            if rc != 0:
                print("FAIL %s: undisturbed run exits %d: %s" %
                      (name, rc, err), file=sys.stderr)
                failures += 1
                continue
            total = int(err.strip().split("\n")[-1].split()[1])
            head = a.head if (not loads_law or not law_head_done) else 0
            if loads_law:
                law_head_done = True
            ns = samples(total, head, a.stride, a.tail)
            futs = {pool.submit(check_one, cmd, n, (out, data), leaklaw,
                                a.root, env, tmpdir): n for n in ns}
            bad = []
            known = 0
            for f in concurrent.futures.as_completed(futs):
                why = f.result()
                if why and any((k is None or k == name) and text in why
                               for k, text in KNOWN):
                    known += 1
                elif why:
                    bad.append((futs[f], why))
            runs += len(ns)
            for n, why in sorted(bad)[:5]:
                print("FAIL %s (%s) at allocation %d of %d: %s" %
                      (name, " ".join(argv), n, total, why), file=sys.stderr)
            failures += len(bad)
            print("%-12s %6d allocations, %4d runs, %d failed, %d known" %
                  (name, total, len(ns), len(bad), known))
    print("%d runs, %d failed" % (runs, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
