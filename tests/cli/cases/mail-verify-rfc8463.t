# The RFC 8463 example (mailauth signed.eml) verifies with both of its
# signatures under the zone-file archive; the record names the key line.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 tests/resources/mail/mailauth/signed.eml
status: 0
json: /verdict = "verified"
json: /transform = "lf-to-crlf"
json: /signatures/0/result = "pass"
json: /signatures/0/key/type = "ed25519"
json: /signatures/1/result = "pass"
json: /signatures/1/key/line = 3
json: /signatures/1/key/bits = 1024
