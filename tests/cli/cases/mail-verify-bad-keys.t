# A key archive with a syntax error is bad input: exit 65, file:line:col.
args: mail verify --keys tests/resources/mail/keys/bad.keys tests/resources/mail/mailauth/signed.eml
status: 65
stdout-empty: yes
stderr-contains: tests/resources/mail/keys/bad.keys:2:32: unterminated quoted string
