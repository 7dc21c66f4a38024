# Search reaches the bundled cases without any import; query syntax is
# searched as words.
args: --db tests/resources/store/none/leaklaw.db cases search --format json --limit 3 hack-and-leak
status: 0
json: /format = "leaklaw/search/1"
json: /query = "hack-and-leak"
stdout-contains: "origin": "bundled"
absent: tests/resources/store/none
