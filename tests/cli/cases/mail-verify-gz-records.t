# Records of a compressed mbox name the file and the offset of each
# message in the decompressed mbox.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 tests/resources/mail/reliability/corpus.mbox.gz
status: 0
jsonl: 0 /source = {"file": "tests/resources/mail/reliability/corpus.mbox.gz", "offset": 0}
jsonl: 1 /source = {"file": "tests/resources/mail/reliability/corpus.mbox.gz", "offset": 1118}
jsonl: 1 /verdict = "verified"
