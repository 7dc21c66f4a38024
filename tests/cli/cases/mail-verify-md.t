# The Markdown summary, with the caveats and the chain of custody.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/mailauth/signed.eml
status: 0
stdout-contains: | verified | 1 | 100.0% |
stdout-contains: Unknown, not fake.
stdout-contains: ## Chain of custody
stdout-contains: verification time 2018-06-10T00:00:00Z
