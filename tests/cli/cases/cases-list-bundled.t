# Without a database file the store is empty: the bundled library is
# listed, nothing is created.
args: --db tests/resources/store/none/leaklaw.db cases list --format json
status: 0
json: /format = "leaklaw/case-list/1"
json: /cases/0/origin = "bundled"
stdout-contains: "id": "dnc-2016"
absent: tests/resources/store/none
