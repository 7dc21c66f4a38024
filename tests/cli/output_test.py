#!/usr/bin/env python3
"""Outputs never destroy inputs, and output failures are failures.

Runs the leaklaw binary (--leaklaw) from the source root (--root) in a
temporary directory and checks, for the output sink every command uses:
a full disk or a closed standard output fails with exit 1 for every
command; -o naming an input of the run is refused with exit 2 before
anything is written; -o through a symbolic link writes its target and
keeps the link; an existing file keeps its mode; a new file honours the
umask; a FIFO and /dev/stdout are written into, never renamed over.
Prints 'N passed, N failed'."""
import argparse, os, shutil, stat, subprocess, sys, tempfile, threading

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    ll = os.path.abspath(a.leaklaw)
    root = os.path.abspath(a.root)
    case = os.path.join(root, "data/cases/dnc-2016.json")
    results = []

    def check(name, ok, why=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + why))

    def run(args, stdout=subprocess.PIPE, umask=None, cwd=None):
        pre = (lambda: os.umask(umask)) if umask is not None else None
        return subprocess.run([ll] + args, stdout=stdout,
                              stderr=subprocess.PIPE, cwd=cwd,
                              preexec_fn=pre)

    with open("/dev/full", "wb") as full:
        for cmd in (["rules"], ["rules", "--format", "json"],
                    ["check", case], ["assess", case],
                    ["explain", "attribution-organ"]):
            p = run(cmd, stdout=full)
            check("full disk: " + " ".join(cmd[:2]), p.returncode == 1,
                  "exit %d" % p.returncode)
    p = subprocess.run(" ".join([ll, "rules", ">&-"]), shell=True,
                       stderr=subprocess.PIPE)
    check("closed stdout: rules", p.returncode == 1, "exit %d" % p.returncode)

    d = tempfile.mkdtemp(prefix="lk-out-")
    try:
        inp = os.path.join(d, "case.json")
        shutil.copy(case, inp)
        before = open(inp, "rb").read()
        p = run(["assess", "-o", inp, inp])
        check("-o names the input: refused", p.returncode == 2 and
              open(inp, "rb").read() == before, "exit %d" % p.returncode)
        link = os.path.join(d, "link.json")
        os.symlink(inp, link)
        p = run(["assess", "-o", link, inp])
        check("-o is a link to the input: refused", p.returncode == 2 and
              open(inp, "rb").read() == before, "exit %d" % p.returncode)
        hard = os.path.join(d, "hard.json")
        os.link(inp, hard)
        p = run(["assess", "-o", hard, "--format", "md", inp])
        check("-o is a hard link of the input: refused", p.returncode == 2
              and open(inp, "rb").read() == before, "exit %d" % p.returncode)

        target = os.path.join(d, "memo.md")
        open(target, "w").write("old")
        os.chmod(target, 0o600)
        mlink = os.path.join(d, "memo-link.md")
        os.symlink("memo.md", mlink)
        p = run(["assess", "--format", "md", "-o", mlink, case])
        check("-o through a link writes the target", p.returncode == 0 and
              os.path.islink(mlink) and
              open(target).read().startswith("# Memorandum"),
              "exit %d, link %s" % (p.returncode, os.path.islink(mlink)))
        check("an existing file keeps its mode",
              stat.S_IMODE(os.stat(target).st_mode) == 0o600,
              oct(stat.S_IMODE(os.stat(target).st_mode)))
        new = os.path.join(d, "new.md")
        p = run(["assess", "--format", "md", "-o", new, case], umask=0o027)
        check("a new file honours the umask", p.returncode == 0 and
              stat.S_IMODE(os.stat(new).st_mode) == 0o640,
              oct(stat.S_IMODE(os.stat(new).st_mode)))

        fifo = os.path.join(d, "fifo")
        os.mkfifo(fifo)
        got = []
        t = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        t.start()
        p = run(["assess", "--format", "md", "-o", fifo, case])
        t.join(30)
        check("a FIFO is written into, not replaced", p.returncode == 0 and
              stat.S_ISFIFO(os.lstat(fifo).st_mode) and got and
              got[0].startswith(b"# Memorandum"), "exit %d" % p.returncode)
        p = run(["assess", "--format", "md", "-o", "/dev/stdout", case])
        check("/dev/stdout is written into", p.returncode == 0 and
              p.stdout.startswith(b"# Memorandum") and
              os.path.islink("/dev/stdout"), "exit %d" % p.returncode)
        mail = os.path.join(root, "tests/resources/mail/mailauth/signed.eml")
        keys = os.path.join(root, "tests/resources/mail/keys/rfc8463.keys")
        mbox = os.path.join(d, "corpus.mbox")
        shutil.copy(mail, mbox)
        mbefore = open(mbox, "rb").read()
        p = run(["mail", "verify", "--keys", keys, "-o", mbox, mbox])
        check("mail -o names the corpus: refused", p.returncode == 2 and
              open(mbox, "rb").read() == mbefore, "exit %d" % p.returncode)
        kcopy = os.path.join(d, "copy.keys")
        shutil.copy(keys, kcopy)
        kbefore = open(kcopy, "rb").read()
        p = run(["mail", "verify", "--keys", kcopy, "--manifest", kcopy,
                 mbox])
        check("mail --manifest names the key archive: refused",
              p.returncode == 2 and open(kcopy, "rb").read() == kbefore,
              "exit %d" % p.returncode)
        same = os.path.join(d, "same.out")
        p = run(["mail", "verify", "--keys", keys, "-o", same,
                 "--manifest", same, mbox])
        check("mail -o X --manifest X: refused", p.returncode == 2 and
              not os.path.exists(same), "exit %d" % p.returncode)
        bad = os.path.join(d, "bad-case.json")
        open(bad, "w").write('{"format": "leaklaw/case/1", "id": "Bad"}')
        out, man = os.path.join(d, "rec.jsonl"), os.path.join(d, "man.json")
        p = run(["mail", "verify", "--keys", keys, "-o", out, "--manifest",
                 man, "--case", bad, mbox])
        check("mail with a bad --case writes nothing", p.returncode == 65
              and not os.path.exists(out) and not os.path.exists(man),
              "exit %d, %s %s" % (p.returncode, os.path.exists(out),
                                  os.path.exists(man)))
        left = [f for f in os.listdir(d) if ".tmp-" in f]
        check("no temporary file left behind", not left, str(left))
    finally:
        shutil.rmtree(d)
    passed = sum(results)
    print("%d passed, %d failed" % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1

if __name__ == "__main__":
    sys.exit(main())
