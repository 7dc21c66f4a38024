# A malformed file: its location on one line, exit 65, no database made.
args: --db tests/resources/store/none/leaklaw.db cases import data/cases/dnc-2016.json tests/resources/cases/bad/bad-enum.json
status: 65
stderr-lines: 1
stderr-contains: tests/resources/cases/bad/bad-enum.json:4:21: /actor/kind:
absent: tests/resources/store/none
