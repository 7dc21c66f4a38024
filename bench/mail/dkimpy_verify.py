#!/usr/bin/env python3
"""Peer for bench/mail: dkimpy (Debian python3-dkim) verifying every
signature of every message of an mbox with the keys of a leaklaw key
archive (no DNS). LF is turned into CRLF first, as leaklaw does.
Usage: dkimpy_verify.py KEYS MBOX  -> prints "verified N of M" """
import sys

import dkim

keys = {}
for line in open(sys.argv[1]):
    if line.strip() and not line.startswith("#"):
        name, rec = line.rstrip("\n").split(" ", 1)
        keys[name.lower().rstrip(".") + "."] = rec.encode()


def dnsfunc(name, timeout=5):
    return keys.get(name.decode().lower())


data = open(sys.argv[2], "rb").read()
msgs = data.split(b"\n\nFrom ")
ok = total = 0
for m in msgs:
    raw = m.split(b"\n", 1)[1].replace(b"\n", b"\r\n")  # From_ line off
    total += 1
    try:
        ok += bool(dkim.verify(raw, dnsfunc=dnsfunc))
    except Exception:
        pass
print(f"verified {ok} of {total}")
