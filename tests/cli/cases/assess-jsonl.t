# Several cases: one compact assessment per line.
args: assess --no-what-if data/cases/dnc-2016.json tests/resources/cases/article/art-public-info.json
status: 0
jsonl: 0 /case/id = "dnc-2016"
jsonl: 1 /case/id = "art-public-info"
jsonl: 1 /lenses/intervention2/verdict = "no-breach"
jsonl: 1 /what_if = []
