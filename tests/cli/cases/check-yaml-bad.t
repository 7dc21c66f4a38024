# YAML errors carry YAML line and column.
args: check tests/resources/cases/bad/bad.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/bad.yaml:7:11: /disclosure/status: 'leaked' is not one of: published, attempted, none, unknown
