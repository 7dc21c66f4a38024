# Standard input ('-') is read as an mbox stream: both messages, with
# their offsets in the stream, verified as if read from the file.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 -
stdin: tests/resources/mail/reliability/corpus.mbox
status: 0
jsonl: 0 /source = {"file": "-", "offset": 0}
jsonl: 0 /verdict = "verified"
jsonl: 1 /source = {"file": "-", "offset": 1118}
jsonl: 1 /verdict = "verified"
stderr-lines: 0
