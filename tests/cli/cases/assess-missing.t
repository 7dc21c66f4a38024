# Who acted is unknown: the lenses stay open and say which facts decide them.
args: assess tests/resources/cases/partial.yaml
status: 0
json: /lenses/classic/verdict = "undetermined"
json: /lenses/intervention2/verdict = "undetermined"
json: /lenses/leak-norm/verdict = "undetermined"
json: /elements/attribution/status = "undetermined"
json: /elements/foreign-state/status = "undetermined"
json: /missing/0/fact = "/actor/kind"
json: /missing/0/affects = ["classic", "intervention2", "leak-norm"]
json: /missing/2/fact = "/actor/state"
# one fact can still exonerate or take the case out of a lens; a breach
# needs more than two (who acted, for which State, how sure)
stdout-contains: {"lens":"intervention2","verdict":"no-breach","changes":[{"fact":"/actor/kind","from":"unknown","to":"non-state"}]}
stdout-contains: {"lens":"intervention2","verdict":"not-applicable","changes":[{"fact":"/disclosure/status","from":"published","to":"none"}]}
stdout-lacks: "verdict":"breach"
