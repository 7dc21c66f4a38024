# Who acted is unknown: the lenses stay open and say which facts decide them.
args: assess tests/resources/cases/partial.yaml
status: 0
json: /lenses/classic/verdict = "no-breach"
json: /lenses/intervention2/verdict = "undetermined"
json: /lenses/leak-norm/verdict = "undetermined"
json: /elements/attribution/status = "undetermined"
json: /missing/0/fact = "/actor/kind"
json: /missing/0/affects = ["intervention2", "leak-norm"]
json: /missing/1/fact = "/actor/attribution/confidence"
# no single fact makes it a breach: the smallest change is a pair
stdout-contains: {"lens":"intervention2","verdict":"breach","changes":[{"fact":"/actor/kind","from":"unknown","to":"state-organ"},{"fact":"/actor/attribution/confidence","from":"unknown","to":"high"}]}
stdout-contains: {"lens":"intervention2","verdict":"no-breach","changes":[{"fact":"/actor/kind","from":"unknown","to":"non-state"}]}
