# Inside a maildir, a symbolic link loop, a link back up to the maildir
# and a dangling link are reported and skipped; the run goes on, the
# records cover the two messages and the exit status (3) says so.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 tests/resources/mail/reliability/maildir
status: 3
jsonl: 0 /verdict = "verified"
jsonl: 1 /verdict = "verified"
stderr-contains: leaklaw: tests/resources/mail/reliability/maildir/cur/gone: skipped: cannot be read: No such file or directory
stderr-contains: leaklaw: tests/resources/mail/reliability/maildir/cur/loop: skipped: cannot be read: a symbolic link loop
stderr-contains: leaklaw: tests/resources/mail/reliability/maildir/cur/up: skipped: a symbolic link loop: the directory is already being read
stderr-contains: leaklaw: 3 inputs skipped
