#!/usr/bin/env python3
"""The catalogue of legal sources (data/sources.json) is sound.

Every entry's "url" is its official home: an https address on no known
mirror or aggregator (the hosts the catalogue once cited), or, for
leaklaw's own method, a file of the tree; an entry whose official home is
not known has no "url" and is "unconfirmed". A "confirmed" entry has a
quotation or a note saying what was seen. Every "seen_at" copy is an
http(s) address or a file of the tree. Every id that data/rules and
data/profiles cite is in the catalogue, and every kind is known.

Usage: sources_check.py ROOT"""
import glob
import json
import os
import sys
import urllib.parse

KINDS = {"treaty", "judgment", "un-document", "national-position",
         "official-statement", "indictment", "report", "scholarship",
         "press", "standard", "method"}
# Mirrors, aggregators and copies found in earlier versions of the
# catalogue: they may appear in seen_at, never as a source's home.
DENY = ["studfile", "docsity", "scribd", "dokumen.tips", "goodreads",
        "wixlib", "fayllar", "studmed", "library.korea.ac.kr",
        "unov.tind.io", "zenodo", "modeldiplomat", "lexmea", "docs.cntd.ru",
        "garant.ru", "edrawmind", "truth4freedom", "techregister",
        "interventionism.info", "angelfire", "readkong", "fdocuments",
        "docslib", "studylib", "compliantpapers", "lincolndailynews",
        "taranganews", "theprecisionng", "cyberpolicyportal", "dig.watch",
        "jusmundi", "mendeley", "itlaw.fandom", "sweetliberty"]


def cited_ids(node, out):
    """Collect every string of every "cites" array under node."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "cites" and isinstance(v, list):
                out.update(c for c in v if isinstance(c, str))
            else:
                cited_ids(v, out)
    elif isinstance(node, list):
        for v in node:
            cited_ids(v, out)


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "data", "sources.json"),
              encoding="utf-8") as f:
        sources = json.load(f)["sources"]
    errors = []

    def bad(sid, msg):
        errors.append("%s: %s" % (sid, msg))

    ids = set()
    for s in sources:
        sid = s["id"]
        ids.add(sid)
        if s.get("kind") not in KINDS:
            bad(sid, "kind %r is not one of %s" % (s.get("kind"),
                                                   sorted(KINDS)))
        if not s.get("oscola"):
            bad(sid, "no OSCOLA citation")
        url = s.get("url", "")
        if not url:
            if s["status"] != "unconfirmed":
                bad(sid, "no official url, yet confirmed")
        elif s.get("kind") == "method" and "://" not in url:
            if not os.path.isfile(os.path.join(root, url)):
                bad(sid, "url %s is not a file of the tree" % url)
        else:
            host = urllib.parse.urlparse(url).netloc
            if not url.startswith("https://") or not host:
                bad(sid, "url %s is not an https address" % url)
            for d in DENY:
                if d in host:
                    bad(sid, "url %s is a mirror or aggregator (%s), not "
                        "the official home" % (url, d))
        if s["status"] == "confirmed" and not s.get("quote") \
                and not s.get("note"):
            bad(sid, "confirmed without a quotation or a note of what was "
                "seen")
        for c in s.get("seen_at", []):
            u = c.get("url", "")
            if not (u.startswith("https://") or u.startswith("http://")
                    or os.path.isfile(os.path.join(root, u))):
                bad(sid, "seen_at %r is neither an address nor a file of "
                    "the tree" % u)
            if not c.get("what"):
                bad(sid, "seen_at %s does not say what was read" % u)

    for pattern in ("data/rules/*.json", "data/profiles/*.json"):
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            with open(path, encoding="utf-8") as f:
                cited = set()
                cited_ids(json.load(f), cited)
            for c in sorted(cited - ids):
                bad(os.path.relpath(path, root), "cites %r, which is not in "
                    "data/sources.json" % c)

    for e in errors:
        print(e)
    print("sources: %d entries checked, %d problems" % (len(sources),
                                                        len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
