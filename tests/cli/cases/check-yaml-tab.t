# A tab in YAML indentation says so.
args: check tests/resources/cases/bad/yaml-tab.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/yaml-tab.yaml:4:1: a tab in indentation: YAML indents with spaces only
