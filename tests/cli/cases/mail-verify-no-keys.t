# No --keys and no --dns: nothing can be verified; a warning on stderr and
# in the summary, and the run still completes.
args: mail verify --at 2018-06-10 --format md tests/resources/mail/mailauth/signed.eml
status: 0
stderr-contains: leaklaw: warning: no keys given (--keys or --dns): no signature can be checked
stdout-contains: **Warning: no keys given** (--keys or --dns): no signature could be checked
stdout-contains: | unverifiable | 1 | 100.0% |
