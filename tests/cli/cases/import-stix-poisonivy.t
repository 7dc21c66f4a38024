# Three campaigns and no intrusion set: three drafts as JSON Lines.
args: import stix tests/resources/stix/poisonivy.json
status: 0
jsonl: 0 /id = "admin-338"
jsonl: 1 /id = "th3bug"
jsonl: 2 /id = "menupass"
jsonl: 2 /actor/attribution/basis = ["private-sector"]
