# --strict requires every object stating facts to cite a source.
args: check --strict tests/resources/cases/uncited.json
status: 65
--- stderr
leaklaw: tests/resources/cases/uncited.json:4:12: /actor: no source cited for these facts (add "cite")
