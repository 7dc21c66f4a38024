# A YAML tag changes what the text means ("!!str true" is the string
# "true", not a boolean); it was ignored. Tags are refused, as anchors and
# aliases are.
args: check tests/resources/cases/bad/yaml-tag.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/yaml-tag.yaml:4:21: YAML tags are not supported
