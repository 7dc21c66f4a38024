# x- keys are free but keep the limits of lists and strings.
args: check tests/resources/cases/bad/x-limits.json
status: 65
stderr-lines: 2
stderr-contains: x-limits.json:4:13: /x-list: more than 1000 items
stderr-contains: /x-notes/nested: more than 1000 items
