# Leave-one-out over the bundled library, as JSON.
args: cases stats --format json
status: 0
json: /format = "leaklaw/case-stats/1"
json: /cases = 18
json: /compared = 18
json: /lenses/0/lens = "classic"
json: /lenses/0/same = 11
json: /cases_nearest/2/case = "dnc-2016"
json: /cases_nearest/2/nearest = "otaiba-2017"
