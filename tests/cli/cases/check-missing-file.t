args: check tests/resources/cases/does-not-exist.json
status: 1
stderr-contains: tests/resources/cases/does-not-exist.json: No such file or directory
