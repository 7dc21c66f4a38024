# A case whose expected verdicts are all met: nothing on stderr, and the
# JSON says so per lens.
args: assess --no-what-if --no-precedents tests/resources/cases/principles/p-disputed-actor.json
status: 0
json: /expected/matches = true
json: /expected/lenses/leak-norm = {"expected": "undetermined", "verdict": "undetermined", "matches": true}
json: /facts/~1actor~1kind = {"disputed": [{"value": "state-organ", "sources": ["probe"], "note": "victim government"}, {"value": "non-state", "sources": ["probe"], "note": "independent review"}]}
stderr-lines: 0
