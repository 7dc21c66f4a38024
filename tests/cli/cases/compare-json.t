# The comparison as JSON: one verdict per lens under each profile.
args: compare --profile new-zealand-2020 --format json tests/resources/cases/principles/p-concurring-coercion.json
status: 0
json: /format = "leaklaw/profile-comparison/1"
json: /case = "p-concurring-coercion"
json: /profiles/0/profile = "default"
json: /profiles/0/verdicts/classic = "breach"
json: /profiles/1/profile = "new-zealand-2020"
json: /profiles/1/verdicts/classic = "undetermined"
json: /profiles/1/verdicts/leak-norm = "not-applicable"
