# A count of mail evidence must be an integer from 0 to 10^15. A negative
# count cancelled the altered messages of another item, and huge ones
# overflowed the sum (undefined behaviour; wrapped, it made altered mail
# "authentic"): the case is rejected, each bad count named.
args: check tests/resources/cases/bad/evidence-count.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/evidence-count.json:9:42: /evidence/1/summary/verdicts/altered: expected a count (an integer from 0 to 1000000000000000), found a negative integer
leaklaw: tests/resources/cases/bad/evidence-count.json:10:43: /evidence/1/summary/verdicts/unsigned: expected a count (an integer from 0 to 1000000000000000), found an integer above that
