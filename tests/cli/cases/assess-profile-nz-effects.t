# New Zealand requires significant effects: without them, no coercion.
args: assess --no-what-if --profile new-zealand-2020 tests/resources/cases/profile/nz-fabricated-insignificant.json
status: 0
json: /elements/coercion/status = "not-met"
json: /lenses/classic/verdict = "no-breach"
