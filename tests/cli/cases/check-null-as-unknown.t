# null stands for unknown (docs/formats.md) also as a competing value of a
# disputed fact and as a member of a list: the case is valid. Reading its
# facts used to follow the null as a string (segmentation fault).
args: check tests/resources/cases/null/null-values.json
status: 0
stdout-contains: ok (null-values)
