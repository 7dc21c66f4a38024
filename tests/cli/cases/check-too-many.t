# After 100 diagnostics, the count of the others.
args: check tests/resources/cases/bad/too-many.json
status: 65
stderr-lines: 101
stderr-contains: too-many.json:4:9: /k0: unknown key 'k0'
stderr-contains: leaklaw: tests/resources/cases/bad/too-many.json: ... and 50 more problems
