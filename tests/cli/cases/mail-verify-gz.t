# A .gz corpus is decompressed as it is read; the chain of custody hashes
# the file as stored (compressed).
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/reliability/corpus.mbox.gz
status: 0
stdout-contains: 2 messages in 1 file, verified at
stdout-contains: | verified | 2 | 100.0% |
stdout-contains: 0546363b4b4a150b5f51a527a0db3440338c631a7dad033381ab27628a885c38 |
stdout-lacks: skipped
