# An escaped NUL in a YAML string ("\0", "\x00", "\u0000") ended the value
# early: "published\0junk" was checked and read as "published". It is
# refused, as JSON's \u0000 is.
args: check tests/resources/cases/bad/yaml-nul.yaml
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/yaml-nul.yaml:4:11: NUL character in a string
