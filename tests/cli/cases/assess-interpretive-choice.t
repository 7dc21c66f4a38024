# Two applicable rules of equal priority that disagree: never resolved silently.
args: assess --no-what-if tests/resources/cases/article/art-fabricated.json
status: 0
json: /elements/coercion/status = "undetermined"
json: /elements/coercion/choice/rules = ["coercion-deception", "coercion-deception-not-coercive"]
json: /lenses/classic/verdict = "undetermined"
json: /lenses/intervention2/verdict = "breach"
