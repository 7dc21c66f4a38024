# A YAML syntax error is reported once, with its location.
args: check tests/resources/cases/bad/yaml-syntax.yaml
status: 65
stderr-lines: 1
stderr-contains: yaml-syntax.yaml:5:
