# The lenses and verdicts a case's "expected" may name are the law's.
args: check tests/resources/cases/law/bad-expected.json
status: 65
--- stderr
leaklaw: tests/resources/cases/law/bad-expected.json:4:53: /expected/no-such-lens: unknown key 'no-such-lens'
leaklaw: tests/resources/cases/law/bad-expected.json:5:29: /expected/leak-norm: 'probable' is not one of: breach, likely-breach, unlikely-breach, no-breach, not-applicable, undetermined
