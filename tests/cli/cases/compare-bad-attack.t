# compare checks a case's ATT&CK ids against the law as assess does: an
# unknown technique is bad input, located, and nothing is written.
args: compare tests/resources/cases/bad/bad-attack.json
status: 65
stdout-empty: yes
stderr-contains: /access/1/attack: 'T9999' is not a technique of MITRE ATT&CK
