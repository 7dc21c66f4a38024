# JSON Lines on standard input with a bad line in the middle: the bad
# line is reported with its line number and gets a rejected record, the
# batch goes on, exit status 3.
args: assess --format jsonl
stdin: tests/resources/batch/cases-bad-line.jsonl
status: 3
stderr-lines: 1
stderr-contains: leaklaw: <stdin>:3:13: invalid token
jsonl: 0 /case/id = "dnc-2016"
jsonl: 1 /case/id = "art-public-info"
jsonl: 2 /format = "leaklaw/assessment/1"
jsonl: 2 /rejected/line = 3
jsonl: 2 /rejected/source = "<stdin>"
jsonl: 3 /case/id = "dnc-2016"
jsonl: 0 /what_if = []
jsonl: 0 /precedents = []
