# --max-signatures 1 on a message with two signatures: the second was not
# checked, so the message is unverifiable with the limit named, even
# though the first signature passes.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --max-signatures 1 tests/resources/mail/mailauth/signed.eml
status: 0
json: /verdict = "unverifiable"
json: /limits = ["signatures"]
json: /signatures/0/result = "pass"
