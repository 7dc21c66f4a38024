# Contradictions inside a case are errors located like any other: a State
# link held with high confidence about an actor of unknown kind, knowledge
# of a territory not named, access after the disclosure, a manipulated
# process where none is under way.
args: check tests/resources/cases/bad/contradictions.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/contradictions.json:5:43: /actor/attribution/confidence: attributed with high confidence, but the actor's kind is unknown: a State link held with high confidence says what the actor is (e.g. state-organ, state-directed)
leaklaw: tests/resources/cases/bad/contradictions.json:4:77: /actor/territory_knew: says whether the territorial State knew, but /actor/territory is not stated
leaklaw: tests/resources/cases/bad/contradictions.json:6:45: /access/0/date: access gained after the disclosure date: the material was disclosed before it was obtained
leaklaw: tests/resources/cases/bad/contradictions.json:9:38: /effects/process_manipulated: a process or its results manipulated, but /context/process is none
