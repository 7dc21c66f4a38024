# Two workers and a directory (sorted) give the records in input order.
args: assess --format jsonl --jobs 2 tests/resources/cases/principles data/cases/dnc-2016.json
status: 0
jsonl: 0 /case/id = "p-attribution-low"
jsonl: 1 /case/id = "p-attribution-moderate"
jsonl: 2 /case/id = "p-concurring-coercion"
