# Two messages in two files.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/mailauth/signed.eml tests/resources/mail/reliability/big-header.eml
status: 0
stdout-contains: 2 messages in 2 files, verified at
