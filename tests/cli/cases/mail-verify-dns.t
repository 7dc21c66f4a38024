# Live DNS is not built in: a usage error, never a network access.
args: mail verify --dns tests/resources/mail/mailauth/signed.eml
status: 2
stderr-contains: --dns
