# A .xz corpus is decompressed as it is read; the chain of custody hashes
# the file as stored (compressed).
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/reliability/corpus.mbox.xz
status: 0
stdout-contains: 2 messages in 1 file, verified at
stdout-contains: | verified | 2 | 100.0% |
stdout-contains: cc4c16ccd0bc8e7d9546514570d4d03e67864951065d6e3f03379e471c5b6ff0 |
stdout-lacks: skipped
