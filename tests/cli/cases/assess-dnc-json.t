# The article's own analysis of the DNC hack: the contrast it argues.
args: assess data/cases/dnc-2016.json
status: 0
json: /format = "leaklaw/assessment/1"
json: /case/id = "dnc-2016"
json: /lenses/classic/verdict = "no-breach"
json: /lenses/classic/decisive = ["coercion"]
json: /lenses/intervention2/verdict = "breach"
json: /lenses/leak-norm/verdict = "breach"
json: /elements/attribution/status = "met"
json: /elements/attribution/level = "organ"
json: /elements/intrusiveness/level = "high"
json: /elements/coercion/status = "not-met"
json: /flags/sovereignty/status = "raised"
json: /flags/espionage/status = "not-raised"
json: /missing = []
