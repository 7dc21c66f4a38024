# The summary counts with correct plurals: one message, one file, two
# key records.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/mailauth/signed.eml
status: 0
stdout-contains: 1 message in 1 file, verified at 2018-06-10T00:00:00Z with 2 archived key records.
stdout-lacks: 1 messages
stdout-lacks: 1 files
