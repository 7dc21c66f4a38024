# Files that are not mail (an image, a bzip2 archive) are skipped with the
# reason, never counted as unsigned messages; exit status 3 says inputs
# were skipped, and the summary says how many.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format md tests/resources/mail/reliability/image.png tests/resources/mail/reliability/corpus.mbox.bz2 tests/resources/mail/mailauth/signed.eml
status: 3
stderr-contains: leaklaw: tests/resources/mail/reliability/image.png: skipped: not mail: PNG image
stderr-contains: leaklaw: tests/resources/mail/reliability/corpus.mbox.bz2: skipped: compressed with bzip2, which leaklaw does not read: decompress it first
stderr-contains: leaklaw: 2 inputs skipped; the summary lists them
stdout-contains: 1 message in 1 file, verified at
stdout-contains: **Inputs skipped** (not mail or unreadable): 2 inputs not verified
stdout-contains: ## Skipped inputs
stdout-contains: | tests/resources/mail/reliability/image.png | not mail: PNG image |
stdout-contains: | unsigned | 0 | 0.0% |
