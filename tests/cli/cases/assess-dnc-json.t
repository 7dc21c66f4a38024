# The DNC hack: the leak lenses give a breach; whether releasing authentic
# hacked e-mails is coercion is contested, so the classic lens is open on
# an interpretive choice (both readings named), never silently decided.
args: assess data/cases/dnc-2016.json
status: 0
json: /format = "leaklaw/assessment/1"
json: /case/id = "dnc-2016"
json: /lenses/classic/verdict = "undetermined"
json: /elements/coercion/choice/rules = ["coercion-leak-control", "coercion-leak-not-coercive"]
json: /lenses/intervention2/verdict = "breach"
json: /lenses/leak-norm/verdict = "breach"
json: /elements/attribution/status = "met"
json: /elements/attribution/level = "organ"
json: /elements/intrusiveness/level = "high"
json: /elements/coercion/status = "undetermined"
json: /elements/foreign-state/status = "met"
json: /elements/leak-purpose/level = "inferred"
json: /flags/sovereignty/status = "raised"
json: /flags/espionage/status = "not-raised"
json: /missing = []
