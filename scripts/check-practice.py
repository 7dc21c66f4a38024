#!/usr/bin/env python3
"""Check data/practice/*.json against leaklaw/practice/1 (/work/specs/practice.md)."""
import json, re, sys, glob, os
ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TOP = {"format", "case", "reactions", "note"}
KEYS = ["id","party","date","kind","against","title","summary","quote","quote_status","invokes","invokes_quote","url","seen_at","status"]
KINDS = {"attribution","sanctions","indictment","expulsion","protest","statement","denial","other"}
INVOKES = {"intervention","sovereignty","international-law","domestic-law","norms","none"}
ORGS = {"EU","NATO","UN"}
iso = set()
for line in open(os.path.join(ROOT, "data/iso3166-1.tsv"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f and re.fullmatch(r"[A-Z]{2}", f[0]): iso.add(f[0])
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
URL = re.compile(r"^https?://[^\s]+$")
OFFICIAL = re.compile(r"(\.gov(\.[a-z]{2})?/|\.gov$|\.gov\.|gov\.uk|europa\.eu|parliament\.uk|auswaertiges-amt\.de|\.mil/|whitehouse|archives\.gov|state\.gov|treasury\.gov|justice\.gov|fbi\.gov|cisa\.gov)")
cases = {os.path.basename(p)[:-5] for p in glob.glob(os.path.join(ROOT, "data/cases/*.json"))}
errors = 0; warnings = 0
def err(f, m):
    global errors; errors += 1; print(f"{f}: error: {m}")
def warn(f, m):
    global warnings; warnings += 1; print(f"{f}: warning: {m}")
files = sorted(glob.glob(os.path.join(ROOT, "data/practice/*.json")))
stats = {"confirmed": 0, "unconfirmed": 0}
for path in files:
    f = os.path.relpath(path, ROOT)
    try: d = json.load(open(path, encoding="utf-8"))
    except Exception as e: err(f, f"not JSON: {e}"); continue
    if set(d) != TOP: err(f, f"top-level keys {sorted(d)} != {sorted(TOP)}")
    if d.get("format") != "leaklaw/practice/1": err(f, "format")
    cid = d.get("case")
    if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cid or ""): err(f, "case id")
    if os.path.basename(path) != f"{cid}.json": err(f, "file name != case id")
    if cid not in cases: warn(f, f"case '{cid}' not (yet) in data/cases/")
    if not isinstance(d.get("note"), str) or not d["note"].strip(): err(f, "note must be a non-empty string")
    rs = d.get("reactions")
    if not isinstance(rs, list): err(f, "reactions must be a list"); continue
    seen = set()
    for i, r in enumerate(rs):
        w = f"{f}: reactions[{i}]"
        if not isinstance(r, dict): err(w, "not an object"); continue
        if list(r) != KEYS and set(r) != set(KEYS): err(w, f"keys {sorted(set(r) ^ set(KEYS))} differ")
        rid = r.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", rid or ""): err(w, "id")
        if rid in seen: err(w, f"duplicate id {rid}")
        seen.add(rid)
        for k in ("party",):
            v = r.get(k)
            if v not in iso and v not in ORGS: err(w, f"{k} {v!r} not ISO 3166-1 alpha-2 / org")
        a = r.get("against")
        if a is not None and a not in iso and a not in ORGS: err(w, f"against {a!r}")
        if a is not None and a == r.get("party"): err(w, "against == party")
        if not isinstance(r.get("date"), str) or not DATE.match(r["date"]): err(w, f"date {r.get('date')!r}")
        if r.get("kind") not in KINDS: err(w, f"kind {r.get('kind')!r}")
        for k in ("title", "summary"):
            if not isinstance(r.get(k), str) or not r[k].strip(): err(w, f"{k} empty")
        q, qs = r.get("quote"), r.get("quote_status")
        if q is None:
            if qs is not None: err(w, "quote_status must be null when quote is null")
        else:
            if not isinstance(q, str) or not q.strip(): err(w, "quote empty")
            if qs not in ("confirmed", "unconfirmed"): err(w, f"quote_status {qs!r}")
        inv = r.get("invokes")
        if not isinstance(inv, list) or any(x not in INVOKES for x in inv): err(w, f"invokes {inv!r}")
        elif "none" in inv and len(inv) > 1: err(w, "'none' with other notions")
        iq = r.get("invokes_quote")
        if iq is not None:
            if not inv or inv == ["none"]: err(w, "invokes_quote without an invoked notion")
        if inv and inv != ["none"] and any(x in ("intervention","sovereignty","international-law","norms") for x in inv) and iq is None:
            warn(w, f"invokes {inv} without invokes_quote")
        st = r.get("status")
        if st not in ("confirmed", "unconfirmed"): err(w, f"status {st!r}")
        else: stats[st] += 1
        u, s = r.get("url"), r.get("seen_at")
        for k, v in (("url", u), ("seen_at", s)):
            if v is not None and (not isinstance(v, str) or not URL.match(v)): err(w, f"{k} {v!r} not a URL")
        if st == "confirmed":
            if not u: err(w, "confirmed without url")
            if not s: err(w, "confirmed without seen_at")
            if qs == "unconfirmed": err(w, "confirmed reaction with unconfirmed quote")
        if u and not OFFICIAL.search(u): err(w, f"url not an official domain: {u}")
print(f"{len(files)} files, {stats['confirmed']} confirmed + {stats['unconfirmed']} unconfirmed reactions, {errors} errors, {warnings} warnings")
sys.exit(1 if errors else 0)
