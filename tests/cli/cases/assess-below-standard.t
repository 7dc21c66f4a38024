# Attribution below the standard of proof is never "no breach": the verdict
# stays open and `missing` names the evidence that would meet the standard.
args: assess tests/resources/cases/principles/p-attribution-moderate.json
status: 0
json: /lenses/intervention2/verdict = "undetermined"
json: /elements/attribution/level = "probable"
json: /missing/0/fact = "/actor/attribution/confidence"
json: /missing/1/fact = "/actor/attribution/basis"
stdout-contains: {"lens":"intervention2","verdict":"breach","changes":[{"fact":"/actor/attribution/confidence","from":"moderate","to":"high"}]}
stdout-lacks: "verdict":"no-breach","changes":[{"fact":"/actor/attribution
