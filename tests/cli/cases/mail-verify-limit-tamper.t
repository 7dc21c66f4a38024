# A message cut short by a limit is never listed among the strongest
# tamper signals, even under a key that verifies other messages.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --max-header-bytes 1200 --format md tests/resources/mail/mailauth/signed.eml tests/resources/mail/reliability/big-header.eml
status: 0
stdout-contains: | unverifiable | 1 | 50.0% |
stdout-lacks: big-header.eml | - |
stdout-contains: | header-bytes | 1 |
