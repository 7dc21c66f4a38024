#!/usr/bin/env python3
"""Generate the benchmark corpus: N messages of 2-10 KB, each with an
RSA-2048 rsa-sha256 relaxed/relaxed DKIM signature, as one mbox (LF, as
mbox files are) plus the key archive. Signing uses dkimpy's
canonicalization and python3-cryptography's RSA (dkimpy's own RSA is too
slow to sign 20,000 messages). Deterministic for a given seed.
Usage: gen.py OUTDIR [N]"""
import base64
import hashlib
import os
import random
import sys

import dkim
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
os.makedirs(out, exist_ok=True)
rnd = random.Random(2016)
key_path = os.path.join(out, "bench.key")
if os.path.exists(key_path):
    key = serialization.load_pem_private_key(open(key_path, "rb").read(),
                                             None)
else:
    key = rsa.generate_private_key(65537, 2048)
    open(key_path, "wb").write(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
spki = key.public_key().public_bytes(
    serialization.Encoding.DER,
    serialization.PublicFormat.SubjectPublicKeyInfo)
p = base64.b64encode(spki).decode()
with open(os.path.join(out, "keys.txt"), "w") as f:
    f.write(f"bench._domainkey.example.org v=DKIM1; k=rsa; p={p}\n")
policy = dkim.CanonicalizationPolicy.from_c_value(b"relaxed/relaxed")
words = ("the campaign chair said we should meet on Friday about the "
         "polling numbers and the donors list attached below").split()
include = [b"from", b"to", b"subject", b"date", b"message-id"]
with open(os.path.join(out, "corpus.mbox"), "wb") as mbox:
    for i in range(n):
        size = rnd.randint(2000, 10000)
        lines = []
        total = 0
        while total < size - 400:
            line = " ".join(rnd.choice(words) for _ in range(12))
            lines.append(line.encode())
            total += len(line) + 2
        body = b"\r\n".join(lines) + b"\r\n"
        hdr = (b"From: Chair <chair@example.org>\r\n"
               b"To: Staff <staff@example.org>\r\n"
               b"Subject: Re: numbers %d\r\n"
               b"Date: Fri, 07 Oct 2016 10:%02d:00 +0000\r\n"
               b"Message-ID: <%d.bench@example.org>\r\n" % (i, i % 60, i))
        bh = base64.b64encode(hashlib.sha256(
            policy.canonicalize_body(body)).digest())
        sig = (b"v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; "
               b"s=bench; t=1475834400; h=from:to:subject:date:message-id; "
               b"bh=" + bh + b"; b=")
        d = dkim.DKIM(hdr + b"\r\n" + body)
        signed = b""
        for name, value in policy.canonicalize_headers(d.headers):
            if name.lower() in include:
                signed += name + b":" + value
        sname, sval = policy.canonicalize_headers(
            [(b"DKIM-Signature", b" " + sig)])[0]
        signed += sname + b":" + sval.rstrip(b"\r\n")
        b = base64.b64encode(key.sign(signed, padding.PKCS1v15(),
                                      hashes.SHA256()))
        msg = b"DKIM-Signature: " + sig + b + b"\r\n" + hdr + b"\r\n" + body
        mbox.write(b"From chair@example.org Fri Oct  7 10:00:00 2016\n")
        mbox.write(msg.replace(b"\r\n", b"\n") + b"\n")
print(f"{n} messages in {out}/corpus.mbox")
