#!/usr/bin/env python3
"""relabel.py DIR: rewrite a copy of data/ so that legal choices change
without any C change: the lens leak-norm becomes leak-norm-x (model, rules,
profiles, cases' "expected"), a fourth lens "test-lens" is added with its
rules, and the intrusiveness scale gets five levels (moderate between low
and high, severe above high; malware becomes severe)."""
import glob
import json
import os
import sys

d = sys.argv[1]
for p in glob.glob(os.path.join(d, "**", "*.json"), recursive=True):
    s = open(p).read()
    t = s.replace('"leak-norm"', '"leak-norm-x"')
    if t != s:
        open(p, "w").write(t)


def edit(rel, fn):
    p = os.path.join(d, rel)
    doc = json.load(open(p))
    fn(doc)
    json.dump(doc, open(p, "w"), indent=1)


def model(m):
    m["lenses"].append({"id": "test-lens", "title": "Test lens",
                        "question": "Is access intrusive at all?",
                        "cites": ["seed-more-leaks"]})


def intrusiveness(i):
    i["levels"] = ["none", "low", "moderate", "high", "severe"]
    for m in i["methods"]:
        if m["method"] == "malware":
            m["level"] = "severe"


def rule(rid, when, then, prio):
    return {"id": rid, "decides": "test-lens", "when": when,
            "then": {"verdict": then}, "priority": prio, "text": "t",
            "cites": ["seed-more-leaks"]}


def elements(e):
    e["rules"].append({"id": "test-intrusiveness-severe",
                       "decides": "intrusiveness",
                       "when": {"fact": "/access/level",
                                "in": ["severe", "moderate"]},
                       "then": {"status": "met", "level": "high"},
                       "priority": 10, "text": "t",
                       "cites": ["seed-more-leaks"]})


def lenses(l):
    l["rules"] += [
        rule("test-lens-breach",
             {"element": "intrusiveness", "status": "met"}, "breach", 10),
        rule("test-lens-default", {"always": True}, "no-breach", 0)]


edit("rules/model.json", model)
edit("rules/intrusiveness.json", intrusiveness)
edit("rules/elements.json", elements)
edit("rules/lenses.json", lenses)
