# Invalid UTF-8 in YAML points at its line and column.
args: check tests/resources/cases/bad/yaml-utf8.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/yaml-utf8.yaml:4:16: invalid leading UTF-8 octet
