#!/usr/bin/env python3
"""Keep the docs true to the code: for every command, the usage block of
docs/cli/<command>.md (the first ``` block after '## Synopsis') is exactly
what `leaklaw <command> --help` prints, and the man page docs/leaklaw.1
mentions the command and each of its long options."""
import argparse
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--leaklaw", required=True)
ap.add_argument("--root", required=True)
opt = ap.parse_args()
main_help = subprocess.run([opt.leaklaw, "--help"], capture_output=True,
                           text=True, check=True).stdout
commands = re.findall(r"^  ([a-z]+) ", main_help.split("Commands:")[1]
                      .split("Options:")[0], re.M)
man = open(f"{opt.root}/docs/leaklaw.1", encoding="utf-8").read()
failures = []
for cmd in ["leaklaw"] + commands:
    argv = [opt.leaklaw, "--help"] if cmd == "leaklaw" else \
        [opt.leaklaw, cmd, "--help"]
    got = subprocess.run(argv, capture_output=True, text=True)
    if got.returncode != 0:
        failures.append(f"{cmd} --help exits {got.returncode}")
        continue
    try:
        doc = open(f"{opt.root}/docs/cli/{cmd}.md", encoding="utf-8").read()
    except OSError:
        failures.append(f"docs/cli/{cmd}.md is missing")
        continue
    m = re.search(r"## Synopsis\s*```\n(.*?)```", doc, re.S)
    if not m or m.group(1) != got.stdout:
        failures.append(f"docs/cli/{cmd}.md synopsis differs from "
                        f"'{' '.join(argv[1:])}'")
    if cmd != "leaklaw" and not re.search(r"\b%s\b" % cmd, man):
        failures.append(f"man page does not mention '{cmd}'")
    for o in sorted(set(re.findall(r"(--[a-z][a-z-]+)", got.stdout))):
        if o.replace("-", r"\-") not in man and o not in man:
            failures.append(f"man page does not mention {o} ({cmd})")
for f in failures:
    print("FAIL " + f)
print(f"checked {len(commands) + 1} help texts")
sys.exit(1 if failures else 0)
