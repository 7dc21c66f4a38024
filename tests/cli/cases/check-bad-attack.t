# ATT&CK ids are checked against the bundled MITRE index.
args: check tests/resources/cases/bad/bad-attack.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/bad-attack.json:4:50: /access/1/attack: 'T9999' is not a technique of MITRE ATT&CK Enterprise v18.1
