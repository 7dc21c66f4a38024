# A .zst corpus is decompressed as it is read; the chain of custody hashes
# the file as stored (compressed).
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/reliability/corpus.mbox.zst
status: 0
stdout-contains: 2 messages in 1 file, verified at
stdout-contains: | verified | 2 | 100.0% |
stdout-contains: b407d8df4aaa736f4e995b3bf079050695529f475723d3b21a48e359781e30b3 |
stdout-lacks: skipped
