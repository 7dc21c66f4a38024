# --save records whole runs; it does not go with the jsonl stream.
args: --db tests/resources/store/none/leaklaw.db assess --save --format jsonl data/cases/dnc-2016.json
status: 2
stderr-contains: --save does not go with --format jsonl
absent: tests/resources/store/none
