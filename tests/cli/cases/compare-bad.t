# A bad case stops the comparison with its location; nothing is written.
args: compare data/cases/dnc-2016.json tests/resources/cases/bad/bad-date.json
status: 65
stdout-empty: yes
stderr-contains: bad-date.json:
