args: check tests/resources/cases/bad/syntax.json
status: 65
stderr-lines: 1
stderr-contains: tests/resources/cases/bad/syntax.json:4:1:
