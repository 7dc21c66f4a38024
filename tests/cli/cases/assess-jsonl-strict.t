# --strict: the first bad case stops the batch with 65, nothing written.
args: assess --format jsonl --strict
stdin: tests/resources/batch/cases-bad-line.jsonl
status: 65
stdout-empty: yes
stderr-contains: <stdin>:3:13: invalid token
