# "unknown" is accepted wherever a fact may be unknown.
args: check tests/resources/cases/bad/unknown-values.yaml
status: 0
stdout-contains: ok (unknown-values)
