# Anchors and aliases are refused (no expansion attacks).
args: check tests/resources/cases/bad/alias.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/alias.yaml:3:8: YAML anchors are not supported
