#!/usr/bin/env python3
"""The store through the command (leaklaw --db PATH ...), each scenario in
its own temporary folder:

- import, list, show, search: stored cases beside the bundled library, a
  stored case hiding the bundled one of its id, a directory import;
- a malformed import (a bad file among good ones, or one id in two files)
  writes nothing: one line FILE:LINE:COL or pointer, exit 65, the
  database unchanged byte for byte;
- assess --save and history (text and JSON), a change of the case shown;
- a corrupted file, a newer schema, another application's database, a
  read-only database, a database locked past the busy timeout: a clear
  one-line error, exit 1, and the file (and its data) kept;
- several processes saving at once: every save lands;
- the default path under $XDG_DATA_HOME, else ~/.local/share.
"""
import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

FAILURES = []
BUSY_TIMEOUT_S = 5  # LK_STORE_BUSY_TIMEOUT_MS


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL " + what)


def run(opt, args, db=None, env=None, user=None):
    argv = [opt.leaklaw] + (["--db", db] if db else []) + args
    kw = {}
    if user is not None:  # its copy of the data (nobody_copy)
        env = dict(env if env is not None else os.environ)
        env["LEAKLAW_DATA"] = os.path.join(opt.root, "data")

        def drop():
            os.setgid(user)
            os.setuid(user)
        kw["preexec_fn"] = drop
    return subprocess.run(argv, cwd=opt.root, capture_output=True, text=True,
                          env=env, **kw)


def nobody_copy(opt, tmp):
    """The binary and the data where user nobody can read them: the clone
    (and its build) may sit in a folder only root may enter."""
    import copy
    import shutil
    root = os.path.join(tmp, "nobody")
    os.makedirs(os.path.join(root, "bin"))
    shutil.copy2(opt.leaklaw, os.path.join(root, "bin", "leaklaw"))
    shutil.copytree(os.path.join(opt.root, "data"), os.path.join(root, "data"))
    for d, dirs, files in os.walk(root):
        os.chmod(d, 0o755)
        for f in files:
            os.chmod(os.path.join(d, f), 0o755 if d.endswith("bin") else 0o644)
    o = copy.copy(opt)
    o.leaklaw = os.path.join(root, "bin", "leaklaw")
    o.root = root
    return o


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def one_line_error(r, status, text, what):
    lines = r.stderr.strip().split("\n")
    check(r.returncode == status,
          f"{what}: exit {r.returncode}, expected {status}: {r.stderr}")
    check(len(lines) == 1 and lines[0].startswith("leaklaw: ") and
          text in lines[0], f"{what}: stderr {r.stderr!r} lacks {text!r}")


def case_copy(opt, tmp, name, new_id=None, edit=None):
    with open(os.path.join(opt.root, "data/cases", name)) as f:
        c = json.load(f)
    if new_id:
        c["id"] = new_id
    if edit:
        edit(c)
    path = os.path.join(tmp, (new_id or c["id"]) + ".json")
    with open(path, "w") as f:
        json.dump(c, f, indent=2)
    return path


def test_import_list_show_search(opt, tmp):
    db = os.path.join(tmp, "s.db")
    os.mkdir(os.path.join(tmp, "in"))
    a = case_copy(opt, os.path.join(tmp, "in"), "qna-2017.json",
                  "zz-stored-case",
                  lambda c: c.update(title="Zanzibar quokka leak"))
    r = run(opt, ["cases", "list"], db)
    check(r.returncode == 0 and "dnc-2016" in r.stdout and
          "bundled" in r.stdout, "list without a store shows the bundle")
    check(not os.path.exists(db), "reading does not create the store")
    r = run(opt, ["cases", "import", os.path.join(tmp, "in"),
                  "data/cases/dnc-2016.json"], db)
    check(r.returncode == 0 and "imported 2 cases" in r.stdout,
          f"import: {r.returncode} {r.stdout} {r.stderr}")
    r = run(opt, ["cases", "list", "--format", "json"], db)
    cases = {c["id"]: c for c in json.loads(r.stdout)["cases"]}
    check(cases.get("zz-stored-case", {}).get("origin") == "store",
          "imported case listed from the store")
    check(cases.get("dnc-2016", {}).get("origin") == "store",
          "a stored case hides the bundled one of its id")
    check(cases.get("qna-2017", {}).get("origin") == "bundled",
          "bundled cases listed")
    r = run(opt, ["cases", "show", "zz-stored-case"], db)
    check(r.returncode == 0 and r.stdout == open(a).read() + "\n"
          if not open(a).read().endswith("\n") else r.stdout == open(a).read(),
          "show prints the file as imported")
    r = run(opt, ["cases", "show", "no-such-case"], db)
    one_line_error(r, 1, "no case 'no-such-case'", "show unknown")
    r = run(opt, ["cases", "search", "--format", "json", "quokka"], db)
    hits = json.loads(r.stdout)["hits"]
    check([h["id"] for h in hits] == ["zz-stored-case"],
          f"search finds the stored case by its title: {hits}")
    r = run(opt, ["cases", "search", "phishing"], db)
    check(r.returncode == 0 and "dnc-2016" in r.stdout,
          "search finds facts")
    r = run(opt, ["cases", "search", "AND", "(", "NEAR"], db)
    check(r.returncode == 0, f"query syntax is not interpreted: {r.stderr}")


def test_malformed_import(opt, tmp):
    db = os.path.join(tmp, "m.db")
    good = case_copy(opt, tmp, "qna-2017.json", "good-one")
    r = run(opt, ["cases", "import", good], db)
    check(r.returncode == 0, "first import")
    before = digest(db)
    listing = run(opt, ["cases", "list"], db).stdout
    other = case_copy(opt, tmp, "dnc-2016.json", "good-two")
    bad = "tests/resources/cases/bad/bad-enum.json"
    r = run(opt, ["cases", "import", other, bad], db)
    one_line_error(r, 65, "bad-enum.json:", "malformed import")
    check(":4:" in r.stderr, f"the error has its line: {r.stderr}")
    os.mkdir(os.path.join(tmp, "dup"))
    dup = case_copy(opt, os.path.join(tmp, "dup"), "dnc-2016.json",
                    "good-one")
    r = run(opt, ["cases", "import", other, dup, good], db)
    one_line_error(r, 65, "/id: case id 'good-one' is imported twice",
                   "one id in two files")
    check(digest(db) == before, "a malformed import writes nothing")
    check(run(opt, ["cases", "list"], db).stdout == listing,
          "the listing is unchanged")


def test_save_history(opt, tmp):
    db = os.path.join(tmp, "h.db")
    c = case_copy(opt, tmp, "dnc-2016.json", "hist-case")
    for _ in range(2):
        r = run(opt, ["assess", "--save", "--format", "md", c], db)
        check(r.returncode == 0, f"assess --save: {r.stderr}")

    def no_attribution(d):
        d["actor"] = {"kind": "unknown"}
    case_copy(opt, tmp, "dnc-2016.json", "hist-case", no_attribution)
    r = run(opt, ["assess", "--save", c], db)
    check(r.returncode == 0, "third save")
    r = run(opt, ["history", "hist-case"], db)
    check(r.returncode == 0 and r.stdout.count("\n#") == 3 and
          "same case, rules and profile" in r.stdout and
          "the case changed" in r.stdout and "changed: " in r.stdout,
          f"history text: {r.stdout}")
    r = run(opt, ["history", "--format", "json", "hist-case"], db)
    h = json.loads(r.stdout)
    saves = h["saves"]
    check(len(saves) == 3 and saves[0]["changes"] is None and
          saves[2]["changes"]["case"] and saves[2]["changes"]["verdicts"],
          f"history json: {h}")
    check(all(len(s["rules"]["sha256"]) == 64 and
              len(s["case_sha256"]) == 64 and s["profile"] == "default"
              for s in saves), "each save has both hashes and the profile")
    r = run(opt, ["history", "never-saved"], db)
    one_line_error(r, 1, "no saved assessment", "history of nothing")
    r = run(opt, ["assess", "--save", c, "tests/resources/cases/bad/"
                  "bad-enum.json"], db)
    check(r.returncode == 65, "a bad case among saved ones")
    check(len(json.loads(run(opt, ["history", "--format", "json",
                                   "hist-case"], db).stdout)["saves"]) == 3,
          "a run with a bad case saves nothing")


def refused(opt, db, text, what, status=1):
    """Every command on "db" fails with "text"; the file is unchanged."""
    before = digest(db)
    for args in (["cases", "list"], ["cases", "search", "leak"],
                 ["history", "dnc-2016"],
                 ["cases", "import", "data/cases/dnc-2016.json"],
                 ["assess", "--save", "data/cases/dnc-2016.json"]):
        r = run(opt, args, db)
        one_line_error(r, status, text, f"{what}: {' '.join(args)}")
        check(r.stdout == "", f"{what}: {' '.join(args)} prints nothing")
    check(digest(db) == before, f"{what}: the file is unchanged")


def test_refused(opt, tmp):
    db = os.path.join(tmp, "corrupt.db")
    with open(db, "wb") as f:
        f.write(bytes((i * 7919) & 0xff for i in range(16384)))
    refused(opt, db, "corrupted", "corrupted file")
    # a real store whose pages were damaged after the header
    db = os.path.join(tmp, "damaged.db")
    r = run(opt, ["cases", "import", "data/cases"], db)
    check(r.returncode == 0, "import for damage")
    with open(db, "r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 8192)
    r = run(opt, ["cases", "search", "leak"], db)
    one_line_error(r, 1, "corrupted", "damaged pages")
    db = os.path.join(tmp, "newer.db")
    run(opt, ["cases", "import", "data/cases/qna-2017.json"], db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.close()
    refused(opt, db, "newer than this leaklaw knows", "newer schema")
    con = sqlite3.connect(db)
    check(con.execute("SELECT id FROM cases").fetchall() == [("qna-2017",)],
          "newer schema: data kept")
    con.close()
    db = os.path.join(tmp, "other.db")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE mine(x)")
    con.commit()
    con.close()
    refused(opt, db, "not a leaklaw database", "another application's")


def test_readonly(opt, tmp):
    ro = os.path.join(tmp, "ro")
    os.mkdir(ro)
    db = os.path.join(ro, "r.db")
    check(run(opt, ["cases", "import", "data/cases/qna-2017.json"],
              db).returncode == 0, "import for read-only")
    check(run(opt, ["assess", "--save", "data/cases/qna-2017.json"],
              db).returncode == 0, "save for read-only")
    user = None
    if os.getuid() == 0:  # root writes anything: run as nobody
        user = 65534
        os.chmod(tmp, 0o755)
        os.chmod(ro, 0o755)
        os.chmod(db, 0o644)
        opt = nobody_copy(opt, tmp)
    else:
        os.chmod(db, 0o444)
        os.chmod(ro, 0o555)
    before = digest(db)
    r = run(opt, ["cases", "list"], db, user=user)
    check(r.returncode == 0 and "qna-2017                         store"
          in r.stdout, f"read-only: list works: {r.stderr}")
    r = run(opt, ["history", "qna-2017"], db, user=user)
    check(r.returncode == 0, f"read-only: history works: {r.stderr}")
    for args in (["assess", "--save", "data/cases/dnc-2016.json"],
                 ["cases", "import", "data/cases/dnc-2016.json"]):
        r = run(opt, args, db, user=user)
        one_line_error(r, 1, "read-only", "read-only: " + args[0])
    os.chmod(ro, 0o755)
    check(digest(db) == before, "read-only: the file is unchanged")


def test_locked(opt, tmp):
    db = os.path.join(tmp, "l.db")
    check(run(opt, ["assess", "--save", "data/cases/qna-2017.json"],
              db).returncode == 0, "save before lock")
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    con.execute("INSERT INTO verdicts SELECT seq, 9, 'x', 'y' FROM "
                "assessments")
    t0 = time.monotonic()
    r = run(opt, ["assess", "--save", "data/cases/qna-2017.json"], db)
    waited = time.monotonic() - t0
    one_line_error(r, 1, "locked by another process", "locked")
    check(r.stdout == "", "locked: nothing written to stdout")
    check(waited >= BUSY_TIMEOUT_S - 0.5, f"locked: waited {waited:.1f}s")
    r = run(opt, ["history", "qna-2017"], db)
    check(r.returncode == 0, "locked: reading still works (WAL)")
    con.execute("COMMIT")
    con.close()
    r = run(opt, ["history", "--format", "json", "qna-2017"], db)
    check(len(json.loads(r.stdout)["saves"]) == 1,
          "locked: the earlier save is kept, the refused one not added")


def test_concurrent(opt, tmp):
    db = os.path.join(tmp, "c.db")
    n = 6
    argv = [opt.leaklaw, "--db", db, "assess", "--save",
            "data/cases/dnc-2016.json", "data/cases/qna-2017.json"]
    procs = [subprocess.Popen(argv, cwd=opt.root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
             for _ in range(n)]
    for p in procs:
        _, err = p.communicate()
        check(p.returncode == 0, f"concurrent save: {err}")
    for case in ("dnc-2016", "qna-2017"):
        r = run(opt, ["history", "--format", "json", case], db)
        got = len(json.loads(r.stdout)["saves"]) if r.returncode == 0 else 0
        check(got == n, f"concurrent: {got} of {n} saves of {case} landed")


def test_default_path(opt, tmp):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "xdg")
    env["HOME"] = os.path.join(tmp, "home")
    r = run(opt, ["assess", "--save", "data/cases/qna-2017.json"], env=env)
    check(r.returncode == 0 and os.path.exists(
        os.path.join(tmp, "xdg/leaklaw/leaklaw.db")),
        f"default under XDG_DATA_HOME: {r.stderr}")
    del env["XDG_DATA_HOME"]
    r = run(opt, ["assess", "--save", "data/cases/qna-2017.json"], env=env)
    check(r.returncode == 0 and os.path.exists(
        os.path.join(tmp, "home/.local/share/leaklaw/leaklaw.db")),
        f"default under HOME: {r.stderr}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("only", nargs="*")
    opt = ap.parse_args()
    tests = [test_import_list_show_search, test_malformed_import,
             test_save_history, test_refused, test_readonly, test_locked,
             test_concurrent, test_default_path]
    for t in tests:
        if opt.only and t.__name__ not in opt.only:
            continue
        tmp = tempfile.mkdtemp(prefix="lk-store-")
        try:
            t(opt, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        print(f"ran {t.__name__}")
    print(f"{len(FAILURES)} failure(s)")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
