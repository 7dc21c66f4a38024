# Every source of a value is listed, and every count of an evidence
# summary: the assessment kept the first 32 sources and the first 16
# counts, dropping here the altered count that decided a rule, silently.
args: assess --compact tests/resources/cases/text/many-cites.json
status: 0
json: /facts/~1victim~1state/sources/0 = "s0"
json: /facts/~1victim~1state/sources/39 = "s39"
json: /case/evidence/0/counts/messages = 21
json: /case/evidence/0/counts/altered = 1
