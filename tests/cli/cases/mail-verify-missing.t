# An unreadable corpus is a runtime error and writes nothing.
args: mail verify -o build-cli-mail.jsonl tests/resources/mail/does-not-exist.mbox
status: 1
stderr-contains: does-not-exist.mbox: No such file or directory
absent: build-cli-mail.jsonl
