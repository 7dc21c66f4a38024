args: check tests/resources/cases/bad/bad-enum.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/bad-enum.json:4:21: /actor/kind: 'state' is not one of: state-organ, state-empowered, state-directed, state-adopted, non-state, insider, unknown
