#!/usr/bin/env python3
"""Runner of the data-driven CLI tests (tests/cli/cases/*.t).

A case file is a list of directives, one per line (# starts a comment):

  args: assess --format json data/cases/dnc-2016.json   (run from the root;
                                      words with * are globbed)
  status: 0                           expected exit status
  stdout-contains: text               stdout must contain text (repeatable)
  stdout-lacks: text                  stdout must not contain text
  stderr-contains: text               stderr must contain text
  stderr-lines: N                     stderr has exactly N lines
  stdout-empty: yes                   nothing on stdout
  json: /pointer = JSON               stdout parsed as JSON (or each line of
                                      JSON Lines with "jsonl: N /p = v")
  absent: path                        path must not exist after the run
  file-contains: path text            the file written contains text
  cleanup: path                       remove path after the run
  --- stdout                          the rest, up to the next "--- ", is
  --- stderr                          the exact expected stream
The command is run twice and both runs must give identical stdout
(assessments are deterministic)."""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys


def pointer_get(doc, ptr):
    if ptr == "":
        return doc
    for part in ptr.lstrip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def parse(path):
    directives, blocks, current = [], {}, None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("--- "):
                current = line[4:].strip()
                blocks[current] = []
                continue
            if current is not None:
                blocks[current].append(line)
                continue
            if not line.strip() or line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            directives.append((key.strip(), value.strip()))
    return directives, {k: "\n".join(v) for k, v in blocks.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--wrapper", default="")
    ap.add_argument("case")
    opt = ap.parse_args()
    directives, blocks = parse(opt.case)
    args = next(v for k, v in directives if k == "args")
    words = []
    for w in shlex.split(args):  # globs expand from the root, sorted
        words += sorted(os.path.relpath(p, opt.root) for p in
                        glob.glob(os.path.join(opt.root, w))) or [w] \
            if "*" in w else [w]
    argv = shlex.split(opt.wrapper) + [opt.leaklaw] + words
    stdin = None
    for k, v in directives:
        if k == "stdin":
            stdin = open(os.path.join(opt.root, v), "rb").read()
    runs = [subprocess.run(argv, cwd=opt.root, input=stdin,
                           capture_output=True) for _ in range(2)]
    out, err, status = (runs[0].stdout.decode(), runs[0].stderr.decode(),
                        runs[0].returncode)
    failures = []
    if runs[0].stdout != runs[1].stdout:
        failures.append("stdout differs between two runs")
    for k, v in directives:
        if k == "status" and status != int(v):
            failures.append(f"status {status}, expected {v}")
        elif k == "stdout-contains" and v not in out:
            failures.append(f"stdout lacks {v!r}")
        elif k == "stdout-lacks" and v in out:
            failures.append(f"stdout contains {v!r}")
        elif k == "stderr-contains" and v not in err:
            failures.append(f"stderr lacks {v!r}")
        elif k == "stderr-lines" and len(err.splitlines()) != int(v):
            failures.append(f"stderr has {len(err.splitlines())} lines, "
                            f"expected {v}")
        elif k == "stdout-empty" and out:
            failures.append("stdout is not empty")
        elif k == "absent" and os.path.exists(os.path.join(opt.root, v)):
            failures.append(f"{v} exists")
        elif k == "file-contains":
            path, _, text = v.partition(" ")
            try:
                body = open(os.path.join(opt.root, path),
                            encoding="utf-8").read()
            except OSError as e:
                failures.append(f"{path}: {e}")
                continue
            if text not in body:
                failures.append(f"{path} lacks {text!r}")
        elif k in ("json", "jsonl"):
            if k == "jsonl":
                n, _, v = v.partition(" ")
                text = out.splitlines()[int(n)]
            else:
                text = out
            ptr, _, want = v.partition(" = ")
            try:
                got = pointer_get(json.loads(text), ptr.strip())
            except (ValueError, KeyError, IndexError, TypeError) as e:
                failures.append(f"{ptr}: {e!r}")
                continue
            if got != json.loads(want):
                failures.append(f"{ptr} is {json.dumps(got)}, expected {want}")
    for name, text in blocks.items():
        got = out if name == "stdout" else err
        if got.rstrip("\n") != text.rstrip("\n"):
            failures.append(f"{name} differs:\n--- got\n{got}--- expected\n"
                            f"{text}")
    for k, v in directives:
        if k == "cleanup" and os.path.exists(os.path.join(opt.root, v)):
            os.remove(os.path.join(opt.root, v))
    if failures:
        print(f"FAIL {opt.case}: {' '.join(argv)}")
        for f in failures:
            print("  " + f)
        print("stderr was:\n" + err)
        return 1
    print(f"ok {os.path.basename(opt.case)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
