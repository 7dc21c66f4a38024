# Every problem of a file is reported, one line each.
args: check tests/resources/cases/bad/many.json
status: 65
stderr-lines: 4
stderr-contains: many.json:2:13: /format: unsupported format
stderr-contains: many.json:5:56: /context/armed_conflict: expected true or false, found a string
