# A bad line of the ATT&CK index is blamed on the index and its line.
args: --data tests/resources/cases/bad/law-attack rules
status: 1
--- stderr
leaklaw: tests/resources/cases/bad/law-attack/attack/techniques.tsv:3:1: expected a technique id (Tnnnn or Tnnnn.nnn), a tab and its name
