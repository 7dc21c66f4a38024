# A header cut by --max-header-bytes: its signatures were not all checked,
# so the message is unverifiable with the limit named, and no signature is
# reported as failing (the bytes past the limit were never read).
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --max-header-bytes 900 tests/resources/mail/mailauth/signed.eml
status: 0
json: /verdict = "unverifiable"
json: /limits = ["header-bytes"]
json: /signatures/0/result = "permerror"
json: /signatures/0/error = "not checked: the header is larger than --max-header-bytes"
json: /signatures/1/result = "permerror"
stdout-lacks: fail-header
