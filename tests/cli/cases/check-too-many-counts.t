# An evidence summary holds at most 64 counts (its integers and those of
# its verdicts): more could not all be reported, and are refused rather
# than dropped.
args: check tests/resources/cases/bad/too-many-counts.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/too-many-counts.json:1:3310: /evidence/0/summary: more than 64 counts (the integers of the summary and of its verdicts)
