# JSON nesting is limited to 64 levels, as YAML's is.
args: check tests/resources/cases/bad/json-depth.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/json-depth.json:4:76: nesting too deep (more than 64 levels)
