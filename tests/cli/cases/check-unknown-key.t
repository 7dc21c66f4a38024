# A typo in a key is an error with file, line, column and pointer.
args: check tests/resources/cases/bad/unknown-key.json
status: 65
stdout-empty: yes
--- stderr
leaklaw: tests/resources/cases/bad/unknown-key.json:6:13: /actor/sate: unknown key 'sate'
