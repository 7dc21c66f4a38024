# A truncated .gz: what was read whole is verified, the rest is reported
# as skipped (exit status 3), never counted as an altered message.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/reliability/truncated.mbox.gz
status: 3
stderr-contains: truncated.mbox.gz: skipped: corrupt or truncated gzip data after
stdout-lacks: | altered | 1
