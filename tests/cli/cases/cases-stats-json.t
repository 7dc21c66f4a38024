# Leave-one-out over the bundled library, as JSON (the counts grow with the
# library; tests/unit/precedent checks that they add up).
args: cases stats --format json
status: 0
json: /format = "leaklaw/case-stats/1"
json: /lenses/0/lens = "classic"
json: /lenses/1/lens = "intervention2"
json: /lenses/2/lens = "leak-norm"
