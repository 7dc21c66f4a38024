#!/usr/bin/env python3
"""Rewrite the Synopsis block of each docs/cli/<command>.md from
`leaklaw <command> --help` (run after changing a help text; the test
docs_match_help fails until the docs match). Usage:
scripts/sync-cli-docs.py BUILD/leaklaw"""
import re
import subprocess
import sys

ll = sys.argv[1]
main_help = subprocess.run([ll, "--help"], capture_output=True, text=True,
                           check=True).stdout
# every command of the main help, as tests/cli/docs_check.py finds them
commands = re.findall(r"^  ([a-z]+) ", main_help.split("Commands:")[1]
                      .split("Options:")[0], re.M)
for cmd in ["leaklaw"] + list(dict.fromkeys(commands)):
    argv = [ll, "--help"] if cmd == "leaklaw" else [ll, cmd, "--help"]
    text = subprocess.run(argv, capture_output=True, text=True,
                          check=True).stdout
    path = f"docs/cli/{cmd}.md"
    doc = open(path, encoding="utf-8").read()
    doc = re.sub(r"(## Synopsis\s*```\n)(.*?)(```)",
                 lambda m: m.group(1) + text + m.group(3), doc, flags=re.S)
    open(path, "w", encoding="utf-8").write(doc)
