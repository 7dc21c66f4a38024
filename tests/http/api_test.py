#!/usr/bin/env python3
"""leaklaw serve over a real socket: every route, the error table (bad
JSON, an invalid case, an unknown profile, an unknown route, a wrong
method, an oversized body), the security headers, the bearer token
(missing, wrong, right), the refusal of a non-loopback address without
a token, docs/api.md equal to `serve --api-doc`, and SIGTERM."""
import argparse
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL " + what)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, leaklaw, root, *args):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "leaklaw.db")
        # the free port may be taken by another test before the server
        # binds it: then try another
        for _ in range(5):
            if self.start(leaklaw, root, args):
                return
        raise RuntimeError("server did not start")

    def start(self, leaklaw, root, args):
        self.port = free_port()
        self.p = subprocess.Popen(
            [leaklaw, "--db", self.db, "serve", "--listen",
             "127.0.0.1:%d" % self.port] + list(args), cwd=root,
            stderr=subprocess.PIPE)
        # its first line on stderr says it listens, or why it cannot (a
        # connection alone could reach another test's server on the port)
        ready, _, _ = select.select([self.p.stderr], [], [], 30)
        if not ready:
            self.p.kill()
            raise RuntimeError("server printed nothing for 30 s")
        line = self.p.stderr.readline().decode()
        if "serving on" in line:
            self.first = line
            return True
        err = line + self.p.stderr.read().decode()
        self.p.wait(timeout=60)
        if "cannot listen" in err:
            return False
        raise RuntimeError(err)

    def req(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = dict(headers or {})
        if method == "POST":
            headers.setdefault("Content-Type", "application/json")
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        rc = self.p.wait(timeout=60)
        err = self.first + self.p.stderr.read().decode()
        self.tmp.cleanup()
        return rc, err


def error_of(data):
    try:
        return json.loads(data)["error"]
    except Exception:
        return {}


def mail(s, root):
    """POST /v1/mail/verify: a signed message verifies under the uploaded
    archive, an unsigned one is unsigned; bad requests are 400."""
    import base64
    keys = open(os.path.join(root, "tests/resources/mail/keys/rfc8463.keys")).read()
    msg = open(os.path.join(root, "tests/resources/mail/mailauth/signed.eml"), "rb").read()
    req = {"keys": keys, "at": "2018-06-10", "messages": [
        {"name": "signed.eml", "base64": base64.b64encode(msg).decode()},
        {"name": "plain", "data": "From: a@example.org\r\nSubject: x\r\n\r\nhi\r\n"}]}
    st, h, body = s.req("POST", "/v1/mail/verify", json.dumps(req).encode())
    doc = json.loads(body) if st == 200 else {}
    verdicts = [r.get("verdict") for r in doc.get("records", [])]
    check(st == 200 and verdicts == ["verified", "unsigned"] and
          doc.get("evidence") is not None, "POST /v1/mail/verify (%s)" % verdicts)
    req["at"] = 1528588800  # 2018-06-10 as Unix seconds
    st, h, body = s.req("POST", "/v1/mail/verify", json.dumps(req).encode())
    verdicts = [r.get("verdict") for r in json.loads(body).get("records", [])]
    check(st == 200 and verdicts == ["verified", "unsigned"],
          "mail verify: at as Unix seconds")
    for bad, ptr in [({"messages": []}, "/messages"),
                     ({"messages": [{"name": "x", "data": "y"}], "at": 1.5}, "/at"),
                     ({"messages": [{"name": "x", "data": "y"}], "keys": 7}, "/keys"),
                     ({"messages": [{"name": "x", "base64": "@@@"}]}, "/messages/0"),
                     ({"messages": [{"name": "x", "data": "y"}], "at": "soon"}, "/at"),
                     ({"messages": [{"name": "x", "data": "y"}], "keys": "a._domainkey.b TXT \"unterminated\n"}, "/keys")]:
        st, h, body = s.req("POST", "/v1/mail/verify", json.dumps(bad).encode())
        e = error_of(body)
        check(st == 400 and e.get("code") == "invalid-request" and
              e.get("pointer") == ptr, "mail verify refuses %s (%s)" % (ptr, e))


def store(s, dnc):
    """POST /v1/cases writes to the store: listed, searched, served as
    posted, assessed; an invalid case is refused and not stored."""
    case = json.loads(dnc)
    case["id"] = "posted-case"
    case["title"] = "A posted case about zanzibarian telegrams"
    text = json.dumps(case).encode()
    st, h, body = s.req("POST", "/v1/cases", text)
    doc = json.loads(body) if st == 201 else {}
    check(st == 201 and doc.get("id") == "posted-case" and
          doc.get("origin") == "store", "POST /v1/cases: 201")
    st, h, body = s.req("GET", "/v1/cases")
    mine = [c for c in json.loads(body)["cases"] if c["id"] == "posted-case"]
    check(len(mine) == 1 and mine[0]["origin"] == "store",
          "the posted case is listed, from the store")
    st, h, body = s.req("GET", "/v1/cases?q=zanzibarian")
    ids = [c["id"] for c in json.loads(body)["cases"]]
    check(ids == ["posted-case"], "the posted case is found by search (%s)" % ids)
    st, h, body = s.req("GET", "/v1/cases/posted-case")
    check(st == 200 and body == text, "GET the posted case: as posted")
    st, h, body = s.req("GET", "/v1/cases/posted-case/assessment")
    check(st == 200 and json.loads(body)["case"]["id"] == "posted-case",
          "the posted case is assessed")
    bad = dict(case, id="bad-case")
    bad["actor"] = {"kind": "martian"}
    st, h, body = s.req("POST", "/v1/cases", json.dumps(bad).encode())
    check(st == 400 and error_of(body).get("pointer") == "/actor/kind",
          "POST /v1/cases refuses an invalid case")
    st, h, body = s.req("GET", "/v1/cases/bad-case")
    check(st == 404, "the refused case was not stored")


def routes(s, leaklaw, root):
    dnc = open(os.path.join(root, "data/cases/dnc-2016.json"), "rb").read()
    cli = subprocess.run([leaklaw, "assess", "--format", "json",
                          "data/cases/dnc-2016.json"], cwd=root,
                         capture_output=True).stdout
    st, h, body = s.req("POST", "/v1/assess", dnc)
    check(st == 200 and body == cli, "POST /v1/assess: same bytes as the CLI")
    for k, v in [("x-content-type-options", "nosniff"),
                 ("x-frame-options", "DENY")]:
        check(h.get(k) == v, "header %s" % k)
    check("script-src 'self'" in h.get("content-security-policy", "") and
          "unsafe-inline" not in h.get("content-security-policy", "")
          .split("script-src")[1].split(";")[0], "CSP without inline script")
    fast = subprocess.run([leaklaw, "assess", "--format", "json",
                           "--no-what-if", "--no-precedents",
                           "data/cases/dnc-2016.json"], cwd=root,
                          capture_output=True).stdout
    st, h, body = s.req("POST", "/v1/assess?what_if=0&precedents=0", dnc)
    check(st == 200 and body == fast,
          "?what_if=0&precedents=0: the CLI's --no-what-if --no-precedents")
    st, h, body = s.req("POST", "/v1/assess?profile=all", dnc)
    doc = json.loads(body)
    check(st == 200 and doc["format"] == "leaklaw/profile-comparison/1" and
          doc["profiles"][0]["profile"] == "default",
          "POST /v1/assess?profile=all")
    st, h, body = s.req("POST", "/v1/assess?profile=new-zealand-2020", dnc)
    check(st == 200 and json.loads(body)["profile"] == "new-zealand-2020",
          "POST /v1/assess?profile=new-zealand-2020")
    st, h, body = s.req("POST", "/v1/assess?profile=atlantis", dnc)
    check(st == 400 and error_of(body).get("code") == "unknown-profile",
          "unknown profile: 400")
    st, h, body = s.req("POST", "/v1/assess", b"{not json")
    e = error_of(body)
    check(st == 400 and e.get("code") == "bad-json" and
          e.get("pointer") is None, "bad JSON: 400 bad-json")
    st, h, body = s.req("POST", "/v1/assess", json.dumps(
        {"format": "leaklaw/case/1", "id": "x",
         "actor": {"kind": "martian"}}).encode())
    e = error_of(body)
    check(st == 400 and e.get("code") == "invalid-case" and
          e.get("pointer") == "/actor/kind", "invalid case: 400 + pointer")
    # null as a disputed fact's competing value: one such post used to
    # bring the server down (segmentation fault); it reads as "unknown"
    nul = "tests/resources/cases/null/null-values.json"
    want = subprocess.run([leaklaw, "assess", "--format", "json", nul],
                          cwd=root, capture_output=True).stdout
    st, h, body = s.req("POST", "/v1/assess",
                        open(os.path.join(root, nul), "rb").read())
    check(st == 200 and body == want and
          s.req("GET", "/v1/rules")[0] == 200,
          "null in a disputed fact: assessed, the server still up")
    store(s, dnc)
    st, h, body = s.req("GET", "/v1/cases")
    cases = [c for c in json.loads(body)["cases"] if c["origin"] == "bundled"]
    n = len([f for f in os.listdir(os.path.join(root, "data/cases"))
             if f.endswith(".json")])
    check(st == 200 and len(cases) == n and
          any(c["id"] == "dnc-2016" and c["expected"]["leak-norm"] == "breach"
              for c in cases), "GET /v1/cases")
    st, h, body = s.req("GET", "/v1/cases?q=MACRON")
    ids = [c["id"] for c in json.loads(body)["cases"]]
    check(st == 200 and "macron-leaks-2017" in ids and "dnc-2016" not in ids,
          "GET /v1/cases?q= (full text, any case)")
    # a search text without a word, or too long, is the request's fault
    for q in ["*", "a" * 5000]:
        st, h, body = s.req("GET", "/v1/cases?q=" + q)
        check(st == 400 and error_of(body).get("code") == "invalid-request",
              "GET /v1/cases?q=%s...: 400 invalid-request (was 500)" % q[:3])
    st, h, body = s.req("GET", "/v1/cases/dnc-2016")
    check(st == 200 and body == dnc, "GET /v1/cases/{id}: the file")
    st, h, body = s.req("GET", "/v1/cases/no-such-case")
    check(st == 404 and error_of(body).get("code") == "not-found",
          "GET unknown case: 404")
    st, h, body = s.req("GET", "/v1/cases/dnc-2016/assessment")
    check(st == 200 and body == cli, "GET /v1/cases/{id}/assessment")
    for path, key in [("/v1/rules", None), ("/v1/sources", "sources"),
                      ("/v1/profiles", "profiles"),
                      ("/v1/positions", "positions"),
                      ("/v1/practice", "reactions")]:
        st, h, body = s.req("GET", path)
        ok = st == 200 and h.get("content-type") == "application/json"
        doc = json.loads(body) if ok else None
        check(ok and (key is None or key in doc), "GET " + path)
    st, h, body = s.req("HEAD", "/v1/profiles")
    check(st == 200 and body == b"", "HEAD /v1/profiles: no body")
    st, h, body = s.req("GET", "/")
    check(st == 200 and h.get("content-type", "").startswith("text/html")
          and b"/ui/app.js" in body, "GET / (web interface)")
    st, h, body = s.req("GET", "/ui/app.js")
    check(st == 200 and "javascript" in h.get("content-type", ""),
          "GET /ui/app.js")
    st, h, body = s.req("POST", "/v1/memo", dnc)
    check(st == 200 and h.get("content-type", "").startswith("text/html")
          and b"<svg" in body and b"DNC hack-and-leak" in body,
          "POST /v1/memo: the printable memo")
    st, h, body = s.req("GET", "/v1/cases/dnc-2016/memo")
    check(st == 200 and body.startswith(b"<!DOCTYPE html>"),
          "GET /v1/cases/{id}/memo")
    mail(s, root)
    st, h, body = s.req("GET", "/v1/nothing-here")
    check(st == 404 and error_of(body).get("code") == "not-found",
          "unknown route: 404")
    st, h, body = s.req("DELETE", "/v1/rules")
    check(st == 405 and h.get("allow") == "GET, HEAD" and
          error_of(body).get("code") == "method-not-allowed",
          "wrong method: 405 + Allow")


def cache(s, root):
    """The cache of assessments: the same bytes under the same profile
    and flags come from it (X-Cache: hit) with the same answer; any other
    body, profile or flag is assessed; errors are never cached."""
    dnc = open(os.path.join(root, "data/cases/dnc-2016.json"), "rb").read()
    body = dnc + b"\n\n"  # other bytes, not seen by the server yet
    st1, h1, b1 = s.req("POST", "/v1/assess", body)
    st2, h2, b2 = s.req("POST", "/v1/assess", body)
    check(st1 == 200 and h1.get("x-cache") == "miss" and
          h2.get("x-cache") == "hit" and b1 == b2 and
          h2.get("content-type") == "application/json",
          "cache: a second POST of the same bytes is a hit, same answer")
    st, h, b3 = s.req("POST", "/v1/assess?profile=new-zealand-2020", body)
    check(st == 200 and h.get("x-cache") == "miss" and b3 != b1,
          "cache: another profile is assessed")
    st, h, b4 = s.req("POST", "/v1/assess?what_if=0", body)
    check(st == 200 and h.get("x-cache") == "miss" and b4 != b1,
          "cache: another flag is assessed")
    st, h, b5 = s.req("POST", "/v1/assess", body + b" ")
    check(st == 200 and h.get("x-cache") == "miss" and
          json.loads(b5)["case"]["sha256"] != json.loads(b1)["case"]["sha256"],
          "cache: other bytes are assessed")
    st1, h1, m1 = s.req("POST", "/v1/memo", body)
    st2, h2, m2 = s.req("POST", "/v1/memo", body)
    check(h1.get("x-cache") == "miss" and h2.get("x-cache") == "hit" and
          m1 == m2 and h2.get("content-type", "").startswith("text/html"),
          "cache: the memo, with its type")
    for _ in range(2):
        st, h, b = s.req("POST", "/v1/assess", b"{not json")
        check(st == 400 and "x-cache" not in h, "cache: errors not kept")
    st1, h1, g1 = s.req("GET", "/v1/cases/macron-leaks-2017/assessment")
    st2, h2, g2 = s.req("GET", "/v1/cases/macron-leaks-2017/assessment")
    check(h1.get("x-cache") == "miss" and h2.get("x-cache") == "hit" and
          g1 == g2, "cache: a library case's assessment")


def raw(s, data):
    """Send raw bytes; the first response line and the whole answer."""
    c = socket.create_connection(("127.0.0.1", s.port), 30)
    c.sendall(data)
    out = b""
    c.settimeout(10)
    try:
        while b"\r\n\r\n" not in out:
            chunk = c.recv(65536)
            if not chunk:
                break
            out += chunk
    except socket.timeout:
        pass
    c.close()
    return out


def gates(s):
    """Requests refused on their headers, before any body is read."""
    dnc = b'{"format": "leaklaw/case/1", "id": "x"}'
    st, h, body = s.req("POST", "/v1/assess", dnc,
                        {"Content-Type": "text/plain"})
    check(st == 415 and error_of(body).get("code") == "unsupported-media-type",
          "a text/plain POST (no preflight from another page): 415")
    st, h, body = s.req("POST", "/v1/assess", dnc,
                        {"Content-Type": "application/jsonx"})
    check(st == 415, "Content-Type application/jsonx: 415 (was taken)")
    st, h, body = s.req("POST", "/v1/assess", dnc,
                        {"Content-Type": "application/json; charset=utf-8"})
    check(st == 200, "Content-Type application/json with a charset: 200")
    # an escaped NUL would end the path or value early
    st, h, body = s.req("GET", "/v1/cases/dnc-2016%00x")
    check(st == 404 and error_of(body).get("code") == "not-found",
          "GET /v1/cases/dnc-2016%00x: 404 (served dnc-2016)")
    st, h, body = s.req("GET", "/v1/cases/dnc-2016/assessment?profile=%00")
    check(st == 400 and error_of(body).get("code") == "unknown-profile",
          "?profile=%00: 400 unknown-profile (assessed under the default)")
    st, h, body = s.req("GET", "/v1/cases",
                        headers={"Host": "rebind.evil.example:%d" % s.port})
    check(st == 403 and error_of(body).get("code") == "forbidden",
          "a foreign Host (DNS rebinding): 403")
    st, h, body = s.req("GET", "/v1/cases",
                        headers={"Origin": "http://evil.example"})
    check(st == 403, "another site's Origin: 403")
    st, h, body = s.req("GET", "/v1/profiles", headers={
        "Origin": "http://127.0.0.1:%d" % s.port})
    check(st == 200, "the server's own Origin: 200")
    st, h, body = s.req("GET", "/v1/profiles",
                        headers={"Host": "localhost:%d" % s.port})
    check(st == 200, "Host localhost:PORT: 200")
    out = raw(s, b"POST /v1/assess HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
              b"Content-Type: application/json\r\nContent-Length: "
              b"1000000000\r\nExpect: 100-continue\r\n\r\n" % s.port)
    check(out.startswith(b"HTTP/1.1 413"),
          "a Content-Length over the cap: 413 at once (%r)" % out[:20])
    st, h, body = s.req("GET", "/v1/profiles")
    st2, h2, body2 = s.req("HEAD", "/v1/profiles")
    check(st2 == 200 and body2 == b"" and
          h2.get("content-length") == str(len(body)),
          "HEAD: the GET's Content-Length, no body")


def drain(leaklaw, root):
    """SIGTERM while a request is being received: it still gets its answer,
    then the server exits 0."""
    body = open(os.path.join(root, "data/cases/dnc-2016.json"), "rb").read()
    s = Server(leaklaw, root)
    c = socket.create_connection(("127.0.0.1", s.port), 30)
    c.sendall(b"POST /v1/assess HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
              b"Connection: close\r\nContent-Type: application/json\r\n"
              b"Expect: 100-continue\r\n"
              b"Content-Length: %d\r\n\r\n" % (s.port, len(body)))
    # the server has the request once it asks for the body (on a loaded
    # machine a fixed pause was not always enough)
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = c.recv(4096)
        if not chunk:
            break
        head += chunk
    check(head.startswith(b"HTTP/1.1 100"),
          "the server asks for the body (%r)" % head[:20])
    c.sendall(body[:len(body) // 2])
    time.sleep(0.3)
    s.p.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    c.sendall(body[len(body) // 2:])
    data = b""
    while True:
        chunk = c.recv(65536)
        if not chunk:
            break
        data += chunk
    c.close()
    rc = s.p.wait(timeout=60)
    check(data.startswith(b"HTTP/1.1 200") and rc == 0,
          "SIGTERM drains the request in flight (%r, exit %d)" %
          (data[:20], rc))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leaklaw", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    leaklaw = os.path.abspath(a.leaklaw)
    doc = subprocess.run([leaklaw, "serve", "--api-doc"],
                         capture_output=True).stdout
    check(doc == open(os.path.join(a.root, "docs/api.md"), "rb").read(),
          "docs/api.md equals `leaklaw serve --api-doc`")
    s = Server(leaklaw, a.root, "--max-body", "100000")
    try:
        routes(s, leaklaw, a.root)
        cache(s, a.root)
        gates(s)
        st, h, body = s.req("POST", "/v1/assess", b"x" * 200000)
        check(st == 413 and error_of(body).get("code") == "too-large",
              "oversized body: 413")
    finally:
        rc, err = s.stop()
    check(rc == 0 and "stopping" in err, "SIGTERM: exit 0 (%d)" % rc)
    drain(leaklaw, a.root)
    with tempfile.NamedTemporaryFile("w", suffix=".token") as t:
        t.write("s3cret-token-0123456789\n")
        t.flush()
        s = Server(leaklaw, a.root, "--token-file", t.name, "--cache-mb",
                   "0")
        try:
            st, h, body = s.req("GET", "/v1/profiles")
            check(st == 401 and error_of(body).get("code") == "unauthorized",
                  "token missing: 401")
            st, h, body = s.req("GET", "/v1/profiles", headers={
                "Authorization": "Bearer s3cret-token-0123456780"})
            check(st == 401, "wrong token: 401")
            st, h, body = s.req("GET", "/v1/profiles", headers={
                "Authorization": "Bearer s3cret-token-0123456789"})
            check(st == 200, "right token: 200")
            dnc = open(os.path.join(a.root, "data/cases/dnc-2016.json"),
                       "rb").read()
            for _ in range(2):
                st, h, body = s.req("POST", "/v1/assess", dnc, headers={
                    "Authorization": "Bearer s3cret-token-0123456789"})
                check(st == 200 and "x-cache" not in h,
                      "--cache-mb 0: no cache")
            out = raw(s, b"POST /v1/assess HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: "
                      b"900000\r\nExpect: 100-continue\r\n\r\n")
            check(out.startswith(b"HTTP/1.1 401"),
                  "no token: 401 before the body, no 100 Continue (%r)" %
                  out[:20])
        finally:
            s.stop()
    p = subprocess.run([leaklaw, "serve", "--listen", "0.0.0.0:%d" %
                        free_port()], capture_output=True, text=True,
                       timeout=30)
    check(p.returncode == 2 and "not a loopback" in p.stderr,
          "non-loopback without a token refused")
    # strtoul took "-1" as the largest number: no body cap at all
    for opt, val in [("--max-body", "-1"), ("--max-body", "1073741825"),
                     ("--max-body", "99999999999999999999"),
                     ("--cache-mb", "-1"), ("--threads", "257")]:
        p = subprocess.run([leaklaw, "serve", opt, val, "--listen",
                            "127.0.0.1:%d" % free_port()],
                           capture_output=True, text=True, timeout=30)
        check(p.returncode == 2 and "expected a number from 1 to" in p.stderr,
              "serve %s %s: usage error (exit %d)" % (opt, val, p.returncode))
    print("%d failures" % len(FAILS))
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
